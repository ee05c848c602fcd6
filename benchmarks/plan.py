"""Plan + check a quarter: a district of 300 branches, one large curriculum, and growth.

Measures, in one run, for the quarter 2026Q2 (covered by the built-in holiday data):

1. **district**: 300 synthetic branch curricula of 30 members each (5 roles, 6
   competencies, a committee of 5, 2 party groups, ~10 courses of every course kind,
   venues {会议室: 40, 活动室: 16}, default meetings, Tuesday to Friday, at most 2
   sessions a week, a few ``unavailable`` ranges), each varied by a seeded RNG. Times
   ``studykit.loads`` (text → curriculum), ``plan_quarter`` and ``check_plan`` for
   every branch: the total and per branch. Counts complete plans and check errors
   (there should be none; the first few are printed, they are bugs). Peak memory of a
   fresh child process that does all 300 in sequence.
2. **large**: one curriculum of 2,000 members (40 roles, 20 party groups, a committee of
   7, venues {大会议室: 400, 会议室: 40, 活动室: 16}, 30 courses). Times ``plan_quarter``
   and ``check_plan`` separately, counts sessions, unplaced sessions and check
   errors; peak memory of a fresh child process that loads, plans and checks it.
3. **growth**: ``plan_quarter`` time (median of 3) for 100, 200, 500, 1000 and 2000
   members built the same way as 2 (one party group per 100 members), next to n/100
   and (n log n)/(100 log 100), with a verdict on whether it grows faster than n log n.

4. **year**: a district's year, every branch's four quarters and annual.docx written in
   parallel.
5. **courses**: one branch of 30 members with 2,500, 5,000 and 10,000 more skill courses
   (far more than a quarter holds: most are reported unplaced): ``loads``,
   ``plan_quarter``, ``check_plan``, and the year's report (``year_plans``, the ledger,
   report.docx and ledger.xlsx), with the growth between the sizes.

Peak memory is the VmHWM of a fresh child process (so runs do not share a heap),
shown next to the peak of a child that only imports studykit. Times are
``time.perf_counter`` wall-clock seconds. ``--profile`` adds a cProfile of the
2,000-member plan (top functions by cumulative time).

Sanity checks (the run exits 1 if one fails): no check error in any plan (an error
that only repeats an unplaced meeting's missed minimum is counted apart, it is no rule
broken), and every plan has sessions (a plan of nothing breaks no rule either).

Run by hand: ``.venv/bin/python benchmarks/plan.py`` (about 30 s on 2 cores);
``--quick`` runs the same on 5 branches, 200 members and sizes 100, 150, 200, once (what
``tests/test_benchmarks.py`` runs).
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from harness import Checks, parse
from memory import peak_mb

QUARTER = "2026Q2"
QUARTER_FIRST = date(2026, 4, 1)
QUARTER_DAYS = 91               # 2026-04-01 .. 2026-06-30
# Tuesdays to Fridays of 2026Q2 that are working days: days a course may be pinned to.
PIN_DAYS = ["2026-04-15", "2026-04-23", "2026-05-13", "2026-05-21", "2026-06-04",
            "2026-06-10", "2026-06-24"]

COMPETENCIES = {
    "theory": "政治理论", "policy": "就业创业政策", "communication": "沟通技巧",
    "leadership": "领导力", "project": "项目管理", "integrity": "廉政风险防控",
}
COMPS = list(COMPETENCIES)
BUSINESS_ROLES = ["政策咨询窗口", "企业服务专员", "职业培训管理", "就业援助专员", "财务审核",
                  "档案管理", "信息化管理", "综合办公室", "劳动关系协调", "人才服务专员"]
OUTSIDE_SPEAKERS = ["区委党校", "区人社局培训科", "市委讲师团", "区纪委监委",
                    "盐城工学院继续教育学院", "区总工会"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶"
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红玲"
         "芬燕彬鑫波斌宇浩凯健俊帆旭宁龙林欢阳海云峰晨雪琳晓")
GROUP_NAMES = ["第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十"]
SIZES = (100, 200, 500, 1000, 2000)


# --- synthetic curricula -----------------------------------------------------------------


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def _group_name(i: int) -> str:
    return f"{GROUP_NAMES[i]}党小组" if i < len(GROUP_NAMES) else f"第{i + 1}党小组"


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in mapping.items()) + "}"


def _unavailable(rng: random.Random) -> str:
    """One date or range inside the quarter, as YAML text."""
    first = QUARTER_FIRST + timedelta(days=rng.randrange(QUARTER_DAYS - 7))
    if rng.random() < 0.4:
        return f"[{first}]"
    last = first + timedelta(days=rng.randint(1, 6))
    return f"[{first}..{last}]"


def _levels(rng: random.Random, requires: dict[str, int], gaps: tuple[float, float]) -> str:
    """Assessed levels near what the role requires: a gap of 1 or 2 with the given odds."""
    levels = {}
    for comp, req in requires.items():
        draw = rng.random()
        gap = 2 if draw < gaps[1] else 1 if draw < gaps[0] + gaps[1] else 0
        levels[comp] = max(0, req - gap + (1 if gap == 0 and rng.random() < 0.2 else 0))
        levels[comp] = min(levels[comp], 5)
    for comp in COMPS:
        if comp not in levels and rng.random() < 0.3:
            levels[comp] = rng.randint(0, 3)
    return _flow(levels)


@dataclass
class _Spec:
    """The shape of one synthetic curriculum."""

    name: str
    members: int
    roles: list[tuple[str, str, dict[str, int]]]  # id, name, requires
    groups: int
    committee: list[str]                          # posts of the first members, all full
    party_odds: list[tuple[str, float]]           # party standing of the other members
    venues: dict[str, int]
    gaps: tuple[float, float]                     # odds of a gap of 1 and of 2
    unavailable: float                            # share of members with a range
    courses: list[str] = field(default_factory=list)


def _roles(rng: random.Random, count: int) -> list[tuple[str, str, dict[str, int]]]:
    out = [("director", "支部书记、主任",
            {"theory": 4, "leadership": 4, "integrity": 4, "policy": 3})]
    for i in range(1, count):
        name = BUSINESS_ROLES[(i - 1) % len(BUSINESS_ROLES)]
        if count > len(BUSINESS_ROLES) + 1:
            name += f"{(i - 1) // len(BUSINESS_ROLES) + 1}岗"
        comps = rng.sample(COMPS, rng.randint(3, 4))
        out.append((f"role-{i:02d}", name, {c: rng.randint(2, 4) for c in comps}))
    return out


def _render(rng: random.Random, spec: _Spec) -> tuple[list[str], list[str]]:
    """The curriculum up to ``courses:`` as YAML lines, and the member ids by post."""
    lines = [
        "studykit: 1",
        "organization:",
        f"  name: {spec.name}",
        "  unit: 基准测试单位",
        f"  venues: {_flow(spec.venues)}",
        "competencies:",
        *(f"  {k}: {v}" for k, v in COMPETENCIES.items()),
        "roles:",
    ]
    for rid, name, requires in spec.roles:
        lines += [f"  {rid}:", f"    name: {name}", f"    requires: {_flow(requires)}"]
    lines.append("members:")
    kinds, weights = zip(*spec.party_odds, strict=True)
    party_seen = 0
    committee_ids = []
    for i in range(spec.members):
        mid = f"m{i:05d}"
        post = spec.committee[i] if i < len(spec.committee) else None
        party = "full" if post else rng.choices(kinds, weights)[0]
        role = spec.roles[0] if i == 0 else rng.choice(spec.roles[1:])
        lines += [f"  - id: {mid}", f"    name: {_person(rng)}", f"    role: {role[0]}",
                  f"    party: {party}"]
        if post:
            lines.append(f"    committee: {post}")
            committee_ids.append(mid)
        if party in ("full", "probationary"):
            lines.append(f"    group: {_group_name(party_seen % spec.groups)}")
            party_seen += 1
        lines.append(f"    levels: {_levels(rng, role[2], spec.gaps)}")
        if rng.random() < spec.unavailable:
            lines.append(f"    unavailable: {_unavailable(rng)}")
    lines.append("courses:")
    return lines, committee_ids


def _course(lines: list[str], rng: random.Random, cid: str, kind: str, title: str,
            **keys: Any) -> None:
    lines += [f"  - id: {cid}", f"    title: {title}", f"    kind: {kind}",
              f"    hours: {rng.choice([1.5, 2, 2, 3])}"]
    for key, value in keys.items():
        if value is not None:
            lines.append(f"    {key.replace('_', '-')}: {value}")
    lines.append("    agenda: [导入, 讲授, 讨论, 小结]")


def _tail(lines: list[str]) -> str:
    lines += ["calendar:", f"  quarter: {QUARTER}", "  weekdays: [tue, wed, thu, fri]",
              '  start: "15:00"', "  max-per-week: 2"]
    return "\n".join(lines) + "\n"


YEAR = 2026


def branch(index: int, seed: int = 1, members: int = 30) -> str:
    """A realistic branch curriculum (30 members, ~10 courses), varied by ``index``."""
    rng = random.Random(seed * 100_003 + index)
    spec = _Spec(
        name=f"基准测试第{index + 1:03d}党支部", members=members, roles=_roles(rng, 5), groups=2,
        committee=["secretary", "deputy", "member", "member", "member"],
        party_odds=[("full", rng.uniform(0.35, 0.55)), ("probationary", 0.1),
                    ("activist", 0.15), ("none", rng.uniform(0.15, 0.35))],
        venues={"会议室": 40, "活动室": 16}, gaps=(0.3, 0.15), unavailable=0.12)
    lines, committee = _render(rng, spec)
    secretary, deputy = committee[0], committee[1]
    business = [r[0] for r in spec.roles[1:]]
    n = 0

    def cid() -> str:
        nonlocal n
        n += 1
        return f"course-{n:02d}"

    for comp in rng.sample(["theory", "integrity"], rng.randint(1, 2)):
        # a series, one each quarter, as rules.minima asks (other courses: once a year)
        _course(lines, rng, cid(), "party-lecture", f"党课：{COMPETENCIES[comp]}专题",
                speaker=rng.choice([secretary, secretary, deputy]), audience="party",
                builds=_flow({comp: 1}), quarters="[1, 2, 3, 4]")
    for pin in rng.sample(PIN_DAYS, 2):  # two different days: pins that clash are no test
        picked = ", ".join(rng.sample(business, 2))
        audience = "all" if rng.random() < 0.4 else _flow({"roles": f"[{picked}]"})
        _course(lines, rng, cid(), "lecture", "业务政策专题讲座",
                speaker=rng.choice(OUTSIDE_SPEAKERS), audience=audience,
                builds=_flow({"policy": 1}), date=pin if rng.random() < 0.15 else None)
    _course(lines, rng, cid(), "seminar", "“党建+业务”座谈会", speaker=deputy, audience="all",
            builds=_flow({"communication": 1}))
    for comp in rng.sample(["policy", "communication", "leadership", "project"],
                           rng.randint(2, 4)):
        _course(lines, rng, cid(), "skill", f"{COMPETENCIES[comp]}能力提升",
                speaker=rng.choice(OUTSIDE_SPEAKERS), builds=_flow({comp: 1}))
    _course(lines, rng, cid(), "theme-day", "主题党日：重温入党誓词", speaker=secretary,
            audience="party", builds=_flow({"theory": 1}))
    _course(lines, rng, cid(), "practice", "志愿服务进社区",
            audience=rng.choice(["party", "all"]), builds=_flow({"communication": 1}))
    return _tail(lines)


def organisation(members: int, seed: int = 1) -> str:
    """A large curriculum: 40 roles, a party group per 100 members, committee of 7, 30 courses.

    Half of the courses start at 09:00 (``courses[].start``), so the 400-seat hall can
    hold two sessions a day.
    """
    rng = random.Random(seed * 7919 + members)
    spec = _Spec(
        name=f"基准测试{members}人党委", members=members, roles=_roles(rng, 40),
        groups=max(2, members // 100),
        committee=["secretary", "deputy", "member", "member", "member", "member", "member"],
        party_odds=[("full", 0.3), ("probationary", 0.05), ("activist", 0.1), ("none", 0.55)],
        venues={"大会议室": 400, "会议室": 40, "活动室": 16}, gaps=(0.25, 0.08),
        unavailable=0.1)
    lines, committee = _render(rng, spec)
    roles = [r[0] for r in spec.roles[1:]]
    plan = (["party-lecture"] * 2 + ["theme-day"] * 2 + ["practice"] * 2 + ["lecture"] * 8
            + ["seminar"] * 4 + ["skill"] * 12)
    for i, kind in enumerate(plan):
        picked = ", ".join(rng.sample(roles, rng.randint(4, 8)))
        some_roles = _flow({"roles": f"[{picked}]"})
        audience: str | None = {  # skill courses: the default, gaps
            "party-lecture": "party", "theme-day": "party", "practice": some_roles,
            "lecture": some_roles, "seminar": "all" if i == plan.index("seminar") else some_roles,
        }.get(kind)
        comp = COMPS[i % len(COMPS)]
        speaker = (rng.choice(committee[:2]) if kind in ("party-lecture", "theme-day")
                   else rng.choice(OUTSIDE_SPEAKERS))
        _course(lines, rng, f"course-{i + 1:02d}", kind, f"{COMPETENCIES[comp]}专题{i + 1}",
                speaker=speaker, audience=audience, builds=_flow({comp: 1}),
                start='"09:00"' if i % 2 == 0 else None)
    return _tail(lines)


# --- measuring ---------------------------------------------------------------------------


@dataclass
class _Run:
    load: float
    plan: float
    check: float
    sessions: int
    complete: bool
    unplaced: list[str]
    errors: list[str]
    """Check errors: rules broken by the plan the planner returned (should be none)."""
    missed: list[str]
    """Check errors that only repeat an unplaced meeting (a minimum not met)."""
    warnings: int


def _run(text: str, name: str) -> _Run:
    import studykit
    from studykit.engine.checker import check_plan
    from studykit.engine.planner import plan_quarter

    t0 = time.perf_counter()
    cur = studykit.loads(text, name)
    t1 = time.perf_counter()
    plan = plan_quarter(cur, QUARTER)
    t2 = time.perf_counter()
    findings = check_plan(cur, plan)
    t3 = time.perf_counter()
    errors = [f for f in findings if f.level == "error"]
    # "no theme-day in 2026-05" when the planner reported that theme day unplaced
    missed = [f for f in errors if f.rule == "minimum" and any(
        u.id.startswith(f.session.split()[0] + "-") for u in plan.unplaced)]
    return _Run(t1 - t0, t2 - t1, t3 - t2, len(plan.sessions), plan.complete,
                [str(u) for u in plan.unplaced],
                [str(f) for f in errors if f not in missed], [str(f) for f in missed],
                len(findings) - len(errors))


def _median_plan(text: str, repeat: int) -> tuple[float, int]:
    import studykit
    from studykit.engine.planner import plan_quarter

    cur = studykit.loads(text, "growth.yaml")
    times, sessions = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        plan = plan_quarter(cur, QUARTER)
        times.append(time.perf_counter() - start)
        sessions = len(plan.sessions)
    return statistics.median(times), sessions


def _child(which: str, count: int, seed: int) -> None:
    """Run in a fresh process: do the work, print the peak resident memory in MB."""
    import studykit
    import studykit.engine.checker
    import studykit.engine.planner  # noqa: F401

    if which == "district":
        for i in range(count):
            _run(branch(i, seed), f"branch-{i:03d}.yaml")
    elif which == "large":
        _run(organisation(count, seed), "large.yaml")
    print(f"{peak_mb():.1f}")


def _peak_child(which: str, count: int, seed: int) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(count), str(seed)],
        check=True, capture_output=True, text=True,
    )
    return float(out.stdout.strip())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f} ms"


def _show_problems(title: str, items: list[str], limit: int = 5) -> None:
    if not items:
        return
    print(f"  {title} (first {min(limit, len(items))} of {len(items)}):")
    for item in items[:limit]:
        print(f"    - {item}")


def district(count: int, seed: int, check: Checks) -> None:
    texts = [branch(i, seed) for i in range(count)]
    runs = [_run(text, f"branch-{i:03d}.yaml") for i, text in enumerate(texts)]
    peak = _peak_child("district", count, seed)

    print(f"\n1. District: {count} branches × 30 members, quarter {QUARTER}")
    print(f"   {'phase':<14}{'total':>10}   {'mean/branch':>12}   {'median':>12}   "
          f"{'max':>12}")
    phases: list[tuple[str, Callable[[_Run], float]]] = [
        ("load", lambda r: r.load), ("plan_quarter", lambda r: r.plan),
        ("check_plan", lambda r: r.check), ("all three", lambda r: r.load + r.plan + r.check)]
    for name, get in phases:
        values = [get(r) for r in runs]
        print(f"   {name:<14}{sum(values):9.2f} s   {_ms(statistics.mean(values))}   "
              f"{_ms(statistics.median(values))}   {_ms(max(values))}")
    complete = sum(r.complete for r in runs)
    errors = [f"branch {i}: {e}" for i, r in enumerate(runs) for e in r.errors]
    missed = [f"branch {i}: {e}" for i, r in enumerate(runs) for e in r.missed]
    unplaced = [f"branch {i}: {u}" for i, r in enumerate(runs) for u in r.unplaced]
    sessions = [r.sessions for r in runs]
    print(f"   sessions per branch: {min(sessions)}–{max(sessions)} "
          f"(mean {statistics.mean(sessions):.1f})")
    print(f"   complete plans     : {complete} of {count}  "
          f"({len(unplaced)} sessions unplaced in all)")
    print(f"   check errors       : {len(errors)}  (in {sum(bool(r.errors) for r in runs)} "
          f"plans; should be 0)  + {len(missed)} minima missed by unplaced meetings")
    print(f"   check warnings     : {sum(r.warnings for r in runs)}  (members behind the "
          "yearly hour pace; not rule breaks)")
    print(f"   peak memory        : {peak:.1f} MB  (child doing all {count} in sequence)")
    _show_problems("CHECK ERRORS — the planner broke a rule: a bug", errors)
    _show_problems("minima missed because a meeting was unplaced", missed)
    _show_problems("unplaced", unplaced)
    check(not errors, f"district: {len(errors)} check errors in the {count} plans")
    check(min(sessions) > 0, f"district: every plan has sessions (fewest {min(sessions)})")


def _plan_year(path: str, out: str) -> tuple[bool, int, float]:
    """One branch's year planned and written (in a worker): complete?, files written, the
    worker's peak memory so far (MB)."""
    import resource

    from studykit.app.workflows import plan_year

    run = plan_year(path, YEAR, out)
    written = sum(len(q.written.written) for q in run.quarters if q.written) + \
        (len(run.written.written) if run.written else 0)
    return not run.failed, written, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def year(count: int, seed: int, jobs: int, check: Checks) -> None:
    """A district's year: every branch's four quarters and its annual.docx, in parallel."""
    import tempfile
    from concurrent.futures import ProcessPoolExecutor
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="studykit-year-") as tmp:
        root = Path(tmp)
        paths = []
        for i in range(count):
            path = root / f"branch-{i:03d}.yaml"
            path.write_text(branch(i, seed), encoding="utf-8")
            paths.append(str(path))
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_plan_year, paths,
                                    [str(root / "out" / Path(p).stem) for p in paths]))
        wall = time.perf_counter() - started
        complete = sum(ok for ok, _, _ in results)
        files = sum(n for _, n, _ in results)
        annual = sum(1 for p in paths if (root / "out" / Path(p).stem / "annual.docx").exists())
        print(f"\n4. A district's year: {count} branches × 30 members, {YEAR}, {jobs} workers")
        print(f"   wall time {wall:.1f} s ({wall / count * 1000:.0f} ms a branch), "
              f"{files} files written, {complete} of {count} years complete")
        print(f"   peak memory of a worker: {max(m for _, _, m in results):.1f} MB "
              f"(ru_maxrss; flat in branches: each worker plans one branch at a time)")
        check(complete == count, f"year: {complete} of {count} branches' years complete")
        check(annual == count, f"year: annual.docx for {annual} of {count} branches")


