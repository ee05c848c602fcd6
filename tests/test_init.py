"""The public API: every name in __all__ resolves, and importing studykit stays light."""

from __future__ import annotations

import subprocess
import sys

import studykit


def test_every_public_name_resolves() -> None:
    assert sorted(studykit.__all__) == sorted(["__version__", *studykit._EXPORTS])
    for name in studykit.__all__:
        assert getattr(studykit, name) is not None
    assert studykit.load.__module__ == "studykit.reading.curriculum"


def test_the_command_line_starts_without_the_heavy_imports() -> None:
    code = ("import sys, studykit.app.cli; "
            "print(sorted(m for m in ('pydantic', 'pydantic_core', 'yaml', 'icalendar', "
            "'chinese_calendar', 'openpyxl', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
