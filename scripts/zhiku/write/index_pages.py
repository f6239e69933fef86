"""The site's listing pages: the home page (newest articles, rising terms, feeds) and the archive."""
from __future__ import annotations

from ..extract.facts import LEAD_CHARS, facts_of
from ..layout import ARCHIVE_DIR, ARTICLE_INDEX, ARTICLES_DIR, GLOSSARY_INDEX, GRAPH_PAGE, TAGS_PAGE
from ..model import Article
from .article_page import dump_front_matter
from .escape import escape_text

HOME_LIMIT = 30
ARCHIVE_ON_ONE_PAGE = 500


def excerpt(article: Article, length: int = 120) -> str:
    if length < LEAD_CHARS:
        text = facts_of(article).lead
    else:
        text = next((b.text for b in article.blocks if b.kind == "paragraph"), "")
    return text if len(text) <= length else text[:length].rstrip() + "…"


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date.timestamp() if a.date else 0.0, a.slug), reverse=True)


def _article_line(article: Article, prefix: str) -> str:
    facts = [article.date.strftime("%Y-%m-%d %H:%M") if article.date else "日期不详"]
    facts += [escape_text(x) for x in (article.source, article.author) if x]
    return f"[{escape_text(article.title)}]({prefix}{article.slug}.md)", " · ".join(facts)


def render_home(articles: list[Article], site_name: str, extra: str = "", feeds: list[str] = ()) -> str:
    """The newest articles, then `extra` (the rising terms, trends.py); `feeds`: Atom, RSS files."""
    lines = [dump_front_matter({"title": "首页", "hide": ["navigation", "toc"]}), f"# {escape_text(site_name)}", ""]
    links = [f"[全部文章]({ARTICLE_INDEX})", f"[术语表]({GLOSSARY_INDEX})", f"[术语关系图]({GRAPH_PAGE})"]
    links += [f"[{'Atom' if i == 0 else 'RSS'} 订阅]({name})" for i, name in enumerate(feeds)]
    lines.append(f"共 {len(articles)} 篇文章，最新的在前。{' · '.join(links)}")
    lines.append("")
    lines += ["## 最新文章", ""]
    for article in newest_first(articles)[:HOME_LIMIT]:
        link, facts = _article_line(article, f"{ARTICLES_DIR}/")
        lines += [f"### {link}", "", f"*{facts}*", "", escape_text(excerpt(article)), ""]
    if extra:
        lines += [extra, ""]
    return "\n".join(lines)


def render_article_index(articles: list[Article], chart: str = "") -> dict[str, str]:
    """The archive: every article by year and month, newest first, with counts; a bar of years on top,
    then `chart` (articles per month, trends.py). Up to ARCHIVE_ON_ONE_PAGE articles it is one page;
    past that, the index lists the months and each month is a page of its own (archive/2025-03.md),
    so that no page grows with the site. Path relative to the docs folder → Markdown."""
    from pymdownx.slugs import slugify

    years: dict[str, dict[str, list[Article]]] = {}
    for article in newest_first(articles):
        year = f"{article.date.year} 年" if article.date else "日期不详"
        month = article.date.strftime("%Y 年 %m 月") if article.date else "日期不详"
        years.setdefault(year, {}).setdefault(month, []).append(article)
    split = len(articles) > ARCHIVE_ON_ONE_PAGE
    anchor = slugify(case="lower")
    counts = {year: sum(len(group) for group in months.values()) for year, months in years.items()}
    lines = [dump_front_matter({"title": "全部文章"}), "# 全部文章", ""]
    lines += [f"共 {len(articles)} 篇文章，按发布时间，最新的在前。", ""]
    lines += [" · ".join(f"[{year}（{count} 篇）](#{anchor(year, '-')})" for year, count in counts.items()), ""]
    if chart:
        lines.append(chart)
    pages = {}
    for year, months in years.items():
        if year != "日期不详":
            lines += [f"## {year}", "", f"{year}共 {counts[year]} 篇。", ""]
        elif split:
            lines += ["## 日期不详", ""]
        for month, group in months.items():
            heading = f"{'##' if month == '日期不详' else '###'} {month}（{len(group)} 篇）"
            listing = [f"- {link} · {facts}" for link, facts in
                       (_article_line(a, f"../{ARTICLES_DIR}/" if split else "") for a in group)]
            if not split:
                lines += [heading, "", *listing, ""]
                continue
            name = f"{ARCHIVE_DIR}/{group[0].date.strftime('%Y-%m') if group[0].date else 'undated'}.md"
            lines.append(f"- [{month}（{len(group)} 篇）](../{name})")
            pages[name] = "\n".join([dump_front_matter({"title": month}), f"# {month}", "",
                                     f"{len(group)} 篇，最新的在前。[全部文章](../{ARTICLE_INDEX})", "",
                                     *listing, ""])
        if split:
            lines.append("")
    pages[ARTICLE_INDEX] = "\n".join(lines)
    return pages


def tags_page() -> dict[str, str]:
    """The page Material's tags plugin fills with every tag (an article's keywords are its tags)."""
    return {TAGS_PAGE: "---\ntitle: 标签\n---\n\n# 标签\n\n<!-- material/tags -->\n"}
