"""Terminal tables that stay aligned with Chinese text."""

from __future__ import annotations

from studykit.show.tables import pad, table, width


def test_width_counts_wide_characters_twice() -> None:
    assert width("abc") == 3
    assert width("唐树") == 4
    assert width("岗位「政策」") == 12
    assert width("é") == 1          # combining accent takes no column
    assert width("ＡＢ") == 4       # full-width Latin


def test_pad_left_and_right() -> None:
    assert pad("唐", 4) == "唐  "
    assert pad("7", 3, right=True) == "  7"


def test_columns_line_up_in_display_columns() -> None:
    rows = [["唐树", "支部书记、中心主任", "4/4"], ["Alexander", "window", "2/3 缺1"]]
    lines = table(["姓名", "岗位", "政治理论"], rows).splitlines()
    # the second and third columns start at the same display column on every line
    for col, cells in ((1, ["岗位", "支部书记、中心主任", "window"]),
                       (2, ["政治理论", "4/4", "2/3 缺1"])):
        starts = {width(line[:line.index(cell)]) for line, cell in
                  zip([lines[0], *lines[2:]], cells, strict=True)}
        assert starts == {9 + 2 if col == 1 else 9 + 2 + 18 + 2}
    assert width(lines[1]) == sum([9, 18, 8]) + 4   # the rule spans every column
