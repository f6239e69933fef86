"""Lines into paragraphs and headings."""
from zhiku.clean.chrome import normalise_lines
from zhiku.clean.paragraphs import body_blocks, join_lines
from zhiku.read.decode import split_lines


def lines(text):
    return normalise_lines(split_lines(text))


def test_join_lines():
    assert join_lines("中文", "接着") == "中文接着"
    assert join_lines("English", "words") == "English words"
    assert join_lines("用了AI", "技术") == "用了AI技术"


def test_image_gaps_collapse_and_headings(profile):
    text = "第一段\n\n\n\n\n第二段\n01 小标题\n第三段第一行\n第三段第二行"
    blocks = body_blocks(lines(text), profile)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "第一段"), ("paragraph", "第二段"), ("heading", "01 小标题"), ("paragraph", "第三段第一行第三段第二行")]
