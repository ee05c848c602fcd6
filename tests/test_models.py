"""The value types of the format: quarters, dates, ranges, frequencies, audiences."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic_core import PydanticCustomError

import studykit
from studykit.domain.models import Audience, Frequency, parse_date
from studykit.domain.time import DateSpan, DaySpec, Quarter


def test_quarter() -> None:
    q = Quarter.parse("2027Q1")
    assert (q.first, q.last, q.months) == (date(2027, 1, 1), date(2027, 3, 31), (1, 2, 3))
    assert Quarter.parse("2026q4").last == date(2026, 12, 31)
    assert Quarter.parse("2026Q2").last == date(2026, 6, 30)
    assert str(q) == "2027Q1"
    for bad in ("2027Q5", "2027-Q1", "Q1", 2027):
        with pytest.raises(PydanticCustomError):
            Quarter.parse(bad)


def test_dates_are_strict_iso() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)
    for bad in ("2027-02-29", "2027-1-4", "20270104", 20270104):
        with pytest.raises(PydanticCustomError):
            parse_date(bad)


def test_span_contains_its_ends() -> None:
    span = DateSpan(date(2027, 2, 6), date(2027, 2, 13))
    assert date(2027, 2, 6) in span and date(2027, 2, 13) in span
    assert date(2027, 2, 14) not in span
    assert str(span) == "2027-02-06..2027-02-13"


def test_frequency_and_audience_through_a_curriculum() -> None:
    import studykit

    cur = studykit.loads("""\
studykit: 1
organization: {name: x}
competencies: {a: A}
roles: {r: {name: R}}
members: [{id: m, name: M, role: r}]
courses: [{id: c, title: C, kind: lecture, hours: 1.5, audience: {members: [m]}}]
meetings:
  committee: {every: month, on: last thu}
  theme-day: {every: month, on: 15}
  branch-assembly: quarterly
""")
    assert cur.meetings.committee == Frequency(every="month", on=DaySpec(ordinal=-1, weekday=3))
    assert cur.meetings.theme_day == Frequency(every="month", on=DaySpec(day=15))
    assert cur.meetings.group is None
    assert [k for k, _ in cur.meetings.items()] == ["branch-assembly", "committee", "theme-day"]
    assert cur.courses[0].effective_audience == Audience("members", ("m",))
    assert cur.courses[0].hours == 1.5
    assert cur.calendar.weekdays == ["mon", "tue", "wed", "thu", "fri"]
    assert cur.rules.hours.party == 32 and cur.rules.hours.committee == 56


def test_a_member_as_of_a_day() -> None:
    text = """\
studykit: 1
organization: {name: 支部}
competencies: {p: 政策, c: 沟通}
roles: {w: {name: 窗口}, l: {name: 联络}}
members:
  - {id: gj, name: 郭佳, role: w, party: probationary, group: 一组, levels: {p: 2},
     joined: 2026-03-01, left: 2027-09-30,
     changes: [{date: 2027-02-18, party: full}, {date: 2027-04-01, role: l},
               {date: 2027-05-10, committee: member}, {date: 2027-06-20, levels: {p: 3}},
               {date: 2027-08-01, committee: null}]}
  - {id: x, name: 某, role: w}
"""
    cur = studykit.loads(text)
    gj = cur.member_by_id["gj"]
    assert gj.as_of(date(2027, 2, 17)) == gj            # nothing had changed yet
    on = {day: gj.as_of(date(2027, *day)) for day in ((2, 18), (4, 1), (5, 10), (6, 20),
                                                       (8, 1))}
    assert on[2, 18].party == "full" and on[2, 18].role == "w"
    assert on[4, 1].role == "l" and on[4, 1].committee is None
    assert on[5, 10].committee == "member"
    assert on[6, 20].levels == {"p": 3} and on[6, 20].committee == "member"
    assert on[8, 1].committee is None and on[8, 1].party == "full"   # `null`: left the seat
    assert [m.id for m in cur.as_of(date(2026, 2, 28)).members] == ["x"]
    assert [m.id for m in cur.as_of(date(2027, 9, 30)).members] == ["gj", "x"]
    assert [m.id for m in cur.as_of(date(2027, 10, 1)).members] == ["x"]
    assert cur.as_of(date(2027, 5, 10)).member_by_id["gj"].committee == "member"
    assert cur.as_of(date(2027, 5, 11)) is cur.as_of(date(2027, 6, 19))   # the same branch
    # the branch of a period: everyone in it some day, as they stood on their first day in it
    year = cur.during(date(2027, 1, 1), date(2027, 12, 31))
    assert year.member_by_id["gj"].party == "probationary"
    assert [m.id for m in cur.during(date(2027, 10, 1), date(2027, 12, 31)).members] == ["x"]


def test_a_copy_of_a_curriculum_shares_nothing_it_cached() -> None:
    cur = studykit.loads("""\
studykit: 1
organization: {name: 支部}
competencies: {p: 政策}
roles: {w: {name: 窗口}}
members:
  - {id: a, name: 甲, role: w, party: full, committee: secretary}
  - {id: b, name: 乙, role: w, joined: 2027-01-01}
""")
    assert len(cur.as_of(date(2027, 5, 1)).members) == 2 and len(cur.member_by_id) == 2
    fewer = cur.model_copy(update={"members": cur.members[:1]})
    assert [m.id for m in fewer.as_of(date(2027, 5, 1)).members] == ["a"]
    assert list(fewer.member_by_id) == ["a"] and fewer.source == cur.source
