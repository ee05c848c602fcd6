"""Session records: what happened at a session, from which minutes and the ledger come.

A record is a small YAML file per held session (format in ``docs/records.md``). It is
read like a curriculum, every problem located as ``file:line:col``, and checked
against the curriculum and the plan: the session exists, the people are members,
nobody is both present and absent, votes do not add up to more than the voters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, time
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from ..domain.errors import InputError, Problem, UserError
from ..domain.models import Curriculum, parse_date, parse_time
from ..domain.plan import Plan
from ..domain.records import (
    ACTION_REF,
    AnyRecord,
    AssessmentRecord,
    EvaluationRecord,
    MakeupRecord,
    Record,
    ResultsRecord,
    VisitLog,
    counted,
)
from ..domain.rules import entitled_voters, evaluation_in_reach
from ..domain.time import Quarter, quarter_of
from ..domain.vocabulary import ID_PATTERN
from ..engine.evaluation import Evaluation, evaluate
from ..engine.ledger import Ledger, build_ledger
from ..engine.planner import year_plans
from ..words import msg
from . import yamlio
from .problems import (
    as_list,
    as_text,
    flow_punctuation,
    merge,
    schema_problems,
    suggest,
    with_locale,
)
from .sheets import SheetDocument, is_workbook, read_workbook


def _votes_value(vote: Any, key: str) -> Any:
    return vote.get(key, 0) if isinstance(vote, dict) else 0


def _clock(value: Any) -> time | None:
    """A time of day as written, or None (a wrong one is the schema's to report)."""
    try:
        return parse_time(value) if value is not None else None
    except PydanticCustomError:
        return None


def _problems(doc: yamlio.Document, cur: Curriculum,
              plans: Mapping[Quarter, Plan] | None) -> Iterator[Problem]:
    """Cross-references a schema cannot see, on the raw data (so all are found at once).

    With ``plans``, the record's session must be in the plan of its date's quarter, and
    sessions named in ``makeup`` and ``done`` in any of the plans.
    """
    data = doc.data
    members = list(cur.member_by_id)
    try:
        day = parse_date(data.get("date"))
    except PydanticCustomError:
        day = None
    sessions = plans[quarter_of(day)].by_id if plans and day and \
        quarter_of(day) in plans else None
    known = {i for plan in plans.values() for i in plan.by_id} if plans else None

    def member(where: tuple[str | int, ...], value: Any, key: bool = False) -> Iterator[Problem]:
        value = as_text(value)
        if value is not None and value not in cur.member_by_id:
            yield doc.problem(where, msg("ref.unknown", what=msg("what.member"), name=value,
                                         hint=suggest(value, members)), key=key)
        elif value is not None and day is not None and not cur.member_by_id[value].in_branch(day):
            yield doc.problem(where, msg("record.not_in_branch", id=value, day=str(day)),
                              key=key)

    session_id = as_text(data.get("session"))
    if sessions is not None and isinstance(session_id, str) and session_id not in sessions:
        yield doc.problem(("session",), msg("record.no_session", id=session_id,
                                            hint=suggest(session_id, list(sessions))))
    for key in ("chair", "recorder"):
        yield from member((key,), data.get(key))
    start, end = (_clock(data.get(key)) for key in ("start", "end"))
    if start is not None and end is not None and end <= start:
        yield doc.problem(("end",), msg("record.end_not_after_start", start=f"{start:%H:%M}",
                                        end=f"{end:%H:%M}"))
    seen: dict[str, str] = {}
    for key in ("present", "late"):
        for i, value in enumerate(as_list(data.get(key))):
            yield from member((key, i), value)
            m = as_text(value)
            if m is not None:
                if m in seen:
                    yield doc.problem((key, i), msg("record.twice", id=m) if seen[m] == key
                                      else msg("record.both", id=m, first=seen[m], then=key))
                seen.setdefault(m, key)
    absent = {str(k): v for k, v in data["absent"].items()} \
        if isinstance(data.get("absent"), dict) else {}
    for m in absent:
        yield from member(("absent", m), m, key=True)
        if m in seen:
            yield doc.problem(("absent", m), msg("record.both", id=m, first=seen[m],
                                                 then="absent"), key=True)
    for i, value in enumerate(as_list(data.get("unexcused"))):
        yield from member(("unexcused", i), value)
        m = as_text(value)
        if m is not None and (m in seen or m in absent):
            yield doc.problem(("unexcused", i), msg(
                "record.both", id=m, first=seen.get(m, "absent"), then="unexcused"))
        elif m is not None:
            absent[m] = None
    for i, speech in enumerate(as_list(data.get("speeches"))):
        who = speech.get("who") if isinstance(speech, dict) else None
        if isinstance(who, str) and ID_PATTERN.fullmatch(who):
            yield from member(("speeches", i, "who"), who)
    for i, action in enumerate(as_list(data.get("actions"))):
        if isinstance(action, dict):
            yield from member(("actions", i, "owner"), action.get("owner"))
    attended = {m for m, how in seen.items() if how in ("present", "late")}
    session = sessions.get(session_id) if sessions is not None and session_id else None
    if session is not None and day is not None:
        # only those entitled to vote count: activists and non-members attend, not vote
        attended &= set(entitled_voters(cur.as_of(day).member_by_id, session))
    for i, vote in enumerate(as_list(data.get("votes"))):
        counts = [_votes_value(vote, k) for k in ("for", "against", "abstain")]
        if all(isinstance(c, int) and not isinstance(c, bool) for c in counts) \
                and sum(counts) > len(attended):
            yield doc.problem(("votes", i), msg(
                "record.too_many_votes", total=sum(counts), votes_for=counts[0],
                against=counts[1], abstain=counts[2], there=len(attended)))
    for i, item in enumerate(as_list(data.get("makeup"))):
        if isinstance(item, dict):
            yield from member(("makeup", i, "member"), item.get("member"))
            ref = as_text(item.get("session"))
            if known is not None and ref is not None and ref not in known:
                yield doc.problem(("makeup", i, "session"), msg(
                    "record.no_planned_session", id=ref, hint=suggest(ref, sorted(known))))
    for i, ref in enumerate(as_list(data.get("done"))):
        match = ACTION_REF.fullmatch(ref) if isinstance(ref, str) else None
        if match and known is not None and match[1] not in known:
            yield doc.problem(("done", i), msg("record.no_planned_session", id=match[1],
                                               hint=suggest(match[1], sorted(known))))
    if sessions is not None and isinstance(session_id, str) and session_id in sessions:
        expected = [*sessions[session_id].attendees]
        # a workbook's row whose attendance is wrong or empty is said at its cell already
        settled = doc.unsettled if isinstance(doc, SheetDocument) else set()
        missing = [m for m in expected if m not in seen and m not in absent
                   and m not in settled]
        if missing:
            yield doc.problem((), msg("record.unlisted", ids=", ".join(missing)))


def _assessment_problems(doc: yamlio.Document, cur: Curriculum) -> Iterator[Problem]:
    """An assessment names members and competencies the curriculum has, members who are in
    the branch on the day."""
    data = doc.data
    members, competencies = list(cur.member_by_id), list(cur.competencies)
    try:
        day = parse_date(data.get("assessment"))
    except PydanticCustomError:
        day = None
    levels = data.get("levels") if isinstance(data.get("levels"), dict) else {}
    for member, assessed in levels.items():
        name = as_text(member)
        if name is None:
            continue
        if name not in cur.member_by_id:
            yield doc.problem(("levels", member), msg(
                "ref.unknown", what=msg("what.member"), name=name, hint=suggest(name, members)),
                key=True)
        elif day is not None and not cur.member_by_id[name].in_branch(day):
            yield doc.problem(("levels", member), msg("record.not_in_branch", id=name,
                                                      day=str(day)), key=True)
        for comp in assessed if isinstance(assessed, dict) else {}:
            if str(comp) not in competencies:
                yield doc.problem(("levels", member, comp), msg(
                    "ref.unknown", what=msg("what.competency"), name=comp,
                    hint=suggest(str(comp), competencies)), key=True)


YEAR_RECORDS: tuple[type[AnyRecord], ...] = (EvaluationRecord, ResultsRecord, VisitLog)
"""Records of the year beside the session records: the evaluation, business results,
service visits."""


def record_kind(data: Mapping[str, Any]) -> type[AnyRecord]:
    """Which kind of record a file's content is, by its keys: ``evaluation``, ``results``,
    ``visits``, ``assessment``, ``makeup`` (without ``session``), else a session's."""
    kinds: tuple[tuple[str, type[AnyRecord]], ...] = (
        ("evaluation", EvaluationRecord), ("results", ResultsRecord), ("session", Record),
        ("visits", VisitLog), ("assessment", AssessmentRecord), ("makeup", MakeupRecord))
    return next((model for key, model in kinds if key in data), Record)


def _year_problems(doc: yamlio.Document, cur: Curriculum,
                   plans: Mapping[Quarter, Plan] | None) -> Iterator[Problem]:
    """An evaluation, results or visits name members of the branch that year (party members
    for an evaluation), indicators the curriculum has, sessions of the year's plans."""
    data = doc.data
    members, indicators = list(cur.member_by_id), list(cur.indicators)
    year = data.get("evaluation", data.get("results"))
    year = year if isinstance(year, int) and not isinstance(year, bool) else None
    first, last = (date(year, 1, 1), date(year, 12, 31)) if year else (None, None)

    def member(where: tuple[str | int, ...], value: Any, key: bool,
               party: bool = False, day: date | None = None) -> Iterator[Problem]:
        name = as_text(value)
        person = cur.member_by_id.get(name or "")
        if name is None:
            return
        if person is None:
            yield doc.problem(where, msg("ref.unknown", what=msg("what.member"), name=name,
                                         hint=suggest(name, members)), key=key)
        elif day is not None and not person.in_branch(day):
            yield doc.problem(where, msg("record.not_in_branch", id=name, day=str(day)),
                              key=key)
        elif first and last and day is None and not person.in_branch_between(first, last):
            yield doc.problem(where, msg("record.not_in_year", id=name, year=year), key=key)
        elif party and last and not person.as_of(min(last, person.left or last)).is_party:
            yield doc.problem(where, msg("evaluation.not_party", id=name), key=key)

    def indicator(where: tuple[str | int, ...], value: Any, key: bool) -> Iterator[Problem]:
        name = as_text(value)
        if name is not None and name not in cur.indicators:
            yield doc.problem(where, msg("ref.unknown", what=msg("what.indicator"), name=name,
                                         hint=suggest(name, indicators)), key=key)

    for table in ("ballots", "grades"):
        entries = data.get(table) if isinstance(data.get(table), dict) else {}
        for m in entries:
            yield from member((table, m), m, key=True, party=True)
    session = as_text(data.get("session"))
    if "evaluation" in data and session is not None and plans is not None and year:
        known = sorted({i for q, plan in plans.items() if evaluation_in_reach(q, year)
                        for i in plan.by_id})
        if session not in known:
            yield doc.problem(("session",), msg("record.no_planned_session", id=session,
                                                hint=suggest(session, known)))
    values = data.get("values") if isinstance(data.get("values"), dict) else {}
    for m, got in values.items():
        yield from member(("values", m), m, key=True)
        for name in got if isinstance(got, dict) else {}:
            yield from indicator(("values", m, name), name, key=True)
    for i, name in enumerate(as_list(data.get("counts"))):
        yield from indicator(("counts", i), name, key=False)
    for i, visit in enumerate(as_list(data.get("visits"))):
        if not isinstance(visit, dict):
            continue
        try:
            day = parse_date(visit.get("date"))
        except PydanticCustomError:
            day = None
        if day is not None:
            yield from member(("visits", i, "member"), visit.get("member"), key=False, day=day)
        for j, name in enumerate(as_list(visit.get("counts"))):
            yield from indicator(("visits", i, "counts", j), name, key=False)


def loads_record(text: str, curriculum: Curriculum,
                 plans: Mapping[Quarter, Plan] | None = None,
                 path: str = "<record>") -> AnyRecord:
    """A record from YAML text (a notebook cell), checked like a file; ``path`` names it
    in messages."""
    record, problems = _from_document(yamlio.parse(text, path), curriculum, plans)
    if problems:
        raise InputError(problems)
    return record


def read_record(path: Path | str, curriculum: Curriculum,
                plans: Mapping[Quarter, Plan] | None = None,
                ) -> tuple[AnyRecord, list[Problem]]:
    """Read one record (a session's, or a make-up record) and find what disagrees with the
    curriculum and the plans.

    A file that cannot be read as a record raises :class:`~studykit.domain.errors.InputError`;
    the disagreements (an unknown member, a session not in the plan…) are returned, for
    the caller to refuse (:func:`load_record`) or to report beside its results (the ledger).
    """
    return _from_document(yamlio.load(path), curriculum, plans)


def _from_document(doc: yamlio.Document, curriculum: Curriculum | None,
                   plans: Mapping[Quarter, Plan] | None, locale: str | None = None,
                   ) -> tuple[AnyRecord, list[Problem]]:
    """A parsed record as a record, with its disagreements; without a curriculum only its
    shape is checked (the problems then in ``locale``)."""
    doc.locale = curriculum.locale if curriculum is not None else locale
    if isinstance(doc, SheetDocument):
        doc.bind(curriculum)
    if doc.data is None:
        raise InputError([Problem(doc.path, 1, 1, "", msg("record.empty"),
                                  locale=doc.locale)])
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), msg("record.not_mapping"))])
    if "studykit" in doc.data and "session" not in doc.data:
        raise InputError([doc.problem(("studykit",), msg("record.is_curriculum"), key=True)])
    model = record_kind(doc.data)
    found: Iterable[Problem] = () if curriculum is None \
        else _assessment_problems(doc, curriculum) if model is AssessmentRecord \
        else _year_problems(doc, curriculum, plans) if model in YEAR_RECORDS \
        else _problems(doc, curriculum, plans)
    problems = [*with_locale(doc.problems, doc.locale), *found,
                *with_locale(list(flow_punctuation(doc)), doc.locale)]
    record = doc.validated.get(model)
    if record is None:
        try:
            record = model.model_validate(doc.data)
        except ValidationError as exc:
            raise InputError(merge(problems, schema_problems(doc, exc, model))) from None
        record._source = doc.path
        doc.validated[model] = record
    if isinstance(record, Record) and record.draft:
        # a draft left as `records draft` wrote it: not a session held, until finished
        problems.append(doc.problem(("draft",), msg("record.draft"), key=True))
    return record, sorted(set(problems), key=Problem.sort_key)


