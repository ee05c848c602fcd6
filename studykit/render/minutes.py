"""Minutes (会议记录) from a session record: who was there, what was said and decided.

:func:`minutes_context` is a pure function of the plan, the session and its record;
:func:`minutes_document` fills ``minutes.docx`` with it. Votes are counted against
the members entitled to vote (《中国共产党支部工作条例（试行）》): full members for a
branch assembly (probationary members attend but do not vote), committee members for
a committee meeting. Quorum: more than half of those entitled are present. A motion
passes with more than half of those entitled.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain.models import Curriculum
from ..domain.plan import Plan, Session
from ..domain.records import Record, Vote
from ..domain.rules import carried, chair_of, entitled_voters, has_quorum
from ..domain.vocabulary import ACTIVITY_KINDS, MEETING_KINDS
from ..words import day_only, join, long_date, quarter_title, text
from .basis import people_basis
from .documents import session_info
from .docxtemplate import Templates
from .output import Basis, Written, write_outputs


def count_vote(cur: Curriculum, session: Session, record: Record, vote: Vote) -> dict[str, Any]:
    """One vote's figures and verdicts, in words: quorum (more than half of those entitled
    present) and result (for: more than half of those entitled)."""
    loc = cur.locale
    entitled = entitled_voters(cur.as_of(record.date).member_by_id, session)
    there = set(record.attended)
    present = [m for m in entitled if m in there]
    quorum = has_quorum(len(present), len(entitled))
    passed = quorum and carried(vote.for_, len(entitled))
    # a committee's members vote there: 应到会支部委员5名, not 有表决权的党员
    of = ".committee" if session.kind == "committee" else ""
    quorum_text = text(loc, f"vote.quorum{of}" if quorum else f"vote.no_quorum{of}",
                       entitled=len(entitled), present=len(present))
    result_text = text(loc, f"vote.carried{of}" if passed else "vote.not_carried",
                       votes_for=vote.for_, against=vote.against, abstain=vote.abstain)
    return {"motion": vote.motion, "for": vote.for_, "against": vote.against,
            "abstain": vote.abstain, "entitled": len(entitled), "voters_present": len(present),
            "quorum": quorum, "quorum_text": quorum_text, "passed": passed,
            "result_text": result_text}


def meeting_number(plan: Plan, session: Session, record: Record) -> int:
    """The meeting's number in the year: the record's ``number``, else its month for a
    monthly meeting, its quarter for a quarterly one, 1 otherwise."""
    if record.number is not None:
        return record.number
    freq = plan.curriculum.meetings.items()
    every = dict(freq).get(session.kind)
    if every is not None and every.every == "month":
        return session.date.month
    if every is not None and every.every == "quarter":
        return plan.quarter.number
    return 1


def minutes_context(plan: Plan, session: Session, record: Record,
                    followups: list[dict[str, str]] | None = None,
                    evaluation: dict[str, Any] | None = None) -> dict[str, Any]:
    """The variables of ``minutes.docx``; ``followups`` are the open action items of earlier
    meetings of the kind (from the ledger), those closed in this record marked done.
    ``evaluation``, at the meeting the year's evaluation was held at, is what it decided
    (:func:`~studykit.render.evaluation.minutes_evaluation`): the section 民主评议情况, and
    its follow-ups not in the record yet among the action items."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    members = cur.member_by_id

    def name(who: str | None) -> str:
        return members[who].name if who in members else (who or "")

    info = session_info(plan, session)
    info["date"] = long_date(loc, record.date)
    info["day"] = day_only(loc, record.date)
    start, end = record.start or session.start, record.end or session.end
    info["time"] = f"{start:%H:%M}–{end:%H:%M}"
    info["venue"] = record.venue or session.place or ""
    then = cur.as_of(record.date).member_by_id   # the branch as it stood that day
    chair_id = record.chair or (c.id if (c := chair_of(list(then.values()), session)) else None)
    chair = name(chair_id)
    if chair_id in then and then[chair_id].committee:
        chair = text(loc, "minutes.chair_post", name=chair,
                     post=text(loc, f"committee.{then[chair_id].committee}"))
    number = meeting_number(plan, session, record)
    if session.course is None:
        key = "minutes.title_group" if session.kind == "group" else \
            "minutes.title_yearly" if session.kind == "life-meeting" else "minutes.title"
        title = text(loc, key,
                     year=record.date.year, number=number, kind=text(loc, f"kind.{session.kind}"),
                     title=info["heading"], group=session.group or "")
    else:
        title = session.title
    expected = session.expected
    there = set(record.attended)
    # the plan excused them (unavailable that day); the record may not name them again.
    # They are on leave: when and why they are away is their own.
    on_leave = text(loc, "doc.on_leave")
    without_leave = text(loc, "doc.without_leave")
    absent = {**{m: why or without_leave for m, why in record.absences.items()},
              **{m: on_leave for m in session.excused
                 if m not in there and m not in record.absences}}
    of = ".committee" if session.kind == "committee" else ""
    attendance = text(loc, f"minutes.attendance{of}", expected=len(expected),
                      present=len(record.attended))
    if absent:
        attendance += text(loc, f"minutes.absent{of}", absent=len(absent))
    return {
        "org": {"name": cur.organization.name, "unit": cur.organization.unit or ""},
        "quarter": str(plan.quarter), "quarter_title": quarter_title(loc, plan.quarter),
        "session": info,
        "title": title,
        "theme": session.theme or "",
        "number": number,
        # a meeting closes (散会); a course or an activity ends with its summary
        "meeting": session.kind in MEETING_KINDS or session.kind == "seminar",
        "course": session.kind not in ACTIVITY_KINDS,
        "attendance": attendance,
        "chair": chair,
        "recorder": name(record.recorder),
        "expected": len(expected),
        "present_count": len(record.attended),
        "absent_count": len(absent),
        "present": join(loc, [name(m) for m in record.present]),
        "late": join(loc, [name(m) for m in record.late]),
        "absent": [{"name": name(m), "reason": why} for m, why in absent.items()],
        "guests": join(loc, list(record.guests)),
        "topics": list(record.topics) or list(session.agenda),
        "materials": list(record.materials),
        "speeches": [{"who": name(s.who), "said": s.said} for s in record.speeches],
        "votes": [count_vote(cur, session, record, v) for v in record.votes],
        "decisions": list(record.decisions),
        "actions": [*({"task": a.task, "owner": name(a.owner),
                       "due": day_only(loc, a.due) if a.due else ""} for a in record.actions),
                    *(evaluation["actions"] if evaluation else ())],
        "evaluation": evaluation,
        "summary": record.summary or "",
        "attachments": list(record.attachments),
        "followups": followups or [],
    }


