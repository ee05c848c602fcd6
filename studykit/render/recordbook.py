"""The quarter's record workbook (活动登记簿, ``records.xlsx``): one sheet per session.

Each sheet is pre-filled with what the plan knows (最多报一次): the session, its day, time
and venue, the chair by the rules, and every member expected with their standing that
day (a member the plan knows to be away is already 请假, with the plan's reason). The
secretary fills in each member's 出勤情况 from a drop-down (出席 / 迟到 / 请假 / 缺席), the
reason for a leave, and what happened: topics, study materials, speeches, votes,
decisions, actions (owner from a drop-down, due date) and the summary. The structure is
locked (no password: 审阅 → 撤销工作表保护 opens it), the cells to fill are not; rows may be
inserted. Each sheet prints on A4 portrait, one page wide.

The layout is :mod:`studykit.reading.sheets`'s, which reads the filled sheets back as
session records (``minutes``, ``report``, ``evaluate``, ``check`` take the workbook).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..domain.plan import Plan
from ..domain.text import printable, width
from ..engine.drafts import Draft, attendance_words, draft
from ..reading.names import curriculum_labels
from ..reading.sheets import (
    FIELDS,
    KEY,
    MARK,
    MEMBER,
    MEMBER_EXCUSED,
    MEMBER_HEADER_ROW,
    NAMES_MARK,
    SECTIONS,
    VALUE,
    column,
)
from ..words import english, items, quarter_title, short_date, text
from .workbook import FONTS, PAPER_A4, cell_type, save_workbook

_SHORT = {"committee", "branch-assembly", "group", "theme-day", "life-meeting",
          "party-lecture"}
"""Kinds a sheet is named by (1月6日支委会); a course's sheet by its title."""
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")
"""What a sheet's name cannot hold."""
WIDTHS = {"A": 9.0, "B": 16.0, "C": 13.0, "D": 12.0, "E": 30.0}
BLANK_ROWS = {"topics": 2, "materials": 3, "speeches": 8, "votes": 3, "decisions": 4,
              "actions": 5, "summary": 1}
"""Empty rows each section offers beyond what is pre-filled (more may be inserted)."""
GUIDE_WIDTH = 80.0
"""The guide sheet's one column: as wide as a session sheet's five, which A4 portrait holds."""
EXTRA_MEMBERS = 3
"""Empty rows below the expected members, for someone who came unexpected."""


def sheet_names(plan: Plan) -> list[str]:
    """Each session's tab, readable and unique, at most 31 characters: 1月6日支委会,
    1月19日第一党小组会, a second of the same name …（2）."""
    loc = plan.curriculum.locale
    names: list[str] = []
    used: Counter[str] = Counter()
    for s in plan.sessions:
        what = text(loc, f"recordbook.kind.{s.kind}") if s.kind in _SHORT else s.title
        if s.kind == "group" and s.group:
            # 第一党小组 → 第一党小组会
            what = f"{what} {s.group}" if english(loc) else \
                f"{s.group}会" if s.group.endswith("小组") else f"{s.group}{what}"
        day = short_date(loc, s.date)
        name = _BAD_NAME.sub("", printable(f"{day}{'' if not english(loc) else ' '}{what}"))
        name = name.strip("'")[:31] or day
        used[name] += 1
        if used[name] > 1:
            suffix = f"（{used[name]}）"
            name = name[:31 - len(suffix)] + suffix
        names.append(name)
    return names


