"""Bad pages: what is wrong with a page, in one report line, and whether it is published anyway."""
from __future__ import annotations

from dataclasses import dataclass

# Problem kinds; False for kinds whose page is not on the site.
KINDS = {
    "empty": False, "binary": False, "too-large": False, "undecodable": False, "unreadable": False,
    "no-title": False, "duplicate": False, "no-body": False, "login-wall": False, "link-list": False,
    "empty-body": False, "cut-off": True, "bad-date": True, "no-date": True, "short-body": True, "fallback-body": True,
    "same-title": True, "front-matter": True, "relative-date": True,
}
# The extractors say what is wrong in words; the words a message starts with give its kind.
_PREFIXES = (("no title", "no-title"), ("date does not parse", "bad-date"), ("no publish time", "no-date"),
             ("empty body", "empty-body"), ("short body", "short-body"), ("fallback body", "fallback-body"), ("cut off", "cut-off"),
             ("front matter", "front-matter"),
             ("no body", "no-body"), ("login wall", "login-wall"), ("link list", "link-list"),
             ("relative date", "relative-date"))


def problem_kind(message: str) -> str:
    return next((kind for prefix, kind in _PREFIXES if message.startswith(prefix)), "other")


def published(kind: str) -> bool:
    return KINDS.get(kind, True)


@dataclass(frozen=True)
class Problem:
    """One line of the build report: the file, what is wrong, and whether the page was published."""

    input: str
    kind: str
    message: str
    other: str | None = None  # the other page of a duplicate or a shared title

    @property
    def published(self) -> bool:
        return published(self.kind)

    def line(self) -> str:
        return f"{self.input}: {self.message}" + ("" if self.published else "; not published")

    def as_dict(self) -> dict:
        entry = {"input": self.input, "kind": self.kind, "message": self.message, "published": self.published}
        if self.other:
            entry["other"] = self.other
        return entry
