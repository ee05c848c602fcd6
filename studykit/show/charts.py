"""Pictures where people would rather look than read (matplotlib).

Each function returns a :class:`matplotlib.figure.Figure` built without pyplot (so it
works in scripts, tests and notebooks alike); :func:`save` writes it as PNG or SVG,
without time stamps, so the same figure gives the same file. Chinese labels need a
Chinese font: the first one found among the usual names is used, and if there is none
a warning says which package to install.
"""

from __future__ import annotations

import calendar
import warnings
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.vocabulary import KINDS
from ..domain.workdays import WorkCalendar
from ..render.report import period_title
from ..words import quarter_title, text, weekday_head

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..domain.plan import Plan
    from ..engine.evaluation import Evaluation
    from ..engine.ledger import Ledger
    from ..engine.needs import Needs

CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
             "Hiragino Sans GB", "Arial Unicode MS")
KIND_COLOURS = dict(zip(KINDS, ("#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#b07aa1",
                                "#76b7b2", "#9c755f", "#edc948", "#bab0ac", "#ff9da7"),
                        strict=True))


@cache
def cjk_font(locale: str = "zh-CN") -> str | None:
    """The name of an installed font with Chinese glyphs, or None (with a warning in
    ``locale``)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    warnings.warn(text(locale, "charts.no_font"), stacklevel=2)
    return None


def _figure(width: float, height: float, locale: str) -> Figure:
    from matplotlib.figure import Figure

    font = cjk_font(locale)
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    if font:
        from matplotlib import rcParams

        rcParams["font.family"] = "sans-serif"
        rcParams["font.sans-serif"] = [font, *rcParams["font.sans-serif"]]
        rcParams["axes.unicode_minus"] = False
    return fig


def save(fig: Figure, path: Path | str) -> Path:
    """Write ``fig`` as PNG or SVG (by the file's suffix), with no time stamp in it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    metadata = {"Software": None} if suffix == ".png" else {"Date": None, "Creator": None}
    fig.savefig(path, metadata=metadata, dpi=120)
    return path


def gap_heatmap(needs: Needs) -> Figure:
    """Members × competencies, coloured by the levels still missing, each cell
    annotated current/required."""
    import numpy as np

    cur, loc = needs.curriculum, needs.curriculum.locale
    comps = list(cur.competencies)
    by = {(g.member, g.competency): g for g in needs.gaps}
    missing = np.zeros((len(cur.members), len(comps)))
    fig = _figure(1.6 + 1.1 * len(comps), 1.0 + 0.35 * len(cur.members), loc)
    ax = fig.add_subplot()
    for i, m in enumerate(cur.members):
        for j, c in enumerate(comps):
            g = by.get((m.id, c))
            if g is None:
                continue
            missing[i, j] = g.missing
            if g.required or g.current:
                ax.text(j, i, f"{g.current}/{g.required or '-'}", ha="center", va="center",
                        fontsize=8, color="white" if g.missing >= 2 else "black")
    image = ax.imshow(missing, cmap="Reds", vmin=0, vmax=max(3, missing.max()), aspect="auto")
    ax.set_xticks(range(len(comps)), [cur.competencies[c] for c in comps], rotation=30,
                  ha="right")
    ax.set_yticks(range(len(cur.members)), [m.name for m in cur.members])
    ax.set_title(text(loc, "needs.title", org=cur.organization.name), fontsize=11)
    fig.colorbar(image, ax=ax, label=text(loc, "needs.levels"))
    return fig


def quarter_calendar(plan: Plan) -> Figure:
    """The quarter as three month grids; days off are grey, each session a coloured bar
    (by kind) with its title."""
    from matplotlib.patches import Patch, Rectangle


    cur, loc = plan.curriculum, plan.curriculum.locale
    workdays = WorkCalendar.for_curriculum(cur)
    by_day: dict[date, list[str]] = defaultdict(list)
    kinds: dict[date, list[str]] = defaultdict(list)
    for s in plan.sessions:
        by_day[s.date].append(s.title)
        kinds[s.date].append(s.kind)
    fig = _figure(16, 5.8, loc)
    axes = fig.subplots(1, 3)
    heads = [weekday_head(loc, i) for i in range(7)]
    for ax, month in zip(axes, plan.quarter.months, strict=True):
        weeks = calendar.Calendar().monthdatescalendar(plan.quarter.year, month)
        ax.set_xlim(0, 7)
        ax.set_ylim(len(weeks) + 0.05, -0.6)
        ax.axis("off")
        ax.set_title(text(loc, "plan.month", year=plan.quarter.year, month=month,
                          month_name=calendar.month_name[month]), fontsize=12)
        for d, head in enumerate(heads):
            ax.text(d + 0.5, -0.3, head, ha="center", fontsize=9)
        for w, week in enumerate(weeks):
            for d, day in enumerate(week):
                if day.month != month:
                    continue
                off = not workdays.is_workday(day)
                ax.add_patch(Rectangle((d, w), 1, 1, facecolor="#e8e8e8" if off else "white",
                                       edgecolor="#999", linewidth=0.5))
                ax.text(d + 0.05, w + 0.22, str(day.day), fontsize=7, color="#555")
                for k, (title, kind) in enumerate(zip(by_day[day], kinds[day], strict=True)):
                    y = w + 0.35 + 0.32 * k
                    ax.add_patch(Rectangle((d + 0.03, y), 0.94, 0.28,
                                           facecolor=KIND_COLOURS[kind], linewidth=0))
                    ax.text(d + 0.06, y + 0.2, title[:7], fontsize=6, color="white",
                            clip_on=True)
    used = sorted({s.kind for s in plan.sessions}, key=KINDS.index)
    fig.legend(handles=[Patch(color=KIND_COLOURS[k], label=text(loc, f"kind.{k}"))
                        for k in used], loc="outside lower center", ncol=len(used), fontsize=9)
    fig.suptitle(text(loc, "plan.title", org=cur.organization.name,
                 quarter=quarter_title(loc, plan.quarter)))
    return fig


def hours_chart(ledger: Ledger) -> Figure:
    """Study hours per member against the pace (▲) and the yearly floor (|)."""
    cur, loc = ledger.curriculum, ledger.curriculum.locale
    rows = list(reversed(ledger.hours))
    colours = {"met": "#59a14f", "on track": "#4e79a7", "behind": "#e15759", None: "#bab0ac"}
    fig = _figure(9, 1.0 + 0.38 * len(rows), loc)
    ax = fig.add_subplot()
    y = range(len(rows))
    ax.barh(y, [h.year for h in rows], color=[colours[h.status] for h in rows])
    for i, h in enumerate(rows):
        if h.floor is not None and h.pace is not None:
            ax.plot([h.floor], [i], marker="|", markersize=14, color="black")
            ax.plot([h.pace], [i], marker="^", markersize=6, color="black")
    ax.set_yticks(list(y), [cur.member_by_id[h.member].name for h in rows])
    ax.set_xlabel(text(loc, "col.hours"))

    ax.set_title(f"{text(loc, 'ledger.hours')} — {period_title(ledger)}", fontsize=11)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=colours[s], label=text(loc, f"status.{s}"))
                       for s in ("met", "on track", "behind")], fontsize=8, loc="lower right")
    return fig


