"""rjieba (jieba-rs: jieba's dictionary, user-dictionary rules and HMM in Rust, about ten times faster
than jieba), as the linker's word boundaries and the search index's words are cut."""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from collections import Counter
from itertools import chain
from pathlib import Path


def new_jieba():
    """A new rjieba.Jieba with jieba's dictionary.

    Importing the rjieba package builds a default Jieba at once (a dictionary load), which zhiku
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
    """rjieba with the build's user dictionary: the words the search index is made of."""

    def __init__(self, user_dictionary: str | Path | None) -> None:
        self._jieba = new_jieba()
        lines = Path(user_dictionary).read_text(encoding="utf-8").splitlines() if user_dictionary else []
        for word, *rest in (line.split() for line in lines if line.strip()):
            # jieba's user-dictionary line: word [frequency] [tag]; no frequency → one that keeps it whole.
            self._jieba.add_word(word, int(rest[0]) if rest and rest[0].isdigit() else None, None)

    def cut(self, run: str) -> list[str]:
        return self._jieba.cut(run)

    def count_words(self, runs: list[str]) -> Counter:
        """The words of these runs of Chinese characters, counted.

        The runs go to rjieba in one call, a line each: one call per run cost more than the cutting.
        jieba cuts each block of Chinese characters on its own and gives a line end back as a word
        of its own, so no run's words change."""
        if not runs:
            return Counter()
        counts = Counter(self._jieba.cut("\n".join(runs)))
        if counts.pop("\n", 0) != len(runs) - 1:  # a cutter that joined a line end to a word: one call per run
            counts = Counter(chain.from_iterable(map(self._jieba.cut, runs)))
        return counts
