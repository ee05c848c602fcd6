"""Fuzz targets shared by tests/test_fuzz.py (a short run) and benchmarks/fuzz.py (a fixed
budget): curricula, records, templates and the text users type into them.

Each target feeds one input through studykit and returns what happened: ``"ok"`` (and
every document it produced is a valid Word file) or ``"user error"`` (a UserError with a
message). Anything else raises: that is a crash, a finding of the fuzzer.
"""

from __future__ import annotations

import copy
import functools
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


# --- the classes of inputs that broke the first version (issue 12) -----------------------
#
# Each is a generator of one class and a target that says "ok" or "user error" and
# raises on anything else, like the targets above.

ODD_TEXT = st.lists(st.one_of(
    st.characters(categories=("Cc", "Cf", "Zl", "Zp", "Co", "Mn")),
    st.sampled_from(["\x1b[31m", "\x1b]0;title\x07", "\r\n", "\r", "\v", "\x85", "\u2028",
                     "\u202e", "\ufeff", "\\", '"', ";", ",", ":", "王", " "])),
    min_size=1, max_size=16).map("".join).filter(lambda s: s.strip() != "")
"""Control and format characters, line separators and terminal escapes: the text a
copy from a web page or a spreadsheet brings along."""

_C0 = {chr(c) for c in (*range(32), *range(0x7f, 0xa0))} - {"\n", "\t"}
"""Control characters (C0, DEL and C1) no terminal or calendar line may carry raw (a tab
is whitespace to both)."""


def _shown(argv: list[str]) -> tuple[int, str]:
    """Run the command line in this process; its exit status and everything it printed."""
    import contextlib

    from studykit.app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue() + err.getvalue()


def sinks_target(name: str, title: str, work: Path) -> str:
    """Odd text as a member's name, a course's title and the branch's name, through every
    sink: the terminal (``needs``, ``check``), the documents, calendar.ics and each
    member's, the notices, ledger.xlsx
    and the JSON ledger. Each must hold it safely: no raw control character on the
    terminal or in the calendar, the workbook opens, the JSON is strict."""
    import json

    import icalendar
    import openpyxl

    from studykit.engine.ledger import build_ledger
    from studykit.render.ical import member_calendars, to_ics
    from studykit.render.notices import notice_files
    from studykit.render.report import ledger_json, ledger_xlsx

    def quoted(value: str) -> str:       # a YAML scalar on one line, escapes and all
        return yaml.safe_dump([value], allow_unicode=False, width=10**9).strip()[2:]
    text = EXAMPLE.replace("name: 唐树", f"name: {quoted(name)}", 1)
    text = text.replace("title: 窗口服务沟通技巧", f"title: {quoted(title)}", 1)
    text = text.replace("  name: 亭湖区劳动就业服务中心党支部",
                        f"  name: {quoted(name + title)}", 1)
    path = work / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    for command in (["needs", str(path)], ["check", str(path)]):
        status, said = _shown(command)
        assert status in (0, 1) and not (_C0 & set(said)), (command, said[:300])
        assert "Traceback" not in said
    try:
        cur = studykit.load(path)
        plan = studykit.plan_quarter(cur, cur.calendar.quarter or "2027Q1")
        for data in plan_documents(plan, Templates(cur.locale)).values():
            valid_docx(data)
        ics = to_ics(plan)
        assert not (_C0 - {"\r"}) & set(ics.decode("utf-8")), "raw control character in ICS"
        icalendar.Calendar.from_ical(ics)
        for own in member_calendars([plan]).values():
            assert not (_C0 - {"\r"}) & set(own.decode("utf-8")), "raw control in a calendar"
            icalendar.Calendar.from_ical(own)
        for notice in notice_files(plan).values():
            assert not _C0 & set(notice.decode("utf-8")), "raw control in a notice"
        ledger = build_ledger(cur, studykit.year_plans(cur, [2027]), [], 2027)
        openpyxl.load_workbook(io.BytesIO(ledger_xlsx(ledger)))
        json.loads(ledger_json(ledger), parse_constant=lambda c: 1 / 0)   # no NaN, Infinity
    except UserError as exc:
        assert str(exc)
        return "user error"
    return "ok"


