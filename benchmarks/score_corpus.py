"""Score the linter against the labelled corpus (corpus/posts.jsonl; guide: corpus/README.md).

Prints, for the bundled demo profile:
  * per clause, post-level precision, recall and F1 (a post "predicts" clause c when any
    warning names c; it "is" c when its labels include c);
  * for clause 4.6, span-level precision and recall of person and personal-data spans,
    by overlap and by exact offsets, overall and per entity (recall by the labelled entity,
    precision by the warned entity; "typed" also needs the entities to agree);
  * the share of clean posts (no labels) with any warning (info included), with a warning or
    error (info aside), and with an error-level one.

``--corpus PATH`` scores another labelled file, such as the held-out set
(``--corpus corpus/heldout.jsonl``, written blind to the detectors; see corpus/README.md).
``--verbose`` lists every miss and false alarm; ``--json`` prints the figures as JSON.
The exit status is 0 (it is a report) unless ``--min-recall`` or ``--max-false-alarms`` is
given and missed (targets from issues 2 and 3: recall >= 0.9 for every clause, false alarms
on clean posts <= 0.03). Run: ``python benchmarks/score_corpus.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "posts.jsonl"
SPAN_CLAUSE = "4.6"


def load_posts(path: Path) -> list[dict]:
    """The labelled posts, one JSON object a line."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def lint_all(linter, posts: list[dict]) -> dict[str, tuple]:
    """Lint every post with its own mode, time and author; warnings by post id."""
    return {
        p["id"]: linter.lint(
            p["text"], mode=p["mode"], at=datetime.fromisoformat(p["at"]), author=p.get("author")
        )
        for p in posts
    }


def ratio(num: int, den: int) -> float | None:
    """num/den, or None when nothing was counted."""
    return round(num / den, 3) if den else None


def prf(tp: int, fp: int, fn: int) -> dict:
    """Counts with precision, recall and F1 (None where undefined)."""
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    if p is None or r is None:
        f1 = None
    else:
        f1 = round(2 * p * r / (p + r), 3) if p and r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def clause_order(clause: str) -> tuple[int, ...]:
    """Sort key for clause ids such as 4.10."""
    return tuple(int(part) for part in clause.split("."))


def clause_scores(posts: list[dict], found: dict[str, tuple]) -> dict[str, dict]:
    """Post-level precision, recall and F1 for every clause labelled or predicted."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for post in posts:
        gold, pred = set(post["clauses"]), {w.clause for w in found[post["id"]]}
        for clause in gold | pred:
            counts[clause][(clause not in gold) + 2 * (clause not in pred)] += 1
    return {c: {**prf(*counts[c]), "support": counts[c][0] + counts[c][2]}
            for c in sorted(counts, key=clause_order)}


def gold_spans(post: dict) -> list[dict]:
    """The post's labelled 4.6 spans."""
    return [s for s in post["spans"] if s["clause"] == SPAN_CLAUSE and s["entity"]]


def warned_spans(warnings: tuple) -> list:
    """The 4.6 warnings that carry an entity (a person or an item of personal data)."""
    return [w for w in warnings if w.clause == SPAN_CLAUSE and w.entity]


def matches(gold: dict, warning, *, exact: bool, typed: bool = False) -> bool:
    """True when the warning's span matches the labelled span (and entity, when ``typed``)."""
    if typed and gold["entity"] != warning.entity:
        return False
    if exact:
        return (gold["start"], gold["end"]) == (warning.start, warning.end)
    return gold["start"] < warning.end and warning.start < gold["end"]