def _unfinished(record: AnyRecord) -> bool:
    """A record draft not finished yet: it is said, and counts as nothing."""
    return isinstance(record, Record) and record.draft


def load_record(path: Path | str, curriculum: Curriculum,
                plans: Mapping[Quarter, Plan] | None = None) -> AnyRecord:
    """Read and check one record; with ``plans`` its session must be in them.

    Raises :class:`~studykit.domain.errors.InputError` with every problem found.
    """
    record, problems = read_record(path, curriculum, plans)
    if problems:
        raise InputError(problems)
    return record


def is_plan_file(data: Any) -> bool:
    """Whether ``data`` is a ``plan.yaml`` written by ``studykit plan`` (its ``quarter``
    and ``sessions``): no record, passed over where records are read."""
    return isinstance(data, dict) and "sessions" in data and "quarter" in data \
        and "session" not in data


def parse_records(paths: Iterable[Path | str],
                  skip_unreadable: bool = False) -> list[yamlio.Document]:
    """Read and parse record files once, for :func:`check_records` to look at as often as
    needed; files that cannot be parsed raise (all together) unless skipped. A file named
    twice (``records/a.yaml ./records/a.yaml``) is read once: it is no second record."""
    docs: list[yamlio.Document] = []
    fatal: list[Problem] = []
    unique: dict[Path, Path | str] = {}
    for path in paths:
        unique.setdefault(yamlio.real_path(path), path)
    for path in unique.values():
        try:
            if is_workbook(path):
                docs.extend(read_workbook(path))     # a record workbook: its filled sheets
            elif not Path(path).name.startswith("~$"):   # not a lock file Excel keeps
                doc = yamlio.load(path)
                if not is_plan_file(doc.data):   # a plan's folder may be a records folder
                    docs.append(doc)
        except InputError as exc:
            if not skip_unreadable:
                fatal.extend(exc.problems)
    if fatal:
        raise InputError(fatal)
    return docs


