"""How well unlisted person names are found in real social-media text (Broad Twitter Corpus, section A).

Prints precision, recall and F1 (overlap matching and exact matching) for

(a) postlint's ``PersonNameDetector`` with a profile that lists nobody, and
(b) Presidio's default analyzer (default registry, a ``SpacyNlpEngine`` over the same pipeline),
    PERSON only,

on the same tweets in the same run, plus the time each takes per 280 characters.

    python benchmarks/btc_names.py [--half even|odd] [--errors N]

Each tweet's tokens are joined with single spaces (the corpus README's convention).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path("/work/shared/data/broad-twitter-corpus/a.conll")
Span = tuple[int, int]


@dataclass(frozen=True)
class Tweet:
    """One tweet: its text and its gold PER spans (code points, half-open)."""

    text: str
    gold: tuple[Span, ...]


def read_conll(path: Path = CORPUS) -> list[Tweet]:
    """The corpus's tweets, tokens joined with single spaces, with their PER spans."""
    tweets, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            token, _, tag = line.rpartition("\t")
            tokens.append((token, tag))
        elif tokens:
            tweets.append(tweet_from_tokens(tokens))
            tokens = []
    return tweets


def tweet_from_tokens(tokens: list[tuple[str, str]]) -> Tweet:
    """Join tokens with spaces and turn BIO PER tags into character spans."""
    text, spans, at, open_span = "", [], 0, None
    for i, (token, tag) in enumerate(tokens):
        at = len(text) + (1 if i else 0)
        text = f"{text} {token}" if i else token
        if tag == "B-PER" or (tag == "I-PER" and open_span is None):
            open_span = [at, at + len(token)]
            spans.append(open_span)
        elif tag == "I-PER":
            open_span[1] = at + len(token)
        else:
            open_span = None
    return Tweet(text, tuple(tuple(s) for s in spans))


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 from true positives and the two totals."""

    tp_pred: int
    tp_gold: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  (pred {self.n_pred}, gold {self.n_gold})"


def score(pairs: Iterable[tuple[Iterable[Span], Iterable[Span]]], *, exact: bool) -> Scores:
    """Score predicted against gold spans; overlap matching unless ``exact``."""
    same = (lambda a, b: a == b) if exact else (lambda a, b: a[0] < b[1] and b[0] < a[1])
    tp_pred = tp_gold = n_pred = n_gold = 0
    for pred, gold in pairs:
        pred, gold = list(pred), list(gold)
        tp_pred += sum(any(same(p, g) for g in gold) for p in pred)
        tp_gold += sum(any(same(p, g) for p in pred) for g in gold)
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
    return Scores(tp_pred, tp_gold, n_pred, n_gold)


def ours(pipeline: str | None = None) -> Callable[[str], list[Span]]:
    """postlint's person detector over a profile that lists nobody."""
    from linter.detect.persons import PersonNameDetector
    from linter.nlp import load_models
    from linter.post import Post
    from linter.profile import Council, Profile

    models = load_models(pipeline)
    detector = PersonNameDetector(models, Profile(path="", council=Council(name="Nobody Town Council")))
    return lambda text: [(m.start, m.end) for m in detector(Post.parse(text, models))]


def presidio_default(pipeline: str | None = None) -> Callable[[str], list[Span]]:
    """Presidio's default analyzer on a SpacyNlpEngine over the same pipeline, PERSON only."""
    from linter.nlp import load_pipeline, offline_environment, pipeline_name

    offline_environment()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": pipeline_name(pipeline)}])
    engine.nlp = {"en": load_pipeline(pipeline)}
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    return lambda text: [(r.start, r.end) for r in analyzer.analyze(text, "en", entities=["PERSON"])]


def run(name: str, predict: Callable[[str], list[Span]], tweets: list[Tweet], *, errors: int) -> None:
    """Predict every tweet, then print the scores, the time per 280 characters and some errors."""
    started = time.perf_counter()
    preds = [sorted(set(predict(t.text))) for t in tweets]
    elapsed = time.perf_counter() - started
    pairs = [(p, t.gold) for p, t in zip(preds, tweets)]
    chars = sum(len(t.text) for t in tweets)
    print(f"{name}")
    print(f"  overlap  {score(pairs, exact=False)}")
    print(f"  exact    {score(pairs, exact=True)}")
    print(f"  time     {1000 * elapsed / chars * 280:.1f} ms per 280 characters ({len(tweets)} tweets)")
    for text, kind, span in list(mistakes(tweets, preds))[:errors]:
        print(f"    {kind} {text[span[0]:span[1]]!r:30} in {text[:100]!r}")


def mistakes(tweets: list[Tweet], preds: list[list[Span]]):
    """False positives and false negatives under overlap matching, for reading."""
    for t, pred in zip(tweets, preds):
        for p in pred:
            if not any(p[0] < g[1] and g[0] < p[1] for g in t.gold):
                yield t.text, "FP", p
        for g in t.gold:
            if not any(p[0] < g[1] and g[0] < p[1] for p in pred):
                yield t.text, "FN", g


def main(argv: list[str] | None = None) -> int:
    """Score both systems on the corpus (or on one half of it)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("even", "odd"), help="score only every other tweet")
    parser.add_argument("--errors", type=int, default=0, help="print this many mistakes per system")
    parser.add_argument("--only", choices=("ours", "presidio"), help="run one system")
    args = parser.parse_args(argv)
    tweets = read_conll()
    if args.half:
        tweets = tweets[(args.half == "odd"):: 2]
    print(f"Broad Twitter Corpus A: {len(tweets)} tweets, {sum(len(t.gold) for t in tweets)} PER spans")
    if args.only != "presidio":
        run("postlint PersonNameDetector (profile lists nobody)", ours(), tweets, errors=args.errors)
    if args.only != "ours":
        run("Presidio default analyzer (PERSON)", presidio_default(), tweets, errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
