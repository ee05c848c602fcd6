"""The quarterly planner: meetings, courses, hard rules, soft aims, failures explained."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import studykit
from studykit.domain.plan import Plan
from studykit.domain.time import Quarter
from studykit.domain.workdays import WorkCalendar
from studykit.engine.checker import check_plan
from studykit.engine.planner import course_quarters, plan_quarter
from studykit.render.planfile import dump_plan

BASE = """\
studykit: 1
organization: {{name: 测试支部, venues: {venues}}}
competencies: {{policy: 政策, talk: 沟通}}
roles:
  window: {{name: 窗口, requires: {{policy: 3, talk: 3}}}}
  back: {{name: 后台, requires: {{policy: 2}}}}
members:
{members}
courses:
{courses}
meetings: {meetings}
calendar: {calendar}
"""

MEMBERS = """\
  - {id: a, name: 甲, role: window, party: full, committee: secretary, group: 一组,
     levels: {policy: 3, talk: 1}}
  - {id: b, name: 乙, role: window, party: full, committee: member, group: 一组,
     levels: {policy: 1, talk: 3}}
  - {id: c, name: 丙, role: back, party: probationary, group: 二组, levels: {policy: 1}}
  - {id: d, name: 丁, role: back, party: activist, levels: {policy: 2}}
  - {id: e, name: 戊, role: window, party: none, levels: {policy: 3, talk: 3}}
