"""The bounds on rendering one output: how long its template may run, how large it may be.

Jinja's sandbox stops a template from reaching outside the names it is given, not from
running forever (``{% for i in range(100000) %}{% for j in range(100000) %}`` never ends)
or from writing gigabytes (``{{ "x" * 200000000 }}``). :func:`render_bounded` renders a
template with both bounds of :class:`RenderLimits`:

- time: a deadline armed with ``signal.setitimer(ITIMER_REAL)`` around the rendering. When
  it fires, the ``SIGALRM`` handler raises :class:`RenderTimeout` in the rendering code,
  wherever it is (Python checks for signals on every backward jump, so a loop that prints
  nothing and calls nothing is stopped too). Signals reach only the main thread, so the
  deadline is armed only there: codegen's command line always renders in the main thread
  of its process, or of the fork :mod:`codegen.render.parallel` starts (a fork's only thread is
  its main thread). Rendering from another thread (codegen used as a library) runs
  without a deadline.
- size: the output is streamed (``Template.generate``) and its UTF-8 bytes counted; past
  the bound :class:`OutputTooLarge` is raised before the next chunk is made, so a huge
  output is never joined into one string.

The numbers are in :mod:`codegen.limits`; the defaults (:data:`DEFAULT_LIMITS`) and how
they were chosen are in docs/limits.md; the configuration keys ``render_timeout`` and
``max_output_mib`` change them. Besides the two bounds of a whole output, the operations
that build a lot of text in one C call, which neither bound can interrupt, are checked
before they run (:func:`checked_binop`, :func:`checked_call`, :func:`checked_format`,
:func:`bounded_filter`), and black, whose memory grows fastest, has a bound of its own
(:func:`black_fits`).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from codegen.limits import (
    BLACK_SET_CODES,
    DEFAULT_OUTPUT_MIB,
    DEFAULT_RENDER_SECONDS,
    DEFAULT_TEMPLATE_CPU_SECONDS,
    DEFAULT_TEMPLATE_MEMORY_MIB,
    MAX_BLACK_CODES,
    MAX_POWER_BITS,
    MAX_REPEAT,
    MEMORY_BOUND_GIB,
    MIB,
)

if TYPE_CHECKING:
    from jinja2 import Template  # not imported at run time: the configuration uses this module


@dataclass(frozen=True)
class RenderLimits:
    """The bounds on one output: ``seconds`` of template rendering (wall clock, formatting
    not included) and ``output_bytes`` of UTF-8 text, before and after formatting. A user
    template's output is made in a child process (:mod:`codegen.render.confine`) that may
    also add at most ``memory_bytes`` of address space to what it inherits and use at
    most ``cpu_seconds`` of CPU time (compiling, rendering, formatting, parsing back)."""

    seconds: float = DEFAULT_RENDER_SECONDS
    output_bytes: int = DEFAULT_OUTPUT_MIB * MIB
    memory_bytes: int = DEFAULT_TEMPLATE_MEMORY_MIB * MIB
    cpu_seconds: int = DEFAULT_TEMPLATE_CPU_SECONDS


DEFAULT_LIMITS = RenderLimits()


class RenderTimeout(BaseException):
    """Raised inside a template's code when its deadline passes. A BaseException, so that no
    ``except Exception`` between the template and :func:`render_bounded` swallows it."""


class OutputTooLarge(Exception):
    """The output passed :attr:`RenderLimits.output_bytes` (raised while streaming)."""


def checked_binop(operator: str, left: object, right: object) -> None:
    """Raise :class:`OutputTooLarge` when ``left * right`` repeats a string or list past
    :data:`MAX_REPEAT` items, or ``left ** right`` (integers) has more than
    :data:`MAX_POWER_BITS` bits. Both are single C calls that neither the deadline nor
    the streaming can interrupt, and Jinja would even run them while compiling a template
    (constant folding) unless the sandbox intercepts them."""
    if operator == "*":
        for sized, count in ((left, right), (right, left)):
            if isinstance(sized, (str, list, tuple)) and isinstance(count, int):
                too_many = len(sized) * count > MAX_REPEAT
                if too_many:
                    raise OutputTooLarge(f"{len(sized):,} × {count:,} items")
    elif operator == "%":
        checked_format(left)
    elif operator == "**" and isinstance(left, int) and isinstance(right, int):
        bits = abs(left).bit_length() * right if abs(left) > 1 else 0
        if bits > MAX_POWER_BITS:
            raise OutputTooLarge(f"a power of more than {MAX_POWER_BITS:,} bits")


_WIDE_FORMAT = re.compile(r"\d{8,}")  # a width or precision of 10,000,000 or more
WIDENING_FILTERS = ("center", "indent", "wordwrap", "truncate", "format")
WIDENING_METHODS = frozenset(("center", "ljust", "rjust", "zfill", "expandtabs"))


def checked_widths(args: Sequence[object], kwargs: Mapping[str, object]) -> None:
    """Raise :class:`OutputTooLarge` when an integer argument of a call that widens text
    passes :data:`MAX_REPEAT` (``"x".center(10**9)``, ``"x"|indent(10**9)``): the text is
    built in one C call that the deadline cannot interrupt."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_REPEAT:
            raise OutputTooLarge(f"a width of {value:,}, more than {MAX_REPEAT:,}")


