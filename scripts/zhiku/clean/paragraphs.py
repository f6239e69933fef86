"""Lines into paragraphs and headings: consecutive lines joined, any blank run one break."""
from __future__ import annotations

import re

from ..chars import CHINESE_TEXT
from ..model import Block, SourceLine
from ..profile import SourceProfile

_CHINESE = re.compile(f"[{CHINESE_TEXT}]")


def join_lines(left: str, right: str) -> str:
    """Join two lines of one paragraph: no space between CJK text, one space between Latin words."""
    if _CHINESE.match(left[-1:]) or _CHINESE.match(right[:1]):
        return left + right
    return f"{left} {right}"


def is_section_heading(text: str, profile: SourceProfile) -> bool:
    return bool(profile.section_heading.match(text)) and not profile.section_heading_not.search(text)


def body_blocks(lines: list[SourceLine], profile: SourceProfile) -> list[Block]:
    """Paragraphs (consecutive lines joined) and headings; any run of blank lines is one break."""
    blocks: list[Block] = []
    paragraph = ""
    for line in lines:
        if not line.text or is_section_heading(line.text, profile):
            if paragraph:
                blocks.append(Block("paragraph", paragraph))
                paragraph = ""
            if line.text:
                blocks.append(Block("heading", line.text))
            continue
        paragraph = join_lines(paragraph, line.text) if paragraph else line.text
    if paragraph:
        blocks.append(Block("paragraph", paragraph))
    return blocks
