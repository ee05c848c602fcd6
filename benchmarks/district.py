"""A district's whole quarter, every document: the real command against docxtpl.

Measures, in one run on this machine, for the quarter 2026Q2 (covered by the built-in
holiday data):

0. **the machine**: one process of pure CPU work alone, then ``WORKERS`` (2) at once:
   how many times the work of one core the machine really does in parallel (on a
   shared or throttled VM this can be far below 2, which bounds every 2-process figure).
1. **curricula**: ``--branches`` (300) synthetic branch curricula of 30 members, made
   by ``benchmarks/plan.py``'s ``branch`` (seed ``--seed``), written as
   ``branch-NNN.yaml`` into a temporary folder.
2. **studykit**: the real command, ``python -m studykit plan FOLDER --quarter 2026Q2
   --out OUT`` (all cores), timed from start to exit. Counts every file written and the
   Word documents among them; checks that the command succeeded for every branch, that
   every branch has its folder, that each branch has 1 + 2 × (sessions in its
   plan.yaml) documents, and opens a sample of the documents with python-docx (each
   must hold its branch's or its session's title, and no Jinja tag left over). Peak
   memory: ``ru_maxrss`` of the children, i.e. the largest single process of the
   command's tree (not their sum).
3. **memory flat in the number of branches**: a fresh child process runs
   ``plan_branches(..., jobs=1)`` on the first 1, 50, 150 and 300 branches and reports
   its own peak (VmHWM, ``memory.peak_mb``) and the wall time of ``plan_branches``
   (imports excluded).
4. **docxtpl**: a straightforward pipeline over the same branches, in 2 worker
   processes (a ``multiprocessing`` pool, spawned so that each worker's VmHWM is its
   own): per branch ``studykit.load`` + ``studykit.plan_quarter``, then the same
   documents (calendar, per session its plan and sign-in sheet) from the same template
   files (``templates/zh-CN``) with the same contexts (``calendar_context``,
   ``session_plan_context``, ``attendance_context``, ``plan_template``), each as
   ``DocxTemplate(path)``, ``render(context, autoescape=True)``, ``save(path)`` into the
   same folder layout. docxtpl takes ~30–40 ms a document, so by default it runs the
   first ``--docxtpl-branches`` (30) branches and its time is scaled to studykit's
   number of documents at the measured rate (said so in the table). The documents of
   the first two branches are compared with studykit's, text for text.
5. **where one branch's time goes**: the steps of ``write_plan`` timed apart
   (median over 10 branches, in this process, after a warm-up).
6. **CLI start-up**: the median of 10 runs of ``python -m studykit --help`` and of
   the console script ``.venv/bin/studykit --help``, next to ``python -c pass``.

Times are ``time.perf_counter`` wall-clock seconds. ``--profile`` adds a cProfile of
one branch's load + plan + render + write (``studykit.app.district._plan_one``).

Sanity checks (the run exits 1 if one fails, whatever the times): the command's exit
status and its summary (every branch planned and written, none failed); the files it
wrote (one plan.yaml and one calendar.ics a branch, as many documents as the plan.yaml
files ask for); the checks of section 2; in each memory child, every branch ok and the
documents its plan.yaml asks for; docxtpl's documents counted and compared likewise.

Run by hand: ``.venv/bin/python benchmarks/district.py`` (about 3 minutes on 2 cores).
``--quick`` runs every section on 3 branches (what ``tests/test_benchmarks.py`` runs);
without docxtpl (the optional extra ``.[bench]``) it skips only section 4.
Targets: the district quarter (about 9,000 documents) in under one minute;
``studykit --help`` under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness import Checks, docxtpl_version, parse
from memory import peak_mb
from plan import QUARTER, branch

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates" / "zh-CN"
MEMORY_COUNTS = (1, 50, 150, 300)
TARGET_DOCS, TARGET_SECONDS = 9_000, 60.0
HELP_TARGET = 0.3
WORKERS = 2


# --- 0. the machine ---------------------------------------------------------------------


def spin(n: int) -> float:
    """Pure CPU work: seconds for ``n`` rounds of a loop."""
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def parallel_speedup(n: int) -> tuple[float, float]:
    """(one process alone, speed-up of ``WORKERS`` processes doing the same each): how
    much more work the cores really do at once (ideal: ``WORKERS``)."""
    from concurrent.futures import ProcessPoolExecutor

    alone = min(spin(n) for _ in range(2))
    with ProcessPoolExecutor(WORKERS) as pool:
        list(pool.map(spin, [n // 10] * WORKERS))  # start the workers
        start = time.perf_counter()
        list(pool.map(spin, [n] * WORKERS))
        together = time.perf_counter() - start
    return alone, WORKERS * alone / together


# --- the curricula ------------------------------------------------------------------------


def write_curricula(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` branch curricula as ``branch-NNN.yaml`` files, in the order
    ``studykit plan FOLDER`` takes them (sorted by name)."""
    folder.mkdir(parents=True)
    paths = []
    for i in range(count):
        path = folder / f"branch-{i:03d}.yaml"
        path.write_text(branch(i, seed), encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def count_files(out: Path) -> dict[str, int]:
    """Files under ``out`` by kind: docx, plan.yaml, calendar.ics, other (hidden)."""
    counts = {"docx": 0, "plan.yaml": 0, "calendar.ics": 0, "other": 0}
    for _, _, names in os.walk(out):
        for name in names:
            key = "docx" if name.endswith(".docx") else name if name in counts else "other"
            counts[key] += 1
    return counts


# --- 2. studykit, the real command ---------------------------------------------------------


@dataclass
class CliRun:
    seconds: float
    returncode: int
    summary: str
    files: dict[str, int]
    peak: float  # MB, ru_maxrss of the largest process of the tree
    stderr: str


def run_cli(folder: Path, out: Path) -> CliRun:
    command = [sys.executable, "-m", "studykit", "plan", str(folder), "--quarter", QUARTER,
               "--out", str(out)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = (done.stdout.strip().splitlines() or [""]) + done.stderr.strip().splitlines()
    summary = next((line for line in reversed(lines) if summary_counts(line)), lines[-1])
    return CliRun(seconds, done.returncode, summary, count_files(out), peak, done.stderr)


def summary_counts(line: str) -> dict[str, int] | None:
    """The counts in the command's last line, ``cli.district_summary`` in either language
    (the branch's: Chinese for these curricula), or None if ``line`` is not it."""
    from studykit.words.messages import MESSAGES

    for template in MESSAGES["cli.district_summary"]:
        pattern = re.escape(template)
        for name in ("n", "ok", "failed"):
            pattern = pattern.replace(re.escape(f"{{{name}}}"), rf"(?P<{name}>\d+)")
        match = re.fullmatch(pattern, line.strip())
        if match:
            return {name: int(value) for name, value in match.groupdict().items()}
    return None


def document_text(path: Path) -> str:
    """All the text of a document's body, read by python-docx."""
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(str(path))
    return "".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))


