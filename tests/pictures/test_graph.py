"""The term graph: neighbourhood and site graph, pruning, deterministic layout, escaping, links."""
import math
import xml.etree.ElementTree as ET

from zhiku.pictures.draw import draw_pictures
from zhiku.pictures.graph import (
    force_layout,
    neighbourhood,
    neighbourhood_figure,
    render_graph_page,
    render_site_svg,
    site_graph,
    term_articles,
)

from tests.pictures_data import HOSTILE, clusters, make_site

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(markdown: str) -> ET.Element:
    start, end = markdown.index("<svg"), markdown.index("</svg>") + len("</svg>")
    return ET.fromstring(markdown[start:end])  # well-formed XML, or this raises


def test_site_graph_keeps_strong_links_and_leaves_out_terms_everywhere():
    terms, uses, articles = make_site(clusters(100))
    nodes, edges = site_graph(terms, uses, len(articles))
    names = {n.name for n in nodes}
    assert "AI" not in names  # in every article of a site larger than the floor
    assert names == {"甲", "乙", "丙", "子", "丑", "寅", "卯"}
    pairs = {(e.a, e.b) for e in edges}
    assert ("丙", "乙") in pairs or ("乙", "丙") in pairs
    assert not any({e.a, e.b} & {"甲", "乙", "丙"} and {e.a, e.b} & {"子", "丑", "寅", "卯"}
                   for e in edges)  # the groups never meet
    assert all(0 <= n.x <= 1 and 0 <= n.y <= 1 for n in nodes)


def test_site_graph_is_pruned():
    spec = {f"a{i}": ("2024-01-01", {f"词{j}": 1 for j in range(30) if (i >> (j % 6)) & 1 or j == i % 30})
            for i in range(64)}
    terms, uses, articles = make_site(spec)
    nodes, edges = site_graph(terms, uses, 10_000, nodes=20, per_node=2, max_edges=25)
    assert len(nodes) == 20 and len(edges) <= 25
    complete = 20 * 19 // 2
    assert len(edges) < complete / 4


def test_small_site_draws_every_term():
    terms, uses, articles = make_site({"a": ("2024-01-01", {"甲": 1, "乙": 2}), "b": ("2024-02-01", {"甲": 1})})
    nodes, edges = site_graph(terms, uses, len(articles))
    assert [n.name for n in nodes] == ["甲", "乙"] and [(e.a, e.b, e.shared) for e in edges] == [("乙", "甲", 1)]


def test_layout_is_deterministic_and_spread():
    names = [f"n{i}" for i in range(12)]
    edges = [(names[i], names[(i + 1) % 12], 1.0) for i in range(12)]
    first, second = force_layout(names, edges), force_layout(names, edges)
    assert first == second
    points = list(first.values())
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:])
    assert closest > 0.05


def test_site_page_is_the_same_bytes_twice_and_has_data_tables():
    site = make_site(clusters())
    page = render_graph_page(site[0], site[1], len(site[2]))
    assert page == render_graph_page(*make_site(clusters())[:2], len(site[2]))
    assert "| 术语 | 文章数 |" in page and "| 术语 | 术语 | 同见于（篇） |" in page
    assert "[AI](t0.md)" in page  # the term left out is listed
    svg = svg_of(page)
    # Its nodes are links: a group, not an img (an img's content is hidden from screen readers).
    assert svg.get("role") == "group" and svg.find(f"{SVG}title").text == "术语关系图"
    assert svg.get("aria-labelledby") == svg.find(f"{SVG}title").get("id")
    assert svg.get("aria-describedby") == svg.find(f"{SVG}desc").get("id")
    assert svg.find(f"{SVG}desc").text
    links = svg.findall(f".//{SVG}a")
    assert len(links) == 7 and all(a.get("href").endswith(".html") and a.find(f"{SVG}circle") is not None
                                   for a in links)


def test_hostile_term_names_are_escaped():
    terms, uses, articles = make_site({"a": ("2024-01-01", {HOSTILE: 1, "乙": 1}), "b": ("2024-01-02", {HOSTILE: 1, "乙": 1})})
    page = render_graph_page(terms, uses, 2)
    svg = svg_of(page)
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert HOSTILE in texts
    assert "<script>" not in page
    entry = neighbourhood_figure(terms[0], {t.name: t for t in terms}, term_articles(terms, uses))
    assert "<script>" not in entry and svg_of(entry).find(f"{SVG}title").text == f"“{HOSTILE}”的相关术语"


def test_neighbourhood_centre_first_strongest_neighbours_are_links_with_data():
    terms, uses, articles = make_site(clusters(90))
    by_name = {t.name: t for t in terms}
    mentioned = term_articles(terms, uses)
    nodes, edges = neighbourhood(by_name["乙"], by_name, mentioned, len(articles))
    assert nodes[0].name == "乙" and (nodes[0].x, nodes[0].y) == (0.5, 0.5)
    assert [n.name for n in nodes[1:]] == ["丙", "甲"]  # AI is in every article: left out
    assert [e.shared for e in edges if not e.around] == [30, 30]
    assert [(e.a, e.b) for e in edges if e.around] == [("丙", "甲")]
    figure = neighbourhood_figure(by_name["乙"], by_name, mentioned, len(articles))
    hrefs = [a.get("href") for a in svg_of(figure).iter(f"{SVG}a")]
    assert hrefs == [by_name["丙"].slug + ".html", by_name["甲"].slug + ".html"]
    assert svg_of(figure).get("role") == "group"
    assert f'<tr><td><a href="{by_name["丙"].slug}.html">丙</a></td><td>30</td><td>30</td></tr>' in figure
    assert figure.count("\n\n") == 0  # one raw HTML block


def test_neighbourhood_ranks_by_association_not_by_size():
    # 大 is in many articles, 小 in few but always with 中: 小 is the closer neighbour of 中.
    spec = {f"a{i}": ("2024-01-01", {"大": 1, **({"中": 1} if i < 6 else {}), **({"小": 1} if i < 4 else {})})
            for i in range(12)}
    terms, uses, articles = make_site(spec)
    by_name = {t.name: t for t in terms}
    nodes, _ = neighbourhood(by_name["中"], by_name, term_articles(terms, uses), len(articles))
    assert [n.name for n in nodes] == ["中", "小", "大"]
    assert math.dist((nodes[1].x, nodes[1].y), (0.5, 0.5)) < math.dist((nodes[2].x, nodes[2].y), (0.5, 0.5))


def test_term_without_related_terms_has_no_graph():
    terms, uses, _ = make_site({"a": ("2024-01-01", {"甲": 1})})
    assert neighbourhood_figure(terms[0], {"甲": terms[0]}, term_articles(terms, uses)) == ""


def test_site_draw_once():
    terms, uses, articles = make_site(clusters())
    pictures = draw_pictures(terms, uses, articles)
    assert set(pictures.pages) == {"glossary/graph.md"}
    assert set(pictures.entries) == {t.name for t in terms}
    assert draw_pictures(terms, uses, articles) == pictures


def test_render_site_svg_empty_graph_is_still_valid_xml():
    ET.fromstring(render_site_svg([], []))
