"""What counts as a Chinese character, and as Chinese text, in every stage: one definition.

Han ideographs: the unified block and its extensions A to H, compatibility ideographs, radicals,
and the ideographic marks that stand for characters (々, 〇, the Hangzhou numerals). Chinese text
also holds CJK symbols and punctuation, full-width forms and curly quotes: no space is put between two lines
that meet in such text.
"""
from __future__ import annotations

import re

HAN_RANGES = (("\u2e80", "\u2fdf"), ("\u3005", "\u3005"), ("\u3007", "\u3007"), ("\u3021", "\u3029"),
              ("\u3038", "\u303b"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"),
              ("\U00020000", "\U0003134f"))
# For a regex character class: none of these characters is special inside [].
HAN = "".join(first if first == last else f"{first}-{last}" for first, last in HAN_RANGES)
CJK_SYMBOLS = "\u3000-\u33ff\uff00-\uffef“”‘’"  # punctuation, kana, enclosed, full-width, quotes
CHINESE_TEXT = HAN + CJK_SYMBOLS

HAN_RUN = re.compile(f"[{HAN}]+")


def is_han(char: str) -> bool:
    """A Han ideograph (HAN): comparisons, not a regex, as the linker asks it of every candidate's edges."""
    if "\u4e00" <= char <= "\u9fff":  # nearly every character asked about
        return True
    return any(first <= char <= last for first, last in HAN_RANGES)


def is_latin_alnum(char: str) -> bool:
    """An ASCII letter or digit: what a Latin name is made of."""
    return char.isascii() and char.isalnum()
