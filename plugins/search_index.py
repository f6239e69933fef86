"""MkDocs hook: feed Material's search what scripts/zhiku/search.py prepared, and tidy its index.

- before the search plugin starts: its jieba user dictionary, written by the build beside the docs;
- per page: listing pages are left out of the index (front matter decides, see search.searchable);
- after the search plugin wrote the index, before the offline plugin copies it into search_index.js:
  the index tidied (UTF-8, titles without zero-width spaces, glossary names per entry).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from zhiku import search  # noqa: E402


@event_priority(50)
def on_config(config):
    plugin = config.plugins.get("material/search")
    path = search.user_dictionary_path(Path(config.docs_dir))
    if plugin is not None and path.exists():
        plugin.config.jieba_dict_user = str(path)
    return config


def on_page_markdown(markdown, page, **kwargs):
    if not search.searchable(page.meta):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


@event_priority(-50)
def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        text = search.tidy_search_index(index.read_text(encoding="utf-8"), search.read_names(Path(config.docs_dir)))
        index.write_text(text, encoding="utf-8")
