"""A district: many branches in one run, partial failure, and the overview's figures."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import ISO_DAY, PATH, cell_texts, check_filed_sheets

import studykit
from studykit.app.district import plan_branches
from studykit.app.workflows import branch_folder
from studykit.domain.text import width
from studykit.engine.overview import district_overview, summarise

ROOT = Path(__file__).resolve().parent.parent
CENTRE = ROOT / "curricula" / "employment-centre.yaml"


def branches(tmp_path: Path, n: int = 3, broken: bool = True) -> Path:
    folder = tmp_path / "curricula"
    folder.mkdir()
    for i in range(1, n + 1):
        shutil.copy(CENTRE, folder / f"branch-{i}.yaml")
    if broken:
        (folder / "broken.yaml").write_text("studykit: 1\norganization: {name: X}\n",
                                            encoding="utf-8")
    return folder


def test_plan_many_branches_each_in_its_own_folder(tmp_path: Path) -> None:
    folder = branches(tmp_path)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "studykit", "plan", str(folder),
                             "--quarter", "2026Q2", "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 1                         # one branch failed
    assert "Traceback" not in result.stderr
    assert f"{folder / 'broken.yaml'}：失败" in result.stderr
    assert "缺少必填的键 `competencies`" in result.stderr
    assert "共4个支部：3个已安排并写出，1个失败" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["branch-1", "branch-2", "branch-3"]
    for i in (1, 2, 3):
        calendar = docx.Document(str(out / f"branch-{i}" / "calendar.docx"))
        assert "学习计划表" in calendar.paragraphs[0].text
    # the same as planning each branch alone
    alone = tmp_path / "alone"
    subprocess.run([sys.executable, "-m", "studykit", "plan", str(folder / "branch-2.yaml"),
                    "--quarter", "2026Q2", "--out", str(alone)], check=True,
                   capture_output=True)
    assert (alone / "calendar.docx").read_bytes() == \
        (out / "branch-2" / "calendar.docx").read_bytes()


def test_in_parallel_or_not_the_results_are_the_same(tmp_path: Path) -> None:
    folder = branches(tmp_path, n=2, broken=False)
    paths = sorted(folder.glob("*.yaml"))
    seen = []
    one = plan_branches(paths, "2026Q2", tmp_path / "one", jobs=1,
                        progress=lambda done, total: seen.append((done, total)))
    two = plan_branches(paths, "2026Q2", tmp_path / "two", jobs=2)
    assert [r.ok for r in one] == [r.ok for r in two] == [True, True]
    assert seen == [(1, 2), (2, 2)]
    for path in (tmp_path / "one").rglob("*.docx"):
        assert path.read_bytes() == (tmp_path / "two" / path.relative_to(tmp_path / "one")
                                     ).read_bytes()


def test_branch_folders_are_safe_names() -> None:
    assert branch_folder("some/where/亭湖 branch.yaml") == "亭湖-branch"
    assert branch_folder("../../..yaml") == "branch"
    assert "/" not in branch_folder("a/b/c.yaml")


def test_the_overview_counts_each_branch(tmp_path: Path) -> None:
    cur = studykit.load(CENTRE)
    records = sorted((ROOT / "curricula" / "records").glob("*.yaml"))
    with_records = studykit.read_ledger(cur, records, quarter=studykit.Quarter(2027, 1))
    without = studykit.read_ledger(cur, [], 2027, studykit.Quarter(2027, 1))
    district = district_overview([with_records, without])
    busy, idle = district.branches
    # 2027Q1 asks for: an assembly, a party lecture, 3 committee meetings, 3 theme days and
    # 3 meetings of each of the 2 party groups = 14
    assert (idle.required, idle.held, idle.missing) == (14, 0, 14)
    assert (idle.behind, idle.with_floor) == (11, 11)     # 11 party members, no hours yet
    assert busy == summarise(with_records)
    assert busy.required == 14 and busy.held == 14 - busy.missing
    # every competency with a gap left in both branches is shared by 2
    assert all(n == 2 for _, n, _ in district.shared_gaps)
    assert {label for label, _, _ in district.shared_gaps} == {
        cur.competencies[c] for c in with_records.uncovered}


def test_district_report_files(tmp_path: Path) -> None:
    folder = branches(tmp_path, n=2)
    records = tmp_path / "records"
    shutil.copytree(ROOT / "curricula" / "records", records / "branch-1")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "studykit", "report", str(folder),
                             "--records", str(records), "--quarter", "2027Q1", "--out",
                             str(out)], capture_output=True, text=True)
    assert result.returncode == 1                         # broken.yaml could not be counted
    assert "各支部情况" in result.stdout
    document = docx.Document(str(out / "district.docx"))
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert len(rows) == 1 + 2 and rows[2][1:4] == ["15", "0/14", "14"]
    data = (out / "district.xlsx").read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["各支部情况", "多个支部共有的能力差距（建议统一组织培训）",
                               "未能统计的支部", "民主评议和党建业务考核"]
    title = "2027年第一季度各支部学习教育情况汇总"
    assert title in result.stdout and document.paragraphs[0].text == title
    check_filed_sheets(book, title, "统计截至2027年3月31日", title)
    # branch names and headers whole: as wide as the longest name, or its row as high
    overview = book["各支部情况"]
    names = [row[0].value for row in overview.iter_rows(min_row=4)]
    assert names == ["亭湖区劳动就业服务中心党支部"] * 2
    assert overview.column_dimensions["A"].width >= max(map(width, names)) + 1
    assert [c.value for c in overview[5]][1:4] == [15, "0/14", 14]     # numbers as numbers
    # the branch that could not be counted: named, why in words; no path anywhere
    failed = [[c.value for c in row] for row in book["未能统计的支部"].iter_rows(min_row=4)]
    assert failed == [["broken", "课程文件或活动记录有3处问题，待改正后统计"]]
    texts = cell_texts(book)
    assert not [t for t in texts if PATH.search(t) or ISO_DAY.search(t) or str(tmp_path) in t]
    assert str(folder / "broken.yaml") in result.stderr        # the path is for the terminal
    assert run_again(folder, records, tmp_path / "again") == data   # the same bytes each run


def run_again(folder: Path, records: Path, out: Path) -> bytes:
    time.sleep(1.1)                  # openpyxl stamps "modified" with the time, to the second
    subprocess.run([sys.executable, "-m", "studykit", "report", str(folder), "--records",
                    str(records), "--quarter", "2027Q1", "--out", str(out)],
                   capture_output=True, text=True)
    return (out / "district.xlsx").read_bytes()


def test_each_branch_says_which_quarters_have_no_holiday_data(tmp_path: Path) -> None:
    folder = tmp_path / "curricula"
    folder.mkdir()
    text = (ROOT / "curricula" / "employment-centre.yaml").read_text(encoding="utf-8")
    # the example gives all of 2027's days off: keep those of the first quarter only
    first, last = text.index("  holidays:\n"), text.index("  complete: [2027]")
    text = text[:first] + "  holidays: [2027-01-01, 2027-02-06..2027-02-13]\n" + \
        "  workdays: [2027-02-14]\n" + text[text.index("\n", last) + 1:]
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    (folder / "b.yaml").write_text(text.replace("亭湖区劳动就业服务中心党支部", "另一个支部"),
                                   encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "studykit", "plan", str(folder), "--quarter",
                             "2027Q2", "--out", str(tmp_path / "out"), "--partial"],
                            capture_output=True, text=True, check=False)
    assert result.stdout.count("2027年第二季度的法定节假日和调休安排还不知道") == 2, result.stdout


def test_a_district_says_where_it_looks_for_each_branch_s_records(tmp_path: Path) -> None:
    from studykit.app.workflows import district_report

    folder = tmp_path / "curricula"
    folder.mkdir()
    shutil.copy(ROOT / "curricula" / "employment-centre.yaml", folder / "a.yaml")
    records = ROOT / "curricula" / "records"        # every record in one folder: no sub-folder
    run = district_report([folder / "a.yaml"], records)
    (failed,) = run.failed
    assert str(records / "a") in failed.message and "名称同课程文件名" in failed.message
    # the example's records of 2027: 68 files (62 sessions, 2 of make-up study, an
    # assessment, the evaluation, the results and the visits)
    assert "直接放着68个记录文件" in failed.message and "年份" not in failed.message
    # what the filed overview says: the folder it wants, by name, and no path
    assert failed.reason == "没有找到本支部的活动记录（记录文件夹中应有名为“a”的子文件夹）"
    run = district_report([folder / "a.yaml"], records, quarter=studykit.Quarter(2027, 1))
    assert not run.failed and len(run.district.branches) == 1
    (note,) = run.notes
    assert str(records / "a") in note.text() and "按一次都还没有开展统计" in note.text()


# Two small branches of 2026 (tests/data/district/), counted by hand:
#
# 甲支部: 3 full members (甲一 the secretary), one post 科员 requiring 政治理论 2 and
#   assessed on 办结件数 (target 10); a branch assembly each quarter (the fourth holds the
#   evaluation); floors of 5 hours. Held: the first quarter's assembly (2 h, all three),
#   理论学习 (2 h, 甲二, whose 政治理论 goes 1 → 2) and the fourth quarter's (2 h, all three,
#   the evaluation): meetings 2 of 4 quarters; hours 甲一 4, 甲二 6, 甲三 4 → 1 of 3 met;
#   gaps 1 (甲二), closed 1. Graded 甲一 优秀, 甲二 and 甲三 合格: 1 of 3, at most ⌊3/3⌋ = 1.
#   办结件数 甲一 12, 甲二 8, 甲三 10 → 2 of 3 met.
# 乙支部: 乙一 (full, secretary), 乙二 (probationary, 政治理论 1 of 2), 乙三 (non-party).
#   Held the first quarter's assembly only (乙一, 乙二): meetings 1 of 4; hours 2 and 2
#   against 5 → 0 of 2; the gap of 乙二 open → 0 of 1; no indicators; no evaluation record.
DISTRICT = ROOT / "tests" / "data" / "district"
SMALL = [DISTRICT / "a.yaml", DISTRICT / "b.yaml"]


def small_district(tmp_path: Path) -> Path:
    """A copy of the two branches' records, to change."""
    shutil.copytree(DISTRICT / "records", tmp_path / "records")
    return tmp_path / "records"


