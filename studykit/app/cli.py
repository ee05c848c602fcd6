"""The ``studykit`` command line: each command parses, calls one workflow, and prints.

Exit status: 0 success, 1 a problem in the user's input (printed without a
traceback), 2 a usage error (argparse's own). A bug keeps its traceback.

Language: what is said about a curriculum follows its ``organization.locale``; the
help, usage errors and messages about files that could not be read follow ``--lang``,
else the environment (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: English where it starts
with ``en``), else Chinese.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..domain.errors import InputError, UserError
from ..domain.text import visible
from ..words import english, msg, text
from ..words.messages import ARGPARSE_ZH

if TYPE_CHECKING:
    from ..domain.time import Quarter
    from ..render.output import Written


def environment_locale(env: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG
    that is set; English where it starts with ``en``, else Chinese."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return "en" if english(env[name]) else "zh-CN"
    return "zh-CN"


def _asked_locale(argv: Sequence[str]) -> str | None:
    """The ``--lang`` given on the command line, before argparse reads it (the help
    must already be in that language)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if english(argv[i + 1]) else "zh-CN"
        if arg.startswith("--lang="):
            return "en" if english(arg.split("=", 1)[1]) else "zh-CN"
    return None


class _Say:
    """Prints in the language of what is being talked about: the curriculum once one is
    loaded, the command line's language before."""

    def __init__(self, locale: str) -> None:
        self.lang = locale
        self.locale = locale

    def __call__(self, key: str, err: bool = False, **values: Any) -> None:
        print(text(self.locale, key, **values), file=sys.stderr if err else sys.stdout)

    def about(self, locale: str) -> None:
        """From now on, speak the language of this curriculum."""
        self.locale = locale


def _quarter(value: str) -> Quarter:
    """argparse type for --quarter: a usage error (exit 2) when malformed."""
    from pydantic_core import PydanticCustomError

    from ..domain.time import Quarter

    try:
        return Quarter.parse(value)
    except PydanticCustomError:
        raise argparse.ArgumentTypeError(_LANG.text("cli.bad_quarter", value=repr(value))) \
            from None


