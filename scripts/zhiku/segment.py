"""Chinese word segmentation for the search index, done by the build on every core and cached.

Material's search plugin cuts every run of Chinese characters in every page with jieba while MkDocs
renders, on one core: more than half of a large site's MkDocs time. The build knows each page's text
already, so it cuts those runs itself and writes them per page beside the docs folder;
plugins/search_index.py hands Material the answer for each run, and cuts a run the build did not
foresee with the same cutter, so the index is the same either way, only built faster.

The cutter is rjieba (jieba-rs: jieba's dictionary, user-dictionary rules and HMM in Rust), about ten
times faster than jieba. Its words are jieba's except where the HMM guesses unknown words (90 of
142,534 runs of the benchmark corpus, e.g. 新游戏 → 新 游戏): the browser matches pieces of words
anyway (zhiku-search.js), so such a difference changes no answer.
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

SEGMENTS_DIR = "search-segments"  # beside the docs folder, like the jieba user dictionary
# A page's cuts: one line per run, its words separated by spaces (a run has neither), as small as the
# page's text; JSON of each run and its words was one and a half times the size of the docs folder.
SUFFIX = ".txt"
MANIFEST = ".pages.json"  # the pages cut last time, so that a build finds those gone without a search
FORMAT = "lines"  # in the manifest: an older zhiku's cuts (JSON files) are removed when it is not
_HAN_RUN = re.compile(r"[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                      r"\U00020000-\U0003134f]+")
# What Markdown adds around text that is not in the page's text: link targets and titles, emphasis.
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"\*\*|__")


def han_runs(markdown: str) -> list[str]:
    """The runs of Chinese characters that Material will find in the rendered page (front matter
    included: the title is indexed too), in first-seen order."""
    text = _EMPHASIS.sub("", _LINK.sub(r"\1", markdown))
    return list(dict.fromkeys(_HAN_RUN.findall(text)))


def segments_folder(docs_dir: Path) -> Path:
    return Path(docs_dir).resolve().parent / SEGMENTS_DIR


def segments_path(docs_dir: Path, page: str) -> Path:
    return segments_folder(docs_dir) / f"{page}{SUFFIX}"


def new_jieba():
    """A new rjieba.Jieba with jieba's dictionary.

    Importing the rjieba package builds a default Jieba at once (a tenth of a second), which zhiku
    never uses: each cutter needs a dictionary of its own build's words. So the Rust module is loaded
    on its own; a later `import rjieba` finds it loaded and uses it."""
    module = sys.modules.get("rjieba.rjieba")
    if module is None:
        folder = importlib.util.find_spec("rjieba").submodule_search_locations[0]  # not imported
        name = next(f for f in sorted(os.listdir(folder))
                    if f.startswith("rjieba.") and f.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)))
        spec = importlib.util.spec_from_file_location("rjieba.rjieba", os.path.join(folder, name))
        module = importlib.util.module_from_spec(spec)
        sys.modules["rjieba.rjieba"] = module
        spec.loader.exec_module(module)
    return module.Jieba()


class Segmenter:
    """rjieba with the build's user dictionary: the words Material's index is made of."""

    def __init__(self, user_dictionary: str | Path | None) -> None:
        self._jieba = new_jieba()
        lines = Path(user_dictionary).read_text(encoding="utf-8").splitlines() if user_dictionary else []
        for word, *rest in (line.split() for line in lines if line.strip()):
            # jieba's user-dictionary line: word [frequency] [tag]; no frequency → one that keeps it whole.
            self._jieba.add_word(word, int(rest[0]) if rest and rest[0].isdigit() else None, None)

    def cut(self, run: str) -> list[str]:
        return self._jieba.cut(run)

    def cut_runs(self, runs: list[str]) -> str:
        """The runs' words, as a page's cuts are written: a line per run, words separated by spaces.

        The runs go to rjieba in one call, a line each: one call per run cost more than the cutting.
        jieba cuts each block of Chinese characters on its own and gives whitespace back as it is,
        so no run's words change and the text comes back with spaces added."""
        if not runs:
            return ""
        cut = " ".join(self._jieba.cut("\n".join(runs))).replace(" \n ", "\n")
        if cut.count("\n") != len(runs) - 1:  # a cutter that joined a line end to a word: one call per run
            cut = "\n".join(" ".join(self._jieba.cut(run)) for run in runs)
        return cut


