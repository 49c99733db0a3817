"""Relay the extension's requests to the local service over its Unix socket.

One ``Relay`` keeps a keep-alive HTTP connection pool to the service. Each request frame
becomes one HTTP call; its reply frame carries the request's ``id``, so the extension can
keep one long-lived port with several requests in flight. When the service is not running
the relay starts it once (see ``autostart``) and retries.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp

log = logging.getLogger("postlint.host")

LINT_FIELDS = ("text", "mode", "at", "author")
ROUTES = {"lint": ("POST", "/v1/lint"), "health": ("GET", "/v1/health"), "rules": ("GET", "/v1/rules")}
TIMEOUT_S = 30.0
RETRY_START_S = 30.0  # after a failed start, answer at once instead of starting again per keystroke


class Unavailable(Exception):
    """The service cannot be reached (and could not be started)."""


class Relay:
    """Forwards requests to the service on ``socket``; ``starter`` starts it when it is down."""

    def __init__(self, socket: Path, *, starter: Callable[[], Awaitable[bool]] | None = None):
        self.socket = socket
        self.starter = starter
        self.session: aiohttp.ClientSession | None = None
        self.start_lock = asyncio.Lock()
        self.failed_at: float | None = None  # when the last start attempt failed

    async def __aenter__(self) -> Relay:
        connector = aiohttp.UnixConnector(path=str(self.socket), limit=8)
        timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
        self.session = aiohttp.ClientSession(connector=connector, timeout=timeout)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()

    async def call(self, kind: str, message: dict) -> tuple[int, dict]:
        """Send one request of ``kind`` (``lint``, ``health``, ``rules``); status and JSON reply."""
        method, path = ROUTES[kind]
        body = {k: message[k] for k in LINT_FIELDS if k in message} if method == "POST" else None
        try:
            return await self._send(method, path, body)
        except (aiohttp.ClientConnectionError, FileNotFoundError, ConnectionRefusedError):
            await self._start()
            return await self._send(method, path, body)

    async def _send(self, method: str, path: str, body: dict | None) -> tuple[int, dict]:
        """One HTTP call to the service."""
        # UTF-8 as is: escaping every non-ASCII character (6-12 bytes each) would push long
        # posts in other scripts or full of emoji over the service's body limit.
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"} if body is not None else None
        async with self.session.request(method, f"http://postlint{path}", data=data, headers=headers) as response:
            return response.status, await response.json(content_type=None)

    async def _start(self) -> None:
        """Start the service (one attempt at a time), or raise ``Unavailable``."""
        if self.starter is None:
            raise Unavailable("the postlint service is not running")
        async with self.start_lock:
            now = time.monotonic()
            if self.failed_at is not None and now - self.failed_at < RETRY_START_S:
                raise Unavailable("the postlint service could not be started; run `postlint doctor`")
            if not await self.starter():
                self.failed_at = now
                raise Unavailable("the postlint service is not running and could not be started")
            self.failed_at = None
