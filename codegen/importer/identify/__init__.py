"""The language some texts are written in, told from the texts themselves.

:func:`identify_texts` reads all of a page's texts together, :func:`identify_column` one
column's cells (to tell two message columns in two languages apart); both return an
:class:`Identified` with a confidence. The parts: :mod:`.words` (what in a text is
language), :mod:`.scripts` (which script a letter is in, which languages a script writes),
:mod:`.model` (py3langid, loaded on first use) and :mod:`.texts` (the two together).
"""

from __future__ import annotations

from codegen.importer.identify.model import primary
from codegen.importer.identify.texts import Identified, identify_column, identify_texts

__all__ = ["Identified", "identify_column", "identify_texts", "primary"]
