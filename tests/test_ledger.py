"""The ledger, on a small branch whose figures are worked out by hand in the comments."""

from __future__ import annotations

import io
import json
import time
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import check_filed_sheets

import studykit
from studykit.engine.ledger import Ledger, followups
from studykit.reading.records import read_ledger
from studykit.render.docxtemplate import Templates
from studykit.render.report import ledger_json, ledger_tables, ledger_xlsx, report_docx

CURRICULUM = """\
studykit: 1
organization: {name: 测试支部, venues: {会议室: 20}}
competencies: {x: 政策}
roles: {r: {name: 窗口, requires: {x: 3}}}
members:
  - {id: a, name: 甲, role: r, party: full, committee: secretary, group: 一组, levels: {x: 1}}
  - {id: b, name: 乙, role: r, party: full, committee: member, group: 一组, levels: {x: 3}}
  - {id: c, name: 丙, role: r, party: probationary, group: 二组, levels: {x: 2}}
  - {id: d, name: 丁, role: r, party: full, group: 二组, levels: {x: 3}}
  - {id: e, name: 戊, role: r, party: none, levels: {x: 3}}
courses:
  - {id: lec, title: 政策讲座, kind: lecture, hours: 2, audience: all, builds: {x: 1},
     quarters: [1, 2, 3, 4]}
  - {id: pl, title: 党课, kind: party-lecture, hours: 2, quarters: [1, 2, 3, 4]}
rules: {hours: {party: 8, committee: 12}, makeup-days: 10}
"""

RECORDS = {
    # a, b, c present, d late (counts), e absent: make-up due 2026-04-24
    "lec.yaml": "session: lec\ndate: 2026-04-14\npresent: [a, b, c]\nlate: [d]\n"
                "absent: {e: 病假}\n",
    # c absent, made up on 2026-04-20 (below)
    "pl.yaml": "session: pl\ndate: 2026-04-16\npresent: [a, b, d]\nabsent: {c: 出差}\n",
    # entitled: the full members a, b, d; only a is there: no quorum for the vote
    "assembly.yaml": "session: branch-assembly-2026q2\ndate: 2026-06-25\npresent: [a, c]\n"
                     "absent: {b: 病假, d: 事假}\n"
                     "votes: [{motion: 表决事项, for: 1, against: 0, abstain: 0}]\n",
    "committee-04.yaml": "session: committee-2026-04\ndate: 2026-04-08\npresent: [a, b]\n"
                         "actions: [{task: 整理台账, owner: b, due: 2026-04-20}]\n",
    # 1 of 2 committee members: no quorum; closes the April task
    "committee-05.yaml": "session: committee-2026-05\ndate: 2026-05-08\npresent: [a]\n"
                         "absent: {b: 病假}\ndone: [committee-2026-04/1]\n"
                         "votes: [{motion: 另一事项, for: 1, against: 0, abstain: 0}]\n"
                         "actions: [{task: 筹备党员大会, owner: a, due: 2026-05-30}]\n",
    "makeup.yaml": "makeup: [{member: c, session: pl, date: 2026-04-20, how: 自学}]\n",
}


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    cur = studykit.loads(CURRICULUM, "branch.yaml")
    for name, text in RECORDS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return read_ledger(cur, sorted(tmp_path.glob("*.yaml")), quarter=studykit.Quarter(2026, 2))


def test_hours_count_present_late_and_made_up(ledger: Ledger) -> None:
    hours = {h.member: h for h in ledger.hours}
    # a: lecture 2 + party lecture 2 + assembly 2 (committee meetings are not study) = 6
    # b: 2 + 2; c: lecture 2 + assembly 2 + party lecture made up 2; d: late counts: 2 + 2
    assert {m: h.year for m, h in hours.items()} == {"a": 6, "b": 4, "c": 6, "d": 4, "e": 0}
    assert hours["a"].by_kind == {"lecture": 2, "party-lecture": 2, "branch-assembly": 2}
    assert ledger.as_of == date(2026, 6, 30)


