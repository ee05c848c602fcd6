"""Minutes: quorum and votes counted against those entitled, worked out by hand here."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pytest

import studykit
from studykit.domain.records import Record
from studykit.domain.rules import entitled_voters
from studykit.reading.records import load_record
from studykit.render.docxtemplate import Templates
from studykit.render.minutes import minutes_context, minutes_document

ROOT = Path(__file__).resolve().parent.parent
FULL = ["tangshu", "chenjing", "zhouhaiyan", "xuming", "gaoyun", "liuyang", "sunli",
        "zhaolei", "hemin"]                        # the example's nine full members
PROBATIONARY = ["wangfang", "jiangtao"]


@pytest.fixture(scope="module")
def plan() -> studykit.Plan:
    return studykit.plan_quarter(studykit.load(ROOT / "curricula" / "employment-centre.yaml"),
                                 "2027Q1")


def record(tmp_path: Path, plan: studykit.Plan, present: list[str], absent: list[str],
           vote: tuple[int, int, int], session: str = "branch-assembly-2027q1") -> dict:
    lines = [f"session: {session}", "date: 2027-02-18",
             f"present: [{', '.join(present)}]",
             "absent: {" + ", ".join(f"{m}: 请假" for m in absent) + "}",
             f"votes: [{{motion: 表决事项, for: {vote[0]}, against: {vote[1]}, "
             f"abstain: {vote[2]}}}]"]
    path = tmp_path / "r.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sessions = {s.id: s for s in plan.sessions}
    rec = load_record(path, plan.curriculum, {plan.quarter: plan})
    assert isinstance(rec, Record)
    return minutes_context(plan, sessions[session], rec)


def test_probationary_members_do_not_vote(plan: studykit.Plan) -> None:
    cur = plan.curriculum
    assembly = plan.session("branch-assembly-2027q1")          # 18 February
    assert entitled_voters(cur.as_of(assembly.date).member_by_id, assembly) == FULL
    committee = plan.session("committee-2027-01")
    assert entitled_voters(cur.as_of(committee.date).member_by_id, committee) == FULL[:5]
    # 蒋涛 is a full member from 19 February, 郭佳 from her transfer on 1 April: at an
    # assembly after both, every full member of the branch that day votes
    assert entitled_voters(cur.as_of(date(2027, 4, 1)).member_by_id, assembly) == \
        [*FULL, "jiangtao", "guojia"]


def test_quorum_held_and_carried(tmp_path: Path, plan: studykit.Plan) -> None:
    # 8 of 9 entitled present (> 4.5): quorum; 8 for (> 4.5): carried
    ctx = record(tmp_path, plan, FULL[:8] + PROBATIONARY, FULL[8:], (8, 0, 0))
    (vote,) = ctx["votes"]
    assert (vote["entitled"], vote["voters_present"], vote["quorum"], vote["passed"]) == \
        (9, 8, True, True)
    assert vote["quorum_text"] == "应到会有表决权的党员9名，实到8名，超过半数，符合规定人数"
    assert ctx["expected"] == 11 and ctx["present_count"] == 10 and ctx["absent_count"] == 1


def test_no_quorum(tmp_path: Path, plan: studykit.Plan) -> None:
    # 4 of 9 entitled present: not more than half, whatever the probationary members do
    ctx = record(tmp_path, plan, FULL[:4] + PROBATIONARY, FULL[4:], (4, 0, 0))
    (vote,) = ctx["votes"]
    assert (vote["voters_present"], vote["quorum"], vote["passed"]) == (4, False, False)
    assert vote["quorum_text"].endswith("未超过半数，不符合规定人数")
    assert vote["result_text"].endswith("未获通过")


def test_quorum_but_fewer_than_half_of_those_entitled_for(tmp_path: Path,
                                                        plan: studykit.Plan) -> None:
    # 6 of 9 present, 4 for: a majority of those present but not of the 9 entitled
    ctx = record(tmp_path, plan, FULL[:6] + PROBATIONARY, FULL[6:], (4, 1, 1))
    (vote,) = ctx["votes"]
    assert (vote["quorum"], vote["passed"]) == (True, False)
    ctx = record(tmp_path, plan, FULL[:6] + PROBATIONARY, FULL[6:], (5, 1, 0))
    assert ctx["votes"][0]["passed"]                      # 5 > 4.5


def test_minutes_document_reads_back(plan: studykit.Plan) -> None:
    path = ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml"
    sessions = {s.id: s for s in plan.sessions}
    rec = load_record(path, plan.curriculum, {plan.quarter: plan})
    assert isinstance(rec, Record)
    data = minutes_document(plan, sessions[rec.session], rec, Templates("zh-CN"))
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "2027年第1次支部党员大会" in text
    assert "唐树（支部书记）" in text
    assert "何敏（病假）" in text
    assert "同意蒋涛同志按期转为中共正式党员" in text
    assert "应到会有表决权的党员9名，实到8名，超过半数，符合规定人数" in text
    assert "赞成8票，反对0票，弃权0票，赞成票超过应到会有表决权党员的半数，通过" in text
    assert "整理蒋涛同志转正材料报街道党工委" in text and "陈静" in text
    assert "2027年2月25日" in text


def test_members_the_plan_excused_are_absent_in_the_minutes(tmp_path: Path) -> None:
    text = (ROOT / "curricula" / "employment-centre.yaml").read_text(encoding="utf-8")
    cur = studykit.loads(text.replace("unavailable: [2027-02-25]", "unavailable: [2027-02-05]"))
    plan = studykit.plan_quarter(cur, "2027Q1")
    session = plan.session("theme-day-2027-02")                    # fixed: 1st Friday
    assert "liuyang" in session.excused
    there = [m for m in session.attendees]
    (tmp_path / "r.yaml").write_text(f"session: theme-day-2027-02\ndate: 2027-02-05\n"
                                     f"present: [{', '.join(there)}]\n", encoding="utf-8")
    record = load_record(tmp_path / "r.yaml", cur, {plan.quarter: plan})
    assert isinstance(record, Record)
    ctx = minutes_context(plan, session, record)
    assert (ctx["expected"], ctx["present_count"], ctx["absent_count"]) == (11, 10, 1)
    # on leave: when and why they were away is their own, and no ISO date is filed
    assert ctx["absent"] == [{"name": "刘洋", "reason": "请假"}]
    said = text_of(minutes_document(plan, session, record, Templates("zh-CN")))
    assert "刘洋（请假）" in said and "2027-02-05" not in said


# --- the minutes are of the branch as it was on the day --------------------------------------

OWN_CHANGES = ("    changes:\n      - {date: 2027-08-14, party: full}"
               "              # 8月13日支部党员大会通过，按期转正\n")
"""王芳's own dated change in the example: a full member from the assembly of August."""


