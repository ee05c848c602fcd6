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


def run(name: str, out: Path) -> tuple[nbformat.NotebookNode, float]:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    (params,) = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert re.search(r'^OUT = "', params.source, re.M)
    params.source = re.sub(r'^OUT = ".*?"', f'OUT = r"{out}"', params.source, flags=re.M)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb, time.perf_counter() - start


def outputs(nb: nbformat.NotebookNode, kind: str) -> list[str]:
    return [o.get("data", {}).get(kind, "") for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", [])]


@pytest.mark.parametrize("name", ["plan_quarter.ipynb", "minutes.ipynb", "ledger.ipynb"])
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
