"""Safe YAML reading that remembers where every value came from.

Curricula and session records are read with a safe loader that follows the
intuitions of people who write YAML by hand rather than every rule of YAML 1.1:

- only ``true``/``false`` are booleans, so ``on: 1st fri`` keeps its key ``"on"``
  and a member with the id ``no`` stays a string;
- dates are *not* turned into ``datetime.date`` by YAML: the schema parses them,
  so ``2027-02-30`` is reported as a bad date with its line instead of a crash;
- ``15:00`` stays the text ``"15:00"`` instead of YAML 1.1's base-60 number 900;
- only decimal integers (``010`` is text, not the octal number 8);
- a key given twice in one mapping is a problem, not a silent overwrite.

The node tree is kept next to the data, so a problem found later by the schema
can be traced back to a line and column (:meth:`Document.locate`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.reader
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from ..domain.errors import InputError, Problem
from ..words import Message, msg

try:  # libyaml's parser when it is there: several times faster than pure Python
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


Path_ = tuple[str | int, ...]
"""A path into a document: mapping keys and list indexes, ``("members", 2, "role")``."""


class _Resolver(BaseResolver):
    """YAML tag resolution without YAML 1.1's surprises (see the module docstring).

    A scalar's tag depends on its text alone (no path resolvers are added), and a year's
    records repeat the same ids and words thousands of times: each text is resolved once.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        if kind is not ScalarNode:
            return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        key = (value, tuple(implicit))
        tag = _SCALAR_TAGS.get(key)
        if tag is None:
            tag = str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
            if len(_SCALAR_TAGS) > _RESOLVED_MOST:   # a bound, for long-running notebooks
                _SCALAR_TAGS.clear()
            _SCALAR_TAGS[key] = tag
        return tag


_SCALAR_TAGS: dict[tuple[Any, tuple[bool, ...]], str] = {}
_RESOLVED_MOST = 100_000


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class _Constructor(SafeConstructor):
    """SafeConstructor that records duplicate keys instead of overwriting."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[tuple[Node, str]] = []

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):
            seen: set[Hashable] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    self.duplicates.append((key_node, str(key)))
                seen.add(key)
        return mapping

    def construct_yaml_int(self, node: ScalarNode) -> int:
        digits = sum(c.isdigit() for c in str(node.value))
        if digits > MAX_DIGITS:  # Python refuses to read a 4,300-digit one; none is meant
            raise ConstructorError(None, None, _TOO_LONG, node.start_mark)
        return int(super().construct_yaml_int(node))


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)  # type: ignore[type-var]
MAX_DIGITS = 18
"""Digits in a whole number at the most: more is a typo, not a count."""
_TOO_LONG = "number too long"

# Tags that only an explicit "!!tag" in the text can produce: reject them all, so
# nothing but plain data (text, numbers, booleans, lists, mappings) reaches us.
for _tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:set",
             "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
    _Constructor.add_constructor(_tag, _Constructor.construct_undefined)  # type: ignore[type-var]


class _Loader(_Parser, _Constructor, _Resolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


@dataclass
class Document:
    """The data of one YAML file together with its node tree, for locating problems."""

    path: str
    data: Any
    root: Node | None = field(repr=False, default=None)
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading that do not stop validation (duplicate keys)."""
    locale: str | None = None
    """The language of the problems found in it (the curriculum's), once it is known."""
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(
        default_factory=dict, init=False, compare=False, repr=False)
    validated: dict[type, Any] = field(default_factory=dict, init=False, compare=False,
                                       repr=False)
    """The data validated as a model, by model (it depends on the text alone): a file read
    once and checked twice, against the curriculum and then the plans, is validated once."""

    def _child(self, node: Node, step: str | int) -> tuple[Node | None, Node | None]:
        """(key node, value node) of ``step`` below ``node``; (None, None) if there is
        none. A mapping's keys are indexed once, so locating every problem of a file
        with thousands of keys stays linear."""
        if isinstance(node, MappingNode):
            index = self._keys.get(id(node))
            if index is None:
                index = self._keys[id(node)] = {}
                for k, v in node.value:
                    if isinstance(k, ScalarNode):
                        index.setdefault(k.value, (k, v))     # the first, as written
            return index.get(str(step), (None, None))
        if isinstance(node, SequenceNode) and isinstance(step, int) \
                and 0 <= step < len(node.value):
            return None, node.value[step]
        return None, None

    def locate(self, where: Sequence[str | int], key: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) of the value at ``where``.

        With ``key=True`` the position of the mapping key itself is returned (for
        an unknown key). Where the path leaves the document (a missing key), the
        position of the deepest node that exists is returned.
        """
        node = self.root
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for i, step in enumerate(where):
            key_node, child = self._child(node, step)
            if child is None:
                break
            node = child
            mark = (key_node if key and key_node and i == len(where) - 1 else child).start_mark
        return (mark.line + 1, mark.column + 1)

    def problem(self, where: Sequence[str | int], message: Message,
                key: bool = False) -> Problem:
        """A :class:`Problem` at ``where`` in this document, naming the list item it is in."""
        line, col = self.locate(where, key=key)
        return Problem(self.path, line, col, self.dotted(where), message,
                       self.subject(where), self.locale)

    def subject(self, where: Sequence[str | int]) -> str:
        """The name of the list item ``where`` points into (``members[15]`` → 宋雨), so a
        reader knows whom a problem is about; '' where there is none."""
        if len(where) < 2 or not isinstance(where[1], int) or not isinstance(self.data, dict):
            return ""
        items = self.data.get(where[0])
        item = items[where[1]] if isinstance(items, list) and 0 <= where[1] < len(items) else None
        if not isinstance(item, dict):
            return ""
        for name in ("name", "title", "motion", "task"):
            if isinstance(item.get(name), str) and item[name].strip():
                return str(item[name]).strip()
        return ""

    def dotted(self, where: Sequence[str | int]) -> str:
        """Like :func:`dotted`, but a number that is a mapping key is written as a key."""
        node: Node | None = self.root
        out = ""
        for step in where:
            as_index = isinstance(step, int) and not isinstance(node, MappingNode)
            out += f"[{step}]" if as_index else (f".{step}" if out else str(step))
            node = self._child(node, step)[1] if node is not None else None
        return out


def dotted(where: Sequence[str | int]) -> str:
    """``("members", 2, "role")`` → ``members[2].role``."""
    out = ""
    for step in where:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest input file read (8 MB): a district's curriculum is a few hundred KB."""


