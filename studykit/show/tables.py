"""Plain-text tables for the terminal that stay aligned with Chinese text.

A Chinese character takes two columns in a terminal, a Latin letter one; the
width of a cell is counted in columns (:func:`width`), not in characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..domain.text import visible, width
from ..render.report import as_of_line, ledger_tables, report_title, text_rows
from ..words import MONTHS, day_only, join, quarter_title, text, weekday

if TYPE_CHECKING:
    from ..domain.plan import Plan
    from ..domain.records import Record
    from ..engine.evaluation import Evaluation
    from ..engine.ledger import Ledger
    from ..engine.needs import Needs


def pad(s: str, columns: int, right: bool = False) -> str:
    """``s`` padded with spaces to ``columns`` terminal columns."""
    fill = " " * max(0, columns - width(s))
    return fill + s if right else s + fill


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """Rows under headers, columns separated by two spaces, a rule under the headers.

    ``right`` lists the column numbers to align right (numbers).
    """
    # one line each, and nothing typed moves the cursor or breaks the row
    rows = [[visible(cell) for cell in row] for row in rows]
    headers = [visible(h) for h in headers]
    widths = [width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], width(cell))

    def line(cells: Sequence[str]) -> str:
        return "  ".join(pad(c, widths[i], i in right) for i, c in enumerate(cells)).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def needs_report(needs: Needs) -> str:
    """The needs analysis as three tables: gaps, courses' audiences, uncovered gaps."""
    cur = needs.curriculum
    loc = cur.locale
    names = {m.id: m.name for m in cur.members}
    comps = list(cur.competencies)

    cells: dict[tuple[str, str], str] = {}
    for g in needs.gaps:
        cell = f"{g.current}/{g.required or '-'}"
        if g.missing:
            cell += " " + text(loc, "needs.short", n=g.missing)
        cells[g.member, g.competency] = cell
    gap_rows = [[m.name, cur.roles[m.role].name, *(cells.get((m.id, c), "") for c in comps)]
                for m in cur.members]
    out = [text(loc, "needs.title", org=cur.organization.name), "",
           table([text(loc, "needs.member"), text(loc, "needs.role"),
                  *(cur.competencies[c] for c in comps)], gap_rows)]

    out += ["", text(loc, "needs.courses"), ""]
    for course in cur.courses:
        attendees = needs.audiences[course.id]
        out.append(text(loc, "needs.course_line", id=course.id, title=course.title,
                        kind=text(loc, f"kind.{course.kind}"), hours=f"{course.hours:g}",
                        n=len(attendees)))
        if not attendees:
            out.append("    " + text(loc, "needs.nobody"))
        by_reason: dict[str, list[str]] = {}
        for a in attendees:
            by_reason.setdefault(a.reason, []).append(names[a.member])
        for reason, who in by_reason.items():
            out.append(text(loc, "needs.reason_line", who=join(loc, who), reason=reason))
        out.append("")

    if needs.projection is not None and needs.projection.raised:
        projection = needs.projection
        out += [text(loc, "needs.raised", day=day_only(loc, projection.day)), ""]
        titles = {c.id: c.title for c in cur.courses}
        order = {m.id: i for i, m in enumerate(cur.members)}
        out.append(table(
            [text(loc, "needs.member"), text(loc, "needs.competency"),
             text(loc, "needs.assessed_projected"), text(loc, "needs.by_courses")],
            [[names.get(m, m), cur.competencies.get(c, c),
              f"{projection.assessed[m].get(c, 0)}→{projection.levels[m].get(c, 0)}",
              join(loc, [titles.get(k, k) for k in ks])]
             for (m, c), ks in sorted(projection.raised.items(), key=lambda kv: (
                 order.get(kv[0][0], len(order)), comps.index(kv[0][1])
                 if kv[0][1] in comps else len(comps)))]))
        out.append("")
    out += [text(loc, "needs.uncovered"), ""]
    if not needs.uncovered:
        out.append(text(loc, "needs.none_uncovered"))
    else:
        out.append(table(
            [text(loc, "needs.competency"), text(loc, "needs.affected"),
             text(loc, "needs.levels"), text(loc, "needs.who"), text(loc, "needs.existing")],
            [[cur.competencies[u.competency], str(len(u.members)), str(u.levels),
              join(loc, [names[m] for m in u.members]),
              join(loc, list(u.courses)) or text(loc, "needs.no_course")]
             for u in needs.uncovered],
            right=(1, 2)))
    return "\n".join(out)


