"""The working-day calendar, checked against the State Council's 2026 schedule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import studykit
from studykit.domain.time import DateSpan
from studykit.domain.workdays import WorkCalendar

# 国务院办公厅关于2026年部分节假日安排的通知: days off and make-up working days
OFF_2026 = [("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"),
            ("2026-04-04", "2026-04-06"), ("2026-05-01", "2026-05-05"),
            ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
            ("2026-10-01", "2026-10-07")]
WORKED_2026 = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
               "2026-10-10"]


def _range(first: str, last: str) -> list[date]:
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


def test_2026_holidays_are_days_off() -> None:
    cal = WorkCalendar()
    for first, last in OFF_2026:
        for day in _range(first, last):
            assert not cal.is_workday(day), day


def test_2026_make_up_days_are_working_days() -> None:
    cal = WorkCalendar()
    for text in WORKED_2026:
        day = date.fromisoformat(text)
        assert day.weekday() >= 5          # each is a Saturday or Sunday
        assert cal.is_workday(day), day


def test_2026_every_other_day_is_a_plain_weekday_or_weekend() -> None:
    cal = WorkCalendar()
    special = {d for f, t in OFF_2026 for d in _range(f, t)} | {
        date.fromisoformat(t) for t in WORKED_2026}
    for day in _range("2026-01-01", "2026-12-31"):
        if day not in special:
            assert cal.is_workday(day) == (day.weekday() < 5), day
    assert sum(cal.is_workday(d) for d in _range("2026-01-01", "2026-12-31")) == 248


def test_a_year_nobody_describes_is_planned_with_weekends_and_said_so() -> None:
    cal = WorkCalendar()
    assert not cal.is_covered(2031)
    assert cal.is_workday(date(2031, 1, 1))       # a Wednesday: only weekends are known
    assert not cal.is_workday(date(2031, 1, 4))   # a Saturday
    (note,) = cal.notes([(2031, 1)], "zh-CN")
    assert "2031年第一季度的法定节假日和调休安排还不知道" in note and "calendar.holidays" in note
    (note,) = cal.notes([(2031, 1)], "en")
    assert note.startswith("Note: the holidays and make-up working days of Q1 2031 are not "
                           "known")
    assert cal.notes([(2026, n) for n in (1, 2, 3, 4)], "en") == []


def test_the_curriculum_describes_a_year_and_adds_to_the_built_in_data() -> None:
    cal = WorkCalendar(holidays={date(2031, 1, 1), date(2026, 3, 3)},
                       workdays={date(2031, 1, 4)})
    assert cal.is_covered(2031)
    assert not cal.is_workday(date(2031, 1, 1))
    assert cal.is_workday(date(2031, 1, 4))
    assert not cal.is_workday(date(2026, 3, 3))   # a local day off on top of 2026's data
    assert cal.is_workday(date(2026, 2, 14))      # the built-in make-up day is still there
    (note,) = cal.notes([(2031, 1)], "en")
    assert "come from the curriculum's calendar.holidays" in note
    # the curriculum gave Q1's days only: Q2 is not known, and each run says so
    assert cal.is_covered(2031, 1) and not cal.is_covered(2031, 2)
    given, unknown = cal.notes([(2031, 2)], "zh-CN")
    assert "2031年的法定节假日取自课程文件" in given and "2031年第二季度" in unknown
    # until it says the year is given in full
    cal.complete.add(2031)
    assert cal.is_covered(2031, 2) and len(cal.notes([(2031, 2)], "en")) == 1


def test_partial_holiday_data_is_named_in_every_plan_of_the_year() -> None:
    branch = """\
studykit: 1
organization: {{name: 支部}}
competencies: {{p: 政策}}
roles: {{w: {{name: 窗口}}}}
members: [{{id: a, name: 甲, role: w, party: full, committee: secretary}}]
calendar: {{holidays: [2031-01-01, 2031-01-29..2031-02-04]{complete}}}
"""
    cur = studykit.loads(branch.format(complete=""))
    assert not any("第一季度" in n for n in studykit.plan_quarter(cur, "2031Q1").notes)
    for n in (2, 3, 4):
        notes = studykit.plan_quarter(cur, f"2031Q{n}").notes
        assert any(f"2031年第{'一二三四'[n - 1]}季度的法定节假日和调休安排还不知道" in note
                   for note in notes)
    complete = studykit.loads(branch.format(complete=", complete: [2031]"))
    assert all("还不知道" not in note for note in studykit.plan_quarter(complete, "2031Q2").notes)


def test_for_curriculum_expands_ranges(centre_path: object) -> None:
    cur = studykit.load(str(centre_path))
    cal = WorkCalendar.for_curriculum(cur)
    assert cur.calendar.holidays[1] == DateSpan(date(2027, 2, 6), date(2027, 2, 13))
    assert {date(2027, 2, 6) + timedelta(days=i) for i in range(8)} <= cal.holidays
    assert cal.is_workday(date(2027, 2, 14))      # a Sunday made a working day


@pytest.mark.parametrize(("day", "run"), [("2026-09-30", 7), ("2026-04-03", 3),
                                          ("2026-03-06", 2), ("2026-02-13", 0)])
def test_off_run_after(day: str, run: int) -> None:
    # 2/13 is a Friday, but 2/14 (Saturday) is worked: no days off follow it at once
    assert WorkCalendar().off_run_after(date.fromisoformat(day)) == run


def test_next_workday() -> None:
    cal = WorkCalendar()
    assert cal.next_workday(date(2026, 5, 1)) == date(2026, 5, 6)
    assert cal.next_workday(date(2026, 5, 6)) == date(2026, 5, 6)
