"""What the notebooks call, so they work on any branch: nothing in them is the example's.

The first cell of a notebook names the curriculum, the records folder and the quarter
(or leaves the quarter to the curriculum or to today); everything else comes from the
branch's own data: :func:`chosen_quarter`, the record form of a quarter's plan
(:func:`record_form`), which files a record beside the others and writes its minutes
(:func:`file_record`), and each member's levels quarter by quarter
(:func:`levels_by_quarter`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.errors import UserError
from ..domain.models import Curriculum
from ..domain.records import Record
from ..domain.time import Quarter, quarter_of
from ..engine.drafts import Draft, draft
from ..engine.levels import project_levels
from ..reading import yamlio
from ..reading.records import (
    check_records,
    checked_records,
    loads_record,
    parse_records,
    record_files,
)
from ..render.recordfile import dump_record
from ..show.display import View, levels_view
from ..show.forms import Filed, RecordForm
from ..words import msg, quarter_title, text
from .workflows import write_minutes_for


def chosen_quarter(curriculum: Curriculum, quarter: Quarter | str | None = None,
                   today: date | None = None) -> tuple[Quarter, str]:
    """The quarter a notebook works on, and a sentence saying which and why: ``quarter``
    as given, else the curriculum's ``calendar.quarter``, else today's."""
    loc = curriculum.locale
    if quarter is not None:
        chosen, why = Quarter.parse(quarter), "nb.quarter_given"
    elif curriculum.calendar.quarter is not None:
        chosen, why = Quarter.parse(curriculum.calendar.quarter), "nb.quarter_curriculum"
    else:
        chosen, why = quarter_of(today or date.today()), "nb.quarter_today"
    return chosen, text(loc, "nb.quarter", quarter=quarter_title(loc, chosen), why=text(loc, why))


def _folder(records: Path | str) -> Path:
    """The records folder: the one given, or the one a record workbook given is in (a
    record filed in the notebook goes beside it, and the workbook's sessions count as
    recorded)."""
    path = Path(records)
    return path.parent if path.is_file() else path


def _records(curriculum: Curriculum, folder: Path) -> list[yamlio.Document]:
    """The records of ``folder`` (none when there is no such folder yet), parsed; files
    that are not records are passed over (``studykit check`` says what is wrong in them)."""
    return parse_records(record_files([folder]), skip_unreadable=True) if folder.is_dir() \
        else []


def recorded(curriculum: Curriculum, folder: Path | str) -> dict[tuple[str, Quarter], str]:
    """(session id, quarter) → the record file of each session recorded in ``folder``."""
    found, _ = check_records(_records(curriculum, _folder(folder)), curriculum, None,
                             skip_unreadable=True)
    return {(r.session, quarter_of(r.date)): r.source for r in found if isinstance(r, Record)}


def record_form(curriculum: Curriculum, records: Path | str, out: Path | str,
                quarter: Quarter | str, session: str | None = None,
                templates: Path | str | None = None, today: date | None = None) -> RecordForm:
    """The form of a record of ``quarter``'s plan (as the records in ``records`` make it):
    saving writes the record into ``records`` and its minutes into ``out``. It starts at
    ``session``, else at the first session not yet recorded that has taken place (by
    ``today``), else at the first not recorded."""
    folder, chosen = _folder(records), Quarter.parse(quarter)
    _, _, plans = checked_records(_records(curriculum, folder), curriculum, {chosen.year},
                                  skip_unreadable=True)
    drafts = [draft(curriculum, s) for s in plans[chosen].sessions]
    held = {i: path for (i, q), path in recorded(curriculum, folder).items() if q == chosen}
    if session is None:
        open_ = [d for d in drafts if d.session.id not in held]
        past = [d for d in open_ if d.session.date <= (today or date.today())]
        session = (past or open_ or drafts)[0].session.id

    def file(d: Draft, data: Mapping[str, Any]) -> Filed:
        return file_record(curriculum, data, folder, out, templates, title=d.session.title)

    return RecordForm(curriculum, drafts, file, held, session)


def file_record(curriculum: Curriculum, data: Mapping[str, Any], records: Path | str,
                out: Path | str, templates: Path | str | None = None,
                title: str | None = None) -> Filed:
    """File a session record's ``data`` (``Draft.record``) as a YAML record in ``records``
    and write its minutes into ``out`` (as ``studykit minutes`` does), all or nothing.

    A session already recorded there, or a file of the same name, is refused, never
    overwritten; a record the minutes refuse (a mistake) is taken back out again."""
    folder = _folder(records)
    session, day = str(data["session"]), data["date"]
    loc = curriculum.locale
    first = recorded(curriculum, folder).get((session, quarter_of(day)))
    if first is not None:
        raise UserError(msg("form.recorded", title=title or session, path=first), loc)
    path = folder / f"{session}.yaml"
    if path.exists():
        path = folder / f"{session}-{day:%Y%m%d}.yaml"
    content = dump_record(data, text(loc, "form.heading", title=title or session))
    record = loads_record(content, curriculum, path=str(path))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as f:
            f.write(content)
    except FileExistsError:
        raise UserError(msg("form.file_exists", path=str(path)), loc) from None
    try:
        run = write_minutes_for(curriculum, [path], out, templates)
    except BaseException:
        path.unlink()
        raise
    assert isinstance(record, Record)
    return Filed(path, record, tuple([*run.written.written, *run.written.unchanged]))


def levels_by_quarter(curriculum: Curriculum, records: Path | str, year: int) -> View:
    """Each member's levels at the start of each quarter of ``year``: as assessed, raised
    by the courses attended since (the records in ``records``), for the competencies that
    change in the year."""
    found, _, plans = checked_records(_records(curriculum, Path(records)), curriculum, {year},
                                      skip_unreadable=True)
    days = [Quarter(year, n).first for n in (1, 2, 3, 4)]
    return levels_view(curriculum, [project_levels(curriculum, plans, found, d) for d in days])
