"""Shared fixtures: the real models are loaded once per test session."""

from __future__ import annotations

import pytest

from linter.lint import Linter, load_rules_profile
from linter.nlp import load_models


@pytest.fixture(scope="session")
def models():
    """The real spaCy pipeline and Presidio engine (loaded once)."""
    return load_models()


@pytest.fixture(scope="session")
def demo_profile():
    """The bundled Thrapston demo profile."""
    return load_rules_profile()


@pytest.fixture(scope="session")
def linter(models, demo_profile):
    """A linter over the demo profile."""
    return Linter.build(models, demo_profile)
