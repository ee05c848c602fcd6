"""The district overview as a district files it: district.docx and district.xlsx."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.text import printable
from ..domain.time import Quarter
from ..engine.overview import District
from ..words import day_only, quarter_title, text
from .workbook import cell_value, save_workbook


def district_tables(district: District) -> list[tuple[str, list[str], list[list[str]]]]:
    """The overview's tables: (title, headers, rows)."""
    loc = district.locale

    def t(*keys: str) -> list[str]:
        return [text(loc, f"district.col.{k}") for k in keys]

    branches = [[b.name, str(b.members), f"{b.held}/{b.required}", str(b.missing),
                 f"{b.behind}/{b.with_floor}", str(b.makeup_open), str(b.actions_overdue),
                 str(b.problems)] for b in district.branches]
    gaps = [[label, str(n), str(m)] for label, n, m in district.shared_gaps if n > 1]
    # the problems themselves, with their files and lines, are the terminal's to list
    failed = [[r.name, text(loc, "district.not_counted",
                            n=max(1, len(r.message.splitlines())))]
              for r in district.failed]
    return [
        (text(loc, "district.branches"), t("branch", "members", "meetings", "missing",
                                           "behind", "makeup", "overdue", "problems"), branches),
        (text(loc, "district.gaps"), t("competency", "count", "people"), gaps),
        (text(loc, "district.failed"), t("branch", "problem"), failed),
    ]


def district_context(district: District, title: str) -> dict[str, Any]:
    """The variables of ``district.docx``."""
    tables = district_tables(district)
    loc = district.locale
    as_of = text(loc, "ledger.as_of", as_of=day_only(loc, district.as_of)) \
        if district.as_of else ""
    return {"title": title, "as_of": as_of,
            "summary": {"branches": len(district.branches), "failed": len(district.failed),
                        "behind": sum(b.behind for b in district.branches),
                        "missing": sum(b.missing for b in district.branches)},
            "tables": [{"title": t, "headers": h, "rows": r} for t, h, r in tables]}


def district_xlsx(district: District) -> bytes:
    """``district.xlsx``: one sheet per table of the overview."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for (_, headers, rows), key in zip(district_tables(district), ("branches", "gaps", "failed"),
                                       strict=True):
        sheet = book.create_sheet(text(district.locale, f"sheet.{key}")[:31])
        sheet.append([printable(h) for h in headers])
        for row in rows:
            sheet.append([cell_value(v) for v in row])
    return save_workbook(book, date(2000, 1, 1))  # no date of its own: the same bytes each run


def district_title(district: District, year: int | None = None,
                   quarter: Quarter | None = None) -> str:
    """The overview's title: 2027年第一季度各支部学习教育情况汇总 (the records' own year
    when no period is given)."""
    loc = district.locale
    if quarter is not None:
        period = quarter_title(loc, quarter)
    elif year is not None:
        period = text(loc, "ledger.year", year=year)
    else:
        period = ""
    return text(loc, "district.title", period=period)
