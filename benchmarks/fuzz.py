"""The fuzz campaign: a fixed budget of generated inputs through every target.

Targets (in ``tests/fuzzing.py``, shared with the short run in ``tests/test_fuzz.py``):
mutated curricula (keys dropped, values of the wrong type, references broken) loaded,
planned and checked, some also rendered; mutated session records read and turned into
minutes; templates whose tags are split and garbled at random, rendered with hostile
values; and any text typed as a member's name or a course's title, rendered. Then one
target for each class of input that broke the first version:

- control and format characters, line separators and terminal escapes in names and
  titles, through every sink (terminal, documents, calendar.ics, ledger.xlsx, JSON);
- numbers, dates and times at and past every edge;
- special files given as a curriculum (FIFO, /dev/zero, a folder, a symlink loop, an
  empty and a 16 GB sparse file, a socket);
- YAML alias graphs (laughs of any width and depth, merges, duplicate keys);
- template bombs (powers, repetition, nested loops, doubling, recursion, widths);
- hostile template packages (entry names, dropped parts, bombs, flipped bits);
- kill points: a quarter's documents committed over the old ones, SIGKILLed at random
  steps (one input is a campaign of many kills).

A *crash* is any exception other than studykit's user-error type; an *invalid document*
is a .docx that is not a whole zip python-docx can open (each target opens every
document it makes: an invalid one counts as a crash); a *hang* is an input that took
longer than ``--hang`` seconds (20). Target: zero of each; the run exits 1 on any crash
or hang, or when a target ran no input at all.
Run by hand: ``.venv/bin/python benchmarks/fuzz.py [--scale 2]``; ``--quick`` is
``--scale 0.05`` (at least one input a target; what ``tests/test_benchmarks.py`` runs).
"""

from __future__ import annotations

import argparse
import atexit
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import Checks, parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import fuzzing


def campaign(name: str, budget: int, strategy: st.SearchStrategy[Any],
             target: Callable[..., str], hang: float = 20.0,
             ) -> tuple[Counter[str], float, str | None]:
    """Run ``budget`` inputs; return the outcomes (``hang`` counted beside them), the
    seconds, and the first crash."""
    outcomes: Counter[str] = Counter()

    @settings(max_examples=budget, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value: Any) -> None:
        started = time.perf_counter()
        outcome = target(*value) if isinstance(value, tuple) else target(value)
        outcomes[outcome] += 1
        if time.perf_counter() - started > hang:
            outcomes["hang"] += 1

    start = time.perf_counter()
    crash = None
    try:
        run()
    except Exception:  # a finding: report it, go on with the next target
        crash = traceback.format_exc(limit=8)
        outcomes["crash"] += 1
    return outcomes, time.perf_counter() - start, crash


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every budget")
    parser.add_argument("--hang", type=float, default=20.0,
                        help="seconds after which one input counts as a hang")
    args = parse(parser, scale=0.05)
    work = Path(tempfile.mkdtemp(prefix="studykit-fuzz-"))
    atexit.register(shutil.rmtree, work, True)         # whatever way the run ends

    def budget(n: int) -> int:
        return max(1, int(n * args.scale))

    targets = [
        ("curricula (load, plan, check)", budget(1500), fuzzing.mutated(fuzzing._BASE),
         lambda text: fuzzing.curriculum_target(text, render=False)),
        ("curricula (…and every document)", budget(60), fuzzing.mutated(fuzzing._BASE),
         fuzzing.curriculum_target),
        ("session records (read, minutes)", budget(1000), fuzzing.mutated(fuzzing._RECORD_BASE),
         fuzzing.record_target),
        ("templates (split, garbled tags)", budget(1500), fuzzing.TEMPLATE_PIECES,
         lambda runs: fuzzing.template_target(runs, fuzzing.TEMPLATE_CONTEXT)),
        ("names and titles as typed", budget(60), st.tuples(fuzzing.NAMES, fuzzing.NAMES),
         fuzzing.names_target),
        ("control characters at every sink", budget(150),
         st.tuples(fuzzing.ODD_TEXT, fuzzing.ODD_TEXT),
         lambda name, title: fuzzing.sinks_target(name, title, work)),
        ("extreme numbers and dates", budget(800), fuzzing.extreme_curriculum(),
         lambda text: fuzzing.curriculum_target(text, render=False)),
        ("special files", budget(40), fuzzing.SPECIAL_FILES,
         lambda kind: fuzzing.special_file_target(kind, work)),
        ("YAML alias graphs", budget(300), fuzzing.alias_graph(), fuzzing.yaml_target),
        ("template bombs", budget(40), fuzzing.TEMPLATE_BOMBS, fuzzing.template_bomb_target),
        ("hostile template packages", budget(600), fuzzing.hostile_package(),
         fuzzing.package_target),
        ("kill points (30 kills each)", budget(20), fuzzing.KILL_SEEDS,
         lambda seed: fuzzing.kill_target(seed, work)),
    ]
    print(f"{'target':34} {'inputs':>7} {'ok':>6} {'user error':>11} {'crashes':>8} "
          f"{'hangs':>6} {'time':>8}")
    total: Counter[str] = Counter()
    crashes = []
    idle = []
    for name, inputs, strategy, target in targets:
        outcomes, seconds, crash = campaign(name, inputs, strategy, target, args.hang)
        total.update(outcomes)
        tried = sum(n for k, n in outcomes.items() if k != "hang")
        if not tried:
            idle.append(name)
        print(f"{name:34} {tried:7} {outcomes['ok']:6} {outcomes['user error']:11} "
              f"{outcomes['crash']:8} {outcomes['hang']:6} {seconds:7.1f}s")
        if crash:
            crashes.append((name, crash))
    tried = total["ok"] + total["user error"] + total["crash"]
    print(f"{'all':34} {tried:7} {total['ok']:6} {total['user error']:11} "
          f"{total['crash']:8} {total['hang']:6}")
    print(f"invalid documents: {'0' if not crashes else 'among the crashes'} (every document "
          "produced was opened; an invalid one counts as a crash)")
    for name, crash in crashes:
        print(f"\nCRASH in {name}:\n{crash}")
    print("\nSanity checks")
    check = Checks()
    check(not idle, f"every target ran inputs ({len(targets) - len(idle)} of {len(targets)}"
          + (f"; none for {', '.join(idle)})" if idle else ")"))
    check(not crashes, f"{total['crash']} crashes in {tried} inputs")
    check(not total["hang"], f"{total['hang']} inputs took longer than {args.hang:g} s")
    check.done()


if __name__ == "__main__":
    main()
