"""The record workbook (活动登记簿, ``records.xlsx``) read as session records.

``plan --out`` writes one sheet per session (:mod:`studykit.render.recordbook`), pre-filled
with what the plan knows; the secretary fills in each member's attendance (出勤情况) and
what happened. Here each filled sheet becomes a :class:`SheetDocument`: the same data a
YAML record holds (``docs/records.md``), so it is checked and counted exactly like one,
and every problem is located at its cell: ``records.xlsx:1月6日支委会!D7: 出勤情况: …``.

The layout (:data:`FIELDS`, :data:`SECTIONS`, the hidden columns) is shared with the
writer. Two hidden columns carry what a
reader must not have to type: the column ``KEY`` says what each row is (a field row, a
member, the start of a section), ``VALUE`` holds the session's and the members' ids. Rows
the user inserts belong to the section they are in; a member added at the end of the
attendance table is found by name. A sheet nobody has filled yet (no attendance, nothing
said or decided) is a session not held yet, and is no record.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..domain.errors import InputError, Problem
from ..domain.models import Curriculum
from ..engine.drafts import attendance_lists, attendance_of, attendance_words
from ..words import Message, msg, text
from . import yamlio
from .names import MemberNames, curriculum_labels

MARK = "studykit-record"
"""The hidden cell ``KEY``1 of every record sheet (sheets without it are not records)."""
NAMES_MARK = "studykit-names"
"""The hidden cell ``KEY``1 of the hidden sheet of names the drop-downs offer (A), with
their ids (B)."""
KEY, VALUE = "H", "I"
"""The hidden columns: what a row is, and the ids."""
FIELDS: dict[str, tuple[str, str]] = {
    # record key → (label cell, value cell) on the sheet's head rows
    "date": ("A2", "B2"), "venue": ("C2", "D2"),
    "start": ("A3", "B3"), "end": ("C3", "D3"),
    "chair": ("A4", "B4"), "recorder": ("C4", "D4"),
    "guests": ("A5", "B5"),
}
"""The head of a sheet: each record field's label and value cell."""
MEMBER_HEADER_ROW = 6
"""The attendance table's header row; members follow from row 7."""
MEMBER = "member"
"""``KEY`` of an expected member's row (``VALUE``: their id)."""
MEMBER_EXCUSED = "member:excused"
"""``KEY`` of the row of a member the plan knew away, pre-filled 请假: that 请假 alone does
not make the sheet filled in."""
MEMBER_KEYS = (MEMBER, MEMBER_EXCUSED)
SECTIONS: dict[str, tuple[str, ...]] = {
    # section → the record keys of its columns B, C, D, E ('' for a merged or unused one)
    "topics": ("text",),
    "materials": ("text",),
    "speeches": ("who", "said"),
    "votes": ("motion", "for", "against", "abstain"),
    "decisions": ("text",),
    "actions": ("task", "", "owner", "due"),
    "summary": ("text",),
}
"""The sections below the attendance, in order, and what their columns hold."""
MAX_SHEETS = 2000
MAX_ROWS = 20_000
"""The most sheets a workbook, and rows a sheet, may have (a 2,000-member branch's
quarter has about 100 sheets, the largest of 2,000 rows)."""


@dataclass
class _Cell:
    """Where a value stands on the sheet, and the label a problem names it by."""

    ref: str
    label: str
    subject: str = ""


