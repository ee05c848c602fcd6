"""Every user-facing word and message, in zh-CN and en, and the functions that fill them in.

This is the lowest layer: it imports nothing else of studykit, so every other layer can
speak the user's language. Two catalogues hold the sentences: :mod:`.catalog` the words
of documents, tables and charts, :mod:`.messages` the messages (problems, warnings,
advice, the command line). A message that is not written at once is a
:class:`Message`: a catalogue key plus its values, put into words in a locale when it
reaches the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from .catalog import LISTS, TEXT
from .messages import MESSAGES

DEFAULT_LOCALE = "zh-CN"
_ALL: dict[str, tuple[str, str]] = {**TEXT, **MESSAGES}
assert len(_ALL) == len(TEXT) + len(MESSAGES), "a key is in both catalogues"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_ZH_NUMBERS = "一二三四五六七八九十"
_ZH_WEEKDAYS = "一二三四五六日"  # as 星期三 and 周三 write them


def english(locale: str | None) -> bool:
    """Whether ``locale`` is English (``en``, ``en_US.UTF-8``…); anything else is Chinese."""
    return bool(locale) and str(locale).lower().startswith("en")


@dataclass(frozen=True)
class Message:
    """A sentence not yet put into words: a catalogue key and the values to fill in.

    Values may themselves be messages (``found`` = "a list"), which are put into the
    same language.
    """

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, locale: str | None) -> str:
        """The message in ``locale`` (zh-CN when None)."""
        return text(locale or DEFAULT_LOCALE, self.key, **dict(self.values))

    def __str__(self) -> str:
        return self.text(DEFAULT_LOCALE)


def msg(key: str, /, **values: Any) -> Message:
    """A :class:`Message` with ``values`` (checked to exist in the catalogue)."""
    if key not in _ALL:
        raise KeyError(f"no message {key!r} in the catalogue")
    # a value quoted from a user's file can be any YAML structure: keep messages hashable
    return Message(key, tuple((name, value if isinstance(value, (str, int, float, Message))
                               else str(value)) for name, value in values.items()))


def text(locale: str, key: str, /, **values: object) -> str:
    """The text ``key`` in ``locale`` (zh-CN or en), with ``values`` filled in."""
    zh, en = _ALL[key]
    template = en if english(locale) else zh
    if not values:
        return template
    filled = {name: value.text(locale) if isinstance(value, Message) else value
              for name, value in values.items()}
    return template.format(**filled)


def items(locale: str, key: str) -> list[str]:
    """The list ``key`` (a default agenda, the usual requirements) in ``locale``."""
    zh, en = LISTS[key]
    return list(en if english(locale) else zh)


def weekday(locale: str, number: int) -> str:
    """The short name of weekday ``number`` (Monday = 0): 周三, Wed."""
    if english(locale):
        return weekday_head(locale, number)
    return f"周{weekday_head(locale, number)}"


def weekday_head(locale: str, number: int) -> str:
    """Weekday ``number`` (Monday = 0) at the head of a calendar's column: 三, Wed."""
    return text(locale, "weekday").split()[number]


def title(locale: str, key: str, kind: str, **values: object) -> str:
    """A meeting title (``title.month``…) with the kind, month and quarter names filled in."""
    kind_name = text(locale, f"kind.{kind}")
    month = values.get("month")
    quarter = values.get("quarter")
    return text(locale, key, kind=kind_name, kind_lower=kind_name[0].lower() + kind_name[1:],
                month_name=MONTHS[int(month) - 1] if isinstance(month, int) else "",
                quarter_zh=_ZH_NUMBERS[int(quarter) - 1] if isinstance(quarter, int) else "",
                **values)


def join(locale: str, parts: Iterable[str]) -> str:
    """Items joined the way the language lists them (、 or comma)."""
    return text(locale, "list.sep").join(parts)


def long_date(locale: str, day: date) -> str:
    """2027年1月6日（星期三） / Wednesday, 6 January 2027."""
    return text(locale, "doc.date", year=day.year, month=day.month, day=day.day,
                weekday_zh=_ZH_WEEKDAYS[day.weekday()],
                weekday_en=day.strftime("%A"), month_name=MONTHS[day.month - 1])


def day_only(locale: str, day: date) -> str:
    """2027年1月6日 / 6 January 2027: the date without its weekday."""
    return text(locale, "doc.day", year=day.year, month=day.month, day=day.day,
                month_name=MONTHS[day.month - 1])


def day_message(day: date) -> Message:
    """A day as a message, put into words (2027年1月6日 / 6 January 2027) in the language
    the message is said in: never an ISO date in a sentence."""
    return msg("doc.day", year=day.year, month=day.month, day=day.day,
               month_name=MONTHS[day.month - 1])


def day_span(locale: str, first: date, last: date) -> str:
    """2027年1月4日至3月31日 / 4 January – 31 March 2027 (a day alone: :func:`day_only`)."""
    if first == last:
        return day_only(locale, first)
    end = short_date(locale, last) if last.year == first.year else day_only(locale, last)
    if english(locale):
        start = f"{first.day} {MONTHS[first.month - 1]}" if last.year == first.year \
            else day_only(locale, first)
        return f"{start} – {day_only(locale, last)}"
    return text(locale, "doc.span", first=day_only(locale, first), last=end)


def short_date(locale: str, day: date) -> str:
    """1月6日 / 6 Jan."""
    return text(locale, "doc.short_date", month=day.month, day=day.day,
                month_short=MONTHS[day.month - 1][:3])


class QuarterLike(Protocol):
    """What :func:`quarter_title` needs of a quarter."""

    @property
    def year(self) -> int: ...

    @property
    def number(self) -> int: ...


def quarter_title(locale: str, quarter: QuarterLike) -> str:
    """2027年第一季度 / Q1 2027."""
    return quarter_name(locale, quarter.year, quarter.number)


def quarter_name(locale: str, year: int, number: int) -> str:
    """:func:`quarter_title` from the year and the quarter's number."""
    return text(locale, "doc.quarter_title", year=year, quarter=number,
                quarter_zh=_ZH_NUMBERS[number - 1])
