"""Jupyter shows studykit's results as tables in the curriculum's language.

The result objects know nothing of how they are shown: :func:`register` tells IPython,
by type name, which function of :mod:`.display` draws each one as HTML and which
function of :mod:`.tables` writes it as text (what a notebook keeps beside the HTML, and
what a console or a text export shows), so nothing is imported until an object is first
shown. A mistake in the user's input (a :class:`~studykit.domain.errors.UserError`) is
said as the command line says it, in the curriculum's language, without a traceback.
``import studykit`` calls :func:`register` when IPython is running.
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
    ("studykit.engine.trials", "Trial"): "trial_html",
}
_WRITTEN = {
    ("studykit.domain.models", "Curriculum"): ("display", "curriculum_text"),
    ("studykit.engine.needs", "Needs"): ("tables", "needs_report"),
    ("studykit.domain.plan", "Plan"): ("tables", "plan_report"),
    ("studykit.domain.records", "Record"): ("tables", "record_text"),
    ("studykit.engine.ledger", "Ledger"): ("tables", "ledger_report"),
    ("studykit.engine.evaluation", "Evaluation"): ("tables", "evaluation_report"),
    ("studykit.engine.trials", "Trial"): ("display", "trial_text"),
}


def _drawer(name: str) -> Any:
    def draw(obj: Any) -> str:
        from . import display

        return str(getattr(display, name)(obj))

    return draw


def _writer(module: str, name: str) -> Any:
    def write(obj: Any, printer: Any, cycle: bool) -> None:
        from importlib import import_module

        printer.text(str(getattr(import_module(f"{__package__}.{module}"), name)(obj)))

    return write


def said(shell: Any, etype: type, value: BaseException, tb: Any,
         tb_offset: int | None = None) -> list[str]:
    """A user's mistake as the lines the command line prints, shown in the cell's output
    where a traceback would be (IPython's custom exception handler)."""
    lines = str(value).splitlines() or [etype.__name__]
    shell._showtraceback(etype, value, lines)
    return lines


def register(shell: Any = None) -> bool:
    """Register the HTML and text views, and the handler of a user's mistakes, with the
    running IPython (or ``shell``); False outside it."""
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
    plain = shell.display_formatter.formatters["text/plain"]
    for (module, type_name), (where, name) in _WRITTEN.items():
        plain.for_type_by_name(module, type_name, _writer(where, name))
    if hasattr(shell, "set_custom_exc"):
        from ..domain.errors import UserError

        shell.set_custom_exc((UserError,), said)
    return True
