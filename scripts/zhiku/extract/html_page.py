"""Saved HTML pages: fields chosen by html_extract.py, then the same text cleaning as the text dump.

html_extract.py chooses the title, body, date and people of the page by explicit rules over the page's
structured data, script variables, headings and a text-density map (trafilatura is its fallback for
the body). The body's paragraphs then go through `extract.extract_article` like a text dump, so the
portal's click/time line, section headings, references and footer lines are recognised the same way.

The report's `not_in_body` for an HTML page counts lines of the candidate text: line 1 is the title,
line n + 1 the n-th block of the chosen body element (kept or dropped, each dropped one with its reason).
"""
from __future__ import annotations

from datetime import datetime

from ..clean.chrome import normalise_line
from ..model import Article, Block, Dropped, RawPage
from ..profile import SourceProfile
from .html_fields import Extraction, extract_fields
from .text_dump import extract_article, parse_keywords


# Characters of article text under which the density rules are not trusted to have found the article.
FEW_CHARACTERS = 100


def _fallback_body(raw: RawPage) -> list[tuple[str, str]]:
    """trafilatura's main text, for pages where the density rules find next to no prose; none when
    most of it is the text of the page's links (a list of links is no article, whoever finds it)."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(raw.text)
    if tree is None:
        return []
    links = {normalise_line(a.text_content()) for a in tree.iter("a")}
    text = trafilatura.extract(tree, include_comments=False, include_tables=True, favor_recall=True,
                               deduplicate=False) or ""
    lines = [line for line in (normalise_line(t) for t in text.split("\n")) if line]
    linked = sum(len(line) for line in lines if line.lstrip("-•· ") in links)
    if lines and linked * 2 >= sum(map(len, lines)):
        return []
    return [("paragraph", line) for line in lines]


def extraction(raw: RawPage, profile: SourceProfile, mtime: float | None = None) -> Extraction:
    reference = datetime.fromtimestamp(mtime, profile.timezone) if mtime is not None else None

    def dump_line(text: str) -> bool:
        return any(p.match(text) for p in (profile.clicks_date, profile.keywords, profile.source_author))

    found = extract_fields(raw.text, profile.html, profile.timezone, reference=reference, is_metadata_line=dump_line)
    kept = sum(len(t) for _, t in found.blocks)
    if found.title and kept < FEW_CHARACTERS and not any(p.startswith("login wall") for p in found.problems):
        # The density rules found next to nothing: a page of links, or an article they missed. A second
        # extractor's main text decides, when it finds clearly more.
        fallback = [b for b in _fallback_body(raw) if b[1] != found.title]
        text = sum(len(t) for _, t in fallback)
        if text >= 40 and (not found.blocks or (text >= FEW_CHARACTERS and text >= 2 * kept)):
            found.blocks = fallback
            found.candidates = [(t, None) for _, t in fallback]
            found.problems = [p for p in found.problems if not p.startswith(("no body", "link list"))]
            found.problems.append(f"fallback body: the page's structure gave {kept} characters of text; trafilatura's "
                                  f"main text ({text} characters) is the body, and may hold some of the page's chrome")
            found.explain["body"].rule += f"; fallback: trafilatura's main text ({text} characters, against {kept})"
    return found


CODE_MARK = "zhiku-code-block-"  # a line that stands for a code block in the text-dump stage


def extract_html(raw: RawPage, profile: SourceProfile, *, mtime: float | None = None) -> Article:
    """One saved HTML page as an Article; problems are recorded on it, never raised."""
    found = extraction(raw, profile, mtime if mtime is not None else getattr(raw, "mtime", None))
    if not found.title:
        article = Article(source_path=raw.path, sha256=raw.sha256)
        article.problems = ["no title: the page has no <title>, <h1> or og:title"]
        return article
    # The text-dump stage reads the blocks as lines of text; a code block goes through it as a line that
    # stands for it (its own lines would be read as paragraphs), and comes back as it was.
    mark = f"{CODE_MARK}{raw.sha256[:16]}-"  # a page's text cannot hold its own hash
    codes = {f"{mark}{i}": text for i, (kind, text) in enumerate(found.blocks) if kind == "code"}
    kept = [f"{mark}{i}" if kind == "code" else text for i, (kind, text) in enumerate(found.blocks)]
    text = "\n\n".join([found.title, *kept])
    article = extract_article(RawPage(raw.path, text, raw.sha256, raw.encoding, raw.format), profile)
    article.title = found.title
    headings = {t for kind, t in found.blocks if kind == "heading"}
    article.blocks = [Block("code", codes[b.text]) if b.text in codes
                      else Block("heading", b.text) if b.kind == "paragraph" and b.text in headings else b
                      for b in article.blocks]
    article.dropped = _report_lines(article.dropped, found)
    article.site = found.site
    _fill_metadata(article, found, profile)
    article.problems += [p for p in found.problems if p not in article.problems]
    return article


def _report_lines(dump_dropped: list[Dropped], found: Extraction) -> list[Dropped]:
    """Dropped lines numbered in the candidate text: 1 the title, n + 1 the n-th body block."""
    kept_at = [i + 2 for i, (_, reason) in enumerate(found.candidates) if reason is None]
    dropped = [Dropped(i + 2, i + 2, reason, text) for i, (text, reason) in enumerate(found.candidates) if reason]
    for entry in dump_dropped:  # lines of the dump text: 1 title, 3, 5, … the kept blocks
        if entry.reason == "blank":
            continue
        line = 1 if entry.first == 1 else kept_at[(entry.first - 3) // 2] if (entry.first - 3) // 2 < len(kept_at) else 0
        if line != 1 or entry.reason != "metadata: title":
            dropped.append(Dropped(line, line, entry.reason, entry.text))
    dropped.append(Dropped(1, 1, "metadata: title", found.title))
    dropped += [Dropped(0, 0, reason, text) for text, reason in found.dropped_outside]
    return sorted(dropped, key=lambda d: d.first)


def _fill_metadata(article: Article, found: Extraction, profile: SourceProfile) -> None:
    """What the dump stage did not find, from the HTML stage's choices."""
    no_time = [p for p in article.problems if p.startswith("no publish time")]
    if article.date is None and found.date is not None:
        article.date = found.date
    if article.date is not None or any(p.startswith("date does not parse") for p in found.problems):
        article.problems = [p for p in article.problems if p not in no_time]
    elif no_time:
        article.problems = [p if p not in no_time else "no publish time: no date in the page's metadata, scripts "
                            "or header line" for p in article.problems]
    article.author = article.author or found.author
    article.source = article.source or found.source
    article.editor = found.editor
    if not article.keywords and found.keywords:
        article.keywords = parse_keywords(found.keywords, profile)


