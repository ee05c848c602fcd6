"""``studykit check`` of every file: curricula and records told by their content, records
checked against the curriculum named with them, every problem of every file in one run."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from studykit.app.checking import check_files, check_paths, file_kind
from studykit.app.cli import main
from studykit.domain.errors import InputError, UserError
from studykit.reading import yamlio
from studykit.reading.curriculum import load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "curricula"
RECORDS = EXAMPLES / "records"
DISTRICT = ROOT / "tests" / "data" / "district"
INVALID = sorted((ROOT / "tests" / "data" / "invalid").glob("*.yaml"))
CJK = re.compile(r"[\u3400-\u9fff]")


def branch(tmp_path: Path, *records: str) -> Path:
    """``tmp_path/mybranch/``: the example curriculum, and ``records/`` holding copies of
    the example's records named."""
    folder = tmp_path / "mybranch"
    (folder / "records").mkdir(parents=True)
    shutil.copy(EXAMPLES / "employment-centre.yaml", folder)
    for name in records:
        shutil.copy(RECORDS / f"{name}.yaml", folder / "records")
    return folder


def lines(capsys: pytest.CaptureFixture[str]) -> tuple[list[str], list[str]]:
    got = capsys.readouterr()
    return got.out.splitlines(), got.err.splitlines()


def test_the_example_and_its_records_pass_each_said_for_what_it_is(
        capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    assert main(["check", str(EXAMPLES / "employment-centre.yaml"), str(RECORDS)]) == 0
    took = time.perf_counter() - started
    out, err = lines(capsys)
    assert err == []
    assert len(out) == 1 + len(list(RECORDS.glob("*.yaml"))) == 69
    assert out[0] == f"{EXAMPLES / 'employment-centre.yaml'}：通过 — " \
        "16人，6个岗位，6项能力，14门课程"
    said = {line.split("：", 1)[0]: line.split("：", 1)[1] for line in out[1:]}
    r = f"{RECORDS}/"
    # in the curriculum's language, each kind in its words, a session by its title
    assert said[f"{r}committee-2027-01.yaml"] == \
        "通过 — 活动记录：1月支部委员会会议（2027年1月6日）"
    assert said[f"{r}makeup-2027-01.yaml"] == "通过 — 补学记录：1项补学"
    assert said[f"{r}assessment-2027-03.yaml"] == "通过 — 能力测评记录：2027年3月25日，2人"
    assert said[f"{r}evaluation-2027.yaml"] == "通过 — 民主评议记录：2027年度"
    assert said[f"{r}results-2027.yaml"] == "通过 — 业务结果记录：2027年度，16人"
    assert said[f"{r}visits-2027.yaml"] == "通过 — 走访服务企业记录：71次走访"
    for line in said.values():
        assert not re.search(r"[A-Za-z]", line), line
    assert took < 10   # the year is planned once for the 68 records (about half a second)


def test_records_alone_get_the_checks_that_need_no_curriculum_and_a_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = branch(tmp_path, "committee-2027-01", "makeup-2027-01")
    (folder / "records" / "committee-2027-01.yaml").write_text(
        (RECORDS / "committee-2027-01.yaml").read_text(encoding="utf-8")
        .replace("chair: tangshu", "chair: nobody"), encoding="utf-8")
    records = str(folder / "records")
    assert main(["check", records]) == 0     # nobody is a member only a curriculum knows
    out, err = lines(capsys)
    assert err == []
    assert out == [
        f"{records}/committee-2027-01.yaml：格式无误（未对照课程文件）— 活动记录："
        "committee-2027-01（2027年1月6日）",
        f"{records}/makeup-2027-01.yaml：格式无误（未对照课程文件）— 补学记录：1项补学",
        # the one curriculum beside the records is the one to name
        "说明：2个记录只检查了格式（文件能读、结构是记录）；要同时核对人员和活动，请把课程文件"
        f"一起写上：studykit check {folder / 'employment-centre.yaml'} {records}",
    ]
    assert main(["check", str(folder / "employment-centre.yaml"), records]) == 1
    _, err = lines(capsys)
    assert err[0].startswith(f"{records}/committee-2027-01.yaml:7:8: chair: 未知的人员 'nobody'")
    # a record that is not one is still found without a curriculum
    (folder / "records" / "makeup-2027-01.yaml").write_text("makeup: [{member: a}]\n",
                                                            encoding="utf-8")
    assert main(["--lang", "en", "check", records]) == 1
    out, err = lines(capsys)
    assert "makeup[0].date" in err[0] and "makeup[0].session" in err[1]
    assert out[-1].startswith("note: 2 record(s) checked for their form only")


def test_the_note_names_no_curriculum_it_cannot_tell(capsys: pytest.CaptureFixture[str]) -> None:
    # curricula/ holds two: which one the records are of is not guessed
    assert main(["check", str(RECORDS)]) == 0
    out, _ = lines(capsys)
    assert out[-1].endswith(f"studykit check 课程文件.yaml {RECORDS}")
    assert len(out) == 69


def test_two_bad_records_are_both_reported_in_one_run(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = branch(tmp_path, "committee-2027-01", "committee-2027-02", "theme-day-2027-01")
    records = folder / "records"
    (records / "committee-2027-01.yaml").write_text("session: [committee-2027-01\n"
                                                    "date: 2027-01-06\n", encoding="utf-8")
    second = records / "committee-2027-02.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace(
        "session: committee-2027-02", "session: committee-2027-22"), encoding="utf-8")
    assert main(["check", str(folder / "employment-centre.yaml"), str(records)]) == 1
    out, err = lines(capsys)
    assert err == [
        f"{records}/committee-2027-01.yaml:1:10: YAML 格式错误：这里的“[”没有闭合"
        "（解析器原文：“did not find expected ',' or ']'”）",
        f"{records}/committee-2027-02.yaml:2:10: session: 本季度的计划中没有活动 "
        "'committee-2027-22'（是不是 'committee-2027-02'？）",
        "2个文件中共有2处问题",
    ]
    # the others pass, and say so
    assert out[-1] == f"{records}/theme-day-2027-01.yaml：通过 — 活动记录：1月主题党日：" \
        "学习新修订的就业促进政策，交流新年工作打算（2027年1月5日）"


