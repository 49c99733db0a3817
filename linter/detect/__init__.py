"""Detectors: what is in a post. Each is built once per profile and called once per post.

A detector is a class ``Detector(models, profile)`` whose instances are called with a
``Post`` and return an iterable of ``Mention``. Detectors find things; they never decide
severity or wording (rules do). Registration is this one explicit tuple.
"""

from __future__ import annotations

from . import people
from . import tone
from . import personal_data, persons
from . import blocked_links, council, phrases
from . import classifier
from .mention import KINDS, Mention

DETECTORS: tuple[type, ...] = (people.PeopleDetector, tone.ToneDetector, personal_data.PersonalDataDetector, persons.PersonNameDetector, council.CouncilDetector, phrases.PhraseDetector, blocked_links.BlockedLinkDetector, classifier.ClauseClassifier)

__all__ = ["DETECTORS", "KINDS", "Mention"]
