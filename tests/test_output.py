"""Writing outputs: atomic, all or nothing, and never over a file changed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from killing import files, killed_at

from studykit.domain.errors import UserError
from studykit.render.output import JOURNAL, LOCK, MANIFEST, recover, write_files, write_outputs


def test_write_files_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_files(tmp_path, {tmp_path / "a" / "x.txt": b"1", tmp_path / "y.txt": b"2"})
    assert files(tmp_path) == {"a/x.txt": b"1", "y.txt": b"2"}


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(UserError, match=r"无法写入.*路径中有一个文件挡在文件夹的位置上"):
        write_files(tmp_path, {tmp_path / "ok.txt": b"1", blocker / "x.txt": b"2"})
    assert files(tmp_path) == {"blocked": b"a file where a folder should be"}


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
    assert set(manifest) == {"minutes.docx", "minutes.new.docx", "plan.docx"}


def test_beside_never_overwrites_a_new_version_edited_by_hand(tmp_path: Path) -> None:
    write_outputs(tmp_path, {"minutes.docx": b"v1"})
    (tmp_path / "minutes.docx").write_bytes(b"edited")
    write_outputs(tmp_path, {"minutes.docx": b"v2"}, beside=True)
    assert (tmp_path / "minutes.new.docx").read_bytes() == b"v2"
    done = write_outputs(tmp_path, {"minutes.docx": b"v3"}, beside=True)   # ours: replaced
    assert done.beside == [tmp_path / "minutes.new.docx"]
    assert (tmp_path / "minutes.new.docx").read_bytes() == b"v3"
    (tmp_path / "minutes.new.docx").write_bytes(b"edited too")
    done = write_outputs(tmp_path, {"minutes.docx": b"v4"}, beside=True)
    assert done.beside == [tmp_path / "minutes.new-2.docx"]
    assert files(tmp_path)["minutes.new.docx"] == b"edited too"
    assert files(tmp_path)["minutes.new-2.docx"] == b"v4"
    done = write_outputs(tmp_path, {"minutes.docx": b"v4"}, beside=True)   # nothing new
    assert done.beside == [tmp_path / "minutes.new-2.docx"] and done.written == []


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


def test_only_the_temporaries_a_journal_recorded_are_removed(tmp_path: Path) -> None:
    (tmp_path / "sessions" / "x").mkdir(parents=True)
    notes = tmp_path / "sessions" / "x" / ".my-notes.tmp"        # the user's own
    notes.write_bytes(b"mine")
    lookalike = tmp_path / ".plan.docx.0123456789abcdef.tmp"     # shaped like ours, unrecorded
    lookalike.write_bytes(b"also mine")
    staged = tmp_path / "sessions" / "x" / ".plan.docx.fedcba9876543210.tmp"
    staged.write_bytes(b"half a docu")
    (tmp_path / JOURNAL).write_text(json.dumps({
        "studykit-journal": 1, "state": "staged",
        "files": [["sessions/x/plan.docx", "sessions/x/.plan.docx.fedcba9876543210.tmp"]]}))
    write_outputs(tmp_path, {"sessions/x/plan.docx": b"whole"})
    assert not staged.exists() and not (tmp_path / JOURNAL).exists()
    assert notes.read_bytes() == b"mine" and lookalike.read_bytes() == b"also mine"
    assert (tmp_path / "sessions" / "x" / "plan.docx").read_bytes() == b"whole"


@pytest.mark.parametrize("entry", [
    ["plan.docx", "../.plan.docx.fedcba9876543210.tmp"],        # outside the folder
    ["plan.docx", "my-thesis.docx"],                            # not a temporary at all
    ["plan.docx", "other/.plan.docx.fedcba9876543210.tmp"],     # not beside its target
    ["/etc/passwd", "/etc/.passwd.fedcba9876543210.tmp"],
    "plan.docx",
])
def test_a_damaged_or_planted_journal_is_reported_and_followed_in_nothing(
        tmp_path: Path, entry: object) -> None:
    (tmp_path / "my-thesis.docx").write_bytes(b"keep")
    (tmp_path / JOURNAL).write_text(json.dumps({"studykit-journal": 1, "state": "committed",
                                                "files": [entry]}))
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path, {"plan.docx": b"1"})
    assert "the journal it left" in info.value.text("en")
    assert files(tmp_path) == {JOURNAL: (tmp_path / JOURNAL).read_bytes(),
                                "my-thesis.docx": b"keep"}


def _old_and_new() -> tuple[dict[str, bytes], dict[str, bytes]]:
    old = {f"s/{n:02d}/plan.docx": f"old {n}".encode() * 50 for n in range(8)}
    new = {**{rel: content.replace(b"old", b"new") for rel, content in old.items()},
           "s/03/plan.docx": old["s/03/plan.docx"],                  # one unchanged
           "s/10/minutes.docx": b"new only", "calendar.ics": b"new calendar"}
    return old, new


def test_a_run_killed_at_any_step_leaves_all_old_or_all_new(tmp_path: Path) -> None:
    import random

    old, new = _old_and_new()
    reference = tmp_path / "reference"
    write_outputs(reference, old)
    old_state = files(reference)
    write_outputs(reference, new)
    new_state = files(reference)
    rng = random.Random(12)
    outcomes = {"old": 0, "new": 0}
    step = 0
    while True:
        step += 1
        root = tmp_path / f"run{step}"
        write_outputs(root, old)
        if not killed_at(step, lambda root=root: write_outputs(root, new)):
            break                                   # past the last step: the run finished
        seen = files(root)
        for rel, content in seen.items():           # no document is ever half written
            assert rel.endswith(".tmp") or rel.startswith(".studykit") \
                or content in (old.get(rel), new.get(rel)), rel
        if rng.random() < 0.5:                      # kill the recovery, too, now and then
            killed_at(rng.randint(1, 6), lambda root=root: recover(root))
        recover(root)
        state = files(root)
        assert state in (old_state, new_state), f"step {step}: a mix of old and new"
        outcomes["old" if state == old_state else "new"] += 1
        write_outputs(root, new)                    # and the next run simply works
        assert files(root) == new_state
    assert outcomes["old"] > 5 and outcomes["new"] > 5, outcomes   # both sides were hit


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


def test_no_write_or_lock_follows_a_symbolic_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    root = tmp_path / "out"
    root.mkdir()
    (root / LOCK).symlink_to(tmp_path / "created-by-lock")
    with pytest.raises(UserError) as info:
        write_outputs(root, {"a.docx": b"1"})
    assert "symbolic link" in info.value.text("en")
    assert not (tmp_path / "created-by-lock").exists()
    (root / LOCK).unlink()
    (root / "a.docx").symlink_to(outside)
    with pytest.raises(UserError) as info:
        write_outputs(root, {"a.docx": b"1"}, force=True)
    assert "symbolic link" in info.value.text("en")
    assert outside.read_bytes() == b"precious"
    (root / MANIFEST).unlink(missing_ok=True)
    (root / MANIFEST).symlink_to(outside)           # studykit's own files: replaced, not followed
    with pytest.raises(UserError, match="已损坏"):
        write_outputs(root, {"b.docx": b"1"})
    assert outside.read_bytes() == b"precious"


def test_a_read_only_output_folder_is_a_clear_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A real read-only folder: as root permissions do not bind, so the folder is made
    immutable (chattr +i) instead of read-only (chmod 555)."""
    import os
    import subprocess

    from studykit.app.cli import main

    curriculum = Path(__file__).resolve().parent.parent / "curricula" / "employment-centre.yaml"
    out = tmp_path / "out"
    write_outputs(out, {"plan.docx": b"old"})
    before = files(out)
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(out)], check=True)
    else:
        out.chmod(0o555)
    try:
        assert main(["plan", str(curriculum), "--out", str(out)]) == 1
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(out)], check=True)
        else:
            out.chmod(0o755)
    said = capsys.readouterr().err
    assert "无法写入" in said and "没有写入权限" in said and "Traceback" not in said
    assert files(out) == before


