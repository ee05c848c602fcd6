"""The district overview as a district files it: district.docx and district.xlsx.

:func:`district_tables` makes the overview's tables (numbers as numbers); the terminal,
the Word document and the workbook print those same tables. No file path appears in
them: a branch that could not be counted is named, with why in words; where its files
are is for the terminal.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..engine.overview import District
from ..words import day_only, text
from .report import Cell, Table, text_rows
from .workbook import Book, Sheet


def district_tables(district: District) -> list[Table]:
    """The overview's tables: the branches, the gaps several share, those not counted."""
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
    return [
        Table("branches", text(loc, "district.branches"),
              t("branch", "members", "meetings", "missing", "behind", "makeup", "overdue",
                "problems"), branches),
        Table("gaps", text(loc, "district.gaps"), t("competency", "count", "people"), gaps),
        Table("failed", text(loc, "district.failed"), t("branch", "problem"), failed),
    ]


def _year(district: District) -> int | None:
    return district.as_of.year if district.as_of else None


def district_context(district: District, title: str) -> dict[str, Any]:
    """The variables of ``district.docx``."""
    tables = district_tables(district)
    return {"title": title, "as_of": as_of_line(district),
            "summary": {"branches": len(district.branches), "failed": len(district.failed),
                        "behind": sum(b.behind for b in district.branches),
                        "missing": sum(b.missing for b in district.branches)},
            "tables": [{"title": t.title, "headers": t.headers,
                        "rows": text_rows(t, district.locale, _year(district))}
                       for t in tables]}


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