def check_output(paths: list[Path], out: Path, sample: int,
                 seed: int) -> tuple[int, list[str], dict[Path, int]]:
    """Every branch folder and its documents; a sample opened with python-docx.
    Returns (documents opened, problems, documents each branch's plan.yaml asks for)."""
    import yaml

    from studykit.app.workflows import branch_folder

    problems: list[str] = []
    candidates: list[tuple[Path, str]] = []  # a document, a text it must contain
    expected: dict[Path, int] = {}
    for path in paths:
        folder = out / branch_folder(path)
        if not folder.is_dir():
            problems.append(f"{path.name}: no folder {folder.name}/")
            continue
        try:
            data = yaml.load((folder / "plan.yaml").read_text(encoding="utf-8"),
                             Loader=yaml.CSafeLoader)
        except OSError as exc:
            problems.append(f"{folder.name}: {exc}")
            continue
        sessions = data["sessions"]
        expected[path] = 1 + 2 * len(sessions)
        docs = sorted(folder.rglob("*.docx"))
        if len(docs) != 1 + 2 * len(sessions):
            problems.append(f"{folder.name}: {len(docs)} documents for {len(sessions)} "
                            f"sessions (expected {1 + 2 * len(sessions)})")
        candidates.append((folder / "calendar.docx", data["organization"]))
        for s in sessions:
            for name in ("plan.docx", "attendance.docx"):
                candidates.append((folder / "sessions" / s["id"] / name, s["title"]))
    rng = random.Random(seed)
    calendars = [c for c in candidates if c[0].name == "calendar.docx"]
    picked = rng.sample(calendars, min(10, len(calendars)))
    picked += rng.sample(candidates, min(sample, len(candidates)))
    for path, want in picked:
        try:
            text = document_text(path)
        except Exception as exc:  # python-docx or lxml cannot read it
            problems.append(f"{path.relative_to(out)}: python-docx cannot open it: {exc}")
            continue
        # a monthly meeting's documents are titled with its year: 第二党小组2026年5月党小组会
        if want not in text and want not in text.replace(f"{QUARTER[:4]}年", ""):
            problems.append(f"{path.relative_to(out)}: {want!r} missing")
        if "{{" in text or "{%" in text:
            problems.append(f"{path.relative_to(out)}: a Jinja tag left in the text")
    return len(picked), problems, expected


