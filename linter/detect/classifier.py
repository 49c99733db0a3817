"""A trained clause classifier for the clauses whose wording hand-written rules miss.

A tiny separate spaCy pipeline (``models/classifier/``: blank English + ``textcat_multilabel``,
bag of words; trained by ``benchmarks/train_classifier.py``, described in
``models/classifier/DATA_CARD.md``) scores the whole post for each clause it knows. It reads the
post with the profile's own words masked (``classifier_text.masked``: a listed colleague is
``xcolleague``, the council ``xcouncil``), found by the people, name and council detectors the
linter hands in, so what it learned carries over to any council's profile. When the post's
score reaches the clause's threshold (``thresholds.json``, chosen on writers the model had not
seen) and the clause is enabled there, the detector emits one
``Mention(kind="classifier", label=<clause id>, score=<post score>)`` whose span is the
sentence (``post.doc.sents``) that scores highest for that clause.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..nlp import classifier_dir, load_classifier, tokenize
from ..post import Post
from ..profile import Profile
from .classifier_text import MASKED_KINDS, masked
from .council import CouncilDetector
from .mention import Mention
from .people import PeopleDetector
from .persons import PersonNameDetector


def model_text(text: str) -> str:
    """A text with nothing to mask as the classifier sees it: lower-case, straight quotes."""
    return masked(text, ())


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

    USES = {"people": PeopleDetector, "persons": PersonNameDetector, "council": CouncilDetector}

    def __init__(self, models, profile: Profile, *, path: Path | None = None, people=None, persons=None,
                 council=None) -> None:
        """Use the pipeline loaded with the models (``path``: another artefact) and the linter's maskers (built here when not given)."""
        self.nlp = models.classifier if path is None and models.classifier is not None else load_classifier(path)
        self.thresholds = load_thresholds(path or artefact_dir())
        self.maskers = (people or PeopleDetector(models, profile), persons or PersonNameDetector(models, profile),
                        council or CouncilDetector(models, profile))

    def masks(self, post: Post) -> list[Mention]:
        """The people, names and council places of the post that the classifier reads as placeholders."""
        return [m for d in self.maskers for m in post.found(d) if m.kind in MASKED_KINDS]

    def scores(self, text: str) -> dict[str, float]:
        """The classifier's score for every clause it knows, for a text with nothing masked."""
        return self.read(model_text(text))

    def post_scores(self, post: Post, masks: list[Mention]) -> dict[str, float]:
        """The whole post's score per clause, which decides what fires (the sentence spans only point)."""
        return self.read(masked(post.text, masks))

    def read(self, model_input: str) -> dict[str, float]:
        """The scores for text already masked."""
        return dict(self.nlp(tokenize(self.nlp, model_input)).cats)

    def __call__(self, post: Post) -> list[Mention]:
        """A mention per enabled clause whose post score reaches its threshold."""
        if not post.text.strip() or not self.thresholds:
            return []
        masks = self.masks(post) if self.maskers else []
        cats = self.post_scores(post, masks)
        firing = [c for c, t in self.thresholds.items() if cats.get(c, 0.0) >= t]
        if not firing:
            return []
        spans = sentence_spans(post)
        texts = (masked(post.text, masks, start=s, end=e) for s, e in spans)
        docs = list(self.nlp.pipe(tokenize(self.nlp, t) for t in texts))
        out = []
        for clause in firing:
            best = max(range(len(spans)), key=lambda i: docs[i].cats.get(clause, 0.0))
            start, end = spans[best]
            out.append(Mention(kind="classifier", start=start, end=end, text=post.text[start:end],
                               label=clause, score=round(cats[clause], 4), evidence=f"threshold={self.thresholds[clause]}"))
        return out
