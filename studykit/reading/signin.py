"""Sign-in sheets: who signed in at a session, and when, from a form's export or a spreadsheet.

A branch that signs in with an online form (问卷星, 腾讯问卷, 腾讯文档, 金数据, 飞书, 钉钉,
Microsoft Forms, Google Forms) or types a sheet by hand has a table with a name column and
a time column. :func:`read_signin` reads it (CSV in UTF-8, UTF-8 with a BOM or GBK, or an
Excel workbook) and :func:`signin_from_rows` turns its rows into a :class:`SignIn`: who was
there on time, who came late (after the session's start), who was expected and did not
sign in, and every problem at its row and column. Which headers are recognised, and in
which order, is :data:`NAME_HEADERS` and :data:`TIME_HEADERS` (documented in
``docs/records.md``, "Sign-in sheets").
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
import unicodedata
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..domain.errors import InputError, Problem
from ..domain.models import Curriculum
from ..domain.plan import Session
from ..domain.text import spelt
from ..words import Message, day_message, join, msg
from . import yamlio
from .names import CJK, INVISIBLE, MemberNames, curriculum_labels
from .problems import with_locale

NAME_HEADERS: tuple[str, ...] = (
    # a name the person typed: the question of a form, the column of a hand-made sheet
    "姓名", "名字", "真实姓名", "签名", "签到人", "签到人姓名", "签到姓名", "参会人", "参会人员",
    "参会人姓名", "参会人员姓名", "与会人员", "党员姓名", "人员姓名",
    "Full name", "Your name", "Your full name", "What is your name", "Attendee",
    "Attendee name", "Participant", "Participant name",
    # the account the form tool recorded: 金数据, 腾讯文档, 飞书, 钉钉 (提交人, 填写人),
    # Microsoft Forms (Name, 名称)
    "填写人", "填写者", "填表人", "提交人", "提交者", "答题人", "答卷人", "Name", "名称",
)
"""The headers of a name column, in the order they are preferred (first match wins)."""

TIME_HEADERS: tuple[str, ...] = (
    # the moment of signing in, where the sheet says so
    "签到时间", "签到时刻", "到会时间", "到达时间", "Sign-in time", "Check-in time",
    "Arrival time",
    # when the form was sent: 问卷星 (提交答卷时间), 腾讯问卷 (结束答题时间), Microsoft Forms
    # (Completion time, 完成时间), Google Forms (Timestamp, 时间戳记), the others (提交时间)
    "提交时间", "提交答卷时间", "答卷提交时间", "填写时间", "填表时间", "结束答题时间", "完成时间",
    "Completion time", "Submit time", "Submission time", "Submitted at", "Timestamp",
    "时间戳", "时间戳记",
    # when it was opened: 腾讯问卷 (开始答题时间), Microsoft Forms (Start time, 开始时间)
    "开始答题时间", "开始填写时间", "开始时间", "Start time",
    # a hand-made sheet's plain column
    "时间", "日期时间", "Time", "Date and time",
)
"""The headers of a time column, in the order they are preferred (first match wins)."""

MAX_ROWS = 10_000
"""Sign-ins read at the most: a branch's session has tens, a district's meeting hundreds."""

HEADER_ROWS = 10
"""Non-empty rows searched for the header: a hand-made sheet may have a title above it."""

MAX_COLUMNS = 1_000
"""Columns of a workbook's row read at the most (a form with many questions has ~100)."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # an old Office file: .xls, .doc
_ZIP = b"PK\x03\x04"                          # .xlsx (and .docx, .zip…)