def plan_report(plan: Plan) -> str:
    """The plan as a calendar grouped by month, with notes and what could not be placed."""
    cur = plan.curriculum
    loc = cur.locale
    names = {m.id: m.name for m in cur.members}
    out = [text(loc, "plan.title", org=cur.organization.name,
                 quarter=quarter_title(loc, plan.quarter))]
    out += plan.notes
    rows, month_of = [], []
    for s in plan.sessions:
        speaker = names.get(s.speaker or "", s.speaker or "")
        rows.append([s.date.strftime("%m-%d"), weekday(loc, s.date.weekday()),
                     f"{s.start:%H:%M}–{s.end:%H:%M}", text(loc, f"kind.{s.kind}"), s.title,
                     s.place or "", speaker, text(loc, "plan.people", n=len(s.attendees))])
        month_of.append((s.date.year, s.date.month))
    # one table for the quarter, so the columns line up from month to month
    lines = table([""] * 8, rows, right=(7,)).splitlines()[2:] if rows else []
    for i, line in enumerate(lines):
        if i == 0 or month_of[i] != month_of[i - 1]:
            year, month = month_of[i]
            out += ["", text(loc, "plan.month", year=year, month=month,
                             month_name=MONTHS[month - 1])]
        out.append("  " + line)
    out += ["", text(loc, "plan.summary", n=len(plan.sessions))]
    if plan.unplaced:
        out += ["", text(loc, "plan.unplaced_heading")]
        out += [f"  {u}" for u in plan.unplaced]
    return "\n".join(out)


def ledger_report(ledger: Ledger) -> str:
    """The ledger's tables for the terminal, each under its heading."""
    loc = ledger.curriculum.locale
    out = [text(loc, "ledger.heading", title=report_title(ledger), as_of=as_of_line(ledger))]
    for t in ledger_tables(ledger, upcoming_shown=2):
        if t.key == "votes" and not t.rows:
            continue
        out += ["", t.title]
        if not t.rows:
            out.append(text(loc, "ledger.none"))
            continue
        out.append(table(t.headers, text_rows(t, loc, ledger.year)))
    return "\n".join(line for i, line in enumerate(out) if line or i == 0 or out[i - 1])


def evaluation_report(ev: Evaluation) -> str:
    """The evaluation for the terminal: the evidence in short, each point for the meeting,
    the follow-ups and the scorecard (the documents carry every detail)."""
    from ..render.evaluation import (
        actions_text,
        attendance_text,
        ballot_text,
        evaluation_tables,
        evaluation_title,
        hours_text,
        summary_line,
        visits_text,
    )

    loc = ev.curriculum.locale

    def t(key: str, **values: object) -> str:
        return text(loc, key, **values)

    rows = []
    for e in ev.evidence:
        reached = [r for r in e.indicators if r.value is not None]
        rows.append([
            e.name, t(f"party.{e.party}"), hours_text(loc, e), attendance_text(loc, e),
            t("eval.short_absences", n=len(e.attendance.absences), unexcused=e.attendance.unexcused,
              made=e.attendance.made_up) if e.attendance.absences else "",
            actions_text(loc, e), visits_text(loc, e),
            (t("eval.short_indicators", achieved=sum(1 for r in reached if r.achieved),
               n=len(e.indicators)) if reached else t("eval.short_unreported"))
            if e.indicators else "",
            ballot_text(loc, e),
            t(f"grade.{e.grade}") if e.grade else (t("eval.left") if not e.due else "")])
    out = [evaluation_title(ev), summary_line(ev), "", t("eval.t_evidence"),
           table([t("col.name"), t("col.standing"), t("eval.c_hours"), t("eval.c_attendance"),
                  t("eval.c_absences"), t("eval.c_actions"), t("eval.c_visits"),
                  t("eval.c_indicators"), t("eval.c_ballot"), t("eval.c_grade")], rows)]
    for tab in evaluation_tables(ev)[1:]:
        if tab.key == "meetings":
            out += ["", t("eval.scorecard", org=ev.curriculum.organization.name, year=ev.year)]
        out += ["", tab.title]
        out.append(table(tab.headers, text_rows(tab, loc, ev.year)) if tab.rows
                   else text(loc, "ledger.none"))
    return "\n".join(out)


def record_text(record: Record, locale: str = "zh-CN") -> str:
    """A session record in a few lines (ids as written): who was there, who was not and
    why, what was decided; a line with nothing in it is left out."""
    def t(key: str, **values: object) -> str:
        return text(locale, key, **values)

    sep = t("reason.sep")
    lines = [(t("record.present"), join(locale, record.present)),
             (t("record.late"), join(locale, record.late)),
             (t("record.absent"), sep.join(
                 t("record.absent_item", name=m, why=why or t("doc.without_leave"))
                 for m, why in record.absences.items())),
             (t("record.decisions"), sep.join(record.decisions))]
    return "\n".join([t("nb.record_line", title=record.session, day=day_only(locale, record.date)),
                      *("  " + t("nb.line", head=head, said=said)
                        for head, said in lines if said)])