@dataclass
class SheetDocument(yamlio.Document):
    """One filled sheet of a record workbook, as a record's data; its problems are located
    at cells (``path`` is ``records.xlsx:<sheet>``).

    Names typed in the sheet (the chair, a speaker, an action's owner, a member added by
    hand) are resolved to member ids by :meth:`bind`, against the curriculum it is
    checked with."""

    places: dict[tuple[str | int, ...], _Cell] = field(default_factory=dict)
    names: dict[tuple[str | int, ...], str] = field(default_factory=dict)
    """Where the data holds a name as typed, to resolve to a member id."""
    bound: tuple[Curriculum | None] | None = None
    """The curriculum the names were resolved against (kept, so it is that one)."""
    unsettled: set[str] = field(default_factory=set)
    """Members whose attendance is said to be wrong or missing at its cell."""
    roster: dict[str, str] = field(default_factory=dict)
    """The workbook's own names and their ids (its hidden list), for when no curriculum
    is at hand (``check`` of a workbook alone)."""
    reported: dict[tuple[str | int, ...], Problem] = field(default_factory=dict)
    """What the sheet's own reading found, by the place in the data it is about: a check
    of the record that finds something there too says the same thing once."""

    def problem(self, where: Sequence[str | int], message: Message,
                key: bool = False) -> Problem:
        """The problem at the cell ``where`` stands in (the nearest one known)."""
        if tuple(where) in self.reported:
            return self.reported[tuple(where)]
        return self.at(self.cell(where), message)

    def at(self, cell: _Cell, message: Message) -> Problem:
        """A problem at ``cell``."""
        from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
        letter, row = coordinate_from_string(cell.ref)
        return Problem(self.path, row, column_index_from_string(letter), cell.label,
                       message, cell.subject, self.locale, cell=True)

    def cell(self, where: Sequence[str | int]) -> _Cell:
        """The cell of ``where``, or of the nearest thing around it."""
        where = tuple(where)
        while where and where not in self.places:
            where = where[:-1]
        return self.places.get(where) or self.places[()]

    def bind(self, curriculum: Curriculum | None) -> None:
        """Resolve the names written in the sheet to member ids (:class:`MemberNames`: a
        name, the drop-down's label, an id; the workbook's own list of names first). A
        name that is no member's, or two members', is a problem; a speaker may be a
        guest, by any name. Without a curriculum, the workbook's own list stands in."""
        if self.bound is not None and self.bound[0] is curriculum:
            return
        self.bound = (curriculum,)
        day = self.data.get("date") if isinstance(self.data.get("date"), date) else None
        if curriculum is not None:
            branch = [m.id for m in curriculum.as_of(day).members] if day else None
            names = MemberNames(curriculum_labels(curriculum), self.locale or "zh-CN", day,
                                branch, known=self.roster)
        else:
            names = MemberNames({m: label for label, m in self.roster.items()},
                                self.locale or "zh-CN")
        for where, written in self.names.items():
            found = names.member(written)
            if isinstance(found, str) and where[0] == "attendance-name":
                continue                    # a row said to be wrong already: nothing to put
            if isinstance(found, str) and where[0] == "absent" and found != written \
                    and found in self.data["absent"]:
                self._refuse(where, msg("workbook.twice_on_leave", name=written))
            elif isinstance(found, str) and where[0] == "absent":
                # on leave: the member is the key
                self.data["absent"] = {found if k == written else k: v
                                       for k, v in self.data["absent"].items()}
                self.places[("absent", found)] = self.places[where]
            elif isinstance(found, str):
                _put(self.data, where, found)
            elif where[0] != "speeches":    # a guest speaks under their own name
                self._refuse(where, found)

    def _refuse(self, where: tuple[str | int, ...], message: Message) -> None:
        """A problem with a name, said even where the sheet's reading has said another
        thing (a leave without its reason), and instead of what a later check would say
        about the name as written."""
        problem = self.at(self.cell(where), message)
        self.reported.setdefault(where, problem)
        self.problems.append(problem)


def _put(data: dict[str, Any], where: tuple[str | int, ...], value: Any) -> None:
    target: Any = data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value


def _text(value: Any) -> str | None:
    """A cell as text, or None when empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    out = str(value).strip()
    return out or None


def _day(value: Any) -> Any:
    """A day as a date (a date cell, or text the schema will check)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        value = value.strip()
        for form in ("%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y.%m.%d"):
            try:
                return datetime.strptime(value, form).date()
            except ValueError:
                pass
    return value


