"""Fuzz targets shared by tests/test_fuzz.py (a short run) and benchmarks/fuzz.py (a fixed
budget): curricula, records, templates and the text users type into them.

Each target feeds one input through studykit and returns what happened: ``"ok"`` (and
every document it produced is a valid Word file) or ``"user error"`` (a UserError with a
message). Anything else raises: that is a crash, a finding of the fuzzer.
"""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import yaml
from hypothesis import strategies as st

import studykit
from studykit.domain.errors import UserError
from studykit.domain.records import Record
from studykit.reading import yamlio
from studykit.reading.records import loads_record
from studykit.render.documents import plan_documents
from studykit.render.docxtemplate import Templates, prepare
from studykit.render.minutes import minutes_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "curricula" / "employment-centre.yaml").read_text(encoding="utf-8")
RECORD = (ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml").read_text(
    encoding="utf-8")
_BASE = yamlio.parse(EXAMPLE, "base.yaml").data
_RECORD_BASE = yamlio.parse(RECORD, "record.yaml").data
_CURRICULUM = studykit.loads(EXAMPLE)
_PLANS = studykit.year_plans(_CURRICULUM, [2027])
_TEMPLATES = Templates("zh-CN")

VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 60), st.floats(allow_nan=False, width=16),
    st.text(max_size=12),
    st.sampled_from(["2027-02-30", "2027-01-14", "15:00", "25:61", "tangshu", "nobody",
                     "window", "on", "1st fri", "monthly", "..", "{{ x }}", "{% if %}",
                     "R&D <b>", "2027Q5", "committee-2027-01/1", "😀", "\x00\x07"]),
    st.lists(st.integers(0, 6), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(0, 6), max_size=2))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> str:
    """``base`` (YAML data) with a few keys dropped, values replaced or keys renamed."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["drop", "replace", "rename"]))
        if action == "drop":
            del parent[last]
        elif action == "replace":
            parent[last] = draw(VALUES)
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = parent.pop(last)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def valid_docx(data: bytes) -> None:
    """Raise unless ``data`` is a whole Word document python-docx can open."""
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    docx.Document(io.BytesIO(data))


def curriculum_target(text: str, render: bool = True) -> str:
    """Load; if it loads, plan, check and render every document of the quarter."""
    try:
        cur = studykit.loads(text, "fuzz.yaml")
        plan = studykit.plan_quarter(cur, cur.calendar.quarter or "2027Q1")
        studykit.check_plan(cur, plan)
        if render:
            for data in plan_documents(plan, Templates(cur.locale)).values():
                valid_docx(data)
    except UserError as exc:
        assert str(exc)
        return "user error"
    return "ok"


def record_target(text: str) -> str:
    """Read a record; if it reads as a session record, write its minutes."""
    try:
        record = loads_record(text, _CURRICULUM, _PLANS, "fuzz-record.yaml")
        if isinstance(record, Record):
            plan = _PLANS[studykit.Quarter(record.date.year, (record.date.month - 1) // 3 + 1)]
            valid_docx(minutes_document(plan, plan.session(record.session), record,
                                        _TEMPLATES))
    except UserError as exc:
        assert str(exc)
        return "user error"
    return "ok"


def template_target(runs: list[str], context: dict[str, Any]) -> str:
    """A template whose one paragraph is ``runs`` (tags split anyhow), rendered."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    for run in runs:
        paragraph.add_run(run)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        valid_docx(prepare(buffer.getvalue(), "fuzz.docx").render(context))
    except UserError as exc:
        assert str(exc)
        return "user error"
    return "ok"


TEMPLATE_PIECES = st.lists(st.one_of(
    st.sampled_from(["{{", "}}", "{%", "%}", "{#", "#}", " x ", " name ", " if ", " for ",
                     " endfor ", " endif ", " in ", "|upper", ".__class__", "(", ")", "'",
                     "“", "”", "{%p ", "{%tr ", " items ", " else "]),
    # what Word can hold in a run (no control characters)
    st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs")), max_size=6)),
    min_size=1, max_size=12)
TEMPLATE_CONTEXT = {"x": "R&D <b> \x07", "name": "王芳", "items": ["a", "<b>"], "n": 3}

NAMES = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40).filter(
    lambda s: s.strip() != "")


def names_target(name: str, title: str) -> str:
    """A member's name and a course's title as typed (any text): literal in the documents."""
    text = EXAMPLE.replace("name: 唐树", f"name: {yaml.safe_dump(name).strip()}", 1)
    text = text.replace("title: 窗口服务沟通技巧", f"title: {yaml.safe_dump(title).strip()}", 1)
    return curriculum_target(text)
