"""The plan as an iCalendar file (RFC 5545) for phones, Outlook and calendar apps.

One VEVENT per session, in Beijing time with its VTIMEZONE. UIDs derive from the
session id and the organisation, so re-importing an updated plan updates the
events instead of duplicating them; DTSTAMP is fixed (the quarter's first day) so
the file is byte-identical when the plan is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime, timezone
from functools import cache
from typing import Any

from ..domain.plan import Plan, Session
from ..domain.text import printable
from ..words import english, join, text

TZID = "Asia/Shanghai"


def _uid(plan: Plan, session: Session) -> str:
    org = hashlib.sha1(plan.curriculum.organization.name.encode()).hexdigest()[:12]
    # a course without a date is planned every quarter under the same id
    return f"{session.id}.{plan.quarter}.{org}@studykit"


def _line(value: str) -> str:
    """A one-line property (SUMMARY, LOCATION, the calendar's name): what a user typed,
    with line breaks as spaces and nothing RFC 5545 forbids in text."""
    return " ".join(_text(value).split("\n"))


def _text(value: str) -> str:
    """Text RFC 5545 can carry: control characters spelt out, line breaks (whichever a
    user's editor wrote: \\r, NEL, the Unicode line separators) kept as line breaks
    (icalendar escapes them and folds the long lines)."""
    for separator in ("\r\n", "\r", "\x85", "\u2028", "\u2029"):   # line breaks, all
        value = value.replace(separator, "\n")
    return printable(value)


def _description(plan: Plan, session: Session) -> str:
    cur, loc = plan.curriculum, plan.curriculum.locale
    names = cur.member_by_id
    speaker = names[session.speaker].name if session.speaker in names else session.speaker
    lines = [text(loc, f"kind.{session.kind}")]
    if speaker:
        lines.append(text(loc, "ical.speaker", name=speaker))
    if session.agenda:
        lines.append(text(loc, "ical.agenda"))
        lines += [f"{i}. {item}" for i, item in enumerate(session.agenda, start=1)]
    lines.append(text(loc, "ical.attending",
                      names=join(loc, [names[m].name for m in session.attendees])))
    return "\n".join(lines)


@cache
def _vtimezone() -> Any:
    """Beijing time's VTIMEZONE, built once per process (it takes longer than the rest)."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    probe = Calendar()
    event = Event()
    event.add("dtstart", datetime(2000, 1, 1, tzinfo=ZoneInfo(TZID)))
    probe.add_component(event)
    probe.add_missing_timezones()
    (timezone,) = probe.walk("VTIMEZONE")
    return timezone


def to_ics(plan: Plan) -> bytes:
    """The plan as the bytes of an .ics file."""
    return _calendar([plan], str(plan.quarter), plan.quarter.first)


def year_ics(plans: Sequence[Plan]) -> bytes:
    """The year's plans (its quarters, in order) as one .ics file: the same events, with
    the same UIDs, as the quarters' own files."""
    year = plans[0].quarter.year
    return _calendar(plans, str(year), date(year, 1, 1))


def _calendar(plans: Sequence[Plan], name: str, stamped: date) -> bytes:
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    tz = ZoneInfo(TZID)
    cal = Calendar()
    language = "EN" if english(plans[0].curriculum.locale) else "ZH"
    cal.add("prodid", f"-//studykit//studykit//{language}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _line(f"{plans[0].curriculum.organization.name} {name}"))
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_vtimezone())
    stamp = datetime(stamped.year, stamped.month, 1, tzinfo=timezone.utc)
    for plan, s in ((p, s) for p in plans for s in p.sessions):
        event = Event()
        event.add("uid", _uid(plan, s))
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.combine(s.date, s.start, tzinfo=tz))
        event.add("dtend", datetime.combine(s.date, s.end, tzinfo=tz))
        event.add("summary", _line(s.title))
        if s.place:
            event.add("location", _line(s.place))
        event.add("description", _text(_description(plan, s)))
        event.add("categories", [text(plan.curriculum.locale, f"kind.{s.kind}")])
        cal.add_component(event)
    return bytes(cal.to_ical())
