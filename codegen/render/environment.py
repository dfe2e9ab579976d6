"""The Jinja environments, with codegen's filters: the sandbox user templates run in, and
a plain one for codegen's own templates.

User-supplied templates run in :func:`make_environment`, so it is Jinja's immutable sandbox, plus two things: a
shortcut for reading the catalog's own data (:class:`Environment`), and the operators
``*``, ``**`` and ``%``, the str methods and the filters that widen text checked before
they run (:mod:`codegen.render.bounds`), since a huge repetition, power or padding is one C
call that no deadline interrupts. Templates are looked up in the given folders first
(overrides), then among the built-in templates in ``codegen/templates``, each read within its
folder and size (:mod:`codegen.render.loader`); ``builtin/NAME`` always names a built-in one
(:func:`template_exists`); a template of an override folder that no target renders is an
error (:func:`unused_overrides`).

Codegen's own templates, when no user template, override or block takes part, render in
:func:`make_builtin_environment`: the same filters, undefined and whitespace, without the
sandbox's checks on every attribute and call (trusted code, rendering trusted data; about
a third of the rendering time of a large catalog).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

from jinja2 import ChoiceLoader, PrefixLoader, TemplateNotFound
from jinja2 import Environment as PlainEnvironment
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from jinja2.loaders import split_template_path
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from codegen import usercache
from codegen.catalog import model, naming
from codegen.render.bounds import (
    WIDENING_FILTERS,
    bounded_filter,
    checked_binop,
    checked_call,
    checked_format,
)
from codegen.render.loader import FolderLoader
from codegen.render.targets import BUILTIN_PREFIX, BUILTIN_TEMPLATES
from codegen.render.undefined import TemplateOptions, TemplateUndefined
from codegen.render.views import (
    escape,
    links,
    markdown,
    parameter_views,
    parameters,
    python,
    python_layout,
    python_parameters,
    schema,
    texts,
)

FILTERS: Mapping[str, Callable[..., Any]] = {
    "py_str": escape.py_str,
    "py_docstring": escape.py_docstring,
    "py_comment": escape.py_comment,
    "json_str": escape.json_str,
    "json_texts": escape.json_texts,
    "yaml_str": escape.yaml_str,
    "yaml_comment": escape.yaml_comment,
    "md_inline": markdown.md_inline,
    "md_block": markdown.md_block,
    "md_code_spans": markdown.md_code_spans,
    "html_comment": markdown.html_comment,
    "untranslated": markdown.untranslated,
    "stale_marked": markdown.stale_marked,
    "json_code": lambda value: escape.scalar(value, escape.json_str),
    "yaml_code": lambda value: escape.scalar(value, escape.yaml_str),
    "code_anchor": links.code_anchor,
    "set_anchor": links.set_anchor,
    "localized": texts.localized,
    "cell": texts.cell,
    "code_message": texts.code_message,
    "md_shown": texts.md_shown,
    "section_runs": texts.section_runs,
    "doc_comment": escape.doc_comment,
    "camel": naming.camel,
    "docs_page_url": links.docs_page_url,
    "docs_url": links.docs_url,
    "safe_integers": texts.safe_integers,
    "pascal": naming.pascal,
    "group_types": python.group_types,
    "type_names": python.type_names,
    "any_empty": python.any_empty,
    "py_classes": python.py_classes,
    "py_groups": python.py_groups,
    "py_properties": python.py_properties,
    "py_member_doc": python.py_member_doc,
    "lifecycle_note": python.lifecycle_note,
    "py_enum_base": python.py_enum_base,
    "py_code": python.py_code,
    "py_texts": python.py_texts,
    "py_texts_entry": python_layout.py_texts_entry,
    "py_table_depth": python_layout.table_depth,
    "py_table_open": python_layout.table_open,
    "py_table_close": python_layout.table_close,
    "py_indented": python_layout.indented,
    "py_bracketed": python_layout.bracketed,
    "response_view": schema.response_view,
    "open_code_sets": schema.open_code_sets,
    "message_parts": parameters.message_parts,
    "py_formatter": python_parameters.py_formatter,
    "py_parameters_entry": python_parameters.py_parameters_entry,
    "py_pieces_entry": python_parameters.py_pieces_entry,
    "code_params": parameter_views.code_params,
    "codes_without_params": parameter_views.codes_without_params,
    "set_has_params": parameter_views.set_has_params,
    "md_params": parameter_views.md_params,
}


def _data_fields() -> dict[type, frozenset[str]]:
    """The frozen dataclasses templates are given, with their field names."""
    from dataclasses import fields

    types = (
        *(model.GroupValue, model.Attribute, model.Code, model.CodeSet, model.ResponseEnvelope),
        *(model.Catalog, python.PyGroup, python.PyProperty, schema.ResponseView),
        model.Parameter,
        *(texts.Localized, texts.SectionRun),
        parameter_views.ParamView,
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

    intercepted_binops = frozenset(("*", "**", "%"))  # checked by bounds.checked_binop

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """A call in a template; a str method that widens text is checked first
        (:func:`codegen.render.bounds.checked_call`)."""
        checked_call(obj, args, kwargs)
        return super().call(context, obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        """Jinja's sandboxed ``str.format``/``format_map``, once the format string is
        checked for a huge width (:func:`codegen.render.bounds.checked_format`)."""
        if getattr(value, "__name__", "") in ("format", "format_map"):
            checked_format(getattr(value, "__self__", None))
        return super().wrap_str_format(value)

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


class _TrustedBytecodeCache(_BytecodeCache):
    """The cache of :func:`make_builtin_environment`: its compiled code makes calls and
    binary operations without the sandbox's checks, so it is kept under other keys than
    the sandbox's, never loaded into it (a user template including a built-in one)."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"trusted:{name}", filename)


