"""Thin request handlers: validate, hand the work to the engine, shape the reply.

Every error is ``{"error": {"code": ..., "message": ...}}`` with a fitting status; no stack
trace ever reaches the client, and post text never reaches the log.
"""

from __future__ import annotations

import json
import os
import time

from aiohttp import web

from .. import __version__
from ..errors import InputError
from ..request import lint_fields
from ..wire import to_wire
from . import keys


class RequestError(Exception):
    """A request the service refuses: an HTTP status, an error code and a plain message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> web.Response:
    """The one JSON shape of every error reply."""
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


async def lint(request: web.Request) -> web.Response:
    """``POST /v1/lint``: warnings with code-point and UTF-16 offsets, and the time taken."""
    began = time.perf_counter()
    fields = parse_lint_request(await read_json(request))
    linter = request.app[keys.ENGINE].linter
    warnings = await request.app[keys.LIMITER].run(lint_to_wire, linter, fields)
    elapsed = round((time.perf_counter() - began) * 1000, 3)
    return web.json_response({"warnings": warnings, "elapsed_ms": elapsed})


def lint_to_wire(linter, fields: dict) -> list[dict]:
    """Lint on a worker thread and shape the warnings for the browser there too."""
    text = fields["text"]
    return to_wire(linter.lint(text, mode=fields["mode"], at=fields["at"], author=fields["author"]), text)


async def read_json(request: web.Request) -> object:
    """The request body as JSON (size already capped by the application), else a 400."""
    body = await request.read()
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise RequestError(400, "bad-json", "the body is not UTF-8") from None
    except (ValueError, RecursionError):
        raise RequestError(400, "bad-json", "the body is not valid JSON") from None


def parse_lint_request(data: object) -> dict:
    """Check the fields of a lint request (``linter.request``); a wrong one is a 422 that names it."""
    try:
        return lint_fields(data)
    except InputError as exc:
        raise RequestError(422, "bad-field", str(exc)) from None


async def health(request: web.Request) -> web.Response:
    """``GET /v1/health``: status, model, profile (with any reload problems), uptime."""
    engine = request.app[keys.ENGINE]
    models, profile = engine.linter.models, engine.linter.profile
    return web.json_response({
        "status": "degraded" if engine.problems else "ok",
        "version": __version__,
        "model": {"name": models.name, "version": models.version},
        "profile": {
            "name": profile.name,
            "version": profile.version,
            "path": profile.path,
            "problems": list(engine.problems),
        },
        "uptime": round(time.monotonic() - request.app[keys.STARTED], 3),
        "uptime_s": round(time.monotonic() - request.app[keys.STARTED], 3),
        "queue": {"in_flight": request.app[keys.LIMITER].in_flight, "size": request.app[keys.LIMITER].queue_size},
        "pid": os.getpid(),
    })


async def rules(request: web.Request) -> web.Response:
    """``GET /v1/rules``: every rule as the profile sets it (the body is built once per profile)."""
    return web.Response(text=request.app[keys.ENGINE].rules_body, content_type="application/json")


def input_error(exc: InputError) -> RequestError:
    """The linter's own refusal of a text, as a 422."""
    return RequestError(422, "bad-input", str(exc))
