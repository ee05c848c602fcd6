"""A change to try on a quarter's plan, chosen from the branch's own data.

The planning notebook shows how a plan answers a change without editing the curriculum
(``with_course``). Which course to move is not the example's: it is the course of the
quarter that closes the largest gaps (the levels its attendees still miss in what it
builds), else the quarter's first course; it is tried a week later (or earlier), on a
working day of the same quarter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.plan import Plan
from ..domain.workdays import WorkCalendar
from .needs import Needs


@dataclass(frozen=True)
class Trial:
    """A course of the plan and another day to try it on."""

    course: str
    title: str
    planned: date
    """The day the plan gave it."""
    day: date
    """The day to try."""
    levels: int
    """The levels its attendees miss in what it builds (0: chosen as the first course)."""
    locale: str = "zh-CN"


def suggest_trial(needs: Needs, plan: Plan, workdays: WorkCalendar | None = None,
                  ) -> Trial | None:
    """The course of ``plan`` whose attendees miss the most levels in what it builds (the
    earliest on a tie), moved by a week to a working day of the quarter; None when the
    plan has no course, or no such day."""
    cur = needs.curriculum
    workdays = workdays or WorkCalendar.for_curriculum(cur)
    best: tuple[int, date, str] | None = None
    for s in plan.sessions:
        if s.course is None or s.course not in cur.course_by_id:
            continue
        course = cur.course_by_id[s.course]
        levels = sum(needs.gap(m, c).missing for m in s.attendees if m in cur.member_by_id
                     for c in course.builds if c in cur.competencies)
        if best is None or levels > best[0]:
            best = (levels, s.date, s.course)
    if best is None:
        return None
    levels, planned, course_id = best
    days = {s.date for s in plan.sessions if s.course == course_id}
    for weeks in (1, -1, 2, -2, 3, -3):
        day = planned + timedelta(weeks=weeks)
        if plan.quarter.first <= day <= plan.quarter.last and day not in days \
                and workdays.is_workday(day):
            return Trial(course_id, cur.course_by_id[course_id].title, planned, day, levels,
                         cur.locale)
    return None
