"""Loading curricula: YAML → validated :class:`~studykit.domain.models.Curriculum`.

Every problem in a file is reported in one pass as ``path:line:col: key: message``:
the schema's findings (types, ranges, unknown keys) and the cross-references the
schema cannot see (a member's role, the competencies a course builds, …).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from ..domain.errors import InputError, Problem, UserError, found
from ..domain.models import Course, Curriculum, is_hours, parse_date, parse_time
from ..domain.rules import may_sit_on_committee
from ..domain.vocabulary import COMMITTEE_POSTS, ID_PATTERN, MEETING_HOURS
from ..words import msg
from . import yamlio
from .problems import (
    as_list,
    as_text,
    flow_punctuation,
    kind_of,
    mapping,
    merge,
    schema_problems,
    suggest,
    unknown,
    with_locale,
)


def load(path: Path | str) -> Curriculum:
    """Load and validate one curriculum file.

    Raises :class:`~studykit.domain.errors.InputError` listing every problem found.
    """
    return from_document(yamlio.load(path))


def load_many(paths: Iterable[Path | str]) -> list[Curriculum]:
    """Load several curricula; the problems of all files are raised together."""
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load(path))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return loaded


def expand(paths: Iterable[Path | str]) -> list[Path]:
    """Files named on the command line, with a folder standing for its ``*.yaml`` files."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
        else:
            out.append(path)
    return out


def loads(text: str, path: str = "<text>") -> Curriculum:
    """Load a curriculum from YAML text (``path`` is only used in messages)."""
    return from_document(yamlio.parse(text, path))


def from_document(doc: yamlio.Document) -> Curriculum:
    """Validate a parsed YAML document as a curriculum."""
    data = doc.data
    doc.locale = locale_of(data)
    if data is None:
        raise InputError([Problem(doc.path, 1, 1, "", msg("curriculum.empty"))])
    if not isinstance(data, dict):
        raise InputError([doc.problem((), msg("curriculum.not_mapping", found=kind_of(data)))])
    if "studykit" not in data:
        raise InputError([doc.problem((), msg("curriculum.no_version"))])
    if data["studykit"] != 1 or isinstance(data["studykit"], bool):
        raise InputError([doc.problem(("studykit",), msg("version",
                                                         found=found(data["studykit"])))])
    problems = [*with_locale(doc.problems, doc.locale), *_reference_problems(doc)]
    try:
        curriculum = Curriculum.model_validate(data)
    except ValidationError as exc:
        problems = merge(problems, schema_problems(doc, exc, Curriculum))
        raise InputError(problems) from None
    problems += _standing_problems(doc, curriculum)
    if problems:
        raise InputError(problems)
    curriculum._source = doc.path
    return curriculum


_NUMERALS = re.compile("[0-9０-９一二三四五六七八九十百]")


def _meant_group(group: str, sizes: dict[str, int]) -> str | None:
    """The group a one-member ``group`` was likely meant to be: a larger group whose name
    is nearly the same, and not just by its number (第二党小祖 → 第二党小组; 第三党小组 is
    a group of its own, even of one)."""
    import difflib

    if sizes.get(group) != 1:
        return None
    larger = [g for g, n in sizes.items() if n > 1
              and _NUMERALS.sub("", g) != _NUMERALS.sub("", group)]
    close = difflib.get_close_matches(group, larger, n=1, cutoff=0.7)
    return close[0] if close else None


