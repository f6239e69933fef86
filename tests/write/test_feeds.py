"""Atom and RSS feeds of the newest articles: valid XML a feed reader parses with every entry."""
import xml.etree.ElementTree as ET

import feedparser
from zhiku.model import Article
from zhiku.write.feeds import FEED_LIMIT, atom_feed, feed_files, rss_feed

from tests.pictures_data import HOSTILE, make_site

URL = "https://example.org/zhiku"


def site(n=3):
    _, _, articles = make_site({f"a{i}": (f"2024-0{1 + i % 9}-0{1 + i % 7}", {}) for i in range(n)})
    return articles


def test_atom_is_read_with_every_entry_newest_first():
    articles = site(5)
    parsed = feedparser.parse(atom_feed(articles, URL, "知库"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and parsed.feed.title == "知库"
    assert len(parsed.entries) == 5
    first = parsed.entries[0]
    assert first.title == "标题 a4" and first.link == f"{URL}/articles/a4.html"
    assert first.author == "作者" and first.summary == "正文 a4"
    assert first.published == "2024-05-05T09:00:00+08:00"
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)


def test_rss_is_read_with_every_entry():
    articles = site(4)
    parsed = feedparser.parse(rss_feed(articles, URL + "/", "知库"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20" and len(parsed.entries) == 4
    assert parsed.entries[0].link == f"{URL}/articles/a3.html" and parsed.entries[0].author == "作者"


def test_hostile_text_stays_text():
    article = Article("x.txt", "0" * 64, title=HOSTILE + "\x0b", author="<b>A&B</b>", slug="x",
                      date=site(1)[0].date, keywords=['"k"'])
    for text in (atom_feed([article], URL, "知库"), rss_feed([article], URL, "知库")):
        ET.fromstring(text.encode("utf-8"))
        parsed = feedparser.parse(text)
        assert not parsed.bozo
        assert parsed.entries[0].title == HOSTILE
        assert parsed.entries[0].author == "<b>A&B</b>"


def test_limit_and_undated_articles():
    articles = site(FEED_LIMIT + 5)
    articles.append(Article("u.txt", "0" * 64, title="无日期", slug="u"))
    parsed = feedparser.parse(atom_feed(articles, URL, "知库"))
    assert len(parsed.entries) == FEED_LIMIT and "无日期" not in {e.title for e in parsed.entries}


def test_no_site_url_no_feeds_and_same_bytes_twice():
    assert feed_files(site(), None, "知库") == {}
    assert feed_files(site(), URL, "知库") == feed_files(site(), URL, "知库")
    assert set(feed_files(site(), URL, "知库")) == {"feed.xml", "rss.xml"}
