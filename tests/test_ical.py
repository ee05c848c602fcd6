"""calendar.ics: RFC 5545 with its VTIMEZONE, stable UIDs, re-imports with icalendar."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

import studykit
from studykit.engine.planner import plan_quarter
from studykit.render.ical import to_ics


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
