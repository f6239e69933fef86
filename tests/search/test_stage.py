"""The search stage across builds into one docs folder: nothing changed, nothing is written (the
index is not even regrouped); one article changed, only the files its keys touch."""
import shutil

from zhiku.pipeline import run_pipeline
from zhiku.search.page_text import searchable_markdown

from tests.conftest import HEADER, ROOT, SAMPLE


def page(title: str, text: str) -> str:
    return f"{HEADER}{title}\n1024点击    2024-03-01 09:30\n\n{text}\n\n关键词: 开源\n\n文章来源于“测试”，作者“编辑部”\n"


def markdown_of(docs):
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}


def test_rebuilds_write_only_what_changed(tmp_path):
    corpus = tmp_path / "pages"
    corpus.mkdir()
    shutil.copy(SAMPLE, corpus / SAMPLE.name)
    (corpus / "a.txt").write_text(page("开源模型的一年", "开源模型这一年追上了闭源模型。"), encoding="utf-8")

    def build():
        return run_pipeline(corpus, tmp_path / "docs", tmp_path / "report.json", glossary_file=ROOT / "content" / "glossary.yml",
                            cache_dir=tmp_path / "cache", jobs=1).search

    first = build()
    assert first["written"] == first["files"] > 50
    again = build()
    assert again["unchanged"] and again["written"] == 0
    (corpus / "a.txt").write_text(page("开源模型的一年", "开源模型这一年追上了闭源模型，量子计算还很远。"), encoding="utf-8")
    changed = build()
    assert not changed.get("unchanged") and 0 < changed["written"] < changed["files"] / 4
    assert "量子计算" in (tmp_path / "docs" / "search").joinpath(
        "d", f"{changed['ids']['articles/kai-yuan-mo-xing-de-yi-nian.md']}.js").read_text(encoding="utf-8")


def test_a_build_with_a_cache_after_one_without_then_a_change_indexes_every_page(tmp_path):
    # The docs folder keeps the index a --no-cache build wrote; the cache is new, so no page's terms
    # are in it, although the index written last time is that of the same inputs.
    corpus = tmp_path / "pages"
    corpus.mkdir()
    shutil.copy(SAMPLE, corpus / SAMPLE.name)
    (corpus / "a.txt").write_text(page("开源模型的一年", "开源模型这一年追上了闭源模型。"), encoding="utf-8")

    def build(docs, cache_dir):
        return run_pipeline(corpus, docs, tmp_path / "report.json", glossary_file=ROOT / "content" / "glossary.yml",
                            cache_dir=cache_dir, jobs=1).search

    build(tmp_path / "docs", None)
    build(tmp_path / "docs", tmp_path / "cache")
    before = markdown_of(tmp_path / "docs")
    (corpus / "a.txt").write_text(page("开源模型的一年", "开源模型这一年追上了闭源模型，量子计算还很远。"), encoding="utf-8")
    changed = build(tmp_path / "docs", tmp_path / "cache")
    after = markdown_of(tmp_path / "docs")
    rewritten = [p for p, text in after.items() if before.get(p) != text and searchable_markdown(text)]
    assert "articles/kai-yuan-mo-xing-de-yi-nian.md" in rewritten and len(rewritten) < len(after) / 4
    # The build with the new cache kept the terms of every page whose Markdown is as it was.
    assert changed["computed"] == len(rewritten)
    build(tmp_path / "fresh", None)
    folder, fresh = tmp_path / "docs" / "search", tmp_path / "fresh" / "search"
    files = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*.js"))
    assert files == sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.js"))
    assert [f for f in files if (folder / f).read_bytes() != (fresh / f).read_bytes()] == []
