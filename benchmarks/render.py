"""Render Word documents: studykit's template engine against docxtpl and a lower bound.

Two workloads, built from the real example (``curricula/employment-centre.yaml``, its
plan for 2027Q1 and ``curricula/records/branch-assembly-2027q1.yaml``) and enlarged:

- **attendance**: sign-in sheets (``templates/zh-CN/attendance.docx``) of 50 rows each,
  with the keys of ``attendance_context``;
- **minutes**: minutes (``templates/zh-CN/minutes.docx``) that fill two A4 pages (the
  record plus a few members, a topic, a speech and a decision: the template's 公文
  layout holds about 600 characters a page), with the keys of ``minutes_context``.

Every document gets its own context (title number, a seeded RNG for names, figures and
sentences), all built before the clocks start, so nothing is cached by accident. Each
workload is rendered, in the same run and from the same contexts, by:

1. **studykit**: ``prepare`` once, then ``DocxTemplate.render(context)`` per document;
2. **docxtpl**: ``DocxTemplate(path)``, ``render(context, autoescape=True)`` and
   ``save`` to a ``BytesIO`` per document, as its documentation shows (autoescape on,
   because studykit always escapes: a name like ``R&D`` must not break the XML);
3. **docxtpl (reused)**: one ``DocxTemplate`` object rendered again and again;
   docxtpl allows it: ``render`` reloads the template .docx when the object was
   rendered before (``init_docx(reload=True)``), so only the object is saved;
4. **lower bound**: ``word/document.xml`` as prepared by studykit
   (``_jinja_source``), compiled once in the same sandboxed environment
   (``_environment()``), rendered, and written with ``zipfile`` (``ZIP_STORED``, no
   compression at all) next to the template's other parts, read once.

Times are ``time.perf_counter`` wall-clock seconds of the whole loop, after one
warm-up document per engine; studykit and the lower bound make ``--passes`` passes
(median shown, the machine may be shared), docxtpl one. docxtpl may run fewer
documents (``--docxtpl-docs``, ``--reused-docs``); its totals are then scaled to
``--docs`` at the measured rate and marked so. Checks, outside the clock: every
document of studykit and docxtpl (the first and the last of the lower bound) is opened
with python-docx and must contain its title, the 50th attendee and post (the last
speaker, speech, decision, action owner); each docxtpl document's text must equal
studykit's for the same context. A breakdown times the steps of studykit's render
(Jinja, encoding, deflate, zip). If ``soffice`` and ``pdfinfo`` are installed, the
first document of each workload is converted to PDF to count its pages. The run exits
1 when a check finds a problem, or when fewer documents were checked or compared than
rendered (the speed targets are reported, never checked).

Peak memory: fresh child processes render 0, 100 and 1,000 documents with studykit
(contexts made one at a time, outputs dropped), to show that memory does not grow
with the number of documents. Each reports ``ru_maxrss`` and VmHWM
(``/proc/self/status``). They run first, while this process is small: on Linux a
child's ``ru_maxrss`` starts from its parent's peak (it survives fork and exec), so a
child of a large parent reports the parent's size; VmHWM is the child's own.

Run by hand: ``.venv/bin/python benchmarks/render.py`` (about 2–3 minutes on 2 cores;
``--profile`` adds a cProfile of studykit rendering one 50-row sheet). ``--quick`` runs
the same on 20 documents (5 for docxtpl), one pass, without the PDF page count (what
``tests/test_benchmarks.py`` runs); there, without docxtpl (the optional extra
``.[bench]``), only the docxtpl engines are skipped. A count of 0 skips an engine.
Targets: studykit ≥ 20× docxtpl's throughput, within 3× of the lower bound.
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness import Checks, docxtpl_version, parse
from memory import peak_mb

ROOT = Path(__file__).resolve().parent.parent
CURRICULUM = ROOT / "curricula" / "employment-centre.yaml"
RECORD = ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml"
SESSION = "branch-assembly-2027q1"
TEMPLATES = ROOT / "templates" / "zh-CN"
ROWS = 50

Context = dict[str, Any]

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
            "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红玲芬燕彬鑫波斌宇浩凯健俊帆旭宁"
         "龙林欢阳海云峰晨雪琳晓梅琴颖慧婷倩蕾薇岚瑶璐佳嘉欣怡梓子涵睿思源泽铭轩")
POSTS = ("支部书记、中心主任", "中心副主任", "政策咨询窗口", "企业服务专员", "就业援助专员",
         "职业培训管理", "财务审核", "档案管理", "信息化管理", "综合办公室", "劳动关系协调")
PARTY = ("正式党员", "正式党员", "正式党员", "预备党员")
NOTES = ("", "", "", "", "", "", "", "", "病假", "事假", "外出培训", "下沉社区")
SENTENCES = (
    "通报了本季度学习计划落实情况，全季度共组织集中学习{a}次，党员参学率{b}%。",
    "汇报了走访企业情况，共走访辖区企业{a}家，收集用工需求{b}条，已全部录入就业服务平台。",
    "介绍了就业援助工作进展，本季度帮扶就业困难人员{a}人实现再就业，其中零就业家庭{b}户。",
    "结合窗口服务工作谈了学习体会，表示要把“高效办成一件事”落实到每一笔业务中。",
    "提出创业补贴审核中材料重复提交的问题，建议推行告知承诺制，减少群众跑腿。",
    "认为职业技能培训要对接企业实际需求，建议与{a}家重点企业共建实训基地。",
    "就档案数字化工作提出意见，建议下季度完成{a}年以前档案的扫描归档。",
    "对照党章党规检视了自身不足，表示要在政策学习上下更大功夫。",
    "建议在社区设立就业服务驿站，方便群众就近办理求职登记和政策咨询。",
    "谈了廉政风险防控的认识，提出补贴资金发放要做到公开透明、全程留痕。",
    "介绍了高校毕业生就业见习工作，已募集见习岗位{a}个，拟于下月集中对接。",
    "建议把“就业服务进园区”活动常态化，每月固定一天到园区现场办公。",
)
DECISION = "成立“就业服务进园区”党员先锋队，由{who}同志任队长。"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


# --- contexts ---------------------------------------------------------------------------


def base_contexts() -> tuple[Context, Context]:
    """The real attendance and minutes contexts of the example's branch assembly."""
    import studykit
    from studykit.reading.records import load_record
    from studykit.render.documents import attendance_context
    from studykit.render.minutes import minutes_context

    cur = studykit.load(CURRICULUM)
    plan = studykit.plan_quarter(cur, "2027Q1")
    session = plan.by_id[SESSION]
    record = load_record(RECORD, cur, {plan.quarter: plan})
    return attendance_context(plan, session), minutes_context(plan, session, record)


