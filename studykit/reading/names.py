"""Members named the way a person writes them: in a record workbook, a sign-in export, a
form. One resolver for all of them, so a name means the same member everywhere.

A person writes a name (王芳, ``王　芳`` padded on a sheet, 王芳同志), the label a drop-down
offered (王芳（政策咨询窗口）, where two members share the name), or, rarely, an id.
:class:`MemberNames` turns it into the member's id, or says what is wrong: nobody of that
name (with the names close to it), more than one, or someone not in the branch that day.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

from ..domain.models import Curriculum, Member
from ..domain.text import spelt
from ..words import Message, day_message, join, msg

INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")
"""Characters that show nothing (zero-width spaces, a BOM), which a copied name carries."""
CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
"""A Chinese character."""


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A name as it is compared: full-width characters made plain, a trailing 同志
    dropped, case ignored; spaces inside a Chinese name ignored (``王　芳``, as two-character
    names are padded on a sheet), inside an English one made single."""
    key = INVISIBLE.sub("", unicodedata.normalize("NFKC", name)).strip()
    key = re.sub(r"\s*同志$", "", key)
    key = re.sub(r"\s+", " ", key).casefold()
    return key.replace(" ", "") if CJK.search(key) else key


def member_labels(members: Sequence[Member], roles: Mapping[str, str]) -> dict[str, str]:
    """How each member is named where a person picks one (a drop-down, a workbook's
    attendance table): the name; where two members share it, the name with the post
    (王芳（政策咨询窗口）), and a number where that is shared too. No ids: a person reads
    them. ``roles`` gives each role id its name."""
    names = Counter(m.name for m in members)
    used: Counter[tuple[str, str]] = Counter()
    out = {}
    for m in members:
        if names[m.name] == 1:
            out[m.id] = m.name
            continue
        post = roles.get(m.role, m.role)
        used[post, m.name] += 1
        n = used[post, m.name]
        out[m.id] = f"{m.name}（{post}{n if n > 1 else ''}）"
    return out


def curriculum_labels(cur: Curriculum) -> dict[str, str]:
    """:func:`member_labels` of every member of the curriculum."""
    return member_labels(cur.members, {r: role.name for r, role in cur.roles.items()})


class MemberNames:
    """The members a written name can be.

    ``labels`` (id → label, :func:`member_labels`) are everyone who can be named;
    ``present`` those in the branch on the day (default: all of them); ``known`` more
    labels that name a member exactly, first (a workbook's own list of names, which stays
    right when the curriculum's order changes); ``ambiguous`` the message for a name two
    members share (it gets ``name``, ``count`` and ``ids``, the labels to choose from),
    ``unknown`` the one for a name nobody has (``name`` and ``hint``, the names close to it).
    """

    def __init__(self, labels: Mapping[str, str], locale: str, day: date | None = None,
                 present: Sequence[str] | None = None, known: Mapping[str, str] | None = None,
                 ambiguous: str = "names.ambiguous", unknown: str = "names.unknown") -> None:
        self.labels, self.locale, self.day = labels, locale, day
        self.ambiguous, self.unknown = ambiguous, unknown
        self.present = set(labels if present is None else present)
        self.known = {name_key(k): v for k, v in (known or {}).items()}
        self.by_label = {name_key(label): m for m, label in labels.items()}
        self.by_name: dict[str, list[str]] = {}
        for m, label in labels.items():
            self.by_name.setdefault(name_key(label.partition("（")[0]), []).append(m)

    def member(self, written: str) -> str | Message:
        """The member id ``written`` names (a name, a label or an id), or what is wrong."""
        key = name_key(written)
        shown = spelt(written)
        found = self.known.get(key) if self.known.get(key) in self.labels else None
        found = found or self.by_label.get(key) or \
            (written if written in self.labels else None)
        ids = [found] if found else self.by_name.get(key, [])
        here = [m for m in ids if m in self.present]
        if len(here) == 1 or (found and here):
            return here[0]
        if len(here) > 1:
            return msg(self.ambiguous, name=shown, count=len(here),
                       ids=join(self.locale, [self.labels[m] for m in here]))
        if ids and self.day is not None:
            return msg("names.not_in_branch", name=shown, day=day_message(self.day))
        choices = {name_key(self.labels[m]): self.labels[m] for m in self.present}
        close = difflib.get_close_matches(key, list(choices), n=3, cutoff=0.5)
        hint = msg("names.close", names=join(self.locale, [
            f"'{spelt(choices[k])}'" for k in close])) if close else msg("names.none_close")
        return msg(self.unknown, name=shown, hint=hint)
