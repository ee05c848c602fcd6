"""The needs analysis, on a small curriculum whose answers are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import studykit
from studykit.engine.needs import Attendee, Gap, Uncovered
from studykit.show.tables import needs_report

SMALL = """\
studykit: 1
organization: {name: 测试支部}
competencies: {policy: 就业创业政策, communication: 沟通技巧, integrity: 廉政风险防控}
roles:
  window: {name: 政策咨询窗口, requires: {policy: 4, communication: 3, integrity: 1}}
  liaison: {name: 企业服务专员, requires: {communication: 4}}
members:
  - {id: a, name: 甲, role: window, party: probationary, levels: {policy: 2, communication: 3}}
  - {id: b, name: 乙, role: liaison, committee: secretary, party: full,
     levels: {communication: 2, policy: 5}}
  - {id: c, name: 丙, role: window, party: full, levels: {policy: 4, communication: 1}}
  - {id: d, name: 丁, role: liaison, party: activist, levels: {communication: 4}}
courses:
  - {id: comm, title: 沟通, kind: skill, hours: 2, builds: {communication: 1}}
  - {id: pol, title: 政策, kind: lecture, hours: 2, audience: {roles: [window]},
     builds: {policy: 1}}
  - {id: pl, title: 党课, kind: party-lecture, hours: 2}
  - {id: all, title: 交流会, kind: seminar, hours: 2}
  - {id: cm, title: 支委学习, kind: lecture, hours: 1, audience: committee}
  - {id: named, title: 点名, kind: practice, hours: 1, audience: {members: [d, a]}}
"""


def small() -> studykit.Needs:
    return studykit.analyse_needs(studykit.loads(SMALL))


def test_gaps_per_member_and_competency() -> None:
    needs = small()
    assert needs.gap("a", "policy") == Gap("a", "policy", 4, 2)
    assert needs.gap("a", "policy").missing == 2
    assert needs.gap("a", "communication").missing == 0
    assert needs.gap("a", "integrity") == Gap("a", "integrity", 1, 0)
    assert needs.gap("b", "communication").missing == 2
    assert needs.gap("b", "policy") == Gap("b", "policy", 0, 5)   # assessed, not required
    assert needs.gap("b", "policy").missing == 0
    assert needs.gap("c", "communication").missing == 2
    assert needs.gap("d", "communication").missing == 0
    # only required or assessed competencies are rows, in curriculum order
    assert [(g.member, g.competency) for g in needs.gaps] == [
        ("a", "policy"), ("a", "communication"), ("a", "integrity"),
        ("b", "policy"), ("b", "communication"),
        ("c", "policy"), ("c", "communication"), ("c", "integrity"),
        ("d", "communication"),
    ]


def test_gaps_audience_is_exactly_who_lacks_what_the_course_builds() -> None:
    needs = small()
    assert needs.audiences["comm"] == (
        Attendee("b", "岗位「企业服务专员」要求沟通技巧4级，现为2级"),
        Attendee("c", "岗位「政策咨询窗口」要求沟通技巧3级，现为1级"),
    )


def test_other_audiences_and_their_reasons() -> None:
    needs = small()
    assert needs.audiences["pol"] == (Attendee("a", "岗位「政策咨询窗口」"),
                                      Attendee("c", "岗位「政策咨询窗口」"))
    assert needs.audiences["pl"] == (Attendee("a", "预备党员"), Attendee("b", "正式党员"),
                                     Attendee("c", "正式党员"))
    assert needs.attendees("all") == ["a", "b", "c", "d"]
    assert needs.reason("all", "d") == "全体人员参加"
    assert needs.audiences["cm"] == (Attendee("b", "支部委员（书记）"),)
    # named members come in the curriculum's order, not the audience's
    assert needs.audiences["named"] == (Attendee("a", "指定参加"), Attendee("d", "指定参加"))
    assert needs.reason("comm", "a") is None


def test_uncovered_gaps_after_the_courses_each_member_attends() -> None:
    # a: policy gap 2, pol builds 1 → 1 left; integrity gap 1, no course → 1 left.
    # b: communication gap 2, comm builds 1 → 1 left.  c: communication 2 - 1 → 1;
    # integrity 1, nothing builds it → 1.  c's policy is met.
    assert small().uncovered == (
        Uncovered("policy", ("a",), 1, ("pol",)),
        Uncovered("communication", ("b", "c"), 2, ("comm",)),
        Uncovered("integrity", ("a", "c"), 2, ()),
    )


def test_english_reasons() -> None:
    cur = studykit.loads(SMALL.replace("{name: 测试支部}", "{name: Test, locale: en}"))
    needs = studykit.analyse_needs(cur)
    assert needs.reason("comm", "b") == "post '企业服务专员' requires 沟通技巧 at level 4, now 2"
    assert needs.reason("pl", "a") == "probationary party member"
    assert needs.reason("cm", "b") == "committee secretary"


def test_example_curriculum_reasons(centre_path: Path) -> None:
    cur = studykit.load(centre_path)
    needs = studykit.analyse_needs(cur)
    for course in cur.courses:
        for attendee in needs.audiences[course.id]:
            assert attendee.reason, (course.id, attendee.member)
    # every skill course goes exactly to the members whose role asks for more of it
    for course in (c for c in cur.courses if c.kind == "skill" and c.audience is None):
        expected = [m.id for m in cur.members
                    if any(cur.roles[m.role].requires.get(comp, 0) > m.level(comp)
                           for comp in course.builds)]
        assert needs.attendees(course.id) == expected


def test_report_text_has_the_three_parts() -> None:
    text = needs_report(small())
    assert "测试支部 — 能力差距（现有/要求）" in text
    assert "乙：岗位「企业服务专员」要求沟通技巧4级，现为2级" in text
    assert "尚无课程补齐的差距" in text
