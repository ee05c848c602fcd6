"""Words in the documents' two languages, zh-CN and en.

Every piece of text that studykit itself writes (not the user's titles and names)
comes from here, so a document or table is in one language throughout.
"""

from __future__ import annotations

LOCALES = ("zh-CN", "en")

_TEXT: dict[str, tuple[str, str]] = {
    # session kinds
    "kind.lecture": ("专题讲座", "Lecture"),
    "kind.seminar": ("座谈研讨", "Seminar"),
    "kind.skill": ("技能培训", "Skill course"),
    "kind.party-lecture": ("党课", "Party lecture"),
    "kind.theme-day": ("主题党日", "Theme day"),
    "kind.practice": ("社会实践", "Practice"),
    "kind.branch-assembly": ("支部党员大会", "Branch assembly"),
    "kind.committee": ("支部委员会会议", "Committee meeting"),
    "kind.group": ("党小组会", "Party group meeting"),
    # party standing
    "party.full": ("正式党员", "full party member"),
    "party.probationary": ("预备党员", "probationary party member"),
    "party.activist": ("入党积极分子", "activist"),
    "party.none": ("群众", "non-party"),
    # committee posts
    "committee.secretary": ("书记", "secretary"),
    "committee.deputy": ("副书记", "deputy secretary"),
    "committee.member": ("委员", "member"),
    # reasons for attending
    "reason.gap": ("岗位「{role}」要求{competency}{required}级，现为{current}级",
                   "post '{role}' requires {competency} at level {required}, now {current}"),
    "reason.all": ("全体人员参加", "everyone attends"),
    "reason.committee": ("支部委员（{post}）", "committee {post}"),
    "reason.role": ("岗位「{role}」", "post '{role}'"),
    "reason.member": ("指定参加", "named in the course's audience"),
    "reason.group": ("{group}成员", "member of {group}"),
    # needs tables
    "needs.title": ("{org} — 能力差距（现有/要求）", "{org} — competency gaps (current/required)"),
    "needs.member": ("姓名", "Name"),
    "needs.role": ("岗位", "Post"),
    "needs.gaps": ("差距", "Gaps"),
    "needs.short": ("缺{n}", "-{n}"),
    "needs.courses": ("课程与参加人员", "Courses and who attends"),
    "needs.course_line": ("{id}  {title}（{kind}，{hours}学时）— {n}人",
                          "{id}  {title} ({kind}, {hours} h) — {n} attending"),
    "needs.nobody": ("（无人需要参加）", "(nobody needs this course)"),
    "needs.uncovered": ("尚无课程补齐的差距（需另行安排课程）",
                        "Gaps no course closes (courses still to find)"),
    "needs.none_uncovered": ("所有差距都有课程补齐。", "Every gap is closed by a course."),
    "needs.competency": ("能力", "Competency"),
    "needs.affected": ("人数", "Members"),
    "needs.levels": ("缺口级数", "Levels"),
    "needs.who": ("人员", "Who"),
    "needs.existing": ("已有课程", "Courses that build it"),
    "needs.no_course": ("无", "none"),
    # meeting titles
    "title.month": ("{month}月{kind}", "{month_name} {kind_lower}"),
    "title.group": ("{group}{month}月党小组会", "{group}: {month_name} group meeting"),
    "title.quarter": ("{year}年第{quarter_zh}季度{kind}", "{year} Q{quarter} {kind_lower}"),
    "title.year": ("{year}年度{kind}", "{year} {kind_lower}"),
    "title.class": ("{title}（第{n}期）", "{title} (class {n})"),
    "reason.unavailable": ("本人当日不能参加（{span}），需补学",
                           "unavailable ({span}); make-up study due"),
    # the plan in the terminal
    "plan.title": ("{org} {quarter} 学习计划", "{org} — study plan {quarter}"),
    "plan.month": ("{year}年{month}月", "{month_name} {year}"),
    "plan.people": ("{n}人", "{n} attending"),
    "plan.unplaced": ("未能安排的活动", "Sessions that could not be placed"),
    "plan.summary": ("共{n}项活动", "{n} sessions"),
    "weekday": ("一二三四五六日", "Mon Tue Wed Thu Fri Sat Sun"),
    "list.sep": ("、", ", "),
    "reason.sep": ("；", "; "),
}


def text(locale: str, key: str, **values: object) -> str:
    """The text ``key`` in ``locale`` (zh-CN or en), with ``values`` filled in."""
    zh, en = _TEXT[key]
    template = en if locale == "en" else zh
    return template.format(**values) if values else template


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_ZH_NUMBERS = "一二三四五六七八九十"


def weekday(locale: str, number: int) -> str:
    """The short name of weekday ``number`` (Monday = 0): 周三, Wed."""
    if locale == "en":
        return text(locale, "weekday").split()[number]
    return f"周{'一二三四五六日'[number]}"


def title(locale: str, key: str, kind: str, **values: object) -> str:
    """A meeting title (``title.month``…) with the kind, month and quarter names filled in."""
    kind_name = text(locale, f"kind.{kind}")
    month = values.get("month")
    quarter = values.get("quarter")
    return text(locale, key, kind=kind_name, kind_lower=kind_name[0].lower() + kind_name[1:],
                month_name=MONTHS[int(month) - 1] if isinstance(month, int) else "",
                quarter_zh=_ZH_NUMBERS[int(quarter) - 1] if isinstance(quarter, int) else "",
                **values)


def join(locale: str, items: list[str]) -> str:
    """Items joined the way the language lists them (、 or comma)."""
    return text(locale, "list.sep").join(items)
