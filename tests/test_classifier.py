"""The trained clause classifier: the artefact, its thresholds, the detector's spans and the rules."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from linter.detect.classifier import ClauseClassifier, artefact_dir, load_thresholds, model_text
from linter.detect.classifier_text import masked
from linter.detect.mention import Mention
from linter.post import Post
from linter.rules import classified

SATURDAY_EVENING = datetime.fromisoformat("2026-11-21T19:30:00+00:00")
THRESHOLDS = json.loads((artefact_dir() / "thresholds.json").read_text(encoding="utf-8"))


def test_model_text_folds_case_and_quotes():
    """The classifier sees lower-case text with straight quotes, same length."""
    assert model_text("Don\u2019t SHOUT") == "don't shout"


def test_enabled_clauses_meet_the_precision_bar():
    """Every enabled clause reached the precision bar on writers the model had not seen, with recall >= 0.25."""
    bar = THRESHOLDS["settings"]["min_precision"]
    enabled = {c: row for c, row in THRESHOLDS["clauses"].items() if row["enabled"]}
    assert enabled and bar >= 0.85
    assert all(row["precision"] >= bar and row["recall"] >= 0.25 for row in enabled.values())


def test_the_artefact_was_trained_on_masked_text_and_never_on_the_sealed_set():
    """thresholds.json records masked training and sources that exclude corpus/sealed.jsonl."""
    settings = THRESHOLDS["settings"]
    assert settings["masked"] is True and "sealed" not in settings["sources"]


def test_every_rule_has_an_enabled_clause():
    """Each classified rule reads a clause that thresholds.json enables."""
    enabled = load_thresholds(artefact_dir())
    assert {r.clause for r in classified.RULES} <= set(enabled)


def test_artefact_is_small():
    """The artefact stays under 20 MB."""
    size = sum(p.stat().st_size for p in artefact_dir().rglob("*") if p.is_file())
    assert size < 20 * 1024 * 1024


def _mention(kind, start, end, text, label=None, person=None):
    return Mention(kind, start, end, text[start:end], label=label, person=person)


def test_masked_replaces_people_and_council_by_placeholders(demo_profile):
    """Listed people become their group's placeholder, unlisted names xname, the council xcouncil."""
    priya = next(p for p in demo_profile.people if p.name == "Priya Raman")
    text = "Priya Raman at Thrapston TC said Jo Bloggs was rude"
    mentions = [_mention("listed-person", 0, 11, text, person=priya), _mention("council", 15, 27, text, label="alias"),
                _mention("person", 33, 42, text)]
    assert masked(text, mentions) == " xcolleague  at  xcouncil  said  xname  was rude"


def test_masked_takes_a_window_and_the_longest_of_overlaps(demo_profile):
    """Only mentions inside start..end count, and of two overlapping mentions the longer one is used."""
    text = "Hi. Thrapston Town Council rocks"
    mentions = [_mention("council", 4, 13, text, label="place"), _mention("council", 4, 26, text, label="name")]
    assert masked(text, mentions, start=4, end=len(text)) == " xcouncil  rocks"
    assert masked(text, mentions, start=0, end=3) == "hi."


@pytest.mark.model
def test_scores_do_not_depend_on_whose_name_it_is(models, demo_profile):
    """Two listed colleagues in the same sentence read the same to the classifier (it learns what is said, not who)."""
    detector = ClauseClassifier(models, demo_profile)
    a, b = (Post.parse(f"{name} is useless, never answers an email", models) for name in ("Priya Raman", "Daniel Okafor"))
    assert masked(a.text, detector.masks(a)) == masked(b.text, detector.masks(b))


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