def explain(path, profile: SourceProfile) -> str:
    """`build.py --explain PAGE`: each field, the rule or source that chose it, the candidates it beat,
    and every block of the chosen body with the reason it was dropped."""
    from pathlib import Path

    from ..read.files import read_page

    path = Path(path)
    raw = read_page(path, path.parent)
    found = extraction(raw, profile, path.stat().st_mtime)
    lines = [f"{path}: {raw.format}, {raw.encoding}" + (f", portal file {found.portal}" if found.portal else "")]
    for name in ("title", "body", "date", "source", "author", "editor", "site"):
        choice = found.explain.get(name)
        if choice is None:
            continue
        lines.append(f"{name}: {choice.value if choice.value is not None else '(none)'}")
        lines.append(f"    rule: {choice.rule}")
        lines += [f"    beat: {value}  ({source})" for value, source in choice.beaten]
    lines.append(f"blocks of the body ({sum(r is None for _, r in found.candidates)} kept, "
                 f"{sum(r is not None for _, r in found.candidates)} dropped):")
    for text, reason in found.candidates:
        short = text if len(text) <= 60 else text[:57] + "…"
        lines.append(f"    {'keep' if reason is None else 'drop'}  {short}" + (f"  [{reason}]" if reason else ""))
    lines += [f"    drop  {text[:57]}  [{reason}]" for text, reason in found.dropped_outside]
    lines += [f"problem: {p}" for p in found.problems]
    return "\n".join(lines)
