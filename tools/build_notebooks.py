"""Write the notebooks in notebooks/ (without outputs), from the cells below.

Run after changing a cell: ``.venv/bin/python tools/build_notebooks.py``. The notebooks
are kept as this script writes them, so they diff cleanly; `make test` runs them.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent.parent / "notebooks"
# The standard kernel name: JupyterLab started by `make notebook` finds it in the project's
# .venv (the Makefile installs it there, ahead of any other), and nbclient on a clean
# checkout (the tests, CI) finds the one ipykernel brings; see the README.
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def parameters(source: str) -> nbformat.NotebookNode:
    """The first code cell: the one paths a user changes (tagged, so tests can set them)."""
    cell = new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    return cell


QUARTER_LINE = ('QUARTER = None                                        # 季度，如 "2027Q1"；None：'
                '课程文件 calendar.quarter 写的季度，没写则今天所在的季度')

PLAN = [
    new_markdown_cell("""\
# 安排一个季度的学习计划 · Plan a quarter

本笔记本按**干什么学什么、缺什么补什么**的原则，读取支部的课程文件，检查差距，安排季度计划，
并生成计划表、活动方案、教案和签到表。

*This notebook loads the branch's curriculum, shows who needs what, plans the quarter and
writes the documents.*

**怎么用：** 只需改下面第一个代码格：本支部的课程文件、季度和输出文件夹，然后依次运行
（菜单 Run → Run All Cells）。其余各格都从课程文件本身取数据，不用改。"""),
    parameters(f"""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件 (your curriculum)
{QUARTER_LINE}
OUT = "../out/notebook"                               # 文件输出到这里 (where files go)"""),
    new_code_cell("""\
%matplotlib inline
from datetime import date

import studykit
from studykit.app.notebooks import chosen_quarter
from studykit.show import charts

cur = studykit.load(CURRICULUM)   # 有错误会逐条列出行号 (every problem with its line)
quarter, said = chosen_quarter(cur, QUARTER)
print(said)
cur"""),
    new_markdown_cell("""\
## 一、能力差距 · Who needs what

每格是“现有/要求”等级，红色越深差距越大。下面列出每门课的参加人员及原因，最后是还没有课程补齐的差距。

*Each cell is current/required level; the darker, the larger the gap.*"""),
    new_code_cell("""\
needs = studykit.analyse_needs(cur)
needs"""),
    new_code_cell("""\
charts.gap_heatmap(needs)"""),
    new_markdown_cell("""\
## 二、调整后再安排 · Adjust and plan again

可以先试着调整，不必改课程文件。下面从本支部的数据中选出本季度补能力差距最多的一门课，
试着把它推后一周（没有课程时不作调整）。也可以自己写调整，例如
`studykit.with_course(cur, "课程编号", date=date(2027, 3, 10))` 把某门课固定在某一天，
`audience="party"` 只请党员参加。调整只在本笔记本里生效；满意后再把同样的修改写进课程文件。

*Try a change without editing the file: here the quarter's course that closes the largest
gaps, a week later; or pin a date, change an audience.*"""),
    new_code_cell("""\
from studykit.engine.trials import suggest_trial
from studykit.show.display import trial_view

first = studykit.plan_quarter(cur, quarter)
idea = suggest_trial(needs, first)   # 没有课程时为 None (None: no course to move)
trial_view(idea, cur.locale)"""),
    new_code_cell("""\
trial = studykit.with_course(cur, idea.course, date=idea.day) if idea else cur   # 固定日期 (pin a date)
plan = studykit.plan_quarter(trial, quarter)
plan"""),
    new_code_cell("""\
from studykit.show.display import findings_view

findings_view(studykit.check_plan(trial, plan), cur.locale)   # 独立检查：是否违反规定 (an independent check)"""),
    new_code_cell("""\
charts.quarter_calendar(plan)"""),
    new_markdown_cell("""\
## 三、生成文书 · Write the documents

按课程文件写出季度学习计划表、日历文件、活动登记簿（records.xlsx），以及每项活动的活动方案（教案）和签到表。
上面试的改动只在笔记本里：要按它写，先把它写进课程文件。已经手工修改过的文件不会被覆盖。

*Writes the plan of the curriculum as it is in the file (calendar.docx, calendar.ics, records.xlsx,
per session plan.docx and attendance.docx): the trial above stays in the notebook until you put
it in the file.*"""),
    new_code_cell("""\
from studykit.show.display import written_view

written = studykit.write_plan(first, OUT)   # 课程文件中的计划 (the plan of the file)
picture = charts.save(charts.quarter_calendar(first), f"{OUT}/calendar.png")
written_view(written, OUT, cur.locale, also=[picture])"""),
]

