"""The ledger (学习台账): what was held and who learned what, from the session records.

:func:`build_ledger` is a pure function of the curriculum, the plans of the year and
the records. It counts:

- **study hours** per member, by kind, for the year and the quarter (present and late
  count, absent does not until made up), against the yearly floors (``rules.hours``)
  pro rata: *met*, *on track* or *behind*, with the hours still needed and the planned
  sessions that would cover them;
- **organisational life** held against ``rules.minima`` per month and quarter, each
  missing meeting named; **quorum** of every branch assembly and committee meeting, and
  every **vote** taken without quorum or carried by half or fewer of those entitled;
- **make-up study** (补学): every absence, due within ``rules.makeup-days``, closed by a
  ``makeup`` entry, which credits the hours;
- **action items** from the minutes, closed by a later record's ``done``;
- **needs closed**: the levels members reach through the courses they attended, and the
  gaps that remain.

The report covers the year up to an *as-of* day: the end of the quarter asked for, or
else the end of the latest quarter of the year that has a record. Nothing depends on
today's date, so the same records always give the same ledger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from ..domain.errors import Problem, UserError
from ..domain.models import Curriculum
from ..domain.plan import Plan, Session
from ..domain.records import AnyRecord, Makeup, MakeupRecord, Record, counted
from ..domain.rules import (
    QUORUM_KINDS,
    carried,
    entitled_voters,
    has_quorum,
    hour_floor,
    makeup_due,
    party_groups,
    share_of_year,
)
from ..domain.time import Quarter, quarter_of
from ..domain.vocabulary import STUDY_KINDS
from ..words import day_only, msg, text
from .needs import member_gaps

Status = Literal["met", "on track", "behind"]
ItemStatus = Literal["done", "open", "overdue"]


@dataclass(frozen=True)
class Held:
    """A session that was held: its record and its planned session."""

    record: Record
    session: Session
    quarter: Quarter


@dataclass(frozen=True)
class MemberHours:
    """A member's study hours against the floor that applies to them (if any)."""

    member: str
    year: float
    quarter: float
    by_kind: Mapping[str, float]
    floor: float | None
    pace: float | None
    status: Status | None
    needed: float
    upcoming: tuple[tuple[str, date, float, str], ...]
    """Planned sessions after the as-of day that would cover what is still needed:
    (id, date, hours, title)."""


@dataclass(frozen=True)
class MeetingCount:
    """How often a kind of session was held in a period, against the minimum."""

    kind: str
    period: str
    group: str | None
    required: int
    held: tuple[str, ...]

    @property
    def missing(self) -> bool:
        """Whether fewer were held than required."""
        return len(self.held) < self.required


@dataclass(frozen=True)
class QuorumCheck:
    """Whether a branch assembly or committee meeting had its quorum."""

    session: str
    kind: str
    date: date
    entitled: int
    present: int

    @property
    def quorum(self) -> bool:
        """More than half of those entitled were present."""
        return has_quorum(self.present, self.entitled)


@dataclass(frozen=True)
class VoteCheck:
    """A vote and its verdicts; ``flag`` says what is wrong with it, if anything."""

    session: str
    motion: str
    entitled: int
    voters_present: int
    votes_for: int
    quorum: bool
    passed: bool
    flag: Literal["no quorum", "few"] | None
    """``no quorum``: taken without quorum; ``few``: carried by half or fewer of those
    entitled to vote."""


@dataclass(frozen=True)
class MakeupItem:
    """Make-up study a member owes for a session they missed."""

    member: str
    session: str
    title: str
    held: date
    hours: float
    materials: tuple[str, ...]
    due: date
    done: date | None
    how: str | None
    status: ItemStatus
    carried: bool = False
    """Owed since last year (missed in its last weeks, still open on 1 January)."""


@dataclass(frozen=True)
class ActionItem:
    """A task from the minutes: ``ref`` is ``<session id>/<number>``."""

    ref: str
    session: str
    kind: str
    group: str | None
    task: str
    owner: str
    decided: date
    due: date | None
    done_in: str | None
    done_on: date | None
    status: ItemStatus
    carried: bool = False
    """Decided last year and still open on 1 January: carried over."""


@dataclass(frozen=True)
class Growth:
    """A member's level in a competency before and after the year's courses."""

    member: str
    competency: str
    required: int
    before: int
    after: int
    courses: tuple[str, ...]

    @property
    def remaining(self) -> int:
        """Levels still missing after the courses."""
        return max(0, self.required - self.after)


