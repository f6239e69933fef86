"""Source profiles: what one portal's pages look like, loaded from YAML so a new portal needs no code."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

PROFILE_DIR = Path(__file__).parent / "profiles"

_PATTERN_KEYS = (
    "marker", "clicks_date", "section_heading", "section_heading_not", "references_header",
    "reference_item", "source_author", "keywords", "keyword_separator",
)


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class SourceProfile:
    name: str
    timezone: ZoneInfo
    marker: re.Pattern
    marker_within_lines: int
    chrome_lines: tuple[re.Pattern, ...]
    clicks_date: re.Pattern
    date_formats: tuple[str, ...]
    section_heading: re.Pattern
    section_heading_not: re.Pattern
    references_header: re.Pattern
    reference_item: re.Pattern
    source_author: re.Pattern
    keywords: re.Pattern
    keyword_separator: re.Pattern


def parse_profile(data: dict, origin: str) -> SourceProfile:
    """Validate a profile mapping; `origin` names the file in errors."""
    missing = [key for key in ("name", "timezone", *_PATTERN_KEYS) if key not in data]
    if missing:
        raise ProfileError(f"{origin}: missing keys: {', '.join(missing)}")
    compiled = {}
    for key in _PATTERN_KEYS:
        try:
            compiled[key] = re.compile(data[key])
        except re.error as exc:
            raise ProfileError(f"{origin}: {key}: bad pattern: {exc}") from None
    try:
        chrome = tuple(re.compile(p) for p in data.get("chrome_lines", []))
    except re.error as exc:
        raise ProfileError(f"{origin}: chrome_lines: bad pattern: {exc}") from None
    return SourceProfile(
        name=str(data["name"]),
        timezone=ZoneInfo(data["timezone"]),
        marker_within_lines=int(data.get("marker_within_lines", 5)),
        chrome_lines=chrome,
        date_formats=tuple(data.get("date_formats", ["%Y-%m-%d %H:%M"])),
        **compiled,
    )


def load_profile(path: Path) -> SourceProfile:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: a profile is a YAML mapping")
    return parse_profile(data, str(path))


def default_profile() -> SourceProfile:
    return load_profile(PROFILE_DIR / "ai_portal_dump.yml")
