"""Ingest: every page of a folder as an article or one line saying why not, cached by content."""

from zhiku.cache.step import Cache
from zhiku.read.ingest import EXTRACT, HASH, read_input, with_body

from tests.conftest import HEADER, SAMPLE
from tests.input_cases import GOOD, PROBLEMS, PROSE, SAME_TITLE, dump


def read(pages, profile, cache_dir):
    """A build's reading: from the cache folder, saved for the next."""
    cache = Cache(cache_dir)
    found = read_input(pages, profile, cache)
    cache.save()
    return found


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


def test_second_read_extracts_nothing_and_a_change_extracts_that_page(tmp_path, profile):
    pages, cache_dir = tmp_path / "pages", tmp_path / "cache"
    pages.mkdir()
    for i in range(3):
        (pages / f"{i}.txt").write_text(dump(f"标题{i}", f"正文{i}。"), encoding="utf-8")
    (pages / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    first = read(pages, profile, cache_dir)
    assert sorted(first.extracted) == ["0.txt", "1.txt", "2.txt", "bad.txt"]
    assert all(a.has_body for a in first.articles)
    second = read(pages, profile, cache_dir)
    assert second.extracted == [] and second.cached == 4
    assert not any(a.has_body for a in second.articles)  # the bodies stay in the cache until asked for
    assert [with_body(a, Cache(cache_dir)) for a in second.articles] == first.articles
    assert [p.line() for p in second.problems] == [p.line() for p in first.problems]
    (pages / "1.txt").write_text(dump("新标题", "改过的正文。"), encoding="utf-8")
    third = read(pages, profile, cache_dir)
    assert third.extracted == ["1.txt"]
    assert [a.title for a in third.articles] == ["标题0", "新标题", "标题2"]
    (pages / "2.txt").rename(pages / "moved.txt")  # same bytes elsewhere: the cache still knows them
    fourth = read(pages, profile, cache_dir)
    assert fourth.extracted == [] and "moved.txt" in {a.source_path for a in fourth.articles}


def test_an_extraction_made_by_other_code_or_another_profile_is_not_used(tmp_path, profile, monkeypatch):
    import dataclasses

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(dump("标题", "正文。"), encoding="utf-8")
    read(pages, profile, tmp_path / "cache")
    assert read(pages, profile, tmp_path / "cache").extracted == []
    assert read(pages, dataclasses.replace(profile, marker_within_lines=9), tmp_path / "cache").extracted == ["a.txt"]
    monkeypatch.setattr(EXTRACT, "version", "another-version")
    assert read(pages, profile, tmp_path / "cache").extracted == ["a.txt"]


def test_a_file_that_cannot_be_read_is_said_so_and_read_again_next_time(tmp_path, profile, monkeypatch):
    from zhiku.read import files

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(dump("标题", PROSE), encoding="utf-8")
    (pages / "b.txt").write_text(dump("另一个", PROSE), encoding="utf-8")

    def refused(path, cache=None):  # as reading a file without read permission does
        return PermissionError(13, "Permission denied") if path.name == "b.txt" else files.read_bytes(path)

    monkeypatch.setattr(HASH, "prepare", refused)
    first = read(pages, profile, tmp_path / "cache")
    assert [(p.input, p.kind, p.message) for p in first.problems] == [("b.txt", "unreadable", "cannot read: Permission denied")]
    monkeypatch.undo()
    second = read(pages, profile, tmp_path / "cache")
    assert second.problems == [] and second.extracted == ["b.txt"]


def test_no_title_when_the_title_line_is_missing(profile, tmp_path):
    (tmp_path / "p.txt").write_text(HEADER + "12点击 2024-01-02 03:04\n\n正文。\n", encoding="utf-8")
    result = read_input(tmp_path, profile)
    assert not result.articles and [p.kind for p in result.problems] == ["no-title"]


def test_sample_unchanged_by_the_new_reader(profile, tmp_path):
    (tmp_path / "s.txt").write_bytes(SAMPLE.read_bytes())
    result = read_input(tmp_path, profile)
    assert result.problems == [] and result.articles[0].title == "重建Meta帝国:用AI“回敬”TikTok"