def check_records(docs: Iterable[yamlio.Document], curriculum: Curriculum,
                  plans: Mapping[Quarter, Plan] | None = None, skip_unreadable: bool = False,
                  ) -> tuple[list[AnyRecord], list[Problem]]:
    """Parsed records as records, with their disagreements with the curriculum and the
    plans; one that is not a record at all raises (all together) unless skipped."""
    out, problems, fatal, read = [], [], [], []
    for doc in docs:
        try:
            record, found = _from_document(doc, curriculum, plans)
        except InputError as exc:
            if not skip_unreadable:
                fatal.extend(exc.problems)
            continue
        problems.extend(found)
        if not _unfinished(record):
            out.append(record)
            read.append((doc, record))
    if fatal:
        raise InputError(fatal)
    if plans is not None:
        problems.extend(with_locale(list(_across(read)), curriculum.locale))
    return out, problems


def _across(read: Sequence[tuple[yamlio.Document, AnyRecord]]) -> Iterator[Problem]:
    """What records say that only their neighbours show: a second record of a session
    (:func:`~studykit.domain.records.counted`), make-up study of a session the member
    attended, or dated before the absence it makes up, ``done`` naming an action that no
    record decided, or decided in the same record."""
    yield from _year_across(read)
    docs = {id(record): doc for doc, record in read}
    held, seconds = counted(r for _, r in read if isinstance(r, Record))
    for second, first in seconds:
        yield docs[id(second)].problem(("session",), msg(
            "record.second", id=second.session, first=first.source))
    missed: dict[tuple[str, str], list[date]] = {}
    attended: dict[tuple[str, str], date] = {}
    for kept_record in held.values():
        for member in kept_record.absences:
            missed.setdefault((member, kept_record.session), []).append(kept_record.date)
        for member in (*kept_record.present, *kept_record.late):
            attended[member, kept_record.session] = kept_record.date
    for doc, record in read:
        if not isinstance(record, (Record, MakeupRecord)):
            continue
        for i, item in enumerate(record.makeup):
            days = missed.get((item.member, item.session))
            there = attended.get((item.member, item.session))
            if not days and there is not None:
                yield doc.problem(("makeup", i, "member"), msg(
                    "record.makeup_not_missed", id=item.member, session=item.session,
                    held=str(there)))
            if days and item.date < min(days):
                yield doc.problem(("makeup", i, "date"), msg(
                    "record.makeup_before", day=str(item.date), held=str(min(days))))
        if not isinstance(record, Record):
            continue
        for i, ref in enumerate(record.done):
            match = ACTION_REF.fullmatch(ref)
            if match is None:
                continue
            decided = [r for r in held.values() if r.session == match[1]]
            if any(r is record for r in decided) and len(decided) == 1:
                yield doc.problem(("done", i), msg("record.done_itself", ref=ref))
            elif decided and not any(0 < int(match[2]) <= len(r.actions) for r in decided):
                yield doc.problem(("done", i), msg("record.done_nothing", ref=ref))


