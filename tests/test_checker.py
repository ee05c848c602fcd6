"""check_plan finds every broken rule in a plan someone changed by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from conftest import every_quarter, every_quarter_curriculum

import studykit
from studykit.domain.plan import Plan, Session
from studykit.engine.checker import check_plan
from studykit.engine.planner import plan_quarter


@pytest.fixture(scope="module")
def good() -> tuple[studykit.Curriculum, Plan]:
    cur = every_quarter_curriculum(Path(__file__).parent.parent / "curricula" /
                                   "employment-centre.yaml")
    assert isinstance(cur, studykit.Curriculum)
    return cur, plan_quarter(cur, "2026Q2")


def with_session(plan: Plan, session_id: str, **changes: object) -> Plan:
    sessions = tuple(replace(s, **changes) if s.id == session_id else s  # type: ignore[arg-type]
                     for s in plan.sessions)
    return replace(plan, sessions=sessions)


def errors(cur: studykit.Curriculum, plan: Plan) -> list[tuple[str, str]]:
    return [(f.rule, f.session) for f in check_plan(cur, plan) if f.level == "error"]


def test_the_planned_example_is_clean(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    assert errors(cur, plan) == []


def test_a_holiday_and_a_weekend(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    assert errors(cur, with_session(plan, "plenum-study", date=date(2026, 5, 1))) == [
        ("working-day", "plenum-study")]
    saturday = errors(cur, with_session(plan, "plenum-study", date=date(2026, 5, 9)))
    assert ("weekday", "plenum-study") in saturday   # a make-up Saturday: worked, not allowed
    assert ("working-day", "plenum-study") not in saturday


def test_outside_the_quarter(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    assert ("quarter", "plenum-study") in errors(
        cur, with_session(plan, "plenum-study", date=date(2026, 7, 7)))


def test_double_booking_of_people_and_venue(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    other = plan.session("integrity-lecture")
    moved = with_session(plan, "plenum-study", date=other.date)
    found = errors(cur, moved)
    assert ("double-booked", "integrity-lecture") in found or \
        ("double-booked", "plenum-study") in found
    assert any(rule == "venue-taken" for rule, _ in found)


def test_back_to_back_sessions_do_not_overlap(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    first = plan.session("committee-2026-04")           # 15:00–16:30
    later = replace(plan.session("plenum-study"), date=first.date, start=time(16, 30),
                    end=time(18, 30))
    sessions = tuple(later if s.id == later.id else s for s in plan.sessions)
    found = errors(cur, replace(plan, sessions=sessions))
    assert not [e for e in found if e[0] in ("double-booked", "venue-taken")]


def _edited(cur: studykit.Curriculum, old: str, new: str) -> studykit.Curriculum:
    text = Path(cur.source).read_text(encoding="utf-8")
    assert old in text
    return studykit.loads(text.replace(old, new))


def test_unavailable_member(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    day = plan.session("plenum-study").date     # wangfang attends; say she is away that day
    away = _edited(cur, "unavailable: [2027-03-08..2027-03-12]", f"unavailable: [{day}]")
    assert errors(away, plan) == [("unavailable", "plenum-study")]


def test_capacity(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    small = _edited(cur, "党员活动室: 16", "党员活动室: 10")
    assert ("capacity", "plenum-study") in errors(small, plan)   # 11 party members


def test_attendees_must_be_the_courses_audience(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    everyone = with_session(plan, "plenum-study", attendees=tuple(m.id for m in cur.members))
    assert ("audience", "plenum-study") in errors(cur, everyone)


def test_weekly_limit(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    # three lectures for the whole party on Tuesday, Wednesday and Thursday of one week
    week = [date(2026, 6, 23), date(2026, 6, 24), date(2026, 6, 25)]
    moved = {"plenum-study": week[0], "integrity-lecture": week[1], "theme-day-2026-06": week[2]}
    sessions = tuple(replace(s, date=moved[s.id]) if s.id in moved else s
                     for s in plan.sessions
                     if s.date not in week or s.id in moved)   # clear the week first
    found = [f for f in check_plan(cur, replace(plan, sessions=sessions))
             if f.rule == "max-per-week"]
    assert found
    assert all("在2026年第26周有3次学习活动" in f.message and "上限是2次" in f.message
               for f in found)


def test_meeting_minima(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    without = replace(plan, sessions=tuple(
        s for s in plan.sessions if s.id not in ("branch-assembly-2026q2", "committee-2026-05",
                                                 "group-2-2026-06")))
    found = {(f.session, f.message) for f in check_plan(cur, without) if f.rule == "minimum"}
    assert found == {
        ("branch-assembly", "2026年第二季度没有安排支部党员大会"
                            "（rules.minima.branch-assembly: quarterly）"),
        ("committee", "2026年5月没有安排支部委员会会议（rules.minima.committee: monthly）"),
        ("group 第二党小组",
         "2026年6月没有召开第二党小组的党小组会（rules.minima.group: monthly）"),
    }


def test_minima_can_be_configured() -> None:
    text = every_quarter((Path(__file__).parent.parent / "curricula" /
                          "small-team.en.yaml").read_text())
    cur = studykit.loads(text.replace("rules:\n", "rules:\n  minima: {seminar: monthly}\n", 1))
    plan = plan_quarter(cur, "2026Q4")
    found = [f.message for f in check_plan(cur, plan) if f.rule == "minimum"]
    assert len(found) == 2    # one seminar planned in the quarter: two months without
    assert all("rules.minima.seminar: monthly" in m for m in found)


def test_members_behind_the_hours_floor_are_flagged() -> None:
    text = (Path(__file__).parent.parent / "curricula" / "small-team.en.yaml").read_text()
    cur = studykit.loads(text.replace("rules:\n  hours: {party: 32, committee: 56}",
                                      "rules:\n  hours: {party: 40, committee: 200}"))
    plan = plan_quarter(cur, "2026Q4")
    hours = {m.id: sum(s.hours for s in plan.sessions
                       if m.id in s.attendees and s.kind != "committee") for m in cur.members}
    warned = {f.session for f in check_plan(cur, plan) if f.rule == "hours"}
    expected = {m.id for m in cur.members
                if (m.committee and hours[m.id] < 50)
                or (not m.committee and m.is_party and hours[m.id] < 10)}
    assert warned == expected and expected   # non-party members are never flagged
    assert all(cur.member_by_id[w].is_party for w in warned)


def test_unknown_attendee(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    found = errors(cur, with_session(plan, "committee-2026-04", attendees=("tangshu", "ghost")))
    assert ("member", "committee-2026-04") in found


def test_findings_print_readably(good: tuple[studykit.Curriculum, Plan]) -> None:
    cur, plan = good
    (finding,) = [f for f in check_plan(cur, with_session(plan, "plenum-study",
                                                          date=date(2026, 5, 1)))]
    assert str(finding) == "错误：plenum-study: 2026-05-01 是法定节假日 [working-day]"


def test_sessions_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Session.__setattr__(Session("x", "lecture", "t", date(2026, 1, 1), time(15), time(16),
                                    1, None, None, (), {}), "id", "y")


def test_a_minimum_nothing_could_meet_says_what_to_change() -> None:
    text = (Path(__file__).parent.parent / "curricula" / "small-team.en.yaml").read_text()
    cur = studykit.loads(text.replace("rules:\n", "rules:\n  minima: {practice: quarterly}\n", 1))
    plan = plan_quarter(cur, "2026Q4")
    (finding,) = [f for f in check_plan(cur, plan) if f.rule == "minimum"]
    assert finding.message == ("no practice in 2026Q4 (rules.minima.practice: quarterly); "
                               "add a course of kind practice, or change rules.minima")


def test_a_party_member_in_no_group_is_warned_about(good: tuple[studykit.Curriculum,
                                                                Plan]) -> None:
    cur, plan = good
    loose = _edited(cur, "    party: probationary\n    group: 第一党小组\n",
                    "    party: probationary\n")
    (finding,) = [f for f in check_plan(loose, plan) if f.rule == "group"]
    assert finding.level == "warning" and finding.session == "wangfang"
    assert "王芳是党员，但不在任何党小组" in finding.message


def test_a_party_group_whose_members_have_left_needs_no_meeting() -> None:
    text = (Path(__file__).parent.parent / "curricula" / "employment-centre.yaml").read_text()
    cur = studykit.loads(text.replace("members:\n", "members:\n  - {id: oldone, name: 老党员, "
                                      "role: window, party: full, group: 第三党小组, "
                                      "left: 2026-12-31}\n", 1))
    plan = plan_quarter(cur, "2027Q1")
    assert not any(s.group == "第三党小组" for s in plan.sessions)
    assert [f for f in check_plan(cur, plan) if f.rule == "minimum"] == []


def test_a_minimum_no_course_can_meet_is_a_warning() -> None:
    text = """\
studykit: 1
organization: {name: X}
competencies: {a: A}
roles: {r: {name: R}}
members: [{id: m, name: M, role: r, party: full}]
courses: [{id: p, title: P, kind: party-lecture, hours: 2, quarters: [1]}]
meetings: {}
rules: {minima: {party-lecture: quarterly}}
"""
    cur = studykit.loads(text)
    # the second quarter: the only party lecture is the first quarter's
    (found,) = [f for f in check_plan(cur, plan_quarter(cur, "2026Q2")) if f.rule == "minimum"]
    assert found.level == "warning"
    assert "2026年第二季度没有安排党课" in found.message
    assert "这类课程都安排在其他季度" in found.message
    # the first quarter holds it; a course that could not be placed is still an error
    assert not [f for f in check_plan(cur, plan_quarter(cur, "2026Q1")) if f.rule == "minimum"]
    pinned = studykit.loads(text.replace("quarters: [1]", "date: 2026-05-01"))
    plan = plan_quarter(pinned, "2026Q2")
    assert plan.unplaced
    (found,) = [f for f in check_plan(pinned, plan) if f.rule == "minimum"]
    assert found.level == "error"
