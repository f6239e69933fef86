#!/usr/bin/env python3
"""zhiku's linker against a one-regex-per-term linker, on the sample page, for 100 to 5,000 terms.

    .venv/bin/python bench/linker_bench.py [--repeat 5]

The baseline is what common MkDocs autolink/glossary plugins do: one compiled pattern per alias,
each run over the whole text. Terms beyond the real glossary are real words from jieba's dictionary,
so that the text holds mentions of some of them, as it would in a large glossary.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from zhiku.glossary.curated import load_curated  # noqa: E402
from zhiku.extract.text_dump import extract_article  # noqa: E402
from zhiku.glossary.terms import build_glossary  # noqa: E402
from zhiku.link.matcher import TermMatcher  # noqa: E402
from zhiku.model import Term  # noqa: E402
from zhiku.profile import default_profile  # noqa: E402
from zhiku.read.files import read_page  # noqa: E402

SAMPLE = ROOT / "content" / "pages" / "000_f2ff1240febe54e4.txt"


def dictionary_words(count: int, exclude: set[str]) -> list[str]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, freq, _ = line.split(" ")
            if len(word) >= 2 and int(freq) >= 50 and word not in exclude:
                words.append(word)
    words.sort()
    step = max(1, len(words) // count)
    return words[::step][:count]


def regex_linker(terms: list[Term]):
    patterns = [(re.compile(rf"(?<![A-Za-z0-9]){re.escape(alias)}(?![A-Za-z0-9])", re.IGNORECASE), i)
                for i, term in enumerate(terms) for alias in term.all_names]

    def find(text: str) -> int:
        return sum(1 for pattern, _ in patterns for _ in pattern.finditer(text))
    return find


def timed(find, paragraphs: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in paragraphs:
            find(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    article = extract_article(read_page(SAMPLE, SAMPLE.parent), default_profile())
    paragraphs = [b.text for b in article.blocks]
    real = build_glossary([article], load_curated(ROOT / "content" / "glossary.yml")[0]).terms
    known = {n for t in real for n in t.all_names}
    print(f"sample page: {sum(map(len, paragraphs))} characters in {len(paragraphs)} blocks; best of {args.repeat}")
    fillers = {
        "terms the page never mentions (cost of the glossary's size alone)":
            [Term(f"虚构术语{i:04d}") for i in range(5000)],
        "real words from jieba's dictionary (more terms, more mentions)":
            [Term(w) for w in dictionary_words(5000, known)],
    }
    for title, extra in fillers.items():
        print(f"\nglossary = the sample's {len(real)} terms + {title}")
        print(f"{'terms':>6} {'zhiku (ms)':>11} {'regex/term (ms)':>16} {'regex ÷ zhiku':>14} {'mentions':>9}")
        results = {}
        for count in (100, 1000, 5000):
            terms = (real + extra)[:count]
            matcher = TermMatcher(terms)
            matcher.segmenter  # rjieba with the terms is built once per build, outside the timing
            ours = timed(matcher.find, paragraphs, args.repeat)
            theirs = timed(regex_linker(terms), paragraphs, max(1, args.repeat // 2))
            mentions = sum(len(matcher.find(p)) for p in paragraphs)
            results[count] = ours
            print(f"{count:>6} {ours * 1000:>11.1f} {theirs * 1000:>16.1f} {theirs / ours:>13.1f}x {mentions:>9}")
        print(f"zhiku, 5,000 terms ÷ 100 terms: {results[5000] / results[100]:.2f}")


if __name__ == "__main__":
    main()