# --- 3. memory, a fresh child per count ----------------------------------------------------


def _child(folder: str, count: int, out: str) -> None:
    """Fresh process: plan_branches(jobs=1) on the first ``count`` branches; print JSON."""
    from studykit.app.district import plan_branches
    from studykit.reading.curriculum import expand

    paths = expand([folder])[:count]
    start = time.perf_counter()
    results = plan_branches(paths, QUARTER, out, jobs=1)
    seconds = time.perf_counter() - start
    print(json.dumps({"peak": peak_mb(), "seconds": seconds,
                      "ok": sum(r.ok for r in results), "docs": count_files(Path(out))["docx"]}))


def memory_child(folder: Path, count: int, out: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", str(folder), str(count),
                           str(out)], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    shutil.rmtree(out, ignore_errors=True)
    return result


# --- 4. docxtpl ----------------------------------------------------------------------------


def docxtpl_branch(job: tuple[str, str]) -> dict[str, float]:
    """One branch with docxtpl (runs in a pool worker): load, plan, render, save."""
    from docxtpl import DocxTemplate

    import studykit
    from studykit.app.workflows import branch_folder
    from studykit.render.documents import (
        attendance_context,
        calendar_context,
        plan_template,
        session_plan_context,
    )

    path, out = job
    start = time.perf_counter()
    cur = studykit.load(path)
    plan = studykit.plan_quarter(cur, QUARTER)
    planned = time.perf_counter()
    folder = Path(out) / branch_folder(path)
    folder.mkdir(parents=True, exist_ok=True)

    def write(template: str, context: dict[str, Any], target: Path) -> None:
        doc = DocxTemplate(str(TEMPLATES / template))
        doc.render(context, autoescape=True)
        doc.save(str(target))

    write("calendar.docx", calendar_context(plan), folder / "calendar.docx")
    for s in plan.sessions:
        where = folder / "sessions" / s.id
        where.mkdir(parents=True, exist_ok=True)
        write(plan_template(s), session_plan_context(plan, s), where / "plan.docx")
        write("attendance.docx", attendance_context(plan, s), where / "attendance.docx")
    end = time.perf_counter()
    return {"docs": 1 + 2 * len(plan.sessions), "plan": planned - start,
            "render": end - planned, "busy": end - start, "peak": peak_mb()}


@dataclass
class DocxtplRun:
    branches: int
    docs: int
    seconds: float
    busy: float      # the workers' seconds on branches, summed
    plan: float      # of which load + plan
    peak: float      # MB, the larger worker's VmHWM

    @property
    def rate(self) -> float:
        return self.docs / self.seconds

    @property
    def core_rate(self) -> float:
        return self.docs / self.busy


def run_docxtpl(paths: list[Path], out: Path) -> DocxtplRun:
    jobs = [(str(p), str(out)) for p in paths]
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        results = list(pool.imap_unordered(docxtpl_branch, jobs, chunksize=1))
    seconds = time.perf_counter() - start
    return DocxtplRun(len(paths), int(sum(r["docs"] for r in results)), seconds,
                      sum(r["busy"] for r in results), sum(r["plan"] for r in results),
                      max(r["peak"] for r in results))


