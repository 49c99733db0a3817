"""A trained clause classifier for the clauses whose wording hand-written rules miss.

A fine-tuned sentence encoder (``linter/clause_model.py``, all-MiniLM-L6-v2 with its top layers
and a head trained by ``benchmarks/train_classifier.py``; ``models/classifier/``, described in
``models/classifier/DATA_CARD.md``) scores the whole post for each clause it knows. It reads the
post with the profile's own words masked (``classifier_text.masked``: a listed colleague is
``xcolleague``, the council ``xcouncil``), found by the people, name and council detectors the
linter hands in, so what it learned carries over to any council's profile. When the post's
score reaches the clause's threshold (``thresholds.json``, chosen on writers the model had not
seen) and the clause is enabled there, the detector emits one
``Mention(kind="classifier", label=<clause id>, score=<post score>)`` whose span is the
sentence (``post.doc.sents``) that scores highest for that clause among those of ``POINT_WORDS`` words or
more (``pointed``).

What "the post's score" is, is the artefact's ``pooling`` (``thresholds.json``; its thresholds
were chosen on the same): ``post`` is the whole post read at once; ``max`` is the higher of that
and its best sentence's, so one hostile sentence among pleasant ones is not averaged away.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from ..assets import list_alternation
from ..nlp import classifier_dir, load_classifier
from ..post import Post
from ..profile import Profile
from .classifier_text import MASKED_KINDS, masked, masked_with_spans
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


def load_thresholds(path: Path) -> tuple[dict[str, float], str]:
    """``{clause: threshold}`` for the clauses ``thresholds.json`` enables, and the pooling they were chosen for."""
    data = json.loads((path / "thresholds.json").read_text(encoding="utf-8"))
    enabled = {c: float(row["threshold"]) for c, row in data["clauses"].items() if row.get("enabled")}
    return enabled, data["settings"].get("pooling", "post")


def pooled(cats: dict[str, float], by_sentence: list[dict[str, float]], pooling: str) -> dict[str, float]:
    """The score per clause that decides: the post's (``post``) or the higher of it and its best sentence's (``max``)."""
    if pooling != "max":
        return cats
    return {c: max([v] + [s.get(c, 0.0) for s in by_sentence]) for c, v in cats.items()}


POINT_WORDS = 4  # a shorter sentence ("YES.", "Wine.") is read mostly through its neighbours: point at a longer one
POINT_MARGIN = 0.05  # sentences this close to the best score are a tie, which a picture word breaks (3.2, 4.10)
PICTURE_CLAUSES = frozenset({"3.2", "4.10"})


@cache
def media_words() -> re.Pattern[str]:
    """``classified_media.txt`` (words that show a post carries a picture, a clip or someone's words) as one regex."""
    return re.compile(rf"(?<!\w)(?:{list_alternation('classified_media')})(?!\w)", re.IGNORECASE)


def pointed(text: str, spans: list[tuple[int, int]], by_sentence: list[dict[str, float]], clause: str) -> int:
    """Which sentence a warning underlines: the highest-scoring of those of ``POINT_WORDS`` words or more, or of all
    when none is that long. For 3.2 and 4.10, of the sentences within ``POINT_MARGIN`` of that score, the first with
    a picture word ("Lovely sunset on the way home. Attached a pic of Graham asleep at his desk": both score 0.99).
    Only the pointing: what decides is ``pooled``, over every sentence."""
    long = [i for i, (a, b) in enumerate(spans) if len(text[a:b].split()) >= POINT_WORDS] or list(range(len(spans)))
    best = max(long, key=lambda i: by_sentence[i].get(clause, 0.0))
    if clause in PICTURE_CLAUSES:
        top = by_sentence[best].get(clause, 0.0)
        close = [i for i in long if by_sentence[i].get(clause, 0.0) >= top - POINT_MARGIN]
        return next((i for i in close if media_words().search(text, *spans[i])), best)
    return best


def underlined(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence's span without an opening bracket the sentence splitter left at its end ("kill me. [" before
    "[photo]"), which the underline should not take."""
    while end - start > 1 and (text[end - 1] in "([{" or text[end - 1].isspace()):
        end -= 1
    return start, end


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
        """Use the model loaded with the models (``path``: another artefact) and the linter's maskers (built here
        when not given). Models loaded without a classifier give a detector that only masks (for training)."""
        self.model = models.classifier if path is None else load_classifier(path)
        self.thresholds, self.pooling = load_thresholds(path or artefact_dir()) if self.model is not None else ({}, "post")
        self.maskers = (people or PeopleDetector(models, profile), persons or PersonNameDetector(models, profile),
                        council or CouncilDetector(models, profile))

    def masks(self, post: Post) -> list[Mention]:
        """The people, names and council places of the post that the classifier reads as placeholders."""
        return [m for d in self.maskers for m in post.found(d) if m.kind in MASKED_KINDS]

    def scores(self, text: str) -> dict[str, float]:
        """The classifier's score for every clause it knows, for a text with nothing masked."""
        return self.read(model_text(text))

    def read_post(self, post: Post, masks: list[Mention]) -> tuple[dict[str, float], list[tuple[int, int]], list[dict]]:
        """The whole post's score per clause; its sentences; and each sentence's score, which points and, with
        ``max`` pooling, also decides (one encoder pass: a sentence is its tokens read in the post's context)."""
        spans = sentence_spans(post)
        text, placed = masked_with_spans(post.text, masks, spans)
        cats, by_sentence = self.model.read_with_spans(text, placed)
        return cats, spans, by_sentence

    def read(self, model_input: str) -> dict[str, float]:
        """The scores for text already masked."""
        return self.model([model_input])[0]

    def __call__(self, post: Post) -> list[Mention]:
        """A mention per enabled clause whose post score reaches its threshold."""
        if not post.text.strip() or not self.thresholds:
            return []
        masks = self.masks(post) if self.maskers else []
        cats, spans, by_sentence = self.read_post(post, masks)
        cats = pooled(cats, by_sentence, self.pooling)
        firing = [c for c, t in self.thresholds.items() if cats.get(c, 0.0) >= t]
        out = []
        for clause in firing:
            start, end = underlined(post.text, *spans[pointed(post.text, spans, by_sentence, clause)])
            out.append(Mention(kind="classifier", start=start, end=end, text=post.text[start:end],
                               label=clause, score=round(cats[clause], 4), evidence=f"threshold={self.thresholds[clause]}"))
        return out
