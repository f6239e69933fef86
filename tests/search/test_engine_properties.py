"""The sharded index read by the JavaScript engine (in Node) answers exactly what a brute-force scan
of the same pages' words answers under the same semantics (tests/search/brute_force.py): the same
pages with the same scores in the same order, with every block loaded; and with only what a first
answer loads, the same best pages and, when it gives one, the same count. Shards, blocks and packs
are made tiny so that every query crosses them."""
import itertools

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from zhiku.search import index as index_module
from zhiku.search.index import IndexPage, index_files, write_index
from zhiku.search.terms import page_terms
from zhiku.segmenter import Segmenter

from tests.search.brute_force import Corpus, page_words
from tests.search.engine import Engine

HAN_WORDS = ["人工智能", "智能", "智能体", "大模型", "模型", "扎克伯格", "小扎", "法国", "罢工", "龙湖集团", "暗伤",
             "系列", "新品", "开源", "的", "在", "马克龙", "发布", "手机", "生成式"]
LATIN = ["AI", "said", "Zoom", "ZoomEye", "zoomeye", "GPT-4o", "GPT4", "gpt", "S20", "iPhone", "Llama", "Llama2",
         "ＯｐｅｎＡＩ", "OpenAI", "z", "Z", "Flip", "Galaxy", "4o", "x1"]
GLUE = ["", " ", "，", "-", "“", "”", "。"]

piece = st.one_of(st.sampled_from(HAN_WORDS), st.sampled_from(LATIN), st.sampled_from(GLUE))
text = st.lists(piece, max_size=12).map("".join)
page = st.fixed_dictionaries({"kind": st.sampled_from(["article", "article", "term"]), "title": text,
                              "tags": st.lists(st.sampled_from(HAN_WORDS + LATIN), max_size=3), "body": text,
                              "names": st.lists(st.sampled_from(HAN_WORDS + LATIN + ["Galaxy Z Flip", "Llama 2"]),
                                                min_size=1, max_size=3),
                              "date": st.sampled_from(["2024-01-01", "2024-02-01", ""])})

SEGMENTER = Segmenter(None)


@pytest.fixture(scope="module")
def engine():
    engine = Engine()
    yield engine
    engine.close()


@pytest.fixture(autouse=True)
def tiny_files(monkeypatch):
    monkeypatch.setattr(index_module, "TOP", 2)
    monkeypatch.setattr(index_module, "BLOCK", 2)
    monkeypatch.setattr(index_module, "BAND", 2)
    monkeypatch.setattr(index_module, "PACK_BYTES", 30)
    monkeypatch.setattr(index_module, "SHARD_BYTES", 150)


def build(folder, pages):
    index_pages, names = [], {}
    for n, fields in enumerate(pages):
        fields = dict(fields)
        if fields["kind"] != "term":
            fields["names"] = []
        path = f"{'glossary' if fields['kind'] == 'term' else 'articles'}/p{n}.md"
        result = page_terms(fields, SEGMENTER)
        index_pages.append(IndexPage(path, result["words"], fields["kind"], fields["date"], result["doc"], f"k{n}"))
        if fields["names"]:
            names[path] = fields["names"]
    files, figures = index_files(index_pages, names, lambda p: None)
    write_index(folder, files)
    ids = figures["ids"]
    corpus = Corpus({ids[p.path]: page_words(fields if fields["kind"] == "term" else {**fields, "names": []}, SEGMENTER)
                     for p, fields in zip(index_pages, pages)},
                    {ids[path]: page_names for path, page_names in names.items()})
    return folder / "search", corpus


