"""Record drafts (studykit/engine/drafts.py, studykit/render/drafts.py and
``studykit records draft``): what the plan knows about a session, pre-filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from studykit import loads
from studykit.app.cli import main
from studykit.domain.errors import InputError
from studykit.domain.models import Curriculum
from studykit.domain.records import Record
from studykit.domain.time import Quarter
from studykit.engine.drafts import attendance_lists, draft
from studykit.engine.planner import plan_quarter
from studykit.reading import yamlio
from studykit.reading.curriculum import load
from studykit.reading.records import check_records, loads_record
from studykit.render.drafts import draft_yaml

CENTRE = EXAMPLES / "employment-centre.yaml"


@pytest.fixture(scope="module")
def cur() -> Curriculum:
    return load(CENTRE)


def test_a_draft_knows_the_day_the_chair_and_who_is_expected(cur: Curriculum) -> None:
    plan = plan_quarter(cur, Quarter.parse("2027Q1"))
    session = plan.session("committee-2027-01")
    d = draft(cur, session)
    assert d.chair == "tangshu"
    assert [e.id for e in d.expected] == list(session.expected)
    assert {e.party for e in d.expected} <= {"full", "probationary"}
    data = d.record({"tangshu": "present", "chenjing": "late", "xuming": "leave",
                     "gaoyun": "absent"}, {"xuming": "出差"}, summary="好")
    assert data["present"] == ["tangshu"] and data["late"] == ["chenjing"]
    assert data["absent"] == {"xuming": "出差"} and data["unexcused"] == ["gaoyun"]
    assert data["venue"] == session.place and data["summary"] == "好"


def test_members_the_plan_knows_to_be_away_are_on_leave_with_its_reason() -> None:
    text = CENTRE.read_text(encoding="utf-8")
    assert "unavailable: [2027-02-25]" in text
    cur = loads(text.replace("unavailable: [2027-02-25]",
                             "unavailable: [2027-01-01..2027-03-31]"), str(CENTRE))
    plan = plan_quarter(cur, Quarter.parse("2027Q1"))
    away = next(s for s in plan.sessions if s.excused)
    d = draft(cur, away)
    member, reason = next(iter(away.excused.items()))
    assert d.record()["absent"][member] == reason


def test_attendance_lists_refuse_a_status_that_is_none() -> None:
    with pytest.raises(ValueError):
        attendance_lists({"a": "away"})
    assert attendance_lists({"a": "", "b": "present"})["present"] == ["b"]


def finished(text: str) -> str:
    """A draft as the secretary finishes it: the ``draft: true`` line deleted."""
    lines = text.splitlines(keepends=True)
    assert sum(line.startswith("draft: true") for line in lines) == 1
    return "".join(line for line in lines if not line.startswith("draft: true"))


def test_a_draft_counts_as_nothing_until_it_is_finished(cur: Curriculum) -> None:
    plan = plan_quarter(cur, Quarter.parse("2027Q1"))
    session = plan.session("committee-2027-01")
    text = draft_yaml(cur, draft(cur, session))
    with pytest.raises(InputError) as caught:
        loads_record(text, cur, {plan.quarter: plan})
    assert "删去 draft: true 这一行" in caught.value.text("zh-CN")
    doc = yamlio.parse(text, "committee-2027-01.yaml")
    records, problems = check_records([doc], cur, {plan.quarter: plan})
    assert records == [] and [p.message.key for p in problems] == ["record.draft"]


def test_a_finished_yaml_draft_is_a_record(cur: Curriculum) -> None:
    plan = plan_quarter(cur, Quarter.parse("2027Q1"))
    for session in plan.sessions:
        text = draft_yaml(cur, draft(cur, session))
        record = loads_record(finished(text), cur, {plan.quarter: plan})
        assert isinstance(record, Record) and record.session == session.id
        assert record.date == session.date
        names = {m.id: m.name for m in cur.members}
        assert all(f"{m}  # {names[m]}" in text for m in session.attendees)


def test_records_draft_writes_a_draft_per_session_and_replaces_none(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "records"
    out.mkdir()
    (out / "committee-2027-01.yaml").write_text("# 写了一半\n", encoding="utf-8")
    assert main(["records", "draft", str(CENTRE), "--quarter", "2027Q1",
                 "--out", str(out)]) == 0
    said = capsys.readouterr().out
    plan = plan_quarter(load(CENTRE), Quarter.parse("2027Q1"))
    assert sorted(p.stem for p in out.glob("*.yaml")) == sorted(s.id for s in plan.sessions)
    assert (out / "committee-2027-01.yaml").read_text(encoding="utf-8") == "# 写了一半\n"
    assert "已有，没有另写草稿" in said and f"已写出 {len(plan.sessions) - 1} 份记录草稿" in said


def test_records_draft_from_a_sign_in_export(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    signin = tmp_path / "签到.csv"
    signin.write_text("姓名,提交时间\n唐树,2027-01-06 14:50\n陈静,2027-01-06 15:05\n"
                      "周海燕,2027-01-06 14:58\n王方,2027-01-06 14:59\n", encoding="utf-8")
    out = tmp_path / "records"
    assert main(["records", "draft", str(CENTRE), "--quarter", "2027Q1", "--session",
                 "committee-2027-01", "--signin", str(signin), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    text = (out / "committee-2027-01.yaml").read_text(encoding="utf-8")
    cur = load(CENTRE)
    record = loads_record(finished(text), cur)
    assert isinstance(record, Record)
    assert record.present == ["tangshu", "zhouhaiyan"] and record.late == ["chenjing"]
    # who did not sign in is listed for the secretary, not guessed
    assert "#   xuming  # 徐明" in text and "#   gaoyun  # 高云" in text
    assert "王方" in err and "王芳" in err


def test_records_draft_says_what_is_wrong(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["records", "draft", str(CENTRE), "--quarter", "2027Q1", "--session",
                 "committee-2027-1", "--out", str(tmp_path)]) == 1
    assert "是不是 'committee-2027-01'" in capsys.readouterr().err
    assert main(["records", "draft", str(CENTRE), "--quarter", "2027Q1", "--signin",
                 str(tmp_path / "x.csv"), "--out", str(tmp_path)]) == 1
    assert "--signin 要和 --session 一起用" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_no_draft_for_a_session_recorded_already(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "records"
    out.mkdir()
    (out / "minutes-of-january.yaml").write_text(
        (EXAMPLES / "records" / "committee-2027-01.yaml").read_text(encoding="utf-8"),
        encoding="utf-8")
    assert main(["records", "draft", str(CENTRE), "--quarter", "2027Q1", "--session",
                 "committee-2027-01", "--out", str(out)]) == 0
    assert "minutes-of-january.yaml" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["minutes-of-january.yaml"]


def test_a_sign_in_without_its_columns_writes_no_draft(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    signin = tmp_path / "签到.csv"
    signin.write_text("a,b\n唐树,14:50\n", encoding="utf-8")
    out = tmp_path / "records"
    assert main(["records", "draft", str(CENTRE), "--quarter", "2027Q1", "--session",
                 "committee-2027-01", "--signin", str(signin), "--out", str(out)]) == 1
    assert "姓名" in capsys.readouterr().err and not out.exists()


def test_attendance_is_read_in_the_words_people_choose() -> None:
    from studykit.engine.drafts import attendance_of, attendance_words

    assert list(attendance_words("zh-CN")) == ["出席", "迟到", "请假", "缺席"]
    assert [attendance_of("en", w) for w in ("present", "on leave", "请假", "absent", "x")] \
        == ["present", "leave", "leave", "absent", None]
