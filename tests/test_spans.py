"""Choosing among overlapping findings: ``spans.non_overlapping`` and the detectors that use it."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from linter.detect import council, people, personal_data, tone
from linter.detect.mention import Mention
from linter.spans import in_a_proper_name, non_overlapping


def _spans(items):
    return [(a, b) for a, b, *_ in items]


@pytest.mark.parametrize(("items", "kept"), [
    ([(0, 5, 2), (3, 8, 1)], [(3, 8)]),  # the higher priority wins an overlap
    ([(0, 5, 1), (3, 8, 2)], [(0, 5)]),
    ([(0, 5, 1), (5, 8, 2)], [(0, 5), (5, 8)]),  # touching spans do not overlap
    ([(2, 4, 1), (0, 10, 2), (6, 9, 3)], [(2, 4), (6, 9)]),  # two small ones keep out a big one
    ([(0, 10, 1), (2, 4, 2), (6, 9, 3)], [(0, 10)]),
    ([(4, 6, 1), (0, 3, 2), (8, 9, 3), (2, 5, 4), (5, 8, 5)], [(4, 6), (0, 3), (8, 9)]),
])
def test_non_overlapping_by_priority(items, kept):
    """Items are kept in priority order when they overlap nothing already kept."""
    found = non_overlapping(items, priority=lambda t: t[2], span=lambda t: (t[0], t[1]))
    assert _spans(found) == kept


def test_non_overlapping_ties_keep_input_order():
    """Equal priorities are taken in input order (the sort is stable)."""
    found = non_overlapping([(0, 4, "a"), (2, 6, "b")], priority=lambda t: 0, span=lambda t: (t[0], t[1]))
    assert [t[2] for t in found] == ["a"]


def _random_spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        a = rng.randrange(0, 60)
        out.append((a, a + rng.randrange(1, 12)))
    return out


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


# The hand-written loops the detectors had, kept as the specification of their tie-breaking.
def _old_people(found):
    rank = {e: i for i, e in enumerate(people.EVIDENCE_RANK)}
    kept = []
    for m in sorted(found, key=lambda m: (m.start - m.end, rank.get(m.evidence, 99), m.start)):
        if not any(_overlap(m, k) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _old_council(mentions):
    kept = []
    for _, m in sorted(enumerate(mentions), key=lambda im: (-(im[1].end - im[1].start), im[0])):
        if not any(_overlap(m, k) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _old_tone(hits, per_label):
    kept = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        clash = (k for k in kept if _overlap(k, h))
        if not any(not per_label or k.label == h.label for k in clash):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _old_personal_data(results):
    rank = {e: i for i, e in enumerate(personal_data.PRIORITY)}
    out = []
    for r in sorted(results, key=lambda r: (rank.get(r.entity_type, len(rank)), r.start - r.end, r.start)):
        if not any(_overlap(r, o) for o in out):
            out.append(r)
    return sorted(out, key=lambda r: (r.start, r.end))


@pytest.mark.parametrize("seed", range(300))
def test_detectors_keep_their_tie_breaking(seed):
    """Each detector's resolver keeps exactly what its old pairwise loop kept, in the same order."""
    rng = random.Random(seed)
    spans = _random_spans(rng, rng.randrange(0, 25))
    evidence = [*people.EVIDENCE_RANK, "other"]
    mentions = [Mention("listed-person", a, b, "x" * (b - a), evidence=rng.choice(evidence)) for a, b in spans]
    assert people.resolve(mentions) == _old_people(mentions)
    labelled = [Mention("council", a, b, "x", label=rng.choice(["name", "alias", "place"])) for a, b in spans]
    assert council.keep_longest(labelled) == _old_council(labelled)
    hits = [tone.Hit(a, b, rng.choice(["insult", "negative", "profanity"]), str(i)) for i, (a, b) in enumerate(spans)]
    assert tone._longest(hits) == _old_tone(hits, False)
    assert tone._longest(hits, per_label=True) == _old_tone(hits, True)
    results = [SimpleNamespace(start=a, end=b, entity_type=rng.choice([*personal_data.PRIORITY, "OTHER"])) for a, b in spans]
    assert [id(r) for r in personal_data.resolve(results)] == [id(r) for r in _old_personal_data(results)]


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("If in doubt, report it to Action Fraud today.", "Fraud", True),
    ("Billing for cleans that never happen. Fraud, plain and simple.", "Fraud", False),
    ("Fraud with a coat of arms.", "Fraud", False),
    ("The clerk is a total Idiot", "Idiot", False),
    ("Tell the SERIOUS FRAUD squad", "FRAUD", False),
])
def test_a_word_inside_a_proper_name(text, word, expected):
    """A capitalised word that continues a capitalised name mid-sentence is the name's, not a remark."""
    start = text.index(word)
    assert in_a_proper_name(text, start, start + len(word)) is expected
