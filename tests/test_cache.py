"""The caches' own rules: what a Memo keeps from one build to the next."""
import pytest

from zhiku.cache import CacheBusy, LazyDict, LazyList, Memo, cache_lock

HEADER = "zhiku memo\t\n"  # a Memo's first line: its code version (none here)


def test_memo_keeps_what_the_run_used_and_appends_what_it_added(tmp_path):
    memo = Memo(tmp_path, "m")
    for i in range(2000):
        memo.put(f"k{i}", {"n": i, "text": "大模型"})
    memo.save()
    lines = (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()[1:]  # after the header
    assert len(lines) == 2000 and lines[0] == 'k0\t{"n":0,"text":"大模型"}'

    again = Memo(tmp_path, "m")
    assert again.get("k5") == {"n": 5, "text": "大模型"} and again.get("missing") is None
    for i in range(1, 2000):
        again.get(f"k{i}")
    again.put("k1", {"n": -1})  # changed: one line appended, the file not written whole
    again.save()
    lines = (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    assert len(lines) == 2001 and lines[-1] == 'k1\t{"n":-1}'
    assert Memo(tmp_path, "m").get("k1") == {"n": -1}  # the later line wins
    again.save()  # saved already: nothing appended twice
    assert len((tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()) == 2002


def test_memo_drops_what_no_run_used_once_it_is_a_quarter_of_the_file(tmp_path):
    memo = Memo(tmp_path, "m")
    for i in range(100):
        memo.put(f"k{i}", i)
    memo.save()
    used = Memo(tmp_path, "m")
    assert used.peek("k99") == 99  # peeking does not keep an entry
    for i in range(50):
        used.get(f"k{i}")
    used.save()
    kept = Memo(tmp_path, "m")
    assert [kept.get(f"k{i}") for i in (0, 49, 50, 99)] == [0, 49, None, None]


def test_memo_survives_a_line_cut_short(tmp_path):
    (tmp_path / "m.jsonl").write_text(HEADER + 'a\t1\nb\t{"cut', encoding="utf-8")  # a build killed mid-append
    memo = Memo(tmp_path, "m")
    assert memo.get("a") == 1 and memo.get_json("b") is None
    memo.put("c", 3)
    memo.save()  # written whole: the next line must not be glued to the cut one
    assert (tmp_path / "m.jsonl").read_text(encoding="utf-8") == HEADER + 'a\t1\nc\t3\n'
    (tmp_path / "m.jsonl").write_text(HEADER + 'a\t{"cut\n', encoding="utf-8")  # a value that does not decode
    assert Memo(tmp_path, "m").get("a") is None


def test_a_memo_line_that_is_not_utf8_is_not_known_and_the_others_are(tmp_path):
    (tmp_path / "m.jsonl").write_bytes(HEADER.encode() + b'a\t1\nb\t"\xff"\n\xfe\t2\nc\t"\xe5\xa4\xa7"\n')
    memo = Memo(tmp_path, "m")
    assert memo.get("a") == 1 and memo.get("c") == "大"
    assert memo.get("b") is None and memo.get_json("b") is None  # never handed on to be spliced


def test_lazy_list_reads_once_and_only_when_used():
    reads = []
    items = LazyList(lambda: reads.append(1) or [1, 2, 3])
    assert reads == []
    assert list(items) == [1, 2, 3] and items[1] == 2 and len(items) == 3 and items == [1, 2, 3]
    assert reads == [1]


def test_memo_keys_may_hold_any_character(tmp_path):
    memo = Memo(tmp_path, "m")
    keys = ["文章/a b.md", "tab\there", "line\nbreak", "back\\slash\\t", "cr\r"]
    for i, key in enumerate(keys):
        memo.put(key, i)
    memo.save()
    assert len((tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()) == 1 + len(keys)
    again = Memo(tmp_path, "m")
    assert [again.get(key) for key in keys] == list(range(len(keys)))


def test_a_memo_written_by_other_code_is_not_read(tmp_path):
    memo = Memo(tmp_path, "m", version="v1")
    memo.put("k", {"counts": {"广告": 2}})
    memo.save()
    assert Memo(tmp_path, "m", version="v1").get("k") == {"counts": {"广告": 2}}
    assert Memo(tmp_path, "m", version="v2").get("k") is None  # the values may mean something else now


def test_lazy_list_goes_to_a_worker_process_as_a_plain_list():
    import pickle

    assert pickle.loads(pickle.dumps(LazyList(lambda: ["段落"]))) == ["段落"]


def test_lazy_dict_reads_once_and_only_when_used_and_travels_as_a_dict():
    import pickle

    reads = []
    words = LazyDict(lambda: reads.append(1) or {"openai": {"OpenAI": 2}})
    assert reads == [] and repr(words) == "LazyDict(<not read>)"
    assert words["openai"] == {"OpenAI": 2} and list(words) == ["openai"] and words == {"openai": {"OpenAI": 2}}
    assert reads == [1]
    assert type(pickle.loads(pickle.dumps(words))) is dict


def test_a_second_build_on_the_same_cache_folder_stops_with_a_clear_error(tmp_path):
    with cache_lock(tmp_path / "cache"):
        with pytest.raises(CacheBusy, match="another build is using the cache folder"):
            with cache_lock(tmp_path / "cache"):
                pass
    with cache_lock(tmp_path / "cache"):  # free again once the first build ended
        pass


def test_an_article_from_its_head_reads_the_body_and_large_facts_once_and_only_when_asked():
    from zhiku.cache import article_from_json, article_to_json, head_of
    from zhiku.facts import compute_facts
    from zhiku.model import Article, Block

    article = Article("a.txt", "0" * 64, title="重建Meta帝国", blocks=[Block("paragraph", "Meta 和 OpenAI，还有 openai。")])
    article.facts = compute_facts(article)
    entry = {"article": article_to_json(article)}
    head = head_of(entry)["article"]
    assert "blocks" not in head and set(head["facts"]) == {"chars", "lead", "title", "title_slug"}
    loads = []
    again = article_from_json(head, load_body=lambda: loads.append(1) or entry)
    assert again.facts.title_slug == "chong-jian-meta-di-guo" and loads == []
    assert again.facts.latin_words == {"meta": {"Meta": 1}, "openai": {"OpenAI": 1, "openai": 1}}
    assert again.blocks == article.blocks and again.facts.latin_names == {"Meta": 1, "OpenAI": 1}
    assert loads == [1]


def test_memo_values_read_as_json_reads_them(tmp_path):
    """orjson reads the memos (cache.loads); what it refuses and json reads is still read."""
    memo = Memo(tmp_path, "m")
    values = {"big": 2 ** 64 - 1, "small": -2 ** 63, "infinite": float("inf"), "text": ["扎克伯格", {"a": 1.5}], "escaped": "\u2028\x00"}
    for key, value in values.items():
        memo.put(key, value)
    memo.save()
    again = Memo(tmp_path, "m")
    assert {key: again.get(key) for key in values} == values
