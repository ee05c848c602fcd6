"""The year's evaluation (民主评议党员) on a small branch whose year is worked out by hand.

The branch: a (secretary) and b (committee member), c (probationary), d (full), e (not a
party member), f (full, left on 30 June). Floors: committee 18 hours, party 16. Every
quarter a party lecture ``pl`` (2 h) and a branch assembly (2 h); the 组织生活会 (3 h) in
the fourth quarter; the fourth quarter's branch assembly holds the evaluation.

Hours, by hand:
- a, b: 4 lectures (8) + 4 assemblies (8) + the life meeting (3) = 19 ≥ 18: met;
- c: lectures of Q1, Q3, Q4 (6) + Q2's made up on 20 May (2) + 4 assemblies (8) + 3 = 19
  ≥ 16: met;
- d: 4 lectures (8) + the Q2 and Q3 assemblies (4; Q1 without leave, Q4 sick) + 3 = 15
  < 16: not met;
- f: Q1 and Q2 lectures and assemblies: 8 ≥ 16 × ½ = 8: met.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import studykit
from studykit.domain.errors import InputError
from studykit.engine.evaluation import Evaluation
from studykit.reading.records import read_evaluation
from studykit.render.evaluation import evaluation_json, evaluation_tables

CURRICULUM = """\
studykit: 1
organization: {name: 测试支部, venues: {会议室: 20}}
competencies: {x: 政策}
indicators:
  visits: {name: 走访企业, unit: 家次, target: 4}
  satisfaction: {name: 满意度, unit: "%", target: 95}
  complaints: {name: 有效投诉, unit: 件, target: 0, better: lower}
roles:
  lead: {name: 主任, indicators: {satisfaction: 90}}
  win: {name: 窗口, requires: {x: 2}, indicators: [visits, complaints]}
members:
  - {id: a, name: 甲, role: lead, party: full, committee: secretary}
  - {id: b, name: 乙, role: lead, party: full, committee: member}
  - {id: c, name: 丙, role: win, party: probationary, levels: {x: 1}}
  - {id: d, name: 丁, role: win, party: full, levels: {x: 2}}
  - {id: e, name: 戊, role: win, party: none}
  - {id: f, name: 己, role: win, party: full, levels: {x: 2}, left: 2027-06-30}
pioneer-posts:
  - {post: 党员示范窗口, member: c, pledge: 一次告知、全年零投诉, period: 2027}
  - {post: 去年的岗, member: d, pledge: 旧承诺, period: 2026}
courses:
  - {id: pl, title: 党课, kind: party-lecture, hours: 2, builds: {x: 1}, quarters: [1, 2, 3, 4]}
meetings:
  branch-assembly: quarterly
  life-meeting: yearly
  evaluation: yearly
rules:
  hours: {party: 16, committee: 18}
  minima: {branch-assembly: quarterly, party-lecture: quarterly, life-meeting: yearly}
"""

ALL5 = "[a, b, c, d, f]"
RECORDS = {
    "pl-q1.yaml": f"session: pl\ndate: 2027-03-10\npresent: {ALL5}\n",
    "ba-q1.yaml": "session: branch-assembly-2027q1\ndate: 2027-03-17\npresent: [a, b, c, f]\n"
                  "unexcused: [d]\n",
    "pl-q2.yaml": "session: pl\ndate: 2027-05-12\npresent: [a, b, d, f]\nabsent: {c: 出差}\n"
                  "makeup: []\n",
    "makeup.yaml": "makeup: [{member: c, session: pl, date: 2027-05-20, how: 自学}]\n",
    "ba-q2.yaml": f"session: branch-assembly-2027q2\ndate: 2027-06-16\npresent: {ALL5}\n",
    "pl-q3.yaml": "session: pl\ndate: 2027-08-11\npresent: [a, b, c, d]\n",
    "ba-q3.yaml": "session: branch-assembly-2027q3\ndate: 2027-09-15\npresent: [a, b, c, d]\n"
                  "actions: [{task: 准备民主评议, owner: a, due: 2027-11-30}]\n",
    "pl-q4.yaml": "session: pl\ndate: 2027-10-20\npresent: [a, b, c, d]\n",
    "life.yaml": "session: life-meeting-2027\ndate: 2027-11-17\npresent: [a, b, c, d]\n",
    # entitled to vote: the full members a, b, d; a and b there: quorum
    "ba-q4.yaml": "session: branch-assembly-2027q4\ndate: 2027-12-08\npresent: [a, b, c]\n"
                  "absent: {d: 病假}\ndone: [branch-assembly-2027q3/1]\n",
    "results.yaml": "results: 2027\nvalues:\n  a: {satisfaction: 92}\n  b: {satisfaction: 88}\n"
                    "  c: {complaints: 0}\n  d: {complaints: 2}\n  e: {complaints: 1}\n",
    "visits.yaml": "counts: [visits]\nvisits:\n"
                   + "".join(f"  - {{member: c, enterprise: 企业{n}, date: 2027-0{n}-05, "
                             f"asked: 招工, solved: 推荐}}\n" for n in range(1, 6))
                   + "".join(f"  - {{member: d, enterprise: 企业{n}, date: 2027-0{n}-06}}\n"
                             for n in range(1, 4)),
}
EVALUATION = """\
evaluation: 2027
session: branch-assembly-2027q4
ballots:
  a: {excellent: 3}
  b: {excellent: 1, qualified: 2}
  c: {excellent: 1, qualified: 1, basic: 1}
  d: {excellent: 2, qualified: 1}
