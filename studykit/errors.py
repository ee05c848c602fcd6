"""User errors: problems in the user's input, reported with their place in the file.

A :class:`UserError` is printed by the command line as a clean message with exit
status 1. Anything else that escapes is a bug in studykit and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in an input file: where it is and what is wrong.

    ``line`` and ``col`` are 1-based; ``key`` is the dotted path of the value
    (``members[2].role``), empty for problems with the file as a whole.
    """

    path: str
    line: int
    col: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class UserError(Exception):
    """A mistake in the user's input or command; printed without a traceback."""


class InputError(UserError):
    """One or more problems found in input files, all collected in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
