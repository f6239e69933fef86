"""Source profiles: what one portal's pages look like, loaded from YAML so a new portal needs no code."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass, field
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
class HtmlPortal:
    """One portal's saved HTML pages (a `kind: html` profile file): only what generic rules get wrong."""

    name: str
    match: tuple[str, ...] = ()  # regexes; the portal's page when one matches the page's URL or <title>
    body: tuple[str, ...] = ()  # XPath of the article body, tried in order
    drop: tuple[str, ...] = ()  # XPath of chrome inside the body
    title_suffix: tuple[str, ...] = ()  # regexes of the site suffix in <title>
    chrome_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class HtmlRules:
    """Generic HTML rules (profiles/html_generic.yml) and the portal files. Plain strings only, so that
    the profile's fingerprint sees every setting (compiled in extract/html_fields.py)."""

    chrome_phrases: tuple[str, ...] = ()  # a short block holding one of these is chrome
    section_ends: tuple[str, ...] = ()  # a block starting with one of these ends the article
    login_phrases: tuple[str, ...] = ()  # a page with little text and one of these is a login wall
    credit_lines: tuple[str, ...] = ()  # a short line after the text starting with one of these is credits
    # Words in an element's class or id that name a field (span.where, #source_place, div.QQeditor).
    source_attributes: tuple[str, ...] = ()
    author_attributes: tuple[str, ...] = ()
    editor_attributes: tuple[str, ...] = ()
    form_attributes: tuple[str, ...] = ()  # …but not inside elements named like these (login, comment forms)
    account_names: tuple[str, ...] = ()  # a byline naming one of these names a site account, not a person
    # A block of the body repeated on at least this many pages, and this share, of its site's pages in
    # one build is the site's chrome (extract/template.py).
    template_min_pages: int = 3
    template_min_share: float = 0.3
    portals: tuple[HtmlPortal, ...] = ()


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
    html: HtmlRules = field(default_factory=HtmlRules)


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


def _strings(data: dict, key: str, origin: str, *, pattern: bool = False) -> tuple[str, ...]:
    values = data.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ProfileError(f"{origin}: {key}: a list of strings")
    for value in values if pattern else []:
        try:
            re.compile(value)
        except re.error as exc:
            raise ProfileError(f"{origin}: {key}: bad pattern {value!r}: {exc}") from None
    return tuple(values)


def load_html_rules(folder: Path = PROFILE_DIR) -> HtmlRules:
    """`html_generic.yml` and every `kind: html` portal file of the folder, in name order."""
    generic, portals = {}, []
    for path in sorted(folder.glob("*.yml")):
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        if not isinstance(data, dict) or data.get("kind") not in ("html", "html-generic"):
            continue
        origin = str(path)
        if data["kind"] == "html-generic":
            generic = {k: _strings(data, k, origin) for k in (
                "chrome_phrases", "section_ends", "login_phrases", "credit_lines", "source_attributes",
                "author_attributes", "editor_attributes", "form_attributes", "account_names")}
            for key, kind in (("template_min_pages", int), ("template_min_share", float)):
                if key in data:
                    try:
                        generic[key] = kind(data[key])
                    except (TypeError, ValueError):
                        raise ProfileError(f"{origin}: {key} must be a number, not {data[key]!r}") from None
            continue
        from lxml import etree

        for xpath in (*_strings(data, "body", origin), *_strings(data, "drop", origin)):
            try:
                etree.XPath(xpath)
            except etree.XPathSyntaxError as exc:
                raise ProfileError(f"{origin}: bad XPath {xpath!r}: {exc}") from None
        portals.append(HtmlPortal(
            name=str(data.get("name") or path.stem), match=_strings(data, "match", origin, pattern=True),
            body=_strings(data, "body", origin), drop=_strings(data, "drop", origin),
            title_suffix=_strings(data, "title_suffix", origin, pattern=True),
            chrome_phrases=_strings(data, "chrome_phrases", origin)))
    return HtmlRules(**generic, portals=tuple(portals))


def default_profile() -> SourceProfile:
    profile = load_profile(PROFILE_DIR / "ai_portal_dump.yml")
    return dataclasses.replace(profile, html=load_html_rules())


def fingerprint(profile: SourceProfile) -> str:
    """Every setting of a source profile (patterns in full: a Pattern's repr is cut at 200
    characters): the extractions' keys hold it, so that changing the profile extracts again."""
    def plain(value):
        if hasattr(value, "pattern"):
            return [value.pattern, value.flags]
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        if dataclasses.is_dataclass(value):
            return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return str(value)

    return hashlib.sha256(json.dumps(plain(profile), ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]