@dataclass(frozen=True)
class Ledger:
    """Everything the year's records show (see the module docstring)."""

    curriculum: Curriculum
    year: int
    quarter: Quarter | None
    as_of: date
    held: tuple[Held, ...]
    hours: tuple[MemberHours, ...]
    meetings: tuple[MeetingCount, ...]
    quorum: tuple[QuorumCheck, ...]
    votes: tuple[VoteCheck, ...]
    makeup: tuple[MakeupItem, ...]
    actions: tuple[ActionItem, ...]
    growth: tuple[Growth, ...]
    attendance: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Held session key (``quarter/session``) → member → present, late, absent, made up."""
    problems: tuple[Problem, ...] = ()
    """Records that disagree with the curriculum or the plans, with their place."""
    plans: Mapping[Quarter, Plan] = field(default_factory=dict)
    """The plans the records were counted against (each quarter's, knowing who attended
    what before it)."""

    @property
    def uncovered(self) -> dict[str, list[str]]:
        """Competency → members with a gap that this year's courses did not close."""
        out: dict[str, list[str]] = {}
        for g in self.growth:
            if g.remaining:
                out.setdefault(g.competency, []).append(g.member)
        return out


def held_key(h: Held) -> str:
    """A held session's unique key: a course id repeats from quarter to quarter."""
    return f"{h.quarter}/{h.session.id}"


def _as_of(year: int, quarter: Quarter | None, records: Sequence[Record]) -> date:
    if quarter is not None:
        return quarter.last
    dates = [r.date for r in records if r.date.year == year]
    return quarter_of(max(dates)).last if dates else Quarter(year, 1).last


def build_ledger(curriculum: Curriculum, plans: Mapping[Quarter, Plan],
                 records: Sequence[AnyRecord], year: int,
                 quarter: Quarter | None = None,
                 problems: Sequence[Problem] = (), whole_year: bool = False) -> Ledger:
    """Count the year's records (up to the end of ``quarter`` when given, to the end of the
    year with ``whole_year``, else to the end of the latest quarter with a record)."""
    if quarter is not None and quarter.year != year:
        raise UserError(msg("ledger.quarter_not_in_year", quarter=str(quarter), year=year),
                        curriculum.locale)
    session_records = [r for r in records if isinstance(r, Record)]
    as_of = date(year, 12, 31) if whole_year and quarter is None \
        else _as_of(year, quarter, session_records)
    first = date(year, 1, 1)
    problems = list(problems)
    # a second record of a session is not counted (check_records reports it)
    counting = {id(r) for r in counted(session_records)[0].values()}
    held, before = [], []
    for r in session_records:
        if id(r) not in counting:
            continue
        q = quarter_of(r.date)
        if not (q in plans and r.session in plans[q].by_id):
            continue
        if r.date.year == year - 1:   # for what it leaves open on 1 January
            before.append(Held(r, plans[q].session(r.session), q))
            continue
        if not first <= r.date <= as_of:
            continue
        held.append(Held(r, plans[q].session(r.session), q))
    held.sort(key=lambda h: (h.record.date, h.session.id))
    before.sort(key=lambda h: (h.record.date, h.session.id))
    makeups = [m for r in records if isinstance(r, (Record, MakeupRecord)) for m in r.makeup]
    # what last year left open is carried over: make-up study still owed, actions not done
    makeup = [item if item.held >= first else replace(item, carried=True)
              for item in _makeup(curriculum, [*before, *held], makeups, as_of)
              if item.held >= first or item.done is None or item.done >= first]
    attendance: dict[str, dict[str, str]] = {}
    for h in held:
        marks = {m: "present" for m in h.record.present}
        marks.update({m: "late" for m in h.record.late})
        marks.update({m: "absent" for m in h.record.absences})
        marks.update({m: "absent" for m in h.session.excused if m not in marks})
        attendance[held_key(h)] = marks
    for item in makeup:
        if item.done is not None and not item.carried:
            key = next(held_key(h) for h in held
                       if h.session.id == item.session and h.record.date == item.held)
            attendance[key][item.member] = "made up"
    hours = _hours(curriculum, plans, [*before, *held], makeup, year,
                   quarter or quarter_of(as_of), as_of)
    actions = tuple(a if a.decided >= first else replace(a, carried=True)
                    for a in _actions([*before, *held], as_of)
                    if a.decided >= first or a.done_on is None or a.done_on >= first)
    return Ledger(
        curriculum, year, quarter, as_of, tuple(held), hours,
        _meetings(curriculum, held, quarter, as_of),
        _quorum(curriculum, held), _votes(curriculum, held), tuple(makeup),
        actions, _growth(curriculum, held, [m for m in makeup if not m.carried]), attendance,
        tuple(problems), plans)


def _credits(held: Sequence[Held], makeup: Sequence[MakeupItem]) -> list[tuple[str, Held, date]]:
    """(member, session, day the hours count) for every attendance and every make-up."""
    out = [(m, h, h.record.date) for h in held for m in h.record.attended]
    by_key = {(h.session.id, h.record.date): h for h in held}
    out += [(item.member, by_key[item.session, item.held], item.done)
            for item in makeup if item.done is not None]
    return out


