"""A small model for the picture tests: articles with dates, terms, and how the articles use them."""
from collections import Counter
from datetime import datetime, timedelta, timezone

from zhiku.link.relate import related_terms
from zhiku.link.site import TermUse
from zhiku.model import Article, Block, Term

CST = timezone(timedelta(hours=8))
HOSTILE = '<script>alert("x")</script>&amp;'


def make_site(spec: dict[str, tuple[str, dict[str, int]]]) -> tuple[list[Term], dict[str, TermUse], list[Article]]:
    """spec: article slug → (date 'YYYY-MM-DD', {term name: mentions})."""
    names = sorted({name for _, counts in spec.values() for name in counts})
    terms = [Term(name, slug=f"t{i}") for i, name in enumerate(names)]
    uses = {name: TermUse() for name in names}
    articles = []
    for slug, (day, counts) in sorted(spec.items()):
        date = datetime.fromisoformat(day).replace(hour=9, tzinfo=CST)
        articles.append(Article(f"{slug}.txt", "0" * 64, title=f"标题 {slug}", date=date, slug=slug,
                                author="作者", blocks=[Block("paragraph", f"正文 {slug}")], terms=sorted(counts)))
        for name, count in counts.items():
            uses[name].mentions[slug] = count
    for name, related in related_terms({a.slug: set(a.terms) for a in articles}).items():
        uses[name].related = related
    return terms, uses, articles


def clusters(n: int = 60) -> dict[str, tuple[str, dict[str, int]]]:
    """Two groups of terms that go together (甲乙丙, 子丑寅), a loner (卯), and AI in every article, spread
    over a year; 子丑寅 only in the second half (卯 in the first): they rise."""
    spec = {}
    for i in range(n):
        month = 1 + i * 12 // n
        group = [("甲", "乙", "丙"), ("子", "丑", "寅") if month > 6 else ("卯",), ()][i % 3]
        spec[f"a{i:03d}"] = (f"2024-{month:02d}-15", {**{g: 1 + i % 4 for g in group}, "AI": 1})
    return spec


def counter(**kw) -> Counter:
    return Counter(kw)
