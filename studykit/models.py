"""The curriculum, as typed and validated models (format version 1).

The models mirror ``curriculum-format.md`` key for key; YAML keys with a hyphen
(``max-per-week``) are attributes with an underscore (``max_per_week``). Every
model forbids unknown keys, so a typo is reported instead of silently ignored.
Field types that need a friendly message (dates, levels, ids…) are validated by
small functions here that raise :class:`PydanticCustomError` with that message;
:mod:`studykit.curriculum` turns these into ``file:line:col`` problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("lecture", "seminar", "skill", "party-lecture", "theme-day", "practice",
         "branch-assembly", "committee", "group")
"""Session kinds, courses and meetings alike (see the format's table of kinds)."""
MEETING_KINDS = ("branch-assembly", "committee", "group", "theme-day")
ORGANISATIONAL = ("branch-assembly", "committee", "group")
"""Meetings of the branch's organisational life: not counted in a member's weekly study load."""
STUDY_KINDS = tuple(k for k in KINDS if k != "committee")
"""Kinds whose hours count as study hours (学时); a committee meeting decides, it does not study."""
PARTY = ("full", "probationary", "activist", "none")
COMMITTEE_POSTS = ("secretary", "deputy", "member")
AUDIENCES = ("all", "party", "committee", "gaps")
DEFAULT_AUDIENCE = {
    "lecture": "all", "seminar": "all", "skill": "gaps", "party-lecture": "party",
    "theme-day": "party", "practice": "party", "branch-assembly": "party",
    "committee": "committee", "group": "party",
}


def _fail(message: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError("studykit", message, ctx or None)


def _show(value: Any) -> str:
    """A found value as the user wrote it, short, for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _text(value: Any) -> str:
    # Numbers are accepted as text (a title "2027"), structures and empty values are not.
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise _fail("expected text, found {found}", found=_show(value))


def _id(value: Any) -> str:
    if isinstance(value, str) and ID_PATTERN.match(value):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    raise _fail(
        "expected an id of lowercase letters, digits and '-' (it becomes a file name), "
        "found {found}", found=_show(value))


def _level(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 5:
        return value
    raise _fail("expected a level from 0 to 5, found {found}", found=_show(value))


def _hours(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= 24:
        return value
    raise _fail("expected a positive number of hours (at most 24), found {found}",
                found=_show(value))


def _yearly_hours(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return value
    raise _fail("expected a positive number of hours a year, found {found}", found=_show(value))


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise _fail("expected a whole number of at least 1, found {found}", found=_show(value))


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: Any) -> date:
    """Parse an ISO date ``2027-01-14`` (a ``date`` given in code is kept as it is)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        raise _fail("expected a date like 2027-01-14, found {found}", found=_show(value))
    try:
        return date(*map(int, match.groups()))
    except ValueError as exc:
        raise _fail("{found} is not a date in the calendar ({why})",
                    found=_show(value), why=str(exc)) from None


@dataclass(frozen=True)
class DateSpan:
    """An inclusive range of dates; a single date is a span of one day."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}..{self.last}"


def _span(value: Any) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, str) and ".." in value:
        ends = [part.strip() for part in value.split("..")]
        if len(ends) != 2 or not all(_DATE.match(end) for end in ends):
            raise _fail("expected a date or a range like 2027-02-06..2027-02-13, found {found}",
                        found=_show(value))
        first, last = parse_date(ends[0]), parse_date(ends[1])
        if last < first:
            raise _fail("the range {found} ends before it starts", found=_show(value))
        return DateSpan(first, last)
    day = parse_date(value)
    return DateSpan(day, day)


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _time(value: Any) -> time:
    if isinstance(value, time):
        return value
    match = _TIME.match(value) if isinstance(value, str) else None
    if not match:
        raise _fail('expected a time like "15:00", found {found}', found=_show(value))
    return time(int(match[1]), int(match[2]))


_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, written ``2027Q1``."""

    year: int
    number: int

    @classmethod
    def parse(cls, value: Any) -> Quarter:
        """Parse ``2027Q1``; raise PydanticCustomError with what was found."""
        if isinstance(value, Quarter):
            return value
        match = _QUARTER.match(value.strip().upper()) if isinstance(value, str) else None
        if not match:
            raise _fail("expected a quarter like 2027Q1, found {found}", found=_show(value))
        return cls(int(match[1]), int(match[2]))

    @property
    def first(self) -> date:
        """The quarter's first day."""
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last(self) -> date:
        """The quarter's last day."""
        if self.number == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.number + 1, 1) - timedelta(days=1)

    @property
    def months(self) -> tuple[int, int, int]:
        """The quarter's three month numbers."""
        start = 3 * self.number - 2
        return (start, start + 1, start + 2)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1}


