"""The workflows behind each command: load, compute, write, and say what happened.

The command line, the notebooks and district runs call these same functions, so a
branch is planned, its minutes written and its ledger counted the same way wherever
the user starts from. Each returns what it did; printing is the caller's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic_core import PydanticCustomError

from ..domain.errors import InputError, Problem, UserError
from ..domain.models import Curriculum
from ..domain.plan import Plan, Session
from ..domain.records import (
    AnyRecord,
    AssessmentRecord,
    EvaluationRecord,
    Record,
    ResultsRecord,
    VisitLog,
)
from ..domain.time import Quarter, quarter_of
from ..engine.checker import Finding, check_plan
from ..engine.drafts import draft
from ..engine.evaluation import Evaluation
from ..engine.ledger import Ledger, followups
from ..engine.levels import project_levels
from ..engine.needs import Needs, analyse_needs
from ..engine.overview import BranchResult, District, district_overview
from ..engine.planner import plan_quarter
from ..reading import yamlio
from ..reading.curriculum import expand, load
from ..reading.problems import suggest
from ..reading.records import (
    YEAR_RECORDS,
    check_records,
    checked_records,
    parse_records,
    read_evaluation,
    read_ledger,
    record_files,
    record_kind,
)
from ..reading.sheets import SheetDocument, is_workbook, read_workbook_sheets
from ..render.basis import explain_stale
from ..render.district import district_context, district_title, district_xlsx
from ..render.documents import annual_document, plan_batch
from ..render.docxtemplate import Templates
from ..render.drafts import draft_yaml
from ..render.evaluation import evaluation_files, minutes_evaluation
from ..render.ical import member_calendars, read_previous, year_ics
from ..render.minutes import minutes_basis, minutes_document
from ..render.output import Batch, Written, write_batches, write_files, write_outputs
from ..render.report import write_report
from ..words import DEFAULT_LOCALE, Message, day_message, msg, quarter_title, text


@contextmanager
def _about(curriculum: Curriculum) -> Iterator[None]:
    """A user error raised while working on ``curriculum`` (a folder, a file changed by
    hand) is said in its language, as everything else about it is."""
    try:
        yield
    except UserError as exc:
        if exc.locale is None:
            exc.locale = curriculum.locale
        raise


def curriculum_files(names: Iterable[Path | str]) -> list[Path]:
    """The curriculum files named, a folder standing for its *.yaml; none is a mistake."""
    given = [str(n) for n in names]
    paths = expand(given)
    if not paths:
        raise UserError(msg("cli.no_curricula", where=", ".join(given)))
    return paths


def records_folder(name: Path | str, locale: str | None = None) -> Path:
    """A folder of session records that must exist, or a record workbook."""
    folder = Path(name)
    if not folder.is_dir() and not (folder.is_file() and is_workbook(folder)):
        raise UserError(msg("cli.no_records_folder", folder=str(folder)), locale)
    return folder


def open_followups(curriculum: Curriculum, plan: Plan, ledger: Ledger,
                   ) -> tuple[dict[str, list[dict[str, str]]], set[str]]:
    """From the year's records (``ledger``): session id → the open action items of
    earlier meetings it follows up, and the sessions of the plan that were held."""
    held = {h.session.id for h in ledger.held if h.quarter == plan.quarter}
    return ({s.id: followups(ledger.actions, s, s.date, curriculum) for s in plan.sessions},
            held)


@dataclass
class PlanRun:
    """One branch planned: the plan, what the checker found, and what was written."""

    curriculum: Curriculum
    plan: Plan
    findings: list[Finding]
    written: Written | None = None
    ledger: Ledger | None = None
    """The year's records counted, when records were given."""
    strict: bool = False
    """Whether a minimum nothing in the curriculum can meet stops the plan."""

    @property
    def errors(self) -> list[Finding]:
        """Broken rules (with ``strict``, minima nothing can meet too)."""
        return [f if f.level == "error" else dataclasses.replace(f, level="error")
                for f in self.findings
                if f.level == "error" or (self.strict and f.rule == "minimum")]

    @property
    def warnings(self) -> list[Finding]:
        """Things to look at that do not stop the plan."""
        return [f for f in self.findings if f.level == "warning"
                and not (self.strict and f.rule == "minimum")]

    @property
    def failed(self) -> bool:
        """Whether something could not be placed or a rule is broken."""
        return bool(self.plan.unplaced or self.errors)


