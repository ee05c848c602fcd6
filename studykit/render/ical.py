"""The plan as iCalendar files (RFC 5545) for phones, Outlook and calendar apps.

The branch's file has one VEVENT per session; each member's own file
(``calendars/<member>.ics``) only the sessions they attend or speak at, with the
curriculum's reminders (VALARM). Events are in Beijing time with its VTIMEZONE.

UIDs derive from the session id and the organisation, so re-importing an updated plan
updates the events instead of duplicating them. Nothing depends on the clock: an
event's SEQUENCE counts its revisions against the file written before it in the same
folder (the same content keeps its number, a change adds one), and DTSTAMP and
LAST-MODIFIED are the period's first day plus that many seconds, so a re-run with
nothing changed is byte-identical and a changed event is newer to every client.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from ..domain.errors import InputError
from ..domain.plan import Plan, Session
from ..domain.text import one_line, printable
from ..reading.yamlio import read_file
from ..words import english, join, text

TZID = "Asia/Shanghai"


def _uid(plan: Plan, session: Session) -> str:
    org = hashlib.sha1(plan.curriculum.organization.name.encode()).hexdigest()[:12]
    # a course without a date is planned every quarter under the same id
    return f"{session.id}.{plan.quarter}.{org}@studykit"


def _text(value: str) -> str:
    """Text RFC 5545 can carry: control characters spelt out, line breaks (whichever a
    user's editor wrote: \\r, NEL, the Unicode line separators) kept as line breaks
    (icalendar escapes them and folds the long lines)."""
    for separator in ("\r\n", "\r", "\x85", "\u2028", "\u2029"):   # line breaks, all
        value = value.replace(separator, "\n")
    return printable(value)


def _description(plan: Plan, session: Session, member: str | None = None) -> str:
    cur, loc = plan.curriculum, plan.curriculum.locale
    names = cur.member_by_id
    speaker = names[session.speaker].name if session.speaker in names else session.speaker
    lines = [text(loc, f"kind.{session.kind}")]
    if member is not None and member in session.reasons:
        lines.append(text(loc, "ical.why", reason=session.reasons[member]))
    elif member is not None and member == session.speaker:
        lines.append(text(loc, "ical.you_speak"))
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


CONTENT = "X-STUDYKIT-CONTENT"
"""The property holding a digest of an event's content, to tell a revision from a re-run."""
MOST_BYTES = 32 * 1024 * 1024


def read_previous(path: Path) -> bytes | None:
    """The calendar written at ``path`` before, if there is a readable one (a missing,
    linked or oversized file is no previous calendar: every event starts again at 0)."""
    try:
        return read_file(path, MOST_BYTES, follow=False)
    except (InputError, OSError):
        return None


def _revisions(before: bytes | None) -> dict[str, tuple[int, str]]:
    """UID → (SEQUENCE, content digest) of each event of a calendar written before."""
    if not before:
        return {}
    from icalendar import Calendar

    try:
        events = Calendar.from_ical(before).walk("VEVENT")
        return {str(e["UID"]): (int(e.get("SEQUENCE", 0)), str(e.get(CONTENT, "")))
                for e in events if "UID" in e}
    except (ValueError, KeyError, TypeError, IndexError):
        return {}   # not a calendar of ours any more: start again


def to_ics(plan: Plan, before: bytes | None = None) -> bytes:
    """The plan as the bytes of the branch's .ics file; ``before``: the file written
    before in the same place, whose SEQUENCE numbers the events go on from."""
    return _calendar([plan], str(plan.quarter), plan.quarter.first, before)


def year_ics(plans: Sequence[Plan], before: bytes | None = None) -> bytes:
    """The year's plans (its quarters, in order) as one .ics file: the same events, with
    the same UIDs, as the quarters' own files."""
    year = plans[0].quarter.year
    return _calendar(plans, str(year), date(year, 1, 1), before)


def member_calendars(plans: Sequence[Plan],
                     before: Callable[[str], bytes | None] = lambda _: None,
                     ) -> dict[str, bytes]:
    """``calendars/<member>.ics`` for everyone with a session in ``plans`` (one quarter,
    or a year's four): their sessions only, with the curriculum's reminders.
    ``before(path)`` is the file written at that path before, if any."""
    first = plans[0]
    cur = first.curriculum
    people = [m.id for m in cur.members
              if any(m.id in s.attendees or m.id == s.speaker
                     for p in plans for s in p.sessions)]
    name = str(first.quarter) if len(plans) == 1 else str(first.quarter.year)
    stamped = first.quarter.first if len(plans) == 1 else date(first.quarter.year, 1, 1)
    out = {}
    for who in people:
        path = f"calendars/{who}.ics"
        out[path] = _calendar(plans, name, stamped, before(path), who)
    return out


def _calendar(plans: Sequence[Plan], name: str, stamped: date, before: bytes | None,
              member: str | None = None) -> bytes:
    from zoneinfo import ZoneInfo

    from icalendar import Alarm, Calendar, Event

    tz = ZoneInfo(TZID)
    cur = plans[0].curriculum
    cal = Calendar()
    language = "EN" if english(cur.locale) else "ZH"
    cal.add("prodid", f"-//studykit//studykit//{language}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    title = f"{cur.organization.name} {name}"
    if member is not None:
        title = f"{title} {cur.member_by_id[member].name}"
    cal.add("x-wr-calname", one_line(title))
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_vtimezone())
    stamp = datetime(stamped.year, stamped.month, 1, tzinfo=timezone.utc)
    revisions = _revisions(before)
    for plan, s in ((p, s) for p in plans for s in p.sessions):
        if member is not None and member not in s.attendees and member != s.speaker:
            continue
        event = Event()
        uid = _uid(plan, s)
        event.add("uid", uid)
        start = datetime.combine(s.date, s.start, tzinfo=tz)
        end = datetime.combine(s.date, s.end, tzinfo=tz)
        summary, description = one_line(s.title), _text(_description(plan, s, member))
        place = one_line(s.place) if s.place else None
        kind = text(cur.locale, f"kind.{s.kind}")
        alarms = [] if member is None else list(cur.calendar.reminders)
        content = (start, end, summary, place, description, kind, alarms)
        digest = hashlib.sha256(repr(content).encode()).hexdigest()[:16]
        sequence, previous = revisions.get(uid, (0, digest))
        if previous != digest:
            sequence += 1
        revised = stamp + timedelta(seconds=sequence)
        event.add("dtstamp", revised)
        event.add("last-modified", revised)
        event.add("sequence", sequence)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary)
        if place:
            event.add("location", place)
        event.add("description", description)
        event.add("categories", [kind])
        event.add(CONTENT, digest)
        for ahead in alarms:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", -ahead)
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