def _standing_problems(doc: yamlio.Document, cur: Curriculum) -> list[Problem]:
    """How the branch stands on each day something changes (a member joins, leaves or
    changes post, standing or group), checked as of that day: one secretary at most, a
    party group only for party members, and no group of one whose name is a near miss of
    a larger group's (a typo: 第二党小祖 for 第二党小组)."""
    index = {m.id: i for i, m in enumerate(cur.members)}
    days = {date(1900, 1, 1)}
    for m in cur.members:
        days.update(c.date for c in m.changes)
        days.update(d for d in (m.joined,) if d is not None)
        days.update(d + timedelta(days=1) for d in (m.left,) if d is not None)

    def where(member: str, field: str, day: date) -> tuple[str | int, ...]:
        i = index[member]
        changed = [j for j, c in enumerate(cur.members[i].changes)
                   if c.date <= day and field in c.model_fields_set]
        return ("members", i, "changes", changed[-1], field) if changed else \
            ("members", i, field)

    found: dict[tuple[str | int, ...], Problem] = {}
    for day in sorted(days):
        members = cur.as_of(day).members
        secretaries = [m for m in members if m.committee == "secretary"]
        for other in secretaries[1:]:
            at = where(other.id, "committee", day)
            found.setdefault(at, doc.problem(at, msg(
                "ref.second_secretary", first=secretaries[0].name)))
        for m in members:
            if m.group and not m.is_party:
                at = where(m.id, "group", day)
                found.setdefault(at, doc.problem(at, msg("ref.group_not_party",
                                                         party=m.party)))
        sizes: dict[str, int] = {}
        for m in members:
            if m.group and m.is_party:
                sizes[m.group] = sizes.get(m.group, 0) + 1
        for m in members:
            meant = _meant_group(m.group, sizes) if m.group and m.is_party else None
            if m.group and meant is not None:
                at = where(m.id, "group", day)
                found.setdefault(at, doc.problem(at, msg(
                    "ref.lonely_group", group=m.group, hint=suggest(m.group, [meant]))))
    return list(with_locale(list(found.values()), doc.locale))


def locale_of(data: Any) -> str | None:
    """The language a curriculum's raw data asks for (zh-CN unless it says otherwise), or
    None where it has no ``organization`` to say it or names a language studykit does not
    speak: then the command line's language is used."""
    if not isinstance(data, dict) or not isinstance(data.get("organization"), dict):
        return None
    locale = data["organization"].get("locale", "zh-CN")
    return locale if locale in ("zh-CN", "en") else None


