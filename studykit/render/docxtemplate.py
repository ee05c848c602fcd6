"""Word documents from Word templates: prepared and compiled once, rendered many times.

A template is an ordinary ``.docx`` whose text holds Jinja tags (see
``docs/templates.md``). :func:`prepare` reads it once:

1. joins each tag that Word split over several runs back into one run, and reads
   curly quotes inside a tag as straight ones;
2. turns ``{%p … %}`` paragraphs and ``{%tr … %}`` table rows into plain Jinja
   block tags, so whole paragraphs and rows repeat;
3. compiles the result in a sandboxed Jinja environment with strict undefined
   variables, where every value is written as XML text (``R&D <b>`` stays literal,
   control characters that XML forbids are dropped, a line break becomes ``<w:br/>``);
4. keeps every other part of the package as its compressed bytes.

:meth:`DocxTemplate.render` then only runs the compiled template and writes a zip
of the pre-compressed parts plus the new XML, with fixed time stamps so the same
context always gives the same bytes.
"""

from __future__ import annotations

import html
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree  # type: ignore[import-untyped]

from ..domain.errors import UserError
from ..domain.text import visible
from ..reading.yamlio import read_file
from ..words import Message, msg
from .package import Part, deflate, raw_parts, write_zip
from .resources import templates as builtin_templates
from .sandbox import Limit, Sandbox, budgets
from .sandbox import render as sandboxed

if TYPE_CHECKING:
    from ..domain.models import Curriculum

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STRUCTURAL = re.compile(r"^\s*\{%(p|tr)\s+(.*?)\s*%\}\s*$", re.S)
_MARK = re.compile(r"<skjinja>(.*?)</skjinja>", re.S)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "＂": '"'})
# characters XML 1.0 does not allow, even escaped
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


class TemplateError(UserError):
    """A template that cannot be read, compiled or rendered; names the file and the tag."""

    def __init__(self, template: str, key: str | Message, **values: Any) -> None:
        what = key if isinstance(key, Message) else msg(key, **values)
        super().__init__(msg("template.problem", template=template, what=what))


_PLAIN = re.compile("[&<>\"'\x00-\x1f\ufffe\uffff]")


def xml_text(value: Any) -> str:
    """A value as the text of a ``<w:t>``: escaped, XML-safe, line breaks as ``<w:br/>``."""
    if isinstance(value, str) and not _PLAIN.search(value):
        return value  # the common case, a name or a title: nothing to do
    text = _INVALID_XML.sub("", "" if value is None else str(value))
    text = html.escape(text, quote=True)
    if "\n" in text:
        text = text.replace("\r\n", "\n").replace(
            "\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return text


def _environment() -> Sandbox:
    from jinja2 import pass_eval_context

    # autoescape stays off: xml_text escapes every {{ }} output, and must also turn
    # newlines into markup, which autoescape would escape again. A finalize that asks
    # for the context (and optimized=False) keeps Jinja from computing constant
    # expressions when it compiles, where no budget holds: '%999999999d'|format(1)
    # would take 30 s before the first document.
    @pass_eval_context
    def finalize(context: Any, value: Any) -> str:
        return xml_text(value)
    return Sandbox(autoescape=False, finalize=finalize, keep_trailing_newline=True,
                   optimized=False)


# --- reading the template ---------------------------------------------------------

def _join_split_tags(root: Any) -> None:
    """Within each paragraph, move every tag's text into the run where it starts."""
    for p in root.iter(f"{{{W}}}p"):
        texts = list(p.iter(f"{{{W}}}t"))
        if len(texts) < 1:
            continue
        full = "".join(t.text or "" for t in texts)
        if "{" not in full:
            continue
        starts, at = [], 0
        for t in texts:
            starts.append(at)
            at += len(t.text or "")

        def owner(pos: int, starts: list[int] = starts) -> int:
            i = 0
            while i + 1 < len(starts) and starts[i + 1] <= pos:
                i += 1
            return i

        for match in reversed(list(_TAG.finditer(full))):
            a, b = match.span()
            tag = match.group().translate(_QUOTES)
            first, last = owner(a), owner(b - 1)
            if first == last:
                t = texts[first]
                local = a - starts[first]
                t.text = (t.text or "")[:local] + tag + (t.text or "")[local + len(tag):]
                continue
            head = texts[first]
            head.text = (head.text or "")[:a - starts[first]] + tag
            for middle in texts[first + 1:last]:
                middle.text = ""
            tail = texts[last]
            tail.text = (tail.text or "")[b - starts[last]:]
            for t in (head, tail):
                t.set(_XML_SPACE, "preserve")


def _preserve_spaces(root: Any) -> None:
    """A run that holds a value keeps the value's leading and trailing spaces."""
    for t in root.iter(f"{{{W}}}t"):
        if "{{" in (t.text or ""):
            t.set(_XML_SPACE, "preserve")


def _structural_tags(root: Any) -> None:
    """Replace ``{%p …%}`` paragraphs and ``{%tr …%}`` rows by plain Jinja tags."""
    for t in list(root.iter(f"{{{W}}}t")):
        text = t.text or ""
        if "{%p" not in text and "{%tr" not in text:
            continue
        p = next(t.iterancestors(f"{{{W}}}p"), None)
        if p is None:
            continue
        whole = "".join(x.text or "" for x in p.iter(f"{{{W}}}t"))
        match = _STRUCTURAL.match(whole)
        if not match:
            continue
        kind, body = match.groups()
        target = p if kind == "p" else next(p.iterancestors(f"{{{W}}}tr"), None)
        if target is None or target.getparent() is None:
            continue
        mark = etree.Element("skjinja")
        mark.text = "{% " + body + " %}"
        target.getparent().replace(target, mark)


_OPENERS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape",
                      "trans"})
