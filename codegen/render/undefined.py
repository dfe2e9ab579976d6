"""What an error says about a value a template reads: what a template author knows (an
option, a field of the model, a key, a string), never a Python type.

:class:`TemplateUndefined` is the environment's ``undefined``: Jinja's own message for
``options.version`` on a target without that option is ``'mappingproxy object' has no
attribute 'version'``; this one is ``option 'version' is not set: set it under [options]
in the configuration, or in this target's options``. Templates receive their options as
:class:`TemplateOptions` so that a missing option can be told from a missing key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping

from jinja2 import StrictUndefined
from jinja2.utils import missing

from codegen.errors import kind_of

CONTEXT_NAMES = "catalog, lang, options, output and header"  # see render._render


class TemplateOptions(Mapping[str, object]):
    """A target's options as a template reads them (``options.version``): read-only."""

    __slots__ = ("_options",)

    def __init__(self, options: Mapping[str, object]) -> None:
        self._options = options

    def __getitem__(self, key: str) -> object:
        return self._options[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._options)

    def __len__(self) -> int:
        return len(self._options)


def undefined_message(obj: object, name: object) -> str:
    """What a template is told when ``obj.name`` (or ``obj[name]``) does not exist;
    ``obj`` is Jinja's ``missing`` for a bare name."""
    if obj is missing:
        return f"{name!r} is undefined; a template receives {CONTEXT_NAMES}"
    if isinstance(obj, TemplateOptions):
        return (
            f"option {name!r} is not set: set it under [options] in the configuration, "
            "or in this target's options"
        )
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = ", ".join(field.name for field in dataclasses.fields(obj))
        return f"{type(obj).__name__} has no field {name!r}; it has {fields}"
    if isinstance(obj, Mapping):
        return f"there is no {name!r} in this mapping"
    if not isinstance(name, str):
        return f"{kind_of(obj)} has no item {name!r}"
    return f"{kind_of(obj)} has no attribute {name!r}"


class TemplateUndefined(StrictUndefined):
    """Jinja's ``StrictUndefined`` (any use is an error) with :func:`undefined_message`.
    A model class (``CodeSet``) is named: it is the name docs/configuration.md gives it."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        return undefined_message(self._undefined_obj, self._undefined_name)
