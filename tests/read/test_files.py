"""Finding the pages of a folder."""

from zhiku.read.files import walk_pages


def test_walk_pages_is_recursive_sorted_and_skips_hidden(tmp_path):
    for rel in ("b/2.txt", "a.html", "b/1.md", "c/x.htm", ".git/h.txt", "d/.hidden.txt", "e/x.pdf", "f/x.TXT"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for _, p, _ in walk_pages(tmp_path)] == [
        "a.html", "b/1.md", "b/2.txt", "c/x.htm", "f/x.TXT"]


