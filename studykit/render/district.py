"""The district overview as a district files it: district.docx and district.xlsx.

:func:`district_tables` makes the overview's tables (numbers as numbers); the terminal,
the Word document and the workbook print those same tables. No file path appears in
them: a branch that could not be counted is named, with why in words; where its files
are is for the terminal.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from ..engine.overview import District, EvaluationSummary
from ..words import day_only, text
from .report import Cell, Table, text_rows
from .workbook import Book, Sheet


def evaluation_year(district: District) -> int | None:
    """The year of the branches' evaluations, when they share one."""
    years = {b.evaluation.year for b in district.branches if b.evaluation is not None}
    return years.pop() if len(years) == 1 else None


def held_text(loc: str, ev: EvaluationSummary | None) -> str:
    """已开展, 未开展, or what an evaluation on record lacks (评议会议无记录, …)."""
    if ev is None:
        return text(loc, "district.eval_refused")
    if ev.held:
        return text(loc, "district.eval_held")
    if not ev.recorded:
        return text(loc, "district.eval_not_held")
    return text(loc, f"district.eval_{ev.procedure or 'not_held'}")


def excellent_text(loc: str, ev: EvaluationSummary | None, sep: str | None = None) -> str:
    """1/3（33%）: 优秀 of those evaluated, and, after ``sep`` (default ；), past the most
    allowed when it is (4/5（80%）；超过最多1名)."""
    if ev is None or not ev.evaluated:
        return ""
    share = text(loc, "district.eval_share", excellent=ev.excellent, evaluated=ev.evaluated,
                 share=f"{ev.excellent_share or 0:.0%}")
    if not ev.over:
        return share
    return share + (text(loc, "reason.sep") if sep is None else sep) + text(
        loc, "district.eval_over", most=ev.excellent_max)


def _ratio(reached: int, of: int) -> str:
    return f"{reached}/{of}"


def evaluation_row(loc: str, name: str, ev: EvaluationSummary | None,
                   sep: str | None = None) -> list[Cell]:
    """A branch's line of the evaluation table (``sep``: as :func:`excellent_text`)."""
    if ev is None:
        return [name, held_text(loc, ev), "", "", "", "", ""]
    return [name, held_text(loc, ev), excellent_text(loc, ev, sep),
            _ratio(ev.meetings_met, ev.meetings_required), _ratio(ev.hours_met, ev.with_floor),
            _ratio(ev.gaps_closed, ev.gaps),
            _ratio(ev.indicators_achieved, ev.indicators_recorded)]


def district_tables(district: District) -> list[Table]:
    """The overview's tables: the branches, the gaps several share, those not counted, and
    each branch's evaluation of the year with its scorecard (last, so that a template
    written for the first three keeps its places)."""
    loc = district.locale

    def t(*keys: str) -> list[str]:
        return [text(loc, f"district.col.{k}") for k in keys]

    branches: list[list[Cell]] = [
        [b.name, b.members, f"{b.held}/{b.required}", b.missing, f"{b.behind}/{b.with_floor}",
         b.makeup_open, b.actions_overdue, b.problems] for b in district.branches]
    gaps: list[list[Cell]] = [[label, n, m] for label, n, m in district.shared_gaps if n > 1]
    failed: list[list[Cell]] = [
        [r.name, r.reason or text(loc, "district.reason_other")]
        for r in district.failed]
    year = evaluation_year(district)
    return [
        Table("branches", text(loc, "district.branches"),
              t("branch", "members", "meetings", "missing", "behind", "makeup", "overdue",
                "problems"), branches),
        Table("gaps", text(loc, "district.gaps"), t("competency", "count", "people"), gaps),
        Table("failed", text(loc, "district.failed"), t("branch", "problem"), failed),
        Table("evaluation", text(loc, "district.evaluation", year=year) if year
              else text(loc, "district.evaluation_any"),
              t("branch", "evaluation", "excellent", "meetings_met", "hours_met",
                "gaps_closed", "indicators"),
              [evaluation_row(loc, b.name, b.evaluation) for b in district.branches]
              if district.with_evaluations else []),
    ]


def _year(district: District) -> int | None:
    return district.as_of.year if district.as_of else None


def district_context(district: District, title: str) -> dict[str, Any]:
    """The variables of ``district.docx``."""
    tables = district_tables(district)
    return {"title": title, "as_of": as_of_line(district),
            "summary": {"branches": len(district.branches), "failed": len(district.failed),
                        "behind": sum(b.behind for b in district.branches),
                        "missing": sum(b.missing for b in district.branches),
                        "evaluated": sum(1 for b in district.branches
                                         if b.evaluation is not None and b.evaluation.held)},
            "tables": [_filed(t, district) for t in tables]}


def _filed(table: Table, district: District) -> dict[str, Any]:
    """A table as district.docx prints it. The evaluation table's narrow columns break
    where a reader would, not where Word's line happens to end: a header's part in
    brackets on a line of its own (学时 / （达标/应达标）, as district.xlsx breaks it), and
    the most 优秀 allowed under the share past it."""
    headers = table.headers
    if table.key == "evaluation":
        headers = [re.sub(r"(?<=\S)（", "\n（", h) for h in headers]
        if district.with_evaluations:
            table = replace(table, rows=[evaluation_row(district.locale, b.name,
                                                        b.evaluation, "\n")
                                         for b in district.branches])
    return {"title": table.title, "headers": headers,
            "rows": text_rows(table, district.locale, _year(district))}


def as_of_line(district: District) -> str:
    """统计截至2027年3月31日 (empty when no branch was counted)."""
    if district.as_of is None:
        return ""
    return text(district.locale, "ledger.as_of", as_of=day_only(district.locale, district.as_of))


def district_xlsx(district: District, title: str) -> bytes:
    """``district.xlsx``: one sheet per table of the overview, each under ``title`` and set
    up to print as the ledger's (:class:`~.workbook.Book`)."""
    loc = district.locale
    book = Book(loc, _year(district))
    for table in district_tables(district):
        name = text(loc, f"sheet.{table.key}")
        book.add(Sheet(name, text(loc, "workbook.title", title=title, sheet=name),
                       as_of_line(district), title, table.headers, table.rows,
                       empty=text(loc, "ledger.none")))
    # the day it counts to, or a fixed one: the same bytes each run
    return book.save(district.as_of or date(2000, 1, 1))


def district_title(district: District, period: str) -> str:
    """The overview's title (2027年第一季度各支部学习教育情况汇总)."""
    return text(district.locale, "district.title", period=period)
