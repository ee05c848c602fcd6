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
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.vocabulary import KINDS
from ..domain.workdays import WorkCalendar
from ..render.report import period_title
from ..words import text, weekday_head

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..domain.plan import Plan
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
    fig.suptitle(text(loc, "plan.title", org=cur.organization.name, quarter=plan.quarter))
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
