"""Writing outputs: atomic, all or nothing, and never over a file changed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studykit.domain.errors import UserError
from studykit.render.output import MANIFEST, write_files, write_outputs


def test_write_files_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_files({tmp_path / "a" / "x.txt": b"1", tmp_path / "y.txt": b"2"})
    assert (tmp_path / "a" / "x.txt").read_bytes() == b"1"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "x.txt", "y.txt"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(UserError, match="无法写入"):
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


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    from studykit.render.output import locked

    with locked(tmp_path), pytest.raises(UserError, match="另一个 studykit 正在向"):
        write_outputs(tmp_path, {"a.txt": b"1"})
    write_outputs(tmp_path, {"a.txt": b"1"})          # free again afterwards
    assert (tmp_path / "a.txt").read_bytes() == b"1"


def test_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    (tmp_path / "sessions" / "x").mkdir(parents=True)
    stale = tmp_path / "sessions" / "x" / ".plan.docx.k2j3h4.tmp"
    stale.write_bytes(b"half a docu")
    write_outputs(tmp_path, {"sessions/x/plan.docx": b"whole"})
    assert not stale.exists()
    assert (tmp_path / "sessions" / "x" / "plan.docx").read_bytes() == b"whole"


@pytest.mark.parametrize("rel", ["../outside.txt", "sessions/../../outside.txt",
                                 "/tmp/absolute.txt"])
def test_nothing_is_written_outside_the_output_folder(tmp_path: Path, rel: str) -> None:
    root = tmp_path / "out"
    with pytest.raises(UserError, match="拒绝写到输出文件夹"):
        write_outputs(root, {"ok.txt": b"1", rel: b"2"})
    assert not (tmp_path / "outside.txt").exists()
    assert not (root / "ok.txt").exists()


def test_killing_a_run_never_leaves_a_broken_document(tmp_path: Path) -> None:
    import os
    import random
    import signal
    import subprocess
    import sys
    import time
    import zipfile

    import docx

    curriculum = Path(__file__).resolve().parent.parent / "curricula" / "employment-centre.yaml"
    command = [sys.executable, "-m", "studykit", "plan", str(curriculum), "--out"]
    clean = tmp_path / "clean"
    subprocess.run([*command, str(clean)], check=True, capture_output=True)
    out = tmp_path / "killed"
    rng = random.Random(7)
    for _ in range(6):
        child = subprocess.Popen([*command, str(out)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.5))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        for path in out.rglob("*.docx"):
            assert zipfile.ZipFile(path).testzip() is None, path     # whole, or not there
            docx.Document(str(path))
    subprocess.run([*command, str(out)], check=True, capture_output=True)
    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
                if p.is_file() and p.name != ".studykit.lock"}
    assert files(out) == files(clean)                                 # exactly the right files
    assert not list(out.rglob("*.tmp"))


def test_files_are_readable_by_others_as_the_umask_says(tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        write_outputs(tmp_path, {"a.docx": b"1"})
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.docx").stat().st_mode) == 0o644


def test_an_output_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x")
    with pytest.raises(UserError, match="是一个文件；请给出用于输出的文件夹"):
        write_outputs(tmp_path / "out", {"a.docx": b"1"})


@pytest.mark.parametrize("damage", ["[]", "{not json", '{"d/plan.docx": 7}', "\x00\x01"])
def test_a_damaged_manifest_is_reported_and_nothing_written(tmp_path: Path,
                                                            damage: str) -> None:
    write_outputs(tmp_path, {"d/plan.docx": b"v1"})
    (tmp_path / MANIFEST).write_text(damage, encoding="utf-8")
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path, {"d/plan.docx": b"v2"})
    assert "is damaged" in info.value.text("en")
    assert (tmp_path / "d" / "plan.docx").read_bytes() == b"v1"


def test_a_folder_where_a_document_goes_is_reported(tmp_path: Path) -> None:
    (tmp_path / "plan.docx").mkdir()
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path, {"plan.docx": b"v1", "other.docx": b"v1"})
    assert "is a folder where a file is to be written" in info.value.text("en")
    assert not (tmp_path / "other.docx").exists()
