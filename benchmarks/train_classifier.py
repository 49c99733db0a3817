"""Train the clause classifier (``models/classifier/``) and report 5-fold cross-validation.

A blank English spaCy pipeline with one ``textcat_multilabel`` (bag of words, unigrams and
bigrams) learns, from whole post texts, the clauses whose wording the hand-written rules miss.
Data: ``corpus/posts.jsonl``, ``heldout.jsonl`` and ``blind.jsonl`` (labels from ``clauses``),
plus ``corpus/tone_dev.jsonl`` as extra training text for 4.5, 4.7 and 4.8 (never scored).
``corpus/final.jsonl`` is never read. A mode-only clause is masked (unknown, not negative) on
posts of the other mode: 2.1 applies to council posts, 4.2 to personal ones.

Stratified 5-fold CV (fixed seed) gives out-of-fold post scores; per clause the lowest
threshold whose out-of-fold precision is >= 0.9 is kept, and a clause is enabled when its
recall there is >= 0.35 and beats the rules' recall on the blind set (``RULE_RECALL``). The
final model is trained on all the data and written with ``thresholds.json``.

Usage: ``python benchmarks/train_classifier.py [--out models/classifier] [--epochs 20] [--cv-only]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from linter.detect.classifier import model_text

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("posts", "heldout", "blind")
CLAUSES = ("2.1", "3.2", "4.2", "4.3", "4.5", "4.7", "4.8")
MODE_ONLY = {"2.1": "council", "4.2": "personal"}
TONE_GROUPS = {"employee", "councillor", "resident", "customer", "contractor", "supplier"}
MIN_PRECISION, MIN_RECALL, FOLDS, SEED = 0.9, 0.35, 5, 13  # "roughly 0.4" recall floor
# Recall of the hand-written rules on the blind set (the lead's measurement): a clause is
# enabled only when the classifier's CV recall beats it (and MIN_RECALL).
RULE_RECALL = {"2.1": 0.67, "3.2": 0.67, "4.2": 0.30, "4.3": 0.33, "4.5": 0.32, "4.7": 0.27, "4.8": 0.44}


def corpus_records() -> list[dict]:
    """The labelled posts: ``{"text", "mode", "cats", "key"}``, cats masked by mode."""
    out = []
    for name in CORPORA:
        for line in (ROOT / "corpus" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            post = json.loads(line)
            cats = {c: float(c in post["clauses"]) for c in CLAUSES if MODE_ONLY.get(c, post["mode"]) == post["mode"]}
            key = next((c for c in CLAUSES if c in post["clauses"]), "none")
            out.append({"text": post["text"], "mode": post["mode"], "cats": cats, "key": key})
    return out


def tone_records() -> list[dict]:
    """``tone_dev.jsonl`` sentences as 4.5/4.7/4.8 examples (other clauses unknown)."""
    out = []
    for line in (ROOT / "corpus" / "tone_dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        hostile = row["aimed"] and bool(row["labels"])
        person = hostile and row.get("target") in TONE_GROUPS
        protected = hostile and bool({"protected", "bullying"} & set(row["labels"]))
        cats = {"4.7": float(hostile), "4.5": float(person), "4.8": float(protected)}
        out.append({"text": row["text"], "mode": "personal", "cats": cats, "key": "tone"})
    return out


def folds(records: list[dict], k: int, seed: int) -> list[int]:
    """A fold number per record, stratified on each record's first target clause."""
    rng = random.Random(seed)
    order = list(range(len(records)))
    rng.shuffle(order)
    order.sort(key=lambda i: records[i]["key"])
    fold = [0] * len(records)
    for n, i in enumerate(order):
        fold[i] = n % k
    return fold


def build(*, arch: str) -> spacy.language.Language:
    """A blank English pipeline with one multi-label text classifier."""
    nlp = spacy.blank("en")
    if arch == "bow":
        model = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
                 "ngram_size": 2, "no_output_layer": False, "length": 262144}
    else:
        model = {"@architectures": "spacy.TextCatEnsemble.v2", "nO": None,
                 "linear_model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
                                  "ngram_size": 2, "no_output_layer": False, "length": 262144},
                 "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                             "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                                       "rows": [2000, 1000, 1000, 1000], "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                                       "include_static_vectors": False},
                             "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64,
                                        "window_size": 1, "maxout_pieces": 3, "depth": 2}}}
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    for clause in CLAUSES:
        textcat.add_label(clause)
    return nlp