def test_floors_pro_rata(ledger: Ledger) -> None:
    hours = {h.member: h for h in ledger.hours}
    # half the year has passed: committee 12 → pace 6; party 8 → pace 4
    assert (hours["a"].floor, hours["a"].pace, hours["a"].status, hours["a"].needed) == \
        (12, 6, "on track", 6)
    assert (hours["b"].status, hours["b"].needed) == ("behind", 8)
    assert (hours["c"].floor, hours["c"].status, hours["c"].needed) == (8, "on track", 2)
    assert hours["d"].status == "on track"
    assert hours["e"].floor is None and hours["e"].status is None
    # b's planned sessions after 2026-06-30 cover the 8 hours still needed
    assert sum(n for _, _, n, _ in hours["b"].upcoming) >= 8
    assert all(d > date(2026, 6, 30) for _, d, _, _ in hours["b"].upcoming)


def test_meetings_held_against_the_minima(ledger: Ledger) -> None:
    held = {(m.kind, m.period, m.group): len(m.held) for m in ledger.meetings}
    assert held["branch-assembly", "2026Q2", None] == 1
    assert held["party-lecture", "2026Q2", None] == 1
    assert [held["committee", f"2026-0{m}", None] for m in (4, 5, 6)] == [1, 1, 0]
    missing = {(m.kind, m.period, m.group) for m in ledger.meetings if m.missing}
    assert ("committee", "2026-06", None) in missing
    assert {("group", f"2026-0{m}", g) for m in (4, 5, 6) for g in ("一组", "二组")} <= missing
    assert {("theme-day", f"2026-0{m}", None) for m in (4, 5, 6)} <= missing
    assert len(missing) == 1 + 6 + 3


def test_quorum_and_votes(ledger: Ledger) -> None:
    assert [(q.session, q.entitled, q.present, q.quorum) for q in ledger.quorum] == [
        ("committee-2026-04", 2, 2, True), ("committee-2026-05", 2, 1, False),
        ("branch-assembly-2026q2", 3, 1, False)]
    assert [(v.session, v.flag) for v in ledger.votes] == [
        ("committee-2026-05", "no quorum"), ("branch-assembly-2026q2", "no quorum")]


def test_make_up_items(ledger: Ledger) -> None:
    items = {(m.member, m.session): m for m in ledger.makeup}
    assert set(items) == {("e", "lec"), ("c", "pl"), ("b", "branch-assembly-2026q2"),
                          ("d", "branch-assembly-2026q2")}
    assert items["e", "lec"].due == date(2026, 4, 24)
    assert items["e", "lec"].status == "overdue"                  # due before 2026-06-30
    assert (items["c", "pl"].status, items["c", "pl"].done) == ("done", date(2026, 4, 20))
    assert items["b", "branch-assembly-2026q2"].status == "open"  # due 2026-07-05
    assert ledger.attendance["2026Q2/pl"]["c"] == "made up"
    assert ledger.attendance["2026Q2/lec"]["d"] == "late"


def test_actions_and_follow_ups(ledger: Ledger) -> None:
    actions = {a.ref: a for a in ledger.actions}
    assert (actions["committee-2026-04/1"].status,
            actions["committee-2026-04/1"].done_in) == ("done", "committee-2026-05")
    assert actions["committee-2026-05/1"].status == "overdue"     # due 2026-05-30
    plan = studykit.plan_quarter(ledger.curriculum, "2026Q2")
    june = plan.session("committee-2026-06")
    assert [f["task"] for f in followups(ledger.actions, june, june.date,
                                         ledger.curriculum)] == ["筹备党员大会"]
    may = plan.session("committee-2026-05")       # closed at this very meeting: shown done
    rows = followups(ledger.actions, may, date(2026, 5, 8), ledger.curriculum)
    assert [(r["task"], r["status"]) for r in rows] == [("整理台账", "已完成")]


