"""MkDocs hook: Material's search box without Material's search index.

Material shows its search box only while its search plugin is enabled, and that plugin builds a lunr
index of every page as MkDocs renders them. zhiku's own index is in the docs folder already
(scripts/zhiku/search/index.py), so the plugin stays enabled, for the box, and its two indexing
events are taken off MkDocs' event lists: it indexes no page and writes no search_index.json (and
the offline plugin, finding none, writes no search_index.js). Material's bundle is given the
worker and the (empty) index it asks for by site_overrides/assets/javascripts/zhiku-material.js.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

_INDEXING = ("page_context", "post_build")


@event_priority(-100)  # after every plugin's on_config
def on_config(config):
    search = config.plugins.get("material/search")
    if search is not None:
        for event in _INDEXING:
            config.plugins.events[event] = [method for method in config.plugins.events[event]
                                            if getattr(method, "__self__", None) is not search]
    return config
