"""``codegen diff [REF]``: the catalog's changes since a git ref, by meaning; always exit 0.

The comparison is :mod:`codegen.evolution.comparison`'s, worded by
:mod:`codegen.evolution.report` as text, Markdown or JSON (docs/diff.md).
"""

from __future__ import annotations

import sys

from codegen.errors import ExitCode
from codegen.evolution.comparison import compare_with_ref
from codegen.evolution.report import formatted
from codegen.project.config import load_config


def run(*, ref: str | None, format: str, config: str | None, catalog: str | None) -> ExitCode:
    """Print the changes of the configured catalog since ``ref`` (None: the default base)
    in ``format`` (text, markdown or json)."""
    configured = load_config(config, catalog=catalog)
    comparison, _ = compare_with_ref(
        configured.catalog, ref, configured.file, follow=catalog is None
    )
    sys.stdout.write(formatted(comparison, format))
    return ExitCode.OK
