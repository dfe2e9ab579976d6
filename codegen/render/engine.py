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

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment as JinjaEnvironment
from jinja2 import Template, TemplateNotFound, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from codegen.catalog.model import Catalog
from codegen.errors import CodegenError, InputError, TemplateError
from codegen.limits import MIB
from codegen.render import confine, extends, parallel
from codegen.render.bounds import (
    DEFAULT_LIMITS,
    OutputTooLarge,
    RenderLimits,
    RenderTimeout,
    black_fits,
    render_bounded,
    render_trusted,
    utf8_size,
)
from codegen.render.environment import make_builtin_environment, make_environment, user_template
from codegen.render.formatters import format_ruff, format_text
from codegen.render.header import DEFAULT_REGENERATE, header_text
from codegen.render.located import interrupted_at, shown, template_frame
from codegen.render.targets import Target, catalog_for, outputs, runs_black
from codegen.render.undefined import TemplateOptions
from codegen.render.weights import weight


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
    target that black formats for a catalog past :data:`~codegen.limits.MAX_BLACK_CODES`
    codes an InputError at the catalog, raised before anything is rendered
    (:mod:`codegen.render.bounds`).

    A built-in template is loaded here, before anything is rendered, from the built-in
    templates alone; a user template (a file of ``template_dirs``) is compiled, rendered,
    formatted and parsed back in a child process under ``limits.memory_bytes`` and
    ``limits.cpu_seconds`` (:mod:`codegen.render.confine`). The outputs are made on two
    cores when that pays (:mod:`codegen.render.parallel`), with the same results either
    way."""
    folders = tuple(Path(folder) for folder in template_dirs)
    users = {t.template: user_template(t.template, folders) for t in targets}
    codes = sum(len(code_set.codes) for code_set in catalog.code_sets)
    if any(_runs_black(t, users[t.template] is None) for t in targets) and (
        problem := black_fits(codes, len(catalog.code_sets))
    ):
        raise InputError(problem, catalog.path)
    builtin = make_builtin_environment(bytecode_cache)
    environment = make_environment(folders, bytecode_cache) if any(users.values()) else None
    jobs: dict[str, _Job] = {}
    for target in targets:
        user = users[target.template]
        template = None if user else _template(builtin, target.template)
        target_catalog = catalog_for(target, catalog)
        for output, lang in outputs(target, target_catalog):
            if output in jobs:
                raise TemplateError(f"two targets write {output}: give each its own output")
            job = _Job(template, target, target_catalog, output, lang, regenerate, limits)
            jobs[output] = replace(job, environment=environment, user=user) if user else job
    texts = parallel.run(list(jobs.values()), _made, _weight)
    return dict(zip(jobs, texts, strict=True))


def _runs_black(target: Target, builtin: bool) -> bool:
    return target.formatter == "python" and runs_black(target.options, laid_out=builtin)


def _weight(job: _Job) -> int:
    catalog = job.catalog
    messages = len(catalog.languages) * sum(len(code_set.codes) for code_set in catalog.code_sets)
    black = _runs_black(job.target, job.user is None)
    return weight(job.target.template, black=black, builtin=job.user is None, messages=messages)


@dataclass(frozen=True)
class _Job:
    """One output to make: with a built-in ``template`` loaded here, or from the ``user``
    template (its file) of ``environment``, made in a child process."""

    template: Template | None
    target: Target
    catalog: Catalog
    output: str
    lang: str
    regenerate: str = DEFAULT_REGENERATE
    limits: RenderLimits = DEFAULT_LIMITS
    environment: ImmutableSandboxedEnvironment | None = None
    user: Path | None = None


def _made(job: _Job) -> str:
    """One output: a built-in template's made here, a user template's in a child."""
    if job.template is not None:
        return _rendered(job, job.template)
    child = confine.ChildLimits(job.limits.memory_bytes, job.limits.cpu_seconds)
    try:
        return confine.run(_made_in_child, job, child)
    except confine.Stopped as stopped:
        message = _stopped(job, stopped.reason, stopped.signal_name)
        raise TemplateError(message, str(job.user)) from None
    except confine.ChildFailed as failed:  # a bug of codegen's: shown with its traceback
        raise RuntimeError(f"rendering {job.output} failed in its child process:\n{failed}")


def _made_in_child(job: _Job) -> str:
    """A user template's output, compiled, rendered, formatted and parsed back in the child
    that :mod:`codegen.render.confine` started: running out of its memory or CPU time is
    a TemplateError at the template's line."""
    assert job.environment is not None
    try:
        return _rendered(job, _template(job.environment, job.target.template))
    except MemoryError as error:
        filename, line = template_frame(error, str(job.user))
        raise TemplateError(_stopped(job, "memory"), shown(filename), line) from None
    except confine.CpuTimeExceeded as error:
        filename, line = interrupted_at(error, str(job.user))
        raise TemplateError(_stopped(job, "cpu"), shown(filename), line) from None