def _positive(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(_LANG.text("cli.bad_count", value=repr(value)))
    return int(value)


def _year(value: str) -> int:
    """argparse type for --year."""
    if not value.isdigit() or not 1900 <= int(value) <= 2199:
        raise argparse.ArgumentTypeError(_LANG.text("cli.bad_year", value=repr(value)))
    return int(value)


class _Lang:
    """The command line's own language (help, usage errors), set once per run."""

    locale = "zh-CN"

    def text(self, key: str, **values: Any) -> str:
        return text(self.locale, key, **values)


_LANG = _Lang()


def _said(say: _Say, out: str, done: Written, quiet: bool = False) -> None:
    """What was written (on stderr with --json, to keep stdout clean)."""
    say("cli.wrote", err=quiet, n=len(done.written), out=out,
        unchanged=text(say.locale, "cli.unchanged", n=len(done.unchanged))
        if done.unchanged else "")
    for path in done.beside:
        say("cli.beside", err=quiet, path=str(path))
    for path in done.kept:
        say("cli.kept", err=quiet, path=str(path))


def _progress(done: int, total: int) -> None:
    """A progress bar on a terminal; nothing when the output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        return
    filled = round(30 * done / total)
    end = "\n" if done == total else ""
    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end=end,
          file=getattr(sys.stderr, "terminal", sys.stderr), flush=True)


class _Visible:
    """A text stream through which nothing a user typed reaches the terminal raw: escape
    codes, control and line-separator characters are spelt out (\\u001b), line breaks
    kept. The JSON printed through it stays valid JSON."""

    def __init__(self, terminal: Any) -> None:
        self.terminal = terminal

    def write(self, s: str) -> int:
        return int(self.terminal.write(visible(s, lines=True)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.terminal, name)


@contextmanager
def _shown() -> Iterator[None]:
    """Everything the command prints goes through :class:`_Visible`, and a terminal that
    cannot show Chinese gets escapes (\\u5b66) instead of a UnicodeEncodeError."""
    saved = sys.stdout, sys.stderr
    for stream in saved:
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    sys.stdout, sys.stderr = _Visible(saved[0]), _Visible(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


# --- the commands ------------------------------------------------------------------------

def _check(args: argparse.Namespace, say: _Say) -> int:
    from .workflows import check_files

    checked = check_files(args.curricula)
    locales = {cur.locale for _, cur in checked.loaded} | {
        p.locale for p in checked.problems if p.locale}
    if len(locales) == 1:
        say.about(locales.pop())
    for path, cur in checked.loaded:
        print(text(cur.locale, "cli.ok", path=str(path), members=len(cur.members),
                   roles=len(cur.roles), competencies=len(cur.competencies),
                   courses=len(cur.courses)))
    if checked.problems:
        for problem in checked.problems:
            print(problem.text(problem.locale or say.lang), file=sys.stderr)
        say("cli.count", err=True, n=len(checked.problems), files=checked.files_with_problems)
        return 1
    return 0


def _needs(args: argparse.Namespace, say: _Say) -> int:
    from ..show.tables import needs_report
    from .workflows import branch_needs

    needs = branch_needs(args.curriculum, args.records, args.quarter)
    say.about(needs.curriculum.locale)
    print(needs_report(needs))
    return 0


def _plan(args: argparse.Namespace, say: _Say) -> int:
    from ..show.tables import plan_report
    from .workflows import curriculum_files, plan_branch

    paths = curriculum_files(args.curricula)
    if args.year is not None and args.quarter is not None:
        raise UserError(msg("cli.year_or_quarter"))
    if len(paths) != 1 or Path(args.curricula[0]).is_dir():
        if args.year is not None:
            raise UserError(msg("cli.year_district"))
        return _plan_district(args, say, paths)
    records = Path(args.records) if args.records else None
    if args.year is not None:
        return _plan_year(args, say, paths[0], records)
    run = plan_branch(paths[0], args.quarter, args.out, args.templates, records, args.partial,
                      args.force, args.beside, args.strict)
    say.about(run.curriculum.locale)
    print(plan_report(run.plan))
    for finding in run.warnings:
        say("cli.warning", message=finding.message)
    for finding in run.errors:
        print(f"studykit: {finding}", file=sys.stderr)
    if run.failed:
        total = len(run.plan.unplaced) + len(run.plan.sessions)
        say("cli.plan_failed", err=True, n=len(run.plan.unplaced), total=total,
            errors=len(run.errors),
            nothing="" if args.partial else text(say.locale, "cli.nothing_written"))
    if run.written is not None:
        _said(say, args.out, run.written)
    return 1 if run.failed else 0


def _plan_year(args: argparse.Namespace, say: _Say, path: Path, records: Path | None) -> int:
    from ..show.tables import plan_report
    from .workflows import plan_year

    year = plan_year(path, args.year, args.out, args.templates, records, args.partial,
                     args.force, args.beside, args.strict)
    say.about(year.curriculum.locale)
    for run in year.quarters:
        print(plan_report(run.plan))
        for finding in run.warnings:
            say("cli.warning", message=finding.message)
        for finding in run.errors:
            print(f"studykit: {finding}", file=sys.stderr)
        print()
    unplaced = sum(len(run.plan.unplaced) for run in year.quarters)
    if year.failed:
        total = unplaced + sum(len(run.plan.sessions) for run in year.quarters)
        say("cli.plan_failed", err=True, n=unplaced, total=total,
            errors=sum(len(run.errors) for run in year.quarters),
            nothing="" if args.partial else text(say.locale, "cli.nothing_written"))
    for run in year.quarters:
        if run.written is not None:
            _said(say, str(Path(args.out) / str(run.plan.quarter)), run.written)
    if year.written is not None:
        _said(say, args.out, year.written)
    return 1 if year.failed else 0


def _plan_district(args: argparse.Namespace, say: _Say, paths: list[Path]) -> int:
    from .district import plan_branches
    from .workflows import records_folder

    if not args.out:
        raise UserError(msg("cli.district_needs_out"))
    if args.records:
        records_folder(args.records)
    results = plan_branches(paths, args.quarter, args.out, args.templates, args.force,
                            args.beside, args.jobs, _progress, args.partial, args.records,
                            args.strict)
    failed = [r for r in results if not r.ok]
    for r in results:
        if r.ok:
            say("cli.branch_ok", source=r.source, message=r.message, n=r.written)
        for warning in r.warnings:
            print(f"  {warning}")
    for r in failed:
        say("cli.branch_failed", err=True, source=r.source)
        for line in r.message.splitlines():
            print(f"  {line}", file=sys.stderr)
    say("cli.district_summary", err=bool(failed), n=len(results), ok=len(results) - len(failed),
        failed=len(failed))
    return 1 if failed else 0


def _minutes(args: argparse.Namespace, say: _Say) -> int:
    from .workflows import write_minutes_of

    run = write_minutes_of(args.curriculum, args.records, args.out, args.templates, args.force,
                           args.beside)
    say.about(run.locale)
    for source in run.makeup_only:
        say("cli.makeup_only", source=source)
    for source in run.assessments:
        say("cli.assessment_only", source=source)
    for source, kind in run.yearly:
        say("cli.year_record", source=source, kind=kind)
    _said(say, args.out, run.written)
    return 0


def _report(args: argparse.Namespace, say: _Say) -> int:
    from ..render.report import ledger_json
    from ..show.tables import ledger_report
    from .workflows import branch_ledger, curriculum_files, write_branch_report

    paths = curriculum_files(args.curricula)
    if len(paths) != 1 or Path(args.curricula[0]).is_dir():
        return _report_district(args, say, paths)
    ledger = branch_ledger(paths[0], args.records, args.year, args.quarter)
    say.about(ledger.curriculum.locale)
    print(ledger_json(ledger) if args.json else ledger_report(ledger))
    if args.out:
        _said(say, args.out, write_branch_report(ledger, args.out, args.templates, args.force,
                                                 args.beside), quiet=args.json)
    return 0


def _report_district(args: argparse.Namespace, say: _Say, paths: list[Path]) -> int:
    from ..render.district import district_tables
    from ..render.report import text_rows
    from ..show.tables import table
    from .workflows import district_report, write_district

    run = district_report(paths, args.records, args.year, args.quarter)
    say.about(run.district.locale)
    print(run.title)
    for t in district_tables(run.district):
        print(f"\n{t.title}")
        print(table(t.headers, text_rows(t, run.district.locale, None)) if t.rows else "—")
    for r in run.failed:
        say("cli.not_counted", err=True, source=r.source, message=r.message)
    for note in run.notes:
        print(note.text(say.locale), file=sys.stderr)
    if args.out:
        _said(say, args.out, write_district(run, args.out, args.templates, args.force,
                                            args.beside))
    return 1 if run.failed else 0


def _evaluate(args: argparse.Namespace, say: _Say) -> int:
    from ..render.evaluation import evaluation_json
    from ..show.tables import evaluation_report
    from .workflows import branch_evaluation, write_evaluation

    ev = branch_evaluation(args.curriculum, args.records, args.year)
    say.about(ev.curriculum.locale)
    print(evaluation_json(ev) if args.json else evaluation_report(ev))
    # session records that disagree with the curriculum: counted where they can be, said
    for problem in ev.ledger.problems:
        print(problem.text(ev.curriculum.locale), file=sys.stderr)
    if args.out:
        _said(say, args.out, write_evaluation(ev, args.out, args.templates, args.force,
                                              args.beside), quiet=args.json)
    return 0


def _records_draft(args: argparse.Namespace, say: _Say) -> int:
    from .workflows import write_drafts

    run = write_drafts(args.curriculum, args.quarter, args.out, args.session, args.records,
                       args.signin)
    say.about(run.curriculum.locale)
    for problem in run.problems:
        say("cli.warning", err=True, message=problem.text(run.curriculum.locale))
    for path in run.existing:
        say("cli.draft_exists", path=str(path))
    say("cli.drafts", n=len(run.written), out=args.out)
    return 0


def _templates_copy(args: argparse.Namespace, say: _Say) -> int:
    from ..render.resources import copy_templates

    for path in copy_templates(Path(args.dir), args.locale, force=args.force):
        print(path)
    return 0


def _templates_check(args: argparse.Namespace, say: _Say) -> int:
    from .templatecheck import check_folder

    problems = check_folder(Path(args.dir), say.locale)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        say("problems", err=True, count=len(problems))
        return 1
    say("cli.templates_ok", dir=args.dir)
    return 0


def _examples_copy(args: argparse.Namespace, say: _Say) -> int:
    from ..render.resources import copy_examples

    for path in copy_examples(Path(args.dir), force=args.force):
        print(path)
    return 0


# --- the parser ----------------------------------------------------------------------------

def _output_options(p: argparse.ArgumentParser, h: _Lang) -> None:
    p.add_argument("--templates", metavar="DIR", help=h.text("help.templates"))
    p.add_argument("--force", action="store_true", help=h.text("help.force"))
    p.add_argument("--beside", action="store_true", help=h.text("help.beside"))


def _command(sub: Any, name: str, key: str, func: Any = None) -> argparse.ArgumentParser:
    """A (sub)command whose help and description say the same: the catalogue's ``key``."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=_LANG.text(key),
                                                description=_LANG.text(key))
    if func is not None:
        p.set_defaults(func=func)
    return p