def attendance(base: Context, i: int) -> Context:
    """Sign-in sheet ``i``: the real members first, then others up to 50 rows."""
    rng = random.Random(i)
    ctx = copy.deepcopy(base)
    ctx["session"]["title"] = f"{base['session']['title']}（第{i + 1}场）"
    ctx["session"]["heading"] = f"{base['session']['heading']}（第{i + 1}场）"
    rows = ctx["rows"]
    for row in rows:
        row["name"] = _name(rng) if rng.random() < 0.3 else row["name"]
    while len(rows) < ROWS:
        rows.append({"no": len(rows) + 1, "name": _name(rng), "party": rng.choice(PARTY),
                     "post": rng.choice(POSTS), "note": rng.choice(NOTES)})
    ctx["expected"] = len(rows)
    return ctx


def minutes(base: Context, i: int) -> Context:
    """Minutes ``i``: the real record, whose minutes fill a page and a half, enlarged to
    two full A4 pages (the template's 公文 layout has 22 lines of 28 characters a page):
    12 members, a third topic, a third speech, a second decision, other figures."""
    rng = random.Random(1_000_000 + i)
    ctx = copy.deepcopy(base)
    people = [s["who"] for s in base["speeches"]] + [_name(rng) for _ in range(10)]
    present, absent = people[:-1], people[-1]
    ctx["number"] = i + 1
    ctx["title"] = f"2027年第{i + 1}次支部党员大会"
    ctx["session"]["title"] = ctx["title"]
    ctx["expected"] = len(people)
    ctx["present_count"] = len(present)
    ctx["present"] = "、".join(present)
    ctx["absent"] = [{"name": absent, "reason": rng.choice(("病假", "事假", "外出培训"))}]
    ctx["absent_count"] = 1
    ctx["topics"] = [*base["topics"], "研究第二季度党员教育培训安排"]
    said = rng.choice(SENTENCES).format(a=rng.randint(3, 60), b=rng.randint(80, 100))
    ctx["speeches"] = [*base["speeches"], {"who": rng.choice(present[2:]), "said": said}]
    entitled = len(people) - 2
    against, abstain = rng.randint(0, 1), rng.randint(0, 1)
    voters = entitled - rng.randint(1, 2)
    for_ = voters - against - abstain
    ctx["votes"] = [{**base["votes"][0], "entitled": entitled, "voters_present": voters,
                     "for": for_, "against": against, "abstain": abstain,
                     "quorum_text": f"应到会有表决权的党员{entitled}名，实到{voters}名，"
                                    "超过半数，符合规定人数",
                     "result_text": f"赞成{for_}票，反对{against}票，弃权{abstain}票，"
                                    "赞成票超过应到会有表决权党员的半数，通过"}]
    ctx["decisions"] = [*base["decisions"], DECISION.format(who=rng.choice(present))]
    ctx["actions"] = [{**a, "owner": rng.choice(present)} for a in base["actions"]]
    ctx["summary"] = base["summary"].replace("何敏", absent)
    return ctx


