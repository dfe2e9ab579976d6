"""The import cases: real-world page shapes, each with what ``codegen import`` must make of it.

Three corpora, each a folder of documents and an ``expected.json`` whose ``_about`` key is the
contract: ``../shared/cases/import/`` and ``../shared/cases/import-2/`` (given to us; read at
test time, never edited) and ``tests/import_cases/`` (ours). One comparison for both runners,
the in-process one (``tests/importer/test_cases.py``) and the installed wheel's
(``tests/system/test_import_cases_wheel.py``): :func:`run_case` takes a case through

    codegen init --lang LANG; codegen import DOC --lang LANG   (exit, stderr, catalog)
    codegen import DOC --lang LANG                             (catalog byte-identical)
    codegen generate; codegen check                            (both exit 0)
    the generated Python module, imported                      (classes, message_in)

and returns every difference from the expected result as one line each (an empty list when
the case passes), so that a failing case says all that is wrong with it at once.

:mod:`.corpora` finds the cases and knows every key; :mod:`.run` runs one; :mod:`.catalog`
compares the written catalog, :mod:`.generated` the generated module; :mod:`.known_failures`
lists the cases the importer does not pass yet, with why.
"""

from tests.support.import_cases.catalog import parts_in_order
from tests.support.import_cases.corpora import CORPORA, Case, load_cases, params, unknown_keys
from tests.support.import_cases.known_failures import KNOWN_FAILURES
from tests.support.import_cases.run import Probe, Run, run_case

__all__ = [
    "CORPORA",
    "KNOWN_FAILURES",
    "Case",
    "Probe",
    "Run",
    "load_cases",
    "params",
    "parts_in_order",
    "run_case",
    "unknown_keys",
]
