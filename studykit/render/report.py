"""The ledger as a branch files it: report.docx, ledger.xlsx, JSON and the terminal.

:func:`ledger_tables` turns a :class:`~studykit.engine.ledger.Ledger` into the report's tables
(headers and rows of text, in the curriculum's language); the terminal summary, the
Word report and the Excel workbook all print those same tables, so they never
disagree. :func:`ledger_json` is the machine-readable form (``docs/ledger.md``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.text import printable
from ..engine.ledger import Ledger, held_key
from ..words import day_only, join, quarter_title, text
from .docxtemplate import Templates
from .output import Written, write_outputs
from .workbook import cell_value, save_workbook


@dataclass(frozen=True)
class Table:
    """One table of the report: a heading, column headers and rows of text."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[str]]


def _num(value: float) -> str:
    return f"{value:g}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def period_title(ledger: Ledger) -> str:
    """2027年度 / 2027年第一季度 (or 2027 / Q1 2027)."""
    loc = ledger.curriculum.locale
    if ledger.quarter is None:
        return text(loc, "ledger.year", year=ledger.year)
    return quarter_title(loc, ledger.quarter)


def ledger_tables(ledger: Ledger, upcoming_shown: int = 4) -> list[Table]:
    """The report's tables, in order."""
    cur, loc = ledger.curriculum, ledger.curriculum.locale
    names = {m.id: m.name for m in cur.members}
    titles = {h.session.id: h.session.title for h in ledger.held}

    def t(key: str, **values: object) -> str:
        return text(loc, key, **values)

    def who(member: str) -> str:
        return names.get(member, member)

    hours = []
    standing = cur.as_of(ledger.as_of).member_by_id
    for h in ledger.hours:
        # the standing at the end of the period (a conversion during it shows)
        member = standing.get(h.member) or cur.member_by_id[h.member]
        upcoming = [t("ledger.upcoming", title=title, month=d.month, day=d.day, iso=str(d))
                    for _, d, _, title in h.upcoming]
        if len(upcoming) > upcoming_shown:
            upcoming = [*upcoming[:upcoming_shown],
                        t("ledger.more", n=len(upcoming) - upcoming_shown)]
        hours.append([who(h.member), t(f"party.{member.party}"),
                      _num(h.floor) if h.floor is not None else "", _num(h.year),
                      _num(h.quarter), t(f"status.{h.status}") if h.status else "",
                      _num(h.needed) if h.floor is not None else "", join(loc, upcoming)])
    meetings = [[t("ledger.kind_group", kind=t(f"kind.{m.kind}"), group=m.group) if m.group
                 else t(f"kind.{m.kind}"),
                 m.period, str(m.required), str(len(m.held)),
                 t("missing") if m.missing else join(loc, [titles[i] for i in m.held])]
                for m in ledger.meetings]
    quorum = [[titles[q.session], _day(q.date), str(q.entitled), str(q.present),
               t("yes") if q.quorum else t("no")] for q in ledger.quorum]
    votes = [[titles[v.session], v.motion, str(v.entitled), str(v.voters_present), str(v.votes_for),
              t("yes") if v.quorum else t("no"), t(f"flag.{v.flag}") if v.flag else ""]
             for v in ledger.votes]
    makeup = [[who(m.member), m.title, _day(m.held), _num(m.hours), _day(m.due),
               t(f"status.{m.status}") + (t("status.carried") if m.carried else ""),
               _day(m.done) + (f" {m.how}" if m.how else "")]
              for m in ledger.makeup]
    actions = [[a.ref, a.task, who(a.owner), _day(a.due),
                t(f"status.{a.status}") + (t("status.carried") if a.carried else ""),
                a.done_in or ""] for a in ledger.actions]
    growth = [[who(g.member), cur.competencies[g.competency],
               f"{g.required}/{g.before}/{g.after}", str(g.remaining),
               join(loc, list(g.courses))] for g in ledger.growth if g.before < g.required]
    problems = [[f"{p.path}:{p.line}:{p.col}",
                 f"{p.key}: {p.message.text(loc)}" if p.key else p.message.text(loc)]
                for p in ledger.problems]
    return [
        Table("hours", t("ledger.hours"),
              [t("col.name"), t("col.standing"), t("col.floor"), t("col.year"),
               t("col.quarter"), t("col.status"), t("col.needed"), t("col.upcoming")], hours),
        Table("meetings", t("ledger.meetings"),
              [t("col.kind"), t("col.period"), t("col.required"), t("col.held"),
               t("col.session")], meetings),
        Table("quorum", t("ledger.quorum"),
              [t("col.session"), t("col.date"), t("col.entitled"), t("col.present"),
               t("col.quorum")], quorum),
        Table("votes", t("ledger.quorum"),
              [t("col.session"), t("col.motion"), t("col.entitled"), t("col.present"),
               t("col.for"), t("col.quorum"), t("col.flag")], votes),
        Table("makeup", t("ledger.makeup"),
              [t("col.name"), t("col.session"), t("col.date"), t("col.hours"), t("col.due"),
               t("col.status"), t("col.done")], makeup),
        Table("actions", t("ledger.actions"),
              [t("col.session"), t("col.task"), t("col.owner"), t("col.due"),
               t("col.status"), t("col.done")], actions),
        Table("growth", t("ledger.growth"),
              [t("col.name"), t("col.competency"), t("col.level"), t("needs.levels"),
               t("col.courses")], growth),
        Table("problems", t("ledger.problems"), [t("col.where"), t("col.problem")], problems),
    ]