def expected_texts(workload: str, ctx: Context) -> list[str]:
    """Text a correct document of ``ctx`` must contain."""
    if workload == "attendance":
        return [ctx["session"]["heading"], ctx["rows"][-1]["name"], ctx["rows"][-1]["post"]]
    return [ctx["title"], ctx["speeches"][-1]["who"], ctx["speeches"][-1]["said"],
            ctx["decisions"][-1], ctx["actions"][-1]["owner"]]


@dataclass(frozen=True)
class Workload:
    name: str
    template: Path
    make: Callable[[Context, int], Context]


WORKLOADS = (Workload("attendance", TEMPLATES / "attendance.docx", attendance),
             Workload("minutes", TEMPLATES / "minutes.docx", minutes))


# --- engines ------------------------------------------------------------------------------

Renderer = Callable[[Context], bytes]


def studykit_engine(path: Path) -> Renderer:
    from studykit.render.docxtemplate import prepare

    template = prepare(path.read_bytes(), str(path))
    return template.render


def docxtpl_engine(path: Path) -> Renderer:
    from docxtpl import DocxTemplate

    def render(ctx: Context) -> bytes:
        doc = DocxTemplate(str(path))
        doc.render(ctx, autoescape=True)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    return render


def docxtpl_reused_engine(path: Path) -> Renderer:
    from docxtpl import DocxTemplate

    doc = DocxTemplate(str(path))

    def render(ctx: Context) -> bytes:
        doc.render(ctx, autoescape=True)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    return render


def lower_bound_engine(path: Path) -> Renderer:
    """Our prepared XML in our environment, zipped without compression: the floor."""
    from studykit.render.docxtemplate import _TEMPLATED, _environment, _jinja_source

    env = _environment()
    parts: list[tuple[zipfile.ZipInfo, bytes | Any]] = []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            stored = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            stored.compress_type = zipfile.ZIP_STORED
            if _TEMPLATED.match(info.filename) and b"{" in data:
                parts.append((stored, env.from_string(_jinja_source(data))))
            else:
                parts.append((stored, data))

    def render(ctx: Context) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
            for info, part in parts:
                zf.writestr(info, part if isinstance(part, bytes)
                            else part.render(ctx).encode("utf-8"))
        return out.getvalue()

    return render


ENGINES: tuple[tuple[str, Callable[[Path], Renderer]], ...] = (
    ("studykit", studykit_engine),
    ("docxtpl", docxtpl_engine),
    ("docxtpl (reused)", docxtpl_reused_engine),
    ("lower bound", lower_bound_engine),
)


# --- checks -------------------------------------------------------------------------------


def document_text(data: bytes) -> str:
    """All the text of the body, read by python-docx."""
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(io.BytesIO(data))
    return "".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))


def check(data: bytes, expected: list[str]) -> tuple[str, list[str]]:
    """The document's text and what is wrong with it (empty: nothing)."""
    try:
        text = document_text(data)
    except Exception as exc:  # python-docx or lxml cannot read it
        return "", [f"python-docx cannot open it: {exc}"]
    return text, [f"missing {want!r}" for want in expected if want not in text]


