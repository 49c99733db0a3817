"""``postlint-host``: the native messaging host the browser starts on ``connectNative``.

Reads request frames from stdin and answers each with one reply frame on stdout, carrying
the request's ``id``. Requests are ``{"id", "type": "lint"|"health"|"rules"|"ping", ...}``;
replies are ``{"id", "warnings": [...], "elapsed_ms"}``, ``{"id", "health": {...}}``,
``{"id", "rules": [...]}``, ``{"id", "pong": true}`` or ``{"id", "error": {"code",
"message"}}``. Only frames go to stdout (stray prints are redirected to stderr); logs go to
stderr and never contain post text. The host exits cleanly when stdin closes.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from functools import partial
from typing import BinaryIO

import aiohttp

from linter import paths

from . import framing
from .autostart import ensure_service
from .relay import ROUTES, Relay, Unavailable

log = logging.getLogger("postlint.host")

MAX_IN_FLIGHT = 64
MAX_ID_CHARS = 256


def error(request_id, code: str, message: str) -> dict:
    """An error reply."""
    return {"id": request_id, "error": {"code": code, "message": message}}


def request_id(message: object):
    """The request's ``id`` when it is a usable one (a short string, an integer or null)."""
    rid = message.get("id") if isinstance(message, dict) else None
    if isinstance(rid, bool) or not isinstance(rid, (str, int, type(None))):
        return None
    if isinstance(rid, str) and len(rid) > MAX_ID_CHARS or isinstance(rid, int) and abs(rid) >= 2**53:
        return None
    return rid


async def answer(body: bytes, relay: Relay) -> dict:
    """The reply to one request frame (never raises)."""
    try:
        message = framing.decode(body)
    except framing.FrameError as exc:
        return error(None, exc.code, str(exc))
    rid = request_id(message)
    if not isinstance(message, dict) or message.get("id", None) != rid:
        return error(rid, "bad-request", "a request is a JSON object with an id that is a string, integer or null")
    kind = message.get("type", "lint")
    if kind == "ping":
        return {"id": rid, "pong": True}
    if not isinstance(kind, str) or kind not in ROUTES:
        return error(rid, "bad-request", f"unknown request type; use one of ping, {', '.join(ROUTES)}")
    return await relayed(rid, kind, message, relay)


async def relayed(rid, kind: str, message: dict, relay: Relay) -> dict:
    """Forward to the service and shape its reply for the browser."""
    try:
        status, reply = await relay.call(kind, message)
    except Unavailable as exc:
        return error(rid, "service-unavailable", f"{exc}; run `postlint doctor`")
    except (aiohttp.ClientError, OSError, ValueError) as exc:
        log.warning("service call failed: %s", type(exc).__name__)
        return error(rid, "service-error", "the postlint service did not answer properly")
    except TimeoutError:
        return error(rid, "timeout", "the postlint service did not answer in time")
    return shape(rid, kind, status, reply)


def shape(rid, kind: str, status: int, reply: object) -> dict:
    """The service's JSON as a reply frame."""
    if not isinstance(reply, dict):
        return error(rid, "service-error", "the postlint service sent an unexpected reply")
    if status != 200:
        err = reply.get("error") if isinstance(reply.get("error"), dict) else {}
        return error(rid, str(err.get("code", "service-error")), str(err.get("message", f"HTTP {status}")))
    if kind == "lint":
        return {"id": rid, "warnings": reply.get("warnings", []), "elapsed_ms": reply.get("elapsed_ms")}
    if kind == "rules":
        return {"id": rid, "rules": reply.get("rules", [])}
    return {"id": rid, "health": reply}


class Output:
    """Writes reply frames, whole, one at a time, to the browser."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream

    def send(self, message: dict) -> None:
        """Frame and flush one reply."""
        self.stream.write(framing.encode(message))
        self.stream.flush()


async def serve(reader: BinaryIO, output: Output, relay: Relay) -> int:
    """Answer frames until stdin closes (or cannot be resynchronised); the exit status."""
    pending: set[asyncio.Task] = set()
    while True:
        try:
            body = await asyncio.to_thread(framing.read_frame, reader)
        except framing.FrameError as exc:
            output.send(error(None, exc.code, str(exc)))
            if exc.fatal:
                break
            continue
        if body is None:
            break
        await _admit(pending)
        task = asyncio.create_task(answer(body, relay))
        task.add_done_callback(partial(_deliver, output, pending))
        pending.add(task)
    if pending:
        await asyncio.wait(pending)
    return 0


async def _admit(pending: set) -> None:
    """Wait for a free slot when too many requests are already in flight."""
    while len(pending) >= MAX_IN_FLIGHT:
        await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)


def _deliver(output: Output, pending: set, task: asyncio.Task) -> None:
    """Send a finished request's reply (a broken pipe means the browser has gone)."""
    pending.discard(task)
    if task.cancelled():
        return
    try:
        reply = task.result()
    except Exception as exc:  # noqa: BLE001 - an answer must never kill the host
        log.error("request failed: %s", type(exc).__name__)
        reply = error(None, "internal", "the postlint host failed to answer this request")
    try:
        output.send(reply)
    except (BrokenPipeError, ValueError, OSError):
        log.info("the browser closed the channel")


def take_stdout() -> BinaryIO:
    """The real stdout for frames; fd 1 then points at stderr, so stray prints cannot corrupt it."""
    frames = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return frames


async def run(reader: BinaryIO, writer: BinaryIO, *, socket=None, autostart: bool = True) -> int:
    """Serve one browser connection on ``reader``/``writer`` relaying to the service socket."""
    path = paths.socket_path(socket)
    starter = partial(ensure_service, path) if autostart else None
    async with Relay(path, starter=starter) as relay:
        return await serve(reader, Output(writer), relay)


def main(argv: list[str] | None = None) -> int:
    """The ``postlint-host`` executable (browsers pass their origin or manifest path: ignored)."""
    logging.basicConfig(level=os.environ.get("POSTLINT_HOST_LOG", "WARNING"), stream=sys.stderr,
                        format="postlint-host %(levelname)s %(message)s")
    writer = take_stdout()
    autostart = os.environ.get("POSTLINT_NO_AUTOSTART", "") in ("", "0")
    try:
        return asyncio.run(run(sys.stdin.buffer, writer, autostart=autostart))
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
