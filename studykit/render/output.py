"""Writing files safely: all of them or none, one run at a time, never through a link.

A run's files are committed as one transaction through a journal in the output folder:

1. the journal is written, naming every file and the temporary file it is staged in
   (``.<name>.<transaction>.tmp`` beside it), before any temporary file exists;
2. every temporary file is written;
3. the journal is marked committed (one rename: this is the moment the run happens);
4. each temporary file is renamed over its target, and the journal is removed.

A run killed before step 3 is rolled back by the next one (its temporaries removed); one
killed after it is completed (the remaining renames done). Either way the folder then
holds all the old files or all the new ones. Cleanup only ever removes temporaries a
journal recorded. Files are created with ``O_EXCL | O_NOFOLLOW`` and put in place by a
rename, which replaces a symbolic link rather than writing through it; the lock file is
never opened through one. No path may lead outside the output folder. There is no fsync:
the journal protects against a killed run, not against a power cut.
"""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import InputError, UserError
from ..reading.yamlio import read_file
from ..words import Message, msg

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def _file_mode() -> int:
    """What a new file's permissions would be, as the umask says."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_WHY = {errno.EACCES: "denied", errno.EPERM: "denied", errno.EROFS: "read_only",
        errno.ENOSPC: "full", errno.EDQUOT: "full", errno.ENAMETOOLONG: "long_name",
        errno.ENOTDIR: "not_folder", errno.EEXIST: "not_folder", errno.EISDIR: "folder"}


def _cannot(exc: OSError) -> UserError:
    """A failed write as the user's problem, in their language where the reason is a
    common one (no permission, a read-only disk, a full disk…)."""
    reason = _WHY.get(exc.errno or 0)
    why: Message | str = msg(f"output.why.{reason}") if reason else exc.strerror or str(exc)
    if exc.errno == errno.ELOOP:
        return UserError(msg("output.link_in_way", path=str(exc.filename)))
    return UserError(msg("output.cannot_write", path=str(exc.filename), why=why))


def _create(path: Path, content: bytes, mode: int) -> None:
    """Write a new file; never an existing one, never through a symbolic link."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, mode)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:              # os.write names no file: a full disk would say None
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    with suppress(FileNotFoundError):
        os.unlink(path)


JOURNAL = ".studykit-journal.json"
"""In an output folder while a run commits: the files it writes and where each is staged."""
_JOURNAL_NEW = ".studykit-journal.new"


def _write_journal(root: Path, state: str, pairs: list[tuple[str, str]]) -> None:
    data = json.dumps({"studykit-journal": 1, "state": state,
                       "files": [list(pair) for pair in pairs]}, ensure_ascii=False)
    _unlink(root / _JOURNAL_NEW)
    _create(root / _JOURNAL_NEW, data.encode("utf-8"), 0o644)
    os.replace(root / _JOURNAL_NEW, root / JOURNAL)


_STAGED = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{16}\.tmp")

MAX_OWN_FILE = 64 * 1024 * 1024
"""The largest journal, manifest or bases file read (a district's manifest: about 2 MB)."""


def _own_json(path: Path) -> Any:
    """One of studykit's own files in an output folder, as JSON: a regular file, never
    through a link, at most :data:`MAX_OWN_FILE` bytes; ``ValueError`` for anything else
    (too big, a FIFO, not JSON, nested past what the parser takes)."""
    try:
        data = read_file(path, MAX_OWN_FILE, follow=False)
    except InputError:
        raise ValueError("not a readable regular file") from None
    try:
        return json.loads(data.decode("utf-8"))
    except RecursionError:
        raise ValueError("nested too deep") from None


def _read_journal(root: Path) -> tuple[str, list[tuple[Path, Path]]] | None:
    """The journal a killed run left, checked entry by entry: it names files to delete
    and to rename, so one that is damaged (or planted) is refused, not followed."""
    path = root / JOURNAL
    if not os.path.lexists(path):
        return None
    try:
        data = _own_json(path)
        state, entries = data["state"], data["files"]
        pairs = []
        within = Inside(root)
        for target, staged in entries:
            match = _STAGED.fullmatch(Path(staged).name)
            if not (isinstance(target, str) and isinstance(staged, str) and match
                    and match["name"] == Path(target).name
                    and Path(staged).parent == Path(target).parent):
                raise ValueError(staged)
            pairs.append((within(target), within(staged)))
        if data.get("studykit-journal") != 1 or state not in ("staged", "committed"):
            raise ValueError(state)
    except (OSError, ValueError, KeyError, TypeError, UserError):
        raise UserError(msg("output.journal_damaged", path=str(path))) from None
    return state, pairs


