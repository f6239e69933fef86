"""The postings made with NumPy for every page at once are those the search's semantics give each
page on its own (semantics.page_keys), and they are encoded and laid out in entries and blocks as
a plain per-key reading of the format says."""
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from zhiku.search import index as index_module, postings as postings_module
from zhiku.search.index import PARTS, _entries, decode_postings, shard_of
from zhiku.search.postings import encode_runs, key_tables, partition_postings, stable_order, word_table
from zhiku.search.semantics import page_keys
from zhiku.search.terms import page_terms, words_counted
from zhiku.segmenter import Segmenter

SEGMENTER = Segmenter(None)
WORDS = ["人工智能", "智能", "大模型", "模型", "扎克伯格", "开源", "的", "在", "发布", "龙湖集团", "Llama", "ZoomEye",
         "gpt", "S20", "ＯｐｅｎＡＩ", "x"]
words = st.lists(st.sampled_from(WORDS), max_size=8).map("，".join)
field_texts = st.fixed_dictionaries({
    "kind": st.just("article"), "date": st.just(""), "title": words,
    "tags": st.lists(st.sampled_from(WORDS), max_size=3), "names": st.lists(st.sampled_from(WORDS), max_size=2),
    # Bodies up to a few thousand words: the body's length moves every code (its norm).
    "body": st.tuples(words, st.integers(1, 400)).map(lambda t: "。".join([t[0]] * t[1]))})


@settings(max_examples=40, deadline=None)
@given(st.lists(field_texts, min_size=1, max_size=8), st.sampled_from([1, 5, 64, postings_module.CHUNK]))
def test_every_page_at_once_as_each_page_alone(pages, chunk):
    terms = [page_terms(fields, SEGMENTER)["words"] for fields in pages]
    table = word_table(terms)
    with pytest.MonkeyPatch.context() as patch:  # the table expanded a few entries at a time, or all at once
        patch.setattr(postings_module, "CHUNK", chunk)
        check_every_page(table, terms)


def check_every_page(table, terms):
    found: list[dict[str, int]] = [{} for _ in terms]
    for keys in key_tables(table.words, lambda key: shard_of(key, PARTS), range(PARTS)).values():
        key_ids, rows, codes = partition_postings(table, keys)
        assert list(zip(key_ids.tolist(), rows.tolist())) == sorted(zip(key_ids.tolist(), rows.tolist()))
        for key, row, code in zip(key_ids.tolist(), rows.tolist(), codes.tolist()):
            assert key not in found[row]
            found[row][keys.keys[key]] = code
    for row, words_of_page in enumerate(terms):
        assert found[row] == page_keys(words_counted(words_of_page))


def test_a_page_with_nothing_and_a_page_after_it():
    empty = {"kind": "article", "date": "", "title": "", "tags": [], "names": [], "body": ""}
    terms = [page_terms(empty, SEGMENTER)["words"],
             page_terms({**empty, "title": "开源", "body": "开源模型"}, SEGMENTER)["words"]]
    table = word_table(terms)
    keys = {}
    for held in key_tables(table.words, lambda key: shard_of(key, PARTS), range(PARTS)).values():
        key_ids, rows, codes = partition_postings(table, held)
        keys.update({held.keys[k]: (r, c) for k, r, c in zip(key_ids.tolist(), rows.tolist(), codes.tolist())})
    assert {key for key, (row, _) in keys.items()} == set(page_keys(words_counted(terms[1])))
    assert {row for row, _ in keys.values()} == {1}


@st.composite
def runs(draw):
    lengths = draw(st.lists(st.integers(0, 6), min_size=1, max_size=6))
    docs, codes = [], []
    for n in lengths:
        gaps = draw(st.lists(st.one_of(st.integers(0, 40), st.integers(0, 1 << 26)), min_size=n, max_size=n))
        docs += list(np.cumsum(np.array(gaps, dtype=np.int64) + 1) - 1) if n else []
        codes += draw(st.lists(st.integers(0, 63), min_size=n, max_size=n))
    return lengths, docs, codes


