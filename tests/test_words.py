"""Every word in one place, in both languages, and studykit speaks the curriculum's language.

The last two tests run every invalid curriculum through ``studykit check``: once as
written (no ``locale``, so Chinese) and once told ``locale: en``, and look at what is
left of each message once the place, the key and whatever is quoted from the file are
taken out: Chinese prose in the first run, English in the second.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from studykit.app.checking import check_files
from studykit.app.cli import main
from studykit.domain import vocabulary
from studykit.domain.errors import Problem
from studykit.domain.models import Curriculum
from studykit.domain.records import Record
from studykit.words import Message, catalog, messages, msg, text

ROOT = Path(__file__).resolve().parent.parent
INVALID = sorted((ROOT / "tests" / "data" / "invalid").glob("*.yaml"))
CJK = re.compile(r"[\u3400-\u9fff]")
# what the user wrote, quoted back: 'x', `x`, "x", “x”, and {…} examples of the format
QUOTED = re.compile(r"'[^']*'|`[^`]*`|\"[^\"]*\"|“[^”]*”|\{[^}]*\}|\[[^\]]*\]"
                    r"|(?:0|#)x[0-9a-fA-F]+|\d{4}Q[1-4]")
LOCATION = re.compile(r"^.*?:\d+:\d+: ")


def test_every_entry_has_both_languages() -> None:
    for table in (catalog.TEXT, messages.MESSAGES):
        for key, (zh, en) in table.items():
            if key == "check.advice_none":
                continue
            assert zh and en, key
            assert not CJK.search(en.replace("干什么学什么、缺什么补什么", "")), key


def test_every_key_the_code_names_is_in_a_catalogue() -> None:
    named = re.compile(r"""(?:msg|text|invalid|say)\((?:[a-z._]+, )?"([a-z][a-z0-9_.-]+)\"""")
    locales = {"en", "zh-CN"}
    known = {*catalog.TEXT, *messages.MESSAGES}
    missing = []
    for path in (ROOT / "studykit").rglob("*.py"):
        for key in named.findall(path.read_text(encoding="utf-8")):
            if key not in known and key not in locales:
                missing.append(f"{path.name}: {key}")
    assert missing == []


def test_a_message_is_put_into_words_when_it_is_said() -> None:
    found = msg("expected.text", found=msg("found.list"))
    assert found.text("zh-CN") == "这里应是文字，实际是一个列表"
    assert found.text("en") == "expected text, found a list"
    assert text("en_US.UTF-8", "found.list") == "a list"
    assert isinstance(found, Message) and hash(found) == hash(msg("expected.text",
                                                                  found=msg("found.list")))
    with pytest.raises(KeyError):
        msg("no.such.message")


# words of the format itself, which the user types and a message names as they are
def _keys(model: type[BaseModel]) -> set[str]:
    """Every key the format has, at any depth below ``model``."""
    out: set[str] = set()
    for name, field in model.model_fields.items():
        out.add(field.alias or name)
        for inner in (field.annotation, *getattr(field.annotation, "__args__", ())):
            for arg in (inner, *getattr(inner, "__args__", ())):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    out |= _keys(arg)
    return out


FORMAT_WORDS = {
    *_keys(Curriculum), *_keys(Record), *vocabulary.KINDS, *vocabulary.WEEKDAYS,
    *vocabulary.COMMITTEE_POSTS, *vocabulary.AUDIENCES, "full", "probationary", "activist",
    "none", "month", "quarter", "year", "roles", "members", "studykit", "monthly",
    "quarterly", "yearly", "zh-CN", "en", "YAML", "UTF-8", "Tab",
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]")


def _file_words(path: Path) -> set[str]:
    """Every word written in the file outside its comments: keys and values it may quote."""
    raw = path.read_bytes().decode("utf-8", errors="replace")
    body = "\n".join(line for line in raw.splitlines() if not line.lstrip().startswith("#"))
    return set(WORD.findall(body))


def _problems(path: Path) -> list[Problem]:
    """What ``check`` finds in a file: a curriculum's problems as loading it finds them
    (``tests/test_checking.py``), a list or an empty file said to be of no known kind."""
    problems = check_files([path]).problems
    assert problems
    return problems


def _check_lines(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    return err[:-1]   # the last line counts the problems


def _prose(problem: Problem, locale: str) -> str:
    """What a problem says in its own words: its message less what it quotes."""
    return QUOTED.sub("", problem.message.text(locale))


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_check_speaks_chinese_to_a_chinese_curriculum(path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    problems = _problems(path)
    assert _check_lines(path, capsys) == [p.text("zh-CN") for p in problems]
    allowed = FORMAT_WORDS | _file_words(path)
    for problem in problems:
        prose = _prose(problem, "zh-CN")
        assert CJK.search(prose), problem.text("zh-CN")
        assert [w for w in WORD.findall(prose) if w not in allowed] == [], \
            problem.text("zh-CN")


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_check_speaks_english_to_an_english_curriculum(path: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")   # for the files whose locale cannot be read
    try:
        source = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        copy = path   # saved as GBK on purpose: no locale can be read from it
    else:
        nl = "\r\n" if "\r\n" in source else "\n"
        if f"{nl}organization:{nl}" in source and "locale:" not in source:
            source = source.replace(f"{nl}organization:{nl}",
                                    f"{nl}organization:{nl}  locale: en{nl}", 1)
        copy = tmp_path / path.name
        copy.write_text(source, encoding="utf-8")
    problems = _problems(copy)
    assert _check_lines(copy, capsys) == [p.text(p.locale or "en") for p in problems]
    for problem in problems:
        shown = problem.text(problem.locale or "en")
        assert not CJK.search(_prose(problem, problem.locale or "en")), shown
        assert problem.locale in ("en", None), shown
