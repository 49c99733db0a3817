"""Half-open spans: choosing the best of overlapping findings in O(n log n)."""

from __future__ import annotations

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
