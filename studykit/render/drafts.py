"""Record drafts as YAML (``studykit records draft``): a session's record, pre-filled from
the plan, for a secretary who keeps records as text.

A draft is a record marked ``draft: true``, which counts as nothing until the secretary
has filled it in and deleted that line: the plan's day, time, venue and chair, the expected members
``present`` (each with their name beside the id), those the plan knew to be away on leave
with its reason, the agenda as the topics, and empty places for the rest, each with a
comment saying what goes there. From a sign-in export, ``present`` and ``late`` are the
members who signed in, and those who did not are listed for the secretary to put on
leave or absent. Comments follow the curriculum's language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..domain.models import Curriculum
from ..engine.drafts import Draft
from ..words import long_date, text


def _quoted(value: str) -> str:
    """Free text as a YAML scalar that means exactly that text (a double-quoted one)."""
    return json.dumps(value, ensure_ascii=False)


def draft_yaml(cur: Curriculum, d: Draft, signed: Mapping[str, str] | None = None,
               notes: Sequence[str] = ()) -> str:
    """The record draft of ``d`` as YAML text. ``signed`` (member → ``present`` or
    ``late``), from a sign-in export, replaces "everyone expected is present"; ``notes``
    (what the sign-in could not match) go in the head comment."""
    loc, s = cur.locale, d.session
    names = {m.id: m.name for m in cur.members}

    def line(key: str, **values: object) -> str:
        return text(loc, f"draft.{key}", **values)

    expected = [e.id for e in d.expected]
    excused = {e.id: e.excused for e in d.expected if e.excused}
    if signed is None:
        present = [m for m in expected if m not in excused]
        late: list[str] = []
        missing: list[str] = []
    else:
        present = [m for m, how in signed.items() if how == "present"]
        late = [m for m, how in signed.items() if how == "late"]
        missing = [m for m in expected if m not in signed and m not in excused]
    out = [f"# {line('head', title=s.title, day=long_date(loc, s.date))}",
           f"# {line('how')}"]
    out += [f"# {n}" for n in notes]
    out += [f"draft: true  # {line('draft')}",
            f"session: {s.id}", f"date: {s.date.isoformat()}",
            f'start: "{s.start:%H:%M}"', f'end: "{s.end:%H:%M}"']
    if s.place:
        out.append(f"venue: {_quoted(s.place)}")
    chair = f"chair: {d.chair}" if d.chair else "chair:"
    out.append(f"{chair}{'  # ' + names[d.chair] if d.chair else '  # ' + line('chair')}")
    out.append(f"recorder:  # {line('recorder')}")

    def members(key: str, ids: Sequence[str], note: str) -> None:
        if not ids:
            out.append(f"{key}: []  # {note}")
            return
        out.append(f"{key}:  # {note}")
        out.extend(f"  - {m}  # {names.get(m, m)}" for m in ids)

    members("present", present, line("present" if signed is None else "present_signed"))
    members("late", late, line("late"))
    if excused:
        out.append(f"absent:  # {line('absent')}")
        out.extend(f"  {m}: {_quoted(why)}  # {names.get(m, m)}" for m, why in excused.items())
    else:
        out.append(f"absent: {{}}  # {line('absent')}")
    out.append(f"unexcused: []  # {line('unexcused')}")
    if missing:
        out.append(f"# {line('missing')}")
        out.extend(f"#   {m}  # {names.get(m, m)}" for m in missing)
    if d.topics:
        out.append("topics:")
        out.extend(f"  - {_quoted(t)}" for t in d.topics)
    else:
        out.append(f"topics: []  # {line('topics')}")
    for key in ("speeches", "votes", "decisions", "actions"):
        out.append(f"{key}: []  # {line(key)}")
    out.append(f"summary:  # {line('summary')}")
    return "\n".join(out) + "\n"
