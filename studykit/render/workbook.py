"""Workbooks (ledger.xlsx, district.xlsx) as a branch prints and files them.

Every sheet of both workbooks is written by :meth:`Book.add` from a :class:`Sheet`, so
they are all set up alike:

- **rows**: two title rows (who and what — 亭湖区劳动就业服务中心党支部2027年第一季度学习台账 ·
  出勤 — and 统计截至2027年3月31日), the header row, the data, then bold total rows; the
  panes frozen below the header and right of the first (name) column;
- **print**: A4 landscape, fitted to the page's width (a table too wide to stay readable
  on one page goes across as few pages as keep it at 60 % or more, the name column
  repeated on each), the title and header rows repeated on every page; the branch (or
  district) and the sheet in the page header, 第 1 页 共 3 页 in the footer;
- **columns** as wide as what they hold (a Chinese character counts two), at most
  :data:`MAX_WIDTH`; text wrapped at the top of its cell, so that no cell runs across
  pages; the header bold, wrapped and centred; a border round every cell of the table;
- **fonts**: a named East Asian font on every cell, and as the workbook's default (so an
  empty cell does not fall back to another language's font): 宋体 for the text, 黑体
  for titles and headers; Calibri and Arial in English;
- **values** Excel can sort and add up: days as dates (1月7日, or 2026年12月31日 for a day
  of another year), hours with one decimal, counts as whole numbers.

Written in openpyxl's streaming mode (a district's attendance grid has hundreds of
thousands of cells), and byte-identical for the same input (:func:`save_workbook`).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from ..domain.text import printable, width
from ..words import day_only, english, short_date, text
from .package import repack

_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
_FIGURES = re.compile(r"^[0-9][0-9./:\-]*$")

Value = str | int | float | date | None
"""A cell: text, a number (hours, counts), a day, or nothing."""

MAX_WIDTH = 40
"""The widest a column gets (in characters of a digit's width; a Chinese character is
two): longer text wraps."""
PAGE_WIDTH = 120.0
"""About how many such characters fit across A4 landscape inside the margins at 100 %."""
MIN_SCALE = 0.6
"""A table narrower than ``PAGE_WIDTH / MIN_SCALE`` prints on one page's width; a wider
one (a year of sessions) across more pages, its name column repeated."""
PAPER_A4 = 9
"""The paper size code of A4 in a workbook's page set-up."""
TITLE_ROWS = 2
"""Rows above the header: the title and the as-of line."""
FONTS = {False: ("宋体", "黑体", 134), True: ("Calibri", "Arial", None)}
"""The body font, the heading font and the character set (134: GB2312), by English."""
_SIZE, _TITLE_SIZE, _HEADER_FOOTER_SIZE = 11, 16, 9
_LINE = 1.45
"""Line height over font size of the CJK fonts (Noto CJK; SimSun is a little less)."""


def cell_value(value: str) -> Any:
    """Numbers as numbers, so Excel can add them up (``007`` or ``1_000`` stay text); text
    with nothing a workbook cannot hold."""
    if not _NUMBER.match(value):
        return printable(value)
    return float(value) if "." in value else int(value)


@dataclass(frozen=True)
class Sheet:
    """One sheet: a table under its titles.

    ``name`` is the tab (at most 31 characters, cut if longer); ``heading`` goes in the
    page header (the branch or the district), with the tab's name; ``totals`` are rows
    below the data, in bold; ``empty`` is what the sheet says when ``rows`` is empty;
    ``widest`` is the widest a column gets (narrower than :data:`MAX_WIDTH` for a table of
    many columns of text, which then wraps onto more lines to stay on one page's width)."""

    name: str
    title: str
    subtitle: str
    heading: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Value]]
    totals: Sequence[Sequence[Value]] = ()
    empty: str = ""
    widest: float = MAX_WIDTH


