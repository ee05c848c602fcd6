"""A district's overview: its branches side by side, and the gaps several of them share.

:func:`district_overview` sets the branches' ledgers side by side, with the competency
gaps that several branches share: the courses a district could organise centrally; and,
given each branch's evaluation of the year, whether it was held, the share of 优秀, the
indicators achieved and the year's scorecard (:func:`summarise_evaluation`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from .evaluation import Evaluation
from .ledger import Ledger

PROCEDURE = ("no_session", "not_assembly", "no_record", "no_quorum")
"""The flags that say an evaluation on record was not held as it should be, in the order
:func:`~studykit.engine.evaluation.evaluate` checks them."""


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
class EvaluationSummary:
    """One branch's evaluation of the year, for the district: whether it was held, the
    grades' counts against the most 优秀 allowed, the indicators achieved, and the year's
    scorecard (organisational life, hours, gaps) as counts side by side."""

    year: int
    recorded: bool
    """Whether there is an evaluation record of the year."""
    held: bool
    """Held and recorded at a branch assembly with quorum (``Evaluation.held_ok``)."""
    procedure: str | None
    """When recorded but not held so: the rule it fails (no_session, not_assembly,
    no_record, no_quorum)."""
    evaluated: int
    excellent: int
    excellent_max: int
    indicators_achieved: int
    indicators_recorded: int
    meetings_met: int
    meetings_required: int
    hours_met: int
    with_floor: int
    gaps_closed: int
    gaps: int

    @property
    def excellent_share(self) -> float | None:
        """优秀 / those evaluated (None before anyone is graded)."""
        return self.excellent / self.evaluated if self.evaluated else None

    @property
    def over(self) -> bool:
        """More 优秀 than allowed."""
        return self.evaluated > 0 and self.excellent > self.excellent_max


def summarise_evaluation(ev: Evaluation) -> EvaluationSummary:
    """One branch's evaluation as the district sees it."""
    card = ev.scorecard
    achieved, recorded = card.indicators_achieved
    procedure = next((f.rule for f in ev.flags if f.rule in PROCEDURE), None) \
        if ev.record is not None and not ev.held_ok else None
    return EvaluationSummary(
        ev.year, ev.record is not None, ev.held_ok, procedure, len(ev.evaluated),
        ev.count("excellent"), ev.excellent_max, achieved, recorded,
        sum(m.met for m in card.meetings), sum(m.required for m in card.meetings),
        card.hours_met, card.with_floor, card.gaps_closed, card.gaps)


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
    evaluation: EvaluationSummary | None = None
    """The year's evaluation and scorecard (None: not computed, as when its records were
    refused)."""


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
    with_evaluations: bool = False
    """Whether the branches' evaluations of the year were given (each branch's
    ``evaluation``; None there: its records were refused)."""


def summarise(ledger: Ledger, evaluation: Evaluation | None = None) -> BranchSummary:
    """One branch's figures for the district overview, with its ``evaluation`` of the
    year when given."""
    required = sum(m.required for m in ledger.meetings)
    missing = sum(1 for m in ledger.meetings if m.missing)
    floors = [h for h in ledger.hours if h.floor is not None]
    return BranchSummary(
        ledger.curriculum.organization.name,
        len(ledger.curriculum.during(date(ledger.year, 1, 1), ledger.as_of).members),
        required - missing, required, missing,
        sum(1 for h in floors if h.status == "behind"), len(floors),
        sum(1 for m in ledger.makeup if m.status != "done"),
        sum(1 for a in ledger.actions if a.status == "overdue"), len(ledger.problems),
        summarise_evaluation(evaluation) if evaluation is not None else None)


def district_overview(ledgers: Iterable[Ledger],
                      failed: Sequence[BranchResult] = (),
                      evaluations: Sequence[Evaluation | None] | None = None) -> District:
    """Branches side by side, and the gaps several of them share; ``evaluations``, one per
    ledger in the same order (None where a branch's could not be computed), adds each
    branch's evaluation of the year."""
    ledgers = list(ledgers)
    evaluated = list(evaluations) if evaluations is not None else [None] * len(ledgers)
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
    return District(tuple(summarise(ledger, ev)
                          for ledger, ev in zip(ledgers, evaluated, strict=True)),
                    tuple(shared),
                    tuple(failed), locale, max((ledger.as_of for ledger in ledgers), default=None),
                    evaluations is not None)