def large(members: int, seed: int, check: Checks) -> None:
    r = _run(organisation(members, seed), "large.yaml")
    peak = _peak_child("large", members, seed)
    print(f"\n2. One large curriculum: {members} members, 40 roles, "
          f"{max(2, members // 100)} party groups, 30 courses, quarter {QUARTER}")
    print(f"   load (studykit.loads): {_ms(r.load)}")
    print(f"   plan_quarter         : {_ms(r.plan)}")
    print(f"   check_plan           : {_ms(r.check)}")
    print(f"   sessions             : {r.sessions} placed, {len(r.unplaced)} unplaced "
          f"(complete: {r.complete})")
    print(f"   check errors         : {len(r.errors)}  (should be 0)  + {len(r.missed)} "
          "minima missed by unplaced meetings")
    print(f"   check warnings       : {r.warnings}")
    print(f"   peak memory          : {peak:.1f} MB  (child: load + plan + check)")
    _show_problems("CHECK ERRORS — the planner broke a rule: a bug", r.errors)
    _show_problems("minima missed because a meeting was unplaced", r.missed)
    _show_problems("unplaced", r.unplaced, limit=12)
    check(not r.errors, f"large: {len(r.errors)} check errors in the plan of {members} members")
    check(r.sessions > 0, f"large: the plan has sessions ({r.sessions})")


