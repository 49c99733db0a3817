"""The whole linter on every corpus of the dumps (the ones the classifier trains on, and sealed9 to sealed14 scored with
``train_classifier.py --unseen`` by the model that had not yet seen them; never the measuring sets), its classifier measured on writers it never saw.

Each corpus was written by a different writer. ``benchmarks/train_classifier.py --cv-only
--dump SCORES.json`` holds out the corpora one or two writers at a time (its ``FOLDS``), trains a
classifier on the rest and writes, for every post, the post's and its sentences' scores from the
model that did not see it. This script lints every post with the real detectors and rules, but
the classifier detector reads that file instead of the shipped model, with the thresholds
``train_classifier.report`` chooses from the same scores for ``--pooling``; it prints per clause
and corpus precision / recall, pooled figures, and the clean posts warned (any level, and above
``info``).

    python benchmarks/train_classifier.py --cv-only --dump /tmp/loco.json
    python benchmarks/out_of_writer.py /tmp/loco.json [...] [--pooling post|max] [--show-clean] [--without PL119]
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

from train_classifier import POOLING, SOURCES, read_dumps, report as choose_thresholds

from linter.detect.classifier import ClauseClassifier, sentence_spans
from linter.lint import load_linter

ROOT = Path(__file__).resolve().parent.parent
CLAUSES = ("2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8",
           "4.9", "4.10", "5.1")


class OutOfWriter(ClauseClassifier):
    """The classifier detector, reading another model's scores of the post and its sentences (set per post)."""

    scores_now: dict = {}

    def read_post(self, post, masks):
        """The out-of-writer scores of the post being linted and of its sentences."""
        spans = sentence_spans(post)
        assert len(spans) == len(self.scores_now["sentences"]), "the dump's sentences are not this post's"
        return self.scores_now["post"], spans, self.scores_now["sentences"]


def sources_of(rows) -> list[str]:
    """The corpora of ``rows`` (a dump's values or linted rows): the training ones in ``SOURCES`` order, then the rest."""
    present = {r["source"] for r in (rows.values() if isinstance(rows, dict) else rows)}
    return [s for s in SOURCES if s in present] + sorted(present - set(SOURCES))


def lint_all(scores: dict[str, dict], *, pooling: str, precision: float) -> list[dict]:
    """Every post of every source: its labels, the clauses warned, and whether a warning is above info."""
    linter = load_linter()
    detector = next(d for d in linter.detectors if isinstance(d, ClauseClassifier))
    detector.__class__ = OutOfWriter
    table = choose_thresholds(scores, precision, pooling)
    detector.thresholds = {c: row["threshold"] for c, row in table.items() if row["enabled"]}
    detector.pooling = pooling
    out = []
    for source in sources_of(scores):
        path = ROOT / "corpus" / f"{source}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else ():
            post = json.loads(line)
            detector.scores_now = scores[post["id"]]
            found = linter.lint(post["text"], mode=post["mode"], at=datetime.fromisoformat(post["at"]),
                                author=post.get("author"))
            out.append({"source": source, "gold": set(post["clauses"]), "id": post["id"],
                        "found": [(w.code, w.clause, w.severity.value) for w in found]})
    return out


def without(rows: list[dict], codes: set[str]) -> list[dict]:
    """The rows as if the rules ``codes`` were switched off: what each post is warned of, and whether above info."""
    out = []
    for r in rows:
        found = [f for f in r["found"] if f[0] not in codes]
        out.append(r | {"warned": {clause for _, clause, _ in found}, "loud": any(sev != "info" for *_, sev in found),
                        "codes": sorted(code for code, *_ in found)})
    return out


def pr(rows: list[dict], clause: str) -> str:
    """``P/R`` of one clause over some rows."""
    tp = sum(clause in r["gold"] and clause in r["warned"] for r in rows)
    fp = sum(clause not in r["gold"] and clause in r["warned"] for r in rows)
    fn = sum(clause in r["gold"] and clause not in r["warned"] for r in rows)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{p:4.2f}/{r:4.2f}"


def report(rows: list[dict], *, show_clean: bool = False) -> None:
    """Per clause, per source and pooled; then the clean posts warned (with their ids and codes: ``show_clean``)."""
    sources = sources_of(rows)
    print("clause  " + " ".join(f"{s[:9]:>10}" for s in sources) + "     pooled")
    for clause in CLAUSES:
        cells = " ".join(f"{pr([r for r in rows if r['source'] == s], clause):>10}" for s in sources)
        print(f"{clause:6}  {cells}  {pr(rows, clause):>10}")
    clean = [r for r in rows if not r["gold"]]
    cells = " ".join(f"{sum(bool(r['warned']) for r in clean if r['source'] == s):>4}/"
                     f"{sum(r['source'] == s for r in clean):<5}" for s in sources)
    print(f"clean   {cells}  any {sum(bool(r['warned']) for r in clean)}/{len(clean)}, "
          f"above info {sum(r['loud'] for r in clean)}/{len(clean)}")
    if show_clean:
        print("\n".join(f"  {r['id']}: {' '.join(r['codes'])}" for r in clean if r["warned"]))


def main(argv: list[str] | None = None) -> None:
    """Read the out-of-writer scores, lint, report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scores", type=Path, nargs="+", help="--dump files of benchmarks/train_classifier.py --cv-only (merged)")
    ap.add_argument("--pooling", choices=("post", "max"), default=POOLING)
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--show-clean", action="store_true", help="list the clean posts warned, with the rule codes")
    ap.add_argument("--without", action="append", default=[], help="also report with this rule switched off (repeatable)")
    args = ap.parse_args(argv)
    rows = lint_all(read_dumps(args.scores), pooling=args.pooling, precision=args.precision)
    report(without(rows, set()), show_clean=args.show_clean)
    if args.without:
        print(f"\nwithout {', '.join(args.without)}:")
        report(without(rows, set(args.without)), show_clean=args.show_clean)


if __name__ == "__main__":
    main()
