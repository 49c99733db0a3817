"""Detectors: what is in a post. Each is built once per profile and called once per post.

A detector is a class ``Detector(models, profile)`` whose instances are called with a
``Post`` and return an iterable of ``Mention``. Detectors find things; they never decide
severity or wording (rules do). Registration is this one explicit tuple.
"""

from __future__ import annotations

from .mention import KINDS, Mention

DETECTORS: tuple[type, ...] = ()

__all__ = ["DETECTORS", "KINDS", "Mention"]
