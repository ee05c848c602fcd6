"""Levels over time: assessed, then raised by the courses attended, worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

import studykit
from studykit.domain.records import AssessmentRecord
from studykit.engine.levels import project_levels
from studykit.reading.records import check_records, load_record, parse_records

BRANCH = """\
studykit: 1
organization: {name: 测试支部, venues: {会议室: 20}}
competencies: {talk: 沟通, policy: 政策}
roles: {w: {name: 窗口, requires: {talk: 3, policy: 3}}}
members:
  - {id: a, name: 甲, role: w, party: full, committee: secretary, levels: {talk: 1, policy: 3}}
  - {id: b, name: 乙, role: w, party: full, levels: {talk: 2, policy: 3}}
  - {id: c, name: 丙, role: w, party: full, levels: {talk: 2, policy: 1},
     changes: [{date: 2026-05-01, levels: {policy: 2}}]}
courses:
  - {id: talk-1, title: 沟通一, kind: skill, hours: 2, builds: {talk: 1}, quarters: [1]}
  - {id: talk-2, title: 沟通二, kind: skill, hours: 2, builds: {talk: 1}, quarters: [3]}
meetings: {}
rules: {minima: {}}
"""


def _held(tmp_path: Path, cur: studykit.Curriculum, extra: str = "") -> list[Path]:
    q1 = studykit.plan_quarter(cur, "2026Q1")
    (session,) = [s for s in q1.sessions if s.course == "talk-1"]
    assert set(session.expected) == {"a", "b", "c"}     # each lacks a level of talk
    (tmp_path / "talk-1.yaml").write_text(
        f"session: talk-1\ndate: {session.date}\npresent: [a, b]\nabsent: {{c: 病假}}\n",
        encoding="utf-8")
    if extra:
        (tmp_path / "assessed.yaml").write_text(extra, encoding="utf-8")
    return sorted(tmp_path.glob("*.yaml"))


def test_courses_raise_levels_from_the_day_and_an_assessment_replaces_them(
        tmp_path: Path) -> None:
    cur = studykit.loads(BRANCH)
    files = _held(tmp_path, cur, "assessment: 2026-06-20\nby: 中心业务科\n"
                                 "levels: {b: {talk: 2}}\n")
    records, problems = check_records(parse_records(files), cur)
    assert problems == [] and any(isinstance(r, AssessmentRecord) for r in records)
    plans = studykit.year_plans(cur, [2026], records)
    held = next(s for s in plans[studykit.Quarter(2026, 1)].sessions if s.course == "talk-1")
    before = project_levels(cur, plans, records, held.date - timedelta(days=1))
    assert before.levels["a"]["talk"] == 1 and before.raised == {}
    # a and b attended talk-1: +1 each; c was ill; c's re-assessment of policy on 1 May
    may = project_levels(cur, plans, records, date(2026, 5, 1))
    assert {m: may.levels[m]["talk"] for m in "abc"} == {"a": 2, "b": 3, "c": 2}
    assert may.levels["c"]["policy"] == 2 and may.assessed["c"]["policy"] == 2
    assert may.raised == {("a", "talk"): ("talk-1",), ("b", "talk"): ("talk-1",)}
    # the assessment of 20 June says b is at 2 after all: it replaces the projection
    july = project_levels(cur, plans, records, date(2026, 7, 1))
    assert july.levels["b"]["talk"] == 2 and ("b", "talk") not in july.raised
    # so the third quarter's talk-2 is for all three: a (2 of 3), b (2, as assessed), c (2)
    q3 = plans[studykit.Quarter(2026, 3)]
    (talk2,) = [s for s in q3.sessions if s.course == "talk-2"]
    assert set(talk2.expected) == {"a", "b", "c"}


def test_a_gap_a_course_closed_is_not_taught_again(tmp_path: Path) -> None:
    cur = studykit.loads(BRANCH)
    records, _ = check_records(parse_records(_held(tmp_path, cur)), cur)
    plans = studykit.year_plans(cur, [2026], records)
    (talk2,) = [s for s in plans[studykit.Quarter(2026, 3)].sessions if s.course == "talk-2"]
    # b reached talk 3 with talk-1: no longer in talk-2; a (2 of 3) and c (absent) are
    assert set(talk2.expected) == {"a", "c"}
    # and the checker, told what the plan was made from, finds nothing wrong with that
    q3 = plans[studykit.Quarter(2026, 3)]
    assert [f for f in studykit.check_plan(cur, q3) if f.level == "error"] == []
    assert "乙" not in str(talk2.reasons) and "现为2级" in talk2.reasons["a"]
    # without the records, the plan knows nothing of it
    alone = studykit.plan_quarter(cur, "2026Q3")
    (again,) = [s for s in alone.sessions if s.course == "talk-2"]
    assert set(again.expected) == {"a", "b", "c"}


def test_an_assessment_names_members_and_competencies_that_exist(tmp_path: Path) -> None:
    cur = studykit.loads(BRANCH)
    path = tmp_path / "a.yaml"
    path.write_text("assessment: 2026-06-20\nlevels:\n  bb: {talk: 2}\n  a: {tlk: 3, talk: 9}\n",
                    encoding="utf-8")
    with pytest.raises(studykit.InputError) as info:
        load_record(path, cur)
    said = [p.text("en").removeprefix(f"{path}:") for p in info.value.problems]
    assert said == [
        "3:3: levels.bb: unknown member 'bb' (did you mean 'b'?)",
        "4:7: levels.a.tlk: unknown competency 'tlk' (did you mean 'talk'?)",
        "4:21: levels.a.talk: expected a level from 0 to 5, found 9",
    ]


def test_an_assessment_on_the_day_of_a_course_is_what_counts() -> None:
    cur = studykit.loads(BRANCH)
    plans = studykit.year_plans(cur, [2026])
    held = next(s for s in plans[studykit.Quarter(2026, 1)].sessions if s.course == "talk-1")
    record = studykit.loads_record(f"session: talk-1\ndate: {held.date}\npresent: [a, b, c]\n",
                                   cur, plans)
    same_day = studykit.loads_record(f"assessment: {held.date}\nlevels: {{a: {{talk: 1}}}}\n",
                                     cur)
    after = project_levels(cur, plans, [record, same_day], held.date)
    assert after.levels["a"]["talk"] == 1 and ("a", "talk") not in after.raised
    assert after.levels["b"]["talk"] == 3
