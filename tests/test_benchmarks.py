"""Every benchmark still runs: ``benchmarks/<name>.py --quick`` takes the same steps as the
full run on a small size, and must pass its own sanity checks. No time is checked here:
a slow machine is no failure. docxtpl, the optional extra ``.[bench]`` that two of them
compare with, is not installed for the tests: without it they skip that comparison only.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
HELPERS = {"harness", "memory"}  # imported by the benchmarks, not benchmarks themselves

# Besides "sanity checks: all N passed", what each prints when its own checks pass.
CHECKS = {
    "district": ["[ok] exit status 0; the summary: 3 branches, all planned and written",
                 "[ok] file counts: 3 plan.yaml and 3 calendar.ics for 3 branches",
                 "(1 + 2 × sessions a branch)",
                 "[ok] checks: 3 branch folders looked for",
                 "[ok] memory children (1, 2, 3 branches): every branch ok"],
    "evaluate": ["[ok] every member due graded once, as generated",
                 "[ok] every member's hours in the evidence are the ledger's",
                 "[ok] indicators reached as computed here, for 41 of 41",
                 "[ok] `studykit evaluate --json` exit 0, the same grades"],
    "fuzz": ["[ok] every target ran inputs (12 of 12)", "[ok] 0 crashes in",
             "[ok] 0 inputs took longer"],
    "ledger": ["[ok] sessions held counted", "[ok] hours of every member (100) equal",
               "[ok] make-up items", "[ok] action items", "[ok] ledger.problems is empty",
               "[ok] `studykit report` exit 0",
               "[ok] the CLI's ledger.xlsx is byte-identical to the in-process one"],
    "load": ["[ok] yaml.load: 300 members, 30 courses",
             "[ok] studykit.loads: 300 members, 30 courses, the same ids",
             "[ok] mistakes: every key reported twice (duplicate, unknown): 400 of 400"],
    "plan": ["[ok] district: 0 check errors in the 5 plans",
             "[ok] large: 0 check errors in the plan of 200 members",
             "[ok] growth: every size's plan has sessions",
             "[ok] courses: every one of 200 courses is placed or reported unplaced"],
    "render": ["[ok] checks of attendance:", "[ok] checks of minutes:"],
    "workbook": ["[ok] every sheet read as a record", "[ok] no problem found (0)",
                 "[ok] attendance as filled in, member for member, in every record (0 differ)",
                 "[ok] the ledger counts every session held"],
}
# With docxtpl: its comparison passed; without: the one line that says it is skipped.
DOCXTPL = {
    "district": "docxtpl documents of 2 branches compared with studykit's, text for text: 0 differ",
    "render": "docxtpl documents (of 10) compared with studykit's text: 0 problems",
}
SKIPPED = "docxtpl is not installed (optional extra .[bench])"


def listing() -> set[Path]:
    """What a run could leave in the repository: the top folder, the benchmarks and the
    example curricula and templates (documents are written beside a curriculum)."""
    out = set(ROOT.iterdir())
    for folder in (BENCHMARKS, ROOT / "curricula", ROOT / "templates"):
        out |= set(folder.rglob("*"))
    return out


def test_every_script_is_a_benchmark_tested_here_or_a_helper() -> None:
    assert {p.stem for p in BENCHMARKS.glob("*.py")} == set(CHECKS) | HELPERS


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_quick_run_passes_its_sanity_checks(name: str, tmp_path: Path) -> None:
    tmp, hypothesis = tmp_path / "tmp", tmp_path / "hypothesis"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "HYPOTHESIS_STORAGE_DIRECTORY": str(hypothesis),
           "PYTHONDONTWRITEBYTECODE": "1"}
    before = listing()
    done = subprocess.run([sys.executable, f"benchmarks/{name}.py", "--quick"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    shown = f"stdout:\n{done.stdout[-4000:]}\nstderr:\n{done.stderr[-4000:]}"
    assert done.returncode == 0, shown
    assert re.search(r"^sanity checks: all \d+ passed$", done.stdout, re.MULTILINE), shown
    for line in CHECKS[name]:
        assert line in done.stdout, f"{line!r} not printed\n{shown}"
    if name in DOCXTPL:
        assert DOCXTPL[name] in done.stdout or SKIPPED in done.stdout, shown
    assert "[FAIL]" not in done.stdout, shown
    assert listing() == before, "the run left files in the repository"
    assert not list(tmp.iterdir()), "the run left temporary files"
