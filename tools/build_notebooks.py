"""Write the notebooks in notebooks/ (without outputs), from the cells below.

Run after changing a cell: ``.venv/bin/python tools/build_notebooks.py``. The notebooks
are kept as this script writes them, so they diff cleanly; `make test` runs them.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent.parent / "notebooks"


def parameters(source: str) -> nbformat.NotebookNode:
    """The first code cell: the one paths a user changes (tagged, so tests can set them)."""
    cell = new_code_cell(source)
    cell.metadata["tags"] = ["parameters"]
    return cell


PLAN = [
    new_markdown_cell("""\
# 安排一个季度的学习计划 · Plan a quarter

本笔记本按**干什么学什么、缺什么补什么**的原则，读取支部的课程文件，检查差距，安排季度计划，
并生成计划表、活动方案、教案和签到表。

*This notebook loads the branch's curriculum, shows who needs what, plans the quarter and
writes the documents.*

**怎么用：** 把下面第一个代码格里的路径改成本支部的课程文件，然后依次运行（菜单 Run → Run All Cells）。"""),
    parameters("""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件 (your curriculum)
QUARTER = "2027Q1"                                    # 要安排的季度 (the quarter)
OUT = "../out/notebook"                               # 文件输出到这里 (where files go)"""),
    new_code_cell("""\
%matplotlib inline
from datetime import date

import studykit
from studykit.show import charts

cur = studykit.load(CURRICULUM)   # 有错误会逐条列出行号 (every problem with its line)
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

可以先试着调整，不必改课程文件：例如把某门课固定在某一天，或改变参加范围。
调整只在本笔记本里生效；满意后再把同样的修改写进课程文件。

*Try a change without editing the file: pin a date, change an audience.*"""),
    new_code_cell("""\
trial = studykit.with_course(cur, "window-communication", date=date(2027, 3, 10))   # 固定日期 (pin a date)
trial = studykit.with_course(trial, "employment-forum", audience="party")            # 只请党员参加 (audience)
plan = studykit.plan_quarter(trial, QUARTER)
plan"""),
    new_code_cell("""\
problems = studykit.check_plan(trial, plan)   # 独立检查：是否违反规定 (an independent check)
[str(p) for p in problems] or "全部符合规定 (every rule holds)\""""),
    new_code_cell("""\
charts.quarter_calendar(plan)"""),
    new_markdown_cell("""\
## 三、生成文书 · Write the documents

生成季度学习计划表、日历文件，以及每项活动的活动方案（教案）和签到表。已经手工修改过的文件不会被覆盖。

*Writes calendar.docx, calendar.ics and per session plan.docx and attendance.docx.*"""),
    new_code_cell("""\
written = studykit.write_plan(plan, OUT)
charts.save(charts.quarter_calendar(plan), f"{OUT}/calendar.png")
print(f"写入 {len(written.written)} 个文件，{len(written.unchanged)} 个未变，位于 {OUT}")"""),
]

MINUTES = [
    new_markdown_cell("""\
# 填写会议记录 · Write the minutes

活动结束后，在下面的格子里填写到会情况、发言、表决和决定，检查无误后生成会议记录（会议记录.docx）。

*Fill in a session record below, check it, and write minutes.docx.*

**怎么用：** 改第一个代码格里的路径；在“记录”格里照样子填写，然后依次运行。"""),
    parameters("""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件
RECORDS = "../curricula/records"                      # 以往的会议记录素材（用于落实情况）
OUT = "../out/notebook"                               # 文件输出到这里"""),
    new_code_cell("""\
import studykit
from studykit.engine.ledger import followups

cur = studykit.load(CURRICULUM)
plans = studykit.year_plans(cur, [2027])   # 各季度计划：会议编号据此查找 (the year's plans)"""),
    new_markdown_cell("""\
## 一、填写记录 · The record

格式与 `curricula/records/` 里的文件相同（见 docs/records.md）。人员写编号（如 `tangshu`），
缺席写明原因；表决写赞成、反对、弃权票数。

*Same format as the files in curricula/records/.*"""),
    new_code_cell('''\
RECORD = """
session: committee-2027-03
date: 2027-03-04
start: "15:00"
end: "16:30"
chair: tangshu
recorder: zhouhaiyan
present: [tangshu, chenjing, zhouhaiyan, gaoyun]
late: [xuming]
topics:
  - 听取上次支委会决定事项落实情况
  - 研究3月主题党日安排
speeches:
  - {who: gaoyun, said: 就业困难人员走访台账已整理完毕。}
votes:
  - {motion: 同意3月主题党日到社区开展政策宣传, for: 5, against: 0, abstain: 0}
decisions: [3月主题党日到社区开展就业政策宣传。]
actions:
  - {task: 联系社区确定宣传场地, owner: xuming, due: 2027-03-12}
done: [committee-2027-01/2, committee-2027-02/1]
summary: 各项任务要按时限落实。
"""'''),
    new_markdown_cell("""\
## 二、检查 · Check it

有错误时，会指出第几行、哪一项、应当怎样写。

*Problems are listed with their line in the cell above.*"""),
    new_code_cell("""\
record = studykit.loads_record(RECORD, cur, plans, path="RECORD")
record"""),
    new_markdown_cell("""\
## 三、到会情况与会议记录 · Attendance and the minutes"""),
    new_code_cell("""\
from studykit.domain.time import quarter_of

plan = plans[quarter_of(record.date)]
session = plan.session(record.session)
expected = [*session.attendees, *session.excused]
names = cur.member_by_id
{"应到": len(expected), "实到": len(record.attended),
 "未到": [names[m].name for m in expected if m not in record.attended and m not in record.absent]}"""),
    new_code_cell("""\
from pathlib import Path

earlier = studykit.read_ledger(cur, sorted(Path(RECORDS).glob("*.yaml")), 2027)
todo = followups(earlier.actions, session, record.date, cur)   # 上次会议决议落实情况
written = studykit.write_minutes(plan, session, record, OUT, followups=todo)
written.written or written.unchanged"""),
]

