"""The curriculum, as typed and validated models (format version 1).

The models mirror the format key for key (``docs/format.md``); YAML keys with a
hyphen (``max-per-week``) are attributes with an underscore (``max_per_week``). Every
model forbids unknown keys, so a typo is reported instead of silently ignored.
Field types that need a friendly message (dates, levels, ids…) are validated by
small functions here that raise a catalogued message (:func:`~.errors.invalid`);
:mod:`studykit.reading.curriculum` turns these into ``file:line:col`` problems.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Any, Literal, TypeGuard

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, model_validator

from ..words import msg, text
from .errors import found, invalid
from .time import FIRST_YEAR, LAST_YEAR, ORDINALS, DateSpan, DaySpec, Quarter
from .vocabulary import (
    AUDIENCES,
    DEFAULT_AUDIENCE,
    DEFAULT_MINIMA,
    ID_PATTERN,
    MEETING_KINDS,
    WEEKDAYS,
    Every,
    Kind,
)

MAX_YEARLY_HOURS = 8784
"""A year's hours at the most (24 × 366): a floor above it is a typo."""


def _text(value: Any) -> str:
    # Numbers are accepted as text (a title "2027"), structures and empty values are not.
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise invalid("expected.text", found=found(value))


def _id(value: Any) -> str:
    if isinstance(value, str) and ID_PATTERN.fullmatch(value):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    raise invalid("expected.id", found=found(value))