def test_competencies_reached(ledger: Ledger) -> None:
    growth = {(g.member, g.competency): g for g in ledger.growth}
    assert (growth["a", "x"].before, growth["a", "x"].after, growth["a", "x"].remaining) == \
        (1, 2, 1)                                       # the lecture builds 1 level
    assert growth["c", "x"].after == 3 and growth["c", "x"].remaining == 0
    assert ledger.uncovered == {"x": ["a"]}


def test_records_that_disagree_are_reported_not_dropped(tmp_path: Path) -> None:
    cur = studykit.loads(CURRICULUM, "branch.yaml")
    (tmp_path / "lec.yaml").write_text(RECORDS["lec.yaml"].replace("[a, b, c]", "[a, b, c, zz]"),
                                       encoding="utf-8")
    (tmp_path / "old.yaml").write_text("session: gone-course\ndate: 2026-05-05\npresent: [a]\n",
                                       encoding="utf-8")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")))
    messages = [p.text("en") for p in ledger.problems]
    assert any(m.startswith(f"{tmp_path / 'lec.yaml'}:3:20: present[3]: unknown member 'zz'")
               for m in messages)
    assert any(f"{tmp_path / 'old.yaml'}:1:10: session: no session 'gone-course'" in m
               for m in messages)
    hours = {h.member: h.year for h in ledger.hours}
    assert hours["a"] == 2                 # the lecture still counts; the unknown session not


def test_report_documents_read_back(ledger: Ledger) -> None:
    document = docx.Document(io.BytesIO(report_docx(ledger, Templates("zh-CN"))))
    head = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert head[0][:2] == ["党支部", "测试支部"]
    assert head[1][:2] == ["统计期间", "2026年4月1日至2026年6月30日"]
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert rows[0] == ["姓名", "类别", "年度要求", "本年", "本季度", "状态", "尚差"]
    assert rows[2] == ["乙", "正式党员", "12", "4", "4", "滞后", "8"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "测试支部2026年第二季度学习教育台账" in text and "统计截至2026年6月30日" in text
    assert "制表人" in text and "审核人" in text and "党支部（盖章）" in text
    assert "不一致" not in text                   # the secretary's list stays off the page

    book = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(ledger)))
    assert book.sheetnames[0] == "出勤"
    check_filed_sheets(book, "测试支部2026年第二季度学习教育台账", "统计截至2026年6月30日",
                       "测试支部")
    grid = list(book["出勤"].iter_rows(min_row=3, values_only=True))
    header = grid[0]
    assert header[0] == "姓名"
    # a session's column: its day in words over its title (broken into lines to print)
    lec = header.index(next(h for h in header if h and "政策讲座" in h.replace("\n", "")))
    assert header[lec].startswith("4月14日\n")
    assert [row[lec] for row in grid[1:6]] == ["✓", "✓", "✓", "迟", "缺"]
    hours = list(book["学时完成情况"].iter_rows(min_row=4, values_only=True))
    assert hours[0][:4] == ("甲", "正式党员", 12, 6)
    first = ledger_xlsx(ledger)
    time.sleep(1.1)                  # openpyxl stamps "modified" with the time, to the second
    assert ledger_xlsx(ledger) == first                              # byte-identical


