"""Chinese word segmentation for the search index, done by the build on every core and cached.

Material's search plugin cuts every run of Chinese characters in every page with jieba while MkDocs
renders, on one core: more than half of a large site's MkDocs time. The build knows each page's text
already, so it cuts those runs itself, exactly as Material would (the same jieba, dictionary, user
dictionary and call), and writes them per page beside the docs folder. plugins/search_index.py hands
Material the answer for each run; a run the build did not foresee is cut by jieba as before, so the
index is the same either way, only built faster.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

SEGMENTS_DIR = "search-segments"  # beside the docs folder, like the jieba user dictionary
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


def segments_path(docs_dir: Path, page: str) -> Path:
    return Path(docs_dir).resolve().parent / SEGMENTS_DIR / f"{page}.json"


_tokenizer = None


def _load_user_dictionary(path: str | None) -> None:
    """In each worker: a jieba tokenizer in the state Material's search plugin puts jieba in, in a
    fresh MkDocs process: the default dictionary, then the user dictionary, loaded once. A separate
    instance: loading a user dictionary twice into one tokenizer changes word frequencies, and
    with them some cuts, and MkDocs may run in this very process afterwards."""
    global _tokenizer
    import jieba

    jieba.setLogLevel(60)
    _tokenizer = jieba.Tokenizer()
    if path:
        _tokenizer.load_userdict(path)


def _cut_runs(runs: list[str]) -> dict[str, str]:
    # As Material's _segment_chinese: cut() on the UTF-8 bytes, words joined by zero-width spaces.
    return {run: "\u200b".join(_tokenizer.cut(run.encode("utf-8"))) for run in runs}


def segment_pages(pages: dict[str, list[str]], user_dictionary: Path | None, store=None,
                  jobs: int | None = None) -> Iterator[tuple[str, dict[str, str]]]:
    """(page, its runs cut into words) for each page, as they are done: from the cache where runs
    and dictionary are unchanged, else cut on every core."""
    from .parallel import parallel_map

    salt = hashlib.sha256(user_dictionary.read_bytes() if user_dictionary and user_dictionary.exists() else b"")
    salt.update(_jieba_version().encode())
    keys = {page: hashlib.sha256(salt.hexdigest().encode() + "\0".join(runs).encode("utf-8")).hexdigest()
            for page, runs in pages.items()}
    todo = []
    for page in pages:
        cut = store.get(keys[page]) if store is not None else None
        if cut is None:
            todo.append(page)
        else:
            yield page, cut
    computed = parallel_map(_cut_runs, [pages[p] for p in todo], jobs=jobs, initializer=_load_user_dictionary,
                            initargs=(str(user_dictionary) if user_dictionary else None,))
    for page, cut in zip(todo, computed):
        if store is not None:
            store.put(keys[page], cut)
        yield page, cut


def write_segments(docs_dir: Path, segments: Iterable[tuple[str, dict[str, str]]], keep: set[str]) -> None:
    """Write each page's cuts as they come (a large site's do not all fit in memory at once), and
    remove those of pages that are gone."""
    from .write import write_text

    folder = Path(docs_dir).resolve().parent / SEGMENTS_DIR
    wanted = {segments_path(docs_dir, page) for page in keep}
    for old in folder.rglob("*.json") if folder.exists() else []:
        if old not in wanted:
            old.unlink()
    for page, cut in segments:
        write_text(segments_path(docs_dir, page), json.dumps(cut, ensure_ascii=False, sort_keys=True) + "\n")


def read_segments(docs_dir: Path, page: str) -> dict[str, str]:
    try:
        return json.loads(segments_path(docs_dir, page).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _jieba_version() -> str:
    import jieba

    return getattr(jieba, "__version__", "")
