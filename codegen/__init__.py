"""codegen: one YAML catalog of error codes, rendered into typed code, schemas and docs.

The pipeline, one package per stage (docs/architecture.md): :mod:`codegen.importer` reads a
documentation page into :mod:`codegen.catalog`; :mod:`codegen.render` renders the catalog
into outputs, :mod:`codegen.output` writes and checks them; :mod:`codegen.evolution`
compares the catalog across git refs. :mod:`codegen.project` is the configuration and
locks, :mod:`codegen.commands` the command verbs. The names below are imported on first
use, so ``import codegen`` costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

__version__ = "0.1.0"

if TYPE_CHECKING:
    from codegen.catalog import Catalog, load_catalog, validate_catalog
    from codegen.errors import CodegenError, ExitCode
    from codegen.importer import parse_document
    from codegen.render import DEFAULT_TARGETS, Target, render_all

__all__ = [
    "DEFAULT_TARGETS",
    "Catalog",
    "CodegenError",
    "ExitCode",
    "Target",
    "__version__",
    "load_catalog",
    "parse_document",
    "render_all",
    "validate_catalog",
]
__getattr__ = lazy(
    __name__,
    {
        "Catalog": ".catalog",
        "load_catalog": ".catalog",
        "validate_catalog": ".catalog",
        "CodegenError": ".errors",
        "ExitCode": ".errors",
        "parse_document": ".importer",
        "DEFAULT_TARGETS": ".render",
        "Target": ".render",
        "render_all": ".render",
    },
)