_MIDDLES = frozenset({"else", "elif", "pluralize"})
_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_KEYWORD = re.compile(r"\{%[-+]?\s*(\w+)(.*?)[-+]?%\}", re.S)


def _unbalanced_block(root: Any) -> str | None:
    """The first block tag whose partner sits at another depth of the XML: ``{%p if %}``
    in the body and ``{%p endif %}`` in a table cell, or ``{% if %}`` in a run and its
    ``{% endif %}`` in a hyperlink. Whatever lies between two partners is left out or
    repeated when rendered; that keeps the XML whole only when both sit in elements of
    the same names all the way up (two runs of a paragraph, two paragraphs of the body),
    so anything else would make a document that does not open. (A tag with no partner
    at all is left to Jinja, which says so.)"""
    stack: list[tuple[str, tuple[str, ...]]] = []
    for element in root.iter(f"{{{W}}}t", "skjinja"):
        anchor = element if element.tag != "skjinja" else element.getparent()
        chain = (anchor.tag, *(e.tag for e in anchor.iterancestors()))
        for match in _KEYWORD.finditer(_COMMENT.sub("", element.text or "")):
            word, rest = match.groups()
            if word == "set" and "=" not in rest:
                word = "block-set"
            if word in _OPENERS or word == "block-set":
                stack.append((word, chain))
            elif stack and (word in _MIDDLES or word.startswith("end")):
                if stack[-1][1] != chain:
                    return match.group()
                if word.startswith("end"):
                    stack.pop()
    return None


def _jinja_source(xml: bytes, name: str = "") -> str:
    root = etree.fromstring(xml)
    _join_split_tags(root)
    _preserve_spaces(root)
    _structural_tags(root)
    broken = _unbalanced_block(root)
    if broken is not None:
        raise TemplateError(name, "template.block_across", tag=broken)
    source = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                            standalone=True).decode("utf-8")
    source = _MARK.sub(lambda m: m.group(1), source)
    # inside tags, XML escaping of the template text (&gt; &amp; &quot;) is undone
    return _TAG.sub(lambda m: html.unescape(m.group()), source)


# --- the template -------------------------------------------------------------------