LEDGER = [
    new_markdown_cell("""\
# 学习台账 · The ledger

汇总会议记录素材：每人学时完成情况、组织生活开展情况、会议人数与表决、补学、决议事项落实和能力提升，
并生成学习台账（report.docx）和 Excel 台账（ledger.xlsx）。

*Counts the session records: hours, meetings, quorum, make-up study, actions, competencies.*"""),
    parameters("""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件
RECORDS = "../curricula/records"                      # 会议记录素材所在文件夹
QUARTER = "2027Q1"                                    # 统计截至该季度末 (up to the end of)
OUT = "../out/notebook"                               # 文件输出到这里"""),
    new_code_cell("""\
%matplotlib inline
from pathlib import Path

import studykit
from studykit.show import charts

cur = studykit.load(CURRICULUM)
ledger = studykit.read_ledger(cur, sorted(Path(RECORDS).glob("*.yaml")),
                              quarter=studykit.Quarter.parse(QUARTER))
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
## 补学与决议事项 · Make-up study and action items still open"""),
    new_code_cell("""\
names = {m.id: m.name for m in cur.members}
[(names[m.member], m.title, m.due.isoformat(), m.status) for m in ledger.makeup
 if m.status != "done"]"""),
    new_code_cell("""\
[(a.ref, a.task, names[a.owner], a.status) for a in ledger.actions if a.status != "done"]"""),
    new_markdown_cell("""\
## 能力等级的变化 · Levels over the year

每季度开始时的能力等级：课程文件中的测评等级，加上此后参加课程（出席、迟到或补学）带来的提升。
各季度的计划按这些等级安排“缺什么补什么”。

*Each member's levels at the start of each quarter: as assessed, raised by the courses attended
since. Each quarter's plan fills the gaps that remain.*"""),
    new_code_cell("""\
from studykit.engine.levels import project_levels
from studykit.reading.records import checked_records, parse_records

year = studykit.Quarter.parse(QUARTER).year
found, _, plans = checked_records(parse_records(sorted(Path(RECORDS).glob("*.yaml"))), cur, {year})
starts = [studykit.Quarter(year, n).first for n in (1, 2, 3, 4)]
projections = [project_levels(cur, plans, found, day) for day in starts]
rows = [[m.name, cur.competencies[c], *(str(p.levels[m.id].get(c, 0)) for p in projections)]
        for m in cur.members for c in cur.competencies
        if len({p.levels[m.id].get(c, 0) for p in projections}) > 1]
from studykit.show.display import html_table
from IPython.display import HTML
HTML(html_table(["姓名", "能力", *(f"{d.month}月{d.day}日" for d in starts)], rows))"""),
    new_markdown_cell("""\
## 生成台账文件 · Write the report files"""),
    new_code_cell("""\
written = studykit.write_report(ledger, OUT)
charts.save(charts.hours_chart(ledger), f"{OUT}/hours.png")
charts.save(charts.meetings_chart(ledger), f"{OUT}/meetings.png")
sorted(p.name for p in Path(OUT).iterdir())"""),
]

EVALUATION = [
    new_markdown_cell("""\
# 民主评议党员 · The year's evaluation of party members

把每名党员一年的情况摆在一起：学时与年度要求、组织生活出勤（缺席原因和补学）、承担的决议事项、
党员先锋岗、走访服务、业务指标完成情况、民主测评票数和评定等次；检查评议程序和“优秀”比例，
并生成评议文书。**只摆事实，不打分、不排名**：人员按课程文件中的顺序排列。

*Each party member's year side by side, as evidence: no score, no ranking; members in the
curriculum's order. Then the check of the share of 优秀, and the documents.*

**怎么用：** 把下面第一个代码格里的课程文件、记录文件夹和年度改成本支部的，然后依次运行。"""),
    parameters("""\
CURRICULUM = "../curricula/employment-centre.yaml"   # 本支部的课程文件 (your curriculum)
RECORDS = "../curricula/records"                      # 会议记录、评议、业务指标和走访记录所在文件夹
YEAR = 2027                                           # 评议的年度 (the year evaluated)
OUT = "../out/notebook"                               # 文件输出到这里 (where files go)"""),
    new_code_cell("""\
%matplotlib inline
from pathlib import Path

from IPython.display import HTML

import studykit
from studykit.app.workflows import write_evaluation
from studykit.reading.records import record_files
from studykit.show import charts
from studykit.show.display import excellent_check_html

cur = studykit.load(CURRICULUM)   # 有错误会逐条列出行号 (every problem with its line)
ev = studykit.read_evaluation(cur, record_files([Path(RECORDS)]), YEAR)
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
HTML(excellent_check_html(ev))"""),
    new_markdown_cell("""\
## 五、生成文书 · Write the documents

生成民主评议党员的文书和年度党建工作与业务工作考核情况，以及上面三张图。已经手工修改过的文件不会被覆盖。

*Writes the evaluation's documents and the three charts into OUT.*"""),
    new_code_cell("""\
written = write_evaluation(ev, OUT)
for name in ("year_hours_chart", "attendance_chart", "indicators_chart"):
    charts.save(getattr(charts, name)(ev), f"{OUT}/{name.removesuffix('_chart')}.png")
sorted(p.name for p in Path(OUT).iterdir())"""),
]


def write(name: str, cells: list[nbformat.NotebookNode]) -> Path:
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
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