def _planned(cur: Curriculum, quarter: Quarter, ledger: Ledger | None,
             strict: bool = False) -> PlanRun:
    """A quarter's plan, checked: from the year's records when there are any (who already
    attended what), else from the curriculum alone."""
    plan = ledger.plans[quarter] if ledger is not None else plan_quarter(cur, quarter)
    return PlanRun(cur, plan, check_plan(cur, plan), ledger=ledger, strict=strict)


def _batch(run: PlanRun, out: Path, templates: Templates) -> Batch:
    """Every document of a planned quarter for folder ``out``, with the follow-ups of its
    meetings and its held sessions' documents kept as filed."""
    todo, held = open_followups(run.curriculum, run.plan, run.ledger) \
        if run.ledger is not None else ({}, set())
    return plan_batch(run.plan, out, templates, todo, held)


def _write(run: PlanRun, out: Path | str, templates: Path | str | None, force: bool,
           beside: bool) -> Written:
    """Every document of a planned quarter written into ``out`` (:func:`_batch`)."""
    batch = _batch(run, Path(out), Templates.for_curriculum(run.curriculum, templates))
    return write_batches(Path(out), [batch], force, beside)[0]


def plan_branch(path: Path | str, quarter: Quarter | str | None = None,
                out: Path | str | None = None, templates: Path | str | None = None,
                records: Path | None = None, partial: bool = False, force: bool = False,
                beside: bool = False, strict: bool = False) -> PlanRun:
    """Plan one branch's quarter, check it, and (with ``out``) write every document.

    Nothing is written when the plan is incomplete or breaks a rule, unless ``partial``.
    A minimum that nothing in the curriculum can meet (no party lecture at all) is a
    warning, and the plan is written; with ``strict`` it breaks a rule.
    ``records`` is a folder of session records: who already attended the year's courses,
    and the action items each meeting follows up.
    """
    cur = load(path)
    chosen = quarter or cur.calendar.quarter
    if chosen is None:
        raise UserError(msg("plan.which_quarter", source=str(path)), cur.locale)
    chosen = Quarter.parse(chosen)
    with _about(cur):
        ledger = read_ledger(cur, record_files([records_folder(records)]), chosen.year) \
            if records is not None else None
        run = _planned(cur, chosen, ledger, strict)
        if out is not None and (not run.failed or partial):
            run.written = _write(run, out, templates, force, beside)
    return run


@dataclass
class YearRun:
    """A branch's year planned: its four quarters, and the year's own files."""

    curriculum: Curriculum
    quarters: list[PlanRun]
    written: Written | None = None

    @property
    def failed(self) -> bool:
        """Whether a quarter could not be planned in full or breaks a rule."""
        return any(q.failed for q in self.quarters)


def plan_year(path: Path | str, year: int, out: Path | str | None = None,
              templates: Path | str | None = None, records: Path | None = None,
              partial: bool = False, force: bool = False, beside: bool = False,
              strict: bool = False) -> YearRun:
    """Plan a branch's year: the four quarters, each exactly as :func:`plan_branch` plans
    and writes it (into ``out/2027Q1/``…), and the year's plan (``annual.docx``,
    ``annual.ics``) beside them. Nothing is written unless every quarter is complete and
    keeps every rule, or ``partial``."""
    cur = load(path)
    with _about(cur):
        return _plan_year(cur, year, out, templates, records, partial, force, beside, strict)


