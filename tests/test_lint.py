"""The linter facade: input checks, merging overlapping findings, the demo profile end to end."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from linter.errors import InputError
from linter.lint import MAX_CHARS, check_input, merge
from linter.profile import DEMO_PROFILE, load_profile
from linter.rules.base import Context, per_post
from linter.warning import PolicyWarning, Severity

EVENING = datetime(2026, 11, 21, 19, tzinfo=timezone.utc)


def w(code: str, clause: str, sev: Severity, start: int, end: int) -> PolicyWarning:
    """A warning with just the fields merging reads."""
    return PolicyWarning(code, code.lower(), clause, sev, start, end, "x" * (end - start), "m")


def test_a_shared_reading_is_made_once_a_post():
    """A reading several rules ask for (``per_post``) runs once for a post's context, and again for the next post."""
    calls = []

    @per_post
    def words(ctx: Context) -> tuple[str, ...]:
        calls.append(ctx.text)
        return tuple(ctx.text.split())

    profile = load_profile(DEMO_PROFILE)
    first = Context("two words", (), "personal", EVENING, None, profile)
    assert words(first) == words(first) == ("two", "words")
    second = Context("three words here", (), "personal", EVENING, None, profile)
    assert words(second) == ("three", "words", "here")
    assert calls == ["two words", "three words here"]


def test_merge_keeps_most_severe_of_a_clause():
    """Overlapping warnings of one clause become one: the most severe."""
    kept = merge([w("PL420", "4.6", Severity.WARNING, 5, 15), w("PL406", "4.6", Severity.ERROR, 5, 15)])
    assert [k.code for k in kept] == ["PL406"]


def test_merge_prefers_longest_on_equal_severity():
    """On equal severity the longer span wins (one name, one warning)."""
    kept = merge([w("PL406", "4.6", Severity.ERROR, 5, 9), w("PL406", "4.6", Severity.ERROR, 5, 15)])
    assert [(k.start, k.end) for k in kept] == [(5, 15)]


def test_merge_keeps_other_clauses_and_disjoint_spans():
    """Different clauses on one span, and separate spans, all stay, in text order."""
    kept = merge([w("PL101", "4.1", Severity.ERROR, 0, 3), w("PL406", "4.6", Severity.ERROR, 20, 25), w("PL305", "4.5", Severity.WARNING, 0, 3)])
    assert [(k.start, k.clause) for k in kept] == [(0, "4.1"), (0, "4.5"), (20, "4.6")]


@pytest.mark.parametrize(
    ("text", "mode", "message"),
    [
        (42, "personal", "text must be a string"),
        ("x" * (MAX_CHARS + 1), "personal", "postlint lints posts of up to"),
        ("hi", "work", "mode must be one of personal, council"),
    ],
)
def test_bad_input_is_refused(text, mode, message):
    """Unusable input raises InputError saying why."""
    with pytest.raises(InputError, match=message):
        check_input(text, mode)


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_gives_no_warnings(linter, text):
    """Empty or blank text: no warnings."""
    assert linter.lint(text, at=EVENING) == ()


@pytest.mark.model
def test_one_name_one_warning(linter):
    """A listed name that several detectors see gets exactly one 4.6 warning."""
    text = "🎉 Lovely quiz night with Dan Okafor and friends"
    found = [x for x in linter.lint(text, at=EVENING) if x.clause == "4.6"]
    assert [(x.text, x.code, x.entity) for x in found] == [("Dan Okafor", "PL406", "PERSON")]
    assert text[found[0].start : found[0].end] == "Dan Okafor"


@pytest.mark.model
def test_profile_can_switch_a_rule_off(models, demo_profile):
    """A rule disabled in the profile never fires; a severity override applies."""
    from dataclasses import replace

    from linter.lint import Linter
    from linter.profile import RuleSettings

    quiet = Linter.build(models, replace(demo_profile, rules=RuleSettings(disabled=frozenset({"PL406"}))))
    softer = Linter.build(models, replace(demo_profile, rules=RuleSettings(severity=(("listed-person", Severity.INFO),))))
    text = "Dinner with Dan Okafor"
    assert all(x.code != "PL406" for x in quiet.lint(text, at=EVENING))
    assert [x.severity for x in softer.lint(text, at=EVENING) if x.code == "PL406"] == [Severity.INFO]


def test_unpaired_surrogate_is_refused():
    """Text that is not valid Unicode (a lone surrogate) is an InputError, not a crash."""
    with pytest.raises(InputError, match="unpaired surrogate"):
        check_input("\ud83d broken", "personal")


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59+00:00", "yesterday", 5])
def test_at_out_of_range_is_refused(value):
    """An `at` outside 1970..9000 or not ISO 8601 is refused, naming the field."""
    from linter.request import parse_at

    with pytest.raises(InputError, match="field 'at'"):
        parse_at(value)


def test_naive_at_is_utc():
    """An `at` without an offset means UTC, for the service, JSONL and the CLI alike."""
    from linter.request import parse_at

    assert parse_at("2026-11-21T19:00").tzinfo is timezone.utc


@pytest.mark.model
def test_long_runs_without_spaces_keep_the_text(models):
    """A long run like "!!!!…" is tokenized in pieces (spaCy is quadratic there) with the text unchanged."""
    from linter.nlp import tokenize

    text = "Dan Okafor " + "!" * 1500 + " 😂" * 3 + "x" * 450 + " end"
    doc = tokenize(models.nlp, text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= 100
    assert [t.text for t in tokenize(models.nlp, "Dan Okafor said hi")] == ["Dan", "Okafor", "said", "hi"]


@pytest.mark.model
def test_names_found_after_a_long_run(linter):
    """Offsets stay right after a long run of punctuation."""
    text = "!" * 3000 + " lovely evening with Dan Okafor"
    found = [w for w in linter.lint(text, at=EVENING) if w.code == "PL406"]
    assert [(w.text, text[w.start : w.end]) for w in found] == [("Dan Okafor", "Dan Okafor")]


@pytest.mark.model
def test_one_people_matcher_per_build(models, demo_profile, monkeypatch):
    """Building a linter builds one people matcher; the tone detector shares the linter's."""
    from linter.detect.people import PeopleDetector
    from linter.detect.tone import ToneDetector
    from linter.lint import Linter

    built = []
    original = PeopleDetector.__init__
    monkeypatch.setattr(PeopleDetector, "__init__", lambda self, *a, **k: (built.append(self), original(self, *a, **k))[1])
    linter = Linter.build(models, demo_profile)
    tone = next(d for d in linter.detectors if isinstance(d, ToneDetector))
    assert len(built) == 1 and tone.people is built[0] and built[0] in linter.detectors


@pytest.mark.model
def test_classifier_loaded_once_with_the_models(models, demo_profile):
    """Two builds (a profile reload) reuse the classifier model loaded with the models."""
    from linter.detect.classifier import ClauseClassifier
    from linter.lint import Linter

    first, second = (next(d for d in Linter.build(models, demo_profile).detectors if isinstance(d, ClauseClassifier))
                     for _ in range(2))
    assert first is not second and first.model is second.model is models.classifier