def _reference_problems(doc: yamlio.Document) -> Iterator[Problem]:
    """Problems the schema cannot see: references between sections, duplicate ids.

    Works on the raw data, defensively, so it runs even where the schema failed
    and every problem of the file is found in one pass.
    """
    data = doc.data
    competencies = [str(k) for k in mapping(data.get("competencies"))]
    roles = [str(k) for k in mapping(data.get("roles"))]
    venues = [str(k) for k in mapping(mapping(data.get("organization")).get("venues"))]
    members = as_list(data.get("members"))
    member_ids = [ident for m in members if isinstance(m, dict)
                  and (ident := as_text(m.get("id"))) is not None]
    groups = [str(g) for m in members if isinstance(m, dict) and (g := m.get("group"))]

    yield from flow_punctuation(doc)
    templates = as_text(mapping(data.get("organization")).get("templates"))
    if templates is not None and doc.path and not doc.path.startswith("<") \
            and not (Path(doc.path).parent / templates).is_dir():
        yield doc.problem(("organization", "templates"), msg("ref.templates", folder=templates))

    indicators = [str(k) for k in mapping(data.get("indicators"))]
    for role_id, role in mapping(data.get("roles")).items():
        for comp in mapping(mapping(role).get("requires")):
            if str(comp) not in competencies:
                yield unknown(doc, ("roles", role_id, "requires", comp), "competency", comp,
                              competencies, key=True)
        named = mapping(role).get("indicators")
        for i, ind in (enumerate(named) if isinstance(named, list) else
                       ((k, k) for k in mapping(named))):
            if as_text(ind) is not None and as_text(ind) not in indicators:
                yield unknown(doc, ("roles", role_id, "indicators", i), "indicator",
                              str(ind), indicators, key=not isinstance(named, list))

    for section, noun in (("members", "member"), ("courses", "course")):
        seen: dict[str, int] = {}
        for i, item in enumerate(as_list(data.get(section))):
            ident = as_text(mapping(item).get("id"))
            if ident is None:
                continue
            if ident in seen:
                yield doc.problem((section, i, "id"), msg(
                    "ref.duplicate", noun=msg(f"noun.{noun}"), id=ident,
                    first=f"{section}[{seen[ident]}]"))
            else:
                seen[ident] = i

    for i, member in enumerate(members):
        member = mapping(member)
        role = as_text(member.get("role"))
        if role is not None and ID_PATTERN.fullmatch(role) and role not in roles:
            yield unknown(doc, ("members", i, "role"), "role", role, roles)
        for comp in mapping(member.get("levels")):
            if str(comp) not in competencies:
                yield unknown(doc, ("members", i, "levels", comp), "competency", comp,
                              competencies, key=True)
        if member.get("committee") in COMMITTEE_POSTS \
                and not may_sit_on_committee(member.get("party")):
            yield doc.problem(("members", i, "committee"), msg(
                "ref.committee_party", party=member.get("party", "none")))
        yield from _dated_problems(doc, i, member, roles, competencies, groups)

    spans = {ident: (_day(m.get("joined")), _day(m.get("left"))) for m in members
             if isinstance(m, dict) and (ident := as_text(m.get("id"))) is not None}
    for i, course in enumerate(as_list(data.get("courses"))):
        course = mapping(course)
        yield from _course_references(doc, i, course, competencies, roles, member_ids, venues)
        if course.get("date") is not None and course.get("quarters"):
            yield doc.problem(("courses", i, "quarters"), msg("ref.date_and_quarters"))
        if course.get("venue") is not None and course.get("location") is not None:
            yield doc.problem(("courses", i, "location"), msg("ref.venue_and_location"))
        speaker, day = as_text(course.get("speaker")), _day(course.get("date"))
        if speaker in spans and day is not None:
            joined, left = spans[speaker]
            if (left is not None and day > left) or (joined is not None and day < joined):
                yield doc.problem(("courses", i, "speaker"), msg(
                    "ref.speaker_away", name=speaker, day=str(day)))

    standing = {ident: m.get("party", "none") for m in members if isinstance(m, dict)
                and (ident := as_text(m.get("id"))) is not None}
    for i, post in enumerate(as_list(data.get("pioneer-posts"))):
        holder = as_text(mapping(post).get("member"))
        if holder is None:
            continue
        if holder not in standing:
            yield unknown(doc, ("pioneer-posts", i, "member"), "member", holder, member_ids)
        elif standing[holder] not in ("full", "probationary") and not any(
                mapping(c).get("party") in ("full", "probationary")
                for c in as_list(mapping(members[member_ids.index(holder)]).get("changes"))):
            yield doc.problem(("pioneer-posts", i, "member"), msg("ref.pioneer_party",
                                                                  name=holder))

    for kind, freq in mapping(data.get("meetings")).items():
        every = freq if isinstance(freq, str) else mapping(freq).get("every")
        if kind in ("life-meeting", "evaluation") and every not in ("yearly", "year", None):
            yield doc.problem(("meetings", kind), msg("ref.once_a_year", kind=msg(
                "kind.life-meeting" if kind == "life-meeting" else "theme.evaluation")))
        if mapping(freq).get("quarter") is not None and mapping(freq).get("every") != "year":
            yield doc.problem(("meetings", kind, "quarter"), msg("ref.quarter_yearly"))
        venue = as_text(mapping(freq).get("venue"))
        if venue is not None and venue not in venues:
            yield unknown(doc, ("meetings", kind, "venue"), "venue", venue, venues)
        if mapping(freq).get("themes") and mapping(freq).get("every") != "month":
            yield doc.problem(("meetings", kind, "themes"), msg("ref.themes_monthly"))

    yield from _past_midnight(doc, data)