def _year_across(read: Sequence[tuple[yamlio.Document, AnyRecord]]) -> Iterator[Problem]:
    """A member graded in two evaluation records of a year; a result given twice, or
    given and counted from the visit log too (enter a fact once)."""
    graded: dict[tuple[int, str], str] = {}
    held_at: dict[int, tuple[str, str]] = {}
    given: dict[tuple[int, str, str], str] = {}
    logged = {(v.date.year, v.member, name) for _, r in read if isinstance(r, VisitLog)
              for v in r.visits for name in r.counted(v)}
    for doc, record in sorted(read, key=lambda dr: dr[1].source):
        if isinstance(record, EvaluationRecord):
            if record.session is not None:
                session, first = held_at.setdefault(record.evaluation,
                                                    (record.session, record.source))
                if session != record.session:
                    # one evaluation, at one branch assembly: its parts name the same one
                    yield doc.problem(("session",), msg(
                        "evaluation.two_sessions", year=record.evaluation, first=first,
                        session=session))
            for m in record.grades:
                first = graded.setdefault((record.evaluation, m), record.source)
                if first != record.source:
                    yield doc.problem(("grades", m), msg(
                        "evaluation.graded_twice", id=m, first=first), key=True)
        if isinstance(record, ResultsRecord):
            for m, values in record.values.items():
                for name in values:
                    first = given.setdefault((record.results, m, name), record.source)
                    if first != record.source:
                        yield doc.problem(("values", m, name), msg(
                            "results.twice", id=m, indicator=name, first=first), key=True)
                    elif (record.results, m, name) in logged:
                        yield doc.problem(("values", m, name), msg(
                            "results.also_logged", id=m, indicator=name), key=True)


