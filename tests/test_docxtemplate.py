"""The template engine: split tags, paragraph and row loops, literal text, the sandbox,
clear errors, byte-identical output."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import studykit
from studykit.render.docxtemplate import (
    TemplateError,
    Templates,
    prepare,
    read_template,
    xml_text,
)


def make_template(*paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A .docx whose paragraphs consist of the given runs (a tag may be split over runs)."""
    document = docx.Document()
    for runs in paragraphs:
        p = document.add_paragraph()
        for text in runs:
            p.add_run(text)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(t.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_a_tag_split_over_runs_still_works() -> None:
    # what Word does after an edit: {{ name }} in four runs, with formatting between
    tpl = prepare(make_template(["Hello ", "{", "{ na", "me }", "}!"]), "t.docx")
    assert texts(tpl.render({"name": "王芳"})) == ["Hello 王芳!"]


def test_curly_quotes_inside_a_tag_are_straight() -> None:
    tpl = prepare(make_template(["{{ “A” if x else ‘B’ }}"]), "t.docx")
    assert texts(tpl.render({"x": True})) == ["A"]


def test_paragraph_and_row_loops() -> None:
    tpl = prepare(make_template(
        ["{%p for a in aims %}"], ["· {{ a }}"], ["{%p endfor %}"], ["{%p if none %}"],
        ["hidden"], ["{%p endif %}"], ["end"],
        table=[["序号", "姓名"], ["{%tr for r in rows %}", ""], ["{{ r.no }}", "{{ r.name }}"],
               ["{%tr endfor %}", ""]]), "t.docx")
    out = tpl.render({"aims": ["一", "二"], "none": False,
                      "rows": [{"no": 1, "name": "唐树"}, {"no": 2, "name": "王芳"}]})
    assert texts(out) == ["· 一", "· 二", "end"]
    (table,) = docx.Document(io.BytesIO(out)).tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["序号", "姓名"], ["1", "唐树"], ["2", "王芳"]]


@pytest.mark.parametrize("value", [
    "R&D 部", "<b>bold</b> & 'quotes' \"double\"", "{{ not a tag }} {% if %}", "😀 emoji 党建",
    "very long " * 500, "ctrl\x00\x01\x0bchars\x1f", "第一行\n第二行"])
def test_any_text_comes_out_literally_in_a_valid_document(value: str) -> None:
    tpl = prepare(make_template(["[{{ v }}]"], table=[
        ["{%tr for r in rows %}"], ["{{ r }}"], ["{%tr endfor %}"]]), "t.docx")
    out = tpl.render({"v": value, "rows": [value] * 51})
    document = docx.Document(io.BytesIO(out))               # parses: the XML is valid
    expected = "".join(ch for ch in value if ch in "\t\n" or ord(ch) >= 0x20)
    assert document.paragraphs[0].text == f"[{expected}]"
    assert len(document.tables[0].rows) == 51               # no row lost to markup


def test_the_sandbox_keeps_python_out() -> None:
    tpl = prepare(make_template(["{{ ''.__class__.__mro__[1].__subclasses__() }}"]), "t.docx")
    with pytest.raises(TemplateError, match="unsafe"):
        tpl.render({})
    tpl = prepare(make_template(["{{ lipsum.__globals__ }}"]), "t.docx")
    with pytest.raises(TemplateError):
        tpl.render({})


def test_an_undefined_variable_names_the_template_the_tag_and_the_variables() -> None:
    tpl = prepare(make_template(["{{ session.titel }}"]), "my/minutes.docx")
    with pytest.raises(TemplateError) as info:
        tpl.render({"session": {"title": "x"}, "org": {}})
    assert info.value.text("en") == ("my/minutes.docx: 'dict object' has no attribute 'titel' in "
                               "{{ session.titel }}; the variables are: org, session")


