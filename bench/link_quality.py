#!/usr/bin/env python3
"""Precision and recall of the linker against the hand-labelled gold file tests/gold/links.yml.

    .venv/bin/python bench/link_quality.py

Each labelled paragraph is compared as a multiset of (surface, term) mentions: a mention found but
not labelled is a false positive, one labelled but not found is a false negative.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from zhiku.glossary.curated import load_curated, parse_curated  # noqa: E402
from zhiku.extract.text_dump import extract_article  # noqa: E402
from zhiku.glossary.terms import build_glossary  # noqa: E402
from zhiku.link.matcher import TermMatcher  # noqa: E402
from zhiku.profile import default_profile  # noqa: E402
from zhiku.read.files import read_page  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "links.yml"


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + len(self.false_negatives)
        return self.true_positives / wanted if wanted else 1.0


def _label(item: str) -> tuple[str, str]:
    surface, _, term = str(item).partition("=")
    return surface, term or surface


def evaluate(gold_file: Path = GOLD) -> Score:
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    profile = default_profile()
    articles = [extract_article(read_page(ROOT / p["input"], ROOT), profile) for p in gold["pages"]]
    curated, errors = load_curated(ROOT / gold["glossary"])
    extra, extra_errors = parse_curated(gold.get("extra_curated", ""), f"{gold_file}:extra_curated")
    if errors or extra_errors:
        raise SystemExit("\n".join(errors + extra_errors))
    terms = build_glossary(articles, curated + extra).terms
    matcher = TermMatcher(terms)
    score = Score()
    for page, article in zip(gold["pages"], articles):
        paragraphs = [b.text for b in article.blocks if b.kind == "paragraph"]
        for labelled in page["paragraphs"]:
            matching = [p for p in paragraphs if p.startswith(labelled["starts"])]
            if len(matching) != 1:
                raise SystemExit(f"{page['input']}: {len(matching)} paragraphs start with {labelled['starts']!r}")
            text = matching[0]
            found = Counter((text[m.start:m.end], terms[m.term].name) for m in matcher.find(text)
                            if terms[m.term].link)
            wanted = Counter(_label(item) for item in labelled["mentions"])
            where = f"{page['input']} «{labelled['starts']}»"
            score.true_positives += sum((found & wanted).values())
            score.false_positives += [f"{where}: {s}={t}" for (s, t), n in (found - wanted).items() for _ in range(n)]
            score.false_negatives += [f"{where}: {s}={t}" for (s, t), n in (wanted - found).items() for _ in range(n)]
    return score


def main() -> None:
    score = evaluate()
    labelled = score.true_positives + len(score.false_negatives)
    print(f"gold mentions: {labelled}, found correctly: {score.true_positives}")
    print(f"precision: {score.precision:.3f}   recall: {score.recall:.3f}")
    for line in score.false_positives:
        print(f"  false positive: {line}")
    for line in score.false_negatives:
        print(f"  missed: {line}")


if __name__ == "__main__":
    main()