def read_records(paths: Iterable[Path | str], curriculum: Curriculum,
                 plans: Mapping[Quarter, Plan] | None = None,
                 ) -> tuple[list[AnyRecord], list[Problem]]:
    """Read records for the ledger: files that cannot be read raise (all together); the
    disagreements with the curriculum and the plans come back to be reported."""
    return check_records(parse_records(paths), curriculum, plans)


def checked_records(docs: Sequence[yamlio.Document], curriculum: Curriculum,
                    years: Iterable[int] = (), skip_unreadable: bool = False,
                    ) -> tuple[list[AnyRecord], list[Problem], dict[Quarter, Plan]]:
    """Parsed records checked against the plans of every year they touch (and ``years``):
    the records, their disagreements, and those plans."""
    # first for the dates (which years to plan), then against those plans
    first, _ = check_records(docs, curriculum, None, skip_unreadable)
    plans = _plans_for(curriculum, first, years)
    records, problems = check_records(docs, curriculum, plans, skip_unreadable)
    return records, problems, plans


def _plans_for(curriculum: Curriculum, first: Sequence[AnyRecord],
               years: Iterable[int]) -> dict[Quarter, Plan]:
    """The plans of every year ``first`` (the records read without plans) touch, and of
    ``years``."""
    years = set(years)
    touched = {r.date.year for r in first if isinstance(r, Record)}
    touched |= {m.date.year for r in first if isinstance(r, (Record, MakeupRecord))
                for m in r.makeup}
    evaluated = {r.evaluation for r in first if isinstance(r, EvaluationRecord)}
    plans = year_plans(curriculum, {*years, *touched, *evaluated}, first)
    # an evaluation held in January of the next year: that quarter's plan too
    later = {r.evaluation + 1 for r in first if isinstance(r, EvaluationRecord) and r.session
             and r.session not in {i for q, p in plans.items() if q.year == r.evaluation
                                   for i in p.by_id}} - {q.year for q in plans}
    if later:
        plans = year_plans(curriculum, {*years, *touched, *evaluated, *later}, first)
    return plans


