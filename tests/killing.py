"""Kill points: a commit of output files SIGKILLed at a chosen step, then checked.

Shared by tests/test_output.py and benchmarks/fuzz.py. A *step* is one file operation
(``os.open``, ``write``, ``close``, ``replace``, ``unlink``, ``mkdir``) of the run; the
run is forked and the child kills itself at that step, so every point between two renames
can be reached, not only those a timer happens to hit.

Run as a script (``python tests/killing.py OLD NEW WORK --points 250``) it commits the
files of the folder NEW over those of OLD, killed at that many random steps, and prints
what each kill left as JSON: ``{"old": …, "new": …, "mixed": […steps]}``. A small process
forks fast; pytest itself, after planning a year, does not.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from studykit.render.output import LOCK, recover, write_outputs

OPERATIONS = ("open", "write", "replace", "unlink", "mkdir", "close")


def files(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` but the lock (which stays, empty, by design)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != LOCK}


def killed_at(step: int, action: Callable[[], object]) -> bool:
    """Run ``action`` in a forked child that SIGKILLs itself at its ``step``-th file
    operation; True when it was killed (False: it finished first)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        count = [0]

        def counted(real: Callable[..., object]) -> Callable[..., object]:
            def call(*args: object, **kwargs: object) -> object:
                count[0] += 1
                if count[0] == step:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*args, **kwargs)
            return call
        for name in OPERATIONS:
            setattr(os, name, counted(getattr(os, name)))
        try:
            action()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


def steps_of(action: Callable[[], object]) -> int:
    """How many file operations ``action`` makes (counted in a forked child)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        count = [0]
        os.close(read)
        for name in OPERATIONS:
            real = getattr(os, name)
            setattr(os, name, lambda *a, _real=real, **k: (count.__setitem__(0, count[0] + 1),
                                                            _real(*a, **k))[1])
        try:
            action()
        finally:
            os.write(write, str(count[0]).encode())
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        n = int(answer.read() or 0)
    os.waitpid(pid, 0)
    return n


def campaign(work: Path, old: dict[str, bytes], new: dict[str, bytes],
             points: int, seed: int = 0) -> dict[str, object]:
    """Commit ``new`` over ``old`` in ``work``, killed at ``points`` random steps; after
    each kill, recover and say whether the folder is all old, all new, or mixed."""
    root = work / "killed"
    reference = work / "reference"
    write_outputs(reference, old)
    old_state = files(reference)
    write_outputs(reference, new)
    new_state = files(reference)
    write_outputs(root, old)
    total = steps_of(lambda: write_outputs(root, new))
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(1, total + 1), min(points, total)))
    result: dict[str, object] = {"steps": total, "old": 0, "new": 0, "mixed": []}
    for step in chosen:
        killed_at(step, lambda: write_outputs(root, new))
        recover(root)
        state = files(root)
        if state == old_state:
            result["old"] = int(result["old"]) + 1          # type: ignore[call-overload]
            continue
        if state == new_state:
            result["new"] = int(result["new"]) + 1          # type: ignore[call-overload]
        else:
            result["mixed"].append(step)                    # type: ignore[attr-defined]
            shutil.rmtree(root)
        write_outputs(root, old)                            # back to the start
    write_outputs(root, new)                                # the next run just works
    result["then"] = "ok" if files(root) == new_state else "wrong"
    return result


def main() -> None:
    old_dir, new_dir, work = (Path(a) for a in sys.argv[1:4])
    points = int(sys.argv[sys.argv.index("--points") + 1]) if "--points" in sys.argv else 250

    def documents(folder: Path) -> dict[str, bytes]:
        return {rel: data for rel, data in files(folder).items()
                if not rel.startswith(".studykit")}
    print(json.dumps(campaign(work, documents(old_dir), documents(new_dir), points)))


if __name__ == "__main__":
    main()
