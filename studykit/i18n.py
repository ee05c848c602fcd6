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
    # documents
    "doc.calendar_title": ("{org}{quarter_title}学习计划表", "{org}: study plan, {quarter_title}"),
    "doc.quarter_title": ("{year}年第{quarter_zh}季度", "Q{quarter} {year}"),
    "doc.date": ("{year}年{month}月{day}日（星期{weekday_zh}）",
                 "{weekday_en}, {day} {month_name} {year}"),
    "doc.day": ("{year}年{month}月{day}日", "{day} {month_name} {year}"),
    "doc.short_date": ("{month}月{day}日", "{day} {month_short}"),
    "doc.participants": ("{who}（{n}人）：{names}", "{who} ({n}): {names}"),
    "doc.count": ("{who}（{n}人）", "{who} ({n})"),
    "doc.chair": ("主持", "Chair"),
    "doc.none": ("无", "None"),
    "doc.default_question": ("结合本岗位工作，谈谈如何把学到的内容用到为群众服务中去。",
                             "How will you use what you learned in your own post?"),
    "doc.recorder": ("记录", "Record"),
    "doc.speaker": ("主讲", "Speaker"),
    "doc.organiser": ("组织协调、会务", "Organisation and logistics"),
    "doc.attend": ("按时参加，认真学习，积极发言", "Attend on time, study, take part"),
    "who.branch-assembly": ("支部全体党员", "All party members of the branch"),
    "who.committee": ("支部委员会委员", "Committee members"),
    "who.group": ("{group}全体党员", "Members of {group}"),
    "who.theme-day": ("支部全体党员", "All party members of the branch"),
    "who.all": ("全体人员", "Everyone"),
    "who.party": ("全体党员", "All party members"),
    "who.committee_audience": ("支部委员", "Committee members"),
    "who.gaps": ("需提升相关能力的人员", "Members who need the skill"),
    "who.roles": ("相关岗位人员", "Staff in the posts concerned"),
    "who.members": ("指定人员", "Named members"),
    "purpose.branch-assembly": ("贯彻落实上级党组织部署，通报支部工作，讨论决定支部重要事项，"
                                "增强支部的凝聚力和战斗力。",
                                "To carry out the higher Party organisation's decisions, report "
                                "on the branch's work and decide its important matters."),
    "purpose.committee": ("研究部署支部工作，讨论决定支部日常事务，推动党建与业务工作深度融合。",
                          "To plan the branch's work, decide its day-to-day matters and tie "
                          "Party work to the centre's business."),
    "purpose.group": ("组织党小组成员学习交流，落实支部工作安排，加强党员日常教育管理。",
                      "For the group's members to study together, share experience and carry "
                      "out the branch's plans."),
    "purpose.theme-day": ("以固定主题党日为载体，加强党员教育管理，增强党员意识，"
                          "发挥党员先锋模范作用。",
                          "To strengthen Party members' education and sense of duty through a "
                          "fixed monthly theme day."),
    "purpose.seminar": ("围绕“{title}”交流研讨，凝聚共识，推动工作。",
                        "To discuss “{title}”, share experience and agree on next steps."),
    "purpose.practice": ("通过“{title}”，在实践中锤炼党性、服务群众，推动党建与业务融合。",
                         "Through “{title}”, to serve the public and learn in practice."),
    "filing": ("会议记录、签到表、学习材料等于活动结束后3个工作日内整理归档。",
               "The minutes, the sign-in sheet and the materials are filed within three "
               "working days."),
    "method": ("专题讲授与互动研讨相结合，辅以案例分析。",
               "A talk with discussion and worked cases."),
    "method.skill": ("讲授与情景模拟、案例演练相结合。",
                     "Teaching with role play and practice on cases."),
    "outline.intro": ("导入", "Introduction"),
    "outline.talk": ("讲授", "Talk"),
    "outline.discussion": ("研讨", "Discussion"),
    "outline.summary": ("小结", "Summary"),
    "outline.intro_text": ("说明学习目的和要求，联系岗位实际提出问题。",
                           "The aims of the session and the questions from daily work."),
    "outline.discussion_text": ("结合岗位工作实际，交流学习体会和改进措施。",
                                "How it applies to each post: experience and next steps."),
    "outline.summary_text": ("主讲人总结要点，布置学习任务。",
                             "The speaker sums up and sets the follow-up."),
    "aim.gap": ("提升{competency}能力", "Build {competency}"),
    "aim.default": ("深入学习领会“{title}”的主要内容和精神实质。",
                    "Understand the main points of “{title}”."),
    # the ledger
    "ledger.title": ("{org}{period}学习台账", "{org} — study ledger {period}"),
    "ledger.as_of": ("统计截至{as_of}", "As of {as_of}"),
    "ledger.year": ("{year}年度", "{year}"),
    "ledger.hours": ("一、学时完成情况", "1. Study hours"),
    "ledger.meetings": ("二、组织生活开展情况", "2. Organisational life"),
    "ledger.quorum": ("三、会议人数与表决", "3. Quorum and votes"),
    "ledger.makeup": ("四、补学情况", "4. Make-up study"),
    "ledger.actions": ("五、决议事项落实情况", "5. Action items"),
    "ledger.growth": ("六、能力提升情况", "6. Competencies"),
    "ledger.problems": ("七、记录与课程文件不一致之处",
                        "7. Records that disagree with the curriculum"),
    "status.met": ("已完成", "met"),
    "status.on track": ("进度正常", "on track"),
    "status.behind": ("滞后", "behind"),
    "status.done": ("已完成", "done"),
    "status.open": ("未完成", "open"),
    "status.overdue": ("已逾期", "overdue"),
    "col.name": ("姓名", "Name"),
    "col.standing": ("类别", "Standing"),
    "col.floor": ("年度要求", "Floor"),
    "col.year": ("本年", "Year"),
    "col.quarter": ("本季度", "Quarter"),
    "col.status": ("状态", "Status"),
    "col.needed": ("尚差", "Still needed"),
    "col.upcoming": ("可补足的计划活动", "Planned sessions that would cover it"),
    "col.kind": ("类别", "Kind"),
    "col.period": ("期间", "Period"),
    "col.held": ("已开展", "Held"),
    "col.required": ("应开展", "Required"),
    "col.session": ("活动", "Session"),
    "col.date": ("日期", "Date"),
    "col.entitled": ("应到", "Entitled"),
    "col.present": ("实到", "Present"),
    "col.quorum": ("过半数", "Quorum"),
    "col.motion": ("表决事项", "Motion"),
    "col.for": ("赞成", "For"),
    "col.flag": ("问题", "Problem"),
    "col.hours": ("学时", "Hours"),
    "col.due": ("期限", "Due"),
    "col.done": ("完成", "Done"),
    "col.task": ("任务", "Task"),
    "col.owner": ("责任人", "Owner"),
    "col.competency": ("能力", "Competency"),
    "col.level": ("要求/原有/现有", "Required/before/now"),
    "col.courses": ("所学课程", "Courses"),
    "col.where": ("位置", "Where"),
    "col.problem": ("问题", "Problem"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "missing": ("缺", "missing"),
    "flag.no quorum": ("未达到规定人数即表决", "taken without quorum"),
    "flag.few": ("赞成票未超过应到有表决权人数的半数",
                 "carried by half or fewer of those entitled"),
    "ledger.none": ("无。", "None."),
    "ledger.more": ("等{n}项", "and {n} more"),
    "list.sep": ("、", ", "),
    "reason.sep": ("；", "; "),
}