def test_a_broken_tag_is_named() -> None:
    with pytest.raises(TemplateError) as info:
        prepare(make_template(["ok {{ a }}"], ["{{ session.title }"]), "t.docx")
    assert info.value.text("en").startswith("t.docx: {{ session.title }")
    with pytest.raises(TemplateError, match="endfor"):
        prepare(make_template(["{%p for a in b %}"], ["x"]), "t.docx")


def test_not_a_docx() -> None:
    with pytest.raises(TemplateError, match="不是 Word 文档"):
        prepare(b"plain text", "x.docx")


def test_renders_are_byte_identical_and_other_parts_untouched() -> None:
    source = make_template(["{{ a }}"])
    tpl = prepare(source, "t.docx")
    first, second = tpl.render({"a": "x"}), tpl.render({"a": "x"})
    assert first == second
    original, rendered = zipfile.ZipFile(io.BytesIO(source)), zipfile.ZipFile(io.BytesIO(first))
    assert original.namelist() == rendered.namelist()
    assert rendered.testzip() is None
    for name in original.namelist():
        if name != "word/document.xml":
            assert original.read(name) == rendered.read(name)
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in rendered.infolist())


def test_xml_text() -> None:
    assert xml_text("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#x27;"
    assert xml_text(None) == ""
    assert "<w:br/>" in xml_text("a\nb")


def test_user_templates_are_searched_first(tmp_path: Path) -> None:
    (tmp_path / "minutes.docx").write_bytes(make_template(["mine {{ x }}"]))
    templates = Templates("zh-CN", tmp_path)
    assert templates.path("minutes.docx") == tmp_path / "minutes.docx"
    assert texts(templates.get("minutes.docx").render({"x": 1})) == ["mine 1"]
    assert templates.get("minutes.docx") is templates.get("minutes.docx")   # prepared once
    assert str(templates.path("calendar.docx")).endswith("zh-CN/calendar.docx")


def test_run_formatting_and_east_asian_fonts_survive() -> None:
    document = docx.Document()
    run = document.add_paragraph().add_run("{{ title }}")
    run.bold = True
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    buffer = io.BytesIO()
    document.save(buffer)
    out = prepare(buffer.getvalue(), "t.docx").render({"title": "标题"})
    (run,) = docx.Document(io.BytesIO(out)).paragraphs[0].runs
    assert run.text == "标题" and run.bold
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_leading_and_trailing_spaces_of_a_value_are_kept() -> None:
    out = prepare(make_template(["[{{ v }}]"]), "t.docx").render({"v": "  two  "})
    assert texts(out) == ["[  two  ]"]
    # Word and LibreOffice drop edge spaces unless the text says to keep them
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert '<w:t xml:space="preserve">[  two  ]</w:t>' in xml


def test_an_expression_that_fails_on_the_data_is_a_template_error() -> None:
    tpl = prepare(make_template(["{{ title + 1 }}"]), "t.docx")
    with pytest.raises(TemplateError, match=r"t\.docx：模板里的表达式算不出来（“TypeError"):
        tpl.render({"title": "标题"})


def test_a_template_that_is_not_a_regular_file_is_refused_unread(tmp_path: Path) -> None:
    from studykit.app.templatecheck import check_folder

    os.mkfifo(tmp_path / "minutes.docx")     # reading it would block for ever
    problems = check_folder(tmp_path, "en")
    assert any("minutes.docx:1:1: is not a regular file" in p for p in problems), problems
    with pytest.raises(studykit.InputError):
        read_template(tmp_path / "minutes.docx")


def _limit(template: bytes, context: dict[str, object] | None = None) -> str:
    """The English message of rendering ``template``, which must fail."""
    with pytest.raises(TemplateError) as info:
        prepare(template, "t.docx").render(context or {})
    return info.value.text("en")


def _package(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries:
            package.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(i.filename, package.read(i)) for i in package.infolist()]


@pytest.mark.parametrize(("extra", "says"), [
    ("../../evil.txt", "unsafe entry name ../../evil.txt"),
    ("/etc/evil.txt", "unsafe entry name /etc/evil.txt"),
    ("word\\..\\..\\evil.txt", "unsafe entry name"),
    ("C:evil.txt", "unsafe entry name"),
    ("word/./x.xml", "unsafe entry name"),
    ("word/document.xml", "holds word/document.xml twice"),
    ("WORD/Document.xml", "holds WORD/Document.xml twice"),
    ("word/\x1b[31mx.xml", "unsafe entry name word/\\u001b[31mx.xml"),
])
def test_hostile_entry_names_are_refused(extra: str, says: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # zipfile warns of the duplicate name
        data = _package([*_entries(make_template(["x"])), (extra, b"<x/>")])
    assert says in _limit(data)


def test_a_package_without_its_required_parts_is_refused() -> None:
    entries = [e for e in _entries(make_template(["x"])) if e[0] != "word/document.xml"]
    assert "word/document.xml is missing" in _limit(_package(entries))


def test_a_relationship_that_leads_nowhere_is_refused() -> None:
    # found by the fuzzer: _rels/.rels names docProps/core.xml, which is gone; the
    # documents made would not open in python-docx
    entries = [e for e in _entries(make_template(["x"])) if e[0] != "docProps/core.xml"]
    assert "docProps/core.xml is missing" in _limit(_package(entries))


def test_a_reference_without_its_relationship_is_refused() -> None:
    # the built-in template's document points at its footer by r:id; without the
    # document's relationships Word reports the file unreadable
    data = (Path(__file__).resolve().parent.parent / "templates" / "zh-CN" /
            "attendance.docx").read_bytes()
    entries = [e for e in _entries(data) if e[0] != "word/_rels/document.xml.rels"]
    assert "word/_rels/document.xml.rels is missing" in _limit(_package(entries))


def test_an_unusable_user_template_is_reported_not_replaced(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "calendar.docx")
    with pytest.raises(studykit.InputError) as info:
        Templates("zh-CN", tmp_path).get("calendar.docx")
    assert "is not a regular file" in info.value.problems[0].text("en")


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    import time

    import psutil

    bomb = _package([*_entries(make_template(["x"])), ("word/media/bomb.bin", bytes(100 * 2**20))])
    assert len(bomb) < 200_000
    rss = psutil.Process().memory_info().rss
    start = time.perf_counter()
    assert "unpacks to more than 64 MB" in _limit(bomb)
    assert time.perf_counter() - start < 1 and psutil.Process().memory_info().rss - rss < 50 * 2**20


def test_a_part_whose_checksum_lies_is_refused() -> None:
    data = bytearray(make_template(["x"]))
    name = b"word/document.xml"
    central = bytes(data).find(b"PK\x01\x02", 0)
    while bytes(data[central + 46:central + 46 + len(name)]) != name:
        central = bytes(data).find(b"PK\x01\x02", central + 4)
    local = int.from_bytes(data[central + 42:central + 46], "little")
    for crc in (central + 16, local + 14):       # the checksum, in both headers
        data[crc] ^= 0xFF
    assert "word/document.xml is damaged" in _limit(bytes(data))


@pytest.mark.parametrize("runs", [
    (["{%p if shown %}"], ["a"], None),
    (["{% if shown %}a"], ["b"], ["c{% endif %}"]),
])
def test_a_block_whose_tags_sit_at_different_depths_is_refused(runs: tuple) -> None:
    opening, middle, closing = runs
    if closing is None:                          # opened in the body, closed in a table
        template = make_template(opening, middle, table=[["{%p endif %}"]])
    else:
        template = make_template(opening, middle, closing)
    if closing is not None:                      # two paragraphs of the body: still whole
        out = prepare(template, "t.docx").render({"shown": False})
        docx.Document(io.BytesIO(out))
        return
    said = _limit(template, {"shown": False})
    assert "{% endif %} and the tag it pairs with are in different stretches" in said
