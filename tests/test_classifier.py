"""The trained clause classifier: the artefact, its thresholds, the detector's spans and the rules."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from linter.detect.classifier import ClauseClassifier, artefact_dir, load_thresholds, model_text
from linter.post import Post
from linter.rules import classified

SATURDAY_EVENING = datetime.fromisoformat("2026-11-21T19:30:00+00:00")
THRESHOLDS = json.loads((artefact_dir() / "thresholds.json").read_text(encoding="utf-8"))


def test_model_text_folds_case_and_quotes():
    """The classifier sees lower-case text with straight quotes, same length."""
    assert model_text("Don\u2019t SHOUT") == "don't shout"


def test_enabled_clauses_meet_the_precision_bar():
    """Every enabled clause was cross-validated at precision >= 0.9 and recall >= 0.35."""
    enabled = {c: row for c, row in THRESHOLDS["clauses"].items() if row["enabled"]}
    assert enabled
    assert all(row["cv_precision"] >= 0.9 and row["cv_recall"] >= 0.35 for row in enabled.values())


def test_every_rule_has_an_enabled_clause():
    """Each classified rule reads a clause that thresholds.json enables."""
    enabled = load_thresholds(artefact_dir())
    assert {r.clause for r in classified.RULES} <= set(enabled)


def test_artefact_is_small():
    """The artefact stays under 20 MB."""
    size = sum(p.stat().st_size for p in artefact_dir().rglob("*") if p.is_file())
    assert size < 20 * 1024 * 1024


@pytest.fixture(scope="module")
def detector(models, demo_profile):
    """The classifier detector over the demo profile."""
    return ClauseClassifier(models, demo_profile)


@pytest.mark.model
def test_scores_every_clause(detector):
    """The pipeline scores each trained clause between 0 and 1."""
    cats = detector.scores("hello there")
    assert set(cats) == set(THRESHOLDS["clauses"]) and all(0.0 <= v <= 1.0 for v in cats.values())


@pytest.mark.model
@pytest.mark.parametrize(("text", "clause", "span"), [
    ("Off to the shops. Honestly the council never gets anything right.", "4.7",
     "Honestly the council never gets anything right."),
    ("council never answers emails, why do we even bother", "4.7",
     "council never answers emails, why do we even bother"),
])
def test_mention_points_at_the_best_sentence(models, detector, text, clause, span):
    """A firing clause's mention covers the sentence that scores highest for it."""
    found = [(m.label, m.text) for m in detector(Post.parse(text, models)) if m.label == clause]
    assert found == [(clause, span)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Lovely walk by the river this morning, the leaves are gorgeous.",
    "Bins will be collected on Friday this week.",
    "",
])
def test_clean_posts_raise_nothing(models, detector, text):
    """Ordinary posts get no classifier mention."""
    assert detector(Post.parse(text, models)) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "codes"), [
    ("Off to the shops. Honestly the council never gets anything right.", ["PL347"]),
    ("The council are useless idiots.", []),  # the word-list rule speaks; no second warning
    ("Lovely walk by the river this morning, the leaves are gorgeous.", []),
])
def test_rule_fires_only_where_the_rules_are_silent(linter, text, codes):
    """PL347 warns at info on what the classifier catches, and stays quiet when tone rules have evidence."""
    found = [w for w in linter.lint(text, mode="personal", at=SATURDAY_EVENING) if w.code in ("PL347",)]
    assert [w.code for w in found] == codes and all(w.severity.value == "info" for w in found)
