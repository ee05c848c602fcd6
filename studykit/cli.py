"""The ``studykit`` command line: a thin shell over the public API.

Exit status: 0 success, 1 a problem in the user's input (printed without a
traceback), 2 a usage error (argparse's own). A bug keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import InputError, Problem, UserError
from .output import write_outputs

if TYPE_CHECKING:
    from .docxtemplate import Templates
    from .models import Curriculum, Quarter
    from .output import Written


def _check(args: argparse.Namespace) -> int:
    from .curriculum import expand, load

    paths = expand(args.curricula)
    if not paths:
        raise UserError(f"no curriculum files (*.yaml) in {', '.join(args.curricula)}")
    problems: list[Problem] = []
    for path in paths:
        try:
            cur = load(path)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        print(f"{path}: ok — {len(cur.members)} members, {len(cur.roles)} roles, "
              f"{len(cur.competencies)} competencies, {len(cur.courses)} courses")
    if problems:
        files = len({p.path for p in problems})
        raise _counted(problems, files)
    return 0


def _counted(problems: list[Problem], files: int) -> InputError:
    """An InputError whose text ends with a count, for ``check``."""
    err = InputError(problems)
    noun = "problem" if len(problems) == 1 else "problems"
    err.args = (f"{err}\n{len(problems)} {noun} in {files} file{'s' if files > 1 else ''}",)
    return err


def _needs(args: argparse.Namespace) -> int:
    from .curriculum import load
    from .needs import analyse_needs

    print(analyse_needs(load(args.curriculum)))
    return 0


def _quarter(value: str) -> Quarter:
    """argparse type for --quarter: a usage error (exit 2) when malformed."""
    from pydantic_core import PydanticCustomError

    from .models import Quarter

    try:
        return Quarter.parse(value)
    except PydanticCustomError:
        raise argparse.ArgumentTypeError(
            f"expected a quarter like 2027Q1, found {value!r}") from None


def _templates_for(args: argparse.Namespace, cur: Curriculum) -> Templates:
    from .docxtemplate import Templates

    return Templates.for_curriculum(cur, args.templates)


def _said(args: argparse.Namespace, done: Written, quiet: bool = False) -> None:
    """What was written (on stderr with --json, to keep stdout clean)."""
    say = sys.stderr if quiet else sys.stdout
    print(f"wrote {len(done.written)} file(s) in {args.out}"
          + (f", {len(done.unchanged)} unchanged" if done.unchanged else ""), file=say)
    for path in done.beside:
        print(f"changed by hand, new version beside it: {path}", file=say)


def _curricula(names: list[str]) -> list[Path]:
    """The curriculum files named, a folder standing for its *.yaml; none is a mistake."""
    from .curriculum import expand

    paths = expand(names)
    if not paths:
        raise UserError(f"no curriculum files (*.yaml) in {', '.join(names)}")
    return paths


def _positive(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found "
                                         f"{value!r}")
    return int(value)


def _records_folder(name: str) -> Path:
    folder = Path(name)
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder of session records")
    return folder


def _progress(done: int, total: int) -> None:
    """A progress bar on a terminal; nothing when the output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        return
    filled = round(30 * done / total)
    end = "\n" if done == total else ""
    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end=end,
          file=sys.stderr, flush=True)