def span_counts(posts: list[dict], found: dict[str, tuple], **how) -> dict[str, list[int]]:
    """[tp, fp, fn] per entity ("ALL" too): recall by labelled entity, precision by warned one."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for post in posts:
        golds, warned = gold_spans(post), warned_spans(found[post["id"]])
        for g in golds:
            hit = any(matches(g, w, **how) for w in warned)
            for key in (g["entity"], "ALL"):
                counts[key][0 if hit else 2] += 1
        for w in warned:
            if not any(matches(g, w, **how) for g in golds):
                for key in (w.entity, "ALL"):
                    counts[key][1] += 1
    return counts


def span_scores(posts: list[dict], found: dict[str, tuple]) -> dict[str, dict]:
    """4.6 span precision and recall under each matching: overlap, exact, typed overlap."""
    ways = {
        "overlap": {"exact": False},
        "exact": {"exact": True},
        "typed": {"exact": False, "typed": True},
    }
    out: dict[str, dict] = {}
    for name, how in ways.items():
        counts = span_counts(posts, found, **how)
        out[name] = {e: prf(*counts[e]) for e in sorted(counts, key=lambda e: (e != "ALL", e))}
    return out


def clean_scores(posts: list[dict], found: dict[str, tuple]) -> dict:
    """How many clean posts draw any warning, and any error-level warning."""
    clean = [p for p in posts if not p["clauses"]]
    warned = [p["id"] for p in clean if found[p["id"]]]
    errors = [p["id"] for p in clean if any(w.severity.value == "error" for w in found[p["id"]])]
    loud = [p["id"] for p in clean if any(w.severity.value != "info" for w in found[p["id"]])]
    return {
        "clean_posts": len(clean),
        "with_any_warning": len(warned),
        "any_warning_share": ratio(len(warned), len(clean)),
        "with_warning_or_error": len(loud),
        "warning_or_error_share": ratio(len(loud), len(clean)),
        "with_error": len(errors),
        "error_share": ratio(len(errors), len(clean)),
    }


def errors_list(posts: list[dict], found: dict[str, tuple]) -> dict[str, list[dict]]:
    """Every miss (labelled, not warned) and false alarm (warned, not labelled)."""
    misses, alarms = [], []
    for post in posts:
        gold, warnings = set(post["clauses"]), found[post["id"]]
        pred = {w.clause for w in warnings}
        missed = sorted(gold - pred, key=clause_order)
        misses += [{"id": post["id"], "clause": c, "text": post["text"]} for c in missed]
        alarms += [
            {"id": post["id"], "clause": w.clause, "code": w.code, "severity": w.severity.value,
             "span": w.text, "message": w.message}
            for w in warnings if w.clause not in gold
        ]
    return {"misses": misses, "false_alarms": alarms}


def score(posts: list[dict], found: dict[str, tuple]) -> dict:
    """All the figures, as one JSON-ready value."""
    return {
        "posts": len(posts),
        "clauses": clause_scores(posts, found),
        "spans_4_6": span_scores(posts, found),
        "clean": clean_scores(posts, found),
    }


def fmt(value: float | None) -> str:
    """A figure for the table ('-' when undefined)."""
    return "   -" if value is None else f"{value:.2f}"


def clause_row(clause: str, s: dict) -> str:
    """One line of the clause table."""
    counts = f"{s['support']:>8} {s['tp']:>3} {s['fp']:>3} {s['fn']:>3}"
    return f"{clause:<6} {counts}       {fmt(s['precision'])}    {fmt(s['recall'])}  {fmt(s['f1'])}"


def span_table(way: str, table: dict) -> list[str]:
    """The 4.6 span table for one way of matching."""
    lines = ["", f"{'4.6 spans, ' + way + ' match':<30}tp  fp  fn  precision  recall"]
    for entity, s in table.items():
        counts = f"{s['tp']:>3} {s['fp']:>3} {s['fn']:>3}"
        lines.append(f"  {entity:<28}{counts}       {fmt(s['precision'])}    {fmt(s['recall'])}")
    return lines


def clean_line(c: dict) -> str:
    """The false-alarm summary for clean posts."""
    anyw = f"with any warning {c['with_any_warning']} ({fmt(c['any_warning_share'])})"
    loud = f"with a warning or error (info aside) {c['with_warning_or_error']} ({fmt(c['warning_or_error_share'])})"
    errors = f"with an error {c['with_error']} ({fmt(c['error_share'])})"
    return f"clean posts: {c['clean_posts']}; {anyw}; {loud}; {errors}"


def render(figures: dict) -> list[str]:
    """The human-readable report."""
    lines = [f"{figures['posts']} posts", "", "clause  support  tp  fp  fn  precision  recall  F1"]
    lines += [clause_row(c, s) for c, s in figures["clauses"].items()]
    for way, table in figures["spans_4_6"].items():
        lines += span_table(way, table)
    return [*lines, "", clean_line(figures["clean"])]


def render_errors(errors: dict) -> list[str]:
    """The misses and false alarms, one a line."""
    lines = ["", "misses:"]
    lines += [f"  {m['id']} {m['clause']:<5} {m['text']}" for m in errors["misses"]]
    lines += ["", "false alarms:"]
    lines += [
        f"  {a['id']} {a['clause']:<5} {a['code']} {a['severity']:<7} {a['span']!r}: {a['message']}"
        for a in errors["false_alarms"]
    ]
    return lines


def failures(
    figures: dict, *, min_recall: float | None, max_false_alarms: float | None
) -> list[str]:
    """The targets that were missed (empty when none was asked for or all were met)."""
    out = []
    if min_recall is not None:
        out += [f"clause {c} recall {fmt(s['recall'])} < {min_recall}"
                for c, s in figures["clauses"].items()
                if s["support"] and (s["recall"] or 0.0) < min_recall]
    share = figures["clean"]["any_warning_share"] or 0.0
    if max_false_alarms is not None and share > max_false_alarms:
        out.append(f"clean posts with a warning {share:.3f} > {max_false_alarms}")
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS,
                    help="the labelled posts (default: corpus/posts.jsonl)")
    ap.add_argument("--profile", default=None, help="the clerk's folder (default: demo)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    ap.add_argument("--min-recall", type=float, default=None, help="exit 1 if a recall is lower")
    ap.add_argument("--max-false-alarms", type=float, default=None,
                    help="exit 1 if the share of clean posts with a warning is higher")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Lint the corpus once, print the report, and check the optional targets."""
    args = parse_args(argv)
    from linter.lint import load_linter

    posts = load_posts(args.corpus)
    found = lint_all(load_linter(args.profile), posts)
    figures = score(posts, found)
    missed = failures(figures, min_recall=args.min_recall, max_false_alarms=args.max_false_alarms)
    if args.json:
        figures["errors"] = errors_list(posts, found) if args.verbose else None
        figures["targets_missed"] = missed
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        lines = render(figures) + (render_errors(errors_list(posts, found)) if args.verbose else [])
        lines += [f"TARGET MISSED: {m}" for m in missed]
        print("\n".join(lines))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
