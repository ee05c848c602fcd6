"""Rich display in Jupyter: HTML tables, escaped, in the curriculum's language."""

from __future__ import annotations

from pathlib import Path

import studykit
from studykit.display import html_table

ROOT = Path(__file__).resolve().parent.parent


def test_html_is_escaped() -> None:
    html = html_table(["<h>"], [["R&D <script>"]])
    assert "&lt;script&gt;" in html and "<script>" not in html and "R&amp;D" in html


def test_every_public_object_shows_as_html_and_as_text() -> None:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    needs = studykit.analyse_needs(cur)
    plan = studykit.plan_quarter(cur, "2027Q1")
    record = studykit.load_record(ROOT / "curricula" / "records" / "committee-2027-01.yaml",
                                  cur, {plan.quarter: plan})
    ledger = studykit.read_ledger(cur, sorted((ROOT / "curricula" / "records").glob("*.yaml")))
    for obj, words in ((cur, "唐树"), (needs, "能力差距"), (plan, "学习计划"),
                       (record, "committee-2027-01"),
                       (ledger, "学时完成情况")):
        html = obj._repr_html_()
        assert html.startswith("<div class='studykit'>") and "<table>" in html
        assert words in html
        assert str(obj)
    # gaps are shaded in the needs table
    assert "class='gap'" in needs._repr_html_()


def test_english_curriculum_shows_in_english() -> None:
    cur = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    assert "competency gaps" in studykit.analyse_needs(cur)._repr_html_()
    assert "study plan" in studykit.plan_quarter(cur, "2026Q4")._repr_html_()
