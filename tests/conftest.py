"""Shared fixtures: the repository's folders and the example curricula."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "curricula"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def centre_path() -> Path:
    """The Chinese example curriculum."""
    return EXAMPLES / "employment-centre.yaml"


@pytest.fixture
def team_path() -> Path:
    """The small English example curriculum."""
    return EXAMPLES / "small-team.en.yaml"
