"""Safe YAML reading: hand-writer-friendly scalars, duplicate keys, locations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studykit.domain.errors import InputError
from studykit.reading import yamlio


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        yamlio.parse(text, "f.yaml")
    return [p.text("en") for p in info.value.problems]


def test_scalars_are_what_a_hand_writer_means() -> None:
    doc = yamlio.parse(
        "on: 1st fri\nstart: 15:00\nday: 2027-01-14\nanswer: no\nbool: true\n"
        "octal: 010\nint: 12\nfloat: 1.5\nnothing: ~\n", "f.yaml")
    assert doc.data == {"on": "1st fri", "start": "15:00", "day": "2027-01-14",
                        "answer": "no", "bool": True, "octal": "010", "int": 12,
                        "float": 1.5, "nothing": None}


def test_locate_points_at_values_keys_and_the_deepest_existing_node() -> None:
    doc = yamlio.parse("a:\n  b:\n    - x\n    - {c: 1}\n", "f.yaml")
    assert doc.locate(("a", "b", 1, "c")) == (4, 11)
    assert doc.locate(("a", "b", 1, "c"), key=True) == (4, 8)
    assert doc.locate(("a", "b", 0)) == (3, 7)
    assert doc.locate(("a", "missing")) == (2, 3)   # the mapping that lacks it
    assert doc.locate(("a", "b", 7)) == (3, 5)      # past the end: the list


def test_duplicate_keys_are_kept_as_problems_with_their_path() -> None:
    doc = yamlio.parse("a: 1\nm:\n  - {k: 1, k: 2}\na: 3\n", "f.yaml")
    assert doc.data == {"a": 3, "m": [{"k": 2}]}
    assert [p.text("en") for p in doc.problems] == [
        "f.yaml:3:12: m[0].k: `k` is given twice in the same mapping; keep one",
        "f.yaml:4:1: a: `a` is given twice in the same mapping; keep one",
    ]


def test_unclosed_brackets_and_quotes_point_at_the_opening() -> None:
    assert problems("a: 1\nb: [1, 2\nc: 3\n") == [
        "f.yaml:2:4: YAML syntax: the '[' here is never closed "
        "(did not find expected ',' or ']')"]
    assert problems('a: "open\nb: 1\n') == [
        "f.yaml:1:4: YAML syntax: the '\"' here is never closed (found the end of the file first)"]


def test_bad_indentation_is_said_in_plain_words() -> None:
    assert problems("a:\n  - 1\n - 2\n") == [
        "f.yaml:3:2: YAML syntax: wrong indentation: this line does not line up with the lines "
        "above it"]


def test_dotted_writes_numeric_mapping_keys_as_keys() -> None:
    doc = yamlio.parse("builds: {2: 1}\nlist: [a, b]\n", "f.yaml")
    assert doc.dotted(("builds", 2)) == "builds.2"
    assert doc.dotted(("list", 1)) == "list[1]"
    assert doc.dotted(("list", 9, "x")) == "list[9].x"


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!binary", "!!timestamp", "!!set"])
def test_explicit_tags_are_refused(tag: str) -> None:
    (msg,) = problems(f"a: {tag} x\n")
    assert msg == "f.yaml:1:4: YAML syntax: explicit tags (!!…) are not allowed; " \
                  "write plain text, numbers or lists"


def test_control_character_is_located_after_chinese_text() -> None:
    assert problems("a: b\nc: d\x07\n") == [
        "f.yaml:2:5: control character #x0007 is not allowed in YAML text"]
    assert problems("名字: 王芳\n备注: 好\x1b\n") == [
        "f.yaml:2:6: control character #x001b is not allowed in YAML text"]


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(b"a: 1\nname: " + "王芳".encode("gbk") + b"\n")
    with pytest.raises(InputError) as info:
        yamlio.load(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.col) == (2, 7)
    assert "not UTF-8 text (byte 0xcd)" in problem.message.text("en")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffname: 王芳\n".encode())
    assert yamlio.load(path).data == {"name": "王芳"}


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for target, message in ((tmp_path / "nope.yaml", "no such file"),
                            (tmp_path, "is a folder, expected a YAML file")):
        with pytest.raises(InputError) as info:
            yamlio.load(target)
        assert info.value.problems[0].message.text("en") == message


def test_dotted() -> None:
    assert yamlio.dotted(("members", 2, "levels", "theory")) == "members[2].levels.theory"
    assert yamlio.dotted(()) == ""


def _alias_bomb(first_line: str, levels: int = 9) -> str:
    lines = [first_line, "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_aliases_that_expand_past_the_budget_are_refused_where_they_grow() -> None:
    # nine lines that stand for 9**9 values: refused before anything is built from them
    with pytest.raises(InputError) as info:
        yamlio.parse(_alias_bomb("studykit: 1"), "b.yaml")
    (problem,) = info.value.problems
    assert (problem.line, problem.col) == (8, 5)   # a6, the first list past a million
    assert "more than 1000000 values" in problem.text("en")


def test_a_duplicate_beside_aliases_is_located_by_one_walk() -> None:
    # the walk that names the duplicate's path visits each written node once, not each
    # copy an alias stands for (that walk hung on a 570-byte file)
    text = _alias_bomb("dup: {k: 1, k: 2}", levels=6)   # 9**6 values: within the budget
    doc = yamlio.parse(text, "d.yaml")
    assert [(p.line, p.key) for p in doc.problems] == [(1, "dup.k")]


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_only_regular_files_are_read(tmp_path: Path, kind: str) -> None:
    # a FIFO would block the run for ever, /dev/zero would fill the memory
    path = tmp_path / "pipe.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    with pytest.raises(InputError) as info:
        yamlio.read_text(path)
    assert "is not a regular file" in info.value.problems[0].text("en")


def test_a_file_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 11)
    assert yamlio.read_file(path, most=11) == b"x" * 11
    with pytest.raises(InputError) as info:
        yamlio.read_file(path, most=10)
    assert "larger than" in info.value.problems[0].text("en")