def report_title(ledger: Ledger) -> str:
    """The report's title."""
    cur = ledger.curriculum
    return text(cur.locale, "ledger.title", org=cur.organization.name,
                period=period_title(ledger))


def as_of_line(ledger: Ledger) -> str:
    """统计截至2027年3月31日 / As of 31 March 2027."""
    loc = ledger.curriculum.locale
    return text(loc, "ledger.as_of", as_of=day_only(loc, ledger.as_of))


def report_context(ledger: Ledger) -> dict[str, Any]:
    """The variables of ``report.docx`` (see ``docs/templates.md``)."""
    cur = ledger.curriculum
    tables = {t.key: {"title": t.title, "headers": t.headers, "rows": t.rows}
              for t in ledger_tables(ledger)}
    behind = [h for h in ledger.hours if h.status == "behind"]
    return {
        "org": {"name": cur.organization.name, "unit": cur.organization.unit or ""},
        "title": report_title(ledger), "period": period_title(ledger),
        "as_of": as_of_line(ledger), "tables": tables,
        "summary": {
            "held": len(ledger.held),
            "behind": len(behind),
            "missing": sum(1 for m in ledger.meetings if m.missing),
            "makeup_open": sum(1 for m in ledger.makeup if m.status != "done"),
            "actions_open": sum(1 for a in ledger.actions if a.status != "done"),
            "flags": sum(1 for v in ledger.votes if v.flag)
            + sum(1 for q in ledger.quorum if not q.quorum),
        },
    }


def report_docx(ledger: Ledger, templates: Templates) -> bytes:
    """``report.docx``: the ledger for filing, from the editable template."""
    return templates.get("report.docx").render(report_context(ledger))


