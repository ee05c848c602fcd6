"""From what went wrong to a located, readable problem, for curricula and records alike.

The schema's findings (pydantic's errors, and the catalogued messages the field
validators raise) become :class:`~studykit.domain.errors.Problem` at the spot in the
file; references that do not resolve get a "did you mean"; and the raw data is read
defensively (:func:`as_list`, :func:`as_text`), so every check runs even where the
schema failed and all problems of a file are found in one pass.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from ..domain.errors import Problem
from ..domain.text import spelt
from ..domain.vocabulary import ID_PATTERN
from ..words import Message, msg
from . import yamlio

_TYPE_NAMES = {
    "dict_type": "type.mapping", "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "list_type": "type.list", "string_type": "type.text", "int_type": "type.int",
    "float_type": "type.number", "bool_type": "type.bool",
}


def with_locale(problems: Iterable[Problem], locale: str | None) -> list[Problem]:
    """The problems, each in ``locale`` where it has none of its own yet."""
    return [p if p.locale or not locale else dataclasses.replace(p, locale=locale)
            for p in problems]


def merge(specific: list[Problem], schema: list[Problem]) -> list[Problem]:
    """The problems of both lists, one per spot: where a specific check (a reference,
    a duplicate) and the schema both speak of the same value, the specific one says more.
    """
    spots = {(p.line, p.col, p.key) for p in specific}
    return sorted({*specific, *(p for p in schema if (p.line, p.col, p.key) not in spots)},
                  key=Problem.sort_key)


def kind_of(value: Any) -> Message:
    """What a value is, for "found …": a mapping, the text 'x', the number 3."""
    if isinstance(value, dict):
        return msg("kind.of.mapping")
    if isinstance(value, list):
        return msg("kind.of.list")
    if isinstance(value, str):
        return msg("kind.of.text", value=repr(value)) if len(value) < 40 \
            else msg("kind.of.long_text")
    if value is None:
        return msg("kind.of.nothing")
    if isinstance(value, bool):
        return msg("kind.of.bool", value="true" if value else "false")
    return msg("kind.of.number", value=value)


def _choices(expected: str) -> Message:
    """pydantic's "'a', 'b' or 'c'" as the choices a user may write (a, b or c)."""
    plain = expected.replace("'", "")
    head, sep, last = plain.rpartition(" or ")
    return msg("choices.or", head=head, last=last) if sep else msg("schema.other", raw=plain)


def schema_problems(doc: yamlio.Document, exc: ValidationError,
                    model: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's validation errors into located, readable problems."""
    out = []
    errors = exc.errors(include_url=False)
    # `member:` for `members:` is one mistake: report the unknown key, not also the missing one
    suggested = {(tuple(e["loc"][:-1]), close) for e in errors if e["type"] == "extra_forbidden"
                 and (close := _closest(str(e["loc"][-1]), _known_keys(model, e["loc"][:-1])))}
    for err in errors:
        loc = tuple(err["loc"])
        etype = err["type"]
        custom = err.get("ctx", {}).get("message") if etype == "studykit" else None
        if loc and loc[-1] == "[key]":
            why = custom if isinstance(custom, Message) else msg("schema.other", raw=err["msg"])
            out.append(doc.problem(loc[:-1], msg("key.bad", why=why), key=True))
        elif isinstance(custom, Message):
            out.append(doc.problem(loc, custom))
        elif etype == "extra_forbidden":
            out.append(doc.problem(loc, unknown_key(model, loc), key=True))
        elif etype == "missing":
            if (loc[:-1], loc[-1]) not in suggested:
                out.append(doc.problem(loc, msg("key.missing", name=loc[-1])))
        elif etype == "literal_error":
            choices = _choices(err.get("ctx", {}).get("expected", ""))
            out.append(doc.problem(loc, msg("expected.one_of", choices=choices,
                                            found=kind_of(err["input"]))))
        elif etype in _TYPE_NAMES:
            out.append(doc.problem(loc, msg("expected.type", what=msg(_TYPE_NAMES[etype]),
                                            found=kind_of(err["input"]))))
        else:
            out.append(doc.problem(loc, msg("schema.other", raw=err["msg"])))
    return out


def _closest(name: str, known: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_key(model: type[BaseModel], loc: Sequence[str | int]) -> Message:
    """"unknown key", with the key it probably means or the keys known there."""
    name = str(loc[-1])
    known = _known_keys(model, loc[:-1])
    close = _closest(name, known)
    if close:
        return msg("key.unknown_close", name=name, close=close)
    if known:
        return msg("key.unknown_known", name=name, known=", ".join(known))
    return msg("key.unknown", name=name)


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


def suggest(name: str, known: Iterable[str]) -> Message:
    """"did you mean 'x'?" or "known: a, b, c", for a reference that does not resolve."""
    known = [spelt(k) for k in known]
    close = _closest(spelt(name), known)
    if close:
        return msg("ref.close", close=close)
    if not known:
        return msg("ref.none")
    shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    return msg("ref.known", known=shown)


def unknown(doc: yamlio.Document, where: tuple[str | int, ...], what: str, name: Any,
            known: list[str], key: bool = False) -> Problem:
    """A reference to a ``what`` (role, member…) that is not defined, with a suggestion."""
    return doc.problem(where, msg("ref.unknown", what=msg(f"what.{what}"), name=spelt(str(name)),
                                  hint=suggest(str(name), known)), key=key)


def mapping(value: Any) -> dict[Any, Any]:
    """The value if it is a mapping, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """The value if it is a list, else an empty one."""
    return value if isinstance(value, list) else []


def as_text(value: Any) -> str | None:
    """A reference as the schema will read it: text, or a number taken as text (``0``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


_CJK_SEPARATORS = "，、；"
_SEPARATED = re.compile(f"\\s*[{_CJK_SEPARATORS}]\\s*")
_DAY_OR_SPAN = re.compile(r"\d{4}-\d\d-\d\d(\.\.\d{4}-\d\d-\d\d)?")


def _all_ids(value: str) -> bool:
    """Whether ``value`` is ids or dates run together by Chinese commas (``window，liaison``),
    not a sentence that has them (``稳就业、保民生``)."""
    parts = _SEPARATED.split(value.strip())
    return len(parts) > 1 and all(ID_PATTERN.fullmatch(p) or _DAY_OR_SPAN.fullmatch(p)
                                  for p in parts)


def flow_punctuation(doc: yamlio.Document) -> Iterator[Problem]:
    """Chinese commas between ids or dates inside ``[…]`` or ``{…}``: YAML separates only
    on ``,``, so ``[window，liaison]`` is one item, 'window，liaison', which then matches
    nothing."""
    from yaml import MappingNode, ScalarNode, SequenceNode

    def walk(node: Any, path: tuple[str | int, ...], flow: bool) -> Iterator[Problem]:
        if isinstance(node, ScalarNode):
            mark = next((c for c in _CJK_SEPARATORS if c in node.value), None)
            if flow and mark is not None and not node.style and _all_ids(node.value):
                yield Problem(doc.path, node.start_mark.line + 1, node.start_mark.column + 1,
                              doc.dotted(path), msg("ref.cjk_comma", mark=mark,
                                                    value=node.value))
        elif isinstance(node, SequenceNode):
            for i, child in enumerate(node.value):
                yield from walk(child, (*path, i), flow or bool(node.flow_style))
        elif isinstance(node, MappingNode):
            for key, child in node.value:
                step = key.value if isinstance(key, ScalarNode) else "?"
                yield from walk(child, (*path, step), flow or bool(node.flow_style))

    if doc.root is not None:
        yield from walk(doc.root, (), False)
