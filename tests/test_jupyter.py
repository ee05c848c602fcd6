"""In IPython, studykit's objects show as tables in words (HTML and text), and a mistake in
the user's input is said as the command line says it, without a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from IPython.core.interactiveshell import InteractiveShell

import studykit
from studykit.show.jupyter import register

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shell() -> Iterator[Any]:
    ip = InteractiveShell.instance()
    assert register(ip)
    yield ip
    ip.set_custom_exc((), None)
    InteractiveShell.clear_instance()


def test_every_object_is_written_as_text_too(shell: Any) -> None:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    plan = studykit.plan_quarter(cur, "2027Q1")
    record = studykit.load_record(ROOT / "curricula" / "records" / "committee-2027-01.yaml",
                                  cur, {plan.quarter: plan})
    ledger = studykit.read_ledger(cur, sorted((ROOT / "curricula" / "records").glob("*.yaml")))
    for obj, words in ((cur, "亭湖区劳动就业服务中心党支部：16名人员，14门课程"),
                       (studykit.analyse_needs(cur), "能力差距"),
                       (plan, "亭湖区劳动就业服务中心党支部2027年第一季度学习计划"),
                       (record, "committee-2027-01，2027年1月6日"),
                       (ledger, "学时完成情况")):
        data, _ = shell.display_formatter.format(obj)
        plain = data["text/plain"]
        assert words in plain and type(obj).__name__ + "(" not in plain
        assert "<table>" in data["text/html"]


def test_a_user_s_mistake_is_said_without_a_traceback(shell: Any, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("studykit: 1\norganization: {name: 支部}\nmembers: 3\n", encoding="utf-8")
    result = shell.run_cell(f"import studykit\nstudykit.load(r'{bad}')")
    assert not result.success                       # Run All stops there, as it should
    out = capsys.readouterr()
    shown = out.out + out.err
    assert f"{bad}:3:10: members:" in shown
    assert "Traceback" not in shown and "InputError" not in shown
    # a bug keeps its traceback
    shell.run_cell("1/0")
    assert "ZeroDivisionError" in capsys.readouterr().out
