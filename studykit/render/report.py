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

from ..engine.ledger import Ledger, held_key
from ..words import MONTHS, day_only, join, quarter_title, short_date, text
from .docxtemplate import Templates
from .output import Written, write_outputs
from .workbook import Book, Sheet

Cell = str | int | float | date
"""A value of a table: text, a number (hours, counts) or a day; :func:`cell_text` writes it."""


@dataclass(frozen=True)
class Table:
    """One table of the report: a heading, column headers and rows of cells.

    ``filed`` is False for what is meant for the secretary, not for the filed ledger
    (records that disagree with the curriculum): the terminal shows it, report.docx and
    ledger.xlsx leave it out."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    filed: bool = True


def cell_text(locale: str, value: Cell, year: int | None = None) -> str:
    """A cell as printed: 1月7日 for a day of ``year`` (2028年1月6日 for another), hours
    and counts without a trailing .0."""
    if isinstance(value, date):
        return short_date(locale, value) if value.year == year else day_only(locale, value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def text_rows(table: Table, locale: str, year: int | None) -> list[list[str]]:
    """The rows of ``table`` as text."""
    return [[cell_text(locale, v, year) for v in row] for row in table.rows]


def _period(locale: str, period: str) -> str:
    """A ledger period (``2027-01``, ``2027Q1``, ``2027``) in words: 1月, 第一季度, 全年."""
    if "Q" in period:
        number = period.split("Q")[1]
        return text(locale, "period.quarter_short", quarter=int(number),
                    quarter_zh="一二三四"[int(number) - 1])
    if "-" in period:
        month = int(period.split("-")[1])
        return text(locale, "period.month_short", month=month, month_name=MONTHS[month - 1])
    return text(locale, "period.whole_year")


def _status_key(ledger: Ledger, status: str) -> str:
    """A member's status in words: behind the pace, or, once the year is over, short of
    the floor (未达到)."""
    over = ledger.as_of >= date(ledger.year, 12, 31)
    return "status.missed" if over and status == "behind" else f"status.{status}"


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
    titles = {s.id: s.title for p in ledger.plans.values() for s in p.sessions}
    titles.update({h.session.id: h.session.title for h in ledger.held})

    def t(key: str, **values: object) -> str:
        return text(loc, key, **values)

    def who(member: str) -> str:
        return names.get(member, member)

    def action(ref: str) -> str:
        """``committee-2027-01/2`` as 1月支部委员会会议第2项."""
        session, _, number = ref.rpartition("/")
        return t("ledger.action_ref", title=titles.get(session, ""), n=number)

    def when(day: date) -> str:
        return cell_text(loc, day, ledger.year)

    hours: list[list[Cell]] = []
    standing = cur.as_of(ledger.as_of).member_by_id
    for h in ledger.hours:
        # the standing at the end of the period (a conversion during it shows)
        member = standing.get(h.member) or cur.member_by_id[h.member]
        upcoming = [t("ledger.upcoming", title=title, day=short_date(loc, d))
                    for _, d, _, title in h.upcoming]
        more = len(upcoming) - upcoming_shown
        shown = join(loc, upcoming[:upcoming_shown]) + (t("ledger.more", n=more)
                                                         if more > 0 else "")
        hours.append([who(h.member), t(f"party.{member.party}"),
                      h.floor if h.floor is not None else "", h.year,
                      h.quarter, t(_status_key(ledger, h.status)) if h.status else "",
                      h.needed if h.floor is not None else "", shown])
    meetings: list[list[Cell]] = [
        [t("ledger.kind_group", kind=t(f"kind.{m.kind}"), group=m.group) if m.group
         else t(f"kind.{m.kind}"), _period(loc, m.period), m.required, len(m.held),
         t("missing") if m.missing else join(loc, [titles[i] for i in m.held])]
        for m in ledger.meetings]
    quorum: list[list[Cell]] = [[titles[q.session], q.date, q.entitled, q.present,
                                 t("yes") if q.quorum else t("no")] for q in ledger.quorum]
    votes: list[list[Cell]] = [
        [titles[v.session], v.motion, v.entitled, v.voters_present, v.votes_for,
         t("yes") if v.quorum else t("no"), t(f"flag.{v.flag}") if v.flag else ""]
        for v in ledger.votes]
    makeup: list[list[Cell]] = [
        [who(m.member), m.title, m.held, m.hours, m.due,
         t(f"status.{m.status}") + (t("status.carried") if m.carried else "")
         + (t("status.late_makeup") if m.done is not None and m.done > m.due else ""),
         (when(m.done) if m.done else "") + (t("ledger.how", how=m.how) if m.how else "")]
        for m in ledger.makeup]
    actions: list[list[Cell]] = [
        [action(a.ref), a.task, who(a.owner), a.due if a.due else "",
         t(f"status.{a.status}") + (t("status.carried") if a.carried else ""),
         titles.get(a.done_in, "") if a.done_in else ""] for a in ledger.actions]
    growth: list[list[Cell]] = [
        [who(g.member), cur.competencies[g.competency],
         t("ledger.levels", required=g.required, before=g.before, after=g.after),
         g.remaining, join(loc, [cur.course_by_id[c].title if c in cur.course_by_id else c
                                 for c in g.courses])]
        for g in ledger.growth if g.before < g.required]
    problems: list[list[Cell]] = [
        [p.where, p.text(loc).removeprefix(f"{p.where}: ")]
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
        Table("votes", t("ledger.votes"),
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
        Table("problems", t("ledger.problems"), [t("col.where"), t("col.problem")], problems,
              filed=False),
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
    loc = cur.locale
    tables = {t.key: {"title": t.title, "headers": t.headers,
                      "rows": text_rows(t, loc, ledger.year)}
              for t in ledger_tables(ledger) if t.filed}
    # the sessions that would still cover the hours are planning advice: the terminal and
    # the workbook show them; the filed ledger records what was done
    hours = tables["hours"]
    hours["headers"] = hours["headers"][:-1]
    hours["rows"] = [r[:-1] for r in hours["rows"]]
    behind = [h for h in ledger.hours if h.status == "behind"]
    return {
        "org": {"name": cur.organization.name, "unit": cur.organization.unit or ""},
        "title": report_title(ledger), "period": period_title(ledger),
        "as_of": as_of_line(ledger), "tables": tables, "header": _header(ledger),
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


def _header(ledger: Ledger) -> dict[str, str]:
    """The ledger's header block: the period from its first to its last day, the
    secretary and the party members on the last day, how many members studied."""
    cur, loc = ledger.curriculum, ledger.curriculum.locale
    first = date(ledger.year, 1, 1) if ledger.quarter is None else ledger.quarter.first
    last = ledger.as_of
    branch = cur.as_of(last)
    secretary = next((m.name for m in branch.members if m.committee == "secretary"), "")
    full = sum(1 for m in branch.members if m.party == "full")
    probation = sum(1 for m in branch.members if m.party == "probationary")
    studying = len({m for h in ledger.held for m in h.record.attended})
    return {"period": text(loc, "ledger.span", first=day_only(loc, first),
                           last=day_only(loc, last)),
            "secretary": secretary,
            "members": text(loc, "ledger.party_count", full=full, probation=probation),
            "studying": text(loc, "ledger.people", n=studying)}


def report_docx(ledger: Ledger, templates: Templates) -> bytes:
    """``report.docx``: the ledger for filing, from the editable template."""
    return templates.get("report.docx").render(report_context(ledger))


def attendance_table(ledger: Ledger) -> Table:
    """The attendance grid: a row per member (by name), a column per session held (its day
    and title), marked ✓ present, 迟 late, 缺 absent, 补 made up; then each member's
    totals — sessions attended (present or late), absences (made up or not), make-ups and
    the study hours the ledger counts for the year — and at the bottom, per session, how
    many were expected (应到) and how many came (实到): :func:`attendance_totals`."""
    cur, loc = ledger.curriculum, ledger.curriculum.locale
    marks = {mark: text(loc, f"mark.{mark}") for mark in ("present", "late", "absent", "made up")}
    columns = [ledger.attendance[held_key(h)] for h in ledger.held]
    hours = {h.member: h.year for h in ledger.hours}
    marked = {m for column in columns for m in column}
    members = [*hours, *(m.id for m in cur.members if m.id in marked and m.id not in hours)]
    names = {m.id: m.name for m in cur.members}
    rows: list[list[Cell]] = []
    for member in members:
        got = [column.get(member, "") for column in columns]
        rows.append([names.get(member, member), *(marks.get(g, "") for g in got),
                     sum(g in ("present", "late") for g in got),
                     sum(g in ("absent", "made up") for g in got),
                     sum(g == "made up" for g in got), hours.get(member, "")])
    headers = [text(loc, "col.name"),
               *(f"{cell_text(loc, h.record.date, ledger.year)}\n{h.session.title}"
                 for h in ledger.held),
               text(loc, "col.attended"), text(loc, "col.absences"), text(loc, "col.made_up"),
               text(loc, "col.year_hours")]
    return Table("attendance", text(loc, "sheet.attendance"), headers, rows)


def attendance_totals(ledger: Ledger) -> list[list[Cell]]:
    """The grid's bottom rows: per session held, how many were expected (应到: everyone
    marked) and how many came (实到: present or late)."""
    loc = ledger.curriculum.locale
    columns = [ledger.attendance[held_key(h)] for h in ledger.held]
    return [[text(loc, "col.entitled"), *(len(c) for c in columns)],
            [text(loc, "col.present"),
             *(sum(m in ("present", "late") for m in c.values()) for c in columns)]]


def ledger_xlsx(ledger: Ledger) -> bytes:
    """``ledger.xlsx``: the attendance grid (:func:`attendance_table`), then one sheet per
    filed table of the report, each set up to print (:class:`~.workbook.Book`).

    Written in openpyxl's streaming mode (a district's grid has hundreds of thousands of
    cells); the workbook is byte-identical for the same ledger: fixed document dates and
    zip times.
    """
    cur, loc = ledger.curriculum, ledger.curriculum.locale
    book = Book(loc, ledger.year)
    title, as_of = report_title(ledger), as_of_line(ledger)
    # as report.docx: the first planned sessions that would cover the hours, and how many more
    tables = [attendance_table(ledger), *(t for t in ledger_tables(ledger) if t.filed)]
    for table in tables:
        name = text(loc, f"sheet.{table.key}")
        book.add(Sheet(name, text(loc, "workbook.title", title=title, sheet=name), as_of,
                       cur.organization.name, table.headers, table.rows,
                       attendance_totals(ledger) if table.key == "attendance" else (),
                       text(loc, "ledger.none")))
    return book.save(ledger.as_of)


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
                           "present": len(h.record.attended), "absent": len(h.record.absences)}
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
                    "done": m.done.isoformat() if m.done else None, "how": m.how,
                    "carried": m.carried}
                   for m in ledger.makeup],
        "actions": [{"ref": a.ref, "task": a.task, "owner": a.owner,
                     "decided": a.decided.isoformat(), "due": a.due.isoformat() if a.due else None,
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
