"""Rich display in Jupyter: HTML tables, escaped, in the curriculum's language."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from IPython.core.formatters import DisplayFormatter

import studykit
from studykit.show.display import html_table
from studykit.show.jupyter import register

ROOT = Path(__file__).resolve().parent.parent


def test_html_is_escaped() -> None:
    html = html_table(["<h>"], [["R&D <script>"]])
    assert "&lt;script&gt;" in html and "<script>" not in html and "R&amp;D" in html


def shown(obj: Any) -> str:
    """What Jupyter shows of ``obj`` once studykit registered its views."""
    formatter = DisplayFormatter()
    assert register(SimpleNamespace(display_formatter=formatter))
    data, _ = formatter.format(obj)
    return str(data["text/html"])


def test_every_public_object_shows_as_html() -> None:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    needs = studykit.analyse_needs(cur)
    plan = studykit.plan_quarter(cur, "2027Q1")
    record = studykit.load_record(ROOT / "curricula" / "records" / "committee-2027-01.yaml",
                                  cur, {plan.quarter: plan})
    ledger = studykit.read_ledger(cur, sorted((ROOT / "curricula" / "records").glob("*.yaml")))
    for obj, words in ((cur, "唐树"), (needs, "能力差距"), (plan, "学习计划"),
                       (record, "committee-2027-01"),
                       (ledger, "学时完成情况")):
        html = shown(obj)
        assert html.startswith("<div class='studykit'>") and "<table>" in html
        assert words in html
    # gaps are shaded in the needs table
    assert "class='gap'" in shown(needs)


def test_english_curriculum_shows_in_english() -> None:
    cur = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    assert "competency gaps" in shown(studykit.analyse_needs(cur))
    assert "study plan" in shown(studykit.plan_quarter(cur, "2026Q4"))


def test_the_evaluation_shows_as_html_in_the_curriculum_s_order() -> None:
    from studykit.reading.records import read_evaluation, record_files
    from studykit.show.display import excellent_check_html

    data = ROOT / "tests" / "data" / "branches"
    cur = studykit.load(data / "nursing-evaluation.yaml")
    ev = read_evaluation(cur, record_files([data / "nursing-records"]), 2027)
    html = shown(ev)
    assert html.startswith("<div class='studykit'>")
    assert "2027年度民主评议党员情况" in html and "一、党员年度表现情况" in html
    assert "党建工作与业务工作考核情况" in html and "三、业务工作指标完成情况" in html
    # members as in the curriculum: no ranking
    party = [m.name for m in cur.members if m.is_party]
    assert sorted(party, key=html.index) == party
    check = excellent_check_html(ev)
    assert "评为优秀3名（占30%）" in check and "最多3名" in check and "符合规定。" in check
    assert check.count("<li>") == len(ev.flags) == 1


def test_the_evaluation_check_in_english_before_any_grade() -> None:
    from studykit.reading.records import read_evaluation
    from studykit.show.display import excellent_check_html

    ev = read_evaluation(studykit.load(ROOT / "curricula" / "small-team.en.yaml"), [], 2026)
    assert "evaluation of party members, 2026" in shown(ev)
    check = excellent_check_html(ev)
    assert "No grades decided yet: 3 to be evaluated, at most 33% of them excellent." in check
    assert "there is no record of the 2026 evaluation yet" in check
