"""Load + validate a large curriculum against plain ``yaml.load(..., CSafeLoader)``.

Generates a curriculum of 10,000 members and 300 courses, then times, in one run:

- the baseline: ``yaml.load(text, Loader=yaml.CSafeLoader)`` (no validation, no lines);
- ``studykit.loads(text)``: safe parsing that keeps line numbers, the schema and
  every cross-reference check.

Peak memory is measured for each in a fresh child process (VmHWM), so the
two do not share a heap. Sanity checks (the run exits 1 if one fails): both read every
member and every course, with the same ids, and studykit finds no problem.

Then **a file full of mistakes**: 2,500, 5,000 and 10,000 keys, each written twice, all
unknown, so every key is a problem to locate at file:line (a duplicate and an unknown
key): the time to report them all should grow about linearly.

Run by hand: ``.venv/bin/python benchmarks/load.py``; ``--quick`` runs the same on 300
members and 30 courses, once, and 200 and 400 keys (what ``tests/test_benchmarks.py``
runs).
Target (issue 2): studykit within 1.5× of the baseline, peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from harness import Checks, parse
from memory import peak_mb

COMPETENCIES = ["theory", "policy", "communication", "leadership", "project", "integrity"]
KINDS = ["lecture", "seminar", "skill", "party-lecture", "theme-day", "practice"]


def generate(members: int, courses: int, seed: int = 1) -> str:
    """A valid curriculum with ``members`` members and ``courses`` courses, as YAML text."""
    rng = random.Random(seed)
    roles = [f"role-{i}" for i in range(20)]
    lines = [
        "studykit: 1",
        "organization:",
        "  name: 基准测试党委",
        "  venues: {大会议室: 400, 党员活动室: 40}",
        "competencies:",
        *(f"  {c}: 能力{c}" for c in COMPETENCIES),
        "roles:",
    ]
    for r in roles:
        req = ", ".join(f"{c}: {rng.randint(1, 5)}" for c in rng.sample(COMPETENCIES, 4))
        lines += [f"  {r}:", f"    name: 岗位{r}", f"    requires: {{{req}}}"]
    lines.append("members:")
    for i in range(members):
        party = rng.choice(["full", "full", "probationary", "activist", "none"])
        levels = ", ".join(f"{c}: {rng.randint(0, 5)}" for c in rng.sample(COMPETENCIES, 4))
        lines += [
            f"  - id: m{i:05d}",
            f"    name: 成员{i:05d}",
            f"    role: {rng.choice(roles)}",
            f"    party: {party}",
        ]
        if party in ("full", "probationary"):
            lines.append(f"    group: 第{i % 50 + 1}党小组")
        lines.append(f"    levels: {{{levels}}}")
        if i % 20 == 0:
            lines.append("    unavailable: [2027-03-08..2027-03-12, 2027-02-25]")
    lines.append("courses:")
    for i in range(courses):
        kind = KINDS[i % len(KINDS)]
        lines += [
            f"  - id: course-{i:03d}",
            f"    title: 课程{i:03d}",
            f"    kind: {kind}",
            f"    hours: {rng.choice([1, 2, 3])}",
            f"    builds: {{{rng.choice(COMPETENCIES)}: 1}}",
            "    agenda: [导入, 讲授, 讨论, 小结]",
        ]
        if i % 10 == 0:
            lines.append(f"    date: 2027-0{i % 3 + 1}-1{i % 9}")
    lines += ["calendar:", '  start: "15:00"', "  max-per-week: 2"]
    return "\n".join(lines) + "\n"


def _baseline(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def _studykit(text: str) -> object:
    import studykit

    return studykit.loads(text, "bench.yaml")


def _time(fn: object, text: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def _peak_child(which: str, path: Path) -> float:
    """Peak resident memory (MB) of a fresh process that loads ``path`` once."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(path)],
        check=True, capture_output=True, text=True,
    )
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--courses", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--mistakes", type=int, nargs="+", default=[2500, 5000, 10000],
                        help="sizes of the file of duplicated, unknown keys")
    args = parse(parser, members=300, courses=30, repeat=1, mistakes=[200, 400])

    if args.child:
        which, path = args.child
        text = Path(path).read_text(encoding="utf-8")
        (_baseline if which == "baseline" else _studykit)(text)
        print(f"{peak_mb():.1f}")
        return

    text = generate(args.members, args.courses)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(text, encoding="utf-8")
        _studykit(text)  # warm up imports
        base = _time(_baseline, text, args.repeat)
        mine = _time(_studykit, text, args.repeat)
        mem_base = _peak_child("baseline", path)
        mem_mine = _peak_child("studykit", path)

    size = len(text.encode()) / 1e6
    b, m = statistics.median(base), statistics.median(mine)
    print(f"curriculum: {args.members} members, {args.courses} courses, "
          f"{text.count(chr(10))} lines, {size:.1f} MB")
    print(f"yaml.load CSafeLoader : {b * 1000:8.0f} ms  (median of {args.repeat})  "
          f"peak {mem_base:6.1f} MB")
    print(f"studykit.loads        : {m * 1000:8.0f} ms  (median of {args.repeat})  "
          f"peak {mem_mine:6.1f} MB")
    print(f"ratio                 : {m / b:8.2f}×  (target ≤ 1.5×)")

    reported = mistakes(args.mistakes)

    print("\nSanity checks")
    check = Checks()
    check(all(n == 2 * keys for keys, n in reported),
          "mistakes: every key reported twice (duplicate, unknown): "
          + ", ".join(f"{n} of {2 * keys}" for keys, n in reported))
    raw: Any = _baseline(text)
    cur: Any = _studykit(text)
    raw_ids = [m["id"] for m in raw["members"]], [c["id"] for c in raw["courses"]]
    ids = [m.id for m in cur.members], [c.id for c in cur.courses]
    check(len(raw_ids[0]) == args.members and len(raw_ids[1]) == args.courses,
          f"yaml.load: {len(raw_ids[0])} members, {len(raw_ids[1])} courses "
          f"(generated {args.members}, {args.courses})")
    check(ids == raw_ids,
          f"studykit.loads: {len(ids[0])} members, {len(ids[1])} courses, the same ids in the "
          "same order as yaml.load's")
    check.done()


def mistakes(sizes: list[int]) -> list[tuple[int, int]]:
    """Time ``studykit.loads`` of files of ``n`` keys each written twice; return, for each
    size, how many problems it reported."""
    import studykit

    print("\nA file full of mistakes: n keys, each written twice and unknown")
    rows, out = [], []
    for n in sizes:
        text = "studykit: 1\norganization: {name: x}\n" + "".join(
            f"k{i}: 1\n" for i in range(n)) + "".join(f"k{i}: 2\n" for i in range(n))
        start = time.perf_counter()
        try:
            studykit.loads(text, "mistakes.yaml")
            problems = 0
        except studykit.InputError as exc:
            problems = sum(p.key.startswith("k") for p in exc.problems)
        seconds = time.perf_counter() - start
        rows.append((n, seconds))
        out.append((n, problems))
        print(f"   {n:>6} keys: {problems} problems located in {seconds * 1000:7.0f} ms")
    (n0, t0), (n1, t1) = rows[0], rows[-1]
    print(f"   growth: ×{t1 / t0:.1f} for ×{n1 / n0:.1f} keys "
          f"(~n^{math.log(t1 / t0) / math.log(n1 / n0):.2f})")
    return out


if __name__ == "__main__":
    main()
