"""Small SVG helpers: escaping, fixed number formatting, and the figure wrapper for Markdown pages.

Every picture is inline SVG inside a raw HTML `<figure>` block: links work, colours follow the page's
palette through CSS (site_overrides/assets/zhiku.css: currentColor and Material's variables), and no
script is needed. Scraped text only ever reaches the SVG through `esc`.
"""
from __future__ import annotations

import re

_XML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
# Characters XML 1.0 does not allow at all (C0 controls but tab/newline/return, surrogates, U+FFFE/F).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: str) -> str:
    """Text or attribute value for XML (SVG, Atom, RSS): entities for markup, invalid characters dropped."""
    return "".join(_XML.get(ch, ch) for ch in _INVALID.sub("", str(text)))


def num(value: float) -> str:
    """A coordinate with one decimal, no '-0', no trailing '.0': the same number gives the same bytes."""
    text = f"{round(value, 1):.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def one_line(text: str) -> str:
    """A raw HTML block in Markdown ends at a blank line: keep the picture free of them."""
    return "\n".join(line for line in text.splitlines() if line.strip())


def figure(svg: str, caption: str, css_class: str) -> str:
    """An SVG in a `<figure>` with a caption (already escaped), as a raw HTML block for Markdown. Left
    out of the search index: axis labels and node names would only add noise to the results."""
    return one_line(f'<figure class="zhiku-figure {css_class}" data-search-exclude>\n{svg}\n'
                    f"<figcaption>{caption}</figcaption>\n</figure>") + "\n"


def svg_open(width: float, height: float, title: str, desc: str, ident: str, css_class: str,
             links: bool = False) -> str:
    """The opening tag with an accessible name (`<title>`) and description (`<desc>`), escaped here.

    A picture without links is one image (role img). One with links (`links`) is a group named by its
    title: an img's content is hidden from assistive technology, so links inside it could be reached
    with Tab but not be announced (axe's nested-interactive)."""
    role = (f'role="group" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc"' if links
            else f'role="img" aria-labelledby="{ident}-title {ident}-desc"')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="0 0 {num(width)} {num(height)}" '
            f'width="{num(width)}" height="{num(height)}" {role}>\n'
            f'<title id="{ident}-title">{esc(title)}</title>\n<desc id="{ident}-desc">{esc(desc)}</desc>')


def text_width(text: str, size: float) -> float:
    """Rough width of a label: CJK characters are square, Latin letters and digits about half."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)
