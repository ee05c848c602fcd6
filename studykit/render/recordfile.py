"""A session record as YAML text, written the way the example records are (``docs/records.md``).

A record filled in elsewhere (the notebook's form) is filed as a YAML record beside the
others, so everything that reads records reads it too, and a secretary can open and
correct it by hand: the keys in the order of the documentation, member lists on one line
(``present: [tangshu, wangfang]``), topics and decisions one a line, a vote or an action as
one ``{…}`` each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from ..domain.records import Record
from .planfile import _Dumper, _Flow

ORDER = tuple(key for key in Record.model_fields if key != "draft")
"""The keys of a filed session record, in the model's order (``docs/records.md``'s); a
filed record is no draft."""
_ON_ONE_LINE = {"present", "late", "unexcused", "done"}


class _Item(dict):  # type: ignore[type-arg]
    """A small mapping written on one line: ``{motion: …, for: 5, against: 0, abstain: 0}``."""


class _RecordDumper(_Dumper):
    """The plan's dumper, with small mappings on one line."""


_RecordDumper.add_representer(
    _Item, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data,
                                                         flow_style=True))


def dump_record(data: Mapping[str, Any], heading: str | None = None) -> str:
    """``data`` (a session record's keys, as :meth:`~studykit.engine.drafts.Draft.record`
    gives them) as YAML text, with ``heading`` as a comment on the first line."""
    unknown = sorted(set(data) - set(ORDER))
    if unknown:
        raise ValueError(f"not keys of a session record: {unknown}")
    shaped: dict[str, Any] = {}
    for key in ORDER:
        if key not in data:
            continue
        value = data[key]
        if key in _ON_ONE_LINE:
            value = _Flow(value)
        elif isinstance(value, list):
            value = [_Item(v) if isinstance(v, Mapping) else v for v in value]
        shaped[key] = value
    body = yaml.dump(shaped, Dumper=_RecordDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
    lines = [f"# {line}" for line in heading.splitlines()] if heading else []
    return "\n".join([*lines, body.rstrip("\n")]) + "\n"