def _hours(cur: Curriculum, plans: Mapping[Quarter, Plan], held: Sequence[Held],
           makeup: Sequence[MakeupItem], year: int, quarter: Quarter,
           as_of: date) -> tuple[MemberHours, ...]:
    year_hours: dict[str, float] = defaultdict(float)
    quarter_hours: dict[str, float] = defaultdict(float)
    by_kind: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for member, h, day in _credits(held, makeup):
        if h.session.kind not in STUDY_KINDS or day.year != year or day > as_of:
            continue
        year_hours[member] += h.session.hours
        by_kind[member][h.session.kind] += h.session.hours
        if quarter.first <= day <= quarter.last:
            quarter_hours[member] += h.session.hours
    recorded = {(h.quarter, h.session.id) for h in held}
    upcoming_all = sorted(
        ((q, s) for q, plan in plans.items() if q.year == year for s in plan.sessions
         if s.date > as_of and s.kind in STUDY_KINDS and (q, s.id) not in recorded),
        key=lambda qs: (qs[1].date, qs[1].id))
    elapsed = (as_of.month - 1) // 3 + 1 if as_of.year == year else 4
    floors = cur.rules.hours
    out = []
    # everyone in the branch this year up to the as-of day, with the floor that applies to
    # them then, pro rata to the time they are in the branch this year
    for m in cur.during(date(year, 1, 1), as_of).members:
        standing = cur.member_by_id[m.id].as_of(min(as_of, m.left or as_of))
        full = hour_floor(floors, standing)
        got = year_hours[m.id]
        status: Status | None = None
        floor = pace = needed = None
        if full is not None:
            floor = round(full * share_of_year(m, year), 1)
            pace = round(full * share_of_year(m, year, elapsed), 1)
            needed = max(0.0, floor - got)
            status = "met" if got >= floor else "on track" if got >= pace else "behind"
        upcoming: list[tuple[str, date, float, str]] = []
        covered = 0.0
        for _, s in upcoming_all:
            if needed is None or covered >= needed:
                break
            if m.id in s.attendees:
                upcoming.append((s.id, s.date, s.hours, s.title))
                covered += s.hours
        out.append(MemberHours(m.id, got, quarter_hours[m.id], dict(by_kind[m.id]), floor,
                               pace, status, needed or 0.0, tuple(upcoming)))
    return tuple(out)


def _meetings(cur: Curriculum, held: Sequence[Held], quarter: Quarter | None,
              as_of: date) -> tuple[MeetingCount, ...]:
    quarters = [quarter] if quarter else [Quarter(as_of.year, n)
                                          for n in range(1, quarter_of(as_of).number + 1)]
    out = []
    for kind, every in cur.rules.minima.items():
        periods: list[tuple[str, date, date]] = []
        for q in quarters:
            if every == "monthly":
                periods += [(f"{q.year}-{month:02d}", first, last)
                            for month, first, last in q.month_spans()]
            elif every == "quarterly":
                periods.append((str(q), q.first, q.last))
        if every == "yearly" and quarter_of(as_of).number == 4:
            periods.append((str(as_of.year), date(as_of.year, 1, 1), as_of))
        for label, first, last in periods:
            within = [h for h in held if h.session.kind == kind and first <= h.record.date <= last]
            # the party groups of the period's branch (one whose members left is no more)
            groups = party_groups(cur.during(first, last).members) if kind == "group" else [None]
            for group in groups:
                ids = tuple(h.session.id for h in within if group is None
                            or h.session.group == group)
                out.append(MeetingCount(kind, label, group, 1, ids))
    return tuple(out)


def _quorum(cur: Curriculum, held: Sequence[Held]) -> tuple[QuorumCheck, ...]:
    out = []
    for h in held:
        if h.session.kind not in QUORUM_KINDS:
            continue
        # as the minutes count: the branch as it stood on the day
        entitled = entitled_voters(cur.as_of(h.record.date).member_by_id, h.session)
        there = set(h.record.attended)
        out.append(QuorumCheck(h.session.id, h.session.kind, h.record.date, len(entitled),
                               sum(1 for m in entitled if m in there)))
    return tuple(out)


def _votes(cur: Curriculum, held: Sequence[Held]) -> tuple[VoteCheck, ...]:
    out = []
    for h in held:
        entitled = entitled_voters(cur.as_of(h.record.date).member_by_id, h.session)
        there = set(h.record.attended)
        present = sum(1 for m in entitled if m in there)
        quorum = has_quorum(present, len(entitled))
        for vote in h.record.votes:
            flag: Literal["no quorum", "few"] | None = None
            if not quorum:
                flag = "no quorum"
            elif not carried(vote.for_, len(entitled)):
                flag = "few"
            out.append(VoteCheck(h.session.id, vote.motion, len(entitled), present, vote.for_,
                                 quorum, quorum and carried(vote.for_, len(entitled)), flag))
    return tuple(out)


