"""The needs analysis: learn what you do, fill what you lack (干什么学什么、缺什么补什么).

Each role requires competencies at levels; each member has assessed levels. The
gap (required − current) decides who takes which skill course, and each
attendee of any course gets a reason in words. Gaps no course closes are listed:
they are the courses the branch still has to find.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..domain.models import Audience, Course, Curriculum, Member
from ..words import text
from .levels import Projection


@dataclass(frozen=True)
class Gap:
    """One member's standing in one competency."""

    member: str
    competency: str
    required: int
    current: int

    @property
    def missing(self) -> int:
        """Levels still to gain (0 when the member meets the requirement)."""
        return max(0, self.required - self.current)


@dataclass(frozen=True)
class Attendee:
    """A member who attends a course, and why, in words."""

    member: str
    reason: str


@dataclass(frozen=True)
class Uncovered:
    """A competency with gaps that no course closes, and whom it affects."""

    competency: str
    members: tuple[str, ...]
    levels: int
    courses: tuple[str, ...]
    """Courses that build the competency but do not reach or fully close these gaps."""


@dataclass(frozen=True)
class Needs:
    """The result of :func:`analyse_needs`: gaps, audiences with reasons, uncovered gaps."""

    curriculum: Curriculum
    gaps: tuple[Gap, ...]
    """Every member × competency that is required or assessed, in curriculum order."""
    audiences: dict[str, tuple[Attendee, ...]]
    """Course id → its attendees, in the curriculum's member order."""
    uncovered: tuple[Uncovered, ...]
    projection: Projection | None = None
    """Where levels were projected from records: the day, the assessed levels and the
    courses that raised them (None: the curriculum's levels as written)."""

    def gap(self, member: str, competency: str) -> Gap:
        """The gap of one member in one competency."""
        for g in self.gaps:
            if g.member == member and g.competency == competency:
                return g
        cur = self.curriculum
        return Gap(member, competency, 0, cur.member_by_id[member].level(competency))

    def attendees(self, course: str) -> list[str]:
        """Member ids attending ``course``."""
        return [a.member for a in self.audiences[course]]

    def reason(self, course: str, member: str) -> str | None:
        """Why ``member`` attends ``course`` (None when they do not)."""
        return next((a.reason for a in self.audiences[course] if a.member == member), None)


def member_gaps(curriculum: Curriculum, member: Member) -> list[Gap]:
    """The member's gaps in the curriculum's competency order (required or assessed ones)."""
    requires = curriculum.roles[member.role].requires
    return [Gap(member.id, comp, requires.get(comp, 0), member.level(comp))
            for comp in curriculum.competencies
            if comp in requires or comp in member.levels]


def _gap_reason(curriculum: Curriculum, gap: Gap, member: Member) -> str:
    return text(curriculum.locale, "reason.gap", role=curriculum.roles[member.role].name,
                competency=curriculum.competencies[gap.competency],
                required=gap.required, current=gap.current)


def audience_of(curriculum: Curriculum, course: Course,
                gaps: dict[str, list[Gap]] | None = None) -> tuple[Attendee, ...]:
    """Who attends ``course`` and why, in the curriculum's member order.

    ``gaps`` (member id → gaps) may be passed in to avoid recomputing them.
    """
    loc = curriculum.locale
    audience: Audience = course.effective_audience
    out = []
    for member in curriculum.members:
        reason: str | None = None
        if audience.kind == "all":
            reason = text(loc, "reason.all")
        elif audience.kind == "party":
            reason = text(loc, f"party.{member.party}") if member.is_party else None
        elif audience.kind == "committee":
            if member.committee:
                reason = text(loc, "reason.committee",
                              post=text(loc, f"committee.{member.committee}"))
        elif audience.kind == "roles":
            if member.role in audience.ids:
                reason = text(loc, "reason.role", role=curriculum.roles[member.role].name)
        elif audience.kind == "members":
            reason = text(loc, "reason.member") if member.id in audience.ids else None
        else:  # gaps: the member's role asks for more of what the course builds
            mine = gaps[member.id] if gaps is not None else member_gaps(curriculum, member)
            lacking = [g for g in mine if g.missing and g.competency in course.builds]
            if lacking:
                reason = text(loc, "reason.sep").join(
                    _gap_reason(curriculum, g, member) for g in lacking)
        if reason is not None:
            out.append(Attendee(member.id, reason))
    return tuple(out)


def analyse_needs(curriculum: Curriculum, projection: Projection | None = None) -> Needs:
    """Compute gaps, every course's audience with reasons, and the gaps no course closes;
    with a ``projection``, from the levels projected on its day instead of the
    curriculum's own.

    A gap counts as closed by the courses its member attends that build the
    competency, each adding the levels it ``builds``.
    """
    if projection is not None:
        curriculum = curriculum.with_levels(projection.levels)
    by_member = {m.id: member_gaps(curriculum, m) for m in curriculum.members}
    audiences = {c.id: audience_of(curriculum, c, by_member) for c in curriculum.courses}

    gained: dict[tuple[str, str], int] = defaultdict(int)
    builders: dict[str, list[str]] = defaultdict(list)
    for course in curriculum.courses:
        for comp in course.builds:
            builders[comp].append(course.id)
        for attendee in audiences[course.id]:
            for comp, levels in course.builds.items():
                gained[attendee.member, comp] += levels

    short: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for member in curriculum.members:
        for g in by_member[member.id]:
            left = g.missing - gained[member.id, g.competency]
            if left > 0:
                short[g.competency].append((member.id, left))
    uncovered = tuple(
        Uncovered(comp, tuple(m for m, _ in short[comp]), sum(n for _, n in short[comp]),
                  tuple(builders[comp]))
        for comp in curriculum.competencies if comp in short
    )
    gaps = tuple(g for m in curriculum.members for g in by_member[m.id])
    return Needs(curriculum, gaps, audiences, uncovered, projection)
