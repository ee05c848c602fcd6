"""How the public objects look in Jupyter: HTML tables in the curriculum's language.

Each public object (curriculum, needs, plan, record, ledger, evaluation) is drawn by a
function here, which :mod:`.jupyter` registers with IPython (the objects themselves know
nothing of how they are shown); :mod:`.tables` draws them for the terminal. Chinese text
needs no alignment work in HTML: the browser lays the table out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..render.documents import calendar_context
from ..render.evaluation import evaluation_tables, evaluation_title, summary_line
from ..render.report import as_of_line, ledger_tables, report_title, text_rows
from ..words import day_only, join, quarter_title, short_date, text
from .tables import table

if TYPE_CHECKING:
    from ..domain.models import Curriculum
    from ..domain.plan import Plan
    from ..domain.records import Record
    from ..engine.checker import Finding
    from ..engine.evaluation import Evaluation
    from ..engine.ledger import Ledger
    from ..engine.levels import Projection
    from ..engine.needs import Needs
    from ..engine.trials import Trial
    from ..render.output import Written

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
    return _page(text(loc, "plan.title", org=cur.organization.name,
                 quarter=quarter_title(loc, plan.quarter)),
                 extra, table)


def record_html(record: Record, curriculum: Curriculum | None = None,
                title: str | None = None) -> str:
    """Who was there and what was said and decided at one session, names for ids; a line
    with nothing in it (nobody late) is left out."""
    loc = curriculum.locale if curriculum else "zh-CN"

    def name(m: str) -> str:
        return curriculum.member_by_id[m].name if curriculum and m in \
            curriculum.member_by_id else m

    def t(key: str, **values: object) -> str:
        return text(loc, key, **values)

    sep = t("reason.sep")
    without_leave = t("doc.without_leave")
    rows = [[t("form.chair"), name(record.chair) if record.chair else ""],
            [t("form.recorder"), name(record.recorder) if record.recorder else ""],
            [t("record.present"), join(loc, map(name, record.present))],
            [t("record.late"), join(loc, map(name, record.late))],
            [t("record.absent"), sep.join(t("record.absent_item", name=name(m),
                                            why=why or without_leave)
                                          for m, why in record.absences.items())],
            [t("nb.topics"), sep.join(record.topics)],
            [t("record.votes"), sep.join(t("record.vote_item", motion=v.motion,
                                           votes_for=v.for_, against=v.against,
                                           abstain=v.abstain) for v in record.votes)],
            [t("record.decisions"), sep.join(record.decisions)],
            [t("record.actions"), sep.join(t("record.action_item", task=a.task,
                                             owner=name(a.owner),
                                             due=day_only(loc, a.due) if a.due else "")
                                           for a in record.actions)],
            [t("form.summary"), record.summary or ""]]
    heading = t("nb.record_line", title=title or record.session,
                day=day_only(loc, record.date))
    return _page(heading, html_table(["", ""], [r for r in rows if r[1]]))


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
    return excellent_check_view(ev).html


def excellent_check_view(ev: Evaluation) -> View:
    """:func:`excellent_check_html`, with its text."""
    loc = ev.curriculum.locale
    limit = f"{float(ev.curriculum.rules.evaluation.excellent_max):.0%}"
    evaluated, excellent = len(ev.evaluated), ev.count("excellent")
    if evaluated:
        share = text(loc, "nb.check_share", evaluated=evaluated, excellent=excellent,
                     share=f"{ev.excellent_share or 0:.0%}", limit=limit, most=ev.excellent_max)
        verdict = text(loc, "nb.check_over", over=excellent - ev.excellent_max) \
            if excellent > ev.excellent_max else text(loc, "nb.check_ok")
        lead = f"<p><b>{escape(share)}</b> {escape(verdict)}</p>"
        said = f"{share} {verdict}"
    else:
        due = sum(1 for e in ev.evidence if e.due)
        said = text(loc, "nb.check_none", due=due, limit=limit)
        lead = f"<p><b>{escape(said)}</b></p>"
    points = [f.message.text(loc) for f in ev.flags]
    listed = (f"<ol>{''.join(f'<li>{escape(p)}</li>' for p in points)}</ol>" if points
              else f"<p>{escape(text(loc, 'nb.no_points'))}</p>")
    title, heading = text(loc, "nb.check_title"), text(loc, "nb.points", n=len(points))
    return View(_page(title, lead, f"<h4>{escape(heading)}</h4>", listed),
                "\n".join([title, said, "", heading,
                           *(f"{i}. {p}" for i, p in enumerate(points, 1)),
                           *([] if points else [text(loc, "nb.no_points")])]))


# --- what the notebooks show besides the public objects ------------------------------


@dataclass(frozen=True)
class View:
    """Something a notebook shows: HTML in Jupyter, text anywhere else (never a raw
    object's repr)."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


def curriculum_text(cur: Curriculum) -> str:
    """The curriculum in one line: the branch, its members and courses."""
    return text(cur.locale, "nb.curriculum_line", org=cur.organization.name,
                members=len(cur.members), courses=len(cur.courses))


def findings_view(findings: Sequence[Finding], locale: str) -> View:
    """The check of a plan: every rule holds, or each point found, in words."""
    if not findings:
        said = text(locale, "nb.rules_hold")
        return View(f"<div class='studykit'><p>{escape(said)}</p></div>", said)
    head = text(locale, "nb.findings", n=len(findings))
    lines = [str(f) for f in findings]
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return View(_page(head, f"<ul>{items}</ul>"), "\n".join([head, *lines]))


def written_view(written: Written, out: Path | str, locale: str,
                 also: Sequence[Path] = ()) -> View:
    """What was written into ``out``: how many files (``also``: files written besides, the
    charts), each by its path under ``out``, and those put beside a file changed by hand."""
    root = Path(out)

    def shown(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return str(path)

    unchanged = text(locale, "cli.unchanged", n=len(written.unchanged)) \
        if written.unchanged else ""
    head = text(locale, "nb.written", n=len(written.written) + len(also), out=str(out),
                unchanged=unchanged)
    lines = [shown(p) for p in [*written.written, *also]]
    lines += [text(locale, "cli.beside", path=shown(p)) for p in written.beside]
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return View(f"<div class='studykit'><p>{escape(head)}</p>"
                + (f"<ul>{items}</ul>" if items else "") + "</div>",
                "\n".join([head, *(f"  {line}" for line in lines)]))


def ledger_view(ledger: Ledger, *keys: str) -> View:
    """The ledger's tables named by ``keys`` (``makeup``, ``actions``…), each under its
    heading; an empty one says 无."""
    loc = ledger.curriculum.locale
    parts, lines = [], []
    for t in ledger_tables(ledger, upcoming_shown=3):
        if t.key not in keys:
            continue
        rows = text_rows(t, loc, ledger.year)
        parts.append(f"<h4>{escape(t.title)}</h4>")
        parts.append(html_table(t.headers, rows) if rows
                     else f"<p>{escape(text(loc, 'ledger.none'))}</p>")
        lines += ["", t.title, table(t.headers, rows) if rows else text(loc, "ledger.none")]
    return View(f"<div class='studykit'>{_STYLE}{''.join(parts)}</div>",
                "\n".join(lines).strip("\n"))


def levels_view(cur: Curriculum, projections: Sequence[Projection]) -> View:
    """Each member's level at each day projected, for the competencies that change."""
    loc = cur.locale
    headers = [text(loc, "col.name"), text(loc, "col.competency"),
               *(short_date(loc, p.day) for p in projections)]
    rows = [[m.name, cur.competencies[c], *(str(p.levels[m.id].get(c, 0)) for p in projections)]
            for m in cur.members for c in cur.competencies
            if len({p.levels.get(m.id, {}).get(c, 0) for p in projections}) > 1]
    if not rows:
        none = text(loc, "ledger.none")
        return View(f"<div class='studykit'><p>{escape(none)}</p></div>", none)
    return View(f"<div class='studykit'>{_STYLE}{html_table(headers, rows)}</div>",
                table(headers, rows))


def trial_view(trial: Trial | None, locale: str) -> View:
    """The change to try, or that the plan has no course to try one on."""
    if trial is None:
        said = text(locale, "nb.no_trial")
        return View(f"<div class='studykit'><p>{escape(said)}</p></div>", said)
    return View(trial_html(trial), trial_text(trial))


def trial_html(trial: Trial) -> str:
    """The change to try, and why this course."""
    head, why = trial_text(trial).split("\n")
    return f"<div class='studykit'><p><b>{escape(head)}</b></p><p>{escape(why)}</p></div>"


def trial_text(trial: Trial) -> str:
    """The change to try on one line, why this course on the next."""
    loc = trial.locale
    head = text(loc, "nb.trial", title=trial.title, planned=short_date(loc, trial.planned),
                day=short_date(loc, trial.day))
    why = text(loc, "nb.trial_why", levels=trial.levels) if trial.levels \
        else text(loc, "nb.trial_first")
    return f"{head}\n{why}"
