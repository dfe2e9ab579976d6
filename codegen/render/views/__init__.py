"""What templates call: pure functions of the model, registered as Jinja filters by
:mod:`codegen.render.environment`, each tested on its own.

One module per output they serve: :mod:`.escape` (a string literal or comment for each
output syntax), :mod:`.markdown` (the docs pages, showing the inline markup of catalog texts
that :mod:`.markup` reads), :mod:`.python` and :mod:`.python_layout`
(the Python module's classes, types and black's layout), :mod:`.schema` (JSON Schema and
OpenAPI: open or closed sets, error envelopes); and for all of them :mod:`.texts` (a text
in a language, a cell, sections) and :mod:`.links` (anchors and docs URLs).
Messages with parameters: :mod:`.parameters` (a message cut at its placeholders, for any
output) and :mod:`.python_parameters` (the Python module's typed formatters). A template
decides layout only; naming, escaping, sorting and grouping happen here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen._lazy import lazy

if TYPE_CHECKING:
    from codegen.render.views.escape import json_str, py_str, yaml_str
    from codegen.render.views.links import code_anchor, docs_page_url, docs_url
    from codegen.render.views.markdown import md_block, md_inline
    from codegen.render.views.texts import Localized, localized


__all__ = [
    "Localized",
    "code_anchor",
    "docs_page_url",
    "docs_url",
    "json_str",
    "localized",
    "md_block",
    "md_inline",
    "py_str",
    "yaml_str",
]
__getattr__ = lazy(
    __name__,
    {
        "json_str": ".escape",
        "py_str": ".escape",
        "yaml_str": ".escape",
        "code_anchor": ".links",
        "docs_page_url": ".links",
        "docs_url": ".links",
        "md_block": ".markdown",
        "md_inline": ".markdown",
        "Localized": ".texts",
        "localized": ".texts",
    },
)