def _plan_district(args: argparse.Namespace, paths: list[Path]) -> int:
    from .district import plan_branches

    if not args.out:
        raise UserError("planning several branches needs --out DIR (each branch gets a "
                        "folder of its own in it)")
    if args.records:
        _records_folder(args.records)
    results = plan_branches(paths, args.quarter, args.out, args.templates, args.force,
                            args.beside, args.jobs, _progress, args.partial, args.records)
    failed = [r for r in results if not r.ok]
    for r in results:
        if r.ok:
            print(f"{r.source}: ok — {r.message}, {r.written} file(s) written")
    for r in failed:
        print(f"{r.source}: FAILED", file=sys.stderr)
        for line in r.message.splitlines():
            print(f"  {line}", file=sys.stderr)
    print(f"{len(results)} branches: {len(results) - len(failed)} planned and written, "
          f"{len(failed)} failed", file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _plan(args: argparse.Namespace) -> int:
    from .checker import check_plan
    from .curriculum import load
    from .documents import write_plan
    from .planner import plan_quarter

    paths = _curricula(args.curricula)
    if len(paths) != 1 or Path(args.curricula[0]).is_dir():
        return _plan_district(args, paths)
    args.curriculum = str(paths[0])
    cur = load(args.curriculum)
    quarter = args.quarter or cur.calendar.quarter
    if quarter is None:
        raise UserError("which quarter? give --quarter 2027Q1, or set calendar.quarter "
                        f"in {args.curriculum}")
    plan = plan_quarter(cur, quarter)
    findings = check_plan(cur, plan)
    errors = [f for f in findings if f.level == "error"]
    print(plan)
    for finding in findings:
        if finding.level == "warning":
            print(f"warning: {finding.message}")
    failed = bool(plan.unplaced or errors)
    for finding in errors:
        print(f"studykit: {finding}", file=sys.stderr)
    if failed:
        print(f"studykit: {len(plan.unplaced)} of {len(plan.unplaced) + len(plan.sessions)} "
              f"sessions could not be placed, {len(errors)} rule(s) broken"
              + ("" if args.partial else "; nothing was written (--partial writes the rest)"),
              file=sys.stderr)
    if args.out and (not failed or args.partial):
        todo = {}
        if args.records:
            from .ledger import followups, read_ledger
            from .records import record_files

            ledger = read_ledger(cur, record_files([_records_folder(args.records)]),
                                 plan.quarter.year)
            todo = {s.id: followups(ledger.actions, s, s.date, cur) for s in plan.sessions}
        _said(args, write_plan(plan, args.out, _templates_for(args, cur), todo,
                               force=args.force, beside=args.beside))
    return 1 if failed else 0


def _minutes(args: argparse.Namespace) -> int:
    from .curriculum import load
    from .ledger import followups, read_ledger
    from .minutes import minutes_document
    from .output import write_outputs
    from .records import (
        Record,
        check_records,
        parse_records,
        quarter_of,
        record_files,
        year_plans,
    )

    cur = load(args.curriculum)
    docs = parse_records(args.records)
    # first for the dates (which years to plan), then against those plans
    first, _ = check_records(docs, cur)
    years = {r.date.year for r in first if isinstance(r, Record)}
    years |= {m.date.year for r in first for m in r.makeup}
    plans = year_plans(cur, years)
    records, problems = check_records(docs, cur, plans)
    if problems:
        raise InputError(problems)
    # the other records beside them tell which earlier action items are still open;
    # a file there that is not a record (a curriculum, a draft) is no reason to stop
    folders = sorted({Path(p).parent for p in args.records})
    ledgers = {year: read_ledger(cur, record_files(folders), year, skip_unreadable=True)
               for year in {r.date.year for r in records if isinstance(r, Record)}}
    templates = _templates_for(args, cur)
    files = {}  # all the minutes together: written all or none
    for record in records:
        if not isinstance(record, Record):
            print(f"{record.source}: make-up study only, no minutes to write")
            continue
        plan = plans[quarter_of(record.date)]
        session = plan.session(record.session)
        todo = followups(ledgers[record.date.year].actions, session, record.date, cur)
        files[f"sessions/{record.session}/minutes.docx"] = minutes_document(
            plan, session, record, templates, todo)
    _said(args, write_outputs(Path(args.out), files, force=args.force, beside=args.beside))
    return 0


def _report_district(args: argparse.Namespace, paths: list[Path]) -> int:
    from .curriculum import load
    from .district import (
        BranchResult,
        branch_folder,
        district_context,
        district_overview,
        district_tables,
        district_title,
        district_xlsx,
    )
    from .ledger import read_ledger
    from .records import record_files
    from .tables import table

    ledgers, failed = [], []
    for path in paths:
        try:
            cur = load(path)
            folder = Path(args.records) / branch_folder(path)
            ledgers.append(read_ledger(cur, record_files([folder]) if folder.is_dir() else [],
                                       args.year, args.quarter))
        except UserError as exc:
            failed.append(BranchResult(str(path), branch_folder(path), False, str(exc)))
    district = district_overview(ledgers, failed)
    period = str(args.quarter or args.year or "")
    title = district_title(district, period)
    print(title)
    for heading, headers, rows in district_tables(district):
        print(f"\n{heading}")
        print(table(headers, rows) if rows else "—")
    for r in failed:
        print(f"{r.source}: could not be counted\n  {r.message}", file=sys.stderr)
    if args.out:
        from .docxtemplate import Templates

        if args.templates and not Path(args.templates).is_dir():
            raise UserError(f"template folder {args.templates} does not exist")
        templates = Templates(district.locale, Path(args.templates) if args.templates else None)
        _said(args, write_outputs(Path(args.out), {
            "district.docx": templates.get("district.docx").render(
                district_context(district, title)),
            "district.xlsx": district_xlsx(district)}, force=args.force, beside=args.beside))
    return 1 if failed else 0


def _report(args: argparse.Namespace) -> int:
    from .curriculum import load
    from .ledger import read_ledger
    from .records import record_files
    from .report import ledger_json, write_report

    paths = _curricula(args.curricula)
    if len(paths) != 1 or Path(args.curricula[0]).is_dir():
        return _report_district(args, paths)
    cur = load(paths[0])
    folder = _records_folder(args.records)
    ledger = read_ledger(cur, record_files([folder]), args.year, args.quarter)
    if args.json:
        print(ledger_json(ledger))
    else:
        print(ledger)
    if args.out:
        _said(args, write_report(ledger, args.out, _templates_for(args, cur), force=args.force,
                                 beside=args.beside), quiet=args.json)
    return 0


def _templates_copy(args: argparse.Namespace) -> int:
    from .resources import copy_templates

    for path in copy_templates(Path(args.dir), args.locale, force=args.force):
        print(path)
    return 0


def _templates_check(args: argparse.Namespace) -> int:
    from .templatecheck import check_folder

    problems = check_folder(Path(args.dir))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"{args.dir}: every template compiles and renders the example")
    return 0