def test_the_overview_sets_each_branch_s_evaluation_beside_its_scorecard() -> None:
    from studykit.app.workflows import district_report
    from studykit.engine.overview import EvaluationSummary
    from studykit.render.district import district_tables

    run = district_report(SMALL, DISTRICT / "records", 2026)
    assert not run.failed and not run.notes
    a, b = run.district.branches
    assert a.evaluation == EvaluationSummary(
        year=2026, recorded=True, held=True, procedure=None, evaluated=3, excellent=1,
        excellent_max=1, indicators_achieved=2, indicators_recorded=3, meetings_met=2,
        meetings_required=4, hours_met=1, with_floor=3, gaps_closed=1, gaps=1)
    assert a.evaluation.excellent_share == pytest.approx(1 / 3) and not a.evaluation.over
    assert b.evaluation == EvaluationSummary(
        year=2026, recorded=False, held=False, procedure=None, evaluated=0, excellent=0,
        excellent_max=0, indicators_achieved=0, indicators_recorded=0, meetings_met=1,
        meetings_required=4, hours_met=0, with_floor=2, gaps_closed=0, gaps=1)
    assert b.evaluation.excellent_share is None and not b.evaluation.over
    table = district_tables(run.district)[3]
    assert table.key == "evaluation"
    assert table.title == "四、2026年度民主评议党员和党建工作与业务工作考核情况"
    assert table.headers == ["支部", "民主评议", "优秀/参评", "组织生活（按期/应开展）",
                             "学时（达标/应达标）", "能力差距（补齐/应补）",
                             "业务指标（达到/填报）"]
    assert table.rows == [["甲支部", "已开展", "1/3（33%）", "2/4", "1/3", "1/1", "2/3"],
                          ["乙支部", "未开展", "", "1/4", "0/2", "0/1", "0/0"]]


