"""Session records as typed models: what happened at a held session (``docs/format.md``).

Reading and checking them against the curriculum and the plan is
:mod:`studykit.reading.records`; here are only the shapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from .errors import found, invalid
from .models import Amount, Count, Date, Id, Level, Model, Text, Time, YearField, whole
from .time import Quarter, quarter_of
from .vocabulary import GRADES, Grade

Votes = Annotated[int, BeforeValidator(whole("expected.votes", 0))]
YearNumber = YearField
ACTION_REF = re.compile(r"^([a-z0-9][a-z0-9-]*)/([1-9][0-9]*)$")


def _action_ref(value: Any) -> str:
    if isinstance(value, str) and ACTION_REF.fullmatch(value):
        return value
    raise invalid("expected.action_ref", found=found(value))


ActionRef = Annotated[str, BeforeValidator(_action_ref)]
"""An action item of an earlier record: its session id and its number there (from 1)."""


class FromFile(Model):
    """A record read from a file, which it remembers for messages."""

    _source: str = ""

    @property
    def source(self) -> str:
        """The file the record was read from."""
        return self._source


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


class Record(FromFile):
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
    """Members on leave (请假), with the reason."""
    unexcused: list[Id] = Field(default_factory=list)
    """Members absent without leave (无故缺席)."""
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
    draft: bool = False
    """Written by ``studykit records draft`` and not finished yet (the secretary deletes
    the line when the record is filled in): said, and counted as no session held."""


    @property
    def attended(self) -> list[str]:
        """Members who were there: present and late, in the order written."""
        present = set(self.present)
        return [*self.present, *(m for m in self.late if m not in present)]

    @property
    def absences(self) -> dict[str, str | None]:
        """Every member who was not there: on leave with the reason, or without leave
        (None)."""
        return {**self.absent, **{m: None for m in self.unexcused if m not in self.absent}}


class MakeupRecord(FromFile):
    """A file of make-up study only (no session held): ``makeup: [...]``."""

    makeup: list[Makeup]



class AssessmentRecord(FromFile):
    """An assessment of levels (考核、测评) recorded beside the session records:
    ``assessment: <date>``, ``by`` (optional), ``levels: {member: {competency: level}}``.
    It replaces, from its date, what courses had projected for those competencies."""

    assessment: Date
    by: Text | None = None
    levels: dict[Id, dict[Id, Level]]



class Tally(Model):
    """The votes cast for each grade in the democratic ballot (民主测评) of one member."""

    excellent: Votes = 0
    qualified: Votes = 0
    basic: Votes = 0
    unqualified: Votes = 0

    @model_validator(mode="before")
    @classmethod
    def _chinese(cls, value: Any) -> Any:
        """``{优秀: 9, 合格: 3}`` as well as ``{excellent: 9, qualified: 3}``."""
        if isinstance(value, dict):
            return {GRADE_WORDS.get(k, k) if isinstance(k, str) else k: v
                    for k, v in value.items()}
        return value

    def count(self, grade: str) -> int:
        """The votes cast for ``grade``."""
        return int(getattr(self, grade))

    @property
    def total(self) -> int:
        """Every vote cast."""
        return self.excellent + self.qualified + self.basic + self.unqualified

    @property
    def majority(self) -> str | None:
        """The grade more than half of the votes went to, if one did."""
        return next((g for g in GRADES if self.count(g) * 2 > self.total), None)


GRADE_WORDS = {"优秀": "excellent", "合格": "qualified", "基本合格": "basic",
               "不合格": "unqualified"}
"""The grades as a branch writes them in Chinese."""


def _grade(value: Any) -> str:
    value = GRADE_WORDS.get(value, value) if isinstance(value, str) else value
    if value in GRADES:
        return str(value)
    raise invalid("expected.grade", found=found(value))


GradeField = Annotated[Grade, BeforeValidator(_grade)]


class EvaluationRecord(FromFile):
    """The year's evaluation of party members (民主评议党员): the year, the branch assembly
    it was held at, the ballot tally per member and the grade the assembly decided."""

    evaluation: YearNumber
    session: Id | None = None
    ballots: dict[Id, Tally] = Field(default_factory=dict)
    grades: dict[Id, GradeField] = Field(default_factory=dict)


class ResultsRecord(FromFile):
    """The year's business results (党建+业务): member → indicator → value."""

    results: YearNumber
    values: dict[Id, dict[Id, Amount]]


class Visit(Model):
    """One visit of a member to an enterprise they serve (党员挂钩服务企业)."""

    member: Id
    enterprise: Text
    date: Date
    asked: Text | None = None
    solved: Text | None = None
    counts: list[Id] | None = None
    """The indicators this visit counts toward (default: the file's ``counts``)."""


class VisitLog(FromFile):
    """A log of service visits (走访记录): ``visits: [...]``, each counting one toward the
    indicators it names (or the file's ``counts``)."""

    visits: list[Visit]
    counts: list[Id] = Field(default_factory=list)

    def counted(self, visit: Visit) -> list[str]:
        """The indicators ``visit`` counts toward."""
        return list(self.counts if visit.counts is None else visit.counts)


AnyRecord = Record | MakeupRecord | AssessmentRecord | EvaluationRecord | ResultsRecord | VisitLog
"""Every kind of record file."""


def counted(records: Iterable[Record],
            ) -> tuple[dict[tuple[str, Quarter], Record], list[tuple[Record, Record]]]:
    """One record per session of a quarter: of two records of the same session (a file
    copied and not changed), the earlier counts, by date and then by file name. Returns
    the records that count, by (session, quarter), and each other one with the record
    that counts instead."""
    first: dict[tuple[str, Quarter], Record] = {}
    seconds = []
    for record in sorted(records, key=lambda r: (r.date, r.source)):
        key = (record.session, quarter_of(record.date))
        if key in first:
            seconds.append((record, first[key]))
        else:
            first[key] = record
    return first, seconds
