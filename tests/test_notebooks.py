"""The notebooks run top to bottom in a real kernel and write what they say they write."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import docx
import nbformat
import openpyxl
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def run(name: str, out: Path, drop_last: bool = False,
        **given: Path | str | int) -> tuple[nbformat.NotebookNode, float]:
    """Run a notebook with its ``OUT`` (and any other parameter ``given``) set; with
    ``drop_last``, all its cells but the last."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    (params,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    for key, value in {"OUT": out, **given}.items():
        assert re.search(rf"^{key} = ", params.source, re.M), key
        shown = f'r"{value}"' if isinstance(value, Path | str) else repr(value)
        line = f"{key} = {shown}"
        params.source = re.sub(rf"^{key} = .*?(?=\s+#|$)", line.replace("\\", "\\\\"),
                               params.source, count=1, flags=re.M)
    if drop_last:
        nb.cells = nb.cells[:-1]
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb, time.perf_counter() - start


def outputs(nb: nbformat.NotebookNode, kind: str) -> list[str]:
    return [o.get("data", {}).get(kind, "") for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", [])]


@pytest.mark.parametrize("name", ["plan_quarter.ipynb", "minutes.ipynb", "ledger.ipynb",
                                  "evaluation.ipynb"])
def test_notebooks_are_kept_without_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count")
               for c in nb.cells if c.cell_type == "code")


def test_plan_quarter_notebook(tmp_path: Path) -> None:
    nb, seconds = run("plan_quarter.ipynb", tmp_path)
    print(f"plan_quarter.ipynb ran in {seconds:.1f} s")
    html = "".join(outputs(nb, "text/html"))
    assert "能力差距" in html and "学习计划" in html           # the rich displays
    assert sum(1 for png in outputs(nb, "image/png") if png) >= 2   # heat map, calendar
    calendar = docx.Document(str(tmp_path / "calendar.docx"))
    assert "学习计划表" in calendar.paragraphs[0].text
    # the adjustments of the notebook are in the plan it wrote
    plan_yaml = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert re.search(r"- id: window-communication\n(  .*\n)*?  date: 2027-03-10", plan_yaml)
    assert (tmp_path / "calendar.png").stat().st_size > 10_000
    planned = re.findall(r"^- id: (\S+)$", plan_yaml.split("\nsessions:\n", 1)[1], re.M)
    assert sorted(p.name for p in (tmp_path / "sessions").iterdir()) == sorted(planned)
    assert len(planned) > 10


def test_minutes_notebook(tmp_path: Path) -> None:
    nb, seconds = run("minutes.ipynb", tmp_path)
    print(f"minutes.ipynb ran in {seconds:.1f} s")
    text = "\n".join(str(o) for c in nb.cells for o in c.get("outputs", []))
    assert "'应到': 5" in text and "'实到': 5" in text
    minutes = docx.Document(str(tmp_path / "sessions" / "committee-2027-03" / "minutes.docx"))
    body = "\n".join(p.text for p in minutes.paragraphs) + "\n".join(
        c.text for t in minutes.tables for r in t.rows for c in r.cells)
    assert "同意3月主题党日到社区开展政策宣传" in body
    assert "完成就业困难人员走访台账" in body                     # 上次会议决议落实情况


def test_ledger_notebook(tmp_path: Path) -> None:
    nb, seconds = run("ledger.ipynb", tmp_path)
    print(f"ledger.ipynb ran in {seconds:.1f} s")
    html = "".join(outputs(nb, "text/html"))
    assert "学时完成情况" in html
    # levels over the year: 李军's communication, raised by the course of January
    assert "<th>1月1日</th><th>4月1日</th>" in html
    assert "<td>李军</td><td>沟通技巧</td><td>2</td><td>3</td>" in html
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "ledger.xlsx").read_bytes()))
    assert book.sheetnames[0] == "出勤"
    report = docx.Document(str(tmp_path / "report.docx"))
    assert "学习教育台账" in report.paragraphs[0].text
    for name in ("hours.png", "meetings.png"):
        assert (tmp_path / name).stat().st_size > 5_000


DATA = Path(__file__).resolve().parent / "data" / "branches"


def evidence_names(html: str) -> list[str]:
    """The names in the first column of the evidence table, in the order shown."""
    table = html.split("一、党员年度表现情况", 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr><td>([^<]*)</td>", table)


def run_evaluation(out: Path, **given: Path | str | int) -> tuple[str, list[str]]:
    nb, seconds = run("evaluation.ipynb", out, **given)
    print(f"evaluation.ipynb ran in {seconds:.1f} s")
    # the last cell writes the documents, every one of them, and the charts
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"evaluation/ballot.docx", "evaluation/summary.docx", "evaluation/scorecard.docx",
            "evaluation/scorecard.xlsx"} <= written
    assert any(name.startswith("evaluation/register/") for name in written)
    assert sum(name.endswith(".png") for name in written) == 3
    html = "".join(outputs(nb, "text/html"))
    return html, [png for png in outputs(nb, "image/png") if png]


def test_evaluation_notebook_on_the_example(tmp_path: Path) -> None:
    import studykit
    from studykit.reading.records import read_evaluation, record_files

    html, pictures = run_evaluation(tmp_path)
    assert "民主评议党员情况" in html and "党建工作与业务工作考核情况" in html
    assert len(pictures) == 3                                   # hours, attendance, indicators
    assert "优秀比例和需要说明的情况" in html
    assert "最多" in html or "还没有评定等次" in html
    # the evidence: every party member of the year, in the curriculum's order (no ranking)
    root = NOTEBOOKS.parent / "curricula"
    cur = studykit.load(root / "employment-centre.yaml")
    ev = read_evaluation(cur, record_files([root / "records"]), 2027)
    order = [m.name for m in cur.members]
    assert evidence_names(html) == [e.name for e in ev.evidence]
    assert evidence_names(html) == sorted(evidence_names(html), key=order.index)


def test_evaluation_notebook_on_another_branch(tmp_path: Path) -> None:
    html, pictures = run_evaluation(
        tmp_path, CURRICULUM=DATA / "nursing-evaluation.yaml",
        RECORDS=DATA / "nursing-records", YEAR=2027)
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