def read_file(path: Path | str, most: int = MAX_FILE_BYTES, follow: bool = True) -> bytes:
    """The bytes of a regular file of at most ``most`` bytes, or :class:`InputError`.

    A FIFO, a device (``/dev/zero``) or a socket is refused without reading from it, and
    nothing past ``most`` is read, so no input can block the run or fill the memory.
    Without ``follow``, a symbolic link is refused too.
    """
    def refused(key: str, **values: object) -> InputError:
        return InputError([Problem(str(path), 1, 1, "", msg(key, **values))])

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | (0 if follow else getattr(os, "O_NOFOLLOW", 0)))
        with os.fdopen(fd, "rb") as handle:
            kind = os.fstat(fd).st_mode
            if stat.S_ISDIR(kind):
                raise refused("file.folder")
            if not stat.S_ISREG(kind):
                raise refused("file.not_regular")
            raw = handle.read(most + 1)
    except FileNotFoundError:
        raise refused("file.missing") from None
    except IsADirectoryError:
        raise refused("file.folder") from None
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.ENODEV, errno.EOPNOTSUPP):   # a socket, a device
            raise refused("file.not_regular") from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise refused("file.denied") from None
        raise refused("file.unreadable", why=exc.strerror or "") from None
    if len(raw) > most:
        raise refused("file.too_big", most=f"{most / 1024 / 1024:g}")
    return raw


def real_path(path: Path | str) -> Path:
    """The file ``path`` names, for telling two names of one file apart: links followed as
    far as they go. A loop of links is no error here (``Path.resolve`` raises for one);
    reading the file says what is wrong with it."""
    return Path(os.path.realpath(path))


