"""An independent check of a plan against every rule: :func:`check_plan`.

It shares nothing with the planner but the curriculum and the working-day
calendar: it takes the sessions as given (from :func:`~studykit.planner.plan_quarter`,
or any :class:`~studykit.planner.Plan` built another way) and verifies the hard rules, the meeting
minima of the quarter, and each member's planned study hours against the yearly
floor, pro rata. ``studykit plan`` runs it before it writes anything.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .models import MEETING_KINDS, ORGANISATIONAL, STUDY_KINDS, WEEKDAYS, Curriculum
from .needs import analyse_needs
from .planner import Plan, Session
from .workdays import WorkCalendar


@dataclass(frozen=True, order=True)
class Finding:
    """Something the check found: an ``error`` (a rule is broken) or a ``warning``."""

    level: str
    rule: str
    session: str
    message: str

    def __str__(self) -> str:
        where = f"{self.session}: " if self.session else ""
        return f"{self.level}: {where}{self.message} [{self.rule}]"


def check_plan(curriculum: Curriculum, plan: Plan,
               workdays: WorkCalendar | None = None) -> list[Finding]:
    """Every broken hard rule (errors) and every member behind on hours (warnings)."""
    workdays = workdays or WorkCalendar.for_curriculum(curriculum)
    out: list[Finding] = []
    out += _days(curriculum, plan, workdays)
    out += _people(curriculum, plan)
    out += _overlaps(plan)
    out += _week_load(curriculum, plan)
    out += _audiences(curriculum, plan)
    out += _minima(curriculum, plan)
    out += _hours(curriculum, plan)
    out += _groups(curriculum)
    return sorted(out, key=lambda f: (f.level != "error", f.session, f.rule, f.message))


def _err(rule: str, session: str, message: str) -> Finding:
    return Finding("error", rule, session, message)


def _days(cur: Curriculum, plan: Plan, workdays: WorkCalendar) -> list[Finding]:
    out = []
    allowed = {WEEKDAYS.index(d) for d in cur.calendar.weekdays}
    ids: set[str] = set()
    for s in plan.sessions:
        if s.id in ids:
            out.append(_err("unique-id", s.id, "two sessions have this id"))
        ids.add(s.id)
        if not plan.quarter.first <= s.date <= plan.quarter.last:
            out.append(_err("quarter", s.id, f"{s.date} is outside {plan.quarter}"))
        if not workdays.is_workday(s.date):
            out.append(_err("working-day", s.id, f"{s.date} is not a working day"))
        elif s.date.weekday() not in allowed and not _pinned_there(cur, s):
            out.append(_err("weekday", s.id, f"{s.date} is a {WEEKDAYS[s.date.weekday()]}, "
                                             "not one of calendar.weekdays"))
        if s.end <= s.start:
            out.append(_err("time", s.id, f"ends ({s.end}) before it starts ({s.start})"))
    return out


def _pinned_there(cur: Curriculum, s: Session) -> bool:
    course = cur.course_by_id.get(s.course or "")
    return course is not None and course.date == s.date


def _people(cur: Curriculum, plan: Plan) -> list[Finding]:
    out = []
    members = cur.member_by_id
    venues = cur.organization.venues
    for s in plan.sessions:
        for m in s.attendees:
            member = members.get(m)
            if member is None:
                out.append(_err("member", s.id, f"attendee '{m}' is not a member"))
            elif member.is_unavailable(s.date):
                out.append(_err("unavailable", s.id, f"{member.name} is unavailable on {s.date}"))
        speaker = members.get(s.speaker or "")
        if speaker and speaker.is_unavailable(s.date):
            out.append(_err("unavailable", s.id,
                            f"the speaker {speaker.name} is unavailable on {s.date}"))
        if s.venue is not None:
            if s.venue not in venues:
                out.append(_err("venue", s.id, f"unknown venue '{s.venue}'"))
            elif len(s.attendees) > venues[s.venue]:
                out.append(_err("capacity", s.id, f"{len(s.attendees)} attendees in "
                                                  f"{s.venue}, which seats {venues[s.venue]}"))
    return out


def _overlaps(plan: Plan) -> list[Finding]:
    out = []
    by_day: dict[date, list[Session]] = defaultdict(list)
    for s in plan.sessions:
        by_day[s.date].append(s)
    for day_sessions in by_day.values():
        for i, a in enumerate(day_sessions):
            for b in day_sessions[i + 1:]:
                if not (a.start < b.end and b.start < a.end):
                    continue
                both = (set(a.attendees) | {a.speaker}) & (set(b.attendees) | {b.speaker})
                both.discard(None)
                if both:
                    out.append(_err("double-booked", a.id, f"{', '.join(sorted(map(str, both)))} "
                                                           f"also in {b.id} at the same time"))
                if a.venue is not None and a.venue == b.venue:
                    out.append(_err("venue-taken", a.id, f"{a.venue} is also used by {b.id} "
                                                         "at the same time"))
    return out


def _week_load(cur: Curriculum, plan: Plan) -> list[Finding]:
    load: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for s in plan.sessions:
        if s.kind in ORGANISATIONAL:
            continue
        year, week, _ = s.date.isocalendar()
        for m in s.attendees:
            load[m, year, week].append(s.id)
    limit = cur.calendar.max_per_week
    return [_err("max-per-week", ids[-1], f"{m} has {len(ids)} study sessions in week "
                                          f"{week} of {year} ({', '.join(ids)}); the limit is "
                                          f"{limit}")
            for (m, year, week), ids in sorted(load.items()) if len(ids) > limit]


def _audiences(cur: Curriculum, plan: Plan) -> list[Finding]:
    """Every course's audience is in its sessions, attending or excused; nobody else is."""
    needs = analyse_needs(cur)
    out = []
    by_course: dict[str, list[Session]] = defaultdict(list)
    for s in plan.sessions:
        if s.course:
            by_course[s.course].append(s)
    incomplete = {u.course for u in plan.unplaced}  # reported by the planner already
    for course_id, sessions in by_course.items():
        if course_id in incomplete:
            continue
        if course_id not in needs.audiences:
            out.append(_err("course", sessions[0].id, f"unknown course '{course_id}'"))
            continue
        expected = set(needs.attendees(course_id))
        seen = [m for s in sessions for m in (*s.attendees, *s.excused)]
        if len(seen) != len(set(seen)):
            out.append(_err("audience", sessions[0].id, "a member is in two classes"))
        if set(seen) != expected:
            missing, extra = expected - set(seen), set(seen) - expected
            out.append(_err("audience", sessions[0].id,
                            f"audience differs from the needs analysis: missing "
                            f"{sorted(missing)}, not expected {sorted(extra)}"))
    return out


