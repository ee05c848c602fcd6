"""The notebooks run top to bottom in a real kernel and write what they say they write, on
the example and on a branch that is not the example (only their first cell changed); and
what they call (studykit/app/notebooks.py) picks the quarter, the session and the course
from the branch's own data."""

from __future__ import annotations

import io
import re
import shutil
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import docx
import nbformat
import openpyxl
import pytest
import yaml
from nbclient import NotebookClient

import studykit
from studykit.app.notebooks import chosen_quarter, file_record, record_form, recorded
from studykit.domain.errors import UserError
from studykit.engine.drafts import draft
from studykit.reading.records import checked_records, parse_records, record_files

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["plan_quarter.ipynb", "minutes.ipynb", "ledger.ipynb", "evaluation.ipynb"]
DATA = Path(__file__).resolve().parent / "data" / "branches"
EXAMPLE = ROOT / "curricula" / "employment-centre.yaml"
EXAMPLE_RECORDS = ROOT / "curricula" / "records"
NURSING = DATA / "nursing-evaluation.yaml"
NURSING_RECORDS = DATA / "nursing-records"
# the second branch: not the example's members, courses, venues or year's records
OTHER = {"CURRICULUM": NURSING, "RECORDS": NURSING_RECORDS, "QUARTER": "2027Q1"}