def compare(paths: list[Path], ours: Path, theirs: Path) -> tuple[int, list[str]]:
    """The documents of ``paths`` as studykit and docxtpl wrote them: same text?"""
    from studykit.app.workflows import branch_folder

    compared, problems = 0, []
    for path in paths:
        folder = theirs / branch_folder(path)
        for doc in sorted(folder.rglob("*.docx")):
            rel = doc.relative_to(theirs)
            compared += 1
            if not (ours / rel).is_file():
                problems.append(f"{rel}: studykit has no such document")
            elif document_text(ours / rel) != document_text(doc):
                problems.append(f"{rel}: the text differs")
    return compared, problems


# --- 5. where one branch's time goes --------------------------------------------------------


def steps(paths: list[Path], out: Path) -> dict[str, float]:
    """Median ms per branch of each step of plan + check + write_plan."""
    import studykit
    from studykit.engine.checker import check_plan
    from studykit.render.documents import plan_documents
    from studykit.render.docxtemplate import Templates
    from studykit.render.ical import to_ics
    from studykit.render.output import write_outputs
    from studykit.render.planfile import dump_plan

    times: dict[str, list[float]] = {}
    docs = []
    for i, path in enumerate(paths):
        marks = [time.perf_counter()]
        cur = studykit.load(path)
        marks.append(time.perf_counter())
        plan = studykit.plan_quarter(cur, QUARTER)
        marks.append(time.perf_counter())
        check_plan(cur, plan)
        marks.append(time.perf_counter())
        files = {"plan.yaml": dump_plan(plan)}
        marks.append(time.perf_counter())
        files["calendar.ics"] = to_ics(plan)
        marks.append(time.perf_counter())
        templates = Templates.for_curriculum(cur)  # as _plan_one: a new one per branch
        for name in ("calendar.docx", "attendance.docx", "plan-activity.docx",
                     "plan-lesson.docx"):
            templates.get(name)
        marks.append(time.perf_counter())
        files.update(plan_documents(plan, templates))
        marks.append(time.perf_counter())
        write_outputs(out / f"steps-{i}", files)
        marks.append(time.perf_counter())
        if i == 0:
            continue  # warm-up: imports, the year's holidays
        docs.append(len(files) - 2)
        names = ("load", "plan_quarter", "check_plan", "plan.yaml (dump_plan)",
                 "calendar.ics (to_ics)", "prepare the 4 templates",
                 "render the documents", "write_outputs")
        for name, a, b in zip(names, marks, marks[1:], strict=False):
            times.setdefault(name, []).append((b - a) * 1000)
    medians = {name: statistics.median(values) for name, values in times.items()}
    medians["(documents a branch)"] = statistics.mean(docs)
    return medians


def profile(path: Path, out: Path, top: int = 15) -> None:
    import cProfile
    import pstats

    from studykit.app.district import _plan_one

    _plan_one(str(path), QUARTER, str(out / "warm-up"), None, False, False)
    profiler = cProfile.Profile()
    profiler.runcall(_plan_one, str(path), QUARTER, str(out / "profiled"), None, False, False)
    print(f"\ncProfile of one branch (_plan_one: load, plan, check, render, write), top {top}")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


# --- 6. start-up ---------------------------------------------------------------------------


def median_run(command: list[str], runs: int = 10) -> float:
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- the report ----------------------------------------------------------------------------