@dataclass(frozen=True)
class SignIn:
    """Who signed in at a session, and when, as read from a sign-in sheet.

    ``present`` signed in at or before the session's start, ``late`` after it; both
    list member ids, those the session expected first in the plan's order, then anyone
    else of the branch who came, in the curriculum's order. ``missing`` are the expected
    members who did not sign in (for the secretary to mark as on leave or absent), in the
    plan's order. ``problems`` are located at the row (``line``) and column (``col``) of
    the sheet; a row with a problem is not counted.
    """

    session: str
    path: str
    present: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    arrivals: dict[str, time] = field(default_factory=dict)
    """Member id → the earliest time they signed in."""
    missing: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    """Members who came though the session did not expect them (in present or late)."""
    name_column: str | None = None
    """The header of the column the names were read from, as written."""
    time_column: str | None = None
    """The header of the column the times were read from, as written."""
    sheet: str | None = None
    """The workbook's sheet that was read (None for CSV)."""


Row = tuple[int, Sequence[object]]
"""A row of the sheet: its line (CSV) or row number (workbook), and its cells from column 1."""


# --- the pure part: rows to a SignIn -----------------------------------------------------

def signin_from_rows(rows: Iterable[Row], curriculum: Curriculum, session: Session,
                     path: str = "", sheet: str | None = None) -> SignIn:
    """The sign-in of ``session`` from a sheet's ``rows`` (``(line, cells)``, cells from
    column 1), read by header: the first row, among the first :data:`HEADER_ROWS` that are
    not empty, with both a name and a time header. Names are matched to the members in the
    branch on the session's day; a member who signed in twice counts from the earlier
    time. Problems are located at ``path``, the row's line and the cell's column."""
    locale = curriculum.locale
    expected = list(session.expected)

    def problem(line: int, col: int, key: str, message: Message, subject: str = "") -> Problem:
        # in a workbook, at its cell: 签到.xlsx:Sheet1!B7
        if sheet is not None:
            return Problem(f"{path}:{sheet}", line, col, key, message, subject, locale,
                           cell=True)
        return Problem(path, line, col, key, message, subject, locale)

    def only(one: Problem, **found: Any) -> SignIn:
        return SignIn(session.id, path, missing=expected, problems=[one], sheet=sheet, **found)

    it = iter(rows)
    header = _find_header(it)
    if isinstance(header, _NoHeader):
        if header.first is None:
            return only(problem(1, 1, "", msg("signin.empty")))
        line, cells = header.first
        return only(problem(line, 1, "", _no_columns(cells, header.columns, locale)))
    name_col, time_col, heads = header
    name_head, time_head = heads[name_col], heads[time_col]
    branch = [m.id for m in curriculum.as_of(session.date).members]
    names = MemberNames(curriculum_labels(curriculum), locale, session.date, branch,
                        ambiguous="signin.ambiguous")
    arrivals: dict[str, time] = {}
    problems: list[Problem] = []
    count = 0
    for line, cells in it:
        if not any(_filled(c) for c in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            return only(problem(line, 1, "", msg("signin.too_many", most=f"{MAX_ROWS:,}")),
                        name_column=name_head, time_column=time_head)
        name = _cell(cells, name_col)
        when = _cell(cells, time_col)
        if not _filled(when):
            continue       # a name with no time: listed, not signed in (a pre-filled roster)
        if not _filled(name):
            problems.append(problem(line, name_col + 1, name_head, msg("signin.no_name")))
            continue
        who = str(name).strip()
        parsed = _moment(when, session.date)
        if isinstance(parsed, Message):
            problems.append(problem(line, time_col + 1, time_head, parsed, spelt(who)))
            continue
        day, clock = parsed
        if day is not None and day != session.date:
            problems.append(problem(line, time_col + 1, time_head, msg(
                "signin.other_day", day=day_message(day), held=day_message(session.date)),
                spelt(who)))
            continue
        member = names.member(who)
        if isinstance(member, Message):
            problems.append(problem(line, name_col + 1, name_head, member))
            continue
        if member not in arrivals or clock < arrivals[member]:
            arrivals[member] = clock
    order = [*expected, *(m.id for m in curriculum.as_of(session.date).members
                          if m.id not in expected)]
    came = [m for m in order if m in arrivals]
    return SignIn(
        session.id, path,
        present=[m for m in came if arrivals[m] <= session.start],
        late=[m for m in came if arrivals[m] > session.start],
        arrivals={m: arrivals[m] for m in came},
        missing=[m for m in expected if m not in arrivals],
        problems=sorted(problems, key=Problem.sort_key),
        unexpected=[m for m in came if m not in expected],
        name_column=name_head, time_column=time_head, sheet=sheet)


def header_key(text: str) -> str:
    """A header as it is compared: full-width letters, digits and punctuation made plain,
    a question's number (``1、``, ``Q1.``), a polite lead (``您的``, ``请输入``), a trailing
    colon, ``*`` or bracketed note (``（必填）``) taken off; case and spaces ignored."""
    key = unicodedata.normalize("NFKC", text).casefold()
    key = INVISIBLE.sub("", key).strip()
    for _ in range(3):   # a note after a colon after a star: each strips what the last left
        key = _LEADING.sub("", key)
        key = _TRAILING.sub("", key).strip()
    key = _POLITE.sub("", key)
    key = re.sub(r"[\s_\-]+", " ", key).strip()
    return key.replace(" ", "") if CJK.search(key) else key


_LEADING = re.compile(r"^(?:[*]+\s*|(?:q|第)?\s*\d{1,3}\s*(?:题)?\s*[、.:)\]]\s*)")
_TRAILING = re.compile(r"(?:\s*[:?*]+|\s*[(\[【][^()\[\]【】]*[)\]】])$")
_POLITE = re.compile(r"^(?:请输入|请填写|请填|请写|请输)?\s*(?:您的|你的)?(?=.)")

_NAME_KEYS = {header_key(h): i for i, h in enumerate(NAME_HEADERS)}
_TIME_KEYS = {header_key(h): i for i, h in enumerate(TIME_HEADERS)}


@dataclass(frozen=True)
class _NoHeader:
    first: Row | None
    """The first non-empty row (its headers go into the message), None if there is none."""
    columns: tuple[bool, bool]
    """Whether a name column and a time column were found in it."""


def _find_header(rows: Iterator[Row]) -> tuple[int, int, list[str]] | _NoHeader:
    """The name column's and the time column's index, and the headers as written, from the
    first row that has both (the rows before it are used up); else what was found."""
    first: Row | None = None
    columns = (False, False)
    seen = 0
    for line, cells in rows:
        if not any(_filled(c) for c in cells):
            continue
        heads = [spelt(str(c).strip().rstrip(":：")) if _filled(c) else "" for c in cells]
        keys = [header_key(str(c)) if isinstance(c, str) else "" for c in cells]
        name_col = _best(keys, _NAME_KEYS)
        time_col = _best(keys, _TIME_KEYS)
        if name_col is not None and time_col is not None:
            return name_col, time_col, heads
        if first is None:
            first, columns = (line, cells), (name_col is not None, time_col is not None)
        seen += 1
        if seen >= HEADER_ROWS:
            break
    return _NoHeader(first, columns)


def _best(keys: list[str], known: dict[str, int]) -> int | None:
    """The index of the cell whose header comes first in ``known`` (leftmost on a tie)."""
    ranked = [(known[k], i) for i, k in enumerate(keys) if k in known]
    return min(ranked)[1] if ranked else None


def _no_columns(cells: Sequence[object], columns: tuple[bool, bool], locale: str) -> Message:
    has_name, has_time = columns
    what = "signin.what.time" if has_name else "signin.what.name" if has_time \
        else "signin.what.both"
    found = [spelt(str(c).strip()) for c in cells if _filled(c)]
    shown = found[:20] + (["…"] if len(found) > 20 else [])
    return msg("signin.no_columns", what=msg(what), headers=join(locale, shown),
               names=join(locale, NAME_HEADERS), times=join(locale, TIME_HEADERS))


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _cell(cells: Sequence[object], index: int) -> object:
    return cells[index] if index < len(cells) else None


# --- names -------------------------------------------------------------------------------

# --- times -------------------------------------------------------------------------------

_CLOCK = (r"(?P<half1>上午|下午)?\s*(?P<h>\d{1,2})\s*[:时点]\s*(?P<mi>\d{1,2})"
          r"(?:\s*[:分]\s*(?P<s>\d{1,2})(?:\.\d{1,6})?\s*秒?|\s*分)?"
          r"\s*(?P<half2>[ap]\.?m\.?)?")
_YMD = r"(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
_MDY = r"(?P<a>\d{1,2})\s*[/.-]\s*(?P<b>\d{1,2})\s*[/.-]\s*(?P<yy>\d{4}|\d{2})"
_DATED = re.compile(rf"(?:{_YMD}|{_MDY})(?:(?:\s+|\s*t\s*|(?<=日)\s*){_CLOCK})?")
_CLOCK_ONLY = re.compile(_CLOCK)
_EXCEL_EPOCH = datetime(1899, 12, 30)


def _moment(value: object, held: date) -> tuple[date | None, time] | Message:
    """The day (None where only a time of day is written) and time a cell holds, or what is
    wrong with it. Text like ``2027-01-06 14:55:03``, ``2027/1/6 14:55``, ``2027年1月6日
    下午2:55``, ``2027-01-06T14:55``, ``1/6/2027 2:55 PM`` (month first, or day first where
    that is the session's day ``held``) or ``14:55``; a workbook's dates and times."""
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return msg("signin.no_clock", value=value.isoformat())
    if isinstance(value, time):
        return None, value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, timedelta):
        if timedelta(0) <= value < timedelta(days=1):
            return None, (datetime.min + value).time().replace(microsecond=0)
        return msg("signin.time_bad", value=str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value))
    written = str(value).strip()
    plain = unicodedata.normalize("NFKC", written).casefold()
    dated = _DATED.fullmatch(plain)
    match = dated or _CLOCK_ONLY.fullmatch(plain)
    if match is None:
        return msg("signin.time_bad", value=spelt(written))
    if match["h"] is None:
        return msg("signin.no_clock", value=spelt(written))
    clock = _clock(match)
    try:
        day = _day(match, held) if dated else None
    except ValueError:   # 2027-02-30
        return msg("signin.time_bad", value=spelt(written))
    if clock is None:
        return msg("signin.time_bad", value=spelt(written))
    return day, clock


