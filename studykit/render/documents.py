"""The plan's Word documents: the quarter's calendar, and per session its plan
(活动方案 or 教案) and its sign-in sheet (签到表).

Each document is a template (see :mod:`studykit.docxtemplate`) filled with a
context built here by a pure function of the plan; ``docs/templates.md`` lists
every variable. :func:`plan_documents` renders them all, each template prepared
once for the whole run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain.models import Curriculum
from ..domain.plan import Plan, Session
from ..domain.rules import chair_of, hour_floor, share_of_year
from ..domain.vocabulary import ACTIVITY_KINDS, MEETING_KINDS, STUDY_KINDS
from ..words import (
    MONTHS,
    day_only,
    items,
    join,
    long_date,
    quarter_title,
    short_date,
    text,
    weekday,
)
from ..words import title as titled
from .basis import explain_stale, people_basis
from .docxtemplate import Templates
from .ical import member_calendars, read_previous, to_ics
from .notices import notice_files
from .output import Basis, Batch, Written, write_batches
from .planfile import dump_plan

GUEST_ROWS = 3
"""Empty rows for guests (列席) on a sign-in sheet."""


def _hours(value: float) -> str:
    return f"{value:g}"


def _person(cur: Curriculum, who: str | None) -> str:
    if not who:
        return ""
    member = cur.member_by_id.get(who)
    return member.name if member else who


def _who(plan: Plan, session: Session) -> str:
    """Who the session is for, in words (支部委员会委员, 第一党小组全体党员…)."""
    loc = plan.curriculum.locale
    if session.course is None:
        return text(loc, f"who.{session.kind}", group=session.group or "")
    course = plan.curriculum.course_by_id[session.course]
    kind = course.effective_audience.kind
    return text(loc, "who.committee_audience" if kind == "committee" else f"who.{kind}")


def heading(plan: Plan, session: Session) -> str:
    """What a session's documents are titled: a course's title; a meeting's title without
    the month's theme, and with the year where the title has none (2027年1月主题党日,
    第一党小组2027年1月党小组会)."""
    loc = plan.curriculum.locale
    name = session.title
    if session.theme is not None:
        name = name.removesuffix(text(loc, "title.themed", title="", theme=session.theme))
    if session.course is not None:
        return name
    monthly, dated = (("title.group", "doc.heading_group") if session.kind == "group"
                      else ("title.month", "doc.heading_month"))
    for month in range(1, 13):
        if name == titled(loc, monthly, session.kind, month=month, group=session.group or ""):
            return titled(loc, dated, session.kind, month=month, year=session.date.year,
                          group=session.group or "")
    return name


def session_info(plan: Plan, session: Session) -> dict[str, Any]:
    """The ``session`` variable of every per-session document."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    chair = chair_of(cur.as_of(session.date).members, session)
    return {
        "id": session.id,
        "title": session.title,
        "heading": heading(plan, session),
        "kind": text(loc, f"kind.{session.kind}"),
        "date": long_date(loc, session.date),
        "day": day_only(loc, session.date),
        "short_date": short_date(loc, session.date),
        "time": f"{session.start:%H:%M}–{session.end:%H:%M}",
        "venue": session.place or "",
        "hours": _hours(session.hours),
        "speaker": _person(cur, session.speaker),
        "chair": chair.name if chair else "",
        "recorder": "",
    }


def _common(plan: Plan) -> dict[str, Any]:
    org = plan.curriculum.organization
    return {"org": {"name": org.name, "unit": org.unit or ""}, "quarter": str(plan.quarter),
            "quarter_title": quarter_title(plan.curriculum.locale, plan.quarter)}


def calendar_context(plan: Plan) -> dict[str, Any]:
    """The variables of ``calendar.docx``."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    rows = []
    for no, s in enumerate(plan.sessions, start=1):
        rows.append({
            "no": no,
            "date": short_date(loc, s.date),
            "weekday": weekday(loc, s.date.weekday()),
            "time": f"{s.start:%H:%M}–{s.end:%H:%M}",
            "kind": text(loc, f"kind.{s.kind}"),
            "title": s.title,
            "speaker": _person(cur, s.speaker),
            "venue": s.place or "",
            "attendees": text(loc, "doc.count", who=_who(plan, s), n=len(s.attendees)),
            "count": len(s.attendees),
        })
    return {**_common(plan),
            "title": text(loc, "doc.calendar_title", org=cur.organization.name,
                          quarter_title=quarter_title(loc, plan.quarter)),
            # the notes name config keys: for the terminal and plan.yaml, not a filed page
            "rows": rows, "notes": [], "count": len(rows)}


def _timed(start: datetime, minutes: float, labels: list[str]) -> list[dict[str, str]]:
    """Agenda items with times: the session's minutes shared out in steps of five."""
    if not labels:
        return []
    step = max(5, int(minutes / len(labels) / 5) * 5)
    out, at = [], start
    end = start + timedelta(minutes=minutes)
    for i, label in enumerate(labels):
        until = end if i == len(labels) - 1 else min(end, at + timedelta(minutes=step))
        out.append({"time": f"{at:%H:%M}–{until:%H:%M}", "item": label})
        at = until
    return out


