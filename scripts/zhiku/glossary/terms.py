"""The glossary: terms from the portal's hot-search line, article keywords and the curated file, merged."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..cache.sums import SiteSum
from ..extract.facts import facts_of
from ..model import Article, Term
from ..read.ingest import EXTRACT
from .curated import CuratedEntry
from .pinyin import pinyin_slug, syllables

_LATIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .+\-_']*$")
_FRAGMENT = re.compile(r"^(?:[A-Za-z]|\d+)$")  # a lone Latin letter or a bare number is never a term


def _squash(name: str) -> str:
    """Compare Latin names ignoring case, spaces and hyphens: 'DALL- E' ~ 'dall-e' ~ 'DALLE'."""
    return re.sub(r"[\s\-_.]", "", name).casefold()


def parse_keyword_line(line: str) -> tuple[list[list[str]], list[str]]:
    """Synonym groups from the portal's hot-search line, and the fragments that could not be placed.

    The line separates terms with spaces and synonyms with commas, but also uses spaces inside
    Latin names ('Stable Diffusion,StableDiffusion,stable', 'Red panda,panda', 'DALL- E 3 DALL E DALL').
    Names are repaired before grouping:
    - a token ending in '-' joins the next one ('DALL-' 'E' → 'DALL-E');
    - a lone letter or bare number joins the Latin name before it ('DALL-E' '3' → 'DALL-E 3');
    - a word joins the comma group after it when the group says so: another alias is the two joined
      ('Stable' + 'Diffusion' = 'StableDiffusion') or the group repeats its first name ('panda,panda');
    - neighbouring Latin names of which one is a prefix of the other are one term (DALL-E 3, DALL E, DALL).
    """
    tokens: list[str] = []
    for token in line.split():
        if tokens and tokens[-1].endswith("-") and not tokens[-1].endswith(","):
            tokens[-1] += token
        else:
            tokens.append(token)

    groups: list[list[str]] = []
    fragments: list[str] = []
    for token in tokens:
        names = [n for n in token.split(",") if n]
        if not names:
            continue
        previous = groups[-1] if groups else None
        single_latin = previous is not None and len(previous) == 1 and _LATIN.match(previous[0])
        if len(names) == 1 and _FRAGMENT.match(names[0]):
            if single_latin:
                previous[0] = f"{previous[0]} {names[0]}"
            else:
                fragments.append(names[0])
            continue
        if single_latin and len(names) > 1 and _LATIN.match(names[0]):
            joined = f"{previous[0]} {names[0]}"
            if names[0] in names[1:] or any(_squash(n) == _squash(joined) for n in names[1:]):
                groups[-1] = [joined, *names[1:]]
                continue
        groups.append(names)

    merged: list[list[str]] = []
    for group in groups:
        last = merged[-1] if merged else None
        if (last and len(group) == 1 and _LATIN.match(group[0]) and all(_LATIN.match(n) for n in last)
                and any(_is_prefix_pair(_squash(group[0]), _squash(n)) for n in last)):
            last.append(group[0])
        else:
            merged.append(list(group))
    return [_dedupe(g) for g in merged], fragments


def _is_prefix_pair(a: str, b: str) -> bool:
    return len(min(a, b, key=len)) >= 3 and (a.startswith(b) or b.startswith(a))


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        name = re.sub(r"\s*-\s*", "-", name.strip())
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return out


@dataclass
class GlossaryBuild:
    terms: list[Term]
    problems: list[str] = field(default_factory=list)  # curated-file errors and unplaceable fragments


class _Merger:
    """Union of synonym groups: names equal ignoring case belong to one term."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.spellings: dict[str, list[str]] = {}  # key → spellings in first-seen order
        self.sources: dict[str, set[str]] = {}

    def _find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def add(self, names: list[str], source: str) -> None:
        keys = []
        for name in names:
            key = name.casefold()
            if key not in self.parent:
                self.parent[key] = key
                self.spellings[key] = []
            if name not in self.spellings[key]:
                self.spellings[key].append(name)
            self.sources.setdefault(key, set()).add(source)
            keys.append(key)
        for key in keys[1:]:
            a, b = self._find(keys[0]), self._find(key)
            if a != b:
                self.parent[b] = a

    def groups(self) -> list[list[str]]:
        by_root: dict[str, list[str]] = {}
        for key in self.parent:  # insertion order: the order names were first seen
            by_root.setdefault(self._find(key), []).append(key)
        return list(by_root.values())


