"""Workbooks (ledger.xlsx, district.xlsx): cells Excel can add up, and the same bytes each run."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Any

from ..domain.text import printable
from .package import repack

_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")


def cell_value(value: str) -> Any:
    """Numbers as numbers, so Excel can add them up (``007`` or ``1_000`` stay text); text
    with nothing a workbook cannot hold."""
    if not _NUMBER.match(value):
        return printable(value)
    return float(value) if "." in value else int(value)


def save_workbook(book: Any, stamp: date) -> bytes:
    """An openpyxl workbook as bytes, reproducibly: its creation and modification times are
    ``stamp`` and the zip's times fixed."""
    book.properties.creator = "studykit"
    fixed = datetime(stamp.year, stamp.month, stamp.day)
    book.properties.created = book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return repack(buffer.getvalue(), f"{stamp.isoformat()}T00:00:00Z")
