"""The naming conventions of the catalog: language tags, name styles, placeholders and
reserved words.

Set names are PascalCase, code and group-value names UPPER_SNAKE, attribute keys and the
module snake_case; none may be a Python keyword. Attribute keys become properties of the
generated enum members, so they may not hide what those members already have.
:data:`LANGUAGE` is the one pattern of a language tag that the catalog, the configuration,
``import --lang`` and ``init --lang`` accept. :func:`pascal` and :func:`camel` spell a key
as the generated code does.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from enum import Enum

from codegen.limits import MAX_MODULE_NAME

# A BCP 47 tag as codegen takes it: a 2-3 letter language and subtags of 2-8 letters or
# digits (ja, en, en-US, zh-Hant, es-419); fullmatch it.
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
PLACEHOLDER = "TODO_"
SOFT_KEYWORDS = frozenset({"_", "case", "match", "type"})


@dataclass(frozen=True)
class NameRule:
    """A naming convention: its pattern, its name, and how to follow it."""

    pattern: re.Pattern[str]
    style: str
    advice: str


PASCAL = NameRule(
    re.compile(r"[A-Z][A-Za-z0-9]*"),
    "PascalCase",
    "use letters and digits, starting with a capital, like ApiResultCode",
)
UPPER_SNAKE = NameRule(
    re.compile(r"[A-Z][A-Z0-9_]*"),
    "UPPER_SNAKE",
    "use capitals, digits and _, starting with a capital, like INVALID_APPKEY",
)
SNAKE = NameRule(
    re.compile(r"[a-z][a-z0-9_]*"),
    "snake_case",
    "use lowercase letters, digits and _, starting with a letter, like is_success",
)


# The names the generated Python module imports (no class may take them) and the schema
# names of the response; generation refuses a catalog that uses them, so validate does.
IMPORTED_NAMES = (
    "Enum",
    "IntEnum",
    "MappingProxyType",
    "Iterable",
    "Literal",
    "Mapping",
    "NamedTuple",
    "Optional",
    "Union",
)
ANY_CODE_NAME = "AnyCode"  # the module's union of every code set
# The records of a deprecated and of a removed code, declared by a module whose catalog has
# any (reserved in every catalog, so adding the first record never breaks a name).
LIFECYCLE_NAMES = ("Deprecation", "Removal")
SCHEMA_NAMES = ("ResponseHeader", "ErrorResponse", ANY_CODE_NAME, *LIFECYCLE_NAMES)
# What the enum class has from its metaclass (``mro``): a property would hide it.
ENUM_CLASS_MEMBERS = frozenset(n for n in dir(type(Enum)) if not n.startswith("_"))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Attribute keys become properties of the generated enum members, next to what the
# generated code itself defines and what the members inherit from int or str.
GENERATED_MEMBERS = _words(
    "code message messages message_in curated name value attr attrs lookup docs_url retryable"
    " note label labels code_set deprecated removed aliases"
)
INT_MEMBERS = _words(
    "as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag is_integer"
    " numerator real to_bytes"
)
STR_MEMBERS = _words(
    "capitalize casefold center count encode endswith expandtabs find format format_map index"
    " isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable"
    " isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix"
    " removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines"
    " startswith strip swapcase title translate upper zfill"
)


def pascal(key: str) -> str:
    """``result_type`` -> ``ResultType``: an attribute key in a group enum's class name
    (``{set name}{Key}``), as the generated module, validate and import all spell it."""
    return "".join(part[:1].upper() + part[1:] for part in key.split("_"))


def name_problem(
    name: object, rule: NameRule, what: str, where: str = "curated.name"
) -> str | None:
    """Why ``name`` cannot name ``what``, or None when it is fine (or not a string)."""
    if not isinstance(name, str):
        return None
    article = "an" if rule.style[0] in "AEIOU" else "a"
    if name.startswith(PLACEHOLDER):
        fix = f"give it {article} {rule.style} name under {where}"
        return f"{what} still has the placeholder name {name}: {fix}"
    if not rule.pattern.fullmatch(name):
        return f"{what} has the name '{name}', which is not {rule.style}: {rule.advice}"
    if keyword.iskeyword(name) or name in SOFT_KEYWORDS:
        return f"{what} has the name '{name}', which is a Python keyword: choose another name"
    return None


def module_length_problem(module: object) -> str | None:
    """Why ``module`` is too long to name the generated files (``{module}.schema.json``;
    most file systems hold 255 bytes in a file name), or None."""
    if not isinstance(module, str) or len(module) <= MAX_MODULE_NAME:
        return None
    return (
        f"the module name has {len(module):,} characters; the limit is {MAX_MODULE_NAME}, "
        "since it names the generated files: shorten it"
    )


def attribute_key_problem(key: object, code_type: object, kind: object = None) -> str | None:
    """Why ``key`` cannot be an attribute key in a set of ``code_type``, or None.

    ``retryable`` is allowed for a flag (``kind``): the source's own retryable column,
    which becomes the members' ``retryable``."""
    if not isinstance(key, str) or (key == "retryable" and kind == "flag"):
        return None
    if not SNAKE.pattern.fullmatch(key):
        return f"attribute key '{key}' is not snake_case: {SNAKE.advice}, here and on every code"
    inherited = (
        INT_MEMBERS
        if code_type == "integer"
        else STR_MEMBERS if code_type == "string" else frozenset()
    )
    if keyword.iskeyword(key):
        reason = "is a Python keyword"
    elif key in GENERATED_MEMBERS:
        reason = "is reserved for the generated code"
    elif key in ENUM_CLASS_MEMBERS:
        reason = f"would hide {key}() of the generated enum class"
    elif key in inherited:
        base = "int" if code_type == "integer" else "str"
        reason = f"would hide {base}.{key} of the generated enum"
    else:
        return None
    return f"attribute key '{key}' {reason}: rename it (e.g. '{key}_value') here and on every code"


def camel(key: str) -> str:
    """A snake_case key in camelCase: ``is_success`` -> ``isSuccess``. Only an underscore
    followed by a lowercase letter is dropped (``a_1`` and ``a__b`` keep theirs), so two
    keys never get the same name."""
    return re.sub(r"_([a-z])", lambda match: match.group(1).upper(), key)
