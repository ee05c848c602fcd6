"""The plan's Word documents, read back: content, page set-up, East-Asian fonts; and the
pages LibreOffice makes of them."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import every_quarter_curriculum
from docx.shared import Mm

import studykit
from studykit.domain.records import Record
from studykit.reading.records import load_record
from studykit.render.documents import attendance_context, plan_documents, session_plan_context
from studykit.render.docxtemplate import Templates
from studykit.render.minutes import minutes_document

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def plan() -> studykit.Plan:
    cur = every_quarter_curriculum(ROOT / "curricula" / "employment-centre.yaml")
    assert isinstance(cur, studykit.Curriculum)
    return studykit.plan_quarter(cur, "2027Q1")


@pytest.fixture(scope="module")
def files(plan: studykit.Plan) -> dict[str, bytes]:
    return plan_documents(plan, Templates("zh-CN"))


def open_doc(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def table_rows(document: docx.document.Document, index: int = 0) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in document.tables[index].rows]


def test_every_session_has_a_plan_and_a_sign_in_sheet(plan: studykit.Plan,
                                                     files: dict[str, bytes]) -> None:
    assert set(files) == {"calendar.docx"} | {
        f"sessions/{s.id}/{name}" for s in plan.sessions
        for name in ("plan.docx", "attendance.docx")}


def test_calendar_lists_every_session(plan: studykit.Plan, files: dict[str, bytes]) -> None:
    document = open_doc(files["calendar.docx"])
    rows = table_rows(document)
    assert rows[0][:6] == ["序号", "日期", "星期", "时间", "类别", "内容"]
    assert len(rows) == 1 + len(plan.sessions)
    assert [r[5] for r in rows[1:]] == [s.title for s in plan.sessions]
    assert rows[1][:4] == ["1", "1月5日", "周二", "15:00–17:00"]
    section = document.sections[0]
    assert section.page_width > section.page_height                  # landscape
    assert "亭湖区劳动就业服务中心党支部2027年第一季度学习计划表" in all_text(document)


def test_sign_in_sheet(plan: studykit.Plan, files: dict[str, bytes]) -> None:
    session = plan.session("employment-forum")
    document = open_doc(files["sessions/employment-forum/attendance.docx"])
    rows = table_rows(document)
    assert rows[0] == ["序号", "姓名", "党员类别", "岗位", "签到时间", "本人签名", "备注"]
    members = plan.curriculum.member_by_id
    assert [r[1] for r in rows[1:16]] == [members[m].name for m in session.attendees]
    assert rows[1][2:4] == ["正式党员", "支部书记、中心主任"]
    assert rows[13][2] == "入党积极分子" and rows[15][2] == "群众"
    text = all_text(document)
    assert "应到15人" in text.replace(" ", "")
    # the header row repeats on every page
    header = document.tables[0].rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    # only name, party standing and post: no levels, no unavailable dates, no ids
    assert "wangfang" not in text and "2027-03-08" not in text


def test_sign_in_sheet_notes_who_is_excused_and_nothing_else() -> None:
    text = (ROOT / "curricula" / "employment-centre.yaml").read_text(encoding="utf-8")
    cur = studykit.loads(text.replace("unavailable: [2027-03-08..2027-03-12]",
                                      "unavailable: [2027-01-01..2027-01-31]"))
    plan = studykit.plan_quarter(cur, "2027Q1")
    theme = plan.session("theme-day-2027-01")                     # a fixed day: excused
    assert "wangfang" in theme.excused
    ctx = attendance_context(plan, theme)
    assert ctx["expected"] == 11
    document = open_doc(Templates("zh-CN").get("attendance.docx").render(ctx))
    rows = table_rows(document)
    assert rows[0][-1] == "备注"
    notes = {r[1]: r[-1] for r in rows[1:]}
    # 请假 for the one the plan excused, without when or why; an empty cell for the rest
    assert notes.pop("王芳") == "请假"
    assert set(notes.values()) == {""} and len(notes) == 10
    said = all_text(document)
    assert "2027-01-01" not in said and "1月31日" not in said and "不能参加" not in said


def test_activity_plan_and_lesson_plan(plan: studykit.Plan, files: dict[str, bytes]) -> None:
    activity = all_text(open_doc(files["sessions/committee-2027-01/plan.docx"]))
    assert "1月支部委员会会议活动方案" in activity
    assert "支部委员会委员（5人）：唐树、陈静、周海燕、徐明、高云" in activity
    assert "15:00–15:30" in activity and "传达学习上级有关精神" in activity
    lesson_doc = open_doc(files["sessions/window-communication/plan.docx"])
    lesson = all_text(lesson_doc)
    assert "窗口服务沟通技巧" in lesson and "教案" in lesson
    assert "区人社局培训科" in lesson
    assert "岗位「政策咨询窗口」要求沟通技巧3级，现为2级" in lesson   # why each attends
    ctx = session_plan_context(plan, plan.session("window-communication"))
    assert [o["minutes"] for o in ctx["outline"]] == [18, 90, 54, 18]   # 3 hours


def test_official_page_set_up_and_fonts(files: dict[str, bytes]) -> None:
    for name in ("sessions/committee-2027-01/plan.docx",
                 "sessions/window-communication/plan.docx",
                 "sessions/employment-forum/attendance.docx"):
        document = open_doc(files[name])
        section = document.sections[0]
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        for margin, mm in ((section.top_margin, 37), (section.bottom_margin, 35),
                           (section.left_margin, 28), (section.right_margin, 26)):
            assert abs(margin - Mm(mm)) < Mm(0.5), (name, margin, mm)
        package = zipfile.ZipFile(io.BytesIO(files[name]))
        styles = package.read("word/styles.xml").decode()
        body = package.read("word/document.xml").decode()
        # East-Asian fonts are named, never left to the theme (a Japanese font otherwise)
        assert "eastAsiaTheme" not in styles and "eastAsiaTheme" not in body
        defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
        assert defaults and 'w:eastAsia="仿宋_GB2312"' in defaults.group()
        runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", body, re.S)
        with_font = [r for r in runs if "w:eastAsia=" in r]
        assert len(with_font) == len(runs), name
        normal = document.styles["Normal"].font
        assert normal.size.pt == 16                                    # 3号
        assert 'w:eastAsia="方正小标宋简体"' in styles                  # the title
        footer = package.read("word/footer1.xml").decode() if \
            "word/footer1.xml" in package.namelist() else ""
        assert "PAGE" in footer and "—" in footer


def test_minutes_from_every_example_record(plan: studykit.Plan) -> None:
    sessions = {s.id: s for s in plan.sessions}
    templates = Templates("zh-CN")
    for path in sorted((ROOT / "curricula" / "records").glob("*.yaml")):
        record = load_record(path, plan.curriculum, {plan.quarter: plan})
        if not isinstance(record, Record):
            continue  # make-up study only
        text = all_text(open_doc(minutes_document(plan, sessions[record.session], record,
                                                  templates)))
        # a meeting closes; a course is no meeting
        course = sessions[record.session].kind in ("lecture", "skill", "party-lecture")
        assert ("散会" in text) is not course, record.session
        assert "主持人（签字）" in text and "记录人（签字）" in text
        for absent, reason in record.absent.items():
            assert f"{plan.curriculum.member_by_id[absent].name}（{reason}）" in text


def test_english_documents(files: dict[str, bytes]) -> None:
    cur = every_quarter_curriculum(ROOT / "curricula" / "small-team.en.yaml")
    assert isinstance(cur, studykit.Curriculum)
    plan = studykit.plan_quarter(cur, "2026Q4")
    out = plan_documents(plan, Templates("en"))
    text = all_text(open_doc(out["calendar.docx"]))
    assert "Outreach Team Party Branch" in text and "Casework roundtable" in text
    sheet = all_text(open_doc(out[f"sessions/{plan.sessions[0].id}/attendance.docx"]))
    assert "Alice Chen" in sheet


def test_re_rendering_is_byte_identical(plan: studykit.Plan, files: dict[str, bytes]) -> None:
    assert plan_documents(plan, Templates("zh-CN")) == files


# --- what a person sees: LibreOffice's pages ----------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                    reason="LibreOffice or poppler-utils is not installed (make test installs "
                           "them when run as root)")
def test_libreoffice_renders_each_kind_of_document(plan: studykit.Plan, files: dict[str, bytes],
                                                   tmp_path: Path) -> None:
    sessions = {s.id: s for s in plan.sessions}
    record = load_record(ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml",
                         plan.curriculum, {plan.quarter: plan})
    documents = {
        "calendar": (files["calendar.docx"],
                     ["学习计划表", "1月主题党日", f"共{len(plan.sessions)}项活动"]),
        "activity": (files["sessions/committee-2027-01/plan.docx"], ["活动方案", "唐树"]),
        "lesson": (files["sessions/window-communication/plan.docx"], ["教案", "区人社局培训科"]),
        "attendance": (files["sessions/employment-forum/attendance.docx"], ["签到表", "马倩"]),
        "minutes": (minutes_document(plan, sessions[record.session], record,
                                     Templates("zh-CN")), ["支部党员大会记录", "散会"]),
    }
    for name, (data, _) in documents.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tools" / "fonts.conf"),
           "HOME": str(tmp_path)}
    subprocess.run([str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), *(str(tmp_path / f"{n}.docx") for n in documents)],
                   check=True, capture_output=True, env=env, timeout=300)
    for name, (_, expected) in documents.items():
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists(), name
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))     # type: ignore[union-attr]
        assert 1 <= pages <= 4, (name, pages)
        text = subprocess.run([str(PDFTOTEXT), "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        compact = re.sub(r"\s+", "", text)
        for words in expected:
            assert words in compact, (name, words)
        assert "— 1 —" in text or "—1—" in compact                  # page numbers


def test_a_held_sessions_documents_are_not_rewritten_by_an_undated_change(
        tmp_path: Path) -> None:
    from studykit.app.workflows import plan_branch

    text = (ROOT / "curricula" / "employment-centre.yaml").read_text(encoding="utf-8")
    path = tmp_path / "centre.yaml"
    path.write_text(text, encoding="utf-8")
    records = ROOT / "curricula" / "records"
    out = tmp_path / "out"
    assert plan_branch(path, "2027Q1", out, records=records).written is not None
    sheet = out / "sessions" / "branch-assembly-2027q1" / "attendance.docx"
    before = sheet.read_bytes()
    path.write_text(text.replace("    role: window\n    party: probationary\n    group: 第一党小组",
                                 "    role: window\n    party: full\n    group: 第一党小组", 1),
                    encoding="utf-8")
    with pytest.raises(studykit.UserError) as info:
        plan_branch(path, "2027Q1", out, records=records)
    said = info.value.text()
    assert "sessions/branch-assembly-2027q1/attendance.docx：王芳现在是正式党员" in said
    assert sheet.read_bytes() == before
    # --force rewrites them as things stand now
    assert plan_branch(path, "2027Q1", out, force=True, records=records).written is not None
    assert sheet.read_bytes() != before


def test_the_years_plan_lists_every_session_and_each_members_hours() -> None:
    from studykit.render.documents import annual_context

    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    plans = studykit.year_plans(cur, [2027])
    ctx = annual_context([plans[q] for q in sorted(plans)])
    assert ctx["title"] == "亭湖区劳动就业服务中心党支部2027年度学习计划"
    assert [q["title"] for q in ctx["quarters"]] == [
        "2027年第一季度", "2027年第二季度", "2027年第三季度", "2027年第四季度"]
    assert [m["title"] for m in ctx["quarters"][0]["months"]] == ["1月", "2月", "3月"]
    assert ctx["count"] == sum(len(p.sessions) for p in plans.values())
    titles = [r["title"] for q in ctx["quarters"] for m in q["months"] for r in m["rows"]]
    assert titles == [s.title for q in sorted(plans) for s in plans[q].sessions]
    rows = {m["name"]: m for m in ctx["members"]}
    # 唐树 is the secretary (56 a year), 王芳 probationary (32), 李军 not a party member
    assert rows["唐树"]["floor"] == "56" and rows["王芳"]["floor"] == "32"
    assert rows["李军"]["floor"] == "" and rows["李军"]["status"] == ""
    tang = sum(s.hours for p in plans.values() for s in p.sessions
               if "tangshu" in s.attendees and s.kind != "committee")
    assert rows["唐树"]["planned"] == f"{tang:g}"
    assert rows["唐树"]["status"] == ("可完成" if tang >= 56 else "尚差")
