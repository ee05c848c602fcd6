"""Session records: what happened at a session, from which minutes and the ledger come.

A record is a small YAML file per held session (format in ``docs/records.md``). It is
read like a curriculum, every problem located as ``file:line:col``, and checked
against the curriculum and the plan: the session exists, the people are members,
nobody is both present and absent, votes do not add up to more than the voters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError
from pydantic_core import PydanticCustomError

from . import yamlio
from .curriculum import as_list, as_text, merge, schema_problems, suggest
from .errors import InputError, Problem
from .models import ID_PATTERN, Count, Curriculum, Date, Id, Model, Quarter, Text, Time, parse_date
from .planner import Plan


def _votes(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise PydanticCustomError("studykit", "expected a whole number of votes (0 or more), "
                              "found {found}", {"found": repr(value)})


Votes = Annotated[int, BeforeValidator(_votes)]
_ACTION_REF = re.compile(r"^([a-z0-9][a-z0-9-]*)/([1-9][0-9]*)$")


def _action_ref(value: Any) -> str:
    if isinstance(value, str) and _ACTION_REF.match(value):
        return value
    raise PydanticCustomError("studykit", "expected an action as <session id>/<number>, like "
                              "committee-2027-01/2, found {found}", {"found": repr(value)})


ActionRef = Annotated[str, BeforeValidator(_action_ref)]
"""An action item of an earlier record: its session id and its number there (from 1)."""


class Speech(Model):
    """Who said what (a member id, or a guest's name)."""

    who: Text
    said: Text


class Vote(Model):
    """A motion put to the vote and its count."""

    motion: Text
    for_: Votes = Field(alias="for")
    against: Votes = 0
    abstain: Votes = 0


class Action(Model):
    """A task decided at the session, with its owner and due date."""

    task: Text
    owner: Id
    due: Date | None = None


class Makeup(Model):
    """Make-up study (补学) of a session a member missed: closes the make-up item and
    credits the session's hours."""

    member: Id
    session: Id
    date: Date
    how: Text | None = None


class Record(Model):
    """What happened at one held session."""

    session: Id
    date: Date
    start: Time | None = None
    end: Time | None = None
    venue: Text | None = None
    chair: Id | None = None
    recorder: Id | None = None
    number: Count | None = None
    present: list[Id] = Field(default_factory=list)
    late: list[Id] = Field(default_factory=list)
    absent: dict[Id, Text] = Field(default_factory=dict)
    guests: list[Text] = Field(default_factory=list)
    topics: list[Text] = Field(default_factory=list)
    materials: list[Text] = Field(default_factory=list)
    speeches: list[Speech] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)
    decisions: list[Text] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    summary: Text | None = None
    attachments: list[Text] = Field(default_factory=list)
    done: list[ActionRef] = Field(default_factory=list)
    makeup: list[Makeup] = Field(default_factory=list)

    _source: str = ""

    @property
    def source(self) -> str:
        """The file the record was read from."""
        return self._source

    @property
    def attended(self) -> list[str]:
        """Members who were there: present and late, in the order written."""
        present = set(self.present)
        return [*self.present, *(m for m in self.late if m not in present)]

    def __str__(self) -> str:
        return (f"{self.session} {self.date}: present {len(self.present)}, late "
                f"{len(self.late)}, absent {len(self.absent)}, {len(self.votes)} vote(s), "
                f"{len(self.actions)} action(s)")

    def _repr_html_(self) -> str:
        from .display import record_html

        return record_html(self)


class MakeupRecord(Model):
    """A file of make-up study only (no session held): ``makeup: [...]``."""

    makeup: list[Makeup]

    _source: str = ""

    @property
    def source(self) -> str:
        """The file the record was read from."""
        return self._source


def _votes_value(vote: Any, key: str) -> Any:
    return vote.get(key, 0) if isinstance(vote, dict) else 0


