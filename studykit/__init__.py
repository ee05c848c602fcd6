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
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "check_plan": "checker", "Finding": "checker",
    "load": "curriculum", "load_many": "curriculum", "loads": "curriculum",
    "InputError": "errors", "Problem": "errors", "UserError": "errors",
    "Audience": "models", "Course": "models", "Curriculum": "models", "DateSpan": "models",
    "Frequency": "models", "Member": "models", "Quarter": "models", "Role": "models",
    "Attendee": "needs", "Gap": "needs", "Needs": "needs", "Uncovered": "needs",
    "analyse_needs": "needs",
    "Plan": "planner", "Session": "planner", "Unplaced": "planner", "plan_quarter": "planner",
    "WorkCalendar": "workdays",
    "Ledger": "ledger", "build_ledger": "ledger", "read_ledger": "ledger",
    "Record": "records", "load_record": "records", "loads_record": "records",
    "year_plans": "records",
    "write_plan": "documents", "write_minutes": "minutes", "write_report": "report",
    "Templates": "docxtemplate",
}

__all__ = [
    "Attendee",
    "Audience",
    "Course",
    "Curriculum",
    "DateSpan",
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
    "load",
    "load_many",
    "load_record",
    "loads",
    "loads_record",
    "plan_quarter",
    "read_ledger",
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


if TYPE_CHECKING:
    from .checker import Finding, check_plan
    from .curriculum import load, load_many, loads
    from .documents import write_plan
    from .docxtemplate import Templates
    from .errors import InputError, Problem, UserError
    from .ledger import Ledger, build_ledger, read_ledger
    from .minutes import write_minutes
    from .models import Audience, Course, Curriculum, DateSpan, Frequency, Member, Quarter, Role
    from .needs import Attendee, Gap, Needs, Uncovered, analyse_needs
    from .planner import Plan, Session, Unplaced, plan_quarter
    from .records import Record, load_record, loads_record, year_plans
    from .report import write_report
    from .workdays import WorkCalendar
