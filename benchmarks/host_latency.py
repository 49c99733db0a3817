"""End-to-end latency through ``postlint-host`` for 280-character posts, beside in-process lint time.

    python benchmarks/host_latency.py [--requests 1000]

Goal (issue 4): p95 ≤ 25 ms through the host, transport overhead ≤ 2 ms at p50.
"""

from __future__ import annotations

import argparse
import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _service import percentiles, posts, start_service  # noqa: E402

from linter.lint import load_linter  # noqa: E402
from linter.wire import to_wire  # noqa: E402

AT = "2026-11-21T19:00:00+00:00"


def through_host(texts: list[str], sock: Path) -> tuple[list[float], list[float]]:
    """Round-trip milliseconds per post through a real host, and the service's own elapsed_ms."""
    env = {**os.environ, "POSTLINT_SOCKET": str(sock), "POSTLINT_NO_AUTOSTART": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "extension_host.host"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=env)
    rtt, served = [], []
    for i, text in enumerate(texts):
        body = json.dumps({"id": i, "type": "lint", "text": text, "at": AT}).encode()
        began = time.perf_counter()
        proc.stdin.write(struct.pack("=I", len(body)) + body)
        proc.stdin.flush()
        (size,) = struct.unpack("=I", proc.stdout.read(4))
        reply = json.loads(proc.stdout.read(size))
        rtt.append((time.perf_counter() - began) * 1000)
        served.append(reply["elapsed_ms"])
    proc.stdin.close()
    proc.wait()
    return rtt, served


def in_process(texts: list[str]) -> list[float]:
    """Milliseconds per post for lint + wire shaping in this process."""
    from datetime import datetime

    linter, at, out = load_linter(), datetime.fromisoformat(AT), []
    for text in texts:
        began = time.perf_counter()
        to_wire(linter.lint(text, at=at), text)
        out.append((time.perf_counter() - began) * 1000)
    return out


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args()
    texts = posts(args.requests)
    proc, sock = start_service()
    try:
        through_host(texts[:50], sock)  # warm-up
        rtt, served = through_host(texts, sock)
    finally:
        proc.terminate()
        proc.wait()
    local = in_process(texts[:50] + texts)[50:]
    show = lambda name, v: print(f"{name:<36}" + "  ".join(f"{k} {x:6.2f} ms" for k, x in percentiles(v).items()))  # noqa: E731
    print(f"{args.requests} posts of 280 characters")
    show("through postlint-host (round trip)", rtt)
    show("service's own time (elapsed_ms)", served)
    show("in-process lint + wire", local)
    overhead = [r - s for r, s in zip(rtt, served)]
    show("transport overhead (rtt - service)", overhead)
    print(f"p50 host - p50 in-process: {percentiles(rtt)['p50'] - percentiles(local)['p50']:.2f} ms")


if __name__ == "__main__":
    main()
