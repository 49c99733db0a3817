"""Whose address: one decision (``rules.personal_data.own_addresses``) for clause 4.6 and clause 5.1 alike."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from linter.rules.base import Context
from linter.rules.personal_data import own_addresses

SATURDAY_EVENING = datetime(2026, 11, 21, 19, 30, tzinfo=timezone.utc)

CASES = [
    ("We live at 14 Meadow Close if anyone has a spare key.", ["14 Meadow Close"]),
    ("Parcels for me can go to 8 Mill Lane, Thrapston NN14 4AF if I'm out.", ["8 Mill Lane", "NN14 4AF"]),
    ("Parcels for 21 Harrier Way, NN14 4RT (that's me) keep ending up in Islip.", ["21 Harrier Way", "NN14 4RT"]),
    ("New to the area, I'm at 47 Huntingdon Road if any neighbours want to say hi", ["47 Huntingdon Road"]),
    ("Party invites going out! 23 Orchard Close, bring a bottle", ["23 Orchard Close"]),
    ("Party at Jodie's, 41 Chapel Street, Raunds from 8.", []),
    ("Parcel left at Flat 2, 10 Market Street by mistake.", []),
    ("The party is at 14 Oundle Road.", []),
    ("She lives at 14 Oundle Road now.", []),
    ("Parcel for me? Send it to 77 High Street.", []),  # the council's own address
]


def context(linter, text: str) -> Context:
    """The rules' view of one personal post."""
    return linter.context(text, at=SATURDAY_EVENING)


@pytest.mark.model
@pytest.mark.parametrize(("text", "own"), CASES)
def test_own_addresses(linter, text, own):
    """The writer's own addresses and postcodes, exactly."""
    assert [m.text for m in own_addresses(context(linter, text))] == own


@pytest.mark.model
@pytest.mark.parametrize(("text", "own"), CASES)
def test_clauses_agree_on_whose_address(linter, text, own):
    """Each address is someone's (clause 4.6) or the writer's (5.1, the address or its phrase), never both."""
    ctx = context(linter, text)
    warnings = linter.lint(text, at=SATURDAY_EVENING)
    for m in (m for m in ctx.of("pii") if m.entity in ("ADDRESS", "UK_POSTCODE")):
        if any(c.label == "address" and c.overlaps(m) for c in ctx.of("council")):
            continue
        clauses = {w.clause for w in warnings if w.start < m.end and m.start < w.end}
        assert ("5.1" in clauses) == (m.text in own), (m.text, clauses)
        assert ("4.6" in clauses) == (m.text not in own), (m.text, clauses)
