"""A district: many branches planned in one run, and one overview of who is behind.

:func:`plan_branches` plans and writes every branch's quarter into a folder of its own
(``OUT/<curriculum file name>/``), in parallel across the machine's cores; a branch
whose curriculum is invalid or whose plan cannot be completed is reported with its
problems, and the others still complete. :func:`district_overview` counts each branch's
records (``RECORDS/<curriculum file name>/``) and sets the branches side by side, with
the competency gaps that several branches share: the courses a district could organise
centrally.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import UserError
from .ledger import Ledger
from .models import Quarter


@dataclass(frozen=True)
class BranchResult:
    """What happened to one branch of a batch run."""

    source: str
    name: str
    ok: bool
    message: str
    written: int = 0


def branch_folder(path: Path | str) -> str:
    """The folder a branch's output goes into: its curriculum's file name, made safe."""
    stem = Path(path).stem
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem).strip(".-")
    return safe or "branch"


def _plan_one(path: str, quarter: Quarter | str | None, out: str, templates: str | None,
              force: bool, beside: bool, partial: bool = False,
              records: str | None = None) -> BranchResult:
    """Plan and write one branch (runs in a worker process)."""
    from .checker import check_plan
    from .curriculum import load
    from .documents import write_plan
    from .docxtemplate import Templates
    from .planner import plan_quarter

    try:
        cur = load(path)
        chosen = quarter or cur.calendar.quarter
        if chosen is None:
            raise UserError(f"{path}: which quarter? give --quarter or set calendar.quarter")
        plan = plan_quarter(cur, chosen)
        errors = [f for f in check_plan(cur, plan) if f.level == "error"]
        failed = bool(plan.unplaced or errors)
        if failed and not partial:
            lines = [str(u) for u in plan.unplaced] + [str(f) for f in errors]
            return BranchResult(path, cur.organization.name, False, "\n".join(lines))
        todo = {}
        folder = Path(records) / branch_folder(path) if records else None
        if folder is not None and folder.is_dir():
            from .ledger import followups, read_ledger
            from .records import record_files

            ledger = read_ledger(cur, record_files([folder]), plan.quarter.year)
            todo = {s.id: followups(ledger.actions, s, s.date, cur) for s in plan.sessions}
        done = write_plan(plan, Path(out) / branch_folder(path),
                          Templates.for_curriculum(cur, templates), todo, force=force,
                          beside=beside)
        message = f"{len(plan.sessions)} sessions"
        if failed:
            message += "; written in part: " + "; ".join(str(u) for u in plan.unplaced)
        return BranchResult(path, cur.organization.name, not failed, message,
                            len(done.written))
    except UserError as exc:
        return BranchResult(path, branch_folder(path), False, str(exc))


def plan_branches(paths: Sequence[Path | str], quarter: Quarter | str | None, out: Path | str,
                  templates: Path | str | None = None, force: bool = False,
                  beside: bool = False, jobs: int | None = None,
                  progress: Callable[[int, int], None] | None = None, partial: bool = False,
                  records: Path | str | None = None) -> list[BranchResult]:
    """Plan every branch into ``out/<name>/`` across ``jobs`` processes (default: the
    machine's cores); ``progress(done, total)`` is called as branches finish. Results
    come back in the order of ``paths``."""
    folders = [branch_folder(p) for p in paths]
    clashes = sorted({f for f in folders if folders.count(f) > 1})
    if clashes:
        raise UserError("two curricula would write into the same folder: "
                        + ", ".join(clashes) + "; give them different file names")
    jobs = jobs or os.cpu_count() or 1
    args = [(str(p), quarter, str(out), str(templates) if templates else None, force, beside,
             partial, str(records) if records else None) for p in paths]
    results: dict[str, BranchResult] = {}
    if jobs == 1 or len(args) == 1:
        for i, a in enumerate(args, start=1):
            results[a[0]] = _plan_one(*a)
            if progress:
                progress(i, len(args))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_plan_one, *a) for a in args]
            for i, future in enumerate(as_completed(futures), start=1):
                result = future.result()
                results[result.source] = result
                if progress:
                    progress(i, len(args))
    return [results[str(p)] for p in paths]


@dataclass(frozen=True)
class BranchSummary:
    """One branch's line in the district overview."""

    name: str
    members: int
    held: int
    required: int
    missing: int
    behind: int
    with_floor: int
    makeup_open: int
    actions_overdue: int
    problems: int


@dataclass(frozen=True)
class District:
    """The district overview: branches side by side and their shared gaps."""

    branches: tuple[BranchSummary, ...]
    shared_gaps: tuple[tuple[str, int, int], ...]
    """(competency name, branches, members) with gaps no course closed, most common first."""
    failed: tuple[BranchResult, ...] = field(default_factory=tuple)
    locale: str = "zh-CN"


def summarise(ledger: Ledger) -> BranchSummary:
    """One branch's figures for the district overview."""
    required = sum(m.required for m in ledger.meetings)
    missing = sum(1 for m in ledger.meetings if m.missing)
    floors = [h for h in ledger.hours if h.floor is not None]
    return BranchSummary(
        ledger.curriculum.organization.name, len(ledger.curriculum.members),
        required - missing, required, missing,
        sum(1 for h in floors if h.status == "behind"), len(floors),
        sum(1 for m in ledger.makeup if m.status != "done"),
        sum(1 for a in ledger.actions if a.status == "overdue"), len(ledger.problems))


def district_overview(ledgers: Iterable[Ledger],
                      failed: Sequence[BranchResult] = ()) -> District:
    """Branches side by side, and the gaps several of them share."""
    ledgers = list(ledgers)
    branches_with: dict[str, set[int]] = defaultdict(set)
    members_with: dict[str, int] = defaultdict(int)
    for i, ledger in enumerate(ledgers):
        names = ledger.curriculum.competencies
        for competency, members in ledger.uncovered.items():
            label = names[competency]
            branches_with[label].add(i)
            members_with[label] += len(members)
    shared = sorted(((label, len(b), members_with[label]) for label, b in branches_with.items()),
                    key=lambda t: (-t[1], -t[2], t[0]))
    locale = ledgers[0].curriculum.locale if ledgers else "zh-CN"
    return District(tuple(summarise(ledger) for ledger in ledgers), tuple(shared),
                    tuple(failed), locale)


def district_tables(district: District) -> list[tuple[str, list[str], list[list[str]]]]:
    """The overview's tables: (title, headers, rows)."""
    loc = district.locale
    zh = loc != "en"
    branches = [[b.name, str(b.members), f"{b.held}/{b.required}", str(b.missing),
                 f"{b.behind}/{b.with_floor}", str(b.makeup_open), str(b.actions_overdue),
                 str(b.problems)] for b in district.branches]
    gaps = [[label, str(n), str(m)] for label, n, m in district.shared_gaps if n > 1]
    failed = [[r.name, r.source, r.message.splitlines()[0] if r.message else ""]
              for r in district.failed]
    return [
        ("一、各支部情况" if zh else "1. Branches",
         ["支部", "人数", "组织生活（已开展/应开展）", "缺", "学时滞后", "未完成补学",
          "逾期决议事项", "记录问题"] if zh else
         ["Branch", "Members", "Meetings held/required", "Missing", "Behind on hours",
          "Make-up open", "Actions overdue", "Record problems"], branches),
        ("二、多个支部共有的能力差距（建议统一组织培训）" if zh else
         "2. Gaps several branches share (courses to organise centrally)",
         ["能力", "支部数", "人数"] if zh else ["Competency", "Branches", "Members"], gaps),
        ("三、未能统计的支部" if zh else "3. Branches that could not be counted",
         ["支部", "文件", "问题"] if zh else ["Branch", "File", "Problem"], failed),
    ]


def district_context(district: District, title: str) -> dict[str, Any]:
    """The variables of ``district.docx``."""
    tables = district_tables(district)
    return {"title": title,
            "summary": {"branches": len(district.branches), "failed": len(district.failed),
                        "behind": sum(b.behind for b in district.branches),
                        "missing": sum(b.missing for b in district.branches)},
            "tables": [{"title": t, "headers": h, "rows": r} for t, h, r in tables]}


def district_xlsx(district: District) -> bytes:
    """``district.xlsx``: one sheet per table of the overview."""
    from openpyxl import Workbook

    from .report import _cell, _fixed_zip

    book = Workbook(write_only=True)
    for title, headers, rows in district_tables(district):
        sheet = book.create_sheet(title.split("、")[-1].split(". ")[-1][:31])
        sheet.append(headers)
        for row in rows:
            sheet.append([_cell(v) for v in row])
    book.properties.creator = "studykit"
    book.properties.created = book.properties.modified = datetime(2000, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue(), "2000-01-01T00:00:00Z")  # the same bytes each run


def district_title(district: District, period: str) -> str:
    """学习情况汇总 title."""
    return (f"{period}各支部学习教育情况汇总" if district.locale != "en"
            else f"District overview, {period}")

