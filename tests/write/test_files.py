"""The docs folder: only changed files written, stale ones removed, unchanged pages not rendered again."""
import os

from zhiku.cache.step import Cache
from zhiku.write.files import MANIFEST, DocsFolder, PagesRecord, write_text

RECORD = PagesRecord("test-pages", "v1")


def test_a_file_is_written_only_when_its_bytes_change(tmp_path):
    page = tmp_path / "a" / "p.md"
    assert write_text(page, "大模型") is True
    os.utime(page, (1, 1))
    assert write_text(page, "大模型") is False and page.stat().st_mtime == 1  # mkdocs serve --dirty sees nothing
    assert write_text(page, "大模型来了") is True


def test_pages_no_longer_made_are_removed_and_others_kept(tmp_path):
    docs = tmp_path / "docs"
    first = DocsFolder(docs)
    first.write({"a.md": "A", "b.md": "B"})
    first.finish({"a.md", "b.md"})
    (docs / "mine.md").write_text("not zhiku's", encoding="utf-8")
    second = DocsFolder(docs)
    second.write({"a.md": "A"})
    second.finish({"a.md"})
    assert sorted(p.name for p in docs.iterdir()) == [MANIFEST, "a.md", "mine.md"]
    assert second.changed == []  # a.md was as it is


def test_an_unchanged_page_is_known_by_its_fingerprint_and_its_file(tmp_path):
    docs, cache = tmp_path / "docs", Cache(tmp_path / "cache")
    first = DocsFolder(docs, cache.journal(RECORD))
    assert not first.unchanged("a.md", "f1")
    first.write({"a.md": "A"}, {"a.md": "f1"})
    first.finish({"a.md"})
    cache.save()
    again = DocsFolder(docs, Cache(tmp_path / "cache").journal(RECORD))
    assert again.unchanged("a.md", "f1") and not again.unchanged("a.md", "f2")
    (docs / "a.md").write_text("edited by hand", encoding="utf-8")
    assert not again.unchanged("a.md", "f1")  # its file is not as zhiku left it
    other_code = DocsFolder(docs, Cache(tmp_path / "cache").journal(PagesRecord("test-pages", "v2")))
    assert not other_code.unchanged("a.md", "f1")
    assert not DocsFolder(docs).unchanged("a.md", "f1")  # without a record (no cache), every page is rendered
