"""The ledger of a year: 2,000 members, every session of 2026 recorded, report and workbook.

Builds the large curriculum of ``benchmarks/plan.py`` (``organisation(2000)``: 40 roles,
20 party groups, a committee of 7, 30 courses) with one more venue, a hall of 800 seats
(plan.py's largest room seats 400, fewer than the ~690 party members, so without it
no branch assembly and no theme day could be placed, and there would be nothing to
vote at), plans the four quarters of 2026 (``year_plans``; 2026 has built-in holiday
data) and writes, in a temporary folder, the records of the whole year as a user would
(YAML text, ``yaml.safe_dump`` style, dates plain ISO, times double-quoted):

- one record per planned session: its attendees present (most), late (~4 %) or absent
  with a reason (~3 %); one or two votes at every branch assembly and committee
  meeting; two action items with due dates at every committee meeting; ``done:``
  references (``<session id>/<n>``) closing about 70 % of the earlier open items;
- make-up records (``makeup: [...]``), one file per month, closing about 60 % of the
  absences from study sessions (make-ups after 31 December are left out).

Everything is drawn from a seeded RNG. Then it times, separately (wall-clock seconds,
``time.perf_counter``, one run each after the imports):

1. ``read_records(paths, cur, plans)``; 2. ``build_ledger``; 3. ``ledger_json``;
4. ``ledger_xlsx``; 5. ``report_docx(ledger, Templates(cur.locale))``; and the whole
``studykit report CURRICULUM --records DIR --out OUT`` as a subprocess (which reads the
curriculum, plans the year and reads the records twice on its own).

Peak memory is the VmHWM of a fresh child process that loads the curriculum, plans the
year, reads the records, builds the ledger and writes the workbook and the report,
next to a child that only imports studykit.

Sanity checks (the script exits 1 if one fails): every session record is counted
(``len(ledger.held)``); every member's study hours, computed here from the generated
data (study sessions attended, plus make-ups; committee meetings are not study),
equal ``ledger.hours`` (one member is shown in detail); the make-up and action items
and how many are closed agree with what was generated; ``ledger.problems`` is empty;
the CLI succeeds and writes both files, its ledger.xlsx byte-identical to the one made
here (``ledger_xlsx`` promises the same bytes for the same ledger).

Run by hand: ``.venv/bin/python benchmarks/ledger.py`` (about 1–2 minutes on 2 cores);
``--profile`` adds a cProfile of the slowest in-process step (or ``--profile STEP``);
``--quick`` runs the same on 100 members (what ``tests/test_benchmarks.py`` runs).
"""

from __future__ import annotations

import argparse
import math
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from harness import Checks, parse
from memory import peak_mb
from plan import organisation

if TYPE_CHECKING:
    from studykit.domain.models import Curriculum
    from studykit.domain.plan import Plan, Session
    from studykit.domain.time import Quarter
    from studykit.engine.ledger import Ledger

YEAR = 2026
HALL = "礼堂: 800, "
ABSENT, LATE = 0.03, 0.04         # odds for each expected attendee
MAKEUP = 0.6                      # odds that a missed study session is made up
CLOSE = 0.7                       # odds that an open action item is closed at a meeting
REASONS = ["病假", "事假", "外出走访企业", "参加上级业务培训", "出差", "窗口值班", "年休假"]
HOW = ["观看录像并提交学习心得", "自学材料并参加线上测试", "集中补学", "听取录音并撰写体会"]
SAID = ["结合岗位工作谈了学习体会。", "对照要求查找了自身不足，提出了改进措施。",
        "建议把学习成果转化为服务群众的具体举措。", "汇报了近期工作进展和下一步打算。"]
TASKS = ["整理会议材料报上级党组织", "督促落实本月学习计划", "走访就业困难人员并建立台账",
         "更新党员信息管理系统", "准备下季度学习计划草案", "开展谈心谈话并形成记录"]
STEPS = ("read", "ledger", "json", "xlsx", "docx")


# --- the year's records ------------------------------------------------------------------


class _Clock(str):
    """A time of day, written double-quoted ("15:00"): unquoted, YAML 1.1 reads 15:00
    as the number 900 (and 09:00 stays a string only by luck)."""


class _Dumper(yaml.SafeDumper):
    """``yaml.safe_dump``'s dumper, plus double quotes for :class:`_Clock`
    (``safe_dump`` itself cannot be given another dumper)."""


_Dumper.add_representer(
    _Clock, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value),
                                                          style='"'))


def _dump(data: dict[str, Any], comment: str) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=None, width=100)
    return f"# {comment}\n{text}"


