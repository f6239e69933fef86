"""MkDocs hook: feed Material's search what scripts/zhiku/search/ prepared, and tidy its index.

- before the search plugin starts: its jieba stood in for by the build's segmenter (segmenter.py), which
  reads the user dictionary the build wrote beside the docs;
- per page: listing pages are left out of the index (front matter decides, see search/material.searchable),
  and the build's cuts of the page's Chinese text are handed to the plugin (segment.py);
- after the search plugin wrote the index, before the offline plugin copies it into search_index.js:
  the index tidied (UTF-8, titles without zero-width spaces, glossary names per entry).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from zhiku import segmenter  # noqa: E402
from zhiku.search import dictionary, material as material_index, segment  # noqa: E402


class _BuildSegments:
    """Stands in for the jieba module inside Material's search plugin: cut() answers from the build's
    segments of the current page, else cuts with the build's segmenter (segmenter.py), so that every
    word of the index comes from one cutter."""

    def __init__(self, jieba) -> None:
        self._jieba = jieba
        self.page: dict[str, str] = {}  # run → its words, separated by spaces (segment.parse_cuts)
        self.use_dictionary(None)

    def use_dictionary(self, path: Path | None) -> None:
        """This build's user dictionary (a process may build more than one site)."""
        self._user_dictionary = path if path is not None and path.exists() else None
        self._segmenter: segmenter.Segmenter | None = None

    def __getattr__(self, name):
        return getattr(self._jieba, name)

    def cut(self, text, *args, **kwargs):
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        words = self.page.get(text)
        if words is not None:
            return words.split(" ")
        if self._segmenter is None:
            self._segmenter = segmenter.Segmenter(self._user_dictionary)
        return self._segmenter.cut(text)


_segments: _BuildSegments | None = None


@event_priority(50)
def on_config(config):
    global _segments
    from material.plugins.search import plugin as material_search

    if getattr(material_search, "jieba", None) is not None and _segments is None:
        _segments = material_search.jieba = _BuildSegments(material_search.jieba)
    if _segments is not None:
        _segments.use_dictionary(dictionary.user_dictionary_path(Path(config.docs_dir)))
    return config


@event_priority(100)  # before the search plugin indexes the page
def on_page_context(context, page, config, **kwargs):
    if _segments is not None:
        _segments.page = segment.read_segments(Path(config.docs_dir), page.file.src_uri)
    return context


def on_page_markdown(markdown, page, **kwargs):
    if not material_index.searchable(page.meta):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


@event_priority(-50)
def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        text = material_index.tidy_search_index(index.read_text(encoding="utf-8"), dictionary.read_names(Path(config.docs_dir)))
        index.write_text(text, encoding="utf-8")