EXTREMES = st.one_of(
    st.sampled_from([0, -1, 1, 10**18, 10**19, -10**18, 2**63, 0.5, -0.0, 1e308, 1e-308]),
    st.sampled_from(["1.0e400", "-1.0e400", ".inf", "-.inf", ".nan", "9" * 5000,
                     "0000-01-01", "0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31",
                     "2027-02-29", "0000Q1", "9999Q4", "2027Q0", "23:59", "24:00", "00:00"]))
"""Numbers and dates at and past every edge: written into the YAML as they are, so
``1.0e400`` reaches the reader as the text a user would type."""


@st.composite
def extreme_curriculum(draw: st.DrawFn) -> str:
    """The example curriculum with a few numbers, dates or times replaced by extremes."""
    data = copy.deepcopy(_BASE)
    numeric = [p for p in _paths(data) if isinstance(_at(data, p), (int, float, str))
               and not isinstance(_at(data, p), bool)
               and _looks_numeric(_at(data, p))]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(numeric))
        parent = _at(data, path[:-1])
        parent[path[-1]] = f"@@{draw(EXTREMES)}@@"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return text.replace("'@@", "").replace("@@'", "")     # unquoted: typed as is


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _looks_numeric(value: Any) -> bool:
    import re

    return not isinstance(value, str) or bool(re.fullmatch(
        r"[\d.:Q-]+|\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d", value))


def special_file_target(kind: str, work: Path) -> str:
    """``studykit check`` of a path that is not an ordinary curriculum: a FIFO,
    /dev/zero, a folder, a symlink loop, an empty or a huge sparse file, a socket. The
    answer is a message and exit status 1, at once."""
    import os
    import socket

    path = work / f"special-{kind}.yaml"
    if os.path.lexists(path):
        os.unlink(path) if not path.is_dir() or path.is_symlink() else os.rmdir(path)
    sock = None
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        os.symlink("/dev/zero", path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        os.symlink(path, path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "sparse":
        with open(path, "wb") as handle:
            handle.truncate(2**34)              # 16 GB of nothing, on no disk space
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
    try:
        status, said = _shown(["check", str(path)])
    finally:
        if sock is not None:
            sock.close()
    assert status == 1 and "Traceback" not in said and str(path) in said, said
    return "user error"


SPECIAL_FILES = st.sampled_from(["fifo", "dev-zero", "folder", "loop", "empty", "sparse",
                                 "socket"])


@st.composite
def alias_graph(draw: st.DrawFn) -> str:
    """YAML built of anchors and aliases: laughs of any width and depth, merges, an
    alias of an alias, and a duplicate key somewhere, under the example's header."""
    width, depth = draw(st.integers(2, 12)), draw(st.integers(1, 12))
    lines = ["studykit: 1", 'a0: &a0 ["lol"]']
    for level in range(1, depth + 1):
        refs = ", ".join(f"*a{level - 1}" for _ in range(width))
        lines.append(f"a{level}: &a{level} [{refs}]")
    if draw(st.booleans()):
        lines += ["m: &m {x: 1, y: [*a0]}", "n:", "  <<: *m", f"  z: *a{depth}"]
    if draw(st.booleans()):
        lines.append(f"a{draw(st.integers(0, depth))}: again")          # a duplicate key
    lines.append(f"organization: *a{depth}")
    return "\n".join(lines) + "\n"


def yaml_target(text: str) -> str:
    """Load the text as a curriculum; a bomb is a message, fast."""
    try:
        studykit.loads(text, "bomb.yaml")
    except UserError as exc:
        assert str(exc)
        return "user error"
    return "ok"


TEMPLATE_BOMBS = st.sampled_from([
    "{{ 7**(7**12) }}", "{{ 9**999999 }}", "{{ 'x' * 10**9 }}", "{{ [0] * 10**8 }}",
    "{{ 'ab' * 300000 + 'c' * 900000 }}", "{{ range(10**6)|list|length }}",
    "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "{{ 'x'.center(10**9) }}", "{{ ('x' * 1000)|replace('x', 'x' * 1000)|replace('x', 'xx') }}",
    "{{ '%999999999d'|format(1) }}", "{{ '{:>999999999}'.format(1) }}",
    "{% for i in range(10000) %}{{ 'x' * 10000 }}{% endfor %}",
    "{{ (range(10000)|list) * 10000 }}",
])
"""Template expressions that ask for unbounded time or memory."""


def template_bomb_target(tag: str) -> str:
    """A template whose paragraph is ``tag``, rendered within tightened budgets (the
    same mechanism, a second rather than ten): a limit, or a document that opens."""
    from studykit.render import sandbox

    saved = sandbox.TIME_BUDGET, sandbox.MEMORY_BUDGET
    sandbox.TIME_BUDGET, sandbox.MEMORY_BUDGET = 1.0, 512 * 2**20
    try:
        return template_target([tag], {})
    finally:
        sandbox.TIME_BUDGET, sandbox.MEMORY_BUDGET = saved


_GOOD_TEMPLATE = (ROOT / "templates" / "zh-CN" / "attendance.docx").read_bytes()
ENTRY_NAMES = st.one_of(
    st.sampled_from(["../../evil.txt", "/etc/evil", "C:\\evil", "word\\..\\evil", "./x",
                     "word/document.xml", "WORD/DOCUMENT.XML", "[Content_Types].xml",
                     "word//x.xml", "word/../word/document.xml", "\x00", "a" * 300,
                     "word/\u202eevil.xml"]),
    st.text(min_size=1, max_size=20))


@st.composite
def hostile_package(draw: st.DrawFn) -> bytes:
    """The built-in sign-in template with hostile entries added, parts dropped, bytes
    flipped or sizes faked."""
    import warnings

    with zipfile.ZipFile(io.BytesIO(_GOOD_TEMPLATE)) as source:
        entries = [(i.filename, source.read(i)) for i in source.infolist()]
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["add", "drop", "bomb"]))
        if action == "add":
            entries.append((draw(ENTRY_NAMES), draw(st.binary(max_size=64))))
        elif action == "drop" and entries:
            entries.pop(draw(st.integers(0, len(entries) - 1)))
        elif action == "bomb":
            entries.append(("word/media/big.bin", bytes(draw(st.sampled_from(
                [2**20, 40 * 2**20, 80 * 2**20])))))
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        warnings.simplefilter("ignore")
        for name, data in entries:
            try:
                out.writestr(name, data)
            except (ValueError, IndexError):    # a name zipfile itself cannot write
                continue
    data = bytearray(buffer.getvalue())
    for _ in range(draw(st.integers(0, 3))):        # bit flips, headers included
        data[draw(st.integers(0, len(data) - 1))] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