@given(runs())
def test_encoded_runs_read_back(data):
    lengths, docs, codes = data
    starts = np.zeros(len(docs), dtype=bool)
    at = np.cumsum([0] + lengths)
    starts[[a for a, n in zip(at, lengths) if n]] = True
    text, offsets = encode_runs(np.array(docs, dtype=np.int64), np.array(codes, dtype=np.int64), starts)
    assert len(offsets) == len(docs) + 1 and offsets[-1] == len(text)
    for a, b in zip(at, at[1:]):
        assert decode_postings(text[offsets[a]:offsets[b]].decode("ascii")) == (docs[a:b], codes[a:b])


def reference_entry(docs: list[int], codes: list[int], top: int, band: int, block: int, band_start: int):
    """A key's best postings and blocks ((last page, best code, pages, codes)), read off the format
    (index._entries' docstring), one key at a time."""
    if len(docs) <= top:
        return (docs, codes), []
    ranked = sorted(range(len(docs)), key=lambda i: (-codes[i], -docs[i]))
    best = sorted(ranked[:top])
    rest = [i for i in range(len(docs)) if i not in set(best)]
    bands: list[list[int]] = []
    about = None
    for code in sorted({codes[i] for i in rest}, reverse=True):
        with_code = [i for i in rest if codes[i] == code]
        if not bands or len(bands[-1]) >= band or (code >= 32) != about:
            bands.append([])
            about = code >= 32
        bands[-1] += with_code
    blocks = []
    for held in bands:
        held.sort()
        for at in range(0, len(held), block):
            part = held[at:at + block]
            blocks.append((docs[part[-1]], max(codes[i] for i in part) + band_start * (at == 0),
                           [docs[i] for i in part], [codes[i] for i in part]))
    return ([docs[i] for i in best], [codes[i] for i in best]), blocks


@st.composite
def keys_with_postings(draw):
    found = []
    for n in draw(st.lists(st.integers(1, 60), min_size=1, max_size=6)):
        docs = sorted(draw(st.sets(st.integers(0, 5000), min_size=n, max_size=n)))
        codes = draw(st.lists(st.one_of(st.integers(0, 63), st.sampled_from([31, 63])), min_size=n, max_size=n))
        found.append((docs, codes))
    return found


@settings(max_examples=60, deadline=None)
@given(keys_with_postings(), st.sampled_from([(2, 3, 2), (4, 5, 3), (32, 256, 1024), (1, 1, 1)]))
def test_entries_as_read_off_the_format(postings, sizes):
    top, band, block = sizes
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "TOP", top)
        patch.setattr(index_module, "BAND", band)
        patch.setattr(index_module, "BLOCK", block)
        keys = [f"k{i}" for i in range(len(postings))]
        entries, blocks_of, _ = _entries(keys, np.array([len(d) for d, _ in postings]),
                                         np.array([x for d, _ in postings for x in d], dtype=np.int64),
                                         np.array([x for _, c in postings for x in c], dtype=np.int64), {})
    for key, (docs, codes) in zip(keys, postings):
        (best_docs, best_codes), blocks = reference_entry(docs, codes, top, band, block, index_module.BAND_START)
        assert entries[key][0] == len(docs)
        assert decode_postings(entries[key][1]) == (best_docs, best_codes)
        made = blocks_of.get(key, [])
        assert [(last, best) for last, best, _ in made] == [(last, best) for last, best, _, _ in blocks]
        assert [decode_postings(text) for _, _, text in made] == [(d, c) for _, _, d, c in blocks]


@given(st.lists(st.one_of(st.integers(0, 40), st.integers(0, 1 << 16), st.integers(0, (1 << 32) - 1),
                          st.integers(0, 1 << 40)), max_size=50))
def test_stable_order_as_a_stable_sort(values):
    values = np.array(values, dtype=np.int64)
    assert stable_order(values).tolist() == np.argsort(values, kind="stable").tolist()


def test_words_counted_as_each_run_cut_alone():
    runs = ["人工智能大模型", "扎克伯格", "人工智能大模型", "的"]
    expected = Counter(w for run in runs for w in SEGMENTER.cut(run))
    assert SEGMENTER.count_words(runs) == expected
    assert SEGMENTER.count_words([]) == Counter()


def test_a_cutter_that_joins_a_line_end_is_asked_run_by_run():
    class Joining:  # cuts a text of several lines into one word holding the line ends
        def cut(self, text):
            return [text] if "\n" in text else list(text)

    segmenter = Segmenter(None)
    segmenter._jieba = Joining()
    assert segmenter.count_words(["开源", "开"]) == Counter({"开": 2, "源": 1})