def _past_midnight(doc: yamlio.Document, data: dict[Any, Any]) -> Iterator[Problem]:
    """Sessions that would run past midnight: a start and a length that do not fit in a
    day (23:30 and 2 hours), reported where the later of the two is written. With
    ``calendar.slots`` a session without its own start takes the earliest slot that fits."""
    calendar = mapping(data.get("calendar"))
    slots = [c for c in map(_clock, as_list(calendar.get("slots"))) if c is not None]
    default = min(slots) if slots else _clock(calendar.get("start")) or 15 * 60
    sessions: list[tuple[tuple[str, Any], dict[Any, Any], float | None]] = [
        (("courses", i), mapping(c), None)
                for i, c in enumerate(as_list(data.get("courses")))]
    sessions += [(("meetings", kind), mapping(freq), MEETING_HOURS.get(str(kind)))
                 for kind, freq in mapping(data.get("meetings")).items()]
    for where, spec, usual in sessions:
        start, hours = _clock(spec.get("start")), spec.get("hours", usual)
        if not is_hours(hours):          # a wrong length is the schema's to report
            continue
        at = default if start is None else start
        if at + round(hours * 60) > 24 * 60:
            key = "start" if start is not None else "hours" if "hours" in spec else None
            yield doc.problem((*where, key) if key else where, msg(
                "ref.past_midnight", start=f"{at // 60:02d}:{at % 60:02d}", hours=f"{hours:g}"))


def _clock(value: Any) -> int | None:
    """Minutes after midnight of a time as the schema will read it, or None."""
    try:
        moment = parse_time(value) if value is not None else None
    except PydanticCustomError:
        return None
    return None if moment is None else moment.hour * 60 + moment.minute


def _day(value: Any) -> date | None:
    """A date as the schema will read it, or None where it is not one (reported there)."""
    try:
        return parse_date(value) if value is not None else None
    except PydanticCustomError:
        return None


def _dated_problems(doc: yamlio.Document, i: int, member: dict[Any, Any], roles: list[str],
                    competencies: list[str], groups: list[str]) -> Iterator[Problem]:
    """What a member's dates say that cannot be: leaving before joining, changes out of
    order or outside the member's time in the branch, changes to a post, group or
    competency that does not exist, a committee seat for someone not a full member then."""
    joined, left = _day(member.get("joined")), _day(member.get("left"))
    if joined is not None and left is not None and left < joined:
        yield doc.problem(("members", i, "left"), msg("dated.left_before_joined",
                                                      left=str(left), joined=str(joined)))
    party, post, previous = member.get("party", "none"), member.get("committee"), None
    for j, change in enumerate(as_list(member.get("changes"))):
        change = mapping(change)
        where: tuple[str | int, ...] = ("members", i, "changes", j)
        day = _day(change.get("date"))
        if day is not None:
            if previous is not None and day < previous:
                yield doc.problem((*where, "date"), msg("dated.out_of_order", day=str(day),
                                                        before=str(previous)))
            if joined is not None and day < joined:
                yield doc.problem((*where, "date"), msg("dated.before_joined", day=str(day),
                                                        joined=str(joined)))
            if left is not None and day > left:
                yield doc.problem((*where, "date"), msg("dated.after_left", day=str(day),
                                                        left=str(left)))
            previous = day
        for key in ("role", "party"):
            if key in change and change[key] is None:
                yield doc.problem((*where, key), msg("dated.no_null", key=key))
        role = as_text(change.get("role"))
        if role is not None and ID_PATTERN.fullmatch(role) and role not in roles:
            yield unknown(doc, (*where, "role"), "role", role, roles)
        group = change.get("group")
        if isinstance(group, str) and group not in groups:
            yield unknown(doc, (*where, "group"), "group", group, sorted(set(groups)))
        for comp in mapping(change.get("levels")):
            if str(comp) not in competencies:
                yield unknown(doc, (*where, "levels", comp), "competency", comp, competencies,
                              key=True)
        # after each change, a committee post is held by a full member only
        party = change.get("party") or party
        post = change.get("committee", post)
        if ("committee" in change or "party" in change) and post in COMMITTEE_POSTS \
                and not may_sit_on_committee(party):
            yield doc.problem((*where, "committee" if "committee" in change else "party"),
                              msg("ref.committee_party", party=party))


