"""The plan's Word documents, read back: content, page set-up, East-Asian fonts; and the
pages LibreOffice makes of them."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from conftest import every_quarter, every_quarter_curriculum
from docx.shared import Mm

import studykit
from studykit.domain.records import Record
from studykit.domain.time import quarter_of
from studykit.reading.records import load_record
from studykit.render.documents import (
    attendance_context,
    plan_documents,
    plan_template,
    session_plan_context,
)
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
    assert "支部委员（5人）：唐树、陈静、周海燕、徐明、高云" in activity
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
        # the folder holds the whole year's records: those of the quarter planned
        dated = load_record(path, plan.curriculum)
        if not isinstance(dated, Record) or quarter_of(dated.date) != plan.quarter:
            continue  # make-up study only, a year's record, or a session of another quarter
        record = load_record(path, plan.curriculum, {plan.quarter: plan})
        assert isinstance(record, Record)
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
        "activity": (files["sessions/committee-2027-01/plan.docx"],
                     ["活动方案", "唐树", "审核人", "党支部（盖章）"]),
        "lesson": (files["sessions/window-communication/plan.docx"],
                   ["教案", "区人社局培训科", "制表人", "党支部（盖章）"]),
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


# --- what a branch files: titled with the branch, made of its data, blanks where it has none ---

CENTRE = ROOT / "curricula" / "employment-centre.yaml"
TEAM = ROOT / "curricula" / "small-team.en.yaml"
BLANK = re.compile(r"＿{6,}|_{6,}")
LESSON_KINDS = ("lecture", "skill", "party-lecture")


def centre(edit: tuple[str, str] | None = None) -> studykit.Curriculum:
    """The example curriculum, every course this quarter, with one text ``edit``."""
    text = every_quarter(CENTRE.read_text(encoding="utf-8"))
    if edit is not None:
        assert edit[0] in text, edit
        text = text.replace(*edit)
    return studykit.loads(text, str(CENTRE))


def section(document: docx.document.Document, heading: str) -> list[str]:
    """The paragraphs under the heading that starts with ``heading``, up to the next one."""
    out: list[str] | None = None
    for p in document.paragraphs:
        if p.style.name.lower().startswith("heading") or p.style.name == "Title":
            if out is not None:
                return out
            if p.text.startswith(heading):
                out = []
        elif out is not None and p.text:
            out.append(p.text)
    assert out is not None, heading
    return out


def numbered(lines: list[str]) -> list[str]:
    """``1．text`` lines as their text."""
    return [re.sub(r"^\d+[．.]\s*", "", line) for line in lines]


def title_lines(document: docx.document.Document) -> list[str]:
    (title,) = [p for p in document.paragraphs if p.style.name == "Title"]
    return title.text.split("\n")


def plan_doc(plan: studykit.Plan, session: str, locale: str = "zh-CN") -> docx.document.Document:
    s = plan.session(session)
    return open_doc(Templates(locale).get(plan_template(s)).render(
        session_plan_context(plan, s)))


@pytest.mark.parametrize("gain", [1, 2])
def test_lesson_aims_say_whom_the_course_raises_from_which_level(gain: int) -> None:
    cur = centre(("    builds: {communication: 1}\n", f"    builds: {{communication: {gain}}}\n"))
    plan = studykit.plan_quarter(cur, "2027Q1")
    session = plan.session("window-communication")
    course = cur.course_by_id["window-communication"]
    aims = numbered(section(plan_doc(plan, session.id), "一、教学目的"))
    # worked out here from the curriculum: each attendee's post and level that day
    day = cur.as_of(session.date).member_by_id
    expected: dict[tuple[str, int, int], Counter[str]] = {}
    for competency, gain in course.builds.items():
        for m in session.attendees:
            now = day[m].level(competency)
            expected.setdefault((cur.competencies[competency], now, min(5, now + gain)),
                                Counter())[cur.roles[day[m].role].name] += 1
    assert len(aims) == len(expected) >= 2
    for (competency, now, then), posts in expected.items():
        (aim,) = [a for a in aims if a.endswith(f"的{competency}由{now}级提升到{then}级")]
        assert aim.startswith("使") and sum(posts.values()) == sum(
            int(n) for n in re.findall(r"岗位(\d+)名", aim))
        for post, n in posts.items():
            assert f"「{post}」岗位{n}名" in aim
    assert not any("能力" in a for a in aims)           # no 提升…能力


def test_lesson_aims_follow_the_levels_the_plan_used_and_the_courses_own_aims() -> None:
    cur = centre(("    title: 窗口服务沟通技巧\n",
                  "    title: 窗口服务沟通技巧\n    aims: [掌握首问负责制的工作要求]\n"))
    # the plan was made from projected levels: 周海燕's communication at 1, not 2
    levels = {m.id: dict(m.levels) for m in cur.members}
    levels["zhouhaiyan"]["communication"] = 1
    plan = studykit.plan_quarter(cur, "2027Q1", levels=levels)
    session = plan.session("window-communication")
    assert "zhouhaiyan" in session.attendees
    aims = numbered(section(plan_doc(plan, session.id), "一、教学目的"))
    assert aims[0] == "掌握首问负责制的工作要求"             # the user's own, first
    (lowest,) = [a for a in aims if a.endswith("由1级提升到2级")]
    assert "「政策咨询窗口」岗位1名" in lowest


def test_lesson_key_points_leave_out_the_procedure() -> None:
    cur = centre()
    plan = studykit.plan_quarter(cur, "2027Q1")
    agenda = cur.course_by_id["plenum-study"].agenda
    points = numbered(section(plan_doc(plan, "plenum-study"), "二、教学重点"))
    # 结合就业服务工作交流研讨 is the discussion, 书记小结 the summary: not what is taught
    assert points == [a for a in agenda if a not in ("结合就业服务工作交流研讨", "书记小结")]
    outline = table_rows(plan_doc(plan, "plenum-study"), 1)
    assert "书记小结" not in outline[2][1]


def test_a_lesson_without_the_data_leaves_ruled_blanks() -> None:
    # no agenda, materials, questions or builds: lines to fill in, never filler
    cur = centre(("    agenda: [服务礼仪与首问负责, 情绪化来访者的沟通方法, 情景模拟演练]\n"
                  "    materials: [窗口服务规范, 典型服务场景案例]\n", ""))
    plan = studykit.plan_quarter(cur, "2027Q1")
    document = plan_doc(plan, "window-communication")
    assert numbered(section(document, "二、教学重点")) == ["沟通技巧"]   # what it builds
    for heading in ("五、参考资料", "六、研讨题"):
        (line,) = section(document, heading)
        assert BLANK.fullmatch(line), heading
    outline = {r[0]: r[1] for r in table_rows(document, 1)[1:]}
    assert outline["研讨"] == ""                           # a cell to fill in
    text = all_text(document)
    assert "结合本岗位工作" not in text and "提升沟通技巧能力" not in text


def test_who_attends_is_one_row_per_reason() -> None:
    cur = centre()
    plan = studykit.plan_quarter(cur, "2027Q1")
    session = plan.session("plenum-study")
    day = cur.as_of(session.date).member_by_id
    rows = table_rows(plan_doc(plan, session.id), 2)
    assert rows[0] == ["序号", "参加原因", "人员", "人数"]
    standing = {"full": "正式党员", "probationary": "预备党员"}
    expected = {}
    for m in session.attendees:
        expected.setdefault(standing[day[m].party], []).append(day[m].name)
    assert [(r[1], r[2], r[3]) for r in rows[1:]] == [
        (reason, "、".join(names), str(len(names))) for reason, names in expected.items()]
    assert len(rows) - 1 == len(expected) < len(session.attendees)


def test_activity_theme_from_the_month_or_a_ruled_blank() -> None:
    cur = centre()
    plan = studykit.plan_quarter(cur, "2027Q1")
    assert cur.meetings.theme_day is not None
    theme = cur.meetings.theme_day.themes[1].title
    document = plan_doc(plan, "theme-day-2027-01")
    assert section(document, "二、活动主题") == [theme]
    assert title_lines(document) == [cur.organization.name, "2027年1月主题党日活动方案"]
    # without themes: the line is left for the branch to fill in
    assert cur.meetings.theme_day is not None
    bare = cur.replaced(meetings=cur.meetings.model_copy(update={
        "theme_day": cur.meetings.theme_day.model_copy(update={"themes": {}})}))
    document = plan_doc(studykit.plan_quarter(bare, "2027Q1"), "theme-day-2027-01")
    (line,) = section(document, "二、活动主题")
    assert BLANK.fullmatch(line)
    # a seminar's is its title
    assert section(plan_doc(plan, "employment-forum"), "二、活动主题") == ["就业创业交流会"]


def test_activity_requirements_come_from_the_data() -> None:
    cur = centre()
    plan = studykit.plan_quarter(cur, "2027Q1")
    forum = cur.course_by_id["employment-forum"]
    wants = numbered(section(plan_doc(plan, "employment-forum"), "七、有关要求"))
    assert len(wants) == 3
    assert all(m in wants[0] for m in forum.materials) and wants[0].startswith("请提前学习")
    assert all(q in wants[1] for q in forum.questions)
    assert wants[2] == f"不能参加的，须提前请假，并在{cur.rules.makeup_days}天内完成补学。"
    # off-site: where to gather; what to bring
    visit = numbered(section(plan_doc(plan, "community-volunteer"), "七、有关要求"))
    place = cur.course_by_id["community-volunteer"].location
    assert visit[0].startswith("请带好") and any(f"到{place}集合" in w for w in visit)
    # a committee meeting: its quorum, and no make-up study (it is no study session)
    committee = numbered(section(plan_doc(plan, "committee-2027-01"), "七、有关要求"))
    assert committee == ["支部委员到会超过半数，方可进行表决。", "不能参加的，须提前请假。"]
    for sid in ("employment-forum", "theme-day-2027-01", "committee-2027-01"):
        text = all_text(plan_doc(plan, sid))
        assert "积极发言" not in text and "一周" not in text, sid


def test_make_up_study_within_the_rules_days() -> None:
    cur = centre(("    unavailable: [2027-03-08..2027-03-12]",
                  "    unavailable: [2027-01-01..2027-01-31]"))
    cur = cur.replaced(rules=cur.rules.model_copy(update={"makeup_days": 15}))
    plan = studykit.plan_quarter(cur, "2027Q1")
    document = plan_doc(plan, "theme-day-2027-01")
    assert numbered(section(document, "七、有关要求"))[-1] == \
        "不能参加的，须提前请假，并在15天内完成补学。"
    assert "请假人员：王芳（须在15天内完成补学）。" in section(document, "四、参加人员")
    assert "30天" not in all_text(document)


def test_plans_end_with_the_approval_block() -> None:
    cur = centre()
    plan = studykit.plan_quarter(cur, "2027Q1")
    for sid in ("theme-day-2027-01", "plenum-study"):
        lines = [p.text for p in plan_doc(plan, sid).paragraphs if p.text]
        assert re.fullmatch(r"制表人：＿+\t审核人：＿+\t日期：＿+年＿+月＿+日", lines[-2]), sid
        assert lines[-1] == f"中共{cur.organization.name}（盖章）"
    lines = [p.text for p in plan_doc(plan, "plenum-study").paragraphs if p.text]
    assert title_lines(plan_doc(plan, "plenum-study")) == [cur.organization.name,
                                                          "学习贯彻党的二十届四中全会精神"]
    assert "党课教案" in lines


# ids, keys and ISO dates that must never reach a filed page
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CONFIG_KEY = re.compile(r"\b[a-z]+(?:-[a-z]+)*\.[a-z][a-z_-]*\b")
ID_WITH_DIGITS = re.compile(r"\b[a-z]+-[a-z0-9-]*\d[a-z0-9-]*\b")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def machine_text(said: str, cur: studykit.Curriculum, plan: studykit.Plan) -> list[str]:
    """What in ``said`` a reader would have to decode: ids, config keys, ISO dates; in a
    Chinese document any Latin letter, in an English one any Chinese."""
    found = ISO_DATE.findall(said) + CONFIG_KEY.findall(said) + ID_WITH_DIGITS.findall(said)
    ids = [*(m.id for m in cur.members), *(s.id for s in plan.sessions),
           *(c.id for c in cur.courses), *cur.roles, *cur.competencies]
    if cur.locale == "en":
        found += CJK.findall(said)
        # an id that is an English word (lead, policy) is a word; one with a hyphen is not
        found += [i for i in ids if "-" in i and re.search(rf"\b{re.escape(i)}\b", said)]
    else:
        found += re.findall(r"[A-Za-z]+", said)
    return found


def test_no_id_key_or_iso_date_in_any_document_in_either_language(tmp_path: Path) -> None:
    from studykit.reading.records import loads_record

    zh = centre(("    unavailable: [2027-03-08..2027-03-12]",
                 "    unavailable: [2027-01-01..2027-01-31]"))
    en = studykit.loads(every_quarter(TEAM.read_text(encoding="utf-8")
                                      .replace("2027-03-15..2027-03-19", "2027-03-08..2027-03-12")),
                        str(TEAM))
    checked = 0
    for cur, locale in ((zh, "zh-CN"), (en, "en")):
        plan = studykit.plan_quarter(cur, "2027Q1")
        assert any(s.excused for s in plan.sessions)             # a member on leave too
        documents = {n: d for n, d in plan_documents(plan, Templates(locale)).items()
                     if n.startswith("sessions/")}
        for session in plan.sessions:
            present = ", ".join(session.attendees)
            record = loads_record(f"session: {session.id}\ndate: {session.date}\n"
                                  f"present: [{present}]\n", cur, {plan.quarter: plan})
            assert isinstance(record, Record)
            documents[f"minutes {session.id}"] = minutes_document(
                plan, session, record, Templates(locale))
        for name, data in documents.items():
            document = open_doc(data)
            said = all_text(document)
            assert machine_text(said, cur, plan) == [], (locale, name)
            assert title_lines(document)[0] == cur.organization.name, (locale, name)
            checked += 1
    assert checked > 50