@cache
def cell_type() -> Any:
    """openpyxl's cell, but quick to name: a streaming sheet names each styled cell it is
    given (in the message of an error it catches) before it writes it as it is."""
    from openpyxl.cell import Cell

    class _Cell(Cell):
        __slots__ = ()

        def __repr__(self) -> str:
            return "<Cell>"

    return _Cell


def _padded(row: Sequence[Value], columns: int) -> list[Value]:
    """A row as the workbook holds it, as many cells as there are columns."""
    out = [_convert(v) for v in row[:columns]]
    return out + [None] * (columns - len(out))


def _is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _convert(value: Value) -> Value:
    """A value as the workbook holds it: numeric text as a number, ``""`` as nothing."""
    if isinstance(value, str):
        return cell_value(value) if value else None
    return value


def _lines(value: str) -> list[int]:
    """The widths of the lines of ``value``."""
    return [width(line) for line in value.split("\n")]


def _wrapped(lines: list[int], column: float) -> int:
    """How many lines text of these line widths takes in a column ``column`` wide (a
    little is kept for the cell's margins)."""
    room = max(column - 1.5, 1)
    return sum(max(1, math.ceil(w / room)) for w in lines)


def _widen(widths: list[float], content: list[int], text: list[bool],
           least: float) -> list[float]:
    """``widths`` with the room a page has left given to the columns whose text wraps (in
    proportion to what they lack), so that their rows take fewer lines; and a table
    narrower than ``least`` (its title's width) widened to it, at its text columns."""
    lacking = [max(0.0, c + 2 - w) for w, c in zip(widths, content, strict=True)]
    spare = PAGE_WIDTH - sum(widths)
    if spare > 0 and any(lacking):
        share = min(1.0, spare / sum(lacking))
        widths = [round(w + lack * share, 1) for w, lack in zip(widths, lacking, strict=True)]
    short = min(least, PAGE_WIDTH) - sum(widths)
    if short > 0:
        weights = [w if t else 0.0 for w, t in zip(widths, text, strict=True)]
        if not any(weights):
            weights = list(widths)
        widths = [round(w + short * k / sum(weights), 1) for w, k in zip(widths, weights,
                                                                           strict=True)]
    return widths


_TOKEN = re.compile(r"[（(《“‘]*(?:[0-9A-Za-z.%/:\-]+|\S)[）)》”’、，。：；！？,.:;!?]*")
"""What a header line breaks between: a run of figures or Latin letters, or one
character, with the punctuation that may not start or end a line held to it."""


def _pack(tokens: list[str], room: int) -> list[list[str]]:
    """``tokens`` filled into lines of at most ``room`` columns (a longer token alone),
    broken after a separator (/ 、 ， ：) rather than inside a word when that keeps at least
    half a line (要求/ / 原有/现有, not 要求/原 / 有/现有)."""
    lines: list[list[str]] = [[]]
    for token in tokens:
        line = lines[-1]
        if line and width("".join(line) + token) > room:
            cut = max((i for i in range(1, len(line)) if line[i - 1][-1] in "/、，；："),
                      default=0)
            if cut and 2 * width("".join(line[:cut])) >= room:
                lines[-1], line = line[:cut], line[cut:]
            else:
                line = []
            lines.append(line)
        line.append(token)
    return lines


def _even(lines: list[list[str]]) -> list[list[str]]:
    """Filled lines made even from the end: a word moves down while the line below stays
    the shorter (学习新修订的就业促进政 / 策 becomes 学习新修订的就 / 业促进政策)."""
    for _ in range(len(lines)):
        for a in range(len(lines) - 2, -1, -1):
            upper, lower = lines[a], lines[a + 1]
            while len(upper) > 1 and (width("".join(lower)) + width(upper[-1])
                                      <= width("".join(upper)) - width(upper[-1])):
                lower.insert(0, upper.pop())
    return lines


