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


def every_quarter(text: str) -> str:
    """A curriculum's text with every course held once a year (no date, at most one of
    ``quarters``) held every quarter instead, as tests of one quarter's placement want
    them all in it; a series (several ``quarters``) keeps its quarters."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    out = list(lines)
    for start in reversed(starts):
        end = next((j for j in range(start + 1, len(lines))
                    if not lines[j].startswith("    ")), len(lines))
        block = lines[start:end]
        if not any(line.startswith("    title:") for line in block) or \
                any(line.startswith("    date:") for line in block):
            continue
        series = [line for line in block if line.startswith("    quarters:") and "," in line]
        if series:
            continue
        kept = [line for line in block if not line.startswith("    quarters:")]
        out[start:end] = [kept[0], "    quarters: [1, 2, 3, 4]\n", *kept[1:]]
    return "".join(out)


def every_quarter_curriculum(path: Path) -> object:
    """:func:`every_quarter` of the curriculum at ``path``, loaded."""
    import studykit

    return studykit.loads(every_quarter(path.read_text(encoding="utf-8")), str(path))
