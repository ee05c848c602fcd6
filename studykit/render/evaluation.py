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
from ..words import join, text
from .docxtemplate import Templates
from .report import Cell, Table


def _amount(value: float) -> str:
    return f"{value:g}"


def indicator_text(loc: str, r: IndicatorResult) -> str:
    """走访服务企业 14/12家次 ✓ (or — where nothing is recorded)."""
    if r.value is None:
        return text(loc, "eval.indicator_none", name=r.name)
    mark = text(loc, "eval.achieved" if r.achieved else "eval.not_achieved")
    return text(loc, "eval.indicator", name=r.name, value=_amount(r.value),
                target=_amount(r.target), unit=r.unit, mark=mark)


def hours_text(loc: str, e: Evidence) -> str:
    """36/32 学时, 达到 (or the hours alone where no floor applies)."""
    h = e.hours
    if h is None:
        return ""
    if h.floor is None:
        return text(loc, "eval.hours_only", hours=_amount(h.year))
    return text(loc, "eval.hours", hours=_amount(h.year), floor=_amount(h.floor),
                status=text(loc, "eval.met" if h.status == "met" else "eval.not_met"))


def attendance_text(loc: str, e: Evidence) -> str:
    """出勤 11/12（92%）."""
    a = e.attendance
    if not a.expected:
        return text(loc, "eval.no_sessions")
    return text(loc, "eval.attendance", attended=a.attended, expected=a.expected,
                rate=f"{a.rate or 0:.0%}")


def absences_text(loc: str, e: Evidence, year: int) -> str:
    """Each absence: the session, the day, the reason (or 无故缺席), the make-up done."""
    from .report import cell_text

    out = []
    for a in e.attendance.absences:
        why = a.reason if a.reason else text(
            loc, "doc.without_leave" if a.reason is None else "doc.on_leave")
        made = text(loc, "eval.made_up", day=cell_text(loc, a.made_up, year)) \
            if a.made_up else ""
        out.append(text(loc, "eval.absence", day=cell_text(loc, a.held, year), title=a.title,
                        why=why, made=made))
    return text(loc, "reason.sep").join(out)


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
        "followups": [{"member": f.member, "grade": f.grade, "task": f.task.text(cur.locale),
                       "due": f.due.isoformat(), "recorded": f.recorded}
                      for f in ev.followups],
        "scorecard": {
            "meetings": [{"kind": m.kind, "required": m.required, "met": m.met, "held": m.held}
                         for m in card.meetings],
            "with_floor": card.with_floor, "hours_met": card.hours_met,
            "gaps": card.gaps, "gaps_closed": card.gaps_closed,
            "indicators": [{"role": p.role, "indicator": p.indicator, "members": p.members,
                            "recorded": p.recorded, "achieved": p.achieved, "value": p.value,
                            "target": p.target} for p in card.indicators],
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


def evaluation_files(ev: Evaluation, templates: Templates) -> dict[str, bytes]:
    """Every document of the evaluation, by file name under the output folder."""
    raise NotImplementedError("documents: in progress")
