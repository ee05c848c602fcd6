"""User errors: problems in the user's input, reported with their place in the file.

A :class:`UserError` is printed by the command line as a clean message with exit
status 1. Anything else that escapes is a bug in studykit and keeps its traceback.
Both carry a :class:`~studykit.words.Message`, put into words in the locale of the
file it is about (``locale``), or else in the language the caller gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..words import Message, msg, text

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is and what is wrong.

    ``line`` and ``col`` are 1-based; ``key`` is the dotted path of the value
    (``members[2].role``), empty for problems with the file as a whole; ``subject``
    names the list item the key points into (the member 宋雨 of ``members[15]``).
    ``locale`` is the language of the file's curriculum, when it could be read.
    """

    path: str
    line: int
    col: int
    key: str
    message: Message
    subject: str = ""
    locale: str | None = None
    cell: bool = False
    """The problem is in a workbook's cell: ``path`` is ``book.xlsx:<sheet>``, and it is
    said as ``book.xlsx:<sheet>!D7`` (the column from ``col``, the row from ``line``)."""

    @property
    def where(self) -> str:
        """Where it is: ``file:line:col``, or ``book.xlsx:<sheet>!D7`` in a workbook."""
        return f"{self.path}!{_column(self.col)}{self.line}" if self.cell \
            else f"{self.path}:{self.line}:{self.col}"

    def text(self, locale: str | None = None) -> str:
        """The problem as one line, in ``locale`` (default: the file's language)."""
        loc = locale or self.locale
        where = self.where
        key = self.key
        if key and self.subject:
            key += text(loc or "zh-CN", "problem.subject", name=self.subject)
        said = self.message.text(loc)
        return f"{where}: {key}: {said}" if key else f"{where}: {said}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Problems are listed by file, line, column and key."""
        return (self.path, self.line, self.col, self.key, self.message.text("en"))

    def __str__(self) -> str:
        return self.text()


def _column(number: int) -> str:
    """A workbook's column letters: 1 → A, 27 → AA."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


class UserError(Exception):
    """A mistake in the user's input or command; printed without a traceback."""

    def __init__(self, message: Message, locale: str | None = None) -> None:
        self.message = message
        self.locale = locale
        super().__init__(message)

    def text(self, locale: str | None = None) -> str:
        """The message in ``locale`` (default: the language of what it is about)."""
        return self.message.text(locale or self.locale)

    def __str__(self) -> str:
        return self.text()


class InputError(UserError):
    """One or more problems found in input files, all collected in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=Problem.sort_key)
        super().__init__(msg("problems", count=len(self.problems)))

    def text(self, locale: str | None = None) -> str:
        """Every problem, one a line (each in its file's language unless ``locale``)."""
        return "\n".join(p.text(locale) for p in self.problems)

    def said(self, fallback: str) -> str:
        """Every problem in its file's language, or ``fallback`` where that is not known."""
        return "\n".join(p.text(p.locale or fallback) for p in self.problems)


def invalid(key: str, **values: Any) -> PydanticCustomError:
    """A validation error whose message is the catalogue's ``key`` filled with ``values``;
    the loader turns it into a located :class:`Problem`."""
    from pydantic_core import PydanticCustomError  # not needed to start the command line

    return PydanticCustomError("studykit", "{message}", {"message": msg(key, **values)})


def found(value: Any) -> Message | str:
    """A value as the user wrote it, short, for messages: ``'two'``, ``7``, a list."""
    if value is None:
        return msg("found.nothing")
    if isinstance(value, dict):
        return msg("found.mapping")
    if isinstance(value, list):
        return msg("found.list")
    if isinstance(value, bool):
        return "true" if value else "false"
    shown = repr(value) if isinstance(value, str) else str(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"
