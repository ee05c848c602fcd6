"""The year's evaluation of party members (民主评议党员), with business results beside
party work (党建+业务).

:func:`evaluate` is a pure function of the curriculum, the year's ledger and the year's
evaluation, results and visit records. For every party member in the branch during the
year it sets the evidence side by side: study hours against the floor, attendance at
organisational life (absences with their reasons, make-ups done), the actions they owned,
their pioneer post and pledge, their service visits, their business indicators against
the targets, the ballot tally and the grade decided. It computes no score and ranks
nobody: it checks the procedure (《中国共产党党员教育管理工作条例》第十八条):

- every party member in the branch on the day is evaluated (twice is refused on reading);
- 优秀 is at most ``rules.evaluation.excellent-max`` of those evaluated;
- a grade against the ballot's majority is flagged for the meeting;
- 优秀 for a member who missed the hour floor, or was absent without leave, is flagged;
- 基本合格 and 不合格 bring their follow-up (限期改正, 组织处置) as an action;
- the evaluation is held at a branch assembly that had its quorum.

The branch's scorecard (年度党建工作与业务工作考核情况) sets organisational life held
against required, hours met, gaps closed and indicators achieved by post side by side.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from ..domain.models import Curriculum, Member, PioneerPost
from ..domain.records import (
    AnyRecord,
    EvaluationRecord,
    Record,
    ResultsRecord,
    Tally,
    Visit,
    VisitLog,
    counted,
)
from ..domain.rules import entitled_voters, evaluation_in_reach, has_quorum
from ..domain.time import quarter_of
from ..domain.vocabulary import ORGANISATIONAL_LIFE
from ..words import Message, day_message, msg
from .ledger import ActionItem, Held, Ledger, MemberHours, held_key


@dataclass(frozen=True)
class Absence:
    """A session of organisational life a member missed, why, and the make-up done."""

    session: str
    title: str
    held: date
    reason: str | None
    """The reason for leave (请假); None: absent without leave (无故缺席)."""
    made_up: date | None

    @property
    def unexcused(self) -> bool:
        """Absent without leave."""
        return self.reason is None


@dataclass(frozen=True)
class Attendance:
    """A member's attendance at the year's organisational life (三会一课, 主题党日,
    组织生活会): the sessions they were expected at, those they attended, their absences."""

    expected: int
    attended: int
    late: int
    absences: tuple[Absence, ...]

    @property
    def rate(self) -> float | None:
        """Attended / expected (None when nothing was expected of them)."""
        return self.attended / self.expected if self.expected else None

    @property
    def unexcused(self) -> int:
        """Absences without leave."""
        return sum(1 for a in self.absences if a.unexcused)

    @property
    def made_up(self) -> int:
        """Absences made up (补学)."""
        return sum(1 for a in self.absences if a.made_up is not None)


@dataclass(frozen=True)
class IndicatorResult:
    """One business indicator of a member's post: the value reached against the target."""

    indicator: str
    name: str
    unit: str
    target: float
    better: str
    value: float | None
    """None: nothing recorded (no result, and no visit log counts toward it)."""
    visits: int = 0
    """Of the value, the visits logged that count toward it."""

    @property
    def achieved(self) -> bool | None:
        """Whether the target is reached (None when nothing is recorded)."""
        if self.value is None:
            return None
        return self.value >= self.target if self.better == "higher" \
            else self.value <= self.target


@dataclass(frozen=True)
class Evidence:
    """One party member's year, side by side (no score, no rank)."""

    member: str
    name: str
    party: str
    """Their standing on the day of the evaluation (or when they left)."""
    role: str
    group: str | None
    due: bool
    """Whether they are to be evaluated here: in the branch on the day of the evaluation."""
    left: date | None
    hours: MemberHours | None
    attendance: Attendance
    actions: tuple[ActionItem, ...]
    pioneer: tuple[PioneerPost, ...]
    visits: tuple[Visit, ...]
    indicators: tuple[IndicatorResult, ...]
    ballot: Tally | None
    grade: str | None

    @property
    def delivered(self) -> int:
        """Actions they owned that were done."""
        return sum(1 for a in self.actions if a.status == "done")


@dataclass(frozen=True)
class Flag:
    """A point for the meeting (or the higher committee) to look at: which rule, about whom,
    in words."""

    rule: str
    message: Message
    member: str | None = None