"""


def curriculum(members: str = MEMBERS, courses: str = "  []", meetings: str = "{}",
               calendar: str = "{weekdays: [tue, wed, thu, fri]}",
               venues: str = "{大会议室: 40, 小会议室: 4}",
               every_quarter: bool = True) -> studykit.Curriculum:
    # the courses of most tests here are held every quarter, unless one says when
    if every_quarter:
        courses = "\n".join(line.replace("- {", "- {quarters: [1, 2, 3, 4], ", 1)
                             if line.lstrip().startswith("- {") and "date:" not in line
                             and "quarters:" not in line else line
                             for line in courses.splitlines())
    text = BASE.format(members=members, courses=courses, meetings=meetings,
                       calendar=calendar, venues=venues)
    if courses.strip() == "[]":
        text = text.replace("courses:\n  []\n", "")
    return studykit.loads(text, "test.yaml")


def days_off_2026() -> set[date]:
    cal = WorkCalendar()
    first = date(2026, 1, 1)
    return {first + timedelta(days=i) for i in range(365)
            if not cal.is_workday(first + timedelta(days=i))}


def hard_errors(cur: studykit.Curriculum, plan: Plan) -> list[str]:
    return [str(f) for f in check_plan(cur, plan) if f.level == "error" and f.rule != "minimum"]


# --- meetings -----------------------------------------------------------------------

def test_meetings_from_the_default_frequencies(centre_path: Path) -> None:
    cur = studykit.load(centre_path)
    plan = plan_quarter(cur, "2026Q2")
    kinds = Counter(s.kind for s in plan.sessions if s.course is None)
    # monthly committee, theme day and one meeting per party group; a quarterly assembly
    assert kinds == {"committee": 3, "theme-day": 3, "group": 6, "branch-assembly": 1}
    ids = {s.id for s in plan.sessions}
    assert {"committee-2026-04", "committee-2026-05", "committee-2026-06",
            "group-1-2026-04", "group-2-2026-06", "branch-assembly-2026q2"} <= ids


def test_fixed_day_meetings_move_off_holidays(centre_path: Path) -> None:
    plan = plan_quarter(studykit.load(centre_path), "2026Q2")
    theme_days = [s.date for s in plan.sessions if s.kind == "theme-day" and not s.course]
    # 1st Friday: 4/3; 5/1 is 劳动节 (5/1–5 off), so the next allowed day, Wednesday 5/6; 6/5
    assert theme_days == [date(2026, 4, 3), date(2026, 5, 6), date(2026, 6, 5)]


def test_fixed_day_of_the_month_and_last_weekday() -> None:
    cur = curriculum(meetings="{committee: {every: month, on: 15}, "
                              "theme-day: {every: month, on: last thu}}")
    plan = plan_quarter(cur, "2026Q4")
    committees = [s.date for s in plan.sessions if s.kind == "committee"]
    themes = [s.date for s in plan.sessions if s.kind == "theme-day"]
    assert committees == [date(2026, 10, 15), date(2026, 11, 17), date(2026, 12, 15)]  # 11/15 Sun
    assert themes == [date(2026, 10, 29), date(2026, 11, 26), date(2026, 12, 31)]


def test_meeting_attendees() -> None:
    cur = curriculum(meetings="{branch-assembly: quarterly, committee: monthly, "
                              "group: monthly, theme-day: monthly}")
    plan = plan_quarter(cur, "2026Q2")
    by_kind = defaultdict(set)
    for s in plan.sessions:
        by_kind[s.kind, s.group].add(s.attendees)
    assert by_kind["branch-assembly", None] == {("a", "b", "c")}
    assert by_kind["committee", None] == {("a", "b")}
    assert by_kind["theme-day", None] == {("a", "b", "c")}
    assert by_kind["group", "一组"] == {("a", "b")}
    assert by_kind["group", "二组"] == {("c",)}
    assembly = next(s for s in plan.sessions if s.kind == "branch-assembly")
    assert assembly.reasons == {"a": "正式党员", "b": "正式党员", "c": "预备党员"}
    assert assembly.id == "branch-assembly-2026q2"
    assert assembly.title == "2026年第二季度支部党员大会"


# --- courses ------------------------------------------------------------------------

def test_gaps_courses_go_to_exactly_who_lacks_what_they_build() -> None:
    cur = curriculum(courses="  - {id: talk, title: 沟通课, kind: skill, hours: 2, "
                             "builds: {talk: 1}}\n"
                             "  - {id: pol, title: 政策课, kind: skill, hours: 2, "
                             "builds: {policy: 1}}")
    plan = plan_quarter(cur, "2026Q2")
    assert plan.session("talk").attendees == ("a",)            # a window with talk 1 < 3
    assert plan.session("pol").attendees == ("b", "c")          # b 1<3, c 1<2; d has 2
    assert plan.session("pol").reasons["c"] == "岗位「后台」要求政策2级，现为1级"


def test_pinned_dates_are_kept_and_other_quarters_pins_left_out() -> None:
    cur = curriculum(courses="  - {id: x, title: X, kind: lecture, hours: 2, date: 2026-05-13}\n"
                             "  - {id: y, title: Y, kind: lecture, hours: 2, date: 2026-08-13}")
    plan = plan_quarter(cur, "2026Q2")
    assert plan.session("x").date == date(2026, 5, 13)
    assert plan.session("x").fixed
    assert [s.id for s in plan.sessions if s.course] == ["x"]


def test_a_course_larger_than_its_venue_is_split_into_classes() -> None:
    cur = curriculum(courses="  - {id: big, title: 大课, kind: lecture, hours: 2}",
                     venues="{小会议室: 2}")
    plan = plan_quarter(cur, "2026Q2")
    classes = [s for s in plan.sessions if s.course == "big"]
    assert [s.id for s in sorted(classes, key=lambda s: s.id)] == ["big", "big-2", "big-3"]
    assert sorted(m for s in classes for m in s.attendees) == ["a", "b", "c", "d", "e"]
    assert all(len(s.attendees) <= 2 and s.venue == "小会议室" for s in classes)
    assert {s.title for s in classes} == {"大课（第1期）", "大课（第2期）", "大课（第3期）"}
    assert hard_errors(cur, plan) == []


def test_smallest_fitting_venue_is_chosen() -> None:
    cur = curriculum(courses="  - {id: small, title: 小课, kind: skill, hours: 1, "
                             "builds: {talk: 1}}\n"
                             "  - {id: all, title: 全员, kind: seminar, hours: 1}")
    plan = plan_quarter(cur, "2026Q2")
    assert plan.session("small").venue == "小会议室"
    assert plan.session("all").venue == "大会议室"


def test_a_course_nobody_needs_is_not_planned() -> None:
    cur = curriculum(courses="  - {id: none, title: 无人, kind: skill, hours: 1, "
                             "builds: {policy: 1}, audience: gaps}",
                     members="  - {id: a, name: 甲, role: back, levels: {policy: 5}}")
    assert plan_quarter(cur, "2026Q2").sessions == ()


# --- hard rules ---------------------------------------------------------------------

def test_example_plans_hold_every_rule(centre_path: Path, team_path: Path) -> None:
    for path, quarter in ((centre_path, "2027Q1"), (centre_path, "2026Q2"),
                          (team_path, "2026Q4")):
        cur = studykit.load(path)
        plan = plan_quarter(cur, quarter)
        assert plan.complete, plan.unplaced
        assert [f for f in check_plan(cur, plan) if f.level == "error"] == []


def test_nothing_on_a_non_working_day(centre_path: Path) -> None:
    plan = plan_quarter(studykit.load(centre_path), "2026Q2")
    off = days_off_2026()
    allowed = {1, 2, 3, 4}  # tue–fri in the example
    for s in plan.sessions:
        assert s.date not in off, s.id
        assert s.date.weekday() in allowed, s.id


def test_nobody_in_two_places_and_no_venue_twice() -> None:
    courses = "\n".join(f"  - {{id: c{i}, title: 课{i}, kind: lecture, hours: 2, speaker: a}}"
                        for i in range(8))
    cur = curriculum(courses=courses, calendar="{weekdays: [wed], max-per-week: 5}",
                     venues="{唯一会议室: 40}")
    plan = plan_quarter(cur, "2026Q2")
    seen = set()
    for s in plan.sessions:
        for who in {*s.attendees, s.speaker, s.venue}:
            assert (s.date, who) not in seen, (s.id, who)  # one 15:00 slot a day here
            seen.add((s.date, who))


def test_unavailable_members_are_not_scheduled_and_fixed_days_excuse_them() -> None:
    members = MEMBERS.replace("levels: {policy: 1}}",
                              "levels: {policy: 1}, unavailable: [2026-04-01..2026-05-31]}")
    cur = curriculum(members=members, meetings="{theme-day: {every: month, on: 1st fri}}",
                     courses="  - {id: all, title: 全员, kind: seminar, hours: 1}")
    plan = plan_quarter(cur, "2026Q2")
    assert plan.session("all").date >= date(2026, 6, 1)            # c can come only in June
    april = plan.session("theme-day-2026-04")
    assert "c" not in april.attendees
    assert april.excused == {"c": "本人当日不能参加（2026年4月1日至5月31日），需补学"}
    assert "c" in plan.session("theme-day-2026-06").attendees
    assert hard_errors(cur, plan) == []


def test_at_most_max_per_week_study_sessions_per_member() -> None:
    courses = "\n".join(f"  - {{id: c{i}, title: 课{i}, kind: seminar, hours: 1}}"
                        for i in range(12))
    cur = curriculum(courses=courses, calendar="{max-per-week: 1}")
    plan = plan_quarter(cur, "2026Q2")
    assert plan.complete
    weeks = Counter((m, s.date.isocalendar()[:2]) for s in plan.sessions for m in s.attendees
                    if s.kind not in ("branch-assembly", "committee", "group"))
    assert max(weeks.values()) == 1


# --- soft aims ----------------------------------------------------------------------

def test_sessions_are_spread_over_the_quarter(centre_path: Path) -> None:
    plan = plan_quarter(studykit.load(centre_path), "2026Q2")
    courses = [s for s in plan.sessions if s.course]
    per_month = Counter(s.date.month for s in courses)
    assert set(per_month) == {4, 5, 6}
    assert max(per_month.values()) - min(per_month.values()) <= 3
    assert max(Counter(s.date for s in plan.sessions).values()) == 1  # never two on one day


def test_avoids_the_working_day_before_a_long_holiday() -> None:
    # 2026-09-30 (Wednesday) comes before 国庆 10/1–7; 9/24 (Thursday) before 中秋 9/25–27
    courses = "\n".join(f"  - {{id: c{i}, title: 课{i}, kind: lecture, hours: 1}}"
                        for i in range(10))
    cur = curriculum(courses=courses, calendar="{max-per-week: 5}")
    plan = plan_quarter(cur, "2026Q3")
    dates = {s.date for s in plan.sessions}
    assert date(2026, 9, 30) not in dates and date(2026, 9, 24) not in dates


def test_one_speakers_sessions_are_kept_apart() -> None:
    courses = "\n".join(f"  - {{id: c{i}, title: 课{i}, kind: lecture, hours: 1, speaker: 张老师}}"
                        for i in range(4))
    plan = plan_quarter(curriculum(courses=courses), "2026Q2")
    dates = sorted(s.date for s in plan.sessions if s.speaker == "张老师")
    assert min((b - a).days for a, b in pairwise(dates)) >= 7


# --- when it cannot be done ---------------------------------------------------------

def test_pinned_date_on_a_holiday_is_explained() -> None:
    cur = curriculum(courses="  - {id: x, title: 劳动节课, kind: lecture, hours: 1, "
                             "date: 2026-05-01}")
    plan = plan_quarter(cur, "2026Q2")
    assert not plan.complete
    (u,) = plan.unplaced
    assert u.id == "x"
    assert u.rule == "指定的日期2026年5月1日（周五）是法定节假日"
    assert u.advice == "把 `courses[0].date` 改到不是法定节假日的一天"


def test_speaker_unavailable_all_quarter_is_explained() -> None:
    members = MEMBERS.replace("committee: secretary, group: 一组,",
                              "committee: secretary, group: 一组, "
                              "unavailable: [2026-04-01..2026-06-30],")
    cur = curriculum(members=members,
                     courses="  - {id: x, title: 党课, kind: party-lecture, hours: 1, speaker: a}")
    (u,) = plan_quarter(cur, "2026Q2").unplaced
    assert u.id == "x"
    assert "主讲人甲不能到场（49天）" in u.rule
    assert u.advice == "为 `courses[0]` 另选主讲人，或修改主讲人的 `unavailable` 日期"


def test_more_sessions_than_allowed_days_is_explained() -> None:
    courses = "\n".join(f"  - {{id: c{i:02d}, title: 课{i}, kind: seminar, hours: 1}}"
                        for i in range(16))
    cur = curriculum(courses=courses, calendar="{weekdays: [wed], max-per-week: 1}")
    plan = plan_quarter(cur, "2026Q2")
    assert len(plan.sessions) == 13            # 13 Wednesdays in 2026Q2, all working days
    assert len(plan.unplaced) == 3
    for u in plan.unplaced:
        assert u.rule == ("2026年4月1日（周三）至2026年6月24日（周三）之间没有一天可行："
                          "参加人员或主讲人那时已有别的活动（13天）")
        assert u.advice == "在 calendar.weekdays 中允许更多的星期几，或用 `date` 固定日期"
    assert hard_errors(cur, plan) == []


def test_the_weekly_limit_is_named_when_it_is_what_stops_a_session() -> None:
    courses = "\n".join(f"  - {{id: c{i:02d}, title: 课{i}, kind: seminar, hours: 1}}"
                        for i in range(16))
    cur = curriculum(courses=courses, calendar="{weekdays: [tue, wed], max-per-week: 1}")
    plan = plan_quarter(cur, "2026Q2")
    assert len(plan.sessions) == 14            # one a week: 4/1 (Wed) to 6/30 (Tue) is 14 weeks
    assert len(plan.unplaced) == 2
    for u in plan.unplaced:
        assert "部分参加人员那一周已有 calendar.max-per-week（1）次学习活动" in u.rule
    assert hard_errors(cur, plan) == []


def test_a_meeting_larger_than_every_venue_is_explained() -> None:
    cur = curriculum(meetings="{branch-assembly: quarterly}", venues="{小会议室: 2}")
    (u,) = plan_quarter(cur, "2026Q2").unplaced
    assert u.id == "branch-assembly-2026q2"
    assert u.rule == "有3人参加，但最大的场地（小会议室）只有2个座位"
    assert u.advice == ("在 organization.venues 中增加更大的场地，或在 meetings.branch-assembly "
                        "中为会议单独指定 `venue`")


# --- the same input, the same plan --------------------------------------------------

def test_same_input_same_plan(centre_path: Path) -> None:
    cur = studykit.load(centre_path)
    assert dump_plan(plan_quarter(cur, "2027Q1")) == dump_plan(plan_quarter(cur, "2027Q1"))


def test_session_ids_survive_a_small_edit(centre_path: Path) -> None:
    text = centre_path.read_text(encoding="utf-8")
    before = plan_quarter(studykit.loads(text), "2026Q2")
    edited = text.replace("members:\n", "members:\n  - {id: newcomer, name: 新人, role: window, "
                                        "party: none, levels: {policy: 4, communication: 3}}\n", 1)
    after = plan_quarter(studykit.loads(edited), "2026Q2")
    assert {s.id for s in before.sessions} == {s.id for s in after.sessions}


# --- property: any valid curriculum plans cleanly or says why -------------------------

@st.composite
def random_curricula(draw: st.DrawFn) -> str:
    n = draw(st.integers(1, 10))
    members = []
    for i in range(n):
        party = draw(st.sampled_from(["full", "probationary", "activist", "none"]))
        extra = ""
        if party == "full" and draw(st.booleans()):
            extra += ", committee: member"
        if party in ("full", "probationary") and draw(st.booleans()):
            extra += f", group: 组{draw(st.integers(1, 2))}"
        if draw(st.integers(0, 4)) == 0:
            start = draw(st.integers(0, 80))
            first = date(2026, 4, 1) + timedelta(days=start)
            last = first + timedelta(days=draw(st.integers(0, 40)))
            extra += f", unavailable: [{first}..{last}]"
        members.append(f"  - {{id: m{i}, name: 人{i}, role: r{draw(st.integers(0, 1))}, "
                       f"party: {party}, levels: {{x: {draw(st.integers(0, 5))}}}{extra}}}")
    courses = []
    for i in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["lecture", "seminar", "skill", "party-lecture",
                                     "theme-day", "practice"]))
        extra = ""
        if draw(st.integers(0, 3)) == 0:
            extra += f", date: {date(2026, 4, 1) + timedelta(days=draw(st.integers(0, 90)))}"
        if draw(st.booleans()):
            extra += f", speaker: m{draw(st.integers(0, n - 1))}"
        courses.append(f"  - {{id: c{i}, title: 课{i}, kind: {kind}, "
                       f"hours: {draw(st.sampled_from([1, 1.5, 2, 3]))}, builds: {{x: 1}}{extra}}}")
    seats = draw(st.lists(st.integers(1, 12), max_size=2))
    venues = "{" + ", ".join(f"v{i}: {s}" for i, s in enumerate(seats)) + "}"
    weekdays = draw(st.lists(st.sampled_from(["mon", "tue", "wed", "thu", "fri"]),
                             min_size=1, max_size=5, unique=True))
    meetings = draw(st.sampled_from([
        "{}", "{committee: monthly, group: monthly}",
        "{branch-assembly: quarterly, theme-day: {every: month, on: 1st fri}}",
        "{theme-day: {every: month, on: 31}, committee: {every: month, on: last wed}}"]))
    return (f"studykit: 1\norganization: {{name: 支部, venues: {venues}}}\n"
            f"competencies: {{x: X}}\nroles: {{r0: {{name: 甲, requires: {{x: 3}}}}, "
            f"r1: {{name: 乙}}}}\nmembers:\n" + "\n".join(members) + "\n"
            + ("courses:\n" + "\n".join(courses) + "\n" if courses else "")
            + f"meetings: {meetings}\n"
            f"calendar: {{weekdays: [{', '.join(weekdays)}], "
            f"max-per-week: {draw(st.integers(1, 3))}}}\n")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_curricula(), st.sampled_from(["2026Q2", "2026Q4"]))
def test_random_curricula_plan_cleanly_or_say_why(text: str, quarter: str) -> None:
    cur = studykit.loads(text, "random.yaml")
    plan = plan_quarter(cur, quarter)
    assert hard_errors(cur, plan) == []
    for u in plan.unplaced:
        assert u.id and u.rule and u.advice
    placed = {s.id for s in plan.sessions}
    assert placed.isdisjoint(u.id for u in plan.unplaced)


def test_no_quarter_at_all_is_refused(team_path: Path) -> None:
    cur = curriculum()
    with pytest.raises(studykit.UserError, match=r"calendar\.quarter"):
        plan_quarter(cur)
    assert str(plan_quarter(studykit.load(team_path)).quarter) == "2027Q1"


def test_an_outside_speaker_is_never_in_two_places() -> None:
    # 20 classes, one Wednesday slot a week and four rooms: without counting the outside
    # speaker as a person, several classes would share a day and a speaker.
    courses = "\n".join(f"  - {{id: k{i}, title: 课{i}, kind: seminar, hours: 1, "
                        f"speaker: 区委党校, audience: {{members: [{m}]}}}}"
                        for i, m in enumerate("abcde" * 4))
    cur = curriculum(courses=courses, calendar="{weekdays: [wed], max-per-week: 5}",
                     venues="{甲: 10, 乙: 10, 丙: 10, 丁: 10}")
    plan = plan_quarter(cur, "2026Q2")
    days = [s.date for s in plan.sessions if s.speaker == "区委党校"]
    assert len(days) == len(set(days))
    assert hard_errors(cur, plan) == []
    assert len(plan.unplaced) == 20 - 13      # 13 Wednesdays


def test_a_meeting_nobody_can_attend_says_so() -> None:
    members = MEMBERS.replace("committee: secretary, ", "").replace("committee: member, ", "")
    cur = curriculum(members=members, meetings="{committee: monthly}")
    plan = plan_quarter(cur, "2026Q2")
    assert len(plan.unplaced) == 3
    assert plan.unplaced[0].rule == "没有人参加：没有人员设置了支委职务（committee）"


def test_a_fixed_day_past_the_quarter_is_named_as_such() -> None:
    # the last Saturday of September 2026 is 9/26, a weekend day: with only Thursdays
    # allowed, the next allowed day is 10/1, outside 2026Q3
    cur = curriculum(meetings="{theme-day: {every: month, on: last sat}}",
                     calendar="{weekdays: [thu]}")
    september = [u for u in plan_quarter(cur, "2026Q3").unplaced
                 if u.id == "theme-day-2026-09"]
    assert september and september[0].rule == "它的固定日期顺延到了2026年第三季度之后"


# --- the branch changes during the quarter ------------------------------------------------

DATED = MEMBERS + """\
  - {id: f, name: 己, role: window, party: full, group: 二组, joined: 2026-05-15,
     levels: {policy: 1, talk: 1}}
  - {id: g, name: 庚, role: window, party: full, group: 一组, left: 2026-04-30,
     levels: {policy: 1, talk: 1}}
  - {id: h, name: 辛, role: back, party: probationary, group: 二组, levels: {policy: 1},
     changes: [{date: 2026-05-20, party: full, committee: member}]}
