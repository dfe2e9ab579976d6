"""``render_all``: the catalog rendered into every output, in the one Jinja environment
(:mod:`codegen.render.environment`), each output within the bounds of
:mod:`codegen.render.bounds`.

``render_all`` is the pure core of ``generate`` and ``check``: it reads templates but
writes nothing and reads no clock, environment or working directory (pass absolute
template folders). Every output is formatted and parsed back before it is returned, so a
template bug is a :class:`~codegen.errors.TemplateError` naming the template, never a
broken file.

Templates are looked up in the given folders first (overrides), then among the built-in
templates in ``codegen/templates``; ``builtin/NAME`` always names a built-in one, so an
override can extend or include the template it replaces.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Template, TemplateNotFound, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from codegen.catalog.model import Catalog
from codegen.errors import CodegenError, InputError, TemplateError
from codegen.limits import MIB
from codegen.render import extends, parallel
from codegen.render.bounds import (
    DEFAULT_LIMITS,
    OutputTooLarge,
    RenderLimits,
    RenderTimeout,
    black_fits,
    render_bounded,
    utf8_size,
)
from codegen.render.environment import make_environment
from codegen.render.formatters import format_ruff, format_text
from codegen.render.header import DEFAULT_REGENERATE, header_text
from codegen.render.targets import BUILTIN_TEMPLATES, Target, catalog_for, outputs
from codegen.render.undefined import TemplateOptions


def render_all(
    catalog: Catalog,
    targets: Sequence[Target],
    template_dirs: Sequence[str | Path] = (),
    bytecode_cache: bool = False,
    regenerate: str = DEFAULT_REGENERATE,
    limits: RenderLimits = DEFAULT_LIMITS,
) -> dict[str, str]:
    """Every output of every target: ``{path relative to the output folder: text}``;
    each output's header names ``regenerate`` as the command that regenerates it. A
    template that renders longer or larger than ``limits`` is a TemplateError, and a
    ``python`` (black) target for a catalog past :data:`~codegen.limits.MAX_BLACK_CODES`
    codes an InputError at the catalog, raised before anything is rendered
    (:mod:`codegen.render.bounds`).

    Every template is loaded first; then the outputs are rendered and formatted, on two
    cores when that pays (:mod:`codegen.render.parallel`), with the same results either way."""
    codes = sum(len(code_set.codes) for code_set in catalog.code_sets)
    if any(target.formatter == "python" for target in targets) and (problem := black_fits(codes)):
        raise InputError(problem, catalog.path)
    environment = make_environment(template_dirs, bytecode_cache)
    jobs: dict[str, _Job] = {}
    for target in targets:
        template = _template(environment, target.template)
        target_catalog = catalog_for(target, catalog)
        for output, lang in outputs(target, target_catalog):
            if output in jobs:
                raise TemplateError(f"two targets write {output}: give each its own output")
            jobs[output] = _Job(template, target, target_catalog, output, lang, regenerate, limits)
    texts = parallel.run(list(jobs.values()), _rendered, _weight)
    return dict(zip(jobs, texts, strict=True))


def _weight(job: _Job) -> int:
    return _WEIGHTS.get(job.target.formatter, 1)


_WEIGHTS = {"python": 10}  # black is ten times slower than anything else


@dataclass(frozen=True)
class _Job:
    """One output to render."""

    template: Template
    target: Target
    catalog: Catalog
    output: str
    lang: str
    regenerate: str = DEFAULT_REGENERATE
    limits: RenderLimits = DEFAULT_LIMITS


def _rendered(job: _Job) -> str:
    """One output, rendered, formatted and parsed back."""
    text = _render(job)
    try:
        formatted = _format(text, job.target)
        if utf8_size(formatted) > job.limits.output_bytes:
            raise TemplateError(_too_large(job.limits, "once formatted, "))
        return formatted
    except TemplateError as error:
        raise TemplateError(
            f"rendered {job.output}, which is not valid: {error.message}"
            + (f" (line {error.line} of the output)" if error.line else ""),
            _shown(job.template.filename or job.target.template),
        ) from None


def _format(text: str, target: Target) -> str:
    if target.formatter == "ruff":
        return format_text(format_ruff(text, target.options), "none", target.options)
    return format_text(text, target.formatter, target.options)


def _template(environment: ImmutableSandboxedEnvironment, name: str) -> Template:
    """The template ``name``, compiled, after checking the blocks it fills exist
    (:func:`codegen.render.extends.check_extends`)."""
    try:
        template = environment.get_template(name)
        extends.check_extends(environment, name, _shown)
        return template
    except TemplateNotFound:
        raise TemplateError(
            f"template {name} not found in the template folder or among the built-in ones"
        ) from None
    except TemplateSyntaxError as error:
        raise TemplateError(
            error.message or "syntax error", _shown(error.filename or name), error.lineno
        ) from None
    except RecursionError as error:  # Jinja's parser and compiler recurse once per level
        filename, line = _deepest(error, name)
        raise TemplateError(
            "the template nests too deeply to be compiled (blocks, loops or parentheses inside "
            "each other hundreds of levels deep): flatten it",
            _shown(filename),
            line,
        ) from None


def _deepest(error: RecursionError, default: str) -> tuple[str, int]:
    """The template file and line where Jinja's parser (at its current token) or compiler
    (at its node) was when it ran out of stack: the place that nests too deeply."""
    found = (default, 0)
    tb = error.__traceback__
    while tb is not None:
        frame_locals = tb.tb_frame.f_locals
        owner, node = frame_locals.get("self"), frame_locals.get("node")
        stream = getattr(owner, "stream", None)
        line = getattr(getattr(stream, "current", None), "lineno", None)
        if line is None and isinstance(node, nodes.Node):
            line = node.lineno
        if isinstance(line, int):
            found = (getattr(owner, "filename", None) or found[0], line)
        tb = tb.tb_next
    return found


def _too_large(limits: RenderLimits, when: str = "") -> str:
    return (
        f"{when}it is larger than {limits.output_bytes / MIB:g} MiB, the limit for one output "
        "(max_output_mib): a template loop that repeats too much? Raise max_output_mib in "
        "the configuration if the output really is that large"
    )


def _render(job: _Job) -> str:
    template, target, catalog, output = job.template, job.target, job.catalog, job.output
    context = {
        "catalog": catalog,
        "lang": job.lang,
        "options": TemplateOptions(target.options),
        "output": output,
        "header": header_text(catalog, job.regenerate),
    }
    try:
        return render_bounded(template, context, job.limits)
    except CodegenError:
        raise  # raised by a filter: it points at the catalog
    except RenderTimeout as error:
        filename, line = _interrupted_at(error, template.filename or target.template)
        raise TemplateError(
            f"rendering {output} took longer than {job.limits.seconds:g} s, the limit "
            "(render_timeout): a loop that never ends? Raise render_timeout in the "
            "configuration if the template really needs longer",
            _shown(filename),
            line,
        ) from None
    except OutputTooLarge as error:
        if error.args:  # a * or ** the sandbox refused, in the template's code
            filename, line = _template_frame(error, template.filename or target.template)
            message = (
                f"rendering {output}: refused {error.args[0]}, more than a template may make "
                "at once (see docs/limits.md); build the text in a loop"
            )
            raise TemplateError(message, _shown(filename), line) from None
        shown = _shown(template.filename or target.template)
        raise TemplateError(f"rendering {output}: {_too_large(job.limits)}", shown) from None
    except SecurityError as error:
        filename, line = _template_frame(error, template.filename or target.template)
        raise TemplateError(
            f"refused by the sandbox: {str(error).rstrip('.')}; a template may only use the "
            "names, attributes and filters it is given (see docs/configuration.md)",
            _shown(filename),
            line,
        ) from None
    except TemplateSyntaxError as error:  # in an included or extended template
        raise TemplateError(
            error.message or "syntax error", _shown(error.filename or ""), error.lineno
        ) from None
    except Exception as error:  # noqa: BLE001 - any failure inside a template is its bug
        filename, line = _template_frame(error, template.filename or target.template)
        message = str(error) or "the template failed"
        raise TemplateError(f"{message} (rendering {output})", _shown(filename), line) from None


def _template_frame(error: BaseException, default: str) -> tuple[str, int]:
    """The template file and line the error came from: Jinja rewrites tracebacks so that
    template frames carry the template's own file name and line number."""
    found = (default, 0)
    for frame in traceback.extract_tb(error.__traceback__):
        if not frame.filename.endswith(".py") and frame.lineno:
            found = (frame.filename, frame.lineno)
    return found


def _interrupted_at(error: BaseException, default: str) -> tuple[str, int]:
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


def _shown(filename: str) -> str:
    """A template's file name as shown in errors: built-ins under ``codegen/templates``."""
    path = Path(filename)
    if path.is_absolute() and path.is_relative_to(BUILTIN_TEMPLATES):
        return "codegen/templates/" + path.relative_to(BUILTIN_TEMPLATES).as_posix()
    return filename
