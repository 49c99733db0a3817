"""Shared by the service benchmarks: start a real service on a temporary socket, and posts to lint."""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extension_host.autostart import probe_health

PHRASES = [
    "Dan Okafor", "Priya Raman", "the bins on Huntingdon Road", "Thrapston Town Council", "the meeting",
    "honestly", "what a week", "ring me on 07700 900123", "lovely weather", "the new play park", "😀",
    "Project Heron", "the budget", "my neighbour", "at the market", "again!", "#thrapston", "thanks all",
]


def posts(count: int, *, length: int = 280, seed: int = 4) -> list[str]:
    """``count`` pseudo-random posts of exactly ``length`` characters."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = []
        while len(" ".join(words)) < length:
            words.append(rng.choice(PHRASES))
        out.append(" ".join(words)[:length])
    return out


def start_service() -> tuple[subprocess.Popen, Path]:
    """A real service on a short temporary socket, ready to lint."""
    sock = Path(tempfile.mkdtemp(prefix="plb")) / "s.sock"
    proc = subprocess.Popen([sys.executable, "-m", "linter.service", "--socket", str(sock), "--log-level", "WARNING"],
                            stdin=subprocess.DEVNULL)
    while not probe_health(sock):
        if proc.poll() is not None:
            raise SystemExit("the service did not start")
        time.sleep(0.1)
    return proc, sock


def percentiles(values: list[float]) -> dict[str, float]:
    """p50/p95/p99 of ``values``."""
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99)}