def _examples_copy(args: argparse.Namespace) -> int:
    from .resources import copy_examples

    for path in copy_examples(Path(args.dir), force=args.force):
        print(path)
    return 0


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--templates", metavar="DIR",
                   help="your own Word templates (default: organization.templates)")
    p.add_argument("--force", action="store_true",
                   help="overwrite documents that were changed by hand")
    p.add_argument("--beside", action="store_true",
                   help="for documents changed by hand, write the new version beside them")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the documentation and the tests)."""
    parser = argparse.ArgumentParser(
        prog="studykit",
        description="Plan a branch's study programme from one YAML file "
                    "(干什么学什么、缺什么补什么).",
    )
    parser.add_argument("--version", action="version", version=f"studykit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("check", help="check curricula; list every problem as file:line:col")
    p.add_argument("curricula", nargs="+", metavar="CURRICULUM",
                   help="curriculum files, or folders of *.yaml files")
    p.set_defaults(func=_check)

    p = sub.add_parser("needs", help="the gap table, the courses' audiences and uncovered gaps")
    p.add_argument("curriculum", metavar="CURRICULUM")
    p.set_defaults(func=_needs)

    p = sub.add_parser("plan", help="plan a quarter: meetings and courses on working days")
    p.add_argument("curricula", nargs="+", metavar="CURRICULUM",
                   help="a curriculum; several (or a folder) plan a district, each branch "
                        "into OUT/<file name>/")
    p.add_argument("--jobs", type=_positive, metavar="N",
                   help="branches planned at once (default: the machine's cores)")
    p.add_argument("--quarter", type=_quarter, metavar="2027Q1",
                   help="the quarter to plan (default: calendar.quarter in the curriculum)")
    p.add_argument("--out", metavar="DIR",
                   help="write plan.yaml, calendar.ics and the Word documents into DIR")
    p.add_argument("--partial", action="store_true",
                   help="write the plan even when some sessions could not be placed")
    p.add_argument("--records", metavar="DIR", help="session records, for the open action "
                                                    "items each meeting follows up")
    _output_options(p)
    p.set_defaults(func=_plan)

    p = sub.add_parser("minutes", help="write the minutes (会议记录) of held sessions")
    p.add_argument("curriculum", metavar="CURRICULUM")
    p.add_argument("records", nargs="+", metavar="RECORD", help="session record files")
    p.add_argument("--out", metavar="DIR", required=True, help="the plan's output folder")
    _output_options(p)
    p.set_defaults(func=_minutes)

    p = sub.add_parser("report", help="the ledger: study hours, meetings, quorum, make-up "
                                      "study, action items")
    p.add_argument("curricula", nargs="+", metavar="CURRICULUM",
                   help="a curriculum; several (or a folder) make a district overview")
    p.add_argument("--records", metavar="DIR", required=True,
                   help="the folder of session records (for a district: one sub-folder "
                        "per branch, named like its curriculum file)")
    p.add_argument("--year", type=int, metavar="2027",
                   help="the year (default: that of the latest record)")
    p.add_argument("--quarter", type=_quarter, metavar="2027Q1",
                   help="report up to the end of this quarter")
    p.add_argument("--out", metavar="DIR", help="write report.docx and ledger.xlsx into DIR")
    p.add_argument("--json", action="store_true", help="print the ledger as JSON")
    _output_options(p)
    p.set_defaults(func=_report)

    p = sub.add_parser("templates", help="the Word templates, to copy and edit")
    tp = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = tp.add_parser("copy", help="copy the built-in templates into DIR")
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--locale", choices=("zh-CN", "en"), default="zh-CN")
    c.add_argument("--force", action="store_true", help="overwrite files that exist")
    c.set_defaults(func=_templates_copy)
    c = tp.add_parser("check", help="check that every template in DIR compiles and renders")
    c.add_argument("dir", metavar="DIR")
    c.set_defaults(func=_templates_check)

    p = sub.add_parser("examples", help="the example curricula that come with studykit")
    ex = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = ex.add_parser("copy", help="copy the example curricula into DIR, to edit")
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--force", action="store_true", help="overwrite files that exist")
    c.set_defaults(func=_examples_copy)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"studykit: {exc}" if not isinstance(exc, InputError) else str(exc),
              file=sys.stderr)
        return 1
    except BrokenPipeError:  # `studykit needs … | head`
        sys.stderr.close()
        return 0