def read_text(path: Path | str) -> str:
    """Read a file as UTF-8 text, or raise :class:`InputError` saying where it is not."""
    raw = read_file(path)
    name = str(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        raise InputError([Problem(name, line, col, "", msg("file.not_utf8", byte=bad))]) from None


def parse(text: str, path: str) -> Document:
    """Parse one YAML document safely; raise :class:`InputError` for syntax errors.

    Duplicate keys do not stop the reading: they are in ``Document.problems``,
    each at its second occurrence, for the caller to report with the others.
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _within_budget(root, path)
        data = loader.construct_document(root) if root is not None else None
    except RecursionError:
        raise InputError([Problem(path, 1, 1, "", msg("yaml.too_deep"))]) from None
    except yaml.MarkedYAMLError as exc:
        line, col, what = _syntax(exc, text)
        raise InputError([Problem(path, line, col, "", msg("yaml.syntax", what=what))]) from None
    except yaml.reader.ReaderError as exc:  # a control character the reader refuses
        # libyaml counts the position in UTF-8 bytes, the pure-Python reader in characters
        at = exc.position
        if _Parser.__module__.startswith("yaml._yaml"):
            at = len(text.encode()[:at].decode(errors="ignore"))
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        raise InputError([Problem(path, line, col, "", msg(
            "yaml.control", code=f"{exc.character:04x}"))]) from None
    finally:
        loader.dispose()
    paths = _paths_to(root, [n for n, _ in loader.duplicates])
    return Document(path, data, root, sorted((
        Problem(path, n.start_mark.line + 1, n.start_mark.column + 1,
                dotted(paths.get(id(n)) or (key,)), msg("yaml.duplicate", key=key))
        for n, key in loader.duplicates), key=Problem.sort_key))


def _syntax(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, Message]:
    """Line, column and a plain-words message for a YAML syntax error.

    libyaml reports where it noticed the problem; for an unclosed bracket or quote
    that is far from the mistake, so those point at the opening instead. Its words
    (English) are kept, quoted, where no plainer sentence is known.
    """
    problem, context = exc.problem or "not valid YAML", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    opening = exc.context_mark
    what: Message
    if isinstance(exc, ConstructorError) and "could not determine a constructor" in problem:
        what = msg("yaml.tags")
    elif isinstance(exc, ConstructorError) and problem == _TOO_LONG:
        what = msg("yaml.too_long", most=MAX_DIGITS)
    elif opening and context.startswith("while parsing a flow") \
            and (comma := _cjk_comma(exc, text)) is not None:
        # {优秀: 0，合格: 7}: a Chinese comma where the flow mapping wants ","
        line, column = comma
        return line + 1, column + 1, msg("yaml.cjk_comma")
    elif opening and (context.startswith("while parsing a flow")
                      or context.startswith("while scanning a quoted")):
        mark = opening
        lines = text.splitlines()
        char = lines[opening.line][opening.column] if opening.line < len(lines) else "?"
        what = msg("yaml.unclosed_eof", char=char) if "end of stream" in problem \
            else msg("yaml.unclosed", char=char, raw=problem)
    elif context.startswith("while parsing a block") and problem.startswith("did not find"):
        what = msg("yaml.indentation")
    elif (colon := _cjk_colon(exc, text)) is not None:
        # 名字：值 typed on a Chinese keyboard: libyaml stops a line later, in English
        line, column = colon
        return line + 1, column + 1, msg("yaml.cjk_colon")
    elif "expected a single document" in context:
        what = msg("yaml.two_documents", raw=f"{context}, {problem}")
    else:
        raw = f"{problem} ({context})" if context and context not in problem else problem
        what = msg("yaml.tab" if "tab character" in problem else "yaml.other", raw=raw)
    return (mark.line + 1, mark.column + 1, what) if mark else (1, 1, what)


def _cjk_comma(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int] | None:
    """Where a Chinese comma (，、) between the opening of ``[…]``/``{…}`` and where
    libyaml gave up stands for the ``,`` it expected: its line and column, or None."""
    opening, stop = exc.context_mark, exc.problem_mark
    if opening is None or stop is None or "did not find expected ','" not in (exc.problem or ""):
        return None
    lines = text.splitlines()
    for line in range(opening.line, min(stop.line, len(lines) - 1) + 1):
        first = opening.column if line == opening.line else 0
        last = stop.column if line == stop.line else len(lines[line])
        found = [i for i, ch in enumerate(lines[line]) if ch in "，、" and first <= i < last]
        if found:
            return line, found[0]
    return None


def _cjk_colon(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int] | None:
    """Where a full-width colon stands for the ``:`` of a key (``name：宋雨``), when the
    error is the one it causes: the line and column of the first such colon from where
    the key began to where libyaml noticed, or None."""
    if "could not find expected ':'" not in (exc.problem or ""):
        return None
    first = (exc.context_mark or exc.problem_mark)
    last = exc.problem_mark or first
    if first is None or last is None:
        return None
    lines = text.splitlines()
    for number in range(first.line, min(last.line, len(lines) - 1) + 1):
        column = lines[number].find("：")
        if column >= 0 and "#" not in lines[number][:column]:
            return number, column
    return None


MAX_NODES = 1_000_000
"""Values in a file at the most, counting each alias (``*name``) as a copy of what it names:
a few lines of aliases can otherwise stand for billions of values."""


def _within_budget(root: Node, path: str) -> None:
    """Raise :class:`InputError` if ``root`` expands, through its aliases, to more than
    :data:`MAX_NODES` values. Linear in the nodes written: each is sized once."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = [n for pair in node.value for n in pair] if isinstance(node, MappingNode) \
            else list(node.value) if isinstance(node, SequenceNode) else []
        if children_done or not children:
            size = 1 + sum(sizes[id(c)] for c in children)
            if size > MAX_NODES:
                mark = node.start_mark
                raise InputError([Problem(path, mark.line + 1, mark.column + 1, "",
                                          msg("yaml.too_big", most=MAX_NODES))])
            sizes[id(node)] = size
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)


