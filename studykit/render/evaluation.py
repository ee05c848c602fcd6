"""The year's evaluation as the branch files it, and as JSON and the terminal show it.

:func:`evaluation_tables` turns an :class:`~studykit.engine.evaluation.Evaluation` into
tables of text in the curriculum's language (the evidence side by side, the points for
the meeting, the follow-ups, the scorecard); the terminal, the Word documents and the
workbook print those same tables. :func:`evaluation_json` is the machine-readable form
(``docs/evaluation.md``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..domain.vocabulary import GRADES
from ..engine.evaluation import Evaluation, Evidence, IndicatorResult
from ..words import day_only, english, join, text
from .documents import seal
from .docxtemplate import Templates
from .report import Cell, Table, as_of_line, cell_text, text_rows
from .workbook import MAX_WIDTH, Book, Sheet


def _amount(value: float) -> str:
    return f"{value:g}"


def indicator_text(loc: str, r: IndicatorResult) -> str:
    """走访服务企业 14/12家次 ✓ (or — where nothing is recorded)."""
    if r.value is None:
        return text(loc, "eval.indicator_none", name=r.name)
    mark = text(loc, "eval.achieved" if r.achieved else "eval.not_achieved")
    return text(loc, "eval.indicator", name=r.name, value=_amount(r.value),
                target=_amount(r.target), unit=r.unit, mark=mark)


def hours_text(loc: str, e: Evidence, words: str = "eval") -> str:
    """36/32学时，达到 (or the hours alone where no floor applies); with ``words="evdoc"``
    the register's sentence (全年学习36学时，年度要求32学时，达到要求)."""
    h = e.hours
    if h is None:
        return ""
    if h.floor is None:
        return text(loc, f"{words}.hours_only", hours=_amount(h.year))
    return text(loc, f"{words}.hours", hours=_amount(h.year), floor=_amount(h.floor),
                status=text(loc, f"{words}.met" if h.status == "met" else f"{words}.not_met"))


def attendance_text(loc: str, e: Evidence, words: str = "eval") -> str:
    """11/12次（92%）; with ``words="evdoc"`` the register's sentence, with the late ones."""
    a = e.attendance
    if not a.expected:
        return text(loc, f"{words}.no_sessions")
    said = text(loc, f"{words}.attendance", attended=a.attended, expected=a.expected,
                rate=f"{a.rate or 0:.0%}")
    return said + (text(loc, "evdoc.late", n=a.late) if words == "evdoc" and a.late else "")


def absence_lines(loc: str, e: Evidence, year: int) -> list[str]:
    """Each absence: the day, the session, the reason (or 无故缺席), the make-up done."""
    out = []
    for a in e.attendance.absences:
        why = a.reason if a.reason else text(
            loc, "doc.without_leave" if a.reason is None else "doc.on_leave")
        made = text(loc, "eval.made_up", day=cell_text(loc, a.made_up, year)) \
            if a.made_up else ""
        out.append(text(loc, "eval.absence", day=cell_text(loc, a.held, year), title=a.title,
                        why=why, made=made))
    return out


def absences_text(loc: str, e: Evidence, year: int) -> str:
    """The absences in one cell of the evidence table."""
    return text(loc, "reason.sep").join(absence_lines(loc, e, year))


def actions_text(loc: str, e: Evidence) -> str:
    """承担 3 项，完成 2 项."""
    if not e.actions:
        return ""
    return text(loc, "eval.actions", n=len(e.actions), done=e.delivered)


def pioneer_text(loc: str, e: Evidence) -> str:
    """政策咨询示范窗口：承诺……."""
    return text(loc, "reason.sep").join(
        text(loc, "eval.pioneer", post=p.post, pledge=p.pledge) for p in e.pioneer)


def visits_text(loc: str, e: Evidence) -> str:
    """走访 14 次（9 家企业）."""
    if not e.visits:
        return ""
    return text(loc, "eval.visits", n=len(e.visits),
                firms=len({v.enterprise for v in e.visits}))


def ballot_text(loc: str, e: Evidence) -> str:
    """优秀 9 / 合格 3 / 基本合格 0 / 不合格 0."""
    if e.ballot is None:
        return ""
    return " / ".join(f"{text(loc, f'grade.{g}')} {e.ballot.count(g)}"
                      for g in GRADES)