def _stopped(job: _Job, reason: str, signal_name: str = "") -> str:
    """What stopped the child making ``job``'s output, and what to do."""
    if reason == "memory":
        return (
            f"rendering {job.output} needed more than {job.limits.memory_bytes / MIB:g} MiB of "
            "memory, the limit for a user template (template_memory_mib): a template that "
            "builds a huge text? Raise template_memory_mib in the configuration if the output "
            "really needs it"
        )
    if reason == "cpu":
        return (
            f"rendering {job.output} used more than {job.limits.cpu_seconds:,} s of CPU time, "
            "the limit for a user template (template_cpu_seconds): a loop that never ends? "
            "Raise template_cpu_seconds in the configuration if the template really needs it"
        )
    how = f"killed by {signal_name}" if signal_name else "ended without a result"
    cause = _CAUSES.get(signal_name, "out of memory?")
    return f"rendering {job.output}: the child process rendering it was {how} ({cause}); see docs/security.md"


# What a signal that ends the rendering child most likely means, for its one line.
_CAUSES = {
    "SIGSEGV": "Python's stack overflowed: does an expression of the template nest thousands "
    "deep? flatten it",
    "SIGBUS": "Python's stack overflowed, or memory ran out",
}


def _rendered(job: _Job, template: Template) -> str:
    """One output, rendered, formatted and parsed back."""
    text = _render(job, template)
    try:
        formatted = _format(text, job.target, laid_out=job.user is None)
        if utf8_size(formatted) > job.limits.output_bytes:
            raise TemplateError(_too_large(job.limits, "once formatted, "))
        return formatted
    except TemplateError as error:
        raise TemplateError(
            f"rendered {job.output}, which is not valid: {error.message}"
            + (f" (line {error.line} of the output)" if error.line else ""),
            shown(template.filename or job.target.template),
        ) from None


def _format(text: str, target: Target, laid_out: bool) -> str:
    if target.formatter == "ruff":
        return format_text(format_ruff(text, target.options), "none", target.options)
    return format_text(text, target.formatter, target.options, laid_out)


def _template(environment: JinjaEnvironment, name: str) -> Template:
    """The template ``name``, compiled, after checking the blocks it fills exist
    (:func:`codegen.render.extends.check_extends`)."""
    try:
        template = environment.get_template(name)
        extends.check_extends(environment, name, shown)
        return template
    except TemplateNotFound:
        raise TemplateError(
            f"template {name} not found in the template folder or among the built-in ones"
        ) from None
    except TemplateSyntaxError as error:
        raise TemplateError(
            error.message or "syntax error", shown(error.filename or name), error.lineno
        ) from None
    except RecursionError as error:  # Jinja's parser and compiler recurse once per level
        filename, line = _deepest(error, name)
        raise TemplateError(
            "the template nests too deeply to be compiled (blocks, loops or parentheses inside "
            "each other hundreds of levels deep): flatten it",
            shown(filename),
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


def _render(job: _Job, template: Template) -> str:
    target, catalog, output = job.target, job.catalog, job.output
    context = {
        "catalog": catalog,
        "lang": job.lang,
        "options": TemplateOptions(target.options),
        "output": output,
        "header": header_text(catalog, job.regenerate),
    }
    try:
        render = render_bounded if job.user else render_trusted
        return render(template, context, job.limits)
    except (CodegenError, MemoryError):
        raise  # raised by a filter: it points at the catalog; out of memory: _made_in_child
    except RenderTimeout as error:
        filename, line = interrupted_at(error, template.filename or target.template)
        raise TemplateError(
            f"rendering {output} took longer than {job.limits.seconds:g} s, the limit "
            "(render_timeout): a loop that never ends? Raise render_timeout in the "
            "configuration if the template really needs longer",
            shown(filename),
            line,
        ) from None
    except OutputTooLarge as error:
        if error.args:  # a * or ** the sandbox refused, in the template's code
            filename, line = template_frame(error, template.filename or target.template)
            message = (
                f"rendering {output}: refused {error.args[0]}, more than a template may make "
                "at once (see docs/limits.md); build the text in a loop"
            )
            raise TemplateError(message, shown(filename), line) from None
        where = shown(template.filename or target.template)
        raise TemplateError(f"rendering {output}: {_too_large(job.limits)}", where) from None
    except SecurityError as error:
        filename, line = template_frame(error, template.filename or target.template)
        raise TemplateError(
            f"refused by the sandbox: {str(error).rstrip('.')}; a template may only use the "
            "names, attributes and filters it is given (see docs/configuration.md)",
            shown(filename),
            line,
        ) from None
    except TemplateSyntaxError as error:  # in an included or extended template
        raise TemplateError(
            error.message or "syntax error", shown(error.filename or ""), error.lineno
        ) from None
    except Exception as error:  # noqa: BLE001 - any failure inside a template is its bug
        filename, line = template_frame(error, template.filename or target.template)
        message = str(error) or "the template failed"
        raise TemplateError(f"{message} (rendering {output})", shown(filename), line) from None
