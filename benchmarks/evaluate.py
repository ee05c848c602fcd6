"""The year's evaluation (民主评议党员) of a 2,000-member branch, with its records.

Builds ``benchmarks/ledger.py``'s curriculum (plan.py's organisation, 2,000 members, a
hall of 800) with business indicators on every post (走访服务企业 counted from a visit
log, 服务对象满意度 and 有效投诉 from a results record) and a pioneer post for one party
member in ten, and writes, in a temporary folder, the whole year's records as
ledger.py does (every session of 2026, make-ups), plus:

- a visit log: one visit a month by every fourth member, each counting toward 走访;
- a results record: satisfaction and complaints for every member;
- the evaluation record: a ballot for every party member in the branch on the day of the
  fourth quarter's branch assembly (which holds the evaluation), votes from those there,
  and the grades: 优秀 for exactly the third allowed, 基本合格 for two, the rest 合格.

Then it times, separately (wall-clock seconds, one run each after the imports):
1. reading the records (``checked_records(parse_records(…))``, as ``evaluate`` reads them);
2. ``build_ledger`` of the whole year; 3. ``evaluate``; 4. ``evaluation_tables`` and
``evaluation_json``; the in-process total (``read_evaluation``, steps 1–3, is what the
target of 2 s is about); and ``studykit evaluate … --json`` as a subprocess.

Sanity checks (exit 1 if one fails): evidence for every party member of the year; every
member due graded exactly once, as generated; 优秀 within the third (no flag); every
member's hours in the evidence equal the ledger's; every member's visits and the
indicators reached equal what is computed here from the generated data; the two
基本合格 bring two follow-ups; the CLI's JSON has the same grades.

Run by hand: ``.venv/bin/python benchmarks/evaluate.py`` (a minute or two on 2 cores, most of
it writing the records); ``--quick`` runs the same on 100 members (``tests/test_benchmarks.py``).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from harness import Checks, parse
from ledger import YEAR, _dump, curriculum_text, write_looped_records

INDICATORS = """\
indicators:
  visits: {name: 走访服务企业, unit: 家次, target: 10}
  satisfaction: {name: 服务对象满意度, unit: "%", target: 95}
  complaints: {name: 有效投诉, unit: 件, target: 0, better: lower}
"""
ENTERPRISES = [f"盐城市亭湖区第{n}号企业" for n in range(1, 61)]


def evaluation_curriculum(members: int, seed: int) -> str:
    """ledger.py's curriculum with indicators on every post and pioneer posts."""
    text = curriculum_text(members, seed)
    text = text.replace("roles:\n", INDICATORS + "roles:\n", 1)
    text, posts = re.subn(r"^(    requires: .*)$", r"\1\n    indicators: [visits, satisfaction, "
                          r"complaints]", text, flags=re.MULTILINE)
    if not posts:
        raise SystemExit("benchmarks/plan.py changed: no `    requires:` lines under roles")
    return text


