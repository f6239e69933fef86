"""Trends, by the articles' own dates (never the build date): mentions per month of each term as a
small bar chart on its glossary entry, and the terms rising most in the corpus's last three months."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

from ..layout import html_path, term_page
from ..model import Article
from ..write.escape import escape_text
from .svg import esc, figure, num, svg_open

RECENT_MONTHS = 3
RISING_LIMIT = 10

Month = tuple[int, int]  # (year, month)


def month_label(month: Month) -> str:
    return f"{month[0]}年{month[1]}月"


def _add(month: Month, count: int) -> Month:
    index = month[0] * 12 + month[1] - 1 + count
    return index // 12, index % 12 + 1


def corpus_months(articles: list[Article]) -> list[Month]:
    """Every month from the oldest dated article's to the newest's, gaps included."""
    dated = [(a.date.year, a.date.month) for a in articles if a.date]
    if not dated:
        return []
    months, month, last = [], min(dated), max(dated)
    while month <= last:
        months.append(month)
        month = _add(month, 1)
    return months


def article_months(articles: Iterable[Article]) -> dict[str, Month | None]:
    """Each article's month by slug (None: undated), worked out once for every term's trend."""
    return {a.slug: (a.date.year, a.date.month) if a.date else None for a in articles}


def slugs_by_month(month_of: dict[str, Month | None]) -> dict[Month, list[str]]:
    """The dated articles' slugs grouped by month."""
    by_month: dict[Month, list[str]] = {}
    for slug, month in month_of.items():
        if month:
            by_month.setdefault(month, []).append(slug)
    return by_month


def monthly(mentions: dict[str, int], by_month: dict[Month, list[str]]) -> Counter:
    """Article slug → mentions, summed per month of the article's date (undated articles left out).
    Looked up month by month, in C (map): a Python step per term and article costs more than the rest
    of a rebuild's pictures."""
    return Counter({month: n for month, slugs in by_month.items() if (n := sum(map(mentions.get, slugs, repeat(0))))})


