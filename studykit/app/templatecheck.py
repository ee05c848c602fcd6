"""``studykit templates check DIR``: does every template in a folder compile and render?

Each template is prepared and rendered with the context of the example curriculum
(its first quarter, its first example record for the minutes), so a misspelt
variable or a broken tag is found before a real run needs the template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.errors import InputError
from ..domain.records import Record
from ..engine.overview import district_overview
from ..engine.planner import plan_quarter, year_plans
from ..reading.curriculum import load
from ..reading.records import load_record, read_ledger
from ..render.district import district_context
from ..render.documents import (
    annual_context,
    attendance_context,
    calendar_context,
    session_plan_context,
)
from ..render.docxtemplate import TemplateError, prepare, read_template
from ..render.minutes import minutes_context
from ..render.report import report_context
from ..render.resources import TEMPLATE_NAMES, examples
from ..words import text


def sample_contexts() -> dict[str, dict[str, Any]]:
    """Template name → a context from the example curriculum and its records."""

    folder = Path(str(examples()))
    cur = load(folder / "employment-centre.yaml")
    plan = plan_quarter(cur)
    year = year_plans(cur, [plan.quarter.year])   # 2027, the four quarters
    sessions = {s.id: s for s in plan.sessions}
    lecture = next(s for s in plan.sessions if s.kind == "skill")
    meeting = next(s for s in plan.sessions if s.kind == "committee")
    ledger = read_ledger(cur, sorted((folder / "records").glob("*.yaml")))
    # one open item, so a template's follow-up section is rendered too
    followups = [{"task": "整理台账", "owner": "高云", "due": "2027年1月31日",
                  "status": "已逾期", "ref": "committee-2027-01/2"}]
    record = next(r for path in sorted((folder / "records").glob("*.yaml"))
                  if isinstance(r := load_record(path, cur, {plan.quarter: plan}), Record))
    return {
        "calendar.docx": calendar_context(plan),
        "annual.docx": annual_context([year[q] for q in sorted(year)]),
        "plan-activity.docx": session_plan_context(plan, meeting, followups),
        "plan-lesson.docx": session_plan_context(plan, lecture),
        "attendance.docx": attendance_context(plan, meeting),
        "minutes.docx": minutes_context(plan, sessions[record.session], record, followups),
        "report.docx": report_context(ledger),
        "district.docx": district_context(district_overview([ledger]), "district"),
    }


def check_folder(folder: Path, locale: str = "zh-CN") -> list[str]:
    """Every problem of the templates in ``folder``, one line each, in ``locale``."""
    if not folder.is_dir():
        return [text(locale, "templates.no_folder", folder=str(folder))]
    contexts = sample_contexts()
    problems = []
    found = sorted(folder.glob("*.docx"))
    known = ", ".join(TEMPLATE_NAMES)
    if not found:
        problems.append(text(locale, "templates.none", folder=str(folder), known=known))
    for path in found:
        if path.name not in contexts:
            problems.append(text(locale, "templates.unknown", path=str(path), known=known))
            continue
        try:
            prepare(read_template(path), str(path)).render(contexts[path.name])
        except TemplateError as exc:
            problems.append(exc.text(locale))
        except InputError as exc:
            problems.extend(p.text(locale) for p in exc.problems)
    return problems