"""


def test_the_audience_of_each_session_is_the_branch_on_its_day() -> None:
    cur = curriculum(members=DATED, meetings="{committee: monthly, group: monthly, "
                                             "branch-assembly: quarterly}",
                     courses="  - {id: talk, title: 沟通课, kind: skill, hours: 2, "
                             "builds: {talk: 1}}")
    plan = plan_quarter(cur, "2026Q2")
    assert plan.complete
    for s in plan.sessions:
        assert all(cur.member_by_id[m].in_branch(s.date) for m in s.expected), s.id
    committee = {s.date.month: s.attendees for s in plan.sessions if s.kind == "committee"}
    # 辛 sits on the committee from 20 May
    may = next(s for s in plan.sessions if s.id == "committee-2026-05")
    assert ("h" in may.attendees) == (may.date >= date(2026, 5, 20))
    assert "h" in committee[6] and "h" not in committee[4]
    # 庚 left on 30 April, 己 joined on 15 May
    groups = [s for s in plan.sessions if s.kind == "group"]
    assert all("g" not in s.expected for s in groups if s.date > date(2026, 4, 30))
    assert all("f" not in s.expected for s in groups if s.date < date(2026, 5, 15))
    assert any("f" in s.expected for s in groups)
    assert hard_errors(cur, plan) == []


def test_a_member_who_left_before_the_quarter_is_not_in_it() -> None:
    cur = curriculum(members=DATED, meetings="{branch-assembly: quarterly}")
    plan = plan_quarter(cur, "2026Q3")
    (assembly,) = plan.sessions
    assert "g" not in assembly.expected and "f" in assembly.expected
    assert assembly.reasons["h"] == "正式党员"   # 辛 became a full member in May


# --- courses over the year -------------------------------------------------------------------

YEAR = """\
  - {id: pl1, title: 党课一, kind: party-lecture, hours: 2}
  - {id: pl2, title: 党课二, kind: party-lecture, hours: 2}
  - {id: lec1, title: 讲座一, kind: lecture, hours: 2}
  - {id: lec2, title: 讲座二, kind: lecture, hours: 2}
  - {id: lec3, title: 讲座三, kind: lecture, hours: 2}
  - {id: lec4, title: 讲座四, kind: lecture, hours: 2}
  - {id: pinned, title: 固定, kind: lecture, hours: 1, date: 2026-11-10}
  - {id: series, title: 系列, kind: seminar, hours: 1, quarters: [1, 3]}
