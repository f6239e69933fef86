"""End to end on a scraped folder with every case of issue 5: report, --strict, hostile text, cache."""
import html
import json
import re
import shutil

import pytest

from tests.input_cases import GOOD, HOSTILE_TITLES, PROBLEMS, write_cases
from tests.search.engine import index_docs
from tests.test_build import Tags, run_build, tree_digest


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("input")
    write_cases(tmp / "pages")
    result = run_build("--input", str(tmp / "pages"), "--docs", str(tmp / "docs"), "--site", str(tmp / "site"))
    assert result.returncode == 0, result.stderr
    return tmp, result


def report(tmp):
    return json.loads((tmp / "report.json").read_text(encoding="utf-8"))


def test_report_has_one_line_per_bad_page(built):
    tmp, _ = built
    data = report(tmp)
    assert {(p["input"], p["kind"]) for p in data["problems"]} == set(PROBLEMS.items())
    for entry in data["problems"]:
        assert any(line.startswith(entry["input"] + ": ") for line in data["errors"])
    published = {page["input"] for page in data["pages"]}
    assert GOOD <= published
    assert published.isdisjoint(rel for rel, kind in PROBLEMS.items()
                                if kind in ("empty", "binary", "too-large", "undecodable", "no-title", "duplicate",
                                            "empty-body"))
    summary = data["summary"]
    assert summary["pages_read"] == len(GOOD) + len(PROBLEMS) + 1  # + same/one.txt, published without problem
    assert summary["published"] == len(data["pages"])
    assert summary["not_published_by_kind"] == {"binary": 2, "duplicate": 1, "empty": 2, "empty-body": 2,
                                                "no-title": 2, "too-large": 1, "undecodable": 1}


def test_report_keeps_not_in_body_accounting(built):
    tmp, _ = built
    page = next(p for p in report(tmp)["pages"] if p["input"] == "sample/000_sample.txt")
    reasons = {entry["reason"] for entry in page["not_in_body"]}
    assert {"metadata: title", "chrome: hot-search keyword line", "blank"} <= reasons
    assert page["format"] == "text" and page["encoding"] == "utf-8"


def test_terminal_summary(built):
    _, result = built
    assert re.search(r"zhiku: 34 pages read, 23 published, 11 skipped \(2 binary, 1 duplicate, 2 empty, "
                     r"2 empty-body, 2 no-title, 1 too-large, 1 undecodable\), warnings: .*1 short-body.*; "
                     r"\d+ terms, \d+ links", result.stdout)
    assert "warning: bad/huge.txt: 20,971," in result.stderr


def test_an_empty_article_is_not_published_and_fails_strict(built, tmp_path):
    tmp, _ = built
    data = report(tmp)
    lines = [line for line in data["errors"] if line.startswith(("bad/title-only.txt: ", "bad/headings-only.txt: "))]
    assert len(lines) == 2 and all("empty body" in line and line.endswith("; not published") for line in lines)
    written = {path.stem for path in (tmp / "docs" / "articles").glob("*.md")}
    assert "zhi-you-dao-yu-de-wen-zhang" in written  # the teaser, 只有导语的文章
    assert not {"zhi-xia-zai-dao-biao-ti-de-ye-mian", "zhi-sheng-xiao-biao-ti-de-ye-mian"} & written
    teaser = next(p for p in data["problems"] if p["input"] == "short/teaser.txt")
    assert teaser["published"] and teaser["message"].startswith("short body: ")
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(tmp / "pages" / "sample" / "000_sample.txt", pages)
    shutil.copy(tmp / "pages" / "bad" / "title-only.txt", pages)
    lenient = run_build("--input", str(pages), "--docs", str(tmp_path / "d1"), "--markdown-only")
    assert lenient.returncode == 0, lenient.stderr
    strict = run_build("--input", str(pages), "--docs", str(tmp_path / "d2"), "--markdown-only", "--strict")
    assert strict.returncode == 1 and "title-only.txt: empty body" in strict.stderr