def _course_references(doc: yamlio.Document, i: int, course: dict[Any, Any],
                       competencies: list[str], roles: list[str], member_ids: list[str],
                       venues: list[str]) -> Iterator[Problem]:
    """What one course names: competencies it builds, its audience, speaker and venue."""
    for comp in mapping(course.get("builds")):
        if str(comp) not in competencies:
            yield unknown(doc, ("courses", i, "builds", comp), "competency", comp,
                          competencies, key=True)
    audience = mapping(course.get("audience"))
    for kind, known, noun in (("roles", roles, "role"), ("members", member_ids, "member")):
        for j, ref in enumerate(as_list(audience.get(kind))):
            if (ref := as_text(ref)) is not None and ref not in known:
                yield unknown(doc, ("courses", i, "audience", kind, j), noun, ref, known)
    speaker = as_text(course.get("speaker"))
    # A speaker written like an id (lowercase, no spaces) is meant as a member id;
    # an outside speaker is written as printed: 区人社局培训科, Dr. Li.
    if speaker is not None and ID_PATTERN.fullmatch(speaker) and speaker not in member_ids:
        yield doc.problem(("courses", i, "speaker"), msg(
            "ref.speaker", name=speaker, hint=suggest(speaker, member_ids)))
    venue = as_text(course.get("venue"))
    if venue is not None and venue not in venues:
        yield unknown(doc, ("courses", i, "venue"), "venue", venue, venues)


def with_course(curriculum: Curriculum, course_id: str, **changes: Any) -> Curriculum:
    """A copy of ``curriculum`` with one course changed, checked again like a file, for
    trying things out: ``with_course(cur, "window-communication", date=date(2027, 3, 10))``.

    Keys are the YAML keys with ``_`` for ``-``; values as in YAML or as Python objects
    (``date``, ``{"roles": ["window"]}``). A change that does not check raises
    :class:`~studykit.domain.errors.InputError` naming the course's keys.
    """
    index = next((i for i, c in enumerate(curriculum.courses) if c.id == course_id), None)
    if index is None:
        raise UserError(msg("ref.unknown", what=msg("what.course"), name=course_id,
                            hint=suggest(course_id, list(curriculum.course_by_id))),
                        curriculum.locale)
    course = curriculum.courses[index]
    raw = {**{field.alias or name: getattr(course, name)
              for name, field in Course.model_fields.items()}, **{
        key.replace("_", "-"): value for key, value in changes.items()}}
    where = f"<trying courses[{index}]>"
    doc = yamlio.Document(where, {"courses": [{}] * index + [raw]}, locale=curriculum.locale)
    try:
        changed = Course.model_validate(raw)
    except ValidationError as exc:
        problems = schema_problems(doc, exc, Course)
        raise InputError([dataclasses.replace(p, key=f"courses[{index}].{p.key}")
                          for p in problems]) from None
    # the cross-references, by the same checks a file gets, on the course as now written
    audience = changed.effective_audience
    written = {**raw, "audience": audience.kind if not audience.ids
               else {audience.kind: list(audience.ids)}, "builds": dict(changed.builds)}
    doc.data["courses"][index] = written
    problems = list(_course_references(
        doc, index, written, list(curriculum.competencies), list(curriculum.roles),
        list(curriculum.member_by_id), list(curriculum.organization.venues)))
    if problems:
        raise InputError(problems)
    return curriculum.replaced(
        courses=[changed if c.id == course_id else c for c in curriculum.courses])
