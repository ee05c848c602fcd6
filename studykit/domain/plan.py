"""A plan as data: the quarter's sessions, what could not be placed, and notes.

:func:`studykit.engine.planner.plan_quarter` makes one; the checker, the documents, the
ledger and the records read it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from functools import cached_property

from ..words import text
from .models import Curriculum
from .time import Quarter


@dataclass(frozen=True)
class Session:
    """One session of the plan: a meeting, or one class of a course."""

    id: str
    kind: str
    title: str
    date: date
    start: time
    end: time
    hours: float
    venue: str | None
    speaker: str | None
    attendees: tuple[str, ...]
    reasons: Mapping[str, str]
    course: str | None = None
    group: str | None = None
    agenda: tuple[str, ...] = ()
    excused: Mapping[str, str] = field(default_factory=dict)
    """Members of the audience not scheduled (unavailable that day), and why."""
    fixed: bool = False
    """The day was given (a pinned course or a meeting on a fixed day)."""
    location: str | None = None
    """Where an off-site session is held (``venue`` is None then)."""
    theme: str | None = None
    """What the month's meeting is about (``meetings.theme-day.themes``), if given."""
    evaluation: bool = False
    """The branch assembly that holds the year's evaluation of party members (民主评议)."""

    @property
    def place(self) -> str | None:
        """Where it is held: the venue, or the off-site location."""
        return self.venue or self.location

    @property
    def expected(self) -> list[str]:
        """Everyone the session is for: the attendees and those excused (应到)."""
        return [*self.attendees, *self.excused]


@dataclass(frozen=True)
class Unplaced:
    """A session no day could take: the rule that stopped it and what to change."""

    id: str
    title: str
    rule: str
    advice: str
    course: str | None = None

    locale: str = "zh-CN"
    """The language ``rule`` and ``advice`` are written in (the curriculum's)."""

    def __str__(self) -> str:
        return text(self.locale, "unplaced.line", id=self.id, title=self.title, rule=self.rule,
                    advice=self.advice)


@dataclass(frozen=True)
class Plan:
    """A quarter's sessions in date order, with what could not be placed and notes."""

    curriculum: Curriculum
    quarter: Quarter
    sessions: tuple[Session, ...]
    unplaced: tuple[Unplaced, ...] = ()
    notes: tuple[str, ...] = ()
    levels: Mapping[str, Mapping[str, int]] | None = None
    """The levels the quarter was planned from, where they were projected from records
    (member → competency → level; None: the curriculum's own)."""
    attended: Mapping[str, Collection[str]] = field(default_factory=dict)
    """Course id → who had already attended it this year, and so was left out of it."""

    @property
    def complete(self) -> bool:
        """Whether every session was placed."""
        return not self.unplaced

    @cached_property
    def by_id(self) -> dict[str, Session]:
        """Sessions by id."""
        return {s.id: s for s in self.sessions}

    def session(self, session_id: str) -> Session:
        """The session with id ``session_id`` (KeyError if there is none)."""
        return self.by_id[session_id]
