"""The portal's chrome stripped, white space normalised, blank runs."""
from zhiku.clean.chrome import (
    blank_runs,
    normalise_line,
    normalise_lines,
    strip_portal_chrome,
)
from zhiku.model import SourceLine
from zhiku.read.decode import split_lines


def lines(text):
    return normalise_lines(split_lines(text))


def test_strip_portal_chrome_keeps_keyword_line(profile):
    result = strip_portal_chrome(lines("AI,ai 大模型\n# 热门搜索 #\n搜索\n标题\n"), profile)
    assert result.portal_keyword_line == "AI,ai 大模型"
    assert [l.text for l in result.lines] == ["标题", ""]
    assert [(d.first, d.reason.split(":")[0]) for d in result.dropped] == [(1, "chrome"), (2, "chrome"), (3, "chrome")]


def test_search_word_in_body_is_not_chrome(profile):
    result = strip_portal_chrome(lines("词\n# 热门搜索 #\n搜索\n标题\n搜索\n"), profile)
    assert [l.text for l in result.lines] == ["标题", "搜索", ""]


def test_normalise_line():
    assert normalise_line("9047点击\u00a0\u00a0\u00a0\u00a0 2024-05-24 11:02") == "9047点击 2024-05-24 11:02"
    assert normalise_line("服务\u00a0。”\u00a0") == "服务。”"
    assert normalise_line("零\u200b宽") == "零宽"


def test_blank_runs():
    runs = blank_runs([SourceLine(n, t) for n, t in enumerate(["a", "", "", "b", ""], start=1)])
    assert [(r.first, r.last) for r in runs] == [(2, 3), (5, 5)]