def train(records: list[dict], *, arch: str, epochs: int, seed: int) -> spacy.language.Language:
    """Train a fresh pipeline on ``records`` (fixed seed, shuffled mini-batches)."""
    fix_random_seed(seed)
    nlp = build(arch=arch)
    examples = [Example.from_dict(nlp.make_doc(model_text(r["text"])), {"cats": r["cats"]}) for r in records]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
    return nlp


def best_threshold(scored: list[tuple[float, bool]]) -> tuple[float, float, float]:
    """``(threshold, precision, recall)``: the lowest threshold with precision >= MIN_PRECISION."""
    positives = sum(gold for _, gold in scored) or 1
    best = (1.0, 0.0, 0.0)
    for t in sorted({s for s, _ in scored}, reverse=True):
        hits = [gold for s, gold in scored if s >= t]
        precision = sum(hits) / len(hits)
        if precision >= MIN_PRECISION and sum(hits) >= 3:
            best = (round(t, 4), precision, sum(hits) / positives)
    return best


def cross_validate(records: list[dict], extra: list[dict], *, arch: str, epochs: int) -> dict[str, list]:
    """Out-of-fold ``(score, gold)`` pairs per clause (extra records only ever train)."""
    fold = folds(records, FOLDS, SEED)
    scored: dict[str, list] = {c: [] for c in CLAUSES}
    for k in range(FOLDS):
        train_set = [r for r, f in zip(records, fold) if f != k] + extra
        test_set = [r for r, f in zip(records, fold) if f == k]
        nlp = train(train_set, arch=arch, epochs=epochs, seed=SEED + k)
        for r, doc in zip(test_set, nlp.pipe(model_text(r["text"]) for r in test_set)):
            for c, gold in r["cats"].items():
                scored[c].append((doc.cats[c], bool(gold)))
        print(f"fold {k + 1}/{FOLDS} done", file=sys.stderr)
    return scored


def report(scored: dict[str, list]) -> dict[str, dict]:
    """Print and return the per-clause threshold, precision and recall at it, and P/R at 0.5."""
    table = {}
    print(f"{'clause':7} {'pos':>4} {'thr':>6} {'P':>5} {'R':>5} {'P@.5':>5} {'R@.5':>5} enabled")
    for c, pairs in scored.items():
        t, p, r = best_threshold(pairs)
        pos = sum(g for _, g in pairs)
        hits = [g for s, g in pairs if s >= 0.5]
        p5, r5 = (sum(hits) / len(hits) if hits else 0.0), sum(hits) / (pos or 1)
        enabled = p >= MIN_PRECISION and r >= MIN_RECALL and r > RULE_RECALL[c]
        table[c] = {"threshold": t, "cv_precision": round(p, 3), "cv_recall": round(r, 3), "positives": pos,
                    "cv_precision_at_0.5": round(p5, 3), "cv_recall_at_0.5": round(r5, 3), "enabled": enabled}
        print(f"{c:7} {pos:4d} {t:6.3f} {p:5.2f} {r:5.2f} {p5:5.2f} {r5:5.2f} {enabled}")
    return table


def main(argv: list[str] | None = None) -> None:
    """Cross-validate, then train on everything and save the artefact with its thresholds."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "classifier")
    ap.add_argument("--arch", choices=("bow", "ensemble"), default="bow")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args(argv)
    records, extra = corpus_records(), tone_records()
    table = report(cross_validate(records, extra, arch=args.arch, epochs=args.epochs))
    if args.cv_only:
        return
    nlp = train(records + extra, arch=args.arch, epochs=args.epochs, seed=SEED)
    nlp.meta.update({"name": "postlint_clauses", "version": "0.1.0", "license": "MIT",
                     "description": "postlint clause classifier (see DATA_CARD.md)"})
    nlp.to_disk(args.out)
    settings = {"arch": args.arch, "epochs": args.epochs, "folds": FOLDS, "seed": SEED, "min_precision": MIN_PRECISION}
    (args.out / "thresholds.json").write_text(json.dumps({"settings": settings, "clauses": table}, indent=2) + "\n")
    print(f"saved to {args.out}")


if __name__ == "__main__":
    main()