def parse_cuts(text: str) -> dict[str, str]:
    """A page's cuts (Segmenter.cut_runs) by run: the run's words, separated by spaces. Parsed in C
    (MkDocs reads every page's): a run is its line without the spaces."""
    lines = text.rstrip("\n")
    return dict(zip(lines.replace(" ", "").split("\n"), lines.split("\n"))) if lines else {}


class _Worker:
    """What cutting a page needs, set up once per worker process; the segmenter is made (a dictionary
    load) only when a page is not in the cache."""

    def __init__(self, docs_dir: Path, user_dictionary: Path | None, store) -> None:
        self.docs_dir, self.user_dictionary, self.store = Path(docs_dir), user_dictionary, store
        salt = hashlib.sha256(user_dictionary.read_bytes() if user_dictionary and user_dictionary.exists() else b"")
        salt.update(f"{_segmenter_version()} {FORMAT}".encode())
        self.salt = salt.hexdigest().encode()
        self._segmenter: Segmenter | None = None

    def cut_page(self, page: str) -> None:
        """Cut one page's runs (from the cache when its runs and the dictionary are unchanged) and
        write them beside the docs folder."""
        from .write import write_text

        runs = han_runs((self.docs_dir / page).read_text(encoding="utf-8"))
        key = hashlib.sha256(self.salt + "\0".join(runs).encode("utf-8")).hexdigest()
        cut = self.store.get(key) if self.store is not None else None
        if cut is None:
            if self._segmenter is None:
                self._segmenter = Segmenter(self.user_dictionary)
            cut = self._segmenter.cut_runs(runs)
            if self.store is not None:
                self.store.put(key, cut)
        write_text(segments_path(self.docs_dir, page), cut + "\n")


def _cut_page(page: str) -> None:
    from .parallel import worker_state

    worker_state().cut_page(page)


def write_segments(docs_dir: Path, todo: list[str], keep: set[str], user_dictionary: Path | None, store=None,
                   jobs: int | None = None) -> None:
    """Cut the Chinese runs of the `todo` pages, whose Markdown is in the docs folder, and write each
    page's cuts beside it; remove the cuts of pages that are gone (listed in the folder's manifest;
    without one, looked for). A worker reads, cuts and writes a page itself: sending the cuts back
    cost more than making them."""
    from .parallel import parallel_map
    from .write import write_text

    folder = segments_folder(docs_dir)
    manifest = folder / MANIFEST
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8"))
        previous = set(listed["pages"]) if listed["format"] == FORMAT else None
    except (OSError, ValueError, TypeError, KeyError):  # none, or an older zhiku's (a list)
        previous = None
    if previous is None:  # the files are looked for; those of another format removed
        previous = set()
        for path in (p for p in folder.rglob("*") if p.is_file()) if folder.exists() else ():
            rel = path.relative_to(folder).as_posix()
            if rel.endswith(SUFFIX):
                previous.add(rel[:-len(SUFFIX)])
            elif rel != MANIFEST:
                path.unlink()
    for gone in sorted(previous - keep):
        (folder / f"{gone}{SUFFIX}").unlink(missing_ok=True)
    for _ in parallel_map(_cut_page, todo, jobs=jobs, setup=_Worker, setup_args=(docs_dir, user_dictionary, store)):
        pass
    if previous != keep or not manifest.exists():
        write_text(manifest, json.dumps({"format": FORMAT, "pages": sorted(keep)}, ensure_ascii=False, indent=0) + "\n")


def read_segments(docs_dir: Path, page: str) -> dict[str, str]:
    try:
        return parse_cuts(segments_path(docs_dir, page).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _segmenter_version() -> str:
    from importlib.metadata import version

    return "rjieba " + version("rjieba")
