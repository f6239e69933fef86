"""Linked Markdown: a term link at each chosen mention, the tooltip it shows, and a mention in context."""
from __future__ import annotations

from ..model import Term
from ..write.escape import escape_link_title, escape_text
from .matcher import Mention

SNIPPET_CONTEXT = 40


def tooltip(term: Term) -> str:
    """What hovering a term link shows: the definition, else the aliases, else the name."""
    if term.definition:
        text = term.definition
        return text if len(text) <= 120 else text[:119] + "…"
    if term.aliases:
        return f"{term.name}（又称：{'、'.join(term.aliases[:6])}）"
    return term.name


def snippet(text: str, m: Mention) -> str:
    """The mention with some context, as Markdown: …前文**术语**后文…"""
    left, right = max(0, m.start - SNIPPET_CONTEXT), min(len(text), m.end + SNIPPET_CONTEXT)
    before = ("…" if left else "") + text[left:m.start]
    after = text[m.end:right] + ("…" if right < len(text) else "")
    return (escape_text(before, line_start=False) + f"**{escape_text(text[m.start:m.end], line_start=False)}**"
            + escape_text(after, line_start=False))


def render_linked(text: str, mentions: list[Mention], terms: list[Term], href) -> str:
    """Escaped Markdown of `text` with a link at each mention; `href(term)` gives the link target."""
    out, position = [], 0
    for m in mentions:
        before = escape_text(text[position:m.start], line_start=position == 0)
        if before.endswith("!"):  # "![label](url)" would be an image
            before = before[:-1] + "\\!"
        out.append(before)
        term = terms[m.term]
        label = escape_text(text[m.start:m.end], line_start=False)
        out.append(f'[{label}]({href(term)} "{escape_link_title(tooltip(term))}")')
        position = m.end
    out.append(escape_text(text[position:], line_start=position == 0))
    return "".join(out)
