"""Writing files safely: all of them or none, each atomically, one run at a time.

Every file is first written to a temporary file beside its target, then renamed
over it, so a reader (or a run killed half-way) never sees half a file; the next run
removes the temporary files a killed run left. When several files belong together (a
plan and its calendar), all are written before any is renamed into place. A lock file
keeps two runs from writing into one folder at once, and no path may lead outside the
output folder.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import UserError
from ..words import Message, msg


def _file_mode() -> int:
    """What a new file's permissions would be (mkstemp makes them private)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_files(files: Mapping[Path, bytes]) -> list[Path]:
    """Write every ``path: content`` pair atomically; return the paths in order."""
    staged: list[tuple[str, Path]] = []
    mode = _file_mode()
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            # no fsync: the rename is what keeps a killed run from leaving half a file,
            # and a district writes thousands of files
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            os.chmod(tmp, mode)
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise UserError(msg("output.cannot_write", path=str(exc.filename),
                            why=exc.strerror or "")) from None
    return list(files)


MANIFEST = ".studykit-files.json"
"""In each output folder: the SHA-256 of every file studykit wrote there, to notice
files changed by hand since."""


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@dataclass
class Written:
    """What :func:`write_outputs` did: written, unchanged, and new versions put beside."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    beside: list[Path] = field(default_factory=list)


LOCK = ".studykit.lock"


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the output folder's lock; a second run gets a clear :class:`UserError`."""
    if root.exists() and not root.is_dir():
        raise UserError(msg("output.is_file", path=str(root)))
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory locks here
            yield
            return
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(msg("output.locked", path=str(root))) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _remove_stale_temporaries(root: Path) -> None:
    """Temporary files a killed run left behind (only ours: ``.<name>.<random>.tmp``)."""
    for stale in root.rglob(".*.tmp"):
        if stale.is_file():
            stale.unlink()


def inside(root: Path, rel: str) -> Path:
    """``root / rel``, refusing any path that would lead outside ``root``."""
    path = root / rel
    base = root.resolve()
    target = path.resolve()
    if rel.startswith(("/", "\\")) or (target != base and base not in target.parents):
        raise UserError(msg("output.outside", root=str(root), path=rel))
    return path


BASES = ".studykit-basis.json"
"""In each output folder: what each filed document was made from (its record, and the
facts about people it used), to notice a document that a changed curriculum would
rewrite."""

Basis = dict[str, Any]
"""``{"source": <hash of the record>, "date": <the day>, "facts": {...}}``."""
Stale = tuple[str, Basis, Basis]
"""A filed document a re-run would rewrite from the same record: (path, then, now)."""


def write_outputs(root: Path, files: Mapping[str, bytes], force: bool = False,
                  beside: bool = False, bases: Mapping[str, Basis] | None = None,
                  explain: Callable[[list[Stale]], Message] | None = None) -> Written:
    """Write ``files`` (paths relative to ``root``) all or nothing, keeping hand edits.

    A file that exists and differs from what studykit last wrote there was changed by
    hand (or never written by studykit): it is not overwritten. Without ``force`` or
    ``beside`` nothing at all is written and a :class:`UserError` names the files; with
    ``beside`` the new version goes next to it as ``name.new.docx``; with ``force`` it
    is overwritten. A file whose content would not change is left alone.

    ``bases`` says what a filed document is made from (:data:`Basis`). One that a re-run
    would change although its record is the same, because the facts about people differ,
    is not rewritten either: without ``force`` nothing is written and ``explain`` says
    what changed.
    """
    with locked(root):
        _remove_stale_temporaries(root)
        return _write_outputs(root, files, force, beside, bases or {}, explain)


def _bookkeeping(path: Path, kind: type) -> dict[str, Any]:
    """One of studykit's own files in the output folder (the manifest, the bases): a
    mapping from a file name to a ``kind``; none yet is an empty one. Damaged (not JSON,
    or not that shape), it is reported: guessing would misjudge what was edited by hand."""
    import json

    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, kind)
                                             for k, v in data.items()):
        raise UserError(msg("output.damaged", path=str(path)))
    return data


def _as_json(mapping: Mapping[str, Any]) -> bytes:
    import json

    return (json.dumps(dict(sorted(mapping.items())), indent=1, ensure_ascii=False)
            + "\n").encode("utf-8")


def _write_outputs(root: Path, files: Mapping[str, bytes], force: bool, beside: bool,
                   bases: Mapping[str, Basis],
                   explain: Callable[[list[Stale]], Message] | None) -> Written:
    stored: dict[str, Basis] = _bookkeeping(root / BASES, dict)
    stale: list[Stale] = []
    manifest: dict[str, str] = _bookkeeping(root / MANIFEST, str)
    result = Written()
    todo: dict[Path, bytes] = {}
    changed: list[Path] = []
    for rel, content in files.items():
        path = inside(root, rel)
        new = _sha(content)
        if path.is_dir():
            raise UserError(msg("output.folder_in_way", path=str(path)))
        if path.exists():
            current = _sha(path.read_bytes())
            if current == new:
                result.unchanged.append(path)
                manifest[rel] = new
                continue
            if manifest.get(rel) != current and not force:
                if beside:
                    other = path.with_name(f"{path.stem}.new{path.suffix}")
                    todo[other] = content
                    result.beside.append(other)
                    continue
                changed.append(path)
                continue
            then, now = stored.get(rel), bases.get(rel)
            if not force and isinstance(then, dict) and now is not None \
                    and then.get("source") == now["source"] \
                    and then.get("facts") != now["facts"]:
                stale.append((rel, then, now))
                continue
        todo[path] = content
        manifest[rel] = new
        result.written.append(path)
    if changed:
        names = "\n  ".join(str(p) for p in changed)
        raise UserError(msg("output.changed", n=len(changed), names=names))
    if stale:
        raise UserError(explain(stale) if explain else msg(
            "output.changed", n=len(stale), names="\n  ".join(rel for rel, _, _ in stale)))
    todo[root / MANIFEST] = _as_json(manifest)
    if bases:
        stored.update(bases)
        todo[root / BASES] = _as_json(stored)
    write_files(todo)
    return result