def _plan_year(cur: Curriculum, year: int, out: Path | str | None,
               templates: Path | str | None, records: Path | None, partial: bool,
               force: bool, beside: bool, strict: bool = False) -> YearRun:
    ledger = read_ledger(cur, record_files([records_folder(records)]), year) \
        if records is not None else None
    runs = [_planned(cur, Quarter(year, n), ledger, strict) for n in (1, 2, 3, 4)]
    result = YearRun(cur, runs)
    if out is not None and (not result.failed or partial):
        plans = [run.plan for run in runs]
        # rendered first: a template that fails stops the run before anything is written
        chosen = Templates.for_curriculum(cur, templates)
        folder = Path(out)
        files = {"annual.docx": annual_document(plans, chosen),
                 "annual.ics": year_ics(plans, read_previous(folder / "annual.ics"))}
        files.update(member_calendars(plans, lambda rel: read_previous(folder / rel)))
        # one transaction for the year: a run killed half-way leaves no quarter of it
        batches = [_batch(run, Path(out) / str(run.plan.quarter), chosen) for run in runs]
        written = write_batches(Path(out), [*batches, Batch(Path(out), files)], force, beside)
        for run, done in zip(runs, written, strict=False):
            run.written = done
        result.written = written[-1]
    return result


@dataclass
class MinutesRun:
    """The minutes written, and the records that were make-up study only."""

    written: Written
    makeup_only: list[str] = field(default_factory=list)
    locale: str = "zh-CN"
    assessments: list[str] = field(default_factory=list)
    yearly: list[tuple[str, Message]] = field(default_factory=list)
    """Evaluation, results and visit records given: (file, what it is); no minutes."""


def write_minutes_of(path: Path | str, record_paths: Sequence[Path | str], out: Path | str,
                     templates: Path | str | None = None, force: bool = False,
                     beside: bool = False) -> MinutesRun:
    """Write the minutes of every session record given, all or none, into the plan's
    folder ``out``. The other records beside them tell which earlier action items are
    still open."""
    return write_minutes_for(load(path), record_paths, out, templates, force, beside)


def write_minutes_for(cur: Curriculum, record_paths: Sequence[Path | str], out: Path | str,
                      templates: Path | str | None = None, force: bool = False,
                      beside: bool = False) -> MinutesRun:
    """:func:`write_minutes_of` for a curriculum already loaded (a notebook's)."""
    with _about(cur):
        return _write_minutes(cur, record_paths, out, templates, force, beside)


def _given_records(record_paths: Sequence[Path | str],
                   ) -> tuple[list[Path | str], list[yamlio.Document]]:
    """The record files given, and their records parsed: a folder stands for the records
    in it; a workbook given
    that holds no record sheet at all (a ledger, a sign-in export) is refused, not passed
    over (looked at again only when it gave no filled sheet)."""
    paths: list[Path | str] = []
    for given in record_paths:
        paths.extend(record_files([Path(given)]) if Path(given).is_dir() else [given])
    docs = parse_records(paths)
    read = {d.path.rpartition(":")[0] for d in docs if isinstance(d, SheetDocument)}
    refused = [Problem(str(p), 1, 1, "", msg("check.not_record_workbook")) for p in paths
               if is_workbook(p) and str(p) not in read and not read_workbook_sheets(p)[1]]
    if refused:
        raise InputError(refused)
    return paths, docs