def queries_of(pages, draw):
    words = [w for p in pages for w in [p["title"], p["body"], *p["tags"], *p["names"]] if w]
    cut = [w for t in words for w in SEGMENTER.cut(t) if w.strip()]
    pool = cut + HAN_WORDS + LATIN
    inside = [w[i:j] for w in cut for i, j in itertools.combinations(range(len(w) + 1), 2) if j - i >= 2]
    return [
        draw(st.sampled_from(pool)),                                   # a whole word
        draw(st.sampled_from(inside or pool)),                         # a piece inside a word
        draw(st.sampled_from(HAN_WORDS)) + draw(st.sampled_from(LATIN)),   # mixed script, no space
        draw(st.sampled_from(LATIN)) + draw(st.sampled_from(HAN_WORDS)),
        draw(st.sampled_from(pool)) + " " + draw(st.sampled_from(pool)),   # two words
        draw(st.sampled_from([n for p in pages for n in p["names"]] or pool)),   # a name or alias
        draw(text),                                                    # anything
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(pages=st.lists(page, min_size=1, max_size=14), data=st.data())
def test_index_answers_as_brute_force(engine, tmp_path_factory, pages, data):
    folder, corpus = build(tmp_path_factory.mktemp("index"), pages)
    for query in queries_of(pages, data.draw):
        expected = corpus.search(query)
        full = engine.search(folder, query, limit=1000, all=True)
        assert [(h["id"], h["score"]) for h in full["hits"]] == expected, query
        assert full["total"] == len(expected), query
        first = engine.search(folder, query, limit=3)
        assert [(h["id"], h["score"]) for h in first["hits"]] == expected[:3], query
        if first["total"] is not None:
            assert first["total"] == len(expected), query
        else:
            assert first["matched"] <= len(expected)


def test_every_entry_named_by_the_query_comes_first(engine, tmp_path):
    # More entries carry the name than a dictionary entry holds best pages (TOP, made 2 here):
    # each of them still gets the name's place at the top (the name's postings are never split).
    pages = [{"kind": "term", "title": "人工智能", "tags": [], "body": "", "names": ["人工智能"], "date": ""}] * 4
    pages += [{"kind": "article", "title": "人工智能" * 3, "tags": ["人工智能"], "body": "人工智能", "names": [],
               "date": "2024-01-01"}] * 3
    folder, corpus = build(tmp_path, pages)
    first = engine.search(folder, "人工智能", limit=4)
    assert [h["id"] for h in first["hits"]] == [h[0] for h in corpus.search("人工智能")[:4]]
    assert all(h["id"] >= index_module.ENTRY_BASE for h in first["hits"])


FEW = ["开源", "算力", "模型", "Llama"]
dense_page = st.fixed_dictionaries({"kind": st.just("article"), "names": st.just([]), "date": st.just("2024-01-01"),
                                    "title": st.lists(st.sampled_from(FEW + ["，"]), max_size=3).map("".join),
                                    "tags": st.lists(st.sampled_from(FEW), max_size=2),
                                    "body": st.lists(st.sampled_from(FEW + ["，", "的"]), max_size=30).map("".join)})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(pages=st.lists(dense_page, min_size=10, max_size=60), data=st.data())
def test_first_answers_of_common_keys_as_brute_force(engine, tmp_path_factory, monkeypatch, pages, data):
    # Many pages hold every key, in every field and count: a first answer stops on bounds (bands,
    # blocks, the best pages' least code and page) that must never cut off a page that ranks.
    monkeypatch.setattr(index_module, "TOP", data.draw(st.integers(1, 4)))
    monkeypatch.setattr(index_module, "BLOCK", data.draw(st.integers(1, 4)))
    monkeypatch.setattr(index_module, "BAND", data.draw(st.integers(1, 6)))
    folder, corpus = build(tmp_path_factory.mktemp("dense"), pages)
    for query in [" ".join(keys) for n in (1, 2, 3) for keys in itertools.combinations(FEW, n)]:
        expected = corpus.search(query)
        for limit in (1, 3):
            first = engine.search(folder, query, limit=limit)
            assert [(h["id"], h["score"]) for h in first["hits"]] == expected[:limit], (query, limit)
            if first["total"] is not None:
                assert first["total"] == len(expected), query
            else:
                assert first["matched"] <= len(expected), query
