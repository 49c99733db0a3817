"""The text the clause classifier reads: the profile's own words replaced by placeholders.

A classifier trained on one council's posts would otherwise learn its names ("priya",
"thrapston") instead of what is said about them, and would not carry over to another council's
profile. Before scoring (and before training, ``benchmarks/train_classifier.py``) each listed
person, firm or role becomes its group's placeholder, an unlisted name ``xname``, and the
council's name, alias, address, place or domain a council placeholder; then the text is
lower-cased with straight quotes.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..spans import non_overlapping
from .mention import Mention

MASKED_KINDS = frozenset({"listed-person", "listed-role", "person", "council"})
GROUP_TOKENS = {
    "employee": "xcolleague", "councillor": "xcouncillor", "resident": "xresident",
    "customer": "xcustomer", "contractor": "xfirm", "supplier": "xfirm",
}
COUNCIL_TOKENS = {"name": "xcouncil", "alias": "xcouncil", "address": "xaddress", "place": "xplace"}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def placeholder(m: Mention) -> str | None:
    """The word that stands for a mention, or None when the mention is not masked."""
    if m.kind in ("listed-person", "listed-role") and m.person is not None:
        return GROUP_TOKENS.get(m.person.group)
    if m.kind == "person":
        return "xname"
    if m.kind == "council":
        return COUNCIL_TOKENS.get(m.label, "xdomain")
    return None


def masked(text: str, mentions: Iterable[Mention], *, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with each masked mention inside it replaced by its placeholder (longest
    first where they overlap), lower-cased with straight quotes."""
    end = len(text) if end is None else end
    spans = [(m.start, m.end, token) for m in mentions if start <= m.start and m.end <= end and (token := placeholder(m))]
    keep = sorted(non_overlapping(spans, priority=lambda s: (s[0] - s[1], s[0]), span=lambda s: (s[0], s[1])))
    parts, last = [], start
    for a, b, token in keep:
        parts += [text[last:a], f" {token} "]
        last = b
    parts.append(text[last:end])
    return "".join(parts).lower().translate(_QUOTES)


def masked_with_spans(text: str, mentions: Iterable[Mention],
                      spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``masked(text, mentions)`` and where each of ``spans`` (sentences) lies in it.

    The text is masked piece by piece between the spans' edges, which gives the same string as
    masking it whole; an edge inside a masked mention is not cut at, and a span with such an
    edge widens to the pieces around it.
    """
    mentions = list(mentions)
    inside = [(m.start, m.end) for m in mentions if placeholder(m)]
    edges = {e for span in spans for e in span if not any(a < e < b for a, b in inside)}
    cuts = sorted({0, len(text)} | edges)
    where, pieces, at = {}, [], 0
    for a, b in zip(cuts, cuts[1:]):
        where[a] = at
        pieces.append(masked(text, mentions, start=a, end=b))
        at += len(pieces[-1])
    where[cuts[-1]] = at
    placed = [(where[max(c for c in cuts if c <= a)], where[min(c for c in cuts if c >= b)]) for a, b in spans]
    return "".join(pieces), placed
