"""Rich display in Jupyter: HTML tables, escaped, in the curriculum's language."""

from __future__ import annotations

from datetime import date
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


def test_a_record_shows_names_and_leaves_out_what_is_empty() -> None:
    from studykit.show.display import record_html

    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    plan = studykit.plan_quarter(cur, "2027Q1")
    record = studykit.load_record(ROOT / "curricula" / "records" / "committee-2027-03.yaml",
                                  cur, {plan.quarter: plan})
    assert record.late == [] and record.absences == {} and record.votes == []
    html = record_html(record, cur, "3月支部委员会会议")
    assert "<h3>3月支部委员会会议，2027年3月4日</h3>" in html
    assert "<td>出席</td><td>唐树、陈静、周海燕、徐明、高云</td>" in html
    assert "<td>主持人</td><td>唐树</td>" in html and "各项任务要按时限落实" in html
    # nobody late, absent, no vote: no line for them (never an empty one)
    assert "迟到" not in html and "缺席" not in html and "表决" not in html
    assert "<td></td></tr>" not in html


def test_what_the_notebooks_show_is_said_in_the_curriculum_s_language(tmp_path: Path) -> None:
    from studykit.render.output import Written
    from studykit.show.display import findings_view, ledger_view, levels_view, written_view

    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    plan = studykit.plan_quarter(cur, "2027Q1")
    assert str(findings_view(studykit.check_plan(cur, plan), "zh-CN")) == "全部符合规定。"
    team = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    team_plan = studykit.plan_quarter(team, "2026Q4")
    findings = studykit.check_plan(team, team_plan)
    found = findings_view(findings, "en")
    assert str(found).splitlines()[0] == f"The check found {len(findings)} point(s)"
    assert f"<li>{escape(str(findings[0]))}</li>" in found._repr_html_()
    # what was written, by its place under the folder
    written = Written([tmp_path / "plan.yaml", tmp_path / "sessions" / "a" / "plan.docx"],
                      [tmp_path / "calendar.ics"])
    view = written_view(written, tmp_path, "zh-CN", also=[tmp_path / "calendar.png"])
    assert str(view).splitlines() == [f"已在 {tmp_path} 中写入3个文件，1个没有变化",
                                      "  plan.yaml", "  sessions/a/plan.docx", "  calendar.png"]
    # the ledger's statuses in words, an empty table as 无
    ledger = studykit.read_ledger(cur, sorted((ROOT / "curricula" / "records").glob("*.yaml")),
                                  quarter=studykit.Quarter(2027, 1))
    shown_ = ledger_view(ledger, "makeup", "actions")
    assert "已逾期" in shown_.html and "overdue" not in shown_.html + str(shown_)
    assert "四、补学情况" in str(shown_) and "<th>状态</th>" in shown_.html
    data = ROOT / "tests" / "data" / "branches"
    nursing = studykit.read_ledger(studykit.load(data / "nursing-evaluation.yaml"),
                                   sorted((data / "nursing-records").glob("*.yaml")), 2027)
    empty = ledger_view(nursing, "votes")                 # no vote in the nursing records
    assert "无。" in empty.html and str(empty).endswith("无。")
    assert str(levels_view(cur, [])) == "无。"


def escape(text: str) -> str:
    from html import escape as html_escape

    return html_escape(text)


def test_a_plan_without_a_course_says_there_is_nothing_to_try() -> None:
    from studykit.engine.trials import Trial
    from studykit.show.display import trial_view

    assert str(trial_view(None, "zh-CN")) == "本季度计划中没有课程，没有可以试着调整的。"
    trial = Trial("c", "课程", date(2027, 3, 3), date(2027, 3, 10), 0)
    assert str(trial_view(trial, "zh-CN")).splitlines() == [
        "试着调整：把「课程」从3月3日改到3月10日", "它是本季度计划中的第一门课程。"]
