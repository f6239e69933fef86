"""The golds term discovery is measured on (tests/gold/discovery-*.yml, bench/discovery_quality.py):
every name a gold gives is written in its page, every everyday word in one of its pages, and no word
is both. A name misspelt in a gold is a miss no rule can fix."""
import unicodedata
from pathlib import Path

import pytest
import yaml

GOLD = Path(__file__).parents[1] / "gold"
# The first gold's articles are saved HTML pages, read through zhiku's extraction; the later ones are
# Markdown pages in the folder of the gold's name.
LATER_GOLDS = sorted(GOLD.glob("discovery-*.yml"))


def text_of(page: Path) -> str:
    # Its front matter too: discovery-2 gives some bylines' names that only the front matter writes.
    return unicodedata.normalize("NFKC", page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold_path", LATER_GOLDS, ids=lambda p: p.stem)
def test_every_name_of_a_gold_is_in_its_page_and_every_everyday_word_in_one(gold_path):
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    folder = gold_path.with_suffix("")
    texts = {a["page"]: text_of(folder / a["page"]) for a in gold["articles"]}
    missing = [(a["page"], name) for a in gold["articles"] for term in a["terms"]
               for name in [term["name"], *term["aliases"]] if unicodedata.normalize("NFKC", name) not in texts[a["page"]]]
    assert not missing
    everywhere = "\n".join(texts.values())
    assert not [word for word in gold["everyday"] if word not in everywhere]
    names = {name for a in gold["articles"] for term in a["terms"] for name in [term["name"], *term["aliases"]]}
    assert not names & set(gold["everyday"])


def test_the_later_golds_are_all_found():
    assert {p.stem for p in LATER_GOLDS} >= {"discovery-2", "discovery-3", "discovery-4", "discovery-5"}