def recover(root: Path) -> str | None:
    """Finish what a killed run left in ``root``: roll a staged run back, a committed
    one forward. Returns what was done (``"staged"`` or ``"committed"``) or ``None``.
    Safe to repeat, and to be killed itself: the journal goes last."""
    found = _read_journal(root)
    _unlink(root / _JOURNAL_NEW)
    if found is None:
        return None
    state, pairs = found
    try:
        for target, staged in pairs:
            if not os.path.lexists(staged):
                continue
            if state == "committed":
                os.replace(staged, target)
            else:
                os.unlink(staged)
        os.unlink(root / JOURNAL)
    except OSError as exc:
        raise _cannot(exc) from None
    return state


def commit(root: Path, files: Mapping[Path, bytes]) -> None:
    """Make every ``path: content`` (each inside ``root``) visible at once, through the
    journal. The caller holds :func:`locked`."""
    txid = secrets.token_hex(8)
    staged = {path: path.with_name(f".{path.name}.{txid}.tmp") for path in files}
    pairs = [(p.relative_to(root).as_posix(), s.relative_to(root).as_posix())
             for p, s in staged.items()]
    mode = _file_mode()
    try:
        _write_journal(root, "staged", pairs)
        try:
            for path, content in files.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                _create(staged[path], content, mode)
        except OSError:
            recover(root)
            raise
        _write_journal(root, "committed", pairs)
        for path, tmp in staged.items():
            try:
                os.replace(tmp, path)
            except OSError as exc:      # named by the document, not by its temporary file
                raise OSError(exc.errno, exc.strerror, str(path)) from None
        os.unlink(root / JOURNAL)
    except OSError as exc:
        raise _cannot(exc) from None


LOCK = ".studykit.lock"


def _lock(fd: int, root: Path) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks here
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise UserError(msg("output.locked", path=str(root))) from None


def _unfinished_above(root: Path) -> None:
    """Refuse a folder inside one whose own run was interrupted (a year plan killed while
    it committed its quarters): finishing that run later would put its files over this
    one's. The folder above is to be run again first."""
    for above in list(root.resolve().parents)[:4]:
        if os.path.lexists(above / JOURNAL):
            raise UserError(msg("output.unfinished_above", path=str(above)))


@contextmanager
def locked(root: Path, above: bool = True) -> Iterator[None]:
    """Hold the output folder's lock and finish what a killed run left there (see
    :func:`recover`); a second run gets a clear :class:`UserError`. With ``above``, a
    folder above with an unfinished run of its own is refused first."""
    if above:
        _unfinished_above(root)
    if root.exists() and not root.is_dir():
        raise UserError(msg("output.is_file", path=str(root)))
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
    except OSError as exc:
        raise _cannot(exc) from None
    try:
        _lock(fd, root)
        recover(root)
        yield
    finally:
        os.close(fd)            # closing releases the lock


def write_files(root: Path, files: Mapping[Path, bytes]) -> list[Path]:
    """Write every ``path: content`` pair (inside the folder ``root``) all or none;
    return the paths in order."""
    with locked(root):
        within = Inside(root)
        for path in files:
            within(str(path.relative_to(root)))
        commit(root, files)
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
    kept: list[Path] = field(default_factory=list)
    """Files the user has filled in, left as they are (:attr:`Batch.kept`)."""


