"""Every cached step's version changes when code it runs changes: a warm cache never serves what older
code made. The code a step runs is found by running a real build and recording every function the
steps' own calls execute (not by reading the imports the version is worked out from); then each
such function is edited in a copy of the package, and the step's version must change. (Libraries:
every installed distribution is in every version, cache/version.py.)"""
import ast
import functools
import hashlib
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from zhiku import pipeline
from zhiku.cache import version
from zhiku.cache.step import STEPS
from zhiku.cache.sums import SUMS
from zhiku.cache.version import PACKAGE_ROOT

from tests.conftest import ROOT, SAMPLE

RENDER = "article-pages"  # the record of what the article pages were rendered from (write/files.py)


def _trace(calls: dict):
    hooks: set[int] = set()  # frames of import hooks (pytest's, say) and what they call: not the step's code

    def profile(frame, event, arg):
        if event == "call":
            code, caller = frame.f_code, frame.f_back
            if caller is not None and (id(caller) in hooks or (caller.f_code.co_name == "_find_spec"
                                                               and caller.f_code.co_filename.startswith("<frozen"))):
                hooks.add(id(frame))
                return
            calls[code.co_filename].add((code.co_firstlineno, code.co_name))
        elif event == "return":
            hooks.discard(id(frame))
    return profile


def traced(calls: dict, func):
    @functools.wraps(func)
    def run(*args, **kwargs):
        before = sys.getprofile()
        sys.setprofile(_trace(calls))
        try:
            return func(*args, **kwargs)
        finally:
            sys.setprofile(before)
    return run


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """What a build ran for each cached step: its Python functions, by file."""
    runs = defaultdict(lambda: defaultdict(set))
    patch = pytest.MonkeyPatch()
    for step in [s for s in STEPS if s.compute.__module__.startswith("zhiku.")]:
        step.version  # worked out before the functions are wrapped
        for name in ("compute", "prepare", "valid", "encode"):
            if getattr(step, name) is not None:
                patch.setattr(step, name, traced(runs[step.name], getattr(step, name)))
    for sum_ in [s for s in SUMS if s.part.__module__.startswith("zhiku.")]:
        sum_.version
        for name in ("part", "whole"):
            if getattr(sum_, name) is not None:
                patch.setattr(sum_, name, traced(runs[sum_.name], getattr(sum_, name)))
    patch.setattr(pipeline, "render_article", traced(runs[RENDER], pipeline.render_article))
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(SAMPLE, corpus / SAMPLE.name)
    for page in ("qq-2016-deepmind-dnc-memory.html", "wechat-2019-ip-services-talent.html"):
        shutil.copy(ROOT / "tests" / "pages" / page, corpus / page)
    (corpus / "note.md").write_text("---\ntitle: 扎克伯格谈开源\ndate: 2024-05-01\n---\n\nMeta 与 OpenAI 的大模型之争。\n",
                                    encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    try:
        pipeline.run_pipeline(corpus, out / "docs", out / "report.json", glossary_file=ROOT / "content" / "glossary.yml",
                              cache_dir=out / "cache", jobs=1)
    finally:
        patch.undo()
    return runs


def versions():
    found = [(s.name, s.version_for) for s in STEPS if s.compute.__module__.startswith("zhiku.")]
    found += [(s.name, s.version_for) for s in SUMS if s.part.__module__.startswith("zhiku.")]
    render = pipeline.render_article.__module__
    return found + [(RENDER, lambda root: version.code_version([render], root=root))]


def edit_function(file: Path, line: int) -> None:
    """Put a statement at the start of the function defined at `line`; at the end of the module
    when the code that ran there is the module's own (imported while the step ran) or a comprehension."""
    source = file.read_text(encoding="utf-8")
    node = next((n for n in ast.walk(ast.parse(source)) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                           ast.Lambda)) and n.lineno == line), None)
    lines = source.split("\n")
    if node is None:
        lines.append("_edited = 1")
    elif isinstance(node, ast.Lambda):  # a lambda's body is an expression: edit it in place
        lines[line - 1] = lines[line - 1].replace("lambda", "lambda _edited=0,", 1)
    else:
        first = node.body[0]
        indent = " " * first.col_offset
        lines.insert(first.lineno - 1, f"{indent}_edited = 1")
    file.write_text("\n".join(lines), encoding="utf-8")


def test_every_step_ran_code(executed):
    names = {name for name, _ in versions()}
    assert names <= set(executed), names - set(executed)  # a step the build never ran tests nothing


def functions_left_out(calls: dict, version_for, tmp_path: Path) -> list[str]:
    """The zhiku functions that ran (by file: one function a file is enough, as the version reads the
    files' bytes) whose edit in a copy of the package leaves `version_for(root)` as it was."""
    ours = {Path(f): sorted(found) for f, found in calls.items() if Path(f).is_relative_to(PACKAGE_ROOT)}
    assert ours, "no zhiku code ran"
    before = version_for(PACKAGE_ROOT)
    unchanged = []
    for file, functions in sorted(ours.items()):
        line, function = functions[0]
        copy = tmp_path / f"{file.stem}-{line}" / "zhiku"
        shutil.copytree(PACKAGE_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
        edit_function(copy / file.relative_to(PACKAGE_ROOT), line)
        if version_for(copy) == before:
            unchanged.append(f"{file.relative_to(PACKAGE_ROOT)}:{line} {function}")
        shutil.rmtree(copy.parent)
    return unchanged


@pytest.mark.parametrize("name", [name for name, _ in versions()])
def test_a_step_changes_version_when_any_function_it_ran_changes(executed, name, tmp_path):
    left_out = functions_left_out(executed[name], dict(versions())[name], tmp_path)
    assert left_out == [], f"{name}: edited, and the version stayed: {left_out}"


def test_a_version_kept_by_hand_is_caught(executed, tmp_path):
    """The extraction's version as zhiku kept it once, from a list of its modules that had left out
    the one that checks a page after extracting it (ingest.py then, extract/page.py now)."""
    by_hand = ["zhiku.read.files", "zhiku.read.decode", "zhiku.clean.chrome", "zhiku.clean.paragraphs",
               "zhiku.extract.text_dump", "zhiku.extract.html_page", "zhiku.extract.html_fields",
               "zhiku.extract.markdown_page", "zhiku.extract.dates", "zhiku.extract.facts", "zhiku.model",
               "zhiku.profile"]

    def hand_kept(root: Path) -> str:  # each file of the list, none it imports
        return hashlib.sha256(b"".join(version.code_closure([m], root)[m] for m in by_hand)).hexdigest()

    left_out = functions_left_out(executed["extractions"], hand_kept, tmp_path)
    # extract/page.py among them (cut_off): the defect a warm cache served stale results for.
    # (extract/template.py, new since: that list never knew of it either.)
    assert [entry.split(":")[0] for entry in left_out] == ["cache/store.py", "extract/entry.py", "extract/page.py",
                                                          "extract/template.py", "read/ingest.py"]
