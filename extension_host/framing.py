"""The browsers' native messaging frames: a 32-bit native-endian length, then UTF-8 JSON.

Replies to the browser are capped at 1 MB (Chrome's limit for messages from a host).
Requests from the browser are capped at ``MAX_REQUEST``; a longer frame is skipped
(read and discarded, up to ``MAX_SKIP``) and answered with an error, so the stream stays
in step. Anything that cannot be resynchronised ends the stream cleanly.
"""

from __future__ import annotations

import json
import struct
from typing import BinaryIO

HEADER = struct.Struct("=I")  # native byte order, 4 bytes, as the browsers send it
MAX_REPLY = 1024 * 1024
MAX_REQUEST = 1024 * 1024
MAX_SKIP = 64 * 1024 * 1024
CHUNK = 64 * 1024


class FrameError(Exception):
    """A frame that cannot be used; ``fatal`` when the stream cannot continue after it."""

    def __init__(self, code: str, message: str, *, fatal: bool):
        super().__init__(message)
        self.code, self.fatal = code, fatal


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes, fewer only at end of stream."""
    parts, remaining = [], size
    while remaining:
        chunk = stream.read(min(remaining, CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def read_frame(stream: BinaryIO) -> bytes | None:
    """The next frame's body; None at a clean end of stream; ``FrameError`` for a bad frame."""
    header = read_exactly(stream, HEADER.size)
    if not header:
        return None
    if len(header) < HEADER.size:
        raise FrameError("truncated-frame", "the stream ended inside a frame header", fatal=True)
    (size,) = HEADER.unpack(header)
    if size > MAX_REQUEST:
        skip(stream, size)
        raise FrameError("too-large", f"a request of {size:,} bytes exceeds {MAX_REQUEST:,}", fatal=False)
    body = read_exactly(stream, size)
    if len(body) < size:
        raise FrameError("truncated-frame", "the stream ended inside a frame", fatal=True)
    return body


def skip(stream: BinaryIO, size: int) -> None:
    """Discard an oversized frame's body, or give up (fatally) when it is absurdly large."""
    if size > MAX_SKIP:
        raise FrameError("too-large", f"a request of {size:,} bytes is far over the limit", fatal=True)
    remaining = size
    while remaining:
        chunk = stream.read(min(remaining, CHUNK))
        if not chunk:
            raise FrameError("truncated-frame", "the stream ended inside an oversized frame", fatal=True)
        remaining -= len(chunk)


def decode(body: bytes) -> object:
    """A frame's body as JSON; ``FrameError`` (not fatal) when it is not UTF-8 JSON."""
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FrameError("bad-json", "the message is not UTF-8 JSON", fatal=False) from None


def encode(message: dict) -> bytes:
    """One framed reply; a reply over 1 MB has its warnings cut to fit, or becomes an error."""
    body = dump(message)
    if len(body) > MAX_REPLY:
        body = dump(shrink(message))
    return HEADER.pack(len(body)) + body


def dump(message: dict) -> bytes:
    """Compact UTF-8 JSON (lone surrogates escaped, so it always encodes)."""
    return json.dumps(message, separators=(",", ":"), ensure_ascii=True).encode("utf-8")


def shrink(message: dict) -> dict:
    """The reply cut under the cap: as many leading warnings as fit, flagged ``truncated``."""
    warnings = message.get("warnings")
    if isinstance(warnings, list):
        keep = len(warnings)
        while keep:
            keep //= 2
            smaller = {**message, "warnings": warnings[:keep], "truncated": True}
            if len(dump(smaller)) <= MAX_REPLY:
                return smaller
    error = {"code": "reply-too-large", "message": "the reply would exceed the browser's 1 MB limit"}
    return {"id": message.get("id"), "error": error}
