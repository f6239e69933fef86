"""Pinyin without pypinyin when the answer is known, and a one-page rebuild that imports neither
pypinyin nor the rjieba package, whose import builds a Jieba never used (glossary/pinyin.py,
segmenter.new_jieba)."""
import shutil
import subprocess
import sys

from pypinyin import lazy_pinyin
from zhiku.cache.step import Cache
from zhiku.glossary import pinyin
from zhiku.glossary.pinyin import PINYIN, pinyin_slug
from zhiku.glossary.terms import sort_key
from zhiku.model import Term

from tests.conftest import ROOT, SAMPLE

BUILD = [sys.executable, "-X", "importtime", str(ROOT / "scripts" / "build.py"), "--markdown-only"]


def test_syllables_are_pypinyins():
    for text in ("重建Meta帝国", "扎克伯格", "大模型", "长江与成长", "GPT-4o 发布", "𠀀字"):
        assert pinyin.syllables(text) == lazy_pinyin(text), text


def test_names_learnt_come_from_the_cache_and_new_ones_are_kept(tmp_path, monkeypatch):
    cache = Cache(tmp_path)
    journal = cache.journal(PINYIN)
    journal.put(PINYIN.key("大模型"), ["da", "mo", "xing", "(from the cache)"])  # believed: no pypinyin says so
    cache.save()
    monkeypatch.setattr(pinyin, "_known", {})
    cache = Cache(tmp_path)
    pinyin.learn(cache, ["大模型", "扎克伯格", "OpenAI"])
    cache.save()
    assert pinyin.syllables("大模型") == ["da", "mo", "xing", "(from the cache)"]
    journal = Cache(tmp_path).journal(PINYIN)
    assert journal.get(PINYIN.key("扎克伯格")) == ["zha", "ke", "bo", "ge"] and journal.get(PINYIN.key("OpenAI")) == ["OpenAI"]
    names = sorted([Term("扎克伯格"), Term("OpenAI"), Term("百度")], key=sort_key)
    assert [t.name for t in names] == ["百度", "OpenAI", "扎克伯格"]


def test_slugs_are_the_pinyin_in_ascii():
    assert pinyin_slug("重建Meta帝国:用AI“回敬”TikTok") == "chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok"
    assert pinyin_slug("！！！") == "article" and len(pinyin_slug("长" * 100, max_length=20)) <= 20


def test_a_one_page_rebuild_imports_neither_pypinyin_nor_the_rjieba_package(tmp_path):
    """Their imports were a fifth of a one-page rebuild at 10,000 pages (bench/README.md)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    page = pages / SAMPLE.name
    shutil.copy(SAMPLE, page)
    folders = ["--input", str(pages), "--docs", str(tmp_path / "docs"), "--cache", str(tmp_path / "cache")]

    def imported(step: str) -> set[str]:
        done = subprocess.run(BUILD + folders, capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, f"{step}: {done.stderr[-2000:]}"
        return {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}

    first = imported("from nothing")
    assert "pypinyin" in first and "rjieba" not in first  # the check can fail: pypinyin is needed here
    lines = page.read_text(encoding="utf-8").split("\n")
    body = next(i for i, line in enumerate(lines) if line.startswith("2023年5月"))  # the first paragraph
    lines[body] += "这一段多了一句话，提到大模型。"
    page.write_text("\n".join(lines), encoding="utf-8")
    assert {"pypinyin", "rjieba"}.isdisjoint(imported("one page changed"))
    assert "这一段多了一句话" in next((tmp_path / "docs" / "articles").glob("*.md")).read_text(encoding="utf-8")
    retitled = page.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(retitled) if line.startswith("重建Meta帝国"))
    retitled[title] = "一个全新的标题"
    page.write_text("\n".join(retitled), encoding="utf-8")
    assert "pypinyin" in imported("retitled")
    articles = sorted(p.name for p in (tmp_path / "docs" / "articles").glob("*.md"))
    assert articles == ["index.md", "yi-ge-quan-xin-de-biao-ti.md"]
