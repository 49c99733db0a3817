"""A trained clause classifier for the clauses whose wording hand-written rules miss.

A tiny separate spaCy pipeline (``models/classifier/``: blank English + ``textcat_multilabel``,
bag of unigrams and bigrams; trained by ``benchmarks/train_classifier.py``, described in
``models/classifier/DATA_CARD.md``) scores the whole post for each clause it knows. When the
post's score reaches the clause's cross-validated threshold (``thresholds.json``, chosen for
precision >= 0.9) and the clause is enabled there, the detector emits one
``Mention(kind="classifier", label=<clause id>, score=<post score>)`` whose span is the
sentence (``post.doc.sents``) that scores highest for that clause.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..nlp import classifier_dir, load_classifier, tokenize
from ..post import Post
from ..profile import Profile
from .mention import Mention

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def model_text(text: str) -> str:
    """The text as the classifier sees it: lower-case, straight quotes (training and inference alike)."""
    return text.lower().translate(_QUOTES)


def artefact_dir() -> Path:
    """Where the trained pipeline lives."""
    return classifier_dir()


def load_thresholds(path: Path) -> dict[str, float]:
    """``{clause: threshold}`` for the clauses ``thresholds.json`` enables."""
    table = json.loads((path / "thresholds.json").read_text(encoding="utf-8"))["clauses"]
    return {c: float(row["threshold"]) for c, row in table.items() if row.get("enabled")}


def sentence_spans(post: Post) -> list[tuple[int, int]]:
    """Character spans of the post's sentences (stripped of surrounding space), or the whole text."""
    spans = []
    for sent in post.doc.sents:
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        end = sent.start_char + len(text.rstrip())
        if end > start:
            spans.append((start, end))
    return spans or [(0, len(post.text))]


class ClauseClassifier:
    """Scores a post per clause and points at the sentence that reads most like it."""

    def __init__(self, models, profile: Profile, *, path: Path | None = None) -> None:
        """Use the pipeline loaded with the models (the profile does not change what it learned); ``path``: another artefact."""
        self.nlp = models.classifier if path is None and models.classifier is not None else load_classifier(path)
        self.thresholds = load_thresholds(path or artefact_dir())

    def scores(self, text: str) -> dict[str, float]:
        """The classifier's score for every clause it knows, for one text."""
        return dict(self.nlp(tokenize(self.nlp, model_text(text))).cats)

    def __call__(self, post: Post) -> list[Mention]:
        """A mention per enabled clause whose post score reaches its threshold."""
        if not post.text.strip() or not self.thresholds:
            return []
        cats = self.scores(post.text)
        firing = [c for c, t in self.thresholds.items() if cats.get(c, 0.0) >= t]
        if not firing:
            return []
        spans = sentence_spans(post)
        docs = list(self.nlp.pipe(tokenize(self.nlp, model_text(post.text[s:e])) for s, e in spans))
        out = []
        for clause in firing:
            best = max(range(len(spans)), key=lambda i: docs[i].cats.get(clause, 0.0))
            start, end = spans[best]
            out.append(Mention(kind="classifier", start=start, end=end, text=post.text[start:end],
                               label=clause, score=round(cats[clause], 4), evidence=f"threshold={self.thresholds[clause]}"))
        return out
