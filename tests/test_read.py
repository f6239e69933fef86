"""Reading: encodings, bad pages, the folder as a whole (duplicates, titles), the cache, progress."""
import io
import json
import random

import pytest

from conftest import HEADER, SAMPLE
from input_cases import GOOD, PROBLEMS, SAME_TITLE, dump, write_cases
from zhiku.cache import PageCache, article_from_json, article_to_json
from zhiku.extract import extract_article
from zhiku.ingest import Progress, cut_off, read_input
from zhiku.model import RawPage
from zhiku.read import PageError, decode_page, walk_pages

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


def test_walk_pages_is_recursive_sorted_and_skips_hidden(tmp_path):
    for rel in ("b/2.txt", "a.html", "b/1.md", "c/x.htm", ".git/h.txt", "d/.hidden.txt", "e/x.pdf", "f/x.TXT"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for _, p, _ in walk_pages(tmp_path)] == [
        "a.html", "b/1.md", "b/2.txt", "c/x.htm", "f/x.TXT"]


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    root = tmp_path_factory.mktemp("cases")
    write_cases(root)
    return root


@pytest.fixture(scope="module")
def ingest(cases, profile):
    return read_input(cases, profile)


def test_every_good_page_is_published_without_problems(ingest):
    published = {a.source_path for a in ingest.articles}
    assert GOOD <= published
    flagged = {p.input for p in ingest.problems}
    assert not GOOD & flagged, [p.line() for p in ingest.problems if p.input in GOOD]


def test_every_bad_page_gets_one_line_naming_file_and_problem(ingest):
    by_input = {}
    for problem in ingest.problems:
        by_input.setdefault(problem.input, []).append(problem)
    assert set(by_input) == set(PROBLEMS)
    for rel, kind in PROBLEMS.items():
        assert [p.kind for p in by_input[rel]] == [kind], rel
        line = by_input[rel][0].line()
        assert line.startswith(f"{rel}: ") and "\n" not in line
    published = {a.source_path for a in ingest.articles}
    for rel, kind in PROBLEMS.items():
        assert (rel in published) == by_input[rel][0].published, rel


def test_duplicate_is_published_once_and_report_names_both(ingest):
    (dup,) = [p for p in ingest.problems if p.kind == "duplicate"]
    assert dup.other == "sample/000_sample.txt" and "sample/000_sample.txt" in dup.line()
    assert sum(a.title.startswith("重建Meta帝国") for a in ingest.articles) == 1


def test_same_title_both_published(ingest):
    titles = [a for a in ingest.articles if a.source_path in SAME_TITLE]
    assert len(titles) == 2 and titles[0].title == titles[1].title
    (same,) = [p for p in ingest.problems if p.kind == "same-title"]
    assert same.other == SAME_TITLE[0]


def test_encoded_pages_give_the_same_text(ingest):
    by_path = {a.source_path: a for a in ingest.articles}
    bodies = {rel: by_path[rel].blocks for rel in ("encodings/utf8-bom.txt", "encodings/gbk.txt",
                                                  "encodings/utf16.txt", "encodings/crlf.txt", "encodings/cr.txt")}
    assert len({repr(b) for b in bodies.values()}) == 1
    assert ingest.formats["encodings/gbk.txt"] == ("text", "gb18030")
    assert ingest.formats["html/gbk.htm"] == ("html", "gb18030")
    assert by_path["encodings/big5.md"].title == "繁體中文頁面"


@pytest.mark.parametrize("body, footer, is_cut", [
    ("第一段。\n\n第二段", False, True),
    ("第一段。\n\n第二段。", False, False),
    ("第一段。\n\n他说：“好的。”", False, False),
    ("第一段。\n\n第二段", True, False),  # keywords/source footer: the page is whole
])
def test_cut_off_rule_for_text_dumps(profile, body, footer, is_cut):
    raw = RawPage("p.txt", dump("标题", body, footer=footer), "0")
    assert (cut_off(extract_article(raw, profile), raw) is not None) == is_cut