def _break_header(header: str, content: int) -> str:
    """``header`` in even lines, broken here rather than where a spreadsheet's font would
    break it (出席 / 次数, not 出席次 / 数): over at most two lines, or up to four above a
    narrow column of marks or numbers, each no wider than the column's content if it can.
    A line that holds a day (1月5日) is not broken, a part in brackets goes on a line of
    its own (组织生活 / （已开展/应开展）), English breaks at spaces."""
    most = 4 if content <= 4 else 2
    target = max(content, 4)
    out = []
    for line in header.split("\n"):
        w = width(line)
        if (w <= 12 and re.search(r"[0-9]", line)) or w <= target:
            out.append(line)
            continue
        lines = min(most, math.ceil(w / (target + 2)))
        bracket = re.fullmatch(r"(.+?)(（.+）)", line)
        if bracket and max(width(part) for part in bracket.groups()) <= 20:
            out.extend(bracket.groups())
            continue
        tokens = re.findall(r"\S+\s*", line) if " " in line else _TOKEN.findall(line)
        room = math.ceil(w / lines)
        while len(packed := _pack(tokens, room)) > lines:
            room += 1
        out.extend("".join(part).strip() for part in _even(packed))
    return "\n".join(out)


def _width(header: str, content: int, widest: float = MAX_WIDTH) -> float:
    """A column's width: its widest value, or its header's widest line (as
    :func:`_break_header` broke it), with the cell's margins; at most ``widest``."""
    return min(widest, max(max(content, 4) + 2, max(_lines(header)) + 2))


def _height(lines: int, size: int = _SIZE) -> float:
    """The height, in points, of a row of ``lines`` lines of ``size`` points."""
    return round(lines * size * _LINE + 4, 1)