def test_strict_fails_and_keeps_the_previous_site(built, tmp_path):
    tmp, _ = built
    site = tmp_path / "site"
    shutil.copytree(tmp / "site", site)
    result = run_build("--input", str(tmp / "pages"), "--docs", str(tmp_path / "docs"), "--site", str(site),
                       "--strict")
    assert result.returncode == 1 and "--strict" in result.stderr
    assert tree_digest(site) == tree_digest(tmp / "site")
    good = tmp_path / "good"
    shutil.copytree(tmp / "pages" / "encodings", good)
    ok = run_build("--input", str(good), "--docs", str(tmp_path / "d2"), "--site", str(tmp_path / "s2"), "--strict")
    assert ok.returncode == 0, ok.stderr


def _page_for(tmp, rel):
    out = next(p["output"] for p in report(tmp)["pages"] if p["input"] == rel)
    return (tmp / "site" / out).with_suffix(".html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(HOSTILE_TITLES))
def test_hostile_title_shows_as_written(built, name):
    tmp, _ = built
    title = HOSTILE_TITLES[name]
    page = _page_for(tmp, f"hostile/{name}.txt")
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert html.unescape(h1) == title
    assert html.unescape(re.search(r"<title>(.*?) - 知库</title>", page, re.S).group(1)) == title
    body = page[page.index("<article"):]
    text = "正文 <script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))"
    assert html.escape(text, quote=False) in body
    parsed = Tags(page)
    assert not any("alert" in (v or "") for _, attrs in parsed.tags for v in attrs.values())
    assert not any("alert" in t for t in parsed.script_text)


def test_hostile_titles_in_search_index_are_as_written(built):
    tmp, _ = built
    # The index holds text, not HTML (its readers escape it: tests/test_browser_hostile.py): the
    # titles are there exactly as the pages have them.
    titles = {doc["t"] for doc in index_docs(tmp / "site")}
    assert set(HOSTILE_TITLES.values()) <= titles


def test_files_stay_inside_the_output_folders(built):
    tmp, _ = built
    for folder in ("docs", "site"):
        for path in (tmp / folder).rglob("*"):
            assert path.resolve().is_relative_to((tmp / folder).resolve())
    articles = sorted(p.name for p in (tmp / "docs" / "articles").glob("*.md"))
    assert all(re.fullmatch(r"[a-z0-9-]{1,70}\.md", name) for name in articles), articles
    assert not list(tmp.glob("etc*")) and not (tmp / "docs" / "etc").exists()
    outside = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*passwd*") if p.parts[-3] != "pages")
    assert outside == ["docs/articles/etc-passwd.md", "site/articles/etc-passwd.html"]


def test_same_title_pages_have_distinct_stable_urls(built):
    tmp, _ = built
    outputs = {p["input"]: p["output"] for p in report(tmp)["pages"]}
    one, two = outputs["same/one.txt"], outputs["same/zz.txt"]
    assert one != two and one.startswith("articles/tong-ming-wen-zhang") and two.startswith("articles/tong-ming-wen-zhang")


def test_rebuild_is_byte_identical_and_uses_the_cache(built, tmp_path):
    tmp, _ = built
    fresh = run_build("--input", str(tmp / "pages"), "--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "site"),
                      "--no-cache")
    assert fresh.returncode == 0, fresh.stderr
    assert tree_digest(tmp_path / "docs") == tree_digest(tmp / "docs")
    assert tree_digest(tmp_path / "site") == tree_digest(tmp / "site")
    again = run_build("--input", str(tmp / "pages"), "--docs", str(tmp / "docs"), "--site", str(tmp_path / "site2"))
    assert again.returncode == 0, again.stderr
    assert "0 pages extracted, 33 from cache" in again.stdout  # the 20 MB page is never read at all
    assert "(0 files changed)" in again.stdout
    assert tree_digest(tmp_path / "site2") == tree_digest(tmp / "site")