@dataclass(frozen=True)
class DaySpec:
    """The ``on`` of a frequency: a day of the month, or an ordinal weekday.

    ``15`` → day 15; ``1st fri`` → ordinal 1, weekday 4; ``last thu`` → ordinal -1,
    weekday 3 (weekdays count from Monday = 0).
    """

    day: int | None = None
    ordinal: int | None = None
    weekday: int | None = None


def _day_spec(value: Any) -> DaySpec:
    if isinstance(value, DaySpec):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 31:
        return DaySpec(day=value)
    parts = value.split() if isinstance(value, str) else []
    if len(parts) == 2 and parts[0] in _ORDINALS and parts[1] in WEEKDAYS:
        return DaySpec(ordinal=_ORDINALS[parts[0]], weekday=WEEKDAYS.index(parts[1]))
    raise _fail("expected a day of the month (1–31) or an ordinal weekday like "
                "'1st fri' or 'last thu', found {found}", found=_show(value))


_EVERY = {"monthly": "month", "quarterly": "quarter", "yearly": "year"}
@dataclass(frozen=True)
class Audience:
    """Who a course is for: all, party, committee, gaps, or named roles or members."""

    kind: Literal["all", "party", "committee", "gaps", "roles", "members"]
    ids: tuple[str, ...] = ()


def _audience(value: Any) -> Audience:
    if isinstance(value, Audience):
        return value
    if isinstance(value, str) and value in AUDIENCES:
        return Audience(value)  # type: ignore[arg-type]
    if isinstance(value, dict) and len(value) == 1:
        (kind, ids), = value.items()
        if kind in ("roles", "members") and isinstance(ids, list) and ids:
            return Audience(kind, tuple(_id(i) for i in ids))
    raise _fail("expected all, party, committee, gaps, {roles: [...]} or {members: [...]}, "
                "found {found}", found=_show(value))


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(value: Any) -> str:
    if isinstance(value, str) and (value.lower() in WEEKDAYS or value.lower() in _WEEKDAY_NAMES):
        return value.lower()[:3]
    raise _fail("expected a weekday (mon, tue, wed, thu, fri, sat, sun), found {found}",
                found=_show(value))


def _version(value: Any) -> int:
    if value == 1 and not isinstance(value, bool):
        return 1
    raise _fail("unsupported format version {found}; this studykit reads `studykit: 1`",
                found=_show(value))


Text = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, BeforeValidator(_id)]
Level = Annotated[int, BeforeValidator(_level)]
Hours = Annotated[float, BeforeValidator(_hours)]
YearHours = Annotated[float, BeforeValidator(_yearly_hours)]
Count = Annotated[int, BeforeValidator(_count)]
Date = Annotated[date, BeforeValidator(parse_date)]
Span = Annotated[DateSpan, BeforeValidator(_span)]
Time = Annotated[time, BeforeValidator(_time)]
QuarterField = Annotated[Quarter, BeforeValidator(Quarter.parse)]
AudienceField = Annotated[Audience, BeforeValidator(_audience)]
Weekday = Annotated[str, BeforeValidator(_weekday)]
Day = Annotated[DaySpec, BeforeValidator(_day_spec)]


