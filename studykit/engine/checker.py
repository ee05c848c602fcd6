"""An independent check of a plan against every rule: :func:`check_plan`.

It shares nothing with the planner but the curriculum, the working-day calendar and the
rules of :mod:`studykit.domain.rules`: it takes the sessions as given (from
:func:`~studykit.engine.planner.plan_quarter`, or any :class:`~studykit.domain.plan.Plan`
built another way) and verifies the hard rules, the meeting minima of the quarter, and each
member's planned study hours against the yearly floor, pro rata. ``studykit plan`` runs it
before it writes anything.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ..domain.models import Curriculum
from ..domain.plan import Plan, Session
from ..domain.rules import hour_floor, party_groups, presence
from ..domain.vocabulary import MEETING_KINDS, ORGANISATIONAL, STUDY_KINDS, WEEKDAYS
from ..domain.workdays import WorkCalendar
from ..words import Message, msg, quarter_title, text
from .needs import analyse_needs


@dataclass(frozen=True, order=True)
class Finding:
    """Something the check found: an ``error`` (a rule is broken) or a ``warning``."""

    level: str
    rule: str
    session: str
    message: str
    locale: str = "zh-CN"
    """The language of ``message`` (the curriculum's)."""

    def __str__(self) -> str:
        where = f"{self.session}: " if self.session else ""
        return text(self.locale, f"finding.{self.level}", where=where, message=self.message,
                    rule=self.rule)


def check_plan(curriculum: Curriculum, plan: Plan,
               workdays: WorkCalendar | None = None) -> list[Finding]:
    """Every broken hard rule (errors) and every member behind on hours (warnings)."""
    workdays = workdays or WorkCalendar.for_curriculum(curriculum)
    found: list[tuple[str, str, str, Message]] = []
    found += _days(curriculum, plan, workdays)
    found += _people(curriculum, plan)
    found += _overlaps(plan)
    found += _week_load(curriculum, plan)
    found += _audiences(curriculum, plan)
    found += _minima(curriculum, plan)
    found += _hours(curriculum, plan)
    found += _groups(curriculum)
    loc = curriculum.locale
    out = [Finding(level, rule, session, message.text(loc), loc)
           for level, rule, session, message in found]
    return sorted(out, key=lambda f: (f.level != "error", f.session, f.rule, f.message))


_Found = tuple[str, str, str, Message]


def _err(rule: str, session: str, message: Message) -> _Found:
    return ("error", rule, session, message)


def _warn(rule: str, session: str, message: Message) -> _Found:
    return ("warning", rule, session, message)


def _days(cur: Curriculum, plan: Plan, workdays: WorkCalendar) -> list[_Found]:
    out = []
    allowed = {WEEKDAYS.index(d) for d in cur.calendar.weekdays}
    ids: set[str] = set()
    for s in plan.sessions:
        if s.id in ids:
            out.append(_err("unique-id", s.id, msg("check.unique_id")))
        ids.add(s.id)
        if not plan.quarter.first <= s.date <= plan.quarter.last:
            out.append(_err("quarter", s.id, msg("check.outside_quarter", day=str(s.date),
                                                 quarter=str(plan.quarter))))
        # a holiday never; a day the curriculum gives (a pinned course, a meeting on its
        # fixed day) whenever it is not one; any other only among calendar.weekdays
        if not workdays.can_hold(s.date):
            out.append(_err("working-day", s.id, msg("check.not_workday", day=str(s.date))))
        elif not workdays.can_hold(s.date, allowed) and not _pinned_there(cur, s) \
                and not (workdays.is_workday(s.date) and _on_rule_day(cur, s)):
            out.append(_err("weekday", s.id, msg("check.weekday", day=str(s.date),
                                                 weekday=WEEKDAYS[s.date.weekday()])))
        if s.end <= s.start:
            out.append(_err("time", s.id, msg("check.time", start=f"{s.start:%H:%M}",
                                              end=f"{s.end:%H:%M}")))
    return out


def _pinned_there(cur: Curriculum, s: Session) -> bool:
    course = cur.course_by_id.get(s.course or "")
    return course is not None and course.date == s.date


def _on_rule_day(cur: Curriculum, s: Session) -> bool:
    """Whether a meeting (or a theme-day course, which is the month's theme day) is on the
    day its ``meetings`` rule names."""
    freq = dict(cur.meetings.items()).get(s.kind)
    if freq is None or freq.on is None:
        return False
    return freq.on.in_month(s.date.year, s.date.month) == s.date


def _people(cur: Curriculum, plan: Plan) -> list[_Found]:
    out = []
    members = cur.member_by_id
    venues = cur.organization.venues
    for s in plan.sessions:
        for m in s.attendees:
            member = members.get(m)
            if member is None:
                out.append(_err("member", s.id, msg("check.not_member", id=m)))
            elif not member.in_branch(s.date):
                out.append(_err("member", s.id, msg("check.not_in_branch", name=member.name,
                                                    day=str(s.date))))
            elif member.is_unavailable(s.date):
                out.append(_err("unavailable", s.id, msg("check.unavailable", name=member.name,
                                                         day=str(s.date))))
        speaker = members.get(s.speaker or "")
        if speaker and speaker.is_unavailable(s.date):
            out.append(_err("unavailable", s.id, msg("check.speaker_unavailable",
                                                     name=speaker.name, day=str(s.date))))
        if s.venue is not None:
            if s.venue not in venues:
                out.append(_err("venue", s.id, msg("check.venue", venue=s.venue)))
            elif len(s.attendees) > venues[s.venue]:
                out.append(_err("capacity", s.id, msg("check.capacity", n=len(s.attendees),
                                                      venue=s.venue, seats=venues[s.venue])))
    return out


def _overlaps(plan: Plan) -> list[_Found]:
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
                    out.append(_err("double-booked", a.id, msg(
                        "check.double_booked", who=", ".join(sorted(map(str, both))), other=b.id)))
                if a.venue is not None and a.venue == b.venue:
                    out.append(_err("venue-taken", a.id, msg("check.venue_taken", venue=a.venue,
                                                             other=b.id)))
    return out


def _week_load(cur: Curriculum, plan: Plan) -> list[_Found]:
    load: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for s in plan.sessions:
        if s.kind in ORGANISATIONAL:
            continue
        year, week, _ = s.date.isocalendar()
        for m in s.attendees:
            load[m, year, week].append(s.id)
    limit = cur.calendar.max_per_week
    return [_err("max-per-week", ids[-1], msg("check.week_load", id=m, n=len(ids), week=week,
                                              year=year, ids=", ".join(ids), limit=limit))
            for (m, year, week), ids in sorted(load.items()) if len(ids) > limit]


def _audiences(cur: Curriculum, plan: Plan) -> list[_Found]:
    """Every course's audience is in its sessions, attending or excused; nobody else is. The
    audience is the branch of the quarter's (those in it on some day of the quarter), less
    whoever is not in the branch on the day of any of the course's sessions."""
    branch = cur.during(plan.quarter.first, plan.quarter.last)
    # the levels and the attendance the plan was made from (projected from records)
    needs = analyse_needs(branch.with_levels(plan.levels) if plan.levels else branch)
    members = cur.member_by_id
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
            out.append(_err("course", sessions[0].id, msg("check.course", id=course_id)))
            continue
        days = [s.date for s in sessions]
        course = cur.course_by_id.get(course_id)
        done = plan.attended.get(course_id, ()) if course and course.once_a_year else ()
        expected = {m for m in needs.attendees(course_id) if m not in done
                    and any(members[m].in_branch(day) for day in days)}
        seen = [m for s in sessions for m in (*s.attendees, *s.excused)]
        if len(seen) != len(set(seen)):
            out.append(_err("audience", sessions[0].id, msg("check.two_classes")))
        if set(seen) != expected:
            missing, extra = expected - set(seen), set(seen) - expected
            out.append(_err("audience", sessions[0].id, msg(
                "check.audience", missing=", ".join(sorted(missing)),
                extra=", ".join(sorted(extra)))))
    return out


def _minima(cur: Curriculum, plan: Plan) -> list[_Found]:
    q = plan.quarter
    groups = party_groups(cur.during(q.first, q.last).members)
    out = []
    meetings = {k for k, _ in cur.meetings.items()}
    for kind, every in cur.rules.minima.items():
        held = [s for s in plan.sessions if s.kind == kind]
        # where nothing in the curriculum could ever hold the minimum, the plan is still
        # a plan: a warning that says what to add (fatal only with --strict)
        report = _err
        if kind in MEETING_KINDS and kind not in meetings \
                and not any(c.kind == kind for c in cur.courses):
            advice, report = msg("check.advice_meeting", kind=kind), _warn
        elif kind not in MEETING_KINDS and not any(c.kind == kind for c in cur.courses):
            advice, report = msg("check.advice_course", kind=kind), _warn
        elif kind not in MEETING_KINDS and not held and not any(
                cur.course_by_id[u.course].kind == kind for u in plan.unplaced
                if u.course in cur.course_by_id):
            # every course of the kind is another quarter's
            advice, report = msg("check.advice_elsewhere", kind=kind), _warn
        else:
            advice = msg("check.advice_none")
        periods: list[tuple[str | Message, int | None]]
        if every == "monthly":
            periods = [(msg("period.month", year=q.year, month=m), m) for m in q.months]
        elif every == "quarterly":
            periods = [(msg("period.quarter", quarter=str(q),
                            title=quarter_title(cur.locale, q)), None)]
        else:
            continue  # a yearly minimum is the ledger's to check, over the year
        for label, month in periods:
            within = [s for s in held if month is None or s.date.month == month]
            if kind == "group":
                for group in groups:
                    if not any(s.group == group for s in within):
                        out.append(report("minimum", f"group {group}", msg(
                            "check.minimum_group", group=group, period=label, every=every,
                            advice=advice)))
            elif not within:
                out.append(report("minimum", kind, msg(
                    "check.minimum", kind=msg(f"kind.{kind}"), period=label, key=kind,
                    every=every, advice=advice)))
    return out


def _groups(cur: Curriculum) -> list[_Found]:
    """Party members outside every party group, where the branch has groups."""
    if not any(m.group for m in cur.members) or "group" not in dict(cur.meetings.items()):
        return []
    return [_warn("group", m.id, msg("check.no_group", name=m.name))
            for m in cur.members if m.is_party and not m.group]


def _hours(cur: Curriculum, plan: Plan) -> list[_Found]:
    """Members whose planned hours this quarter fall short of a quarter of the yearly floor."""
    hours: dict[str, float] = defaultdict(float)
    for s in plan.sessions:
        if s.kind in STUDY_KINDS:
            for m in s.attendees:
                hours[m] += s.hours
    out = []
    floors = cur.rules.hours
    q = plan.quarter
    for member in cur.during(q.first, q.last).members:
        floor = hour_floor(floors, member)
        if floor is None:
            continue
        pace = floor * presence(member, q.first, q.last) / 4
        if hours[member.id] < pace:
            key = "rules.hours.committee" if member.committee else "rules.hours.party"
            out.append(_warn("hours", member.id, msg(
                "check.hours", name=member.name, hours=f"{hours[member.id]:g}",
                pace=f"{round(pace, 1):g}", floor=f"{floor:g}", key=key)))
    return out
