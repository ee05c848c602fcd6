"""What a user typed reaches every sink the same way: the terminal, the workbook, the
calendar file, the JSON, the Word documents; none of them crashes or is corrupted."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import icalendar
import openpyxl
import pytest

from studykit.domain.text import printable, visible
from studykit.show.tables import table, width

HOSTILE = "甲\x1b[31m乙\r丙\v丁\x85戊\u2028己\u202e庚\x00辛"


def test_visible_spells_out_what_a_terminal_would_obey() -> None:
    shown = visible(HOSTILE)
    assert shown == "甲\\u001b[31m乙\\u000d丙\\u000b丁\\u0085戊\\u2028己\\u202e庚\\u0000辛"
    assert shown.isprintable()
    assert visible("一\n二\t三") == "一 二 三" and visible("一\n二", lines=True) == "一\n二"
    assert visible("唐树 Alexander") == "唐树 Alexander"


def test_printable_keeps_line_breaks_and_spells_out_the_controls() -> None:
    assert printable("一\n二\t三") == "一\n二\t三"
    assert printable("a\x00b\x1bc\ufffe") == "a\\u0000b\\u001bc\\ufffe"
    # DEL and C1 (found by the fuzzer in calendar.ics): XML holds them, RFC 5545 does not
    assert printable("a\x7fb\x9bc") == "a\\u007fb\\u009bc"


def test_a_table_with_hostile_cells_stays_one_line_per_row() -> None:
    lines = table(["题目", "人"], [[HOSTILE, "x"], ["y", "z"]]).splitlines()
    assert len(lines) == 4
    # the second column starts at one display column on every row
    assert len({width(line[:line.index(cell)]) for line, cell in
                zip([lines[0], lines[2], lines[3]], ["人", "x", "z"], strict=True)}) == 1
    assert all(line.isprintable() for line in lines)


def _hostile_curriculum(centre_path: Path, tmp_path: Path) -> Path:
    text = centre_path.read_text(encoding="utf-8")
    for plain, quoted in (("name: 亭湖区劳动就业服务中心党支部",
                           r'name: "亭湖区\n劳动就业\x1b[2J服务中心党支部"'),
                          ("name: 唐树", r'name: "唐\u2028树\x07"'),
                          ("title: 学习贯彻党的二十届四中全会精神",
                           r'title: "学习贯彻\r党的\v二十届\x85四中全会\u202e精神"')):
        assert plain in text
        text = text.replace(plain, quoted, 1)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "studykit", *args], capture_output=True,
                          text=True, check=False)


@pytest.mark.parametrize("command", ["plan", "report"])
def test_control_characters_reach_every_sink_safely(centre_path: Path, tmp_path: Path,
                                                    command: str) -> None:
    path = _hostile_curriculum(centre_path, tmp_path)
    out = tmp_path / "out"
    extra = ["--records", str(centre_path.parent / "records")] if command == "report" else []
    result = _run(command, str(path), "--quarter", "2027Q1", *extra, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stdout and "\u2028" not in result.stdout
    assert all(line.isprintable() for line in result.stdout.splitlines())
    assert "唐\\u2028树\\u0007" in result.stdout

    for docx_path in out.glob("*.docx"):
        body = "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
        assert "\x1b" not in body
    if command == "plan":
        cal = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
        assert "\n" not in str(cal["x-wr-calname"]) and "\x1b" not in str(cal["x-wr-calname"])
        raw = (out / "calendar.ics").read_bytes()
        assert not any(b < 0x20 and b not in b"\r\n\t" for b in raw)
        titles = [str(e["summary"]) for e in cal.walk("VEVENT")]
        assert any("学习贯彻" in t and "\r" not in t and "\n" not in t for t in titles)
        for notice in (out / "notices.txt", *out.glob("calendars/*.ics")):
            raw = notice.read_bytes()
            assert not any(b < 0x20 and b not in b"\r\n\t" for b in raw), notice
    else:
        book = openpyxl.load_workbook(out / "ledger.xlsx")
        cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row
                 if c.value is not None]
        assert any("唐" in c for c in cells)
        with zipfile.ZipFile(out / "ledger.xlsx") as z:
            assert all(b"\x1b" not in z.read(n) for n in z.namelist())
        as_json = _run("report", str(path), "--quarter", "2027Q1", *extra, "--json")
        assert as_json.returncode == 0, as_json.stderr
        assert json.loads(as_json.stdout)["organization"].startswith("亭湖区\n")
