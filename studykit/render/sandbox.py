"""The Jinja sandbox templates run in, with a limit on everything a template can ask for.

A user's template is code. Jinja's sandbox already keeps it away from Python's insides;
here it is also kept from taking the machine:

- ``range`` gives at most :data:`MAX_RANGE` numbers;
- ``*`` and ``+`` make no text or list longer than :data:`MAX_LENGTH`, and ``**`` no
  number of more than :data:`MAX_POWER_BITS` bits (Python computes either in one step
  that nothing can interrupt, so they are refused before they start);
- one document may take :data:`TIME_BUDGET` seconds (nested loops), produce
  :data:`MAX_OUTPUT` characters of XML, and allocate :data:`MEMORY_BUDGET` bytes beyond
  what the process already holds (text joined with ``~`` in a loop, ``center``,
  ``replace``…: every other way to build a large value).

The time budget uses ``SIGALRM`` and so holds in a program's main thread (the command
line, a district's worker processes, a Jupyter kernel); the memory budget uses
``RLIMIT_AS`` and so holds on Linux. Elsewhere the other limits still apply.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..words import Message, msg

MAX_RANGE = 10_000
"""The most numbers one ``range()`` gives."""
MAX_LENGTH = 1_000_000
"""The longest text or list one ``*`` or ``+`` makes."""
MAX_POWER_BITS = 10_000
"""The largest number (in bits) one ``**`` makes: about 3,000 digits."""
TIME_BUDGET = 10.0
"""Seconds one document may take to render (a built-in one takes a few milliseconds)."""
MAX_OUTPUT = 64 * 1024 * 1024
"""Characters of XML one part of one document may have (a built-in one has about 100,000)."""
MEMORY_BUDGET = 1024 * 1024 * 1024
"""Bytes of memory one document may take beyond what the process already holds."""


class Limit(SecurityError):
    """A limit of the sandbox reached: carries the message that says which."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.said = message


class _TimeUp(BaseException):
    """Raised by the alarm; a BaseException, so no ``except Exception`` on the way
    catches it."""


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise Limit(msg("template.limit_range", n=len(numbers), most=MAX_RANGE))
    return numbers


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the limits above on ``range``, ``*``, ``+``, ``**``."""

    intercepted_binops = frozenset({"*", "+", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(undefined=StrictUndefined, **options)
        self.globals["range"] = _range

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``left operator right``, refused when the result would be too large."""
        if operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0 \
                    and abs(left) > 1 and right * left.bit_length() > MAX_POWER_BITS:
                raise Limit(msg("template.limit_power", most=MAX_POWER_BITS))
        elif operator == "*":
            for items, times in ((left, right), (right, left)):
                if isinstance(items, (str, bytes, list, tuple)) and isinstance(times, int) \
                        and len(items) * times > MAX_LENGTH:
                    raise Limit(msg("template.limit_length", most=MAX_LENGTH))
        elif isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                and len(left) + len(right) > MAX_LENGTH:
            raise Limit(msg("template.limit_length", most=MAX_LENGTH))
        return super().call_binop(context, operator, left, right)


def render(compiled: Any, context: Mapping[str, Any]) -> str:
    """Run a compiled template, stopped with :class:`Limit` past :data:`MAX_OUTPUT`; run
    it within :func:`budgets` for the limits of time and memory."""
    chunks, size = [], 0
    for chunk in compiled.generate(context):
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise Limit(msg("template.limit_output", mb=round(MAX_OUTPUT / 2**20, 1)))
        chunks.append(chunk)
    return "".join(chunks)


@contextmanager
def budgets() -> Iterator[None]:
    """The budgets of one document, :data:`TIME_BUDGET` and :data:`MEMORY_BUDGET`; either
    exceeded raises :class:`Limit`."""
    # the alarm is disarmed before the memory limit is lifted, and caught outside both,
    # so it cannot fire into the clean-up
    try:
        with _memory_budget(), _time_budget():
            yield
    except _TimeUp:
        raise Limit(msg("template.limit_time", seconds=TIME_BUDGET)) from None
    except MemoryError:
        raise Limit(msg("template.limit_memory", mb=MEMORY_BUDGET // 2**20)) from None


@contextmanager
def _time_budget() -> Iterator[None]:
    import signal

    if not hasattr(signal, "setitimer") or threading.current_thread() \
            is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, stop)
    host, _ = signal.setitimer(signal.ITIMER_REAL, TIME_BUDGET)   # the host's own alarm
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if host:                                # given back, less the time taken
            signal.setitimer(signal.ITIMER_REAL,
                             max(host - (time.monotonic() - started), 0.001))


def _address_space() -> int | None:
    """The bytes of address space the process holds now (Linux), else None."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def _memory_budget() -> Iterator[None]:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        yield                                   # a process-wide limit: the main thread's
        return
    held = _address_space()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = None if held is None else held + MEMORY_BUDGET
    if limit is not None and hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if limit is None or (soft != resource.RLIM_INFINITY and soft <= limit):
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