def _row(workload: str, docs: int, seconds: float, ratio: str, peak: str) -> str:
    return (f"   {workload:<44}{docs:>8,}{seconds:>10.1f} s{docs / seconds:>9.0f}"
            f"{ratio:>12}{peak:>12}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--branches", type=int, default=300)
    parser.add_argument("--docxtpl-branches", type=int, default=30,
                        help="branches rendered with docxtpl (scaled to all; 0: none)")
    parser.add_argument("--sample", type=int, default=40,
                        help="documents of studykit's output opened with python-docx")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the output")
    parser.add_argument("--memory-counts", type=int, nargs="+", default=list(MEMORY_COUNTS),
                        help="branch counts of section 3's fresh children")
    parser.add_argument("--steps", type=int, default=10,
                        help="branches whose steps section 5 times (after one warm-up)")
    parser.add_argument("--startup-runs", type=int, default=10,
                        help="runs of each command of section 6 (the median is shown)")
    parser.add_argument("--spin", type=int, default=8_000_000,
                        help="rounds of section 0's CPU loop")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one branch's plan + render + write")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parse(parser, branches=3, docxtpl_branches=2, sample=5, memory_counts=[1, 2, 3],
                 steps=2, startup_runs=3, spin=3_000_000)

    if args.child:
        folder, count, out = args.child
        _child(folder, int(count), out)
        return
    if args.branches < 2 or args.steps < 1:
        parser.error("--branches: at least 2, --steps: at least 1 (section 5 times branches "
                     "after a warm-up one)")

    began = time.perf_counter()
    if args.keep:
        work = Path(args.keep)
        if work.exists():
            parser.error(f"{work} exists; give a folder that does not")
        work.mkdir(parents=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="studykit-district-"))
    try:
        check = run(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nwhole run: {time.perf_counter() - began:.0f} s")
    check.done()


def run(args: argparse.Namespace, work: Path) -> Checks:
    """Every section, in order; returns the sanity checks, for the caller to end with."""
    version = docxtpl_version(args.quick, "section 4 (the docxtpl pipeline)") \
        if args.docxtpl_branches > 0 else None
    if version is None:
        args.docxtpl_branches = 0
    check = Checks()

    cores = os.cpu_count() or 1
    start = time.perf_counter()
    paths = write_curricula(work / "curricula", args.branches, args.seed)
    made = time.perf_counter() - start
    print(f"studykit district benchmark: {len(paths)} branches × 30 members, quarter "
          f"{QUARTER}, seed {args.seed}, {cores} cores; docxtpl {version or 'not run'}")
    alone, speedup = parallel_speedup(args.spin)
    print(f"0. machine: {WORKERS} processes of pure CPU work get {speedup:.2f}× the work of one "
          f"done (ideal {WORKERS}.00×; one alone: {alone:.2f} s)"
          + ("  — the cores do NOT run in parallel at full speed here: every figure on "
             f"{WORKERS} processes below is bounded by ~{speedup:.1f}× one core"
             if speedup < WORKERS * 0.8 else ""))
    print(f"1. curricula: {len(paths)} YAML files written in {made:.1f} s "
          f"({sum(p.stat().st_size for p in paths) / 1e6:.1f} MB)")

    # 2. the real command, first: this process is still small (ru_maxrss of a child
    # starts from its parent's peak)
    out = work / "out"
    cli = run_cli(work / "curricula", out)
    files = cli.files
    print(f"\n2. studykit plan FOLDER --quarter {QUARTER} --out OUT  (all {cores} cores)")
    print(f"   exit status {cli.returncode}: {cli.summary}")
    if cli.returncode != 0:
        print("   stderr (first lines):\n     " + "\n     ".join(cli.stderr.splitlines()[:10]))
    print(f"   wall time {cli.seconds:.1f} s; {sum(files.values()):,} files written: "
          f"{files['docx']:,} .docx, {files['plan.yaml']} plan.yaml, {files['calendar.ics']} "
          f"calendar.ics, {files['other']} other (.studykit-files.json, .studykit.lock)")
    print(f"   {files['docx'] / cli.seconds:,.0f} documents/s; "
          f"{cli.seconds / len(paths) * 1000:.0f} ms a branch; largest process of the tree "
          f"peaked at {cli.peak:.1f} MB (ru_maxrss)")
    opened, problems, expected = check_output(paths, out, args.sample, args.seed)
    said = summary_counts(cli.summary)
    check(cli.returncode == 0 and said == {"n": len(paths), "ok": len(paths), "failed": 0},
          f"exit status {cli.returncode}; the summary: {len(paths)} branches, all planned and "
          "written, none failed (" + (", ".join(f"{k} {v}" for k, v in said.items())
                                      if said else "summary line NOT found") + ")")
    check(files["plan.yaml"] == len(paths) and files["calendar.ics"] == len(paths),
          f"file counts: {files['plan.yaml']} plan.yaml and {files['calendar.ics']} "
          f"calendar.ics for {len(paths)} branches")
    check(files["docx"] == sum(expected.values()),
          f"file counts: {files['docx']:,} .docx; the plan.yaml files ask for "
          f"{sum(expected.values()):,} (1 + 2 × sessions a branch)")
    check(not problems,
          f"checks: {len(paths)} branch folders looked for, document counts against each "
          f"plan.yaml, {opened} documents opened with python-docx: {len(problems)} problems")
    for p in problems[:10]:
        print(f"   PROBLEM {p}")

    # 3. memory
    print("\n3. Memory: plan_branches(..., jobs=1) in a fresh child process per count")
    print(f"   {'branches':>9}{'documents':>11}{'ok':>6}{'time':>10}{'ms/branch':>11}"
          f"{'peak (VmHWM)':>15}")
    mem: dict[int, dict[str, Any]] = {}
    for count in sorted({c for c in args.memory_counts if 0 < c <= len(paths)}):
        r = mem[count] = memory_child(work / "curricula", count, work / f"mem-{count}")
        print(f"   {count:>9}{r['docs']:>11,}{r['ok']:>6}{r['seconds']:>9.1f}s"
              f"{r['seconds'] / count * 1000:>11.0f}{r['peak']:>12.1f} MB")
    wanted = {c: sum(expected.get(p, 0) for p in paths[:c]) for c in mem}
    check(bool(mem) and all(r["ok"] == c and r["docs"] == wanted[c] for c, r in mem.items()),
          f"memory children ({', '.join(map(str, mem)) or 'none'} branches): every branch ok, "
          "with the documents its plan.yaml asks for")
    counts = sorted(c for c in mem if c > 1)
    if len(counts) >= 2:
        lo, hi = mem[counts[0]]["peak"], mem[counts[-1]]["peak"]
        per100 = (hi - lo) / (counts[-1] - counts[0]) * 100
        flat = hi <= lo * 1.1
        print(f"   {counts[0]} → {counts[-1]} branches: {lo:.1f} → {hi:.1f} MB "
              f"({per100:+.2f} MB per 100 branches): "
              + ("FLAT" if flat else "GROWS with the branch count (look for what is kept)"))

    # 4. docxtpl
    dx: DocxtplRun | None = None
    if args.docxtpl_branches > 0:
        chosen = paths[:args.docxtpl_branches]
        dx = run_docxtpl(chosen, work / "docxtpl")
        scaled = files["docx"] / dx.rate
        print(f"\n4. docxtpl pipeline, {WORKERS} worker processes: load + plan_quarter with "
              "studykit, DocxTemplate(path) + render(autoescape=True) + save(path) per "
              "document")
        print(f"   {dx.branches} branches, {dx.docs:,} documents in {dx.seconds:.1f} s: "
              f"{dx.rate:.1f} documents/s ({dx.core_rate:.1f}/s per worker; "
              f"{dx.busy / dx.docs * 1000:.1f} ms a document in a worker, of which load + "
              f"plan {dx.plan / dx.docs * 1000:.1f} ms); larger worker peaked at "
              f"{dx.peak:.1f} MB")
        if dx.branches < len(paths):
            print(f"   NOT RUN on all {len(paths)} branches: scaled to studykit's "
                  f"{files['docx']:,} documents at the measured rate → {scaled:.0f} s "
                  f"(~{scaled / 60:.1f} min)")
        check(dx.docs == sum(expected.get(p, 0) for p in chosen),
              f"docxtpl: {dx.docs:,} documents for {dx.branches} branches, as many as "
              "studykit's plan.yaml files ask for")
        compared, differ = compare(chosen[:2], out, work / "docxtpl")
        check(not differ and compared == sum(expected.get(p, 0) for p in chosen[:2]),
              f"{compared} docxtpl documents of {min(2, len(chosen))} branches compared "
              f"with studykit's, text for text: {len(differ)} differ")
        for p in differ[:5]:
            print(f"   DIFFERS {p}")

    # 5. one branch
    timed = paths[:args.steps + 1]  # the first one is the warm-up
    print(f"\n5. Where one branch's time goes (ms, median of {len(timed) - 1} branches, in this "
          "process; a district worker pays all of it per branch)")
    breakdown = steps(timed, work / "steps")
    per_branch = breakdown.pop("(documents a branch)")
    total = sum(breakdown.values())
    for name, ms in breakdown.items():
        print(f"   {name:<28}{ms:8.1f} ms  {ms / total:5.0%}")
    print(f"   {'total':<28}{total:8.1f} ms  ({per_branch:.0f} documents a branch: "
          f"{breakdown['render the documents'] / per_branch:.2f} ms a document to render, "
          f"{total / per_branch:.2f} ms all in)")

    # 6. start-up
    script = Path(sys.executable).parent / "studykit"
    runs = args.startup_runs
    print(f"\n6. Start-up: median of {runs} runs")
    baseline = median_run([sys.executable, "-c", "pass"], runs)
    print(f"   python -c pass                   {baseline:.3f} s  (the interpreter alone)")
    helps: list[tuple[str, float]] = [
        ("python -m studykit --help",
         median_run([sys.executable, "-m", "studykit", "--help"], runs))]
    if script.exists():
        helps.append((".venv/bin/studykit --help", median_run([str(script), "--help"], runs)))
    else:
        print(f"   {script}: not installed, not measured")
    for name, seconds in helps:
        verdict = "MET" if seconds < HELP_TARGET else "NOT MET"
        print(f"   {name:<32} {seconds:.3f} s  (target < {HELP_TARGET} s: {verdict})")

    # the table
    print("\nSummary")
    print(f"   {'workload':<44}{'docs':>8}{'wall':>12}{'docs/s':>9}{'vs docxtpl':>12}"
          f"{'peak MB':>12}")
    ratio = f"{files['docx'] / cli.seconds / dx.rate:.1f}×" if dx else "—"
    print(_row(f"studykit plan (CLI, {cores} processes), {len(paths)} br.", files["docx"],
               cli.seconds, ratio, f"{cli.peak:.0f} (max)"))
    for count, r in mem.items():
        core = f"{r['docs'] / r['seconds'] / dx.core_rate:.1f}×/core" if dx else "—"
        print(_row(f"studykit plan_branches(jobs=1), {count} br.", r["docs"], r["seconds"],
                   core, f"{r['peak']:.0f}"))
    if dx:
        label = f"docxtpl ({WORKERS} processes), {dx.branches} br."
        print(_row(label, dx.docs, dx.seconds, "1.0×", f"{dx.peak:.0f} (max)"))
        if dx.branches < len(paths):
            print(_row(f"  scaled to {len(paths)} br. (not run: measured rate)",
                       files["docx"], files["docx"] / dx.rate, "1.0×", "—"))
    print("   (vs docxtpl: documents/s ÷ docxtpl's; ×/core: jobs=1 against one docxtpl worker's "
          "rate. peak: VmHWM of one process; (max): the largest process of several)")
    print(f"   ({WORKERS} processes measured at {speedup:.2f}× one core on this machine, "
          f"section 0; CLI vs jobs=1 on {len(paths)} branches: "
          + (f"{mem[len(paths)]['seconds'] / cli.seconds:.2f}×)" if len(paths) in mem
             else "not measured)"))
    per9k = TARGET_DOCS / (files["docx"] / cli.seconds)
    fast = cli.seconds < TARGET_SECONDS if files["docx"] >= TARGET_DOCS else per9k < TARGET_SECONDS
    ok = cli.returncode == 0 and not problems and fast
    print(f"\nTarget: district quarter (about 9,000 documents) in under one minute here: "
          f"{files['docx']:,} documents in {cli.seconds:.1f} s (9,000 at this rate: "
          f"{per9k:.1f} s) — {'MET' if ok else 'NOT MET'}")
    if args.profile:
        profile(paths[0], work / "profile")
    return check


if __name__ == "__main__":
    main()
