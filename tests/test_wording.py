"""Every filed document reads as a person wrote it: no ids, config keys or ISO dates.

What ``make demo`` writes for the example branch (with its records: the quarter's ledger,
the year with its minutes, ledger and evaluation), the English example and a branch that
is not the example (a county hospital's nursing branch, ``tests/data/branches/nursing.yaml``),
a district of them, and a branch's evaluation of the year in each language
(``tests/test_evaluation_render.py``), is read back, Word files with python-docx, workbooks
with openpyxl, notices as text, and scanned.
The machine files (plan.yaml, .ics, JSON) are meant to carry ids and are not scanned.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from test_evaluation_render import write_branch

import studykit
from studykit.app.workflows import (
    branch_evaluation,
    branch_ledger,
    district_report,
    plan_branch,
    plan_year,
    write_branch_report,
    write_district,
    write_evaluation,
    write_minutes_of,
)

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "curricula"
NURSING = Path(__file__).parent / "data" / "branches" / "nursing.yaml"

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{4}Q[1-4]\b|\b\d{4}q[1-4]\b")
CONFIG_KEY = re.compile(r"\b(?:calendar|rules|meetings|courses|members|organization|roles|"
                        r"competencies)\.[a-z]|\b[a-z_]+\[\d+\]|`|\.ya?ml\b|(?:/[A-Za-z_][A-Za-z0-9_.-]*){2,}")
SLUG = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![A-Za-z0-9])")


def _docx_text(path: Path) -> Iterator[str]:
    document = docx.Document(str(path))
    parts: list[Any] = [document]
    for section in document.sections:
        parts += [section.header, section.footer]
    for part in parts:
        yield from (p.text for p in part.paragraphs)
        for table in part.tables:
            for row in table.rows:
                yield from (cell.text for cell in row.cells)


def _xlsx_text(path: Path) -> Iterator[str]:
    """What a person sees of a workbook: its visible sheets and columns (the record
    workbook keeps the ids it reads back in hidden columns)."""
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        yield sheet.title
        yield str(sheet.oddHeader.center.text or "") + str(sheet.oddFooter.center.text or "")
        hidden = {letter for letter, d in sheet.column_dimensions.items() if d.hidden}
        for row in sheet.iter_rows():
            yield from (c.value for c in row
                        if isinstance(c.value, str) and c.column_letter not in hidden)


def documents(folder: Path) -> Iterator[tuple[Path, str]]:
    """(file, a piece of its text) for every document a person reads in ``folder``."""
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".docx":
            yield from ((path, t) for t in _docx_text(path))
        elif path.suffix == ".xlsx":
            yield from ((path, t) for t in _xlsx_text(path))
        elif path.suffix == ".txt":
            yield path, path.read_text(encoding="utf-8")


def _ids(cur: studykit.Curriculum) -> set[str]:
    return {*cur.member_by_id, *cur.course_by_id, *cur.roles, *cur.competencies}


def _human_words(cur: studykit.Curriculum) -> set[str]:
    """Latin words the curriculum's own text uses (a title, a venue, a name)."""
    said = [cur.organization.name, cur.organization.unit or "", *cur.organization.venues,
            *cur.competencies.values(), *(r.name for r in cur.roles.values()),
            *(m.name for m in cur.members), *(m.group or "" for m in cur.members)]
    for c in cur.courses:
        said += [c.title, c.speaker or "", c.location or "", *c.agenda, *c.materials,
                 *c.questions, *c.aims]
    for _, freq in cur.meetings.items():
        for theme in freq.themes.values():
            said += [theme.title, theme.location or "", *theme.agenda]
    return set(re.findall(r"[A-Za-z][A-Za-z'.]*", " ".join(said)))


