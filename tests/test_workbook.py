"""The workbooks as printed and filed (studykit.render.workbook): every sheet set up by one
helper — titles, page, fonts, real dates and numbers, widths and wrapping — and the pages
LibreOffice Calc makes of the example's ledger.xlsx."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES, ISO_DAY, PATH, ROOT, cell_texts, check_filed_sheets

import studykit
from studykit.domain.text import width
from studykit.engine.ledger import Ledger
from studykit.render.report import ledger_xlsx
from studykit.render.workbook import MAX_WIDTH, PAGE_WIDTH, Book, Sheet, _break_header

BRANCH = "亭湖区劳动就业服务中心党支部"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    """The example branch's first quarter of 2027, from its records."""
    cur = studykit.load(EXAMPLES / "employment-centre.yaml")
    return studykit.read_ledger(cur, sorted((EXAMPLES / "records").glob("*.yaml")),
                                quarter=studykit.Quarter(2027, 1))


@pytest.fixture(scope="module")
def data(ledger: Ledger) -> bytes:
    return ledger_xlsx(ledger)


@pytest.fixture(scope="module")
def book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def sheet_of(rows: list[list[object]], headers: list[str] | None = None,
             locale: str = "zh-CN", year: int = 2027) -> openpyxl.Workbook:
    """One sheet written by :class:`Book`, read back."""
    made = Book(locale, year)
    made.add(Sheet("表", "某支部2027年第一季度学习台账 · 表", "统计截至2027年3月31日", "某支部",
                   headers or [f"列{i}" for i in range(len(rows[0]))], rows))
    return openpyxl.load_workbook(io.BytesIO(made.save(date(2027, 3, 31))))


def test_every_sheet_of_the_ledger_is_set_up_to_print_and_file(book: openpyxl.Workbook) -> None:
    assert book["出勤"]["A1"].value == f"{BRANCH}2027年第一季度学习教育台账 · 出勤"
    check_filed_sheets(book, f"{BRANCH}2027年第一季度学习教育台账", "统计截至2027年3月31日", BRANCH)
    assert book["出勤"].oddFooter.center.text == "第 &P 页 共 &N 页"


def test_the_workbook_names_its_fonts_for_empty_cells_too(data: bytes) -> None:
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml").decode()
    fonts = re.search(r"<fonts[^>]*>(.*?)</fonts>", styles).group(1)     # type: ignore[union-attr]
    # font 0 is the default (style "Normal", cells without a style): 宋体, GB2312
    assert re.match(r'<font><name val="宋体"/><charset val="134"/>', fonts)
    assert "scheme" not in fonts              # a theme's font would replace the name
    assert set(re.findall(r'<name val="([^"]+)"/>', fonts)) == {"宋体", "黑体"}


def test_english_fonts_and_dates() -> None:
    book = sheet_of([["Alice", date(2027, 1, 6), date(2026, 12, 30), 2.5]], locale="en")
    ws = book.active
    assert ws["A4"].font.name == "Calibri" and ws["A3"].font.name == "Arial"
    assert [ws[c].number_format for c in ("B4", "C4")] == ["d mmm", "d mmm yyyy"]
    assert ws.oddFooter.center.text == "Page &P of &N"


def test_days_are_dates_and_hours_and_counts_numbers(book: openpyxl.Workbook) -> None:
    makeup = book["补学情况"]
    headers = [c.value for c in makeup[3]]
    held, hours = headers.index("日期"), headers.index("学时")
    rows = list(makeup.iter_rows(min_row=4))
    assert rows
    for row in rows:
        assert isinstance(row[held].value, datetime)
        assert row[held].number_format == 'm"月"d"日"'            # 1月5日: the ledger's year
        assert isinstance(row[hours].value, (int, float)) and row[hours].number_format == "0.0"
    quorum = book["会议人数与表决"]
    counts = [c for row in quorum.iter_rows(min_row=4, min_col=3, max_col=4) for c in row]
    assert counts and all(isinstance(c.value, int) and c.number_format == "0" for c in counts)
    # a day of another year keeps its year
    other = sheet_of([["甲", date(2026, 12, 30)], ["乙", date(2027, 1, 4)]]).active
    assert other["B4"].number_format == 'yyyy"年"m"月"d"日"'
    assert other["B5"].number_format == 'm"月"d"日"'
    assert other["B4"].value == datetime(2026, 12, 30)


def test_no_ids_paths_or_iso_days_in_the_ledger(book: openpyxl.Workbook, ledger: Ledger) -> None:
    cur = ledger.curriculum
    ids = {m.id for m in cur.members} | {c.id for c in cur.courses} | {
        s.id for p in ledger.plans.values() for s in p.sessions}
    ids.discard("")
    texts = cell_texts(book)
    assert any(BRANCH in t for t in texts)
    for t in texts:
        assert not PATH.search(t) and ".yaml" not in t, t
        assert not ISO_DAY.search(t), t
        words = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9-]*", t))
        assert not words & ids, (t, words & ids)


