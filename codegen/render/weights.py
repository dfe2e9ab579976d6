"""How long each output takes against the others: what :mod:`codegen.render.parallel`
splits a run's outputs between two processes by.

Black's output takes ten times any other, so it goes to one side and everything else to the
other. Without black, the built-in outputs alone are worth two processes for a catalog of
:data:`FORK_MESSAGES` to :data:`FORK_MAX_MESSAGES` messages (codes times languages), each
output weighted by its measured share of the rendering time (rendering and the parse that
checks it, at 10,000 codes in two languages: Python 0.48 s, TypeScript 0.23 s, OpenAPI
0.20 s, each docs page 0.13 s, JSON Schema 0.12 s, the docs index nothing).

Measured with ``make bench``'s catalogs (two languages), scratch ``generate`` on two cores:

- 148 codes: 0.17 s either way, so below :data:`FORK_MESSAGES` one process does it;
- 1,000 codes: 0.34 s → 0.28 s; 10,000: 1.99 s → 1.5 s; 50,000: 9.5 s → 6.8 s;
- memory: the fork copies every page either process touches. At 50,000 codes the process
  tree's peak PSS grows from 477 to 681 MiB; at 100,000 from 869 to 1,196 MiB, past the
  1 GiB that ``generate`` promises at that size. Above :data:`FORK_MAX_MESSAGES` one process
  renders everything: slower (19 s at 100,000 codes against 15 s), within its memory.
"""

from __future__ import annotations

BLACK_WEIGHT = 10
FORK_MESSAGES = 1_000  # 500 codes in two languages
FORK_MAX_MESSAGES = 100_000  # 50,000 codes in two languages
BUILTIN_WEIGHTS = {  # tenths of the Python module's time, rounded
    "python_module.py.j2": 20,
    "typescript_module.ts.j2": 10,
    "openapi.yaml.j2": 8,
    "docs_page.md.j2": 5,  # per language
    "jsonschema.json.j2": 5,
    "docs_index.md.j2": 1,
}


def weight(template: str, *, black: bool, builtin: bool, messages: int) -> int:
    """The weight of an output of ``template`` (its file name) for a catalog of
    ``messages`` messages (codes times languages): :data:`BLACK_WEIGHT` when black formats
    it; a built-in template's share (:data:`BUILTIN_WEIGHTS`) from :data:`FORK_MESSAGES` to
    :data:`FORK_MAX_MESSAGES` messages; else 1, an output no heavier than the others (when
    every output weighs 1, :func:`codegen.render.parallel.run` does not fork)."""
    if black:
        return BLACK_WEIGHT
    if builtin and FORK_MESSAGES <= messages <= FORK_MAX_MESSAGES:
        return BUILTIN_WEIGHTS.get(template, 1)
    return 1
