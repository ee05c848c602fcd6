"""studykit: plan a branch's study programme from one YAML file.

Learn what you do, fill what you lack (干什么学什么、缺什么补什么): roles require
competencies at levels, members have assessed levels, and the gap decides who
takes which course, with a reason anyone can read.

The public API::

    import studykit
    cur = studykit.load("curricula/employment-centre.yaml")
    needs = studykit.analyse_needs(cur)
    plan = studykit.plan_quarter(cur, "2027Q1")
    problems = studykit.check_plan(cur, plan)
"""

from .checker import Finding, check_plan
from .curriculum import load, load_many, loads
from .errors import InputError, Problem, UserError
from .models import Audience, Course, Curriculum, DateSpan, Frequency, Member, Quarter, Role
from .needs import Attendee, Gap, Needs, Uncovered, analyse_needs
from .planner import Plan, Session, Unplaced, plan_quarter
from .workdays import WorkCalendar

__version__ = "0.1.0"

__all__ = [
    "Attendee", "Audience", "Course", "Curriculum", "DateSpan", "Finding", "Frequency", "Gap",
    "InputError", "Member", "Needs", "Plan", "Problem", "Quarter", "Role", "Session",
    "Uncovered", "Unplaced", "UserError", "WorkCalendar", "__version__", "analyse_needs",
    "check_plan", "load", "load_many", "loads", "plan_quarter",
]
