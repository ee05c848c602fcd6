"""Session records: what happened at a session, from which minutes and the ledger come.

A record is a small YAML file per held session (format in ``docs/records.md``). It is
read like a curriculum, every problem located as ``file:line:col``, and checked
against the curriculum and the plan: the session exists, the people are members,
nobody is both present and absent, votes do not add up to more than the voters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError
from pydantic_core import PydanticCustomError

from . import yamlio
from .curriculum import merge, schema_problems, suggest
from .errors import InputError, Problem
from .models import ID_PATTERN, Count, Curriculum, Date, Id, Model, Text, Time


def _votes(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise PydanticCustomError("studykit", "expected a whole number of votes (0 or more), "
                              "found {found}", {"found": repr(value)})


Votes = Annotated[int, BeforeValidator(_votes)]


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

    _source: str = ""

    @property
    def source(self) -> str:
        """The file the record was read from."""
        return self._source

    @property
    def attended(self) -> list[str]:
        """Members who were there: present and late, in the order written."""
        return [*self.present, *(m for m in self.late if m not in self.present)]


def _votes_value(vote: Any, key: str) -> Any:
    return vote.get(key, 0) if isinstance(vote, dict) else 0


def _problems(doc: yamlio.Document, cur: Curriculum,
              sessions: dict[str, Any] | None) -> Iterator[Problem]:
    """Cross-references a schema cannot see, on the raw data (so all are found at once)."""
    data = doc.data
    members = list(cur.member_by_id)

    def member(where: tuple[str | int, ...], value: Any, key: bool = False) -> Iterator[Problem]:
        if isinstance(value, str) and value not in cur.member_by_id:
            yield doc.problem(where, f"unknown member '{value}' ({suggest(value, members)})",
                              key=key)

    session_id = data.get("session")
    if sessions is not None and isinstance(session_id, str) and session_id not in sessions:
        yield doc.problem(("session",), f"no session '{session_id}' in the plan of this "
                                        f"quarter ({suggest(session_id, list(sessions))})")
    for key in ("chair", "recorder"):
        yield from member((key,), data.get(key))
    seen: dict[str, str] = {}
    for key in ("present", "late"):
        for i, m in enumerate(data.get(key) or []):
            yield from member((key, i), m)
            if isinstance(m, str):
                if m in seen:
                    yield doc.problem((key, i), f"'{m}' is listed twice" if seen[m] == key
                                      else f"'{m}' is both {seen[m]} and {key}")
                seen.setdefault(m, key)
    absent = data.get("absent") if isinstance(data.get("absent"), dict) else {}
    for m in absent:
        yield from member(("absent", m), m, key=True)
        if m in seen:
            yield doc.problem(("absent", m), f"'{m}' is both {seen[m]} and absent", key=True)
    for i, speech in enumerate(data.get("speeches") or []):
        who = speech.get("who") if isinstance(speech, dict) else None
        if isinstance(who, str) and ID_PATTERN.match(who):
            yield from member(("speeches", i, "who"), who)
    for i, action in enumerate(data.get("actions") or []):
        if isinstance(action, dict):
            yield from member(("actions", i, "owner"), action.get("owner"))
    attended = {m for m, how in seen.items() if how in ("present", "late")}
    for i, vote in enumerate(data.get("votes") or []):
        counts = [_votes_value(vote, k) for k in ("for", "against", "abstain")]
        if all(isinstance(c, int) and not isinstance(c, bool) for c in counts) \
                and sum(counts) > len(attended):
            yield doc.problem(("votes", i), f"{sum(counts)} votes (for {counts[0]}, against "
                                            f"{counts[1]}, abstain {counts[2]}) but only "
                                            f"{len(attended)} members were there")
    if sessions is not None and isinstance(session_id, str) and session_id in sessions:
        expected = sessions[session_id].attendees
        missing = [m for m in expected if m not in seen and m not in absent]
        if missing:
            yield doc.problem((), "members expected at this session are not listed as present, "
                                  f"late or absent: {', '.join(missing)}")


def load_record(path: Path | str, curriculum: Curriculum,
                sessions: dict[str, Any] | None = None) -> Record:
    """Read and check one record; ``sessions`` (id → planned session) checks the session.

    Raises :class:`~studykit.errors.InputError` with every problem found.
    """
    doc = yamlio.load(path)
    if doc.data is None:
        raise InputError([Problem(doc.path, 1, 1, "", "the file is empty; a session record "
                                                      "starts with `session: <session id>`")])
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "expected a mapping of keys (session, date, present, "
                                          "…) at the top of the file")])
    problems = [*doc.problems, *_problems(doc, curriculum, sessions)]
    try:
        record = Record.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(merge(problems, schema_problems(doc, exc, Record))) from None
    if problems:
        raise InputError(sorted(set(problems)))
    record._source = doc.path
    return record


def load_records(paths: Iterable[Path | str], curriculum: Curriculum,
                 sessions: dict[str, Any] | None = None) -> list[Record]:
    """Read several records; the problems of all are raised together."""
    out, problems = [], []
    for path in paths:
        try:
            out.append(load_record(path, curriculum, sessions))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return out