def minutes_document(plan: Plan, session: Session, record: Record, templates: Templates,
                     followups: list[dict[str, str]] | None = None,
                     evaluation: dict[str, Any] | None = None) -> bytes:
    """``minutes.docx`` of one held session (with ``evaluation``, the one the year's
    evaluation was held at: :func:`minutes_context`)."""
    return templates.get("minutes.docx").render(
        minutes_context(plan, session, record, followups, evaluation))


def write_minutes(plan: Plan, session: Session, record: Record, out: Path | str,
                  templates: Templates | None = None,
                  followups: list[dict[str, str]] | None = None, force: bool = False,
                  beside: bool = False) -> Written:
    """Write ``sessions/<id>/minutes.docx`` into the plan's folder ``out``."""
    templates = templates or Templates.for_curriculum(plan.curriculum)
    return write_outputs(Path(out), {
        f"sessions/{session.id}/minutes.docx": minutes_document(plan, session, record,
                                                                templates, followups)},
        force=force, beside=beside)


def minutes_basis(cur: Curriculum, session: Session, record: Record,
                  evaluated: Sequence[str] = (), evaluation: str = "") -> Basis:
    """What the minutes of ``record`` are made from: the record itself (and ``evaluation``,
    the evaluation decided there, as text), and the standing on the day of everyone they
    name (so a later change of the curriculum is noticed), ``evaluated`` among them."""
    named = [*session.expected, *record.attended, *record.absences, record.chair or "",
             record.recorder or "", *evaluated]
    return people_basis(cur, record.date, named, record.model_dump_json() + evaluation)
