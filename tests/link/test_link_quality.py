"""The linker against the hand-labelled gold file (bench/link_quality.py prints the details)."""
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from link_quality import evaluate  # noqa: E402


def test_precision_and_recall_on_gold_mentions():
    score = evaluate()
    assert score.true_positives >= 100  # the gold file is not empty or unread
    assert score.false_positives == [] and score.precision == 1.0
    assert score.recall >= 0.98, score.false_negatives