def meetings_chart(ledger: Ledger) -> Figure:
    """Meetings held against those required, per kind, over the report's period."""
    loc = ledger.curriculum.locale
    required: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for m in ledger.meetings:
        required[m.kind] += m.required
        held[m.kind] += min(len(m.held), m.required)
    from matplotlib.ticker import MaxNLocator

    kinds = sorted(required, key=KINDS.index)
    fig = _figure(8, 4, ledger.curriculum.locale)
    ax = fig.add_subplot()
    x = range(len(kinds))
    ax.bar([i - 0.2 for i in x], [required[k] for k in kinds], width=0.4, color="#bab0ac",
           label=text(loc, "col.required"))
    ax.bar([i + 0.2 for i in x], [held[k] for k in kinds], width=0.4, color="#4e79a7",
           label=text(loc, "col.held"))
    ax.set_xticks(list(x), [text(loc, f"kind.{k}") for k in kinds])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=9)
    ax.set_title(text(loc, "ledger.meetings"), fontsize=11)
    return fig


# --- the year's evaluation: one bar per party member, in the curriculum's order -------

_MET, _NOT_MET, _NONE = "#59a14f", "#e15759", "#bab0ac"


def _members_axis(ax: Any, names: Sequence[str]) -> None:
    """Members top to bottom in the order given (the curriculum's: no ranking)."""
    ax.set_yticks(range(len(names)), list(names))
    ax.set_ylim(len(names) - 0.5, -0.5)


def year_hours_chart(ev: Evaluation) -> Figure:
    """Each party member's study hours in the year against their floor (|), in the
    curriculum's order, each bar labelled as the evidence table says it (9/12学时，未达到)."""
    from matplotlib.patches import Patch

    from ..render.evaluation import hours_text

    loc = ev.curriculum.locale
    rows = list(ev.evidence)
    fig = _figure(9, 1.2 + 0.38 * max(len(rows), 1), loc)
    ax = fig.add_subplot()
    hours = [e.hours.year if e.hours else 0.0 for e in rows]
    colours = [_NONE if e.hours is None or e.hours.floor is None
               else _MET if e.hours.status == "met" else _NOT_MET for e in rows]
    ax.barh(range(len(rows)), hours, color=colours)
    top = max([*hours, *(e.hours.floor or 0 for e in rows if e.hours)], default=0) or 1
    for i, e in enumerate(rows):
        if e.hours is not None and e.hours.floor is not None:
            ax.plot([e.hours.floor], [i], marker="|", markersize=14, color="black")
        ax.text(max(hours[i], e.hours.floor or 0 if e.hours else 0) + top * 0.01, i,
                hours_text(loc, e), va="center", fontsize=8)
    _members_axis(ax, [e.name for e in rows])
    ax.set_xlim(0, top * 1.35)
    ax.set_xlabel(text(loc, "col.hours"))
    ax.set_title(text(loc, "charts.year_hours", year=ev.year), fontsize=11)
    ax.legend(handles=[Patch(color=_MET, label=text(loc, "eval.met")),
                       Patch(color=_NOT_MET, label=text(loc, "eval.not_met"))],
              fontsize=8, loc="lower right")
    return fig