class Book:
    """A workbook of :class:`Sheet` s, in ``locale``; days of ``year`` are written without
    their year."""

    def __init__(self, locale: str, year: int | None = None) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils.indexed_list import IndexedList

        self.locale, self.year = locale, year
        body, heading, charset = FONTS[english(locale)]
        self.book = Workbook(write_only=True)
        # no theme scheme: the font is the one named, whatever the reader's language
        self._body = Font(name=body, size=_SIZE, charset=charset)
        self._bold = Font(name=body, size=_SIZE, charset=charset, bold=True)
        self._heading = Font(name=heading, size=_SIZE, charset=charset, bold=True)
        self._title = Font(name=heading, size=_TITLE_SIZE, charset=charset, bold=True)
        self._page_font = f"{body},Regular"
        # A workbook's default font (its style "Normal", and every cell without a style) is
        # its first font; openpyxl has no call to change it, so the list starts with ours.
        self.book._fonts = IndexedList([self._body])  # type: ignore[attr-defined]
        self._styles: dict[tuple[str, str], Any] = {}

    # --- styles ------------------------------------------------------------------------

    def _style(self, sheet: Any, role: str, number_format: str = "General") -> Any:
        """The style of a cell in ``role`` (title, subtitle, header; text, long text,
        centred and their ``-total`` variants), made once per workbook and shared by every
        such cell."""
        key = (role, number_format)
        if key not in self._styles:
            from openpyxl.cell import WriteOnlyCell
            from openpyxl.styles import Alignment, Border, PatternFill, Side

            cell = WriteOnlyCell(sheet)
            base = role.removesuffix("-total")
            thin = Side(style="thin", color="000000")
            if base == "title":
                cell.font = self._title
                cell.alignment = Alignment(horizontal="center", vertical="center",
                                           wrap_text=True)
            elif base == "subtitle":
                cell.font = self._body
                cell.alignment = Alignment(horizontal="center", vertical="center")
            else:
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                if base == "header":
                    cell.font = self._heading
                    cell.fill = PatternFill("solid", fgColor="F2F2F2")
                    cell.alignment = Alignment(horizontal="center", vertical="center",
                                               wrap_text=True)
                else:
                    cell.font = self._bold if role.endswith("-total") else self._body
                    cell.alignment = Alignment(
                        horizontal="center" if base == "centre" else "left",
                        vertical="top" if base == "long" else "center", wrap_text=True)
            cell.number_format = number_format
            # the style's indices into the workbook's fonts, borders, …: shared, not rebuilt
            self._styles[key] = cell._style  # type: ignore[attr-defined]
        return self._styles[key]

    def _cell(self, sheet: Any, value: Value, role: str, number_format: str = "General") -> Any:
        return cell_type()(sheet, row=1, column=1, value=value,
                            style_array=self._style(sheet, role, number_format))

    def _date_format(self, day: date) -> str:
        if english(self.locale):
            return "d mmm" if day.year == self.year else "d mmm yyyy"
        return 'm"月"d"日"' if day.year == self.year else 'yyyy"年"m"月"d"日"'

    def _shown(self, value: Value, decimals: bool) -> str:
        """``value`` as the sheet shows it, to measure."""
        if isinstance(value, date):
            return (short_date(self.locale, value) if value.year == self.year
                    else day_only(self.locale, value))
        if isinstance(value, float) or (decimals and isinstance(value, int)):
            return f"{value:.1f}"
        return "" if value is None else str(value)

    # --- sheets ------------------------------------------------------------------------

    def add(self, spec: Sheet) -> None:
        """Write ``spec`` as the next sheet (see the module's docstring).

        A district's attendance grid has hundreds of thousands of cells, most of them one
        of a few marks: what a cell shows is measured once per distinct value, and a
        column's style made once."""
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(spec.name[:31])
        ncols = len(spec.headers)
        body = [_padded(row, ncols) for row in spec.rows]
        totals = [_padded(row, ncols) for row in spec.totals]
        every = body + totals
        distinct = [set(column) for column in zip(*every, strict=True)] if every \
            else [set()] * ncols
        # what each column holds: numbers (with decimals if any is a fraction), or not
        numeric = [bool(d - {None}) and all(_is_number(v) for v in d - {None})
                   for d in distinct]
        decimals = [any(isinstance(v, float) for v in d) for d in distinct]
        # each distinct value's lines as shown: for the widths and the row heights
        shown = [{v: _lines(self._shown(v, decimals[c])) for v in d}
                 for c, d in enumerate(distinct)]
        # a column of single characters (marks: ✓ 迟 缺 补; 是 否) or of figures (9/14) is
        # centred, text is left
        short = [not numeric[c] and all(
            v is None or isinstance(v, date) or _FIGURES.match(str(v)) or width(str(v)) <= 2
            for v in d) for c, d in enumerate(distinct)]
        content = [max((w for lines in shown[c].values() for w in lines), default=0)
                   for c in range(ncols)]
        headers = [_break_header(printable(h), content[c]) for c, h in enumerate(spec.headers)]
        widths = _widen([_width(h, content[c], spec.widest) for c, h in enumerate(headers)],
                        content, [not numeric[c] and not short[c] for c in range(ncols)],
                        # the title, in its larger font, over two lines at most
                        math.ceil(width(spec.title) * _TITLE_SIZE / _SIZE / 2) + 2)
        columns = [get_column_letter(c + 1) for c in range(ncols)]
        for letter, w in zip(columns, widths, strict=True):
            sheet.column_dimensions[letter].width = w
        self._set_up(sheet, spec, headers, widths)

        last = columns[-1]
        for row, (line, role) in enumerate(((spec.title, "title"),
                                            (spec.subtitle, "subtitle")), start=1):
            sheet.append([self._cell(sheet, printable(line), role)])
            if ncols > 1:
                sheet.merged_cells.add(f"A{row}:{last}{row}")
        sheet.append([self._cell(sheet, h, "header") for h in headers])
        row = TITLE_ROWS + 2
        if not body:
            sheet.row_dimensions[row].height = _height(1)
            sheet.append([self._cell(sheet, printable(spec.empty), "text"),
                          *(self._cell(sheet, None, "text") for _ in columns[1:])])
            if ncols > 1:
                sheet.merged_cells.add(f"A{row}:{last}{row}")
        # how many lines each value takes in its column, where one can take more than one
        wraps = {c: {v: _wrapped(lines, widths[c]) for v, lines in shown[c].items()}
                 for c in range(ncols) if content[c] > widths[c] - 1.5}
        reuse: list[Any] = [None] * ncols
        for index, values in enumerate(every):
            suffix = "-total" if index >= len(body) else ""
            styles = [self._style(sheet, ("centre" if short[c] or numeric[c] else "text")
                                  + suffix, ("0.0" if decimals[c] else "0") if numeric[c]
                                  else "General") for c in range(ncols)]
            lines = {c: counts[values[c]] for c, counts in wraps.items()}
            # a row as high as its longest text wraps onto
            sheet.row_dimensions[row].height = _height(max(lines.values(), default=1))
            cells = []
            for col, value in enumerate(values):
                if isinstance(value, date):
                    style = self._style(sheet, "centre" + suffix, self._date_format(value))
                elif lines.get(col, 1) > 1:     # long text wraps from the top of its cell
                    style = self._style(sheet, "long" + suffix)
                else:
                    style = styles[col]
                # a streaming sheet writes a row as it is appended: the cell a column had
                # in the row before, if it had this style, is taken again for its new value
                if reuse[col] is None or reuse[col][0] is not style:
                    reuse[col] = (style, cell_type()(sheet, row=1, column=1,
                                                      style_array=style))
                cell = reuse[col][1]
                cell.value = value
                cells.append(cell)
            sheet.append(cells)
            row += 1

    def _set_up(self, sheet: Any, spec: Sheet, headers: list[str],
                widths: list[float]) -> None:
        """The rows above the data, the panes and the page: title and header heights,
        frozen panes, print titles, A4 landscape fitted to width, margins, page header and
        footer."""
        from openpyxl.worksheet.properties import PageSetupProperties

        total = sum(widths)
        # the title, in its larger font, across the whole table: as many lines as it takes
        title_lines = math.ceil(width(spec.title) * _TITLE_SIZE / _SIZE / max(total - 2, 1))
        sheet.row_dimensions[1].height = _height(title_lines, _TITLE_SIZE)
        sheet.row_dimensions[2].height = _height(1)
        sheet.row_dimensions[TITLE_ROWS + 1].height = _height(max(
            (_wrapped(_lines(h), widths[c]) for c, h in enumerate(headers)), default=1))
        sheet.freeze_panes = f"B{TITLE_ROWS + 2}"
        sheet.print_title_rows = f"1:{TITLE_ROWS + 1}"
        sheet.print_title_cols = "A:A"
        setup = sheet.page_setup
        setup.orientation = "landscape"
        setup.paperSize = PAPER_A4
        setup.fitToHeight = 0
        capacity = PAGE_WIDTH / MIN_SCALE
        setup.fitToWidth = 1 if total <= capacity else math.ceil(
            (total - widths[0]) / max(capacity - widths[0], 1))
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        margins = sheet.page_margins
        margins.left = margins.right = 0.6
        margins.top, margins.bottom, margins.header, margins.footer = 0.8, 0.7, 0.35, 0.3
        sheet.print_options.horizontalCentered = True
        for part, value in ((sheet.oddHeader.left, spec.heading.replace("&", "&&")),
                            (sheet.oddHeader.right, "&A"),
                            (sheet.oddFooter.center, text(self.locale, "workbook.page"))):
            part.text, part.font, part.size = (printable(value), self._page_font,
                                               _HEADER_FOOTER_SIZE)

    def save(self, stamp: date) -> bytes:
        """The workbook's bytes (see :func:`save_workbook`)."""
        return save_workbook(self.book, stamp)


def save_workbook(book: Any, stamp: date) -> bytes:
    """An openpyxl workbook as bytes, reproducibly: its creation and modification times are
    ``stamp`` and the zip's times fixed."""
    book.properties.creator = "studykit"
    fixed = datetime(stamp.year, stamp.month, stamp.day)
    book.properties.created = book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return repack(buffer.getvalue(), f"{stamp.isoformat()}T00:00:00Z")
