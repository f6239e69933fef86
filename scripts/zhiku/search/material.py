"""Search: what Material's search plugin is fed, and how its index is tidied after the build.

Material (theme language zh) segments Chinese with jieba at build time and matches in the browser
with lunr. zhiku adds three things, all plain data, and plugins/search_index.py is the thin glue:

- a jieba user dictionary made from the glossary (every name and alias) and discovered names, so
  that 扎克伯格, 大模型 or 月之暗面 are indexed as one word, not as 扎克 + 伯格;
- glossary names per entry page, indexed as a boosted `names` field, so that every alias finds its
  entry;
- a tidy index: Chinese as UTF-8, not `\\uXXXX`; no zero-width spaces in result titles; listing
  pages (home, all articles, tags, glossary index) left out, they only repeat article titles.

The query side is site_overrides/assets/javascripts/zhiku-search.js.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..layout import html_path

SEARCHABLE = ("article", "term")  # front-matter `zhiku:` of the pages a reader searches for

_ZWSP = "\u200b"


def searchable(meta: dict) -> bool:
    """Articles and glossary entries are searched; listing pages only repeat their titles."""
    return meta.get("zhiku") in SEARCHABLE


def searchable_markdown(markdown: str) -> bool:
    """`searchable` for a page as zhiku writes it, read from its front matter."""
    if not markdown.startswith("---\n"):
        return False
    end = markdown.find("\n---\n")  # not split: the page may be a large one
    front = markdown if end < 0 else markdown[:end]
    return any(f"\nzhiku: {kind}\n" in front + "\n" for kind in SEARCHABLE)


# Material's search downloads and indexes the whole index before its first answer: about 15 s for a
# 25 MB index in Chromium here (bench/search_size.py), so past this a reader waits and should be told.
INDEX_LOADS_QUICKLY = 20_000_000  # bytes


def index_size_warning(site_dir: Path) -> str | None:
    """A warning when the built site's search index is past what a browser loads quickly, else None."""
    index = Path(site_dir) / "search" / "search_index.json"
    size = index.stat().st_size if index.exists() else 0
    if size <= INDEX_LOADS_QUICKLY:
        return None
    return (f"the search index is {size / 1e6:.0f} MB: a browser downloads and indexes all of it before "
            f"the first answer (about 15 s at 25 MB); bench/README.md, \"Search at scale\", has the alternative")


def tidy_search_index(text: str, names: dict[str, list[str]] | None = None) -> str:
    """Material's search_index.json, tidied: Chinese as UTF-8, titles without zero-width spaces,
    glossary names as a `names` field (boosted like the title) on the top entry of their page, and
    of a glossary entry only that top part (name, definition, aliases): its lists of mentions repeat
    the articles' text and were half the index of a 1,000-article site.

    Titles can go without the zero-width spaces that jieba's words are joined with because the
    query script matches Chinese inside words (*智能* finds 人工智能) and the separator splits
    Chinese from Latin (重建Meta帝国 → 重建 meta 帝国); body text keeps them, for ranking.
    """
    data = json.loads(text)
    by_location = {html_path(page): page_names for page, page_names in (names or {}).items()}
    docs = []
    for doc in data["docs"]:
        page, _, section = doc["location"].partition("#")
        if section and page in by_location:
            continue  # an entry's mention snippets and related terms: the articles' own text, again
        doc["title"] = doc["title"].replace(_ZWSP, "")
        if page in by_location:
            doc["names"] = "、".join(by_location[page])
        docs.append(doc)
    data["docs"] = docs
    fields = data["config"]["fields"]
    if by_location and "names" not in fields:
        fields["names"] = {"boost": fields.get("title", {}).get("boost", 1e3)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
