"""plan.yaml: the contract's keys, stable bytes."""

from __future__ import annotations

from pathlib import Path

import yaml

import studykit
from studykit.engine.planner import plan_quarter
from studykit.render.planfile import dump_plan


def test_plan_yaml_has_the_contract_keys(centre_path: Path) -> None:
    plan = plan_quarter(studykit.load(centre_path), "2027Q1")
    data = yaml.safe_load(dump_plan(plan))
    assert data["quarter"] == "2027Q1"
    first = data["sessions"][0]
    assert list(first)[:8] == ["id", "kind", "title", "date", "start", "end", "hours", "venue"]
    for s in data["sessions"]:
        assert {"attendees", "reasons"} <= set(s)
        assert set(s["reasons"]) == set(s["attendees"])
    skill = next(s for s in data["sessions"] if s["id"] == "window-communication")
    assert skill["reasons"]["zhouhaiyan"] == "岗位「政策咨询窗口」要求沟通技巧3级，现为2级"
    assert skill["start"] == "15:00" and skill["end"] == "18:00"
    assert b"attendees: [" in dump_plan(plan)


def test_same_plan_same_bytes_and_no_time_stamps(centre_path: Path) -> None:
    cur = studykit.load(centre_path)
    first = dump_plan(plan_quarter(cur, "2026Q2"))
    assert first == dump_plan(plan_quarter(studykit.load(centre_path), "2026Q2"))
    assert b"2026Q2" in first and b"generated" not in first


def test_unplaced_and_notes_are_written() -> None:
    cur = studykit.loads("""\
studykit: 1
organization: {name: X}
competencies: {a: A}
roles: {r: {name: R}}
members: [{id: m, name: M, role: r, party: full, unavailable: [2031-01-06]}]
courses: [{id: c, title: C, kind: lecture, hours: 1, date: 2031-01-06, speaker: m}]
meetings: {}
""")
    data = yaml.safe_load(dump_plan(plan_quarter(cur, "2031Q1")))
    assert data["notes"][0].startswith("注意：2031年第一季度的法定节假日")
    assert data["sessions"] == []
    assert data["unplaced"] == [{
        "id": "c", "title": "C",
        "rule": "固定日期2031年1月6日（周一）不行：主讲人M不能到场",
        "advice": "为 `courses[0]` 另选主讲人，或修改主讲人的 `unavailable` 日期"}]


def test_plan_yaml_has_no_anchors_or_aliases() -> None:
    import dataclasses

    import studykit
    from studykit.render.planfile import dump_plan

    cur = studykit.load(Path(__file__).resolve().parent.parent / "curricula" /
                        "employment-centre.yaml")
    plan = studykit.plan_quarter(cur, "2027Q1")
    # two sessions on one day share its date object, which PyYAML would write once with an
    # anchor and then as *id001
    first, second = plan.sessions[0], plan.sessions[1]
    plan = dataclasses.replace(plan, sessions=(
        first, dataclasses.replace(second, date=first.date), *plan.sessions[2:]))
    text = dump_plan(plan).decode("utf-8")
    assert "&id" not in text and "*id" not in text
    assert text.count(f"date: {first.date.isoformat()}") >= 2
