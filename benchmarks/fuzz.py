"""The fuzz campaign: a fixed budget of generated inputs through every target.

Targets (in ``tests/fuzzing.py``, shared with the short run in ``tests/test_fuzz.py``):
mutated curricula (keys dropped, values of the wrong type, references broken) loaded,
planned and checked, some also rendered; mutated session records read and turned into
minutes; templates whose tags are split and garbled at random, rendered with hostile
values; and any text typed as a member's name or a course's title, rendered.

A *crash* is any exception other than studykit's user-error type; an *invalid document*
is a .docx that is not a whole zip python-docx can open. Target: zero of both.
Run by hand: ``.venv/bin/python benchmarks/fuzz.py [--scale 2]``.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import fuzzing


def campaign(name: str, budget: int, strategy: st.SearchStrategy[Any],
             target: Callable[..., str]) -> tuple[Counter[str], float, str | None]:
    """Run ``budget`` inputs; return the outcomes, the seconds, and the first crash."""
    outcomes: Counter[str] = Counter()

    @settings(max_examples=budget, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value: Any) -> None:
        outcome = target(*value) if isinstance(value, tuple) else target(value)
        outcomes[outcome] += 1

    start = time.perf_counter()
    crash = None
    try:
        run()
    except Exception:  # a finding: report it, go on with the next target
        crash = traceback.format_exc(limit=8)
        outcomes["crash"] += 1
    return outcomes, time.perf_counter() - start, crash


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every budget")
    args = parser.parse_args()
    s = args.scale
    targets = [
        ("curricula (load, plan, check)", int(1500 * s), fuzzing.mutated(fuzzing._BASE),
         lambda text: fuzzing.curriculum_target(text, render=False)),
        ("curricula (…and every document)", int(60 * s), fuzzing.mutated(fuzzing._BASE),
         fuzzing.curriculum_target),
        ("session records (read, minutes)", int(1000 * s), fuzzing.mutated(fuzzing._RECORD_BASE),
         fuzzing.record_target),
        ("templates (split, garbled tags)", int(1500 * s), fuzzing.TEMPLATE_PIECES,
         lambda runs: fuzzing.template_target(runs, fuzzing.TEMPLATE_CONTEXT)),
        ("names and titles as typed", int(60 * s), st.tuples(fuzzing.NAMES, fuzzing.NAMES),
         fuzzing.names_target),
    ]
    print(f"{'target':34} {'inputs':>7} {'ok':>6} {'user error':>11} {'crashes':>8} {'time':>8}")
    total: Counter[str] = Counter()
    crashes = []
    for name, budget, strategy, target in targets:
        outcomes, seconds, crash = campaign(name, budget, strategy, target)
        total.update(outcomes)
        tried = sum(outcomes.values())
        print(f"{name:34} {tried:7} {outcomes['ok']:6} {outcomes['user error']:11} "
              f"{outcomes['crash']:8} {seconds:7.1f}s")
        if crash:
            crashes.append((name, crash))
    tried = sum(total.values())
    print(f"{'all':34} {tried:7} {total['ok']:6} {total['user error']:11} "
          f"{total['crash']:8}")
    print("invalid documents: 0 (every document produced was opened; an invalid one would "
          "have counted as a crash)")
    for name, crash in crashes:
        print(f"\nCRASH in {name}:\n{crash}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
