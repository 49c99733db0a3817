"""Lint time per post, 280 and 5,000 characters, beside Presidio's default analyzer in the same run.

Prints the median and p95 of the whole lint (every detector and rule) and of Presidio's
default analyzer alone (its own spaCy parse, default recognizers) over the same pipeline and
the same texts, and their ratio (below 1.0: postlint is faster).

    python benchmarks/lint_speed.py [--posts 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _texts import make_posts  # noqa: E402


def timings(fns, texts: list[str]) -> list[list[float]]:
    """Milliseconds per call of each of ``fns`` on each text, interleaved text by text.

    Interleaving makes a busy machine slow both sides alike, so the ratio stays fair.
    """
    for t in texts[:2]:
        for fn in fns:
            fn(t)
    out: list[list[float]] = [[] for _ in fns]
    for t in texts:
        for fn, times in zip(fns, out):
            start = time.perf_counter()
            fn(t)
            times.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[-1]


def presidio_default():
    """Presidio's default analyzer over the same pinned pipeline (it parses each text itself)."""
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    os.environ["TLDEXTRACT_CACHE"] = ""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from linter.nlp import DEFAULT_PIPELINE

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": DEFAULT_PIPELINE}])
    engine.load()
    analyzer = AnalyzerEngine(nlp_engine=engine)
    return lambda text: analyzer.analyze(text, language="en")


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=200)
    args = parser.parse_args()
    from datetime import datetime, timezone

    from linter.lint import load_linter

    linter = load_linter()
    at = datetime(2026, 11, 21, 19, tzinfo=timezone.utc)
    ours = lambda text: linter.lint(text, at=at)  # noqa: E731
    theirs = presidio_default()
    print(f"{'length':>7} {'posts':>5} {'postlint p50':>13} {'p95':>8} {'presidio p50':>13} {'p95':>8} {'ratio p50':>9} {'ratio p95':>9}")
    for length, count in ((280, args.posts), (5000, max(20, args.posts // 5))):
        texts = make_posts(length, count)
        a, b = timings((ours, theirs), texts)
        print(
            f"{length:>7} {count:>5} {statistics.median(a):>10.2f} ms {p95(a):>5.2f} ms "
            f"{statistics.median(b):>10.2f} ms {p95(b):>5.2f} ms "
            f"{statistics.median(a) / statistics.median(b):>9.2f} {p95(a) / p95(b):>9.2f}"
        )


if __name__ == "__main__":
    main()
