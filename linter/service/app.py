"""The application factory and the runner: ``init_app`` builds the app, ``run`` serves it.

The models and the profile are loaded in a cleanup context before the socket is bound, so a
socket that answers is a service that is ready. Linting runs on a one-thread executor behind
a bounded queue, which keeps ``/v1/health`` responsive under load.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from aiohttp import web

from .. import paths
from ..lint import Linter, load_linter
from . import handlers, keys
from .auth import allowed_hosts, new_token, parse_tcp, write_token
from .config import ServiceConfig
from .limits import Limiter
from .listen import acquire_lock, prepare_socket, serve
from .middleware import json_errors, tcp_guard
from .engine import Engine
from .reload import watch

log = logging.getLogger("postlint.service")


def init_app(config: ServiceConfig | None = None, *, linter: Linter | None = None) -> web.Application:
    """Build the service; pass ``linter`` to reuse models already loaded (tests, benchmarks)."""
    config = config or ServiceConfig()
    app = web.Application(client_max_size=config.max_body, middlewares=[json_errors, tcp_guard])
    app[keys.CONFIG] = config
    app.cleanup_ctx.append(_executor_ctx)
    app.cleanup_ctx.append(_engine_ctx(linter))
    app.cleanup_ctx.append(_watcher_ctx)
    app.router.add_post("/v1/lint", handlers.lint)
    app.router.add_get("/v1/health", handlers.health)
    app.router.add_get("/v1/rules", handlers.rules)
    return app


async def _executor_ctx(app: web.Application) -> AsyncIterator[None]:
    """The lint thread pool and the bounded queue in front of it."""
    config = app[keys.CONFIG]
    executor = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="postlint-lint")
    app[keys.EXECUTOR] = executor
    app[keys.LIMITER] = Limiter(executor, queue_size=config.queue_size, budget_s=config.budget_s)
    app[keys.STARTED] = time.monotonic()
    yield
    executor.shutdown(wait=True, cancel_futures=True)


def _engine_ctx(linter: Linter | None):
    """A cleanup context that loads the models and profile (off the loop) unless given them."""

    async def engine_ctx(app: web.Application) -> AsyncIterator[None]:
        config = app[keys.CONFIG]
        loaded = linter
        if loaded is None:
            loop = asyncio.get_running_loop()
            loaded = await loop.run_in_executor(app[keys.EXECUTOR], _load_warm, config)
        app[keys.ENGINE] = Engine(loaded)
        log.info("serving profile %s with model %s %s", loaded.profile.name, loaded.models.name, loaded.models.version)
        yield

    return engine_ctx


WARM_UP = "Warming up: a quiet evening walk by the river with the dog 🐕, nothing else to report."


def _load_warm(config) -> Linter:
    """Load the models and profile, then lint one fixed sentence so the first real post is not slow."""
    loaded = load_linter(config.profile, pipeline=config.pipeline)
    loaded.lint(WARM_UP)
    return loaded


async def _watcher_ctx(app: web.Application) -> AsyncIterator[None]:
    """Watch the clerk's profile folder for edits (not the bundled demo)."""
    config = app[keys.CONFIG]
    task = None
    if config.profile is not None:
        task = asyncio.create_task(watch(app[keys.ENGINE], Path(config.profile), interval_s=config.reload_interval_s))
    yield
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def run(
    *,
    profile: str | Path | None = None,
    socket: str | Path | None = None,
    tcp: str | None = None,
    pipeline: str | None = None,
    log_level: str = "INFO",
) -> None:
    """Serve until stopped: on the Unix socket, and on loopback ``HOST:PORT`` when ``tcp`` is set.

    Raises ``AlreadyRunning`` when a service holds the socket, ``ValueError`` for a bad
    ``tcp`` or socket path, and ``ProfileError``/``ModelError`` when loading fails.
    """
    logging.basicConfig(level=log_level, stream=sys.stderr, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # chatty; may echo text at DEBUG
    path = paths.socket_path(socket)
    paths.check_socket_path(path)
    address = parse_tcp(tcp) if tcp else None
    paths.private_dir(path.parent)
    lock = acquire_lock(path)
    try:
        prepare_socket(path)
        config = tcp_config(ServiceConfig(profile=Path(profile) if profile else None, pipeline=pipeline), address, path)
        asyncio.run(serve(init_app(config), socket=path, tcp=address))
    finally:
        lock.close()


def tcp_config(config: ServiceConfig, address: tuple[str, int] | None, socket: Path) -> ServiceConfig:
    """With TCP, a fresh token written to its 0600 file and the Host allowlist for the port."""
    if address is None:
        return config
    token = new_token()
    write_token(paths.token_path(socket), token)
    return replace(config, token=token, allowed_hosts=allowed_hosts(address[1]))