def test_the_attendance_sheet_totals_each_member_and_each_session(ledger: Ledger) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(ledger)))["出勤"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    header, body, totals = rows[0], rows[1:-2], rows[-2:]
    n = len(ledger.held)
    assert [h.replace("\n", "") for h in header[n + 1:]] == ["出席次数", "缺席次数", "补学次数",
                                                            "本年学时"]
    # by hand: 丙 at the lecture and the assembly, absent from the party lecture and made it
    # up (6 hours, as the hours table counts); 戊 absent from the lecture, not made up
    by_name = {r[0]: r[n + 1:] for r in body}
    assert by_name["丙"] == (2, 1, 1, 6) and by_name["戊"] == (0, 1, 0, 0)
    # everyone: names, never ids; counted from the records; hours from the ledger's table
    names = {m.id: m.name for m in ledger.curriculum.members}
    assert [r[0] for r in body] == [names[h.member] for h in ledger.hours]
    for row, h in zip(body, ledger.hours, strict=True):
        attended = sum(h.member in held.record.attended for held in ledger.held)
        absent = sum(h.member in held.record.absent for held in ledger.held)
        made_up = sum(1 for m in ledger.makeup if m.member == h.member and m.done)
        assert row[n + 1:] == (attended, absent, made_up, h.year), row[0]
    # per session: expected (everyone marked) and there (present or late)
    assert [totals[0][0], totals[1][0]] == ["应到", "实到"]
    assert list(totals[0][1:n + 1]) == [
        len({*held.record.present, *held.record.late, *held.record.absent})
        for held in ledger.held]
    assert list(totals[1][1:n + 1]) == [len(held.record.attended) for held in ledger.held]


def test_a_late_make_up_is_told_apart_in_the_workbook(tmp_path: Path) -> None:
    cur = studykit.loads(CURRICULUM, "branch.yaml")
    records = {**RECORDS, "late.yaml": "makeup: [{member: e, session: lec, date: 2026-05-02, "
                                       "how: 观看录像}]\n"}      # due 2026-04-24
    for name, text in records.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")), quarter=studykit.Quarter(2026, 2))
    book = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(ledger)))
    makeup = {(r[0], r[1]): r for r in book["补学情况"].iter_rows(min_row=4, values_only=True)}
    assert makeup["戊", "政策讲座"][5] == "已完成（逾期后补学）"
    assert makeup["丙", "党课"][5] == "已完成"                      # on time
    grid = list(book["出勤"].iter_rows(min_row=3, values_only=True))
    lec = next(i for i, h in enumerate(grid[0]) if "政策讲座" in h.replace("\n", ""))
    assert next(r for r in grid if r[0] == "戊")[lec] == "补"


def test_json(ledger: Ledger) -> None:
    import json

    data = json.loads(ledger_json(ledger))
    assert data["quarter"] == "2026Q2" and data["as_of"] == "2026-06-30"
    assert {h["member"]: h["year"] for h in data["hours"]}["c"] == 6
    assert [v["flag"] for v in data["votes"]] == ["no quorum", "no quorum"]
    assert sorted(m["status"] for m in data["makeup"]) == ["done", "open", "open", "overdue"]
    assert {t.key for t in ledger_tables(ledger)} >= {"hours", "meetings", "makeup"}


def test_a_make_up_closes_one_absence_the_latest_before_it(tmp_path: Path) -> None:
    # `lec` is planned in every quarter; e misses it in February and in April, and makes
    # up once, in April: that closes April's absence only, and credits 2 hours once.
    cur = studykit.loads(CURRICULUM, "branch.yaml")
    records = {
        "lec-q1.yaml": "session: lec\ndate: 2026-02-10\npresent: [a, b, c, d]\n"
                       "absent: {e: 病假}\n",
        "lec-q2.yaml": RECORDS["lec.yaml"],
        "makeup.yaml": "makeup: [{member: e, session: lec, date: 2026-04-20}]\n",
    }
    for name, text in records.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")), quarter=studykit.Quarter(2026, 2))
    items = sorted((m.held, m.status) for m in ledger.makeup if m.member == "e")
    assert items == [(date(2026, 2, 10), "overdue"), (date(2026, 4, 14), "done")]
    assert {h.member: h.year for h in ledger.hours}["e"] == 2


