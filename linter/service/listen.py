"""Binding the service: one instance per socket, a private socket file, loopback TCP with a token.

A lock file beside the socket lets only one service start for it, so two native hosts
starting the service at once cannot race. The socket is created 0600 in a 0700 folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket as socketlib
from pathlib import Path

from aiohttp import web

from ..errors import PostlintError
from ..paths import check_socket_path, lock_path, private_dir

log = logging.getLogger("postlint.service")


class AlreadyRunning(PostlintError):
    """Another service already holds this socket."""


def acquire_lock(socket: Path):
    """Hold the socket's lock file for the life of the process; AlreadyRunning if taken."""
    handle = os.fdopen(os.open(lock_path(socket), os.O_RDWR | os.O_CREAT, 0o600), "r+b")
    try:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows: no flock; the live-socket check below still applies
        pass
    except OSError:
        handle.close()
        raise AlreadyRunning(f"a postlint service is already starting or running on {socket}") from None
    return handle


def socket_in_use(path: Path) -> bool:
    """True when something accepts connections on the Unix socket at ``path``."""
    with socketlib.socket(socketlib.AF_UNIX, socketlib.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        try:
            probe.connect(os.fspath(path))
        except OSError:
            return False
    return True


def prepare_socket(path: Path) -> None:
    """Make the private folder and clear a stale socket file; refuse a live one."""
    check_socket_path(path)
    private_dir(path.parent)
    if path.exists() or path.is_symlink():
        if socket_in_use(path):
            raise AlreadyRunning(f"a postlint service is already running on {path}")
        path.unlink()


async def bind_unix(runner: web.AppRunner, path: Path) -> None:
    """Listen on the Unix socket, created owner-only (0600) from the first moment."""
    old = os.umask(0o177)
    try:
        await web.UnixSite(runner, os.fspath(path)).start()
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    log.info("listening on %s", path)


async def serve(app: web.Application, *, socket: Path, tcp: tuple[str, int] | None = None) -> None:
    """Start the app (loading models), listen, and serve until SIGTERM or SIGINT."""
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    try:
        await bind_unix(runner, socket)
        if tcp:
            await web.TCPSite(runner, tcp[0], tcp[1]).start()
            log.info("listening on %s:%d (token required)", *tcp)
        await wait_for_signal()
    finally:
        await runner.cleanup()
        with contextlib.suppress(OSError):
            socket.unlink()
        log.info("stopped")


async def wait_for_signal() -> None:
    """Return when the process is asked to stop."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()
