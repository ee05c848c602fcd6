"""How the public objects look in Jupyter: HTML tables in the curriculum's language.

Each public object (curriculum, needs, plan, record, ledger, evaluation) is drawn by a
function here, which :mod:`.jupyter` registers with IPython (the objects themselves know
nothing of how they are shown); :mod:`.tables` draws them for the terminal. Chinese text
needs no alignment work in HTML: the browser lays the table out.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from ..render.documents import calendar_context
from ..render.evaluation import evaluation_tables, evaluation_title, summary_line
from ..render.report import as_of_line, ledger_tables, report_title, text_rows
from ..words import join, text

if TYPE_CHECKING:
    from ..domain.models import Curriculum
    from ..domain.plan import Plan
    from ..domain.records import Record
    from ..engine.evaluation import Evaluation
    from ..engine.ledger import Ledger
    from ..engine.needs import Needs

_STYLE = ("<style>.studykit table{border-collapse:collapse;margin:0.3em 0 1em}"
          ".studykit th,.studykit td{border:1px solid #bbb;padding:2px 8px;text-align:left;"
          "vertical-align:top}.studykit th{background:#f3f3f3}"
          ".studykit .gap{background:#fde2e2}.studykit .ok{background:#e6f4e6}</style>")


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]],
               classes: Sequence[Sequence[str]] | None = None) -> str:
    """A table with escaped text; ``classes`` gives a CSS class per cell (gap, ok)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cells = []
        for j, value in enumerate(row):
            css = classes[i][j] if classes else ""
            cells.append(f"<td class='{css}'>{escape(value)}</td>" if css
                         else f"<td>{escape(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _page(title: str, *parts: str) -> str:
    return f"<div class='studykit'>{_STYLE}<h3>{escape(title)}</h3>{''.join(parts)}</div>"


def curriculum_html(cur: Curriculum) -> str:
    """The members with their posts and party standing, and the courses."""
    loc = cur.locale
    members = html_table(
        [text(loc, "needs.member"), text(loc, "needs.role"), text(loc, "col.standing"),
         text(loc, "col.id")],
        [[m.name, cur.roles[m.role].name, text(loc, f"party.{m.party}")
          + (text(loc, "committee.suffix", post=text(loc, f"committee.{m.committee}"))
             if m.committee else ""), m.id]
         for m in cur.members])
    courses = html_table(
        [text(loc, "col.id"), text(loc, "col.session"), text(loc, "col.kind"),
         text(loc, "col.hours")],
        [[c.id, c.title, text(loc, f"kind.{c.kind}"), f"{c.hours:g}"] for c in cur.courses])
    return _page(cur.organization.name, members, courses)


def needs_html(needs: Needs) -> str:
    """The gap table (gaps shaded), each course's audience with reasons, uncovered gaps."""
    cur, loc = needs.curriculum, needs.curriculum.locale
    comps = list(cur.competencies)
    by = {(g.member, g.competency): g for g in needs.gaps}
    rows, classes = [], []
    for m in cur.members:
        cells, css = [m.name, cur.roles[m.role].name], ["", ""]
        for c in comps:
            g = by.get((m.id, c))
            cells.append(f"{g.current}/{g.required or '-'}" if g else "")
            css.append("gap" if g and g.missing else "ok" if g and g.required else "")
        rows.append(cells)
        classes.append(css)
    gaps = html_table([text(loc, "needs.member"), text(loc, "needs.role"),
                       *(cur.competencies[c] for c in comps)], rows, classes)
    names = {m.id: m.name for m in cur.members}
    courses = html_table(
        [text(loc, "col.session"), text(loc, "needs.who")],
        [[text(loc, "display.course_count", title=c.title, n=len(needs.audiences[c.id])),
          text(loc, "reason.sep").join(text(loc, "display.reason", name=names[a.member],
                                            reason=a.reason) for a in needs.audiences[c.id])]
         for c in cur.courses])
    uncovered = html_table(
        [text(loc, "needs.competency"), text(loc, "needs.affected"), text(loc, "needs.who")],
        [[cur.competencies[u.competency], str(len(u.members)),
          join(loc, [names[m] for m in u.members])] for u in needs.uncovered])
    return _page(text(loc, "needs.title", org=cur.organization.name), gaps,
                 f"<h4>{escape(text(loc, 'needs.courses'))}</h4>", courses,
                 f"<h4>{escape(text(loc, 'needs.uncovered'))}</h4>", uncovered)


def plan_html(plan: Plan) -> str:
    """The quarter's sessions in date order, with what could not be placed."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    ctx = calendar_context(plan)
    rows = [[r["date"], r["weekday"], r["time"], r["kind"], r["title"], r["speaker"],
             r["venue"], r["attendees"]] for r in ctx["rows"]]
    table = html_table([text(loc, "col.date"), "", "", text(loc, "col.kind"),
                        text(loc, "col.session"), text(loc, "doc.speaker"), "",
                        text(loc, "needs.who")], rows)
    extra = "".join(f"<p>{escape(n)}</p>" for n in plan.notes)
    if plan.unplaced:
        extra += f"<h4>{escape(text(loc, 'plan.unplaced'))}</h4><ul>" + "".join(
            f"<li>{escape(str(u))}</li>" for u in plan.unplaced) + "</ul>"
    return _page(text(loc, "plan.title", org=cur.organization.name, quarter=plan.quarter),
                 extra, table)


def record_html(record: Record, curriculum: Curriculum | None = None) -> str:
    """Who was there and what was decided at one session."""
    loc = curriculum.locale if curriculum else "zh-CN"

    def name(m: str) -> str:
        return curriculum.member_by_id[m].name if curriculum and m in \
            curriculum.member_by_id else m

    def t(key: str, **values: object) -> str:
        return text(loc, key, **values)

    sep = t("reason.sep")
    without_leave = t("doc.without_leave")
    rows = [[t("record.present"), join(loc, map(name, record.present))],
            [t("record.late"), join(loc, map(name, record.late))],
            [t("record.absent"), sep.join(t("record.absent_item", name=name(m),
                                            why=why or without_leave)
                                          for m, why in record.absences.items())],
            [t("record.votes"), sep.join(t("record.vote_item", motion=v.motion,
                                           votes_for=v.for_, against=v.against,
                                           abstain=v.abstain) for v in record.votes)],
            [t("record.decisions"), sep.join(record.decisions)],
            [t("record.actions"), sep.join(t("record.action_item", task=a.task,
                                             owner=name(a.owner), due=a.due or "")
                                           for a in record.actions)]]
    return _page(f"{record.session} {record.date}", html_table(["", ""], rows))


def ledger_html(ledger: Ledger) -> str:
    """Every table of the ledger, under its heading."""
    parts = [f"<p>{escape(as_of_line(ledger))}</p>"]
    for t in ledger_tables(ledger, upcoming_shown=3):
        parts.append(f"<h4>{escape(t.title)}</h4>")
        rows = text_rows(t, ledger.curriculum.locale, ledger.year)
        parts.append(html_table(t.headers, rows) if rows
                     else f"<p>{escape(text(ledger.curriculum.locale, 'ledger.none'))}</p>")
    return _page(report_title(ledger), *parts)


def evaluation_html(ev: Evaluation) -> str:
    """The year's evaluation: each party member's evidence side by side, in the
    curriculum's order (no score, no rank), the points for the meeting, the follow-ups and
    the branch's scorecard, each table under its heading."""
    cur, loc = ev.curriculum, ev.curriculum.locale
    parts = [f"<p>{escape(summary_line(ev))}</p>"]
    for t in evaluation_tables(ev):
        if t.key == "meetings":
            card = text(loc, "eval.scorecard", org=cur.organization.name, year=ev.year)
            parts.append(f"<h3>{escape(card)}</h3>")
        parts.append(f"<h4>{escape(t.title)}</h4>")
        rows = text_rows(t, loc, ev.year)
        parts.append(html_table(t.headers, rows) if rows
                     else f"<p>{escape(text(loc, 'ledger.none'))}</p>")
    return _page(evaluation_title(ev), *parts)


def excellent_check_html(ev: Evaluation) -> str:
    """The check of the share of 优秀 in plain words (优秀 n of N evaluated, the most
    allowed, within the limit or past it), then every point for the meeting in words."""
    loc = ev.curriculum.locale
    limit = f"{float(ev.curriculum.rules.evaluation.excellent_max):.0%}"
    evaluated, excellent = len(ev.evaluated), ev.count("excellent")
    if evaluated:
        share = text(loc, "nb.check_share", evaluated=evaluated, excellent=excellent,
                     share=f"{ev.excellent_share or 0:.0%}", limit=limit, most=ev.excellent_max)
        verdict = text(loc, "nb.check_over", over=excellent - ev.excellent_max) \
            if excellent > ev.excellent_max else text(loc, "nb.check_ok")
        lead = f"<p><b>{escape(share)}</b> {escape(verdict)}</p>"
    else:
        due = sum(1 for e in ev.evidence if e.due)
        lead = f"<p><b>{escape(text(loc, 'nb.check_none', due=due, limit=limit))}</b></p>"
    points = (f"<ol>{''.join(f'<li>{escape(f.message.text(loc))}</li>' for f in ev.flags)}</ol>"
              if ev.flags else f"<p>{escape(text(loc, 'nb.no_points'))}</p>")
    return _page(text(loc, "nb.check_title"), lead,
                 f"<h4>{escape(text(loc, 'nb.points', n=len(ev.flags)))}</h4>", points)
