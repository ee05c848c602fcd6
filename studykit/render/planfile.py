"""``plan.yaml``: the plan, machine-readable, with a stable key order.

The same plan always gives the same bytes (no time stamps, keys in a fixed
order, members in the curriculum's order), so the file diffs cleanly in git.
The keys are documented in ``docs/plan.md``.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..domain.plan import Plan, Session


class _Flow(list):  # type: ignore[type-arg]
    """A list written on one line: ``attendees: [tangshu, wangfang]``."""


# libyaml's emitter where PyYAML has it: five times faster, the same text
_Base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[misc,valid-type]
    """Writes every value out in full: no ``&id001`` / ``*id001`` where two sessions share
    a date or a list, which a reader (or a YAML 1.2 parser) should not have to follow."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data,
                                                          flow_style=True))


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _session(s: Session) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "kind": s.kind,
        "title": s.title,
        "date": s.date,
        "start": s.start.strftime("%H:%M"),
        "end": s.end.strftime("%H:%M"),
        "hours": _number(s.hours),
        "venue": s.venue,
    }
    if s.location:
        out["location"] = s.location
    if s.theme:
        out["theme"] = s.theme
    if s.evaluation:
        out["evaluation"] = True
    if s.speaker:
        out["speaker"] = s.speaker
    if s.course:
        out["course"] = s.course
    if s.group:
        out["group"] = s.group
    if s.fixed:
        out["fixed"] = True
    out["attendees"] = _Flow(s.attendees)
    out["reasons"] = dict(s.reasons)
    if s.excused:
        out["excused"] = dict(s.excused)
    if s.agenda:
        out["agenda"] = list(s.agenda)
    return out


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, in the order it is written."""
    out: dict[str, Any] = {
        "quarter": str(plan.quarter),
        "organization": plan.curriculum.organization.name,
    }
    if plan.notes:
        out["notes"] = list(plan.notes)
    out["sessions"] = [_session(s) for s in plan.sessions]
    if plan.unplaced:
        out["unplaced"] = [{"id": u.id, "title": u.title, "rule": u.rule, "advice": u.advice}
                           for u in plan.unplaced]
    return out


def dump_plan(plan: Plan) -> bytes:
    """``plan.yaml`` as UTF-8 bytes."""
    text = yaml.dump(plan_to_dict(plan), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=1000, default_flow_style=False)
    return text.encode("utf-8")