class _Writer:
    """Writes the sheets, styles made once per workbook."""

    def __init__(self, plan: Plan) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        self.plan, self.loc = plan, plan.curriculum.locale
        self.book = Workbook(write_only=True)
        en = english(self.loc)
        body, heading, charset = FONTS[en]
        thin = Side(style="thin", color="000000")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.styles: dict[str, dict[str, Any]] = {
            "title": {"font": Font(name=heading, size=15, bold=True, charset=charset),
                      "alignment": Alignment(horizontal="center", vertical="center",
                                             wrap_text=True)},
            "label": {"font": Font(name=heading, size=11, bold=True, charset=charset),
                      "border": box,
                      "fill": PatternFill("solid", fgColor="F2F2F2"),
                      "alignment": Alignment(horizontal="center", vertical="center",
                                             wrap_text=True)},
            "fixed": {"font": Font(name=body, size=11, charset=charset), "border": box,
                      "alignment": Alignment(vertical="center", wrap_text=True)},
            "input": {"font": Font(name=body, size=11, charset=charset), "border": box,
                      "alignment": Alignment(horizontal="left", vertical="center",
                                             wrap_text=True),
                      "protection": Protection(locked=False)},
            "long": {"font": Font(name=body, size=11, charset=charset), "border": box,
                     "alignment": Alignment(vertical="top", wrap_text=True),
                     "protection": Protection(locked=False)},
            "number": {"font": Font(name=body, size=11, charset=charset), "border": box,
                       "alignment": Alignment(horizontal="center", vertical="center")},
            "guide": {"font": Font(name=body, size=11, charset=charset),
                      "alignment": Alignment(vertical="top", wrap_text=True)},
            "key": {"font": Font(name=body, size=9, color="808080", charset=charset)},
        }
        self.labels = curriculum_labels(plan.curriculum)
        self.made: dict[tuple[str, str | None], Any] = {}
        self.date_format = "d mmm yyyy" if en else 'yyyy"年"m"月"d"日"'

    def cell(self, sheet: Any, value: Any, style: str, number_format: str | None = None) -> Any:
        """A cell of ``style``; each style is made once per workbook and shared (making
        it per cell is most of the time a workbook of a thousand rows takes)."""
        from openpyxl.cell import WriteOnlyCell

        key = (style, number_format)
        if key not in self.made:
            c = WriteOnlyCell(sheet)
            for attr, v in self.styles[style].items():
                setattr(c, attr, v)
            if number_format:
                c.number_format = number_format
            self.made[key] = c._style  # type: ignore[attr-defined]
        if isinstance(value, str):
            value = printable(value)     # a control character would make the file unreadable
        return cell_type()(sheet, row=1, column=1, value=value, style_array=self.made[key])

    def roster(self) -> list[tuple[str, str]]:
        """The drop-down's names, with the ids: everyone in the branch during the quarter."""
        q = self.plan.quarter
        cur = self.plan.curriculum.during(q.first, q.last)
        return [(self.labels[m.id], m.id) for m in cur.members]

    def names_sheet(self, roster: Sequence[tuple[str, str]]) -> None:
        """The hidden list the drop-downs offer (column A), with each name's id (B), so
        the workbook's names can be read back even without the curriculum."""
        sheet = self.book.create_sheet(text(self.loc, "recordbook.names_sheet"))
        sheet.sheet_state = "hidden"
        sheet.append([self.cell(sheet, text(self.loc, "recordbook.name"), "label"), None,
                      *(None,) * 5, self.cell(sheet, NAMES_MARK, "key")])
        for name, member in roster:
            sheet.append([self.cell(sheet, name, "fixed"), self.cell(sheet, member, "key")])

    def guide_sheet(self) -> None:
        """The first sheet: how to fill the workbook in, one paragraph a row, printable."""
        from openpyxl.worksheet.properties import PageSetupProperties

        sheet = self.book.create_sheet(text(self.loc, "recordbook.guide_sheet"))
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.column_dimensions["A"].width = GUIDE_WIDTH
        title = text(self.loc, "recordbook.guide_title",
                     org=self.plan.curriculum.organization.name,
                     quarter=quarter_title(self.loc, self.plan.quarter))
        sheet.row_dimensions[1].height = 36
        sheet.append([self.cell(sheet, title, "title")])
        for number, line in enumerate(items(self.loc, "recordbook.guide"), start=2):
            # a paragraph as high as the lines it wraps onto (a Chinese character is two)
            lines = max(1, -(-width(line) // int(GUIDE_WIDTH - 4)))
            sheet.row_dimensions[number].height = 18 * lines + 6
            sheet.append([self.cell(sheet, line, "guide")])
        setup = sheet.page_setup
        setup.orientation, setup.paperSize = "portrait", PAPER_A4
        setup.fitToWidth, setup.fitToHeight = 1, 0
        sheet.print_area = f"A1:A{number}"
        sheet.page_margins.left = sheet.page_margins.right = 0.5
        sheet.protection.sheet = True

    def session_sheet(self, name: str, d: Draft, roster_size: int) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation
        from openpyxl.worksheet.properties import PageSetupProperties

        loc, s = self.loc, d.session
        sheet = self.book.create_sheet(name)
        # a streaming sheet writes its properties with its first row: set before any row
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        for letter, w in WIDTHS.items():
            sheet.column_dimensions[letter].width = w
        for letter in (KEY, VALUE):
            sheet.column_dimensions[letter].hidden = True
        names_ref = f"'{text(loc, 'recordbook.names_sheet')}'!$A$2:$A${roster_size + 1}"
        statuses = ",".join(attendance_words(loc))
        status_dv = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=True,
                                   showErrorMessage=True,
                                   errorTitle=text(loc, "recordbook.status_error_title"),
                                   error=text(loc, "recordbook.status_error",
                                              choices=statuses))
        member_dv = DataValidation(type="list", formula1=names_ref, allow_blank=True,
                                   showErrorMessage=True,
                                   errorTitle=text(loc, "recordbook.name_error_title"),
                                   error=text(loc, "recordbook.name_error"))
        # a speaker may be a guest: the list offers the members, any name is taken
        speaker_dv = DataValidation(type="list", formula1=names_ref, allow_blank=True,
                                    showErrorMessage=False)
        count_dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                  allow_blank=True, showErrorMessage=True,
                                  error=text(loc, "recordbook.count_error"))
        date_dv = DataValidation(type="date", operator="greaterThan", formula1="1",
                                 allow_blank=True, showErrorMessage=True,
                                 error=text(loc, "recordbook.date_error"))
        for dv in (status_dv, member_dv, speaker_dv, count_dv, date_dv):
            sheet.data_validations.append(dv)
        chair = d.chair and self.plan.curriculum.member_by_id.get(d.chair)
        chair_name = self.labels[chair.id] if chair else None
        head: dict[str, Any] = {"date": s.date, "venue": s.place, "start": s.start,
                                "end": s.end, "chair": chair_name, "recorder": None,
                                "guests": None}
        rows: list[list[Any]] = []
        merges: list[str] = []
        heights: dict[int, float] = {}
        title = text(loc, "recordbook.title", title=s.title)
        rows.append([self.cell(sheet, title, "title"), *(None,) * 6,
                     self.cell(sheet, MARK, "key"), self.cell(sheet, s.id, "key")])
        merges.append("A1:E1")
        heights[1] = 42
        by_row: dict[int, list[str]] = {}
        for key, (label, _) in FIELDS.items():
            by_row.setdefault(int(label[1:]), []).append(key)
        for number in sorted(by_row):
            row: list[Any] = [None] * 9
            for key in by_row[number]:
                label, value = FIELDS[key]
                row[column(label)] = self.cell(sheet, text(loc, f"recordbook.field.{key}"),
                                             "label")
                fmt = self.date_format if key == "date" else "hh:mm" \
                    if key in ("start", "end") else None
                row[column(value)] = self.cell(sheet, head[key], "input", fmt)
                if key in ("chair", "recorder"):
                    member_dv.add(value)
                if key == "date":
                    date_dv.add(value)
            # the value cells span to column E
            values = [FIELDS[k][1] for k in by_row[number]]
            last = values[-1]
            if last[0] != "E":
                merges.append(f"{last}:E{number}")
                for letter in "BCDE"[("BCDE".index(last[0]) + 1):]:
                    row[column(letter)] = self.cell(sheet, None, "input")
            # which fields the row holds, so a row inserted above does not lose them
            row[column(KEY)] = self.cell(sheet, "fields:" + ",".join(by_row[number]), "key")
            if number == 2:
                row[column(VALUE)] = self.cell(sheet, loc, "key")
            rows.append(row)
        header = [text(loc, f"recordbook.column.{c}") for c in
                  ("number", "name", "standing", "status", "reason")]
        rows.append([*(self.cell(sheet, h, "label") for h in header), None, None,
                     self.cell(sheet, "attendance", "key")])
        assert len(rows) == MEMBER_HEADER_ROW
        first = len(rows) + 1
        for i, e in enumerate(d.expected, start=1):
            status = text(loc, "attendance.leave") if e.excused else None
            rows.append([self.cell(sheet, i, "number"),
                         self.cell(sheet, self.labels[e.id], "fixed"),
                         self.cell(sheet, text(loc, f"party.{e.party}"), "fixed"),
                         self.cell(sheet, status, "input"),
                         self.cell(sheet, e.excused, "input"), None, None,
                         # an attendance the plan filled in (on leave) is not the user's
                         self.cell(sheet, MEMBER_EXCUSED if e.excused else MEMBER, "key"),
                         self.cell(sheet, e.id, "key")])
        for _ in range(EXTRA_MEMBERS):
            rows.append([self.cell(sheet, None, "number"), self.cell(sheet, None, "input"),
                         self.cell(sheet, None, "fixed"), self.cell(sheet, None, "input"),
                         self.cell(sheet, None, "input")])
        last_member = len(rows)
        status_dv.add(f"D{first}:D{last_member}")
        member_dv.add(f"B{last_member - EXTRA_MEMBERS + 1}:B{last_member}")
        for section in SECTIONS:
            self._section(sheet, rows, merges, heights, section, d, member_dv, speaker_dv,
                          count_dv, date_dv)
        self._set_up(sheet, len(rows))
        for number, row in enumerate(rows, start=1):
            if number in heights:
                sheet.row_dimensions[number].height = heights[number]
            sheet.append(row)
        for ref in merges:
            sheet.merged_cells.add(ref)

    def _section(self, sheet: Any, rows: list[list[Any]], merges: list[str],
                 heights: dict[int, float], section: str, d: Draft, member_dv: Any,
                 speaker_dv: Any, count_dv: Any, date_dv: Any) -> None:
        loc = self.loc
        columns = SECTIONS[section]
        title = text(loc, f"recordbook.section.{section}")
        head = [self.cell(sheet, title, "label")]
        if columns == ("text",):
            head.append(self.cell(sheet, None, "label"))
        else:
            head.extend(self.cell(sheet, text(loc, f"recordbook.column.{section}.{c}")
                                  if c else None, "label") for c in columns)
        row = head + [None] * (7 - len(head)) + [self.cell(sheet, f"section:{section}", "key")]
        rows.append(row)
        number = len(rows)
        if columns == ("text",) or section == "speeches":
            merges.append(f"{'B' if columns == ('text',) else 'C'}{number}:E{number}")
        elif section == "actions":
            merges.append(f"B{number}:C{number}")
        prefilled = list(d.topics) if section == "topics" else []
        for i in range(len(prefilled) + BLANK_ROWS[section]):
            number = len(rows) + 1
            value = prefilled[i] if i < len(prefilled) else None
            style = "long"
            if columns == ("text",):
                cells = [self.cell(sheet, value, style), *(self.cell(sheet, None, style)
                                                          for _ in range(3))]
                merges.append(f"B{number}:E{number}")
                heights[number] = 150 if section == "summary" else 30
            elif section == "speeches":
                cells = [self.cell(sheet, None, "input"), self.cell(sheet, None, style),
                         self.cell(sheet, None, style), self.cell(sheet, None, style)]
                merges.append(f"C{number}:E{number}")
                speaker_dv.add(f"B{number}")
                heights[number] = 48
            elif section == "votes":
                cells = [self.cell(sheet, None, style),
                         *(self.cell(sheet, None, "input") for _ in range(3))]
                count_dv.add(f"C{number}:E{number}")
                heights[number] = 32
            else:   # actions: the task across B:C, the owner, the due day
                cells = [self.cell(sheet, None, style), self.cell(sheet, None, style),
                         self.cell(sheet, None, "input"),
                         self.cell(sheet, None, "input", self.date_format)]
                merges.append(f"B{number}:C{number}")
                heights[number] = 30
                member_dv.add(f"D{number}")
                date_dv.add(f"E{number}")
            key = "prefilled" if i < len(prefilled) else None
            rows.append([self.cell(sheet, i + 1 if section != "summary" else None, "number"),
                         *cells, *((None, None, self.cell(sheet, key, "key")) if key else ())])

    def _set_up(self, sheet: Any, last: int) -> None:
        """A4 portrait, one page wide, the title row on every page; locked structure."""
        setup = sheet.page_setup
        setup.orientation = "portrait"
        setup.paperSize = PAPER_A4
        setup.fitToWidth, setup.fitToHeight = 1, 0
        sheet.print_area = f"A1:E{last}"
        sheet.print_title_rows = "1:1"
        sheet.print_options.horizontalCentered = True
        margins = sheet.page_margins
        margins.left = margins.right = 0.5
        margins.top, margins.bottom = 0.7, 0.7
        sheet.oddFooter.center.text = text(self.loc, "workbook.page")
        protection = sheet.protection
        protection.sheet = True
        # locked cells stay locked; rows may be inserted and resized, columns widened
        protection.insertRows = False
        protection.formatRows = False
        protection.formatColumns = False


def record_workbook(plan: Plan, stamp: date | None = None) -> bytes:
    """The quarter's record workbook (see the module's docstring), byte-identical for the
    same plan: a guide, then a sheet per session in the plan's order, and the hidden list
    of names the drop-downs offer."""
    writer = _Writer(plan)
    writer.guide_sheet()
    roster = writer.roster()
    cur = plan.curriculum
    for name, session in zip(sheet_names(plan), plan.sessions, strict=True):
        writer.session_sheet(name, draft(cur, session), len(roster))
    writer.names_sheet(roster)
    return save_workbook(writer.book, stamp or plan.quarter.first)