def run(name: str, out: Path, before: str | None = None, cells: Sequence[str] = (),
        after: Sequence[str] = (), **given: Path | str | int | bool | None,
        ) -> tuple[nbformat.NotebookNode, float]:
    """Run a notebook in the kernel it names, with its ``OUT`` (and any other parameter
    ``given``) set in its first code cell; ``cells`` are put before the first code cell
    whose source holds ``before`` (what a user would type there), ``after`` at the end."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    (params,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    for key, value in {"OUT": out, **given}.items():
        assert re.search(rf"^{key} = ", params.source, re.M), key
        shown = f'r"{value}"' if isinstance(value, Path | str) else repr(value)
        line = f"{key} = {shown}"
        params.source = re.sub(rf"^{key} = .*?(?=\s+#|$)", line.replace("\\", "\\\\"),
                               params.source, count=1, flags=re.M)
    if cells:
        at = next(i for i, c in enumerate(nb.cells)
                  if c.cell_type == "code" and before and before in c.source)
        nb.cells[at:at] = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in after]
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name=nb.metadata.kernelspec.name,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb, time.perf_counter() - start


def outputs(nb: nbformat.NotebookNode, kind: str) -> list[str]:
    return [o.get("data", {}).get(kind, "") for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", [])]


def said(nb: nbformat.NotebookNode) -> str:
    """Everything a notebook showed as text: streams, and the text beside each display."""
    return "\n".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                     for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


RAW = re.compile(r"^\[?\(?'?\w+\((\w+=|children=|'/)|^\[\]$|^\[\(|PosixPath\(|"
                 r"<IPython\.core|object at 0x", re.M)
ENGLISH = re.compile(r"'(overdue|open|done|on track|behind|met|present|late|leave|absent)'")


def assert_readable(nb: nbformat.NotebookNode) -> None:
    """Nothing a notebook shows is a raw object, an empty list or an English status."""
    text = said(nb)
    assert not RAW.search(text), RAW.search(text)
    assert not ENGLISH.search(text), ENGLISH.search(text)
    html = "".join(outputs(nb, "text/html"))
    assert not re.search(r"[>：:]\s*\[\]", html + text)


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_kept_without_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count")
               for c in nb.cells if c.cell_type == "code")


def test_the_notebooks_and_the_makefile_name_one_kernel() -> None:
    """The notebooks ask for "python3"; `make notebook` installs a kernel of that name
    into .venv (so it is .venv's Python, with studykit); the README says so."""
    kernels = {nbformat.read(NOTEBOOKS / n, as_version=4).metadata.kernelspec.name
               for n in NAMES}
    assert kernels == {"python3"}
    notebook = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nnotebook:", 1)[1]
    assert "ipykernel install --sys-prefix --name python3" in notebook.split("\n\n")[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### In Jupyter instead of a terminal", 1)[1].split("\n## ", 1)[0]
    assert '"python3"' in section and "studykit" not in re.findall(r'kernel "(\w+)"', section)


@pytest.mark.parametrize("name", NAMES)
def test_only_the_first_cell_names_the_example(name: str) -> None:
    """Every cell but the first code cell works on whatever branch that cell names: none
    names the example's file, year, members, courses or sessions."""
    cur = studykit.load(EXAMPLE)
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"
            and "parameters" not in c.metadata.get("tags", [])]
    example = ["employment-centre", "curricula", "2027", *(m.id for m in cur.members),
               *(m.name for m in cur.members), *(c.id for c in cur.courses),
               *(c.title for c in cur.courses), "committee-", "theme-day-"]
    found = [(word, source) for source in code for word in example
             if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", source)]
    assert found == []


def test_plan_quarter_notebook_on_the_example(tmp_path: Path) -> None:
    nb, seconds = run("plan_quarter.ipynb", tmp_path)
    print(f"plan_quarter.ipynb ran in {seconds:.1f} s")
    assert_readable(nb)
    html = "".join(outputs(nb, "text/html"))
    assert "能力差距" in html and "2027年第一季度学习计划" in html  # the rich displays
    assert sum(1 for png in outputs(nb, "image/png") if png) >= 2   # heat map, calendar
    assert "全部符合规定" in html
    calendar = docx.Document(str(tmp_path / "calendar.docx"))
    assert "学习计划表" in calendar.paragraphs[0].text
    # the course tried is the one closing the largest gaps, a week later; what is written
    # is the plan of the file (the trial stays in the notebook)
    assert "试着调整：把「窗口服务沟通技巧」从3月11日改到3月18日" in html
    plan_yaml = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert re.search(r"- id: window-communication\n(  .*\n)*?  date: 2027-03-11", plan_yaml)
    assert (tmp_path / "records.xlsx").exists()
    assert (tmp_path / "calendar.png").stat().st_size > 10_000
    planned = re.findall(r"^- id: (\S+)$", plan_yaml.split("\nsessions:\n", 1)[1], re.M)
    assert sorted(p.name for p in (tmp_path / "sessions").iterdir()) == sorted(planned)
    assert len(planned) > 10
    assert "calendar.png" in html                                  # said as written


def test_plan_quarter_notebook_on_another_branch(tmp_path: Path) -> None:
    nb, seconds = run("plan_quarter.ipynb", tmp_path, CURRICULUM=NURSING, QUARTER="2027Q1")
    print(f"plan_quarter.ipynb (another branch) ran in {seconds:.1f} s")
    assert_readable(nb)
    html = "".join(outputs(nb, "text/html"))
    assert "阜宁县人民医院护理党支部2027年第一季度学习计划" in html
    assert "2027年第一季度（第一个代码格中的 QUARTER）" in said(nb)
    assert "试着调整：把「心肺复苏与急救技能培训」从3月10日改到3月17日" in html
    plan_yaml = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert re.search(r"- id: cpr-training\n(  .*\n)*?  date: 2027-03-10", plan_yaml)
    assert "亭湖" not in html and "唐树" not in html


def minutes_run(tmp_path: Path, curriculum: Path, records: Path,
                **given: Path | str | None) -> tuple[nbformat.NotebookNode, Path, Path]:
    """The minutes notebook on a copy of ``records``, saving what its form holds once a user
    has put someone on leave: first without a reason and naming someone unknown (refused,
    in words), then with the reason (saved), then once more (refused: no overwrite)."""
    folder, out = tmp_path / "records", tmp_path / "out"
    shutil.copytree(records, folder)
    nb, seconds = run(
        "minutes.ipynb", out, before="form.submit()", cells=[
            'away = form.draft.expected[-1].name\n'
            'form.fill(statuses={away: "请假", "不存在的人": "出席"}, decisions=["按计划落实。"])\n'
            'form.submit()',
            'form.fill(reasons={away: "外出培训"})'],
        after=["form.submit()"], CURRICULUM=curriculum, RECORDS=folder, SAVE=True, **given)
    print(f"minutes.ipynb ran in {seconds:.1f} s")
    return nb, folder, out


@pytest.mark.parametrize("branch", ["example", "another"])
def test_minutes_notebook_files_a_record_and_its_minutes(tmp_path: Path, branch: str) -> None:
    curriculum, records, given = (EXAMPLE, EXAMPLE_RECORDS, {}) if branch == "example" \
        else (NURSING, NURSING_RECORDS, {"QUARTER": "2027Q1"})
    before = {p.name for p in records.iterdir()}
    nb, folder, out = minutes_run(tmp_path, curriculum, records, **given)
    assert_readable(nb)
    cur = studykit.load(curriculum)
    quarter = studykit.Quarter.parse("2027Q1")
    # the form started at the quarter's first session without a record
    held = {s for s, q in recorded(cur, records) if q == quarter}
    _, _, plans = checked_records(parse_records(record_files([records])), cur, {2027})
    open_ = [s for s in plans[quarter].sessions if s.id not in held]
    first = ([s for s in open_ if s.date <= date.today()] or open_)[0]
    d = draft(cur, first)
    away = d.expected[-1]
    text = said(nb)
    # the mistakes, said in words, and nothing written for them
    assert f"{away.name}请假，请写明原因" in text
    assert "本次活动的应到人员中没有「不存在的人」" in text
    assert all(o.output_type != "error" for c in nb.cells for o in c.get("outputs", []))
    # then the record, beside the others, and its minutes
    new = sorted({p.name for p in folder.iterdir()} - before)
    assert new == [f"{first.id}.yaml"]
    data = yaml.safe_load((folder / new[0]).read_text(encoding="utf-8"))
    assert data["session"] == first.id and data["date"] == first.date
    assert data["absent"] == {away.id: "外出培训"}
    assert data["present"] == [e.id for e in d.expected if e.id != away.id]
    assert data["decisions"] == ["按计划落实。"]
    minutes = docx.Document(str(out / "sessions" / first.id / "minutes.docx"))
    body = "\n".join(p.text for p in minutes.paragraphs) + "\n".join(
        c.text for t in minutes.tables for r in t.rows for c in r.cells)
    day = f"{first.date.year}年{first.date.month}月{first.date.day}日"
    assert day in body and f"{away.name}（外出培训）" in body and "按计划落实。" in body
    assert f"已保存记录 {folder / new[0]}" in text
    # saved once: the second save is refused, the file as it was
    assert f"{first.title}已有记录 {folder / new[0]}，不会覆盖" in text
    if branch == "another":
        assert "亭湖" not in text and "唐树" not in text


def test_minutes_notebook_as_shipped_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    shutil.copytree(EXAMPLE_RECORDS, folder)
    nb, _ = run("minutes.ipynb", tmp_path / "out", RECORDS=folder)
    assert_readable(nb)
    assert "填写会议记录：" in said(nb)          # the form, in words where it cannot show
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in EXAMPLE_RECORDS.iterdir())
    assert not (tmp_path / "out").exists()


def ledger_run(out: Path, **given: Path | str | None) -> tuple[nbformat.NotebookNode, str]:
    nb, seconds = run("ledger.ipynb", out, **given)
    print(f"ledger.ipynb ran in {seconds:.1f} s")
    assert_readable(nb)
    book = openpyxl.load_workbook(io.BytesIO((out / "ledger.xlsx").read_bytes()))
    assert book.sheetnames[0] == "出勤"
    report = docx.Document(str(out / "report.docx"))
    assert "学习教育台账" in report.paragraphs[0].text
    for name in ("hours.png", "meetings.png"):
        assert (out / name).stat().st_size > 5_000
    return nb, "".join(outputs(nb, "text/html"))


def test_ledger_notebook_on_the_example(tmp_path: Path) -> None:
    _, html = ledger_run(tmp_path)
    assert "学时完成情况" in html and "补学情况" in html and "已逾期" in html
    # levels over the year: 李军's communication, raised by the course of January
    assert "<th>1月1日</th><th>4月1日</th>" in html
    assert "<td>李军</td><td>沟通技巧</td><td>2</td><td>3</td>" in html
    assert "report.docx" in html and "hours.png" in html


def test_ledger_notebook_on_another_branch(tmp_path: Path) -> None:
    nb, html = ledger_run(tmp_path, **OTHER)
    assert "阜宁县人民医院护理党支部2027年第一季度学习教育台账" in html
    # 刘静 made up the party lecture she missed; the assembly's action is still open
    assert "观看党课录像并提交学习心得" in html
    assert "孙倩同志限期改正并向支部委员会报告" in html and "未完成" in html
    # the CPR course of March raised the levels of those who attended it
    assert re.search(r"<td>刘静</td><td>急救技能</td><td>2</td><td>3</td>", html)
    assert "亭湖" not in said(nb)


def evidence_names(html: str) -> list[str]:
    """The names in the first column of the evidence table, in the order shown."""
    table = html.split("一、党员年度表现情况", 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr><td>([^<]*)</td>", table)


def run_evaluation(out: Path, **given: Path | str | int | None) -> tuple[str, list[str]]:
    nb, seconds = run("evaluation.ipynb", out, **given)
    print(f"evaluation.ipynb ran in {seconds:.1f} s")
    assert_readable(nb)
    # the last cell writes the documents, every one of them, and the charts
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"evaluation/ballot.docx", "evaluation/summary.docx", "evaluation/scorecard.docx",
            "evaluation/scorecard.xlsx"} <= written
    assert any(name.startswith("evaluation/register/") for name in written)
    assert sum(name.endswith(".png") for name in written) == 3
    html = "".join(outputs(nb, "text/html"))
    assert "evaluation/ballot.docx" in html                        # said as written
    return html, [png for png in outputs(nb, "image/png") if png]


def test_evaluation_notebook_on_the_example(tmp_path: Path) -> None:
    from studykit.reading.records import read_evaluation

    html, pictures = run_evaluation(tmp_path)
    assert "民主评议党员情况" in html and "党建工作与业务工作考核情况" in html
    assert len(pictures) == 3                                   # hours, attendance, indicators
    assert "优秀比例和需要说明的情况" in html
    assert "最多" in html or "还没有评定等次" in html
    # the evidence: every party member of the year, in the curriculum's order (no ranking)
    cur = studykit.load(EXAMPLE)
    ev = read_evaluation(cur, record_files([EXAMPLE_RECORDS]), 2027)
    order = [m.name for m in cur.members]
    assert evidence_names(html) == [e.name for e in ev.evidence]
    assert evidence_names(html) == sorted(evidence_names(html), key=order.index)


def test_evaluation_notebook_on_another_branch(tmp_path: Path) -> None:
    html, pictures = run_evaluation(
        tmp_path, CURRICULUM=NURSING, RECORDS=NURSING_RECORDS, YEAR=2027)
    assert "阜宁县人民医院护理党支部2027年度民主评议党员情况" in html
    assert "参评党员10名：优秀3名、合格6名、基本合格1名、不合格0名；优秀占30%" in html
    assert evidence_names(html) == ["李红", "王丽", "张敏", "刘静", "陈燕", "杨芳", "赵丽",
                                    "孙倩", "周雨", "冯洁"]          # as in the curriculum
    assert "党员先锋岗（急诊分诊台）（承诺：急危重症患者零等待）" in html
    assert "1月15日　1月主题党日：学习新修订的《护士条例》（无故缺席）" in html
    # the check, in words: 3 of 10, at most 3; the one point for the meeting
    assert "参评党员10名，评为优秀3名（占30%）；优秀不超过参评党员的33%，最多3名。" in html
    assert "符合规定。" in html and "需要说明的情况（1条）" in html
    assert "<li>李红同志评为优秀，但全年学习9学时，未达到12学时</li>" in html
    assert len(pictures) == 3


# --- studykit/app/notebooks.py: what the cells call --------------------------------------


def test_the_quarter_is_the_one_given_else_the_curriculum_s_else_today_s() -> None:
    cur, nursing = studykit.load(EXAMPLE), studykit.load(NURSING)
    assert chosen_quarter(cur, "2027Q3") == (studykit.Quarter(2027, 3),
                                             "2027年第三季度（第一个代码格中的 QUARTER）")
    assert chosen_quarter(cur)[0] == studykit.Quarter(2027, 1)       # calendar.quarter
    assert "calendar.quarter" in chosen_quarter(cur)[1]
    assert chosen_quarter(nursing, today=date(2026, 11, 5)) == (
        studykit.Quarter(2026, 4), "2026年第四季度（今天所在的季度）")
    team = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    assert chosen_quarter(team, "2026Q4")[1] == "Q4 2026 (QUARTER in the first code cell)"


def test_the_form_starts_at_the_first_session_held_and_not_recorded(tmp_path: Path) -> None:
    cur = studykit.load(NURSING)
    # by 1 February: the January sessions not recorded; the committee's was
    form = record_form(cur, NURSING_RECORDS, tmp_path, "2027Q1", today=date(2027, 2, 1))
    assert form.session.value == "group-2-2027-01"
    assert form.held["committee-2027-01"].endswith("committee-2027-01.yaml")
    labels = dict((v, k) for k, v in form.session.options)
    assert labels["committee-2027-01"].endswith("（已有记录）")
    assert not labels["group-2-2027-01"].endswith("（已有记录）")
    # before the quarter: the first session not recorded; a new branch: no folder yet
    early = record_form(cur, tmp_path / "none-yet", tmp_path, "2027Q1", today=date(2026, 1, 1))
    assert early.session.value == studykit.year_plans(cur, [2027])[
        studykit.Quarter(2027, 1)].sessions[0].id
    assert early.held == {}


def test_a_record_is_filed_once_and_never_overwritten(tmp_path: Path) -> None:
    cur = studykit.load(NURSING)
    folder = tmp_path / "records"
    shutil.copytree(NURSING_RECORDS, folder)
    form = record_form(cur, folder, tmp_path / "out", "2027Q1", session="committee-2027-02")
    data = form.draft.record({e.id: "present" for e in form.draft.expected})
    filed = file_record(cur, data, folder, tmp_path / "out", title="2月支部委员会会议")
    assert filed.path == folder / "committee-2027-02.yaml"
    assert filed.minutes == (tmp_path / "out" / "sessions" / "committee-2027-02"
                             / "minutes.docx",)
    assert filed.record.present == [e.id for e in form.draft.expected]
    kept = filed.path.read_bytes()
    with pytest.raises(UserError) as refused:
        file_record(cur, data, folder, tmp_path / "out", title="2月支部委员会会议")
    assert str(refused.value) == (f"2月支部委员会会议已有记录 {filed.path}，不会覆盖；"
                                  "要修改请直接编辑这个文件")
    assert filed.path.read_bytes() == kept
    # a file of that name that is not this session's record: another name, not over it
    other = form.draft.record({e.id: "present" for e in form.draft.expected})
    other["session"] = "theme-day-2027-02"
    (folder / "theme-day-2027-02.yaml").write_text("# notes\n", encoding="utf-8")
    plan = studykit.year_plans(cur, [2027])[studykit.Quarter(2027, 1)]
    day = plan.session("theme-day-2027-02").date
    other.update(date=day, present=[e.id for e in draft(cur, plan.session(
        "theme-day-2027-02")).expected])
    second = file_record(cur, other, folder, tmp_path / "out")
    assert second.path.name == f"theme-day-2027-02-{day:%Y%m%d}.yaml"
    assert (folder / "theme-day-2027-02.yaml").read_text(encoding="utf-8") == "# notes\n"


def test_a_record_the_minutes_refuse_is_taken_back_out(tmp_path: Path) -> None:
    cur = studykit.load(NURSING)
    folder, out = tmp_path / "records", tmp_path / "out"
    shutil.copytree(NURSING_RECORDS, folder)
    form = record_form(cur, folder, out, "2027Q1", session="committee-2027-02")
    data = form.draft.record({e.id: "present" for e in form.draft.expected},
                             votes=[{"motion": "同意", "for": 40, "against": 0, "abstain": 0}])
    with pytest.raises(UserError) as refused:
        file_record(cur, data, folder, out)
    assert "40" in str(refused.value) and "Traceback" not in str(refused.value)
    assert not (folder / "committee-2027-02.yaml").exists()
    assert not (out / "sessions").exists()


def test_a_session_filled_in_the_record_workbook_is_recorded_too(tmp_path: Path) -> None:
    """The records folder may hold the record workbook (records.xlsx) beside YAML records:
    a session filled in there is recorded, and the form refuses to file it again."""
    from openpyxl import load_workbook

    from studykit.app.workflows import plan_branch

    cur = studykit.load(NURSING)
    folder = tmp_path / "records"
    shutil.copytree(NURSING_RECORDS, folder)
    plan_branch(NURSING, "2027Q1", out=tmp_path / "plan")
    book = load_workbook(tmp_path / "plan" / "records.xlsx")
    ws = next(ws for ws in book.worksheets if ws["I1"].value == "group-2-2027-01")
    for r in range(7, ws.max_row + 1):
        if ws.cell(r, 8).value == "member":
            ws.cell(r, 4).value, ws.cell(r, 5).value = "出席", None
    book.save(folder / "records.xlsx")
    form = record_form(cur, folder, tmp_path / "out", "2027Q1", today=date(2027, 2, 1))
    assert "group-2-2027-01" in form.held and form.session.value == "group-1-2027-01"
    form.fill(session="group-2-2027-01")
    refused = form.submit()
    assert not refused.saved and "records.xlsx" in str(refused) and "不会覆盖" in str(refused)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(p.name for p in NURSING_RECORDS.iterdir()), "records.xlsx"])
    # the workbook itself as the first cell's RECORDS: the same, and records go beside it
    alone = record_form(cur, folder / "records.xlsx", tmp_path / "out", "2027Q1",
                        today=date(2027, 2, 1))
    assert "group-2-2027-01" in alone.held
    alone.fill(session="group-2-2027-01")
    again = alone.submit()
    assert not again.saved and "records.xlsx" in str(again)
