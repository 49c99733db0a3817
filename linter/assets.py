"""Reading the model layer's plain-text assets (``models/patterns/*.txt``).

A pattern list is one entry a line, ``#`` starts a comment, blank lines are ignored, entries
are case-insensitive. In a source checkout the files are read from ``models/``; an installed
package carries them as ``postlint_models``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    """The folder holding the model layer's assets."""
    if _CHECKOUT.is_dir():
        return _CHECKOUT
    return Path(str(resources.files("postlint_models")))


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The entries of ``models/patterns/<name>.txt``, comments and blanks removed."""
    text = (models_dir() / "patterns" / f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(e for e in entries if e)
