"""Levels over time: what members can do now, from what they were assessed and what they
attended since (缺什么补什么 as a loop).

A member's levels are those the curriculum gives (with its dated ``changes``), replaced
by each later assessment (an assessment record, or a change's ``levels``); every course
attended since (present, late, or made up) adds the levels in its ``builds``, never above
5. :func:`project_levels` gives them on a day, with the courses that raised each level:
the needs analysis, audiences and gap tables of a quarter use them as of its first day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..domain.models import Curriculum
from ..domain.plan import Plan
from ..domain.records import AnyRecord, AssessmentRecord, MakeupRecord, Record
from ..domain.time import Quarter, quarter_of

MAX_LEVEL = 5


@dataclass(frozen=True)
class Projection:
    """Members' levels on ``day``: assessed, and projected from the courses since."""

    day: date
    levels: Mapping[str, Mapping[str, int]]
    """Member id → competency → the projected level."""
    assessed: Mapping[str, Mapping[str, int]]
    """Member id → competency → the level last assessed (curriculum, change, record)."""
    raised: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(member, competency) → the courses that raised it since it was last assessed."""


def project_levels(curriculum: Curriculum, plans: Mapping[Quarter, Plan],
                   records: Iterable[AnyRecord], day: date) -> Projection:
    """The levels of every member on ``day`` (events of that day included)."""
    course_of = {(q, s.id): s.course for q, plan in plans.items() for s in plan.sessions
                 if s.course}
    by_session = {sid: course for (_, sid), course in sorted(course_of.items())}
    # (day, order, member, levels set | course id added): on one day the courses first,
    # then an assessment, which replaces what they projected
    events: list[tuple[date, int, str, dict[str, int] | str]] = []
    for person in curriculum.members:
        events += [(c.date, 1, person.id, dict(c.levels)) for c in person.changes
                   if c.levels and c.date <= day]
    for record in records:
        if isinstance(record, AssessmentRecord):
            if record.assessment <= day:
                events += [(record.assessment, 1, m, dict(levels))
                           for m, levels in record.levels.items()]
            continue
        if isinstance(record, Record) and record.date <= day:
            course = course_of.get((quarter_of(record.date), record.session))
            if course:
                events += [(record.date, 0, m, course) for m in record.attended]
        for made_up in record.makeup if isinstance(record, (Record, MakeupRecord)) else ():
            course = by_session.get(made_up.session)
            if course and made_up.date <= day:
                events.append((made_up.date, 0, made_up.member, course))
    levels = {m.id: dict(m.levels) for m in curriculum.members}
    assessed = {m.id: dict(m.levels) for m in curriculum.members}
    raised: dict[tuple[str, str], list[str]] = defaultdict(list)
    for _, _, who, what in sorted(events, key=lambda e: (e[0], e[1])):
        if who not in levels:
            continue
        if isinstance(what, dict):
            levels[who].update(what)
            assessed[who].update(what)
            for competency in what:
                raised.pop((who, competency), None)
            continue
        taught = curriculum.course_by_id.get(what)
        for competency, gain in (taught.builds.items() if taught else ()):
            levels[who][competency] = min(MAX_LEVEL, levels[who].get(competency, 0) + gain)
            if what not in raised[who, competency]:
                raised[who, competency].append(what)
    return Projection(day, levels, assessed, {k: tuple(v) for k, v in raised.items() if v})