def whole(key: str, low: int, high: float = math.inf) -> Callable[[Any], int]:
    """A validator of a whole number from ``low`` to ``high`` (``true`` is not one),
    refusing anything else with the catalogued message ``key``."""
    def check(value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        raise invalid(key, found=found(value))
    return check


def is_hours(value: Any) -> TypeGuard[float]:
    """Whether ``value`` is the length of a session: from a quarter of an hour (less would
    round to no time at all on a calendar) to 24 hours."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0.25 <= value <= 24


def _hours(value: Any) -> float:
    if is_hours(value):
        return value
    raise invalid("expected.hours", found=found(value))


def _yearly_hours(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 \
            and math.isfinite(value) and value <= MAX_YEARLY_HOURS:
        return value
    raise invalid("expected.yearly_hours", found=found(value), most=MAX_YEARLY_HOURS)



_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _amount(value: Any) -> float:
    """A measured amount (a business result, a target): a finite number, 0 or more."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and math.isfinite(value) and 0 <= value < 1e12:
        return value
    raise invalid("expected.amount", found=found(value))


def parse_date(value: Any) -> date:
    """Parse an ISO date ``2027-01-14`` (a ``date`` given in code is kept as it is)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    match = _DATE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        raise invalid("expected.date", found=found(value))
    year, month, day = map(int, match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise invalid("expected.date_year", found=found(value), first=FIRST_YEAR,
                      last=LAST_YEAR)
    try:
        return date(year, month, day)
    except ValueError:
        why = msg("why.month" if not 1 <= month <= 12 else "why.year" if year < 1
                  else "why.day")
        raise invalid("not_a_date", found=found(value), why=why) from None


def _span(value: Any) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    if isinstance(value, str) and ".." in value:
        ends = [part.strip() for part in value.split("..")]
        if len(ends) != 2 or not all(_DATE.fullmatch(end) for end in ends):
            raise invalid("expected.span", found=found(value))
        first, last = parse_date(ends[0]), parse_date(ends[1])
        if last < first:
            raise invalid("span_backwards", found=found(value))
        return DateSpan(first, last)
    day = parse_date(value)
    return DateSpan(day, day)


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time(value: Any) -> time:
    """Parse a clock time ``15:00`` (a ``time`` given in code is kept as it is)."""
    if isinstance(value, time):
        return value
    match = _TIME.fullmatch(value) if isinstance(value, str) else None
    if not match:
        raise invalid("expected.time", found=found(value))
    return time(int(match[1]), int(match[2]))





def _day_spec(value: Any) -> DaySpec:
    if isinstance(value, DaySpec):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 31:
        return DaySpec(day=value)
    parts = value.split() if isinstance(value, str) else []
    if len(parts) == 2 and parts[0] in ORDINALS and parts[1] in WEEKDAYS:
        return DaySpec(ordinal=ORDINALS[parts[0]], weekday=WEEKDAYS.index(parts[1]))
    raise invalid("expected.day_spec", found=found(value))


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
    raise invalid("expected.audience", found=found(value))


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(value: Any) -> str:
    if isinstance(value, str) and (value.lower() in WEEKDAYS or value.lower() in _WEEKDAY_NAMES):
        return value.lower()[:3]
    raise invalid("expected.weekday", found=found(value))


def _version(value: Any) -> int:
    if value == 1 and not isinstance(value, bool):
        return 1
    raise invalid("version", found=found(value))


Text = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, BeforeValidator(_id)]
Level = Annotated[int, BeforeValidator(whole("expected.level", 0, 5))]
Hours = Annotated[float, BeforeValidator(_hours)]
YearHours = Annotated[float, BeforeValidator(_yearly_hours)]
Count = Annotated[int, BeforeValidator(whole("expected.count", 1))]
Date = Annotated[date, BeforeValidator(parse_date)]
Span = Annotated[DateSpan, BeforeValidator(_span)]
Amount = Annotated[float, BeforeValidator(_amount)]


def _period(value: Any) -> DateSpan:
    """A span of days, or a whole year (``2027``)."""
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return DateSpan(date(value, 1, 1), date(value, 12, 31))
    return _span(value)


Period = Annotated[DateSpan, BeforeValidator(_period)]
Time = Annotated[time, BeforeValidator(parse_time)]


_BEFORE = re.compile(r"(\d{1,3})\s*(d|h|m|天|小时|分钟)")
_UNIT = {"d": "days", "天": "days", "h": "hours", "小时": "hours",
         "m": "minutes", "分钟": "minutes"}


def parse_before(value: Any) -> timedelta:
    """How long before a session a reminder goes off: ``1d``, ``2h``, ``30m`` (or
    ``1天``, ``2小时``, ``30分钟``), at most four weeks."""
    if isinstance(value, timedelta):
        return value
    match = _BEFORE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match:
        before = timedelta(**{_UNIT[match[2]]: int(match[1])})
        if timedelta(0) < before <= timedelta(weeks=4):
            return before
    raise invalid("expected.before", found=found(value))


Before = Annotated[timedelta, BeforeValidator(parse_before)]
QuarterField = Annotated[Quarter, BeforeValidator(Quarter.parse)]
AudienceField = Annotated[Audience, BeforeValidator(_audience)]
Weekday = Annotated[str, BeforeValidator(_weekday)]
Day = Annotated[DaySpec, BeforeValidator(_day_spec)]
YearField = Annotated[int, BeforeValidator(whole("expected.year", FIRST_YEAR, LAST_YEAR))]
DayCount = Annotated[int, BeforeValidator(whole("expected.day_count", 1, 366))]
QuarterNumber = Annotated[int, BeforeValidator(whole("expected.quarter_number", 1, 4))]
MonthNumber = Annotated[int, BeforeValidator(whole("expected.month_number", 1, 12))]


class Model(BaseModel):
    """Base of all curriculum models: immutable, strict, unknown keys forbidden."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, populate_by_name=True,
        alias_generator=lambda name: name.replace("_", "-"),
        arbitrary_types_allowed=True,
    )


class Theme(Model):
    """What one month's meeting is about: a title, its agenda, and where it is held when
    not in a venue of the branch (a free clinic in a village square)."""

    title: Text
    agenda: list[Text] = Field(default_factory=list)
    location: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_title(cls, value: Any) -> Any:
        return {"title": value} if isinstance(value, str) else value


