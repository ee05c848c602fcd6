"""Notices (通知): a short text per session to paste into the branch's messaging group.

:func:`session_notice` says who, when, where, and what to bring or prepare, from the plan
and the course; :func:`quarter_notices` puts the quarter's together in date order. Plain
text, in the curriculum's language, with nothing a reader has to decode: no ids, keys or
ISO dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.models import Course
from ..domain.plan import Plan, Session
from ..domain.rules import chair_of
from ..domain.text import one_line
from ..domain.vocabulary import ORGANISATIONAL, STUDY_KINDS
from ..words import english, join, long_date, quarter_title, text

RULE = "—" * 20
"""What separates one notice from the next in the quarter's file."""


def audience_words(plan: Plan, session: Session) -> str:
    """Who the session is for, in words (支部委员, 第一党小组, 政策咨询窗口人员…)."""
    loc = plan.curriculum.locale
    if session.course is None:
        return text(loc, f"who.{session.kind}", group=session.group or "")
    course = plan.curriculum.course_by_id[session.course]
    kind = course.effective_audience.kind
    if kind in ("all", "party", "committee"):
        return text(loc, "who.committee_audience" if kind == "committee" else f"who.{kind}")
    # chosen by their gaps, posts or names: say which posts they hold
    cur = plan.curriculum.as_of(session.date)
    posts = list(dict.fromkeys(cur.roles[cur.member_by_id[m].role].name
                               for m in session.attendees if m in cur.member_by_id))
    if not posts:
        return text(loc, f"who.{kind}")
    if len(posts) <= 2:
        return text(loc, "who.posts", posts=join(loc, posts))
    return text(loc, "who.many_posts", first=posts[0], n=len(posts), more=len(posts) - 1)


def _names(plan: Plan, session: Session) -> str:
    names = [plan.curriculum.member_by_id[m].name for m in session.attendees]
    return join(plan.curriculum.locale, names)


def _who(plan: Plan, session: Session) -> str:
    """The audience in words, with the names where the course is for some members only."""
    loc, cur = plan.curriculum.locale, plan.curriculum
    n = len(session.attendees)
    course = cur.course_by_id.get(session.course or "")
    if course is None or course.effective_audience.kind in ("all", "party", "committee"):
        return text(loc, "notice.count", who=audience_words(plan, session), n=n)
    return text(loc, "notice.named", names=_names(plan, session), n=n)


def _title(plan: Plan, session: Session) -> str:
    """关于召开…的通知, 关于开展…的通知, 关于举办…的通知 (a month's theme is an item)."""
    loc = plan.curriculum.locale
    name = session.title
    if session.theme is not None:
        name = name.removesuffix(text(loc, "title.themed", title="", theme=session.theme))
    if session.kind in ORGANISATIONAL:
        key = "meeting"
    elif session.kind in ("theme-day", "practice"):
        key = "course_activity" if session.course else "activity"
    else:
        key = "course"
    return text(loc, f"notice.title.{key}", title=name)


def _addressed(plan: Plan, session: Session) -> str:
    """Whom the notice greets: the committee, the party members, or everyone."""
    if session.kind == "committee":
        return "committee"
    course = plan.curriculum.course_by_id.get(session.course or "")
    if course is None:
        return "party"
    kind = course.effective_audience.kind
    return {"committee": "committee", "party": "party"}.get(kind, "all")


def run_on(loc: str, parts: Sequence[str]) -> str:
    """Questions one after another: separated by ；, or by nothing more than a space where
    one ends with its own question mark."""
    out = ""
    for i, part in enumerate(parts):
        if i:
            ended = out.endswith(("？", "?", "。", ".", "！", "!"))
            out += (" " if english(loc) else "") if ended else text(loc, "reason.sep")
        out += part
    return out


def preparation(loc: str, session: Session, course: Course | None) -> list[str]:
    """What to prepare, from the data: the materials to read (to bring, for practice), the
    questions to speak to, where to gather for an off-site session. The notice and the
    activity plan say the same."""
    out = []
    if course and course.materials:
        key = "req.bring" if session.kind == "practice" else "req.read"
        out.append(text(loc, key, materials=join(loc, course.materials)))
    if course and course.questions:
        out.append(text(loc, "req.think", questions=run_on(loc, course.questions)))
    if session.location:
        out.append(text(loc, "req.off_site", place=session.location))
    if session.evaluation:
        out.append(text(loc, "req.evaluation"))
    elif session.kind == "life-meeting":
        out.append(text(loc, "req.life_meeting"))
    return out


def session_notice(plan: Plan, session: Session) -> str:
    """The notice of one session, as plain text ending in a line break."""
    cur, loc = plan.curriculum, plan.curriculum.locale
    course = cur.course_by_id.get(session.course or "")
    members = cur.member_by_id
    when = text(loc, "notice.when", date=long_date(loc, session.date),
                start=f"{session.start:%H:%M}", end=f"{session.end:%H:%M}")
    lines = [_title(plan, session), "", text(loc, f"notice.to_{_addressed(plan, session)}"),
             text(loc, "notice.opening"), ""]
    items = [] if session.theme is None else [text(loc, "notice.item_theme", theme=session.theme)]
    items.append(text(loc, "notice.item_when", when=when))
    if session.place:
        items.append(text(loc, "notice.item_where", place=session.place))
    items.append(text(loc, "notice.item_who", who=_who(plan, session)))
    if session.speaker:
        speaker = members[session.speaker].name if session.speaker in members \
            else session.speaker
        items.append(text(loc, "notice.item_speaker", name=speaker))
    if session.agenda:
        items.append(text(loc, "notice.item_agenda", agenda=join(loc, list(session.agenda))))
    prepare = preparation(loc, session, course)
    if prepare:
        items.append(text(loc, "notice.item_prepare", what=text(loc, "notice.sep").join(prepare)))
    chair = chair_of(cur.as_of(session.date).members, session)
    # make-up study is owed for study sessions only: a committee meeting decides
    leave = "notice.item_leave" if session.kind in STUDY_KINDS else "notice.item_leave_only"
    items.append(text(loc, leave, days=cur.rules.makeup_days,
                      whom=chair.name if chair else text(loc, "notice.the_branch")))
    lines += [text(loc, "notice.numbered", n=text(loc, f"notice.n{i}"), item=item)
              for i, item in enumerate(items, start=1)]
    lines += ["", cur.organization.name]
    return "\n".join(map(one_line, lines)) + "\n"


def quarter_notices(plan: Plan) -> str:
    """Every notice of the quarter, in date order, one after another."""
    loc = plan.curriculum.locale
    head = text(loc, "notice.file_title", org=plan.curriculum.organization.name,
                quarter=quarter_title(loc, plan.quarter), n=len(plan.sessions))
    notices = [session_notice(plan, s) for s in plan.sessions]
    return one_line(head) + "\n\n" + f"\n{RULE}\n\n".join(notices)


def notice_files(plan: Plan) -> dict[str, bytes]:
    """``sessions/<id>/notice.txt`` for each session and ``notices.txt`` for the quarter."""
    out = {f"sessions/{s.id}/notice.txt": session_notice(plan, s).encode()
           for s in plan.sessions}
    out["notices.txt"] = quarter_notices(plan).encode()
    return out
