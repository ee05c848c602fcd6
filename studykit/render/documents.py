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

from ..domain.models import Course, Curriculum
from ..domain.plan import Plan, Session
from ..domain.rules import QUORUM_KINDS, chair_of, hour_floor, share_of_year
from ..domain.vocabulary import ACTIVITY_KINDS, MEETING_KINDS, STUDY_KINDS
from ..engine.levels import MAX_LEVEL
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
from .notices import audience_words, notice_files, preparation, run_on
from .output import Basis, Batch, Written, write_batches
from .planfile import dump_plan
from .recordbook import record_workbook

GUEST_ROWS = 3
"""Empty rows for guests (列席) on a sign-in sheet."""


def _hours(value: float) -> str:
    return f"{value:g}"


def _person(cur: Curriculum, who: str | None) -> str:
    if not who:
        return ""
    member = cur.member_by_id.get(who)
    return member.name if member else who


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


def seal(cur: Curriculum) -> str:
    """Where the branch stamps its seal: 中共亭湖区劳动就业服务中心党支部（盖章）."""
    name, party = cur.organization.name, text(cur.locale, "doc.party")
    return text(cur.locale, "doc.seal", org=name,
                party="" if name.startswith(party) else party)


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
            "attendees": text(loc, "doc.count", who=audience_words(plan, s), n=len(s.attendees)),
            "count": len(s.attendees),
        })
    return {**_common(plan),
            "title": text(loc, "doc.calendar_title", org=cur.organization.name,
                          quarter_title=quarter_title(loc, plan.quarter)),
            # the plan's notes name config keys: for the terminal and plan.yaml only
            "rows": rows, "count": len(rows)}


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


def _stop(loc: str, sentence: str) -> str:
    """A sentence with its full stop, unless the data it ends with has one (a question)."""
    return sentence if sentence.endswith(("。", "？", "！", ".", "?", "!")) \
        else sentence + text(loc, "doc.stop")


def _level(plan: Plan, session: Session, member: str, competency: str) -> int:
    """A member's level as the plan used it: projected from records (``plan.levels``), or
    the curriculum's on the session's day."""
    if plan.levels is not None and member in plan.levels:
        return plan.levels[member].get(competency, 0)
    return plan.curriculum.as_of(session.date).member_by_id[member].level(competency)


def aims(plan: Plan, session: Session, course: Course) -> list[str]:
    """教学目的: the course's own ``aims``, then for each competency it builds who it raises
    from which level to which, by post (使「政策咨询窗口」岗位7名人员的沟通技巧由2级提升到3级)."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    members = cur.as_of(session.date).member_by_id
    out = list(course.aims)
    for competency, gain in course.builds.items():
        raised: dict[tuple[int, int], dict[str, int]] = {}
        for m in session.attendees:
            now = _level(plan, session, m, competency)
            then = min(MAX_LEVEL, now + gain)
            if then > now:
                posts = raised.setdefault((now, then), {})
                post = cur.roles[members[m].role].name
                posts[post] = posts.get(post, 0) + 1
        for (now, then), posts in sorted(raised.items()):
            groups = join(loc, [text(loc, "aim.group", role=post, n=n)
                                for post, n in posts.items()])
            out.append(text(loc, "aim.raise", groups=groups, current=now, target=then,
                            competency=cur.competencies[competency]))
    return out


def key_points(plan: Plan, session: Session, course: Course | None) -> list[str]:
    """教学重点: the agenda's items less the session's procedure (书记小结, 签到, 交流研讨…);
    without any, the competencies the course builds."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    procedural = tuple(items(loc, "agenda.procedural"))
    content = [a for a in session.agenda if not a.strip().lower().endswith(procedural)]
    if content or course is None:
        return content
    return [cur.competencies[c] for c in course.builds]


def requirements(plan: Plan, session: Session, course: Course | None) -> list[str]:
    """有关要求, each from the data: what to read or bring, the questions to prepare, where
    to gather for an off-site session, the quorum a vote needs, leave and make-up study
    (within ``rules.makeup-days``; a committee meeting is not made up)."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    out = preparation(loc, session, course)
    if session.kind in QUORUM_KINDS:
        out.append(text(loc, f"req.quorum.{session.kind}"))
    out.append(text(loc, "req.leave_makeup", days=cur.rules.makeup_days)
               if session.kind in STUDY_KINDS else text(loc, "req.leave"))
    return [_stop(loc, r) for r in out]


def _grouped(plan: Plan, session: Session) -> list[dict[str, Any]]:
    """The attendees by their reason to attend: one row per reason, names and count."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    members = cur.as_of(session.date).member_by_id
    by_reason: dict[str, list[str]] = {}
    for m in session.attendees:
        by_reason.setdefault(session.reasons.get(m, ""), []).append(members[m].name)
    return [{"reason": reason, "names": join(loc, names), "count": len(names)}
            for reason, names in by_reason.items()]


