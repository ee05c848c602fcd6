"""Sign-in sheets: a form's export or a typed sheet becomes who was present, late and missing."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

import studykit
from studykit.domain.errors import InputError
from studykit.domain.models import Curriculum
from studykit.domain.plan import Session
from studykit.reading import signin
from studykit.reading.signin import (
    NAME_HEADERS,
    TIME_HEADERS,
    SignIn,
    header_key,
    read_signin,
    signin_from_rows,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def centre() -> Curriculum:
    return studykit.load(ROOT / "curricula" / "employment-centre.yaml")


@pytest.fixture(scope="module")
def committee(centre: Curriculum) -> Session:
    """The January committee meeting: 6 January 2027 at 15:00, for the five committee
    members (唐树 tangshu, 陈静 chenjing, 周海燕 zhouhaiyan, 徐明 xuming, 高云 gaoyun)."""
    session = studykit.plan_quarter(centre, "2027Q1").session("committee-2027-01")
    assert (session.date, session.start) == (date(2027, 1, 6), time(15, 0))
    assert session.expected == ["tangshu", "chenjing", "zhouhaiyan", "xuming", "gaoyun"]
    return session


def rows(*lines: list[object]) -> list[tuple[int, list[object]]]:
    return [(number, cells) for number, cells in enumerate(lines, start=1)]


def texts(result: SignIn) -> list[str]:
    return [p.text() for p in result.problems]


# --- files -------------------------------------------------------------------------------

WJX = ("序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的姓名：\n"
       "1,2027/1/6 14:55:03,20秒,微信,N/A,1.2.3.4(北京),唐树\n"
       "2,2027/1/6 15:02:10,25秒,微信,N/A,1.2.3.4(北京),陈静 同志\n"
       "3,2027/1/6 14:40:00,31秒,微信,N/A,1.2.3.4(北京),王方\n")
"""问卷星's export (序号 … 来自IP, then the questions, numbered), as its CSV has it."""


def test_a_gbk_csv_from_a_form_tool_is_read_by_its_headers(tmp_path: Path, centre: Curriculum,
                                                           committee: Session) -> None:
    path = tmp_path / "签到.csv"
    path.write_bytes(WJX.encode("gbk"))
    result = read_signin(path, centre, committee)
    assert (result.name_column, result.time_column) == ("1、您的姓名", "提交答卷时间")
    assert result.present == ["tangshu"]
    assert result.late == ["chenjing"]                      # 15:02:10, after 15:00
    assert result.arrivals == {"tangshu": time(14, 55, 3), "chenjing": time(15, 2, 10)}
    assert result.missing == ["zhouhaiyan", "xuming", "gaoyun"]
    assert texts(result) == [f"{path}:4:7: 1、您的姓名: '王方' 不是本支部的人员（是不是 '王芳'？）"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_a_typed_sheet_saved_as_csv_in_any_of_the_encodings_excel_uses(
        tmp_path: Path, centre: Curriculum, committee: Session, encoding: str) -> None:
    typed = ("序号,姓名,职务,签到时间\r\n"
             "1,唐　树,书记,14:50\r\n2,徐明,委员,15:10\r\n3,高云,委员,\r\n")
    path = tmp_path / "签到表.csv"
    path.write_bytes(typed.encode(encoding))
    result = read_signin(path, centre, committee)
    assert (result.present, result.late, result.problems) == (["tangshu"], ["xuming"], [])
    assert result.missing == ["chenjing", "zhouhaiyan", "gaoyun"]   # 高云's time is empty
    assert result.sheet is None


def test_a_tab_separated_export_with_a_quoted_line_break(tmp_path: Path, centre: Curriculum,
                                                         committee: Session) -> None:
    path = tmp_path / "signin.txt"
    path.write_text('姓名\t备注\t签到时间\n唐树\t"两行\n的备注"\t14:50\n高云\t\t25:61\n',
                    encoding="utf-8")
    result = read_signin(path, centre, committee)
    assert result.present == ["tangshu"]
    # the row of 高云 starts on line 4: the quoted cell above spans lines 2 and 3
    assert texts(result) == [f"{path}:4:3: 签到时间（高云）: '25:61' 不是签到时间："
                             "请写成 2027-01-06 14:55 或 14:55 这样"]


def test_a_workbook_with_a_title_row_and_excel_datetimes(tmp_path: Path, centre: Curriculum,
                                                         committee: Session) -> None:
    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["这张表是签到表的说明"])
    sheet = book.create_sheet("签到")
    sheet.append(["1月支委会签到表"])                     # a title above the header
    sheet.append([])
    sheet.append(["序号", "姓名", "签到时间", "备注"])
    sheet.append([1, "唐树", datetime(2027, 1, 6, 14, 58), None])
    sheet.append([2, "周海燕", datetime(2027, 1, 6, 15, 0, 30), "堵车"])
    sheet.append([3, "陈静", time(14, 45), None])
    sheet.append([4, "徐明", datetime(2027, 1, 5, 14, 0), None])
    sheet.append([5, "高云", 46393.65, None])              # a serial, in a General cell
    path = tmp_path / "签到.xlsx"
    book.save(path)
    result = read_signin(path, centre, committee)
    assert result.sheet == "签到"
    assert result.present == ["tangshu", "chenjing"]
    assert result.late == ["zhouhaiyan", "gaoyun"]          # 15:00:30, and 15:36
    assert result.arrivals["gaoyun"] == time(15, 36)
    assert texts(result) == [f"{path}:签到!C7: 签到时间（徐明）: 签到时间在2027年1月5日，"
                             "这次活动在2027年1月6日：是另一次活动的签到吗？这一行不计入"]