"""


def test_the_year_gives_each_course_held_once_a_year_a_quarter() -> None:
    cur = curriculum(courses=YEAR, every_quarter=False)
    # fixed first: `pinned` in Q4 (1 h), the series in Q1 and Q3 (1 h each): 1, 0, 1, 1 h.
    # Then in the curriculum's order: pl1 where the quarterly party lecture is missing,
    # the lightest of those (Q2, 0 h → 2); pl2 likewise among Q1, Q3, Q4 at 1 h: Q1 (→ 3);
    # the lectures to the lightest quarter, the earliest among equals: lec1 Q3 (1 h → 3),
    # lec2 Q4 (1 h → 3), lec3 Q2 (2 h → 4), lec4 Q1 (3 h, before Q3 and Q4 at 3 h)
    quarters = course_quarters(cur, 2026)
    assert quarters == {"pinned": (4,), "series": (1, 3), "pl1": (2,), "pl2": (1,),
                        "lec1": (3,), "lec2": (4,), "lec3": (2,), "lec4": (1,)}
    assert course_quarters(cur, 2027)["pinned"] == ()           # pinned to another year
    # the same curriculum, the same quarters; a newcomer moves nothing
    newcomer = curriculum(members=MEMBERS + "  - {id: z, name: 新, role: back}\n",
                          courses=YEAR, every_quarter=False)
    assert course_quarters(newcomer, 2026) == quarters
    # one quarter's plan is the year's plan of that quarter
    year = studykit.year_plans(cur, [2026])
    for number in (1, 2, 3, 4):
        alone = plan_quarter(cur, f"2026Q{number}")
        together = year[Quarter(2026, number)]
        assert [s.id for s in alone.sessions] == [s.id for s in together.sessions]
        assert {s.course for s in alone.sessions if s.course} == {
            c for c, qs in quarters.items() if number in qs}


def test_nobody_attends_a_once_a_year_course_twice() -> None:
    cur = curriculum(courses="  - {id: once, title: 讲座, kind: lecture, hours: 2, "
                             "audience: all, quarters: [2]}\n"
                             "  - {id: series, title: 系列, kind: lecture, hours: 2, "
                             "audience: all, quarters: [1, 2]}")
    plan = plan_quarter(cur, "2026Q2", attended={"once": {"a", "b"}, "series": {"a", "b"}})
    once = next(s for s in plan.sessions if s.course == "once")
    series = next(s for s in plan.sessions if s.course == "series")
    assert "a" not in once.expected and "b" not in once.expected and "c" in once.expected
    assert {"a", "b"} <= set(series.expected)      # each part of a series is new


# --- property: the branch as of a day ---------------------------------------------------------

@st.composite
def dated_branches(draw: st.DrawFn) -> tuple[str, list[dict[str, object]]]:
    """A small branch whose members join, leave and change during 2026."""
    days = st.dates(date(2026, 1, 1), date(2026, 12, 31))
    members: list[dict[str, object]] = []
    for i in range(draw(st.integers(2, 7))):
        m: dict[str, object] = {"id": f"m{i}", "name": f"人{i}",
                                "role": draw(st.sampled_from(["window", "back"])),
                                "party": draw(st.sampled_from(["full", "probationary", "none"])),
                                # both groups exist from the start: a change names one
                                "group": ["一组", "二组"][i] if i < 2
                                else draw(st.sampled_from(["一组", "二组"])),
                                "levels": {"policy": draw(st.integers(0, 3))}}
        if i == 0:
            m.update(party="full", committee="secretary")
        if i < 2:                       # the two groups exist: their first members are in
            m["party"] = "full" if m["party"] == "none" else m["party"]
        elif m["party"] == "none":      # party groups are for party members only
            del m["group"]
        if draw(st.booleans()):
            m["joined"] = draw(days)
        if draw(st.booleans()):
            joined = m.get("joined")
            m["left"] = draw(st.dates(joined if isinstance(joined, date) else date(2026, 1, 1),
                                      date(2026, 12, 31)))
        changes = []
        for day in sorted(draw(st.lists(days, max_size=3, unique=True))):
            if (m.get("joined") and day < m["joined"]) or (m.get("left") and day > m["left"]):
                continue
            change: dict[str, object] = {"date": day}
            kinds = ["role", "party", "levels"] + (["group"] if "group" in m else [])
            change[draw(st.sampled_from(kinds))] = None
            if "role" in change:
                change["role"] = draw(st.sampled_from(["window", "back"]))
            if "party" in change:
                change["party"] = draw(st.sampled_from(["full", "probationary"]))
            if "group" in change:
                change["group"] = draw(st.sampled_from(["一组", "二组"]))
            if "levels" in change:
                change["levels"] = {"policy": draw(st.integers(0, 5))}
            changes.append(change)
        if i > 0 and changes:
            m["changes"] = changes
        members.append(m)

    def flow(value: object) -> str:
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(flow(v) for v in value) + "]"
        return str(value)
    lines = "\n".join(f"  - {flow(m)}" for m in members)
    return BASE.format(members=lines, courses="  []", meetings="{committee: monthly, group: "
                       "monthly, branch-assembly: quarterly, theme-day: monthly}",
                       calendar="{weekdays: [tue, wed, thu, fri]}", venues="{会议室: 40}"
                       ).replace("courses:\n  []\n", ""), members


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_branches(), st.dates(date(2026, 1, 1), date(2026, 12, 31)))
def test_the_branch_as_of_a_day_is_the_one_written_by_hand(
        branch: tuple[str, list[dict[str, object]]], day: date) -> None:
    text, members = branch
    cur = studykit.loads(text)
    # by hand: who is there on the day, with the changes up to that day applied
    expected = []
    for m in members:
        if (m.get("joined") and day < m["joined"]) or (m.get("left") and day > m["left"]):
            continue
        now = {k: m.get(k) for k in ("role", "party", "committee", "group")}
        levels = dict(m["levels"])   # type: ignore[call-overload]
        for change in m.get("changes", []):   # type: ignore[attr-defined]
            if change["date"] <= day:
                for key in ("role", "party", "group"):
                    if key in change:
                        now[key] = change[key]
                if "levels" in change:
                    levels.update(change["levels"])
        expected.append((m["id"], now["role"], now["party"], now["committee"], now["group"],
                         levels))
    got = [(m.id, m.role, m.party, m.committee, m.group, dict(m.levels))
           for m in cur.as_of(day).members]
    assert got == expected
    # and every session of that day's quarter is for members who were there that day
    plan = plan_quarter(cur, f"2026Q{(day.month - 1) // 3 + 1}")
    for s in plan.sessions:
        assert all(cur.member_by_id[m].in_branch(s.date) for m in s.expected), s.id


# --- rules as branches live them -----------------------------------------------------

def test_a_fixed_day_meeting_keeps_its_working_day_outside_weekdays() -> None:
    # only Tuesdays to Thursdays are for the sessions the planner places; a meeting on
    # the 15th keeps its day whenever that is a working day (2027-01-15 is a Friday)
    meetings = "{theme-day: {every: month, on: 15}}"
    cur = curriculum(meetings=meetings, calendar="{weekdays: [tue, wed, thu]}")
    plan = plan_quarter(cur, "2027Q1")
    assert [s.date for s in plan.sessions if s.kind == "theme-day"] == [
        date(2027, 1, 15), date(2027, 2, 15), date(2027, 3, 15)]
    assert not [n for n in plan.notes if "按规定应在" in n]
    assert not hard_errors(cur, plan)
    # a holiday or a weekend day moves it to the next allowed day, and the plan says so
    plan = plan_quarter(cur, "2026Q1")
    assert plan.session("theme-day-2026-02").date == date(2026, 2, 24)
    assert plan.session("theme-day-2026-03").date == date(2026, 3, 17)
    moved = [n for n in plan.notes if "按规定应在" in n]
    assert moved == [
        "“2月主题党日”按规定应在2026年2月15日（周日）召开，该日是法定节假日，"
        "改在2026年2月24日（周二）召开",
        "“3月主题党日”按规定应在2026年3月15日（周日）召开，该日是周末，"
        "而 calendar.weekdays 中没有这一天，改在2026年3月17日（周二）召开"]
    assert not hard_errors(cur, plan)
    # a Sunday among the weekdays is a day to meet
    cur = curriculum(meetings=meetings, calendar="{weekdays: [tue, wed, thu, sun]}")
    assert plan_quarter(cur, "2026Q1").session("theme-day-2026-03").date == date(2026, 3, 15)


def test_weekend_sessions_when_pinned_or_among_weekdays() -> None:
    saturday = "  - {id: clinic, title: 义诊, kind: practice, hours: 4, date: 2026-05-16}"
    cur = curriculum(courses=saturday)
    plan = plan_quarter(cur, "2026Q2")
    assert plan.session("clinic").date == date(2026, 5, 16)
    assert not hard_errors(cur, plan)
    # a pinned day that is a public holiday is still refused (2026-05-02: Labour Day)
    cur = curriculum(courses=saturday.replace("2026-05-16", "2026-05-02"))
    (u,) = plan_quarter(cur, "2026Q2").unplaced
    assert u.rule == "指定的日期2026年5月2日（周六）是法定节假日"
    # with sat among weekdays a flexible course may take a Saturday, never a holiday one
    cur = curriculum(courses="  - {id: clinic, title: 义诊, kind: practice, hours: 4}",
                     calendar="{weekdays: [sat]}")
    plan = plan_quarter(cur, "2026Q2")
    assert plan.session("clinic").date.weekday() == 5
    assert not WorkCalendar().is_holiday(plan.session("clinic").date)
    assert not hard_errors(cur, plan)
    assert not any(s.date == date(2026, 5, 2) for s in plan.sessions)
    # the checker refuses a flexible Saturday when sat is not among weekdays
    cur = curriculum(courses="  - {id: clinic, title: 义诊, kind: practice, hours: 4}")
    plan = plan_quarter(cur, "2026Q2")
    moved = replace(plan, sessions=tuple(replace(s, date=date(2026, 5, 16))
                                         if s.id == "clinic" else s for s in plan.sessions))
    assert any("weekday" in e for e in hard_errors(cur, moved))


def test_an_off_site_activity_has_a_location_and_no_seats() -> None:
    # 40 people, the largest room seats 4 and the other is taken: off-site, one session
    members = "\n".join(f"  - {{id: m{i}, name: 员{i}, role: back, party: full}}"
                        for i in range(40))
    cur = curriculum(members=members, venues="{小会议室: 4}", courses=(
        "  - {id: clinic, title: 义诊进社区, kind: practice, hours: 4, "
        "location: 城南社区广场, start: '08:30'}"))
    plan = plan_quarter(cur, "2026Q2")
    (clinic,) = [s for s in plan.sessions if s.course == "clinic"]
    assert clinic.venue is None and clinic.location == clinic.place == "城南社区广场"
    assert len(clinic.attendees) == 40 and f"{clinic.start:%H:%M}" == "08:30"
    assert not hard_errors(cur, plan)
    with pytest.raises(studykit.InputError) as info:
        curriculum(courses="  - {id: x, title: X, kind: practice, hours: 1, "
                           "venue: 大会议室, location: 广场}")
    assert "courses[0].location" in str(info.value.problems[0])


def test_each_months_theme_day_has_its_theme() -> None:
    meetings = ("{theme-day: {every: month, on: 1st wed, themes: {"
                "4: 学习贯彻全会精神, 5: {title: 义诊进社区, agenda: [集合出发, 义诊, 总结], "
                "location: 城南社区广场}}}}")
    cur = curriculum(meetings=meetings)
    plan = plan_quarter(cur, "2026Q2")
    april, may, june = (plan.session(f"theme-day-2026-0{m}") for m in (4, 5, 6))
    assert april.title == "4月主题党日：学习贯彻全会精神" and april.theme == "学习贯彻全会精神"
    assert may.title == "5月主题党日：义诊进社区" and may.agenda == ("集合出发", "义诊", "总结")
    assert may.place == "城南社区广场" and may.venue is None
    assert june.title == "6月主题党日" and june.theme is None
    with pytest.raises(studykit.InputError) as info:
        curriculum(meetings="{theme-day: {every: month, themes: {13: 无}}}")
    assert "meetings.theme-day.themes.13" in str(info.value.problems[0])
    with pytest.raises(studykit.InputError) as info:
        curriculum(meetings="{theme-day: {every: quarter, themes: {1: 无}}}")
    assert "meetings.theme-day.themes" in str(info.value.problems[0])


def test_a_theme_day_course_is_that_months_theme_day() -> None:
    oath = ("  - {id: oath, title: 重温入党誓词, kind: theme-day, hours: 2, date: 2026-05-06}\n"
            "  - {id: visit, title: 参观党史馆, kind: theme-day, hours: 2, quarters: [2]}")
    cur = curriculum(courses=oath, meetings="{theme-day: {every: month, on: 1st wed}}")
    plan = plan_quarter(cur, "2026Q2")
    theme_days = [s for s in plan.sessions if s.kind == "theme-day"]
    by_month = {s.date.month: s.id for s in theme_days}
    # May has the dated course, April the undated one (on the meeting's day), June the usual
    assert by_month == {4: "visit", 5: "oath", 6: "theme-day-2026-06"}
    assert len(theme_days) == 3
    assert plan.session("visit").date == date(2026, 4, 1)
    assert not hard_errors(cur, plan)


def test_classes_are_numbered_in_date_order() -> None:
    members = "\n".join(f"  - {{id: m{i:02d}, name: 员{i}, role: back, party: full}}"
                        for i in range(12))
    # 12 people, rooms of 4: three classes; the first class's people are away early on
    away = members.replace("party: full}", "party: full, unavailable: [2026-04-01..2026-05-31]}",
                           4)
    cur = curriculum(members=away, venues="{小会议室: 4}",
                     courses="  - {id: policy, title: 政策课, kind: lecture, hours: 2}")
    plan = plan_quarter(cur, "2026Q2")
    classes = sorted((s for s in plan.sessions if s.course == "policy"),
                     key=lambda s: (s.date, s.start))
    assert [s.id for s in classes] == ["policy", "policy-2", "policy-3"]
    assert [s.title for s in classes] == [f"政策课（第{n}期）" for n in (1, 2, 3)]
    assert not hard_errors(cur, plan)


def test_time_slots_let_a_large_branch_meet() -> None:
    # eight party groups, one room, Tuesdays only: a single start time a day is too few
    members = "\n".join(f"  - {{id: m{i:02d}, name: 员{i}, role: back, party: full, "
                        f"group: 第{i % 8 + 1}组}}" for i in range(32))
    one = curriculum(members=members, venues="{会议室: 10}", meetings="{group: monthly}",
                     calendar="{weekdays: [tue], max-per-week: 5}")
    assert plan_quarter(one, "2026Q2").unplaced
    slots = curriculum(members=members, venues="{会议室: 10}", meetings="{group: monthly}",
                       calendar="{weekdays: [tue], max-per-week: 5, "
                                "slots: ['09:00', '14:30', '16:30']}")
    plan = plan_quarter(slots, "2026Q2")
    assert plan.complete and not hard_errors(slots, plan)
    assert {f"{s.start:%H:%M}" for s in plan.sessions} <= {"09:00", "14:30", "16:30"}
    assert len({f"{s.start:%H:%M}" for s in plan.sessions}) > 1


def test_the_year_ends_with_its_life_meeting_and_the_evaluation_assembly() -> None:
    # without `meetings:` the defaults hold both, in the fourth quarter
    text = BASE.format(members=MEMBERS, courses="  []", meetings="{}", venues="{会议室: 40}",
                       calendar="{}").replace("meetings: {}\n", "").replace("courses:\n  []\n", "")
    sessions = {s.id: s for s in plan_quarter(studykit.loads(text), Quarter(2027, 4)).sessions}
    assert sessions["life-meeting-2027"].kind == "life-meeting"
    assembly = sessions["branch-assembly-2027q4"]
    assert assembly.evaluation and assembly.title == "2027年第四季度支部党员大会：民主评议党员"
    assert assembly.agenda[2] == "民主测评"
    earlier = plan_quarter(studykit.loads(text), Quarter(2027, 3)).sessions
    assert not any(s.evaluation or s.kind == "life-meeting" for s in earlier)


def test_the_evaluation_quarter_is_configurable_and_may_be_a_meeting_of_its_own() -> None:
    cur = curriculum(meetings="{branch-assembly: quarterly, life-meeting: "
                              "{every: year, quarter: 2}, evaluation: {every: year, quarter: 2}}")
    q2 = {s.id: s for s in plan_quarter(cur, Quarter(2027, 2)).sessions}
    assert q2["branch-assembly-2027q2"].evaluation and "life-meeting-2027" in q2
    q4 = plan_quarter(cur, Quarter(2027, 4)).sessions
    assert not any(s.evaluation for s in q4)
    # no quarterly branch assembly to hold it: a branch assembly of its own
    cur = curriculum(meetings="{evaluation: yearly}")
    (own,) = plan_quarter(cur, Quarter(2027, 4)).sessions
    assert (own.id, own.kind, own.title, own.evaluation) == (
        "evaluation-2027", "branch-assembly", "2027年度民主评议党员大会", True)
    assert set(own.attendees) == {"a", "b", "c"}      # the party members


def test_a_quarter_is_only_for_a_yearly_meeting() -> None:
    with pytest.raises(studykit.InputError) as caught:
        curriculum(meetings="{life-meeting: {every: month, quarter: 2}}")
    assert "只有每年召开一次的会议才能写 quarter" in caught.value.said("zh-CN")
