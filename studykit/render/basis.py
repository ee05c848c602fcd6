"""What a filed document is made from, so a re-run notices when only the curriculum changed.

Minutes and the documents of a session that was held are filed: they show the branch as
it stood on the day. A re-run that would change one although its record (or its session)
is the same means the curriculum was edited instead of given a dated change; the writer
(:func:`~.output.write_outputs`) then refuses, and :func:`explain_stale` says who stands
differently now, and how to record that as a dated change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from ..domain.models import Curriculum
from ..words import Message, day_only, msg, text
from .output import Basis, Stale

_FACTS = ("party", "committee", "role", "group")
"""What a filed document says of a member that a later edit could silently change (a
name corrected is no such thing)."""


def people_basis(cur: Curriculum, day: date, people: Iterable[str], source: str) -> Basis:
    """The basis of a document about ``people`` on ``day``, made from ``source`` (the
    record, or the session as planned): each one's standing that day."""
    then = cur.as_of(day).member_by_id
    facts = {m: ({f: getattr(then[m], f) for f in _FACTS} if m in then else {})
             for m in dict.fromkeys(people) if m}
    return {"source": hashlib.sha256(source.encode()).hexdigest(), "date": day.isoformat(),
            "facts": facts}
def _standing(cur: Curriculum, field: str, value: object) -> str:
    """A fact about a member in words: 正式党员, 岗位「窗口」, 第一党小组, 不是支部委员."""
    loc = cur.locale
    if field == "party":
        return text(loc, f"party.{value}")
    if field == "committee":
        return text(loc, f"standing.committee.{value}" if value else "standing.no_committee")
    if field == "role":
        role = cur.roles.get(str(value))
        return text(loc, "standing.role", role=role.name if role else str(value))
    if field == "group":
        return str(value) if value else text(loc, "standing.no_group")
    return str(value)


def explain_stale(cur: Curriculum, stale: list[Stale]) -> Message:
    """Why filed minutes are not rewritten: who stands differently now than on the day."""
    loc = cur.locale
    lines = []
    for rel, then, now in stale:
        day = day_only(loc, date.fromisoformat(str(then.get("date", now["date"]))))
        old, new = then.get("facts", {}), now["facts"]
        for member in sorted(set(old) | set(new)):
            was, iss = old.get(member, {}), new.get(member, {})
            known = cur.member_by_id.get(member)
            name = known.name if known else member
            for field in _FACTS:
                if field in was and field in iss and was[field] != iss[field]:
                    lines.append(text(loc, "basis.line", path=rel, name=name, day=day,
                                      now=_standing(cur, field, iss[field]),
                                      then=_standing(cur, field, was[field])))
            if bool(was) != bool(iss):
                lines.append(text(loc, "basis.presence", path=rel, name=name, day=day))
    return msg("output.basis_changed", details="\n  ".join(lines) or "—")
