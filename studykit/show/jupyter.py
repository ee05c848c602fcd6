"""Jupyter shows studykit's results as tables in the curriculum's language.

The result objects know nothing of how they are shown: :func:`register` tells IPython,
by type name, which function of :mod:`.display` draws each one, so nothing is
imported until an object is first shown. ``import studykit`` calls it when IPython is
running.
"""

from __future__ import annotations

from typing import Any

_SHOWN = {
    ("studykit.domain.models", "Curriculum"): "curriculum_html",
    ("studykit.engine.needs", "Needs"): "needs_html",
    ("studykit.domain.plan", "Plan"): "plan_html",
    ("studykit.domain.records", "Record"): "record_html",
    ("studykit.engine.ledger", "Ledger"): "ledger_html",
    ("studykit.engine.evaluation", "Evaluation"): "evaluation_html",
}


def _drawer(name: str) -> Any:
    def draw(obj: Any) -> str:
        from . import display

        return str(getattr(display, name)(obj))

    return draw


def register(shell: Any = None) -> bool:
    """Register the HTML views with the running IPython (or ``shell``); False outside it."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    html = shell.display_formatter.formatters["text/html"]
    for (module, type_name), name in _SHOWN.items():
        html.for_type_by_name(module, type_name, _drawer(name))
    return True
