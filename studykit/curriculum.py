"""Loading curricula: YAML → validated :class:`~studykit.models.Curriculum`.

Every problem in a file is reported in one pass as ``path:line:col: key: message``:
the schema's findings (types, ranges, unknown keys) and the cross-references the
schema cannot see (a member's role, the competencies a course builds, …).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import yamlio
from .errors import InputError, Problem
from .models import COMMITTEE_POSTS, ID_PATTERN, Curriculum

_TYPE_NAMES = {
    "dict_type": "a mapping (key: value lines)", "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "list_type": "a list", "string_type": "text", "int_type": "a whole number",
    "float_type": "a number", "bool_type": "true or false",
}


def load(path: Path | str) -> Curriculum:
    """Load and validate one curriculum file.

    Raises :class:`~studykit.errors.InputError` listing every problem found.
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
    if data is None:
        raise InputError([Problem(doc.path, 1, 1, "",
                                  "the file is empty; a curriculum starts with `studykit: 1`")])
    if not isinstance(data, dict):
        raise InputError([doc.problem((), f"expected a mapping of keys (studykit, organization, "
                                           f"…) at the top of the file, found {_kind(data)}")])
    if "studykit" not in data:
        raise InputError([doc.problem((), "missing `studykit: 1` (the format version) at the top "
                                          "of the file")])
    if data["studykit"] != 1 or isinstance(data["studykit"], bool):
        raise InputError([doc.problem(("studykit",), f"unsupported format version "
                                      f"{_show(data['studykit'])}; this studykit reads "
                                      "`studykit: 1`")])
    problems = [*doc.problems, *_reference_problems(doc)]
    try:
        curriculum = Curriculum.model_validate(data)
    except ValidationError as exc:
        problems = merge(problems, schema_problems(doc, exc, Curriculum))
        raise InputError(problems) from None
    if problems:
        raise InputError(problems)
    curriculum._source = doc.path
    return curriculum


def merge(specific: list[Problem], schema: list[Problem]) -> list[Problem]:
    """The problems of both lists, one per spot: where a specific check (a reference,
    a duplicate) and the schema both speak of the same value, the specific one says more.
    """
    spots = {(p.line, p.col, p.key) for p in specific}
    return sorted({*specific, *(p for p in schema if (p.line, p.col, p.key) not in spots)})


def _show(value: Any) -> str:
    """A value as it was written in YAML (``true``, ``2``, ``'text'``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "nothing" if value is None else repr(value)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) < 40 else "text"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"the number {value}"


def schema_problems(doc: yamlio.Document, exc: ValidationError,
                    model: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's validation errors into located, readable problems."""
    out = []
    errors = exc.errors(include_url=False)
    # `member:` for `members:` is one mistake: report the unknown key, not also the missing one
    suggested = {(tuple(e["loc"][:-1]), _unknown_key(model, e["loc"]).rpartition("`")[0]
                  .rpartition("`")[2]) for e in errors if e["type"] == "extra_forbidden"}
    for err in errors:
        loc = tuple(err["loc"])
        etype = err["type"]
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            out.append(doc.problem(loc, f"bad key: {err['msg']}", key=True))
            continue
        if etype == "extra_forbidden":
            out.append(doc.problem(loc, _unknown_key(model, loc), key=True))
        elif etype == "missing":
            if (loc[:-1], loc[-1]) not in suggested:
                out.append(doc.problem(loc, f"missing required key `{loc[-1]}`"))
        elif etype == "literal_error":
            choices = err.get("ctx", {}).get("expected", "")
            out.append(doc.problem(loc, f"expected one of {choices.replace(chr(39), '')}, "
                                        f"found {_kind(err['input'])}"))
        elif etype in _TYPE_NAMES:
            found = _kind(err["input"])
            out.append(doc.problem(loc, f"expected {_TYPE_NAMES[etype]}, found {found}"))
        else:
            out.append(doc.problem(loc, err["msg"]))
    return out


def _unknown_key(model: type[BaseModel], loc: Sequence[str | int]) -> str:
    name = str(loc[-1])
    known = _known_keys(model, loc[:-1])
    message = f"unknown key `{name}`"
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean `{close[0]}`?"
    return f"{message} (known here: {', '.join(known)})" if known else message


