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