def pdf_pages(documents: dict[str, bytes]) -> dict[str, str]:
    """Pages of each document as LibreOffice lays it out ({} if soffice is missing)."""
    soffice, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if not soffice or not pdfinfo:
        return {}
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name, data in documents.items():
            (Path(tmp) / f"{name}.docx").write_bytes(data)
            files.append(str(Path(tmp) / f"{name}.docx"))
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", tmp, *files],
                           check=True, capture_output=True, timeout=180)
        except (subprocess.SubprocessError, OSError) as exc:
            return dict.fromkeys(documents, f"soffice failed: {exc}")
        for name in documents:
            pdf = Path(tmp) / f"{name}.pdf"
            if not pdf.exists():
                out[name] = "no PDF"
                continue
            info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
            out[name] = next((line.split()[-1] for line in info.splitlines()
                              if line.startswith("Pages:")), "?")
    return out


# --- timing -------------------------------------------------------------------------------


@dataclass
class Result:
    engine: str
    docs: int
    seconds: float          # median of the passes
    passes: int
    size: int               # bytes per document
    outputs: dict[int, bytes]  # index of the context → document, the ones kept to check
    problems: list[str] = field(default_factory=list)

    def scaled(self, docs: int) -> float:
        """Seconds for ``docs`` documents at the measured rate."""
        return self.seconds * docs / self.docs

    @property
    def rate(self) -> float:
        return self.docs / self.seconds


def run_engine(name: str, factory: Callable[[Path], Renderer], workload: Workload,
               contexts: list[Context], passes: int, keep_all: bool) -> Result:
    """Render every context ``passes`` times; keep the first pass's documents to check
    (all of them, or the first and the last)."""
    render = factory(workload.template)
    render(contexts[0])  # warm up: imports, first compile
    times, size = [], 0
    kept: list[bytes] = []
    for n in range(passes):
        keep = kept if n == 0 and keep_all else None
        out = b""
        start = time.perf_counter()
        for ctx in contexts:
            out = render(ctx)
            if keep is not None:
                keep.append(out)
        times.append(time.perf_counter() - start)
        if n == 0:
            size = len(out)
            if not keep_all:
                kept = [render(contexts[0]), out]
    outputs = dict(enumerate(kept)) if keep_all else {0: kept[0], len(contexts) - 1: kept[1]}
    return Result(name, len(contexts), statistics.median(times), passes, size, outputs)


def check_results(workload: Workload, contexts: list[Context],
                  results: list[Result]) -> tuple[int, int]:
    """Open every kept document with python-docx, look for the expected text; compare the
    text of studykit's and docxtpl's document of the same context. Returns (documents
    checked, documents compared)."""
    texts: dict[str, dict[int, str]] = {}
    checked = 0
    for r in results:
        texts[r.engine] = {}
        for i, data in r.outputs.items():
            text, problems = check(data, expected_texts(workload.name, contexts[i]))
            texts[r.engine][i] = text
            r.problems += [f"document {i + 1}: {p}" for p in problems]
            checked += 1
        r.outputs = {}
    compared = 0
    for other in ("docxtpl", "docxtpl (reused)"):
        for i, text in texts.get(other, {}).items():
            if i in texts.get("studykit", {}):
                compared += 1
                if text != texts["studykit"][i]:
                    next(r for r in results if r.engine == other).problems.append(
                        f"document {i + 1}: its text differs from studykit's")
    return checked, compared


def breakdown(workload: Workload, contexts: list[Context]) -> dict[str, float]:
    """Milliseconds per document of each step of studykit's render."""
    from studykit.render.docxtemplate import prepare
    from studykit.render.package import Part as _Part
    from studykit.render.package import deflate as _deflate
    from studykit.render.package import write_zip as _zip

    template = prepare(workload.template.read_bytes(), str(workload.template))
    compiled = [p for p in template.parts if not isinstance(p, _Part)]
    fixed = [p for p in template.parts if isinstance(p, _Part)]
    texts = [[c.render(ctx) for _, c, _ in compiled] for ctx in contexts]
    xmls = [[t.encode("utf-8") for t in doc] for doc in texts]
    parts = [[_deflate(x) for x in doc] for doc in xmls]
    steps: dict[str, Callable[[int], object]] = {
        "Jinja render": lambda i: [c.render(contexts[i]) for _, c, _ in compiled],
        "encode UTF-8": lambda i: [t.encode("utf-8") for t in texts[i]],
        "deflate+CRC": lambda i: [_deflate(x) for x in xmls[i]],
        "zip": lambda i: _zip([*fixed, *parts[i]]),
        "whole render()": lambda i: template.render(contexts[i]),
    }
    out = {}
    for label, step in steps.items():
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for i in range(len(contexts)):
                step(i)
            best = min(best, time.perf_counter() - start)
        out[label] = best * 1000 / len(contexts)
    return out


