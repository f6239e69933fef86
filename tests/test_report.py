"""The report and the terminal: report.json, the summary line, progress."""
import io

from zhiku.cache.step import Cache
from zhiku.report import Progress, build_report, dumps_by_line, summary_line


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


def test_the_report_is_json_a_line_a_page_with_every_line_not_in_the_body(ingest, tmp_path):
    import json

    for articles in (ingest.articles, ingest.articles):  # the second time from the cache
        cache = Cache(tmp_path)
        report = build_report(cache, ingest, articles, ["glossary.yml:3: a bad entry"])
        cache.save()
        data = json.loads(report)
        assert data["summary"]["pages_read"] == ingest.pages_read and data["errors"][-1] == "glossary.yml:3: a bad entry"
        assert len(data["pages"]) == len(articles) and len(report.splitlines()) > len(articles)
        sample = next(p for p in data["pages"] if p["input"] == "sample/000_sample.txt")
        assert sample["not_in_body"][0]["reason"] == "chrome: hot-search keyword line"
    assert summary_line(ingest, ingest.articles).startswith(f"zhiku: {ingest.pages_read} pages read")


def test_json_by_line_reads_back_as_written():
    import json

    value = {"a": [1, {"b": "大模型"}], "c": [], "d": "x"}
    text = dumps_by_line(value)
    assert json.loads(text) == value
    assert text.decode() == '{\n "a": [\n  1,\n  {"b": "大模型"}\n ],\n "c": [],\n "d": "x"\n}\n'  # a line a key and item