def _clock(value: Any) -> Any:
    """A time of day as a time (a time cell, or text the schema will check)."""
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:     # a time Excel kept as a fraction
        minutes = round(value * 24 * 60)
        return time(minutes // 60, minutes % 60)
    if isinstance(value, str):
        return value.strip().replace("：", ":")
    return value


def _count(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def read_workbook(path: Path | str) -> list[SheetDocument]:
    """The filled record sheets of a workbook, as documents (sheets not filled yet, and
    sheets that are not record sheets, are left out).

    A file that is not a workbook, is too large, or has too many sheets or rows raises
    :class:`~studykit.domain.errors.InputError`."""
    return read_workbook_sheets(path)[0]


def read_workbook_sheets(path: Path | str) -> tuple[list[SheetDocument], int]:
    """:func:`read_workbook`, and how many record sheets the workbook has, filled or not
    (none: it is no record workbook)."""
    name = str(path)
    book = yamlio.open_workbook(yamlio.read_file(path), name)

    def refused(key: str, **values: Any) -> InputError:
        return InputError([Problem(name, 1, 1, "", msg(key, **values))])

    try:
        if len(book.sheetnames) > MAX_SHEETS:
            raise refused("workbook.too_many_sheets", most=MAX_SHEETS)
        out = []
        roster: dict[str, str] = {}
        sheets = 0
        unmarked: list[Problem] = []
        for sheet in book.worksheets:
            rows = _rows(sheet, name)
            if rows and rows[0][column(KEY)] == MARK:
                sheets += 1
                doc = _SheetReader(f"{name}:{sheet.title}", rows).document()
                if doc is not None:
                    out.append(doc)
            elif rows and rows[0][column(KEY)] == NAMES_MARK:
                roster = roster or _roster(rows)
            elif _looks_like_a_record_sheet(rows):
                # a session's sheet whose hidden columns were deleted or cleared: say so,
                # rather than pass over what was recorded on it
                unmarked.append(Problem(f"{name}:{sheet.title}", 1, 8, "", msg(
                    "workbook.unmarked", sheet=sheet.title), cell=True))
        if unmarked:
            raise InputError(unmarked)
        for doc in out:
            doc.roster = roster
        return out, sheets
    finally:
        book.close()


def _rows(sheet: Any, path: str) -> list[tuple[Any, ...]]:
    """The sheet's values, row by row, columns A to I; more than :data:`MAX_ROWS` rows
    are refused (a sheet's stated size may be missing or wrong: the rows are counted)."""
    out: list[tuple[Any, ...]] = []
    # no max_row: a streaming sheet would pad up to it with empty rows
    for r in sheet.iter_rows(min_col=1, max_col=9, values_only=True):
        if len(out) == MAX_ROWS:
            raise InputError([Problem(path, 1, 1, "", msg(
                "workbook.too_many_rows", sheet=sheet.title, most=MAX_ROWS))])
        out.append(tuple(r) + (None,) * (9 - len(r)))
    return out


def column(ref: str) -> int:
    """The 0-based column of a cell (``D2``) or a column letter (``D``), A to I."""
    return "ABCDEFGHI".index(ref[0])


def _looks_like_a_record_sheet(rows: list[tuple[Any, ...]]) -> bool:
    """A sheet laid out as a session's (its date's label where the writer puts it, in
    either language) but without its marks."""
    labels = {text(loc, "recordbook.field.date") for loc in ("zh-CN", "en")}
    return any(_text(row[0]) in labels for row in rows[1:4])


def _roster(rows: list[tuple[Any, ...]]) -> dict[str, str]:
    """The hidden list of names (label → id) on its sheet's ``rows``."""
    return {str(r[0]): str(r[1]) for r in rows[1:] if r[0] is not None and r[1] is not None}


class _SheetReader:
    """One record sheet's cells → a record's data, each value's cell remembered."""

    def __init__(self, path: str, rows: list[tuple[Any, ...]]) -> None:
        self.path, self.rows = path, rows
        self.places: dict[tuple[str | int, ...], _Cell] = {}
        self.names: dict[tuple[str | int, ...], str] = {}
        self.problems: list[tuple[tuple[str | int, ...], Message, _Cell]] = []
        self.unsettled: set[str] = set()
        # the head's rows by what they hold (a row inserted above moves them), and the
        # attendance table's header
        self.head: dict[str, int] = {}
        self.header_row = MEMBER_HEADER_ROW
        for number, row in enumerate(rows, start=1):
            key = row[column(KEY)]
            if key == "attendance":
                self.header_row = number
                break
            if isinstance(key, str) and key.startswith("fields:"):
                for name in key.removeprefix("fields:").split(","):
                    self.head[name] = number
        locale_row = self.head.get("date", 2)
        self.locale = _text(self.at(f"{VALUE}{locale_row}")) or "zh-CN"

    def field_cells(self, key: str) -> tuple[str, str]:
        """The label's and the value's cell of a field of the head."""
        label, value = FIELDS[key]
        row = self.head.get(key, int(label[1:]))
        return f"{label[0]}{row}", f"{value[0]}{row}"

    def at(self, ref: str) -> Any:
        row = int(ref[1:]) - 1
        return self.rows[row][column(ref[0])] if row < len(self.rows) else None

    def label(self, ref: str) -> str:
        return (_text(self.at(ref)) or "").rstrip("：:")

    def document(self) -> SheetDocument | None:
        data: dict[str, Any] = {"session": _text(self.at(f"{VALUE}1"))}
        title = _text(self.at("A1")) or ""
        self.places[()] = self.places[("session",)] = _Cell("A1", title)
        for key in FIELDS:
            label, value = self.field_cells(key)
            self.places[(key,)] = _Cell(value, self.label(label))
            raw = self.at(value)
            if raw is None or _text(raw) is None:
                continue
            if key == "date":
                data[key] = _day(raw)
            elif key in ("start", "end"):
                data[key] = _clock(raw)
            elif key in ("chair", "recorder"):
                data[key] = self.name((key,), raw)
            elif key == "guests":
                data[key] = [g for g in _split(str(raw)) if g]
            else:
                data[key] = _text(raw)
        written = self.sections(data)
        if not self.attendance(data, written) and not written:
            return None
        doc = SheetDocument(self.path, data, places=self.places, names=self.names,
                            unsettled=self.unsettled)
        doc.locale = self.locale
        for where, message, cell in self.problems:
            doc.reported[where] = doc.at(cell, message)
            doc.problems.append(doc.reported[where])
        return doc

    def name(self, where: tuple[str | int, ...], raw: Any) -> str | None:
        value = _text(raw)
        if value is not None:
            self.names[where] = value
        return value

    def attendance(self, data: dict[str, Any], written: bool) -> bool:
        """The attendance table into the record's lists; whether anyone's is filled. On a
        sheet with something ``written`` below, every expected member needs one."""
        words = attendance_words(self.locale)
        header = self.rows[self.header_row - 1] if len(self.rows) >= self.header_row \
            else ()
        status_label = _text(header[column("D")]) if header else None
        reason_label = _text(header[column("E")]) if header else None
        name_label = _text(header[column("B")]) if header else None
        statuses: dict[str, str] = {}
        reasons: dict[str, str] = {}
        cells: dict[str, tuple[int, str]] = {}
        blank: list[tuple[int, str]] = []
        prefilled = 0
        for index in range(self.header_row, len(self.rows)):
            row = self.rows[index]
            key = row[column(KEY)]
            if isinstance(key, str) and key.startswith("section:"):
                break
            number = index + 1
            member = _text(row[column(VALUE)]) if key in MEMBER_KEYS else None
            typed = _text(row[column("B")])
            status, reason = _text(row[column("D")]), _text(row[column("E")])
            if member is None and typed is None:
                if status is not None:      # a status with no one's name
                    self.problems.append(((f"row{number}",), msg("workbook.status_no_name"),
                                          _Cell(f"B{number}", name_label or "")))
                continue
            who = member or typed or ""
            subject = typed or who
            if member is None:
                # a member written in by hand (someone not expected came)
                self.names[("attendance-name", number)] = who
                self.places[("attendance-name", number)] = _Cell(f"B{number}",
                                                                 name_label or "", subject)
            if status is None:
                blank.append((number, subject))
                self.unsettled.add(who)
                continue
            chosen = attendance_of(self.locale, status)
            if chosen is None:
                self.unsettled.add(who)
                self.problems.append(((f"row{number}",), msg(
                    "workbook.bad_status", found=status, choices="/".join(words)),
                    _Cell(f"D{number}", status_label or "", subject)))
                continue
            if who in statuses:
                # the same member twice (a name written in again, a copied row)
                self.problems.append(((f"row{number}",), msg(
                    "workbook.twice", row=cells[who][0]),
                    _Cell(f"B{number}", name_label or "", subject)))
                continue
            if chosen == "leave" and reason is None:
                self.problems.append((("absent", who), msg("workbook.leave_reason"),
                                      _Cell(f"E{number}", reason_label or "", subject)))
            # the plan's own 请假 for a member it knew away: not yet the user's entry
            prefilled += key == MEMBER_EXCUSED and chosen == "leave"
            statuses[who] = chosen
            if reason is not None:
                reasons[who] = reason
            cells[who] = (number, subject)
        lists = attendance_lists(statuses, reasons)
        for key in ("present", "late", "unexcused"):
            data[key] = lists[key]
            for i, m in enumerate(lists[key]):
                self._member_cell((key, i), cells[m], status_label)
        data["absent"] = lists["absent"]
        for m in lists["absent"]:
            self._member_cell(("absent", m), cells[m], status_label)
        filled = len(statuses) > prefilled or bool(self.problems)
        if filled or written:
            # a held session (anything written on its sheet): everyone's attendance
            for number, subject in blank:
                self.problems.append(((f"row{number}",), msg("workbook.no_status"),
                                      _Cell(f"D{number}", status_label or "", subject)))
        return filled

    def _member_cell(self, where: tuple[str | int, ...], cell: tuple[int, str],
                     label: str | None) -> None:
        """Where the member's entry in the list ``where`` stands: their attendance; for a
        name written in by hand, the name (what there is to resolve)."""
        number, subject = cell
        self.places[where] = _Cell(f"D{number}", label or "", subject)
        if ("attendance-name", number) in self.names:
            self.names[where] = self.names.pop(("attendance-name", number))
            self.places[where] = self.places[("attendance-name", number)]

    def sections(self, data: dict[str, Any]) -> bool:
        """The sections below the attendance; whether any has anything written by hand
        (the topics are pre-filled from the agenda, so they alone do not make a sheet
        filled)."""
        section: str | None = None
        labels: dict[str, str] = {}
        filled = False
        items: dict[str, list[Any]] = {s: [] for s in SECTIONS}
        for index, row in enumerate(self.rows):
            key = row[column(KEY)]
            number = index + 1
            if isinstance(key, str) and key.startswith("section:"):
                section = key.removeprefix("section:")
                if section not in SECTIONS:
                    section = None
                    continue
                title = _text(row[0]) or ""
                for c, name in zip("BCDE", SECTIONS[section], strict=False):
                    labels[f"{section}.{name}"] = \
                        f"{title}·{_text(row[column(c)]) or ''}".rstrip("·")
                labels[section] = title
                continue
            if section is None or key in MEMBER_KEYS:
                continue
            cells = [row[column(c)] for c in "BCDE"]
            if all(_text(v) is None for v in cells):
                continue
            if key != "prefilled":
                filled = True
            items[section].append((number, cells))
        for name, rows in items.items():
            self._section(data, name, rows, labels)
        return filled

    def _section(self, data: dict[str, Any], name: str, rows: list[tuple[int, list[Any]]],
                 labels: Mapping[str, str]) -> None:
        columns = SECTIONS[name]
        if columns == ("text",):
            values = [" ".join(t for v in cells if (t := _text(v))) for _, cells in rows]
            for i, (number, _) in enumerate(rows):
                self.places[(name, i)] = _Cell(f"B{number}", labels.get(name, name))
            if name == "summary":
                if values:
                    data["summary"] = "\n".join(values)
                    self.places[("summary",)] = self.places[("summary", 0)]
            elif values:
                data[name] = values
            return
        out = []
        for i, (number, cells) in enumerate(rows):
            item: dict[str, Any] = {}
            for letter, key, value in zip("BCDE", columns, cells, strict=False):
                if not key:
                    continue
                self.places[(name, i, key)] = _Cell(f"{letter}{number}",
                                                    labels.get(f"{name}.{key}", name))
                if _text(value) is None:
                    continue
                if key in ("for", "against", "abstain"):
                    item[key] = _count(value)
                elif key == "due":
                    item[key] = _day(value)
                elif key in ("who", "owner"):
                    item[key] = self.name((name, i, key), value)
                else:
                    item[key] = _text(value)
            self.places[(name, i)] = self.places[(name, i, columns[0])]
            if name == "actions" and not item.get("task"):
                # the task is written across B:C; a hand-inserted row may put it in C
                task = _text(cells[1])
                if task:
                    item["task"] = task
            out.append(item)
        if out:
            data[name] = out


def _split(value: str) -> Iterator[str]:
    for part in value.replace("，", ",").replace("、", ",").replace("；", ",").split(","):
        yield part.strip()


def is_workbook(path: Path | str) -> bool:
    """Whether ``path`` names an Excel workbook (by its name: ``.xlsx``, ``.xlsm``)."""
    return Path(path).suffix.lower() in (".xlsx", ".xlsm")

