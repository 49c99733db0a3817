"""Resident memory of the service after start and after 10,000 lints.

    python benchmarks/service_memory.py [--lints 10000]

Goal (issue 4): ≤ 300 MB after start, growth ≤ 5% after 10,000 lints. Linux (/proc) only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _service import posts, start_service  # noqa: E402

from extension_host.autostart import UnixHTTPConnection  # noqa: E402


def rss_mb(pid: int) -> float:
    """The process's resident set size in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def lint_all(sock: Path, texts: list[str]) -> None:
    """Lint every text over one keep-alive connection."""
    conn = UnixHTTPConnection(sock, timeout=60)
    for text in texts:
        conn.request("POST", "/v1/lint", body=json.dumps({"text": text}).encode())
        response = conn.getresponse()
        response.read()
        assert response.status == 200, response.status
    conn.close()


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lints", type=int, default=10_000)
    args = parser.parse_args()
    proc, sock = start_service()
    try:
        after_start = rss_mb(proc.pid)
        texts = posts(2000, seed=9)
        lint_all(sock, texts[:100])
        warm = rss_mb(proc.pid)
        lint_all(sock, (texts * (args.lints // len(texts) + 1))[: args.lints])
        after = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    print(f"RSS after start:            {after_start:7.1f} MB")
    print(f"RSS after 100 warm-up lints:{warm:7.1f} MB")
    print(f"RSS after {args.lints:,} more lints: {after:7.1f} MB  (growth {100 * (after - warm) / warm:+.1f}% vs warm, "
          f"{100 * (after - after_start) / after_start:+.1f}% vs start)")


if __name__ == "__main__":
    main()
