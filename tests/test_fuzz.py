"""A short fuzz run (benchmarks/fuzz.py runs the same targets on a fixed, larger budget):
whatever the input, studykit answers with a clear user error or valid documents."""

from __future__ import annotations

from pathlib import Path

import fuzzing
import pytest
from hypothesis import HealthCheck, given, settings

QUICK = settings(max_examples=25, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@QUICK
@given(fuzzing.mutated(fuzzing._BASE))
def test_curricula(text: str) -> None:
    assert fuzzing.curriculum_target(text, render=False) in ("ok", "user error")


@settings(max_examples=5, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(fuzzing.mutated(fuzzing._BASE))
def test_curricula_rendered(text: str) -> None:
    assert fuzzing.curriculum_target(text) in ("ok", "user error")


@QUICK
@given(fuzzing.mutated(fuzzing._RECORD_BASE))
def test_records(text: str) -> None:
    assert fuzzing.record_target(text) in ("ok", "user error")


@QUICK
@given(fuzzing.TEMPLATE_PIECES)
def test_templates(runs: list[str]) -> None:
    assert fuzzing.template_target(runs, fuzzing.TEMPLATE_CONTEXT) in ("ok", "user error")


@settings(max_examples=5, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(fuzzing.NAMES, fuzzing.NAMES)
def test_names_and_titles_as_typed(name: str, title: str) -> None:
    assert fuzzing.names_target(name, title) in ("ok", "user error")


def test_the_targets_do_reach_both_outcomes() -> None:
    assert fuzzing.curriculum_target(fuzzing.EXAMPLE, render=False) == "ok"
    assert fuzzing.curriculum_target("studykit: 1\n") == "user error"
    assert fuzzing.record_target(fuzzing.RECORD) == "ok"
    assert fuzzing.template_target(["{{ x }}"], fuzzing.TEMPLATE_CONTEXT) == "ok"
    assert fuzzing.template_target(["{{ x "], fuzzing.TEMPLATE_CONTEXT) == "user error"
    assert fuzzing.names_target("R&D <部> {{ x }}", "“引号” & 'quotes'") == "ok"


# --- the classes of issue 12, each a short run of its generator -------------------------

@settings(max_examples=5, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
@given(fuzzing.ODD_TEXT, fuzzing.ODD_TEXT)
def test_control_characters_reach_every_sink_safely(tmp_path: Path, name: str,
                                                    title: str) -> None:
    assert fuzzing.sinks_target(name, title, tmp_path) in ("ok", "user error")


@QUICK
@given(fuzzing.extreme_curriculum())
def test_extreme_numbers_and_dates(text: str) -> None:
    assert fuzzing.curriculum_target(text, render=False) in ("ok", "user error")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "loop", "empty", "sparse",
                                  "socket"])
def test_special_files(tmp_path: Path, kind: str) -> None:
    assert fuzzing.special_file_target(kind, tmp_path) == "user error"


@QUICK
@given(fuzzing.alias_graph())
def test_alias_graphs(text: str) -> None:
    assert fuzzing.yaml_target(text) == "user error"


@pytest.mark.parametrize("tag", fuzzing.TEMPLATE_BOMBS.elements)
def test_template_bombs(tag: str) -> None:
    import time

    start = time.perf_counter()
    assert fuzzing.template_bomb_target(tag) in ("ok", "user error")
    assert time.perf_counter() - start < 10


@QUICK
@given(fuzzing.hostile_package())
def test_hostile_packages(data: bytes) -> None:
    assert fuzzing.package_target(data) in ("ok", "user error")


def test_kill_points(tmp_path: Path) -> None:
    assert fuzzing.kill_target(2027, tmp_path) == "ok"
