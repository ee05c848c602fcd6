"""``studykit templates check DIR``: does every template in a folder compile and render?

Each template is prepared and rendered with the context of the example curriculum
(its first quarter, its first example record for the minutes), so a misspelt
variable or a broken tag is found before a real run needs the template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .docxtemplate import TemplateError, prepare
from .resources import TEMPLATE_NAMES, examples


def sample_contexts() -> dict[str, dict[str, Any]]:
    """Template name → a context from the example curriculum and its records."""
    from .curriculum import load
    from .district import district_context, district_overview
    from .documents import attendance_context, calendar_context, session_plan_context
    from .ledger import read_ledger
    from .minutes import minutes_context
    from .planner import plan_quarter
    from .records import Record, load_record
    from .report import report_context

    folder = Path(str(examples()))
    cur = load(folder / "employment-centre.yaml")
    plan = plan_quarter(cur)
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
        "plan-activity.docx": session_plan_context(plan, meeting, followups),
        "plan-lesson.docx": session_plan_context(plan, lecture),
        "attendance.docx": attendance_context(plan, meeting),
        "minutes.docx": minutes_context(plan, sessions[record.session], record, followups),
        "report.docx": report_context(ledger),
        "district.docx": district_context(district_overview([ledger]), "district"),
    }


def check_folder(folder: Path) -> list[str]:
    """Every problem of the templates in ``folder``, one line each."""
    if not folder.is_dir():
        return [f"{folder}: no such folder"]
    contexts = sample_contexts()
    problems = []
    found = sorted(folder.glob("*.docx"))
    if not found:
        problems.append(f"{folder}: no .docx templates (known names: "
                        f"{', '.join(TEMPLATE_NAMES)})")
    for path in found:
        if path.name not in contexts:
            problems.append(f"{path}: not a studykit template name (known: "
                            f"{', '.join(TEMPLATE_NAMES)}); it would never be used")
            continue
        try:
            prepare(path.read_bytes(), str(path)).render(contexts[path.name])
        except TemplateError as exc:
            problems.append(str(exc))
    return problems
