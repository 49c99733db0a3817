"""The trained clause classifier: the artefact, its thresholds, the detector's spans and the rules."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from linter.detect.classifier import ClauseClassifier, artefact_dir, load_thresholds, model_text, pooled, pointed
from linter.detect.classifier_text import masked, masked_with_spans
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


def test_the_artefact_was_trained_on_masked_text_and_never_on_the_measuring_sets():
    """thresholds.json records masked training and sources that exclude stop 22's measuring sets, sealed41 and
    sealed42, and stop 21's, sealed39 and sealed40 (0.15 was trained before either was written), which neither train nor choose a threshold (earlier stops' sets, each scored once, are development
    data since the stop after theirs and training data from the next classifier on)."""
    settings = THRESHOLDS["settings"]
    assert settings["masked"] is True
    unseen = {"sealed39", "sealed40", "sealed41", "sealed42"}
    assert not unseen & set(settings["sources"])
    assert not unseen & set(settings["held_out"])


def test_every_rule_has_an_enabled_clause():
    """Each classified rule reads a clause that thresholds.json enables."""
    enabled, _ = load_thresholds(artefact_dir())
    assert {r.clause for r in classified.RULES} <= set(enabled)


def test_max_pooling_takes_the_best_sentence_and_post_pooling_the_post():
    """With ``max`` pooling a post scores its best sentence when that is higher; with ``post`` the whole post decides."""
    cats, sentences = {"4.7": 0.4, "4.2": 0.6}, [{"4.7": 0.9, "4.2": 0.1}, {"4.7": 0.2, "4.2": 0.3}]
    assert pooled(cats, sentences, "max") == {"4.7": 0.9, "4.2": 0.6}
    assert pooled(cats, sentences, "post") == cats
    assert pooled(cats, [], "max") == cats


def test_artefact_is_small():
    """The artefact keeps only the trained layers and head (half precision): under 25 MB, not the 90 MB base."""
    size = sum(p.stat().st_size for p in artefact_dir().rglob("*") if p.is_file())
    assert size < 25 * 1024 * 1024


def test_a_different_base_encoder_is_refused(tmp_path):
    """Weights that are not all-MiniLM-L6-v2 revision 1110a243 are refused with a clear error."""
    from linter.clause_model import check_base
    from linter.errors import ModelError

    (tmp_path / "model.safetensors").write_bytes(b"not the model")
    with pytest.raises(ModelError, match="is not all-MiniLM-L6-v2"):
        check_base(tmp_path)


def test_the_installed_base_encoder_is_the_pinned_one():
    """The base installed from models/pipeline.txt has the weights the classifier was trained over."""
    from linter.clause_model import base_model_dir, check_base

    check_base(base_model_dir())


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


def test_masked_with_spans_is_the_masked_text_with_its_sentences_placed(demo_profile):
    """Masking piece by piece gives the same text as masking whole; each sentence lands where its words are."""
    priya = next(p for p in demo_profile.people if p.name == "Priya Raman")
    text = "Priya Raman said no. Thrapston TC again! Bye"
    mentions = [_mention("listed-person", 0, 11, text, person=priya), _mention("council", 21, 33, text, label="alias")]
    spans = [(0, 20), (21, 40), (41, 44)]
    whole, placed = masked_with_spans(text, mentions, spans)
    assert whole == masked(text, mentions)
    assert [whole[a:b] for a, b in placed] == [" xcolleague  said no.", " xcouncil  again!", "bye"]


def test_a_sentence_edge_inside_a_mention_is_not_cut(demo_profile):
    """A sentence split inside a masked name keeps the name whole: the span widens instead."""
    priya = next(p for p in demo_profile.people if p.name == "Priya Raman")
    text = "Priya Raman is here"
    whole, placed = masked_with_spans(text, [_mention("listed-person", 0, 11, text, person=priya)], [(0, 5), (6, 19)])
    assert whole == " xcolleague  is here" and placed == [(0, 20), (0, 20)]


@pytest.mark.model
def test_one_pass_gives_the_same_post_score(detector):
    """The post score read with its sentences equals the score of the post read alone."""
    text = "typed up the minutes. honestly the council never gets anything right. lovely sunset."
    alone = detector.model([text])[0]
    together, per_sentence = detector.model.read_with_spans(text, [(0, 21), (22, 69), (70, 84)])
    assert together == pytest.approx(alone, abs=1e-5) and len(per_sentence) == 3
    assert max(range(3), key=lambda i: per_sentence[i]["4.7"]) == 1


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
    ("Honestly the council never gets anything right, they are a shambles. Rant over.", "4.7",
     "Honestly the council never gets anything right, they are a shambles."),
    ("Lovely sunset on the way home. Attached a pic of Graham from the office asleep at his desk, he'll kill me. [photo]",
     "4.10", "Attached a pic of Graham from the office asleep at his desk, he'll kill me."),
])
def test_mention_points_at_the_best_sentence(models, detector, text, clause, span):
    """A firing clause's mention covers the sentence that scores highest for it."""
    found = [(m.label, m.text) for m in detector(Post.parse(text, models)) if m.label == clause]
    assert found == [(clause, span)]


