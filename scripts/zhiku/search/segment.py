"""Chinese word segmentation for the search index, done by the build on every core and cached.

Material's search plugin cuts every run of Chinese characters in every page with jieba while MkDocs
renders, on one core: more than half of a large site's MkDocs time. The build knows each page's text
already, so it cuts those runs itself and writes them per page beside the docs folder;
plugins/search_index.py hands Material the answer for each run, and cuts a run the build did not
foresee with the same cutter, so the index is the same either way, only built faster.

The cutter is rjieba (segmenter.py), about ten times faster than jieba. Its words are jieba's except
where the HMM guesses unknown words (90 of 142,534 runs of the benchmark corpus, e.g. 新游戏 → 新
游戏): the browser matches pieces of words anyway (zhiku-search.js), so such a difference changes
no answer.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..cache.step import Cache, Step
from ..chars import HAN_RUN
from ..segmenter import Segmenter
from ..write.files import write_text

SEGMENTS_DIR = "search-segments"  # beside the docs folder, like the jieba user dictionary
# A page's cuts: one line per run, its words separated by spaces (a run has neither), as small as the
# page's text; JSON of each run and its words was one and a half times the size of the docs folder.
SUFFIX = ".txt"
MANIFEST = ".pages.json"  # the pages cut last time, so that a build finds those gone without a search
FORMAT = "lines"  # in the manifest: an older zhiku's cuts (JSON files) are removed when it is not
# What Markdown adds around text that is not in the page's text: link targets and titles, emphasis.
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"\*\*|__")


def han_runs(markdown: str) -> list[str]:
    """The runs of Chinese characters that Material will find in the rendered page (front matter
    included: the title is indexed too), in first-seen order."""
    text = _EMPHASIS.sub("", _LINK.sub(r"\1", markdown))
    return list(dict.fromkeys(HAN_RUN.findall(text)))


def segments_folder(docs_dir: Path) -> Path:
    return Path(docs_dir).resolve().parent / SEGMENTS_DIR


def segments_path(docs_dir: Path, page: str) -> Path:
    return segments_folder(docs_dir) / f"{page}{SUFFIX}"


def parse_cuts(text: str) -> dict[str, str]:
    """A page's cuts (Segmenter.cut_runs) by run: the run's words, separated by spaces. Parsed in C
    (MkDocs reads every page's): a run is its line without the spaces."""
    lines = text.rstrip("\n")
    return dict(zip(lines.replace(" ", "").split("\n"), lines.split("\n"))) if lines else {}


class LazySegmenter:
    """A Segmenter made on first use, in the process that uses it: a worker makes its own (a
    dictionary load) only when it has runs to cut."""

    def __init__(self, user_dictionary: Path | None) -> None:
        self.user_dictionary = user_dictionary
        self._segmenter: Segmenter | None = None

    def __reduce__(self):
        return type(self), (self.user_dictionary,)

    def cut_runs(self, runs: list[str]) -> str:
        if self._segmenter is None:
            self._segmenter = Segmenter(self.user_dictionary)
        return self._segmenter.cut_runs(runs)


def _cuts(runs: list[str], segmenter: LazySegmenter) -> dict:
    return {"cuts": segmenter.cut_runs(runs)}


SEGMENTS = Step("search-cuts", _cuts, head=())


def write_segments(cache: Cache, docs_dir: Path, pages: dict[str, str | None], keep: set[str],
                   user_dictionary: Path | None, jobs: int | None = None) -> None:
    """Cut the Chinese runs of `pages` (Markdown by path in the docs folder; None: read it there) and
    write each page's cuts beside the docs folder; remove the cuts of pages no longer in `keep`
    (listed in the folder's manifest; without one, looked for). Cuts made by other code are made
    again, for every page kept."""
    folder = segments_folder(docs_dir)
    manifest = folder / MANIFEST
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8"))
        previous = set(listed["pages"]) if listed["format"] == FORMAT else None
        cut_by = listed.get("version")
    except (OSError, ValueError, TypeError, KeyError, AttributeError):  # none, or an older zhiku's (a list)
        previous, cut_by = None, None
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
    if cut_by != SEGMENTS.version:  # cut by other code (or another rjieba): every page again
        pages = {name: pages.get(name) for name in keep}
    dictionary = hashlib.sha256(user_dictionary.read_bytes() if user_dictionary and user_dictionary.exists() else b"")
    dictionary = dictionary.hexdigest()
    names = sorted(pages)
    runs = [han_runs(pages[name] if pages[name] is not None else (Path(docs_dir) / name).read_text(encoding="utf-8"))
            for name in names]
    keys = [SEGMENTS.key(dictionary, *page_runs) for page_runs in runs]
    found = SEGMENTS.run(cache, runs, keys, context=LazySegmenter(user_dictionary), jobs=jobs)
    for name, key, result in zip(names, keys, found):
        cut = result["cuts"] if "cuts" in result else SEGMENTS.load(cache, key)["cuts"]
        write_text(segments_path(docs_dir, name), cut + "\n")
    if previous != keep or cut_by != SEGMENTS.version or not manifest.exists():
        write_text(manifest, json.dumps({"format": FORMAT, "version": SEGMENTS.version, "pages": sorted(keep)},
                                        ensure_ascii=False, indent=0) + "\n")


def read_segments(docs_dir: Path, page: str) -> dict[str, str]:
    try:
        return parse_cuts(segments_path(docs_dir, page).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
