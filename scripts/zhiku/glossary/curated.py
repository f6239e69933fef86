"""The curated glossary file (content/glossary.yml): definitions, aliases, merges, splits, drops.

Validated entry by entry: a bad entry is reported with the file, the line and the problem, and the
other entries still apply.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

FIELDS = {
    "definition": "text shown on the entry page and as the link's tooltip",
    "aliases": "list of other names that mean this term",
    "merge": "list of found terms to fold into this one",
    "split": "list of names to take out of this term's group (each becomes a term of its own)",
    "drop": "true: leave the term out of the glossary",
    "link": "false: list the term, never auto-link it",
    "case_sensitive": "true: Latin aliases match only in the given case",
}
_LISTS = {"aliases", "merge", "split"}
_BOOLS = {"drop", "link", "case_sensitive"}


@dataclass
class CuratedEntry:
    name: str
    line: int
    definition: str = ""
    aliases: list[str] = field(default_factory=list)
    merge: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    drop: bool = False
    link: bool = True
    case_sensitive: bool = False


def parse_curated(text: str, origin: str) -> tuple[list[CuratedEntry], list[str]]:
    """Entries and error lines ('file:line: problem'); never raises on bad content."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{origin}:{mark.line + 1}" if mark else origin
        return [], [f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}"]
    if root is None:
        return [], []
    terms = _mapping_value(root, "terms")
    if not isinstance(root, yaml.MappingNode) or terms is None:
        return [], [f"{origin}:{root.start_mark.line + 1}: expected a mapping with a 'terms:' key"]
    if not isinstance(terms, yaml.MappingNode):
        return [], [f"{origin}:{terms.start_mark.line + 1}: 'terms' must map each term name to its fields"]
    entries, errors, seen = [], [], {}
    for key_node, value_node in terms.value:
        line = key_node.start_mark.line + 1
        name = str(key_node.value).strip()
        if not isinstance(key_node, yaml.ScalarNode) or not name:
            errors.append(f"{origin}:{line}: a term name must be a non-empty string")
            continue
        if name.casefold() in seen:
            errors.append(f"{origin}:{line}: term {name!r} is already defined on line {seen[name.casefold()]}")
            continue
        seen[name.casefold()] = line
        entry, problems = _entry(name, line, value_node)
        errors += [f"{origin}:{pline}: term {name!r}: {problem}" for pline, problem in problems]
        if entry and not problems:
            entries.append(entry)
    return entries, errors


def _mapping_value(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _entry(name: str, line: int, node) -> tuple[CuratedEntry | None, list[tuple[int, str]]]:
    entry = CuratedEntry(name=name, line=line)
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return entry, []  # "- 扎克伯格:" alone adds the term
    if isinstance(node, yaml.ScalarNode):
        entry.definition = node.value.strip()  # "术语: 定义" is a short form for the definition
        return entry, []
    if not isinstance(node, yaml.MappingNode):
        return None, [(node.start_mark.line + 1, "expected a mapping of fields or a definition string")]
    problems = []
    for key_node, value_node in node.value:
        fline = key_node.start_mark.line + 1
        key = key_node.value
        if key not in FIELDS:
            known = ", ".join(FIELDS)
            problems.append((fline, f"unknown field {key!r} (known: {known})"))
            continue
        value = _construct(value_node)
        if key in _LISTS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and str(v).strip() for v in value):
                problems.append((fline, f"{key} must be a list of names"))
                continue
            setattr(entry, key, [str(v).strip() for v in value])
        elif key in _BOOLS:
            if not isinstance(value, bool):
                problems.append((fline, f"{key} must be true or false, not {value!r}"))
                continue
            setattr(entry, key, value)
        else:
            if not isinstance(value, str):
                problems.append((fline, "definition must be text"))
                continue
            entry.definition = value.strip()
    return entry, problems


def _construct(node):
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def load_curated(path: Path) -> tuple[list[CuratedEntry], list[str]]:
    if not path.exists():
        return [], []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read: {exc}"]
    return parse_curated(text, str(path))
