"""``studykit templates check DIR``: does every template in a folder make documents that open?

Each template is prepared and rendered twice: with the context of the example
curriculum (its first quarter, its first example record for the minutes), and with the
same context where every piece of text is made hostile (markup, control and format
characters, line breaks, tags). Each document is then checked as Word would open it:
a whole zip, every XML part well-formed, and python-docx reads it. So a misspelt
variable, a broken tag, or a tag that cuts through the document's structure is found
before a real run needs the template.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.errors import InputError
from ..domain.models import Curriculum
from ..domain.records import EvaluationRecord, Record, VisitLog
from ..domain.time import quarter_of
from ..domain.vocabulary import GRADES
from ..engine.evaluation import Evaluation, evaluate
from ..engine.overview import district_overview
from ..engine.planner import plan_quarter, year_plans
from ..reading.curriculum import load
from ..reading.records import load_record, read_evaluation, read_ledger
from ..render.district import district_context
from ..render.documents import (
    annual_context,
    attendance_context,
    calendar_context,
    session_plan_context,
)
from ..render.docxtemplate import TemplateError, prepare, read_template
from ..render.evaluation import (
    ballot_context,
    minutes_evaluation,
    register_context,
    scorecard_context,
    summary_context,
)
from ..render.minutes import minutes_context
from ..render.package import package_problem
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
    records = sorted((folder / "records").glob("*.yaml"))
    ledger = read_ledger(cur, records)
    # one open item, so a template's follow-up section is rendered too
    followups = [{"task": "整理台账", "owner": "高云", "due": "2027年1月31日",
                  "status": "已逾期", "ref": "committee-2027-01/2"}]
    # the first record of the quarter planned (the folder holds the whole year's)
    record = next(r for path in sorted((folder / "records").glob("*.yaml"))
                  if isinstance(r := load_record(path, cur, {plan.quarter: plan}), Record)
                  and quarter_of(r.date) == plan.quarter)
    ev = sample_evaluation(cur, sorted((folder / "records").glob("*.yaml")))
    # the member with the most to show: the register's every part is rendered
    richest = max(ev.due, key=lambda e: (len(e.visits), e.ballot is not None,
                                         len(e.attendance.absences), len(e.actions)))
    return {
        "calendar.docx": calendar_context(plan),
        "annual.docx": annual_context([year[q] for q in sorted(year)]),
        "plan-activity.docx": session_plan_context(plan, meeting, followups),
        "plan-lesson.docx": session_plan_context(plan, lecture),
        "attendance.docx": attendance_context(plan, meeting),
        "minutes.docx": minutes_context(plan, sessions[record.session], record, followups,
                                        minutes_evaluation(ev)),
        "report.docx": report_context(ledger),
        "district.docx": district_context(district_overview([ledger], evaluations=[ev]),
                                          "district"),
        "evaluation-ballot.docx": ballot_context(ev),
        "evaluation-register.docx": register_context(ev, richest),
        "evaluation-summary.docx": summary_context(ev),
        "evaluation-scorecard.docx": scorecard_context(ev),
    }


SAMPLE_YEAR = 2027
"""The year of the example's evaluation."""


def sample_evaluation(cur: Curriculum, paths: list[Path]) -> Evaluation:
    """The example's evaluation of :data:`SAMPLE_YEAR` from its records; where they
    grade nobody, one made up for its first members (a ballot, a grade of each kind, a
    follow-up, a visit), so that every part of the templates is rendered."""
    ev = read_evaluation(cur, paths, SAMPLE_YEAR, skip_unreadable=True)
    if ev.evaluated:
        return ev
    due = [e.member for e in ev.due]
    grades = dict(zip(due, GRADES, strict=False))
    planned = next((s.id for plan in ev.ledger.plans.values() for s in plan.sessions
                    if s.evaluation), None)
    record = EvaluationRecord.model_validate({
        "evaluation": SAMPLE_YEAR, "session": ev.record.session if ev.record else planned,
        "ballots": {m: {g: len(due) - 1 if g == grade else 1 for g in GRADES}
                    for m, grade in grades.items()},
        "grades": grades})
    visits = VisitLog.model_validate({"visits": [
        {"member": due[0], "enterprise": "盐城某机械有限公司", "date": date(SAMPLE_YEAR, 3, 2),
         "asked": "招操作工20名", "solved": "推荐到春风行动招聘会"}]}) if due else None
    return evaluate(cur, ev.ledger, [record, *([visits] if visits else [])], SAMPLE_YEAR)


HOSTILE = ("</w:t>]]><w:p>&amp;<&'\"\x00\x0b\x1b[31m\u2028\u202e\ufeff"
           "{{ x }}{% if %}\r\n第二行 😀")
"""What :func:`hostile` adds to every piece of text."""
_ID_LIKE = re.compile(r"[A-Za-z0-9_./:-]*")


def hostile(value: Any) -> Any:
    """``value`` (a template context) with every piece of text made hostile. Text that
    looks like an id or a key (ASCII letters, digits, ``-_./:``) is kept, so the
    template's tests on a session's kind or a status still go the same way."""
    if isinstance(value, str):
        return value if _ID_LIKE.fullmatch(value) else value + HOSTILE
    if isinstance(value, dict):
        return {k: hostile(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(hostile(v) for v in value)
    return value


def document_problem(data: bytes) -> str | None:
    """Why a rendered document would not open, or ``None``."""
    import io

    import docx

    problem = package_problem(data)
    if problem is not None:
        return problem
    try:
        docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a broken package
        return f"{type(exc).__name__}: {exc}"
    return None


def check_template(path: Path, context: dict[str, Any], locale: str) -> list[str]:
    """The problems of one template, rendered with ``context`` and with it made hostile."""
    try:
        template = prepare(read_template(path), str(path))
        for which, values in (("sample", context), ("hostile", hostile(context))):
            problem = document_problem(template.render(values))
            if problem is not None:
                return [text(locale, "templates.broken", path=str(path),
                             which=text(locale, f"templates.{which}"), why=problem)]
    except TemplateError as exc:
        return [exc.text(locale)]
    except InputError as exc:
        return [p.text(locale) for p in exc.problems]
    return []


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
        problems.extend(check_template(path, contexts[path.name], locale))
    return problems
