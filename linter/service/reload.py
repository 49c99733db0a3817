"""The watcher that reloads the clerk's profile while the service runs.

The watcher polls the profile's files (no extra dependency, works on every platform). A
change that loads cleanly swaps in a new linter built on the same models; a broken edit is
logged and shown in health as ``path:line: message`` while the last good profile keeps
serving. What the watcher logs or shows never quotes the lists (names, aliases, roles,
terms): problems are the profile's public wording, and an unexpected failure is named by
its exception type only. Nothing short of cancellation stops the watcher.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from pathlib import Path

from ..errors import ProfileError
from ..lint import Linter, load_rules_profile
from ..nlp import Models
from ..profile import public_problems
from .engine import Engine

log = logging.getLogger("postlint.service")

PROFILE_FILES = ("council.toml", "people.csv")


def stamp_of(folder: Path) -> tuple:
    """What identifies the profile files' current contents cheaply: (name, mtime_ns, size)."""
    out = []
    for name in PROFILE_FILES:
        try:
            st = (folder / name).stat()
            out.append((name, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((name, None, None))
    return tuple(out)


def load_candidate(models: Models, folder: Path) -> Linter:
    """Load the profile again and build a linter on the same models (runs off the event loop)."""
    return Linter.build(models, load_rules_profile(folder))


def unexpected(folder: Path, exc: BaseException) -> str:
    """Health's problem for a reload that failed unexpectedly: the exception type, nothing it says."""
    return f"{folder}:0: the profile could not be reloaded ({type(exc).__name__}; see the service log)"


def log_unexpected(what: str, exc: BaseException) -> None:
    """Log an unexpected failure by type and code frames; its message may quote the lists, so not that."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("%s: unexpected %s; the last good profile keeps serving\n%s", what, type(exc).__name__, frames)


async def reload_once(engine: Engine, folder: Path) -> bool:
    """Load the profile again; swap it in when clean, else keep the old one. True if swapped."""
    loop = asyncio.get_running_loop()
    try:
        linter = await loop.run_in_executor(None, load_candidate, engine.linter.models, folder)
    except ProfileError as exc:
        engine.problems = public_problems(exc.problems)
        for problem in engine.problems:
            log.warning("profile not reloaded: %s", problem)
        return False
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the watcher or the service
        engine.problems = (unexpected(folder, exc),)
        log_unexpected("profile not reloaded", exc)
        return False
    engine.swap(linter)
    log.info("profile reloaded: %s version %s", linter.profile.name, linter.profile.version)
    return True


async def poll_once(engine: Engine, folder: Path) -> bool:
    """Reload when the files changed since the last look; True if a new profile was swapped in."""
    stamp = stamp_of(folder)
    if stamp == engine.stamp:
        return False
    engine.stamp = stamp
    return await reload_once(engine, folder)


async def watch(engine: Engine, folder: Path, *, interval_s: float) -> None:
    """Poll the profile folder until cancelled; an unexpected failure is logged and polling goes on."""
    engine.stamp = stamp_of(folder)
    while True:
        await asyncio.sleep(interval_s)
        try:
            await poll_once(engine, folder)
        except Exception as exc:  # noqa: BLE001 - keep watching whatever went wrong
            log_unexpected("profile watcher", exc)