def _bytecode_cache(trusted: bool = False) -> _BytecodeCache | None:
    folder = usercache.folder()
    if folder is None:
        return None
    return _TrustedBytecodeCache(str(folder)) if trusted else _BytecodeCache(str(folder))


# What the sandboxed and the built-in environments share: undefined names, whitespace.
_OPTIONS: dict[str, Any] = {
    "undefined": TemplateUndefined,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": False,
    "auto_reload": False,
}


def make_environment(
    template_dirs: Sequence[str | Path] = (), bytecode_cache: bool = False
) -> ImmutableSandboxedEnvironment:
    """The one environment: sandboxed (user templates run in it), strict about undefined
    names, no autoescaping (each template escapes per output language with filters).
    With ``bytecode_cache``, compiled templates are kept between runs (:class:`_BytecodeCache`)."""
    builtin = FolderLoader(str(BUILTIN_TEMPLATES), confined=False)
    loader = ChoiceLoader(
        [
            FolderLoader([str(folder) for folder in template_dirs]),
            PrefixLoader({BUILTIN_PREFIX: builtin}),
            builtin,
        ]
    )
    environment = Environment(
        loader=loader,
        **_OPTIONS,
        bytecode_cache=_bytecode_cache() if bytecode_cache else None,
    )
    environment.filters.update(FILTERS)
    for name in WIDENING_FILTERS:  # each builds its text in one C call: widths checked first
        environment.filters[name] = bounded_filter(environment.filters[name])
    return environment


def make_builtin_environment(bytecode_cache: bool = False) -> PlainEnvironment:
    """An environment that loads only codegen's own templates (``NAME`` and
    ``builtin/NAME``), with the filters, undefined and whitespace of
    :func:`make_environment` but no sandbox: for rendering a built-in target that no user
    template, override or block takes part in (:func:`user_template` is None for it). Its
    compiled templates are cached apart from the sandbox's (:class:`_TrustedBytecodeCache`)."""
    builtin = FolderLoader(str(BUILTIN_TEMPLATES), confined=False)
    environment = PlainEnvironment(
        loader=ChoiceLoader([PrefixLoader({BUILTIN_PREFIX: builtin}), builtin]),
        **_OPTIONS,
        bytecode_cache=_bytecode_cache(trusted=True) if bytecode_cache else None,
    )
    environment.filters.update(FILTERS)
    return environment


def user_template(name: str, template_dirs: Sequence[Path]) -> Path | None:
    """The file of a template folder that the environment of ``template_dirs`` loads for
    ``name``, found as its loader finds it (the folders come first, also for a name under
    ``builtin/``); None when ``name`` is a built-in template's. A name the loader would
    refuse (``..``) counts as a user template's (the path it names): it is loaded, and
    refused, where user templates are."""
    try:
        pieces = split_template_path(name)
    except TemplateNotFound:
        return Path(name)
    for folder in template_dirs:
        path = Path(folder, *pieces)
        if os.path.lexists(path) and not path.is_dir():  # as FolderLoader: a bad link too
            return path
    return None


def template_exists(name: str, template_dirs: Sequence[Path]) -> bool:
    """Whether ``name`` is a file of a template folder or a built-in template."""
    builtin = name.removeprefix(BUILTIN_PREFIX + "/")
    folders = [*template_dirs, BUILTIN_TEMPLATES] if builtin == name else [BUILTIN_TEMPLATES]
    return any(_entry(folder / builtin) for folder in folders)


def _entry(path: Path) -> bool:
    """Whether something not a folder is at ``path``: a file, or a link, FIFO or device
    that the loader then refuses with the reason (:mod:`codegen.render.loader`)."""
    return os.path.lexists(path) and not path.is_dir()


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
