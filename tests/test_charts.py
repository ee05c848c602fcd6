"""The charts: saved as PNG and SVG, of a sensible size, not blank, without time stamps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib.image
import numpy as np
import pytest

import studykit
from studykit.show import charts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def example() -> tuple[studykit.Needs, studykit.Plan, studykit.Ledger]:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    ledger = studykit.read_ledger(cur, sorted((ROOT / "curricula" / "records").glob("*.yaml")),
                                  quarter=studykit.Quarter(2027, 1))
    return studykit.analyse_needs(cur), studykit.plan_quarter(cur, "2027Q1"), ledger


def test_a_chinese_font_is_found_or_its_absence_is_said() -> None:
    import shutil
    import subprocess
    import warnings

    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout \
        if shutil.which("fc-list") else ""
    if not fonts.strip():
        charts.cjk_font.cache_clear()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert charts.cjk_font() is None
        assert "apt install fonts-noto-cjk" in str(caught[0].message)
        pytest.skip("no Chinese font on this machine (make test installs fonts-noto-cjk "
                    "when run as root)")
    assert charts.cjk_font() in charts.CJK_FONTS


def real_picture(png: Path) -> Any:
    """The pixels of a picture of some size with something drawn in it."""
    assert png.stat().st_size > 10_000
    pixels = matplotlib.image.imread(png)
    height, width = pixels.shape[:2]
    assert width >= 600 and height >= 300
    grey = pixels[..., :3].mean(axis=2)
    assert grey.std() > 0.05                         # not one flat colour
    assert (grey < 0.5).mean() > 0.005               # some dark ink: text, bars, lines
    return pixels


@pytest.mark.parametrize("name", ["gap_heatmap", "quarter_calendar", "hours_chart",
                                  "meetings_chart"])
def test_each_chart_is_a_real_picture(name: str, example: tuple[studykit.Needs, studykit.Plan,
                                                                  studykit.Ledger],
                                      tmp_path: Path) -> None:
    needs, plan, ledger = example
    subject = {"gap_heatmap": needs, "quarter_calendar": plan}.get(name, ledger)
    fig = getattr(charts, name)(subject)
    png = charts.save(fig, tmp_path / f"{name}.png")
    pixels = real_picture(png)
    svg = charts.save(fig, tmp_path / f"{name}.svg")
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    again = charts.save(getattr(charts, name)(subject), tmp_path / f"{name}-again.png")
    assert np.array_equal(matplotlib.image.imread(again), pixels)   # same figure, same pixels


def test_the_heat_map_shows_the_largest_gap_darkest(example: tuple[
        studykit.Needs, studykit.Plan, studykit.Ledger]) -> None:
    needs, _, _ = example
    fig = charts.gap_heatmap(needs)
    (image,) = fig.axes[0].get_images()
    data = image.get_array()
    assert data.max() == max(g.missing for g in needs.gaps)
    assert data.shape == (len(needs.curriculum.members), len(needs.curriculum.competencies))


@pytest.fixture(scope="module")
def evaluation() -> Any:
    from studykit.reading.records import read_evaluation, record_files

    data = ROOT / "tests" / "data" / "branches"
    cur = studykit.load(data / "nursing-evaluation.yaml")
    return read_evaluation(cur, record_files([data / "nursing-records"]), 2027)


@pytest.mark.parametrize("name", ["year_hours_chart", "attendance_chart", "indicators_chart"])
def test_each_evaluation_chart_is_a_real_picture(name: str, evaluation: Any,
                                                 tmp_path: Path) -> None:
    fig = getattr(charts, name)(evaluation)
    png = charts.save(fig, tmp_path / f"{name}.png")
    pixels = real_picture(png)
    again = charts.save(getattr(charts, name)(evaluation), tmp_path / f"{name}-again.png")
    assert np.array_equal(matplotlib.image.imread(again), pixels)


def test_evaluation_charts_keep_the_curriculum_s_order(evaluation: Any) -> None:
    """Members top to bottom as in the curriculum, never sorted by a figure."""
    names = [e.name for e in evaluation.evidence]
    for name in ("year_hours_chart", "attendance_chart"):
        (ax,) = getattr(charts, name)(evaluation).axes
        labels = [t.get_text() for t in ax.get_yticklabels()]
        top_down = [label for _, label in sorted(zip(ax.get_yticks(), labels, strict=True))]
        assert top_down == names and ax.yaxis_inverted()
    panels = charts.indicators_chart(evaluation).axes
    assert [ax.get_title(loc="left") for ax in panels] == [
        "患者满意度（%）", "有效投诉（件），越低越好", "出院患者随访（人次）"]
    assert [t.get_text() for t in panels[2].get_yticklabels()] == [
        "张敏", "刘静", "陈燕", "杨芳", "赵丽"]                   # the duty nurses


def test_a_curriculum_without_indicators_says_so() -> None:
    from studykit.reading.records import read_evaluation

    cur = studykit.load(ROOT / "curricula" / "small-team.en.yaml")
    fig = charts.indicators_chart(read_evaluation(cur, [], 2026))
    assert "sets no business indicators" in " ".join(t.get_text() for t in fig.axes[0].texts)
