"""The data model that flows through every stage: read → clean → extract → glossary → link → write →
pictures → search. Plain data: nothing here reads the disk. An article read from the cache comes
without its body (`blocks` and `dropped` are None) until a stage that needs it is given it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple


class SourceLine(NamedTuple):
    """One line of an input page, numbered from 1 as an editor shows it. A tuple: two are made for
    every line of every page, most of them blank (image gaps)."""

    number: int
    text: str


@dataclass(frozen=True)
class Dropped:
    """Input lines that did not go into the Markdown body, and why (the ingest report)."""

    first: int
    last: int
    reason: str
    text: str = ""

    def as_dict(self) -> dict:
        entry = {"lines": [self.first, self.last], "reason": self.reason}
        if self.text:
            entry["text"] = self.text
        return entry


@dataclass(frozen=True)
class Block:
    """A piece of article body: a level-2 heading, a paragraph of plain (unescaped) text, or code (its
    lines as the page has them)."""

    kind: str  # "heading" | "paragraph" | "code"
    text: str


@dataclass(frozen=True)
class Reference:
    publisher: str
    title: str

    def as_dict(self) -> dict:
        return {"publisher": self.publisher, "title": self.title}


@dataclass
class RawPage:
    """An input file, decoded, before any cleaning."""

    path: str  # relative to the input folder, with '/' separators
    text: str
    sha256: str  # of the file's bytes
    encoding: str = "utf-8"  # as detected by read.decode_page
    format: str = "text"  # "text" (portal dump) | "html" | "markdown", from the file name
    mtime: float | None = None  # when the file was saved: the reference for 3小时前, 昨天 10:20


@dataclass
class TextFacts:
    """What the site-wide stages need of an article's text, so that they need not read it (facts.py)."""

    chars: int  # of body text: term discovery samples the site by size
    lead: str  # the first paragraph's first facts.LEAD_CHARS characters: excerpts
    # Kept with the body, None until read: Latin word, case-folded → as written → count (the spelling
    # a glossary name takes), and capitalised Latin name → count (term discovery's Latin candidates).
    latin_words: dict[str, dict[str, int]] | None = None
    latin_names: dict[str, int] | None = None


@dataclass
class Article:
    source_path: str
    sha256: str
    title: str = ""
    date: datetime | None = None
    clicks: int | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None  # 责任编辑: who edited the page, not who wrote it
    keywords: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    blocks: list[Block] | None = field(default_factory=list)  # None: not read from the cache
    # The portal's site-wide hot-search keyword line: chrome for the article, input for the glossary.
    portal_keyword_line: str = ""
    dropped: list[Dropped] | None = field(default_factory=list)  # None: not read from the cache
    problems: list[str] = field(default_factory=list)
    facts: TextFacts | None = None  # set when the page is extracted (facts.compute_facts)
    # The site the page came from (an HTML page's host), and, set by ingest each build, the blocks of
    # the body removed because they repeat across the site's pages: block key → reason (extract/template.py).
    site: str = ""
    chrome_repeats: dict[str, str] = field(default_factory=dict)
    # The extraction's key (content, code and profile): what the later stages' keys are made from.
    content_key: str = ""
    slug: str = ""
    # Filled by the link stage: the linked terms and related articles; the linked body and its key.
    terms: list[str] = field(default_factory=list)
    related: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (slug, title, shared terms)
    link_key: str = ""
    linked_blocks: list[str] | None = None  # the body as Markdown with term links, when it is rendered

    @property
    def has_body(self) -> bool:
        return self.blocks is not None


@dataclass
class Term:
    """A glossary entry: one canonical name and the aliases that mean the same thing."""

    name: str
    aliases: list[str] = field(default_factory=list)
    definition: str = ""
    link: bool = True  # False: listed in the glossary, never auto-linked
    case_sensitive: bool = False
    sources: list[str] = field(default_factory=list)  # where the term came from: portal, keywords, curated
    slug: str = ""

    @property
    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class LinkResult:
    """What the link stage found in one article: mentions per term, the terms mentioned but not
    linked (a term never linked, or every mention beside another link), and, when read, the linked
    body and each term's first mention in context (Markdown)."""

    key: str
    counts: dict[str, int]
    unlinked: list[str]
    blocks: list[str] | None = None
    snippets: dict[str, str] | None = None