def _makeup(cur: Curriculum, held: Sequence[Held], makeups: Sequence[Makeup],
            as_of: date) -> list[MakeupItem]:
    # what each member missed: (member, session id) → the held sessions, in date order
    missed: dict[tuple[str, str], list[Held]] = defaultdict(list)
    absentees: list[tuple[Held, list[str]]] = []
    for h in held:
        if h.session.kind not in STUDY_KINDS:
            continue
        there = set(h.record.attended)
        members = [*h.record.absences, *(m for m in h.session.excused
                                         if m not in there and m not in h.record.absences)]
        absentees.append((h, members))
        for member in members:
            missed[member, h.session.id].append(h)
    # A make-up names a session id, which a course repeats every quarter: it closes the
    # latest absence from that id on or before its date, and only one.
    closed: dict[tuple[str, int], Makeup] = {}
    for entry in sorted(makeups, key=lambda e: e.date):
        if entry.date > as_of:
            continue
        candidates = [h for h in missed.get((entry.member, entry.session), ())
                      if h.record.date <= entry.date and (entry.member, id(h)) not in closed]
        if candidates:
            closed[entry.member, id(candidates[-1])] = entry
    out = []
    for h, members in absentees:
        course = cur.course_by_id.get(h.session.course or "")
        materials = tuple(h.record.materials) or (tuple(course.materials) if course else ())
        due = makeup_due(h.record.date, cur.rules)
        for member in members:
            made_up = closed.get((member, id(h)))
            status: ItemStatus = "done" if made_up else "overdue" if due < as_of else "open"
            out.append(MakeupItem(member, h.session.id, h.session.title, h.record.date,
                                  h.session.hours, materials, due,
                                  made_up.date if made_up else None,
                                  made_up.how if made_up else None, status))
    return out


def _actions(held: Sequence[Held], as_of: date) -> tuple[ActionItem, ...]:
    closings: dict[str, list[tuple[str, date]]] = defaultdict(list)
    for h in held:
        for ref in h.record.done:
            closings[ref].append((h.session.id, h.record.date))
    out = []
    for h in held:
        for n, action in enumerate(h.record.actions, start=1):
            ref = f"{h.session.id}/{n}"
            # a course's id repeats every quarter: the first closing after the decision
            done = next((c for c in closings.get(ref, ()) if c[1] > h.record.date), None)
            status: ItemStatus = ("done" if done else "overdue"
                                  if action.due and action.due < as_of else "open")
            out.append(ActionItem(ref, h.session.id, h.session.kind, h.session.group,
                                  action.task, action.owner, h.record.date, action.due,
                                  done[0] if done else None, done[1] if done else None, status))
    return tuple(out)


def _growth(cur: Curriculum, held: Sequence[Held],
            makeup: Sequence[MakeupItem]) -> tuple[Growth, ...]:
    taken: dict[str, list[str]] = defaultdict(list)
    for member, h, _ in _credits(held, makeup):
        if h.session.course and h.session.course not in taken[member]:
            taken[member].append(h.session.course)
    out = []
    for m in cur.members:
        for g in member_gaps(cur, m):
            if not g.required:
                continue
            courses = [c for c in taken[m.id] if g.competency in cur.course_by_id[c].builds]
            gained = sum(cur.course_by_id[c].builds[g.competency] for c in courses)
            out.append(Growth(m.id, g.competency, g.required, g.current,
                              min(5, g.current + gained), tuple(courses)))
    return tuple(out)


def followups(actions: Sequence[ActionItem], session: Session, on: date,
              curriculum: Curriculum) -> list[dict[str, str]]:
    """The open action items of earlier sessions of the same kind (and party group) on
    day ``on``: what this meeting follows up (上次会议决议落实情况), as template rows."""
    loc = curriculum.locale
    names = {m.id: m.name for m in curriculum.members}
    rows = []
    for a in actions:
        if a.kind != session.kind or a.group != session.group or a.decided >= on:
            continue
        if a.done_on is not None and a.done_on < on:
            continue  # settled at an earlier meeting
        closed_here = a.done_on == on
        overdue = a.due is not None and a.due < on and not closed_here
        status = "done" if closed_here else "overdue" if overdue else "open"
        rows.append({"task": a.task, "owner": names.get(a.owner, a.owner),
                     "due": day_only(loc, a.due) if a.due else "",
                     "status": text(loc, f"status.{status}"), "ref": a.ref})
    return rows
