"""Every resource bound docs/limits.md documents, as numbers, in one place.

Numbers only, as Jinja's ``defaults.py`` holds its defaults: the code that enforces each
bound lives with the stage it protects (reading the catalog in :mod:`codegen.catalog.parse`
and :mod:`codegen.catalog.rules.size`, rendering in :mod:`codegen.render.bounds`, reading a
page in :mod:`codegen.importer.document`, any file in :func:`codegen.files.read_limited`).
``tests/test_limits.py`` checks each bound at and past its value; ``make bench`` measures
the memory they keep generate within.
"""

from __future__ import annotations

MIB = 2**20
MEMORY_BOUND_GIB = 2  # what generate and check may peak at, for any catalog they accept

# --- the catalog ---------------------------------------------------------------------------
MAX_CATALOG_BYTES = 50 * MIB  # the catalog file, checked before it is parsed
MAX_CATALOG_DEPTH = 40  # YAML nesting; a catalog nests 9 deep: anything far deeper is not one
MAX_CATALOG_NODES = 3_000_000  # keys, values, lists, mappings: 30 a code at MAX_CODES (SMS: 20)
MAX_REPORTED_PROBLEMS = 1000  # problems of a catalog printed; then how many more there are
MAX_CODES = 100_000  # with MAX_CATALOG_BYTES, what generate makes within 2 GiB
MAX_CODE_SETS = 10_000  # with MAX_CODES: each set adds ~41 lines of Python module (a code 4)
MAX_ATTRIBUTES = 10_000  # all code sets together; each ~14 KB of generate (10,000: 187 MiB)
MAX_GROUP_VALUES = 10_000  # all group attributes together; each ~6 KB of generate
MAX_LANGUAGES = 200  # of the catalog's texts; each a docs page and a text of every code
MAX_MESSAGES = 300_000  # codes x languages: each code's message in each language is generated
MAX_ALIASES = 100_000  # former names of codes and code sets, all together
MAX_STRING = 100_000  # characters of one text or key of the catalog
MAX_MODULE_NAME = 100  # characters of the module name: it names files (255 bytes at most)

# --- the configuration ---------------------------------------------------------------------
MAX_CONFIG_DEPTH = 40  # arrays and inline tables inside each other; a configuration nests 3
MAX_LOCK_SECONDS = 86_400  # the largest lock_timeout: a day (a larger one overflowed a float)

# --- rendering ---------------------------------------------------------------------------
MAX_BLACK_CODES = 20_000  # codes black formats within the bound (about 45 KB a code)
BLACK_SET_CODES = 10  # a code set costs black as much as 10 codes (41 lines of module against 4)
DEFAULT_RENDER_SECONDS = 120  # per output; the built-in templates take about 5 s at 100,000 codes
DEFAULT_OUTPUT_MIB = 256  # per output; the largest built-in output of an accepted catalog ~ 80 MiB
MAX_RENDER_SECONDS = 3600  # the largest render_timeout the configuration accepts
MAX_OUTPUT_MIB = 1024  # the largest max_output_mib the configuration accepts
# A user template (not shipped with codegen) renders in a child process the kernel bounds:
DEFAULT_TEMPLATE_MEMORY_MIB = 1536  # address space it may add to what it inherits
DEFAULT_TEMPLATE_CPU_SECONDS = 300  # CPU time: rendering, formatting, parsing back
MAX_TEMPLATE_MEMORY_MIB = 4096  # the largest template_memory_mib the configuration accepts
MAX_TEMPLATE_CPU_SECONDS = 3600  # the largest template_cpu_seconds the configuration accepts
MAX_REPEAT = 2**24  # items or characters of ``text * n`` (16 Mi): one C call, no deadline
MAX_POWER_BITS = 2**16  # bits of ``a ** b`` for integers: a huge power never returns

# --- importing a page ----------------------------------------------------------------------
MAX_DOCUMENT_BYTES = 10 * MIB  # the page, read as UTF-8
MAX_PAGE_CELLS = 500_000  # of all the page's tables, spans spread and short rows filled: 5 a code
MAX_PAGE_ROWS = 120_000  # of all the page's tables: MAX_CODES and their headings, notes
MAX_TABLE_COLUMNS = 256  # of one table, spans spread; error-code tables have a few dozen
ROLE_CANDIDATES = 8  # code columns tried within as many group columns, when codes repeat
MAX_TABLE_NESTING = 32  # HTML tables inside tables; a nested table is text of its cell
MAX_COLSPAN = 1000  # a larger colspan counts as this
MAX_ROWSPAN = 65534  # HTML's own maximum; a larger rowspan (or 0: to the end) counts as this

# --- every other file read (docs/security.md) ----------------------------------------------
MAX_CONFIG_BYTES = MIB  # codegen.toml, a pyproject.toml, .gitignore and .gitattributes (init)
MAX_TEMPLATE_BYTES = MIB  # each file of a template folder; the built-in templates are < 10 KB
MAX_MANIFEST_BYTES = MIB  # the output folder's manifest: a hash per input and output
OUTPUT_SLACK_BYTES = MIB  # an output on disk is read up to twice (CRLF) its text, plus this
MAX_FILE_BYTES = 2 * MAX_OUTPUT_MIB * MIB  # the most any reader reads of one file
