"""A build after a change, from the caches of the last one, writes what a build from nothing writes.

One corpus, changed step by step; after each step the cached build (same docs folder, same cache
folder) is compared byte for byte with a fresh build without a cache: every Markdown page, the
report and the link report.
"""
import re
import shutil
import subprocess
import sys

import pytest
from zhiku.cache import store
from zhiku.cache.step import CacheDamaged
from zhiku.glossary.discover import EVIDENCE
from zhiku.glossary.terms import SPELLINGS
from zhiku.pipeline import run_pipeline

from tests.conftest import ROOT
from tests.test_pipeline import digest

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import write_corpus  # noqa: E402


@pytest.fixture
def site(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40, seed=11, html_share=0.1)
    glossary = tmp_path / "glossary.yml"
    shutil.copy(ROOT / "content" / "glossary.yml", glossary)
    return corpus, glossary


def build(corpus, glossary, out, cache_dir=None):
    result = run_pipeline(corpus, out / "docs", out / "report.json", glossary_file=glossary, cache_dir=cache_dir,
                          jobs=1)
    report = (out / "report.json").read_text(encoding="utf-8")
    # The summary's cache figures are the one thing a cached build reports differently.
    report = re.sub(r'"extracted": \d+, "from_cache": \d+', "", report, count=1)
    return result, {**digest(out / "docs"), "report.json": report,
                    "links.json": (out / "links.json").read_text(encoding="utf-8")}


def assert_same_as_fresh(corpus, glossary, tmp_path, step):
    result, incremental = build(corpus, glossary, tmp_path / "incremental", tmp_path / "cache")
    _, fresh = build(corpus, glossary, tmp_path / f"fresh-{step}")
    assert incremental.keys() == fresh.keys(), step
    differ = [name for name in fresh if incremental[name] != fresh[name]]
    assert differ == [], f"{step}: {differ[:5]}"
    return result


def related_source(docs):
    """The input of a text-dump article that another article lists as related."""
    for page in sorted((docs / "articles").glob("*.md")):
        for slug in re.findall(r"^- \[.*\]\(([^)]+)\.md\)（共同术语", page.read_text(encoding="utf-8"), re.M):
            source = re.search(r"^input: (.+)$", (docs / "articles" / f"{slug}.md").read_text(encoding="utf-8"), re.M)
            if source.group(1).endswith(".txt"):
                return source.group(1)
    raise AssertionError("no related articles in the site")


def edit(page, old, new):
    text = page.read_text(encoding="utf-8")
    assert old in text, page
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_cached_build_after_each_change_equals_a_fresh_build(site, tmp_path, monkeypatch):
    corpus, glossary = site
    assert_same_as_fresh(corpus, glossary, tmp_path, "first build")

    # Unchanged: no page is extracted, linked or rendered again, and no body, plain or linked, is read
    # from the cache: what the build needs of each page is in the journals.
    reads = []
    real_get = store.EntryFiles.get
    monkeypatch.setattr(store.EntryFiles, "get",
                        lambda self, key: (self.folder and reads.append(self.folder.parent.name)) or real_get(self, key))
    result = assert_same_as_fresh(corpus, glossary, tmp_path, "unchanged")
    monkeypatch.undo()
    assert result.written == 0 and result.relinked == [] and result.ingest.extracted == []
    assert reads == []

    pages = sorted(corpus.rglob("*.txt"))
    lines = pages[3].read_text(encoding="utf-8").split("\n")
    edit(pages[3], lines[6], lines[6] + "这一段多了一句话，提到 OpenAI 和大模型。")  # a body paragraph
    # The title of an article that other articles list as related: they show it, unchanged themselves.
    retitled = corpus / related_source(tmp_path / "incremental" / "docs")
    edit(retitled, retitled.read_text(encoding="utf-8").split("\n")[3], "全新的标题：扎克伯格谈开源")
    pages[9].touch()  # the same bytes, a new mtime
    result, incremental = build(corpus, glossary, tmp_path / "incremental", tmp_path / "cache")
    # The site-wide sums over the pages' text (the glossary's spellings, term discovery's evidence)
    # took the two pages as they were away and added them as they are: 4 parts, not 40.
    assert (SPELLINGS.added_up, EVIDENCE.added_up) == (4, 4)
    assert_same_as_fresh(corpus, glossary, tmp_path, "body, title, mtime")
    assert sorted(result.relinked) == sorted(p.relative_to(corpus).as_posix() for p in (pages[3], retitled))

    added = pages[0].parent / "zz-new-page.txt"
    added.write_text(pages[12].read_text(encoding="utf-8").replace("\n", "\n新增页面的一句话。\n", 1), encoding="utf-8")
    pages[15].unlink()
    assert_same_as_fresh(corpus, glossary, tmp_path, "page added, page removed")

    keyword_page = next(p for p in pages[16:] if "关键词" in p.read_text(encoding="utf-8"))
    keyword_line = next(line for line in keyword_page.read_text(encoding="utf-8").split("\n") if "关键词" in line)
    edit(keyword_page, keyword_line, keyword_line + " , 量子计算")  # a new term in the glossary
    assert_same_as_fresh(corpus, glossary, tmp_path, "keywords")
    entries = tmp_path / "incremental" / "docs" / "glossary"
    assert (entries / "liang-zi-ji-suan.md").exists()

    # A term added, and one dropped (the candidates leave out the glossary's names: they follow it).
    edit(glossary, "  投资: {link: false}", "  投资: {drop: true}\n  测试术语:\n    definition: 只为这个测试加的术语，提到大模型。")
    assert_same_as_fresh(corpus, glossary, tmp_path, "curated glossary")
    assert (entries / "ce-shi-shu-yu.md").exists() and not (entries / "tou-zi.md").exists()


def test_a_cache_with_entries_taken_away_is_rebuilt_not_trusted(site, tmp_path):
    corpus, glossary = site
    cache_dir = tmp_path / "cache"
    build(corpus, glossary, tmp_path / "incremental", cache_dir)
    shutil.rmtree(cache_dir / "links")  # by hand: the memos still name the linked articles
    retitled = corpus / related_source(tmp_path / "incremental" / "docs")
    edit(retitled, retitled.read_text(encoding="utf-8").split("\n")[3], "另一个标题")  # others show it
    with pytest.raises(CacheDamaged, match="links"):
        build(corpus, glossary, tmp_path / "incremental", cache_dir)
    out = tmp_path / "incremental"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--input", str(corpus), "--docs",
                           str(out / "docs"), "--cache", str(cache_dir), "--glossary", str(glossary),
                           "--markdown-only"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "building again without its journals" in done.stderr
    _, fresh = build(corpus, glossary, tmp_path / "fresh")
    assert digest(out / "docs") == {k: v for k, v in fresh.items() if k not in ("report.json", "links.json")}
