"""The engine the service lints with, and the watcher that reloads the clerk's profile.

The watcher polls the profile's files (no extra dependency, works on every platform). A
change that loads cleanly swaps in a new linter built on the same models; a broken edit is
logged and shown in health as ``path:line: message`` while the last good profile keeps
serving.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ProfileError
from ..lint import Linter, load_rules_profile

log = logging.getLogger("postlint.service")

PROFILE_FILES = ("council.toml", "people.csv")


@dataclass(slots=True)
class Engine:
    """The current linter and the problems of the latest attempt to reload its profile."""

    linter: Linter
    problems: tuple[str, ...] = ()
    reloads: int = 0
    stamp: tuple = field(default=())


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


def reload_once(engine: Engine, folder: Path) -> bool:
    """Load the profile again; swap it in when clean, else keep the old one. True if swapped."""
    try:
        profile = load_rules_profile(folder)
    except ProfileError as exc:
        engine.problems = tuple(str(p) for p in exc.problems)
        for problem in engine.problems:
            log.warning("profile not reloaded: %s", problem)
        return False
    engine.linter = Linter.build(engine.linter.models, profile)
    engine.problems = ()
    engine.reloads += 1
    log.info("profile reloaded: %s version %s", profile.name, profile.version)
    return True


async def watch(engine: Engine, folder: Path, *, interval_s: float) -> None:
    """Poll the profile folder forever, reloading (off the event loop) when its files change."""
    engine.stamp = stamp_of(folder)
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(interval_s)
        stamp = stamp_of(folder)
        if stamp != engine.stamp:
            engine.stamp = stamp
            await loop.run_in_executor(None, reload_once, engine, folder)
