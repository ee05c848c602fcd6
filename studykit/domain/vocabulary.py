"""The vocabulary of the format: session kinds, party standing, posts, weekdays, ids.

Names only; what they mean for the rules is in :mod:`.rules`, their words in
:mod:`studykit.words`.
"""

from __future__ import annotations

import re
from typing import Literal

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
"""Ids of members, courses, roles and competencies: they become file names."""
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("lecture", "seminar", "skill", "party-lecture", "theme-day", "practice",
         "branch-assembly", "committee", "group", "life-meeting")
"""Session kinds, courses and meetings alike (see the format's table of kinds)."""
Kind = Literal["lecture", "seminar", "skill", "party-lecture", "theme-day", "practice",
               "branch-assembly", "committee", "group", "life-meeting"]
MEETING_KINDS = ("branch-assembly", "committee", "group", "theme-day", "life-meeting")
"""Recurring meetings (``meetings:``), in the format's order."""
ORGANISATIONAL = ("branch-assembly", "committee", "group", "life-meeting")
"""Meetings of the branch's organisational life: not counted in a member's weekly study load."""
STUDY_KINDS = tuple(k for k in KINDS if k != "committee")
"""Kinds whose hours count as study hours (学时); a committee meeting decides, it does not study."""
ACTIVITY_KINDS = ("branch-assembly", "committee", "group", "theme-day", "seminar", "practice",
                  "life-meeting")
"""Kinds whose plan is an 活动方案; the others (lectures, skill courses, party lectures)
get a 教案."""
COMMITTEE_POSTS = ("secretary", "deputy", "member")
"""Committee posts, in the order they stand in for the chair."""
AUDIENCES = ("all", "party", "committee", "gaps")
DEFAULT_AUDIENCE = {
    "lecture": "all", "seminar": "all", "skill": "gaps", "party-lecture": "party",
    "theme-day": "party", "practice": "party", "branch-assembly": "party",
    "committee": "committee", "group": "party", "life-meeting": "party",
}
Every = Literal["monthly", "quarterly", "yearly"]
DEFAULT_MINIMA: dict[Kind, Every] = {
    "branch-assembly": "quarterly", "party-lecture": "quarterly",
    "committee": "monthly", "group": "monthly", "theme-day": "monthly",
    "life-meeting": "yearly",
}
"""How often each kind must be held at least, when ``rules.minima`` is absent."""
MEETING_HOURS = {"branch-assembly": 2.0, "committee": 1.5, "group": 1.5, "theme-day": 2.0,
                 "life-meeting": 3.0}
"""How long a meeting lasts when its frequency gives no ``hours``."""
ORGANISATIONAL_LIFE = ("branch-assembly", "committee", "group", "party-lecture", "theme-day",
                       "life-meeting")
"""三会一课, 主题党日 and 组织生活会: the sessions a member's attendance at organisational life
is counted over in the year's evaluation."""
GRADES = ("excellent", "qualified", "basic", "unqualified")
"""The grades of 民主评议党员: 优秀, 合格, 基本合格, 不合格."""
Grade = Literal["excellent", "qualified", "basic", "unqualified"]
ATTENDANCE = ("present", "late", "leave", "absent")
"""A member's attendance at a held session (出勤情况): 出席, 迟到, 请假 (with a reason) and
缺席 (absent without leave); in a record, ``present``, ``late``, ``absent`` and
``unexcused``."""
Attendance = Literal["present", "late", "leave", "absent"]