# --- peak memory ----------------------------------------------------------------------------


def _child(workload: str, docs: int) -> None:
    """Fresh process: render ``docs`` documents with studykit, print peak RSS in MB
    (``ru_maxrss``, then VmHWM or -1)."""
    from studykit.render.docxtemplate import prepare

    wl = next(w for w in WORKLOADS if w.name == workload)
    base = dict(zip(("attendance", "minutes"), base_contexts(), strict=True))[workload]
    template = prepare(wl.template.read_bytes(), str(wl.template))
    total = 0
    for i in range(docs):
        total += len(template.render(wl.make(base, i)))
    hwm = peak_mb()
    print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} "
          f"{-1 if hwm is None else hwm:.1f} {total}")


def peak_child(workload: str, docs: int) -> tuple[float, float]:
    """(ru_maxrss, VmHWM) in MB of a child rendering ``docs`` documents."""
    out = subprocess.run([sys.executable, __file__, "--child", workload, str(docs)],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def memory(docs: int) -> list[str]:
    """The peak memory table, as lines. Run it before the parent grows: on Linux a
    child's ``ru_maxrss`` starts at its parent's peak (it survives fork and exec), so a
    child of a big parent reports the parent's size; VmHWM does not."""
    counts = sorted({0, 100, docs})
    lines = [f"   {'workload':<12}" + "".join(f"{f'{c:,} docs':>16}" for c in counts)]
    for wl in WORKLOADS:
        peaks = [peak_child(wl.name, c) for c in counts]
        lines.append(f"   {wl.name:<12}" + "".join(
            f"{rss:8.1f}" + (f" /{hwm:6.1f}" if hwm >= 0 else "") for rss, hwm in peaks)
            + f"   (growth {counts[-2]:,}→{counts[-1]:,} docs: "
              f"{peaks[-1][0] - peaks[-2][0]:+.1f} MB)")
    return lines


# --- report -------------------------------------------------------------------------------


def report(results: list[Result], docs: int) -> None:
    by = {r.engine: r for r in results}
    dt, low = by.get("docxtpl"), by.get("lower bound")
    print(f"   {'engine':<18}{'docs':>6}{'passes':>7}{f'total for {docs:,}':>17}{'docs/s':>9}"
          f"{'ms/doc':>9}{'KB/doc':>8}{'vs docxtpl':>12}{'vs lower bd':>13}")
    for r in results:
        scaled = "" if r.docs == docs else "*"
        vs_dt = f"{r.rate / dt.rate:10.1f}× " if dt else ""
        vs_low = f"{r.seconds / r.docs / (low.seconds / low.docs):11.2f}× " if low else ""
        print(f"   {r.engine:<18}{r.docs:>6}{r.passes:>7}{r.scaled(docs):15.2f} s{scaled:1}"
              f"{r.rate:8.0f}{r.seconds / r.docs * 1000:9.2f}{r.size / 1024:8.1f}"
              f"{vs_dt:>12}{vs_low:>13}")
    if any(r.docs != docs for r in results):
        print(f"   * measured on fewer documents (column 'docs'); total scaled to {docs:,} "
              "at the measured rate")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents per workload")
    parser.add_argument("--passes", type=int, default=3,
                        help="passes over the documents for studykit and the lower bound "
                             "(the median is shown); docxtpl makes one")
    parser.add_argument("--docxtpl-docs", type=int, default=1000,
                        help="documents for docxtpl (straightforward); scaled to --docs")
    parser.add_argument("--reused-docs", type=int, default=200,
                        help="documents for docxtpl with one reused object")
    parser.add_argument("--check", choices=("all", "ends"), default="all",
                        help="open every studykit and docxtpl document with python-docx, "
                             "or only the first and last (the lower bound's: always so)")
    parser.add_argument("--no-memory", action="store_true", help="skip the child processes")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice page count")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile studykit rendering one 50-row sheet")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parse(parser, docs=20, docxtpl_docs=5, reused_docs=5, passes=1, no_pdf=True)

    if args.child:
        _child(args.child[0], int(args.child[1]))
        return

    began = time.perf_counter()
    # first, while this process is small (see memory())
    mem = [] if args.no_memory else memory(args.docs)

    counts = {"docxtpl": min(args.docs, args.docxtpl_docs),
              "docxtpl (reused)": min(args.docs, args.reused_docs)}
    version = docxtpl_version(args.quick, "the docxtpl engines and the comparison with them") \
        if any(counts.values()) else None
    if version is None:
        counts = dict.fromkeys(counts, 0)
    engines = [(name, factory) for name, factory in ENGINES if counts.get(name, args.docs) > 0]
    bases = dict(zip(("attendance", "minutes"), base_contexts(), strict=True))
    print(f"Rendering {args.docs:,} documents per workload; docxtpl "
          f"{version or 'not run'}, Python {sys.version.split()[0]}")
    print("ms/doc and docs/s: wall-clock of the whole loop; studykit and the lower bound: "
          f"median of {args.passes} passes, docxtpl: one pass.\n'vs docxtpl': throughput "
          "ratio (target for studykit ≥ 20×); 'vs lower bd': time ratio (target ≤ 3×). The "
          "lower bound compresses nothing, hence its size.")
    samples: dict[str, bytes] = {}
    check = Checks()
    for n, wl in enumerate(WORKLOADS, start=1):
        contexts = [wl.make(bases[wl.name], i) for i in range(args.docs)]
        first = contexts[0]
        what = f"{len(first['rows'])} rows" if wl.name == "attendance" else (
            f"{first['expected']} members, {len(first['topics'])} topics, "
            f"{len(first['speeches'])} speeches, {len(first['votes'])} vote, "
            f"{len(first['decisions'])} decisions, {len(first['actions'])} action")
        print(f"\n{n}. {wl.name}: {wl.template.relative_to(ROOT)}, {what}")
        results = []
        for name, factory in engines:
            fast = name in ("studykit", "lower bound")
            results.append(run_engine(
                name, factory, wl, contexts[:counts.get(name, args.docs)],
                passes=args.passes if fast else 1,
                keep_all=args.check == "all" and name != "lower bound"))
        report(results, args.docs)
        kept = {r.engine: set(r.outputs) for r in results}  # indices of the documents kept
        to_check = sum(map(len, kept.values()))
        to_compare = sum(len(kept.get(e, set()) & kept.get("studykit", set()))
                         for e in ("docxtpl", "docxtpl (reused)"))
        checked, compared = check_results(wl, contexts, results)
        problems = [f"{r.engine}: {p}" for r in results for p in r.problems]
        check(not problems and checked == to_check and compared == to_compare,
              f"checks of {wl.name}: {checked:,} documents (of {to_check:,} kept) opened with "
              f"python-docx, the expected names looked for; {compared:,} docxtpl documents "
              f"(of {to_compare:,}) compared with studykit's text: {len(problems)} problems")
        for p in problems[:10]:
            print(f"   PROBLEM {p}")
        samples[wl.name] = studykit_engine(wl.template)(first)
        sample = contexts[:200]
        steps = breakdown(wl, sample)
        print(f"   where studykit's time goes (ms/doc, best of 3 × {len(sample)} docs): "
              + ", ".join(f"{label} {ms:.3f}" for label, ms in steps.items()))

    if not args.no_pdf:
        pages = pdf_pages(samples)
        if pages:
            print("\nPages as LibreOffice lays out document 1: " + ", ".join(
                f"{name} {n}" for name, n in pages.items()) + "  (minutes: target 2)")
        else:
            print("\nPages: soffice or pdfinfo not installed, not checked")

    if mem:
        print("\nPeak memory of a fresh process rendering with studykit, in MB: ru_maxrss / "
              "VmHWM\n(contexts made one at a time, outputs dropped; measured first, while "
              "this process was small)")
        print("\n".join(mem))
        print("   (0 docs: imports, the example's plan and prepare only)")

    if args.profile:
        import cProfile
        import pstats

        wl = WORKLOADS[0]
        ctx = wl.make(bases[wl.name], 0)
        render = studykit_engine(wl.template)
        render(ctx)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(200):
            render(ctx)
        profile.disable()
        print("\ncProfile of studykit rendering one 50-row sheet 200 times (by own time):")
        pstats.Stats(profile).sort_stats("tottime").print_stats(12)

    print(f"\nwhole run: {time.perf_counter() - began:.0f} s")
    check.done()


if __name__ == "__main__":
    main()