def _write_minutes(cur: Curriculum, record_paths: Sequence[Path | str], out: Path | str,
                   templates: Path | str | None, force: bool, beside: bool) -> MinutesRun:
    record_paths, docs = _given_records(record_paths)
    records, problems, plans = checked_records(docs, cur)
    if problems:
        raise InputError(problems)
    # a file beside the records that is not a record (a curriculum, a draft) is no reason
    # to stop
    folders = sorted({Path(p).parent for p in record_paths})
    ledgers = {year: read_ledger(cur, record_files(folders), year, skip_unreadable=True)
               for year in {r.date.year for r in records if isinstance(r, Record)}}
    # a second record of a session among its neighbours is as wrong here as in the report
    given = {Path(r.source).resolve() for r in records}
    seconds = [p for ledger in ledgers.values() for p in ledger.problems
               if p.message.key == "record.second" and given & {
                   Path(p.path).resolve(), Path(str(dict(p.message.values)["first"])).resolve()}]
    if seconds:
        raise InputError(seconds)
    quarters = _quarter_folders(cur, [r for r in records if isinstance(r, Record)], Path(out))
    chosen = Templates.for_curriculum(cur, templates)
    evaluations = _evaluations_at(cur, records, record_paths, folders)
    files, makeup_only, assessments, bases = {}, [], [], {}
    yearly: list[tuple[str, Message]] = []
    for record in records:
        if isinstance(record, AssessmentRecord):
            assessments.append(record.source)   # levels assessed: no minutes
            continue
        if isinstance(record, YEAR_RECORDS):
            yearly.append((record.source, msg(_YEAR_KIND[type(record)])))
            continue
        if not isinstance(record, Record):
            makeup_only.append(record.source)
            continue
        plan = plans[quarter_of(record.date)]
        session = plan.session(record.session)
        todo = followups(ledgers[record.date.year].actions, session, record.date, cur)
        rel = f"{quarters[record.source]}sessions/{record.session}/minutes.docx"
        ev = evaluations.get(record.session)
        files[rel] = minutes_document(plan, session, record, chosen, todo,
                                      minutes_evaluation(ev) if ev else None)
        bases[rel] = minutes_basis(cur, session, record, *(
            ([e.member for e in ev.evaluated], ev.record.model_dump_json())
            if ev and ev.record else ()))
    written = write_outputs(Path(out), files, force=force, beside=beside, bases=bases,
                            explain=lambda stale: explain_stale(cur, stale))
    return MinutesRun(written, makeup_only, cur.locale, assessments, yearly)


def _evaluations_at(cur: Curriculum, records: Sequence[AnyRecord],
                    record_paths: Sequence[Path | str], folders: Sequence[Path],
                    ) -> dict[str, Evaluation]:
    """Session id → the year's evaluation held there, for the sessions among ``records``
    that an evaluation record (given, or beside them in ``folders``) names."""
    held = {r.session for r in records if isinstance(r, Record)}
    paths = [*record_files(folders), *record_paths]
    named: dict[str, int] = {r.session: r.evaluation for r in records
                             if isinstance(r, EvaluationRecord) and r.session}
    for doc in parse_records(record_files(folders), skip_unreadable=True):
        data = doc.data
        # named as written: a record that does not read is refused below, if it matters
        if isinstance(data, dict) and record_kind(data) is EvaluationRecord \
                and isinstance(data.get("session"), str) \
                and isinstance(data.get("evaluation"), int):
            named.setdefault(data["session"], data["evaluation"])
    out: dict[str, Evaluation] = {}
    years: dict[int, Evaluation] = {}
    for session, year in named.items():
        if session not in held:
            continue
        if year not in years:
            # the minutes would be filed without the evaluation: a mistake in its record
            # (or in the year's results and visits beside it) stops them, as in `evaluate`;
            # other files beside the records that are not records do not
            check_records([d for d in parse_records(paths, skip_unreadable=True)
                           if isinstance(d.data, dict) and record_kind(d.data) in YEAR_RECORDS],
                          cur)
            years[year] = read_evaluation(cur, paths, year, skip_unreadable=True)
        ev = years[year]
        if ev.record is not None and ev.record.session == session:
            out[session] = ev
    return out


def _plan_quarter(folder: Path) -> Quarter | None:
    """The quarter whose plan ``folder`` holds (its ``plan.yaml``, as ``plan`` writes it), or
    None when it holds none."""
    plan = folder / "plan.yaml"
    if not plan.is_file():
        return None
    try:
        data = yamlio.load(plan).data
        return Quarter.parse(data.get("quarter")) if isinstance(data, dict) else None
    except (InputError, PydanticCustomError):
        return None


