"""Reading the model layer's plain-text assets (``models/patterns/*.txt``).

A pattern list is one entry a line, ``#`` starts a comment, blank lines are ignored, entries
are case-insensitive. In a source checkout the files are read from ``models/``; an installed
package carries them as ``postlint_models``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    """The folder holding the model layer's assets."""
    spec = find_spec("postlint_models")  # a data-only (namespace) package: no __init__.py
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    if _CHECKOUT.is_dir():  # running from a source checkout that is not installed
        return _CHECKOUT
    raise FileNotFoundError("the model assets (postlint_models) are not installed")


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The entries of ``models/patterns/<name>.txt``, comments and blanks removed."""
    text = (models_dir() / "patterns" / f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(e for e in entries if e)


@cache
def lower_set(name: str) -> frozenset[str]:
    """The entries of ``models/patterns/<name>.txt`` in lower case, as a set read once for every reader."""
    return frozenset(e.lower() for e in read_lines(name))


def entry_regex(entry: str) -> str:
    """One list entry as a regex: a trailing ``*`` is any ending, ``$NUM`` a number, a space any run of white space."""
    return re.escape(entry).replace(r"\*", r"\w*").replace(r"\$NUM", r"\d+").replace(r"\ ", r"\s+")


def list_alternation(name: str) -> str:
    """The entries of ``models/patterns/<name>.txt`` as one regex alternation, longest first (``entry_regex``).
    Callers add their own word boundaries and flags."""
    return "|".join(map(entry_regex, sorted(read_lines(name), key=len, reverse=True)))