def _excused(plan: Plan, session: Session) -> dict[str, Any]:
    """Who the plan excused, by name only (their dates are their own), and the make-up
    study their absence calls for."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    members = cur.as_of(session.date).member_by_id
    makeup = text(loc, "doc.makeup", days=cur.rules.makeup_days) \
        if session.kind in STUDY_KINDS else ""
    names = [members[m].name for m in session.excused]
    return {"excused": [{"name": name, "reason": makeup or text(loc, "doc.on_leave")}
                        for name in names],
            "excused_names": join(loc, names), "makeup": makeup}


def session_plan_context(plan: Plan, session: Session,
                         followups: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The variables of ``plan-activity.docx`` and ``plan-lesson.docx``; ``followups`` are
    the open action items of earlier meetings (from the ledger). Where the data says
    nothing (no theme, no questions) the value is empty, and the template leaves a line
    to fill in by hand."""
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
    elif session.evaluation:
        purpose = text(loc, "purpose.evaluation")
    elif session.kind in MEETING_KINDS:
        purpose = text(loc, f"purpose.{session.kind}")
    else:
        purpose = ""
    points = key_points(plan, session, course)
    questions = list(course.questions) if course else []
    # introduction, talk, discussion, summary: a tenth, a half, three tenths, the rest
    shares = [round(minutes * 0.1), round(minutes * 0.5), round(minutes * 0.3)]
    shares.append(round(minutes) - sum(shares))
    contents = [text(loc, "outline.intro_text"), join(loc, points) or session.title,
                run_on(loc, questions), text(loc, "outline.summary_text")]
    outline = [{"stage": text(loc, f"outline.{stage}"), "content": content, "minutes": share}
               for stage, content, share in zip(("intro", "talk", "discussion", "summary"),
                                                contents, shares, strict=True)]
    # who does what: the recorder is left blank, to be named by hand
    duties = [{"duty": text(loc, "doc.chair"), "who": info["chair"]}]
    if info["speaker"]:
        duties.append({"duty": text(loc, "doc.speaker"), "who": info["speaker"]})
    duties.append({"duty": text(loc, "doc.recorder"), "who": ""})
    method = "method.skill" if session.kind == "skill" else "method.talk"
    members = cur.as_of(session.date).member_by_id   # as they stood on the day
    return {
        **_common(plan),
        "session": info,
        "theme": session.theme or (course.title if course else ""),
        "seal": seal(cur),
        "participants": text(loc, "doc.participants", who=audience_words(plan, session),
                             n=len(names), names=join(loc, names)),
        "attendees": [{"name": members[m].name, "post": cur.roles[members[m].role].name,
                       "party": text(loc, f"party.{members[m].party}"),
                       "reason": session.reasons.get(m, "")} for m in session.attendees],
        "attendee_groups": _grouped(plan, session),
        **_excused(plan, session),
        "purpose": purpose,
        "method": text(loc, f"{method}_discussion" if questions else method),
        "filing": text(loc, "filing"),
        "aims": aims(plan, session, course) if course else [],
        "key_points": points,
        "requirements": requirements(plan, session, course),
        "materials": list(course.materials) if course else [],
        "questions": questions,
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
    ``out``), the notices (``notices.txt``), calendar.docx, the record workbook
    (``records.xlsx``) and per session its plan, sign-in sheet and notice. The documents
    of the sessions in ``held`` are filed: a changed curriculum does not silently rewrite
    them."""
    templates = templates or Templates.for_curriculum(plan.curriculum)
    folder = Path(out)
    files = {"plan.yaml": dump_plan(plan),
             "calendar.ics": to_ics(plan, read_previous(folder / "calendar.ics"))}
    files.update(member_calendars([plan], lambda rel: read_previous(folder / rel)))
    files.update(notice_files(plan))
    files.update(plan_documents(plan, templates, followups))
    files["records.xlsx"] = record_workbook(plan)
    bases = {}
    for session in plan.sessions:
        if session.id in held:
            basis = session_basis(plan, session)
            bases[f"sessions/{session.id}/plan.docx"] = basis
            bases[f"sessions/{session.id}/attendance.docx"] = basis
    return Batch(Path(out), files, bases, lambda stale: explain_stale(plan.curriculum, stale),
                 kept=frozenset({"records.xlsx"}))


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