def _quarter_folders(cur: Curriculum, records: Sequence[Record], out: Path) -> dict[str, str]:
    """Where under ``out`` each session record's minutes go: the folder (``""`` or
    ``2027Q2/``) by record file.

    ``out`` a quarter's plan folder (``plan.yaml``): every record must be of that quarter.
    ``out`` a year's folder (``2027Q1/``…``2027Q4/``, as ``plan --year`` writes it): each
    record into its quarter's folder, which must be there. Any other folder: ``out`` itself
    for the records of one quarter, a folder per quarter for those of several (a course of
    every quarter has one id, and one minutes file each quarter). A record that has no
    place is refused, before anything is written."""
    held = {r.source: quarter_of(r.date) for r in records}
    own = _plan_quarter(out) if out.is_dir() else None
    years = {q: f"{sub.name}/" for sub in sorted(out.iterdir()) if sub.is_dir()
             and (q := _plan_quarter(sub)) is not None} if out.is_dir() and own is None else {}
    if own is None and not years:
        return {source: f"{q}/" if len(set(held.values())) > 1 else ""
                for source, q in held.items()}
    refused = []
    for record in records:
        quarter = held[record.source]
        if quarter == own or quarter in years:
            continue
        doc = yamlio.load(record.source)
        doc.locale = cur.locale
        when = msg("minutes.record_of", quarter=quarter_title(cur.locale, quarter),
                   day=day_message(record.date))
        refused.append(doc.problem(("date",), msg(
            "minutes.other_quarter", when=when, folder=str(out),
            plan=quarter_title(cur.locale, own), belongs=str(out.parent / str(quarter)))
            if own is not None else msg(
            "minutes.no_quarter_folder", when=when, folder=str(out), id=str(quarter),
            year=quarter.year)))
    if refused:
        raise InputError(refused)
    return {source: "" if q == own else years[q] for source, q in held.items()}


_YEAR_KIND = {EvaluationRecord: "kind.evaluation_record", ResultsRecord: "kind.results_record",
              VisitLog: "kind.visit_log"}


def branch_needs(path: Path | str, records: Path | str | None = None,
                 quarter: Quarter | None = None) -> Needs:
    """The needs analysis of a branch; with ``records``, at the start of ``quarter`` (default
    ``calendar.quarter``): the branch of that quarter, with the levels assessed since and
    raised by the courses attended."""
    cur = load(path)
    if records is None:
        return analyse_needs(cur)
    with _about(cur):
        chosen = quarter or cur.calendar.quarter
        if chosen is None:
            raise UserError(msg("plan.which_quarter", source=str(path)))
        docs = parse_records(record_files([records_folder(records)]))
        found, _, plans = checked_records(docs, cur, {chosen.year})
        projection = project_levels(cur, plans, found, chosen.first)
        return analyse_needs(cur.during(chosen.first, chosen.last), projection)


def _one_record_a_session(problems: Iterable[Problem]) -> None:
    """A session recorded twice (two YAML files, two sheets, a sheet and a file) is an
    error for a branch's report and evaluation: which one is right is the user's to say,
    and nothing is written until it is."""
    seconds = [p for p in problems if p.message.key == "record.second"]
    if seconds:
        raise InputError(seconds)


def branch_ledger(path: Path | str, records: Path | str, year: int | None = None,
                  quarter: Quarter | None = None) -> Ledger:
    """One branch's ledger from the records in a folder (or a record workbook)."""
    cur = load(path)
    ledger = read_ledger(cur, record_files([records_folder(records, cur.locale)]), year,
                         quarter)
    _one_record_a_session(ledger.problems)
    return ledger


def branch_evaluation(path: Path | str, records: Path | str, year: int) -> Evaluation:
    """One branch's evaluation of ``year`` from the records in a folder (or a workbook)."""
    cur = load(path)
    with _about(cur):
        ev = read_evaluation(cur, record_files([records_folder(records, cur.locale)]), year)
    _one_record_a_session(ev.ledger.problems)
    return ev


def write_evaluation(ev: Evaluation, out: Path | str, templates: Path | str | None = None,
                     force: bool = False, beside: bool = False) -> Written:
    """The evaluation's documents (``evaluation_files``), all or none, into ``out``."""
    with _about(ev.curriculum):
        chosen = Templates.for_curriculum(ev.curriculum, templates)
        return write_outputs(Path(out), evaluation_files(ev, chosen), force=force,
                             beside=beside)


def write_branch_report(ledger: Ledger, out: Path | str, templates: Path | str | None = None,
                        force: bool = False, beside: bool = False) -> Written:
    """``report.docx`` and ``ledger.xlsx`` of one branch."""
    with _about(ledger.curriculum):
        return write_report(ledger, out, Templates.for_curriculum(ledger.curriculum, templates),
                            force=force, beside=beside)