grades: {a: excellent, b: excellent, c: qualified, d: excellent}
"""


def branch(tmp_path: Path, evaluation: str | None = EVALUATION, curriculum: str = CURRICULUM,
           **changed: str) -> tuple[studykit.Curriculum, list[Path]]:
    """The branch's curriculum and its record files (``changed`` replaces records; an empty
    text leaves one out)."""
    folder = tmp_path / "records"
    folder.mkdir(exist_ok=True)
    files = {**RECORDS, **({"evaluation.yaml": evaluation} if evaluation else {}), **changed}
    paths = []
    for name, content in files.items():
        if content:
            (folder / name).write_text(content, encoding="utf-8")
            paths.append(folder / name)
    (tmp_path / "branch.yaml").write_text(curriculum, encoding="utf-8")
    return studykit.load(tmp_path / "branch.yaml"), paths


def evaluated(tmp_path: Path, evaluation: str | None = EVALUATION, **changed: str) -> Evaluation:
    cur, paths = branch(tmp_path, evaluation, **changed)
    return read_evaluation(cur, paths, 2027)


def rules(ev: Evaluation) -> list[tuple[str, str | None]]:
    return [(f.rule, f.member) for f in ev.flags]


def test_the_evidence_side_by_side(tmp_path: Path) -> None:
    ev = evaluated(tmp_path)
    by = {e.member: e for e in ev.evidence}
    assert list(by) == ["a", "b", "c", "d", "f"]          # party members, in order; not e
    hours = {m: (e.hours.year, e.hours.floor, e.hours.status) for m, e in by.items()
             if e.hours}
    assert hours == {"a": (19, 18, "met"), "b": (19, 18, "met"), "c": (19, 16, "met"),
                     "d": (15, 16, "behind"), "f": (8, 8, "met")}
    # organisational life: 4 lectures, 4 assemblies, the life meeting (f: Q1 and Q2 only)
    d = by["d"].attendance
    assert (d.expected, d.attended, d.unexcused, d.made_up) == (9, 7, 1, 0)
    assert [(a.session, a.reason) for a in d.absences] == [
        ("branch-assembly-2027q1", None), ("branch-assembly-2027q4", "病假")]
    c = by["c"].attendance
    assert (c.expected, c.attended, c.made_up) == (9, 8, 1)
    assert c.absences[0].made_up == date(2027, 5, 20)
    assert (by["f"].attendance.expected, by["f"].due, by["f"].left) == (4, False,
                                                                         date(2027, 6, 30))
    # actions owned and delivered; pioneer posts of the year only; visits
    assert (len(by["a"].actions), by["a"].delivered) == (1, 1)
    assert [p.post for p in by["c"].pioneer] == ["党员示范窗口"] and not by["d"].pioneer
    assert (len(by["c"].visits), len(by["d"].visits)) == (5, 3)
    # indicators against the post's targets (the post's own target for satisfaction)
    got = {m: [(r.indicator, r.value, r.target, r.achieved) for r in e.indicators]
           for m, e in by.items()}
    assert got["a"] == [("satisfaction", 92, 90, True)]
    assert got["b"] == [("satisfaction", 88, 90, False)]
    assert got["c"] == [("visits", 5, 4, True), ("complaints", 0, 0, True)]
    assert got["d"] == [("visits", 3, 4, False), ("complaints", 2, 0, False)]
    # no visit logged is none made; a result not given is not known
    assert got["f"] == [("visits", 0, 4, False), ("complaints", None, 0, None)]
    assert (by["b"].ballot.count("qualified"), by["b"].grade) == (2, "excellent")


def test_each_check_by_hand(tmp_path: Path) -> None:
    ev = evaluated(tmp_path)
    # 4 evaluated: a third is 1.33, so at most 1 excellent; 3 were graded so
    assert (len(ev.evaluated), ev.excellent_max, ev.count("excellent")) == (4, 1, 3)
    assert rules(ev) == [
        ("against_ballot", "b"),        # 2 of 3 ballots said qualified
        ("excellent_floor", "d"),       # 15 of 16 hours
        ("excellent_absent", "d"),      # the Q1 assembly without leave
        ("excellent_share", None),
    ]
    # c's ballot has no majority (1/1/1): no grade contradicts it
    assert ev.held_ok and (ev.present, ev.entitled) == (3, 4)
    said = {f.rule: f.message.text("zh-CN") for f in ev.flags}
    assert said["excellent_share"] == "评为优秀的有3名，超过参评党员4名的33%（最多1名）"
    assert said["against_ballot"] == ("乙同志评为优秀，但民主测评中“合格”得票过半（2/3），"
                                      "请党员大会说明理由")
    assert said["excellent_floor"] == "丁同志评为优秀，但全年学习15学时，未达到16学时"


def test_within_the_share_and_with_the_ballot_nothing_is_flagged(tmp_path: Path) -> None:
    ev = evaluated(tmp_path, EVALUATION.replace("b: excellent", "b: qualified")
                   .replace("d: excellent", "d: qualified")
                   .replace("d: {excellent: 2, qualified: 1}", "d: {qualified: 3}"))
    assert rules(ev) == [] and ev.count("excellent") == 1


def test_every_member_due_is_evaluated_and_nobody_who_left(tmp_path: Path) -> None:
    ev = evaluated(tmp_path, EVALUATION.replace(", d: excellent}", ", f: qualified}")
                   .replace("  d: {excellent: 2, qualified: 1}\n", "  f: {qualified: 3}\n"))
    assert ("missing", "d") in rules(ev)       # in the branch on the day, not graded
    assert ("not_due", "f") in rules(ev)       # left on 30 June, graded here


def test_a_grade_without_a_ballot_and_too_many_ballots(tmp_path: Path) -> None:
    ev = evaluated(tmp_path, EVALUATION.replace("  a: {excellent: 3}\n", "")
                   .replace("c: {excellent: 1, qualified: 1, basic: 1}",
                            "c: {excellent: 1, qualified: 2, basic: 1}"))
    assert ("no_ballot", "a") in rules(ev)
    # 4 ballots for c where 3 party members were there
    assert ("ballots_exceed", "c") in rules(ev)


def test_basic_and_unqualified_bring_their_follow_up(tmp_path: Path) -> None:
    text = EVALUATION.replace("c: qualified", "c: basic").replace("d: excellent",
                                                                  "d: unqualified")
    ev = evaluated(tmp_path, text)
    assert [(f.member, f.grade, f.due, f.recorded) for f in ev.followups] == [
        ("c", "basic", date(2028, 3, 7), False),          # 8 December + 90 days
        ("d", "unqualified", date(2028, 3, 7), False)]
    assert ("followup", "c") in rules(ev) and ("followup", "d") in rules(ev)
    assert ev.followups[0].task.text("zh-CN") == "丙同志限期改正（民主评议评定为基本合格）"
    # the assembly's record gives c's correction as an action: recorded, not flagged
    q4 = RECORDS["ba-q4.yaml"] + "actions: [{task: 限期三个月改正, owner: c, due: 2028-03-01}]\n"
    ev = evaluated(tmp_path, text, **{"ba-q4.yaml": q4})
    assert [f.recorded for f in ev.followups] == [True, False]
    assert ("followup", "c") not in rules(ev)


def test_the_procedure_at_a_branch_assembly_with_quorum(tmp_path: Path) -> None:
    # only a of the full members a, b, d there: no quorum
    lone = "session: branch-assembly-2027q4\ndate: 2027-12-08\npresent: [a, c]\n" \
           "absent: {b: 出差, d: 病假}\n"
    ev = evaluated(tmp_path, **{"ba-q4.yaml": lone})
    assert rules(ev)[0] == ("no_quorum", None) and not ev.held_ok
    # the meeting not recorded yet
    ev = evaluated(tmp_path, **{"ba-q4.yaml": ""})
    assert rules(ev)[0] == ("no_record", None)
    # not at a branch assembly
    ev = evaluated(tmp_path, EVALUATION.replace("branch-assembly-2027q4", "life-meeting-2027"))
    assert rules(ev)[0] == ("not_assembly", None)
    # no meeting named
    ev = evaluated(tmp_path, EVALUATION.replace("session: branch-assembly-2027q4\n", ""))
    assert rules(ev)[0] == ("no_session", None)
    # before the evaluation: the evidence, and what is still to do
    ev = evaluated(tmp_path, None)
    # nobody is "not graded" yet: the one point is that the evaluation is still to come
    assert rules(ev) == [("no_evaluation", None)] and ev.day == date(2027, 12, 8)
    assert ev.excellent_max == 1 and not ev.evaluated        # a third of the 4 due


def test_the_scorecard(tmp_path: Path) -> None:
    card = evaluated(tmp_path).scorecard
    assert [(m.kind, m.required, m.met, m.held) for m in card.meetings] == [
        ("branch-assembly", 4, 4, 4), ("party-lecture", 4, 4, 4), ("life-meeting", 1, 1, 1)]
    assert (card.with_floor, card.hours_met) == (5, 4)        # d behind
    # gaps: c (1 of 2, closed by the lectures) and e (0 of 2, never a party lecture)
    assert (card.gaps, card.gaps_closed) == (2, 1)
    # business by post, everyone of the post (e is not a party member): c, d, e, f at win
    assert [(p.role, p.indicator, p.members, p.recorded, p.achieved)
            for p in card.indicators] == [
        ("lead", "satisfaction", 2, 2, 1), ("win", "visits", 4, 4, 1),
        ("win", "complaints", 4, 3, 1)]
    assert card.indicators_achieved == (3, 9)


def test_tables_and_json_say_the_same(tmp_path: Path) -> None:
    ev = evaluated(tmp_path)
    tables = {t.key: t for t in evaluation_tables(ev)}
    rows = {row[0]: row for row in tables["evidence"].rows}
    assert rows["丁"][2] == "15/16学时，未达到"
    assert "3月17日支部党员大会" not in rows["丁"][4]       # titles, not kinds
    assert "无故缺席" in rows["丁"][4] and "病假" in rows["丁"][4]
    assert rows["己"][-1] == "已转出"
    data = json.loads(evaluation_json(ev))
    assert data["grades"] == {"excellent": 3, "qualified": 1, "basic": 0, "unqualified": 0}
    assert [f["rule"] for f in data["flags"]] == [f.rule for f in ev.flags]
    assert data["scorecard"]["hours_met"] == 4


@pytest.mark.parametrize(("name", "text", "message"), [
    ("evaluation.yaml", EVALUATION.replace("d: excellent", "e: excellent"),
     "'e' 不是党员：民主评议只评议正式党员和预备党员"),
    ("evaluation.yaml", EVALUATION.replace("d: excellent", "d: good"), "grades.d"),
    ("evaluation.yaml", EVALUATION.replace("branch-assembly-2027q4", "branch-assembly-2027q5"),
     "branch-assembly-2027q4"),
    ("results.yaml", "results: 2027\nvalues: {c: {visit: 3}}\n", "visits"),
    ("results.yaml", "results: 2027\nvalues: {c: {visits: 3}}\n", "已由走访记录逐次计入"),
    ("visits.yaml", "visits: [{member: f, enterprise: 甲厂, date: 2027-08-01}]\n",
     "'f' 在 2027-08-01 不在本支部"),
])
def test_year_records_are_refused_at_their_place(tmp_path: Path, name: str, text: str,
                                                 message: str) -> None:
    cur, paths = branch(tmp_path, **{name: text})
    with pytest.raises(InputError) as caught:
        read_evaluation(cur, paths, 2027)
    said = caught.value.said("zh-CN")
    assert name in said and message in said


def test_a_member_graded_in_two_files_is_refused(tmp_path: Path) -> None:
    cur, paths = branch(tmp_path, **{"evaluation-2.yaml": "evaluation: 2027\n"
                                     "grades: {a: qualified}\n"})
    with pytest.raises(InputError) as caught:
        read_evaluation(cur, paths, 2027)
    assert "'a' 已在" in caught.value.said("zh-CN")


def test_the_year_just_ended_may_be_evaluated_in_january(tmp_path: Path) -> None:
    # the fourth quarter's assembly held as usual, and the evaluation in January 2028
    january = "session: branch-assembly-2028q1\ndate: 2028-01-19\npresent: [a, b, c, d]\n"
    text = EVALUATION.replace("branch-assembly-2027q4", "branch-assembly-2028q1")
    ev = evaluated(tmp_path, text, **{"ba-2028q1.yaml": january})
    assert ev.day == date(2028, 1, 19) and ev.held_ok
    assert (ev.present, ev.entitled) == (4, 4)
    # the hours are the year's, all of them: d is still 1 short, the others met
    assert ("excellent_floor", "d") in rules(ev) and ("no_record", None) not in rules(ev)
    # before its record: the meeting is planned, not yet held
    ev = evaluated(tmp_path, text)
    assert ("no_record", None) in rules(ev)


def test_before_any_grade_the_most_excellent_is_a_third_of_those_due(tmp_path: Path) -> None:
    assert evaluated(tmp_path, None).excellent_max == 1        # a, b, c, d: 4 / 3


def test_one_years_evaluation_is_held_at_one_assembly(tmp_path: Path) -> None:
    # a second file of the year (one party group's tally) naming another meeting
    cur, paths = branch(tmp_path, **{"evaluation-2.yaml": "evaluation: 2027\n"
                                     "session: branch-assembly-2027q3\n"})
    with pytest.raises(InputError) as caught:
        read_evaluation(cur, paths, 2027)
    said = caught.value.said("zh-CN")
    # said at one file's session, naming the other
    assert "evaluation.yaml:2:" in said and "evaluation-2.yaml 中" in said
    assert "几个文件要写同一个 session" in said


def test_a_record_of_another_year_is_pointed_at(tmp_path: Path) -> None:
    ev = evaluated(tmp_path, None, **{"evaluation.yaml": EVALUATION.replace(
        "evaluation: 2027", "evaluation: 2026").replace("session: branch-assembly-2027q4\n",
                                                        "")})
    assert ev.flags[0].message.text("zh-CN") == (
        "还没有2027年度民主评议党员的记录；记录文件夹里的民主评议记录写的是2026年度，请核对年度")


def test_a_mistake_in_the_years_records_stops_no_ledger(tmp_path: Path) -> None:
    cur, paths = branch(tmp_path, EVALUATION.replace("d: excellent", "d: 良好"))
    ledger = studykit.read_ledger(cur, paths, 2027)        # the ledger is not the evaluation's
    assert len(ledger.held) == 9 and not ledger.problems
    with pytest.raises(InputError):
        read_evaluation(cur, paths, 2027)


def test_minutes_of_the_evaluation_meeting_say_grades_without_quorum_do_not_stand(
        tmp_path: Path) -> None:
    from studykit.app.workflows import write_minutes_of

    lone = "session: branch-assembly-2027q4\ndate: 2027-12-08\npresent: [a, c]\n" \
           "absent: {b: 出差, d: 病假}\n"
    cur, _ = branch(tmp_path, **{"ba-q4.yaml": lone})
    records = tmp_path / "records"
    write_minutes_of(cur.source, [records / "ba-q4.yaml"], tmp_path / "out")
    import docx

    minutes = docx.Document(str(tmp_path / "out" / "sessions" / "branch-assembly-2027q4" /
                                "minutes.docx"))
    said = "\n".join(p.text for p in minutes.paragraphs)
    assert "民主评议情况" in said and "评定的等次不能成立，应另行召开党员大会" in said
    # and a mistake in the evaluation record beside it stops the minutes, not drops it
    (records / "evaluation.yaml").write_text(EVALUATION.replace("d: excellent", "d: 良好"),
                                             encoding="utf-8")
    with pytest.raises(InputError) as caught:
        write_minutes_of(cur.source, [records / "ba-q4.yaml"], tmp_path / "again")
    assert "evaluation.yaml:8:" in caught.value.said("zh-CN")
    assert not (tmp_path / "again").exists()


def test_a_meeting_record_that_disagrees_with_the_plan_is_not_called_missing(
        tmp_path: Path) -> None:
    # the assembly's record dated in January: not a session of that quarter's plan
    wrong = RECORDS["ba-q4.yaml"].replace("2027-12-08", "2028-01-10")
    ev = evaluated(tmp_path, **{"ba-q4.yaml": wrong})
    (flag,) = [f for f in ev.flags if f.rule == "no_record"]
    assert "活动记录中有与课程文件或计划不一致的地方" in flag.message.text("zh-CN")
    assert ev.ledger.problems
