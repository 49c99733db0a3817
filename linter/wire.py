"""The one place that shapes warnings for the browser: JSON with UTF-16 offsets."""

from __future__ import annotations

from collections.abc import Iterable

from .warning import PolicyWarning


def utf16_offsets(text: str) -> list[int]:
    """For every code-point index 0..len(text), the matching UTF-16 code-unit index.

    Text without astral-plane characters (ASCII, and most posts with accents or curly quotes)
    has one unit per code point, so the table is the identity.
    """
    if text.isascii() or max(text) <= "\uffff":
        return list(range(len(text) + 1))
    return utf16_offsets_by_char(text)


def utf16_offsets_by_char(text: str) -> list[int]:
    """The same table counted character by character: astral-plane characters take two units."""
    table = [0] * (len(text) + 1)
    units = 0
    for i, ch in enumerate(text):
        table[i] = units
        units += 2 if ord(ch) > 0xFFFF else 1
    table[len(text)] = units
    return table


def to_wire(warnings: Iterable[PolicyWarning], text: str) -> list[dict]:
    """Warnings as JSON objects carrying both code-point and UTF-16 (``start16``/``end16``) offsets."""
    table = utf16_offsets(text)
    out = []
    for w in warnings:
        d = w.to_dict()
        d["start16"] = table[w.start]
        d["end16"] = table[w.end]
        out.append(d)
    return out