def quarter_of(day: date) -> Quarter:
    """The quarter a day falls in."""
    return Quarter(day.year, (day.month - 1) // 3 + 1)


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
    sessions = plans[quarter_of(day)].session_ids if plans and day and \
        quarter_of(day) in plans else None
    known = {i for plan in plans.values() for i in plan.session_ids} if plans else None

    def member(where: tuple[str | int, ...], value: Any, key: bool = False) -> Iterator[Problem]:
        value = as_text(value)
        if value is not None and value not in cur.member_by_id:
            yield doc.problem(where, f"unknown member '{value}' ({suggest(value, members)})",
                              key=key)

    session_id = as_text(data.get("session"))
    if sessions is not None and isinstance(session_id, str) and session_id not in sessions:
        yield doc.problem(("session",), f"no session '{session_id}' in the plan of this "
                                        f"quarter ({suggest(session_id, list(sessions))})")
    for key in ("chair", "recorder"):
        yield from member((key,), data.get(key))
    seen: dict[str, str] = {}
    for key in ("present", "late"):
        for i, value in enumerate(as_list(data.get(key))):
            yield from member((key, i), value)
            m = as_text(value)
            if m is not None:
                if m in seen:
                    yield doc.problem((key, i), f"'{m}' is listed twice" if seen[m] == key
                                      else f"'{m}' is both {seen[m]} and {key}")
                seen.setdefault(m, key)
    absent = {str(k): v for k, v in data["absent"].items()} \
        if isinstance(data.get("absent"), dict) else {}
    for m in absent:
        yield from member(("absent", m), m, key=True)
        if m in seen:
            yield doc.problem(("absent", m), f"'{m}' is both {seen[m]} and absent", key=True)
    for i, speech in enumerate(as_list(data.get("speeches"))):
        who = speech.get("who") if isinstance(speech, dict) else None
        if isinstance(who, str) and ID_PATTERN.match(who):
            yield from member(("speeches", i, "who"), who)
    for i, action in enumerate(as_list(data.get("actions"))):
        if isinstance(action, dict):
            yield from member(("actions", i, "owner"), action.get("owner"))
    attended = {m for m, how in seen.items() if how in ("present", "late")}
    for i, vote in enumerate(as_list(data.get("votes"))):
        counts = [_votes_value(vote, k) for k in ("for", "against", "abstain")]
        if all(isinstance(c, int) and not isinstance(c, bool) for c in counts) \
                and sum(counts) > len(attended):
            yield doc.problem(("votes", i), f"{sum(counts)} votes (for {counts[0]}, against "
                                            f"{counts[1]}, abstain {counts[2]}) but only "
                                            f"{len(attended)} members were there")
    for i, item in enumerate(as_list(data.get("makeup"))):
        if isinstance(item, dict):
            yield from member(("makeup", i, "member"), item.get("member"))
            ref = as_text(item.get("session"))
            if known is not None and ref is not None and ref not in known:
                yield doc.problem(("makeup", i, "session"), f"no session '{ref}' in the plans "
                                                            f"({suggest(ref, sorted(known))})")
    for i, ref in enumerate(as_list(data.get("done"))):
        match = _ACTION_REF.match(ref) if isinstance(ref, str) else None
        if match and known is not None and match[1] not in known:
            yield doc.problem(("done", i), f"no session '{match[1]}' in the plans "
                                           f"({suggest(match[1], sorted(known))})")
    if sessions is not None and isinstance(session_id, str) and session_id in sessions:
        expected = [*sessions[session_id].attendees]
        missing = [m for m in expected if m not in seen and m not in absent]
        if missing:
            yield doc.problem((), "members expected at this session are not listed as present, "
                                  f"late or absent: {', '.join(missing)}")


def loads_record(text: str, curriculum: Curriculum,
                 plans: Mapping[Quarter, Plan] | None = None,
                 path: str = "<record>") -> Record | MakeupRecord:
    """A record from YAML text (a notebook cell), checked like a file; ``path`` names it
    in messages."""
    record, problems = _from_document(yamlio.parse(text, path), curriculum, plans)
    if problems:
        raise InputError(problems)
    return record


def read_record(path: Path | str, curriculum: Curriculum,
                plans: Mapping[Quarter, Plan] | None = None,
                ) -> tuple[Record | MakeupRecord, list[Problem]]:
    """Read one record (a session's, or a make-up record) and find what disagrees with the
    curriculum and the plans.

    A file that cannot be read as a record raises :class:`~studykit.errors.InputError`;
    the disagreements (an unknown member, a session not in the plan…) are returned, for
    the caller to refuse (:func:`load_record`) or to report beside its results (the ledger).
    """
    return _from_document(yamlio.load(path), curriculum, plans)


def _from_document(doc: yamlio.Document, curriculum: Curriculum,
                   plans: Mapping[Quarter, Plan] | None,
                   ) -> tuple[Record | MakeupRecord, list[Problem]]:
    if doc.data is None:
        raise InputError([Problem(doc.path, 1, 1, "", "the file is empty; a session record "
                                                      "starts with `session: <session id>`")])
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "expected a mapping of keys (session, date, present, "
                                          "…) at the top of the file")])
    if "studykit" in doc.data and "session" not in doc.data:
        raise InputError([doc.problem(("studykit",), "this is a curriculum, not a session "
                                                     "record; keep the records in a folder of "
                                                     "their own", key=True)])
    model: type[Record] | type[MakeupRecord] = (
        MakeupRecord if "makeup" in doc.data and "session" not in doc.data else Record)
    problems = [*doc.problems, *_problems(doc, curriculum, plans)]
    try:
        record = model.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(merge(problems, schema_problems(doc, exc, model))) from None
    record._source = doc.path
    return record, sorted(set(problems))