def package_target(data: bytes) -> str:
    """A hostile template package prepared and rendered: refused, or a document that
    opens and carries none of the hostile entries."""
    try:
        out = prepare(data, "hostile.docx").render(_attendance())
        valid_docx(out)
        names = zipfile.ZipFile(io.BytesIO(out)).namelist()
        assert not any(n.startswith(("/", "..")) or "\\" in n for n in names), names
        assert len(names) == len({n.casefold() for n in names}), names
    except UserError as exc:
        assert str(exc)
        return "user error"
    return "ok"


@functools.cache
def _attendance() -> dict[str, Any]:
    from studykit.app.templatecheck import sample_contexts

    return sample_contexts()["attendance.docx"]


KILL_SEEDS = st.integers(0, 2**32 - 1)
"""One input of the kill target: the seed that chooses its kill points."""


def kill_target(seed: int, work: Path, points: int = 30) -> str:
    """A real quarter's documents committed over the previous ones, killed at
    ``points`` steps chosen by ``seed`` (``tests/killing.py``): every kill leaves all old
    or all new, and the next run completes."""
    import killing

    from studykit.app.workflows import plan_branch

    old, new = work / "kill-old", work / "kill-new"
    if not old.exists():
        renamed = work / "renamed.yaml"
        renamed.write_text(EXAMPLE.replace("就业服务中心", "就业服务中心（新）"), encoding="utf-8")
        plan_branch(ROOT / "curricula" / "employment-centre.yaml", out=old)
        plan_branch(renamed, out=new)

    def documents(folder: Path) -> dict[str, bytes]:
        return {rel: data for rel, data in killing.files(folder).items()
                if not rel.startswith(".studykit")}
    import shutil

    shutil.rmtree(work / "kill-run", ignore_errors=True)
    (work / "kill-run").mkdir()
    result = killing.campaign(work / "kill-run", documents(old), documents(new), points,
                              seed=seed)
    assert result["mixed"] == [] and result["then"] == "ok", result
    return "ok"
