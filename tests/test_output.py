"""Writing outputs: atomic, all or nothing, and never over a file changed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studykit.errors import UserError
from studykit.output import MANIFEST, write_files, write_outputs


def test_write_files_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_files({tmp_path / "a" / "x.txt": b"1", tmp_path / "y.txt": b"2"})
    assert (tmp_path / "a" / "x.txt").read_bytes() == b"1"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "x.txt", "y.txt"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(UserError, match="cannot write"):
        write_files({tmp_path / "ok.txt": b"1", blocker / "x.txt": b"2"})
    assert not (tmp_path / "ok.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked"]


def test_rewriting_the_same_content_changes_nothing(tmp_path: Path) -> None:
    write_outputs(tmp_path, {"d/plan.docx": b"v1"})
    done = write_outputs(tmp_path, {"d/plan.docx": b"v1"})
    assert done.written == [] and done.unchanged == [tmp_path / "d" / "plan.docx"]
    done = write_outputs(tmp_path, {"d/plan.docx": b"v2"})   # studykit's own file: replaced
    assert done.written == [tmp_path / "d" / "plan.docx"]
    assert (tmp_path / "d" / "plan.docx").read_bytes() == b"v2"


def test_a_file_changed_by_hand_is_kept(tmp_path: Path) -> None:
    write_outputs(tmp_path, {"minutes.docx": b"generated", "plan.docx": b"p1"})
    (tmp_path / "minutes.docx").write_bytes(b"edited in Word")
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path, {"minutes.docx": b"new", "plan.docx": b"p2"})
    message = str(info.value)
    assert str(tmp_path / "minutes.docx") in message and "--force" in message
    assert (tmp_path / "minutes.docx").read_bytes() == b"edited in Word"
    assert (tmp_path / "plan.docx").read_bytes() == b"p1"          # nothing at all written

    done = write_outputs(tmp_path, {"minutes.docx": b"new", "plan.docx": b"p2"}, beside=True)
    assert done.beside == [tmp_path / "minutes.new.docx"]
    assert (tmp_path / "minutes.docx").read_bytes() == b"edited in Word"
    assert (tmp_path / "minutes.new.docx").read_bytes() == b"new"
    assert (tmp_path / "plan.docx").read_bytes() == b"p2"

    write_outputs(tmp_path, {"minutes.docx": b"new"}, force=True)
    assert (tmp_path / "minutes.docx").read_bytes() == b"new"
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert set(manifest) == {"minutes.docx", "plan.docx"}


def test_a_file_studykit_never_wrote_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "calendar.docx").write_bytes(b"someone else's")
    with pytest.raises(UserError):
        write_outputs(tmp_path, {"calendar.docx": b"ours"})