_LISTS: dict[str, tuple[list[str], list[str]]] = {
    "agenda.branch-assembly": (["传达学习上级有关会议和文件精神", "通报支部近期工作情况",
                                "讨论决定有关事项", "书记讲话"],
                               ["Study the higher Party organisation's documents",
                                "Report on the branch's recent work", "Discuss and decide",
                                "The secretary's remarks"]),
    "agenda.committee": (["传达学习上级有关精神", "研究讨论本月支部工作", "部署下阶段工作"],
                         ["Study the latest documents", "Discuss this month's work",
                          "Plan the next steps"]),
    "agenda.group": (["学习有关文件", "交流思想和工作情况", "讨论落实支部工作安排"],
                     ["Study the documents", "Share how work and study are going",
                      "Carry out the branch's plans"]),
    "agenda.theme-day": (["重温入党誓词", "集中学习", "开展主题活动", "交流体会"],
                         ["Renew the Party oath", "Study together", "The theme activity",
                          "Share reflections"]),
    "requirements": (["全体参加人员按时参加，不得无故缺席；确有特殊情况的，须提前向支部书记请假。",
                      "认真做好学习准备，积极参与讨论交流，结合岗位工作谈认识、谈体会。",
                      "因故未能参加的人员，应在一周内完成补学，并将学习心得交支部存档。"],
                     ["Attend on time; ask the secretary in advance for leave.",
                      "Prepare, take part in the discussion and relate it to your post.",
                      "Whoever misses the session completes make-up study within a week."]),
}


def items(locale: str, key: str) -> list[str]:
    """The list ``key`` (a default agenda, the usual requirements) in ``locale``."""
    zh, en = _LISTS[key]
    return list(en if locale == "en" else zh)


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
