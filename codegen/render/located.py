"""Where in a template an error came from, and how a template's file is named in errors:
the file and line of the template code an exception or a signal interrupted
(:func:`template_frame`, :func:`interrupted_at`), a built-in template shown under
``codegen/templates`` (:func:`shown`)."""

from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import Template

from codegen.render.targets import BUILTIN_TEMPLATES


def template_frame(error: BaseException, default: str) -> tuple[str, int]:
    """The template file and line the error came from: Jinja rewrites tracebacks so that
    template frames carry the template's own file name and line number."""
    found = (default, 0)
    for frame in traceback.extract_tb(error.__traceback__):
        if not frame.filename.endswith(".py") and frame.lineno:
            found = (frame.filename, frame.lineno)
    return found


def interrupted_at(error: BaseException, default: str) -> tuple[str, int]:
    """The template file and line a signal interrupted: Jinja does not rewrite the
    traceback of a BaseException, so each frame's line in the compiled code is mapped
    back to its template's line here, as Jinja's own traceback rewriting does."""
    found = (default, 0)
    tb = error.__traceback__
    while tb is not None:
        compiled = tb.tb_frame.f_globals.get("__jinja_template__")
        if isinstance(compiled, Template) and compiled.filename:
            found = (compiled.filename, compiled.get_corresponding_lineno(tb.tb_lineno))
        tb = tb.tb_next
    return found


def shown(filename: str) -> str:
    """A template's file name as shown in errors: built-ins under ``codegen/templates``."""
    path = Path(filename)
    if path.is_absolute() and path.is_relative_to(BUILTIN_TEMPLATES):
        return "codegen/templates/" + path.relative_to(BUILTIN_TEMPLATES).as_posix()
    return filename
