"""The record workbook read back as records (studykit/reading/sheets.py): filled in with
openpyxl as a secretary fills it in Excel, it gives the same records, minutes and ledger
as the YAML records it copies; its problems are said at their cells."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES
from docx import Document
from openpyxl import load_workbook

from studykit.app.cli import main
from studykit.app.workflows import branch_ledger, write_minutes_of
from studykit.domain.errors import InputError
from studykit.domain.models import Curriculum
from studykit.domain.records import Record
from studykit.domain.time import Quarter
from studykit.engine.planner import plan_quarter
from studykit.reading.curriculum import load, loads
from studykit.reading.records import check_every_record, checked_records, parse_records
from studykit.reading.sheets import FIELDS, read_workbook
from studykit.render.recordbook import record_workbook, sheet_names

RECORDS = EXAMPLES / "records"
COPIED = ["committee-2027-01", "group-1-2027-01", "group-2-2027-01", "theme-day-2027-01",
          "branch-assembly-2027q1"]
"""Q1 records with attendance of every kind, votes and actions (and no ``done`` or
``makeup``, which a workbook does not hold)."""
STATUS = {"present": "出席", "late": "迟到", "absent": "缺席"}


@pytest.fixture(scope="module")
def cur() -> Curriculum:
    return load(EXAMPLES / "employment-centre.yaml")


@pytest.fixture(scope="module")
def blank(cur: Curriculum, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("book") / "records.xlsx"
    path.write_bytes(record_workbook(plan_quarter(cur, Quarter.parse("2027Q1"))))
    return path


def _sheet_of(book: Any, session: str) -> Any:
    return next(ws for ws in book.worksheets if ws["I1"].value == session)


def _rows_below(ws: Any, label: str) -> list[int]:
    """The rows of the section headed ``label``: a user finds them by its heading."""
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    out = []
    for r in range(start + 1, ws.max_row + 1):
        if ws.cell(r, 8).value and str(ws.cell(r, 8).value).startswith("section:"):
            break
        out.append(r)
    return out


def fill(ws: Any, record: dict[str, Any], cur: Curriculum) -> None:
    """Fill a sheet from a YAML record's data the way a user does: by names and headings."""
    name = {m.id: m.name for m in cur.members}
    for key in ("date", "venue", "start", "end"):
        if key in record:
            ws[FIELDS[key][1]] = record[key]
    for key in ("chair", "recorder"):
        if key in record:
            ws[FIELDS[key][1]] = name[record[key]]
    rows = {ws.cell(r, 2).value: r for r in range(7, ws.max_row + 1)}
    status = {m: STATUS["present"] for m in record.get("present", [])}
    status |= {m: STATUS["late"] for m in record.get("late", [])}
    status |= {m: STATUS["absent"] for m in record.get("unexcused", [])}
    for member, reason in record.get("absent", {}).items():
        ws.cell(rows[name[member]], 4).value = "请假"
        ws.cell(rows[name[member]], 5).value = reason
    for member, word in status.items():
        ws.cell(rows[name[member]], 4).value = word
    # the plan's reasons for members it knew to be away stand unless the record differs
    for r in range(7, ws.max_row + 1):
        if ws.cell(r, 8).value == "member" and ws.cell(r, 9).value not in {
                *status, *record.get("absent", {})}:
            ws.cell(r, 4).value = ws.cell(r, 5).value = None
    texts = {"议题": "topics", "学习材料": "materials", "决定事项": "decisions"}
    for label, key in texts.items():
        rows_ = _rows_below(ws, label)
        if len(record.get(key, [])) > len(rows_):
            # not enough rows: the user inserts some at the section's end
            ws.insert_rows(rows_[-1] + 1, len(record[key]) - len(rows_))
            rows_ = _rows_below(ws, label)
        for r in rows_:
            ws.cell(r, 2).value = None
        for r, value in zip(rows_, record.get(key, []), strict=False):
            ws.cell(r, 2).value = value
    for r, s in zip(_rows_below(ws, "发言"), record.get("speeches", []), strict=False):
        ws.cell(r, 2).value, ws.cell(r, 3).value = name.get(s["who"], s["who"]), s["said"]
    for r, v in zip(_rows_below(ws, "表决"), record.get("votes", []), strict=False):
        ws.cell(r, 2).value = v["motion"]
        for col, key in ((3, "for"), (4, "against"), (5, "abstain")):
            ws.cell(r, col).value = v.get(key, 0)
    for r, a in zip(_rows_below(ws, "工作任务"), record.get("actions", []), strict=False):
        ws.cell(r, 2).value, ws.cell(r, 4).value = a["task"], name[a["owner"]]
        ws.cell(r, 5).value = a.get("due")
    if "summary" in record:
        ws.cell(_rows_below(ws, "小结")[0], 2).value = record["summary"]