def test_long_text_wraps_from_the_top_within_its_column() -> None:
    long = "学习贯彻党的二十届四中全会精神，" * 27                 # 432 characters
    ws = sheet_of([["唐树", long, 2], ["陈静", "短", 1]]).active
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    # wider than the cap, since the page has room for it, but no wider than a page
    assert MAX_WIDTH < widths["B"] <= PAGE_WIDTH
    assert ws["B4"].alignment.wrap_text and ws["B4"].alignment.vertical == "top"
    lines = width(long) / widths["B"]
    assert ws.row_dimensions[4].height >= lines * 11 * 1.2         # every line has room
    assert ws.row_dimensions[5].height < 2 * 11 * 1.5               # a short row stays short
    assert ws["B5"].alignment.vertical == "center"
    # a column of numbers is as narrow as its header allows, its header broken evenly
    assert widths["C"] < 10


def test_headers_break_evenly_where_a_reader_would() -> None:
    assert _break_header("出席次数", 2) == "出席\n次数"
    assert _break_header("组织生活（已开展/应开展）", 5) == "组织生活\n（已开展/应开展）"
    assert _break_header("要求/原有/现有", 5) == "要求/\n原有/现有"
    assert _break_header("2月18日\n2027年第一季度支部党员大会", 2).split("\n")[0] == "2月18日"
    assert _break_header("Planned sessions that would cover it", 30) == \
        "Planned sessions\nthat would cover it"
    assert _break_header("姓名", 6) == "姓名"
    for header, content in (("1月5日\n1月主题党日：学习新修订的就业促进政策，交流新年工作打算", 2),
                            ("多个支部共有的能力差距", 10), ("逾期决议事项", 1)):
        lines = _break_header(header, content).split("\n")
        assert "".join(lines) == header.replace("\n", "")       # nothing lost or added
        assert len(lines) <= 5 and min(map(width, lines)) >= 4   # no line of one character


def test_a_year_of_sessions_goes_across_pages_with_the_names_repeated() -> None:
    rows = [["唐树", *["✓"] * 200]]
    ws = sheet_of(rows, ["姓名", *(f"{i % 12 + 1}月{i % 28 + 1}日\n学习会议" for i in range(200))]
                  ).active
    assert ws.page_setup.fitToWidth > 1 and ws.print_title_cols == "$A:$A"


def test_the_same_input_gives_the_same_bytes(ledger: Ledger, data: bytes) -> None:
    assert ledger_xlsx(ledger) == data


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
CALC = SOFFICE is not None and any(
    Path(os.path.realpath(SOFFICE)).parent.glob("*sclo.*"))      # Calc's library


@pytest.mark.skipif(not CALC or PDFTOTEXT is None,
                    reason="LibreOffice Calc or poppler-utils is not installed (make test "
                           "installs them when run as root)")
def test_libreoffice_prints_the_ledger_on_a_few_landscape_pages(
        data: bytes, book: openpyxl.Workbook, ledger: Ledger, tmp_path: Path) -> None:
    (tmp_path / "ledger.xlsx").write_bytes(data)
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tools" / "fonts.conf"),
           "HOME": str(tmp_path)}
    subprocess.run([str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(tmp_path / "ledger.xlsx")],
                   check=True, capture_output=True, env=env, timeout=300)
    pdf = tmp_path / "ledger.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))         # type: ignore[union-attr]
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert size and float(size.group(1)) > float(size.group(2))     # landscape
    sheets = book.sheetnames
    # (users counted 30 portrait pages before, the grid across six of them)
    assert len(sheets) <= pages <= len(sheets) + 2, pages
    texts = [subprocess.run([str(PDFTOTEXT), "-f", str(n), "-l", str(n), "-layout", str(pdf),
                             "-"], capture_output=True, text=True, check=True).stdout
             for n in range(1, pages + 1)]
    for n, page in enumerate(texts, start=1):
        assert BRANCH in page, n                                    # on every page
        assert f"第 {n} 页 共 {pages} 页" in page, n
    # which sheet each page prints: the page header names it, at the right
    printed = [next(s for s in sorted(sheets, key=len, reverse=True)
                    if page.splitlines()[0].rstrip().endswith(s)) for page in texts]
    assert printed[0] == "出勤" and printed.count("出勤") == 1        # the grid on one page
    # everyone in the branch in the quarter (not who joins later), by name
    names = [ledger.curriculum.member_by_id[h.member].name for h in ledger.hours]
    assert len(names) > 10 and all(name in texts[0] for name in names)
    assert all(printed.count(s) <= 2 for s in sheets), printed
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    # 宋体 and 黑体, as tools/fonts.conf maps them: a serif and a sans CJK face
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts
