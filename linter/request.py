"""The fields of a lint request, checked in one place for the service, JSONL and the CLI.

Every problem is an ``InputError`` that names the field; nothing echoes the post's text.
"""

from __future__ import annotations

from datetime import datetime, timezone

from .errors import InputError
from .rules.base import MODES

EARLIEST = datetime(1970, 1, 2, tzinfo=timezone.utc)
LATEST = datetime(9000, 1, 1, tzinfo=timezone.utc)


def parse_at(value: object) -> datetime | None:
    """``at``: an ISO 8601 instant from 1970 to 9000 (UTC when it names no offset), or None."""
    if value is None:
        return None
    try:
        at = datetime.fromisoformat(value) if isinstance(value, str) else None
        at = at if at is None or at.tzinfo else at.replace(tzinfo=timezone.utc)
        if at is not None and EARLIEST <= at.astimezone(timezone.utc) <= LATEST:
            return at
    except (ValueError, OverflowError):
        pass
    raise InputError("field 'at' must be an ISO 8601 date and time between 1970 and 9000")


def lint_fields(data: object) -> dict:
    """A request object as ``Linter.lint`` arguments: ``text``, ``mode``, ``at``, ``author``."""
    if not isinstance(data, dict):
        raise InputError("the request must be a JSON object")
    if not isinstance(data.get("text"), str):
        raise InputError("field 'text' must be a string")
    mode = data.get("mode", "personal")
    if not isinstance(mode, str) or mode not in MODES:
        raise InputError(f"field 'mode' must be one of {', '.join(MODES)}")
    author = data.get("author")
    if author is not None and not isinstance(author, str):
        raise InputError("field 'author' must be a string")
    return {"text": data["text"], "mode": mode, "at": parse_at(data.get("at")), "author": author}
