"""Package faces that import on first use (PEP 562), so importing a package costs nothing.

A face (a package's ``__init__.py``) lists what the package offers in ``__all__``; the
names that live in a module importing jinja2, ruamel.yaml or markdown-it are loaded only
when first read, so ``codegen.render.targets`` can be imported without Jinja, and the
up-to-date fast path of ``generate`` and ``check`` stays free of those imports
(``tests/output/test_fastpath.py``). For type checkers, a face imports the same names under
``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy(package: str, homes: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package`` that imports each name of ``homes`` (name
    -> the module it lives in, relative to ``package``: ``".engine"``) when first read;
    any other name raises AttributeError, as a module without it would."""

    def __getattr__(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(home, package), name)

    return __getattr__