def attendance_chart(ev: Evaluation) -> Figure:
    """Each party member's attendance at the year's organisational life, as shares of the
    sessions they were expected at: attended, on leave and made up, on leave, without
    leave; labelled 11/12次（92%）."""
    from matplotlib.patches import Patch

    from ..render.evaluation import attendance_text

    loc = ev.curriculum.locale
    rows = list(ev.evidence)
    parts = (("attended", "#4e79a7"), ("on_leave_made_up", "#a0cbe8"),
             ("on_leave", "#f28e2b"), ("without_leave", "#e15759"))
    fig = _figure(9, 1.4 + 0.38 * max(len(rows), 1), loc)
    ax = fig.add_subplot()
    for i, e in enumerate(rows):
        a = e.attendance
        if a.expected:
            counts = (a.attended,
                      sum(1 for x in a.absences if not x.unexcused and x.made_up is not None),
                      sum(1 for x in a.absences if not x.unexcused and x.made_up is None),
                      a.unexcused)
            left = 0.0
            for n, (_, colour) in zip(counts, parts, strict=True):
                share = 100 * n / a.expected
                ax.barh(i, share, left=left, color=colour)
                left += share
        ax.text(101, i, attendance_text(loc, e), va="center", fontsize=8)
    _members_axis(ax, [e.name for e in rows])
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel(text(loc, "charts.share_of_sessions"))
    ax.set_title(text(loc, "charts.attendance", year=ev.year), fontsize=11)
    fig.legend(handles=[Patch(color=c, label=text(loc, f"charts.{k}")) for k, c in parts],
               loc="outside lower center", ncol=len(parts), fontsize=8)
    return fig


def indicators_chart(ev: Evaluation) -> Figure:
    """Each business indicator, one panel each: the value each party member holding it
    reached (a bar, green where the target is met) against their target (|), in the
    curriculum's order; 未填报 where nothing is recorded."""
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    cur, loc = ev.curriculum, ev.curriculum.locale
    panels = [(ident, [(e, r) for e in ev.evidence for r in e.indicators if r.indicator == ident])
              for ident in cur.indicators]
    panels = [(ident, held) for ident, held in panels if held]
    if not panels:
        fig = _figure(8, 1.6, loc)
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, text(loc, "charts.no_indicators"), ha="center", va="center")
        ax.set_title(text(loc, "charts.indicators", year=ev.year), fontsize=11)
        return fig
    heights = [len(held) + 1.2 for _, held in panels]
    fig = _figure(9, 1.0 + 0.36 * sum(heights), loc)
    axes = fig.subplots(len(panels), 1, squeeze=False, height_ratios=heights)[:, 0]
    for ax, (ident, held) in zip(axes, panels, strict=True):
        ind = cur.indicators[ident]
        values = [r.value or 0.0 for _, r in held]
        top = max([*values, *(r.target for _, r in held)], default=0) or 1
        for i, (_, r) in enumerate(held):
            # a stem to the value and a dot on it: a value of 0 (no complaint) shows too
            if r.value is not None:
                colour = _MET if r.achieved else _NOT_MET
                ax.hlines(i, 0, r.value, color=colour, linewidth=5)
                ax.plot([r.value], [i], marker="o", markersize=8, color=colour)
            ax.plot([r.target], [i], marker="|", markersize=14, color="black")
            label = text(loc, "charts.not_recorded") if r.value is None else \
                f"{r.value:g}/{r.target:g}"
            ax.text(max(r.value or 0, r.target) + top * 0.03, i, label, va="center",
                    fontsize=8, color="#555" if r.value is None else "black")
        _members_axis(ax, [e.name for e, _ in held])
        ax.set_xlim(-top * 0.03, top * 1.3)
        if all(float(v).is_integer() for v in [*values, *(r.target for _, r in held)]):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        unit = f"（{ind.unit}）" if ind.unit and loc == "zh-CN" else \
            f" ({ind.unit})" if ind.unit else ""
        lower = text(loc, "charts.lower_better") if ind.better == "lower" else ""
        ax.set_title(f"{ind.name}{unit}{lower}", fontsize=10, loc="left")
    fig.suptitle(text(loc, "charts.indicators", year=ev.year), fontsize=11)
    fig.legend(handles=[Patch(color=_MET, label=text(loc, "charts.achieved")),
                        Patch(color=_NOT_MET, label=text(loc, "charts.not_achieved"))],
               loc="outside lower center", ncol=2, fontsize=8)
    return fig