@dataclass
class DocxTemplate:
    """A prepared template: compiled XML parts and the other parts' compressed bytes."""

    name: str
    parts: list[Part | tuple[bytes, Any, str]]
    """Fixed parts as :class:`Part`; templated ones as (name, compiled, source)."""

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The document for ``context``, as the bytes of a .docx file, made within the
        sandbox's budgets (:mod:`studykit.render.sandbox`)."""
        try:
            with budgets():
                parts = [part if isinstance(part, Part) else self._render(*part, context)
                         for part in self.parts]
        except Limit as exc:
            raise TemplateError(self.name, exc.said) from None
        return write_zip(parts)

    def _render(self, name: bytes, compiled: Any, source: str,
                context: Mapping[str, Any]) -> Part:
        from jinja2 import TemplateError as JinjaError
        from jinja2 import UndefinedError

        try:
            xml = sandboxed(compiled, context).encode("utf-8")
        except UndefinedError as exc:
            raise _undefined(self.name, source, exc, context) from None
        except Limit:
            raise
        except JinjaError as exc:
            raise TemplateError(self.name, "template.jinja", raw=str(exc)) from None
        except (TypeError, ValueError, ArithmeticError, LookupError, RecursionError) as exc:
            # an expression in the template that fails on the data: `{{ title + 1 }}`
            raise TemplateError(self.name, "template.failed",
                                raw=f"{type(exc).__name__}: {exc}") from None
        return deflate(xml, name)


def _undefined(template: str, source: str, exc: Exception,
               context: Mapping[str, Any]) -> TemplateError:
    message = str(exc)
    match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", message)
    name = next((g for g in match.groups() if g), "") if match else ""
    tag = next((t for t in _TAG.findall(source) if name and re.search(rf"\b{re.escape(name)}\b",
                                                                        t)), "")
    known = ", ".join(sorted(context))
    if tag:
        return TemplateError(template, "template.undefined_in", raw=message, tag=tag, known=known)
    return TemplateError(template, "template.undefined", raw=message, known=known)


MAX_UNPACKED = 64 * 1024 * 1024
"""The most bytes a template's parts may unpack to (a built-in one: about 200 KB)."""
MAX_RATIO = 200
"""How many times its packed size a part of over a megabyte may unpack to (XML packs to
a tenth or so; a zip bomb to a thousandth)."""
REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
"""The parts without which Word does not open a document."""
_ENTRY = re.compile(r"[!-~]+")     # printable ASCII, no space


def _entry_problem(entry: str, seen: set[str]) -> Message | None:
    if entry.casefold() in seen:
        return msg("template.duplicate_entry", entry=visible(entry))
    if not _ENTRY.fullmatch(entry) or "\\" in entry or ":" in entry \
            or any(part in ("", ".", "..") for part in entry.split("/")):
        return msg("template.bad_entry", entry=visible(entry))
    return None


