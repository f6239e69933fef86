"""Sums kept between builds equal the sums added up from nothing, whatever came and went."""
from collections import Counter

import pytest
from zhiku.cache.step import Cache, Step
from zhiku.cache.sums import SiteSum

WORDS = {"a": "AI 大模型 AI", "b": "大模型 扎克伯格", "c": "AI", "d": "OpenAI 扎克伯格 扎克伯格", "e": "大模型"}


def _words(key: str, context=None) -> dict:
    return {"counts": dict(Counter(WORDS[key].split())), "text": WORDS[key]}


def _part(result: dict) -> dict:
    return {word: [count, 1] for word, count in result["counts"].items()}


WORD_COUNTS = Step("test-word-counts", _words, head=("counts",))
IN_HEAD = SiteSum("test-words", WORD_COUNTS, _part)
IN_BODY = SiteSum("test-words-body", WORD_COUNTS, _part, body=True)


def plain_sum(keys):
    total = Counter(), Counter()
    for key in keys:
        for word, count in Counter(WORDS[key].split()).items():
            total[0][word] += count
            total[1][word] += 1
    return {word: [total[0][word], total[1][word]] for word in sorted(total[0])}


def total(folder, sum_, items, *, heads=False):
    """A build: the step over the items, then the sum; saved."""
    cache = Cache(folder)
    keys = [WORD_COUNTS.key(item) for item in items]
    results = WORD_COUNTS.run(cache, list(items), keys)
    if heads:  # as a build that took them from the cache has them
        results = [{"counts": r["counts"]} for r in results]
    found = sum_.total(cache, keys, results)
    cache.save()
    return found


@pytest.mark.parametrize("sum_", [IN_HEAD, IN_BODY], ids=["head", "body"])
@pytest.mark.parametrize("then, now", [
    ("abcd", "abce"),    # one changed (d → e)
    ("abcd", "abcde"),   # one added
    ("abcde", "bcde"),   # one removed
    ("abcd", "abcda"),   # a second item of the same content
    ("abcda", "abcd"),   # and gone again
    ("abcd", "abcd"),    # nothing
])
def test_a_kept_sum_follows_the_items_that_came_and_went(tmp_path, sum_, then, now):
    assert total(tmp_path, sum_, then) == plain_sum(then)
    assert total(tmp_path, sum_, now, heads=True) == plain_sum(now)
    changed = sum((Counter(now) - Counter(then)).values()) + sum((Counter(then) - Counter(now)).values())
    assert sum_.added_up == changed  # only the items that came or went were added up


def test_names_no_item_holds_any_more_leave_the_sum(tmp_path):
    total(tmp_path, IN_HEAD, "abcd")
    found = total(tmp_path, IN_HEAD, "abce")  # d held OpenAI
    assert "OpenAI" not in found and found == plain_sum("abce")


def test_an_item_gone_whose_result_the_cache_no_longer_has_means_adding_up_again(tmp_path):
    total(tmp_path, IN_BODY, "abcd")
    Cache(tmp_path).entries(WORD_COUNTS).path(WORD_COUNTS.key("d")).unlink()  # d is gone, and its result too
    cache = Cache(tmp_path)
    keys = [WORD_COUNTS.key(item) for item in "abce"]
    results = WORD_COUNTS.run(cache, list("abce"), keys)
    assert IN_BODY.total(cache, keys, results) == plain_sum("abce")
    assert IN_BODY.added_up == 4


def test_when_most_items_are_new_everything_is_added_up_again(tmp_path):
    total(tmp_path, IN_HEAD, "ab")
    assert total(tmp_path, IN_HEAD, "cde") == plain_sum("cde") and IN_HEAD.added_up == 3
    at_once = SiteSum("test-words-at-once", WORD_COUNTS, _part, whole=lambda results: _add_all(map(_part, results)))
    total(tmp_path, at_once, "abcd")
    assert total(tmp_path, at_once, "abce") == plain_sum("abce") and at_once.added_up == 4  # half: at once


def _add_all(parts):
    found = {}
    for part in parts:
        for name, counts in part.items():
            found[name] = [a + b for a, b in zip(found.get(name, [0] * len(counts)), counts)]
    return found


def test_without_a_cache_folder_the_sum_is_added_up_and_nothing_kept():
    cache = Cache(None)
    keys = [WORD_COUNTS.key(item) for item in "abc"]
    assert IN_HEAD.total(cache, keys, WORD_COUNTS.run(cache, list("abc"), keys)) == plain_sum("abc")


def test_a_part_that_would_need_the_body_of_an_item_from_the_cache_reads_its_entry(tmp_path):
    """A whole sum over results found in the cache (heads) reads their entries."""
    def text_part(result: dict) -> dict:
        return {result["text"]: [1]}

    by_text = SiteSum("test-texts", WORD_COUNTS, text_part, body=True)
    total(tmp_path, IN_HEAD, "ab")  # the step's results are in the cache now
    cache = Cache(tmp_path)
    keys = [WORD_COUNTS.key(item) for item in "ab"]
    heads = [{"counts": r["counts"]} for r in WORD_COUNTS.run(cache, list("ab"), keys)]
    assert by_text.total(cache, keys, heads) == {WORDS["a"]: [1], WORDS["b"]: [1]}
