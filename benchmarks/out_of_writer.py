"""The whole linter on every corpus but the measuring one (sealed2), its classifier measured on writers it never saw.

Each corpus was written by a different writer. ``benchmarks/train_classifier.py --cv-only
--dump SCORES.json`` holds out the corpora one or two writers at a time (its ``FOLDS``), trains a
classifier on the rest and writes, for every post, the scores of the model that did not see it. This script lints every post with the real
detectors and rules, but takes the classifier's post scores from that file (the sentence it
highlights still comes from the shipped model), and prints per clause and corpus precision /
recall, pooled figures, and the clean posts warned (any level, and above ``info``).

    python benchmarks/train_classifier.py --cv-only --dump /tmp/loco.json
    python benchmarks/out_of_writer.py /tmp/loco.json
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

from train_classifier import SOURCES

from linter.detect.classifier import ClauseClassifier
from linter.lint import load_linter

ROOT = Path(__file__).resolve().parent.parent
CLAUSES = ("2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8",
           "4.9", "4.10", "5.1")


class OutOfWriter(ClauseClassifier):
    """The shipped classifier detector, firing on another model's post scores (set per post)."""

    scores_now: dict[str, float] = {}

    def read_post(self, post, masks):
        """The out-of-writer scores of the post being linted (the sentences still from the shipped model)."""
        _, spans, by_sentence = super().read_post(post, masks)
        return self.scores_now, spans, by_sentence


def lint_all(scores: dict[str, dict]) -> list[dict]:
    """Every post of every source: its labels, the clauses warned, and whether a warning is above info."""
    linter = load_linter()
    detector = next(d for d in linter.detectors if isinstance(d, ClauseClassifier))
    detector.__class__ = OutOfWriter
    out = []
    for source in SOURCES:
        for line in (ROOT / "corpus" / f"{source}.jsonl").read_text(encoding="utf-8").splitlines():
            post = json.loads(line)
            detector.scores_now = scores[post["id"]]
            found = linter.lint(post["text"], mode=post["mode"], at=datetime.fromisoformat(post["at"]),
                                author=post.get("author"))
            out.append({"source": source, "gold": set(post["clauses"]), "warned": {w.clause for w in found},
                        "loud": any(w.severity.value != "info" for w in found)})
    return out


def pr(rows: list[dict], clause: str) -> str:
    """``P/R`` of one clause over some rows."""
    tp = sum(clause in r["gold"] and clause in r["warned"] for r in rows)
    fp = sum(clause not in r["gold"] and clause in r["warned"] for r in rows)
    fn = sum(clause in r["gold"] and clause not in r["warned"] for r in rows)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{p:4.2f}/{r:4.2f}"


def report(rows: list[dict]) -> None:
    """Per clause, per source and pooled; then the clean posts warned."""
    print("clause  " + " ".join(f"{s[:9]:>10}" for s in SOURCES) + "     pooled")
    for clause in CLAUSES:
        cells = " ".join(f"{pr([r for r in rows if r['source'] == s], clause):>10}" for s in SOURCES)
        print(f"{clause:6}  {cells}  {pr(rows, clause):>10}")
    clean = [r for r in rows if not r["gold"]]
    cells = " ".join(f"{sum(bool(r['warned']) for r in clean if r['source'] == s):>4}/"
                     f"{sum(r['source'] == s for r in clean):<5}" for s in SOURCES)
    print(f"clean   {cells}  any {sum(bool(r['warned']) for r in clean)}/{len(clean)}, "
          f"above info {sum(r['loud'] for r in clean)}/{len(clean)}")


def main(argv: list[str] | None = None) -> None:
    """Read the out-of-writer scores, lint, report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scores", type=Path, help="the --dump file of benchmarks/train_classifier.py --cv-only")
    args = ap.parse_args(argv)
    report(lint_all(json.loads(args.scores.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