def pioneer_posts(cur: Any, rng: random.Random) -> str:
    """One party member in ten holds a pioneer post (党员先锋岗)."""
    party = [m.id for m in cur.members if m.is_party]
    chosen = sorted(rng.sample(party, max(1, len(party) // 10)))
    return "pioneer-posts:\n" + "".join(
        f"  - {{post: 党员先锋岗{n}, member: {m}, pledge: 服务群众零投诉, period: {YEAR}}}\n"
        for n, m in enumerate(chosen, 1))


def write_year_records(cur: Any, plans: Any, folder: Path, rng: random.Random,
                       ) -> dict[str, Any]:
    """The visit log, the results and the evaluation; what was generated, to check."""
    from studykit.domain.rules import QUORUM_KINDS  # noqa: F401  (imported, not timed)

    visitors = [m.id for m in cur.members][::4]
    visits = [{"member": m, "enterprise": rng.choice(ENTERPRISES),
               "date": date(YEAR, month, rng.randint(3, 26)), "asked": "用工需求",
               "solved": "推荐求职人员"}
              for m in visitors for month in range(1, 13) if rng.random() < 0.85]
    visits = [v for v in visits if cur.member_by_id[v["member"]].in_branch(v["date"])]
    (folder / "visits.yaml").write_text(_dump({"counts": ["visits"], "visits": visits},
                                              "走访服务企业记录"), encoding="utf-8")
    values = {m.id: {"satisfaction": rng.randint(88, 100), "complaints": rng.choice([0, 0, 0, 1])}
              for m in cur.members}
    (folder / "results.yaml").write_text(_dump({"results": YEAR, "values": values},
                                               "业务工作结果"), encoding="utf-8")
    assembly = next(s for p in plans.values() for s in p.sessions if s.evaluation)
    day = assembly.date
    due = [m.id for m in cur.as_of(day).members if m.is_party]
    there = len(due)
    most = math.floor(len(due) / 3)
    excellent = set(rng.sample(due, most))
    rest = [m for m in due if m not in excellent]
    basic = set(rng.sample(rest, min(2, len(rest))))
    grades = {m: "excellent" if m in excellent else "basic" if m in basic else "qualified"
              for m in due}
    ballots = {}
    for m, grade in grades.items():
        lead = there // 2 + 1 + rng.randint(0, max(0, there // 4))
        others = there - lead
        tally = {g: 0 for g in ("excellent", "qualified", "basic", "unqualified")}
        tally[grade] = lead
        tally["qualified" if grade != "qualified" else "excellent"] += others
        ballots[m] = tally
    (folder / "evaluation.yaml").write_text(_dump(
        {"evaluation": YEAR, "session": assembly.id, "ballots": ballots, "grades": grades},
        "民主评议党员"), encoding="utf-8")
    return {"visits": visits, "values": values, "grades": grades, "session": assembly.id}


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parse(parser, members=100)

    started = time.perf_counter()
    import studykit
    from studykit.engine.evaluation import evaluate
    from studykit.engine.ledger import build_ledger
    from studykit.reading.records import checked_records, parse_records, read_evaluation
    from studykit.render.evaluation import evaluation_json, evaluation_tables

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="studykit-evaluate-") as tmp:
        root = Path(tmp)
        text = evaluation_curriculum(args.members, args.seed)
        cur = studykit.loads(text)
        text += pioneer_posts(cur, rng)
        path = root / "curriculum.yaml"
        path.write_text(text, encoding="utf-8")
        cur = studykit.load(path)
        (root / "records").mkdir()
        (plans, work), t_write = _timed(
            lambda: write_looped_records(cur, root / "records", args.seed))
        made = write_year_records(cur, plans, root / "records", rng)
        paths = sorted((root / "records").glob("*.yaml"))
        print(f"studykit evaluation benchmark, year {YEAR}, seed {args.seed}: "
              f"{len(cur.members)} members, {len(cur.pioneer_posts)} pioneer posts")
        print(f"Records written in {t_write:.2f} s: {len(paths)} files "
              f"({len(work.session_files)} sessions, {len(made['visits'])} visits, "
              f"{len(made['grades'])} members graded at {made['session']})")

        steps: dict[str, Callable[[], Any]] = {}
        steps["read"] = lambda: checked_records(parse_records(paths), cur, {YEAR})
        (records, problems, looped), t_read = _timed(steps["read"])
        ledger, t_ledger = _timed(lambda: build_ledger(cur, looped, records, YEAR, None,
                                                       problems, whole_year=True))
        ev, t_eval = _timed(lambda: evaluate(cur, ledger, records, YEAR))
        (tables, as_json), t_out = _timed(lambda: (evaluation_tables(ev), evaluation_json(ev)))
        whole, t_whole = _timed(lambda: read_evaluation(cur, paths, YEAR))
        command = [sys.executable, "-m", "studykit", "evaluate", str(path), "--records",
                   str(root / "records"), "--year", str(YEAR), "--json"]
        cli, t_cli = _timed(lambda: subprocess.run(command, capture_output=True, text=True,
                                                   check=False))
        print(f"\nTimes (wall-clock, one run each; {len(records)} records)")
        print(f"   read the records                 {t_read:8.2f} s")
        print(f"   build_ledger (whole year)        {t_ledger:8.2f} s")
        print(f"   evaluate                         {t_eval:8.2f} s   "
              f"({len(ev.evidence)} members' evidence)")
        print(f"   evaluation_tables + json         {t_out:8.2f} s   ({len(as_json) / 1e6:.2f} MB)")
        print(f"   read_evaluation (1–3, target 2 s) {t_whole:7.2f} s")
        print(f"   `studykit evaluate --json` (CLI) {t_cli:8.2f} s   (exit {cli.returncode})")

        check = Checks()
        print("\nSanity checks")
        party = [m.id for m in cur.during(date(YEAR, 1, 1), date(YEAR, 12, 31)).members
                 if cur.member_by_id[m.id].as_of(date(YEAR, 12, 31)).is_party
                 or m.is_party]
        check({e.member for e in ev.evidence} >= set(made["grades"]),
              f"evidence for every member graded ({len(ev.evidence)} members' evidence, "
              f"{len(party)} party members of the year)")
        check({e.member: e.grade for e in ev.evidence if e.grade} == made["grades"],
              f"every member due graded once, as generated ({len(ev.evaluated)})")
        check(not any(f.rule in ("missing", "excellent_share", "against_ballot")
                      for f in ev.flags),
              f"优秀 {ev.count('excellent')} of {len(ev.evaluated)}, at most "
              f"{ev.excellent_max}: no flag on the share, the ballot or a member missing")
        hours = {h.member: h.year for h in ledger.hours}
        check(all(e.hours is not None and e.hours.year == hours[e.member]
                  for e in ev.evidence),
              "every member's hours in the evidence are the ledger's")
        counted: dict[str, int] = defaultdict(int)
        for v in made["visits"]:
            counted[v["member"]] += 1
        check(all(len(e.visits) == counted[e.member] for e in ev.evidence),
              f"every member's visits as generated ({sum(counted.values())} in all)")
        reached = 0
        for e in ev.evidence:
            got = made["values"][e.member]
            want = {"visits": counted[e.member] >= 10, "satisfaction": got["satisfaction"] >= 95,
                    "complaints": got["complaints"] <= 0}
            reached += sum(want.values()) == sum(bool(r.achieved) for r in e.indicators)
        check(reached == len(ev.evidence),
              f"indicators reached as computed here, for {reached} of {len(ev.evidence)}")
        check(len(ev.followups) == sum(g == "basic" for g in made["grades"].values()),
              f"follow-ups for the 基本合格: {len(ev.followups)}")
        check(whole.count("excellent") == ev.count("excellent"),
              "read_evaluation gives the same evaluation")
        try:
            cli_grades = json.loads(cli.stdout)["grades"] if cli.returncode == 0 else None
        except ValueError:
            cli_grades = None
        check(cli_grades == {g: ev.count(g) for g in ("excellent", "qualified", "basic",
                                                       "unqualified")},
              f"`studykit evaluate --json` exit {cli.returncode}, the same grades")
        if cli.returncode:
            print(cli.stderr[-2000:])
        del tables
    print(f"\ntotal benchmark time: {time.perf_counter() - started:.0f} s")
    check.done()


if __name__ == "__main__":
    main()