def test_the_evaluation_is_of_the_year_asked_the_quarter_s_or_the_records(
        tmp_path: Path) -> None:
    from studykit.app.workflows import district_report

    records = DISTRICT / "records"
    for year, quarter in ((None, studykit.Quarter(2026, 1)), (None, None)):
        run = district_report(SMALL, records, year, quarter)
        a, b = run.district.branches
        assert a.evaluation is not None and b.evaluation is not None
        assert (a.evaluation.year, a.evaluation.held, b.evaluation.held) == (2026, True, False)
    # a year without records: nothing held, every branch still counted
    run = district_report(SMALL, records, 2027)
    assert [(s.evaluation.recorded, s.evaluation.meetings_met, s.evaluation.meetings_required)
            for s in run.district.branches if s.evaluation] == [(False, 0, 4)] * 2
    # a branch with no records folder, counted as having held nothing
    run = district_report(SMALL, small_district(tmp_path / "one") / "a", 2026)
    assert [s.evaluation.recorded for s in run.district.branches if s.evaluation] == [
        False, False]


def test_an_evaluation_not_held_as_it_should_be_says_what_it_lacks(tmp_path: Path) -> None:
    from studykit.app.workflows import district_report
    from studykit.render.district import district_context, district_tables

    records = small_district(tmp_path)
    (records / "a" / "branch-assembly-2026q4.yaml").unlink()      # the meeting, unrecorded
    evaluation = records / "a" / "evaluation-2026.yaml"
    evaluation.write_text(evaluation.read_text(encoding="utf-8").replace(
        "a3: qualified", "a3: excellent"), encoding="utf-8")
    run = district_report(SMALL, records, 2026)
    a = run.district.branches[0].evaluation
    assert a is not None and (a.recorded, a.held, a.procedure) == (True, False, "no_record")
    assert a.over
    assert district_tables(run.district)[3].rows[0][:3] == [
        "甲支部", "评议会议还没有记录", "2/3（67%）；超过最多1名"]
    # district.docx puts the most allowed under the share
    filed = district_context(run.district, run.title)["tables"][3]
    assert filed["rows"][0][2] == "2/3（67%）\n超过最多1名"


