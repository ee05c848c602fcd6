"""Writing files safely: all of them or none, each atomically.

Every file is first written to a temporary file beside its target, then renamed
over it, so a reader (or an interrupted run) never sees half a file. When several
files belong together (a plan and its calendar), all are written before any is
renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import UserError


def write_files(files: Mapping[Path, bytes]) -> list[Path]:
    """Write every ``path: content`` pair atomically; return the paths in order."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((tmp, path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise UserError(f"cannot write {exc.filename}: {exc.strerror}") from None
    return list(files)
