"""The one Jinja environment, and ``render_all``: the catalog rendered into every output.

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

import contextlib
import traceback
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from codegen import (
    blocks,
    filters,
    markdown,
    model,
    parallel,
    pylayout,
    schema_views,
    usercache,
    validation_names,
    views,
)
from codegen.describe import TemplateOptions, TemplateUndefined
from codegen.errors import CodegenError, TemplateError
from codegen.formatting import format_text
from codegen.formatting_ruff import format_ruff
from codegen.model import Catalog
from codegen.targets import Target, catalog_for, outputs
from codegen.writing import DEFAULT_REGENERATE, GENERATED_MARKER, regenerate_phrase

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
BUILTIN_PREFIX = "builtin"

FILTERS: Mapping[str, Callable[..., Any]] = {
    "py_str": filters.py_str,
    "py_comment": filters.py_comment,
    "json_str": filters.json_str,
    "yaml_str": filters.yaml_str,
    "yaml_comment": filters.yaml_comment,
    "md_inline": markdown.md_inline,
    "md_block": markdown.md_block,
    "html_comment": markdown.html_comment,
    "untranslated": markdown.untranslated,
    "json_code": lambda value: filters.scalar(value, filters.json_str),
    "yaml_code": lambda value: filters.scalar(value, filters.yaml_str),
    "code_anchor": filters.code_anchor,
    "set_anchor": filters.set_anchor,
    "localized": filters.localized,
    "cell": filters.cell,
    "section_runs": filters.section_runs,
    "doc_comment": filters.doc_comment,
    "camel": filters.camel,
    "docs_page_url": filters.docs_page_url,
    "docs_url": filters.docs_url,
    "safe_integers": filters.safe_integers,
    "pascal": validation_names.pascal,
    "group_types": views.group_types,
    "type_names": views.type_names,
    "any_empty": views.any_empty,
    "py_classes": views.py_classes,
    "py_groups": views.py_groups,
    "py_properties": views.py_properties,
    "py_member_doc": views.py_member_doc,
    "lifecycle_note": views.lifecycle_note,
    "py_enum_base": views.py_enum_base,
    "py_code": views.py_code,
    "py_texts": views.py_texts,
    "py_texts_entry": pylayout.py_texts_entry,
    "py_table_depth": pylayout.table_depth,
    "py_table_open": pylayout.table_open,
    "py_table_close": pylayout.table_close,
    "py_indented": pylayout.indented,
    "py_bracketed": pylayout.bracketed,
    "response_view": schema_views.response_view,
    "open_code_sets": schema_views.open_code_sets,
}


def header_text(catalog: Catalog, regenerate: str = DEFAULT_REGENERATE) -> str:
    """The DO-NOT-EDIT line every output starts with, naming its source and the command
    that regenerates it (the configuration's ``regenerate``), e.g. "DO NOT EDIT: generated
    by codegen from spec/codes.yaml; regenerate with `codegen generate`."."""
    command = regenerate_phrase(regenerate)
    return f"{GENERATED_MARKER} from {catalog.path}; regenerate with {command}."


def _data_fields() -> dict[type, frozenset[str]]:
    """The frozen dataclasses templates are given, with their field names."""
    from dataclasses import fields

    types = (
        *(model.GroupValue, model.Attribute, model.Code, model.CodeSet, model.ResponseEnvelope),
        *(model.Catalog, views.PyGroup, views.PyProperty, schema_views.ResponseView),
        *(filters.Localized, filters.SectionRun),
    )
    return {cls: frozenset(field.name for field in fields(cls)) for cls in types}


class Environment(ImmutableSandboxedEnvironment):
    """The sandbox, with one shortcut: reading a field of the catalog's own frozen
    dataclasses (``code.name``), a read-only method of a mapping (``texts.get``) or a
    counter of a loop (``loop.index0``) skips the sandbox's checks, which would allow it
    anyway (it is data or reads data) and cost half the rendering time of a large
    catalog. Everything else is checked as before."""

    data_fields: ClassVar[Mapping[type, frozenset[str]]] = {
        **_data_fields(),
        **dict.fromkeys(
            (dict, MappingProxyType, TemplateOptions), frozenset(("get", "items", "keys", "values"))
        ),
        LoopContext: frozenset(
            ("index", "index0", "revindex", "revindex0", "first", "last", "length")
        ),
    }

    def getattr(self, obj: Any, attribute: str) -> Any:
        names = self.data_fields.get(type(obj))
        if names is not None and attribute in names:
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's compiled templates in codegen's per-user cache (:mod:`codegen.usercache`);
    an entry that cannot be read or written only costs compiling (about 0.1 s)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> _BytecodeCache | None:
    folder = usercache.folder()
    return None if folder is None else _BytecodeCache(str(folder))


def make_environment(
    template_dirs: Sequence[str | Path] = (), bytecode_cache: bool = False
) -> ImmutableSandboxedEnvironment:
    """The one environment: sandboxed (user templates run in it), strict about undefined
    names, no autoescaping (each template escapes per output language with filters).
    With ``bytecode_cache``, compiled templates are kept between runs (:class:`_BytecodeCache`)."""
    builtin = FileSystemLoader(str(BUILTIN_TEMPLATES))
    loader = ChoiceLoader(
        [
            FileSystemLoader([str(folder) for folder in template_dirs]),
            PrefixLoader({BUILTIN_PREFIX: builtin}),
            builtin,
        ]
    )
    environment = Environment(
        loader=loader,
        undefined=TemplateUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,
        bytecode_cache=_bytecode_cache() if bytecode_cache else None,
    )
    environment.filters.update(FILTERS)
    return environment


def render_all(
    catalog: Catalog,
    targets: Sequence[Target],
    template_dirs: Sequence[str | Path] = (),
    bytecode_cache: bool = False,
    regenerate: str = DEFAULT_REGENERATE,
) -> dict[str, str]:
    """Every output of every target: ``{path relative to the output folder: text}``;
    each output's header names ``regenerate`` as the command that regenerates it.

    Every template is loaded first; then the outputs are rendered and formatted, on two
    cores when that pays (:mod:`codegen.parallel`), with the same results either way."""
    environment = make_environment(template_dirs, bytecode_cache)
    jobs: dict[str, _Job] = {}
    for target in targets:
        template = _template(environment, target.template)
        target_catalog = catalog_for(target, catalog)
        for output, lang in outputs(target, target_catalog):
            if output in jobs:
                raise TemplateError(f"two targets write {output}: give each its own output")
            jobs[output] = _Job(template, target, target_catalog, output, lang, regenerate)
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


def _rendered(job: _Job) -> str:
    """One output, rendered, formatted and parsed back."""
    text = _render(job.template, job.target, job.catalog, job.output, job.lang, job.regenerate)
    try:
        return _format(text, job.target)
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
    (:func:`codegen.blocks.check_extends`)."""
    try:
        template = environment.get_template(name)
        blocks.check_extends(environment, name, _shown)
        return template
    except TemplateNotFound:
        raise TemplateError(
            f"template {name} not found in the template folder or among the built-in ones"
        ) from None
    except TemplateSyntaxError as error:
        raise TemplateError(
            error.message or "syntax error", _shown(error.filename or name), error.lineno
        ) from None


def _render(
    template: Template, target: Target, catalog: Catalog, output: str, lang: str, regenerate: str
) -> str:
    context = {
        "catalog": catalog,
        "lang": lang,
        "options": TemplateOptions(target.options),
        "output": output,
        "header": header_text(catalog, regenerate),
    }
    try:
        return template.render(context)
    except CodegenError:
        raise  # raised by a filter: it points at the catalog
    except SecurityError as error:
        filename, line = _template_frame(error, template.filename or target.template)
        raise TemplateError(
            f"refused by the sandbox: {str(error).rstrip('.')}; a template may only use the names, attributes "
            "and filters it is given (see docs/configuration.md)",
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


def _shown(filename: str) -> str:
    """A template's file name as shown in errors: built-ins under ``codegen/templates``."""
    path = Path(filename)
    if path.is_absolute() and path.is_relative_to(BUILTIN_TEMPLATES):
        return "codegen/templates/" + path.relative_to(BUILTIN_TEMPLATES).as_posix()
    return filename


def template_exists(name: str, template_dirs: Sequence[Path]) -> bool:
    """Whether ``name`` is a file of a template folder or a built-in template."""
    builtin = name.removeprefix(BUILTIN_PREFIX + "/")
    folders = [*template_dirs, BUILTIN_TEMPLATES] if builtin == name else [BUILTIN_TEMPLATES]
    return any((folder / builtin).is_file() for folder in folders)


def unused_overrides(folder: Path, templates: Collection[str]) -> list[str]:
    """The templates of an override folder that no target renders: ``.j2`` files, by
    ``/``-separated relative path, not among ``templates``. Partials (a file or folder
    name starting with ``_``, for ``{% include %}`` or ``{% extends %}``), hidden files and
    files not ending in ``.j2`` (README.md) are never unused."""
    unused: list[str] = []
    for path in sorted(folder.rglob("*.j2")):
        relative = path.relative_to(folder).as_posix()
        partial = any(part.startswith(("_", ".")) for part in relative.split("/"))
        if path.is_file() and relative not in templates and not partial:
            unused.append(relative)
    return unused
