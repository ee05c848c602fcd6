"""The record workbook (活动登记簿, ``records.xlsx``) of a 2,000-member branch's quarter.

Builds ``benchmarks/ledger.py``'s curriculum (plan.py's organisation, 2,000 members, a
hall of 800), plans its first quarter of 2026 (about 100 sessions, the branch assembly
and the lectures for hundreds of members each) and writes its record workbook as
``plan --out`` does. Then it fills in every sheet with openpyxl, as a secretary fills it
in Excel: each expected member's attendance (出席, one in ten 迟到, one in twenty 请假
with a reason, one in fifty 缺席), a speech, a vote and an action owned by the chair.

It times, separately (wall-clock seconds, one run each after the imports):
1. writing the workbook (``record_workbook``);
2. reading the filled workbook (``read_workbook``: the cells into records' data);
3. reading and checking it as ``minutes``/``report`` do (``checked_records(parse_records
   (…))``: the names resolved, every record checked against the curriculum and the plan);
4. the quarter's ledger from it (``build_ledger``).
The target (under 3 s) is about step 3.

Sanity checks (exit 1 if one fails): every sheet is read as a record; no problem is
found; each record's present, late, on leave and absent are what was filled in, member
for member; every vote and action is read; the ledger counts every session as held.

Run by hand: ``.venv/bin/python benchmarks/workbook.py`` (a minute or so on 2 cores, most
of it filling the sheets in with openpyxl); ``--quick`` runs the same on 100 members
(``tests/test_benchmarks.py``).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import Checks, parse
from ledger import YEAR, curriculum_text

STATUSES = (("出席", 0.83), ("迟到", 0.10), ("请假", 0.05), ("缺席", 0.02))
CODES = {"出席": "present", "迟到": "late", "请假": "leave", "缺席": "absent"}


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def fill(path: Path, plan: Any, rng: random.Random) -> dict[str, dict[str, str]]:
    """Fill every record sheet in; return session → member → status as filled."""
    from openpyxl import load_workbook

    from studykit.domain.rules import entitled_voters
    from studykit.reading.sheets import MEMBER_KEYS

    cur = plan.curriculum
    book = load_workbook(path)
    filled: dict[str, dict[str, str]] = {}
    names = {m.id: m.name for m in cur.members}
    words, weights = zip(*STATUSES, strict=True)
    for ws in book.worksheets:
        if ws["H1"].value != "studykit-record":
            continue
        session = ws["I1"].value
        marks: dict[str, str] = {}
        section_rows: dict[str, int] = {}
        for row in ws.iter_rows(min_row=7):
            key, value = row[7].value, row[8].value
            if key in MEMBER_KEYS:
                word = rng.choices(words, weights)[0]
                row[3].value = word
                row[4].value = "外出培训" if word == "请假" else None
                marks[value] = CODES[word]
            elif isinstance(key, str) and key.startswith("section:"):
                section_rows[key.removeprefix("section:")] = row[0].row + 1
        chair = ws["B4"].value or names[next(iter(marks))]
        ws.cell(section_rows["speeches"], 2).value = chair
        ws.cell(section_rows["speeches"], 3).value = "传达上级精神，部署本季度工作。"
        ws.cell(section_rows["votes"], 2).value = "通过本季度工作安排"
        s = plan.session(session)
        voters = entitled_voters(cur.as_of(s.date).member_by_id, s)
        there = sum(1 for m in voters if marks.get(m) in ("present", "late"))
        for col, n in ((3, there), (4, 0), (5, 0)):
            ws.cell(section_rows["votes"], col).value = n
        ws.cell(section_rows["actions"], 2).value = "整理本次活动材料归档"
        ws.cell(section_rows["actions"], 4).value = chair
        ws.cell(section_rows["summary"], 2).value = "活动按计划完成。"
        filled[session] = marks
    book.save(path)
    return filled


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parse(parser, members=100)

    import openpyxl  # noqa: F401  (imported before the clocks start)

    import studykit
    from studykit.domain.records import Record
    from studykit.domain.time import Quarter
    from studykit.engine.ledger import build_ledger
    from studykit.engine.planner import plan_quarter
    from studykit.reading.records import checked_records, parse_records
    from studykit.reading.sheets import read_workbook
    from studykit.render.recordbook import record_workbook

    quarter = Quarter(YEAR, 1)
    with tempfile.TemporaryDirectory(prefix="studykit-workbook-") as tmp:
        root = Path(tmp)
        cur = studykit.loads(curriculum_text(args.members, args.seed),
                             str(root / "curriculum.yaml"))
        plan = plan_quarter(cur, quarter)
        data, t_write = _timed(lambda: record_workbook(plan))
        path = root / "records.xlsx"
        path.write_bytes(data)
        rows = sum(len(s.expected) for s in plan.sessions)
        filled, t_fill = _timed(lambda: fill(path, plan, random.Random(args.seed)))
        size = path.stat().st_size
        print(f"studykit workbook benchmark: {args.members} members, {quarter}, "
              f"{len(plan.sessions)} sheets, {rows} member rows, {size / 1024:.0f} KB filled")
        docs, t_read = _timed(lambda: read_workbook(path))
        (records, problems, plans), t_check = _timed(
            lambda: checked_records(parse_records([path]), cur))
        ledger, t_ledger = _timed(
            lambda: build_ledger(cur, plans, records, YEAR, quarter, problems))
        print(f"1. write the workbook     {t_write:6.2f} s")
        print(f"   (fill it in, openpyxl  {t_fill:6.2f} s: not studykit's)")
        print(f"2. read the cells         {t_read:6.2f} s")
        print(f"3. read and check         {t_check:6.2f} s   (target < 3 s: "
              f"{'met' if t_check < 3 else 'NOT met'})")
        print(f"4. the quarter's ledger   {t_ledger:6.2f} s")

        checks = Checks()
        checks(len(docs) == len(plan.sessions) == len(records),
               f"every sheet read as a record: {len(records)} of {len(plan.sessions)}")
        checks(not problems, f"no problem found ({len(problems)}"
               + (f": {problems[0]}" if problems else "") + ")")
        wrong = 0
        for r in records:
            if not isinstance(r, Record):
                continue
            got = {**{m: "present" for m in r.present}, **{m: "late" for m in r.late},
                   **{m: "leave" for m in r.absent}, **{m: "absent" for m in r.unexcused}}
            wrong += got != filled[r.session]
        checks(wrong == 0, f"attendance as filled in, member for member, in every record "
                           f"({wrong} differ)")
        checks(all(isinstance(r, Record) and len(r.votes) == 1 and len(r.actions) == 1
                   for r in records), "one vote and one action read from every sheet")
        checks(len(ledger.held) == len(plan.sessions),
               f"the ledger counts every session held: {len(ledger.held)}")
        checks.done()


if __name__ == "__main__":
    main()