def test_a_session_recorded_twice_across_files_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = branch(tmp_path, "committee-2027-01")
    elsewhere = tmp_path / "copies"
    elsewhere.mkdir()
    shutil.copy(RECORDS / "committee-2027-01.yaml", elsewhere / "jan.yaml")
    first = folder / "records" / "committee-2027-01.yaml"
    assert main(["check", str(folder / "employment-centre.yaml"), str(folder / "records"),
                 str(elsewhere / "jan.yaml")]) == 1
    _, err = lines(capsys)
    # the same day: the first by file name counts, the other is the error
    assert err == [f"{first}:2:10: session: 活动 'committee-2027-01' 已经有一份记录"
                   f"（{elsewhere / 'jan.yaml'}）；一次活动只能有一份记录，这份不计入，也不据它写"
                   "会议记录。请删去其中一份，或改正这份的 session", "1个文件中共有1处问题"]
    # without a curriculum too, among the records of one folder
    shutil.copy(first, folder / "records" / "copy.yaml")
    assert main(["check", str(folder / "records")]) == 1
    _, err = lines(capsys)
    assert err[0].startswith(f"{folder / 'records' / 'copy.yaml'}:2:10: session: 活动 "
                             "'committee-2027-01' 已经有一份记录")
    # a file named twice (the folder and the file in it) is one record, not two
    assert main(["check", str(folder / "employment-centre.yaml"), str(first),
                 str(folder / "records")]) == 1
    _, err = lines(capsys)
    assert len(err) == 2 and "copy.yaml" in err[0]


