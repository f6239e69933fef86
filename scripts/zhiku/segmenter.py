"""rjieba (jieba-rs: jieba's dictionary, user-dictionary rules and HMM in Rust, about ten times faster
than jieba), as the linker's word boundaries and the search index's words are cut."""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
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