def test_a_second_record_of_a_session_is_reported_and_counted_once(tmp_path: Path) -> None:
    cur = studykit.loads(CURRICULUM, "branch.yaml")
    (tmp_path / "lec.yaml").write_text(RECORDS["lec.yaml"], encoding="utf-8")
    (tmp_path / "lec-copy.yaml").write_text(RECORDS["lec.yaml"], encoding="utf-8")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")))
    assert {h.member: h.year for h in ledger.hours}["a"] == 2
    (problem,) = ledger.problems
    said = problem.message.text("en")
    assert problem.path.endswith("/lec.yaml") and problem.key == "session"
    assert "session 'lec' already has a record" in said and "lec-copy.yaml" in said


def test_an_action_closes_at_the_first_meeting_after_it(tmp_path: Path) -> None:
    # `pl` is planned every quarter: its action of Q2 is not closed by a Q1 `done`
    cur = studykit.loads(CURRICULUM, "branch.yaml")
    records = {
        "pl-q1.yaml": "session: pl\ndate: 2026-02-12\npresent: [a, b, c, d]\n"
                      "actions: [{task: 一, owner: a, due: 2026-03-01}]\n",
        "c-q1.yaml": "session: committee-2026-02\ndate: 2026-02-20\npresent: [a, b]\n"
                     "done: [pl/1]\n",
        "pl-q2.yaml": "session: pl\ndate: 2026-04-16\npresent: [a, b, c, d]\n"
                      "actions: [{task: 二, owner: a, due: 2026-05-01}]\n",
        "c-q2.yaml": "session: committee-2026-05\ndate: 2026-05-08\npresent: [a, b]\n"
                     "done: [pl/1]\n",
    }
    for name, text in records.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")), quarter=studykit.Quarter(2026, 2))
    assert [(a.task, a.done_in, a.done_on) for a in ledger.actions] == [
        ("一", "committee-2026-02", date(2026, 2, 20)),
        ("二", "committee-2026-05", date(2026, 5, 8))]


def test_a_quarter_of_another_year_is_refused(ledger: Ledger) -> None:
    with pytest.raises(studykit.UserError, match=r"不在.*年内"):
        read_ledger(ledger.curriculum, [], 2025, studykit.Quarter(2026, 2))


# --- members who join or leave during the year -------------------------------------------------

def test_floors_are_pro_rata_to_the_time_in_the_branch() -> None:
    # 己 joins on 1 July (floor 8: half of it, 4, due by the year's end; by the end of Q3 a
    # quarter of 8 = 2); 庚 leaves on 31 March (a quarter: 2); 辛 becomes a committee member
    # on 1 April (the committee's floor, 12)
    cur = studykit.loads(CURRICULUM.replace("courses:", """\
  - {id: f, name: 己, role: r, party: full, group: 一组, joined: 2026-07-01}
  - {id: g, name: 庚, role: r, party: full, group: 一组, left: 2026-03-31}
  - {id: h, name: 辛, role: r, party: full, group: 二组,
     changes: [{date: 2026-04-01, committee: member}]}
courses:""", 1))
    plans = studykit.year_plans(cur, [2026])
    q2 = studykit.build_ledger(cur, plans, [], 2026, studykit.Quarter(2026, 2))
    hours = {h.member: h for h in q2.hours}
    assert "f" not in hours                          # not in the branch yet
    assert (hours["g"].floor, hours["g"].pace) == (2, 2)
    assert (hours["h"].floor, hours["h"].pace) == (12, 6)
    q3 = studykit.build_ledger(cur, plans, [], 2026, studykit.Quarter(2026, 3))
    hours = {h.member: h for h in q3.hours}
    assert (hours["f"].floor, hours["f"].pace, hours["f"].needed) == (4, 2, 4)
    for s in (s for plan in plans.values() for s in plan.sessions):
        assert "f" not in s.expected or s.date >= date(2026, 7, 1)
        assert "g" not in s.expected or s.date <= date(2026, 3, 31)


