"""What the installed package carries: every model asset of the checkout, the demo profile."""

from __future__ import annotations

from pathlib import Path

from linter.assets import models_dir
from linter.profile import DEMO_PROFILE

REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


def test_every_model_asset_is_installed():
    """Each file under models/ in the checkout is found where the linter reads assets (tox tests a wheel)."""
    wanted = {p.relative_to(REPO_MODELS) for p in REPO_MODELS.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert wanted, "the checkout has model assets"
    missing = sorted(str(p) for p in wanted if not (models_dir() / p).is_file())
    assert missing == []


def test_demo_profile_is_installed():
    """The bundled demo profile ships with the package."""
    assert (DEMO_PROFILE / "council.toml").is_file() and (DEMO_PROFILE / "people.csv").is_file()
