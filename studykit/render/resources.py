"""Files that ship with studykit: example curricula and built-in Word templates.

Installed, they are ``studykit/curricula`` and ``studykit/templates`` inside the
package (see ``package_dir`` in setup.cfg); in a source checkout they are the
``curricula/`` and ``templates/`` folders at the top, where users find them.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from ..domain.errors import UserError
from ..words import msg
from .output import write_files


def _shipped(name: str) -> Traversable:
    packaged = files("studykit") / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name  # a source checkout


def examples() -> Traversable:
    """The folder of example curricula."""
    return _shipped("curricula")


def templates() -> Traversable:
    """The folder of built-in templates, with ``zh-CN/`` and ``en/`` inside."""
    return _shipped("templates")


def copy_examples(dest: Path, force: bool = False) -> list[Path]:
    """Copy the example curricula into ``dest``; refuse to overwrite unless ``force``."""
    sources = sorted((f for f in examples().iterdir() if f.name.endswith(".yaml")),
                     key=lambda f: f.name)
    return _copy(sources, dest, force)


def _copy(sources: list[Traversable], dest: Path, force: bool) -> list[Path]:
    """Copy packaged files into the folder ``dest``, all or none (each by a rename, so a
    symbolic link in the way is replaced, never written through)."""
    if dest.exists() and not dest.is_dir():
        raise UserError(msg("output.is_file", path=str(dest)))
    targets = [dest / f.name for f in sources]
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing and not force:
        raise UserError(msg("output.exists", path=str(existing[0])))
    return write_files(dest, {t: f.read_bytes()
                              for f, t in zip(sources, targets, strict=True)})


TEMPLATE_NAMES = ("calendar.docx", "annual.docx", "plan-activity.docx", "plan-lesson.docx",
                  "attendance.docx", "minutes.docx", "report.docx", "district.docx",
                  "evaluation-ballot.docx", "evaluation-register.docx",
                  "evaluation-summary.docx", "evaluation-scorecard.docx")


def copy_templates(dest: Path, locale: str, force: bool = False) -> list[Path]:
    """Copy the built-in templates of ``locale`` into ``dest``, to edit in Word or WPS."""
    folder = templates() / locale
    return _copy([folder / name for name in TEMPLATE_NAMES], dest, force)
