"""``postlint check --jsonl``: one request a line in, one result a line out, in order."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable
from typing import TextIO

from .errors import InputError
from .lint import Linter
from .request import lint_fields


def parse_line(line: str | bytes) -> object:
    """The JSON value of one line (bytes must be UTF-8); ``InputError`` when it is not JSON."""
    try:
        return json.loads(line.removeprefix(codecs.BOM_UTF8).decode("utf-8") if isinstance(line, bytes) else line)
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text at byte {exc.start + 1}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at column {exc.colno}") from exc


def lint_line(linter: Linter, line: str | bytes, n: int) -> dict:
    """The result object for one input line: warnings, or an error that says what is wrong."""
    req_id = n
    try:
        req = parse_line(line)
        req_id = req.get("id", n) if isinstance(req, dict) else n
        fields = lint_fields(req)
        warnings = linter.lint(fields.pop("text"), **fields)
    except InputError as exc:
        return {"id": req_id, "error": {"code": "bad-request", "message": f"line {n}: {exc}"}}
    except Exception as exc:  # noqa: BLE001 - one bad line must not end the stream
        return {"id": req_id, "error": {"code": "internal", "message": f"line {n}: {type(exc).__name__}"}}
    return {"id": req_id, "warnings": [w.to_dict() for w in warnings]}


def run_jsonl(linter: Linter, src: Iterable[str | bytes], out: TextIO) -> int:
    """Lint every line (text, or bytes decoded line by line); a bad line gets an ``error`` and the stream goes on.

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
