"""The party rules, each defined once and used by the planner, checker, ledger and documents.

From 《中国共产党支部工作条例（试行）》 and 《中国共产党党员教育管理工作条例》 (see
``docs/format.md`` for the sources): who may vote and who sits on the committee, quorum
and majority, who chairs, which study-hour floor applies, when make-up study is due, and
the order of the party groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from .models import HourFloors, Member, Rules
from .plan import Session
from .time import Quarter
from .vocabulary import COMMITTEE_POSTS

QUORUM_KINDS = ("branch-assembly", "committee")
"""Meetings that decide by vote, so their quorum is checked."""


def may_sit_on_committee(party: object) -> bool:
    """Only full party members can hold a committee post."""
    return party == "full"


def may_vote(member: Member, kind: str) -> bool:
    """At a committee meeting its members vote; at a branch assembly the full members
    (probationary members attend but have no vote)."""
    if kind == "committee":
        return member.committee is not None
    return member.party == "full"


def entitled_voters(members: Mapping[str, Member], session: Session) -> list[str]:
    """Members entitled to vote at ``session``, given the branch as it stood that day
    (``members``): at a branch assembly every full member, at a committee meeting every
    committee member, whoever the plan expected; elsewhere those expected who may vote."""
    expected = set(session.expected)
    return [m for m, member in members.items() if may_vote(member, session.kind)
            and (session.kind in QUORUM_KINDS or m in expected)]


def has_quorum(present: int, entitled: int) -> bool:
    """More than half of those entitled to vote are present."""
    return present * 2 > entitled


def carried(votes_for: int, entitled: int) -> bool:
    """A motion passes with more than half of those entitled to vote (not of those present)."""
    return votes_for * 2 > entitled


def hour_floor(floors: HourFloors, member: Member) -> float | None:
    """The yearly study-hour floor that applies to ``member``: committee members have the
    higher one, other full and probationary members the party one, others none."""
    if member.committee:
        return floors.committee
    return floors.party if member.is_party else None


def makeup_due(held: date, rules: Rules) -> date:
    """The last day to make up a session missed on ``held`` (``rules.makeup-days``)."""
    return held + timedelta(days=rules.makeup_days)


def party_groups(members: Iterable[Member]) -> list[str]:
    """The party groups, in the order they first appear among the members."""
    return list(dict.fromkeys(m.group for m in members if m.group))


def chair_of(members: Sequence[Member], session: Session) -> Member | None:
    """Who chairs: the secretary (the deputy if the secretary is away, then a committee
    member); for a party-group meeting the group's committee member, else its first full
    member. Only someone attending the session can chair it."""
    present = set(session.attendees)

    def first(candidates: Iterable[Member]) -> Member | None:
        return next((m for m in candidates if m.id in present), None)

    if session.kind == "group":
        group = [m for m in members if m.group == session.group]
        return first(m for m in group if m.committee) or first(
            m for m in group if m.party == "full")
    committee = sorted((m for m in members if m.committee),
                       key=lambda m: COMMITTEE_POSTS.index(m.committee or "member"))
    return first(committee)


def presence(member: Member, first: date, last: date) -> float:
    """The share of the days from ``first`` to ``last`` that ``member`` is in the branch."""
    start = max(first, member.joined or first)
    end = min(last, member.left or last)
    return max(0, (end - start).days + 1) / ((last - first).days + 1)


def share_of_year(member: Member, year: int, quarters: int = 4) -> float:
    """How much of a yearly floor is due by the end of quarter ``quarters``: a quarter for
    each quarter, pro rata for one the member spent only in part in the branch (joined
    during it, left during it). A member there all year owes ``quarters / 4``."""
    return sum(presence(member, q.first, q.last)
               for q in (Quarter(year, n) for n in range(1, quarters + 1))) / 4


def evaluation_in_reach(quarter: Quarter, year: int) -> bool:
    """Whether the evaluation of ``year`` (民主评议党员) may be held in ``quarter``: during
    the year, or in the first quarter of the next (the year just ended is evaluated in
    January)."""
    return quarter.year == year or quarter == Quarter(year + 1, 1)
