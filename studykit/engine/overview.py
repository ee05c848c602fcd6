"""A district's overview: its branches side by side, and the gaps several of them share.

:func:`district_overview` sets the branches' ledgers side by side, with the competency
gaps that several branches share: the courses a district could organise centrally.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .ledger import Ledger


@dataclass(frozen=True)
class BranchResult:
    """What happened to one branch of a batch run."""

    source: str
    name: str
    ok: bool
    message: str
    written: int = 0
    warnings: tuple[str, ...] = ()
    """What the branch's plan says to look at (days off not known, …), in its language."""
    reason: str = ""
    """Why it could not be counted, for the filed overview: in words, without the file
    paths and places of ``message`` (which is for the terminal)."""


@dataclass(frozen=True)
class BranchSummary:
    """One branch's line in the district overview."""

    name: str
    members: int
    held: int
    required: int
    missing: int
    behind: int
    with_floor: int
    makeup_open: int
    actions_overdue: int
    problems: int


@dataclass(frozen=True)
class District:
    """The district overview: branches side by side and their shared gaps."""

    branches: tuple[BranchSummary, ...]
    shared_gaps: tuple[tuple[str, int, int], ...]
    """(competency name, branches, members) with gaps no course closed, most common first."""
    failed: tuple[BranchResult, ...] = field(default_factory=tuple)
    locale: str = "zh-CN"
    as_of: date | None = None
    """The latest as-of day of the branches' ledgers (统计截至…)."""


def summarise(ledger: Ledger) -> BranchSummary:
    """One branch's figures for the district overview."""
    required = sum(m.required for m in ledger.meetings)
    missing = sum(1 for m in ledger.meetings if m.missing)
    floors = [h for h in ledger.hours if h.floor is not None]
    return BranchSummary(
        ledger.curriculum.organization.name,
        len(ledger.curriculum.during(date(ledger.year, 1, 1), ledger.as_of).members),
        required - missing, required, missing,
        sum(1 for h in floors if h.status == "behind"), len(floors),
        sum(1 for m in ledger.makeup if m.status != "done"),
        sum(1 for a in ledger.actions if a.status == "overdue"), len(ledger.problems))


def district_overview(ledgers: Iterable[Ledger],
                      failed: Sequence[BranchResult] = ()) -> District:
    """Branches side by side, and the gaps several of them share."""
    ledgers = list(ledgers)
    branches_with: dict[str, set[int]] = defaultdict(set)
    members_with: dict[str, int] = defaultdict(int)
    for i, ledger in enumerate(ledgers):
        names = ledger.curriculum.competencies
        for competency, members in ledger.uncovered.items():
            label = names[competency]
            branches_with[label].add(i)
            members_with[label] += len(members)
    shared = sorted(((label, len(b), members_with[label]) for label, b in branches_with.items()),
                    key=lambda t: (-t[1], -t[2], t[0]))
    locale = ledgers[0].curriculum.locale if ledgers else "zh-CN"
    return District(tuple(summarise(ledger) for ledger in ledgers), tuple(shared),
                    tuple(failed), locale, max((ledger.as_of for ledger in ledgers), default=None))