@dataclass(frozen=True)
class Followup:
    """What a 基本合格 or 不合格 grade brings (限期改正, 组织处置), as an action item: the
    member owns it, due ``rules.evaluation.correction-days`` after the evaluation."""

    member: str
    grade: str
    task: Message
    due: date
    recorded: bool
    """Whether the evaluation meeting's record already has an action owned by the member."""


@dataclass(frozen=True)
class MeetingLine:
    """A kind of organisational life in the year: the periods it was required in, those in
    which it was held, and how many sessions were held."""

    kind: str
    required: int
    met: int
    held: int


@dataclass(frozen=True)
class PostIndicator:
    """An indicator of a post across the members holding it: how many reached the target."""

    role: str
    role_name: str
    indicator: str
    name: str
    unit: str
    members: int
    recorded: int
    achieved: int


@dataclass(frozen=True)
class Scorecard:
    """The branch's year, party work beside business work (年度党建工作与业务工作考核情况)."""

    meetings: tuple[MeetingLine, ...]
    with_floor: int
    hours_met: int
    gaps: int
    gaps_closed: int
    indicators: tuple[PostIndicator, ...]
    evaluated: int
    excellent: int

    @property
    def indicators_achieved(self) -> tuple[int, int]:
        """(member-indicators achieved, member-indicators recorded) over every post."""
        return (sum(p.achieved for p in self.indicators),
                sum(p.recorded for p in self.indicators))


@dataclass(frozen=True)
class Evaluation:
    """The year's evaluation: the evidence, the checks, the follow-ups and the scorecard."""

    curriculum: Curriculum
    year: int
    day: date
    """The day of the evaluation: its meeting's, else the planned day, else 31 December."""
    record: EvaluationRecord | None
    held: Held | None
    """The branch assembly it was held at, as recorded."""
    evidence: tuple[Evidence, ...]
    flags: tuple[Flag, ...]
    followups: tuple[Followup, ...]
    scorecard: Scorecard
    ledger: Ledger
    present: int = 0
    """Party members present (or late) at the evaluation meeting."""
    entitled: int = 0
    """Party members expected there."""
    excellent_max: int = 0
    """The most members who may be graded 优秀: ``rules.evaluation.excellent-max`` of those
    evaluated, rounded down; before any grade, of those to be (the ballot is printed then)."""
    results: tuple[str, ...] = field(default_factory=tuple)
    """The results and visit records read (their files)."""

    @property
    def evaluated(self) -> tuple[Evidence, ...]:
        """The members graded."""
        return tuple(e for e in self.evidence if e.grade is not None)

    def count(self, grade: str) -> int:
        """How many members were graded ``grade``."""
        return sum(1 for e in self.evidence if e.grade == grade)

    @property
    def excellent_share(self) -> float | None:
        """优秀 / those evaluated (None before anyone is graded)."""
        n = len(self.evaluated)
        return self.count("excellent") / n if n else None

    @property
    def due(self) -> tuple[Evidence, ...]:
        """The members to be evaluated here: in the branch on the day of the evaluation."""
        return tuple(e for e in self.evidence if e.due)

    @property
    def held_ok(self) -> bool:
        """Whether the evaluation was held and recorded at a branch assembly with quorum."""
        return self.record is not None and self.held is not None and not any(
            f.rule in ("no_session", "not_assembly", "no_record", "no_quorum")
            for f in self.flags)


