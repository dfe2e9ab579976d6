"""Stale translations: a code's ``curated.stale``, the languages whose message predates its
source-language message (docs/catalog-format.md, "Stale translations").

A re-import of the source-language page that changes a code's message marks every other
language that has a message on the code (:func:`mark_stale`); a re-import of a language's
page that changes that language's message takes it off (:func:`clear_stale`). A page that
confirms the old text clears nothing: it has not caught up with the source. The marks are
written into the round-trip tree in place, so the code's ``curated:`` keeps its layout (a
flow ``{name: X}`` becomes ``{name: X, stale: [en]}``, and back when the last mark goes).
"""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from codegen.catalog.roundtrip.tree import flow_seq
from codegen.importer.merge.state import Run


def message_in(node: CommentedMap, lang: str) -> str | None:
    """The code's message in ``lang`` as the catalog has it now (None when it has none)."""
    messages = node.get("message")
    text = messages.get(lang) if isinstance(messages, CommentedMap) else None
    return text if isinstance(text, str) else None


def mark_stale(run: Run, node: CommentedMap, line: int, before: str | None) -> None:
    """After a source-language import set the code's message (``before``: the text it
    had): when the message changed from one text to another, list every other language
    that has a message in ``curated.stale`` and say so in ``run.result.stale``."""
    after = message_in(node, run.source)
    if before is None or after is None or before == after:
        return  # a new code, or no change
    langs = [lang for lang in node["message"] if lang != run.source and isinstance(lang, str)]
    stale = _stale_list(node, create=True) if langs else None
    if stale is None:
        return
    stale.extend([lang for lang in langs if lang not in stale])
    marked = ", ".join(langs)
    what = "message is" if len(langs) == 1 else "messages are"
    run.result.stale.append(
        f"{run.doc.path}:{line}: code {node['code']}: its {run.source} message changed, so its "
        f"{marked} {what} marked stale (curated.stale): import the translated pages again "
        "once they are updated"
    )


def clear_stale(run: Run, node: CommentedMap, line: int, before: str | None) -> None:
    """After another language's import set the code's message in ``run.lang`` (``before``:
    the text it had): when the text changed, take ``run.lang`` off ``curated.stale`` (and
    the key when it is empty), listed as a change."""
    after = message_in(node, run.lang)
    if after is None or before == after:
        return  # the page confirms the old text: still stale
    stale = _stale_list(node, create=False)
    if stale is None or run.lang not in stale:
        return
    while run.lang in stale:
        stale.remove(run.lang)
    if not stale:
        del node["curated"]["stale"]
    run.change(line, f"code {node['code']}: {run.lang} message no longer stale")


def _stale_list(node: CommentedMap, create: bool) -> CommentedSeq | None:
    """The code's ``curated.stale`` list; a new empty one with ``create``; None when the
    code has none, or the catalog has something else there (validate reports it)."""
    curated = node.get("curated")
    if not isinstance(curated, CommentedMap):
        return None
    stale = curated.get("stale")
    if stale is None and create:
        stale = curated["stale"] = flow_seq([])
    return stale if isinstance(stale, CommentedSeq) else None