@pytest.fixture(scope="module")
def filled(cur: Curriculum, blank: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    book = load_workbook(blank)
    for session in COPIED:
        data = yaml.safe_load((RECORDS / f"{session}.yaml").read_text(encoding="utf-8"))
        fill(_sheet_of(book, session), data, cur)
    path = tmp_path_factory.mktemp("filled") / "records.xlsx"
    book.save(path)
    return path


def _text(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [
        c.text for t in doc.tables for row in t.rows for c in row.cells]


def test_a_filled_workbook_gives_the_records_of_the_yaml_it_copies(
        cur: Curriculum, filled: Path) -> None:
    from_book, problems, _ = checked_records(parse_records([filled]), cur)
    assert problems == []
    from_yaml, _, _ = checked_records(
        parse_records([RECORDS / f"{s}.yaml" for s in COPIED]), cur)
    assert sorted(r.session for r in from_book) == sorted(COPIED)
    by_session = {r.session: r for r in from_yaml}
    for record in from_book:
        mine = record.model_dump(exclude_defaults=True)
        theirs = by_session[record.session].model_dump(exclude_defaults=True)
        # the workbook pre-fills the plan's day, time, venue and agenda: the same minutes
        for key in ("start", "end", "venue", "topics"):
            if key not in theirs:
                mine.pop(key, None)
        assert mine == theirs, record.session


def test_same_minutes_and_ledger_as_the_yaml(cur: Curriculum, filled: Path,
                                             tmp_path: Path) -> None:
    yaml_dir, book_dir = tmp_path / "yaml", tmp_path / "book"
    yaml_dir.mkdir()
    for s in COPIED:
        shutil.copy(RECORDS / f"{s}.yaml", yaml_dir)
    shutil.copy(filled, book_dir.with_suffix(".xlsx"))
    path = EXAMPLES / "employment-centre.yaml"
    a = write_minutes_of(path, sorted(yaml_dir.glob("*.yaml")), tmp_path / "out-yaml")
    b = write_minutes_of(path, [book_dir.with_suffix(".xlsx")], tmp_path / "out-book")
    assert len(a.written.written) == len(b.written.written) == len(COPIED)
    for s in COPIED:
        assert _text(tmp_path / "out-yaml" / "sessions" / s / "minutes.docx") == \
            _text(tmp_path / "out-book" / "sessions" / s / "minutes.docx"), s
    la = branch_ledger(path, yaml_dir, quarter=Quarter.parse("2027Q1"))
    lb = branch_ledger(path, book_dir.with_suffix(".xlsx"), quarter=Quarter.parse("2027Q1"))
    for part in ("hours", "meetings", "quorum", "votes", "makeup", "actions", "attendance"):
        assert getattr(la, part) == getattr(lb, part), part
    assert la.makeup and la.votes and la.actions      # the comparison compares something


def test_sheets_not_filled_are_no_records(blank: Path) -> None:
    assert read_workbook(blank) == []


def test_problems_are_said_at_their_cells(cur: Curriculum, blank: Path, tmp_path: Path) -> None:
    book = load_workbook(blank)
    ws = _sheet_of(book, "committee-2027-01")
    ws["D7"], ws["D8"], ws["D9"] = "出席", "出差", "请假"
    ws["B4"] = "唐数"
    path = tmp_path / "records.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        checked_records(parse_records([path]), cur)
    said = caught.value.text()
    sheet = ws.title
    assert f"{path}:{sheet}!D8: 出勤情况（陈静）: “出差”不是 出席/迟到/请假/缺席 之一" in said
    assert f"{sheet}!E9: 原因（周海燕）: 请假要写明原因" in said
    assert f"{sheet}!D10: 出勤情况（徐明）: 未填写" in said
    assert f"{sheet}!B4: 主持人: '唐数' 不是本支部的人员（是不是 '唐树'？）" in said
    assert "Traceback" not in said


def test_a_member_written_in_by_hand_is_found_by_name(cur: Curriculum, blank: Path,
                                                       tmp_path: Path) -> None:
    book = load_workbook(blank)
    ws = _sheet_of(book, "committee-2027-01")
    for r in range(7, 12):
        ws.cell(r, 4).value = "出席"
    ws["B12"], ws["D12"] = "王芳", "出席"
    path = tmp_path / "records.xlsx"
    book.save(path)
    records, problems, _ = checked_records(parse_records([path]), cur)
    assert problems == []
    assert records[0].present[-1] == "wangfang"


def test_the_same_session_in_a_workbook_and_a_yaml_record_is_an_error(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(filled, folder / "records.xlsx")
    shutil.copy(RECORDS / "committee-2027-01.yaml", folder)
    code = main(["minutes", str(EXAMPLES / "employment-centre.yaml"), str(folder / "records.xlsx"),
                 str(folder / "committee-2027-01.yaml"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "committee-2027-01" in err and "records.xlsx:" in err
    assert not (tmp_path / "out").exists()
    # the report and the evaluation of the folder: the same error, nothing written
    for command in (["report", "--quarter", "2027Q1"], ["evaluate", "--year", "2027"]):
        code = main([command[0], str(EXAMPLES / "employment-centre.yaml"), "--records",
                     str(folder), *command[1:], "--out", str(tmp_path / "out")])
        err = capsys.readouterr().err
        assert code == 1 and "已经有一份记录" in err, command
        assert not (tmp_path / "out").exists()


def test_report_reads_a_workbook(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", str(EXAMPLES / "employment-centre.yaml"), "--records", str(filled),
                 "--quarter", "2027Q1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "唐树" in out


def test_not_a_workbook_is_said_plainly(cur: Curriculum, tmp_path: Path) -> None:
    bad = tmp_path / "records.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_records([bad])
    assert "不是可以读取的 Excel 工作簿" in caught.value.text("zh-CN")


def test_a_zip_that_unpacks_too_far_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "records.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    bomb.write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as caught:
        parse_records([bomb])
    assert "解压后过大" in caught.value.text("zh-CN")


def test_sheet_names_are_readable_unique_and_short(cur: Curriculum) -> None:
    plan = plan_quarter(cur, Quarter.parse("2027Q1"))
    names = sheet_names(plan)
    assert len(set(names)) == len(names) == len(plan.sessions)
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert "1月6日支委会" in names


def test_the_workbook_is_locked_with_drop_downs(blank: Path) -> None:
    book = load_workbook(blank)
    ws = _sheet_of(book, "committee-2027-01")
    assert ws.protection.sheet
    assert ws["A7"].protection.locked and not ws["D7"].protection.locked
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any("出席,迟到,请假,缺席" in (dv.formula1 or "") for dv in lists)
    assert any("D7" in str(dv.sqref) for dv in lists)
    assert ws.column_dimensions["H"].hidden
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "portrait"


def test_a_workbook_being_filled_is_kept_when_the_plan_is_written_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, out = str(EXAMPLES / "employment-centre.yaml"), tmp_path / "2027Q1"
    assert main(["plan", path, "--quarter", "2027Q1", "--out", str(out)]) == 0
    book = load_workbook(out / "records.xlsx")
    ws = _sheet_of(book, "committee-2027-01")
    for r in range(7, 12):
        ws.cell(r, 4).value = "出席"
    book.save(out / "records.xlsx")
    filled = (out / "records.xlsx").read_bytes()
    capsys.readouterr()
    for extra in ([], ["--force"]):
        assert main(["plan", path, "--quarter", "2027Q1", "--out", str(out), *extra]) == 0
        assert (out / "records.xlsx").read_bytes() == filled
        assert "已经在填写的活动登记簿保留原样" in capsys.readouterr().out
    # and the minutes come from it into the plan's folder
    assert main(["minutes", path, str(out / "records.xlsx"), "--out", str(out)]) == 0
    assert (out / "sessions" / "committee-2027-01" / "minutes.docx").exists()


def said_of(path: Path, cur: Curriculum) -> str:
    """Every problem found in the workbook at ``path``, as the user reads them."""
    try:
        _, problems, _ = checked_records(parse_records([path]), cur)
    except InputError as exc:
        return exc.text("zh-CN")
    return "\n".join(p.text("zh-CN") for p in problems)


def load_text(text: str) -> Curriculum:
    return loads(text, str(EXAMPLES / "employment-centre.yaml"))


def _committee(blank: Path) -> tuple[Any, Any]:
    book = load_workbook(blank)
    return book, _sheet_of(book, "committee-2027-01")


def test_a_name_written_in_with_no_or_a_wrong_attendance_is_said_not_a_crash(
        cur: Curriculum, blank: Path, tmp_path: Path) -> None:
    book, ws = _committee(blank)
    for r in range(7, 12):
        ws.cell(r, 4).value = "出席"
    ws["B12"] = "刘洋"                      # a member, no attendance
    ws["B13"], ws["D13"] = "张山", "出差"    # no member, a wrong attendance
    path = tmp_path / "records.xlsx"
    book.save(path)
    said = said_of(path, cur)
    assert "!D12: 出勤情况（刘洋）: 未填写" in said
    assert "!D13: 出勤情况（张山）: “出差”不是" in said
    assert "!B13: 姓名（张山）: '张山' 不是本支部的人员" in said


def test_a_leave_without_reason_and_an_unknown_name_are_both_said(
        cur: Curriculum, blank: Path, tmp_path: Path) -> None:
    book, ws = _committee(blank)
    for r in range(7, 12):
        ws.cell(r, 4).value = "出席"
    ws["B12"], ws["D12"] = "张山", "请假"
    path = tmp_path / "records.xlsx"
    book.save(path)
    said = said_of(path, cur)
    assert "!E12: 原因（张山）: 请假要写明原因" in said and "'张山' 不是本支部的人员" in said


def test_the_same_member_twice_is_said(cur: Curriculum, blank: Path, tmp_path: Path) -> None:
    book, ws = _committee(blank)
    for r in range(7, 12):
        ws.cell(r, 4).value = "出席"
    ws["D8"], ws["E8"] = "请假", "病假"
    ws["B12"], ws["D12"], ws["E12"] = "陈静", "请假", "出差"
    path = tmp_path / "records.xlsx"
    book.save(path)
    assert "!B12: 姓名（陈静）: 陈静的请假已经登记过一次" in said_of(path, cur)
    ws["D12"] = "出席"
    book.save(path)
    assert "出勤情况（陈静）: 'chenjing' 同时写在了" in said_of(path, cur)


def test_a_workbook_nobody_has_touched_holds_no_record_even_with_the_plans_leaves(
        tmp_path: Path) -> None:
    text = (EXAMPLES / "employment-centre.yaml").read_text(encoding="utf-8")
    assert "unavailable: [2027-02-25]" in text
    away = load_text(text.replace("unavailable: [2027-02-25]",
                                  "unavailable: [2027-01-01..2027-03-31]"))
    plan = plan_quarter(away, Quarter.parse("2027Q1"))
    assert any(s.excused for s in plan.sessions)
    path = tmp_path / "records.xlsx"
    path.write_bytes(record_workbook(plan))
    assert read_workbook(path) == []


def test_a_row_inserted_in_the_head_moves_nothing(cur: Curriculum, blank: Path,
                                                  tmp_path: Path) -> None:
    book, ws = _committee(blank)
    ws.insert_rows(3)
    ws["A3"] = "（补充说明）"
    ws["B6"] = "区人社局 李科长"           # 列席人员, one row lower now
    for r in range(8, 13):
        ws.cell(r, 4).value = "出席"
    path = tmp_path / "records.xlsx"
    book.save(path)
    records, problems, _ = checked_records(parse_records([path]), cur)
    assert problems == []
    (record,) = records
    assert isinstance(record, Record)
    assert record.guests == ["区人社局 李科长"] and len(record.present) == 5
    assert record.venue == "党员活动室" and record.chair == "tangshu"


def test_a_names_list_shown_again_still_names_the_members(blank: Path, tmp_path: Path) -> None:
    book, ws = _committee(blank)
    for r in range(7, 12):
        ws.cell(r, 4).value = "出席"
    for sheet in book.worksheets:
        sheet.sheet_state = "visible"
    path = tmp_path / "records.xlsx"
    book.save(path)
    read, problems, _ = check_every_record(parse_records([path]), None, "zh-CN")
    assert problems == []
    (record,) = [r for _, r in read]
    assert isinstance(record, Record) and record.chair == "tangshu"


def test_a_plans_folder_is_a_records_folder(filled: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """plan.yaml beside the workbook in the plan's folder is no record."""
    path, out = str(EXAMPLES / "employment-centre.yaml"), tmp_path / "2027Q1"
    assert main(["plan", path, "--quarter", "2027Q1", "--out", str(out)]) == 0
    shutil.copy(filled, out / "records.xlsx")
    capsys.readouterr()
    assert main(["report", path, "--records", str(out), "--quarter", "2027Q1"]) == 0
    assert main(["plan", path, "--quarter", "2027Q2", "--records", str(out),
                 "--out", str(tmp_path / "2027Q2")]) == 0
    # and minutes of the folder: the workbook's sheets
    assert main(["minutes", path, str(out), "--out", str(out)]) == 0
    assert all((out / "sessions" / s / "minutes.docx").exists() for s in COPIED)


def test_a_sheet_whose_hidden_columns_were_deleted_is_said(blank: Path, tmp_path: Path,
                                                           cur: Curriculum) -> None:
    book, ws = _committee(blank)
    for r in range(7, 12):
        ws.cell(r, 4).value = "出席"
    ws.delete_cols(8, 2)
    path = tmp_path / "records.xlsx"
    book.save(path)
    assert f"{ws.title}!H1: 工作表“{ws.title}”像是一次活动的登记，但隐藏的 H、I 列被删除或改动了" \
        in said_of(path, cur)


def test_a_sheet_with_only_a_speech_needs_everyones_attendance(
        blank: Path, tmp_path: Path, cur: Curriculum) -> None:
    book, ws = _committee(blank)
    ws.cell(_rows_below(ws, "发言")[0], 2).value = "唐树"
    ws.cell(_rows_below(ws, "发言")[0], 3).value = "传达文件精神。"
    path = tmp_path / "records.xlsx"
    book.save(path)
    said = said_of(path, cur)
    assert said.count("未填写：请选择出勤情况") == 5


def test_minutes_of_a_yaml_record_refused_when_the_workbook_beside_records_it_too(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(filled, folder / "records.xlsx")
    shutil.copy(RECORDS / "committee-2027-01.yaml", folder / "a-committee.yaml")
    code = main(["minutes", str(EXAMPLES / "employment-centre.yaml"),
                 str(folder / "a-committee.yaml"), "--out", str(tmp_path / "out")])
    assert code == 1 and "已经有一份记录" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_minutes_of_a_workbook_that_is_no_record_workbook(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    other = tmp_path / "ledger.xlsx"
    Workbook().save(other)
    code = main(["minutes", str(EXAMPLES / "employment-centre.yaml"), str(other),
                 "--out", str(tmp_path / "out")])
    assert code == 1 and "不是活动登记簿" in capsys.readouterr().err