class Frequency(Model):
    """How often a meeting recurs: ``monthly``, ``quarterly``, ``yearly``, or a mapping
    ``{every: month, on: 1st fri}`` for a fixed day; ``hours`` sets its length;
    ``themes`` (month number → title, or title and agenda) what each month's is about."""

    every: Literal["month", "quarter", "year"]
    on: Day | None = None
    hours: Hours | None = None
    venue: Text | None = None
    start: Time | None = None
    themes: dict[MonthNumber, Theme] = Field(default_factory=dict)
    quarter: QuarterNumber | None = None
    """For a yearly meeting without a fixed day: the quarter it is held in (default the
    fourth)."""

    @model_validator(mode="before")
    @classmethod
    def _from_word(cls, value: Any) -> Any:
        if isinstance(value, str) and value in _EVERY:
            return {"every": _EVERY[value]}
        if isinstance(value, (dict, Frequency)):
            return value
        raise invalid("expected.frequency", found=found(value))


class Organization(Model):
    """Who runs the programme, its document language and its venues (name → seats)."""

    name: Text
    unit: Text | None = None
    locale: Literal["zh-CN", "en"] = "zh-CN"
    templates: Text | None = None
    venues: dict[Text, Count] = Field(default_factory=dict)


class Indicator(Model):
    """A business indicator a post is assessed on (党建+业务): what is measured, its unit,
    the year's target, and whether more is better (``better: lower`` for complaints)."""

    name: Text
    unit: Text | None = None
    target: Amount
    better: Literal["higher", "lower"] = "higher"

    def achieved(self, value: float, target: float | None = None) -> bool:
        """Whether ``value`` reaches the target (``target`` when a post sets its own)."""
        goal = self.target if target is None else target
        return value >= goal if self.better == "higher" else value <= goal


def _targets(value: Any) -> Any:
    """A post's indicators: a list of ids, or id → the post's own target."""
    if isinstance(value, list):
        return {item: None for item in value} if all(isinstance(i, str) for i in value) \
            else value
    return value


class Role(Model):
    """A post (岗位), the competency levels it requires (learn what you do) and the
    business indicators it is assessed on (id → the post's own target, or None for the
    indicator's)."""

    name: Text
    requires: dict[Id, Level] = Field(default_factory=dict)
    indicators: Annotated[dict[Id, Amount | None], BeforeValidator(_targets)] = Field(
        default_factory=dict)


class PioneerPost(Model):
    """A 党员先锋岗 (党员示范岗, 设岗定责): the post, the member who holds it, their pledge
    (承诺) and the period it runs."""

    post: Text
    member: Id
    pledge: Text
    period: Period


Party = Literal["full", "probationary", "activist", "none"]
Post = Literal["secretary", "deputy", "member"]


class Change(Model):
    """A dated change to a member, holding from its date on: 转正 (``party``), 岗位调整
    (``role``), a committee seat taken or left (``committee``, ``null`` to leave), another
    party group (``group``), a re-assessment (``levels``, merged into the levels)."""

    date: Date
    role: Id | None = None
    party: Party | None = None
    committee: Post | None = None
    group: Text | None = None
    levels: dict[Id, Level] = Field(default_factory=dict)