def evaluate(curriculum: Curriculum, ledger: Ledger, records: Sequence[AnyRecord],
             year: int) -> Evaluation:
    """The year's evaluation from the year's ``ledger`` (counted to 31 December) and the
    evaluation, results and visit records among ``records``."""
    cur = curriculum
    evaluations = [r for r in records if isinstance(r, EvaluationRecord) and r.evaluation == year]
    record = _merged(evaluations)
    sessions = _meetings(ledger, records)
    held = _held(sessions, record)
    day = held.record.date if held else _planned_day(ledger, record) or date(year, 12, 31)
    logs = [r for r in records if isinstance(r, VisitLog)]
    visits = [(log, v) for log in logs for v in log.visits if v.date.year == year]
    results = [r for r in records if isinstance(r, ResultsRecord) and r.results == year]
    values = _values(results, visits)
    # a count the visit log keeps: no visit logged is none made (a result not given is
    # not known)
    fed = {name for log in logs for v in log.visits for name in log.counted(v)}
    year_branch = cur.during(date(year, 1, 1), date(year, 12, 31))
    hours = {h.member: h for h in ledger.hours}
    # each member's share of the year, gathered once (a district has thousands)
    attendance = _attendances(ledger)
    owned: dict[str, list[ActionItem]] = defaultdict(list)
    for a in ledger.actions:
        if not a.carried:
            owned[a.owner].append(a)
    visited: dict[str, list[Visit]] = defaultdict(list)
    for _, v in visits:
        visited[v.member].append(v)
    posts: dict[str, list[PioneerPost]] = defaultdict(list)
    for p in cur.pioneer_posts:
        if p.period.first.year <= year <= p.period.last.year:
            posts[p.member].append(p)
    nothing = Attendance(0, 0, 0, ())
    evidence = []
    for m in year_branch.members:
        person = cur.member_by_id[m.id]
        standing = person.as_of(min(day, person.left or day))
        if not standing.is_party:
            continue
        evidence.append(Evidence(
            m.id, m.name, standing.party, standing.role, standing.group,
            person.in_branch(day), person.left if person.left and person.left < day else None,
            hours.get(m.id), attendance.get(m.id, nothing), tuple(owned[m.id]),
            tuple(posts[m.id]), tuple(visited[m.id]),
            _indicators(cur, standing, values.get(m.id, {}), fed),
            record.ballots.get(m.id) if record else None,
            record.grades.get(m.id) if record else None))
    limit = cur.rules.evaluation.excellent_max
    graded = sum(1 for e in evidence if e.grade is not None)
    # of those evaluated; before any grade, of those to be (for the ballot to print)
    most = math.floor(limit * (graded or sum(1 for e in evidence if e.due)))
    present, entitled = _turnout(cur, held)
    followups = _followups(cur, evidence, held, day)
    flags = [*_procedure(cur, record, held, ledger, records),
             *(_member_flags(evidence, present if held else None) if record else []),
             *_share(evidence, graded, most, limit),
             *(Flag("followup", msg(f"evaluation.followup_{f.grade}", name=_name(cur, f.member),
                                    due=day_message(f.due)), f.member)
               for f in followups if not f.recorded)]
    return Evaluation(cur, year, day, record, held, tuple(evidence), tuple(flags),
                      tuple(followups), scorecard(cur, ledger, values, fed, evidence, day),
                      ledger, present, entitled, most,
                      tuple(sorted({r.source for r in [*results, *logs]})))


def _name(cur: Curriculum, member: str) -> str:
    person = cur.member_by_id.get(member)
    return person.name if person else member


def _merged(evaluations: Sequence[EvaluationRecord]) -> EvaluationRecord | None:
    """The year's evaluation records as one (a branch may record it in several files; a
    member graded twice is refused on reading)."""
    if not evaluations:
        return None
    first = sorted(evaluations, key=lambda r: r.source)
    merged = first[0].model_copy(update={
        "session": next((r.session for r in first if r.session), None),
        "ballots": {m: t for r in first for m, t in r.ballots.items()},
        "grades": {m: g for r in first for m, g in r.grades.items()}})
    merged._source = first[0].source
    return merged


def _meetings(ledger: Ledger, records: Sequence[AnyRecord]) -> list[Held]:
    """The branch assemblies held in reach of the evaluation, as recorded (the ledger's
    year, and the next year's first quarter, which the ledger does not count)."""
    plans = ledger.plans
    out = []
    for r in counted(r for r in records if isinstance(r, Record))[0].values():
        q = quarter_of(r.date)
        if evaluation_in_reach(q, ledger.year) and q in plans and r.session in plans[q].by_id:
            out.append(Held(r, plans[q].session(r.session), q))
    return sorted(out, key=lambda h: (h.record.date, h.session.id))


def _held(sessions: Sequence[Held], record: EvaluationRecord | None) -> Held | None:
    """The held session the evaluation names, as recorded; before the evaluation is
    recorded, the branch assembly the plan gives it, if held."""
    if record is not None and record.session is None:
        return None
    return next((h for h in sessions if h.session.id == record.session), None) \
        if record is not None else next((h for h in sessions if h.session.evaluation), None)


def _planned_day(ledger: Ledger, record: EvaluationRecord | None) -> date | None:
    """The planned day of the evaluation's meeting: the one the record names, else the
    branch assembly planned to hold it."""
    sessions = [s for q, plan in sorted(ledger.plans.items()) if evaluation_in_reach(q, ledger.year)
                for s in plan.sessions]
    named = record.session if record else None
    for s in sessions:
        if s.id == named or (named is None and s.evaluation):
            return s.date
    return None