def load_record(path: Path | str, curriculum: Curriculum,
                plans: Mapping[Quarter, Plan] | None = None) -> Record | MakeupRecord:
    """Read and check one record; with ``plans`` its session must be in them.

    Raises :class:`~studykit.errors.InputError` with every problem found.
    """
    record, problems = read_record(path, curriculum, plans)
    if problems:
        raise InputError(problems)
    return record


def load_records(paths: Iterable[Path | str], curriculum: Curriculum,
                 plans: Mapping[Quarter, Plan] | None = None) -> list[Record | MakeupRecord]:
    """Read several records; every problem of all of them is raised together."""
    records, problems = read_records(paths, curriculum, plans)
    if problems:
        raise InputError(problems)
    return records


def year_plans(curriculum: Curriculum, years: Iterable[int]) -> dict[Quarter, Plan]:
    """The plans of every quarter of ``years`` (plans are deterministic: the same ids)."""
    from .planner import plan_quarter

    return {Quarter(y, n): plan_quarter(curriculum, Quarter(y, n))
            for y in sorted(set(years)) for n in (1, 2, 3, 4)}


def parse_records(paths: Iterable[Path | str],
                  skip_unreadable: bool = False) -> list[yamlio.Document]:
    """Read and parse record files once, for :func:`check_records` to look at as often as
    needed; files that cannot be parsed raise (all together) unless skipped."""
    docs, fatal = [], []
    for path in paths:
        try:
            docs.append(yamlio.load(path))
        except InputError as exc:
            if not skip_unreadable:
                fatal.extend(exc.problems)
    if fatal:
        raise InputError(fatal)
    return docs


def check_records(docs: Iterable[yamlio.Document], curriculum: Curriculum,
                  plans: Mapping[Quarter, Plan] | None = None, skip_unreadable: bool = False,
                  ) -> tuple[list[Record | MakeupRecord], list[Problem]]:
    """Parsed records as records, with their disagreements with the curriculum and the
    plans; one that is not a record at all raises (all together) unless skipped."""
    out, problems, fatal = [], [], []
    for doc in docs:
        try:
            record, found = _from_document(doc, curriculum, plans)
        except InputError as exc:
            if not skip_unreadable:
                fatal.extend(exc.problems)
            continue
        out.append(record)
        problems.extend(found)
    if fatal:
        raise InputError(fatal)
    return out, problems


def read_records(paths: Iterable[Path | str], curriculum: Curriculum,
                 plans: Mapping[Quarter, Plan] | None = None,
                 ) -> tuple[list[Record | MakeupRecord], list[Problem]]:
    """Read records for the ledger: files that cannot be read raise (all together); the
    disagreements with the curriculum and the plans come back to be reported."""
    return check_records(parse_records(paths), curriculum, plans)


def record_files(folders: Iterable[Path]) -> list[Path]:
    """The ``*.yaml`` records in ``folders``, in name order, each once (as the paths were
    given, so messages name them the way the user did)."""
    seen: dict[Path, Path] = {}
    for folder in folders:
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            seen.setdefault(path.resolve(), path)
    return list(seen.values())