def curriculum_text(members: int, seed: int) -> str:
    """plan.py's large curriculum with a hall that seats every party member."""
    text = organisation(members, seed)
    if "venues: {" not in text:
        raise SystemExit("benchmarks/plan.py changed: no `venues: {` in organisation()")
    return text.replace("venues: {", "venues: {" + HALL, 1)


@dataclass
class Workload:
    """What was generated, to check the ledger against."""

    session_files: list[Path] = field(default_factory=list)
    makeup_files: list[Path] = field(default_factory=list)
    attended: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    """Member → hours of study sessions they were at (present or late)."""
    made_up: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    """Member → hours of study sessions they missed and made up."""
    marks: int = 0
    late: int = 0
    absent: int = 0
    missed_study: int = 0
    """Absences (and excused members) of study sessions: the make-up items."""
    makeups: int = 0
    votes: int = 0
    actions: int = 0
    closed: int = 0
    bytes: int = 0

    @property
    def files(self) -> list[Path]:
        return sorted([*self.session_files, *self.makeup_files])


def write_looped_records(cur: Curriculum, folder: Path, seed: int,
                         ) -> tuple[dict[Quarter, Plan], Workload]:
    """The year's records written quarter by quarter, as a branch lives it: each quarter's
    plan is made from the records of the quarters before (who attended what, the levels
    the courses raised), and its sessions' records written from that plan."""
    from studykit.domain.time import Quarter
    from studykit.engine.planner import year_plans
    from studykit.reading.records import check_records, parse_records

    work = Workload()
    records: list[Any] = []
    for number in (1, 2, 3, 4):
        quarter = Quarter(YEAR, number)
        plans = year_plans(cur, [YEAR], records)
        part = write_records(cur, {quarter: plans[quarter]}, folder, seed * 10 + number,
                             tag=f"-q{number}")
        for name, value in vars(part).items():
            mine = getattr(work, name)
            if isinstance(value, list):
                mine.extend(value)
            elif isinstance(value, dict):
                for key, amount in value.items():
                    mine[key] += amount
            else:
                setattr(work, name, mine + value)
        records, _ = check_records(parse_records(work.files), cur)
    return year_plans(cur, [YEAR], records), work


def write_records(cur: Curriculum, plans: dict[Quarter, Plan], folder: Path,
                  seed: int, tag: str = "") -> Workload:
    """One record per planned session of ``plans`` and monthly make-up records (named
    ``makeup-<month><tag>.yaml``)."""
    rng = random.Random(seed)
    work = Workload()
    committee = [m.id for m in cur.members if m.committee]
    full = {m.id for m in cur.members if m.party == "full"}
    sessions: list[Session] = sorted((s for p in plans.values() for s in p.sessions),
                                     key=lambda s: (s.date, s.start, s.id))
    open_actions: list[str] = []
    makeups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    year_end = date(YEAR, 12, 31)
    for s in sessions:
        present: list[str] = []
        late: list[str] = []
        absent: dict[str, str] = {}
        for m in s.attendees:
            draw = rng.random()
            if draw < ABSENT:
                absent[m] = rng.choice(REASONS)
            elif draw < ABSENT + LATE:
                late.append(m)
            else:
                present.append(m)
        there = [*present, *late]
        record: dict[str, Any] = {
            "session": s.id, "date": s.date,
            "start": _Clock(f"{s.start:%H:%M}"), "end": _Clock(f"{s.end:%H:%M}"),
        }
        if s.venue:
            record["venue"] = s.venue
        record["recorder"] = rng.choice(there)
        record["present"] = present
        if late:
            record["late"] = late
        if absent:
            record["absent"] = absent
        if s.agenda:
            record["topics"] = list(s.agenda)
        study = s.kind != "committee"  # a committee meeting decides; it does not study
        if study:
            record["materials"] = [f"《{s.title}》学习材料"]
        record["speeches"] = [{"who": m, "said": rng.choice(SAID)}
                              for m in rng.sample(there, min(len(there), rng.randint(1, 3)))]
        if s.kind in ("branch-assembly", "committee"):
            entitled = full if s.kind == "branch-assembly" else set(committee)
            voters = sum(1 for m in there if m in entitled)
            record["votes"] = []
            for n in range(rng.randint(1, 2)):
                against = rng.randint(0, min(1, voters))
                abstain = rng.randint(0, min(2, voters - against))
                record["votes"].append({"motion": f"{s.title}第{n + 1}项议题",
                                        "for": voters - against - abstain,
                                        "against": against, "abstain": abstain})
            work.votes += len(record["votes"])
            record["decisions"] = [f"通过{s.title}各项议题。"]
        closing = [ref for ref in open_actions if rng.random() < CLOSE] \
            if s.kind == "committee" else []
        if s.kind == "committee":
            record["actions"] = [{"task": task, "owner": rng.choice(committee),
                                  "due": s.date + timedelta(days=rng.randint(7, 25))}
                                 for task in rng.sample(TASKS, 2)]
            work.actions += 2
        if closing:
            record["done"] = closing
            open_actions = [ref for ref in open_actions if ref not in closing]
            work.closed += len(closing)
        if s.kind == "committee":
            open_actions += [f"{s.id}/{n}" for n in (1, 2)]
        record["summary"] = f"会议要求把{s.title}的成果落实到具体工作中。"

        work.marks += len(s.attendees)
        work.late += len(late)
        work.absent += len(absent)
        if study:
            for m in there:
                work.attended[m] += s.hours
            missed = [*absent, *(m for m in s.excused if m not in there and m not in absent)]
            work.missed_study += len(missed)
            for m in missed:
                day = s.date + timedelta(days=rng.randint(2, 28))
                if rng.random() < MAKEUP and day <= year_end:
                    makeups[f"{day:%Y-%m}"].append(
                        {"member": m, "session": s.id, "date": day, "how": rng.choice(HOW)})
                    work.made_up[m] += s.hours
                    work.makeups += 1
        path = folder / f"{s.date}-{s.id}.yaml"
        text = _dump(record, f"会议记录素材：{s.title}")
        path.write_text(text, encoding="utf-8")
        work.session_files.append(path)
        work.bytes += len(text.encode())
    for month, items in sorted(makeups.items()):
        path = folder / f"makeup-{month}{tag}.yaml"
        text = _dump({"makeup": sorted(items, key=lambda i: (i["date"], i["member"]))},
                     f"补学记录：{month}")
        path.write_text(text, encoding="utf-8")
        work.makeup_files.append(path)
        work.bytes += len(text.encode())
    return work


