"""Files that ship with studykit: example curricula and built-in Word templates."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import UserError


def examples() -> Traversable:
    """The folder of example curricula (``curricula/`` in the source tree)."""
    return files("studykit.curricula")


def templates() -> Traversable:
    """The folder of built-in templates, with ``zh-CN/`` and ``en/`` inside."""
    return files("studykit.templates")


def copy_examples(dest: Path, force: bool = False) -> list[Path]:
    """Copy the example curricula into ``dest``; refuse to overwrite unless ``force``."""
    sources = sorted((f for f in examples().iterdir() if f.name.endswith(".yaml")),
                     key=lambda f: f.name)
    targets = [dest / f.name for f in sources]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise UserError(f"{existing[0]} exists; use --force to overwrite it")
    dest.mkdir(parents=True, exist_ok=True)
    for source, target in zip(sources, targets):
        target.write_bytes(source.read_bytes())
    return targets
