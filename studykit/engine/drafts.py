"""Record drafts: what the plan already knows about a session, for the secretary to finish.

最多报一次 (enter a fact once): the day, the time, the venue, the chair and who is
expected are in the plan, so a record starts from them (the record workbook's sheets,
``studykit records draft``, the notebook's form). The secretary adds only what happened:
each member's attendance (出勤情况), what was said, voted and decided.

:func:`draft` reads a session of the plan; :func:`attendance_lists` turns the statuses
filled in (出席 / 迟到 / 请假 / 缺席) into a record's ``present``, ``late``, ``absent`` and
``unexcused``; :meth:`Draft.record` gives the record's data, ready for YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.models import Curriculum
from ..domain.plan import Session
from ..domain.rules import chair_of
from ..domain.vocabulary import ATTENDANCE
from ..words import text


@dataclass(frozen=True)
class Expected:
    """A member the session is for, as they stood on its day."""

    id: str
    name: str
    party: str
    """Their standing that day (``full``, ``probationary``, ``activist``, ``none``)."""
    excused: str | None = None
    """Why the plan did not schedule them (unavailable that day): they are on leave."""


@dataclass(frozen=True)
class Draft:
    """What the plan knows about a session before it is held."""

    session: Session
    chair: str | None
    """The member who chairs by the rules (the secretary, …), if one attends."""
    expected: tuple[Expected, ...]
    """Everyone the session is for (应到), in the plan's order: the attendees, then those
    excused."""

    @property
    def topics(self) -> tuple[str, ...]:
        """The session's agenda, the record's default topics."""
        return self.session.agenda

    def record(self, statuses: Mapping[str, str] | None = None,
               reasons: Mapping[str, str] | None = None, **facts: Any) -> dict[str, Any]:
        """The record's data (``docs/records.md``), as YAML would hold it: the plan's
        facts, the attendance from ``statuses`` (member → one of ``ATTENDANCE``; a
        member excused by the plan is on leave with the plan's reason unless a status
        says otherwise) and ``facts`` (topics, speeches, votes…, None or empty left out).
        """
        s = self.session
        statuses = {**{e.id: "leave" for e in self.expected if e.excused},
                    **(statuses or {})}
        reasons = {**{e.id: e.excused for e in self.expected if e.excused},
                   **(reasons or {})}
        data: dict[str, Any] = {
            "session": s.id, "date": s.date, "start": f"{s.start:%H:%M}",
            "end": f"{s.end:%H:%M}", "venue": s.place, "chair": self.chair}
        data.update(attendance_lists(statuses, reasons))
        data.update(facts)
        return {k: v for k, v in data.items() if v not in (None, [], {}, "")}


def draft(curriculum: Curriculum, session: Session) -> Draft:
    """The draft of ``session``'s record: its expected members as they stood that day
    (those who had left by then are not expected) and its chair by the rules."""
    members = curriculum.as_of(session.date).member_by_id
    excused = session.excused
    expected = tuple(
        Expected(m, members[m].name, members[m].party, excused.get(m))
        for m in session.expected if m in members)
    chair = chair_of(list(members.values()), session)
    return Draft(session, chair.id if chair else None, expected)


def attendance_words(locale: str) -> dict[str, str]:
    """出席 → present, 迟到 → late, 请假 → leave, 缺席 → absent: the words a person chooses
    from (a workbook's drop-down, a form), in ``locale``, in that order."""
    return {text(locale, f"attendance.{key}"): key for key in ATTENDANCE}


def attendance_of(locale: str, said: str) -> str | None:
    """The attendance ``said`` names: its word in ``locale`` or in Chinese, or its key
    (``leave``); None for anything else."""
    words = {**attendance_words("zh-CN"), **attendance_words(locale)}
    return words.get(said) or (said if said in ATTENDANCE else None)


def attendance_lists(statuses: Mapping[str, str],
                     reasons: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A record's attendance keys from each member's status, in the order given:
    ``present``, ``late``, ``absent`` (on leave: member → reason, '' if none given) and
    ``unexcused``. Members without a status (None or '') are left out."""
    reasons = reasons or {}
    out: dict[str, Any] = {"present": [], "late": [], "absent": {}, "unexcused": []}
    for member, status in statuses.items():
        if status == "present":
            out["present"].append(member)
        elif status == "late":
            out["late"].append(member)
        elif status == "leave":
            out["absent"][member] = reasons.get(member) or ""
        elif status == "absent":
            out["unexcused"].append(member)
        elif status:
            raise ValueError(f"attendance {status!r} is not one of {ATTENDANCE}")
    return out
