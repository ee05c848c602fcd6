"""What a user typed, made safe for where it goes, the same way everywhere.

A title or a name can hold anything a file can: control characters, terminal escape
codes, line separators. Each sink gets the text faithfully and safely: a terminal sees
the invisible characters spelt out (:func:`visible`), a workbook cannot hold them at all
(:func:`printable`); Word documents escape them in their own engine, and the calendar
file in :mod:`studykit.render.ical`.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e"
                        "\u2066-\u2069\ufeff\ufffe\uffff]")


def _spelt(match: re.Match[str]) -> str:
    # one spelling, \u001b, that reads the same in a terminal and is a valid JSON escape
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, lines: bool = False) -> str:
    """``text`` for a terminal: control, format and line-separator characters spelt out
    (``\\u001b``, ``\\u2028``), so nothing the user typed moves the cursor, colours the
    screen or breaks a table's row (line breaks and tabs become spaces); with ``lines``,
    line breaks are kept."""
    return _INVISIBLE.sub(_spelt, text if lines else text.replace("\n", " ").replace("\t", " "))


_ANY_INVISIBLE = re.compile(f"{_INVISIBLE.pattern[:-1]}\t\n]")


def spelt(text: str) -> str:
    """``text`` quoted in a message: every invisible character spelt out, line breaks and
    tabs included, so ``'tangshu\\u000a'`` shows why it is not ``'tangshu'``."""
    return _ANY_INVISIBLE.sub(_spelt, text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` for a file format that cannot hold control characters (xlsx, XML, ICS):
    each spelt out as in :func:`visible` (DEL and the C1 controls too, which XML allows
    but RFC 5545 and terminals do not), line breaks and tabs kept."""
    return _CONTROL.sub(_spelt, text)


def one_line(text: str) -> str:
    """What a user typed, for a place that holds one line (a calendar's SUMMARY, a line of
    a notice): every kind of line break (\\r, NEL, the Unicode separators) a space, and
    no control character (:func:`printable`)."""
    return printable(" ".join(text.splitlines()))


def width(s: str) -> int:
    """Columns ``s`` takes in a terminal or a fixed-pitch table: wide and full-width
    characters (Chinese) count two, combining and format characters none."""
    total = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total