class Member(Model):
    """A person of the organisation, with assessed levels (missing = 0).

    ``role``, ``party``, ``committee``, ``group`` and ``levels`` are the member's standing
    when they joined (or at the first record); ``changes`` say what changed and when, and
    ``joined`` / ``left`` bound the days they are in the branch. :meth:`as_of` gives the
    member as they stood on a day.
    """

    id: Id
    name: Text
    role: Id
    party: Party = "none"
    committee: Post | None = None
    group: Text | None = None
    levels: dict[Id, Level] = Field(default_factory=dict)
    unavailable: list[Span] = Field(default_factory=list)
    assessed: Date | None = None
    joined: Date | None = None
    left: Date | None = None
    changes: list[Change] = Field(default_factory=list)

    def in_branch(self, day: date) -> bool:
        """Whether the member is in the branch on ``day`` (from ``joined`` to ``left``)."""
        return (self.joined is None or self.joined <= day) and \
            (self.left is None or day <= self.left)

    def in_branch_between(self, first: date, last: date) -> bool:
        """Whether the member is in the branch on any day from ``first`` to ``last``."""
        return (self.joined is None or self.joined <= last) and \
            (self.left is None or first <= self.left)

    def as_of(self, day: date) -> Member:
        """The member as they stood on ``day``: every change dated that day or before
        applied, in date order (levels merged)."""
        applied = [c for c in self.changes if c.date <= day]
        if not applied:
            return self
        update: dict[str, Any] = {"levels": dict(self.levels)}
        for change in sorted(applied, key=lambda c: c.date):
            for name in ("role", "party", "committee", "group"):
                # committee and group may be left (null); a post and a standing cannot
                if name in change.model_fields_set and (
                        getattr(change, name) is not None or name in ("committee", "group")):
                    update[name] = getattr(change, name)
            update["levels"].update(change.levels)
        return self.model_copy(update=update)

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
    quarters: list[QuarterNumber] = Field(default_factory=list)
    """The quarters of every year it is held in (a series: each quarter its own session).
    Without ``date`` or ``quarters`` a course is held once a year, in the quarter the
    year's plan gives it."""
    start: Time | None = None
    venue: Text | None = None
    location: Text | None = None
    """Where an off-site activity is held (a village square, a memorial hall): no seats
    are counted and the course is never split."""

    @property
    def once_a_year(self) -> bool:
        """Held once a year (at most one of ``quarters``): nobody attends it twice a year.
        A course held in several quarters is a series, each session its own part."""
        return len(set(self.quarters)) <= 1

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
    life_meeting: Frequency | None = None
    """组织生活会, once a year (《党员教育管理工作条例》第十七条)."""
    evaluation: Frequency | None = None
    """民主评议党员, once a year at a branch assembly (第十八条): the branch assembly of its
    quarter holds it, or one of its own when the branch assembly is not quarterly."""

    def items(self) -> list[tuple[str, Frequency]]:
        """(kind, frequency) for each meeting that is held, in the format's order (the
        evaluation is a branch assembly's business, not a kind of its own)."""
        return [(kind, freq) for kind in MEETING_KINDS
                if (freq := getattr(self, kind.replace("-", "_"))) is not None]


DEFAULT_MEETINGS = Meetings(
    branch_assembly=Frequency(every="quarter"), committee=Frequency(every="month"),
    group=Frequency(every="month"), theme_day=Frequency(every="month"),
    life_meeting=Frequency(every="year"), evaluation=Frequency(every="year"),
)


class CalendarSpec(Model):
    """When sessions may happen; holidays and workdays add to the built-in data."""

    weekdays: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS[:5]))
    start: Time = time(15, 0)
    slots: list[Time] = Field(default_factory=list)
    """Start times a day offers, tried in order (a session with its own ``start`` keeps
    it); none: ``start`` alone."""
    max_per_week: Count = 2
    reminders: list[Before] = Field(
        default_factory=lambda: [timedelta(days=1), timedelta(hours=1)])
    """When each member's calendar reminds them of a session ([] for no reminder)."""
    holidays: list[Span] = Field(default_factory=list)
    workdays: list[Span] = Field(default_factory=list)
    complete: list[YearField] = Field(default_factory=list)
    """Years whose days off and make-up working days ``holidays`` and ``workdays`` hold in
    full (until the built-in data has them)."""
    quarter: QuarterField | None = None


class HourFloors(Model):
    """Yearly study-hour floors (学时) for party members and committee members."""

    party: YearHours = 32
    committee: YearHours = 56


def _share(value: Any) -> Fraction:
    """A share: ``1/3``, ``0.3`` or ``30%``, more than 0 and at most 1."""
    share: Fraction | None = None
    try:
        if isinstance(value, str) and value.strip().endswith("%"):
            share = Fraction(value.strip()[:-1].strip()) / 100
        elif isinstance(value, str) or (isinstance(value, (int, float))
                                        and not isinstance(value, bool)):
            share = Fraction(value).limit_denominator(1000)
    except (ValueError, ZeroDivisionError):
        share = None
    if share is not None and 0 < share <= 1:
        return share
    raise invalid("expected.share", found=found(value))


Share = Annotated[Fraction, BeforeValidator(_share)]