def checked_format(text: object) -> None:
    """Raise :class:`OutputTooLarge` when ``text``, a format string (``%`` or
    ``str.format``), holds a run of digits past :data:`MAX_REPEAT`: a width or precision
    that large (``"%999999999d"``) is one C call building that much text."""
    if isinstance(text, str):
        for digits in _WIDE_FORMAT.findall(text):
            if int(digits) > MAX_REPEAT:
                raise OutputTooLarge(f"a format width of {int(digits):,}, more than {MAX_REPEAT:,}")


def checked_call(function: object, args: Sequence[object], kwargs: Mapping[str, object]) -> None:
    """The checks of :func:`checked_widths` for a template's call of a str method that
    widens text (:data:`WIDENING_METHODS`); other calls pass. (``str.format`` reaches a
    call already wrapped by the sandbox: its format string is checked when it is looked
    up, by the environment's ``wrap_str_format``.)"""
    owner = getattr(function, "__self__", None)
    if isinstance(owner, str) and getattr(function, "__name__", "") in WIDENING_METHODS:
        checked_widths(args, kwargs)


def bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, a Jinja filter that widens text (:data:`WIDENING_FILTERS`), with its
    arguments after the value checked first (:func:`checked_widths`), and the value too
    when it is a format string (``format``)."""

    @functools.wraps(function)
    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        checked_widths(args, kwargs)
        if function.__name__ == "do_format":
            checked_format(value)
        return function(value, *args, **kwargs)

    return bounded


def black_fits(codes: int, code_sets: int = 0) -> str | None:
    """None when black (the ``python`` formatter) can format the Python module of a catalog
    of ``codes`` codes in ``code_sets`` code sets within :data:`MEMORY_BOUND_GIB`; else the
    problem and what to do.

    Black's memory is linear in the module's lines, about 45 KB a code, several times the
    rest of generate's (its syntax tree of the whole module; one process peaks at 434 MiB
    for 10,000 codes). A code set costs as much as :data:`BLACK_SET_CODES` codes (about 41
    lines of the module, against 4 a code): 5,000 sets of one code took black 2.07 GiB.
    See docs/limits.md for the measurements."""
    counted = codes + BLACK_SET_CODES * code_sets
    if counted <= MAX_BLACK_CODES:
        return None
    return (
        f"the catalog has {codes:,} codes in {code_sets:,} code sets, {counted:,} as black "
        f"counts them (a code set costs as much as {BLACK_SET_CODES} codes); formatter "
        f'"python" (black) formats at most {MAX_BLACK_CODES:,} within codegen\'s memory '
        f'bound ({MEMORY_BOUND_GIB} GiB): set formatter = "ruff" on the Python target '
        "(pip install ruff), or split the catalog"
    )


def render_bounded(template: Template, context: Mapping[str, Any], limits: RenderLimits) -> str:
    """``template`` rendered with ``context``; :class:`RenderTimeout` when it runs longer
    than ``limits.seconds``, :class:`OutputTooLarge` when its text passes
    ``limits.output_bytes`` (UTF-8). Any exception of the template propagates."""
    chunks: list[str] = []
    size = 0
    with deadline(limits.seconds):
        for chunk in template.generate(context):
            size += utf8_size(chunk)
            if size > limits.output_bytes:
                raise OutputTooLarge
            chunks.append(chunk)
    return "".join(chunks)


def render_trusted(template: Template, context: Mapping[str, Any], limits: RenderLimits) -> str:
    """``template``, one of codegen's own, rendered with ``context``: :class:`RenderTimeout`
    past ``limits.seconds``, :class:`OutputTooLarge` when the whole text passes
    ``limits.output_bytes`` (UTF-8), measured once at the end. A built-in template's
    output is linear in the catalog, which is bounded, so it is not counted chunk by chunk
    as a user template's is (:func:`render_bounded`: a million chunks at 10,000 codes).
    The chunks are taken and joined :data:`TRUSTED_BATCH` at a time, in C: never a list of
    every chunk of the output (5 million small strings for a module of 100,000 codes)."""
    chunks = template.generate(context)
    pieces: list[str] = []
    with deadline(limits.seconds):
        while batch := list(itertools.islice(chunks, TRUSTED_BATCH)):
            pieces.append("".join(batch))
    text = "".join(pieces)
    if utf8_size(text) > limits.output_bytes:
        raise OutputTooLarge
    return text


TRUSTED_BATCH = 65_536  # chunks joined at once by render_trusted: a few MiB of small strings


def utf8_size(text: str) -> int:
    """The length of ``text`` in UTF-8 bytes, without copying ASCII text."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "replace"))


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`RenderTimeout` in the block after ``seconds`` (wall clock); no deadline
    outside the main thread, where no signal handler can be set. The ``SIGALRM`` handler
    that was there before is put back afterwards, and the timer disarmed."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _expired(signum: int, frame: FrameType | None) -> None:
    raise RenderTimeout