def test_a_file_of_no_known_kind_says_what_it_looks_like_and_what_the_kinds_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.yaml").write_text("owner: 周海燕\ntodo: [打印]\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    _, err = lines(capsys)
    kinds = ("。studykit 检查的是课程文件（以 `studykit: 1` 开头）和各种记录："
             "活动记录（`session`）、补学记录（`makeup`）、能力测评记录（`assessment`）、民主评议记录（`evaluation`）、"
             "业务结果记录（`results`）、走访服务企业记录（`visits`），"
             "以及 `studykit plan` 写出的活动登记簿")
    unknown = "不是 studykit 认得的文件"
    assert err == [f"{tmp_path / 'empty.yaml'}:1:1: {unknown}：文件是空的{kinds}",
                   f"{tmp_path / 'list.yaml'}:1:1: {unknown}：文件里是一个列表{kinds}",
                   f"{tmp_path / 'notes.yaml'}:1:1: 不是 studykit 认得的文件：它的键是 `owner` "
                   f"`todo`{kinds}",
                   "3个文件中共有3处问题"]
    assert main(["--lang", "en", "check", str(tmp_path / "list.yaml")]) == 1
    _, err = lines(capsys)
    assert err[0] == f"{tmp_path / 'list.yaml'}:1:1: not a file studykit knows: it holds a " \
        "list. It checks curricula (starting with `studykit: 1`) and records: session records " \
        "(`session`), make-up records (`makeup`), assessment records (`assessment`), " \
        "evaluation records (`evaluation`), business results (`results`) and logs of service " \
        "visits (`visits`), and the record workbook (records.xlsx) written by `studykit plan`"