def _turnout(cur: Curriculum, held: Held | None) -> tuple[int, int]:
    """(party members there, party members expected) at the evaluation meeting."""
    if held is None:
        return 0, 0
    branch = cur.as_of(held.record.date).member_by_id
    party = [m for m, person in branch.items() if person.is_party]
    there = set(held.record.attended)
    return sum(1 for m in party if m in there), len(party)


def _attendances(ledger: Ledger) -> dict[str, Attendance]:
    """Member → their attendance at the year's organisational life."""
    made_up = {(m.member, m.session, m.held): m.done for m in ledger.makeup}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    absences: dict[str, list[Absence]] = defaultdict(list)
    for h in ledger.held:
        if h.session.kind not in ORGANISATIONAL_LIFE:
            continue
        reasons = h.record.absences
        for member, mark in ledger.attendance.get(held_key(h), {}).items():
            count = counts[member]
            count[0] += 1
            if mark in ("present", "late"):
                count[1] += 1
                count[2] += mark == "late"
                continue
            # not in the record: the plan excused them (unavailable that day), on leave
            reason = reasons[member] if member in reasons \
                else h.session.excused.get(member, "")
            absences[member].append(Absence(
                h.session.id, h.session.title, h.record.date, reason,
                made_up.get((member, h.session.id, h.record.date))))
    return {m: Attendance(expected, attended, late, tuple(absences[m]))
            for m, (expected, attended, late) in counts.items()}


def _values(results: Sequence[ResultsRecord], visits: Sequence[tuple[VisitLog, Visit]],
            ) -> dict[str, dict[str, tuple[float, int]]]:
    """Member → indicator → (value, of it the visits counted)."""
    out: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    for r in results:
        for m, got in r.values.items():
            for name, value in got.items():
                out[m][name][0] += value
    for log, v in visits:
        for name in log.counted(v):
            out[v.member][name][0] += 1
            out[v.member][name][1] += 1
    return {m: {k: (v[0], int(v[1])) for k, v in got.items()} for m, got in out.items()}


def _indicators(cur: Curriculum, standing: Member,
                values: Mapping[str, tuple[float, int]], fed: set[str],
                ) -> tuple[IndicatorResult, ...]:
    """The indicators of the member's post, with what they reached."""
    role = cur.roles.get(standing.role)
    out = []
    for ident, own in (role.indicators.items() if role else ()):
        ind = cur.indicators.get(ident)
        if ind is None:
            continue
        value, counted = values.get(ident, (None, 0))
        if value is None and ident in fed:
            value = 0.0    # the visit log counts it: no visit logged is none made
        out.append(IndicatorResult(ident, ind.name, ind.unit or "",
                                   ind.target if own is None else own, ind.better,
                                   value, counted))
    return tuple(out)


def _procedure(cur: Curriculum, record: EvaluationRecord | None, held: Held | None,
               ledger: Ledger, records: Sequence[AnyRecord]) -> list[Flag]:
    """Was it held, at a branch assembly, with quorum?"""
    if record is None:
        others = sorted({r.evaluation for r in records if isinstance(r, EvaluationRecord)})
        return [Flag("no_evaluation", msg(
            "evaluation.no_record_other", year=ledger.year,
            others="、".join(map(str, others))) if others else msg(
            "evaluation.no_record", year=ledger.year))]
    if record.session is None:
        return [Flag("no_session", msg("evaluation.no_session"))]
    planned = {s.id: s for q, plan in sorted(ledger.plans.items())
               if evaluation_in_reach(q, ledger.year) for s in plan.sessions}
    session = held.session if held else planned.get(record.session)
    if session is not None and session.kind != "branch-assembly":
        return [Flag("not_assembly", msg("evaluation.not_assembly", title=session.title))]
    if held is None:
        # a record of it may be there and disagree with the plan (a wrong date): say so
        key = "evaluation.meeting_record_problems" if ledger.problems \
            else "evaluation.no_meeting_record"
        return [Flag("no_record", msg(key, title=session.title if session else record.session))]
    # as the minutes count it: the full members of the branch on the day
    voters = entitled_voters(cur.as_of(held.record.date).member_by_id, held.session)
    there = set(held.record.attended)
    came = sum(1 for m in voters if m in there)
    if not has_quorum(came, len(voters)):
        return [Flag("no_quorum", msg("evaluation.no_quorum", title=held.session.title,
                                      present=came, entitled=len(voters)))]
    return []


