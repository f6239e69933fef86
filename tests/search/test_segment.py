"""The build's Chinese segmentation for the search index: the same index as Material's own, faster."""
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zhiku.cache.step import Cache
from zhiku.chars import HAN_RUN
from zhiku.pipeline import run_pipeline
from zhiku.search.segment import (
    MANIFEST,
    SEGMENTS_DIR,
    SUFFIX,
    han_runs,
    parse_cuts,
    read_segments,
    segments_folder,
    write_segments,
)
from zhiku.segmenter import Segmenter

from tests.conftest import ROOT, SAMPLE

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import write_corpus  # noqa: E402


def test_han_runs_follow_the_rendered_text():
    markdown = '---\ntitle: 重建Meta帝国\n---\n\n又给了[扎克伯格](../g/z.md "马克·扎克伯格")一击，**大模型**来了'
    assert han_runs(markdown) == ["重建", "帝国", "又给了扎克伯格一击", "大模型来了"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("segments")
    pages = tmp / "pages"
    write_corpus(pages, 12, seed=5, html_share=0)
    (pages / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    run_pipeline(pages, tmp / "docs", tmp / "report.json", glossary_file=ROOT / "content" / "glossary.yml")
    return tmp


def test_segments_are_written_for_searchable_pages(built):
    cut = read_segments(built / "docs", "articles/chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok.md")
    assert cut["甚至会后"] == "甚至 会后"
    assert "扎克伯格" in cut["官方的回应又给了扎克伯格一击"].split(" ")  # the glossary keeps it whole
    assert not (built / SEGMENTS_DIR / f"index.md{SUFFIX}").exists()  # the home page is not searched


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory):
    words = tmp_path_factory.mktemp("dictionary") / "user.txt"
    words.write_text("扎克伯格\n大模型 50\n混元大模型\n", encoding="utf-8")
    return Segmenter(words)


# Common characters, the glossary's, and those in HAN_RUN that jieba does not count as Chinese and
# cuts one by one (々 〇 〡, radicals, CJK extension G).
_RUN_CHARS = st.sampled_from("大模型扎克伯格重建帝国的混元人工智能北京向概走了十米来说又给一击" "々〇〡⺀\U00030000\U00020001")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_RUN_CHARS, min_size=1, max_size=12), min_size=1, max_size=8, unique=True))
def test_runs_cut_in_one_call_are_cut_as_one_by_one(segmenter, runs):
    assert all(HAN_RUN.fullmatch(run) for run in runs)
    assert parse_cuts(segmenter.cut_runs(runs) + "\n") == {run: " ".join(segmenter.cut(run)) for run in runs}


def test_cuts_of_pages_gone_and_of_an_older_format_are_removed(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "p.md").write_text("大模型来了，**扎克伯格**", encoding="utf-8")
    folder = segments_folder(docs)
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "p.md.json").write_text('{"大模型来了": "大模型\u200b来了"}', encoding="utf-8")  # zhiku 2026-11-25
    (folder / MANIFEST).write_text('["a/p.md"]', encoding="utf-8")

    def files():
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())

    write_segments(Cache(None), docs, {"a/p.md": None}, {"a/p.md"}, None, jobs=1)
    assert files() == [MANIFEST, "a/p.md.txt"]
    cutter = Segmenter(None)
    assert read_segments(docs, "a/p.md") == {run: " ".join(cutter.cut(run)) for run in ("大模型来了", "扎克伯格")}
    write_segments(Cache(None), docs, {}, set(), None, jobs=1)
    assert files() == [MANIFEST]


def test_cuts_made_by_other_code_are_made_again_for_every_page(tmp_path, monkeypatch):
    from zhiku.search import segment

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "p.md").write_text("大模型来了", encoding="utf-8")
    write_segments(Cache(None), docs, {"p.md": None}, {"p.md"}, None, jobs=1)
    cut = segments_folder(docs) / "p.md.txt"
    assert cut.read_text(encoding="utf-8") == " ".join(Segmenter(None).cut("大模型来了")) + "\n"
    cut.write_text("大模 型来了\n", encoding="utf-8")  # as an older cutter might have cut it
    write_segments(Cache(None), docs, {}, {"p.md"}, None, jobs=1)  # the page is unchanged
    assert cut.read_text(encoding="utf-8") == "大模 型来了\n"
    monkeypatch.setattr(segment.SEGMENTS, "version", "other code")
    write_segments(Cache(None), docs, {}, {"p.md"}, None, jobs=1)
    assert cut.read_text(encoding="utf-8") == " ".join(Segmenter(None).cut("大模型来了")) + "\n"


def mkdocs(docs, site):
    """A build in a fresh process, as scripts/build.py runs it (jieba's state is per process)."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "from zhiku.publish.mkdocs_build import build_site; build_site(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))")
    subprocess.run([sys.executable, "-c", code, str(ROOT / "scripts"), str(ROOT / "mkdocs.yml"), str(docs), str(site)],
                   check=True, capture_output=True)


def test_index_is_the_same_with_and_without_the_builds_segments(built):
    mkdocs(built / "docs", built / "with")
    segments = built / SEGMENTS_DIR
    segments.rename(built / "set-aside")
    try:
        mkdocs(built / "docs", built / "without")
    finally:
        (built / "set-aside").rename(segments)
    with_segments = (built / "with" / "search" / "search_index.json").read_bytes()
    assert with_segments == (built / "without" / "search" / "search_index.json").read_bytes()
    assert "扎克伯格".encode() in with_segments


def test_new_jieba_cuts_like_rjieba_without_importing_its_package():
    """The package's import builds a default Jieba that zhiku never uses (segment.new_jieba)."""
    code = """if True:
        import sys
        sys.path.insert(0, "scripts")
        from zhiku.segmenter import new_jieba
        cut = new_jieba().cut("扎克伯格重建Meta帝国，大模型的竞争")
        assert "rjieba" not in sys.modules, "the package was imported"
        import rjieba
        assert cut == rjieba.Jieba().cut("扎克伯格重建Meta帝国，大模型的竞争"), cut
        assert new_jieba().cut("大模型") == rjieba.cut("大模型")
        print(" ".join(cut))
    """
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["扎克", "伯格", "重建", "Meta", "帝国", "，", "大", "模型", "的", "竞争"]