def growth(sizes: tuple[int, ...], repeat: int, seed: int, check: Checks) -> None:
    rows = [(n, *_median_plan(organisation(n, seed), repeat)) for n in sizes]
    base_n, base_t, _ = rows[0]
    print(f"\n3. Growth of plan_quarter (median of {repeat}), built like 2")
    print(f"   {'members':>8} {'sessions':>9} {'time':>12} {'t/t0':>8} {'n/n0':>8} "
          f"{'nlogn/n0logn0':>14}")
    for n, t, sessions in rows:
        nlogn = (n * math.log(n)) / (base_n * math.log(base_n))
        print(f"   {n:>8} {sessions:>9} {_ms(t):>12} {t / base_t:8.1f} {n / base_n:8.1f} "
              f"{nlogn:14.1f}")
    # least-squares slope of log t against log n: time ∝ n^k
    xs = [math.log(n) for n, _, _ in rows]
    ys = [math.log(t) for _, t, _ in rows]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    k = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs)
    last_n, last_t, _ = rows[-1]
    ratio = last_t / base_t
    nlogn = (last_n * math.log(last_n)) / (base_n * math.log(base_n))
    faster = ratio > 1.25 * nlogn
    print(f"   verdict: time grows ~n^{k:.2f}; {base_n}→{last_n} members costs {ratio:.1f}× "
          f"vs n log n {nlogn:.1f}× — "
          + ("FASTER than n log n (superlinear: look at the profile)" if faster
             else "within n log n"))
    if len(rows) > 2:  # the local slope at the top end, where a quadratic term shows first
        (n1, t1, _), (n2, t2, _) = rows[-2], rows[-1]
        print(f"   between {n1} and {n2} members: ×{t2 / t1:.1f} for ×{n2 / n1:.1f} members "
              f"(~n^{math.log(t2 / t1) / math.log(n2 / n1):.2f})")
    check(all(sessions > 0 for _, _, sessions in rows),
          f"growth: every size's plan has sessions (fewest {min(r[2] for r in rows)})")


