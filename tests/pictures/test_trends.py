"""Trends by the articles' own dates: months, per-month charts, rising terms, the archive chart."""
import xml.etree.ElementTree as ET
from collections import Counter

from zhiku.pictures.trends import (
    article_months,
    articles_figure,
    corpus_months,
    monthly,
    render_rising,
    rising_terms,
    slugs_by_month,
    terms_per_month,
    trend_figure,
)

from tests.pictures_data import HOSTILE, clusters, make_site

SVG = "{http://www.w3.org/2000/svg}"


def months_of(articles) -> dict:
    return slugs_by_month(article_months(articles))


def svg_of(markdown: str) -> ET.Element:
    return ET.fromstring(markdown[markdown.index("<svg"):markdown.index("</svg>") + 6])


def test_months_span_the_corpus_with_gaps_and_year_ends():
    _, _, articles = make_site({"a": ("2023-11-30", {"甲": 1}), "b": ("2024-02-01", {"甲": 1})})
    assert corpus_months(articles) == [(2023, 11), (2023, 12), (2024, 1), (2024, 2)]
    assert corpus_months([]) == []


def test_monthly_sums_mentions_by_article_month():
    terms, uses, articles = make_site({"a": ("2024-01-03", {"甲": 2}), "b": ("2024-01-30", {"甲": 3}),
                                       "c": ("2024-03-01", {"甲": 1})})
    assert monthly(uses["甲"].mentions, months_of(articles)) == Counter({(2024, 1): 5, (2024, 3): 1})


def test_trend_chart_has_chinese_labels_bars_and_data_table():
    terms, uses, articles = make_site({"a": ("2024-01-03", {"甲": 2}), "b": ("2024-03-01", {"甲": 4})})
    figure = trend_figure("甲", monthly(uses["甲"].mentions, months_of(articles)), corpus_months(articles))
    svg = svg_of(figure)
    assert svg.find(f"{SVG}title").text == "“甲”每月提及次数"
    # No links in it: one image, named by its title and desc.
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "zk-trend-title zk-trend-desc"
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"提及次数", "月份", "2024年1月", "0", "4"} <= set(texts)
    bars = svg.findall(f".//{SVG}rect")
    assert [b.find(f"{SVG}title").text for b in bars] == ["2024年1月：2 次", "2024年3月：4 次"]
    heights = [float(b.get("height")) for b in bars]
    assert heights[1] == 2 * heights[0] > 0
    assert "<td>2024年3月</td><td>4</td>" in figure and "\n\n" not in figure
    assert figure == trend_figure("甲", monthly(uses["甲"].mentions, months_of(articles)), corpus_months(articles))


def test_trend_escapes_the_term_name():
    terms, uses, articles = make_site({"a": ("2024-01-03", {HOSTILE: 1})})
    figure = trend_figure(HOSTILE, monthly(uses[HOSTILE].mentions, months_of(articles)), corpus_months(articles))
    assert "<script>" not in figure and svg_of(figure).find(f"{SVG}title").text == f"“{HOSTILE}”每月提及次数"


def test_rising_terms_compare_the_last_three_months_of_the_corpus_with_the_three_before():
    terms, uses, articles = make_site(clusters(120))
    months = corpus_months(articles)
    assert months[-1] == (2024, 12)
    rising = rising_terms(terms, terms_per_month(terms, uses, articles), months)
    assert {r.name for r in rising} == {"子", "丑", "寅"}
    assert all(0 < r.before < r.recent for r in rising)  # they appear in July: July to September is "before"
    assert [r.rise for r in rising] == sorted((r.rise for r in rising), reverse=True)


def test_rising_ignores_the_build_date():
    terms, uses, articles = make_site({"a": ("2019-01-10", {"甲": 1}), "b": ("2019-06-10", {"甲": 1, "乙": 1}),
                                       "c": ("2019-06-20", {"乙": 1})})
    section = render_rising(terms, uses, articles)
    assert "2019年4月至2019年6月" in section
    assert "- [乙](glossary/t0.md)：0 次 → 2 次（+2）" in section
    assert "甲" not in section  # once in January (before the window), once in June: no rise
    svg = svg_of(section)
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == ["glossary/t0.html"]
    assert svg.get("role") == "group"  # it has links: not an img, whose content screen readers skip


def test_nothing_rising_means_no_section():
    terms, uses, articles = make_site({"a": ("2024-01-10", {"甲": 1}), "b": ("2024-06-10", {"乙": 1})})
    uses["乙"].mentions.clear()
    assert render_rising(terms, uses, articles) == ""


def test_archive_chart_counts_articles_per_month():
    _, _, articles = make_site({"a": ("2024-01-03", {"甲": 1}), "b": ("2024-01-09", {}), "c": ("2024-02-01", {})})
    svg = svg_of(articles_figure(articles))
    assert svg.find(f"{SVG}title").text == "每月文章数"
    assert [r.find(f"{SVG}title").text for r in svg.iter(f"{SVG}rect")] == ["2024年1月：2 篇", "2024年2月：1 篇"]
