"""Half-open spans: choosing the best of overlapping findings in O(n log n), the sentence around an offset, a
quoted title around a span, and a word that continues a capitalised name ("Action Fraud")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def non_overlapping(items: Iterable[T], *, priority: Callable[[T], object], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Greedily keep items in ``priority`` order whose span overlaps no item already kept.

    The kept spans are disjoint, so they stay sorted by start and by end alike; each new
    span needs only its two neighbours checked.
    """
    starts: list[int] = []
    ends: list[int] = []
    kept: list[T] = []
    for item in sorted(items, key=priority):
        start, end = span(item)
        i = bisect_right(starts, start)
        if (i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.append(item)
    return kept


SENTENCE_STOPS = ".!?\n"  # what ends a sentence for the plain-text readers (the spaCy parse has its own)


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset ``at`` starts: just after the last stop before it."""
    return max(text.rfind(c, 0, at) for c in SENTENCE_STOPS) + 1


def sentence_end(text: str, at: int, stops: str = SENTENCE_STOPS) -> int:
    """Where the sentence holding offset ``at`` ends: the first of ``stops`` from ``at`` (a clause with ",;" added)."""
    return min((i for i in (text.find(c, at) for c in stops) if i >= 0), default=len(text))


# A short quoted name in capitals ("'The Clerk's Cellar'", "“The Old Bailiff”"): the name of a room, a show or a
# book, not words about anyone. The closing quote has no letter after it, so "Clerk's" stays inside.
_QUOTED_TITLE = re.compile(r"(?<!\w)['‘\"“]((?:[A-Z][\w'’-]*[ ]?){1,6})['’\"”](?!\w)")


def in_quoted_title(text: str, start: int, end: int, *, longer: bool = False) -> bool:
    """True when ``text[start:end]`` lies inside a short quoted name whose every word is capitalised (``longer``: and
    the name holds more than the span, so "'Yesu Azali Awa'" is a title but "'Dan Okafor'" only a quoted name)."""
    return any(m.start(1) <= start and end <= m.end(1) and not (longer and text[m.start(1):m.end(1)].strip() == text[start:end])
               for m in _QUOTED_TITLE.finditer(text, max(0, start - 60), min(len(text), end + 60)))


_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


def in_a_proper_name(text: str, start: int, end: int) -> bool:
    """True when the capitalised word at ``text[start:end]`` continues a capitalised name in the middle of a sentence
    ("report it to Action Fraud", "the Serious Fraud Office"): a service's or a title's word, not a remark."""
    if not text[start:start + 1].isupper() or text[start:end].isupper():
        return False
    head = text[sentence_start(text, start):start]
    before = _NAME_WORD_BEFORE.search(head)
    return before is not None and bool(head[:before.start()].strip())