def test_a_plans_folder_has_nothing_to_check_but_its_records(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plan.yaml").write_text("quarter: 2027Q1\norganization: 某支部\nsessions: []\n",
                                        encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    out, _ = lines(capsys)
    assert out == [f"{tmp_path / 'plan.yaml'}：不用检查 — `studykit plan` 写出的季度计划"]


def test_what_a_file_is_is_told_by_its_content() -> None:
    assert file_kind({"studykit": 1}) == "curriculum"
    assert file_kind({"organization": {}, "members": []}) == "curriculum"   # forgot studykit
    assert file_kind({"session": "x", "studykit": 1}) == "record"
    for key in ("session", "makeup", "assessment", "evaluation", "results", "visits",
                "present"):
        assert file_kind({key: None}) == "record", key
    assert file_kind({"quarter": "2027Q1", "sessions": [], "organization": "x"}) == "plan"
    for other in ({"owner": 1}, {}, [], "text", 3, None):
        assert not isinstance(file_kind(other), str), other


def test_a_broken_curriculum_and_its_records_all_in_one_pass(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = branch(tmp_path, "committee-2027-01", "committee-2027-02", "makeup-2027-01")
    cur = folder / "employment-centre.yaml"
    cur.write_text(cur.read_text(encoding="utf-8").replace("role: window", "role: windw", 1),
                   encoding="utf-8")
    records = folder / "records"
    (records / "committee-2027-01.yaml").write_text("session: [x\n", encoding="utf-8")
    (records / "makeup-2027-01.yaml").write_text(
        "makeup:\n  - {member: liuyang, session: plenum-study, date: 2027-01-14, hwo: 录像}\n",
        encoding="utf-8")
    assert main(["check", str(cur), str(records)]) == 1
    out, err = lines(capsys)
    assert [e.split(": ", 1)[0].rsplit(":", 2)[0] for e in err[:-1]] == [
        str(cur), f"{records}/committee-2027-01.yaml", f"{records}/makeup-2027-01.yaml"]
    assert "未知的岗位 'windw'" in err[0] and "YAML 格式错误" in err[1]
    assert "makeup[0].hwo" in err[2]
    assert err[-1] == "3个文件中共有3处问题"
    assert out == [
        f"{records}/committee-2027-02.yaml：格式无误（未对照课程文件）— 活动记录："
        "committee-2027-02（2027年2月4日）",
        f"说明：课程文件 {cur} 有问题，2个记录只检查了格式；改好课程文件再检查一次，"
        "就会核对人员和活动"]


def test_a_district_matches_records_to_branches_by_their_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    district = tmp_path / "district"
    shutil.copytree(DISTRICT, district)
    records = district / "records"
    names = [str(district / "a.yaml"), str(district / "b.yaml"), str(records / "a"),
             str(records / "b")]
    assert main(["check", *names]) == 0
    out, err = lines(capsys)
    assert err == [] and len(out) == 2 + 5 + 1
    assert out[2] == f"{records}/a/branch-assembly-2026q1.yaml：通过 — 活动记录：" \
        "2026年第一季度支部党员大会（2026年2月11日）"
    # a member of branch a is no member of branch b: each record is checked against its own
    assembly = (records / "a" / "branch-assembly-2026q1.yaml").read_text(encoding="utf-8")
    (records / "b" / "branch-assembly-2026q1.yaml").write_text(assembly, encoding="utf-8")
    assert main(["check", *names]) == 1
    _, err = lines(capsys)
    assert any("present[0]: 未知的人员 'a1'" in e for e in err)
    assert err[-1].startswith("1个文件中")
    assert all(e.startswith(f"{records}/b/branch-assembly-2026q1.yaml:") for e in err[:-1])
    # the same session in two branches is no session recorded twice
    assert not any("已经有一份记录" in e for e in err)
    # records in a folder named after no branch: checked for their form, and said why
    (records / "c").mkdir()
    shutil.copy(records / "a" / "theory-course.yaml", records / "c")
    (records / "b" / "branch-assembly-2026q1.yaml").write_text(
        assembly.replace("a1", "b1").replace("a2", "b2").replace("a3", "b3"), encoding="utf-8")
    assert main(["check", *names, str(records / "c")]) == 0
    out, _ = lines(capsys)
    assert out[-2] == f"{records}/c/theory-course.yaml：格式无误（未对照课程文件）— 活动记录：" \
        "theory-course（2026年2月12日）"
    assert out[-1] == f"说明：{records / 'c'} 中的1个记录只检查了格式：给了多个课程文件时，每个" \
        "支部的记录要放在与它的课程文件同名的文件夹里（a、b），和区县汇总一样；这个文件夹叫 'c'，" \
        "对不上任何一个"


def test_a_district_branch_whose_curriculum_is_broken(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    district = tmp_path / "district"
    shutil.copytree(DISTRICT, district)
    b = district / "b.yaml"
    b.write_text(b.read_text(encoding="utf-8").replace("role: clerk", "role: clrk", 1),
                 encoding="utf-8")
    records = district / "records"
    assert main(["check", str(district / "a.yaml"), str(b), str(records / "a"),
                 str(records / "b")]) == 1
    out, err = lines(capsys)
    assert len(err) == 2 and err[0].startswith(f"{b}:") and "'clrk'" in err[0]
    assert out[-1] == f"说明：课程文件 {b} 有问题，1个记录只检查了格式；改好课程文件再检查一次，" \
        "就会核对人员和活动"
    assert sum("：通过 — " in line for line in out) == 1 + 5


def test_an_english_curriculum_and_its_record_are_checked_in_english(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from studykit.engine.planner import plan_quarter

    team = EXAMPLES / "small-team.en.yaml"
    cur = load(team)
    session = plan_quarter(cur, "2027Q1").sessions[0]
    (tmp_path / "r.yaml").write_text(
        f"session: {session.id}\ndate: {session.date}\n"
        f"present: [{', '.join(session.attendees)}]\n", encoding="utf-8")
    assert main(["check", str(team), str(tmp_path / "r.yaml")]) == 0
    out, _ = lines(capsys)
    assert out[1] == f"{tmp_path / 'r.yaml'}: ok — session record: {session.title} " \
        f"({session.date.day} {session.date:%B} {session.date.year})"
    assert not CJK.search(out[1])


def test_folders_stand_for_their_yaml_files_and_record_workbooks(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yml", "records.xlsx", "~$records.xlsx", ".hidden.yaml",
                 "notes.txt", "C.YAML"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    found, problems = check_paths([tmp_path, tmp_path / "a.yaml"])
    assert [p.name for p, _ in found] == ["C.YAML", "a.yaml", "b.yml", "records.xlsx"]
    assert problems == []
    # a name that is no folder is a file, said missing where it is read
    assert check_paths([tmp_path / "nowhere"])[0] == [(tmp_path / "nowhere",
                                                       str(tmp_path / "nowhere"))]
    (tmp_path / "sub" / "empty").mkdir()
    with pytest.raises(UserError):
        check_paths([tmp_path / "sub" / "empty"])


def test_nothing_to_check_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 1
    _, err = lines(capsys)
    assert err == [f"studykit: {tmp_path} 中没有可检查的文件（*.yaml、*.yml、*.xlsx）"]


def test_a_record_workbook_is_checked_sheet_by_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from studykit.app.cli import main

    out = tmp_path / "2027Q1"
    assert main(["plan", str(EXAMPLES / "employment-centre.yaml"), "--quarter", "2027Q1",
                 "--out", str(out)]) == 0
    book = load_workbook(out / "records.xlsx")
    ws = next(w for w in book.worksheets if w["I1"].value == "committee-2027-01")
    for row in range(7, 12):
        ws.cell(row, 4).value = "出席"
    ok = next(w for w in book.worksheets if w["I1"].value == "committee-2027-02")
    for row in range(7, 12):
        ok.cell(row, 4).value = "出席"
    ws["D8"] = "出差"
    book.save(out / "records.xlsx")
    checked = check_files([EXAMPLES / "employment-centre.yaml", out])
    said = [p.text("zh-CN") for p in checked.problems]
    assert said == [f"{out / 'records.xlsx'}:{ws.title}!D8: 出勤情况（陈静）: "
                    "“出差”不是 出席/迟到/请假/缺席 之一"]
    passed = [p.text("zh-CN") for p in checked.passed]
    assert any(line.startswith(f"{out / 'records.xlsx'}:{ok.title}：通过") for line in passed)
    assert any("plan.yaml：不用检查" in line for line in passed)
    # the workbook alone: its own list of names stands in for the curriculum's
    alone = check_files([out / "records.xlsx"])
    assert [p.text("zh-CN") for p in alone.problems] == said


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_a_curriculum_has_the_same_problems_in_check_as_when_loaded(path: Path) -> None:
    checked = check_files([path])
    with pytest.raises(InputError) as info:
        load(path)
    try:
        data = yamlio.load(path).data
    except InputError:
        data = None
    if isinstance(data, dict) or info.value.problems[0].message.key.startswith(("yaml.",
                                                                               "file.")):
        assert checked.problems == info.value.problems
    else:   # a list, an empty file: of no kind studykit knows
        assert [p.message.key for p in checked.problems] == ["check.unknown"]


def test_a_workbook_not_filled_in_yet_and_one_that_is_no_record_workbook(
        tmp_path: Path) -> None:
    from openpyxl import Workbook

    from studykit.app.cli import main

    out = tmp_path / "2027Q1"
    assert main(["plan", str(EXAMPLES / "employment-centre.yaml"), "--quarter", "2027Q1",
                 "--out", str(out)]) == 0
    other = tmp_path / "ledger.xlsx"
    Workbook().save(other)
    checked = check_files([out / "records.xlsx", other])
    assert [p.text("zh-CN") for p in checked.passed] == [
        f"{out / 'records.xlsx'}：活动登记簿，16张活动工作表都还没有填写"
        "（开完会填写出勤情况后再检查）"]
    assert [p.text("zh-CN") for p in checked.problems] == [
        f"{other}:1:1: 这个 Excel 工作簿不是活动登记簿：其中没有 studykit plan 写出的活动工作表"]
