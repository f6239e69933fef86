"""One definition of a Chinese character, the same as a regex and as a comparison."""
import re

from hypothesis import given
from hypothesis import strategies as st
from zhiku.chars import CHINESE_TEXT, HAN, HAN_RUN, is_han, is_latin_alnum


@given(st.characters())
def test_is_han_is_the_han_class(char):
    assert is_han(char) == bool(re.fullmatch(f"[{HAN}]", char))


def test_han_holds_every_kind_of_ideograph_and_no_punctuation_or_kana():
    for char in "中文々〇〡⺀\u3400\U00020001\U00030000\uf900":
        assert is_han(char), repr(char)
    for char in "，。「a1あア한\u4dc0":  # the Yijing hexagrams sit between two blocks of ideographs
        assert not is_han(char), repr(char)
    assert HAN_RUN.findall("用AI“回敬”TikTok") == ["用", "回敬"]


def test_chinese_text_adds_punctuation_kana_and_full_width_forms():
    chinese = re.compile(f"[{CHINESE_TEXT}]")
    assert all(chinese.match(char) for char in "中，。“”あＡ㈠")
    assert not any(chinese.match(char) for char in "aA1,.\"")


def test_latin_letters_and_digits_are_ascii_only():
    assert all(map(is_latin_alnum, "aZ09")) and not any(map(is_latin_alnum, "中Ａ１é_-"))
