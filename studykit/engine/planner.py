"""The quarterly planner: every meeting and course of a quarter on a real working day.

:func:`plan_quarter` turns a curriculum into a :class:`Plan`: the meetings the
frequency rules ask for, and every course with an audience (from the needs
analysis), split into classes where a venue is too small. Each session gets a
day, a time, a venue, its attendees and the reason each is there.

Hard rules (never broken): no member, speaker or venue in two sessions at once;
nobody on a day they are unavailable; at most ``calendar.max-per-week`` study
sessions per member and week; nothing on a day that is not a working day.
Soft aims (weighed when choosing among allowed days): spread the sessions over
the quarter, avoid the working day before a long holiday, keep one speaker's
sessions apart, do not crowd one day.

Sessions with a fixed day (a pinned course, a meeting ``on: 1st fri``) are
placed first; then meetings and courses together, the largest audience first (a
monthly meeting before a course of the same size).
A session that no day can take is reported in ``Plan.unplaced`` with the rule
that stopped it and what the user can change. Same input, same plan.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from functools import cached_property

from ..domain.errors import UserError
from ..domain.models import Course, Curriculum, Frequency, Member, Theme
from ..domain.plan import Plan, Session, Unplaced
from ..domain.records import AnyRecord, MakeupRecord, Record
from ..domain.rules import party_groups
from ..domain.time import Quarter, quarter_of
from ..domain.vocabulary import MEETING_HOURS, ORGANISATIONAL, WEEKDAYS
from ..domain.workdays import WorkCalendar
from ..words import Message, day_only, day_span, items, msg, quarter_title, text, title, weekday
from .levels import project_levels
from .needs import Attendee, analyse_needs

# Where in its window (0 = first allowed day, 1 = last) each meeting is aimed:
# the committee early in the month to prepare, the theme day in the first half,
# the party groups after it, the assembly mid-quarter.
_MEETING_AIM = {"committee": 0.1, "theme-day": 0.35, "group": 0.6, "branch-assembly": 0.5,
                "life-meeting": 0.4}
_LONG_HOLIDAY = 3          # days off in a row that make a long holiday
_SPEAKER_GAP = 7           # days a speaker's sessions should be apart
_DAY_ENDS = 18 * 60        # a session without its own start should end by 18:00…
_MORNING = time(9, 0)      # …or, too long for the afternoon, start in the morning


@dataclass
class _Request:
    """A session still to be placed."""

    id: str
    kind: str
    title: str
    hours: float
    starts: tuple[time, ...]
    """The start times to try, in order (its own, or the calendar's slots)."""
    audience: tuple[Attendee, ...]
    window: list[date]
    aim: float
    speaker: str | None = None
    course: str | None = None
    group: str | None = None
    agenda: tuple[str, ...] = ()
    venues: tuple[str | None, ...] = (None,)
    fixed: date | None = None
    source: str = ""
    """Where the user can change it, for messages (``courses[3]``, ``meetings.committee``)."""
    away: tuple[Member, ...] = ()
    """Members of the audience with `unavailable` dates (the only ones ever excused)."""
    audience_on: Callable[[date], tuple[Attendee, ...]] | None = None
    """Who the session is for if held on a day, where people join, leave or change during
    the quarter (None: ``audience`` every day)."""
    location: str | None = None
    theme: str | None = None
    evaluation: bool = False

    def end(self, start: time) -> time:
        """When it ends if it starts at ``start``."""
        minutes = start.hour * 60 + start.minute + round(self.hours * 60)
        return time(min(minutes // 60, 23), minutes % 60 if minutes < 24 * 60 else 59)


@dataclass
class _Period:
    """One time a meeting is held: its id part, title values, month and allowed days."""

    id: str
    values: dict[str, int]
    month: int
    window: list[date]
    fixed: date | None = None
    wanted: date | None = None
    """The day the rule gives, where ``fixed`` had to move from it."""


@dataclass
class _Placed:
    start: time
    end: time
    people: frozenset[str]
    venue: str | None
    id: str


@dataclass
class _Board:
    """What is placed so far, indexed for the checks."""

    curriculum: Curriculum
    by_day: dict[date, list[_Placed]] = field(default_factory=lambda: defaultdict(list))
    week_load: dict[tuple[str, int, int], int] = field(default_factory=lambda: defaultdict(int))
    speaker_days: dict[str, list[date]] = field(default_factory=lambda: defaultdict(list))

    def add(self, req: _Request, day: date, start: time, venue: str | None,
            attendees: list[str]) -> None:
        self.by_day[day].append(_Placed(start, req.end(start), self._people(req, attendees),
                                        venue, req.id))
        if req.kind not in ORGANISATIONAL:
            year, week, _ = day.isocalendar()
            for m in attendees:
                self.week_load[m, year, week] += 1
        if req.speaker:
            self.speaker_days[req.speaker].append(day)

    def _member(self, who: str | None) -> Member | None:
        return self.curriculum.member_by_id.get(who) if who else None

    def _people(self, req: _Request, attendees: list[str]) -> frozenset[str]:
        """Who is taken by the session: attendees and the speaker (an outside speaker
        too, under a name no member id can have)."""
        if not req.speaker:
            return frozenset(attendees)
        speaker = req.speaker if self._member(req.speaker) else f"speaker:{req.speaker}"
        return frozenset([*attendees, speaker])

    def blocked(self, req: _Request, day: date, start: time, venue: str | None,
                attendees: list[str]) -> str | None:
        """The first hard rule placing ``req`` on ``day`` at ``start`` in ``venue`` would
        break, or None."""
        speaker = self._member(req.speaker)
        if speaker and speaker.is_unavailable(day):
            return "speaker-unavailable"
        people = self._people(req, attendees)
        end = req.end(start)
        for other in self.by_day.get(day, ()):
            if other.start < end and start < other.end:
                if not people.isdisjoint(other.people):
                    return "busy"
                if venue is not None and venue == other.venue:
                    return "venue"
        if req.kind not in ORGANISATIONAL:
            year, week, _ = day.isocalendar()
            limit = self.curriculum.calendar.max_per_week
            if any(self.week_load.get((m, year, week), 0) >= limit for m in attendees):
                return "week-limit"
        return None


def _session_days(curriculum: Curriculum, workdays: WorkCalendar, first: date,
                  last: date) -> list[date]:
    """The days a flexible session may take: the curriculum's weekdays that are working
    days, or weekend days that are not holidays."""
    allowed = {WEEKDAYS.index(d) for d in curriculum.calendar.weekdays}
    days, day = [], first
    while day <= last:
        if workdays.can_hold(day, allowed):
            days.append(day)
        day += timedelta(days=1)
    return days


def _starts(curriculum: Curriculum, own: time | None, hours: float) -> tuple[time, ...]:
    """The start times to try: a session's own; else the day's (``calendar.slots``, or
    ``calendar.start``) that let it end by the end of the working day; else, for a session
    too long for the afternoon (a four-hour visit), the morning; else those that end by
    midnight."""
    if own is not None:
        return (own,)
    length = round(hours * 60)
    offered = tuple(curriculum.calendar.slots) or (curriculum.calendar.start,)

    def ends_by(t: time, limit: int) -> bool:
        return t.hour * 60 + t.minute + length <= limit

    by_evening = tuple(t for t in offered if ends_by(t, _DAY_ENDS))
    if by_evening:
        return by_evening
    if ends_by(_MORNING, _DAY_ENDS):
        return (_MORNING,)
    return tuple(t for t in offered if ends_by(t, 24 * 60)) or (curriculum.calendar.start,)


def _venues_for(curriculum: Curriculum, size: int,
                wanted: str | None) -> tuple[list[str | None], int]:
    """Venues to try (smallest that fits first) and the seats per class; splits if none fits.

    Returns ``([None], size)`` when the curriculum names no venues.
    """
    venues = curriculum.organization.venues
    if wanted is not None:
        return [wanted], venues[wanted]
    if not venues:
        return [None], max(size, 1)
    by_size = sorted(venues.items(), key=lambda kv: (kv[1], kv[0]))
    fitting = [name for name, seats in by_size if seats >= size]
    if fitting:
        return list(fitting), size
    largest = by_size[-1]
    return [largest[0]], largest[1]


class _Planner:
    def __init__(self, curriculum: Curriculum, quarter: Quarter, workdays: WorkCalendar,
                 attended: Mapping[str, Collection[str]],
                 levels: Mapping[str, Mapping[str, int]] | None = None) -> None:
        self.cur = curriculum
        self.quarter = quarter
        self.workdays = workdays
        self.loc = curriculum.locale
        self.days = _session_days(curriculum, workdays, quarter.first, quarter.last)
        self.notes: list[str] = workdays.notes({(quarter.year, quarter.number)}, self.loc)
        self.unplaced: list[Unplaced] = []
        self.sessions: list[Session] = []
        self.board = _Board(curriculum)
        # the branch of the quarter: courses are planned for it, sizes and venues reckoned
        # from it; who is there on the day a session is placed is `curriculum.as_of(day)`
        self.branch = curriculum.during(quarter.first, quarter.last)
        if levels is not None:
            self.branch = self.branch.with_levels(levels)
        self.levels = levels
        self.attended = attended

    # --- what to place -------------------------------------------------------------

    def meeting_requests(self) -> list[_Request]:
        cur, loc = self.cur, self.loc
        groups = party_groups(self.branch.members)
        replaced = set(self.theme_months.values())
        evaluation = self._evaluation
        out = []
        for kind, freq in cur.meetings.items():
            for period in self._periods(freq):
                if kind == "theme-day" and (period.month in replaced or (
                        freq.every != "month" and self.theme_months)):
                    continue  # a theme-day course is this month's theme day
                if kind == "group":
                    for gi, group in enumerate(groups, start=1):
                        out.append(self._meeting(kind, freq, f"group-{gi}-{period.id}",
                                                 title(loc, "title.group", kind, group=group,
                                                       **period.values), period, group))
                    continue
                key = {"month": "title.month", "quarter": "title.quarter",
                       "year": "title.year"}[freq.every]
                carries = evaluation if kind == "branch-assembly" and \
                    freq.every == "quarter" else None
                if carries is not None:
                    evaluation = None   # this quarter's branch assembly holds it
                out.append(self._meeting(kind, freq, f"{kind}-{period.id}",
                                         title(loc, key, kind, **period.values), period, None,
                                         carries))
        yearly = cur.meetings.evaluation
        if evaluation is not None and yearly is not None:
            # no quarterly branch assembly to hold it: a branch assembly of its own
            for period in self._periods(yearly):
                out.append(replace(self._meeting(
                    "branch-assembly", yearly, f"evaluation-{period.id}",
                    text(loc, "title.evaluation", year=self.quarter.year), period, None),
                    agenda=tuple(evaluation.agenda), evaluation=True))
        return out

    @cached_property
    def _evaluation(self) -> Theme | None:
        """民主评议党员, when this is the quarter of the year's evaluation."""
        freq = self.cur.meetings.evaluation
        if freq is None or self.quarter.number != _yearly_quarter(freq):
            return None
        return Theme(title=text(self.loc, "theme.evaluation"),
                     agenda=items(self.loc, "agenda.evaluation"))

    @cached_property
    def held_courses(self) -> list[tuple[int, Course, tuple[Attendee, ...]]]:
        """The courses this quarter holds, with their index and audience: those the year
        gives the quarter, without whoever already attended a once-a-year one."""
        needs = analyse_needs(self.branch)
        scheduled = course_quarters(self.cur, self.quarter.year)
        out = []
        for index, course in enumerate(self.cur.courses):
            if self.quarter.number not in scheduled[course.id]:
                continue  # held in another quarter, or pinned to another year
            done = self.attended.get(course.id, ()) if course.once_a_year else ()
            audience = tuple(a for a in needs.audiences[course.id] if a.member not in done)
            if audience:
                out.append((index, course, audience))
        return out

    @cached_property
    def theme_months(self) -> dict[str, int]:
        """Theme-day course → the month whose theme day it is: a dated one its own month,
        the others the quarter's months still without one, in the curriculum's order."""
        courses = [c for _, c, _ in self.held_courses if c.kind == "theme-day"]
        out = {c.id: c.date.month for c in courses if c.date is not None}
        free = [m for m in self.quarter.months if m not in out.values()]
        for course in (c for c in courses if c.date is None):
            if free:
                out[course.id] = free.pop(0)
        return out

    def _periods(self, freq: Frequency) -> list[_Period]:
        """Each time the meeting is held this quarter, with its allowed days."""
        q = self.quarter
        year = q.year
        if freq.every == "month":
            periods = [_Period(f"{year}-{m:02d}", {"month": m, "year": year}, m,
                               [d for d in self.days if d.month == m]) for m in q.months]
        elif freq.every == "quarter":
            periods = [_Period(f"{year}q{q.number}", {"year": year, "quarter": q.number},
                               q.months[0], list(self.days))]
        elif q.number == _yearly_quarter(freq):
            # yearly: on its fixed day in the quarter's first month (January unless a
            # quarter is given), otherwise some day in its quarter (the fourth by default)
            periods = [_Period(f"{year}", {"year": year}, q.months[0], list(self.days))]
        else:
            periods = []
        if freq.on is not None:
            allowed = {WEEKDAYS.index(d) for d in self.cur.calendar.weekdays}
            for period in periods:
                # the rule's day stands whenever it is a working day: `weekdays` only
                # restricts the sessions the planner chooses a day for
                wanted = freq.on.in_month(year, period.month)
                if self.workdays.is_workday(wanted) or self.workdays.can_hold(wanted, allowed):
                    period.fixed = wanted
                else:
                    period.fixed, period.wanted = self._next_session_day(wanted), wanted
        return periods

    def _next_session_day(self, day: date) -> date:
        """A fixed day that is not a session day moves to the next one (in the quarter)."""
        later = [d for d in self.days if d >= day]
        return later[0] if later else self.quarter.last + timedelta(days=1)

    def _meeting_audience(self, kind: str, branch: Curriculum,
                          group: str | None) -> tuple[Attendee, ...]:
        """Who a meeting is for in ``branch``: the committee, one party group, or the
        party members, each with the reason."""
        loc = self.loc
        if kind == "committee":
            return tuple(Attendee(m.id, text(loc, "reason.committee",
                                             post=text(loc, f"committee.{m.committee}")))
                         for m in branch.members if m.committee)
        if kind == "group":
            return tuple(Attendee(m.id, text(loc, "reason.group", group=group))
                         for m in branch.members if m.group == group)
        return tuple(Attendee(m.id, text(loc, f"party.{m.party}"))
                     for m in branch.members if m.is_party)

    def _meeting(self, kind: str, freq: Frequency, ident: str, name: str,
                 period: _Period, group: str | None, theme: Theme | None = None) -> _Request:
        audience = self._meeting_audience(kind, self.branch, group)
        if theme is None and freq.every == "month":
            theme = freq.themes.get(period.month)
        if theme is not None:
            name = text(self.loc, "title.themed", title=name, theme=theme.title)
        venues: list[str | None]
        if theme is not None and theme.location is not None:
            venues = [None]  # off-site: no seats to count
        else:
            venues, seats = _venues_for(self.cur, len(audience), freq.venue)
            if len(audience) > seats:  # a meeting is never split: no venue will do
                venues = []
        self._moved(name, period)
        source = f"meetings.{kind}"
        on_day = None
        if self.cur.dated:
            def on_day(day: date) -> tuple[Attendee, ...]:
                return self._meeting_audience(kind, self.cur.as_of(day), group)
        hours = freq.hours or MEETING_HOURS[kind]
        return _Request(ident, kind, name, hours, _starts(self.cur, freq.start, hours),
                        audience, period.window, _MEETING_AIM[kind], group=group,
                        agenda=tuple(theme.agenda) if theme else (), venues=tuple(venues),
                        fixed=period.fixed, source=source, audience_on=on_day,
                        location=theme.location if theme else None,
                        theme=theme.title if theme else None,
                        evaluation=theme is not None and theme is self._evaluation)

    def _moved(self, name: str, period: _Period) -> None:
        """Say so where a fixed day was not a day to meet, and the session moved."""
        if period.wanted is None or period.fixed is None:
            return
        why = "moved.holiday" if self.workdays.is_holiday(period.wanted) else "moved.weekend"
        self.notes.append(text(self.loc, "note.moved", title=name, why=msg(why),
                               wanted=self._day(period.wanted), to=self._day(period.fixed)))

    def course_requests(self) -> list[_Request]:
        out = []
        placeable = self.held_courses
        # the undated courses spread over the quarter in the order they are written
        flexible = {c.id: n for n, c in enumerate(c for _, c, _ in placeable if c.date is None)}
        for index, course, audience in placeable:
            aim = (flexible[course.id] + 0.5) / len(flexible) if course.date is None else 0.5
            out.extend(self._classes(index, course, audience, aim))
        return out

    def _classes(self, index: int, course: Course, audience: tuple[Attendee, ...],
                 aim: float) -> list[_Request]:
        venues: list[str | None]
        if course.location is not None:  # off-site: no seats to count, never split
            venues, seats = [None], max(len(audience), 1)
        else:
            venues, seats = _venues_for(self.cur, len(audience), course.venue)
        window, fixed = list(self.days), course.date
        month = self.theme_months.get(course.id)
        if month is not None and fixed is None:
            # the month's theme day: in that month, on the meeting's fixed day if it has one
            window = [d for d in self.days if d.month == month]
            theme_day = self.cur.meetings.theme_day
            periods = self._periods(theme_day) if theme_day is not None else []
            period = next((p for p in periods if p.month == month), None)
            if period is not None:
                fixed = period.fixed
                self._moved(course.title, period)
        count = max(1, math.ceil(len(audience) / seats))
        size, extra = divmod(len(audience), count)
        out, at = [], 0
        for n in range(1, count + 1):
            part = audience[at:at + size + (1 if n <= extra else 0)]
            at += len(part)
            ident = course.id if n == 1 else f"{course.id}-{n}"
            name = course.title if count == 1 else title(
                self.loc, "title.class", course.kind, title=course.title, n=n)
            out.append(_Request(
                ident, course.kind, name, course.hours,
                _starts(self.cur, course.start, course.hours), part, window, aim,
                speaker=course.speaker, course=course.id, agenda=tuple(course.agenda),
                venues=tuple(venues), fixed=fixed, source=f"courses[{index}]",
                audience_on=self._present(part), location=course.location))
        return out

    def _present(self, audience: tuple[Attendee, ...],
                 ) -> Callable[[date], tuple[Attendee, ...]] | None:
        """Of a course's audience, those in the branch on a day (None: all, every day)."""
        if not self.cur.dated:
            return None
        members = self.cur.member_by_id
        return lambda day: tuple(a for a in audience if members[a.member].in_branch(day))

    # --- placing -------------------------------------------------------------------

    def run(self) -> Plan:
        meetings = self.meeting_requests()
        courses = self.course_requests()
        members = self.cur.member_by_id
        for req in (*meetings, *courses):
            req.away = tuple(members[a.member] for a in req.audience
                             if members[a.member].unavailable)
        fixed = [r for r in (*meetings, *courses) if r.fixed is not None]
        # the largest audiences are the hardest to fit: they go first, then the
        # narrowest windows (a monthly meeting before a course of the same size)
        flexible = sorted((r for r in (*meetings, *courses) if r.fixed is None),
                          key=lambda r: (-len(r.audience), len(r.window)))
        for req in fixed:
            self.place_fixed(req)
        for req in flexible:
            self.place_flexible(req)
        self._number_classes(courses)
        sessions = sorted(self.sessions, key=lambda s: (s.date, s.start, s.id))
        return Plan(self.cur, self.quarter, tuple(sessions), tuple(self.unplaced),
                    tuple(self.notes), self.levels, self.attended)

    def _number_classes(self, courses: list[_Request]) -> None:
        """Number the classes of a split course in the order they are held (第1期 first),
        the unplaced after them: ids and titles follow."""
        split = {r.course for r in courses if r.course and r.id != r.course}
        for course_id in split:
            course = self.cur.course_by_id[course_id]
            placed = sorted((s for s in self.sessions if s.course == course_id),
                            key=lambda s: (s.date, s.start, s.id))
            left = [u for u in self.unplaced if u.course == course_id]

            def named(n: int, course: Course = course) -> tuple[str, str]:
                return (course.id if n == 1 else f"{course.id}-{n}",
                        title(self.loc, "title.class", course.kind, title=course.title, n=n))

            numbered = {id(s): replace(s, id=named(n)[0], title=named(n)[1])
                        for n, s in enumerate(placed, start=1)}
            self.sessions = [numbered.get(id(s), s) for s in self.sessions]
            renamed = {id(u): replace(u, id=named(n)[0], title=named(n)[1])
                       for n, u in enumerate(left, start=len(placed) + 1)}
            self.unplaced = [renamed.get(id(u), u) for u in self.unplaced]

    def _audience(self, req: _Request, day: date) -> tuple[Attendee, ...]:
        """Who the session is for if held on ``day``."""
        return req.audience_on(day) if req.audience_on is not None else req.audience

    def _split(self, req: _Request, day: date) -> tuple[list[str], dict[str, str]]:
        """Attendees who can come on ``day``, and the excused with their reason."""
        audience = self._audience(req, day)
        away = req.away if req.audience_on is None else [
            m for a in audience if (m := self.cur.member_by_id[a.member]).unavailable]
        excused = {}
        for member in away:
            span = next((s for s in member.unavailable if day in s), None)
            if span is not None:
                excused[member.id] = text(self.loc, "reason.unavailable",
                                          span=day_span(self.loc, span.first, span.last))
        if not excused:
            return [a.member for a in audience], excused
        return [a.member for a in audience if a.member not in excused], excused

    def _commit(self, req: _Request, day: date, start: time, venue: str | None,
                attending: list[str], excused: dict[str, str]) -> None:
        self.board.add(req, day, start, venue, attending)
        coming = set(attending)
        reasons = {a.member: a.reason for a in self._audience(req, day) if a.member in coming}
        self.sessions.append(Session(
            req.id, req.kind, req.title, day, start, req.end(start), req.hours, venue,
            req.speaker, tuple(attending), reasons, req.course, req.group, req.agenda,
            excused, req.fixed is not None, req.location, req.theme, req.evaluation))

    def _unplaced(self, req: _Request, rule: Message, advice: Message,
                  course: bool = True) -> Unplaced:
        """An unplaced session, its reason and advice in the curriculum's language."""
        return Unplaced(req.id, req.title, rule.text(self.loc), advice.text(self.loc),
                        req.course if course else None, self.loc)

    def _day(self, day: date) -> str:
        return text(self.loc, "day.with_weekday", day=day_only(self.loc, day),
                    weekday=weekday(self.loc, day.weekday()))

    def _too_big(self, req: _Request) -> bool:
        if not req.audience:
            who = {"committee": "nobody.committee", "group": "nobody.group"}.get(
                req.kind, "nobody.audience")
            self.unplaced.append(self._unplaced(
                req, msg("unplaced.nobody", who=msg(who)),
                msg("advice.nobody", source=req.source)))
            return True
        if req.venues:
            return False
        venues = self.cur.organization.venues
        wanted = self.cur.meetings.model_dump().get(req.kind.replace("-", "_"), {}) or {}
        largest = wanted.get("venue") or max(venues, key=lambda v: (venues[v], v))
        which = msg("venue.its" if wanted.get("venue") else "venue.largest")
        self.unplaced.append(self._unplaced(
            req, msg("unplaced.too_big", n=len(req.audience), which=which, venue=largest,
                     seats=venues[largest]),
            msg("advice.too_big", source=req.source), course=False))
        return True

    def place_fixed(self, req: _Request) -> None:
        day = req.fixed
        assert day is not None
        if self._too_big(req):
            return
        if day > self.quarter.last or day < self.quarter.first:
            self.unplaced.append(self._unplaced(
                req, msg("unplaced.past_quarter", quarter=quarter_title(self.loc, self.quarter)),
                msg("advice.earlier_day", source=req.source)))
            return
        if not self.workdays.can_hold(day):
            self.unplaced.append(self._unplaced(
                req, msg("unplaced.pinned_off" if req.course else "unplaced.falls_off",
                         day=self._day(day)),
                msg("advice.pinned_off", source=req.source) if req.course else
                msg("advice.falls_off", source=req.source)))
            return
        attending, excused = self._split(req, day)
        failures = []
        for start in req.starts:
            for venue in req.venues:
                rule = self.board.blocked(req, day, start, venue, attending)
                if rule is None:
                    self._commit(req, day, start, venue, attending, excused)
                    return
                failures.append(rule)
        self.unplaced.append(self._explain(req, {failures[0]: [day]}, fixed=True))

    def place_flexible(self, req: _Request) -> None:
        if self._too_big(req):
            return
        if not req.window:
            self.unplaced.append(self._unplaced(req, msg("unplaced.no_days"),
                                                msg("advice.weekdays")))
            return
        speaker = self.cur.member_by_id.get(req.speaker or "")
        best: tuple[float, date, time, str | None, list[str], dict[str, str]] | None = None
        failed: dict[date, str] = {}
        for idx, day in enumerate(req.window):
            if speaker is not None and speaker.is_unavailable(day):
                failed[day] = "speaker-unavailable"
                continue
            attending, excused = self._split(req, day)
            if not attending:
                failed[day] = "audience-unavailable"
                continue
            found = self._fit(req, day, attending)
            if isinstance(found, str):
                failed[day] = found
                continue
            start, slot, venue = found
            # a day that excuses somebody only when no day excuses nobody; a later slot
            # of the day only to keep the sessions spread
            score = self._score(req, idx, day) + 1000 * len(excused) + 0.5 * slot
            if best is None or score < best[0]:
                best = (score, day, start, venue, attending, excused)
        if best is None:
            failures: dict[str, list[date]] = defaultdict(list)
            for day, rule in failed.items():
                failures[rule].append(day)
            self.unplaced.append(self._explain(req, failures, fixed=False))
            return
        _, day, start, venue, attending, excused = best
        self._commit(req, day, start, venue, attending, excused)

    def _fit(self, req: _Request, day: date,
             attending: list[str]) -> tuple[time, int, str | None] | str:
        """The first start time and venue of ``day`` that break no rule (with the slot's
        number), or the rule the last try broke."""
        rule = "busy"
        for slot, start in enumerate(req.starts):
            for venue in req.venues:
                broken = self.board.blocked(req, day, start, venue, attending)
                if broken is None:
                    return start, slot, venue
                rule = broken
        return rule

    def _score(self, req: _Request, idx: int, day: date) -> float:
        """Lower is better: near the aimed day, not before a long holiday, not crowded."""
        score = abs(idx - req.aim * (len(req.window) - 1))
        if self.workdays.off_run_after(day) >= _LONG_HOLIDAY:
            score += 6
        if req.speaker:
            score += 4 * sum(1 for d in self.board.speaker_days.get(req.speaker, ())
                             if abs((d - day).days) < _SPEAKER_GAP)
        score += 2 * len(self.board.by_day.get(day, ()))
        return score

    def _explain(self, req: _Request, failures: Mapping[str, list[date]],
                 fixed: bool) -> Unplaced:
        """Why no day would do, from the rules that stopped each day, and what to change."""
        speaker = self.cur.member_by_id.get(req.speaker or "")
        values = {"speaker": speaker.name if speaker else req.speaker,
                  "limit": self.cur.calendar.max_per_week, "source": req.source}
        if fixed:
            (rule, days), = failures.items()
            return self._unplaced(req, msg("unplaced.fixed_day", day=self._day(days[0]),
                                           why=msg(f"why.{rule}", **values)),
                                  msg(f"advice.{rule}", **values))
        ranked = sorted(failures.items(), key=lambda kv: -len(kv[1]))
        detail = text(self.loc, "reason.sep").join(
            text(self.loc, "why.on_day" if len(ds) == 1 else "why.on_days",
                 why=msg(f"why.{r}", **values), n=len(ds))
            for r, ds in ranked)
        top = ranked[0][0] if ranked else "busy"
        return self._unplaced(req, msg("unplaced.no_day", first=self._day(req.window[0]),
                                       last=self._day(req.window[-1]), detail=detail),
                              msg(f"advice.{top}", **values))


def _yearly_quarter(freq: Frequency) -> int:
    """The quarter a yearly meeting is held in: its own, else the first for one on a fixed
    day (January) and the fourth for the others."""
    return freq.quarter or (1 if freq.on is not None else 4)


def course_quarters(curriculum: Curriculum, year: int) -> dict[str, tuple[int, ...]]:
    """The quarters of ``year`` each course is held in: its date's, its ``quarters``, or,
    for a course held once a year, the quarter the year's plan gives it.

    Those are given in the curriculum's order: each course goes to a quarter still
    lacking its kind where ``rules.minima`` asks for it every quarter (a party lecture),
    else to the quarter with the fewest hours of courses so far, its speaker's fewest
    sessions breaking ties, then the earliest. Only the courses decide, not who is in the
    branch, so a member joining or a level changing never moves a course to another
    quarter; the same curriculum always gives the same quarters.
    """
    hours: dict[int, float] = defaultdict(float)
    speaking: dict[tuple[str, int], int] = defaultdict(int)
    kinds: dict[tuple[str, int], int] = defaultdict(int)
    quarterly = {k for k, every in curriculum.rules.minima.items()
                 if every in ("monthly", "quarterly")}
    out: dict[str, tuple[int, ...]] = {}

    def book(course: Course, quarters: tuple[int, ...]) -> None:
        out[course.id] = quarters
        for q in quarters:
            hours[q] += course.hours
            kinds[course.kind, q] += 1
            if course.speaker:
                speaking[course.speaker, q] += 1

    free = []
    for course in curriculum.courses:
        if course.date is not None:
            book(course, (quarter_of(course.date).number,) if course.date.year == year else ())
        elif course.quarters:
            book(course, tuple(sorted(set(course.quarters))))
        else:
            free.append(course)
    for course in free:
        def cost(q: int, course: Course = course) -> tuple[bool, float, int, int]:
            wanted = course.kind in quarterly and kinds[course.kind, q] == 0
            return (not wanted, hours[q], speaking[course.speaker or "", q], q)
        book(course, (min((1, 2, 3, 4), key=cost),))
    return out


def attended_before(plans: Mapping[Quarter, Plan], records: Iterable[AnyRecord],
                    quarter: Quarter) -> dict[str, set[str]]:
    """Course id → the members who attended it (present, late or made up) in the year of
    ``quarter`` before it, from the records of the earlier quarters' plans."""
    course_of = {(q, s.id): s.course for q, plan in plans.items() if q.year == quarter.year
                 for s in plan.sessions if s.course}
    by_session = {sid: course for (_, sid), course in sorted(course_of.items())}
    out: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if isinstance(record, Record) and quarter_of(record.date) < quarter \
                and record.date.year == quarter.year:
            course = course_of.get((quarter_of(record.date), record.session))
            if course:
                out[course].update(record.attended)
        for made_up in record.makeup if isinstance(record, (Record, MakeupRecord)) else ():
            if made_up.date.year == quarter.year and quarter_of(made_up.date) < quarter:
                course = by_session.get(made_up.session)
                if course:
                    out[course].add(made_up.member)
    return out


def year_plans(curriculum: Curriculum, years: Iterable[int],
               records: Iterable[AnyRecord] = ()) -> dict[Quarter, Plan]:
    """The plans of every quarter of ``years``, in order: each knows from ``records``
    who already attended its once-a-year courses earlier that year (plans are
    deterministic: the same curriculum and records give the same plans and ids)."""
    records = list(records)
    out: dict[Quarter, Plan] = {}
    for year in sorted(set(years)):
        for number in (1, 2, 3, 4):
            quarter = Quarter(year, number)
            projected = project_levels(curriculum, out, records, quarter.first) \
                if records else None
            out[quarter] = plan_quarter(curriculum, quarter,
                                        attended=attended_before(out, records, quarter),
                                        levels=projected.levels if projected else None)
    return out


def plan_quarter(curriculum: Curriculum, quarter: Quarter | str | None = None,
                 workdays: WorkCalendar | None = None,
                 attended: Mapping[str, Collection[str]] | None = None,
                 levels: Mapping[str, Mapping[str, int]] | None = None) -> Plan:
    """Plan ``quarter`` (``2027Q1``; default ``calendar.quarter``) of ``curriculum``.

    ``workdays`` defaults to the built-in holidays plus the curriculum's own. Courses
    are those the year gives this quarter (:func:`course_quarters`); ``attended`` (course
    id → members) leaves out of a once-a-year course whoever already attended it this
    year; ``levels`` (member id → competency → level: what they can do by the quarter's
    start, :func:`~studykit.engine.levels.project_levels`) decide the gaps instead of the
    curriculum's own. The result lists what could not be placed in ``Plan.unplaced``; it
    never raises for a curriculum that loaded.
    """
    if quarter is None:
        quarter = curriculum.calendar.quarter
        if quarter is None:
            raise UserError(msg("plan.which_quarter", source=curriculum.source), curriculum.locale)
    if isinstance(quarter, str):
        quarter = Quarter.parse(quarter)
    workdays = workdays or WorkCalendar.for_curriculum(curriculum)
    return _Planner(curriculum, quarter, workdays, attended or {}, levels).run()