class Inside:
    """Paths inside one folder: ``Inside(root)(rel)`` is ``root / rel``, refusing any path
    that would lead outside ``root``, through ``..`` or a folder that is a symbolic link.
    The file itself may be a link: it is replaced by a rename, never followed. Each
    folder on the way is resolved once (a run writes hundreds of files into a few)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = root.resolve()
        self.folders: dict[Path, Path] = {}

    def __call__(self, rel: str) -> Path:
        path = self.root / rel
        try:
            if path.name in ("", ".."):
                target = path.resolve()
            else:
                parent = self.folders.get(path.parent)
                if parent is None:
                    parent = self.folders[path.parent] = path.parent.resolve()
                target = parent / path.name
        except (OSError, RuntimeError):         # a link loop on the way
            raise UserError(msg("output.link_in_way", path=str(path))) from None
        if rel.startswith(("/", "\\")) or not _under(self.base, target):
            raise UserError(msg("output.outside", root=str(self.root), path=rel))
        return path


def _folder_inside(root: Path, folder: Path) -> None:
    """Refuse a batch's folder that is, or passes through, a link out of ``root``."""
    try:
        target, base = folder.resolve(), root.resolve()
    except (OSError, RuntimeError):             # a link loop
        raise UserError(msg("output.link_in_way", path=str(folder))) from None
    if not _under(base, target):
        raise UserError(msg("output.outside", root=str(root), path=str(folder)))


def _under(base: Path, target: Path) -> bool:
    """Whether the resolved ``target`` is ``base`` or inside it."""
    return target == base or base in target.parents


def inside(root: Path, rel: str) -> Path:
    """``root / rel``, refusing any path that would lead outside ``root``."""
    return Inside(root)(rel)


BASES = ".studykit-basis.json"
"""In each output folder: what each filed document was made from (its record, and the
facts about people it used), to notice a document that a changed curriculum would
rewrite."""

Basis = dict[str, Any]
"""``{"source": <hash of the record>, "date": <the day>, "facts": {...}}``."""
Stale = tuple[str, Basis, Basis]
"""A filed document a re-run would rewrite from the same record: (path, then, now)."""


@dataclass
class Batch:
    """The files of one folder in a run (a quarter of a year plan): paths relative to
    ``folder``, which keeps its own manifest and bases; see :func:`write_outputs`."""

    folder: Path
    files: Mapping[str, bytes]
    bases: Mapping[str, Basis] = field(default_factory=dict)
    explain: Callable[[list[Stale]], Message] | None = None
    kept: frozenset[str] = frozenset()
    """Files the user fills in (the record workbook): once changed by hand they are the
    user's, kept as they are even with ``force``, and no reason to stop the run."""


def write_outputs(root: Path, files: Mapping[str, bytes], force: bool = False,
                  beside: bool = False, bases: Mapping[str, Basis] | None = None,
                  explain: Callable[[list[Stale]], Message] | None = None) -> Written:
    """Write ``files`` (paths relative to ``root``) all or nothing, keeping hand edits.

    A file that exists and differs from what studykit last wrote there was changed by
    hand (or never written by studykit): it is not overwritten. Without ``force`` or
    ``beside`` nothing at all is written and a :class:`UserError` names the files; with
    ``beside`` the new version goes next to it as ``name.new.docx`` (or ``name.new-2.docx``
    when that one, too, was changed by hand); with ``force`` it is overwritten. The two
    together contradict each other and are refused. A file whose content would not
    change is left alone.

    ``bases`` says what a filed document is made from (:data:`Basis`). One that a re-run
    would change although its record is the same, because the facts about people differ,
    is not rewritten either: without ``force`` nothing is written and ``explain`` says
    what changed.
    """
    return write_batches(root, [Batch(root, files, bases or {}, explain)], force, beside)[0]


