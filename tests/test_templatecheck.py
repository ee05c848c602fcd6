"""``templates check``: a template passes only when the documents it makes open."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from test_docxtemplate import make_template

from studykit.app.templatecheck import HOSTILE, check_folder, document_problem, hostile
from studykit.render.resources import copy_templates


def test_the_built_in_templates_pass(tmp_path: Path) -> None:
    copy_templates(tmp_path, "zh-CN")
    assert check_folder(tmp_path, "en") == []


def _with_part(data: bytes, name: str, change: bytes | None) -> bytes:
    """``data`` with the part ``name`` replaced by ``change`` (or left out, if None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info))
            elif change is not None:
                target.writestr(name, change)
    return out.getvalue()


def test_a_template_that_makes_broken_documents_is_rejected_with_the_reason(
        tmp_path: Path) -> None:
    copy_templates(tmp_path, "zh-CN")
    good = (tmp_path / "minutes.docx").read_bytes()
    # no word/document.xml
    (tmp_path / "minutes.docx").write_bytes(_with_part(good, "word/document.xml", None))
    # {%p if %} opened in a paragraph and closed inside a table
    (tmp_path / "calendar.docx").write_bytes(make_template(
        ["{%p if plan %}"], ["x"], table=[["{%p endif %}"]]))
    # a value inside an attribute: a line break there cuts the XML open
    document = docx.Document()
    document.add_paragraph("x")._p.set("title", "{{ org.name }}")
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "annual.docx").write_bytes(buffer.getvalue())
    problems = check_folder(tmp_path, "en")
    assert len(problems) == 3, problems
    assert any("minutes.docx" in p and "word/document.xml is missing" in p for p in problems)
    assert any("calendar.docx" in p and "different stretches" in p for p in problems)
    annual = next(p for p in problems if "annual.docx" in p)
    assert "the document it makes with hostile text" in annual and "word/document.xml" in annual


def test_hostile_text_keeps_ids_and_changes_all_other_text() -> None:
    context = {"kind": "committee", "title": "支部委员会", "n": 3,
               "rows": [{"name": "王芳", "id": "wang-fang"}]}
    assert hostile(context) == {"kind": "committee", "title": "支部委员会" + HOSTILE, "n": 3,
                                "rows": [{"name": "王芳" + HOSTILE, "id": "wang-fang"}]}


def test_a_document_problem_names_the_part() -> None:
    data = _with_part(make_template(["x"]), "word/document.xml", b"<w:document><w:body>")
    assert document_problem(data).startswith("word/document.xml: ")
    assert document_problem(b"not a zip") is not None
    assert document_problem(make_template(["x"])) is None