def checked_parts(data: bytes, name: str) -> list[tuple[zipfile.ZipInfo, bytes, bytes]]:
    """Every part of the template package ``data``: its entry, packed bytes and content.

    Refused with the reason: an entry name that is not a plain relative path (``../x``,
    ``/x``, ``C:x``, a backslash) or that comes twice; a part encrypted, packed some
    other way than deflate, or whose content does not match its size and checksum;
    parts unpacking to more than :data:`MAX_UNPACKED` bytes or :data:`MAX_RATIO` times
    their size; and a package without :data:`REQUIRED_PARTS`. Each part is unpacked at
    most to its declared size, so a lying header costs nothing."""
    try:
        entries = raw_parts(data)
    except (zipfile.BadZipFile, struct.error, ValueError) as exc:
        raise TemplateError(name, "template.not_docx", raw=str(exc)) from None
    seen: set[str] = set()
    total = 0
    checked = []
    for info, packed in entries:
        entry = info.filename
        problem = _entry_problem(entry, seen)
        if problem is not None:
            raise TemplateError(name, problem)
        seen.add(entry.casefold())
        total += info.file_size
        if total > MAX_UNPACKED or (info.file_size > 2**20
                                    and info.file_size > MAX_RATIO * info.compress_size):
            raise TemplateError(name, "template.unpacks_too_big", mb=MAX_UNPACKED // 2**20)
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                              zipfile.ZIP_DEFLATED):
            raise TemplateError(name, "template.damaged", part=visible(entry),
                                raw="encrypted or packed in an unknown way")
        try:
            content = packed if info.compress_type == zipfile.ZIP_STORED else \
                zlib.decompressobj(-15).decompress(packed, info.file_size + 1)
        except zlib.error as exc:
            raise TemplateError(name, "template.damaged", part=visible(entry),
                                raw=str(exc)) from None
        if len(content) != info.file_size or zlib.crc32(content) != info.CRC:
            raise TemplateError(name, "template.damaged", part=visible(entry),
                                raw="size or checksum does not match")
        checked.append((info, packed, content))
    for part in REQUIRED_PARTS:
        if part.casefold() not in seen:
            raise TemplateError(name, "template.missing_part", part=part)
    rels: dict[str, set[str]] = {}
    for info, _, content in checked:
        ids, targets = _relationships(info.filename, content, name)
        for target in targets:
            if target.casefold() not in seen:
                raise TemplateError(name, "template.missing_part", part=visible(target))
        if ids is not None:
            rels[info.filename] = ids
    for info, _, content in checked:
        _check_references(info.filename, content, rels, name)
    return checked


_REFERENCE = re.compile(rb'\br:(?:id|embed|link|pict|href|dm|lo|qs|cs)="([^"]*)"')


def _check_references(entry: str, content: bytes, rels: dict[str, set[str]],
                      name: str) -> None:
    """Every ``r:id`` a part uses (a footer, an image) must be one of its relationships:
    Word reports a document whose reference leads nowhere as unreadable."""
    used = set(_REFERENCE.findall(content)) if entry.endswith(".xml") else set()
    if not used:
        return
    folder, _, file = entry.rpartition("/")
    part = f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"
    if part not in rels:
        raise TemplateError(name, "template.missing_part", part=visible(part))
    for ref in sorted(used):
        if ref.decode("utf-8", "replace") not in rels[part]:
            raise TemplateError(name, "template.damaged", part=visible(entry),
                                raw=f"r:id {ref.decode('utf-8', 'replace')} has no "
                                    f"relationship in {part}")


_RELS = re.compile(r"(?:(.*)/)?_rels/([^/]*)\.rels")


def _relationships(entry: str, content: bytes,
                   name: str) -> tuple[set[str] | None, list[str]]:
    """The ids a relationships part (``word/_rels/document.xml.rels``) defines and the
    parts it points to inside the package; (None, []) for any other part. Word and
    python-docx fail on a package whose relationship leads nowhere."""
    import posixpath

    match = _RELS.fullmatch(entry)
    if match is None:
        return None, []
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(name, "template.damaged", part=visible(entry), raw=str(exc)) from None
    base = match[1] or ""
    ids, targets = set(), []
    for rel in root:
        ids.add(rel.get("Id") or "")
        target = rel.get("Target")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(base, target))
        targets.append(path.split("#")[0])
    return ids, targets


def prepare(data: bytes, name: str) -> DocxTemplate:
    """Read a template (the bytes of a .docx) once, ready to render many times."""
    from jinja2 import TemplateSyntaxError

    env = _environment()
    parts: list[Part | tuple[bytes, Any, str]] = []
    for info, packed, xml in checked_parts(data, name):
        encoded = info.filename.encode("utf-8")
        if not _TEMPLATED.match(info.filename) or b"{" not in xml:
            parts.append(Part(encoded, info.compress_type, info.CRC, info.compress_size,
                               info.file_size, packed))
            continue
        try:
            source = _jinja_source(xml, name)
        except TemplateError:
            raise
        except Exception as exc:  # lxml's XMLSyntaxError and friends
            raise TemplateError(name, "template.bad_xml", part=info.filename,
                                raw=str(exc)) from None
        try:
            compiled = env.from_string(source)
        except TemplateSyntaxError as exc:
            raise _syntax(name, source, exc, env) from None
        parts.append((encoded, compiled, source))
    return DocxTemplate(name, parts)