def evaluation_tables(ev: Evaluation) -> list[Table]:
    """The evaluation's tables, in order: the evidence, the points for the meeting, the
    follow-ups, organisational life and study, business indicators by post."""
    cur, loc = ev.curriculum, ev.curriculum.locale

    def t(key: str, **values: object) -> str:
        return text(loc, key, **values)

    evidence: list[list[Cell]] = []
    for e in ev.evidence:
        evidence.append([
            e.name, t(f"party.{e.party}"), hours_text(loc, e), attendance_text(loc, e),
            absences_text(loc, e, ev.year), actions_text(loc, e), pioneer_text(loc, e),
            visits_text(loc, e), t("reason.sep").join(indicator_text(loc, r)
                                                      for r in e.indicators),
            ballot_text(loc, e),
            t(f"grade.{e.grade}") if e.grade else (t("eval.left") if not e.due else "")])
    flags: list[list[Cell]] = [[n, f.message.text(loc)] for n, f in enumerate(ev.flags, 1)]
    names = {m.id: m.name for m in cur.members}
    followups: list[list[Cell]] = [
        [names.get(f.member, f.member), t(f"grade.{f.grade}"), f.task.text(loc), f.due,
         t("eval.recorded") if f.recorded else t("eval.to_record")] for f in ev.followups]
    card = ev.scorecard
    party: list[list[Cell]] = [
        [t(f"kind.{line.kind}"), line.required, line.met, line.held] for line in card.meetings]
    study: list[list[Cell]] = [
        [t("eval.card_hours"), card.with_floor, card.hours_met],
        [t("eval.card_gaps"), card.gaps, card.gaps_closed],
        [t("eval.card_evaluated"), len([e for e in ev.evidence if e.due]), card.evaluated],
        [t("eval.card_excellent"), ev.excellent_max, card.excellent]]
    business: list[list[Cell]] = [
        [p.role_name, p.name, p.unit, p.members, p.recorded, p.achieved]
        for p in card.indicators]
    return [
        Table("evidence", t("eval.t_evidence"), [
            t("col.name"), t("col.standing"), t("eval.c_hours"), t("eval.c_attendance"),
            t("eval.c_absences"), t("eval.c_actions"), t("eval.c_pioneer"),
            t("eval.c_visits"), t("eval.c_indicators"), t("eval.c_ballot"),
            t("eval.c_grade")], evidence),
        Table("flags", t("eval.t_flags"), [t("col.no"), t("eval.c_flag")], flags),
        Table("followups", t("eval.t_followups"), [
            t("col.name"), t("eval.c_grade"), t("eval.c_task"), t("eval.c_due"),
            t("eval.c_recorded")], followups),
        Table("meetings", t("eval.t_meetings"), [
            t("eval.c_kind"), t("eval.c_required"), t("eval.c_met"), t("eval.c_held")], party),
        Table("study", t("eval.t_study"), [
            t("eval.c_item"), t("eval.c_of"), t("eval.c_reached")], study),
        Table("business", t("eval.t_business"), [
            t("eval.c_post"), t("eval.c_indicator"), t("eval.c_unit"), t("eval.c_members"),
            t("eval.c_recorded_n"), t("eval.c_achieved")], business),
    ]


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def evaluation_json(ev: Evaluation) -> str:
    """The evaluation as JSON (keys documented in ``docs/evaluation.md``)."""
    cur = ev.curriculum
    card = ev.scorecard

    def evidence(e: Evidence) -> dict[str, Any]:
        h, a = e.hours, e.attendance
        return {
            "member": e.member, "name": e.name, "party": e.party, "role": e.role,
            "group": e.group, "due": e.due, "left": _day(e.left),
            "hours": {"year": h.year, "floor": h.floor, "status": h.status} if h else None,
            "attendance": {"expected": a.expected, "attended": a.attended, "late": a.late,
                           "rate": a.rate, "unexcused": a.unexcused, "made_up": a.made_up,
                           "absences": [{"session": x.session, "held": x.held.isoformat(),
                                         "reason": x.reason, "made_up": _day(x.made_up)}
                                        for x in a.absences]},
            "actions": [{"ref": x.ref, "task": x.task, "status": x.status}
                        for x in e.actions],
            "pioneer": [{"post": p.post, "pledge": p.pledge, "period": str(p.period)}
                        for p in e.pioneer],
            "visits": [{"enterprise": v.enterprise, "date": v.date.isoformat(),
                        "asked": v.asked, "solved": v.solved} for v in e.visits],
            "indicators": [{"indicator": r.indicator, "value": r.value, "target": r.target,
                            "achieved": r.achieved, "from_visits": r.visits}
                           for r in e.indicators],
            "ballot": e.ballot.model_dump() if e.ballot else None,
            "grade": e.grade,
        }

    data = {
        "organization": cur.organization.name,
        "year": ev.year,
        "day": ev.day.isoformat(),
        "session": ev.record.session if ev.record else None,
        "held": ev.held_ok,
        "present": ev.present, "entitled": ev.entitled,
        "excellent_max": ev.excellent_max,
        "grades": {g: ev.count(g) for g in GRADES},
        "evidence": [evidence(e) for e in ev.evidence],
        "flags": [{"rule": f.rule, "member": f.member, "message": f.message.text(cur.locale)}
                  for f in ev.flags],
        "problems": [p.text(cur.locale) for p in ev.ledger.problems],
        "followups": [{"member": f.member, "grade": f.grade, "task": f.task.text(cur.locale),
                       "due": f.due.isoformat(), "recorded": f.recorded}
                      for f in ev.followups],
        "scorecard": {
            "meetings": [{"kind": m.kind, "required": m.required, "met": m.met, "held": m.held}
                         for m in card.meetings],
            "with_floor": card.with_floor, "hours_met": card.hours_met,
            "gaps": card.gaps, "gaps_closed": card.gaps_closed,
            "indicators": [{"role": p.role, "indicator": p.indicator, "members": p.members,
                            "recorded": p.recorded, "achieved": p.achieved}
                           for p in card.indicators],
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def evaluation_title(ev: Evaluation) -> str:
    """亭湖区…党支部2027年度民主评议党员情况."""
    return text(ev.curriculum.locale, "eval.title", org=ev.curriculum.organization.name,
                year=ev.year)


def summary_line(ev: Evaluation) -> str:
    """参评 14 名：优秀 4 名（29%），合格 9 名，基本合格 1 名，不合格 0 名."""
    loc = ev.curriculum.locale
    n = len(ev.evaluated)
    if not n:
        return text(loc, "eval.none_graded")
    parts = [text(loc, "eval.grade_count", grade=text(loc, f"grade.{g}"), n=ev.count(g))
             for g in GRADES]
    return text(loc, "eval.summary", n=n, grades=join(loc, parts),
                share=f"{ev.excellent_share or 0:.0%}")


# --- the documents: ballot, register, summary, scorecard ----------------------------

def _common(ev: Evaluation) -> dict[str, Any]:
    """What every evaluation document knows: the branch, the year, its seal."""
    org = ev.curriculum.organization
    return {"org": {"name": org.name, "unit": org.unit or ""}, "year": ev.year,
            "seal": seal(ev.curriculum)}


def _post(ev: Evaluation, e: Evidence) -> str:
    role = ev.curriculum.roles.get(e.role)
    return role.name if role else ""


def ballot_context(ev: Evaluation) -> dict[str, Any]:
    """The variables of ``evaluation-ballot.docx`` (民主测评表): every member to be
    evaluated, in the curriculum's order; no score, no rank."""
    loc = ev.curriculum.locale
    rows = [{"no": n, "name": e.name, "party": text(loc, f"party.{e.party}"),
             "post": _post(ev, e)} for n, e in enumerate(ev.due, 1)]
    return {**_common(ev), "rows": rows, "count": len(rows),
            "excellent_max": ev.excellent_max}


_NO_TALLY = {g: "" for g in (*GRADES, "total", "text")}
"""A member's votes where no ballot is recorded: blanks."""


def _tally(loc: str, e: Evidence) -> dict[str, Any] | None:
    if e.ballot is None:
        return None
    counts = {g: e.ballot.count(g) for g in GRADES}
    return {**counts, "total": e.ballot.total,
            "text": text(loc, "evdoc.tally", total=e.ballot.total, **counts)}


def _indicator_line(loc: str, r: IndicatorResult) -> str:
    if r.value is None:
        return text(loc, "evdoc.indicator_none", name=r.name)
    # 96%, 3 visits: a word of a unit stands apart in English
    unit = f" {r.unit}" if english(loc) and r.unit and r.unit[0].isalpha() else r.unit
    return text(loc, "evdoc.indicator", name=r.name, value=_amount(r.value),
                target=_amount(r.target), unit=unit,
                mark=text(loc, "evdoc.achieved" if r.achieved else "evdoc.not_achieved"))


def member_context(ev: Evaluation, e: Evidence) -> dict[str, Any]:
    """One member's year in words, for the register: every value ``""`` (or an empty
    list) where the records say nothing, for the template's ruled blank."""
    loc, year = ev.curriculum.locale, ev.year
    return {
        "name": e.name, "party": text(loc, f"party.{e.party}"), "post": _post(ev, e),
        "group": e.group or "",
        "pioneer": [{"post": p.post, "pledge": p.pledge,
                     "text": text(loc, "eval.pioneer", post=p.post, pledge=p.pledge)}
                    for p in e.pioneer],
        "hours": hours_text(loc, e, "evdoc"),
        "attendance": attendance_text(loc, e, "evdoc"),
        "absences": absence_lines(loc, e, year),
        "actions_line": actions_text(loc, e),
        "actions": [{"task": a.task, "status": text(loc, f"status.{a.status}"),
                     "due": cell_text(loc, a.due, year) if a.due else ""}
                    for a in e.actions],
        "visits_line": visits_text(loc, e),
        "visits": [{"day": cell_text(loc, v.date, year), "enterprise": v.enterprise,
                    "asked": v.asked or "", "solved": v.solved or ""}
                   for v in sorted(e.visits, key=lambda v: v.date)],
        "indicators": [_indicator_line(loc, r) for r in e.indicators],
        "ballot": _tally(loc, e),
        "grade": text(loc, f"grade.{e.grade}") if e.grade else "",
    }


def register_context(ev: Evaluation, e: Evidence) -> dict[str, Any]:
    """The variables of ``evaluation-register.docx`` (党员民主评议登记表) of one member."""
    return {**_common(ev), "member": member_context(ev, e)}


def _secretary(ev: Evaluation) -> str:
    branch = ev.curriculum.as_of(ev.day)
    return next((m.name for m in branch.members if m.committee == "secretary"), "")


def summary_context(ev: Evaluation) -> dict[str, Any]:
    """The variables of ``evaluation-summary.docx`` (民主评议结果汇总), for the higher
    committee: the meeting, the totals by grade, each member's ballot and grade, the
    follow-ups and the points to explain."""
    loc = ev.curriculum.locale
    by_member = {f.member: f for f in ev.followups}
    rows = []
    for n, e in enumerate(ev.due, 1):
        follow = by_member.get(e.member)
        tally = _tally(loc, e)
        rows.append({"no": n, "name": e.name, "party": text(loc, f"party.{e.party}"),
                     "tally": tally or _NO_TALLY,
                     "ballot": "/".join(str(tally[g]) for g in GRADES) if tally else "",
                     "grade": text(loc, f"grade.{e.grade}") if e.grade else "",
                     "followup": text(loc, f"evdoc.followup.{follow.grade}") if follow else ""})
    names = {m.id: m.name for m in ev.curriculum.members}
    held = ev.held is not None
    quorum = ""
    if held and ev.entitled:
        quorum = text(loc, "evdoc.quorum_yes" if ev.present * 2 > ev.entitled
                      else "evdoc.quorum_no")
    n = len(ev.evaluated)
    return {
        **_common(ev),
        "held": held,
        "day": day_only(loc, ev.day) if held else "",
        "turnout": text(loc, "evdoc.turnout", entitled=ev.entitled, present=ev.present,
                        quorum=quorum) if held else "",
        "secretary": _secretary(ev),
        "due": len(ev.due),
        "evaluated": n,
        "totals": {g: ev.count(g) for g in GRADES},
        "share": f"{ev.excellent_share:.0%}" if ev.excellent_share is not None else "",
        "excellent_max": ev.excellent_max,
        "summary": summary_line(ev),
        "rows": rows,
        "followups": [{"name": names.get(f.member, ""), "grade": text(loc, f"grade.{f.grade}"),
                       "kind": text(loc, f"evdoc.followup.{f.grade}"), "task": f.task.text(loc),
                       "due": day_only(loc, f.due)} for f in ev.followups],
        "flags": [f.message.text(loc) for f in ev.flags],
    }


def scorecard_title(ev: Evaluation) -> str:
    """亭湖区…党支部2027年度党建工作与业务工作考核情况."""
    return text(ev.curriculum.locale, "eval.scorecard", org=ev.curriculum.organization.name,
                year=ev.year)


SCORECARD_TABLES = ("meetings", "study", "business")
"""The scorecard's tables (of :func:`evaluation_tables`), in order."""


def scorecard_context(ev: Evaluation) -> dict[str, Any]:
    """The variables of ``evaluation-scorecard.docx`` (年度党建工作与业务工作考核情况)."""
    loc = ev.curriculum.locale
    tables = {t.key: {"title": t.title, "headers": t.headers,
                      "rows": text_rows(t, loc, ev.year)}
              for t in evaluation_tables(ev) if t.key in SCORECARD_TABLES}
    return {**_common(ev), "title": scorecard_title(ev), "as_of": as_of_line(ev.ledger),
            "tables": tables}


EVIDENCE_WIDEST = {False: 22, True: 16}
"""The widest a column of the evidence sheet gets (characters of a digit's width; a
Chinese character is two), in Chinese and in English (whose words take a character each):
its eleven columns on one page's width."""


def scorecard_xlsx(ev: Evaluation) -> bytes:
    """``scorecard.xlsx``: a sheet per table of the scorecard (organisational life, study and
    evaluation, business indicators by post), then the evidence, a row per member, for the
    committee; each sheet set up to print (:class:`~.workbook.Book`)."""
    cur, loc = ev.curriculum, ev.curriculum.locale
    book = Book(loc, ev.year)
    tables = {t.key: t for t in evaluation_tables(ev)}
    title, as_of = scorecard_title(ev), as_of_line(ev.ledger)
    for key in (*SCORECARD_TABLES, "evidence"):
        table = tables[key]
        name = text(loc, f"evdoc.sheet.{key}")
        # the evidence's eleven columns on one page's width: its long text wraps sooner
        book.add(Sheet(name, text(loc, "workbook.title", title=title, sheet=name), as_of,
                       cur.organization.name, table.headers, table.rows,
                       empty=text(loc, "ledger.none"),
                       widest=EVIDENCE_WIDEST[english(loc)] if key == "evidence"
                       else MAX_WIDTH))
    return book.save(ev.ledger.as_of)


def minutes_evaluation(ev: Evaluation) -> dict[str, Any]:
    """The ``evaluation`` variable of ``minutes.docx`` for the meeting the evaluation was
    held at: how many were evaluated, each one's tally and grade; and the follow-ups not in
    the record yet, as action items decided there (``task``, ``owner``, ``due``)."""
    loc = ev.curriculum.locale
    names = {m.id: m.name for m in ev.curriculum.members}
    rows = []
    for n, e in enumerate(ev.evaluated, 1):
        tally = _tally(loc, e)
        rows.append({"no": n, "name": e.name, "party": text(loc, f"party.{e.party}"),
                     "tally": tally or _NO_TALLY, "ballot": tally["text"] if tally else "",
                     "grade": text(loc, f"grade.{e.grade}")})
    summary = summary_line(ev)
    # grades decided without quorum do not stand: the minutes say so where they give them
    void = [f.message.text(loc) for f in ev.flags if f.rule == "no_quorum"]
    if void:
        summary = text(loc, "eval.void", summary=summary, why=void[0])
    return {"summary": summary, "evaluated": len(ev.evaluated), "rows": rows,
            "actions": [{"task": f.task.text(loc), "owner": names.get(f.member, ""),
                         "due": day_only(loc, f.due)}
                        for f in ev.followups if not f.recorded]}


def evaluation_files(ev: Evaluation, templates: Templates) -> dict[str, bytes]:
    """Every document of the evaluation, by file name under the output folder:
    ``evaluation/ballot.docx`` (民主测评表), ``evaluation/register/<member>.docx`` (党员民主
    评议登记表, one per member to be evaluated), ``evaluation/summary.docx`` (民主评议结果
    汇总), ``evaluation/scorecard.docx`` and ``evaluation/scorecard.xlsx``."""
    files = {"evaluation/ballot.docx":
             templates.get("evaluation-ballot.docx").render(ballot_context(ev))}
    register = templates.get("evaluation-register.docx")
    for e in ev.due:
        files[f"evaluation/register/{e.member}.docx"] = register.render(
            register_context(ev, e))
    files["evaluation/summary.docx"] = templates.get("evaluation-summary.docx").render(
        summary_context(ev))
    files["evaluation/scorecard.docx"] = templates.get("evaluation-scorecard.docx").render(
        scorecard_context(ev))
    files["evaluation/scorecard.xlsx"] = scorecard_xlsx(ev)
    return files
