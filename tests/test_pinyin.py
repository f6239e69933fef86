"""Pinyin without pypinyin when the answer is known, and a one-page rebuild that imports neither
pypinyin nor the rjieba package, whose import builds a Jieba never used (pinyin.py,
segment.new_jieba)."""
import shutil
import subprocess
import sys

from pypinyin import lazy_pinyin

from conftest import ROOT, SAMPLE
from zhiku import pinyin
from zhiku.cache import Memo
from zhiku.glossary import sort_key
from zhiku.model import Term

BUILD = [sys.executable, "-X", "importtime", str(ROOT / "scripts" / "build.py"), "--markdown-only"]


def test_syllables_are_pypinyins():
    for text in ("重建Meta帝国", "扎克伯格", "大模型", "长江与成长", "GPT-4o 发布", "𠀀字"):
        assert pinyin.syllables(text) == lazy_pinyin(text), text


def test_remembered_names_come_from_the_memo_and_new_ones_are_kept(tmp_path, monkeypatch):
    memo = Memo(tmp_path, "pinyin", "v")
    memo.put("大模型", ["da", "mo", "xing", "(from the memo)"])  # believed: no pypinyin says so
    memo.put("扎克伯格", "not a list")  # damaged: computed again
    memo.save()
    monkeypatch.setattr(pinyin, "_known", {})
    memo = Memo(tmp_path, "pinyin", "v")
    pinyin.remember(memo, ["大模型", "扎克伯格", "OpenAI"])
    memo.save()
    assert pinyin.syllables("大模型") == ["da", "mo", "xing", "(from the memo)"]
    memo = Memo(tmp_path, "pinyin", "v")
    assert memo.get("扎克伯格") == ["zha", "ke", "bo", "ge"] and memo.get("OpenAI") == ["OpenAI"]
    names = sorted([Term("扎克伯格"), Term("OpenAI"), Term("百度")], key=sort_key)
    assert [t.name for t in names] == ["百度", "OpenAI", "扎克伯格"]


def test_a_memo_of_another_pypinyin_is_not_read(tmp_path):
    memo = Memo(tmp_path, "pinyin", "pypinyin 0.1")
    memo.put("大模型", ["wrong"])
    memo.save()
    assert Memo(tmp_path, "pinyin", pinyin.memo_version()).get("大模型") is None


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