def build_glossary(articles: list[Article], curated: list[CuratedEntry], written: dict[str, list[int]] | None = None,
                   learn_pinyin: Callable[[list[str]], None] | None = None) -> GlossaryBuild:
    """Merge the three sources into terms; curated entries win over what was found. `written`: how
    often the bodies write each Latin word in each casing (latin_spellings, added up over the site;
    SPELLINGS keeps the sum), which decides the casing of a name found in lower case.
    `learn_pinyin(names)`: called before the terms are put in pinyin order (pinyin.learn)."""
    groups: list[tuple[list[str], str]] = []
    problems: list[str] = []
    for line in sorted({a.portal_keyword_line for a in articles if a.portal_keyword_line}):
        portal_groups, fragments = parse_keyword_line(line)
        groups += [(group, "portal") for group in portal_groups]
        problems += [f"hot-search line: fragment {f!r} is not a term and was left out" for f in fragments]
    groups += [([keyword], "keywords") for article in articles for keyword in article.keywords]
    groups += [([entry.name, *entry.aliases, *entry.merge], "curated") for entry in curated]
    # A curated split takes a name out of every group it was found in: it becomes a term of its own.
    split = {name.casefold(): name for entry in curated for name in entry.split}
    merger = _Merger()
    for names, source in groups:
        kept = [n for n in names if n.casefold() not in split]
        if kept:
            merger.add(kept, source)
    for name in split.values():
        merger.add([name], "curated")

    by_key = {entry.name.casefold(): entry for entry in curated}
    dropped = {name.casefold() for entry in curated if entry.drop for name in (entry.name, *entry.aliases)}
    groups = merger.groups()
    if written is None:
        written = _add_up(latin_spellings(facts_of(a).latin_words) for a in articles)
    usage = _spelling_usage(written, {keys[0] for keys in groups})
    terms: list[Term] = []
    for keys in groups:
        if any(k in dropped for k in keys):
            continue
        entry = next((by_key[k] for k in keys if k in by_key), None)
        spellings = [s for k in keys for s in merger.spellings[k]]
        name = entry.name if entry else _display_name(keys, merger.spellings, usage)
        aliases = [s for s in spellings if s != name]
        sources = sorted({s for k in keys for s in merger.sources[k]})
        term = Term(name=name, aliases=aliases, sources=sources)
        if entry:
            term.definition = entry.definition
            term.link = entry.link
            term.case_sensitive = entry.case_sensitive
        terms.append(term)
    if learn_pinyin is not None:
        learn_pinyin([term.name for term in terms])
    terms.sort(key=sort_key)
    assign_term_slugs(terms)
    return GlossaryBuild(terms, problems)


def latin_spellings(latin_words: dict[str, dict[str, int]]) -> dict[str, list[int]]:
    """The Latin words of an article's body as written, with their counts (its facts' latin_words)."""
    return {spelling: [count] for spellings in latin_words.values() for spelling, count in spellings.items()}


def _spellings_of(extraction: dict) -> dict[str, list[int]]:
    return latin_spellings(extraction["body"]["latin_words"])


SPELLINGS = SiteSum("latin-spellings", EXTRACT, _spellings_of, body=True)


def _add_up(parts) -> dict[str, list[int]]:
    total: dict[str, list[int]] = {}
    for part in parts:
        for name, (count,) in part.items():
            total[name] = [total.get(name, [0])[0] + count]
    return total


def _spelling_usage(spellings: dict[str, list[int]], wanted: set[str]) -> dict[str, Counter]:
    """How often each spelling of a Latin word occurs in the article bodies, by case-folded word;
    only the `wanted` case-folded words."""
    usage: dict[str, Counter] = {}
    for spelling, (count,) in sorted(spellings.items()):
        folded = spelling.casefold()  # as facts.py groups them
        if folded in wanted:
            usage.setdefault(folded, Counter())[spelling] += count
    return usage


def _display_name(keys: list[str], spellings: dict[str, list[str]], usage: dict[str, Counter]) -> str:
    """The group's first-seen name, in the casing the article bodies use most ('openai' → 'OpenAI')."""
    variants = spellings[keys[0]]
    written = usage.get(keys[0], Counter())
    if not written:
        return variants[0]
    return max(written, key=lambda s: (written[s], s in variants, s))


def sort_key(term: Term) -> tuple:
    """Pinyin order for Chinese and Latin terms together: 大模型 (da) before OpenAI (o) before 扎克伯格 (zha)."""
    return ("".join(syllables(term.name)).casefold(), term.name.casefold(), term.name)


def index_letter(term: Term) -> str:
    first = sort_key(term)[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


def assign_term_slugs(terms: list[Term]) -> None:
    taken: dict[str, int] = {}
    for term in terms:
        base = pinyin_slug(term.name, max_length=50)
        taken[base] = taken.get(base, 0) + 1
        term.slug = base if taken[base] == 1 else f"{base}-{taken[base]}"