def _centre(tmp_path: Path, edit: str = "") -> Path:
    """The example curriculum with ``edit`` added to 王芳 (probationary in the first
    quarter) in place of her own dated change, as a file beside a copy of its records."""
    text = (ROOT / "curricula" / "employment-centre.yaml").read_text(encoding="utf-8")
    if edit:
        assert OWN_CHANGES in text
        text = text.replace(OWN_CHANGES, "", 1)
    text = text.replace("    unavailable: [2027-03-08..2027-03-12]",
                        f"    unavailable: [2027-03-08..2027-03-12]\n{edit}", 1)
    path = tmp_path / "centre.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_later_dated_change_leaves_filed_minutes_as_they_were(tmp_path: Path) -> None:
    from studykit.app.workflows import write_minutes_of

    records = [ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml"]
    out = tmp_path / "out"
    write_minutes_of(_centre(tmp_path), records, out)
    minutes = out / "sessions" / "branch-assembly-2027q1" / "minutes.docx"
    before = minutes.read_bytes()
    # the assembly of 18 February approved her conversion: a full member from 1 March
    changed = _centre(tmp_path, "    changes: [{date: 2027-03-01, party: full}]")
    run = write_minutes_of(changed, records, out)
    assert minutes.read_bytes() == before and run.written.unchanged == [minutes]
    cur = studykit.load(changed)
    assert cur.as_of(date(2027, 2, 18)).member_by_id["wangfang"].party == "probationary"
    assert cur.as_of(date(2027, 3, 1)).member_by_id["wangfang"].party == "full"


def test_voters_are_those_entitled_on_the_day(tmp_path: Path) -> None:
    cur = studykit.load(_centre(tmp_path, "    changes: [{date: 2027-02-01, party: full}]"))
    plan = studykit.plan_quarter(cur, "2027Q1")
    assembly = plan.session("branch-assembly-2027q1")
    assert assembly.date >= date(2027, 2, 1)
    # 王芳 became a full member on 1 February: she votes at the assembly of 18 February
    assert entitled_voters(cur.as_of(assembly.date).member_by_id, assembly) == \
        [*FULL, "wangfang"]
    assert entitled_voters(cur.as_of(date(2027, 1, 31)).member_by_id, assembly) == FULL
    rec = load_record(ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml", cur,
                      {plan.quarter: plan})
    assert isinstance(rec, Record)
    (vote,) = minutes_context(plan, assembly, rec)["votes"]
    # present: eight of the nine full members (何敏 is ill) and 王芳
    assert (vote["entitled"], vote["voters_present"]) == (10, 9)


def test_filed_minutes_are_not_rewritten_by_an_undated_change(tmp_path: Path) -> None:
    from studykit.app.workflows import write_minutes_of

    source = ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml"
    record = tmp_path / "records" / source.name
    record.parent.mkdir()
    record.write_bytes(source.read_bytes())
    out = tmp_path / "out"
    write_minutes_of(_centre(tmp_path), [record], out)
    minutes = out / "sessions" / "branch-assembly-2027q1" / "minutes.docx"
    before = minutes.read_bytes()
    # the user makes 王芳 a full member by editing her standing instead of dating it
    edited = _centre(tmp_path).read_text(encoding="utf-8").replace(
        "  - id: wangfang\n    name: 王芳\n    role: window\n    party: probationary",
        "  - id: wangfang\n    name: 王芳\n    role: window\n    party: full", 1)
    assert "party: full\n    group: 第一党小组\n    levels: {policy: 2" in edited
    (tmp_path / "centre.yaml").write_text(edited, encoding="utf-8")
    with pytest.raises(studykit.UserError) as info:
        write_minutes_of(tmp_path / "centre.yaml", [record], out)
    said = info.value.text()
    assert "王芳现在是正式党员，2027年2月18日开会时是预备党员" in said
    assert "changes: [{date: 2027-03-01, party: full}]" in said and "--force" in said
    assert minutes.read_bytes() == before
    # a change of the record itself is the user's: the minutes follow it
    record.write_text(record.read_text(encoding="utf-8").replace(
        "summary: 支部党员要", "summary: 会议要求支部党员要"), encoding="utf-8")
    write_minutes_of(tmp_path / "centre.yaml", [record], out)
    assert minutes.read_bytes() != before
    # and --force rewrites what the curriculum now says
    record.write_bytes(source.read_bytes())
    write_minutes_of(_centre(tmp_path), [record], out, force=True)
    (tmp_path / "centre.yaml").write_text(edited, encoding="utf-8")
    with pytest.raises(studykit.UserError):
        write_minutes_of(tmp_path / "centre.yaml", [record], out)
    assert write_minutes_of(tmp_path / "centre.yaml", [record], out, force=True).written.written


def test_a_corrected_name_is_no_reason_to_refuse(tmp_path: Path) -> None:
    from studykit.app.workflows import write_minutes_of

    records = [ROOT / "curricula" / "records" / "committee-2027-01.yaml"]
    out = tmp_path / "out"
    write_minutes_of(_centre(tmp_path), records, out)
    path = tmp_path / "centre.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    name: 唐树", "    name: 唐澍"),
                    encoding="utf-8")
    run = write_minutes_of(path, records, out)
    assert run.written.written == [out / "sessions" / "committee-2027-01" / "minutes.docx"]


