"""What every benchmark shares: a quick mode, sanity checks that fail the run, docxtpl
as an optional extra. A helper module, not a benchmark (like ``memory.py``).

- :func:`parse` adds ``--quick`` to a benchmark's command line: the same steps on a small
  size, in seconds, for ``tests/test_benchmarks.py`` (which runs every benchmark so).
- :class:`Checks` prints each sanity check as ``[ok]`` or ``[FAIL]`` and ends the run
  with a non-zero exit status (``SystemExit`` with a message) when one failed: no bare
  ``assert``, which ``python -O`` would strip.
- :func:`docxtpl_version`: docxtpl is in the optional extra ``.[bench]``, which the test
  suite does not install; in quick mode its comparison is skipped when it is missing.
"""

from __future__ import annotations

import argparse
from typing import Any


def parse(parser: argparse.ArgumentParser, **quick: Any) -> argparse.Namespace:
    """Add ``--quick`` to ``parser`` and parse the command line. With ``--quick``, the
    values of ``quick`` (by option name, ``docxtpl_docs=5`` for ``--docxtpl-docs``)
    replace the defaults; an option given on the command line still wins."""

    def option(name: str, value: Any) -> str:
        flag = f"--{name.replace('_', '-')}"
        if value is True:
            return flag
        return " ".join([flag, *map(str, value if isinstance(value, (list, tuple)) else [value])])

    parser.add_argument("--quick", action="store_true",
                        help="the same steps and sanity checks on a small size, in seconds "
                             "(for the tests): "
                             + ", ".join(option(k, v) for k, v in quick.items()))
    known, _ = parser.parse_known_args()
    unknown = sorted(set(quick) - set(vars(known)))
    if unknown:
        raise ValueError(f"quick values for options the benchmark does not have: {unknown}")
    if known.quick:
        parser.set_defaults(**quick)
    return parser.parse_args()


class Checks:
    """A run's sanity checks: what its result must be whatever the machine's speed.

    ``checks(ok, text)`` prints ``[ok] text`` or ``[FAIL] text``; :meth:`done` prints
    ``sanity checks: all N passed`` or raises ``SystemExit`` (exit status 1) naming the
    failed ones. Timings and targets are never checks: a slow machine is no failure.
    """

    def __init__(self) -> None:
        self.passed = 0
        self.failed: list[str] = []

    def __call__(self, ok: bool, text: str) -> bool:
        print(f"   [{'ok' if ok else 'FAIL'}] {text}")
        if ok:
            self.passed += 1
        else:
            self.failed.append(text)
        return ok

    def done(self) -> None:
        total = self.passed + len(self.failed)
        if not total:
            raise SystemExit("sanity checks: none was run")
        if self.failed:
            raise SystemExit(f"sanity checks: {len(self.failed)} of {total} FAILED: "
                             + "; ".join(self.failed))
        print(f"sanity checks: all {total} passed")


def docxtpl_version(quick: bool, skipped: str) -> str | None:
    """docxtpl's version, or None when it is not importable in quick mode (saying that
    ``skipped`` is skipped, in one line). Without it outside quick mode, the run stops:
    the comparison is what the full mode measures."""
    try:
        import docxtpl
    except ImportError as exc:
        if quick:
            print(f"docxtpl is not installed (optional extra .[bench]): {skipped} skipped in "
                  "quick mode; studykit's own measurement and checks run")
            return None
        raise SystemExit(f"docxtpl cannot be imported ({exc}): install the optional extra "
                         "with `pip install -e '.[bench]'`, or run with --quick") from None
    return str(docxtpl.__version__)