def test_cut_off_rule_for_html(profile):
    article = extract_article(RawPage("p.txt", "标题\n\n正文。", "0"), profile)
    assert cut_off(article, RawPage("p.html", "<html><body><p>正文。</p></body></html>\n", "0", format="html")) is None
    assert cut_off(article, RawPage("p.html", "<html><body><p>正文。</p>", "0", format="html")) is not None


def test_article_json_round_trip(profile, sample_text):
    article = extract_article(RawPage("p.txt", sample_text, "0" * 64), profile)
    again = article_from_json(json.loads(json.dumps(article_to_json(article))))
    assert again == article
    assert again.date.isoformat() == "2024-05-24T11:02:00+08:00"


def test_second_read_extracts_nothing_and_a_change_extracts_that_page(tmp_path, profile):
    pages, cache_dir = tmp_path / "pages", tmp_path / "cache"
    pages.mkdir()
    for i in range(3):
        (pages / f"{i}.txt").write_text(dump(f"标题{i}", f"正文{i}。"), encoding="utf-8")
    (pages / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    first = read_input(pages, profile, cache=PageCache(cache_dir, profile))
    assert sorted(first.extracted) == ["0.txt", "1.txt", "2.txt", "bad.txt"]
    second = read_input(pages, profile, cache=PageCache(cache_dir, profile))
    assert second.extracted == [] and second.cached == 4
    assert [article_to_json(a) for a in second.articles] == [article_to_json(a) for a in first.articles]
    assert [p.line() for p in second.problems] == [p.line() for p in first.problems]
    (pages / "1.txt").write_text(dump("新标题", "改过的正文。"), encoding="utf-8")
    third = read_input(pages, profile, cache=PageCache(cache_dir, profile))
    assert third.extracted == ["1.txt"]
    assert [a.title for a in third.articles] == ["标题0", "新标题", "标题2"]
    (pages / "2.txt").rename(pages / "moved.txt")  # same bytes elsewhere: the cache still knows them
    fourth = read_input(pages, profile, cache=PageCache(cache_dir, profile))
    assert fourth.extracted == [] and "moved.txt" in {a.source_path for a in fourth.articles}


def test_cache_entry_from_another_code_version_is_not_used(tmp_path, profile):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(dump("标题", "正文。"), encoding="utf-8")
    read_input(pages, profile, cache=PageCache(tmp_path / "cache", profile))
    cache = PageCache(tmp_path / "cache", profile)
    cache.salt = "another-version"
    assert read_input(pages, profile, cache=cache).extracted == ["a.txt"]


def test_progress_on_long_runs_and_terminals():
    ticks = iter(range(100))
    out = io.StringIO()
    progress = Progress(out, min_pages=10, every=0.5, clock=lambda: float(next(ticks)))
    for done in range(21):
        progress(done, 20)
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("zhiku: read 20/20 pages, ") and "pages/s" in lines[-1]
    assert any("s left" in line for line in lines)
    quiet = io.StringIO()
    few = Progress(quiet, min_pages=10)
    for done in range(4):
        few(done, 3)
    assert quiet.getvalue() == ""  # a short run on a pipe prints nothing


def test_no_title_when_the_title_line_is_missing(profile, tmp_path):
    (tmp_path / "p.txt").write_text(HEADER + "12点击 2024-01-02 03:04\n\n正文。\n", encoding="utf-8")
    result = read_input(tmp_path, profile)
    assert not result.articles and [p.kind for p in result.problems] == ["no-title"]


def test_sample_unchanged_by_the_new_reader(profile, tmp_path):
    (tmp_path / "s.txt").write_bytes(SAMPLE.read_bytes())
    result = read_input(tmp_path, profile)
    assert result.problems == [] and result.articles[0].title == "重建Meta帝国:用AI“回敬”TikTok"
