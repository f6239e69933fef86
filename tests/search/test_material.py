"""Material's index, tidied; which pages are searched."""
import json

from zhiku.search.material import searchable, tidy_search_index


def test_tidy_index_utf8_titles_without_zwsp_and_names():
    raw = json.dumps({"config": {"fields": {"title": {"boost": 1000.0}}},
                      "docs": [{"location": "glossary/zha-ke-bo-ge.html", "title": "扎克\u200b伯格", "text": "马克\u200b·"},
                               {"location": "glossary/zha-ke-bo-ge.html#x", "title": "相关", "text": ""}]})
    tidy = tidy_search_index(raw, {"glossary/zha-ke-bo-ge.md": ["扎克伯格", "小扎"]})
    assert "\\u" not in tidy and "扎克伯格" in tidy
    data = json.loads(tidy)
    assert data["docs"][0]["title"] == "扎克伯格" and data["docs"][0]["names"] == "扎克伯格、小扎"
    assert data["docs"][0]["text"] == "马克\u200b·"  # body keeps jieba's word boundaries
    assert len(data["docs"]) == 1  # the entry's mention lists are the articles' text again
    assert data["config"]["fields"]["names"] == {"boost": 1000.0}


def test_only_articles_and_glossary_entries_are_searched():
    assert searchable({"zhiku": "article"}) and searchable({"zhiku": "term"})
    assert not searchable({"title": "全部文章"})


def test_a_search_index_past_what_a_browser_loads_quickly_is_warned_about(tmp_path):
    from zhiku.search.material import INDEX_LOADS_QUICKLY, index_size_warning

    assert index_size_warning(tmp_path) is None  # no index (a site without search)
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    with open(index, "wb") as handle:
        handle.truncate(INDEX_LOADS_QUICKLY)
    assert index_size_warning(tmp_path) is None
    with open(index, "wb") as handle:
        handle.truncate(INDEX_LOADS_QUICKLY * 12)
    assert "240 MB" in index_size_warning(tmp_path)
