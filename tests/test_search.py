"""search.py: the jieba user dictionary, the tidied index; bundle.py: the zip."""
import json
import zipfile
from datetime import datetime, timedelta, timezone

from zhiku.bundle import write_bundle
from zhiku.search import dictionary_words, jieba_user_dictionary, searchable, tidy_search_index


def test_dictionary_keeps_chinese_runs_of_two_or_more():
    words = dictionary_words(["扎克伯格", "生成式AI", "金·卡戴珊", "OpenAI", "Llama 2", "大模型", "大模型", ""])
    assert words == ["卡戴珊", "大模型", "扎克伯格", "生成式"]
    assert jieba_user_dictionary(["扎克伯格", "大模型"]) == "大模型\n扎克伯格\n"


def test_user_dictionary_keeps_names_whole_in_jieba():
    import io

    import jieba

    tokenizer = jieba.Tokenizer()
    assert "扎克伯格" not in tokenizer.lcut("官方的回应又给了扎克伯格一击")
    tokenizer.load_userdict(io.BytesIO(jieba_user_dictionary(["扎克伯格", "大模型"]).encode()))
    assert "扎克伯格" in tokenizer.lcut("官方的回应又给了扎克伯格一击")
    assert "大模型" in tokenizer.lcut("只因他的开源大模型")


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


def test_bundle_is_deterministic_and_in_one_folder(tmp_path):
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "index.html").write_text("首页", encoding="utf-8")
    (site / "articles" / "a.html").write_text("文章", encoding="utf-8")
    newest = datetime(2024, 5, 24, 11, 2, tzinfo=timezone(timedelta(hours=8)))
    assert write_bundle(site, tmp_path / "one.zip", newest=newest) == 2
    write_bundle(site, tmp_path / "two.zip", folder="one", newest=newest)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as bundle:
        assert bundle.namelist() == ["one/articles/a.html", "one/index.html"]
        assert bundle.read("one/index.html").decode() == "首页"


def test_a_search_index_past_what_a_browser_loads_quickly_is_warned_about(tmp_path):
    from zhiku.search import INDEX_LOADS_QUICKLY, index_size_warning

    assert index_size_warning(tmp_path) is None  # no index (a site without search)
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    with open(index, "wb") as handle:
        handle.truncate(INDEX_LOADS_QUICKLY)
    assert index_size_warning(tmp_path) is None
    with open(index, "wb") as handle:
        handle.truncate(INDEX_LOADS_QUICKLY * 12)
    assert "240 MB" in index_size_warning(tmp_path)