def _known_keys(model: type[BaseModel], where: Sequence[str | int]) -> list[str]:
    """The keys the model accepts at ``where`` (by walking the field annotations)."""
    current: Any = model
    for step in where:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = next((f for n, f in current.model_fields.items()
                      if (f.alias or n) == step), None)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _model_in(annotation: Any) -> Any:
    """The BaseModel class inside ``list[X]``, ``dict[str, X]``, ``X | None``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def suggest(name: str, known: Iterable[str]) -> str:
    """``(did you mean 'x'?)`` or ``(known: a, b, c)`` for a reference that does not resolve."""
    known = list(known)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not known:
        return "none are defined"
    shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    return f"known: {shown}"


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_text(value: Any) -> str | None:
    """A reference as the schema will read it: text, or a number taken as text (``0``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _reference_problems(doc: yamlio.Document) -> Iterator[Problem]:
    """Problems the schema cannot see: references between sections, duplicate ids.

    Works on the raw data, defensively, so it runs even where the schema failed
    and every problem of the file is found in one pass.
    """
    data = doc.data
    competencies = [str(k) for k in _mapping(data.get("competencies"))]
    roles = [str(k) for k in _mapping(data.get("roles"))]
    venues = [str(k) for k in _mapping(_mapping(data.get("organization")).get("venues"))]
    members = as_list(data.get("members"))
    member_ids = [ident for m in members if isinstance(m, dict)
                  and (ident := as_text(m.get("id"))) is not None]

    def unknown(where: tuple[str | int, ...], what: str, name: Any,
                known: list[str], key: bool = False) -> Problem:
        return doc.problem(where, f"unknown {what} '{name}' ({suggest(str(name), known)})", key=key)

    templates = as_text(_mapping(data.get("organization")).get("templates"))
    if templates is not None and doc.path and not doc.path.startswith("<") \
            and not (Path(doc.path).parent / templates).is_dir():
        yield doc.problem(("organization", "templates"),
                          f"no folder '{templates}' beside this file (a folder of Word "
                          "templates, relative to the curriculum)")

    for role_id, role in _mapping(data.get("roles")).items():
        for comp in _mapping(_mapping(role).get("requires")):
            if str(comp) not in competencies:
                yield unknown(("roles", role_id, "requires", comp), "competency", comp,
                              competencies, key=True)

    for section, noun in (("members", "member"), ("courses", "course")):
        seen: dict[str, int] = {}
        for i, item in enumerate(as_list(data.get(section))):
            ident = as_text(_mapping(item).get("id"))
            if ident is None:
                continue
            if ident in seen:
                yield doc.problem((section, i, "id"), f"duplicate {noun} id '{ident}' (first used "
                                  f"by {section}[{seen[ident]}]); ids must be unique")
            else:
                seen[ident] = i

    for i, member in enumerate(members):
        member = _mapping(member)
        role = as_text(member.get("role"))
        if role is not None and ID_PATTERN.match(role) and role not in roles:
            yield unknown(("members", i, "role"), "role", role, roles)
        for comp in _mapping(member.get("levels")):
            if str(comp) not in competencies:
                yield unknown(("members", i, "levels", comp), "competency", comp,
                              competencies, key=True)
        if member.get("committee") in COMMITTEE_POSTS and member.get("party") != "full":
            yield doc.problem(("members", i, "committee"),
                              "only full party members (party: full) can sit on the committee, "
                              f"found party: {member.get('party', 'none')}")

    for i, course in enumerate(as_list(data.get("courses"))):
        course = _mapping(course)
        for comp in _mapping(course.get("builds")):
            if str(comp) not in competencies:
                yield unknown(("courses", i, "builds", comp), "competency", comp,
                              competencies, key=True)
        audience = _mapping(course.get("audience"))
        for kind, known, noun in (("roles", roles, "role"), ("members", member_ids, "member")):
            for j, ref in enumerate(as_list(audience.get(kind))):
                if (ref := as_text(ref)) is not None and ref not in known:
                    yield unknown(("courses", i, "audience", kind, j), noun, ref, known)
        speaker = as_text(course.get("speaker"))
        # A speaker written like an id (lowercase, no spaces) is meant as a member id;
        # an outside speaker is written as printed: 区人社局培训科, Dr. Li.
        if speaker is not None and ID_PATTERN.match(speaker) and speaker not in member_ids:
            yield doc.problem(("courses", i, "speaker"),
                              f"unknown member '{speaker}' ({suggest(speaker, member_ids)}); "
                              "an outside speaker is written as the name should be printed")
        venue = as_text(course.get("venue"))
        if venue is not None and venue not in venues:
            yield unknown(("courses", i, "venue"), "venue", venue, venues)

    for kind, freq in _mapping(data.get("meetings")).items():
        venue = as_text(_mapping(freq).get("venue"))
        if venue is not None and venue not in venues:
            yield unknown(("meetings", kind, "venue"), "venue", venue, venues)