@pytest.mark.model
def test_a_long_post_is_read_to_its_end(detector):
    """Past the encoder's 128 word pieces the post is read in windows: a rant at the end of a 478-piece post
    still moves the score, where cutting at 128 would have read only the walk."""
    rant = ("Honestly the council never gets anything right. They are a shambles, the lot of them. "
            "Useless from top to bottom, and they never answer an email. Rant over.")
    walk = "Lovely walk by the river this morning with the dog. " * 40
    assert detector.scores(rant)["4.7"] > 0.9
    assert detector.scores(walk + rant)["4.7"] > 0.2 > 0.01 > detector.scores(walk)["4.7"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Lovely walk by the river this morning, the leaves are gorgeous.",
    "Bins will be collected on Friday this week.",
    "",
])
def test_clean_posts_raise_nothing(models, detector, linter, text):
    """Ordinary posts get no classifier mention and no warning (but for council-account clauses: a walk by the river
    would be personal news on the council's account, and only council-mode rules read those; and 4.2: since 0.9 a
    bin-day notice reads like council work, 0.91 against 0.89, which the look says only in a post linked to the
    council, ``classified.speaks``)."""
    assert [m.label for m in detector(Post.parse(text, models)) if m.label not in ("2.1", "2.3", "4.2")] == []
    assert linter.lint(text, at=SATURDAY_EVENING) == ()


@pytest.mark.model
@pytest.mark.parametrize(("text", "codes"), [
    ("Love how the council spent our money on another consultant report nobody will read.", ["PL347"]),
    ("The Prime Minister says 'let me be clear' a lot for someone who never is.", []),  # not aimed at the council
    ("The council are useless idiots.", []),  # the word-list rule speaks; no second warning
    ("Lovely walk by the river this morning, the leaves are gorgeous.", []),
])
def test_rule_fires_only_where_the_rules_are_silent(linter, text, codes):
    """PL347 warns at info on what the classifier catches, and stays quiet when tone rules have evidence."""
    found = [w for w in linter.lint(text, mode="personal", at=SATURDAY_EVENING) if w.code in ("PL347",)]
    assert [w.code for w in found] == codes and all(w.severity.value == "info" for w in found)


def test_a_warning_points_at_a_sentence_of_four_words_or_more():
    """"YES." scored highest, but the underline goes to the best sentence long enough to read on its own."""
    text = "Stop asking if we're doing roasts again. YES. From the 5th."
    spans = [(0, 40), (41, 45), (46, 59)]
    scores = [{"4.7": 0.6}, {"4.7": 0.99}, {"4.7": 0.2}]
    assert pointed(text, spans, scores, "4.7") == 0
    assert pointed("YES. No.", [(0, 4), (5, 8)], [{"4.7": 0.9}, {"4.7": 0.1}], "4.7") == 0  # none long: the best of all
