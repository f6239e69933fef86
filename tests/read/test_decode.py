"""Decoding: every common encoding, and bytes that are not a page said so."""
import random

import pytest
from zhiku.read.decode import PageError, decode_page

TEXT = "重建Meta帝国:用AI“回敬”TikTok\n2023年5月,美国白宫举办了一场AI主题闭门会。\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
    ("标题".encode("gbk"), "gb18030"),  # four bytes: as good Big5 as GBK; a mainland portal means GBK
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16"),
    (("Title\n" + TEXT).encode("utf-16-be"), "utf-16"),
    (TEXT.encode("utf-32"), "utf-32"),
    ("人工智慧新聞，這是一段繁體中文的文字。".encode("big5"), "big5"),
    (TEXT.replace("\n", "\r\n").encode("gbk"), "gb18030"),
])
def test_encodings_are_detected(data, encoding):
    text, found = decode_page(data, "p.txt")
    assert found == encoding
    assert text.replace("\r\n", "\n") in (TEXT, "Title\n" + TEXT, "标题", "人工智慧新聞，這是一段繁體中文的文字。")


def test_declared_html_charset_is_used():
    html = '<html><head><meta charset="gbk"><title>标题</title></head><body>正文</body></html>'
    text, encoding = decode_page(html.encode("gbk"), "p.html", "html")
    assert encoding == "gb18030" and "标题" in text


@pytest.mark.parametrize("data, kind", [
    (b"", "empty"),
    (b" \n\r\n\t", "empty"),
    ("\n \n".encode("utf-16"), "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "binary"),
    (b"%PDF-1.7\n" + bytes(range(256)), "binary"),
    (bytes(range(256)) * 8, "binary"),
    (random.Random(1).randbytes(4096), "binary"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50, "binary"),
    (b"\x80\xff\xfe\x81" * 100, "undecodable"),
])
def test_bad_bytes_raise_a_page_error_with_a_kind(data, kind):
    with pytest.raises(PageError) as error:
        decode_page(data, "dir/p.txt")
    assert error.value.kind == kind
    assert str(error.value).startswith("dir/p.txt: ")


