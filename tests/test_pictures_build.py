"""End to end: the pictures, the archive and the feeds in a built site (sample page + 40 generated pages)."""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.conftest import ROOT, SAMPLE
from tests.search.engine import index_docs
from tests.test_build import tree_digest

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import write_corpus  # noqa: E402

SITE_URL = "https://example.org/zhiku/"
SVG = "{http://www.w3.org/2000/svg}"


def build(pages, out, site_url: str | None):
    env = {k: v for k, v in os.environ.items() if k != "ZHIKU_SITE_URL"}
    if site_url:
        env["ZHIKU_SITE_URL"] = site_url
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--input", str(pages),
                           "--docs", str(out / "docs"), "--site", str(out / "site")],
                          capture_output=True, text=True, cwd=ROOT, env=env)


@pytest.fixture(scope="module")
def pictures_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pictures")
    pages = tmp / "pages"
    write_corpus(pages, 40, seed=3, html_share=0, topics=True)
    shutil.copy(SAMPLE, pages / SAMPLE.name)
    result = build(pages, tmp, SITE_URL)
    assert result.returncode == 0, result.stderr
    assert "feeds skipped" not in result.stderr
    return tmp


def read(site, rel):
    return (site / "site" / rel).read_text(encoding="utf-8")


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg [^>]*class=\"zhiku-.*?</svg>", html, re.S)]


def test_graph_page_draws_linked_terms(pictures_site):
    html = read(pictures_site, "glossary/graph.html")
    (svg,) = svgs(html)
    links = svg.findall(f".//{SVG}a")
    assert len(links) >= 10
    for a in links:
        assert (pictures_site / "site" / "glossary" / a.get("href")).is_file(), a.get("href")
    assert "<table>" in html and "最强的关联" in html


def test_entries_show_trend_and_graph(pictures_site):
    html = read(pictures_site, "glossary/kimi.html")
    titles = [s.find(f"{SVG}title").text for s in svgs(html)]
    assert titles == ["“Kimi”每月提及次数", "“Kimi”的相关术语"]
    assert html.index("每月提及") < html.index("关系图") < html.index("提及的文章")


def test_home_shows_rising_terms_and_feeds(pictures_site):
    html = read(pictures_site, "index.html")
    assert "近三个月上升最快的术语" in html
    assert svgs(html)[0].find(f"{SVG}title").text == "近三个月上升最快的术语"
    assert 'href="feed.xml"' in html and 'href="rss.xml"' in html
    assert '<link rel="alternate" type="application/atom+xml" title="知库 (Atom)" href="../feed.xml">' in read(
        pictures_site, "glossary/graph.html")


def test_archive_by_year_and_month_newest_first(pictures_site):
    html = read(pictures_site, "articles/index.html")
    years = re.findall(r'<h2 id="[^"]*">(\d{4}) 年', html)
    months = re.findall(r'<h3 id="[^"]*">(\d{4} 年 \d\d 月)（(\d+) 篇）', html)
    assert years == sorted(years, reverse=True) and len(years) >= 2
    assert [m for m, _ in months] == sorted((m for m, _ in months), reverse=True)
    assert sum(int(n) for _, n in months) == 41
    assert svgs(html)[0].find(f"{SVG}title").text == "每月文章数"


def test_feeds_list_every_newest_article(pictures_site):
    for name, version in (("feed.xml", "atom10"), ("rss.xml", "rss20")):
        parsed = feedparser.parse(read(pictures_site, name))
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == version and len(parsed.entries) == 41
        for entry in parsed.entries:
            assert entry.link.startswith(SITE_URL + "articles/") and entry.title and entry.summary and entry.author
            assert (pictures_site / "site" / entry.link[len(SITE_URL):]).is_file()
    assert f"<loc>{SITE_URL}glossary/graph.html</loc>" in read(pictures_site, "sitemap.xml")


def test_pictures_stay_out_of_the_search_index(pictures_site):
    index = json.dumps(index_docs(pictures_site / "site"), ensure_ascii=False)
    assert "提及次数" not in index and "术语关系图（数据见下表）" not in index
    assert "扎克伯格" in index  # the text around the pictures still is


def test_pictures_are_the_same_bytes_again(pictures_site, tmp_path):
    result = build(pictures_site / "pages", tmp_path, SITE_URL)
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "docs") == tree_digest(pictures_site / "docs")


def test_without_site_url_feeds_are_skipped_once(pictures_site, tmp_path):
    result = build(pictures_site / "pages", tmp_path, None)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("feeds skipped") == 1
    assert not (tmp_path / "site" / "feed.xml").exists() and not (tmp_path / "docs" / "rss.xml").exists()
    assert "feed.xml" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