MINUTES = [
    new_markdown_cell("""\
# 填写会议记录 · Fill in a session record

活动结束后，在下面的表单里选择活动，填写每人的出勤情况、议题、决定事项和小结，
点“保存记录并生成会议记录”：记录写进会议记录素材文件夹，会议记录（minutes.docx）写进输出文件夹。

*Fill in the form below after a session: the record goes into the records folder, the
minutes into OUT.*

**怎么用：** 只需改下面第一个代码格：本支部的课程文件、会议记录素材文件夹和季度，然后依次运行。"""),
    parameters(f"""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件
RECORDS = "../curricula/records"                      # 会议记录素材文件夹：表单保存的记录写在这里
{QUARTER_LINE}
OUT = "../out/notebook"                               # 会议记录（minutes.docx）写在这里
SAVE = False                                          # True：运行全部格子时按表单中填写的内容保存（与点“保存”按钮相同）"""),
    new_code_cell("""\
import studykit
from studykit.app.notebooks import chosen_quarter, record_form

cur = studykit.load(CURRICULUM)
quarter, said = chosen_quarter(cur, QUARTER)
print(said)"""),
    new_markdown_cell("""\
## 一、填写记录 · The form

表单从季度计划开始：日期、时间、地点、主持人和应到人员（及其政治面貌）都已填好。
先选择活动（已有记录的标着“已有记录”，不会被覆盖），再为每人选择出席、迟到、请假或缺席，
请假的写明原因；议题和决定事项每行一项；表决和落实事项各可填一项。

*The form starts from the plan: choose the session, each member's attendance (a reason for
leave), topics, decisions, the summary, one vote and one action.*"""),
    new_code_cell("""\
form = record_form(cur, RECORDS, OUT, quarter)
form"""),
    new_markdown_cell("""\
## 二、保存 · Save

点表单里的“保存记录并生成会议记录”，或者把第一格的 `SAVE` 改成 `True` 后运行下面这一格（效果相同）。
也可以在代码里填写表单，例如
`form.fill(statuses={"姓名": "请假"}, reasons={"姓名": "外出培训"}, decisions=["决定事项"])`，
再运行 `form.submit()`。填写有误时会说明哪里要改，什么也不写入。

*Click the form's button, or set SAVE = True and run the cell below; nothing is written when
something is wrong.*"""),
    new_code_cell("""\
saved = form.submit() if SAVE else None   # 与“保存”按钮相同 (what the button does)
saved"""),
]

LEDGER = [
    new_markdown_cell("""\
# 学习台账 · The ledger

汇总会议记录素材：每人学时完成情况、组织生活开展情况、会议人数与表决、补学、决议事项落实和能力提升，
并生成学习台账（report.docx）和 Excel 台账（ledger.xlsx）。

*Counts the session records: hours, meetings, quorum, make-up study, actions, competencies.*

**怎么用：** 只需改下面第一个代码格，然后依次运行。"""),
    parameters(f"""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件
RECORDS = "../curricula/records"                      # 会议记录素材所在文件夹
{QUARTER_LINE.replace("# 季度", "# 统计截至该季度末")}
OUT = "../out/notebook"                               # 文件输出到这里"""),
    new_code_cell("""\
%matplotlib inline
from pathlib import Path

import studykit
from studykit.app.notebooks import chosen_quarter, levels_by_quarter
from studykit.reading.records import record_files
from studykit.show import charts
from studykit.show.display import ledger_view, written_view

cur = studykit.load(CURRICULUM)
quarter, said = chosen_quarter(cur, QUARTER)
print(said)
ledger = studykit.read_ledger(cur, record_files([Path(RECORDS)]), quarter=quarter)
ledger"""),
    new_markdown_cell("""\
## 学时 · Study hours

条形是已完成学时；▲ 是按时间进度应完成的学时，竖线是全年要求。红色为滞后。

*Bars: hours so far; ▲ the pace; | the yearly floor. Red: behind.*"""),
    new_code_cell("""\
charts.hours_chart(ledger)"""),
    new_markdown_cell("""\
## 组织生活 · Meetings held against those required"""),
    new_code_cell("""\
charts.meetings_chart(ledger)"""),
    new_markdown_cell("""\
## 补学与决议事项 · Make-up study and action items"""),
    new_code_cell("""\
ledger_view(ledger, "makeup", "actions")"""),
    new_markdown_cell("""\
## 能力等级的变化 · Levels over the year

每季度开始时的能力等级：课程文件中的测评等级，加上此后参加课程（出席、迟到或补学）带来的提升。
各季度的计划按这些等级安排“缺什么补什么”。只列出一年中有变化的能力。

*Each member's levels at the start of each quarter: as assessed, raised by the courses attended
since. Each quarter's plan fills the gaps that remain.*"""),
    new_code_cell("""\
levels_by_quarter(cur, RECORDS, quarter.year)"""),
    new_markdown_cell("""\
## 生成台账文件 · Write the report files"""),
    new_code_cell("""\
written = studykit.write_report(ledger, OUT)
pictures = [charts.save(charts.hours_chart(ledger), f"{OUT}/hours.png"),
            charts.save(charts.meetings_chart(ledger), f"{OUT}/meetings.png")]
written_view(written, OUT, cur.locale, also=pictures)"""),
]