def ledger_xlsx(ledger: Ledger) -> bytes:
    """``ledger.xlsx``: an attendance grid (members × sessions) and one sheet per table.

    Written in openpyxl's streaming mode (a district's grid has hundreds of thousands of
    cells); the workbook is byte-identical for the same ledger: fixed document dates and
    zip times.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    cur, loc = ledger.curriculum, ledger.curriculum.locale
    marks = {mark: text(loc, f"mark.{mark}") for mark in ("present", "late", "absent", "made up")}
    columns = [ledger.attendance[held_key(h)] for h in ledger.held]
    grid_rows = [[printable(m.name), *(marks.get(column.get(m.id, ""), "")
                                       for column in columns)] for m in cur.members]
    sheets = [(text(loc, "sheet.attendance"),
               [text(loc, "col.name"),
                *(f"{h.record.date:%m-%d} {h.session.title}" for h in ledger.held)],
               grid_rows)]
    for table in ledger_tables(ledger, upcoming_shown=1000):
        sheets.append((text(loc, f"sheet.{table.key}")[:31], table.headers,
                       [[cell_value(v) for v in r] for r in table.rows]))

    book = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True)
    for name, headers, rows in sheets:
        sheet = book.create_sheet(name)
        for index, header in enumerate(headers, start=1):
            longest = max([len(str(header)), *(len(str(r[index - 1])) for r in rows)])
            sheet.column_dimensions[get_column_letter(index)].width = min(40, 2 + longest * 1.6)
        sheet.freeze_panes = "B2"
        head = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=printable(header))
            cell.font, cell.alignment = bold, wrap
            head.append(cell)
        sheet.append(head)
        for row in rows:
            sheet.append(row)
    return save_workbook(book, ledger.as_of)


def ledger_json(ledger: Ledger) -> str:
    """The ledger as JSON (keys documented in ``docs/ledger.md``)."""
    cur = ledger.curriculum
    data = {
        "organization": cur.organization.name,
        "year": ledger.year,
        "quarter": str(ledger.quarter) if ledger.quarter else None,
        "as_of": ledger.as_of.isoformat(),
        "sessions_held": [{"id": h.session.id, "kind": h.session.kind,
                           "date": h.record.date.isoformat(), "hours": h.session.hours,
                           "present": len(h.record.attended), "absent": len(h.record.absent)}
                          for h in ledger.held],
        "hours": [{"member": h.member, "name": cur.member_by_id[h.member].name,
                   "year": h.year, "quarter": h.quarter, "by_kind": dict(h.by_kind),
                   "floor": h.floor, "pace": h.pace, "status": h.status,
                   "needed": h.needed,
                   "upcoming": [{"session": s, "date": d.isoformat(), "hours": n}
                                for s, d, n, _ in h.upcoming]} for h in ledger.hours],
        "meetings": [{"kind": m.kind, "period": m.period, "group": m.group,
                      "required": m.required, "held": list(m.held), "missing": m.missing}
                     for m in ledger.meetings],
        "quorum": [{"session": q.session, "kind": q.kind, "date": q.date.isoformat(),
                    "entitled": q.entitled, "present": q.present, "quorum": q.quorum}
                   for q in ledger.quorum],
        "votes": [{"session": v.session, "motion": v.motion, "entitled": v.entitled,
                   "voters_present": v.voters_present, "for": v.votes_for,
                   "quorum": v.quorum, "passed": v.passed, "flag": v.flag}
                  for v in ledger.votes],
        "makeup": [{"member": m.member, "session": m.session, "held": m.held.isoformat(),
                    "hours": m.hours, "due": m.due.isoformat(), "status": m.status,
                    "done": _day(m.done) or None, "how": m.how, "carried": m.carried}
                   for m in ledger.makeup],
        "actions": [{"ref": a.ref, "task": a.task, "owner": a.owner,
                     "decided": a.decided.isoformat(), "due": _day(a.due) or None,
                     "status": a.status, "done_in": a.done_in, "carried": a.carried}
                    for a in ledger.actions],
        "uncovered": ledger.uncovered,
        "problems": [str(p) for p in ledger.problems],
    }
    # strict JSON: a number that is not finite is a bug upstream, not "Infinity"
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)


def write_report(ledger: Ledger, out: Path | str, templates: Templates | None = None,
                 force: bool = False, beside: bool = False) -> Written:
    """Write ``report.docx`` and ``ledger.xlsx`` into folder ``out``."""
    templates = templates or Templates.for_curriculum(ledger.curriculum)
    return write_outputs(Path(out), {"report.docx": report_docx(ledger, templates),
                                     "ledger.xlsx": ledger_xlsx(ledger)},
                         force=force, beside=beside)
