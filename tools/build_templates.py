"""Build the built-in Word templates in ``zh-CN/`` and ``en/`` (a developer script).

    .venv/bin/python tools/build_templates.py

writes ``calendar.docx``, ``annual.docx``, ``plan-activity.docx``, ``plan-lesson.docx``,
``attendance.docx``, ``minutes.docx``, ``report.docx``, ``district.docx`` and the year's
evaluation (``evaluation-ballot.docx``, ``evaluation-register.docx``,
``evaluation-summary.docx``, ``evaluation-scorecard.docx``) into both folders. The
output is the same, byte for byte, on every run: fixed zip timestamps, fixed document
properties, no revision ids. The tags and variables are the ones in
``docs/templates.md``.

How the templates are made:

- every Jinja tag is typed as one run of its own, so no tag is split;
- ``{%p … %}`` tags stand alone in their paragraph, ``{%tr … %}`` tags alone in the
  first cell of their table row (docxtpl's conventions);
- the Chinese templates follow GB/T 9704-2012: A4, margins 37/35/28/26 mm, body
  3号 仿宋_GB2312 at exactly 28.95 pt, title 2号 方正小标宋简体, headings 黑体 and
  楷体_GB2312, page numbers "— 1 —" in 4号 宋体;
- every font is named explicitly for ascii, hAnsi and eastAsia, in the document
  defaults, in every style and on every run, so that Word never falls back to the
  default template's (Japanese) theme font for Chinese text.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Mm, Pt, Twips

HERE = Path(__file__).resolve().parent.parent / "templates"
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
W = nsdecls("w")

# --------------------------------------------------------------------------- looks


@dataclass(frozen=True)
class Font:
    """A font for Latin text (ascii, hAnsi) and one for Chinese text (eastAsia)."""

    latin: str
    east: str
    bold: bool = False
    italic: bool = False
    # Chinese text: quotes, dashes and other shared characters take the Chinese font.
    hint: bool = True

    def rfonts(self) -> str:
        hint = ' w:hint="eastAsia"' if self.hint else ""
        return (f'<w:rFonts w:ascii="{self.latin}" w:hAnsi="{self.latin}" '
                f'w:eastAsia="{self.east}" w:cs="{self.latin}"{hint}/>')


@dataclass(frozen=True)
class Look:
    """Page and type of one document language."""

    locale: str                  # zh-CN or en
    lang: str                    # w:lang w:val
    margins: tuple[float, float, float, float]  # top, bottom, left, right, mm (portrait)
    landscape_margins: tuple[float, float, float, float]
    footer_mm: float
    landscape_footer_mm: float
    fonts: dict[str, Font]       # by role: body, title, subtitle, h1, h2, label, th, page
    sizes: dict[str, float]      # by style id, pt
    line_pitch: int              # twips, the document grid


ZH = Look(
    locale="zh-CN",
    lang="zh-CN",
    margins=(37, 35, 28, 26),
    landscape_margins=(25, 25, 25, 25),
    # The page number's line starts 7 mm below the text block (GB/T 9704 7.5).
    footer_mm=22,
    landscape_footer_mm=12,
    fonts={
        "body": Font("仿宋_GB2312", "仿宋_GB2312"),
        "title": Font("方正小标宋简体", "方正小标宋简体"),
        "subtitle": Font("楷体_GB2312", "楷体_GB2312"),
        "h1": Font("黑体", "黑体"),
        "h2": Font("楷体_GB2312", "楷体_GB2312"),
        "label": Font("黑体", "黑体"),
        "th": Font("黑体", "黑体"),
        "page": Font("宋体", "宋体"),
    },
    sizes={"Normal": 16, "Title": 22, "Subtitle": 16, "Heading1": 16, "Heading2": 16,
           "TableText": 12, "TableHeading": 12, "Note": 14, "Footer": 14},
    line_pitch=579,
)

EN = Look(
    locale="en",
    lang="en-GB",
    margins=(25, 25, 25, 25),
    landscape_margins=(25, 25, 25, 25),
    footer_mm=12,
    landscape_footer_mm=12,
    fonts={
        "body": Font("Times New Roman", "宋体", hint=False),
        "title": Font("Arial", "黑体", bold=True, hint=False),
        "subtitle": Font("Arial", "黑体", hint=False),
        "h1": Font("Arial", "黑体", bold=True, hint=False),
        "h2": Font("Arial", "楷体_GB2312", bold=True, italic=True, hint=False),
        "label": Font("Times New Roman", "黑体", bold=True, hint=False),
        "th": Font("Arial", "黑体", bold=True, hint=False),
        "page": Font("Times New Roman", "宋体", hint=False),
    },
    sizes={"Normal": 12, "Title": 16, "Subtitle": 13, "Heading1": 12, "Heading2": 12,
           "TableText": 11, "TableHeading": 11, "Note": 11, "Footer": 11},
    line_pitch=360,
)

# Which font a run takes in each paragraph style, unless told otherwise.
STYLE_ROLE = {"Normal": "body", "BodyText": "body", "Closing": "body", "Title": "title",
              "Subtitle": "subtitle", "Heading1": "h1", "Heading2": "h2",
              "TableText": "body", "TableHeading": "th", "Note": "body", "Footer": "page"}

# Font entries for word/fontTable.xml: charset 86 is GB2312; altName lets Word use
# 仿宋 or 楷体 on machines that lack the _GB2312 fonts.
FONT_TABLE = {
    "仿宋_GB2312": ('<w:altName w:val="仿宋"/>', "86", "modern", "fixed"),
    "楷体_GB2312": ('<w:altName w:val="楷体"/>', "86", "modern", "fixed"),
    "方正小标宋简体": ('<w:altName w:val="宋体"/>', "86", "script", "fixed"),
    "黑体": ('<w:altName w:val="SimHei"/>', "86", "modern", "fixed"),
    "宋体": ('<w:altName w:val="SimSun"/>', "86", "auto", "variable"),
    "Times New Roman": ("", "00", "roman", "variable"),
    "Arial": ("", "00", "swiss", "variable"),
}


def _rpr(font: Font, size: float | None) -> str:
    out = font.rfonts()
    if font.bold:
        out += "<w:b/><w:bCs/>"
    if font.italic:
        out += "<w:i/><w:iCs/>"
    if size is not None:
        half = round(size * 2)
        out += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    return f"<w:rPr>{out}</w:rPr>"


def _spacing(line: int | None, exact: bool, before: int = 0, after: int = 0) -> str:
    if line is None:
        return f'<w:spacing w:before="{before}" w:after="{after}"/>'
    rule = "exact" if exact else "auto"
    return (f'<w:spacing w:before="{before}" w:after="{after}" '
            f'w:line="{line}" w:lineRule="{rule}"/>')


def _style(kind: str, sid: str, name: str, *, based: str | None = None,
           nxt: str | None = None, ppr: str = "", rpr: str = "", extra: str = "",
           priority: int | None = None, default: bool = False, custom: bool = False,
           semi_hidden: bool = False) -> str:
    attrs = f'w:type="{kind}"'
    if default:
        attrs += ' w:default="1"'
    if custom:
        attrs += ' w:customStyle="1"'
    body = f'<w:name w:val="{name}"/>'
    if based:
        body += f'<w:basedOn w:val="{based}"/>'
    if nxt:
        body += f'<w:next w:val="{nxt}"/>'
    if priority is not None:
        body += f'<w:uiPriority w:val="{priority}"/>'
    if semi_hidden:
        body += "<w:semiHidden/><w:unhideWhenUsed/>"
    else:
        body += "<w:qFormat/>"
    if ppr:
        body += f"<w:pPr>{ppr}</w:pPr>"
    if rpr:
        body += rpr
    body += extra
    return f'<w:style {W} {attrs} w:styleId="{sid}">{body}</w:style>'


def styles_xml(look: Look) -> list[str]:
    """Every style the templates use, with explicit fonts; nothing theme-based."""
    f, s = look.fonts, look.sizes
    zh = look.locale == "zh-CN"
    indent2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if zh else ""
    if zh:
        body_spacing = _spacing(look.line_pitch, True)
        title_spacing = _spacing(720, True, after=look.line_pitch)
        sub_spacing = _spacing(look.line_pitch, True, after=look.line_pitch)
        h_spacing = _spacing(look.line_pitch, True)
        note_spacing = _spacing(440, True)
        jc_body = '<w:jc w:val="both"/>'
    else:
        body_spacing = _spacing(276, False, after=120)
        title_spacing = _spacing(240, False, after=240)
        sub_spacing = _spacing(240, False, after=240)
        h_spacing = _spacing(240, False, before=240, after=80)
        note_spacing = _spacing(240, False, after=60)
        jc_body = ""
    table_spacing = _spacing(240, False)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(b) for b in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    cell_mar = ('<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
                '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
                '</w:tblCellMar>')
    return [
        _style("paragraph", "Normal", "Normal", default=True,
               ppr=f"{body_spacing}{jc_body}", rpr=_rpr(f["body"], s["Normal"])),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True,
               priority=1, semi_hidden=True),
        _style("table", "TableNormal", "Normal Table", default=True, priority=99,
               semi_hidden=True,
               extra='<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                     '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                     '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                     '</w:tblCellMar></w:tblPr>'),
        _style("numbering", "NoList", "No List", default=True, priority=99,
               semi_hidden=True),
        _style("paragraph", "Title", "Title", based="Normal", nxt="Normal", priority=10,
               ppr=f'<w:keepNext/>{title_spacing}<w:jc w:val="center"/>',
               rpr=_rpr(f["title"], s["Title"])),
        _style("paragraph", "Subtitle", "Subtitle", based="Normal", nxt="Normal",
               priority=11, ppr=f'<w:keepNext/>{sub_spacing}<w:jc w:val="center"/>',
               rpr=_rpr(f["subtitle"], s["Subtitle"])),
        _style("paragraph", "Heading1", "heading 1", based="Normal", nxt="BodyText",
               priority=9,
               ppr=f'<w:keepNext/><w:keepLines/>{h_spacing}{indent2}<w:outlineLvl w:val="0"/>',
               rpr=_rpr(f["h1"], s["Heading1"])),
        _style("paragraph", "Heading2", "heading 2", based="Normal", nxt="BodyText",
               priority=9,
               ppr=f'<w:keepNext/><w:keepLines/>{h_spacing}{indent2}<w:outlineLvl w:val="1"/>',
               rpr=_rpr(f["h2"], s["Heading2"])),
        _style("paragraph", "BodyText", "Body Text", based="Normal", priority=99,
               ppr=f"{body_spacing}{indent2}", rpr=_rpr(f["body"], s["Normal"])),
        _style("paragraph", "Closing", "Closing", based="Normal", priority=99,
               ppr=('<w:ind w:rightChars="200" w:right="640"/>' if zh else "")
               + '<w:jc w:val="right"/>',
               rpr=_rpr(f["body"], s["Normal"])),
        _style("paragraph", "Note", "Note", based="Normal", custom=True, priority=29,
               ppr=f'{note_spacing}<w:jc w:val="left"/>', rpr=_rpr(f["body"], s["Note"])),
        _style("paragraph", "TableText", "Table Text", based="Normal", custom=True,
               priority=29, ppr=f'{table_spacing}<w:ind w:firstLine="0"/><w:jc w:val="left"/>',
               rpr=_rpr(f["body"], s["TableText"])),
        _style("paragraph", "TableHeading", "Table Heading", based="TableText",
               custom=True, priority=29, ppr=f'<w:keepNext/>{table_spacing}<w:jc w:val="center"/>',
               rpr=_rpr(f["th"], s["TableHeading"])),
        _style("paragraph", "Footer", "footer", based="Normal", priority=99,
               semi_hidden=True, ppr=f'{table_spacing}<w:jc w:val="center"/>',
               rpr=_rpr(f["page"], s["Footer"])),
        _style("table", "TableGrid", "Table Grid", based="TableNormal", priority=59,
               extra=f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders>{cell_mar}</w:tblPr>"),
    ]


def font_table_xml(look: Look) -> bytes:
    names = sorted({f.latin for f in look.fonts.values()} | {f.east for f in look.fonts.values()})
    entries = ""
    for name in names:
        alt, charset, family, pitch = FONT_TABLE[name]
        entries += (f'<w:font w:name="{name}">{alt}<w:charset w:val="{charset}"/>'
                    f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<w:fonts {W}>{entries}</w:fonts>')
    return xml.encode("utf-8")


# --------------------------------------------------------------------------- builder

Piece = str | tuple[str, str]          # text, or (text, font role)


class Builder:
    """One template being written: the document, its look and small helpers."""

    def __init__(self, look: Look, title: str, landscape: bool = False) -> None:
        self.look = look
        self.zh = look.locale == "zh-CN"
        self._after_table = False
        self.doc = Document()
        self._clean_package()
        self._set_styles()
        self._set_page(landscape)
        self._page_numbers()
        props = self.doc.core_properties
        props.author = "studykit"
        props.last_modified_by = "studykit"
        props.title = title
        props.comments = "studykit built-in template"
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        props.revision = 1

    def t(self, zh: str, en: str) -> str:
        return zh if self.zh else en

    # -- package ----------------------------------------------------------------

    def _clean_package(self) -> None:
        part = self.doc.part
        # Parts of python-docx's default template that do not belong in ours: a
        # thumbnail of an empty page, Word 2010's styles copy, an empty custom XML item.
        for rid, rel in list(part.rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
                del part.rels[rid]
        pkg_rels = part.package.rels
        for rid, rel in list(pkg_rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del pkg_rels[rid]
        settings = self.doc.settings.element
        for el in settings.findall(qn("w:rsids")):
            settings.remove(el)
        lang = settings.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:val"), self.look.lang)
            lang.set(qn("w:eastAsia"), "zh-CN")
        for rel in part.rels.values():
            if rel.reltype.endswith("/fontTable"):
                rel.target_part._blob = font_table_xml(self.look)

    def _set_styles(self) -> None:
        styles = self.doc.styles.element
        for el in styles.findall(qn("w:style")):
            styles.remove(el)
        look = self.look
        defaults = styles.find(qn("w:docDefaults"))
        styles.remove(defaults)
        rpr = _rpr(look.fonts["body"], look.sizes["Normal"])
        rpr = rpr.replace("</w:rPr>", f'<w:lang w:val="{look.lang}" w:eastAsia="zh-CN" '
                                      'w:bidi="ar-SA"/></w:rPr>')
        styles.insert(0, parse_xml(
            f"<w:docDefaults {W}><w:rPrDefault>{rpr}</w:rPrDefault>"
            f'<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            f"</w:pPr></w:pPrDefault></w:docDefaults>"))
        for xml in styles_xml(look):
            styles.append(parse_xml(xml))
        # Nothing theme-based is left anywhere (latent styles carry no fonts).
        for rfonts in styles.iter(qn("w:rFonts")):
            for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                rfonts.attrib.pop(qn(f"w:{attr}"), None)

    def _set_page(self, landscape: bool) -> None:
        section = self.doc.sections[0]
        top, bottom, left, right = (self.look.landscape_margins if landscape
                                    else self.look.margins)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)
        section.header_distance = Mm(15)
        section.footer_distance = Mm(self.look.landscape_footer_mm if landscape
                                     else self.look.footer_mm)
        section.gutter = Mm(0)
        sect = section._sectPr
        for key in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
            sect.attrib.pop(qn(key), None)
        grid = sect.find(qn("w:docGrid"))
        if grid is not None:
            grid.set(qn("w:linePitch"), str(self.look.line_pitch))
        self.width = Emu(section.page_width - section.left_margin - section.right_margin)

    def _page_numbers(self) -> None:
        """A centred "— 1 —" in the footer: a PAGE field between em dashes."""
        footer = self.doc.sections[0].footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p._p.style = "Footer"
        font = self.look.fonts["page"]
        self._run(p, "— ", font)
        self._field(p, "PAGE", "1", font)
        self._run(p, " —", font)

    def _field(self, p, instr: str, shown: str, font: Font) -> None:
        begin = self._run(p, "", font)
        begin._r.append(parse_xml(f'<w:fldChar {W} w:fldCharType="begin"/>'))
        code = self._run(p, "", font)
        code._r.append(parse_xml(f'<w:instrText {W} xml:space="preserve"> {instr} </w:instrText>'))
        sep = self._run(p, "", font)
        sep._r.append(parse_xml(f'<w:fldChar {W} w:fldCharType="separate"/>'))
        self._run(p, shown, font)
        end = self._run(p, "", font)
        end._r.append(parse_xml(f'<w:fldChar {W} w:fldCharType="end"/>'))

    # -- text -------------------------------------------------------------------

    @staticmethod
    def _run(p, text: str, font: Font):
        run = p.add_run(text) if text else p.add_run()
        rpr = run._r.get_or_add_rPr()
        rfonts = rpr.get_or_add_rFonts()
        rfonts.set(qn("w:ascii"), font.latin)
        rfonts.set(qn("w:hAnsi"), font.latin)
        rfonts.set(qn("w:eastAsia"), font.east)
        rfonts.set(qn("w:cs"), font.latin)
        if font.hint:
            rfonts.set(qn("w:hint"), "eastAsia")
        if font.bold:
            run.bold = True
        if font.italic:
            run.italic = True
        return run

    def fill(self, p, style: str, pieces: Sequence[Piece], align: str | None = None):
        p._p.style = style
        if align:
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:jc {W} w:val="{align}"/>'))
        role = STYLE_ROLE[style]
        for piece in pieces:
            text, r = (piece, role) if isinstance(piece, str) else piece
            if text:
                self._run(p, text, self.look.fonts[r])
        return p

    def para(self, style: str, *pieces: Piece, align: str | None = None):
        p = self.fill(self.doc.add_paragraph(), style, pieces, align)
        is_tag = len(pieces) == 1 and str(pieces[0]).startswith("{%p ")
        if self._after_table and not is_tag:
            # Air between a table and the text under it (tag paragraphs disappear).
            self._after_table = False
            if self.zh or not style.startswith("Heading"):
                p.paragraph_format.space_before = Pt(8)
        return p

    def body(self, *pieces: Piece):
        return self.para("BodyText", *pieces)

    def tag(self, tag: str):
        """A paragraph holding only a ``{%p … %}`` tag; it disappears when rendered."""
        assert tag.startswith("{%p ") and tag.endswith(" %}"), tag
        return self.para("BodyText", tag)

    def title(self, *pieces: Piece):
        return self.para("Title", *pieces)

    def h1(self, text: str):
        return self.para("Heading1", text)

    def h2(self, text: str):
        return self.para("Heading2", text)

    def field(self, label: str, *pieces: Piece):
        """"时间：…" with the label in the label font (黑体 / bold)."""
        return self.body((label, "label"), *pieces)

    def numbered(self, var: str, items: str, *pieces: Piece):
        """One numbered paragraph per item: ``{%p for var in items %}`` 1．… ``{%p endfor %}``."""
        self.tag(f"{{%p for {var} in {items} %}}")
        self.body("{{ loop.index }}", self.t("．", ". "), *pieces)
        self.tag("{%p endfor %}")

    # -- tables -----------------------------------------------------------------

    def table(self, weights: Sequence[float], header: Sequence[str] | None,
              body: Sequence[Sequence[Sequence[Piece] | None]],
              center: Sequence[bool] | None = None, repeat_header: bool = True,
              row_height: float = 0.7, margin: float | None = None):
        """A grid of fixed column widths (relative ``weights`` of the text width).

        ``body`` rows are lists of cells; a cell is a list of pieces (``None`` = empty).
        A row whose first cell starts with ``{%tr`` is a tag row: only that cell is
        filled, it keeps its default height, and it disappears when rendered.
        ``margin`` (mm) narrows the cells' left and right margins, for a table of many
        columns (the style's are 1.5 mm).
        """
        nrows = len(body) + (1 if header else 0)
        table, widths = self._grid(weights, nrows)
        if margin is not None:
            side = int(Mm(margin).twips)
            table._tbl.tblPr.append(parse_xml(
                f'<w:tblCellMar {W}><w:left w:w="{side}" w:type="dxa"/>'
                f'<w:right w:w="{side}" w:type="dxa"/></w:tblCellMar>'))
        center = center or [False] * len(weights)
        rows = list(table.rows)
        if header:
            hrow = rows.pop(0)
            self._row_props(hrow, header=repeat_header, height=row_height)
            for cell, w, text in zip(hrow.cells, widths, header, strict=True):
                cell.width = Twips(w)
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                self.fill(cell.paragraphs[0], "TableHeading", [text])
        for row, cells in zip(rows, body, strict=True):
            first = cells[0]
            is_tag = bool(first) and isinstance(first[0], str) and first[0].startswith("{%tr")
            self._row_props(row, header=False, height=None if is_tag else row_height)
            for i, (cell, w) in enumerate(zip(row.cells, widths, strict=True)):
                cell.width = Twips(w)
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                pieces = cells[i] if i < len(cells) else None
                align = "center" if center[i] and not is_tag else None
                self.fill(cell.paragraphs[0], "TableText", pieces or [], align=align)
        self._after_table = True
        return table

    def _grid(self, weights: Sequence[float], nrows: int):
        """An empty bordered table of ``nrows`` rows, centred, filling the text width in
        fixed columns proportional to ``weights``; returns it with the column widths."""
        total = int(self.width.twips)
        widths = [int(total * w / sum(weights)) for w in weights]
        widths[-1] = total - sum(widths[:-1])
        table = self.doc.add_table(rows=nrows, cols=len(weights))
        tbl = table._tbl
        tbl.tblPr.style = "TableGrid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tblw = tbl.tblPr.find(qn("w:tblW"))
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(total))
        look = tbl.tblPr.find(qn("w:tblLook"))
        if look is not None:
            tbl.tblPr.remove(look)
        for col, w in zip(table.columns, widths, strict=True):
            col.width = Twips(w)
        return table, widths

    def info_table(self, weights: Sequence[float], rows: Sequence[Sequence[tuple]]):
        """A form: cells are ("label", text) or ("value", pieces, span)."""
        table, widths = self._grid(weights, len(rows))
        for row, spec in zip(table.rows, rows, strict=True):
            self._row_props(row, header=False, height=0.9)
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = Twips(w)
            col = 0
            for item in spec:
                span = item[2] if len(item) > 2 else 1
                cell = row.cells[col]
                if span > 1:
                    cell = cell.merge(row.cells[col + span - 1])
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                if item[0] == "label":
                    self.fill(cell.paragraphs[0], "TableHeading", [item[1]])
                else:
                    self.fill(cell.paragraphs[0], "TableText", list(item[1]))
                col += span
        self._after_table = True
        return table

    def form(self, weights: Sequence[float], rows: Sequence[tuple[Sequence[tuple], float]]):
        """A form of fixed columns (relative ``weights``): each row is (cells, height in
        cm), a cell ("label", text[, span]) centred in the label font, or ("value",
        paragraphs[, span]) where each paragraph is a list of pieces, or a
        ``{%p … %}`` tag alone, which disappears when rendered (a list inside the cell).
        Rows never break across pages."""
        table, widths = self._grid(weights, len(rows))
        for row, (spec, height) in zip(table.rows, rows, strict=True):
            self._row_props(row, header=False, height=height)
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = Twips(w)
            col = 0
            for item in spec:
                span = item[2] if len(item) > 2 else 1
                cell = row.cells[col]
                if span > 1:
                    cell = cell.merge(row.cells[col + span - 1])
                if item[0] == "label":
                    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                    self.fill(cell.paragraphs[0], "TableHeading", [item[1]])
                else:
                    # one line centred as a label beside it; a list from the top
                    cell.vertical_alignment = (WD_ALIGN_VERTICAL.CENTER if len(item[1]) == 1
                                               else WD_ALIGN_VERTICAL.TOP)
                    for i, pieces in enumerate(item[1]):
                        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                        self.fill(p, "TableText", list(pieces))
                col += span
        self._after_table = True
        return table

    def span_row(self, row, style: str, align: str | None = None):
        """Merge a row of a :meth:`table` into one cell across the table, its text set in
        ``style``: a sub-heading row (the month in annual.docx)."""
        cells = row.cells
        pieces = [r.text for r in cells[0].paragraphs[0].runs]
        cell = cells[0].merge(cells[-1])
        p = cell.paragraphs[0]
        for r in list(p.runs):
            r._r.getparent().remove(r._r)
        ppr = p._p.pPr
        for jc in ppr.findall(qn("w:jc")):
            ppr.remove(jc)
        return self.fill(p, style, pieces, align)

    @staticmethod
    def _row_props(row, header: bool, height: float | None) -> None:
        """Rows never break across pages; a header row repeats on every page."""
        trpr = row._tr.get_or_add_trPr()
        trpr.append(parse_xml(f"<w:cantSplit {W}/>"))
        if height:
            row.height = Cm(height)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        if header:
            trpr.append(parse_xml(f"<w:tblHeader {W}/>"))

    # -- output -----------------------------------------------------------------

    def save(self, path: Path) -> None:
        raw = io.BytesIO()
        self.doc.save(raw)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(fixed_zip(raw.getvalue()))


def fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps and attributes, entries in written order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- templates


def calendar(b: Builder) -> None:
    b.title("{{ title }}")
    head = b.t("序号 日期 星期 时间 类别 内容 主讲 地点 参加人员",
               "No.|Date|Day|Time|Type|Topic|Speaker|Venue|Participants")
    header = head.split(" ") if b.zh else head.split("|")
    fields = ["no", "date", "weekday", "time", "kind", "title", "speaker", "venue",
              "attendees"]
    # mm of the 247 mm landscape text width; 12 pt CJK is 4.2 mm a character, and
    # Word adds a quarter space between Chinese and digits (1月24日 needs 21 mm).
    # with cell margins of 1 mm: 第一党小组（5人） is eight characters (36 mm),
    # 支部委员会会议 seven (31 mm), 党员活动室 five (23 mm)
    weights = ([11, 21, 12, 26, 32, 55, 21, 24, 45] if b.zh
               else [10, 18, 11, 24, 30, 52, 24, 34, 44])
    table = b.table(weights, header, [
        [["{%tr for row in rows %}"]],
        [[f"{{{{ row.{f} }}}}"] for f in fields],
        [["{%tr endfor %}"]],
    ], center=[True, True, True, True, True, False, True, True, False], margin=1)
    total = b.para("Note", b.t("共", ""), "{{ count }}", b.t("项活动。", " sessions in total."))
    total.paragraph_format.keep_with_next = True     # with the rows above and the block below
    _approval(b, table.rows[2])


def annual(b: Builder) -> None:
    """年度学习计划: the year's sessions, one table a quarter with a row for each month,
    then every member's planned hours against the yearly floor, then the approval block."""
    b.title("{{ title }}")
    b.tag("{%p if org.unit %}")
    b.para("Subtitle", "{{ org.unit }}")
    b.tag("{%p endif %}")
    b.body(b.t("全年共安排活动", "Sessions planned for the year: "), "{{ count }}",
           b.t("项，按季度、月份列示如下。", ", by quarter and month."))
    head = b.t("序号 日期 时间 类别 内容 主讲 地点 参加人员",
               "No.|Date|Time|Type|Topic|Speaker|Venue|Participants")
    fields = ["no", "date", "time", "kind", "title", "speaker", "venue", "attendees"]
    # mm of the 247 mm landscape text width, with cell margins of 1 mm: 12月24日 needs
    # 23 mm, 15:00–17:00 26 mm, 支部委员会会议 32 mm, 第二党小组11月党小组会 51 mm,
    # 第一党小组全体党员（5人） 57 mm (12 pt characters are 4.2 mm); a speaker takes
    # four characters a line.
    weights = ([11, 24, 26, 32, 51, 20, 24, 59] if b.zh
               else [10, 18, 27, 30, 51, 26, 35, 50])
    b.tag("{%p for q in quarters %}")
    # the quarter's count is in its heading: a line under the table could be left alone
    # at the top of the next page
    b.para("Heading1", b.t('{{ "一二三四"[loop.index0] }}、', ""), "{{ q.title }}",
           "{% if q.count %}", b.t("（共", " ("), "{{ q.count }}", b.t("项）", " sessions)"),
           "{% endif %}")
    b.tag("{%p if q.count %}")
    table = b.table(weights, head.split(" ") if b.zh else head.split("|"), [
        # a month without sessions has no row
        [["{%tr for month in q.months if month.rows %}"]],
        [["{{ month.title }}"]],
        [["{%tr for row in month.rows %}"]],
        [[f"{{{{ row.{f} }}}}"] for f in fields],
        [["{%tr endfor %}"]],
        [["{%tr endfor %}"]],
    ], center=[True, True, True, True, False, True, True, False], margin=1)
    b.span_row(table.rows[2], "TableHeading", align="left")
    b.tag("{%p else %}")
    b.body(b.t("本季度未安排活动。", "No sessions this quarter."))
    b.tag("{%p endif %}")
    b.tag("{%p endfor %}")

    b.h1(b.t("五、各成员计划学时", "Planned study hours by member"))
    note = b.para("Note", b.t("年度要求按全年在支部的时间折算；未列要求的人员不作学时要求。",
                              "The floor is pro rata to the time spent in the branch during "
                              "the year; a member without one has no hours to meet."))
    note.paragraph_format.keep_with_next = True
    members = b.table([30, 36, 70, 40, 34, 37] if b.zh else [32, 58, 56, 36, 30, 35],
            b.t("姓名 类别 岗位 年度要求（学时） 计划学时 情况",
                "Name|Standing|Post|Yearly floor (hours)|Planned hours|Status").split(
                " " if b.zh else "|"), [
        [["{%tr for m in members %}"]],
        [["{{ m.name }}"], ["{{ m.party }}"], ["{{ m.post }}"], ["{{ m.floor }}"],
         ["{{ m.planned }}"], ["{{ m.status }}"]],
        [["{%tr endfor %}"]],
    ], center=[True, True, False, True, True, True])
    _approval(b, members.rows[2])


def _approval(b: Builder, last_row=None, seal: str | None = None) -> None:
    """The approval block a branch files under a table: 制表人, 审核人, 日期 as blanks to
    fill in by hand, and the seal. ``last_row`` (the table's repeated row) keeps with it,
    as far as a page holds them: never a seal alone under no text."""
    if last_row is not None:
        for cell in last_row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    sign = b.para("Normal", b.t("制表人：__________", "Prepared by: ______________"), "\t",
                  b.t("审核人：__________", "Checked by: ______________"), "\t",
                  b.t("日期：____年__月__日", "Date: ______________"), "\t",
                  seal or b.t("党支部（盖章）", "Branch seal"))
    stops = sign.paragraph_format.tab_stops
    for quarter in (1, 2):
        stops.add_tab_stop(Emu(b.width * quarter // 4))
    stops.add_tab_stop(Emu(b.width), WD_TAB_ALIGNMENT.RIGHT)
    sign.paragraph_format.space_before = Pt(16)      # air to sign in


def _excused(b: Builder) -> None:
    """请假人员: names only (their dates are their own), and the make-up study due."""
    b.tag("{%p if excused %}")
    b.body((b.t("请假人员：", "On leave: "), "label"), "{{ excused_names }}",
           "{% if makeup %}", b.t("（", " ("), "{{ makeup }}", b.t("）", ")"), "{% endif %}",
           b.t("。", "."))
    b.tag("{%p endif %}")


def _followups(b: Builder) -> None:
    """上次会议决议落实情况: the open action items of earlier meetings of the kind."""
    b.tag("{%p if followups %}")
    b.body((b.t("上次会议决议落实情况：", "Follow-up of earlier decisions:"), "label"))
    b.table([13, 75, 22, 28, 18] if b.zh else [12, 72, 24, 28, 20],
            [b.t("序号", "No."), b.t("任务", "Task"), b.t("责任人", "Owner"),
             b.t("完成时限", "Due"), b.t("情况", "Status")], [
        [["{%tr for f in followups %}"]],
        [["{{ loop.index }}"], ["{{ f.task }}"], ["{{ f.owner }}"], ["{{ f.due }}"],
         ["{{ f.status }}"]],
        [["{%tr endfor %}"]],
    ], center=[True, False, True, True, True])
    b.tag("{%p endif %}")


def report(b: Builder) -> None:
    """学习教育台账: a header block, one section per requirement, the approval block."""
    b.title("{{ title }}")
    b.para("Subtitle", "{{ as_of }}")
    b.table([30, 94, 30, 93] if b.zh else [34, 90, 34, 89], None, [
        [[b.t("党支部", "Branch")], ["{{ org.name }}"], [b.t("所在单位", "Unit")],
         ["{{ org.unit }}"]],
        [[b.t("统计期间", "Period")], ["{{ header.period }}"], [b.t("支部书记", "Secretary")],
         ["{{ header.secretary }}"]],
        [[b.t("党员人数", "Party members")], ["{{ header.members }}"],
         [b.t("参加学习人数", "Members studying")], ["{{ header.studying }}"]],
    ], center=[True, False, True, False], repeat_header=False)
    b.body(b.t("本期共开展活动", "Sessions held: "), "{{ summary.held }}",
           b.t("次；学时进度滞后", "; members behind on hours: "), "{{ summary.behind }}",
           b.t("人；组织生活缺", "; meetings missing: "), "{{ summary.missing }}",
           b.t("次；未完成补学", "; make-up study open: "), "{{ summary.makeup_open }}",
           b.t("项；未落实决议事项", "; action items open: "), "{{ summary.actions_open }}",
           b.t("项；会议人数或表决问题", "; quorum or vote problems: "), "{{ summary.flags }}",
           b.t("项。", "."))
    # mm of the 247 mm landscape text width; T centres a column (numbers, dates, yes/no)
    T, F = True, False
    sections = [("hours", [40, 40, 32, 28, 28, 34, 28], [F, T, T, T, T, T, T]),
                ("meetings", [55, 26, 26, 22, 118], [F, T, T, T, F]),
                ("quorum", [100, 40, 30, 30, 47], [F, T, T, T, T]),
                ("votes", [60, 92, 18, 18, 18, 21, 20], [F, F, T, T, T, T, F]),
                ("makeup", [24, 84, 26, 16, 26, 30, 41], [T, F, T, T, T, T, F]),
                ("actions", [56, 89, 22, 26, 26, 28], [F, F, T, T, T, F]),
                ("growth", [26, 40, 36, 24, 121], [T, F, T, T, F])]
    last = None
    for key, weights, center in sections:
        if key != "votes":
            b.h1(f"{{{{ tables.{key}.title }}}}")
        else:
            # its own heading, so that no reader takes it for more rows of the one above
            b.tag("{%p if tables.votes.rows %}")
            b.h2("{{ tables.votes.title }}")
        b.tag(f"{{%p if tables.{key}.rows %}}")
        last = b.table(weights, [f"{{{{ tables.{key}.headers[{i}] }}}}"
                                 for i in range(len(weights))], [
            [[f"{{%tr for r in tables.{key}.rows %}}"]],
            [[f"{{{{ r[{i}] }}}}"] for i in range(len(weights))],
            [["{%tr endfor %}"]],
        ], center=center)
        b.tag("{%p else %}")
        b.body(b.t("无。", "None."))
        b.tag("{%p endif %}")
        if key == "votes":
            b.tag("{%p endif %}")
    _approval(b, last.rows[2] if last is not None else None)


def district(b: Builder) -> None:
    b.title("{{ title }}")
    b.tag("{%p if as_of %}")
    b.para("Subtitle", "{{ as_of }}")
    b.tag("{%p endif %}")
    b.body(b.t("共", "Branches: "), "{{ summary.branches }}",
           b.t("个支部；未能统计", "; not counted: "), "{{ summary.failed }}",
           b.t("个；学时进度滞后共", "; members behind on hours: "), "{{ summary.behind }}",
           b.t("人；组织生活共缺", "; meetings missing: "), "{{ summary.missing }}",
           b.t("次；已开展民主评议的支部", "; branches that held the evaluation: "),
           "{{ summary.evaluated }}", b.t("个。", "."))
    T, F = True, False
    # 组织生活（已开展/应开展） is twelve characters, 逾期决议事项 six: one line each
    # in English, no header word broken: Members, Missing, problems on one line each
    widths = [([66, 14, 55, 12, 22, 26, 30, 22] if b.zh else [54, 25, 44, 20, 23, 26, 28, 27],
               [F, T, T, T, T, T, T, T]),
              ([150, 50, 47], [F, T, T]), ([90, 157], [F, F]),
              # each branch's evaluation and the year's scorecard
              ([56, 27, 30, 36, 36, 31, 31] if b.zh else [59, 30, 30, 35, 30, 30, 33],
               [F, T, T, T, T, T, T])]
    last = None
    for i, (weights, center) in enumerate(widths):
        b.h1(f"{{{{ tables[{i}].title }}}}")
        b.tag(f"{{%p if tables[{i}].rows %}}")
        last = b.table(weights, [f"{{{{ tables[{i}].headers[{j}] }}}}"
                                 for j in range(len(weights))], [
            [[f"{{%tr for r in tables[{i}].rows %}}"]],
            [[f"{{{{ r[{j}] }}}}"] for j in range(len(weights))],
            [["{%tr endfor %}"]],
        ], center=center)
        b.tag("{%p else %}")
        b.body(b.t("无。", "None."))
        b.tag("{%p endif %}")
    _approval(b, last.rows[2] if last is not None else None,
              b.t("填报单位（盖章）", "Issued by (seal)"))


def plan_activity(b: Builder) -> None:
    _branch_title(b, "{{ session.heading }}", b.t("活动方案", " — Activity Plan"))
    b.h1(b.t("一、活动目的", "1. Purpose"))
    _or_blank(b, "purpose", "{{ purpose }}")
    b.h1(b.t("二、活动主题", "2. Theme"))
    _or_blank(b, "theme", "{{ theme }}")
    b.h1(b.t("三、时间地点", "3. Time and venue"))
    b.body(b.t("时间：", "Time: "), "{{ session.date }}", " ", "{{ session.time }}")
    b.body(b.t("地点：", "Venue: "), "{% if session.venue %}", "{{ session.venue }}",
           "{% else %}", BLANK_SHORT[b.zh], "{% endif %}")
    b.h1(b.t("四、参加人员", "4. Participants"))
    b.body("{{ participants }}")
    _excused(b)
    b.h1(b.t("五、活动议程", "5. Agenda"))
    b.table([30, 96] if b.zh else [32, 96], [b.t("时间", "Time"), b.t("内容", "Item")], [
        [["{%tr for a in agenda %}"]],
        [["{{ a.time }}"], ["{{ a.item }}"]],
        [["{%tr endfor %}"]],
    ], center=[True, False])
    _followups(b)
    b.h1(b.t("六、职责分工", "6. Duties"))
    b.tag("{%p for d in duties %}")
    duty = b.body("{{ d.duty }}", b.t("：", ": "), "{% if d.who %}", "{{ d.who }}",
                  "{% else %}", BLANK_SHORT[b.zh], "{% endif %}")
    duty.paragraph_format.keep_with_next = True      # the few duties on one page
    b.tag("{%p endfor %}")
    b.h1(b.t("七、有关要求", "7. Requirements"))
    b.numbered("r", "requirements", "{{ r }}")
    b.h1(b.t("八、资料归档", "8. Filing"))
    b.body("{{ filing }}").paragraph_format.keep_with_next = True
    _plan_approval(b)


def plan_lesson(b: Builder) -> None:
    title = _branch_title(b, "{{ session.title }}")
    title.paragraph_format.space_after = 0
    b.para("Subtitle", b.t("", "Lesson plan: "), "{{ session.kind }}", b.t("教案", ""))
    label = b.t
    b.info_table([22, 56, 22, 56] if b.zh else [24, 56, 24, 56], [
        [("label", label("主讲人", "Speaker")), ("value", ["{{ session.speaker }}"]),
         ("label", label("学时", "Hours")), ("value", ["{{ session.hours }}"])],
        [("label", label("时间", "Time")),
         ("value", ["{{ session.date }}", " ", "{{ session.time }}"], 3)],
        [("label", label("地点", "Venue")), ("value", ["{{ session.venue }}"], 3)],
        [("label", label("授课对象", "Audience")), ("value", ["{{ participants }}"], 3)],
    ])
    b.body("")
    b.h1(b.t("一、教学目的", "1. Aims"))
    b.tag("{%p if purpose %}")
    b.body("{{ purpose }}")
    b.tag("{%p endif %}")
    _numbered_or_blank(b, "a", "aims", "{{ a }}")
    b.h1(b.t("二、教学重点", "2. Key points"))
    _numbered_or_blank(b, "k", "key_points", "{{ k }}")
    b.h1(b.t("三、教学方法", "3. Method"))
    b.body("{{ method }}")
    b.h1(b.t("四、教学过程", "4. Outline"))
    b.table([22, 104, 30] if b.zh else [30, 100, 26], [b.t("环节", "Stage"), b.t("内容", "Content"),
                            b.t("时间（分钟）", "Minutes")], [
        [["{%tr for o in outline %}"]],
        [["{{ o.stage }}"], ["{{ o.content }}"], ["{{ o.minutes }}"]],
        [["{%tr endfor %}"]],
    ], center=[True, False, True])
    b.h1(b.t("五、参考资料", "5. References"))
    _numbered_or_blank(b, "m", "materials", "{{ m }}")
    b.h1(b.t("六、研讨题", "6. Questions for discussion"))
    _numbered_or_blank(b, "q", "questions", "{{ q }}")
    b.h1(b.t("七、参加人员及原因", "7. Who attends and why"))
    # one row per reason: 正式党员 | 唐树、陈静… | 9
    groups = b.table([13, 60, 70, 13] if b.zh else [12, 62, 66, 16],
                     [b.t("序号", "No."), b.t("参加原因", "Reason"), b.t("人员", "Members"),
                      b.t("人数", "Count")], [
        [["{%tr for g in attendee_groups %}"]],
        [["{{ loop.index }}"], ["{{ g.reason }}"], ["{{ g.names }}"], ["{{ g.count }}"]],
        [["{%tr endfor %}"]],
    ], center=[True, False, False, True])
    _keep_with_next(groups)
    _excused(b)
    _plan_approval(b)


def attendance(b: Builder) -> None:
    _branch_title(b, "{{ session.heading }}", b.t("签到表", " — Sign-in Sheet"))
    b.tag("{%p if theme %}")
    b.field(b.t("主题：", "Theme: "), "{{ theme }}")
    b.tag("{%p endif %}")
    b.field(b.t("时间：", "Time: "), "{{ session.date }}", " ", "{{ session.time }}")
    b.field(b.t("地点：", "Venue: "), "{{ session.venue }}")
    b.field(b.t("主持人：", "Chair: "), "{{ session.chair }}")
    b.body(b.t("应到", "Expected: "), "{{ expected }}",
           b.t("人　实到＿＿＿人　请假＿＿＿人", "    Present: ____    On leave: ____"))
    # 备注 is for the day, by hand; the plan's 请假 is all it says beforehand
    b.table([13, 19, 22, 34, 21, 28, 19] if b.zh else [12, 24, 34, 24, 21, 26, 19],
            b.t("序号 姓名 党员类别 岗位 签到时间 本人签名 备注",
                "No.|Name|Standing|Post|Time in|Signature|Notes").split(
                " " if b.zh else "|"), [
        [["{%tr for row in rows %}"]],
        [["{{ row.no }}"], ["{{ row.name }}"], ["{{ row.party }}"], ["{{ row.post }}"],
         None, None, ["{{ row.note }}"]],
        [["{%tr endfor %}"]],
    ], center=[True, True, True, False, True, False, True], row_height=0.8)
    b.tag("{%p if guest_rows %}")
    b.h1(b.t("列席人员", "Guests"))
    guests = b.table([13, 24, 58, 24, 37] if b.zh else [12, 30, 54, 26, 38],
                     b.t("序号 姓名 单位/职务 签到时间 本人签名",
                         "No.|Name|Organisation / post|Time in|Signature").split(
                         " " if b.zh else "|"), [
        [["{%tr for g in guest_rows %}"]],
        [["{{ g.no }}"], None, None, None, None],
        [["{%tr endfor %}"]],
    ], center=[True, True, False, True, False], row_height=0.8)
    _keep_with_next(guests)      # the few rows of guests on one page, under their heading
    b.tag("{%p endif %}")


def minutes(b: Builder) -> None:
    # a meeting's minutes (会议记录); a course's record carries its kind under the title
    title = _branch_title(b, "{% if meeting %}", b.t("", "Minutes: "), "{% elif not course %}",
                          b.t("", "Record: "), "{% endif %}", "{{ title }}",
                          "{% if not course %}", b.t("记录", ""), "{% endif %}")
    title.paragraph_format.space_after = 0
    b.tag("{%p if course %}")
    b.para("Subtitle", "{{ session.kind }}", b.t("记录", " — record"))
    b.tag("{%p else %}")
    b.para("Normal", "")           # the title's air, where no subtitle follows
    b.tag("{%p endif %}")
    b.tag("{%p if theme %}")
    b.field(b.t("主题：", "Theme: "), "{{ theme }}")
    b.tag("{%p endif %}")
    b.field(b.t("时间：", "Time: "), "{{ session.date }}", " ", "{{ session.time }}")
    b.field(b.t("地点：", "Venue: "), "{{ session.venue }}")
    b.field(b.t("主持人：", "Chair: "), "{{ chair }}")
    b.tag("{%p if course %}")
    b.field(b.t("主讲人：", "Speaker: "), "{% if session.speaker %}", "{{ session.speaker }}",
            "{% else %}", BLANK_SHORT[b.zh], "{% endif %}")
    b.tag("{%p endif %}")
    b.field(b.t("记录人：", "Recorder: "), "{% if recorder %}", "{{ recorder }}", "{% else %}",
            BLANK_SHORT[b.zh], "{% endif %}")
    b.field(b.t("出席情况：", "Attendance: "), "{{ attendance }}")
    b.tag("{%p if present %}")
    b.field(b.t("出席人员：", "Present: "), "{{ present }}")
    b.tag("{%p endif %}")
    b.tag("{%p if absent %}")
    b.field(b.t("缺席人员及原因：", "Absent (reason): "),
            "{% for a in absent %}", "{{ a.name }}", b.t("（", " ("), "{{ a.reason }}",
            b.t("）", ")"), "{% if not loop.last %}", b.t("、", "; "), "{% endif %}",
            "{% endfor %}")
    b.tag("{%p endif %}")
    b.tag("{%p if late %}")
    b.field(b.t("迟到人员：", "Late: "), "{{ late }}")
    b.tag("{%p endif %}")
    b.tag("{%p if guests %}")
    b.field(b.t("列席人员：", "Guests: "), "{{ guests }}")
    b.tag("{%p endif %}")

    b.tag("{%p if topics %}")
    b.para("Heading1", "{% if meeting %}", b.t("会议议题", "Agenda"), "{% elif course %}",
           b.t("学习内容", "Programme"), "{% else %}", b.t("活动内容", "Programme"),
           "{% endif %}")
    b.numbered("t", "topics", "{{ t }}")
    b.tag("{%p endif %}")
    _followups(b)

    b.tag("{%p if materials %}")
    b.h1(b.t("学习材料", "Study materials"))
    b.numbered("m", "materials", "{{ m }}")
    b.tag("{%p endif %}")

    b.tag("{%p if speeches %}")
    b.para("Heading1", "{% if meeting %}", b.t("会议内容", "Discussion"), "{% elif course %}",
           b.t("讲授与交流", "Talk and discussion"), "{% else %}",
           b.t("活动情况", "What was done"), "{% endif %}")
    b.tag("{%p for s in speeches %}")
    b.body("{{ s.who }}", b.t("：", ": "), "{{ s.said }}")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    b.tag("{%p if votes %}")
    b.h1(b.t("表决情况", "Votes"))
    b.tag("{%p for v in votes %}")
    b.body("{{ loop.index }}", b.t("．", ". "), "{{ v.motion }}")
    # quorum_text and result_text carry the figures: 应到…实到…; 赞成…票，反对…
    b.body(b.t("法定人数：", "Quorum: "), "{{ v.quorum_text }}", b.t("。", "."))
    b.body(b.t("表决结果：", "Result: "), "{{ v.result_text }}", b.t("。", "."))
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")

    # at the assembly that evaluated the party members: the tally and grade of each
    b.tag("{%p if evaluation %}")
    b.h1(b.t("民主评议情况", "Evaluation of party members"))
    b.body("{{ evaluation.summary }}", b.t("。", "."))
    b.tag("{%p if evaluation.rows %}")
    if b.zh:
        _tally_table(b, "evaluation.rows", [("序号", 12, "r.no"), ("姓名", 24, "r.name"),
                                            ("党员类别", 24, "r.party")], [17, 17, 20, 17],
                     [("评定等次", 25, "r.grade")])
    else:
        b.table([11, 30, 85, 30], ["No.", "Name", "Ballot", "Grade"], [
            [["{%tr for r in evaluation.rows %}"]],
            [["{{ r.no }}"], ["{{ r.name }}"], ["{{ r.ballot }}"], ["{{ r.grade }}"]],
            [["{%tr endfor %}"]],
        ], center=[True, True, False, True])
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.tag("{%p if decisions %}")
    b.h1(b.t("会议决定", "Decisions"))
    b.numbered("d", "decisions", "{{ d }}")
    b.tag("{%p endif %}")

    b.tag("{%p if actions %}")
    b.h1(b.t("任务分工", "Action items"))
    b.table([13, 75, 28, 40], [b.t("序号", "No."), b.t("任务", "Task"),
                               b.t("责任人", "Owner"), b.t("完成时限", "Due")], [
        [["{%tr for a in actions %}"]],
        [["{{ loop.index }}"], ["{{ a.task }}"], ["{{ a.owner }}"], ["{{ a.due }}"]],
        [["{%tr endfor %}"]],
    ], center=[True, False, True, True])
    b.tag("{%p endif %}")

    # a meeting's summary when there is one; a course or an activity ends with its own,
    # on ruled lines when the record has none
    b.tag("{%p if summary or not meeting %}")
    b.para("Heading1", "{% if meeting %}", b.t("主持人小结", "Chair's summary"),
           "{% elif course %}", b.t("学习小结", "Summary and reflections"), "{% else %}",
           b.t("活动小结", "Summary"), "{% endif %}")
    # the last lines keep with the signatures: never signatures alone on a page
    b.tag("{%p if summary %}")
    b.body("{{ summary }}").paragraph_format.keep_with_next = True
    b.tag("{%p else %}")
    _blank(b).paragraph_format.keep_with_next = True
    _blank(b).paragraph_format.keep_with_next = True
    b.tag("{%p endif %}")
    b.tag("{%p endif %}")

    b.tag("{%p if meeting %}")
    b.body(b.t("散会。", "The meeting closed.")).paragraph_format.keep_with_next = True
    b.tag("{%p endif %}")
    b.body("").paragraph_format.keep_with_next = True
    sign = b.para("Normal",
                  b.t("主持人（签字）：＿＿＿＿", "Chair (signature): ______________"), "\t",
                  b.t("记录人（签字）：＿＿＿＿", "Recorder (signature): ______________"))
    sign.paragraph_format.tab_stops.add_tab_stop(Emu(b.width // 2))
    b.tag("{%p if attachments %}")
    b.body("")
    b.field(b.t("附件：", "Attachments:"))
    b.numbered("a", "attachments", "{{ a }}")
    b.tag("{%p endif %}")


# --- shared by the session documents: titles, blanks to fill in, the approval block ---

# A ruled blank, where the data says nothing and the branch writes it in by hand: a body
# line's width (3号 characters after the indent; 12 pt Times), and a name's.
BLANK_LINE = {True: "＿" * 24, False: "_" * 64}
BLANK_SHORT = {True: "＿" * 6, False: "_" * 16}


def _blank(b: Builder):
    return b.body(BLANK_LINE[b.zh])


def _or_blank(b: Builder, var: str, *pieces: Piece) -> None:
    """The text of ``var``, or a ruled line when it is empty."""
    b.tag(f"{{%p if {var} %}}")
    b.body(*pieces)
    b.tag("{%p else %}")
    _blank(b)
    b.tag("{%p endif %}")


def _numbered_or_blank(b: Builder, var: str, items: str, *pieces: Piece) -> None:
    """A numbered paragraph per item, or a ruled line when there is none."""
    b.tag(f"{{%p if {items} %}}")
    b.numbered(var, items, *pieces)
    b.tag("{%p else %}")
    _blank(b)
    b.tag("{%p endif %}")


def _branch_title(b: Builder, *pieces: str):
    """The title on two lines, as branches file them: the branch's name, then the
    document's (亭湖区劳动就业服务中心党支部 / 2027年1月主题党日活动方案)."""
    p = b.title("{{ org.name }}")
    font = b.look.fonts["title"]
    b._run(p, "", font)._r.append(parse_xml(f"<w:br {W}/>"))
    for piece in pieces:
        if piece:
            b._run(p, piece, font)
    return p


def _keep_with_next(table) -> None:
    """Every row of ``table`` stays on the page of what follows it (a short table)."""
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True


def _plan_approval(b: Builder) -> None:
    """The end of a session's plan (portrait, a page of text above it): who drew it up
    and who checked it, the date, and under them the branch's seal by its name
    (中共……党支部（盖章）), all signed by hand. A table's is :func:`_approval`."""
    sign = b.para("Note", b.t("制表人：＿＿＿＿", "Prepared by: __________"), "\t",
                  b.t("审核人：＿＿＿＿", "Checked by: __________"), "\t",
                  b.t("日期：＿＿年＿＿月＿＿日", "Date: __________"))
    stops = sign.paragraph_format.tab_stops
    # 14 pt: 制表人 takes 8 characters (40 mm) of the 156 mm, the date 12 at the right
    stops.add_tab_stop(Emu(int(b.width * (0.31 if b.zh else 0.37))))
    stops.add_tab_stop(Emu(b.width), WD_TAB_ALIGNMENT.RIGHT)
    sign.paragraph_format.space_before = Pt(24)      # air to sign in
    sign.paragraph_format.keep_with_next = True
    seal = b.para("Closing", "{{ seal }}")
    seal.paragraph_format.space_before = Pt(24)      # room for the stamp


# --- the year's evaluation (民主评议党员): ballot, register, summary, scorecard ---------

# a ruled line across a form's wide value cell (12 pt: 29 ＿ in its 127 mm; 11 pt Times)
FORM_LINE = {True: "＿" * 29, False: "_" * 62}
# the height of a ruled line written on by hand
RULED_PITCH = Pt(26)


def _or_ruled(b: Builder, var: str, blank: str | None = None) -> list[Piece]:
    """The pieces of ``var``'s value, or a ruled blank where it is empty."""
    return ["{% if " + var + " %}", "{{ " + var + " }}", "{% else %}",
            blank or BLANK_SHORT[b.zh], "{% endif %}"]


def _ruled_lines(b: Builder, table) -> None:
    """Every ruled line of a form as high as handwriting needs."""
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                if p.text == FORM_LINE[b.zh]:
                    p.paragraph_format.line_spacing = RULED_PITCH


def _label(b: Builder, zh: str, en: str) -> tuple[str, str]:
    return ("label", b.t(zh, en))


def evaluation_ballot(b: Builder) -> None:
    """民主测评表: the ballot handed out at the meeting, a row per member to be evaluated in
    the curriculum's order, a box per grade to tick; no score, no rank."""
    _branch_title(b, b.t("", "Evaluation of party members "), "{{ year }}",
                  b.t("年度民主评议党员民主测评表", ": ballot"))
    note = b.para("Note", (b.t("说明：", "How to fill in:"), "label"))
    note.paragraph_format.keep_with_next = True
    for line in (
            [b.t("1．请在每名党员对应的等次栏内划“√”，每名党员只选一个等次；不选或多选的，"
                 "对该党员的测评无效。",
                 "1. Tick (√) one grade for each member; a member with no grade or more than "
                 "one ticked is not counted.")],
            [b.t("2．评为“优秀”的不超过", "2. Tick excellent for at most "),
             "{{ excellent_max }}", b.t("名，超过的本表无效。", " of the members; a ballot "
                                        "with more is void.")],
            [b.t("3．本表可不署名，填好后当场投入票箱。",
                 "3. You need not sign the ballot; put it in the box before you leave.")]):
        item = b.para("Note", *line)
        item.paragraph_format.keep_with_next = True
    item.paragraph_format.space_after = Pt(8)
    head = b.t("序号 姓名 党员类别 优秀 合格 基本合格 不合格 备注",
               "No.|Name|Standing|Excellent|Qualified|Basically qualified|Unqualified|Notes")
    # mm of the 156 mm text width (1 mm cell margins): 基本合格 takes 19 mm; in English
    # (160 mm, the header in 10 pt) Unqualified 23 mm in bold DejaVu Sans (Arial's wider
    # stand-in), probationary 26 mm in DejaVu Serif
    weights = [12, 22, 24, 17, 17, 21, 18, 25] if b.zh else [10, 16, 28, 21, 21, 21, 27, 16]
    table = b.table(weights, head.split(" " if b.zh else "|"), [
        [["{%tr for r in rows %}"]],
        [["{{ r.no }}"], ["{{ r.name }}"], ["{{ r.party }}"], None, None, None, None, None],
        [["{%tr endfor %}"]],
    ], center=[True, True, True, True, True, True, True, False], row_height=1.0, margin=1)
    for cell in table.rows[2].cells:          # the last rows keep with the signature
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    if not b.zh:                              # the grades' names, each on a line
        for cell in table.rows[0].cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(10)
    sign = b.para("Note", b.t("测评人（可不署名）：＿＿＿＿＿",
                              "Voter (need not sign): ______________"), "\t",
                  b.t("日期：＿＿年＿＿月＿＿日", "Date: ______________"))
    sign.paragraph_format.tab_stops.add_tab_stop(Emu(b.width), WD_TAB_ALIGNMENT.RIGHT)
    sign.paragraph_format.space_before = Pt(18)


def evaluation_register(b: Builder) -> None:
    """党员民主评议登记表: one member's year (the facts the records hold, a ruled blank
    where they hold nothing), then the evaluation itself, to write in by hand."""
    _branch_title(b, b.t("", "Member's evaluation record, "), "{{ year }}",
                  b.t("年度党员民主评议登记表", ""))
    line = FORM_LINE[b.zh]
    m = "member."

    def label(zh: str, en: str) -> tuple[str, str]:
        return _label(b, zh, en)

    def wide(*paragraphs: list[Piece]) -> tuple:
        return ("value", list(paragraphs), 3)

    # English labels take more room (Attendance, Committee's: 27 mm in bold DejaVu Sans)
    wide_labels = [26, 52, 26, 52] if b.zh else [32, 48, 32, 48]
    facts = b.form(wide_labels, [
        ([label("姓名", "Name"), ("value", [[f"{{{{ {m}name }}}}"]]),
          label("党员类别", "Standing"), ("value", [[f"{{{{ {m}party }}}}"]])], 0.9),
        ([label("岗位", "Post"), ("value", [_or_ruled(b, m + "post")]),
          label("党小组", "Party group"), ("value", [_or_ruled(b, m + "group")])], 0.9),
        ([label("先锋岗\n及承诺", "Pioneer post\nand pledge"), wide(
            ["{% if member.pioneer %}", "{% for p in member.pioneer %}", "{{ p.text }}",
             "{% if not loop.last %}", b.t("；", "; "), "{% endif %}", "{% endfor %}",
             "{% else %}", line, "{% endif %}"])], 0.9),
        ([label("学时", "Study hours"), wide(_or_ruled(b, m + "hours", line))], 0.9),
        ([label("组织生活\n出勤", "Attendance"), wide(
            ["{{ member.attendance }}", b.t("。", ".")],
            ["{%p for a in member.absences %}"],
            [b.t("缺席：", "Absent: "), "{{ a }}"],
            ["{%p endfor %}"])], 1.2),
        ([label("承担事项", "Actions\nowned"), wide(
            ["{%p if member.actions %}"],
            ["{{ member.actions_line }}", b.t("：", ":")],
            ["{%p for a in member.actions %}"],
            ["{{ loop.index }}", b.t("．", ". "), "{{ a.task }}", b.t("（", " ("),
             "{{ a.status }}", b.t("）", ")")],
            ["{%p endfor %}"],
            ["{%p else %}"],
            [line],
            ["{%p endif %}"])], 1.2),
        ([label("挂钩服务\n企业走访", "Service\nvisits"), wide(
            ["{%p if member.visits %}"],
            ["{{ member.visits_line }}", b.t("：", ":")],
            ["{%p for v in member.visits %}"],
            ["{{ v.day }}", b.t("　", ", "), "{{ v.enterprise }}",
             "{% if v.asked %}", b.t("；诉求：", "; asked: "), "{{ v.asked }}", "{% endif %}",
             "{% if v.solved %}", b.t("；解决：", "; done: "), "{{ v.solved }}", "{% endif %}"],
            ["{%p endfor %}"],
            ["{%p else %}"],
            [line],
            ["{%p endif %}"])], 1.2),
        ([label("业务指标", "Business\nindicators"), wide(
            ["{%p if member.indicators %}"],
            ["{%p for i in member.indicators %}"],
            ["{{ i }}"],
            ["{%p endfor %}"],
            ["{%p else %}"],
            [line],
            ["{%p endif %}"])], 1.2),
    ])
    _ruled_lines(b, facts)
    # the evaluation, written in by hand at the meetings: kept on one page with the
    # signatures
    grades = b.t("□优秀　　□合格　　□基本合格　　□不合格",
                 "□ excellent   □ qualified   □ basically qualified   □ unqualified")
    tally = b.t("优秀＿＿票，合格＿＿票，基本合格＿＿票，不合格＿＿票",
                "excellent ____, qualified ____, basically qualified ____, "
                "unqualified ____")
    b.para("Normal", "").paragraph_format.keep_with_next = True
    opinion = b.form([26, 130] if b.zh else [32, 128], [
        ([label("个人自评", "Self-\nassessment"), ("value", [[line]] * 8)], 0.9),
        ([label("党小组\n意见", "Party group's\nopinion"), ("value", [[line]] * 4)], 0.9),
        ([label("民主测评\n结果", "Ballot"), ("value", [
            ["{% if member.ballot %}", "{{ member.ballot.text }}", "{% else %}", tally,
             "{% endif %}"]])], 1.2),
        ([label("支部委员会\n意见", "Committee's\nopinion"), ("value", [[line]] * 4)], 0.9),
        ([label("党员大会\n评定等次", "Grade decided\nby the assembly"), ("value", [
            ["{% if member.grade %}", "{{ member.grade }}", "{% else %}", grades,
             "{% endif %}"]])], 1.2),
    ])
    _ruled_lines(b, opinion)
    _keep_with_next(opinion)
    sign = b.para("Note", b.t("本人签名：＿＿＿＿", "Member: ______________"), "\t",
                  b.t("支部书记签名：＿＿＿＿", "Secretary: ______________"), "\t",
                  b.t("＿＿年＿＿月＿＿日", "Date: ______________"))
    stops = sign.paragraph_format.tab_stops
    # 14 pt: 本人签名 takes 9 characters (44 mm) of the 156 mm, the date 9 at the right
    stops.add_tab_stop(Emu(int(b.width * (0.31 if b.zh else 0.36))))
    stops.add_tab_stop(Emu(b.width), WD_TAB_ALIGNMENT.RIGHT)
    sign.paragraph_format.space_before = Pt(18)


def _tally_table(b: Builder, rows: str, before: Sequence[tuple[str, float, str]],
                 grades: Sequence[float], after: Sequence[tuple[str, float, str]]):
    """A table of members with their ballot (Chinese documents): the columns ``before``
    and ``after`` (header, weight, value) over both header rows, 民主测评票数 over the four
    grades' columns (``grades``: their weights), each one's votes in ``r.tally``."""
    names = ("优秀", "合格", "基本合格", "不合格")
    cells = [*(f"{{{{ {v} }}}}" for _, _, v in before),
             *(f"{{{{ r.tally.{g} }}}}" for g in ("excellent", "qualified", "basic",
                                                   "unqualified")),
             *(f"{{{{ {v} }}}}" for _, _, v in after)]
    table = b.table([*(w for _, w, _ in before), *grades, *(w for _, w, _ in after)],
                    [*(h for h, _, _ in before), "民主测评票数", "", "", "",
                     *(h for h, _, _ in after)], [
        [None] * len(cells),
        [[f"{{%tr for r in {rows} %}}"]],
        [[c] for c in cells],
        [["{%tr endfor %}"]],
    ], center=[True] * len(cells), margin=1)
    top, sub = table.rows[0], table.rows[1]
    for cell in sub.cells:
        cell.paragraphs[0]._p.style = "TableHeading"
    first = len(before)
    for cell, name in zip(sub.cells[first:first + 4], names, strict=True):
        b._run(cell.paragraphs[0], name, b.look.fonts["th"])
    sub._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))
    top.cells[first].merge(top.cells[first + 3])
    for i in [*range(first), *range(first + 4, len(cells))]:
        top.cells[i].merge(sub.cells[i])
    return table


def evaluation_summary(b: Builder) -> None:
    """民主评议结果汇总, for the higher committee: the meeting, the totals, each member's
    ballot and grade, the follow-ups, what needs explaining, the signatures and the
    higher committee's opinion."""
    _branch_title(b, b.t("", "Evaluation of party members "), "{{ year }}",
                  b.t("年度民主评议党员结果汇总表", ": summary"))

    def label(zh: str, en: str) -> tuple[str, str]:
        return _label(b, zh, en)

    b.form([26, 52, 26, 52] if b.zh else [32, 48, 32, 48], [
        ([label("党支部", "Branch"), ("value", [["{{ org.name }}"]], 3)], 0.9),
        ([label("评议时间", "Held on"), ("value", [_or_ruled(b, "day")]),
          label("支部书记", "Secretary"), ("value", [_or_ruled(b, "secretary")])], 0.9),
        ([label("到会情况", "Attendance"), ("value", [
            ["{% if turnout %}", "{{ turnout }}", "{% else %}",
             b.t("应到会党员＿＿名，实到＿＿名", "____ of ____ party members present"),
             "{% endif %}"]], 3)], 0.9),
    ])
    b.h1(b.t("一、评议结果", "1. Grades"))
    b.body(b.t("本支部应参加评议党员", "Party members to be evaluated: "), "{{ due }}",
           b.t("名，实际参评", "; evaluated: "), "{{ evaluated }}", b.t("名。", ". "),
           "{% if evaluated %}",
           b.t("评定优秀", "Excellent "), "{{ totals.excellent }}",
           b.t("名（占", " ("), "{{ share }}", b.t("），合格", "), qualified "),
           "{{ totals.qualified }}", b.t("名，基本合格", ", basically qualified "),
           "{{ totals.basic }}", b.t("名，不合格", ", unqualified "), "{{ totals.unqualified }}",
           b.t("名。", "."), "{% else %}", b.t("尚未评定等次。", "No grades decided yet."),
           "{% endif %}")
    T, F = True, False
    if b.zh:
        # mm of the 156 mm text width, with 1 mm cell margins: 整改或处置 takes 23 mm
        _tally_table(b, "rows", [("序号", 11, "r.no"), ("姓名", 18, "r.name"),
                                 ("党员类别", 21, "r.party")], [13, 13, 20, 16],
                     [("评定等次", 20, "r.grade"), ("整改或处置", 24, "r.followup")])
    else:
        b.table([11, 28, 30, 33, 27, 31],
                        ["No.", "Name", "Standing",
                         "Ballot: excellent / qualified / basic / unqualified", "Grade",
                         "Follow-up"], [
            [["{%tr for r in rows %}"]],
            [["{{ r.no }}"], ["{{ r.name }}"], ["{{ r.party }}"], ["{{ r.ballot }}"],
             ["{{ r.grade }}"], ["{{ r.followup }}"]],
            [["{%tr endfor %}"]],
        ], center=[T, T, T, T, T, T])
    b.h1(b.t("二、整改和处置", "2. Follow-up"))
    b.tag("{%p if followups %}")
    b.table([12, 20, 22, 62, 40] if b.zh else [11, 28, 27, 62, 32],
            [b.t("序号", "No."), b.t("姓名", "Name"), b.t("评定等次", "Grade"),
             b.t("整改或处置事项", "Action"), b.t("完成时限", "Due")], [
        [["{%tr for f in followups %}"]],
        [["{{ loop.index }}"], ["{{ f.name }}"], ["{{ f.grade }}"], ["{{ f.task }}"],
         ["{{ f.due }}"]],
        [["{%tr endfor %}"]],
    ], center=[T, T, T, F, T])
    b.tag("{%p else %}")
    b.body(b.t("无。", "None."))
    b.tag("{%p endif %}")
    b.h1(b.t("三、需要说明的情况", "3. Points to explain"))
    b.tag("{%p if flags %}")
    b.numbered("f", "flags", "{{ f }}", b.t("。", "."))
    b.tag("{%p else %}")
    b.body(b.t("无。", "None."))
    b.tag("{%p endif %}")
    # the signatures, the seal, and the higher committee's opinion in a box of its own
    sign = b.para("Note", b.t("支部书记（签字）：＿＿＿＿＿＿", "Branch secretary: ______________"),
                  "\t", b.t("日期：＿＿年＿＿月＿＿日", "Date: ______________"))
    sign.paragraph_format.tab_stops.add_tab_stop(Emu(b.width), WD_TAB_ALIGNMENT.RIGHT)
    sign.paragraph_format.space_before = Pt(24)
    sign.paragraph_format.keep_with_next = True
    seal = b.para("Closing", "{{ seal }}")
    seal.paragraph_format.space_before = Pt(18)
    seal.paragraph_format.space_after = Pt(12)
    seal.paragraph_format.keep_with_next = True
    line = FORM_LINE[b.zh][:27] if b.zh else FORM_LINE[b.zh][:60]
    box = b.form([30, 126] if b.zh else [32, 128], [
        ([label("上级党委\n意见", "Higher Party\ncommittee's\nopinion"), ("value", [
            [line], [line], [line],
            [b.t("（盖章）　＿＿年＿＿月＿＿日", "(seal)    Date: ______________")]])], 4.0),
    ])
    cell = box.rows[0].cells[1]
    for p in cell.paragraphs[:3]:
        p.paragraph_format.line_spacing = RULED_PITCH
    cell.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cell.paragraphs[-1].paragraph_format.space_before = Pt(12)


def evaluation_scorecard(b: Builder) -> None:
    """年度党建工作与业务工作考核情况: organisational life held against required, study and
    evaluation, business indicators by post; then who drew it up and the seal."""
    title = _branch_title(b, b.t("", "Party work and business work in "), "{{ year }}",
                          b.t("年度党建工作与业务工作考核情况", ""))
    title.paragraph_format.space_after = 0
    b.para("Subtitle", "{{ as_of }}")
    T, F = True, False
    sections = [("meetings", [52, 34, 36, 34], [F, T, T, T]),
                ("study", [86, 35, 35], [F, T, T]),
                ("business", [34, 40, 16, 22, 22, 22] if b.zh else [34, 40, 16, 22, 22, 26],
                 [F, F, T, T, T, T])]
    for key, weights, center in sections:
        b.h1(f"{{{{ tables.{key}.title }}}}")
        b.tag(f"{{%p if tables.{key}.rows %}}")
        b.table(weights, [f"{{{{ tables.{key}.headers[{i}] }}}}" for i in range(len(weights))], [
            [[f"{{%tr for r in tables.{key}.rows %}}"]],
            [[f"{{{{ r[{i}] }}}}"] for i in range(len(weights))],
            [["{%tr endfor %}"]],
        ], center=center)
        b.tag("{%p else %}")
        b.body(b.t("无。", "None."))
        b.tag("{%p endif %}")
    _plan_approval(b)


TEMPLATES = {
    "calendar": (calendar, True, ("季度学习计划表", "Quarterly study calendar")),
    "annual": (annual, True, ("年度学习计划", "Annual study plan")),
    "plan-activity": (plan_activity, False, ("活动方案", "Activity plan")),
    "plan-lesson": (plan_lesson, False, ("教案", "Lesson plan")),
    "attendance": (attendance, False, ("签到表", "Sign-in sheet")),
    "minutes": (minutes, False, ("会议记录", "Minutes")),
    "report": (report, True, ("学习教育台账", "Study ledger")),
    "district": (district, True, ("学习情况汇总", "District overview")),
    "evaluation-ballot": (evaluation_ballot, False, ("民主测评表", "Evaluation ballot")),
    "evaluation-register": (evaluation_register, False,
                            ("党员民主评议登记表", "Evaluation record of a member")),
    "evaluation-summary": (evaluation_summary, False,
                           ("民主评议结果汇总表", "Evaluation summary")),
    "evaluation-scorecard": (evaluation_scorecard, False,
                             ("年度党建工作与业务工作考核情况", "Party work and business work")),
}


def build(out: Path = HERE) -> list[Path]:
    written = []
    for look in (ZH, EN):
        for name, (make, landscape, titles) in TEMPLATES.items():
            b = Builder(look, titles[0] if look is ZH else titles[1], landscape=landscape)
            make(b)
            path = out / look.locale / f"{name}.docx"
            b.save(path)
            written.append(path)
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