def _syntax(template: str, source: str, exc: Any, env: Any) -> TemplateError:
    """Name the tag that does not compile: try each ``{{ }}`` alone, else Jinja's words."""
    from jinja2 import TemplateSyntaxError

    for opening in re.finditer(r"\{\{|\{%", source):
        close = "}}" if opening.group() == "{{" else "%}"
        rest = source[opening.end():]
        cut = min((i for i in (rest.find(close), rest.find("{{"), rest.find("{%")) if i >= 0),
                  default=len(rest))
        if not rest.startswith(close, cut):  # never closed before the next tag
            shown = re.sub(r"<[^>]+>", "", opening.group() + rest[:cut])[:60]
            return TemplateError(template, "template.unclosed", tag=shown, close=close)
        tag = opening.group() + rest[:cut + 2]
        if close == "}}":
            try:
                env.parse(tag)
            except TemplateSyntaxError as inner:
                return TemplateError(template, "template.syntax_in", tag=tag,
                                     raw=inner.message or "")
    return TemplateError(template, "template.syntax", raw=exc.message or "")


class Templates:
    """Finds templates (the user's folder first, then the built-ins of the locale) and
    prepares each once per run."""

    def __init__(self, locale: str, user_dir: Path | None = None) -> None:
        self.locale = locale
        self.user_dir = user_dir
        self._cache: dict[str, DocxTemplate] = {}

    @classmethod
    def for_curriculum(cls, curriculum: Curriculum, folder: Path | str | None = None,
                       ) -> Templates:
        """The templates of ``curriculum``: ``folder`` if given, else its
        ``organization.templates`` (relative to the curriculum's file), then the built-ins
        of its language."""
        if folder is None and curriculum.organization.templates:
            folder = Path(curriculum.source).parent / curriculum.organization.templates
        if folder is not None and not Path(folder).is_dir():
            raise UserError(msg("template.no_folder", folder=str(folder)), curriculum.locale)
        return cls(curriculum.locale, Path(folder) if folder is not None else None)

    def path(self, name: str) -> Path | Any:
        """Where template ``name`` (``minutes.docx``) comes from."""
        # anything of that name in the user's folder is theirs, even a FIFO or a folder:
        # read_template then says what is wrong instead of quietly using the built-in
        if self.user_dir is not None and os.path.lexists(self.user_dir / name):
            return self.user_dir / name
        return builtin_templates() / self.locale / name

    def get(self, name: str) -> DocxTemplate:
        """The prepared template ``name`` (prepared once per process and file version)."""
        if name not in self._cache:
            where = self.path(name)
            self._cache[name] = _prepared(read_template(where), str(where))
        return self._cache[name]


MAX_TEMPLATE_BYTES = 16 * 1024 * 1024
"""The largest template file read (16 MB; the built-in ones are about 40 KB)."""


def read_template(where: Path | Any) -> bytes:
    """The bytes of a template: a user's through :func:`~studykit.reading.yamlio.read_file`
    (a regular file, bounded), a built-in one from the package."""
    if isinstance(where, Path):
        return read_file(where, MAX_TEMPLATE_BYTES)
    try:
        return bytes(where.read_bytes())
    except OSError as exc:
        raise TemplateError(str(where), "template.unreadable", raw=str(exc)) from None


_PREPARED: dict[tuple[str, bytes], DocxTemplate] = {}


def _prepared(data: bytes, name: str) -> DocxTemplate:
    """:func:`prepare`, remembered for the process: a district run renders the same few
    templates for hundreds of branches. Keyed by the file's content, so an edited template
    is prepared again."""
    import hashlib

    key = (name, hashlib.sha256(data).digest())
    if key not in _PREPARED:
        _PREPARED[key] = prepare(data, name)
    return _PREPARED[key]