def found_in(folder: Path, cur: studykit.Curriculum,
             plans: list[studykit.Plan]) -> list[str]:
    """What a reader should not meet in the documents of ``folder``."""
    zh = cur.locale == "zh-CN"
    ids = _ids(cur) | {s.id for p in plans for s in p.sessions}
    allowed = _human_words(cur)
    out = []
    for path, words in documents(folder):
        where = f"{path.relative_to(folder)}: {words[:80]!r}"
        # a hyphenated word is English (make-up), an id only in a Chinese document
        for pattern, what in ((ISO_DATE, "ISO date"), (CONFIG_KEY, "config key"),
                              *([(SLUG, "id")] if zh else [])):
            hit = pattern.search(words)
            if hit and hit[0] not in allowed:
                out.append(f"{what} {hit[0]!r} in {where}")
        tokens = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9-]*", words))
        # in an English document only ids no word could be (with a hyphen or a digit)
        leaked = {t for t in tokens & ids if zh or "-" in t or any(c.isdigit() for c in t)}
        out += [f"id {t!r} in {where}" for t in sorted(leaked - allowed)]
        if zh:
            english = {w for w in re.findall(r"[A-Za-z]{3,}", words)} - allowed
            out += [f"English {w!r} in {where}" for w in sorted(english)]
    return out


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Any, list[Any]]]:
    """As ``make demo``: the example's first quarter with its ledger, and its year with the
    minutes of every record and the year's ledger; the English example's quarter; the
    nursing branch's quarter; a district of the three."""
    base = tmp_path_factory.mktemp("wording")
    out: dict[str, tuple[Path, Any, list[Any]]] = {}
    centre, records = EXAMPLES / "employment-centre.yaml", EXAMPLES / "records"
    quarter = plan_branch(centre, "2027Q1", base / "centre", records=records)
    write_branch_report(branch_ledger(centre, records, quarter=quarter.plan.quarter),
                        base / "centre")
    year = plan_year(centre, 2027, base / "year", records=records)
    # the year's records, each into its quarter's folder of the year's
    write_minutes_of(centre, sorted(records.glob("*.yaml")), base / "year")
    write_branch_report(branch_ledger(centre, records, year=2027), base / "year")
    # the example's year evaluated, with whatever its records hold of it
    write_evaluation(branch_evaluation(centre, records, 2027), base / "year")
    out["centre"] = (base / "centre", quarter.curriculum, [quarter.plan])
    out["year"] = (base / "year", year.curriculum, [q.plan for q in year.quarters])
    team = plan_branch(EXAMPLES / "small-team.en.yaml", "2026Q4", base / "team")
    out["team"] = (base / "team", team.curriculum, [team.plan])
    nursing = plan_branch(NURSING, "2027Q1", base / "nursing", partial=True)
    out["nursing"] = (base / "nursing", nursing.curriculum, [nursing.plan])
    # a district: the example with its records, the nursing branch with none yet
    branches, held = base / "branches", base / "held"
    branches.mkdir()
    (held / "employment-centre").mkdir(parents=True)
    shutil.copy(centre, branches / "employment-centre.yaml")
    shutil.copy(NURSING, branches / "nursing.yaml")
    for record in records.glob("*.yaml"):
        shutil.copy(record, held / "employment-centre" / record.name)
    run = district_report(sorted(branches.glob("*.yaml")), held,
                          quarter=studykit.Quarter.parse("2027Q1"))
    write_district(run, base / "district")
    out["district"] = (base / "district", quarter.curriculum, [quarter.plan, nursing.plan])
    # a branch's evaluation in each language: ballot, registers, summary, scorecard, and the
    # minutes of the assembly that held it
    for locale in ("zh-CN", "en"):
        path = write_branch(base / f"evaluation-{locale}", locale)
        ev = branch_evaluation(path, path.parent / "records", 2027)
        folder = base / f"evaluation-{locale}" / "out"
        write_evaluation(ev, folder)
        write_minutes_of(path, sorted((path.parent / "records").glob("*.yaml")), folder)
        out[f"evaluation-{locale}"] = (folder, ev.curriculum, list(ev.ledger.plans.values()))
    return out


@pytest.mark.parametrize("name", ["centre", "year", "team", "nursing", "district",
                                  "evaluation-zh-CN", "evaluation-en"])
def test_no_ids_keys_or_iso_dates_in_what_a_reader_gets(
        written: dict[str, tuple[Path, Any, list[Any]]], name: str) -> None:
    folder, cur, plans = written[name]
    assert any(True for _ in documents(folder)), "nothing was written"
    problems = found_in(folder, cur, plans)
    assert not problems, "\n".join(problems[:40])


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    # the scan itself: each kind of leak is found in a document that has it
    cur = studykit.load(EXAMPLES / "employment-centre.yaml")
    plan = studykit.plan_quarter(cur, "2027Q1")
    for leak in ("2027-01-07", "committee-2027-01", "zhouhaiyan", "calendar.holidays",
                 "courses[3]", "Notes"):
        document = docx.Document()
        document.add_paragraph(f"会议 {leak} 记录")
        document.save(str(tmp_path / "x.docx"))
        assert found_in(tmp_path, cur, [plan]), leak