RECORD_KEYS = frozenset(field.alias or name for model in (
    Record, MakeupRecord, AssessmentRecord, EvaluationRecord, ResultsRecord, VisitLog)
    for name, field in model.model_fields.items())
"""Every top-level key of any kind of record: a mapping with one of them is a record (of
the kind :func:`record_kind` tells), however wrong the rest of it."""


def check_every_record(docs: Sequence[yamlio.Document], curriculum: Curriculum | None,
                       locale: str | None = None,
                       ) -> tuple[list[tuple[yamlio.Document, AnyRecord]], list[Problem],
                                  dict[Quarter, Plan]]:
    """For ``check``: every problem of every record, none raised. With ``curriculum``, each
    is checked against it and the plans of the years the records touch, as
    :func:`checked_records` does, and the records are checked against each other (a
    session recorded twice…) as far as they read; without one, only their shape, and
    against each other (the problems in ``locale``). Returns the records that read (with
    their documents), every problem, and the plans."""
    if curriculum is None:
        plans: dict[Quarter, Plan] = {}
    else:
        first, _ = _each(docs, curriculum, None, None)
        plans = _plans_for(curriculum, [r for _, r in first], ())
    read, problems = _each(docs, curriculum, plans if curriculum is not None else None, locale)
    problems.extend(with_locale(list(_across(read)),
                                curriculum.locale if curriculum is not None else locale))
    return read, sorted(set(problems), key=Problem.sort_key), plans


