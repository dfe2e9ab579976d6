"""The catalog rendered into ``{path: text}``: reads templates, writes nothing.

:func:`render_all` (:mod:`.engine`) renders every output of the :mod:`.targets` in the one
sandboxed Jinja environment (:mod:`.environment`, with the filters of :mod:`.views`), each
within the time and size bounds of :mod:`.bounds`, a user template's in a child process
under the kernel's limits (:mod:`.confine`), on two cores when that pays
(:mod:`.parallel`), formats it and proves it parses (:mod:`.formatters`,
:mod:`.format_cache`), and starts it with the DO-NOT-EDIT header of :mod:`.header`.
:mod:`.extends` checks that an override only fills its parent's blocks, :mod:`.undefined`
words what a template reads that is not there, :mod:`.located` where an error came from.

Targets, the header and the bounds import no Jinja; the rest is imported on first use, so
the configuration can name targets without loading a template engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy
from codegen.render.bounds import DEFAULT_LIMITS, RenderLimits
from codegen.render.header import GENERATED_MARKER, header_text
from codegen.render.targets import (
    BUILTIN_TEMPLATES,
    DEFAULT_TARGETS,
    FORMATTERS,
    Target,
    catalog_for,
    outputs,
)

if TYPE_CHECKING:
    from codegen.render.engine import render_all
    from codegen.render.environment import (
        FILTERS,
        make_environment,
        template_exists,
        unused_overrides,
    )

__all__ = [
    "BUILTIN_TEMPLATES",
    "DEFAULT_LIMITS",
    "DEFAULT_TARGETS",
    "FILTERS",
    "FORMATTERS",
    "GENERATED_MARKER",
    "RenderLimits",
    "Target",
    "catalog_for",
    "header_text",
    "make_environment",
    "outputs",
    "render_all",
    "template_exists",
    "unused_overrides",
]
__getattr__ = lazy(
    __name__,
    {
        "render_all": ".engine",
        "FILTERS": ".environment",
        "make_environment": ".environment",
        "template_exists": ".environment",
        "unused_overrides": ".environment",
    },
)
