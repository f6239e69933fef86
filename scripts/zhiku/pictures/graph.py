"""The term graph, drawn at build time: a small neighbourhood on each glossary entry, and a site graph.

Nodes are glossary terms (size: articles that mention the term), edges join terms that are mentioned in
the same articles (weight: how many). The site graph keeps the most-mentioned terms and, for each,
only its strongest links by association (shared articles over the geometric mean of both terms'
articles), so that a term found everywhere does not tie every node to itself. The layout is a small
force layout (Fruchterman–Reingold) with a fixed start and a fixed number of steps: pure Python,
no randomness, the same input gives the same picture.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..layout import GLOSSARY_DIR, GRAPH_PAGE, html_path
from ..link.relate import bitmask
from ..model import Term
from ..write.article_page import dump_front_matter
from ..write.escape import escape_text
from .svg import esc, figure, num, svg_open, text_width

_GRAPH_FROM_ENTRY = html_path(GRAPH_PAGE).removeprefix(f"{GLOSSARY_DIR}/")  # links from an entry page
SITE_NODES = 40  # terms on the site graph
SITE_LINKS_PER_NODE = 3  # strongest links kept per term
SITE_MAX_EDGES = 80
NEIGHBOURS = 8
UBIQUITOUS_FLOOR = 20  # a site this small draws every term
LABEL_SIZE = 12


@dataclass(frozen=True)
class Node:
    name: str
    slug: str
    articles: int
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    shared: int  # articles that mention both
    strength: float  # shared / sqrt(articles(a) * articles(b))
    around: bool = False  # on an entry's graph: between two neighbours, not to the centre


class TermArticles(dict):
    """Term name → the slugs of the articles that mention it; and how many articles two terms share,
    counted on bitmasks (a byte an article): every entry's graph asks it of a hundred pairs of terms,
    each held by thousands of articles."""

    def __init__(self, articles: dict[str, frozenset[str]]) -> None:
        super().__init__(articles)
        self._index = {slug: i for i, slug in enumerate(sorted(set().union(*self.values())))}
        self._masks: dict[str, int] = {}

    def shared(self, a: str, b: str) -> int:
        return (self._mask(a) & self._mask(b)).bit_count()

    def _mask(self, name: str) -> int:
        mask = self._masks.get(name)
        if mask is None:
            mask = self._masks[name] = bitmask(map(self._index.__getitem__, self[name]), len(self._index))
        return mask


def term_articles(terms: list[Term], uses: dict) -> TermArticles:
    """Term name → the slugs of the articles that mention it."""
    return TermArticles({t.name: frozenset(uses[t.name].mentions) for t in terms
                         if t.name in uses and uses[t.name].mentions})


def _edge(a: str, b: str, articles: TermArticles) -> Edge | None:
    shared = articles.shared(a, b)
    if not shared:
        return None
    a, b = sorted((a, b))
    return Edge(a, b, shared, shared / math.sqrt(len(articles[a]) * len(articles[b])))


def everywhere(articles: TermArticles, total: int) -> list[str]:
    """Terms in more than half of a large site's articles: linked to every other term, they would tie
    the site graph into one knot, so it lists them instead of drawing them."""
    ceiling = max(total // 2, UBIQUITOUS_FLOOR)
    return sorted((name for name, slugs in articles.items() if len(slugs) > ceiling),
                  key=lambda name: (-len(articles[name]), name))


def site_graph(terms: list[Term], uses: dict, total: int = 0, *, nodes: int = SITE_NODES,
               per_node: int = SITE_LINKS_PER_NODE, max_edges: int = SITE_MAX_EDGES,
               articles: TermArticles | None = None) -> tuple[list[Node], list[Edge]]:
    """The most-mentioned terms (by articles, ties by name; not those in most articles of the `total`)
    and their strongest links, pruned. (`articles`: term_articles(terms, uses), when made already.)"""
    articles = articles if articles is not None else term_articles(terms, uses)
    slugs = {t.name: t.slug for t in terms}
    skip = set(everywhere(articles, total))
    top = sorted((n for n in articles if n not in skip), key=lambda name: (-len(articles[name]), name))[:nodes]
    candidates = [e for i, a in enumerate(top) for b in top[i + 1:] if (e := _edge(a, b, articles))]
    rank = lambda e: (-e.strength, -e.shared, e.a, e.b)  # noqa: E731
    kept: set[Edge] = set()
    for name in top:
        own = sorted((e for e in candidates if name in (e.a, e.b)), key=rank)
        kept.update(own[:per_node])
    edges = sorted(kept, key=rank)[:max_edges]
    placed = force_layout(top, [(e.a, e.b, e.strength) for e in edges])
    return ([Node(name, slugs[name], len(articles[name]), *placed[name]) for name in top],
            sorted(edges, key=lambda e: (-e.shared, e.a, e.b)))


def force_layout(names: list[str], edges: list[tuple[str, str, float]], *, steps: int = 250) -> dict[str, tuple[float, float]]:
    """Positions in the unit square. Start: a sunflower spiral in the given order; then Fruchterman–
    Reingold steps with a cooling temperature, attraction scaled by edge weight, a pull to the centre
    (so that unlinked terms stay in view). Deterministic: no random numbers, fixed step count."""
    n = len(names)
    if n == 0:
        return {}
    golden = math.pi * (3 - math.sqrt(5))
    pos = [[0.5 + 0.4 * math.sqrt((i + 0.5) / n) * math.cos(i * golden),
            0.5 + 0.4 * math.sqrt((i + 0.5) / n) * math.sin(i * golden)] for i in range(n)]
    index = {name: i for i, name in enumerate(names)}
    links = [(index[a], index[b], w) for a, b, w in edges]
    k = math.sqrt(1.0 / n)
    top = max((w for _, _, w in links), default=1.0) or 1.0
    for step in range(steps):
        temperature = 0.1 * (1 - step / steps) + 0.002
        move = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                d2 = dx * dx + dy * dy or 1e-9
                f = k * k / d2
                move[i][0] += dx * f
                move[i][1] += dy * f
                move[j][0] -= dx * f
                move[j][1] -= dy * f
        for i, j, w in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            d = math.sqrt(dx * dx + dy * dy) or 1e-9
            f = d * (0.3 + w / top) / k
            move[i][0] -= dx * f
            move[i][1] -= dy * f
            move[j][0] += dx * f
            move[j][1] += dy * f
        for i in range(n):
            move[i][0] += (0.5 - pos[i][0]) * 0.8 / k
            move[i][1] += (0.5 - pos[i][1]) * 0.8 / k
            length = math.sqrt(move[i][0] ** 2 + move[i][1] ** 2) or 1e-9
            limit = min(length, temperature)
            pos[i][0] += move[i][0] / length * limit
            pos[i][1] += move[i][1] / length * limit
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {name: (0.5 + (pos[i][0] - cx) / span, 0.5 + (pos[i][1] - cy) / span) for name, i in index.items()}


def _spread_labels(boxes: list[list[float]], width: float, height: float, rounds: int = 60) -> None:
    """Push overlapping label boxes [x, y, w, h] (centre, size) apart, inside the picture; in place."""
    for _ in range(rounds):
        moved = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                a, b = boxes[i], boxes[j]
                ox = (a[2] + b[2]) / 2 - abs(a[0] - b[0])
                oy = (a[3] + b[3]) / 2 - abs(a[1] - b[1])
                if ox > 0 and oy > 0:
                    moved = True
                    if ox < oy:  # the smaller push
                        shift = ox / 2 + 0.5
                        sign = 1 if a[0] > b[0] or (a[0] == b[0] and i < j) else -1
                        a[0] += sign * shift
                        b[0] -= sign * shift
                    else:
                        shift = oy / 2 + 0.5
                        sign = 1 if a[1] > b[1] or (a[1] == b[1] and i < j) else -1
                        a[1] += sign * shift
                        b[1] -= sign * shift
        for box in boxes:
            box[0] = min(max(box[0], box[2] / 2 + 2), width - box[2] / 2 - 2)
            box[1] = min(max(box[1], box[3] / 2 + 2), height - box[3] / 2 - 2)
        if not moved:
            return


def _radius(articles: int, most: int, small: float = 4.0, large: float = 14.0) -> float:
    return small + (large - small) * math.sqrt(articles / most) if most else small


def render_site_svg(nodes: list[Node], edges: list[Edge], *, width: float = 800, height: float = 560) -> str:
    """The site graph as SVG: each node a link to its glossary entry (from the glossary folder)."""
    margin = 40
    most = max((n.articles for n in nodes), default=1)
    strongest = max((e.shared for e in edges), default=1)
    at = {n.name: (margin + n.x * (width - 2 * margin), margin + n.y * (height - 2 * margin)) for n in nodes}
    title = "术语关系图"
    desc = (f"{len(nodes)} 个最常见的术语，{len(edges)} 条最强的关联；圆越大，提及它的文章越多；"
            f"线越粗，同时提及两个术语的文章越多。数据见图下的表格。")
    parts = [svg_open(width, height, title, desc, "zk-site-graph", "zhiku-graph", links=True)]
    parts.append('<g class="zhiku-edges">')
    for e in edges:
        (x1, y1), (x2, y2) = at[e.a], at[e.b]
        parts.append(f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
                     f'stroke-width="{num(0.8 + 3.2 * e.shared / strongest)}"><title>{esc(e.a)} — {esc(e.b)}：'
                     f"同见于 {e.shared} 篇文章</title></line>")
    parts.append("</g>")
    boxes = []
    for n in nodes:
        x, y = at[n.name]
        r = _radius(n.articles, most)
        boxes.append([x, y + r + LABEL_SIZE * 0.8, text_width(n.name, LABEL_SIZE) + 4, LABEL_SIZE + 2])
    _spread_labels(boxes, width, height)
    parts.append('<g class="zhiku-nodes">')
    for n, box in zip(nodes, boxes):
        x, y = at[n.name]
        r = _radius(n.articles, most)
        parts.append(f'<a href="{esc(n.slug)}.html"><title>{esc(n.name)}：{n.articles} 篇文章</title>'
                     f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}"/>'
                     f'<text x="{num(box[0])}" y="{num(box[1] + LABEL_SIZE * 0.35)}" text-anchor="middle">'
                     f"{esc(n.name)}</text></a>")
    parts.append("</g>\n</svg>")
    return "\n".join(parts)


def neighbourhood(term: Term, terms_by_name: dict[str, Term], articles: TermArticles, total: int = 0,
                  limit: int = NEIGHBOURS) -> tuple[list[Node], list[Edge]]:
    """The term (first node, at the centre) and the terms most associated with it (shared articles over
    the geometric mean of both terms' articles; terms in most articles left out, as on the site graph),
    on a circle around it: the strongest at the top, clockwise; stronger links sit closer. Between the
    neighbours, only their strongest links (faint)."""
    if term.name not in articles:
        return [], []
    skip = set(everywhere(articles, total)) - {term.name}
    links = [e for name in articles if name != term.name and name not in skip
             if (e := _edge(term.name, name, articles))]
    links = sorted(links, key=lambda e: (-e.strength, -e.shared, e.a, e.b))[:limit]
    if not links:
        return [], []
    most = links[0].strength
    nodes = [Node(term.name, term.slug, len(articles[term.name]), 0.5, 0.5)]
    for i, e in enumerate(links):
        name = e.b if e.a == term.name else e.a
        angle = -math.pi / 2 + 2 * math.pi * i / len(links)
        distance = 0.3 + 0.2 * (1 - e.strength / most)
        nodes.append(Node(name, terms_by_name[name].slug, len(articles[name]),
                          0.5 + distance * math.cos(angle), 0.5 + distance * math.sin(angle)))
    around = [e for i, a in enumerate(nodes[1:], 1) for b in nodes[i + 1:] if (e := _edge(a.name, b.name, articles))]
    around = sorted(around, key=lambda e: (-e.strength, -e.shared, e.a, e.b))[:len(links)]
    return nodes, links + [Edge(e.a, e.b, e.shared, e.strength, around=True) for e in around]


def render_neighbourhood_svg(nodes: list[Node], edges: list[Edge], *, width: float = 520, height: float = 300) -> str:
    centre = nodes[0]
    sx, sy = width - 160, height - 60  # room for labels left, right, above and below
    at = {n.name: ((width - sx) / 2 + n.x * sx, (height - sy) / 2 + n.y * sy) for n in nodes}
    most = max(n.articles for n in nodes) or 1
    strongest = max(e.shared for e in edges) or 1
    desc = (f"与“{centre.name}”关联最强的 {len(nodes) - 1} 个术语，及同见的文章数："
            + "；".join(f"{e.b if e.a == centre.name else e.a} {e.shared} 篇" for e in edges if not e.around)
            + "。")
    parts = [svg_open(width, height, f"“{centre.name}”的相关术语", desc, "zk-term-graph", "zhiku-graph",
                             links=True)]
    parts.append('<g class="zhiku-edges">')
    for e in sorted(edges, key=lambda e: not e.around):  # neighbour links below the centre's links
        (x1, y1), (x2, y2) = at[e.a], at[e.b]
        faint = ' class="zhiku-faint"' if e.around else ""
        parts.append(f'<line{faint} x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
                     f'stroke-width="{num(0.8 + 3.2 * e.shared / strongest)}"><title>{esc(e.a)} — {esc(e.b)}：'
                     f"同见于 {e.shared} 篇文章</title></line>")
    parts.append("</g>")
    parts.append('<g class="zhiku-nodes">')
    for n in nodes:
        x, y = at[n.name]
        r = _radius(n.articles, most, 5, 14)
        dx, dy = x - width / 2, y - height / 2
        if n is centre:
            lx, ly, anchor = x, y + r + LABEL_SIZE, "middle"
        elif abs(dx) < 20:
            lx, ly, anchor = x, y + (r + LABEL_SIZE if dy > 0 else -r - 4), "middle"
        else:
            lx, ly, anchor = x + (r + 4 if dx > 0 else -r - 4), y + LABEL_SIZE * 0.35, "start" if dx > 0 else "end"
        label = f'<text x="{num(lx)}" y="{num(ly)}" text-anchor="{anchor}">{esc(n.name)}</text>'
        circle = f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}"/>'
        tip = f"<title>{esc(n.name)}：{n.articles} 篇文章</title>"
        if n is centre:
            parts.append(f'<g class="zhiku-centre">{tip}{circle}{label}</g>')
        else:
            parts.append(f'<a href="{esc(n.slug)}.html">{tip}{circle}{label}</a>')
    parts.append("</g>\n</svg>")
    return "\n".join(parts)


def neighbourhood_figure(term: Term, terms_by_name: dict[str, Term], articles: TermArticles,
                         total: int = 0) -> str:
    """The entry's graph with its data, as a Markdown raw block ('' when no term goes with it)."""
    nodes, edges = neighbourhood(term, terms_by_name, articles, total)
    if not nodes:
        return ""
    rows = "".join(f'<tr><td><a href="{esc(n.slug)}.html">{esc(n.name)}</a></td><td>{e.shared}</td><td>{n.articles}</td></tr>'
                   for n, e in zip(nodes[1:], edges))
    table = (f"<details><summary>图中的数据</summary><table><thead><tr><th>术语</th><th>同见于（篇）</th>"
             f"<th>共见于（篇）</th></tr></thead><tbody>{rows}</tbody></table></details>")
    caption = (f"与“{esc(term.name)}”关联最强的术语：同见的文章数相对两者各自的文章数越多，关联越强，离中心越近；"
               f'线越粗，同见的文章越多。<a href="{_GRAPH_FROM_ENTRY}">全站术语关系图</a>{table}')
    return figure(render_neighbourhood_svg(nodes, edges), caption, "zhiku-term-graph")


def render_graph_page(terms: list[Term], uses: dict, total: int = 0, articles: TermArticles | None = None) -> str:
    """glossary/graph.md: the site graph, then its data as two tables. `total`: articles on the site.
    (`articles`: term_articles(terms, uses), when made already: its bitmasks are made once.)"""
    articles = articles if articles is not None else term_articles(terms, uses)
    nodes, edges = site_graph(terms, uses, total, articles=articles)
    lines = [dump_front_matter({"title": "术语关系图"}), "# 术语关系图", ""]
    if not nodes:
        return "\n".join(lines + ["*尚无文章提及术语表中的术语。*", ""])
    lines += [f"提及最多的 {len(nodes)} 个术语，以及每个术语最强的几条关联（共 {len(edges)} 条）。圆越大，提及它的文章越多；"
              "线越粗，同时提及两个术语的文章越多。点击术语打开它的词条。[术语表](index.md)", ""]
    common = everywhere(articles, total)
    if common:
        slug = {t.name: t.slug for t in terms}
        names = "、".join(f"[{escape_text(n, line_start=False)}]({slug[n]}.md)" for n in common)
        lines += [f"超过半数文章都提及的 {len(common)} 个术语和什么都相关，不画在图上：{names}。", ""]
    lines += [figure(render_site_svg(nodes, edges), "术语关系图（数据见下表）", "zhiku-site-graph")]
    lines += ["## 术语", "", "| 术语 | 文章数 |", "|---|---|"]
    lines += [f"| [{escape_text(n.name, line_start=False)}]({n.slug}.md) | {n.articles} |" for n in nodes]
    lines += ["", "## 最强的关联", "", "| 术语 | 术语 | 同见于（篇） |", "|---|---|---|"]
    slug = {n.name: n.slug for n in nodes}
    lines += [f"| [{escape_text(e.a, line_start=False)}]({slug[e.a]}.md) | [{escape_text(e.b, line_start=False)}]"
              f"({slug[e.b]}.md) | {e.shared} |" for e in edges]
    return "\n".join(lines) + "\n"