def render_trend_svg(name: str, months: list[Month], counts: Counter, *, width: float = 520,
                     height: float = 170, title: str = "", unit: str = "次", y_label: str = "提及次数",
                     what: str = "提及") -> str:
    left, right, top, bottom = 44, 12, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    most = max((counts[m] for m in months), default=0) or 1
    slot = plot_w / max(len(months), 1)
    bar = max(slot * 0.7, 1.0)
    total = sum(counts[m] for m in months)
    peak = max(months, key=lambda m: (counts[m], m)) if months else None
    desc = (f"{month_label(months[0])}至{month_label(months[-1])}，共 {total} {unit}{what}；"
            f"最多的是{month_label(peak)}，{counts[peak]} {unit}。数据见图下的表格。") if months else "没有带日期的文章。"
    parts = [svg_open(width, height, title or f"“{name}”每月提及次数", desc, "zk-trend", "zhiku-chart")]
    base = top + plot_h
    parts.append(f'<g class="zhiku-axes"><line x1="{left}" y1="{num(base)}" x2="{num(width - right)}" y2="{num(base)}"/>'
                 f'<line x1="{left}" y1="{top}" x2="{left}" y2="{num(base)}"/>'
                 f'<line class="zhiku-grid" x1="{left}" y1="{top}" x2="{num(width - right)}" y2="{top}"/></g>')
    parts.append(f'<g class="zhiku-labels"><text x="{left - 4}" y="{num(base + 4)}" text-anchor="end">0</text>'
                 f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{most}</text>'
                 f'<text x="12" y="{num(top + plot_h / 2)}" text-anchor="middle" '
                 f'transform="rotate(-90 12 {num(top + plot_h / 2)})">{y_label}</text>')
    step = max(1, -(-len(months) // 6))  # at most six month labels
    for i, month in enumerate(months):
        if i % step == 0:
            x = left + slot * (i + 0.5)
            parts.append(f'<text x="{num(x)}" y="{num(base + 16)}" text-anchor="middle">{month_label(month)}</text>')
    parts.append(f'<text x="{num(left + plot_w / 2)}" y="{num(height - 4)}" text-anchor="middle">月份</text></g>')
    parts.append('<g class="zhiku-bars">')
    for i, month in enumerate(months):
        if counts[month]:
            h = plot_h * counts[month] / most
            x = left + slot * i + (slot - bar) / 2
            parts.append(f'<rect x="{num(x)}" y="{num(base - h)}" width="{num(bar)}" height="{num(h)}">'
                         f"<title>{month_label(month)}：{counts[month]} {unit}</title></rect>")
    parts.append("</g>\n</svg>")
    return "\n".join(parts)


def _table(months: list[Month], counts: Counter) -> str:
    rows = "".join(f"<tr><td>{month_label(m)}</td><td>{counts[m]}</td></tr>" for m in reversed(months) if counts[m])
    return (f"<details><summary>按月数据（只列有提及的月份）</summary><table><thead><tr><th>月份</th><th>提及次数</th>"
            f"</tr></thead><tbody>{rows}</tbody></table></details>")


def articles_figure(articles: list[Article]) -> str:
    """Articles per month over the whole corpus, for the archive page (its data: the archive itself)."""
    months = corpus_months(articles)
    if not months:
        return ""
    counts = Counter((a.date.year, a.date.month) for a in articles if a.date)
    svg = render_trend_svg("", months, counts, title="每月文章数", unit="篇", y_label="文章数", what="文章")
    return figure(svg, "每月文章数，按发布日期（各月的篇数见下面的归档）", "zhiku-archive")


def trend_figure(name: str, counts: Counter, months: list[Month]) -> str:
    """The entry's chart of its mentions per month (monthly()) with its data, as a Markdown raw block;
    '' when no mentioning article is dated."""
    if not counts or not months:
        return ""
    caption = f"“{esc(name)}”每月提及次数，按文章的发布日期。{_table(months, counts)}"
    return figure(render_trend_svg(name, months, counts), caption, "zhiku-trend")


@dataclass(frozen=True)
class Rising:
    name: str
    slug: str
    before: int  # mentions in the three months before
    recent: int  # mentions in the last three months

    @property
    def rise(self) -> int:
        return self.recent - self.before


def rising_terms(terms, per_month: dict[str, Counter], months: list[Month], limit: int = RISING_LIMIT) -> list[Rising]:
    """Terms whose mentions grew most from the three months before to the last three months of the corpus."""
    if not months:
        return []
    last = months[-1]
    recent = {_add(last, -i) for i in range(RECENT_MONTHS)}
    before = {_add(last, -i) for i in range(RECENT_MONTHS, 2 * RECENT_MONTHS)}
    found = []
    for term in terms:
        counts = per_month.get(term.name)
        if not counts:
            continue
        r = Rising(term.name, term.slug, sum(counts[m] for m in before), sum(counts[m] for m in recent))
        if r.rise > 0:
            found.append(r)
    return sorted(found, key=lambda r: (-r.rise, -r.recent, r.name))[:limit]


def recent_span(months: list[Month]) -> tuple[Month, Month]:
    return _add(months[-1], 1 - RECENT_MONTHS), months[-1]


def render_rising_svg(rising: list[Rising], *, width: float = 520) -> str:
    """The rising terms as bars, each a link to its entry (from the home page)."""
    label_w, row, top = 130, 26, 8
    height = top + row * len(rising) + 34
    plot_w = width - label_w - 50
    most = max(max(r.recent, r.before) for r in rising) or 1
    desc = "；".join(f"{r.name}：前三个月 {r.before} 次，近三个月 {r.recent} 次" for r in rising) + "。"
    parts = [svg_open(width, height, "近三个月上升最快的术语", desc, "zk-rising", "zhiku-chart", links=True)]
    for i, r in enumerate(rising):
        y = top + row * i
        parts.append(f'<a href="{esc(html_path(term_page(r.slug)))}"><title>{esc(r.name)}：前三个月 {r.before} 次 → '
                     f'近三个月 {r.recent} 次</title><text x="{label_w - 6}" y="{num(y + 15)}" text-anchor="end">'
                     f"{esc(r.name)}</text></a>")
        for j, (value, cls) in enumerate(((r.before, "zhiku-before"), (r.recent, "zhiku-bars"))):
            w = plot_w * value / most
            parts.append(f'<rect class="{cls}" x="{label_w}" y="{num(y + 3 + 10 * j)}" width="{num(w)}" height="9"/>')
        parts.append(f'<text class="zhiku-value" x="{num(label_w + plot_w * max(r.recent, r.before) / most + 4)}" '
                     f'y="{num(y + 15)}">+{r.rise}</text>')
    legend_y = top + row * len(rising) + 14
    parts.append(f'<g class="zhiku-labels"><rect class="zhiku-before" x="{label_w}" y="{num(legend_y - 8)}" width="10" height="9"/>'
                 f'<text x="{label_w + 14}" y="{num(legend_y)}">前三个月</text>'
                 f'<rect class="zhiku-bars" x="{label_w + 90}" y="{num(legend_y - 8)}" width="10" height="9"/>'
                 f'<text x="{label_w + 104}" y="{num(legend_y)}">近三个月（提及次数）</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)


def terms_per_month(terms, uses: dict, articles: list[Article]) -> dict[str, Counter]:
    """Each mentioned term's mentions per month (monthly()), by name."""
    by_month = slugs_by_month(article_months(articles))
    return {t.name: monthly(uses[t.name].mentions, by_month) for t in terms if t.name in uses and uses[t.name].mentions}


def render_rising(terms, uses: dict, articles: list[Article], per_month: dict[str, Counter] | None = None) -> str:
    """The home page's section: chart and list ('' when no term rose)."""
    months = corpus_months(articles)
    rising = rising_terms(terms, per_month if per_month is not None else terms_per_month(terms, uses, articles), months)
    if not rising:
        return ""
    first, last = recent_span(months)
    lines = ["## 近三个月上升最快的术语", "",
             f"按文章自己的发布日期：{month_label(first)}至{month_label(last)}与此前三个月相比，提及次数增加最多的术语。", "",
             figure(render_rising_svg(rising), "近三个月上升最快的术语（数据见下面的列表）", "zhiku-rising")]
    for r in rising:
        lines.append(f"- [{escape_text(r.name, line_start=False)}]({term_page(r.slug)})："
                     f"{r.before} 次 → {r.recent} 次（+{r.rise}）")
    return "\n".join(lines) + "\n"