def branch_folder(path: Path | str) -> str:
    """The folder a branch's output (and its records) goes into: its curriculum's file
    name, made safe."""
    stem = Path(path).stem
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem).strip(".-")
    return safe or "branch"


@dataclass
class DistrictRun:
    """A district's overview, with its title, the branches that could not be counted, and
    notes on those counted with no records (where they were looked for)."""

    district: District
    title: str
    failed: list[BranchResult]
    notes: list[Problem] = field(default_factory=list)


def district_report(paths: Sequence[Path], records: Path | str, year: int | None = None,
                    quarter: Quarter | None = None) -> DistrictRun:
    """Count every branch's records (``RECORDS/<curriculum file name>/``) and set the
    branches side by side; a branch that cannot be counted is reported, not fatal."""
    root = records_folder(records)
    ledgers: list[Ledger] = []
    evaluations: list[Evaluation | None] = []
    failed, notes = [], []
    for path in paths:
        cur: Curriculum | None = None
        try:
            cur = load(path)
            folder = root / branch_folder(path)
            files = record_files([folder]) if folder.is_dir() else []
            if not folder.is_dir():
                missing = msg("district.no_branch_folder", folder=str(folder),
                              curriculum=Path(path).name, found=_found_in(root))
                if year is None and quarter is None:   # no period to count nothing against
                    raise UserError(missing, cur.locale)
                # a branch that has held nothing yet: counted so, and said where we looked
                notes.append(Problem(str(path), 1, 1, "", msg("district.counted_as_none",
                                                               why=missing), locale=cur.locale))
            ledger = read_ledger(cur, files, year, quarter)
            evaluation, refused = _evaluation_of(cur, files, year or ledger.year)
            ledgers.append(ledger)
            evaluations.append(evaluation)
            notes.extend(refused)
        except UserError as exc:
            loc = cur.locale if cur else DEFAULT_LOCALE
            # each problem in its file's language, in Chinese where that is not known
            said = exc.said(loc) if isinstance(exc, InputError) else exc.text(exc.locale or loc)
            failed.append(BranchResult(
                str(path), cur.organization.name if cur else branch_folder(path), False,
                said, reason=_reason(exc, loc, branch_folder(path))))
    district = district_overview(ledgers, failed, evaluations)
    loc = district.locale
    # the period in words (2027年第一季度; 2027年度 for a year, or the branches' latest)
    shown = year or (district.as_of.year if district.as_of else None)
    period = quarter_title(loc, quarter) if quarter else (
        text(loc, "ledger.year", year=shown) if shown else "")
    return DistrictRun(district, district_title(district, period), failed, notes)


def _evaluation_of(cur: Curriculum, files: Sequence[Path], year: int,
                   ) -> tuple[Evaluation | None, list[Problem]]:
    """A branch's evaluation of ``year`` for the district; when its evaluation, results or
    visit records are refused, None and their problems (the branch is still counted)."""
    try:
        return read_evaluation(cur, files, year), []
    except InputError as exc:
        return None, list(exc.problems)


def _reason(exc: UserError, locale: str, folder: str) -> str:
    """Why a branch could not be counted, for the filed overview: what is wrong, without
    the files and places the terminal shows."""
    if isinstance(exc, InputError):
        # the problems name keys and lines: the terminal lists them, the page counts them
        return text(locale, "district.reason_input", n=len(exc.problems))
    if exc.message.key == "district.no_branch_folder":
        return text(locale, "district.reason_no_records", folder=folder)
    words = exc.text(locale)
    return words if not re.search(r"[/\\]", words) else text(locale, "district.reason_other")


def _found_in(root: Path) -> Message:
    """What a district's records folder holds instead of one folder per branch."""
    files = sorted(p.name for p in root.iterdir() if p.is_file() and p.suffix == ".yaml")
    folders = sorted(p.name for p in root.iterdir() if p.is_dir())
    if folders:
        return msg("district.found_folders", names="、".join(folders[:6]), n=len(folders))
    if files:
        return msg("district.found_files", n=len(files))
    return msg("district.found_nothing")


