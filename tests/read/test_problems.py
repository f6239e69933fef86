from zhiku.read.problems import KINDS, Problem, problem_kind


def test_a_message_names_its_kind_and_the_kind_says_if_the_page_is_published():
    assert problem_kind("cut off mid-body: no footer") == "cut-off"
    assert problem_kind("no title: the page has no text") == "no-title"
    assert problem_kind("something else") == "other"
    assert Problem("a.txt", "cut-off", "cut off").published and not Problem("b.txt", "binary", "PNG").published
    assert Problem("b.txt", "binary", "binary file (PNG image)").line() == "b.txt: binary file (PNG image); not published"
    assert Problem("c.txt", "duplicate", "same as a.txt", other="a.txt").as_dict()["other"] == "a.txt"
    assert {kind for kind, shown in KINDS.items() if not shown} >= {"empty", "binary", "duplicate", "no-title",
                                                                     "empty-body"}
    assert problem_kind("empty body: no paragraph after the title") == "empty-body"
    assert problem_kind("short body: 12 characters of text (under 120)") == "short-body" and KINDS["short-body"]
