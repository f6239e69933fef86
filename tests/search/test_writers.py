"""The index's postings grouped by partition in several processes give the files one process gives,
byte for byte: with shards each of one process's partitions, and with shards shared by several."""
import pytest
from zhiku.search import index as index_module
from zhiku.search.index import IndexPage, index_files
from zhiku.search.terms import page_terms
from zhiku.segmenter import Segmenter

WORDS = ["人工智能", "大模型", "扎克伯格", "开源", "算力", "法国", "罢工", "发布", "手机", "模型", "Llama", "GPT-4o",
         "ZoomEye", "S20", "的", "在"]


def pages():
    segmenter = Segmenter(None)
    found, names = [], {}
    for n in range(60):
        body = "，".join(WORDS[(n * k) % len(WORDS)] + WORDS[(n + k) % len(WORDS)] for k in range(1, 12))
        kind = "term" if n % 10 == 0 else "article"
        fields = {"kind": kind, "title": WORDS[n % len(WORDS)] + "的一年", "date": f"2024-{n % 12 + 1:02d}-01",
                  "tags": [WORDS[(n * 3) % len(WORDS)]], "names": [WORDS[n % len(WORDS)]] if kind == "term" else [],
                  "body": body}
        path = f"{'glossary' if kind == 'term' else 'articles'}/p{n}.md"
        result = page_terms(fields, segmenter)
        found.append(IndexPage(path, result["words"], kind, fields["date"], result["doc"], f"k{n}"))
        if fields["names"]:
            names[path] = fields["names"]
    return found, names


def texts(files):
    return {rel: (content.text() if hasattr(content, "text") else content) for rel, content in files.items()}


@pytest.mark.parametrize("shard_bytes", [10**9, 300])  # one shard (shared by the processes); many
def test_processes_write_what_one_writes(monkeypatch, shard_bytes):
    monkeypatch.setattr(index_module, "SHARD_BYTES", shard_bytes)
    monkeypatch.setattr(index_module, "TOP", 3)
    monkeypatch.setattr(index_module, "BLOCK", 4)
    monkeypatch.setattr(index_module, "PACK_BYTES", 40)
    monkeypatch.setattr(index_module, "MIN_PAGES_PER_WRITER", 1)
    index_pages, names = pages()
    alone, figures = index_files(index_pages, names, None, jobs=1)
    together, figures_together = index_files(index_pages, names, None, jobs=2)
    assert (figures["shards"] == 1) == (shard_bytes > 1000)
    assert figures == figures_together
    one, two = texts(alone), texts(together)
    assert sorted(one) == sorted(two)
    assert {rel for rel in one if rel.startswith("p/")}, "no blocks: the test would not cross them"
    for rel in one:
        assert (one[rel].encode("utf-8") if isinstance(one[rel], str) else one[rel]) == \
               (two[rel].encode("utf-8") if isinstance(two[rel], str) else two[rel]), rel