def many_courses(count: int, seed: int) -> str:
    """A branch (like 1) with ``count`` more skill courses for everyone in the second
    quarter: more than it can hold, so most are reported unplaced, which is work too."""
    text = branch(0, seed)
    head, tail = text.split("calendar:\n", 1)
    rng = random.Random(seed)
    lines: list[str] = []
    for i in range(count):
        comp = COMPS[i % len(COMPS)]
        _course(lines, rng, f"many-{i:05d}", "skill", f"{COMPETENCIES[comp]}第{i + 1}期",
                speaker=rng.choice(OUTSIDE_SPEAKERS), builds=_flow({comp: 1}),
                audience="all", quarters="[2]")
    return head + "\n".join(lines) + "\ncalendar:\n" + tail


def courses(sizes: tuple[int, ...], seed: int, check: Checks) -> None:
    """Many courses: plan, check, and the year's report (ledger, report.docx, ledger.xlsx)
    of one branch; each step should grow about linearly in the courses."""
    import studykit
    from studykit.engine.checker import check_plan
    from studykit.engine.ledger import build_ledger
    from studykit.engine.planner import plan_quarter, year_plans
    from studykit.render.docxtemplate import Templates
    from studykit.render.report import ledger_xlsx, report_docx

    print(f"\n5. Many courses: one branch of 30 members, quarter {QUARTER}; the report is "
          "of the year, with no records yet")
    print(f"   {'courses':>8} {'load':>9} {'plan':>9} {'check':>9} {'report':>9} "
          f"{'placed':>7} {'unplaced':>9}")
    rows = []
    for n in sizes:
        text = many_courses(n, seed)
        t0 = time.perf_counter()
        cur = studykit.loads(text, "many.yaml")
        t1 = time.perf_counter()
        plan = plan_quarter(cur, QUARTER)
        t2 = time.perf_counter()
        check_plan(cur, plan)
        t3 = time.perf_counter()
        plans = year_plans(cur, [YEAR])
        ledger = build_ledger(cur, plans, [], YEAR)
        report_docx(ledger, Templates(cur.locale))
        ledger_xlsx(ledger)
        t4 = time.perf_counter()
        rows.append((n, t4 - t0))
        print(f"   {n:>8} {_ms(t1 - t0):>9} {_ms(t2 - t1):>9} {_ms(t3 - t2):>9} "
              f"{_ms(t4 - t3):>9} {len(plan.sessions):>7} {len(plan.unplaced):>9}")
        check(len(plan.sessions) + len(plan.unplaced) >= n,
              f"courses: every one of {n} courses is placed or reported unplaced")
    (n0, t0), (n1, t1) = rows[0], rows[-1]
    print(f"   verdict: ×{t1 / t0:.1f} time for ×{n1 / n0:.1f} courses "
          f"(~n^{math.log(t1 / t0) / math.log(n1 / n0):.2f})")


