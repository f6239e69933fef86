"""The pipeline on a generated corpus: workers change nothing, the cache skips what did not change."""
import hashlib
import json
import sys

import pytest
from zhiku.pipeline import run_pipeline

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import write_corpus  # noqa: E402

GLOSSARY = ROOT / "content" / "glossary.yml"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 80, seed=3, html_share=0.1)
    return folder


def digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(corpus, out, **options):
    return run_pipeline(corpus, out / "docs", out / "report.json", glossary_file=GLOSSARY, **options)


def test_workers_write_exactly_what_one_process_writes(corpus, tmp_path):
    one = build(corpus, tmp_path / "one", jobs=1)
    build(corpus, tmp_path / "two", jobs=2)
    assert len(one.articles) == 80 and one.links > 0
    assert digest(tmp_path / "one" / "docs") == digest(tmp_path / "two" / "docs")
    # The link report holds term discovery's candidates, found in another process when there are two.
    for name in ("report.json", "links.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert json.loads((tmp_path / "two" / "links.json").read_text(encoding="utf-8"))["candidates"]


def test_cache_relinks_only_what_changed(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = build(corpus, tmp_path / "a", cache_dir=cache)
    assert len(first.relinked) == 80
    second = build(corpus, tmp_path / "b", cache_dir=cache)
    assert second.relinked == [] and second.ingest.extracted == []
    assert digest(tmp_path / "a" / "docs") == digest(tmp_path / "b" / "docs")
    page = sorted(corpus.rglob("*.txt"))[5]
    original = page.read_text(encoding="utf-8")
    try:
        lines = original.split("\n")
        lines[6] = lines[6] + "这一段多了一句话。"  # a body paragraph; the glossary stays the same
        page.write_text("\n".join(lines), encoding="utf-8")
        third = build(corpus, tmp_path / "c", cache_dir=cache)
    finally:
        page.write_text(original, encoding="utf-8")
    assert third.relinked == [page.relative_to(corpus).as_posix()]
    assert third.ingest.extracted == [page.relative_to(corpus).as_posix()]
