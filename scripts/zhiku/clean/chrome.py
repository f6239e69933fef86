"""The portal's chrome stripped from a page's lines, white space normalised, blank runs (image gaps) noted."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Dropped, SourceLine
from ..profile import SourceProfile

# Non-breaking and other odd spaces that the portal pads lines with; zero-width characters that
# would split a search token or a glossary match without showing.
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r" {2,}")
# A pad space before full-width punctuation ("服务 。") is layout debris, not content.
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[。，、；：？！”’）》])")
# Any of the four: most lines have none, and one search costs less than four substitutions.
_ODD = re.compile("|".join(p.pattern for p in (_ZERO_WIDTH, _ODD_SPACES, _SPACE_RUN, _SPACE_BEFORE_PUNCTUATION)))


def normalise_line(text: str) -> str:
    if not text or text.isspace():  # most lines of a dump are blank (image gaps): no regex for them
        return ""
    if not _ODD.search(text):
        return text.strip()
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    return _SPACE_BEFORE_PUNCTUATION.sub("", text).strip()


@dataclass
class ChromeResult:
    portal_keyword_line: str
    lines: list[SourceLine]  # every line, normalised, from the first one after the chrome
    dropped: list[Dropped] = field(default_factory=list)


def normalise_lines(lines: list[SourceLine]) -> list[SourceLine]:
    return [SourceLine(number, normalise_line(text)) for number, text in lines]


def strip_portal_chrome(lines: list[SourceLine], profile: SourceProfile) -> ChromeResult:
    """Remove the header chrome from normalised lines (normalise_lines); the hot-search keyword line
    before the marker is kept aside."""
    marker_at = next(
        (i for i, line in enumerate(lines[: profile.marker_within_lines]) if profile.marker.match(line.text)),
        None,
    )
    if marker_at is None:  # not a page of this portal's layout, or the chrome is already gone
        return ChromeResult("", lines)
    dropped, keyword_lines = [], []
    for line in lines[:marker_at]:
        if line.text:
            keyword_lines.append(line.text)
            dropped.append(Dropped(line.number, line.number, "chrome: hot-search keyword line", line.text))
    rest = marker_at
    while rest < len(lines) and (
        not lines[rest].text or any(p.match(lines[rest].text) for p in profile.chrome_lines)
    ):
        if lines[rest].text:
            dropped.append(Dropped(lines[rest].number, lines[rest].number, "chrome: portal navigation", lines[rest].text))
        rest += 1
    return ChromeResult(" ".join(keyword_lines), lines[rest:], dropped)


def blank_runs(lines: list[SourceLine]) -> list[Dropped]:
    """Blank lines as runs, so that the report stays short; image gaps are such runs."""
    runs: list[Dropped] = []
    first = last = None
    for number, text in lines:
        if text:
            continue
        if last is not None and number == last + 1:
            last = number
            continue
        if first is not None:
            runs.append(Dropped(first, last, "blank"))
        first = last = number
    if first is not None:
        runs.append(Dropped(first, last, "blank"))
    return runs