class EvaluationRules(Model):
    """The year's evaluation (民主评议党员): the largest share of 优秀 among those
    evaluated (generally a third), and the days a member graded 基本合格 or 不合格 has to
    put things right (限期改正)."""

    excellent_max: Share = Fraction(1, 3)
    correction_days: DayCount = 90


class Rules(Model):
    """Rules the plan and the ledger are checked against.

    ``minima`` says how often each kind of session must be held at least
    (``monthly``, ``quarterly`` or ``yearly``); ``group`` means once per party group.
    ``makeup-days``: how many days a member has to make up a missed session (补学).
    """

    hours: HourFloors = Field(default_factory=HourFloors)
    minima: dict[Kind, Every] = Field(default_factory=lambda: dict(DEFAULT_MINIMA))
    makeup_days: DayCount = 30
    evaluation: EvaluationRules = Field(default_factory=EvaluationRules)


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
    indicators: dict[Id, Indicator] = Field(default_factory=dict)
    pioneer_posts: list[PioneerPost] = Field(default_factory=list)

    _source: str = PrivateAttr(default="")
    _as_of: dict[date | None, Curriculum] = PrivateAttr(default_factory=dict)

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

    @cached_property
    def dated(self) -> bool:
        """Whether anyone joins, leaves or changes: else the branch is the same every day."""
        return any(m.joined or m.left or m.changes for m in self.members)

    def as_of(self, day: date) -> Curriculum:
        """The branch as it stood on ``day``: only the members in it that day, each with
        the changes up to that day applied. Used by everything that has a date (audiences,
        sign-in sheets, minutes, quorum, the ledger)."""
        if not self.dated:
            return self
        key = self.epoch(day)
        cached = self._as_of.get(key)
        if cached is None:
            cached = self.replaced(
                members=[m.as_of(day) for m in self.members if m.in_branch(day)])
            self._as_of[key] = cached
        return cached

    def during(self, first: date, last: date) -> Curriculum:
        """The branch of a period (a quarter, a year): everyone in it on some day from
        ``first`` to ``last``, each as they stood on the first such day. Courses are planned
        for this branch; who is there on a session's own day is :meth:`as_of` that day."""
        if not self.dated:
            return self
        return self.replaced(members=[m.as_of(max(first, m.joined or first))
                                      for m in self.members if m.in_branch_between(first, last)])

    def with_levels(self, levels: Mapping[str, Mapping[str, int]]) -> Curriculum:
        """A copy whose members have the ``levels`` given (member id → competency → level;
        members not named keep theirs): a projection of what they can do by now."""
        return self.replaced(members=[
            m.model_copy(update={"levels": dict(levels[m.id])}) if m.id in levels else m
            for m in self.members])

    def replaced(self, **fields: Any) -> Curriculum:
        """A copy with ``fields`` replaced (not validated again: the caller's job), from the
        same file, with nothing cached from the original."""
        return self.model_copy(update=fields)

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Curriculum:
        """A copy (pydantic's), which never shares what the original cached about itself."""
        copy = super().model_copy(update=update, deep=deep)
        for name in ("member_by_id", "course_by_id", "dated", "_epochs"):
            copy.__dict__.pop(name, None)
        copy._source = self._source
        copy._as_of = {}
        return copy

    @cached_property
    def _epochs(self) -> list[date]:
        """Every day the branch changes: someone joins, someone's change holds, or the day
        after someone leaves."""
        days = {c.date for m in self.members for c in m.changes}
        days |= {m.joined for m in self.members if m.joined}
        days |= {m.left + timedelta(days=1) for m in self.members if m.left}
        return sorted(days)

    def epoch(self, day: date) -> date | None:
        """The last day on or before ``day`` on which the branch changed (None: before any):
        two days with the same epoch see the same branch."""
        import bisect

        index = bisect.bisect_right(self._epochs, day)
        return self._epochs[index - 1] if index else None

    def __str__(self) -> str:
        return text(self.locale, "summary.curriculum", org=self.organization.name,
                    members=len(self.members), roles=len(self.roles),
                    competencies=len(self.competencies), courses=len(self.courses))
