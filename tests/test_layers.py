"""The import contract: layers import one way, with no cycles, function-level imports included.

The contract is in setup.cfg (``[importlinter]``) and checked by import-linter. A second
test plants a violation in a copy of the package, so the check is seen to fail when it
should.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["app", "show", "render", "reading", "engine", "domain", "words"]


def lint(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    command = Path(sys.executable).parent / "lint-imports"
    return subprocess.run([str(command), "setup.cfg", "--no-cache"],
                          capture_output=True, text=True, cwd=cwd, env=env, check=False)


def test_the_layers_import_one_way_and_without_cycles() -> None:
    result = lint(ROOT, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_every_module_is_in_a_layer() -> None:
    loose = [p.name for p in (ROOT / "studykit").glob("*.py")
             if p.name not in ("__init__.py", "__main__.py")]
    folders = sorted(p.name for p in (ROOT / "studykit").iterdir()
                     if p.is_dir() and (p / "__init__.py").exists())
    assert loose == []
    assert folders == sorted(LAYERS)


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "studykit", tmp_path / "studykit")
    shutil.copy(ROOT / "setup.cfg", tmp_path / "setup.cfg")
    planner = tmp_path / "studykit" / "engine" / "planner.py"
    planner.write_text(planner.read_text(encoding="utf-8")
                       + "\n\ndef _shown() -> object:\n"
                         "    from ..show.tables import plan_report\n"
                         "    return plan_report\n", encoding="utf-8")
    result = lint(tmp_path, tmp_path)
    assert result.returncode == 1
    assert "Layers import one way BROKEN" in result.stdout
    assert "studykit.engine.planner -> studykit.show.tables" in result.stdout
