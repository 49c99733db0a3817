"""``postlint check --jsonl``: one request a line in, one result a line out, in order."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TextIO

from .errors import InputError
from .lint import Linter


def parse_line(line: str) -> object:
    """The JSON value of one line; ``InputError`` when it is not JSON."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at column {exc.colno}") from exc


def request_fields(req: object) -> dict:
    """A request object as ``Linter.lint`` arguments; ``InputError`` names the bad field."""
    if not isinstance(req, dict):
        raise InputError("each line must be a JSON object")
    if not isinstance(req.get("text"), str):
        raise InputError("field 'text' must be a string")
    at, author = req.get("at"), req.get("author")
    if at is not None:
        try:
            at = datetime.fromisoformat(at)
        except (TypeError, ValueError) as exc:
            raise InputError("field 'at' must be an ISO 8601 time") from exc
    if author is not None and not isinstance(author, str):
        raise InputError("field 'author' must be a string")
    return {"text": req["text"], "mode": req.get("mode", "personal"), "at": at, "author": author}


def lint_line(linter: Linter, line: str, n: int) -> dict:
    """The result object for one input line: warnings, or an error that says what is wrong."""
    req_id = n
    try:
        req = parse_line(line)
        req_id = req.get("id", n) if isinstance(req, dict) else n
        fields = request_fields(req)
        warnings = linter.lint(fields.pop("text"), **fields)
    except InputError as exc:
        return {"id": req_id, "error": {"code": "bad-request", "message": f"line {n}: {exc}"}}
    return {"id": req_id, "warnings": [w.to_dict() for w in warnings]}


def run_jsonl(linter: Linter, src: TextIO, out: TextIO) -> int:
    """Lint every line; a bad line gets an ``error`` object and the stream goes on.

    Exit status: 2 when any line was bad, else 1 when any warning was found, else 0.
    """
    bad = found = False
    for n, line in enumerate(src, 1):
        if line.strip():
            result = lint_line(linter, line, n)
            bad = bad or "error" in result
            found = found or bool(result.get("warnings"))
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
    return 2 if bad else 1 if found else 0
