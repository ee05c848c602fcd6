"""calendar.ics: RFC 5545 with its VTIMEZONE, stable UIDs, re-imports with icalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

import studykit
from studykit.engine.planner import plan_quarter
from studykit.render.ical import member_calendars, to_ics


def test_one_event_per_session_in_beijing_time(centre_path: Path) -> None:
    plan = plan_quarter(studykit.load(centre_path), "2027Q1")
    raw = to_ics(plan)
    cal = Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    assert len(events) == len(plan.sessions)
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Shanghai"
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)                        # UIDs are unique
    for s in plan.sessions:
        event = next(e for uid, e in by_uid.items() if uid.startswith(f"{s.id}."))
        start = event.decoded("DTSTART")
        assert start == datetime.combine(s.date, s.start, tzinfo=ZoneInfo("Asia/Shanghai"))
        assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
        assert str(event["SUMMARY"]) == s.title
        assert str(event.get("LOCATION", "")) == (s.place or "")
    lecture = next(e for e in events if str(e["UID"]).startswith("window-communication."))
    description = str(lecture["DESCRIPTION"])
    assert "技能培训" in description and "主讲：区人社局培训科" in description
    assert "议程：\n1. 服务礼仪与首问负责\n2. 情绪化来访者的沟通方法" in description
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded lines


def test_uids_and_bytes_are_stable(centre_path: Path) -> None:
    cur = studykit.load(centre_path)
    assert to_ics(plan_quarter(cur, "2027Q1")) == to_ics(plan_quarter(cur, "2027Q1"))


def test_uids_differ_from_quarter_to_quarter(centre_path: Path) -> None:
    cur = studykit.load(centre_path)
    uids = [{str(e["UID"]) for e in Calendar.from_ical(to_ics(plan_quarter(cur, q))).walk(
        "VEVENT")} for q in ("2027Q1", "2027Q2")]
    assert not uids[0] & uids[1]        # plenum-study is planned in both quarters


def test_every_kind_of_line_break_is_a_line_break_in_the_calendar() -> None:
    from studykit.render.ical import _text

    assert _text("一\x85二\u2028三\u2029四\r五\r\n六") == "一\n二\n三\n四\n五\n六"


def test_the_calendar_s_product_id_follows_the_locale() -> None:
    import studykit
    from studykit.render.ical import to_ics

    root = Path(__file__).resolve().parent.parent / "curricula"
    for name, language in (("employment-centre.yaml", "ZH"), ("small-team.en.yaml", "EN")):
        cur = studykit.load(root / name)
        ics = to_ics(studykit.plan_quarter(cur, cur.calendar.quarter or "2027Q1"))
        assert f"PRODID:-//studykit//studykit//{language}\r\n" in ics.decode("utf-8")


def _events(raw: bytes) -> dict[str, Any]:
    return {str(e["UID"]).split(".")[0]: e for e in Calendar.from_ical(raw).walk("VEVENT")}


def test_each_member_has_a_calendar_of_their_own_sessions(centre_path: Path) -> None:
    plan = plan_quarter(studykit.load(centre_path), "2027Q1")
    calendars = member_calendars([plan])
    cur = plan.curriculum
    for member in cur.members:
        mine = {s.id for s in plan.sessions
                if member.id in s.attendees or member.id == s.speaker}
        path = f"calendars/{member.id}.ics"
        if not mine:
            assert path not in calendars
            continue
        events = _events(calendars[path])
        assert set(events) == mine, member.id
        cal = Calendar.from_ical(calendars[path])
        assert member.name in str(cal["X-WR-CALNAME"])
    # a member outside the committee does not get its meetings
    zhu = _events(calendars["calendars/zhuxiaoyu.ics"])
    assert not [i for i in zhu if i.startswith("committee-")]
    # each event says why they are there, and reminds them a day and an hour before
    event = next(iter(zhu.values()))
    assert "参加原因：" in str(event["DESCRIPTION"])
    assert [a.decoded("TRIGGER") for a in event.walk("VALARM")] == [
        -timedelta(days=1), -timedelta(hours=1)]
    # the branch's own file has no reminders
    assert not any(e.walk("VALARM") for e in _events(to_ics(plan)).values())


def test_reminders_follow_the_curriculum(centre_path: Path) -> None:
    text = centre_path.read_text(encoding="utf-8").replace(
        "calendar:\n", "calendar:\n  reminders: [2天, 30m]\n", 1)
    plan = plan_quarter(studykit.loads(text), "2027Q1")
    event = next(iter(_events(member_calendars([plan])["calendars/tangshu.ics"]).values()))
    assert [a.decoded("TRIGGER") for a in event.walk("VALARM")] == [
        -timedelta(days=2), -timedelta(minutes=30)]
    none = plan_quarter(studykit.loads(text.replace("[2天, 30m]", "[]")), "2027Q1")
    event = next(iter(_events(member_calendars([none])["calendars/tangshu.ics"]).values()))
    assert not event.walk("VALARM")
    with pytest.raises(studykit.InputError) as info:
        studykit.loads(text.replace("[2天, 30m]", "[2 weeks]"), "c.yaml")
    assert "calendar.reminders[0]" in str(info.value.problems[0])
    assert "1d（1天）" in str(info.value.problems[0])


def test_a_revised_event_counts_up_and_a_rerun_is_byte_identical(centre_path: Path) -> None:
    cur = studykit.load(centre_path)
    plan = plan_quarter(cur, "2027Q1")
    first = to_ics(plan)
    assert to_ics(plan, first) == first == to_ics(plan)      # nothing changed
    assert {int(e["SEQUENCE"]) for e in _events(first).values()} == {0}
    moved = replace(plan, sessions=tuple(
        replace(s, start=time(9, 0), end=time(11, 0)) if s.id == "plenum-study" else s
        for s in plan.sessions))
    second = to_ics(moved, first)
    events = _events(second)
    assert int(events["plenum-study"]["SEQUENCE"]) == 1
    assert events["plenum-study"].decoded("LAST-MODIFIED") > \
        _events(first)["plenum-study"].decoded("LAST-MODIFIED")
    assert {int(e["SEQUENCE"]) for i, e in events.items() if i != "plenum-study"} == {0}
    assert to_ics(moved, second) == second                    # re-run: the same bytes
    assert int(_events(to_ics(plan, second))["plenum-study"]["SEQUENCE"]) == 2   # moved back
    # a previous file that is not a calendar of ours starts again at 0
    assert to_ics(moved, b"not a calendar") == to_ics(moved)


def test_plan_writes_the_members_calendars_and_numbers_revisions(centre_path: Path,
                                                                 tmp_path: Path) -> None:
    from studykit.app.workflows import plan_branch

    plan_branch(centre_path, "2027Q1", tmp_path)
    before = (tmp_path / "calendars" / "xuming.ics").read_bytes()
    assert (tmp_path / "calendar.ics").exists()
    plan_branch(centre_path, "2027Q1", tmp_path)
    assert (tmp_path / "calendars" / "xuming.ics").read_bytes() == before
    changed = tmp_path / "changed.yaml"
    changed.write_text(centre_path.read_text(encoding="utf-8").replace(
        'start: "15:00"', 'start: "14:30"', 1), encoding="utf-8")
    plan_branch(changed, "2027Q1", tmp_path)
    events = _events((tmp_path / "calendars" / "xuming.ics").read_bytes())
    assert {int(e["SEQUENCE"]) for e in events.values()} == {1}