def test_a_real_plan_killed_at_every_step(tmp_path: Path) -> None:
    """The same with real documents: the example's quarter plan, then the plan of it
    renamed (every document changes) committed over it, killed at each of its steps,
    renames included (in a small process: it forks faster than pytest).
    ``benchmarks/fuzz.py`` does the same with a year's documents at random steps."""
    import subprocess
    import sys

    from studykit.app.workflows import plan_branch

    curriculum = Path(__file__).resolve().parent.parent / "curricula" / "employment-centre.yaml"
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text(curriculum.read_text(encoding="utf-8").replace(
        "就业服务中心", "就业服务中心（新）"), encoding="utf-8")
    plan_branch(curriculum, out=tmp_path / "old")
    plan_branch(renamed, out=tmp_path / "new")
    assert len(files(tmp_path / "old")) > 20
    (tmp_path / "work").mkdir()
    done = subprocess.run([sys.executable, str(Path(__file__).parent / "killing.py"),
                           str(tmp_path / "old"), str(tmp_path / "new"),
                           str(tmp_path / "work"), "--points", "1000"],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["mixed"] == [] and result["then"] == "ok", result
    assert result["old"] + result["new"] == result["steps"] > 100       # every step
    assert result["old"] > 20 and result["new"] > 20, result          # both sides were hit


def test_several_folders_commit_as_one(tmp_path: Path) -> None:
    """A year plan: four quarter folders (each with its own manifest) and the year's
    files, killed at every step of their one commit: all old or all new."""
    from studykit.render.output import Batch, write_batches

    def year(word: bytes) -> list[Batch]:
        return [*(Batch(tmp_path / "run" / f"2027Q{q}", {"plan.yaml": word * q,
                                                          "s/a/plan.docx": word})
                  for q in (1, 2, 3, 4)),
                Batch(tmp_path / "run", {"annual.docx": word})]
    root = tmp_path / "run"
    write_batches(root, year(b"old"))
    old = files(root)
    write_batches(root, year(b"new"))
    new = files(root)
    write_batches(root, year(b"old"))
    sides = {"old": 0, "new": 0}
    step = 0
    while killed_at(step := step + 1, lambda: write_batches(root, year(b"new"))):
        recover(root)
        state = files(root)
        assert state in (old, new), f"step {step}: a mix of old and new"
        sides["old" if state == old else "new"] += 1
        write_batches(root, year(b"old"))
    assert sides["old"] > 5 and sides["new"] > 5, sides
    assert files(root) == new


def test_force_and_beside_together_are_refused(tmp_path: Path) -> None:
    write_outputs(tmp_path, {"a.docx": b"1"})
    (tmp_path / "a.docx").write_bytes(b"edited")
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path, {"a.docx": b"2"}, force=True, beside=True)
    assert "contradict" in info.value.text("en")
    assert (tmp_path / "a.docx").read_bytes() == b"edited"