def profile(members: int, seed: int, top: int = 10) -> None:
    import cProfile
    import pstats

    import studykit
    from studykit.engine.planner import plan_quarter

    cur = studykit.loads(organisation(members, seed), "large.yaml")
    profiler = cProfile.Profile()
    profiler.runcall(plan_quarter, cur, QUARTER)
    print(f"\nprofile: plan_quarter of {members} members, top {top} by cumulative time")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--branches", type=int, default=300)
    parser.add_argument("--members", type=int, default=2000, help="of the large curriculum")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile the large plan (top 10 by cumulative time)")
    parser.add_argument("--year-branches", type=int, default=300,
                        help="branches whose whole year is planned and written")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--courses", type=int, nargs="+", default=[2500, 5000, 10000],
                        help="sizes of the many-courses branch")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parse(parser, branches=5, members=200, sizes=[100, 150, 200], repeat=1,
                 year_branches=3, courses=[100, 200])
    if len(set(args.sizes)) < 2:
        parser.error("--sizes: give at least two different sizes (the growth is a slope)")

    if args.child:
        which, count, seed = args.child
        _child(which, int(count), int(seed))
        return

    started = time.perf_counter()
    _run(branch(0, args.seed), "warm-up.yaml")  # imports, holiday data of 2026
    baseline = _peak_child("imports", 0, args.seed)
    print(f"studykit plan benchmark, quarter {QUARTER}, seed {args.seed}; "
          f"a child that only imports studykit peaks at {baseline:.1f} MB")
    check = Checks()
    district(args.branches, args.seed, check)
    large(args.members, args.seed, check)
    growth(tuple(args.sizes), args.repeat, args.seed, check)
    year(args.year_branches, args.seed, args.jobs, check)
    courses(tuple(args.courses), args.seed, check)
    if args.profile:
        profile(args.members, args.seed)
    print(f"\ntotal benchmark time: {time.perf_counter() - started:.0f} s")
    check.done()


if __name__ == "__main__":
    main()
