"""The change the planning notebook tries comes from the branch's own data."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import studykit
from studykit.domain.workdays import WorkCalendar
from studykit.engine.trials import suggest_trial

ROOT = Path(__file__).resolve().parent.parent


def test_the_course_closing_the_largest_gaps_is_tried_a_week_later() -> None:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    needs = studykit.analyse_needs(cur)
    plan = studykit.plan_quarter(cur, "2027Q1")
    trial = suggest_trial(needs, plan)
    assert trial is not None
    # the levels the course's attendees still miss in what it builds, counted by hand
    course = cur.course_by_id[trial.course]
    (session,) = [s for s in plan.sessions if s.course == trial.course]
    assert trial.levels == sum(needs.gap(m, c).missing for m in session.attendees
                               for c in course.builds) == 9
    for s in plan.sessions:
        if s.course and s.course != trial.course:
            builds = cur.course_by_id[s.course].builds
            assert sum(needs.gap(m, c).missing for m in s.attendees for c in builds) <= 9
    assert (trial.course, trial.planned, trial.day) == (
        "window-communication", session.date, date(2027, 3, 18))
    # it plans: the course is on the day tried
    moved = studykit.plan_quarter(studykit.with_course(cur, trial.course, date=trial.day),
                                  "2027Q1")
    assert [s.date for s in moved.sessions if s.course == trial.course] == [trial.day]


def test_a_week_earlier_when_a_week_later_is_a_day_off() -> None:
    cur = studykit.load(ROOT / "tests" / "data" / "branches" / "nursing.yaml")
    needs = studykit.analyse_needs(cur)
    plan = studykit.plan_quarter(cur, "2027Q1")
    first = suggest_trial(needs, plan)
    assert first is not None and (first.course, first.planned, first.day) == (
        "cpr-training", date(2027, 3, 10), date(2027, 3, 17))
    base = WorkCalendar.for_curriculum(cur)
    off = dataclasses.replace(base, holidays=base.holidays | {date(2027, 3, 17)})
    earlier = suggest_trial(needs, plan, off)
    assert earlier is not None and earlier.day == date(2027, 3, 3)
    # no working day a week or two or three either side: nothing to try
    weeks = {date(2027, 3, 10) + timedelta(weeks=n) for n in (-3, -2, -1, 1, 2, 3)}
    assert suggest_trial(needs, plan, dataclasses.replace(base, holidays=base.holidays | weeks)) \
        is None


def test_a_plan_without_courses_has_nothing_to_try() -> None:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    bare = cur.replaced(courses=[])
    assert suggest_trial(studykit.analyse_needs(bare), studykit.plan_quarter(bare, "2027Q1")) \
        is None
