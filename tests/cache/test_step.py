"""A cached step: results found by key, the rest computed (on every core), each kept as declared."""
import pytest
from zhiku.cache.step import Cache, CacheDamaged, Step

CALLS = []  # what the steps below computed, in this process


def _measure(text: str, context) -> dict:
    CALLS.append(text)
    return {"chars": len(text), "upper": text.upper(), "context": context}


def _doubled(n: int, context=None) -> int:
    CALLS.append(n)
    return 2 * n


def _ready(item, cache) -> str:
    return f"{item}!"


MEASURE = Step("test-measure", _measure, head=("chars",))
DOUBLE = Step("test-double", _doubled)
PREPARED = Step("test-prepared", _measure, head=("chars",), prepare=_ready)


def keys(step, items):
    return [step.key(str(item)) for item in items]


def test_results_are_found_by_key_and_only_the_rest_computed(tmp_path):
    CALLS.clear()
    cache = Cache(tmp_path)
    assert DOUBLE.run(cache, [1, 2, 3], keys(DOUBLE, [1, 2, 3])) == [2, 4, 6]
    cache.save()
    CALLS.clear()
    again = Cache(tmp_path)
    assert DOUBLE.run(again, [1, 2, 3, 4], keys(DOUBLE, [1, 2, 3, 4])) == [2, 4, 6, 8]
    assert CALLS == [4] and DOUBLE.hits == 3 and DOUBLE.computed == [3]


def test_the_head_is_at_hand_and_the_whole_result_in_its_entry_file(tmp_path):
    cache = Cache(tmp_path)
    first = MEASURE.run(cache, ["ab", "大模型"], keys(MEASURE, ["ab", "大模型"]), context="c")
    assert first[1] == {"chars": 3, "upper": "大模型", "context": "c"}  # computed now: whole
    cache.save()
    again = Cache(tmp_path)
    found = MEASURE.run(again, ["ab", "大模型"], keys(MEASURE, ["ab", "大模型"]))
    assert found == [{"chars": 2}, {"chars": 3}]  # found: the head only
    assert MEASURE.load(again, keys(MEASURE, ["ab"])[0]) == {"chars": 2, "upper": "AB", "context": "c"}
    assert (tmp_path / "test-measure" / MEASURE.version).is_dir()


def test_a_result_whose_entry_file_is_gone_is_said_to_be_damaged_and_found_again_without_the_journal(tmp_path):
    cache = Cache(tmp_path)
    key = keys(MEASURE, ["ab"])[0]
    MEASURE.run(cache, ["ab"], [key], context=1)
    cache.save()
    for entry in (tmp_path / "test-measure").rglob("*.json"):
        entry.unlink()
    with pytest.raises(CacheDamaged, match="test-measure"):
        MEASURE.load(Cache(tmp_path), key)
    cache = Cache(tmp_path)
    MEASURE.run(cache, ["ab"], [key], context=1)  # found in the journal: its head is enough
    assert MEASURE.hits == 1
    cache.forget_journals()
    CALLS.clear()
    MEASURE.run(Cache(tmp_path), ["ab"], [key], context=1)
    assert CALLS == ["ab"]  # neither journal nor entry: computed again


def test_without_a_journal_a_result_is_found_in_its_entry_file(tmp_path):
    cache = Cache(tmp_path)
    key = keys(MEASURE, ["ab"])[0]
    MEASURE.run(cache, ["ab"], [key], context=1)
    cache.save()
    Cache(tmp_path).forget_journals()
    CALLS.clear()
    assert MEASURE.run(Cache(tmp_path), ["ab"], [key]) == [{"chars": 2}] and CALLS == []


def test_prepare_makes_an_item_whole_only_for_the_results_computed(tmp_path):
    cache = Cache(tmp_path)
    assert PREPARED.run(cache, ["ab"], keys(PREPARED, ["ab"]), context=0)[0]["upper"] == "AB!"
    cache.save()
    CALLS.clear()
    PREPARED.run(Cache(tmp_path), ["ab"], keys(PREPARED, ["ab"]), context=0)
    assert CALLS == []


def test_a_stored_result_that_no_longer_holds_is_computed_again(tmp_path):
    held = Step("test-held", _doubled, valid=lambda found, item: item > 0)
    cache = Cache(tmp_path)
    held.run(cache, [-1, 1], keys(held, [-1, 1]))
    cache.save()
    CALLS.clear()
    held.run(Cache(tmp_path), [-1, 1], keys(held, [-1, 1]))
    assert CALLS == [-1]


def test_on_two_cores_the_results_are_those_of_one(tmp_path):
    items = list(range(200))  # enough for a pool of workers (parallel.MIN_ITEMS_PER_WORKER)
    one = MEASURE.run(Cache(tmp_path / "one"), list(map(str, items)), keys(MEASURE, items), context=7, jobs=1)
    two = MEASURE.run(Cache(tmp_path / "two"), list(map(str, items)), keys(MEASURE, items), context=7, jobs=2)
    assert one == two
    # The workers stored the entries themselves.
    assert MEASURE.load(Cache(tmp_path / "two"), keys(MEASURE, [150])[0])["upper"] == "150"


def test_a_key_holds_the_steps_version_and_every_part():
    assert MEASURE.key("a", "b") != MEASURE.key("ab") != PREPARED.key("ab")
    assert MEASURE.key("a", "b") == MEASURE.key("a", "b") and len(MEASURE.key()) == 64
    # A step whose results are all in its journal (whose header names the version) keys them by their
    # parts, when short: such keys name no file.
    assert DOUBLE.key("a", "b") == "a\0b" and len(DOUBLE.key("x" * 200)) == 64


def test_raw_results_are_as_the_journal_keeps_them(tmp_path):
    spaced = Step("test-spaced", _doubled, encode=lambda value: f"[ {value} ]".encode())
    cache = Cache(tmp_path)
    assert spaced.run(cache, [2], keys(spaced, [2]), raw=True) == [b"[ 4 ]"]
    cache.save()
    assert spaced.run(Cache(tmp_path), [2], keys(spaced, [2]), raw=True) == [b"[ 4 ]"]


def test_raw_results_of_a_step_with_a_head_are_the_head_as_kept_also_when_found_in_its_entry(tmp_path):
    key = keys(MEASURE, ["ab"])[0]
    cache = Cache(tmp_path)
    assert MEASURE.run(cache, ["ab"], [key], raw=True) == [b'{"chars":2}']
    cache.save()
    assert MEASURE.run(Cache(tmp_path), ["ab"], [key], raw=True) == [b'{"chars":2}']
    Cache(tmp_path).forget_journals()
    CALLS.clear()
    assert MEASURE.run(Cache(tmp_path), ["ab"], [key], raw=True) == [b'{"chars":2}'] and CALLS == []


def test_entries_of_other_versions_are_removed_when_the_step_is_used(tmp_path):
    stale = tmp_path / "test-measure" / "0123456789abcdef"
    stale.mkdir(parents=True)
    (stale / "x.json").write_text("1")
    cache = Cache(tmp_path)
    MEASURE.run(cache, ["ab"], keys(MEASURE, ["ab"]), context=0)
    cache.save()
    assert not stale.exists() and (tmp_path / "test-measure" / MEASURE.version).exists()


def test_without_a_cache_folder_everything_is_computed_and_nothing_kept(tmp_path):
    CALLS.clear()
    nowhere = Cache(None)
    DOUBLE.run(nowhere, [5], keys(DOUBLE, [5]))
    nowhere.save()
    DOUBLE.run(Cache(None), [5], keys(DOUBLE, [5]))
    assert CALLS == [5, 5]
