"""Start the local service when it is not running, detached in its own session, and wait.

The service binds its socket only once the models are loaded, so "the socket answers
``/v1/health``" means "ready". A lock in the service makes concurrent starts harmless: the
second one exits at once and both hosts wait for the first.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import socket as socketlib
import subprocess
import sys
import time
from pathlib import Path

from linter import paths

READY_TIMEOUT_S = 60.0
POLL_S = 0.1


class UnixHTTPConnection(http.client.HTTPConnection):
    """``http.client`` over a Unix socket (for quick synchronous probes)."""

    def __init__(self, path: Path, *, timeout: float):
        super().__init__("localhost", timeout=timeout)
        self.unix_path = os.fspath(path)

    def connect(self) -> None:
        """Connect to the socket file instead of a TCP address."""
        self.sock = socketlib.socket(socketlib.AF_UNIX, socketlib.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.unix_path)


def probe_health(socket: Path, *, timeout: float = 2.0) -> dict | None:
    """The service's ``/v1/health`` reply, or None when nothing healthy answers."""
    conn = UnixHTTPConnection(socket, timeout=timeout)
    try:
        conn.request("GET", "/v1/health")
        response = conn.getresponse()
        return json.loads(response.read()) if response.status == 200 else None
    except (OSError, ValueError, http.client.HTTPException):
        return None
    finally:
        conn.close()


def service_command(socket: Path, *, profile: str | None = None) -> list[str]:
    """The command line that runs the service with this Python environment."""
    command = [sys.executable, "-m", "linter.service", "--socket", os.fspath(socket)]
    profile = profile or os.environ.get(paths.PROFILE_ENV)
    return command + (["--profile", profile] if profile else [])


def start_service(socket: Path, *, profile: str | None = None) -> subprocess.Popen:
    """Start the service detached from the browser (own session, no stdio), logging to a file."""
    paths.private_dir(socket.parent)
    log_fd = os.open(paths.service_log_path(socket), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        return subprocess.Popen(
            service_command(socket, profile=profile),
            stdin=subprocess.DEVNULL,
            stdout=log_fd,
            stderr=log_fd,
            close_fds=True,
            **detach_options(),
        )
    finally:
        os.close(log_fd)


def detach_options() -> dict:
    """Popen options that let the service outlive the browser and the host."""
    if os.name == "nt":
        flags = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP
        return {"creationflags": flags}
    return {"start_new_session": True}


async def wait_ready(socket: Path, *, process: subprocess.Popen | None = None, timeout: float = READY_TIMEOUT_S) -> bool:
    """Poll until the service answers health; False on timeout or when the start failed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await asyncio.to_thread(probe_health, socket, timeout=1.0):
            return True
        if process is not None and process.poll() not in (None, 0):
            return False  # exit 0 is "another service is starting": keep waiting for it
        await asyncio.sleep(POLL_S)
    return False


async def ensure_service(socket: Path, *, profile: str | None = None, timeout: float = READY_TIMEOUT_S) -> bool:
    """Make sure a service answers on ``socket``, starting one if needed."""
    if await asyncio.to_thread(probe_health, socket, timeout=1.0):
        return True
    process = start_service(socket, profile=profile)
    return await wait_ready(socket, process=process, timeout=timeout)