def write_batches(root: Path, batches: Sequence[Batch], force: bool = False,
                  beside: bool = False) -> list[Written]:
    """Write several folders' files (each batch's folder inside ``root``) as one
    transaction: all of them or none, each judged as :func:`write_outputs` judges its
    files. Each folder is locked; the commit's journal is ``root``'s."""
    if force and beside:
        raise UserError(msg("output.force_and_beside"))
    folders = list(dict.fromkeys([root, *(b.folder for b in batches)]))
    for folder in folders:
        _folder_inside(root, folder)
    with ExitStack() as held:
        # the root first, finishing its own interrupted run, then the folders below it
        # (no other run can be busy in them while the root's journal is there)
        for folder in folders:
            held.enter_context(locked(folder, above=folder == root))
        todo: dict[Path, bytes] = {}
        results, changed, stale = [], [], []
        for batch in batches:
            files, written, hand, old = _judge(batch, force, beside)
            todo.update(files)
            results.append(written)
            changed += hand
            stale += [(batch, s) for s in old]
        if changed:
            names = "\n  ".join(str(p) for p in changed)
            raise UserError(msg("output.changed", n=len(changed), names=names))
        if stale:
            batch = stale[0][0]
            found = [s for b, s in stale if b is batch]
            raise UserError(batch.explain(found) if batch.explain else msg(
                "output.changed", n=len(stale),
                names="\n  ".join(str(b.folder / rel) for b, (rel, _, _) in stale)))
        commit(root, todo)
    return results


def _bookkeeping(path: Path, kind: type) -> dict[str, Any]:
    """One of studykit's own files in the output folder (the manifest, the bases): a
    mapping from a file name to a ``kind``; none yet is an empty one. Damaged (not JSON,
    or not that shape), it is reported: guessing would misjudge what was edited by hand."""
    if not os.path.lexists(path):
        return {}
    try:
        data = _own_json(path)
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, kind)
                                             for k, v in data.items()):
        raise UserError(msg("output.damaged", path=str(path)))
    return data


def _as_json(mapping: Mapping[str, Any]) -> bytes:
    return (json.dumps(dict(sorted(mapping.items())), indent=1, ensure_ascii=False)
            + "\n").encode("utf-8")


def _current(path: Path) -> str | None:
    """The SHA-256 of the file at ``path``, or ``None`` when there is none. A folder or a
    symbolic link in a document's place is reported: neither is written through."""
    try:
        kind = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot(exc) from None
    if stat.S_ISLNK(kind):
        raise UserError(msg("output.link_in_way", path=str(path)))
    if stat.S_ISDIR(kind):
        raise UserError(msg("output.folder_in_way", path=str(path)))
    if not stat.S_ISREG(kind):                  # a FIFO, a socket, a device
        raise UserError(msg("output.special_in_way", path=str(path)))
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:            # in pieces: a big file is no big memory
        for piece in iter(lambda: handle.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()


def _beside(root: Path, path: Path, new: str,
            manifest: dict[str, str]) -> tuple[Path, bool]:
    """Where a new version of a hand-edited ``path`` goes: ``name.new.docx``, unless that
    was changed by hand too, then ``name.new-2.docx`` and so on; and whether it is to be
    written (not when it already holds exactly this version)."""
    for n in range(1, 100):
        other = path.with_name(f"{path.stem}.new{'' if n == 1 else f'-{n}'}{path.suffix}")
        rel = other.relative_to(root).as_posix()
        current = _current(other)
        if current == new or current is None or manifest.get(rel) == current:
            manifest[rel] = new
            return other, current != new
    raise UserError(msg("output.changed", n=1, names=str(path)))


def _judge(batch: Batch, force: bool, beside: bool,
           ) -> tuple[dict[Path, bytes], Written, list[Path], list[Stale]]:
    """What to write of one folder's files (its manifest and bases included), what was
    done, the files changed by hand, and the filed documents a re-run would change."""
    root, bases = batch.folder, batch.bases
    stored: dict[str, Basis] = _bookkeeping(root / BASES, dict)
    stale: list[Stale] = []
    manifest: dict[str, str] = _bookkeeping(root / MANIFEST, str)
    result = Written()
    todo: dict[Path, bytes] = {}
    changed: list[Path] = []
    within = Inside(root)
    for rel, content in batch.files.items():
        path = within(rel)
        new = _sha(content)
        current = _current(path)
        if current is not None:
            if current == new:
                result.unchanged.append(path)
                manifest[rel] = new
                continue
            if manifest.get(rel) != current and rel in batch.kept:
                result.kept.append(path)
                continue
            if manifest.get(rel) != current and not force:
                if beside:
                    other, needed = _beside(root, path, new, manifest)
                    if needed:
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
    todo[root / MANIFEST] = _as_json(manifest)
    if bases:
        stored.update(bases)
        todo[root / BASES] = _as_json(stored)
    return todo, result, changed, stale