def test_an_old_excel_file_is_refused_saying_how_to_save_it(tmp_path: Path, centre: Curriculum,
                                                            committee: Session) -> None:
    ole = tmp_path / "签到.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    renamed = tmp_path / "export.csv"                       # the content says what it is
    renamed.write_bytes(ole.read_bytes())
    html = tmp_path / "All_Data_Readable.xls"             # an "xls" that is a web page
    html.write_text("<table><tr><td>姓名</td></tr></table>", encoding="utf-8")
    for path in (ole, renamed, html):
        with pytest.raises(InputError) as caught:
            read_signin(path, centre, committee)
        assert caught.value.text() == (
            f"{path}:1:1: 这是旧版 Excel 文件（.xls），studykit 不读这种格式：请在 Excel 或 WPS "
            "中打开它，另存为 Excel 工作簿（.xlsx）或 CSV，再导入另存的文件")


def test_a_file_that_is_not_a_workbook_gets_a_message_not_a_traceback(
        tmp_path: Path, centre: Curriculum, committee: Session) -> None:
    text = tmp_path / "签到.xlsx"
    text.write_text("姓名,签到时间\n唐树,14:50\n", encoding="utf-8")
    archive = tmp_path / "other.xlsx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    cut = tmp_path / "cut.xlsx"
    book = Workbook()
    book.active.append(["姓名", "签到时间"])
    book.active.append(["唐树", "14:50"])
    book.save(cut)
    broken = tmp_path / "broken.xlsx"            # its sheet's XML cut short after the header
    with zipfile.ZipFile(cut) as whole, zipfile.ZipFile(broken, "w") as z:
        for item in whole.infolist():
            data = whole.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[:data.index(b'<row r="2"') + 12]
            z.writestr(item, data)
    cut.write_bytes(cut.read_bytes()[:600])               # a download that broke off
    for path in (text, archive, cut, broken):
        with pytest.raises(InputError) as caught:
            read_signin(path, centre, committee)
        assert caught.value.text() == (f"{path}:1:1: 不是能读取的 Excel 工作簿（.xlsx）："
                                       "文件可能已损坏，或是别的文件改了扩展名")


