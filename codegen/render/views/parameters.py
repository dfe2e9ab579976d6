"""Messages with parameters (issue #20) as the outputs format them: a pure function of the
model that any template may use (registered as a Jinja filter by
:mod:`codegen.render.environment`)."""

from __future__ import annotations

from codegen.catalog.model import Catalog, Code


def message_parts(code: Code, lang: str, catalog: Catalog) -> tuple[str, ...]:
    """``code``'s message in ``lang`` cut at its placeholders, for formatting it: literal
    text at even places and the name of the parameter a placeholder takes at odd ones,
    starting and ending with text (maybe empty), the escapes of the syntax used unescaped
    (:meth:`~codegen.catalog.model.Code.message_pieces`); ``("",)`` without a message in
    ``lang``. A formatter joins them, putting each argument's text in place of its name, so
    nothing of the text is ever evaluated."""
    names = [parameter.name for parameter in code.parameters]
    found = code.message_pieces(lang, catalog.placeholders)
    return tuple(names[piece] if isinstance(piece, int) else piece for piece in found)
