"""`pip install .` (not editable) gives a working command with its package data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_installs_a_working_command(tmp_path: Path) -> None:
    # Build from a copy holding only what the sdist holds, so the build leaves the
    # checkout clean and nothing outside these files can be relied on.
    source = tmp_path / "source"
    for name in ("studykit", "curricula", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(wheels), str(source)],
                   check=True, cwd=tmp_path)
    (wheel,) = wheels.glob("studykit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "studykit/py.typed" in names
    assert "studykit/curricula/employment-centre.yaml" in names
    assert "studykit/curricula/small-team.en.yaml" in names
    assert "studykit/templates/README.md" in names
    for locale in ("zh-CN", "en"):
        for template in ("calendar", "plan-activity", "plan-lesson", "attendance", "minutes"):
            assert f"studykit/templates/{locale}/{template}.docx" in names
    assert "studykit/curricula/records/committee-2027-01.yaml" in names
    # the example's whole year: every record file, the evaluation, results and visits too
    records = {f"studykit/curricula/records/{p.name}"
               for p in (ROOT / "curricula" / "records").glob("*.yaml")}
    assert records and records <= set(names)
    assert "studykit/curricula/records/evaluation-2027.yaml" in names
    assert not [n for n in names if n.endswith("build.py") or "/tests/" in n]

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import studykit, studykit.render.resources as r; "
         "print(studykit.__file__); print(r.examples())"],
        capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout.splitlines()
    assert where[0].startswith(str(target))              # the installed copy, not the checkout
    assert where[1] == str(target / "studykit" / "curricula")

    script = target / "bin" / "studykit"
    assert script.exists()
    out = subprocess.run([sys.executable, str(script), "examples", "copy", "mine"],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    out = subprocess.run([sys.executable, "-m", "studykit", "check", "mine"],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("：通过 — ") == 1 and out.stdout.count(": ok — ") == 1
    # the installed package finds its templates: a whole plan with documents
    out = subprocess.run([sys.executable, "-m", "studykit", "plan", "mine/employment-centre.yaml",
                          "--out", "out"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "out" / "sessions" / "plenum-study" / "attendance.docx").exists()