class Model(BaseModel):
    """Base of all curriculum models: immutable, strict, unknown keys forbidden."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, populate_by_name=True,
        alias_generator=lambda name: name.replace("_", "-"),
        arbitrary_types_allowed=True,
    )


class Frequency(Model):
    """How often a meeting recurs: ``monthly``, ``quarterly``, ``yearly``, or a mapping
    ``{every: month, on: 1st fri}`` for a fixed day; ``hours`` sets its length."""

    every: Literal["month", "quarter", "year"]
    on: Day | None = None
    hours: Hours | None = None
    venue: Text | None = None
    start: Time | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_word(cls, value: Any) -> Any:
        if isinstance(value, str) and value in _EVERY:
            return {"every": _EVERY[value]}
        if isinstance(value, (dict, Frequency)):
            return value
        raise _fail("expected monthly, quarterly, yearly, or {every: month, on: 15} / "
                    "{every: month, on: 1st fri}, found {found}", found=_show(value))


class Organization(Model):
    """Who runs the programme, its document language and its venues (name → seats)."""

    name: Text
    unit: Text | None = None
    locale: Literal["zh-CN", "en"] = "zh-CN"
    templates: Text | None = None
    venues: dict[Text, Count] = Field(default_factory=dict)


class Role(Model):
    """A post (岗位) and the competency levels it requires (learn what you do)."""

    name: Text
    requires: dict[Id, Level] = Field(default_factory=dict)


class Member(Model):
    """A person of the organisation, with assessed levels (missing = 0)."""

    id: Id
    name: Text
    role: Id
    party: Literal["full", "probationary", "activist", "none"] = "none"
    committee: Literal["secretary", "deputy", "member"] | None = None
    group: Text | None = None
    levels: dict[Id, Level] = Field(default_factory=dict)
    unavailable: list[Span] = Field(default_factory=list)

    @property
    def is_party(self) -> bool:
        """Full and probationary members: those with party duties and study floors."""
        return self.party in ("full", "probationary")

    def level(self, competency: str) -> int:
        """The assessed level in ``competency`` (0 where none is given)."""
        return self.levels.get(competency, 0)

    def is_unavailable(self, day: date) -> bool:
        """Whether the member said they cannot attend on ``day``."""
        return any(day in span for span in self.unavailable)


class Course(Model):
    """A lecture, seminar, skill course, party lecture, theme day or practice."""

    id: Id
    title: Text
    kind: Kind
    hours: Hours
    speaker: Text | None = None
    audience: AudienceField | None = None
    builds: dict[Id, Level] = Field(default_factory=dict)
    agenda: list[Text] = Field(default_factory=list)
    materials: list[Text] = Field(default_factory=list)
    questions: list[Text] = Field(default_factory=list)
    aims: list[Text] = Field(default_factory=list)
    date: Date | None = None
    start: Time | None = None
    venue: Text | None = None

    @property
    def effective_audience(self) -> Audience:
        """The audience, or the usual one for the course's kind when none is given."""
        return self.audience or Audience(DEFAULT_AUDIENCE[self.kind])  # type: ignore[arg-type]


class Meetings(Model):
    """Recurring organisational life (三会一课, 主题党日); an absent key is not held."""

    branch_assembly: Frequency | None = None
    committee: Frequency | None = None
    group: Frequency | None = None
    theme_day: Frequency | None = None

    def items(self) -> list[tuple[str, Frequency]]:
        """(kind, frequency) for each meeting that is held, in the format's order."""
        return [(kind, freq) for kind in MEETING_KINDS
                if (freq := getattr(self, kind.replace("-", "_"))) is not None]


DEFAULT_MEETINGS = Meetings(
    branch_assembly=Frequency(every="quarter"), committee=Frequency(every="month"),
    group=Frequency(every="month"), theme_day=Frequency(every="month"),
)


class CalendarSpec(Model):
    """When sessions may happen; holidays and workdays add to the built-in data."""

    weekdays: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS[:5]))
    start: Time = time(15, 0)
    max_per_week: Count = 2
    holidays: list[Span] = Field(default_factory=list)
    workdays: list[Span] = Field(default_factory=list)
    quarter: QuarterField | None = None


class HourFloors(Model):
    """Yearly study-hour floors (学时) for party members and committee members."""

    party: YearHours = 32
    committee: YearHours = 56

    def for_member(self, member: Member) -> float | None:
        """The floor that applies to ``member``: committee, party, or none."""
        if member.committee:
            return self.committee
        return self.party if member.is_party else None


