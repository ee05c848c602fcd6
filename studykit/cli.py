"""The ``studykit`` command line: a thin shell over the public API.

Exit status: 0 success, 1 a problem in the user's input (printed without a
traceback), 2 a usage error (argparse's own). A bug keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import InputError, Problem, UserError


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
        raise _report(problems, files)
    return 0


def _report(problems: list[Problem], files: int) -> InputError:
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


def _quarter(value: str) -> str:
    """argparse type for --quarter: a usage error (exit 2) when malformed."""
    from pydantic_core import PydanticCustomError

    from .models import Quarter

    try:
        return str(Quarter.parse(value))
    except PydanticCustomError:
        raise argparse.ArgumentTypeError(
            f"expected a quarter like 2027Q1, found {value!r}") from None


def _plan(args: argparse.Namespace) -> int:
    from .checker import check_plan
    from .curriculum import load
    from .ical import to_ics
    from .output import write_files
    from .planfile import dump_plan
    from .planner import plan_quarter

    cur = load(args.curriculum)
    quarter = args.quarter or cur.calendar.quarter
    if quarter is None:
        raise UserError("which quarter? give --quarter 2027Q1, or set calendar.quarter "
                        f"in {args.curriculum}")
    plan = plan_quarter(cur, quarter)
    findings = check_plan(cur, plan)
    errors = [f for f in findings if f.level == "error"]
    warnings = [f for f in findings if f.level == "warning"]
    print(plan)
    for finding in warnings:
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
        out = Path(args.out)
        for path in write_files({out / "plan.yaml": dump_plan(plan),
                                 out / "calendar.ics": to_ics(plan)}):
            print(f"wrote {path}")
    return 1 if failed else 0


def _examples_copy(args: argparse.Namespace) -> int:
    from .resources import copy_examples

    for path in copy_examples(Path(args.dir), force=args.force):
        print(path)
    return 0


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
    p.add_argument("curriculum", metavar="CURRICULUM")
    p.add_argument("--quarter", type=_quarter, metavar="2027Q1",
                   help="the quarter to plan (default: calendar.quarter in the curriculum)")
    p.add_argument("--out", metavar="DIR", help="write plan.yaml and calendar.ics into DIR")
    p.add_argument("--partial", action="store_true",
                   help="write the plan even when some sessions could not be placed")
    p.set_defaults(func=_plan)

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