def test_a_second_record_of_a_session_is_one_error_in_minutes_and_report(tmp_path: Path) -> None:
    """A copied record that kept its session: the report is refused, naming the other;
    so are the minutes of either, alone or together, until one is gone."""
    from studykit.app.workflows import branch_ledger, write_minutes_of

    records = tmp_path / "records"
    records.mkdir()
    original = ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml"
    (records / "a.yaml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    (records / "b.yaml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    curriculum = ROOT / "curricula" / "employment-centre.yaml"
    with pytest.raises(studykit.InputError) as refused:
        branch_ledger(curriculum, records, 2027)
    (problem,) = refused.value.problems
    assert problem.message.key == "record.second"
    assert problem.path.endswith("b.yaml") and str(records / "a.yaml") in problem.text("en")
    # the copy alone, both, or the first while the copy is beside it: which is right is
    # the user's to say
    for given in ([records / "b.yaml"], [records / "a.yaml", records / "b.yaml"],
                  [records / "a.yaml"]):
        with pytest.raises(studykit.InputError) as info:
            write_minutes_of(curriculum, given, tmp_path / "out")
        assert [p.text("en") for p in info.value.problems] == [problem.text("en")]
        assert not (tmp_path / "out").exists()
    (records / "b.yaml").unlink()
    run = write_minutes_of(curriculum, [records / "a.yaml"], tmp_path / "out")
    assert run.written.written


# --- what is filed: titled with the branch; a meeting closes, a course ends with its summary ---

RECORDS = ROOT / "curricula" / "records"


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join([p.text for p in document.paragraphs] + [
        c.text for t in document.tables for row in t.rows for c in row.cells])


def lines_of(data: bytes) -> list[str]:
    """The document's paragraphs with text, in order."""
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]


def minutes_of(plan: studykit.Plan, path: Path, locale: str = "zh-CN") -> bytes:
    rec = load_record(path, plan.curriculum, {plan.quarter: plan})
    assert isinstance(rec, Record)
    return minutes_document(plan, plan.session(rec.session), rec, Templates(locale))


