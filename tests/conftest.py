"""Shared fixtures: the repository's folders and the example curricula."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest

from studykit.domain.text import width

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "curricula"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def centre_path() -> Path:
    """The Chinese example curriculum."""
    return EXAMPLES / "employment-centre.yaml"


@pytest.fixture
def team_path() -> Path:
    """The small English example curriculum."""
    return EXAMPLES / "small-team.en.yaml"


def every_quarter(text: str) -> str:
    """A curriculum's text with every course held once a year (no date, at most one of
    ``quarters``) held every quarter instead, as tests of one quarter's placement want
    them all in it; a series (several ``quarters``) keeps its quarters."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    out = list(lines)
    for start in reversed(starts):
        end = next((j for j in range(start + 1, len(lines))
                    if not lines[j].startswith("    ")), len(lines))
        block = lines[start:end]
        if not any(line.startswith("    title:") for line in block) or \
                any(line.startswith("    date:") for line in block):
            continue
        series = [line for line in block if line.startswith("    quarters:") and "," in line]
        if series:
            continue
        kept = [line for line in block if not line.startswith("    quarters:")]
        out[start:end] = [kept[0], "    quarters: [1, 2, 3, 4]\n", *kept[1:]]
    return "".join(out)


def every_quarter_curriculum(path: Path) -> object:
    """:func:`every_quarter` of the curriculum at ``path``, loaded."""
    import studykit

    return studykit.loads(every_quarter(path.read_text(encoding="utf-8")), str(path))


# --- workbooks as printed and filed (ledger.xlsx, district.xlsx) -------------------------

PATH = re.compile(r"[\\/][\w.~-]*[A-Za-z][\w.~-]*[\\/]|(?:^|\s)[\\/~]\S|[A-Za-z]:\\|"
                  r"\.\w+:\d+:\d+")
"""A file path (``/tmp/x/``, ``C:\\``, ``file.yaml:1:1``); not ``9/14`` or ``3/2/3``."""
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def cell_texts(book: Any) -> list[str]:
    """Every text a workbook holds: its cells, its sheets' names, headers and footers."""
    out = []
    for ws in book:
        out.append(ws.title)
        out += [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        out += [part.text for part in (ws.oddHeader.left, ws.oddHeader.center,
                                       ws.oddHeader.right, ws.oddFooter.center) if part.text]
    return out


def check_filed_sheets(book: Any, title: str, as_of: str, heading: str,
                       fonts: tuple[str, str] = ("宋体", "黑体")) -> None:
    """What every sheet of ledger.xlsx and district.xlsx is: the title rows over the table,
    its header bold, wrapped and ruled; panes frozen; A4 landscape fitted to the width with
    the title rows and the name column on every page; the page header and numbers; a
    named font on every cell (``fonts``: the body's and the headings'); text wrapped."""
    from openpyxl.utils import get_column_letter

    body, headings = fonts
    for ws in book:
        last = get_column_letter(ws.max_column)
        assert ws["A1"].value == f"{title} · {ws.title}", ws.title
        assert ws["A2"].value == as_of
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert ws.max_column == 1 or {f"A1:{last}1", f"A2:{last}2"} <= merged, ws.title
        for cell in ws[3]:
            assert cell.value, (ws.title, cell.coordinate)           # no header left empty
            assert cell.font.name == headings and cell.font.b
            assert cell.alignment.wrap_text and cell.border.bottom.style == "thin"
        assert ws["A1"].font.name == headings and ws["A1"].font.sz > ws["A3"].font.sz
        assert ws.freeze_panes == "B4"
        setup = ws.page_setup
        assert (setup.orientation, int(setup.paperSize), setup.fitToHeight) == \
            ("landscape", 9, 0), ws.title
        assert int(setup.fitToWidth) >= 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.print_title_rows, ws.print_title_cols) == ("$1:$3", "$A:$A")
        assert ws.oddHeader.left.text == heading.replace("&", "&&")
        assert ws.oddHeader.right.text == "&A"                     # the sheet's name
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        widths = {letter: d.width for letter, d in ws.column_dimensions.items()}
        assert all(4 <= w <= 120 for w in widths.values()), ws.title   # none wider than a page
        total = sum(widths.values())
        title_lines = math.ceil(width(ws["A1"].value) * ws["A1"].font.sz / 11 / total)
        assert ws.row_dimensions[1].height >= title_lines * ws["A1"].font.sz, ws.title
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.row == 3 or cell.font.name == body, (ws.title, cell.coordinate)
                assert cell.border.left.style == "thin"
                if isinstance(cell.value, str):
                    assert cell.alignment.wrap_text, (ws.title, cell.coordinate)
                    # nothing cut off: the row is as high as the text wraps in its column
                    room = max(widths[cell.column_letter] - 1, 1)
                    lines = sum(max(1, math.ceil(width(line) / room))
                                for line in cell.value.split("\n"))
                    assert ws.row_dimensions[cell.row].height >= lines * cell.font.sz, \
                        (ws.title, cell.coordinate, cell.value)