def write_district(run: DistrictRun, out: Path | str, templates: Path | str | None = None,
                   force: bool = False, beside: bool = False) -> Written:
    """``district.docx`` and ``district.xlsx``."""
    if templates and not Path(templates).is_dir():
        raise UserError(msg("template.no_folder", folder=str(templates)), run.district.locale)
    chosen = Templates(run.district.locale, Path(templates) if templates else None)
    return write_outputs(Path(out), {
        "district.docx": chosen.get("district.docx").render(
            district_context(run.district, run.title)),
        "district.xlsx": district_xlsx(run.district, run.title)}, force=force, beside=beside)


@dataclass
class DraftRun:
    """Record drafts written (``studykit records draft``): the files written, those that
    were there already and are left alone, and what a sign-in export could not match."""

    curriculum: Curriculum
    written: list[Path]
    existing: list[Path]
    problems: list[Problem] = field(default_factory=list)


def write_drafts(path: Path | str, quarter: Quarter | str, out: Path | str,
                 session: str | None = None, records: Path | str | None = None,
                 signin: Path | str | None = None) -> DraftRun:
    """Write a YAML record draft for each session of the quarter (or the one ``session``)
    into folder ``out``, pre-filled from the plan (:func:`studykit.engine.drafts.draft`).
    A draft never replaces a file that is there: it may be a record being written.
    ``records`` plans the quarter as ``plan --records`` does (the same sessions);
    ``signin`` (with ``session``) fills ``present`` and ``late`` from a sign-in export."""
    cur = load(path)
    chosen = Quarter.parse(quarter)
    with _about(cur):
        ledger = read_ledger(cur, record_files([records_folder(records)]), chosen.year) \
            if records is not None else None
        plan = _planned(cur, chosen, ledger).plan
        if session is not None and session not in plan.by_id:
            raise UserError(msg("draft.no_session", id=session, quarter=str(chosen),
                                hint=suggest(session, list(plan.by_id))), cur.locale)
        if signin is not None and session is None:
            raise UserError(msg("draft.signin_needs_session"), cur.locale)
        chosen_sessions = [plan.session(session)] if session else list(plan.sessions)
        signed: dict[str, str] | None = None
        notes: list[str] = []
        problems: list[Problem] = []
        if signin is not None:
            signed, notes, problems = _signed_in(cur, chosen_sessions[0], signin)
        folder = Path(out)
        # a session recorded already (in a YAML file or the record workbook, there or in
        # `records`) gets no draft: a second record of it would be an error
        sources = [p for p in (folder, Path(records) if records else None)
                   if p is not None and p.exists()]
        done, _ = check_records(parse_records(record_files(sources), skip_unreadable=True),
                                cur, None, skip_unreadable=True)
        held = {(r.session, quarter_of(r.date)): r.source for r in done
                if isinstance(r, Record)}
        files, existing = {}, []
        for s in chosen_sessions:
            target = folder / f"{s.id}.yaml"
            if target.exists() or (s.id, chosen) in held:
                existing.append(Path(held.get((s.id, chosen), target)))
                continue
            files[target] = draft_yaml(cur, draft(cur, s), signed, notes).encode("utf-8")
        written = write_files(folder, files) if files else []
        return DraftRun(cur, written, existing, problems)


def _signed_in(cur: Curriculum, session: Session, path: Path | str,
               ) -> tuple[dict[str, str], list[str], list[Problem]]:
    """Who signed in (member → present or late) from a sign-in export, the lines the draft
    says about what could not be matched, and those problems. A file that cannot be read
    as a sign-in raises."""
    from ..reading.signin import read_signin

    signin = read_signin(path, cur, session)
    if not signin.name_column or not signin.time_column:
        # no name or no time column found: there is no sign-in to draft from
        raise InputError(list(signin.problems))
    signed = {**{m: "present" for m in signin.present}, **{m: "late" for m in signin.late}}
    notes = [p.text(cur.locale) for p in signin.problems]
    return signed, notes, list(signin.problems)
