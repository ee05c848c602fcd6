"""The record form: it starts from the plan, says what is missing in the curriculum's
language, and gives the record the YAML would hold; the widgets only read and set it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import studykit
from studykit.domain.errors import UserError
from studykit.domain.records import Record
from studykit.engine.drafts import Draft, Expected, attendance_of, draft
from studykit.reading.names import curriculum_labels
from studykit.show.forms import (
    Entry,
    Filed,
    RecordForm,
    entry_for,
    entry_problems,
    entry_record,
    member_of,
)
from studykit.words import Message, msg

ROOT = Path(__file__).resolve().parent.parent
NURSING = ROOT / "tests" / "data" / "branches" / "nursing-evaluation.yaml"


@pytest.fixture(scope="module")
def nursing() -> tuple[studykit.Curriculum, list[Draft]]:
    cur = studykit.load(NURSING)
    plan = studykit.year_plans(cur, [2027])[studykit.Quarter(2027, 1)]
    return cur, [draft(cur, s) for s in plan.sessions]


def of(drafts: list[Draft], session: str) -> Draft:
    return next(d for d in drafts if d.session.id == session)


def said(problems: list[Any]) -> list[str]:
    return [p.text("zh-CN") for p in problems]


def test_an_entry_starts_from_the_plan(nursing: tuple[studykit.Curriculum, list[Draft]]) -> None:
    _, drafts = nursing
    d = of(drafts, "committee-2027-01")
    entry = entry_for(d)
    assert entry.statuses == {"lihong": "present", "wangli": "present", "zhangmin": "present"}
    assert entry.chair == "lihong" and entry.topics == list(d.session.agenda)
    assert entry_problems(d, entry) == []
    # someone the plan excused (away that day) starts on leave, with the plan's reason
    away = Expected("fengjie", "冯洁", "full", "外出进修")
    start = entry_for(dataclasses.replace(d, expected=(*d.expected, away)))
    assert start.statuses["fengjie"] == "leave" and start.reasons == {"fengjie": "外出进修"}


def test_what_is_missing_is_said_naming_the_member(
        nursing: tuple[studykit.Curriculum, list[Draft]]) -> None:
    _, drafts = nursing
    d = of(drafts, "committee-2027-01")
    entry = Entry(d.session.id, {"lihong": "leave", "wangli": "", "zhangmin": "busy",
                                 "nobody": "present"},
                  {"lihong": "  "}, votes=(3, 0, 0), task="联系社区")
    assert said(entry_problems(d, entry)) == [
        "本次活动的应到人员中没有「nobody」（已有：李红, 王丽, 张敏）",
        "李红请假，请写明原因",
        "王丽的出勤情况没有填写",
        "张敏的出勤情况「busy」不是 出席/迟到/请假/缺席 之一",
        "填写了表决票数，请写明表决事项",
        "落实事项「联系社区」请选择责任人"]
    assert said(entry_problems(d, Entry(d.session.id, dict(entry_for(d).statuses),
                                        due=date(2027, 2, 1)))) == [
        "选择了落实事项的责任人或期限，请写明事项"]


def test_the_record_holds_each_status_in_its_list(
        nursing: tuple[studykit.Curriculum, list[Draft]]) -> None:
    _, drafts = nursing
    d = of(drafts, "committee-2027-01")
    entry = Entry(d.session.id, {"lihong": "present", "wangli": "late", "zhangmin": "leave"},
                  {"zhangmin": " 外出培训 ", "wangli": "堵车"}, chair="lihong", recorder="zhangmin",
                  topics=["研究工作\n部署任务", ""], decisions=["决定一"], summary=" 小结。 ",
                  motion="同意", votes=(2, 0, 0), task="联系社区", owner="wangli",
                  due=date(2027, 1, 20))
    data = entry_record(d, entry)
    assert data == {
        "session": "committee-2027-01", "date": d.session.date,
        "start": f"{d.session.start:%H:%M}", "end": f"{d.session.end:%H:%M}",
        "venue": d.session.place, "chair": "lihong", "recorder": "zhangmin",
        "present": ["lihong"], "late": ["wangli"], "absent": {"zhangmin": "外出培训"},
        "topics": ["研究工作", "部署任务"], "decisions": ["决定一"], "summary": "小结。",
        "votes": [{"motion": "同意", "for": 2, "against": 0, "abstain": 0}],
        "actions": [{"task": "联系社区", "owner": "wangli", "due": date(2027, 1, 20)}]}
    # absent without leave (缺席) is unexcused, with no reason kept
    entry.statuses["zhangmin"] = "absent"
    data = entry_record(d, entry)
    assert data["unexcused"] == ["zhangmin"] and "absent" not in data
    assert Record.model_validate(data).absences == {"zhangmin": None}


def test_members_and_statuses_are_named_as_people_say_them(
        nursing: tuple[studykit.Curriculum, list[Draft]]) -> None:
    cur, drafts = nursing
    d = of(drafts, "committee-2027-01")
    labels = curriculum_labels(cur)
    assert member_of(d, "李红", labels, "zh-CN") == member_of(d, "lihong", labels, "zh-CN") \
        == member_of(d, "李 红同志", labels, "zh-CN") == "lihong"
    # not on the committee: no member the form can name
    assert isinstance(member_of(d, "刘静", labels, "zh-CN"), Message)
    assert [attendance_of("zh-CN", s) for s in ("出席", "迟到", "请假", "缺席", "leave", "x")] == \
        ["present", "late", "leave", "absent", "leave", None]
    assert attendance_of("en", "on leave") == "leave"


class Clerk:
    """A filer that keeps what it was given, or refuses as the minutes would."""

    def __init__(self, cur: studykit.Curriculum, refuse: str | None = None) -> None:
        self.cur, self.refuse, self.given = cur, refuse, []  # type: ignore[var-annotated]

    def __call__(self, d: Draft, data: Mapping[str, Any]) -> Filed:
        if self.refuse:
            raise UserError(msg("form.file_exists", path=self.refuse), "zh-CN")
        self.given.append(dict(data))
        return Filed(Path(f"/records/{data['session']}.yaml"), Record.model_validate(data),
                     (Path(f"/out/sessions/{data['session']}/minutes.docx"),))


def test_the_form_fills_and_files_what_a_user_would(
        nursing: tuple[studykit.Curriculum, list[Draft]]) -> None:
    cur, drafts = nursing
    clerk = Clerk(cur)
    form = RecordForm(cur, drafts, clerk, held={"committee-2027-01": "records/c.yaml"})
    # the first session not recorded is the one shown; the recorded one says so
    assert form.session.value == drafts[1].session.id
    assert dict((v, k) for k, v in form.session.options)["committee-2027-01"].endswith(
        "（已有记录）")
    form.fill(session="2月支部委员会会议", statuses={"王丽": "请假", "张敏": "迟到"},
              reasons={"王丽": "外出培训"}, decisions="按计划落实。", recorder="张敏",
              motion="同意", votes=(2, 0, 0), task="联系社区", owner="李红",
              due="2027-02-20")
    assert form.session.value == "committee-2027-02"
    assert [row.children[0].value for row in form.members.children] == [
        "李红（正式党员）", "王丽（正式党员）", "张敏（正式党员）"]
    outcome = form.submit()
    assert outcome.saved, outcome
    (data,) = clerk.given
    assert data["present"] == ["lihong"] and data["late"] == ["zhangmin"]
    assert data["absent"] == {"wangli": "外出培训"} and data["recorder"] == "zhangmin"
    assert data["actions"] == [{"task": "联系社区", "owner": "lihong", "due": date(2027, 2, 20)}]
    assert str(outcome).splitlines() == [
        "已保存记录 /records/committee-2027-02.yaml",
        "会议记录：/out/sessions/committee-2027-02/minutes.docx"]
    html = outcome._repr_html_()
    assert "<td>迟到</td><td>张敏</td>" in html and "王丽（外出培训）" in html
    # saved once: the session now says it is recorded, and a second save is refused
    assert form.session.label.endswith("（已有记录）")
    again = form.submit()
    assert not again.saved and "已有记录 /records/committee-2027-02.yaml，不会覆盖" in str(again)
    assert len(clerk.given) == 1


def test_what_cannot_be_filled_in_is_said_and_nothing_filed(
        nursing: tuple[studykit.Curriculum, list[Draft]]) -> None:
    cur, drafts = nursing
    clerk = Clerk(cur)
    form = RecordForm(cur, drafts, clerk, session="committee-2027-01")
    form.fill(statuses={"王五": "出席", "李红": "出差", "王丽": "请假"}, colour="red",
              due="下周", votes=(5, 0))
    outcome = form.submit()
    assert not outcome.saved and clerk.given == []
    assert str(outcome).splitlines() == [
        "没有保存，请先改正：",
        "  表单中没有「colour」这一项（可以填写：chair, recorder, topics, decisions, summary, "
        "motion, votes, task, owner, due）",
        "  期限「下周」不是日期，请写成 2027-03-12 这样",
        "  票数「(5, 0)」应是赞成、反对、弃权三个数，如 (5, 0, 0)",
        "  本次活动的应到人员中没有「王五」（是不是 '王丽'？）",
        "  李红的出勤情况「出差」不是 出席/迟到/请假/缺席 之一",
        "  王丽请假，请写明原因"]
    assert "<li>王丽请假，请写明原因</li>" in outcome._repr_html_()
    form.fill(session="no-such-meeting")
    assert "本季度计划中没有活动「no-such-meeting」" in str(form.submit())
    # what the filer refuses (a file in the way…) is said too, not raised
    refused = RecordForm(cur, drafts, Clerk(cur, refuse="records/x.yaml")).submit()
    assert str(refused).splitlines() == ["没有保存，请先改正：",
                                         "  文件 records/x.yaml 已经存在，不会覆盖"]


def test_the_button_shows_the_outcome_in_the_form(
        nursing: tuple[studykit.Curriculum, list[Draft]]) -> None:
    cur, drafts = nursing
    clerk = Clerk(cur)
    form = RecordForm(cur, drafts, clerk, session="committee-2027-01")
    form.save.click()
    assert len(clerk.given) == 1
    (shown,) = form.output.outputs
    assert "已保存记录" in shown["data"]["text/html"]
    # where widgets cannot show, a line of text, not the widgets' repr
    assert repr(form) == "填写会议记录：2027年1月5日 1月支部委员会会议（应到3人）"
    assert form._repr_mimebundle_()["text/plain"] == repr(form)


def test_an_english_curriculum_gets_an_english_form() -> None:
    cur = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    plan = studykit.plan_quarter(cur, "2026Q4")
    form = RecordForm(cur, [draft(cur, s) for s in plan.sessions], Clerk(cur))
    assert form.save.description == "Save the record and write the minutes"
    assert [o[0] for o in form._rows[next(iter(form._rows))][0].options] == [
        "present", "late", "on leave", "absent"]
    first = form.draft.expected[0]
    form.fill(statuses={first.name: "on leave"})
    assert str(form.submit()).splitlines()[1] == f"  {first.name} is on leave: say why"
