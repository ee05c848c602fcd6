"""A district: many branches planned in one run, in parallel.

:func:`plan_branches` plans and writes every branch's quarter into a folder of its own
(``OUT/<curriculum file name>/``), in parallel across the machine's cores; a branch
whose curriculum is invalid or whose plan cannot be completed is reported with its
problems, and the others still complete. The overview of the branches' records is
:func:`studykit.app.workflows.district_report`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from ..domain.errors import UserError
from ..domain.time import Quarter
from ..engine.overview import BranchResult
from ..words import msg, text
from .workflows import branch_folder, plan_branch


def _plan_one(path: str, quarter: Quarter | str | None, out: str, templates: str | None,
              force: bool, beside: bool, partial: bool = False,
              records: str | None = None, strict: bool = False) -> BranchResult:
    """Plan and write one branch (runs in a worker process)."""
    folder = Path(records) / branch_folder(path) if records else None
    try:
        run = plan_branch(path, quarter, Path(out) / branch_folder(path), templates,
                          folder if folder is not None and folder.is_dir() else None,
                          partial, force, beside, strict)
    except UserError as exc:
        return BranchResult(path, branch_folder(path), False, exc.text())
    loc, name = run.curriculum.locale, run.curriculum.organization.name
    if run.failed and run.written is None:
        lines = [str(u) for u in run.plan.unplaced] + [str(f) for f in run.errors]
        return BranchResult(path, name, False, "\n".join(lines))
    message = text(loc, "district.sessions", n=len(run.plan.sessions))
    if run.failed:
        message = text(loc, "district.partial", done=message,
                       unplaced=text(loc, "reason.sep").join(str(u) for u in run.plan.unplaced))
    written = len(run.written.written) if run.written else 0
    warnings = (*run.plan.notes, *(f.message for f in run.warnings if f.rule == "minimum"))
    return BranchResult(path, name, not run.failed, message, written, warnings)


def plan_branches(paths: Sequence[Path | str], quarter: Quarter | str | None, out: Path | str,
                  templates: Path | str | None = None, force: bool = False,
                  beside: bool = False, jobs: int | None = None,
                  progress: Callable[[int, int], None] | None = None, partial: bool = False,
                  records: Path | str | None = None,
                  strict: bool = False) -> list[BranchResult]:
    """Plan every branch into ``out/<name>/`` across ``jobs`` processes (default: the
    machine's cores); ``progress(done, total)`` is called as branches finish. Results
    come back in the order of ``paths``."""
    folders = [branch_folder(p) for p in paths]
    clashes = sorted({f for f in folders if folders.count(f) > 1})
    if clashes:
        raise UserError(msg("district.clash", folders=", ".join(clashes)))
    jobs = jobs or os.cpu_count() or 1
    args = [(str(p), quarter, str(out), str(templates) if templates else None, force, beside,
             partial, str(records) if records else None, strict) for p in paths]
    results: dict[str, BranchResult] = {}
    if jobs == 1 or len(args) == 1:
        for i, a in enumerate(args, start=1):
            results[a[0]] = _plan_one(*a)
            if progress:
                progress(i, len(args))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_plan_one, *a) for a in args]
            for i, future in enumerate(as_completed(futures), start=1):
                result = future.result()
                results[result.source] = result
                if progress:
                    progress(i, len(args))
    return [results[str(p)] for p in paths]


