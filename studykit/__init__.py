"""studykit: plan a branch's study programme from one YAML file.

Learn what you do, fill what you lack (干什么学什么、缺什么补什么): roles require
competencies at levels, members have assessed levels, and the gap decides who
takes which course, with a reason anyone can read.

The public API::

    import studykit
    cur = studykit.load("curricula/employment-centre.yaml")
    needs = studykit.analyse_needs(cur)
    plan = studykit.plan_quarter(cur, "2027Q1")
    problems = studykit.check_plan(cur, plan)

The names below are imported on first use, so ``studykit --help`` starts without
loading pydantic and the planner.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "check_plan": "engine.checker", "Finding": "engine.checker",
    "load": "reading.curriculum", "load_many": "reading.curriculum", "loads": "reading.curriculum",
    "with_course": "reading.curriculum",
    "InputError": "domain.errors", "Problem": "domain.errors", "UserError": "domain.errors",
    "Audience": "domain.models", "Course": "domain.models", "Curriculum": "domain.models",
    "Frequency": "domain.models", "Member": "domain.models", "Role": "domain.models",
    "DateSpan": "domain.time", "Quarter": "domain.time",
    "Attendee": "engine.needs", "Gap": "engine.needs", "Needs": "engine.needs",
    "Uncovered": "engine.needs", "analyse_needs": "engine.needs",
    "Plan": "domain.plan", "Session": "domain.plan", "Unplaced": "domain.plan",
    "plan_quarter": "engine.planner", "year_plans": "engine.planner",
    "WorkCalendar": "domain.workdays",
    "Ledger": "engine.ledger", "build_ledger": "engine.ledger",
    "read_ledger": "reading.records",
    "Record": "domain.records", "load_record": "reading.records", "loads_record": "reading.records",
    "write_plan": "render.documents", "write_minutes": "render.minutes",
    "write_report": "render.report", "Templates": "render.docxtemplate",
    "Evaluation": "engine.evaluation", "evaluate": "engine.evaluation",
    "read_evaluation": "reading.records",
}

__all__ = [
    "Attendee",
    "Audience",
    "Course",
    "Curriculum",
    "DateSpan",
    "Evaluation",
    "Finding",
    "Frequency",
    "Gap",
    "InputError",
    "Ledger",
    "Member",
    "Needs",
    "Plan",
    "Problem",
    "Quarter",
    "Record",
    "Role",
    "Session",
    "Templates",
    "Uncovered",
    "Unplaced",
    "UserError",
    "WorkCalendar",
    "__version__",
    "analyse_needs",
    "build_ledger",
    "check_plan",
    "evaluate",
    "load",
    "load_many",
    "load_record",
    "loads",
    "loads_record",
    "plan_quarter",
    "read_evaluation",
    "read_ledger",
    "with_course",
    "write_minutes",
    "write_plan",
    "write_report",
    "year_plans",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'studykit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if "IPython" in sys.modules:  # in Jupyter: results show as tables
    from .show.jupyter import register as _register

    _register()

if TYPE_CHECKING:
    from .domain.errors import InputError, Problem, UserError
    from .domain.models import Audience, Course, Curriculum, Frequency, Member, Role
    from .domain.plan import Plan, Session, Unplaced
    from .domain.records import Record
    from .domain.time import DateSpan, Quarter
    from .domain.workdays import WorkCalendar
    from .engine.checker import Finding, check_plan
    from .engine.evaluation import Evaluation, evaluate
    from .engine.ledger import Ledger, build_ledger
    from .engine.needs import Attendee, Gap, Needs, Uncovered, analyse_needs
    from .engine.planner import plan_quarter, year_plans
    from .reading.curriculum import load, load_many, loads, with_course
    from .reading.records import load_record, loads_record, read_evaluation, read_ledger
    from .render.documents import write_plan
    from .render.docxtemplate import Templates
    from .render.minutes import write_minutes
    from .render.report import write_report