def test_what_december_leaves_open_is_carried_into_january(tmp_path: Path) -> None:
    # the committee of December 2026 decides an action due in January; 丙 misses the party
    # lecture of 15 December (make-up due within 10 days: 25 December, so overdue)
    cur = studykit.loads(CURRICULUM)
    plans = studykit.year_plans(cur, [2026, 2027])
    dec = plans[studykit.Quarter(2026, 4)]
    committee = dec.session("committee-2026-12")
    lecture = next(s for s in dec.sessions if s.course == "pl")
    (tmp_path / "c.yaml").write_text(
        f"session: committee-2026-12\ndate: {committee.date}\npresent: [a, b]\n"
        "actions: [{task: 准备年度总结, owner: b, due: 2027-01-20}]\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(
        f"session: {lecture.id}\ndate: {lecture.date}\npresent: [a, b, d]\n"
        "absent: {c: 出差}\n", encoding="utf-8")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")), 2027)
    (action,) = ledger.actions
    # the ledger of 2027 runs to 31 March (no record of 2027 yet): due 20 January, overdue
    assert (action.task, action.carried, action.status) == ("准备年度总结", True, "overdue")
    owed = [m for m in ledger.makeup if m.member == "c"]
    assert [(m.session, m.carried) for m in owed] == [(lecture.id, True)]
    assert ledger.held == ()                              # nothing held in 2027 yet
    # January's first committee meeting follows the action up
    january = plans[studykit.Quarter(2027, 1)].session("committee-2027-01")
    (row,) = followups(ledger.actions, january, january.date, cur)
    assert row["task"] == "准备年度总结"
    rows = {t.key: t.rows for t in ledger_tables(ledger)}
    assert rows["actions"][0][4] == "已逾期（上年结转）"
    assert json.loads(ledger_json(ledger))["actions"][0]["carried"] is True
    # closed in January, it is done; the year after, it is gone
    (tmp_path / "j.yaml").write_text(
        f"session: committee-2027-01\ndate: {january.date}\npresent: [a, b]\n"
        "done: [committee-2026-12/1]\n", encoding="utf-8")
    (action,) = read_ledger(cur, sorted(tmp_path.glob("*.yaml")), 2027).actions
    assert action.status == "done" and action.done_in == "committee-2027-01"


def test_the_hours_table_shows_each_standing_at_the_end_of_the_period() -> None:
    # 丙 is probationary, and a full member from 1 May
    cur = studykit.loads(CURRICULUM.replace(
        "  - {id: c, name: 丙, role: r, party: probationary, group: 二组, levels: {x: 2}}",
        "  - {id: c, name: 丙, role: r, party: probationary, group: 二组, levels: {x: 2},\n"
        "     changes: [{date: 2026-05-01, party: full}]}"))
    plans = studykit.year_plans(cur, [2026])
    for quarter, standing in ((1, "预备党员"), (2, "正式党员")):
        ledger = studykit.build_ledger(cur, plans, [], 2026, studykit.Quarter(2026, quarter))
        (hours,) = [t for t in ledger_tables(ledger) if t.key == "hours"]
        (row,) = [r for r in hours.rows if r[0] == "丙"]
        assert row[1] == standing


def test_at_the_year_end_a_member_behind_has_not_met_the_floor(ledger: Ledger) -> None:
    from studykit.engine.ledger import build_ledger

    def said(led: Ledger) -> dict[str, str]:
        (hours,) = [t for t in ledger_tables(led) if t.key == "hours"]
        return {str(row[0]): str(row[5]) for row in hours.rows}

    # by the end of June b has 4 of the 12 hours owed a year: behind the pace of 6
    assert said(ledger)["乙"] == "滞后"
    year = build_ledger(ledger.curriculum, ledger.plans, [h.record for h in ledger.held],
                        2026, whole_year=True)
    assert year.as_of == date(2026, 12, 31) and said(year)["乙"] == "未达到"