EVALUATION = [
    new_markdown_cell("""\
# 民主评议党员 · The year's evaluation of party members

把每名党员一年的情况摆在一起：学时与年度要求、组织生活出勤（缺席原因和补学）、承担的决议事项、
党员先锋岗、走访服务、业务指标完成情况、民主测评票数和评定等次；检查评议程序和“优秀”比例，
并生成评议文书。**只摆事实，不打分、不排名**：人员按课程文件中的顺序排列。

*Each party member's year side by side, as evidence: no score, no ranking; members in the
curriculum's order. Then the check of the share of 优秀, and the documents.*

**怎么用：** 只需改下面第一个代码格：课程文件、记录文件夹和年度，然后依次运行。"""),
    parameters("""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件 (your curriculum)
RECORDS = "../curricula/records"                      # 会议记录、评议、业务指标和走访记录所在文件夹
YEAR = None                                           # 评议的年度，如 2027；None：课程文件 calendar.quarter 所在的年度，没写则今年
OUT = "../out/notebook"                               # 文件输出到这里 (where files go)"""),
    new_code_cell("""\
%matplotlib inline
from pathlib import Path

import studykit
from studykit.app.notebooks import chosen_quarter
from studykit.app.workflows import write_evaluation
from studykit.reading.records import record_files
from studykit.show import charts
from studykit.show.display import excellent_check_view, written_view

cur = studykit.load(CURRICULUM)   # 有错误会逐条列出行号 (every problem with its line)
year = YEAR or chosen_quarter(cur)[0].year
ev = studykit.read_evaluation(cur, record_files([Path(RECORDS)]), year)
ev"""),
    new_markdown_cell("""\
## 一、学时 · Study hours

每人全年学时，竖线是年度要求；绿色为达到，红色为未达到。

*Each member's hours in the year; | the floor. Green: met; red: not met.*"""),
    new_code_cell("""\
charts.year_hours_chart(ev)"""),
    new_markdown_cell("""\
## 二、组织生活出勤 · Attendance at organisational life

三会一课、主题党日和组织生活会：出席、请假（是否已补学）和无故缺席各占应参加次数的比例。

*Attended, on leave (made up or not) and absent without leave, as shares of the sessions
expected.*"""),
    new_code_cell("""\
charts.attendance_chart(ev)"""),
    new_markdown_cell("""\
## 三、业务指标 · Business indicators

每个指标一栏：每人完成的数值和目标（竖线）。没有设置业务指标的支部，这里只有一句说明。

*One panel per indicator: what each member reached against the target (|).*"""),
    new_code_cell("""\
charts.indicators_chart(ev)"""),
    new_markdown_cell("""\
## 四、优秀比例和需要说明的情况 · The share of 优秀, and the points for the meeting

评为优秀的一般不超过参评党员的三分之一（`rules.evaluation.excellent-max`）。下面逐条列出需要
党员大会或上级党组织说明的情况。

*At most a third of those evaluated (rules.evaluation.excellent-max); then every point
for the meeting, in words.*"""),
    new_code_cell("""\
excellent_check_view(ev)"""),
    new_markdown_cell("""\
## 五、生成文书 · Write the documents

生成民主评议党员的文书和年度党建工作与业务工作考核情况，以及上面三张图。已经手工修改过的文件不会被覆盖。

*Writes the evaluation's documents and the three charts into OUT.*"""),
    new_code_cell("""\
written = write_evaluation(ev, OUT)
pictures = [charts.save(getattr(charts, name)(ev), f"{OUT}/{name.removesuffix('_chart')}.png")
            for name in ("year_hours_chart", "attendance_chart", "indicators_chart")]
written_view(written, OUT, cur.locale, also=pictures)"""),
]


def write(name: str, cells: list[nbformat.NotebookNode]) -> Path:
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": KERNEL,
        "language_info": {"name": "python"}})
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{name.split('.')[0]}-{i}"
    path = HERE / name
    path.parent.mkdir(exist_ok=True)
    nbformat.write(nb, str(path))
    return path


if __name__ == "__main__":
    for name, cells in (("plan_quarter.ipynb", PLAN), ("minutes.ipynb", MINUTES),
                        ("ledger.ipynb", LEDGER), ("evaluation.ipynb", EVALUATION)):
        print(write(name, cells))