# --- measuring ---------------------------------------------------------------------------


def _child(which: str, folder: str) -> None:
    """Run in a fresh process: do the work, print the peak resident memory in MB."""
    import studykit

    if which == "work":
        from studykit.engine.ledger import build_ledger
        from studykit.reading.records import checked_records, parse_records, record_files
        from studykit.render.docxtemplate import Templates
        from studykit.render.report import ledger_xlsx, report_docx

        cur = studykit.load(Path(folder) / "curriculum.yaml")
        docs = parse_records(record_files([Path(folder) / "records"]))
        records, problems, plans = checked_records(docs, cur, {YEAR})
        ledger = build_ledger(cur, plans, records, YEAR, None, problems)
        ledger_xlsx(ledger)
        report_docx(ledger, Templates(cur.locale))
    print(f"{peak_mb():.1f}")


def _peak_child(which: str, folder: Path) -> float:
    out = subprocess.run([sys.executable, __file__, "--child", which, str(folder)],
                         check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def _mb(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


def _zip_diff(a: bytes, b: bytes) -> list[str]:
    """The parts of two zip files (.xlsx) whose content differs."""
    import io
    import zipfile

    za, zb = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(b))
    names = sorted({*za.namelist(), *zb.namelist()})
    return [n for n in names if n not in za.namelist() or n not in zb.namelist()
            or za.read(n) != zb.read(n)]


def _checks(ledger: Ledger, work: Workload) -> Checks:
    check = Checks()
    print("\nSanity checks")
    check(len(ledger.held) == len(work.session_files),
          f"sessions held counted: {len(ledger.held)} of {len(work.session_files)} "
          "session records")
    got = {h.member: h.year for h in ledger.hours}
    expected = {m.id: work.attended[m.id] + work.made_up[m.id] for m in ledger.curriculum.members}
    # one member in detail: the first with both a make-up and study attended
    shown = next((m for m in sorted(expected) if work.made_up[m] and work.attended[m]),
                 sorted(expected)[0])
    check(math.isclose(got.get(shown, -1), expected[shown], abs_tol=1e-6),
          f"hours of {shown}: computed here {work.attended[shown]:g} attended + "
          f"{work.made_up[shown]:g} made up = {expected[shown]:g}; ledger "
          f"{got.get(shown, float('nan')):g}")
    wrong = sorted(m for m in expected if not math.isclose(got.get(m, -1), expected[m],
                                                           abs_tol=1e-6))
    check(not wrong,
          f"hours of every member ({len(expected)}) equal those computed here: "
          f"{len(expected) - len(wrong)} equal, {len(wrong)} differ")
    for m in wrong[:5]:
        print(f"          {m}: computed {expected[m]:g} (attended {work.attended[m]:g} + "
              f"made up {work.made_up[m]:g}), ledger {got.get(m, float('nan')):g}")
    done = sum(1 for i in ledger.makeup if i.status == "done")
    check(len(ledger.makeup) == work.missed_study and done == work.makeups,
          f"make-up items: {len(ledger.makeup)} (generated {work.missed_study} absences from "
          f"study sessions), {done} done (generated {work.makeups} make-ups)")
    closers: dict[tuple[str, str, date | None], list[date]] = defaultdict(list)
    for item in ledger.makeup:
        if item.done is not None:
            closers[item.member, item.session, item.done].append(item.held)
    shared = {k: v for k, v in closers.items() if len(v) > 1}
    if shared:
        (member, session, day), held = next(iter(shared.items()))
        print(f"          {len(shared)} make-up entries each closed more than one absence: a "
              f"course's session id comes back every quarter; e.g. {member}'s make-up of "
              f"{session} on {day} closed the absences of {', '.join(map(str, held))}")
    closed = sum(1 for a in ledger.actions if a.status == "done")
    check(len(ledger.actions) == work.actions and closed == work.closed,
          f"action items: {len(ledger.actions)} (generated {work.actions}), {closed} done "
          f"(generated {work.closed} `done:` references)")
    check(not ledger.problems, f"ledger.problems is empty ({len(ledger.problems)})")
    for p in ledger.problems[:5]:
        print(f"          {p}")
    return check


def _profile(step: str, fn: Callable[[], Any], top: int = 10) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(fn)
    for order in ("cumulative", "tottime"):
        print(f"\nprofile: {step}, top {top} by {order} time")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats(order).print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", nargs="?", const="slowest", choices=["slowest", *STEPS],
                        help="cProfile a step (default: the slowest), top 10 functions")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parse(parser, members=100)

    if args.child:
        _child(*args.child)
        return

    started = time.perf_counter()
    import openpyxl  # noqa: F401  (imported before the clocks start)

    import studykit
    from studykit.domain.records import Record
    from studykit.engine.ledger import build_ledger
    from studykit.engine.levels import project_levels
    from studykit.engine.planner import year_plans
    from studykit.reading.records import checked_records, parse_records
    from studykit.render.docxtemplate import Templates
    from studykit.render.report import ledger_json, ledger_xlsx, report_docx

    with tempfile.TemporaryDirectory(prefix="studykit-ledger-") as tmp:
        root = Path(tmp)
        text = curriculum_text(args.members, args.seed)
        (root / "curriculum.yaml").write_text(text, encoding="utf-8")
        (root / "records").mkdir()
        cur, t_load = _timed(lambda: studykit.loads(text, str(root / "curriculum.yaml")))
        plans, t_plan = _timed(lambda: year_plans(cur, [YEAR]))
        (plans, work), t_write = _timed(
            lambda: write_looped_records(cur, root / "records", args.seed))
        paths = work.files
        baseline = _peak_child("imports", root)
        print(f"studykit ledger benchmark, year {YEAR}, seed {args.seed}; a child that only "
              f"imports studykit peaks at {baseline:.1f} MB")

        planned = sum(len(p.sessions) for p in plans.values())
        unplaced = sum(len(p.unplaced) for p in plans.values())
        groups = len({m.group for m in cur.members if m.group})
        print(f"\nCurriculum: {len(cur.members)} members, {len(cur.courses)} courses, "
              f"{groups} party groups (plan.py's organisation + a hall of 800 seats)")
        print(f"   load {t_load:.2f} s; year_plans {t_plan:.2f} s: {planned} sessions planned in "
              f"2026, {unplaced} unplaced")
        print(f"Records written in {t_write:.2f} s: {len(paths)} files, {_mb(work.bytes)} — "
              f"{len(work.session_files)} session records, {len(work.makeup_files)} make-up "
              f"records ({work.makeups} make-ups)")
        print(f"   {work.marks} expected attendances: {work.late} late, {work.absent} absent; "
              f"{work.votes} votes, {work.actions} action items, {work.closed} closed by "
              "`done:`")

        steps: dict[str, Callable[[], Any]] = {}
        # as `studykit report` reads them: the year's plans made again, in order, from the
        # records (who already attended what, the levels courses raised)
        steps["read"] = lambda: checked_records(parse_records(paths), cur, {YEAR})
        (records, problems, looped), t_read = _timed(steps["read"])
        steps["ledger"] = lambda: build_ledger(cur, looped, records, YEAR, None, problems)
        ledger, t_ledger = _timed(steps["ledger"])
        steps["levels"] = lambda: project_levels(cur, looped, records, date(YEAR, 12, 31))
        projection, t_levels = _timed(steps["levels"])
        steps["json"] = lambda: ledger_json(ledger)
        as_json, t_json = _timed(steps["json"])
        steps["xlsx"] = lambda: ledger_xlsx(ledger)
        xlsx, t_xlsx = _timed(steps["xlsx"])
        steps["docx"] = lambda: report_docx(ledger, Templates(cur.locale))
        docx, t_docx = _timed(steps["docx"])
        out = root / "out"
        command = [sys.executable, "-m", "studykit", "report", str(root / "curriculum.yaml"),
                   "--records", str(root / "records"), "--out", str(out)]
        cli, t_cli = _timed(lambda: subprocess.run(command, capture_output=True, text=True,
                                                   check=False))
        peak = _peak_child("work", root)

        times = {"read": t_read, "ledger": t_ledger, "json": t_json, "xlsx": t_xlsx,
                 "docx": t_docx}
        sessions = sum(isinstance(r, Record) for r in records)
        print(f"\nTimes (wall-clock, one run each; {len(records)} records, "
              f"{len(cur.members)} members)")
        print(f"   checked_records(parse_records(…)){t_read:8.2f} s   "
              f"({t_read / len(records) * 1000:.1f} ms a record)")
        print(f"   build_ledger                      {t_ledger:8.2f} s")
        print(f"   project_levels (31 December)      {t_levels:8.2f} s   "
              f"({len(projection.raised)} levels raised by courses)")
        print(f"   ledger_json                       {t_json:8.2f} s   ({_mb(len(as_json))})")
        print(f"   ledger_xlsx                       {t_xlsx:8.2f} s   ({_mb(len(xlsx))})")
        print(f"   report_docx                       {t_docx:8.2f} s   ({_mb(len(docx))})")
        print(f"   in-process total                  {sum(times.values()):8.2f} s")
        print(f"   `studykit report … --out` (CLI)   {t_cli:8.2f} s   (exit {cli.returncode}; "
              "loads, plans the year, reads the records twice)")
        print(f"\nLedger: {len(ledger.held)} sessions held ({sessions} session records), "
              f"{len(ledger.hours)} members' hours, {len(ledger.makeup)} make-up items "
              f"({sum(i.status == 'done' for i in ledger.makeup)} done), "
              f"{len(ledger.actions)} action items "
              f"({sum(a.status == 'done' for a in ledger.actions)} done), {len(ledger.votes)} "
              f"votes, {len(ledger.quorum)} quorum checks, {len(ledger.growth)} growth rows")
        files = {name: (out / name).stat().st_size if (out / name).is_file() else None
                 for name in ("report.docx", "ledger.xlsx")}
        print("Files written by the CLI: " + ", ".join(
            f"{name} {_mb(size) if size is not None else 'MISSING'}"
            for name, size in files.items()))
        differ: list[str] | None = None
        if files["ledger.xlsx"] is not None:
            differ = _zip_diff((out / "ledger.xlsx").read_bytes(), xlsx)
            print("   its ledger.xlsx against the in-process one: "
                  + (f"parts that differ: {', '.join(differ)}" if differ else "byte-identical"))
        print(f"Peak memory: {peak:.1f} MB (child: load, year_plans, read, build_ledger, xlsx, "
              f"docx) vs {baseline:.1f} MB (imports only)")

        check = _checks(ledger, work)
        # courses only raise levels (no assessment records here), never above 5
        base = {m.id: m.levels for m in cur.members}
        lowered = [(m, c) for m, levels in projection.levels.items() for c, n in levels.items()
                   if n < base[m].get(c, 0) or n > 5]
        check(not lowered, f"projected levels are the curriculum's raised by courses, at most "
                           f"5 ({len(lowered)} otherwise)")
        if not check(cli.returncode == 0 and None not in files.values(),
                     f"`studykit report` exit {cli.returncode}, report.docx and ledger.xlsx "
                     "written"):
            print(f"          {cli.stderr[-2000:]}")
        if differ is not None:  # ledger_xlsx promises the same bytes for the same ledger
            check((out / "ledger.xlsx").read_bytes() == xlsx,
                  "the CLI's ledger.xlsx is byte-identical to the in-process one"
                  + (f" (parts that differ: {', '.join(differ)})" if differ else ""))
        if args.profile:
            step = max(times, key=lambda k: times[k]) if args.profile == "slowest" \
                else args.profile
            _profile(f"{step} ({times[step]:.2f} s unprofiled)", steps[step])
    print(f"\ntotal benchmark time: {time.perf_counter() - started:.0f} s")
    check.done()


if __name__ == "__main__":
    main()
