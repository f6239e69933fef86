"""The search's semantics (scripts/zhiku/search/semantics.py) as a brute-force scan of each page's
words: no keys, no shards, no postings; a piece is looked for inside the words themselves."""
from __future__ import annotations

from zhiku.search.semantics import (FIELDS, MAX_PIECE, MAX_PREFIX, NAME_BONUS, atom_score, canonical, normalize,
                                    posting_code, segments)


def page_words(fields: dict, segmenter) -> dict[str, tuple[list[str], list[str]]]:
    """Each field's (Chinese words, tokens), normalised: every run of Chinese characters cut on its
    own (the build cuts a page's runs in one call), every token as it is."""
    found = {}
    for field in FIELDS:
        value = fields.get(field) or ""
        words, tokens = [], []
        for is_han, part in segments(normalize("\n".join(value) if isinstance(value, list) else value)):
            if is_han:
                words += segmenter.cut(part)
            else:
                tokens.append(part)
        found[field] = (words, tokens)
    return found


class Corpus:
    """Pages as {id: {field: (Chinese words, tokens)}}, and the glossary names of each entry."""

    def __init__(self, pages: dict[int, dict], names: dict[int, list[str]]) -> None:
        self.pages = pages
        self.words = {w for page in pages.values() for words, _ in page.values() for w in words}
        self.names: dict[str, list[int]] = {}  # canonical name → the entries carrying it
        self.forms: dict[int, list[str]] = {}
        for doc, page_names in sorted(names.items()):
            forms = list(dict.fromkeys(c for c in (canonical(n) for n in page_names) if c))
            self.forms[doc] = forms
            for form in forms:
                self.names.setdefault(form, []).append(doc)

    def occurs(self, piece: str) -> bool:
        return any(piece in word for word in self.words if len(word) > 1)

    def cut(self, run: str) -> list[str]:
        pieces, i = [], 0
        while i < len(run):
            for j in range(min(len(run), i + MAX_PIECE), i + 1, -1):
                if self.occurs(run[i:j]):
                    pieces.append(run[i:j])
                    i = j
                    break
            else:
                pieces.append(run[i])
                i += 1
        return pieces

    def atoms(self, normalized: str) -> list[str]:
        found = []
        for is_han, text in segments(normalized):
            found += self.cut(text) if is_han else [text[:MAX_PREFIX]]
        return found

    def alternatives(self, form: str) -> list[list[str]]:
        names = []
        for doc in self.names[form]:
            names += [n for n in self.forms[doc] if n not in names]
        return [a for a in (self.atoms(n) for n in names) if a]

    def counts(self, doc: int, atom: str) -> dict[str, int]:
        found = {}
        for field, (words, tokens) in self.pages[doc].items():
            if len(atom) == 1 and not segments(atom)[0][0]:  # a token of one character: whole tokens
                n = sum(1 for t in tokens if t == atom)
            elif not segments(atom)[0][0]:
                n = sum(1 for t in tokens if t[:len(atom)] == atom)
            elif len(atom) == 1:
                n = sum(1 for w in words if w == atom)
            else:
                n = sum(1 for w in words if len(w) > 1 and atom in w)
            if n:
                found[field] = n
        return found

    def search(self, query: str) -> list[tuple[int, int]]:
        """Every matching page as (id, score), best first."""
        parts = segments(normalize(query))
        if not parts:
            return []
        whole = " ".join(text for _, text in parts)
        if whole in self.names:
            groups, named = [self.alternatives(whole)], set(self.names[whole])
        else:
            named = set()
            groups = [self.alternatives(atom) if atom in self.names else [[atom]] for atom in self.atoms(whole)]
        total = len(self.pages)
        df: dict[str, int] = {}
        codes: dict[tuple[int, str], int] = {}
        for atom in {a for group in groups for alternative in group for a in alternative}:
            for doc, page in self.pages.items():
                counts = self.counts(doc, atom)
                if counts:
                    body = len(page["body"][0]) + len(page["body"][1])
                    codes[doc, atom] = posting_code(counts, body)
            df[atom] = sum(1 for d, a in codes if a == atom)
        found = []
        for doc in self.pages:
            score = 0
            for group in groups:
                best = None
                for alternative in group:
                    if all((doc, a) in codes for a in alternative):
                        value = sum(atom_score(codes[doc, a], df[a], total) for a in alternative)
                        best = value if best is None else max(best, value)
                if best is None:
                    break
                score += best
            else:
                found.append((doc, score + (NAME_BONUS if doc in named else 0)))
        return sorted(found, key=lambda hit: (-hit[1], -hit[0]))