def test_a_party_lecture_is_recorded_with_the_branch_and_its_speaker(
        plan: studykit.Plan) -> None:
    cur = plan.curriculum
    course = cur.course_by_id["plenum-study"]
    lines = lines_of(minutes_of(plan, RECORDS / "plenum-study.yaml"))
    assert lines[0] == f"{cur.organization.name}\n{course.title}"
    assert lines[1] == "党课记录"
    assert course.speaker is not None
    assert f"主讲人：{cur.member_by_id[course.speaker].name}" in lines
    # a lecture is no meeting: it ends with its summary and the signatures
    assert not any("散会" in line for line in lines)
    summary = lines.index("学习小结")
    assert lines[summary + 1].startswith("全体党员要把学习全会精神") and \
        lines[summary + 2].startswith("主持人（签字）") and len(lines) == summary + 3


def test_a_skill_course_without_a_summary_leaves_lines_for_one(tmp_path: Path,
                                                               plan: studykit.Plan) -> None:
    source = (RECORDS / "window-communication.yaml").read_text(encoding="utf-8")
    path = tmp_path / "r.yaml"
    path.write_text(source.replace("summary: 把沟通技巧用到每一次窗口接待中。\n", ""),
                    encoding="utf-8")
    lines = lines_of(minutes_of(plan, path))
    speaker = plan.curriculum.course_by_id["window-communication"].speaker
    assert lines[1] == "技能培训记录" and f"主讲人：{speaker}" in lines
    summary = lines.index("学习小结")
    assert [re.fullmatch("＿{6,}", line) is not None for line in lines[summary + 1:]] == \
        [True, True, False]
    assert "散会" not in "".join(lines)


def test_committee_minutes_count_committee_members(plan: studykit.Plan) -> None:
    cur = plan.curriculum
    session = plan.session("committee-2027-01")
    members = sum(1 for m in cur.as_of(session.date).members if m.committee)
    rec = load_record(RECORDS / "committee-2027-01.yaml", cur, {plan.quarter: plan})
    assert isinstance(rec, Record)
    there = len(rec.attended)
    data = minutes_of(plan, RECORDS / "committee-2027-01.yaml")
    lines = lines_of(data)
    assert lines[0] == f"{cur.organization.name}\n2027年第1次支部委员会会议记录"
    assert f"出席情况：应到会支部委员{members}名，实到{there}名" in lines
    assert f"法定人数：应到会支部委员{members}名，实到{there}名，超过半数，符合规定人数。" in lines
    assert any("赞成票超过应到会支部委员的半数，通过" in line for line in lines)
    assert "有表决权的党员" not in text_of(data)
    assert lines[-2:] == ["散会。", "主持人（签字）：＿＿＿＿\t记录人（签字）：＿＿＿＿"]
    # the branch assembly counts the members entitled to vote
    assembly = text_of(minutes_of(plan, RECORDS / "branch-assembly-2027q1.yaml"))
    assert "应到会有表决权的党员9名" in assembly and "应到会支部委员" not in assembly


def test_english_minutes(tmp_path: Path) -> None:
    from studykit.reading.records import loads_record

    cur = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    plan = studykit.plan_quarter(cur, "2026Q4")
    committee = plan.sessions[[s.kind for s in plan.sessions].index("committee")]
    rec = loads_record(f"session: {committee.id}\ndate: {committee.date}\n"
                       "present: [alice-chen]\nvotes: [{motion: Adopt the plan, for: 1}]\n",
                       cur, {plan.quarter: plan})
    assert isinstance(rec, Record)
    lines = lines_of(minutes_document(plan, committee, rec, Templates("en")))
    assert lines[0] == f"{cur.organization.name}\nMinutes: October 2026 committee meeting (no. 10)"
    assert "Attendance: committee members expected 1, present 1" in lines
    assert "Quorum: 1 of the 1 committee members were present: a quorum." in lines
    assert "The meeting closed." in lines
    lecture = plan.session("service-party-lecture")
    rec = loads_record(f"session: {lecture.id}\ndate: {lecture.date}\n"
                       f"present: [{', '.join(lecture.attendees)}]\n", cur, {plan.quarter: plan})
    assert isinstance(rec, Record)
    lines = lines_of(minutes_document(plan, lecture, rec, Templates("en")))
    assert lines[:2] == [f"{cur.organization.name}\n{lecture.title}", "Party lecture — record"]
    assert "Speaker: Alice Chen" in lines and "The meeting closed." not in lines
    assert lines[lines.index("Summary and reflections") + 1].startswith("____")