def _paths_to(root: Node | None, targets: Sequence[Node]) -> dict[int, Path_]:
    """The path of each mapping key node in ``targets`` below ``root`` (for error
    messages), by its ``id``: one walk over the nodes for all of them."""
    wanted = {id(t) for t in targets}
    paths: dict[int, Path_] = {}
    stack: list[tuple[Node, Path_]] = [(root, ())] if root is not None else []
    seen: set[int] = set()
    while stack and len(paths) < len(wanted):
        node, where = stack.pop()
        if id(node) in seen:  # an alias: the node was searched where it was first written
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for k, v in node.value:
                step = k.value if isinstance(k, ScalarNode) else "?"
                if id(k) in wanted:
                    paths.setdefault(id(k), (*where, step))
                stack.append((v, (*where, step)))
        elif isinstance(node, SequenceNode):
            stack.extend((v, (*where, i)) for i, v in enumerate(node.value))
    return paths


def load(path: Path | str) -> Document:
    """Read and parse a YAML file: :func:`read_text` then :func:`parse`."""
    return parse(read_text(path), str(path))


MAX_UNPACKED = 256 * 1024 * 1024
"""The most an Excel workbook read (a record workbook, a sign-in export) may unpack to: a
zip of a few MB must not fill the memory."""
MAX_RATIO = 200
"""How many times its packed size a part of over a megabyte may unpack to (a sheet's XML
packs to a tenth or so; a zip bomb to a thousandth)."""


def open_workbook(raw: bytes, path: str, unreadable: str = "workbook.unreadable") -> Any:
    """An Excel workbook's bytes opened to read (openpyxl, streaming, values only), or
    :class:`InputError` at ``path``: ``unreadable`` (the message key) when it is no
    workbook, "too big" when it would unpack past :data:`MAX_UNPACKED` or a part past
    :data:`MAX_RATIO` times its size. Close it when done."""
    import io
    import warnings
    import zipfile

    from openpyxl import load_workbook

    def refused(key: str) -> InputError:
        return InputError([Problem(path, 1, 1, "", msg(key))])

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise refused(unreadable) from None
    if sum(i.file_size for i in parts) > MAX_UNPACKED or any(
            i.file_size > 2**20 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
            for i in parts):
        raise refused("workbook.too_big")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # openpyxl's notes on styles it does not know
            return load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:       # openpyxl raises many kinds for a zip that is no workbook
        raise refused(unreadable) from None

