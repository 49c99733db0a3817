"""The evaluation corpora are well-formed: ids, modes, times, clause ids and exact spans.

The development corpus (corpus/posts.jsonl), the held-out corpus (corpus/heldout.jsonl),
the blind corpus (corpus/blind.jsonl) and the final blind corpus (corpus/final.jsonl) are
checked the same way; only the minimum sizes differ.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
CORPUS = CORPUS_DIR / "posts.jsonl"
HELDOUT = CORPUS_DIR / "heldout.jsonl"
BLIND = CORPUS_DIR / "blind.jsonl"
FINAL = CORPUS_DIR / "final.jsonl"
TONE_DEV = CORPUS_DIR / "tone_dev.jsonl"

# The ids in ../shared/policy/CLAUSES.md (copied: the corpus must not depend on the linter).
CLAUSE_IDS = {
    "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2",
    "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10",
    "5.1", "5.2",
}
GUIDANCE_ONLY = {"2.5", "5.2"}
TEXT_CHECKABLE = CLAUSE_IDS - GUIDANCE_ONLY
ENTITIES = {
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION", "ADDRESS", "UK_POSTCODE",
    "UK_NINO", "UK_NHS", "UK_PASSPORT", "UK_DRIVING_LICENCE", "UK_VEHICLE_REGISTRATION",
    "DATE_OF_BIRTH", "ORGANIZATION", "ROLE",
}
REQUIRED = {"id", "text", "mode", "at", "clauses", "spans", "note"}
LONDON = ZoneInfo("Europe/London")


def load(path: Path = CORPUS) -> list[dict]:
    """Every post in a corpus, in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# Per corpus: file, id prefix, minimum posts, minimum posts per clause, minimum 4.6 posts.