def _each(docs: Iterable[yamlio.Document], curriculum: Curriculum | None,
          plans: Mapping[Quarter, Plan] | None, locale: str | None,
          ) -> tuple[list[tuple[yamlio.Document, AnyRecord]], list[Problem]]:
    """Each document as a record where it reads as one, and the problems of all of them
    (those that make a file no record among them)."""
    read, problems = [], []
    for doc in docs:
        try:
            record, found = _from_document(doc, curriculum, plans, locale)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(found)
        if not _unfinished(record):
            read.append((doc, record))
    return read, problems


def read_ledger(curriculum: Curriculum, paths: Sequence[Path | str], year: int | None = None,
                quarter: Quarter | None = None, skip_unreadable: bool = False) -> Ledger:
    """Read record files and count them: :func:`~studykit.engine.ledger.build_ledger` with
    the plans of every year the records touch. The year defaults to the quarter's, else to
    the latest record's.

    A file that cannot be read raises :class:`~studykit.domain.errors.InputError`; records
    that disagree with the curriculum are counted where they can be and listed in
    ``Ledger.problems``. ``skip_unreadable`` passes over files that are not records.
    """
    # the year's evaluation, results and visits are not the ledger's: a mistake in one of
    # them is said by `evaluate`, and stops no ledger
    docs = [d for d in parse_records(paths, skip_unreadable)
            if not (isinstance(d.data, dict) and record_kind(d.data) in YEAR_RECORDS)]
    if year is None and quarter is not None:
        year = quarter.year
    if year is None:
        first, _ = check_records(docs, curriculum, None, skip_unreadable)
        year = max((r.date.year for r in first if isinstance(r, Record)), default=None)
    if year is None:
        raise UserError(msg("ledger.no_records"), curriculum.locale)
    records, problems, plans = checked_records(docs, curriculum, {year}, skip_unreadable)
    return build_ledger(curriculum, plans, records, year, quarter, problems)


def read_evaluation(curriculum: Curriculum, paths: Sequence[Path | str], year: int,
                    skip_unreadable: bool = False) -> Evaluation:
    """The year's evaluation from record files: the ledger of the whole year, and the
    evaluation, results and visit records among them. A problem in those three kinds is
    refused (they are filed as they are); a session record that disagrees with the
    curriculum is counted where it can be and listed in the ledger's problems."""
    docs = parse_records(paths, skip_unreadable)
    records, problems, plans = checked_records(docs, curriculum, {year}, skip_unreadable)
    yearly = {r.source for r in records if isinstance(r, YEAR_RECORDS)}
    refused = [p for p in problems if p.path in yearly]
    if refused:
        raise InputError(refused)
    ledger = build_ledger(curriculum, plans, records, year, None, problems, whole_year=True)
    return evaluate(curriculum, ledger, records, year)


def record_files(folders: Iterable[Path]) -> list[Path]:
    """The records in ``folders`` (``*.yaml`` files and record workbooks ``*.xlsx``), in
    name order, each once (as the paths were given, so messages name them the way the user
    did). A workbook given instead of a folder is its own list; the lock file Excel keeps
    beside a workbook it has open (``~$records.xlsx``) is not a record."""
    seen: dict[Path, Path] = {}
    for folder in folders:
        found = [folder] if folder.is_file() else sorted(
            p for pattern in ("*.yaml", "*.yml", "*.xlsx") for p in folder.glob(pattern)
            if not p.name.startswith("~$"))
        for path in found:
            seen.setdefault(yamlio.real_path(path), path)
    return list(seen.values())
