"""Decoding a page's bytes: any common encoding, binary files refused, lines numbered as editors do.

Encodings: UTF-8 with or without BOM, UTF-16/32 (BOM or not), GB18030 (covers GBK and GB2312),
Big5, a charset an HTML page declares, and what charset-normalizer finds coherent among those. A
page that cannot be read raises PageError with a `kind` for the report.
"""
from __future__ import annotations

import codecs
import re

from ..model import SourceLine

# Encodings tried by detection, in order of preference for a Chinese portal. cp1252 last: Western pages.
CANDIDATES = ("utf_8", "gb18030", "big5", "cp1252")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_MAGIC = ((b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
          (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip archive"),
          (b"RIFF", "RIFF media"), (b"\x7fELF", "executable"), (b"BZh", "bzip2 archive"))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""", re.I)
# C0 controls other than tab, LF, VT, FF, CR: text pages have none; a few percent means binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class PageError(ValueError):
    """A page that cannot be read; str() names the file and the problem, `kind` sorts it in the report."""

    def __init__(self, name: str, kind: str, detail: str):
        super().__init__(f"{name}: {detail}")
        self.path, self.kind, self.detail = name, kind, detail


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes (the high byte of ASCII characters), a strict decode, no controls."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for encoding in order:
        text = _strict(data, encoding)
        if text is not None and not _CONTROL.search(text):
            return text
    # Chinese-only UTF-16 without a BOM has no NUL bytes at all: too rare to guess at.
    return None


def detect_encoding(data: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """(text, encoding name) or None when no candidate encoding gives coherent text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            return (text, encoding.replace("-sig", "")) if text is not None else None
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _utf16_without_bom(data)
    if text is not None:
        return text, "utf-16"
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name in ("gbk", "gb2312", "cp936"):  # declared GBK pages use GB18030's extra characters too
            name = "gb18030"
        if name and name not in ("utf-8", "utf-16", "utf-32") and (text := _strict(data, name)) is not None:
            return text, name
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(CANDIDATES), preemptive_behaviour=False))
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.chaos, CANDIDATES.index(m.encoding) if m.encoding in CANDIDATES else 9))
    # A short GBK line decodes as Big5 just as well; a mainland portal means GB18030 on a near tie.
    gb = next((m for m in matches if m.encoding == "gb18030"), None)
    if gb is not None and gb.chaos <= best.chaos + 0.1:
        best = gb
    return str(best), best.encoding.replace("_", "-")


def decode_page(data: bytes, name: str, fmt: str = "text") -> tuple[str, str]:
    """(text, encoding) of a page's bytes; PageError for an empty, binary or undecodable page."""
    if not data.strip():
        raise PageError(name, "empty", "empty file")
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise PageError(name, "binary", f"binary file ({what}), not a text page")
    declared = None
    if fmt == "html" and (match := _DECLARED.search(data[:4096])):
        declared = (match.group(1) or match.group(2)).decode("ascii")
    found = detect_encoding(data, declared)
    if found is None:
        if b"\x00" in data[:4096]:
            raise PageError(name, "binary", "binary file (NUL bytes), not a text page")
        raise PageError(name, "undecodable", "bytes decode in no known encoding "
                        f"(tried BOM, UTF-8, UTF-16, {', '.join(c.upper() for c in CANDIDATES[1:])})")
    text, encoding = found
    controls = len(_CONTROL.findall(text))
    if controls and controls >= max(1, len(text) // 50):
        raise PageError(name, "binary", f"binary file ({controls} control characters), not a text page")
    if not text.strip():
        raise PageError(name, "empty", "empty file (only white space)")
    return text.lstrip("\ufeff"), encoding


def split_lines(text: str) -> list[SourceLine]:
    """Numbered lines; CRLF and lone CR count as line ends, as editors count them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(map(SourceLine._make, enumerate(text.split("\n"), start=1)))