def test_bytes_in_neither_utf8_nor_gbk_are_located(tmp_path: Path, centre: Curriculum,
                                                   committee: Session) -> None:
    path = tmp_path / "签到.csv"
    path.write_bytes("姓名,签到时间\n".encode() + b"\x80\xff,14:50\n")
    with pytest.raises(InputError) as caught:
        read_signin(path, centre, committee)
    assert caught.value.text() == (f"{path}:2:1: 既不是 UTF-8 也不是 GBK（GB18030）编码的文字"
                                   "（字节 0x80）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="既不是 CSV 文字文件"):
        read_signin(binary, centre, committee)


def test_a_missing_file_is_said_in_the_curriculums_language(tmp_path: Path,
                                                            committee: Session) -> None:
    team = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    with pytest.raises(InputError) as caught:
        read_signin(tmp_path / "nowhere.csv", team, committee)
    assert caught.value.text() == f"{tmp_path / 'nowhere.csv'}:1:1: no such file"


# --- rows --------------------------------------------------------------------------------

def test_late_is_measured_against_the_sessions_own_start_to_the_second(
        centre: Curriculum, committee: Session) -> None:
    sheet = rows(["姓名", "签到时间"], ["唐树", "15:00"], ["陈静", "15:00:00"],
                 ["周海燕", "15:00:01"], ["徐明", "2027-01-06 09:31"])
    at_three = signin_from_rows(sheet, centre, committee)
    assert at_three.present == ["tangshu", "chenjing", "xuming"]
    assert at_three.late == ["zhouhaiyan"]
    morning = signin_from_rows(sheet, centre, dataclasses.replace(committee, start=time(9, 30)))
    assert morning.present == []
    assert morning.late == ["tangshu", "chenjing", "zhouhaiyan", "xuming"]


def test_an_english_branch_starting_at_half_past_two(tmp_path: Path) -> None:
    team = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    session = studykit.plan_quarter(team).session("theme-day-2027-01")
    assert (session.date, session.start) == (date(2027, 1, 12), time(14, 30))
    path = tmp_path / "Form responses.csv"                 # Microsoft Forms, saved as CSV
    path.write_text("ID,Start time,Completion time,Email,Name,Last modified time\n"
                    "1,1/12/27 14:20:01,1/12/27 14:21:48,anonymous,alice chen,\n"
                    "2,1/12/27 14:29:40,1/12/27 2:31:02 PM,anonymous,Ben  Liu,\n"
                    "3,1/12/27 14:29:40,1/12/27 14:31:02,anonymous,Bem Liu,\n"
                    "4,1/13/27 14:29:40,1/13/27 14:31:02,anonymous,Dan Zhao,\n", encoding="utf-8")
    result = read_signin(path, team, session)
    assert result.time_column == "Completion time"         # before Start time
    assert (result.present, result.late, result.missing) == (["alice-chen"], ["ben-liu"],
                                                             ["carol-wu"])
    assert texts(result) == [
        f"{path}:4:5: Name: 'Bem Liu' is not a member of the branch (did you mean 'Ben Liu'?)",
        f"{path}:5:3: Completion time (Dan Zhao): signed in on 13 January 2027, but the "
        "session is on 12 January 2027: is this another session's sign-in? The row is not "
        "counted"]


def test_unknown_names_get_their_near_matches(centre: Curriculum, committee: Session) -> None:
    result = signin_from_rows(rows(["姓名", "签到时间"], ["周海艳", "14:50"], ["李明明", "14:51"],
                                   ["王  方", "14:52"]), centre, committee)
    assert texts(result) == [
        ":2:1: 姓名: '周海艳' 不是本支部的人员（是不是 '周海燕'？）",
        ":3:1: 姓名: '李明明' 不是本支部的人员（没有名字相近的人员）",
        ":4:1: 姓名: '王  方' 不是本支部的人员（是不是 '王芳'？）"]
    assert result.present == [] and result.missing == committee.expected


def test_two_members_of_the_same_name_are_ambiguous_and_their_post_settles_it(
        centre: Curriculum, committee: Session) -> None:
    twins = centre.replaced(members=[m.model_copy(update={"name": "唐树"}) if m.id == "chenjing"
                                     else m for m in centre.members])
    result = signin_from_rows(rows(["姓名", "签到时间"], ["唐树", "14:50"],
                                   ["唐树（中心副主任）", "14:55"], ["chenjing", "14:56"]),
                              twins, committee)
    assert texts(result) == [":2:1: 姓名: 有2位人员叫 '唐树'（唐树（支部书记、中心主任）、"
                             "唐树（中心副主任）），不知道是哪一位签到：请把这一格改成其中一位的写法"]
    assert result.present == ["chenjing"]


def test_a_sign_in_on_another_day_is_another_sessions(centre: Curriculum,
                                                      committee: Session) -> None:
    result = signin_from_rows(rows(["姓名", "签到时间"], ["唐树", "2027-01-05 14:50"],
                                   ["陈静", "2027年1月6日 下午2:50"]), centre, committee)
    assert result.present == ["chenjing"]
    assert [(p.line, p.col, p.key, p.subject) for p in result.problems] == \
        [(2, 2, "签到时间", "唐树")]
    assert "签到时间在2027年1月5日，这次活动在2027年1月6日" in texts(result)[0]


def test_without_the_columns_the_headers_found_and_those_recognised_are_listed(
        centre: Curriculum, committee: Session) -> None:
    result = signin_from_rows(rows(["第一季度签到"], ["编号", "人员", "到场"],
                                   ["1", "唐树", "14:50"]), centre, committee)
    assert result.present == [] and result.missing == committee.expected
    [problem] = result.problems
    assert (problem.line, problem.col) == (1, 1)             # the first non-empty row
    said = problem.text()
    assert said.startswith(":1:1: 找不到姓名列和签到时间列。这一行的表头是：第一季度签到。")
    assert "能识别的姓名列表头：姓名、名字、真实姓名" in said
    assert "；能识别的时间列表头：签到时间、" in said
    half = signin_from_rows(rows(["姓名", "到场"], ["唐树", "14:50"]), centre, committee)
    assert half.problems[0].text().startswith(
        ":1:1: 找不到签到时间列。这一行的表头是：姓名、到场。")
    assert signin_from_rows([], centre, committee).problems[0].text() == \
        ":1:1: 签到表是空的：没有表头，也没有签到"


def test_a_header_is_found_in_the_tenth_non_empty_row_and_not_in_the_eleventh(
        centre: Curriculum, committee: Session) -> None:
    title = [["标题"]] * 9
    found = signin_from_rows(rows(*title, [], ["姓名", "签到时间"], ["唐树", "14:50"]), centre,
                             committee)
    assert found.present == ["tangshu"]
    lost = signin_from_rows(rows(*title, ["标题"], ["姓名", "签到时间"], ["唐树", "14:50"]), centre,
                            committee)
    assert lost.present == [] and lost.problems[0].message.key == "signin.no_columns"


def test_the_preferred_header_wins_and_the_others_are_ignored(centre: Curriculum,
                                                              committee: Session) -> None:
    # Microsoft Forms' own Name (the account) and a 姓名 question; opened and sent times
    result = signin_from_rows(rows(
        ["ID", "开始时间", "完成时间", "电子邮件", "名称", "姓名", "所用时间"],
        ["1", "2027/1/6 14:58", "2027/1/6 15:01", "x@y", "Administrator", "唐树", "3分钟"]),
        centre, committee)
    assert (result.name_column, result.time_column) == ("姓名", "完成时间")
    assert result.late == ["tangshu"] and result.problems == []


def test_signing_in_twice_counts_the_earlier_time_without_a_problem(
        centre: Curriculum, committee: Session) -> None:
    result = signin_from_rows(rows(["姓名", "签到时间"], ["唐树", "15:20"], ["唐树同志", "14:40"],
                                   ["唐树", "15:40"]), centre, committee)
    assert (result.present, result.late, result.problems) == (["tangshu"], [], [])
    assert result.arrivals == {"tangshu": time(14, 40)}


def test_a_member_not_expected_still_came_and_one_not_in_the_branch_did_not(
        centre: Curriculum, committee: Session) -> None:
    result = signin_from_rows(rows(["姓名", "签到时间"], ["王芳", "15:05"], ["唐树", "14:59"],
                                   ["郭佳", "14:50"]), centre, committee)
    assert result.present == ["tangshu"]
    assert result.late == ["wangfang"]                       # not a committee member: came
    assert result.unexpected == ["wangfang"]
    assert texts(result) == [":4:1: 姓名: '郭佳' 在2027年1月6日不在本支部（见课程文件中的 "
                             "joined / left）"]               # 郭佳 joins on 1 April 2027


def test_a_time_without_a_name_is_a_problem_a_name_without_a_time_is_not(
        centre: Curriculum, committee: Session) -> None:
    result = signin_from_rows(rows(["姓名", "签到时间"], ["", "14:50"], ["陈静", "  "],
                                   ["", ""], ["唐树", "2027-01-06"]), centre, committee)
    assert texts(result) == [":2:1: 姓名: 有签到时间，却没有姓名",
                             ":5:2: 签到时间（唐树）: '2027-01-06' 只有日期，没有签到的时刻"]
    assert result.missing == committee.expected


def test_the_rows_are_capped(centre: Curriculum, committee: Session) -> None:
    header = [(1, ["姓名", "签到时间"])]
    full = signin_from_rows(header + [(n, ["唐树", "14:50"]) for n in range(2, 10_002)],
                            centre, committee)
    assert full.present == ["tangshu"] and full.problems == []
    over = signin_from_rows(header + [(n, ["唐树", "14:50"]) for n in range(2, 10_003)],
                            centre, committee)
    assert over.present == []
    assert texts(over) == [":10002:1: 签到表超过 10,000 行，不像是一次活动的签到："
                           "请只导出这次活动的签到"]


def test_a_workbook_is_read_only_as_far_as_the_cap(tmp_path: Path, centre: Curriculum,
                                                   committee: Session,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signin, "MAX_ROWS", 3)
    book = Workbook()
    book.active.append(["姓名", "签到时间"])
    for _ in range(5):
        book.active.append(["唐树", "14:50"])
    path = tmp_path / "big.xlsx"
    book.save(path)
    result = read_signin(path, centre, committee)
    assert texts(result) == [f"{path}:Sheet!A5: 签到表超过 3 行，不像是一次活动的签到："
                             "请只导出这次活动的签到"]


# --- times, names and headers ------------------------------------------------------------

HELD = date(2027, 1, 6)


@pytest.mark.parametrize(("written", "expected"), [
    ("2027-01-06 14:55:03", (HELD, time(14, 55, 3))),
    ("2027/1/6 14:55", (HELD, time(14, 55))),
    ("2027-01-06T14:55:03.250", (HELD, time(14, 55, 3))),
    ("2027.01.06 14:55", (HELD, time(14, 55))),
    ("2027年1月6日 14:55", (HELD, time(14, 55))),
    ("2027年1月6日14时55分", (HELD, time(14, 55))),
    ("2027/1/6 下午2:55:03", (HELD, time(14, 55, 3))),
    ("2027/1/6 上午12:05", (HELD, time(0, 5))),
    ("1/6/2027 2:55 PM", (HELD, time(14, 55))),              # month first (Google, en-US)
    ("6/1/2027 14:55", (HELD, time(14, 55))),                # day first, as the session's day
    ("1/7/27 14:55", (date(2027, 1, 7), time(14, 55))),      # neither: month first
    ("１４：５５", (None, time(14, 55))),                     # typed full-width
    ("14:55", (None, time(14, 55))),
    ("9:05:59 am", (None, time(9, 5, 59))),
    (datetime(2027, 1, 6, 14, 55, 3, 900), (HELD, time(14, 55, 3))),
    (time(14, 55), (None, time(14, 55))),
    (0.5, (None, time(12, 0))),
    (46393.625, (HELD, time(15, 0))),
])
def test_times_as_forms_and_spreadsheets_write_them(written: object,
                                                    expected: tuple[date | None, time]) -> None:
    assert signin._moment(written, HELD) == expected


@pytest.mark.parametrize(("written", "key"), [
    ("25:00", "signin.time_bad"), ("14:60", "signin.time_bad"), ("13:00 PM", "signin.time_bad"),
    ("2027-02-30 14:00", "signin.time_bad"), ("13/13/2027 14:00", "signin.time_bad"),
    ("下午", "signin.time_bad"), ("迟到", "signin.time_bad"), ("2027-01-06T06:55:03Z",
                                                                "signin.time_bad"),
    ("1455", "signin.time_bad"), ("2027-01-0614:55", "signin.time_bad"),
    ("2027-01-06", "signin.no_clock"), ("2027年1月6日", "signin.no_clock"),
    (datetime(2027, 1, 6), "signin.no_clock"), (date(2027, 1, 6), "signin.no_clock"),
    (-1, "signin.time_bad"), (46393.0, "signin.no_clock"),
])
def test_what_is_not_a_sign_in_time(written: object, key: str) -> None:
    said = signin._moment(written, HELD)
    assert not isinstance(said, tuple) and said.key == key



def test_headers_are_compared_as_forms_write_questions() -> None:
    for written in ("姓名", "1、您的姓名：", "Q1. 姓名", "*姓名", "请输入您的姓名", "姓名（必填）",
                    "２．你的姓名?", "第1题、姓名", " 姓 名 ", "姓名:*"):
        assert header_key(written) == "姓名", written
    assert header_key("Sign in time") == header_key("SIGN-IN TIME") == "sign in time"
    assert header_key("填写人") == "填写人" and header_key("填写时间") == "填写时间"
    assert header_key("所用时间") not in {header_key(h) for h in TIME_HEADERS}


def test_every_recognised_header_is_one_of_a_kind() -> None:
    keys = [header_key(h) for h in (*NAME_HEADERS, *TIME_HEADERS)]
    assert len(keys) == len(set(keys))


def test_the_documented_headers_are_exactly_those_recognised_in_their_order() -> None:
    doc = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    section = doc.split("## Sign-in sheets", 1)[1].split("\n## ", 1)[0]

    def listed(kind: str) -> tuple[str, ...]:
        lines = [line for line in section.splitlines() if line.startswith(f"| {kind} column")]
        return tuple(h for line in lines for h in re.findall(r"`([^`]+)`", line.split("|")[2]))

    assert listed("name") == NAME_HEADERS
    assert listed("time") == TIME_HEADERS
    assert f"{signin.MAX_ROWS:,}" in section and f"first {signin.HEADER_ROWS:,}" not in section
    assert "first ten" in section and signin.HEADER_ROWS == 10


def test_a_zip_bomb_named_xlsx_is_refused_unopened(centre: Curriculum, committee: Session,
                                                   tmp_path: Path) -> None:
    bomb = tmp_path / "签到.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))
    with pytest.raises(InputError) as caught:
        read_signin(bomb, centre, committee)
    assert "解压后过大" in caught.value.text("zh-CN")