@pytest.mark.parametrize("name", [MANIFEST, ".studykit-basis.json", JOURNAL])
@pytest.mark.parametrize("damage", ["[" * 100_000, "big"])
def test_studykit_s_own_files_deeply_nested_or_huge_are_reported(
        tmp_path: Path, name: str, damage: str) -> None:
    import resource

    write_outputs(tmp_path, {"a.docx": b"1"}, bases={"a.docx": {"source": "x", "facts": {}}})
    path = tmp_path / name
    if damage == "big":
        with open(path, "wb") as handle:              # sparse: no disk space
            handle.truncate(2**31)
    else:
        path.write_text(damage)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path, {"a.docx": b"2"})
    assert "damaged" in info.value.text("en")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB
    assert (tmp_path / "a.docx").read_bytes() == b"1"


def test_a_year_plan_is_one_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from studykit.app.workflows import plan_year
    from studykit.render import output

    commits: list[int] = []
    real = output.commit

    def counted(root: Path, todo: dict[Path, bytes]) -> None:
        commits.append(len(todo))
        real(root, todo)
    monkeypatch.setattr(output, "commit", counted)
    curriculum = Path(__file__).resolve().parent.parent / "curricula" / "employment-centre.yaml"
    run = plan_year(curriculum, 2027, out=tmp_path)
    assert len(commits) == 1 and commits[0] == len(files(tmp_path))
    assert all(q.written and q.written.written for q in run.quarters)


def test_a_quarter_is_not_written_under_an_unfinished_year(tmp_path: Path) -> None:
    """A year run killed after its commit point, then a quarter run into one of its
    folders: refused, so finishing the year later cannot put old files over it; the
    year run itself finishes the commit and goes on."""
    from studykit.render.output import Batch, write_batches

    def year(word: bytes) -> list[Batch]:
        return [Batch(tmp_path / "2027Q1", {"plan.yaml": word}),
                Batch(tmp_path, {"annual.docx": word})]
    write_batches(tmp_path, year(b"old"))
    step = 1
    while killed_at(step, lambda: write_batches(tmp_path, year(b"new"))):
        if json.loads((tmp_path / JOURNAL).read_text())["state"] == "committed" \
                if (tmp_path / JOURNAL).exists() else False:
            break
        step += 1
    assert (tmp_path / JOURNAL).exists()
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path / "2027Q1", {"plan.yaml": b"quarter"})
    assert "was interrupted and is not finished" in info.value.text("en")
    write_batches(tmp_path, year(b"new"))
    assert files(tmp_path)["2027Q1/plan.yaml"] == b"new"


@pytest.mark.parametrize("thing", ["link-out", "loop", "fifo"])
def test_odd_things_in_the_output_folder_are_reported(tmp_path: Path, thing: str) -> None:
    import os

    from studykit.render.output import Batch, write_batches

    root = tmp_path / "out"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    if thing == "link-out":
        (root / "2027Q1").symlink_to(tmp_path / "elsewhere")
    elif thing == "loop":
        (root / "2027Q1").symlink_to(root / "2027Q1")
    else:
        os.mkfifo(root / MANIFEST)
    with pytest.raises(UserError):
        write_batches(root, [Batch(root / "2027Q1", {"plan.yaml": b"x"}),
                             Batch(root, {"annual.docx": b"x"})])
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_a_full_disk_names_the_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(UserError) as info:
        write_outputs(tmp_path, {"a.docx": b"1"})
    said = str(info.value)
    assert "磁盘已满" in said and "None" not in said and str(tmp_path) in said
    monkeypatch.undo()
    assert not (tmp_path / JOURNAL).exists() and not (tmp_path / "a.docx").exists()