def _minima(cur: Curriculum, plan: Plan) -> list[Finding]:
    q = plan.quarter
    groups = sorted({m.group for m in cur.members if m.group})
    out = []
    meetings = {k for k, _ in cur.meetings.items()}
    for kind, every in cur.rules.minima.items():
        held = [s for s in plan.sessions if s.kind == kind]
        # say what to change when nothing could ever hold the minimum
        if kind in MEETING_KINDS and kind not in meetings:
            advice = f"; add `{kind}` to meetings, or change rules.minima"
        elif kind not in MEETING_KINDS and not any(c.kind == kind for c in cur.courses):
            advice = f"; add a course of kind {kind}, or change rules.minima"
        else:
            advice = ""
        periods: list[tuple[str, int | None]]
        if every == "monthly":
            periods = [(f"{q.year}-{m:02d}", m) for m in q.months]
        elif every == "quarterly":
            periods = [(str(q), None)]
        else:
            continue  # a yearly minimum is the ledger's to check, over the year
        for label, month in periods:
            within = [s for s in held if month is None or s.date.month == month]
            if kind == "group":
                for group in groups:
                    if not any(s.group == group for s in within):
                        out.append(_err("minimum", f"group {group}",
                                        f"no party-group meeting of {group} in {label} "
                                        f"(rules.minima.group: {every}){advice}"))
            elif not within:
                out.append(_err("minimum", kind, f"no {kind} in {label} "
                                                 f"(rules.minima.{kind}: {every}){advice}"))
    return out


def _groups(cur: Curriculum) -> list[Finding]:
    """Party members outside every party group, where the branch has groups."""
    if not any(m.group for m in cur.members) or "group" not in dict(cur.meetings.items()):
        return []
    return [Finding("warning", "group", m.id, f"{m.name} is a party member in no party group "
                                              "(members[].group): no group meeting is "
                                              "planned for them")
            for m in cur.members if m.is_party and not m.group]


def _hours(cur: Curriculum, plan: Plan) -> list[Finding]:
    """Members whose planned hours this quarter fall short of a quarter of the yearly floor."""
    hours: dict[str, float] = defaultdict(float)
    for s in plan.sessions:
        if s.kind in STUDY_KINDS:
            for m in s.attendees:
                hours[m] += s.hours
    out = []
    floors = cur.rules.hours
    for member in cur.members:
        floor = floors.for_member(member)
        if floor is None:
            continue
        pace = floor / 4
        if hours[member.id] < pace:
            key = "rules.hours.committee" if member.committee else "rules.hours.party"
            out.append(Finding(
                "warning", "hours", member.id,
                f"{member.name}: {hours[member.id]:g} study hours planned this quarter, behind "
                f"the pace of {pace:g} for the yearly floor of {floor:g} ({key})"))
    return out
