"""Time as the format writes it: dates and ranges, quarters, months, days of a month.

How a quarter is cut into months and periods is defined here once, for the planner,
the checker and the ledger alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .errors import found, invalid


@dataclass(frozen=True)
class DateSpan:
    """An inclusive range of dates; a single date is a span of one day."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}..{self.last}"


_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
FIRST_YEAR, LAST_YEAR = 1900, 2199
"""The years studykit plans: holiday data, quarters and dates outside them are typos."""


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, written ``2027Q1``."""

    year: int
    number: int

    @classmethod
    def parse(cls, value: Any) -> Quarter:
        """Parse ``2027Q1``; raise PydanticCustomError with what was found."""
        if isinstance(value, Quarter):
            return value
        match = _QUARTER.fullmatch(value.strip().upper()) if isinstance(value, str) else None
        if not match or not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
            raise invalid("expected.quarter", found=found(value))
        return cls(int(match[1]), int(match[2]))

    @property
    def first(self) -> date:
        """The quarter's first day."""
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def last(self) -> date:
        """The quarter's last day."""
        if self.number == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.number + 1, 1) - timedelta(days=1)

    @property
    def months(self) -> tuple[int, int, int]:
        """The quarter's three month numbers."""
        start = 3 * self.number - 2
        return (start, start + 1, start + 2)

    def month_spans(self) -> list[tuple[int, date, date]]:
        """(month, first day, last day) of each of the quarter's months."""
        return [(m, date(self.year, m, 1), month_last(self.year, m)) for m in self.months]

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def quarter_of(day: date) -> Quarter:
    """The quarter a day falls in."""
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def month_last(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1}


@dataclass(frozen=True)
class DaySpec:
    """The ``on`` of a frequency: a day of the month, or an ordinal weekday.

    ``15`` → day 15; ``1st fri`` → ordinal 1, weekday 4; ``last thu`` → ordinal -1,
    weekday 3 (weekdays count from Monday = 0).
    """

    day: int | None = None
    ordinal: int | None = None
    weekday: int | None = None

    def in_month(self, year: int, month: int) -> date:
        """The date this names in a month: day 31 in a short month is its last day."""
        first, last = date(year, month, 1), month_last(year, month)
        if self.day is not None:
            return first.replace(day=min(self.day, last.day))
        assert self.weekday is not None and self.ordinal is not None
        if self.ordinal > 0:
            offset = (self.weekday - first.weekday()) % 7
            return first + timedelta(days=offset + 7 * (self.ordinal - 1))
        offset = (last.weekday() - self.weekday) % 7
        return last - timedelta(days=offset)
