"""Back-pressure for CPU-bound linting: a bounded queue in front of the executor and a budget.

A request is refused with ``Busy`` (503) when ``queue_size`` requests are already waiting or
running, and with ``OutOfTime`` (504) when its result is not ready within the budget. A slot
is freed only when the work itself finishes, so abandoned work still counts against the
queue and a slow burst cannot pile up unbounded threads of work.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import Executor
from typing import TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Too many requests are queued; try again shortly."""


class OutOfTime(Exception):
    """The request did not finish within its time budget."""


class Limiter:
    """Runs functions on an executor with at most ``queue_size`` in flight and a time budget."""

    def __init__(self, executor: Executor, *, queue_size: int, budget_s: float):
        self.executor = executor
        self.queue_size = queue_size
        self.budget_s = budget_s
        self.in_flight = 0

    async def run(self, fn: Callable[..., T], *args) -> T:
        """Run ``fn(*args)`` on the executor, or raise ``Busy`` / ``OutOfTime``."""
        if self.in_flight >= self.queue_size:
            raise Busy(f"{self.in_flight} requests are already queued")
        deadline = time.monotonic() + self.budget_s
        self.in_flight += 1
        future = asyncio.get_running_loop().run_in_executor(self.executor, _before, deadline, fn, args)
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.budget_s)
        except TimeoutError:
            raise OutOfTime(f"no result within {self.budget_s:g} s") from None

    def _release(self, _future: asyncio.Future) -> None:
        """Free the slot when the work is really done (or skipped)."""
        self.in_flight -= 1
        if not _future.cancelled():
            _future.exception()  # mark retrieved: an abandoned failure is not an error to log


def _before(deadline: float, fn: Callable[..., T], args: tuple) -> T:
    """Skip work whose caller has already given up waiting for it."""
    if time.monotonic() > deadline:
        raise OutOfTime("the request waited in the queue past its budget")
    return fn(*args)