def _member_flags(evidence: Sequence[Evidence], voters: int | None) -> list[Flag]:
    out = []
    for e in evidence:
        if e.due and e.grade is None:
            out.append(Flag("missing", msg("evaluation.missing", name=e.name), e.member))
        if not e.due and e.grade is not None:
            out.append(Flag("not_due", msg("evaluation.not_due", name=e.name), e.member))
        if e.grade is not None and e.ballot is None:
            out.append(Flag("no_ballot", msg("evaluation.no_ballot", name=e.name), e.member))
        if e.ballot is not None and voters is not None and e.ballot.total > voters:
            out.append(Flag("ballots_exceed", msg("evaluation.ballots_exceed", name=e.name,
                                                  total=e.ballot.total, there=voters),
                            e.member))
        majority = e.ballot.majority if e.ballot is not None else None
        if e.grade is not None and majority is not None and majority != e.grade:
            out.append(Flag("against_ballot", msg(
                "evaluation.against_ballot", name=e.name, grade=msg(f"grade.{e.grade}"),
                majority=msg(f"grade.{majority}"), votes=e.ballot.count(majority),
                total=e.ballot.total) if e.ballot else msg("evaluation.no_ballot",
                                                           name=e.name), e.member))
        if e.grade == "excellent":
            if e.hours is not None and e.hours.status is not None and e.hours.status != "met":
                out.append(Flag("excellent_floor", msg(
                    "evaluation.excellent_floor", name=e.name, hours=e.hours.year,
                    floor=e.hours.floor), e.member))
            if e.attendance.unexcused:
                out.append(Flag("excellent_absent", msg(
                    "evaluation.excellent_absent", name=e.name, n=e.attendance.unexcused),
                    e.member))
    return out


def _share(evidence: Sequence[Evidence], graded: int, most: int,
           limit: Fraction) -> list[Flag]:
    excellent = sum(1 for e in evidence if e.grade == "excellent")
    if graded and excellent > most:
        return [Flag("excellent_share", msg("evaluation.excellent_share", n=excellent,
                                            evaluated=graded, most=most,
                                            limit=f"{float(limit):.0%}"))]
    return []


def _followups(cur: Curriculum, evidence: Sequence[Evidence], held: Held | None,
               day: date) -> list[Followup]:
    due = day + timedelta(days=cur.rules.evaluation.correction_days)
    owners = {a.owner for a in held.record.actions} if held else set()
    return [Followup(e.member, e.grade, msg(f"evaluation.task_{e.grade}", name=e.name), due,
                     e.member in owners)
            for e in evidence if e.grade in ("basic", "unqualified")]


def scorecard(cur: Curriculum, ledger: Ledger,
              values: Mapping[str, Mapping[str, tuple[float, int]]], fed: set[str],
              evidence: Sequence[Evidence], day: date) -> Scorecard:
    """The branch's year: organisational life, hours, gaps, and indicators by post (every
    member of a post, party member or not: business work is everyone's)."""
    lines: dict[str, list[int]] = {}
    for count in ledger.meetings:
        line = lines.setdefault(count.kind, [0, 0, 0])
        line[0] += count.required
        line[1] += min(len(count.held), count.required)
    for h in ledger.held:
        if h.session.kind in lines:
            lines[h.session.kind][2] += 1
    floors = [h for h in ledger.hours if h.floor is not None]
    gaps = [g for g in ledger.growth if g.before < g.required]
    by_post: dict[tuple[str, str], list[IndicatorResult]] = defaultdict(list)
    year = ledger.year
    for m in cur.during(date(year, 1, 1), date(year, 12, 31)).members:
        person = cur.member_by_id[m.id]
        standing = person.as_of(min(day, person.left or day))
        for result in _indicators(cur, standing, values.get(m.id, {}), fed):
            by_post[standing.role, result.indicator].append(result)
    indicators = []
    for (role, ident), got in sorted(by_post.items(), key=lambda kv: (
            list(cur.roles).index(kv[0][0]), list(cur.indicators).index(kv[0][1]))):
        recorded = [r for r in got if r.value is not None]
        indicators.append(PostIndicator(
            role, cur.roles[role].name, ident, got[0].name, got[0].unit, len(got),
            len(recorded), sum(1 for r in recorded if r.achieved)))
    return Scorecard(
        tuple(MeetingLine(k, *v) for k, v in lines.items()), len(floors),
        sum(1 for h in floors if h.status == "met"), len(gaps),
        sum(1 for g in gaps if g.remaining == 0), tuple(indicators),
        sum(1 for e in evidence if e.grade is not None),
        sum(1 for e in evidence if e.grade == "excellent"))