Kind = Literal["lecture", "seminar", "skill", "party-lecture", "theme-day", "practice",
               "branch-assembly", "committee", "group"]
Every = Literal["monthly", "quarterly", "yearly"]

DEFAULT_MINIMA: dict[Kind, Every] = {
    "branch-assembly": "quarterly", "party-lecture": "quarterly",
    "committee": "monthly", "group": "monthly", "theme-day": "monthly",
}


class Rules(Model):
    """Rules the plan and the ledger are checked against.

    ``minima`` says how often each kind of session must be held at least
    (``monthly``, ``quarterly`` or ``yearly``); ``group`` means once per party group.
    ``makeup-days``: how many days a member has to make up a missed session (补学).
    """

    hours: HourFloors = Field(default_factory=HourFloors)
    minima: dict[Kind, Every] = Field(default_factory=lambda: dict(DEFAULT_MINIMA))
    makeup_days: Count = 30


class Curriculum(Model):
    """One organisation's curriculum: who, what their posts require, courses, meetings."""

    studykit: Annotated[int, BeforeValidator(_version)]
    organization: Organization
    competencies: dict[Id, Text]
    roles: dict[Id, Role]
    members: list[Member]
    courses: list[Course] = Field(default_factory=list)
    meetings: Meetings = DEFAULT_MEETINGS
    calendar: CalendarSpec = Field(default_factory=CalendarSpec)
    rules: Rules = Field(default_factory=Rules)

    _source: str = PrivateAttr(default="")

    @property
    def source(self) -> str:
        """The file the curriculum was loaded from ('' when built in code)."""
        return self._source

    @property
    def locale(self) -> str:
        """The language of every document: ``zh-CN`` or ``en``."""
        return self.organization.locale

    @cached_property
    def member_by_id(self) -> dict[str, Member]:
        """Members by id."""
        return {m.id: m for m in self.members}

    @cached_property
    def course_by_id(self) -> dict[str, Course]:
        """Courses by id."""
        return {c.id: c for c in self.courses}

    def with_course(self, course_id: str, **changes: Any) -> Curriculum:
        """A copy with one course changed and validated again, for trying things out:
        ``cur.with_course("window-communication", date=date(2027, 3, 10))``.

        Keys are the YAML keys with ``_`` for ``-``; values as in YAML or as Python
        objects (``date``, ``{"roles": ["window"]}``).
        """
        from pydantic import ValidationError

        from .errors import UserError

        course = self.course_by_id[course_id]
        try:
            changed = Course.model_validate(
                {**{name: getattr(course, name) for name in Course.model_fields}, **changes})
        except ValidationError as exc:
            raise UserError("; ".join(
                f"courses[{course_id}].{'.'.join(map(str, e['loc']))}: {e['msg']}"
                for e in exc.errors(include_url=False))) from None
        audience = changed.effective_audience
        known: set[str] = (set(self.roles) if audience.kind == "roles"
                           else set(self.member_by_id) if audience.kind == "members" else set())
        wrong = [f"audience: unknown {audience.kind[:-1]} '{i}'" for i in audience.ids
                 if i not in known]
        wrong += [f"builds: unknown competency '{c}'" for c in changed.builds
                  if c not in self.competencies]
        if changed.venue is not None and changed.venue not in self.organization.venues:
            wrong.append(f"venue: unknown venue '{changed.venue}'")
        if wrong:
            raise UserError("; ".join(f"courses[{course_id}].{w}" for w in wrong))
        copy = self.model_copy(update={
            "courses": [changed if c.id == course_id else c for c in self.courses]})
        for cached in ("member_by_id", "course_by_id"):
            copy.__dict__.pop(cached, None)
        copy._source = self._source
        return copy

    def __str__(self) -> str:
        return (f"{self.organization.name}: {len(self.members)} members, {len(self.roles)} "
                f"roles, {len(self.competencies)} competencies, {len(self.courses)} courses")

    def _repr_html_(self) -> str:
        from .display import curriculum_html

        return curriculum_html(self)