def _clock(match: re.Match[str]) -> time | None:
    hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    half = match["half1"] or match["half2"] or ""
    if half:
        if not 1 <= hour <= 12:
            return None
        afternoon = half == "下午" or half.startswith("p")
        hour = hour % 12 + (12 if afternoon else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _day(match: re.Match[str], held: date) -> date:
    """The day written (ValueError if it is not a real day). ``a/b/year`` is month first,
    as Microsoft Forms and Google Forms write it in English, unless day first is the
    session's day."""
    if match["y"]:
        return date(int(match["y"]), int(match["mo"]), int(match["d"]))
    a, b, year = int(match["a"]), int(match["b"]), int(match["yy"])
    year += 2000 if year < 100 else 0
    days = []
    for month, day in ((a, b), (b, a)):
        with contextlib.suppress(ValueError):
            days.append(date(year, month, day))
    if not days:
        raise ValueError(match.group())
    return held if held in days else days[0]


def _from_datetime(value: datetime) -> tuple[date | None, time] | Message:
    clock = value.time().replace(microsecond=0)
    if clock == time(0):   # a date-only cell: Excel keeps it as that day's midnight
        return msg("signin.no_clock", value=value.date().isoformat())
    return value.date(), clock


def _from_serial(serial: float) -> tuple[date | None, time] | Message:
    """An Excel date serial (days since 1899-12-30; the fraction is the time of day) in a
    cell whose format is not a date's."""
    if not 0 <= serial < 2_958_466:   # up to the year 9999
        return msg("signin.time_bad", value=f"{serial:g}")
    moment = _EXCEL_EPOCH + timedelta(seconds=round(serial * 86_400))
    if serial < 1:
        return None, moment.time()
    return _from_datetime(moment)


# --- files -------------------------------------------------------------------------------

def read_signin(path: Path | str, curriculum: Curriculum, session: Session) -> SignIn:
    """The sign-in of ``session`` from the sheet at ``path``: a CSV file (UTF-8, UTF-8 with
    a BOM, UTF-16 with a BOM, or GBK/GB18030, as Excel saves CSV in Chinese Windows;
    comma, tab or semicolon separated) or an Excel workbook (.xlsx; the first sheet with a
    name and a time header), told apart by their content. An old Excel file (.xls) is
    refused, saying how to save it. Problems in the rows are in ``SignIn.problems``; a file
    that cannot be read at all raises :class:`~studykit.domain.errors.InputError`."""
    name = str(path)
    locale = curriculum.locale
    try:
        raw = yamlio.read_file(path)
        if raw.startswith(_ZIP):
            rows, sheet = _workbook_rows(raw, name)
            return signin_from_rows(rows, curriculum, session, name, sheet)
        suffix = Path(name).suffix.lower()
        if raw.startswith(_OLE) or suffix == ".xls":
            raise _refused(name, "signin.xls")
        if suffix in (".xlsx", ".xlsm"):
            raise _refused(name, "signin.not_workbook")
        return signin_from_rows(_csv_rows(raw, name), curriculum, session, name)
    except InputError as exc:
        raise InputError(with_locale(exc.problems, locale)) from None


def _refused(path: str, key: str, line: int = 1, col: int = 1, **values: Any) -> InputError:
    return InputError([Problem(path, line, col, "", msg(key, **values))])


def _decode(raw: bytes, path: str) -> str:
    """The text of a CSV file, in the encoding its BOM says, else UTF-8, else GB18030."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            body = raw[len(bom):]
            try:
                return body.decode(codec)
            except UnicodeDecodeError as exc:
                raise _undecodable(body, exc, path, len(bom)) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as first:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            raise _undecodable(raw, first, path) from None


def _undecodable(raw: bytes, exc: UnicodeDecodeError, path: str, skipped: int = 0) -> InputError:
    line = raw.count(b"\n", 0, exc.start) + 1
    col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1 + (skipped if line == 1 else 0)
    return _refused(path, "signin.encoding", line, col, byte=raw[exc.start:exc.start + 1].hex())


def _csv_rows(raw: bytes, path: str) -> Iterator[Row]:
    """The rows of a CSV file with the line each starts on (a quoted cell may hold line
    breaks, so a row can span lines)."""
    text = _decode(raw, path)
    if "\x00" in text:
        raise _refused(path, "signin.not_text")
    head = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",\t;", key=head.count) if any(d in head for d in ",\t;") else ","
    return _csv_records(text, delimiter, path)


def _csv_records(text: str, delimiter: str, path: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _refused(path, "signin.csv_bad", reader.line_num or 1, 1, raw=str(exc)) from None


def _workbook_rows(raw: bytes, path: str) -> tuple[Iterator[Row], str]:
    """The rows of the workbook's first sheet that has a name and a time header (else its
    active sheet), and that sheet's name."""
    book = yamlio.open_workbook(raw, path, "signin.not_workbook")
    sheets = [ws for ws in book.worksheets if hasattr(ws, "iter_rows")]
    if not sheets:
        book.close()
        raise _refused(path, "signin.not_workbook")
    active = book.active if book.active in sheets else sheets[0]
    chosen = next((ws for ws in [active, *(s for s in sheets if s is not active)]
                   if _has_header(ws, path)), active)
    return _closing(book, _sheet_rows(chosen, path)), str(chosen.title)


def _has_header(ws: Any, path: str) -> bool:
    rows = _sheet_rows(ws, path)
    try:
        return not isinstance(_find_header(rows), _NoHeader)
    finally:
        rows.close()


def _sheet_rows(ws: Any, path: str) -> Generator[Row, None, None]:
    try:
        yield from enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1)
    except Exception:   # a sheet whose XML openpyxl cannot parse
        raise _refused(path, "signin.not_workbook") from None


def _closing(book: Any, rows: Iterator[Row]) -> Iterator[Row]:
    try:
        yield from rows
    finally:
        book.close()