@pytest.mark.parametrize(("was", "mistake", "said"), [
    ("a3: qualified", "a9: qualified", "'a9'"),   # a member the branch does not have
    ("a3: qualified", "a3: 良好", "'良好'"),        # not a grade: the file does not read
])
def test_a_branch_whose_evaluation_is_refused_is_still_counted(tmp_path: Path, was: str,
                                                               mistake: str, said: str) -> None:
    from studykit.app.workflows import district_report
    from studykit.render.district import district_tables

    records = small_district(tmp_path)
    evaluation = records / "a" / "evaluation-2026.yaml"
    evaluation.write_text(evaluation.read_text(encoding="utf-8").replace(was, mistake),
                          encoding="utf-8")
    run = district_report(SMALL, records, 2026)
    assert not run.failed and len(run.district.branches) == 2
    assert run.district.branches[0].evaluation is None
    assert [n.path for n in run.notes] == [str(evaluation)]
    assert said in run.notes[0].text()
    assert district_tables(run.district)[3].rows[0] == [
        "甲支部", "民主评议、业务结果或走访记录有误，待改正后核对", "", "", "", "", ""]


def test_district_files_show_each_branch_s_evaluation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "studykit", "report", *map(str, SMALL),
                             "--records", str(DISTRICT / "records"), "--year", "2026",
                             "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "四、2026年度民主评议党员和党建工作与业务工作考核情况" in result.stdout
    document = docx.Document(str(out / "district.docx"))
    assert "已开展民主评议的支部1个。" in document.paragraphs[2].text
    rows = [[c.text for c in r.cells] for r in document.tables[-1].rows]
    # the part in brackets on a line of its own, as in district.xlsx
    assert rows[0][3:] == ["组织生活\n（按期/应开展）", "学时\n（达标/应达标）",
                           "能力差距\n（补齐/应补）", "业务指标\n（达到/填报）"]
    rows[0] = [h.replace("\n", "") for h in rows[0]]
    assert rows == [["支部", "民主评议", "优秀/参评", "组织生活（按期/应开展）",
                     "学时（达标/应达标）", "能力差距（补齐/应补）", "业务指标（达到/填报）"],
                    ["甲支部", "已开展", "1/3（33%）", "2/4", "1/3", "1/1", "2/3"],
                    ["乙支部", "未开展", "", "1/4", "0/2", "0/1", "0/0"]]
    book = openpyxl.load_workbook(io.BytesIO((out / "district.xlsx").read_bytes()))
    sheet = book["民主评议和党建业务考核"]
    assert [[c.value or "" for c in row] for row in sheet.iter_rows(min_row=4)] == rows[1:]
    assert sheet["E3"].value == "学时\n（达标/应达标）"


def test_without_evaluations_the_overview_has_no_evaluation_rows() -> None:
    from studykit.render.district import district_tables

    cur = studykit.load(SMALL[0])
    ledger = studykit.read_ledger(cur, sorted((DISTRICT / "records" / "a").glob("*.yaml")))
    district = district_overview([ledger])
    assert not district.with_evaluations and district.branches[0].evaluation is None
    table = district_tables(district)[3]
    assert table.rows == [] and table.title == "四、民主评议党员和党建工作与业务工作考核情况"