CORPORA = {
    "posts": {"path": CORPUS, "prefix": "p", "size": 300, "per_clause": 10, "people": 50},
    "heldout": {"path": HELDOUT, "prefix": "h", "size": 150, "per_clause": 6, "people": 40},
    "blind": {"path": BLIND, "prefix": "b", "size": 150, "per_clause": 6, "people": 40},
    "final": {"path": FINAL, "prefix": "f", "size": 150, "per_clause": 6, "people": 40},
    "train_a": {"path": CORPUS_DIR / "train_a.jsonl", "prefix": "ta", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
    "train_b": {"path": CORPUS_DIR / "train_b.jsonl", "prefix": "tb", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
    "train_c": {"path": CORPUS_DIR / "train_c.jsonl", "prefix": "tc", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
    "train_d": {"path": CORPUS_DIR / "train_d.jsonl", "prefix": "td", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
    "train_e": {"path": CORPUS_DIR / "train_e.jsonl", "prefix": "te", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
    "train_f": {"path": CORPUS_DIR / "train_f.jsonl", "prefix": "tf", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
    "train_g": {"path": CORPUS_DIR / "train_g.jsonl", "prefix": "tg", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
    "train_h": {"path": CORPUS_DIR / "train_h.jsonl", "prefix": "th", "size": 250, "per_clause": 6, "people": 40, "clean": 0.3},
}
# The measuring sets, each by its own blind writer (id prefix), when present.
SEALED = (("sealed", "s"), ("sealed2", "v"), ("sealed3", "w"), ("sealed4", "x"),
          ("sealed5", "y"), ("sealed6", "z"), ("sealed7", "u"), ("sealed8", "m"), ("sealed9", "k"), ("sealed10", "n"),
          ("sealed11", "g"), ("sealed12", "j"), ("sealed13", "c"), ("sealed14", "e"),
          ("sealed15", "a"), ("sealed16", "o"), ("sealed17", "i"), ("sealed18", "l"),
          ("sealed19", "pa"), ("sealed20", "pb"), ("sealed21", "pc"), ("sealed22", "pd"),
          ("sealed23", "pe"), ("sealed24", "pf"), ("sealed25", "pg"), ("sealed26", "ph"),
          ("sealed27", "pi"), ("sealed28", "pj"), ("sealed29", "pk"), ("sealed30", "pl"),
          ("sealed31", "pm"), ("sealed32", "pn"), ("sealed33", "po"), ("sealed34", "pp"),
          ("sealed35", "pq"), ("sealed36", "pr"), ("sealed37", "ps"), ("sealed38", "pt"),
          ("sealed39", "pu"), ("sealed40", "pv"),
          ("sealed41", "pw"), ("sealed42", "px"))
for name, prefix in SEALED:
    if (CORPUS_DIR / f"{name}.jsonl").exists():
        CORPORA[name] = {"path": CORPUS_DIR / f"{name}.jsonl", "prefix": prefix, "size": 250,
                         "per_clause": 10, "people": 50}
LOADED = {name: load(spec["path"]) for name, spec in CORPORA.items()}
POSTS = LOADED["posts"]
ALL_POSTS = [post for posts in LOADED.values() for post in posts]


def in_working_hours(at: str) -> bool:
    """True when ``at`` falls Monday-Friday 09:00-17:00 in London (the demo profile's hours)."""
    local = datetime.fromisoformat(at).astimezone(LONDON)
    return local.weekday() < 5 and 9 * 60 <= local.hour * 60 + local.minute < 17 * 60


@pytest.mark.parametrize("name", CORPORA)
def test_every_line_is_a_json_object(name):
    """Every non-empty line parses as a JSON object."""
    with CORPORA[name]["path"].open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()]
    assert all(isinstance(json.loads(line), dict) for line in lines)


@pytest.mark.parametrize("name", CORPORA)
def test_size_and_clean_share(name):
    """Each corpus has its minimum number of posts, at least a third of them clean (training sets 30%)."""
    posts = LOADED[name]
    clean = sum(1 for p in posts if not p["clauses"])
    assert len(posts) >= CORPORA[name]["size"]
    assert clean >= len(posts) * CORPORA[name].get("clean", 1 / 3) - 1e-9


def test_ids_are_unique():
    """No two posts share an id, within or across the corpora."""
    ids = [p["id"] for p in ALL_POSTS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", CORPORA)
def test_ids_carry_the_corpus_prefix(name):
    """Each corpus's ids carry its prefix: p, h, b, f, ta, tb, tc, s."""
    prefix = CORPORA[name]["prefix"]
    assert [p["id"] for p in LOADED[name] if not p["id"].startswith(prefix)] == []


def test_no_text_is_in_two_corpora():
    """No post text (case and surrounding space aside) appears in two corpus files, tone_dev included."""
    owners: dict[str, set[str]] = {}
    for name, posts in [*LOADED.items(), ("tone_dev", load(TONE_DEV))]:
        for p in posts:
            owners.setdefault(p["text"].strip().lower(), set()).add(name)
    assert {text: names for text, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize("name", [n for n in CORPORA if n not in ("posts", "heldout")])
def test_blind_council_posts_have_authors(name):
    """Every council-account post in the blind, final, training and sealed corpora names its author."""
    assert [p["id"] for p in LOADED[name] if p["mode"] == "council" and not p.get("author")] == []


@pytest.mark.parametrize("name", [n for n in CORPORA if n != "posts"])
def test_texts_are_unique_within_a_corpus(name):
    """No text appears twice within one corpus."""
    texts = Counter(p["text"].strip().lower() for p in LOADED[name])
    assert [text for text, n in texts.items() if n > 1] == []


def test_final_ids_are_not_tone_dev_ids():
    """Final ids do not collide with the tone development set (which also uses f-ids)."""
    tone_ids = {p["id"] for p in load(TONE_DEV)}
    assert [p["id"] for p in LOADED["final"] if p["id"] in tone_ids] == []


@pytest.mark.parametrize("post", ALL_POSTS, ids=lambda p: p["id"])
def test_post_shape(post):
    """Each post has the required fields, a known mode, non-empty text and an aware time."""
    assert REQUIRED <= post.keys()
    assert post["mode"] in {"personal", "council"}
    assert post["text"].strip()
    assert datetime.fromisoformat(post["at"]).tzinfo is not None
    assert post.get("author") is None or isinstance(post["author"], str)


@pytest.mark.parametrize("post", ALL_POSTS, ids=lambda p: p["id"])
def test_clauses_are_policy_ids(post):
    """Clauses are text-checkable ids from CLAUSES.md, without repeats."""
    assert set(post["clauses"]) <= TEXT_CHECKABLE
    assert len(post["clauses"]) == len(set(post["clauses"]))


@pytest.mark.parametrize("post", ALL_POSTS, ids=lambda p: p["id"])
def test_spans_match_text(post):
    """Every span's text equals text[start:end], its clause is labelled and its entity known."""
    for span in post["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(post["text"])
        assert post["text"][span["start"]:span["end"]] == span["text"]
        assert span["clause"] in post["clauses"]
        assert span["entity"] is None or span["entity"] in ENTITIES


@pytest.mark.parametrize("post", ALL_POSTS, ids=lambda p: p["id"])
def test_working_hours_label_matches_time(post):
    """A personal post is labelled 3.1 exactly when its time is inside working hours."""
    expected = post["mode"] == "personal" and in_working_hours(post["at"])
    assert ("3.1" in post["clauses"]) == expected


def test_people_posts_have_spans():
    """Every 4.6 post marks at least one span for clause 4.6."""
    missing = [p["id"] for p in ALL_POSTS if "4.6" in p["clauses"]
               and not any(s["clause"] == "4.6" for s in p["spans"])]
    assert missing == []


def test_council_mode_clauses_only_in_council_mode():
    """Clauses 2.1-2.4 label council-account posts only; 3.1 only personal ones."""
    for post in ALL_POSTS:
        council_only = {"2.1", "2.2", "2.3", "2.4"} & set(post["clauses"])
        assert not council_only or post["mode"] == "council", post["id"]


@pytest.mark.parametrize("name", CORPORA)
def test_every_text_checkable_clause_has_enough_posts(name):
    """Each text-checkable clause labels its minimum of posts (10 dev, 6 others), 4.6 more."""
    spec = CORPORA[name]
    counts = Counter(c for p in LOADED[name] for c in p["clauses"])
    assert {c: counts[c] for c in TEXT_CHECKABLE if counts[c] < spec["per_clause"]} == {}
    assert counts["4.6"] >= spec["people"]


@pytest.mark.parametrize(
    ("at", "inside"),
    [
        ("2026-11-23T10:30:00+00:00", True),   # Monday morning, GMT
        ("2026-11-21T11:00:00+00:00", False),  # Saturday
        ("2026-07-15T08:30:00+00:00", True),   # 09:30 BST
        ("2026-07-15T16:30:00+00:00", False),  # 17:30 BST
        ("2026-11-24T17:05:00+00:00", False),  # after hours
    ],
)
def test_working_hours_helper(at, inside):
    """The test's own working-hours helper reads London time, summer and winter."""
    assert in_working_hours(at) is inside


# ---- the scorer's arithmetic (benchmarks/score_corpus.py), on hand-made warnings ----

def scorer():
    """The scorer module, loaded from its path (benchmarks/ is not a package)."""
    import importlib.util

    path = CORPUS.parent.parent / "benchmarks" / "score_corpus.py"
    spec = importlib.util.spec_from_file_location("score_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def warning(clause, start, end, entity=None, severity="warning"):
    """A PolicyWarning with only the fields the scorer reads filled in."""
    from linter.warning import PolicyWarning, Severity

    level = Severity(severity)
    return PolicyWarning("PL999", "test", clause, level, start, end, "x", "m", (), entity)


TOY = [
    {"id": "a", "text": "Cllr Pike rang 07700 900461", "clauses": ["4.6"],
     "spans": [{"start": 0, "end": 9, "text": "Cllr Pike", "clause": "4.6", "entity": "PERSON"},
               {"start": 15, "end": 27, "text": "07700 900461", "clause": "4.6",
                "entity": "PHONE_NUMBER"}]},
    {"id": "b", "text": "caught a pike", "clauses": [], "spans": []},
    {"id": "c", "text": "the council are idiots", "clauses": ["4.7"], "spans": []},
]


def test_clause_scores_count_posts():
    """A clause is a hit, a false alarm or a miss once per post."""
    found = {"a": (warning("4.6", 5, 9, "PERSON"),), "b": (warning("4.6", 9, 13, "PERSON"),),
             "c": ()}
    scores = scorer().clause_scores(TOY, found)
    assert (scores["4.6"]["tp"], scores["4.6"]["fp"], scores["4.6"]["fn"]) == (1, 1, 0)
    assert (scores["4.7"]["recall"], scores["4.7"]["precision"]) == (0.0, None)


def test_span_scores_overlap_exact_and_typed():
    """Overlap, exact and typed matching differ as their names say."""
    found = {"a": (warning("4.6", 5, 9, "ROLE"), warning("4.6", 15, 27, "PHONE_NUMBER")),
             "b": (), "c": ()}
    spans = scorer().span_scores(TOY, found)
    assert spans["overlap"]["ALL"]["recall"] == 1.0
    assert spans["exact"]["ALL"]["recall"] == 0.5
    assert spans["typed"]["PERSON"]["recall"] == 0.0
    assert spans["typed"]["PHONE_NUMBER"]["precision"] == 1.0


def test_clean_scores_and_targets():
    """A warning on a clean post is a false alarm; targets fail the run only when asked."""
    sc = scorer()
    found = {"a": (), "b": (warning("4.6", 9, 13, "PERSON", "error"),), "c": ()}
    figures = sc.score(TOY, found)
    assert figures["clean"] == {"clean_posts": 1, "with_any_warning": 1, "any_warning_share": 1.0,
                                "with_warning_or_error": 1, "warning_or_error_share": 1.0,
                                "with_error": 1, "error_share": 1.0}
    assert sc.failures(figures, min_recall=None, max_false_alarms=None) == []
    assert len(sc.failures(figures, min_recall=0.9, max_false_alarms=0.03)) == 3