def session_plan_context(plan: Plan, session: Session,
                         followups: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The variables of ``plan-activity.docx`` and ``plan-lesson.docx``; ``followups`` are
    the open action items of earlier meetings (from the ledger)."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    course = cur.course_by_id.get(session.course or "")
    info = session_info(plan, session)
    names = [cur.member_by_id[m].name for m in session.attendees]
    agenda_items = list(session.agenda) or (
        items(loc, f"agenda.{session.kind}") if session.kind in MEETING_KINDS else [])
    minutes = session.hours * 60
    start = datetime.combine(session.date, session.start)
    if session.kind in ("seminar", "practice"):
        purpose = text(loc, f"purpose.{session.kind}", title=course.title if course else "")
    elif session.kind in MEETING_KINDS:
        purpose = text(loc, f"purpose.{session.kind}")
    else:
        purpose = ""
    aims = list(course.aims) if course and course.aims else []
    if course and not aims:
        aims = [text(loc, "aim.gap", competency=cur.competencies[c]) for c in course.builds] \
            or [text(loc, "aim.default", title=course.title)]
    talk = join(loc, agenda_items) if agenda_items else session.title
    questions = list(course.questions) if course else []
    # introduction, talk, discussion, summary: a tenth, a half, three tenths, the rest
    shares = [round(minutes * 0.1), round(minutes * 0.5), round(minutes * 0.3)]
    shares.append(round(minutes) - sum(shares))
    contents = [text(loc, "outline.intro_text"), talk,
                join(loc, questions) if questions else text(loc, "outline.discussion_text"),
                text(loc, "outline.summary_text")]
    outline = [{"stage": text(loc, f"outline.{stage}"), "content": content, "minutes": share}
               for stage, content, share in zip(("intro", "talk", "discussion", "summary"),
                                                contents, shares, strict=True)]
    duties = []
    if info["chair"]:
        duties.append({"who": info["chair"], "duty": text(loc, "doc.chair")})
    if info["speaker"]:
        duties.append({"who": info["speaker"], "duty": text(loc, "doc.speaker")})
    organiser = next((m.name for m in cur.members if m.committee == "member"), "")
    if organiser:
        duties.append({"who": organiser, "duty": text(loc, "doc.organiser")})
    duties.append({"who": _who(plan, session), "duty": text(loc, "doc.attend")})
    members = cur.as_of(session.date).member_by_id   # as they stood on the day
    return {
        **_common(plan),
        "session": info,
        "participants": text(loc, "doc.participants", who=_who(plan, session),
                             n=len(names), names=join(loc, names)),
        "attendees": [{"name": members[m].name, "post": cur.roles[members[m].role].name,
                       "party": text(loc, f"party.{members[m].party}"),
                       "reason": session.reasons.get(m, "")} for m in session.attendees],
        "excused": [{"name": members[m].name, "reason": why}
                    for m, why in session.excused.items()],
        "purpose": purpose,
        "method": text(loc, "method.skill" if session.kind == "skill" else "method"),
        "filing": text(loc, "filing"),
        "aims": aims,
        "requirements": items(loc, "requirements"),
        # a 教案 numbers its sections, so an empty one says so rather than vanish
        "materials": list(course.materials) if course and course.materials
        else [text(loc, "doc.none")],
        "questions": questions or [text(loc, "doc.default_question")],
        "agenda": _timed(start, minutes, agenda_items),
        "outline": outline,
        "duties": duties,
        "followups": followups or [],
    }


def attendance_context(plan: Plan, session: Session) -> dict[str, Any]:
    """The variables of ``attendance.docx``: only name, post and party standing; a member
    the plan excused is noted 请假, nothing more (the reason is their own)."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    members = cur.as_of(session.date).member_by_id   # as they stood on the day
    expected = session.expected
    order = {m.id: i for i, m in enumerate(cur.members)}
    rows = [{"no": no, "name": members[m].name, "party": text(loc, f"party.{members[m].party}"),
             "post": cur.roles[members[m].role].name,
             "note": text(loc, "doc.on_leave") if m in session.excused else ""}
            for no, m in enumerate(sorted(expected, key=order.__getitem__), start=1)]
    return {**_common(plan), "session": session_info(plan, session),
            "theme": session.theme or "",
            "expected": len(expected), "excused_count": len(session.excused), "rows": rows,
            "guest_rows": [{"no": n} for n in range(1, GUEST_ROWS + 1)]}


def plan_template(session: Session) -> str:
    """The template of a session's plan: 活动方案 or 教案."""
    return "plan-activity.docx" if session.kind in ACTIVITY_KINDS else "plan-lesson.docx"


def plan_documents(plan: Plan, templates: Templates,
                   followups: Mapping[str, list[dict[str, str]]] | None = None,
                   ) -> dict[str, bytes]:
    """Every document of the plan: relative path → bytes of the .docx.

    ``followups`` (session id → open action items) fills 上次会议决议落实情况.
    """
    followups = followups or {}
    out = {"calendar.docx": templates.get("calendar.docx").render(calendar_context(plan))}
    for s in plan.sessions:
        out[f"sessions/{s.id}/plan.docx"] = templates.get(plan_template(s)).render(
            session_plan_context(plan, s, followups.get(s.id)))
        out[f"sessions/{s.id}/attendance.docx"] = templates.get("attendance.docx").render(
            attendance_context(plan, s))
    return out


def session_basis(plan: Plan, session: Session) -> Basis:
    """What a held session's plan and sign-in sheet are made from: the session as planned
    and the standing on its day of everyone expected."""
    source = "|".join(map(str, (session.id, session.date, session.start, session.end,
                                session.place, session.title, session.expected)))
    return people_basis(plan.curriculum, session.date, session.expected, source)


def plan_batch(plan: Plan, out: Path | str, templates: Templates | None = None,
               followups: Mapping[str, list[dict[str, str]]] | None = None,
               held: Collection[str] = ()) -> Batch:
    """The files of a plan for folder ``out``, ready for
    :func:`studykit.render.output.write_batches`: plan.yaml, calendar.ics (and each
    member's ``calendars/<member>.ics``, numbering revisions from the files already in
    ``out``), the notices (``notices.txt``), calendar.docx and per session its plan,
    sign-in sheet and notice. The documents of the sessions in ``held``
    are filed: a changed curriculum does not silently rewrite them."""
    templates = templates or Templates.for_curriculum(plan.curriculum)
    folder = Path(out)
    files = {"plan.yaml": dump_plan(plan),
             "calendar.ics": to_ics(plan, read_previous(folder / "calendar.ics"))}
    files.update(member_calendars([plan], lambda rel: read_previous(folder / rel)))
    files.update(notice_files(plan))
    files.update(plan_documents(plan, templates, followups))
    bases = {}
    for session in plan.sessions:
        if session.id in held:
            basis = session_basis(plan, session)
            bases[f"sessions/{session.id}/plan.docx"] = basis
            bases[f"sessions/{session.id}/attendance.docx"] = basis
    return Batch(Path(out), files, bases, lambda stale: explain_stale(plan.curriculum, stale))


def write_plan(plan: Plan, out: Path | str, templates: Templates | None = None,
               followups: Mapping[str, list[dict[str, str]]] | None = None,
               force: bool = False, beside: bool = False,
               held: Collection[str] = ()) -> Written:
    """Write the plan into folder ``out`` (:func:`plan_batch`), all or nothing; files
    changed by hand are kept, see :func:`studykit.render.output.write_outputs`."""
    batch = plan_batch(plan, out, templates, followups, held)
    return write_batches(batch.folder, [batch], force, beside)[0]


def annual_context(plans: Sequence[Plan]) -> dict[str, Any]:
    """The variables of ``annual.docx`` (年度学习计划): the year's sessions by quarter and
    month, and each member's planned study hours against the floor (``docs/templates.md``).
    ``plans`` are the year's four quarters, in order."""
    cur, loc = plans[0].curriculum, plans[0].curriculum.locale
    year = plans[0].quarter.year
    quarters = []
    for plan in plans:
        rows = calendar_context(plan)["rows"]
        months = []
        for month in plan.quarter.months:
            within = [r for r, s in zip(rows, plan.sessions, strict=True) if s.date.month == month]
            months.append({"title": text(loc, "annual.month", month=month,
                                         month_name=MONTHS[month - 1]), "rows": within})
        quarters.append({"title": quarter_title(loc, plan.quarter), "months": months,
                         "count": len(rows)})
    planned: dict[str, float] = defaultdict(float)
    for plan in plans:
        for s in plan.sessions:
            if s.kind in STUDY_KINDS:
                for who in s.attendees:
                    planned[who] += s.hours
    members = []
    for m in cur.during(date(year, 1, 1), date(year, 12, 31)).members:
        full = hour_floor(cur.rules.hours, m)
        floor = round(full * share_of_year(m, year), 1) if full is not None else None
        status = "" if floor is None else text(
            loc, "annual.enough" if planned[m.id] >= floor else "annual.short")
        members.append({"name": m.name, "party": text(loc, f"party.{m.party}"),
                        "post": cur.roles[m.role].name,
                        "floor": _hours(floor) if floor is not None else "",
                        "planned": _hours(planned[m.id]), "status": status})
    org = cur.organization
    return {"org": {"name": org.name, "unit": org.unit or ""}, "year": year,
            "title": text(loc, "annual.title", org=org.name, year=year),
            "quarters": quarters, "members": members,
            "count": sum(q["count"] for q in quarters)}


def annual_document(plans: Sequence[Plan], templates: Templates) -> bytes:
    """``annual.docx`` of the year's plans."""
    return templates.get("annual.docx").render(annual_context(plans))
