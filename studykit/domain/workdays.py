"""The working-day calendar of mainland China: statutory holidays and 调休.

Mainland China moves working days around each holiday: a Saturday or Sunday can
be a working day (调休上班). The built-in data comes from ``chinesecalendar``,
which follows the State Council's yearly notice within days of its publication
and raises for a year it does not know, so a missing year is never guessed.
The curriculum's ``calendar.holidays`` and ``calendar.workdays`` are added on top,
and describe a year the package does not cover yet.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from ..words import quarter_name, text
from .models import Curriculum
from .time import DateSpan


@dataclass(frozen=True)
class _Year:
    """The built-in days of one year."""

    off: frozenset[date]
    """Days off on weekdays."""
    worked: frozenset[date]
    """Make-up working days on weekends (调休上班)."""
    festive: frozenset[date]
    """Weekend days inside a statutory holiday (a Saturday of the Spring Festival)."""


@cache
def _built_in(year: int) -> _Year | None:
    """The built-in days of ``year``, or None when the data does not know it."""
    import chinese_calendar  # type: ignore[import-untyped]  # only the planner needs it

    first, last = date(year, 1, 1), date(year, 12, 31)
    try:
        off = chinese_calendar.get_holidays(first, last, include_weekends=False)
        worked = chinese_calendar.get_workdays(first, last, include_weekends=True)
        every = chinese_calendar.get_holidays(first, last, include_weekends=True)
        festive = [d for d in every
                   if d.weekday() >= 5 and chinese_calendar.get_holiday_detail(d)[1]]
    except NotImplementedError:
        return None
    return _Year(frozenset(off), frozenset(d for d in worked if d.weekday() >= 5),
                 frozenset(festive))


def _days(spans: Iterable[DateSpan]) -> set[date]:
    out: set[date] = set()
    for span in spans:
        day = span.first
        while day <= span.last:
            out.add(day)
            day += timedelta(days=1)
    return out


@dataclass
class WorkCalendar:
    """Which days are working days: built-in data plus the curriculum's own dates.

    A quarter is *covered* when the built-in data knows its year, the curriculum says it
    gives the whole year (``calendar.complete``), or the curriculum lists a holiday or
    make-up working day in that quarter; an uncovered quarter is planned with weekends
    only, and :meth:`notes` says so, naming the quarter.
    """

    holidays: set[date] = field(default_factory=set)
    workdays: set[date] = field(default_factory=set)
    built_in: bool = True
    complete: set[int] = field(default_factory=set)
    """Years whose days off and make-up days the curriculum gives in full."""

    @classmethod
    def for_curriculum(cls, curriculum: Curriculum, built_in: bool = True) -> WorkCalendar:
        """The calendar of ``curriculum`` (``built_in=False`` ignores the package's data)."""
        return cls(_days(curriculum.calendar.holidays), _days(curriculum.calendar.workdays),
                   built_in, set(curriculum.calendar.complete))

    def _data(self, year: int) -> _Year | None:
        return _built_in(year) if self.built_in else None

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        data = self._data(day.year)
        if data is not None:
            if day in data.off:
                return False
            if day in data.worked:
                return True
        return day.weekday() < 5

    def is_holiday(self, day: date) -> bool:
        """Whether ``day`` is a statutory holiday (a weekend day inside one included), as
        opposed to an ordinary weekend or a working day."""
        if day in self.workdays:
            return False
        if day in self.holidays:
            return True
        data = self._data(day.year)
        return data is not None and (day in data.off or day in data.festive)

    def can_hold(self, day: date, weekdays: Collection[int] = range(7)) -> bool:
        """Whether a session may be held on ``day`` among ``weekdays`` (0 = Monday): a
        working day, or a Saturday or Sunday that is not a holiday. A pinned session
        may take any day of the week; a flexible one only the curriculum's weekdays."""
        if day.weekday() not in weekdays:
            return False
        return self.is_workday(day) or (day.weekday() >= 5 and not self.is_holiday(day))

    def is_described(self, year: int) -> bool:
        """Whether the curriculum lists holidays or make-up days in ``year``."""
        return any(d.year == year for d in (*self.holidays, *self.workdays))

    def is_covered(self, year: int, quarter: int | None = None) -> bool:
        """Whether the days off of ``year`` (of one of its quarters) are known: built in,
        given in full by the curriculum, or (for a quarter) listed there for it."""
        if self._data(year) is not None or year in self.complete:
            return True
        if quarter is None:
            return self.is_described(year)
        months = range(3 * quarter - 2, 3 * quarter + 1)
        return any(d.year == year and d.month in months
                   for d in (*self.holidays, *self.workdays))

    def notes(self, quarters: Iterable[tuple[int, int]], locale: str) -> list[str]:
        """One plain line for each quarter (year, number) whose days off are not known, and
        one for each year whose days off come from the curriculum rather than built-in data.
        For the terminal and plan.yaml: they name the keys to write."""
        out = []
        for year in sorted({y for y, _ in quarters}):
            if self._data(year) is None and self.is_described(year):
                out.append(text(locale, "note.holidays_given", year=year))
        for year, number in sorted(set(quarters)):
            if not self.is_covered(year, number):
                out.append(text(locale, "note.quarter_unknown", year=year,
                                quarter=quarter_name(locale, year, number)))
        return out

    def off_run_after(self, day: date) -> int:
        """How many days off in a row follow ``day`` (3 or more: a long holiday)."""
        run, nxt = 0, day + timedelta(days=1)
        while not self.is_workday(nxt) and run < 30:
            run += 1
            nxt += timedelta(days=1)
        return run

    def next_workday(self, day: date) -> date:
        """``day`` itself when it is a working day, else the next working day."""
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day