def _copy_command(sub: Any, key: str, func: Any) -> argparse.ArgumentParser:
    """``templates copy`` / ``examples copy``: a folder to copy into, and --force."""
    c = _command(sub, "copy", key, func)
    c.add_argument("dir", metavar="DIR", help=_LANG.text("help.dir"))
    c.add_argument("--force", action="store_true", help=_LANG.text("help.overwrite"))
    return c


def build_parser(locale: str = "zh-CN") -> argparse.ArgumentParser:
    """The argument parser, its help in ``locale`` (exposed for the docs and the tests)."""
    _LANG.locale = locale
    h = _LANG
    parser = argparse.ArgumentParser(prog="studykit", description=h.text("help.studykit"))
    parser.add_argument("--version", action="version", version=f"studykit {__version__}",
                        help=h.text("help.version"))
    parser.add_argument("--lang", choices=("zh-CN", "en"), help=h.text("help.lang"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = _command(sub, "check", "help.check", _check)
    p.add_argument("curricula", nargs="+", metavar="CURRICULUM",
                   help=h.text("help.check.files"))

    p = _command(sub, "needs", "help.needs", _needs)
    p.add_argument("curriculum", metavar="CURRICULUM", help=h.text("help.curriculum"))
    p.add_argument("--records", metavar="DIR", help=h.text("help.needs.records"))
    p.add_argument("--quarter", type=_quarter, metavar="2027Q1",
                   help=h.text("help.needs.quarter"))

    p = _command(sub, "plan", "help.plan", _plan)
    p.add_argument("curricula", nargs="+", metavar="CURRICULUM",
                   help=h.text("help.plan.files"))
    p.add_argument("--jobs", type=_positive, metavar="N", help=h.text("help.jobs"))
    p.add_argument("--quarter", type=_quarter, metavar="2027Q1", help=h.text("help.quarter"))
    p.add_argument("--year", type=_year, metavar="2027", help=h.text("help.plan.year"))
    p.add_argument("--out", metavar="DIR", help=h.text("help.plan.out"))
    p.add_argument("--partial", action="store_true", help=h.text("help.partial"))
    p.add_argument("--strict", action="store_true", help=h.text("help.strict"))
    p.add_argument("--records", metavar="DIR", help=h.text("help.plan.records"))
    _output_options(p, h)

    p = _command(sub, "minutes", "help.minutes", _minutes)
    p.add_argument("curriculum", metavar="CURRICULUM", help=h.text("help.curriculum"))
    p.add_argument("records", nargs="+", metavar="RECORD", help=h.text("help.minutes.records"))
    p.add_argument("--out", metavar="DIR", required=True, help=h.text("help.minutes.out"))
    _output_options(p, h)

    p = _command(sub, "report", "help.report", _report)
    p.add_argument("curricula", nargs="+", metavar="CURRICULUM",
                   help=h.text("help.report.files"))
    p.add_argument("--records", metavar="DIR", required=True,
                   help=h.text("help.report.records"))
    p.add_argument("--year", type=_year, metavar="2027", help=h.text("help.year"))
    p.add_argument("--quarter", type=_quarter, metavar="2027Q1",
                   help=h.text("help.report.quarter"))
    p.add_argument("--out", metavar="DIR", help=h.text("help.report.out"))
    p.add_argument("--json", action="store_true", help=h.text("help.json"))
    _output_options(p, h)

    p = _command(sub, "evaluate", "help.evaluate", _evaluate)
    p.add_argument("curriculum", metavar="CURRICULUM", help=h.text("help.curriculum"))
    p.add_argument("--records", metavar="DIR", required=True,
                   help=h.text("help.evaluate.records"))
    p.add_argument("--year", type=_year, metavar="2027", required=True,
                   help=h.text("help.evaluate.year"))
    p.add_argument("--out", metavar="DIR", help=h.text("help.evaluate.out"))
    p.add_argument("--json", action="store_true", help=h.text("help.evaluate.json"))
    _output_options(p, h)

    records = _command(sub, "records", "help.records_cmd").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    c = _command(records, "draft", "help.records.draft", _records_draft)
    c.add_argument("curriculum", metavar="CURRICULUM", help=h.text("help.curriculum"))
    c.add_argument("--quarter", type=_quarter, metavar="2027Q1", required=True,
                   help=h.text("help.records.quarter"))
    c.add_argument("--session", metavar="ID", help=h.text("help.records.session"))
    c.add_argument("--out", metavar="DIR", default="records", help=h.text("help.records.out"))
    c.add_argument("--records", metavar="DIR", help=h.text("help.records.records"))
    c.add_argument("--signin", metavar="FILE", help=h.text("help.records.signin"))

    templates = _command(sub, "templates", "help.templates_cmd").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    c = _copy_command(templates, "help.templates.copy", _templates_copy)
    c.add_argument("--locale", choices=("zh-CN", "en"), default="zh-CN",
                   help=h.text("help.templates.locale"))
    c = _command(templates, "check", "help.templates.check", _templates_check)
    c.add_argument("dir", metavar="DIR", help=h.text("help.dir"))

    examples = _command(sub, "examples", "help.examples").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    _copy_command(examples, "help.examples.copy", _examples_copy)
    return parser


@contextmanager
def _argparse_in(locale: str) -> Iterator[None]:
    """argparse's own words (usage, errors) in ``locale``: it looks them up through
    gettext at the moment it prints them, so they are swapped for the run."""
    if english(locale):
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def zh(message: str) -> str:
        return ARGPARSE_ZH.get(message, message)

    setattr(argparse, "_", zh)  # noqa: B010
    setattr(argparse, "ngettext",  # noqa: B010
            lambda one, many, n: zh(one if n == 1 else many))
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    with _shown():
        return _main(argv)


SHOWN_PROBLEMS = 200
"""Problems printed at the most when a command is refused."""


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _asked_locale(argv) or environment_locale()
    with _argparse_in(lang):
        args = build_parser(lang).parse_args(argv)
    say = _Say(lang)
    try:
        return int(args.func(args, say))
    except UserError as exc:
        if isinstance(exc, InputError):
            # a file of thousands of mistakes (a pasted list of wrong ids): the first ones
            # say what is wrong; the count says how much
            shown = InputError(exc.problems[:SHOWN_PROBLEMS])
            print(shown.said(say.locale), file=sys.stderr)
            if len(exc.problems) > SHOWN_PROBLEMS:
                print(text(say.locale, "cli.more_problems",
                           n=len(exc.problems) - SHOWN_PROBLEMS), file=sys.stderr)
        else:
            print(f"studykit: {exc.text(exc.locale or say.locale)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `studykit needs … | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:  # Ctrl-C: a word, not a traceback; the journal does the rest
        print(f"studykit: {text(say.locale, 'cli.interrupted')}", file=sys.stderr)
        return 130
