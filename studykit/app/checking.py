"""``studykit check``: every file recognised by its content and checked, all in one pass.

A file is a curriculum (``studykit: 1``), a record of one of the kinds
:func:`~studykit.reading.records.record_kind` tells (a session's, make-up study, an
assessment, the evaluation, business results, a log of visits), or neither, which is a
problem saying what it looks like. A folder stands for the YAML files and the record
workbooks (``*.xlsx``) in it, not its sub-folders.

Records are checked against a curriculum named with them:

- **one curriculum** among the files: every record is checked against it and against the
  plans of the quarters it touches, as ``minutes`` and ``report`` check them, and against
  the other records (a session recorded twice is an error);
- **several** (a district): each record against the branch whose folder it is in, the way
  the district report finds them (``RECORDS/<curriculum file name>/``); records in any
  other folder are checked as if no curriculum were named, and a note says why;
- **none**: only what needs no curriculum (the file reads, its shape is a record's, the
  records of one folder do not record a session twice), and a note says which
  curriculum to name.

Every file is read on its own: one that cannot be read hides nothing of the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import InputError, Problem, UserError
from ..domain.models import Curriculum
from ..domain.plan import Plan
from ..domain.records import (
    AnyRecord,
    AssessmentRecord,
    EvaluationRecord,
    MakeupRecord,
    Record,
    ResultsRecord,
    VisitLog,
)
from ..domain.time import Quarter, quarter_of
from ..reading import yamlio
from ..reading.curriculum import from_document
from ..reading.problems import kind_of
from ..reading.records import RECORD_KEYS, check_every_record
from ..reading.sheets import is_workbook, read_workbook_sheets
from ..words import DEFAULT_LOCALE, Message, day_message, join, msg
from .workflows import branch_folder

CHECKED = (".yaml", ".yml", ".xlsx")
"""What a folder stands for: its YAML files and its record workbooks."""
CURRICULUM_KEYS = frozenset({"organization", "competencies", "roles", "members", "courses",
                             "meetings", "calendar", "rules", "indicators", "pioneer-posts"})
"""Top-level keys only a curriculum has: a file of them without ``studykit: 1`` is a
curriculum that forgot it."""


@dataclass(frozen=True)
class Said:
    """One line to print, in the language of what it is about (None: the command line's)."""

    message: Message
    locale: str | None = None

    def text(self, locale: str) -> str:
        """The line, in its own language, else in ``locale``."""
        return self.message.text(self.locale or locale)


@dataclass(frozen=True)
class Checked:
    """What ``check`` found: a line for every file that passed, saying what it is; every
    problem of every file; notes on what could not be checked, and why."""

    passed: list[Said]
    problems: list[Problem]
    notes: list[Said] = field(default_factory=list)
    loaded: list[tuple[Path, Curriculum]] = field(default_factory=list)
    """The curricula that loaded."""

    @property
    def files_with_problems(self) -> int:
        """How many files have problems (a workbook's sheets are one file)."""
        return len({p.path.rpartition(":")[0] if p.cell else p.path for p in self.problems})

    @property
    def locales(self) -> set[str]:
        """The languages of the curricula and of the problems (those whose is known)."""
        return {cur.locale for _, cur in self.loaded} | {
            p.locale for p in self.problems if p.locale}


@dataclass(eq=False)
class _File:
    """A document read from a file named (a YAML file, or a sheet of a workbook)."""

    path: Path
    given: str
    doc: yamlio.Document
    curriculum: Curriculum | None = None
    record: AnyRecord | None = None
    plans: dict[Quarter, Plan] = field(default_factory=dict)
    alone: bool = False
    """Checked without a curriculum."""
    plan_file: bool = False
    """A quarter's ``plan.yaml``: nothing to check."""


def check_paths(names: Iterable[Path | str]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The files named, a folder standing for the ``*.yaml``, ``*.yml`` and ``*.xlsx`` in it
    (in name order; not its sub-folders, hidden files or Excel's ``~$`` lock files), each
    once, with the name it was given by; and the folders that could not be listed."""
    seen: dict[Path, tuple[Path, str]] = {}
    problems = []
    given = [str(n) for n in names]
    for name in given:
        path = Path(name)
        if path.is_dir():
            try:
                files = sorted(p for p in path.iterdir() if p.suffix.lower() in CHECKED
                               and not p.name.startswith((".", "~$")) and not p.is_dir())
            except OSError:
                problems.append(Problem(name, 1, 1, "", msg("file.denied")))
                continue
        else:
            files = [path]
        for file in files:
            seen.setdefault(yamlio.real_path(file), (file, name))
    if not seen and not problems:
        raise UserError(msg("check.nothing", where=", ".join(given)))
    return list(seen.values()), problems


def file_kind(data: Any) -> str | Message:
    """What a file's content is: ``"curriculum"``, ``"record"``, ``"plan"`` (the
    ``plan.yaml`` that ``plan`` writes beside the record workbook: nothing to check), or
    (none of these) what it looks like, for the problem that says so."""
    if isinstance(data, dict):
        written = [str(k) for k in data]    # in the file's order, for the message
        keys = set(written)
        if "studykit" in keys and "session" not in keys:
            return "curriculum"
        if keys & RECORD_KEYS:
            return "record"
        if {"quarter", "sessions"} <= keys:
            return "plan"
        if keys & CURRICULUM_KEYS:
            return "curriculum"
        if not keys:
            return msg("check.looks_found", found=kind_of(data))
        shown = " ".join(f"`{k}`" for k in written[:6])
        return msg("check.looks_keys", keys=shown + (" …" if len(written) > 6 else ""))
    if data is None:
        return msg("check.looks_empty")
    return msg("check.looks_found", found=kind_of(data))


def check_files(names: Iterable[Path | str]) -> Checked:
    """Check every file named, each by its content (the module's docstring): every problem
    of every file in one pass, and what each file that passed is."""
    paths, problems = check_paths(names)
    files: list[_File] = []
    curricula: list[_File] = []
    records: list[_File] = []
    blank: list[Said] = []
    for path, given in paths:
        docs: Sequence[yamlio.Document]
        try:
            if is_workbook(path):
                docs, sheets = read_workbook_sheets(path)
                if not docs:
                    # a record workbook nobody has filled in yet, or another workbook
                    if sheets:
                        blank.append(Said(msg("check.workbook_blank", path=str(path),
                                              n=sheets)))
                    else:
                        problems.append(Problem(str(path), 1, 1, "",
                                                msg("check.not_record_workbook")))
                    continue
            else:
                docs = [yamlio.load(path)]
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        for doc in docs:
            kind = file_kind(doc.data)
            entry = _File(path, given, doc)
            if isinstance(kind, Message):
                problems.append(doc.problem((), msg("check.unknown", looks=kind)))
                continue
            files.append(entry)
            if kind == "plan":
                entry.plan_file = True
                continue
            if kind == "record":
                records.append(entry)
                continue
            curricula.append(entry)
            try:
                entry.curriculum = from_document(doc)
            except InputError as exc:
                problems.extend(exc.problems)
    notes: list[Said] = []
    for owner, group in _branches(curricula, records, notes):
        problems.extend(_check_group(owner, group))
    if not curricula and records:
        notes.append(_name_the_curriculum(records, {yamlio.real_path(p) for p, _ in paths}))
    problems = sorted(set(problems), key=Problem.sort_key)
    wrong = {p.path for p in problems}
    passed = [_passed(f) for f in files if f.plan_file or (
        f.doc.path not in wrong and (f.curriculum is not None or f.record is not None))]
    loaded = [(f.path, f.curriculum) for f in curricula if f.curriculum is not None]
    return Checked(passed + blank, problems, notes, loaded)


def _branches(curricula: Sequence[_File], records: Sequence[_File], notes: list[Said],
              ) -> list[tuple[_File | None, list[_File]]]:
    """The records by the curriculum they are checked against (None: none), with a note
    for each group that cannot be checked against one, saying why."""
    if not records:
        return []
    if not curricula:
        return _by_folder(records)
    if len(curricula) == 1:
        owner = curricula[0]
        if owner.curriculum is None:
            notes.append(Said(msg("check.broken_curriculum", curriculum=owner.doc.path,
                                  n=len(records)), owner.doc.locale))
            return _by_folder(records)
        return [(owner, list(records))]
    # a district: RECORDS/<curriculum file name>/, as the district report finds them
    by_name: dict[str, list[_File]] = {}
    for cur in curricula:
        by_name.setdefault(branch_folder(cur.path), []).append(cur)
    groups: dict[int, tuple[_File | None, list[_File]]] = {}
    undecided: list[_File] = []
    for record in records:
        owners = by_name.get(record.path.parent.name, [])
        if len(owners) == 1 and owners[0].curriculum is not None:
            groups.setdefault(id(owners[0]), (owners[0], []))[1].append(record)
        else:
            undecided.append(record)
    loc = _one_locale(curricula)
    for folder, group in _folders(undecided).items():
        owners = by_name.get(folder.name, [])
        if len(owners) == 1:
            notes.append(Said(msg("check.broken_curriculum", curriculum=owners[0].doc.path,
                                  n=len(group)), owners[0].doc.locale))
        elif owners:
            notes.append(Said(msg("check.branch_clash", folder=str(folder), n=len(group),
                                  curricula=join(loc, (o.doc.path for o in owners))), loc))
        else:
            notes.append(Said(msg("check.no_branch", folder=str(folder), n=len(group),
                                  name=folder.name, names=join(loc, sorted(by_name))), loc))
    return [*groups.values(), *_by_folder(undecided)]


def _one_locale(curricula: Sequence[_File]) -> str:
    """The language of the curricula, when they all speak one; else Chinese."""
    locales = {f.curriculum.locale for f in curricula if f.curriculum is not None}
    return locales.pop() if len(locales) == 1 else DEFAULT_LOCALE


def _folders(records: Iterable[_File]) -> dict[Path, list[_File]]:
    """Records by the folder they are in."""
    out: dict[Path, list[_File]] = {}
    for record in records:
        out.setdefault(record.path.parent, []).append(record)
    return out


def _by_folder(records: Iterable[_File]) -> list[tuple[_File | None, list[_File]]]:
    """Records checked without a curriculum, folder by folder: two branches' records may
    name the same session, one folder's may not."""
    return [(None, group) for group in _folders(records).values()]


def _check_group(owner: _File | None, group: Sequence[_File]) -> list[Problem]:
    """Check records together, against ``owner``'s curriculum (None: their shape only);
    each record that reads is kept on its file."""
    cur = owner.curriculum if owner is not None else None
    try:
        read, problems, plans = check_every_record([f.doc for f in group], cur)
    except UserError as exc:   # the plans of the records' years could not be made
        if isinstance(exc, InputError):
            return list(exc.problems)
        where = owner.doc.path if owner is not None else group[0].doc.path
        return [Problem(where, 1, 1, "", exc.message, locale=cur.locale if cur else None)]
    by_doc = {id(doc): record for doc, record in read}
    for f in group:
        f.record = by_doc.get(id(f.doc))
        f.plans = plans
        f.alone = cur is None
    return problems


def _passed(f: _File) -> Said:
    """The line for a file without problems: what it is."""
    if f.plan_file:
        return Said(msg("check.plan_file", path=f.doc.path))
    if f.curriculum is not None:
        cur = f.curriculum
        return Said(msg("cli.ok", path=f.doc.path, members=len(cur.members),
                        roles=len(cur.roles), competencies=len(cur.competencies),
                        courses=len(cur.courses)), cur.locale)
    assert f.record is not None
    return Said(msg("check.ok_alone" if f.alone else "check.ok", path=f.doc.path,
                    what=_what(f.record, f.plans)), f.doc.locale)


def _what(record: AnyRecord, plans: dict[Quarter, Plan]) -> Message:
    """What a record is, in a few words: its kind and what it is of."""
    if isinstance(record, Record):
        plan = plans.get(quarter_of(record.date))
        session = plan.by_id.get(record.session) if plan is not None else None
        return msg("check.session_record", title=session.title if session else record.session,
                   day=day_message(record.date))
    if isinstance(record, MakeupRecord):
        return msg("check.makeup_record", n=len(record.makeup))
    if isinstance(record, AssessmentRecord):
        return msg("check.assessment_record", day=day_message(record.assessment),
                   n=len(record.levels))
    if isinstance(record, EvaluationRecord):
        return msg("check.evaluation_record", year=record.evaluation)
    if isinstance(record, ResultsRecord):
        return msg("check.results_record", year=record.results, n=len(record.values))
    assert isinstance(record, VisitLog)
    return msg("check.visit_log", n=len(record.visits))


def _name_the_curriculum(records: Sequence[_File], given: set[Path]) -> Said:
    """The note for records checked without a curriculum: the command that checks them
    fully, with the curriculum beside them (in their folder, or the one above) where
    there is exactly one."""
    names = list(dict.fromkeys(f.given for f in records))
    if len(names) > 3:
        names = list(dict.fromkeys(
            f"{f.path.parent}{os.sep}" for f in records))
    found = _nearby_curriculum({f.path.parent for f in records}, given)
    shown = [_shell(n) for n in names]
    return Said(msg("check.name_curriculum", n=len(records),
                    curriculum=_shell(str(found)) if found else msg("check.curriculum_file"),
                    records=" ".join(shown)))


def _nearby_curriculum(folders: Iterable[Path], given: set[Path]) -> Path | None:
    """The one curriculum in ``folders`` or the folders above them, not among the files
    checked; None when there is none, or more than one."""
    found: dict[Path, Path] = {}
    places = dict.fromkeys(p for folder in sorted(folders)
                           for p in (folder, Path(os.path.normpath(folder / ".."))))
    for place in places:
        try:
            candidates = sorted(p for p in place.iterdir()
                                if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
        except OSError:
            continue
        for path in candidates:
            real = yamlio.real_path(path)
            if real in given or real in found:
                continue
            try:
                data = yamlio.load(path).data
            except InputError:
                continue
            if file_kind(data) == "curriculum":
                found[real] = path
            if len(found) > 1:
                return None
    return next(iter(found.values()), None)


def _shell(name: str) -> str:
    """A path as typed in a terminal: quoted when it holds a space."""
    return f'"{name}"' if any(c.isspace() for c in name) else name
