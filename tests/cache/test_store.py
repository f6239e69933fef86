"""A journal keeps what a build worked out for the next; an entry file keeps one result."""
from zhiku.cache.store import EntryFiles, Journal, loads

HEADER = "zhiku journal\tv\n"  # a journal's first line: the version of the code that made its values


def journal(folder, version="v"):
    return Journal(folder / "j.jsonl", version)


def lines_of(folder):
    return (folder / "j.jsonl").read_text(encoding="utf-8").splitlines()[1:]  # after the header


def test_a_journal_keeps_what_the_run_used_and_appends_what_it_added(tmp_path):
    first = journal(tmp_path)
    for i in range(2000):
        first.put(f"k{i}", {"n": i, "text": "大模型"})
    first.save()
    assert len(lines_of(tmp_path)) == 2000 and lines_of(tmp_path)[0] == 'k0\t{"n":0,"text":"大模型"}'

    again = journal(tmp_path)
    assert again.get("k5") == {"n": 5, "text": "大模型"} and again.get("missing") is None
    for i in range(1, 2000):
        again.get(f"k{i}")
    again.put("k1", {"n": -1})  # changed: one line appended, the file not written whole
    again.save()
    assert len(lines_of(tmp_path)) == 2001 and lines_of(tmp_path)[-1] == 'k1\t{"n":-1}'
    assert journal(tmp_path).get("k1") == {"n": -1}  # the later line wins
    again.save()  # saved already: nothing appended twice
    assert len(lines_of(tmp_path)) == 2001


def test_a_journal_drops_what_no_run_used_once_it_is_a_quarter_of_the_file(tmp_path):
    first = journal(tmp_path)
    for i in range(100):
        first.put(f"k{i}", i)
    first.save()
    used = journal(tmp_path)
    assert used.peek("k99") == 99  # peeking does not keep an entry
    for i in range(50):
        used.get(f"k{i}")
    used.save()
    kept = journal(tmp_path)
    assert [kept.get(f"k{i}") for i in (0, 49, 50, 99)] == [0, 49, None, None]


def test_a_journal_not_touched_is_left_as_it_is(tmp_path):
    first = journal(tmp_path)
    first.put("a", 1)
    first.save()
    before = (tmp_path / "j.jsonl").read_bytes()
    untouched = journal(tmp_path)
    assert not untouched.touched
    untouched.save()  # another process may have used and saved it meanwhile
    assert (tmp_path / "j.jsonl").read_bytes() == before


def test_a_journal_survives_a_line_cut_short(tmp_path):
    (tmp_path / "j.jsonl").write_text(HEADER + 'a\t1\nb\t{"cut', encoding="utf-8")  # a build killed mid-append
    cut = journal(tmp_path)
    assert cut.get("a") == 1 and cut.get_json("b") is None
    cut.put("c", 3)
    cut.save()  # written whole: the next line must not be glued to the cut one
    assert (tmp_path / "j.jsonl").read_text(encoding="utf-8") == HEADER + 'a\t1\nc\t3\n'
    (tmp_path / "j.jsonl").write_text(HEADER + 'a\t{"cut\n', encoding="utf-8")  # a value that does not decode
    assert journal(tmp_path).get("a") is None


def test_a_journal_line_that_is_not_utf8_is_not_known_and_the_others_are(tmp_path):
    (tmp_path / "j.jsonl").write_bytes(HEADER.encode() + b'a\t1\nb\t"\xff"\n\xfe\t2\nc\t"\xe5\xa4\xa7"\n')
    damaged = journal(tmp_path)
    assert damaged.get("a") == 1 and damaged.get("c") == "大"
    assert damaged.get("b") is None and damaged.get_json("b") is None  # never handed on to be spliced


def test_journal_keys_may_hold_any_character(tmp_path):
    keyed = journal(tmp_path)
    keys = ["文章/a b.md", "tab\there", "line\nbreak", "back\\slash\\t", "cr\r"]
    for i, key in enumerate(keys):
        keyed.put(key, i)
    keyed.save()
    assert len(lines_of(tmp_path)) == len(keys)
    again = journal(tmp_path)
    assert [again.get(key) for key in keys] == list(range(len(keys)))


def test_a_journal_written_by_other_code_is_not_read(tmp_path):
    first = journal(tmp_path, "v1")
    first.put("k", {"counts": {"广告": 2}})
    first.save()
    assert journal(tmp_path, "v1").get("k") == {"counts": {"广告": 2}}
    assert journal(tmp_path, "v2").get("k") is None  # the values may mean something else now


def test_journal_values_read_as_json_reads_them(tmp_path):
    """orjson reads the journals (store.loads); what it refuses and json reads is still read."""
    first = journal(tmp_path)
    values = {"big": 2 ** 64 - 1, "small": -2 ** 63, "infinite": float("inf"), "text": ["扎克伯格", {"a": 1.5}],
              "escaped": "\u2028\x00"}
    for key, value in values.items():
        first.put(key, value)
    first.save()
    again = journal(tmp_path)
    assert {key: again.get(key) for key in values} == values
    assert loads(b"[NaN]")[0] != loads(b"[NaN]")[0]  # json's NaN, which orjson refuses


def test_an_entry_file_holds_one_result_and_a_folder_of_none_keeps_nothing(tmp_path):
    entries = EntryFiles(tmp_path / "e")
    entries.put("ab12", {"blocks": ["段落"]})
    assert entries.get("ab12") == {"blocks": ["段落"]} and entries.get("cd34") is None
    assert entries.path("ab12") == tmp_path / "e" / "ab" / "ab12.json"
    assert not list((tmp_path / "e").rglob("*.tmp"))  # written to a temporary file, then moved
    entries.path("ab12").write_bytes(b'{"cut')  # damaged: as if not there
    assert entries.get("ab12") is None
    nowhere = EntryFiles(None)
    nowhere.put("ab12", 1)
    assert nowhere.get("ab12") is None
