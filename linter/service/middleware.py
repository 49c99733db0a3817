"""Middlewares: the TCP guard, and errors turned into JSON without stack traces or post text."""

from __future__ import annotations

import logging
import traceback

from aiohttp import web

from ..errors import InputError
from . import keys
from .auth import refusal
from .handlers import RequestError, error_response, input_error
from .limits import Busy, OutOfTime

log = logging.getLogger("postlint.service")

HTTP_CODES = {404: "not-found", 405: "method-not-allowed", 413: "too-large"}


@web.middleware
async def json_errors(request: web.Request, handler) -> web.StreamResponse:
    """Every refusal and failure as ``{"error": {...}}``; unexpected ones logged without text."""
    try:
        return await handler(request)
    except InputError as exc:
        return _reply(input_error(exc))
    except RequestError as exc:
        return _reply(exc)
    except Busy as exc:
        return error_response(503, "busy", f"the service is busy ({exc}); try again shortly")
    except OutOfTime as exc:
        return error_response(504, "timeout", f"linting took too long: {exc}")
    except web.HTTPException as exc:
        code = HTTP_CODES.get(exc.status, "http-error")
        return error_response(exc.status, code, exc.reason)
    except Exception as exc:  # noqa: BLE001 - the client gets a clean 500, the log a traceback
        log.error("internal error %s\n%s", type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)))
        return error_response(500, "internal", "the service failed to lint this request")


def _reply(exc: RequestError) -> web.Response:
    """A ``RequestError`` as its JSON reply."""
    return error_response(exc.status, exc.code, exc.message)


def is_tcp(request: web.Request) -> bool:
    """True when the request came over TCP rather than the Unix socket."""
    transport = request.transport
    return transport is not None and isinstance(transport.get_extra_info("sockname"), tuple)


@web.middleware
async def tcp_guard(request: web.Request, handler) -> web.StreamResponse:
    """On TCP: the Host allowlist, no web-page ``Origin``, and the bearer token; else refuse."""
    if is_tcp(request):
        config = request.app[keys.CONFIG]
        refused = refusal(request.headers, token=config.token, hosts=config.allowed_hosts)
        if refused:
            return error_response(*refused)
    return await handler(request)
