"""Finding the pages of a folder."""

import pytest
from zhiku.read.files import walk_pages
from zhiku.read.ingest import read_input

from tests.input_cases import write_cases

TEXT = "重建Meta帝国:用AI“回敬”TikTok\n2023年5月,美国白宫举办了一场AI主题闭门会。\n"


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
