"""The one writer of zip packages (.docx, .xlsx): the same parts always give the same bytes.

Every part carries a fixed time (1980-01-01), so a document diffs cleanly in git and
a re-run writes nothing new. Parts are kept compressed as they were read
(:func:`raw_parts`), so a template's fixed parts are never inflated and deflated
again; only new XML is compressed (:func:`deflate`).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

_DOS_DATE, _DOS_TIME = (0 << 9) | (1 << 5) | 1, 0  # 1980-01-01 00:00


@dataclass(frozen=True)
class Part:
    """One entry of a package, compressed as ``method`` says (deflate or stored)."""

    name: bytes
    method: int
    crc: int
    csize: int
    usize: int
    data: bytes  # compressed as ``method`` says


def raw_parts(raw: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Each entry of a zip with its compressed bytes, as stored."""
    out = []
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        for info in zf.infolist():
            offset = info.header_offset
            name_len, extra_len = struct.unpack("<HH", raw[offset + 26:offset + 30])
            start = offset + 30 + name_len + extra_len
            out.append((info, raw[start:start + info.compress_size]))
    return out


def deflate(data: bytes, name: bytes = b"", level: int = 1) -> Part:
    """``data`` deflated as a part named ``name``; level 1 (the default here) takes half the
    time of zlib's default level for a few per cent more bytes."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return Part(name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(packed), len(data), packed)


def write_zip(parts: list[Part]) -> bytes:
    """A zip of ``parts`` (already compressed), with fixed times: same parts, same bytes."""
    out, central = bytearray(), bytearray()
    for part in parts:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, part.method, _DOS_TIME,
                           _DOS_DATE, part.crc, part.csize, part.usize, len(part.name), 0)
        out += part.name + part.data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, part.method,
                               _DOS_TIME, _DOS_DATE, part.crc, part.csize, part.usize,
                               len(part.name), 0, 0, 0, 0, 0, offset)
        central += part.name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central),
                      len(out), 0)
    return bytes(out + central + end)


def package_problem(data: bytes) -> str | None:
    """Why the package ``data`` would not open the way Word opens it, or ``None``: not a
    whole zip, a part whose checksum is wrong, or an XML part that is not well-formed."""
    from lxml import etree  # type: ignore[import-untyped]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            broken = package.testzip()
            if broken is not None:
                return f"{broken}: the checksum does not match"
            for info in package.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    try:
                        etree.fromstring(package.read(info), parser)
                    except etree.XMLSyntaxError as exc:
                        return f"{info.filename}: {exc}"
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        return str(exc)
    return None


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def repack(data: bytes, stamp: str) -> bytes:
    """A package written by another library (openpyxl) made reproducible: the same parts,
    fixed times, and the document's modification time (which openpyxl sets to now on
    saving) set to ``stamp``."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            parts.append(deflate(content, info.filename.encode("utf-8"), level=6))
    return write_zip(parts)
