"""Synthetic but realistic catalogs of any size, for timing codegen at scale.

``build_catalog(size)`` returns the catalog as plain data (what a YAML loader returns for
spec/codes.yaml); :mod:`bench.documents` writes it as YAML or as a Markdown page. The shape
copies the real SMS error-code page: per product family an integer API response code set
(``service`` group, ``is_success`` flag), two small string sets under a section, and an
EMMA-like string set (``category`` and ``classification`` groups, a multi-paragraph note).
Larger catalogs have more families (about sqrt(size / 148)). Every name is curated and
unique; the same size and seed always give byte-identical files.

Run as ``python bench/synth.py SIZE FOLDER`` to write FOLDER/codes.yaml and FOLDER/codes.ja.md.
"""

from __future__ import annotations

import math
import random
import re
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import words
from bench.documents import Data, to_markdown, to_yaml

SEED = 148
MIN_SIZE = 4
SOURCE_LANGUAGE = "ja"
LANGUAGES = ("ja", "en")
SCHEMA_COMMENT = "yaml-language-server: $schema=../codegen/schemas/catalog.schema.json"
Triple = tuple[str, str, str]


def build_catalog(size: int, seed: int = SEED) -> dict[str, Any]:
    """A catalog of exactly ``size`` codes, as plain data in the documented format."""
    if size < MIN_SIZE:
        raise ValueError(f"a synthetic catalog needs at least {MIN_SIZE} codes, not {size}")
    rng = random.Random(seed * 1_000_003 + size)
    names = _Names()
    code_sets: list[dict[str, Any]] = []
    for index, family_size in enumerate(_family_sizes(size)):
        code_sets += _family(index, family_size, rng, names)
    return {
        "format": 1,
        "source_language": SOURCE_LANGUAGE,
        "languages": list(LANGUAGES),
        "title": {
            "ja": "Notification > SMS > エラーコード",
            "en": "Notification > SMS > Error Codes",
        },
        "curated": {
            "module": "bench_codes",
            "response": {
                "code_set": "ApiResultCode",
                "success_flag": "is_success",
                "fields": {
                    "success": "isSuccessful",
                    "code": "resultCode",
                    "message": "resultMessage",
                },
            },
        },
        "code_sets": code_sets,
    }


def count_codes(catalog: Data) -> int:
    return sum(len(code_set["codes"]) for code_set in catalog["code_sets"])


def one_message_changed(catalog: Data, mark: str = "(改訂)") -> dict[str, Any]:
    """A copy of ``catalog`` whose first code's source-language message ends in ``mark``."""
    source = catalog["source_language"]
    first_set = dict(catalog["code_sets"][0])
    first_code = dict(first_set["codes"][0])
    message = dict(first_code["message"])
    message[source] = message[source] + mark
    first_code["message"] = message
    first_set["codes"] = [first_code, *first_set["codes"][1:]]
    return {**catalog, "code_sets": [first_set, *catalog["code_sets"][1:]]}


def catalog_yaml(catalog: Data) -> str:
    return to_yaml(catalog, SCHEMA_COMMENT)


def write_files(size: int, folder: Path, seed: int = SEED) -> tuple[Path, Path]:
    """Write ``codes.yaml`` and its Markdown page ``codes.ja.md`` into ``folder``."""
    catalog = build_catalog(size, seed)
    folder.mkdir(parents=True, exist_ok=True)
    yaml_path, markdown_path = folder / "codes.yaml", folder / f"codes.{SOURCE_LANGUAGE}.md"
    yaml_path.write_text(catalog_yaml(catalog), encoding="utf-8", newline="\n")
    markdown_path.write_text(to_markdown(catalog, SOURCE_LANGUAGE), encoding="utf-8", newline="\n")
    return yaml_path, markdown_path


def _family_sizes(size: int) -> list[int]:
    families = max(1, min(round(math.sqrt(size / 148)), size // MIN_SIZE))
    base, extra = divmod(size, families)
    return [base + (1 if index < extra else 0) for index in range(families)]


def _family(index: int, size: int, rng: random.Random, names: _Names) -> list[dict[str, Any]]:
    receive = max(1, round(size * 0.015))
    detail = max(1, round(size * 0.02))
    api = max(1, min(int(size * 0.52), size - receive - detail - 1))
    emma = size - api - receive - detail
    if index == 0:
        product: Triple = ("", "", "")
    else:
        prefix, ja, en = words.PRODUCTS[index % len(words.PRODUCTS)]
        round_ = index // len(words.PRODUCTS)
        product = (prefix + (str(round_ + 1) if round_ else ""), ja + " ", en + " ")
    return [
        _api_set(product, api, rng, names),
        _receive_set(product, receive, rng, names, detail=False),
        _receive_set(product, detail, rng, names, detail=True),
        _emma_set(product, emma, rng, names),
    ]


def _api_set(product: Triple, size: int, rng: random.Random, names: _Names) -> dict[str, Any]:
    groups = max(1, min(len(words.SERVICES), round(size / 8.5)))
    codes = []
    for i in range(size):
        service = words.SERVICES[min(groups - 1, i * groups // size)]
        value = 0 if i == 0 else -(999 + i + 3 * ((i - 1) // 5))
        texts = ("成功", "Successful") if i == 0 else _message(rng)
        codes.append(_code(value, texts, names, service=service[0], is_success=i == 0))
    return {
        "title": _titled(product, ("APIレスポンスコード", "API Response Codes")),
        "code_type": "integer",
        "columns": {
            "code": {"ja": "resultCode", "en": "resultCode"},
            "message": {"ja": "resultMessage", "en": "resultMessage"},
        },
        "attributes": [
            _group("service", ("service", "service"), words.SERVICES, codes),
            {"key": "is_success", "kind": "flag", "header": {"ja": "isSuccess", "en": "isSuccess"}},
        ],
        "curated": {"name": product[0] + "ApiResultCode"},
        "codes": codes,
    }


def _receive_set(
    product: Triple, size: int, rng: random.Random, names: _Names, *, detail: bool
) -> dict[str, Any]:
    fixed = [] if detail else [("成功", "Successful"), ("失敗", "Failed")]
    codes = []
    for i in range(size):
        texts = fixed[i] if i < len(fixed) else _message(rng)
        codes.append(_code(f"MTR2_{i + 1}" if detail else f"MTR{i + 1}", texts, names))
    title = (
        ("受信結果詳細コード", "Detail Result Code of Receiving")
        if detail
        else ("受信結果コード", "Result Code of Receiving")
    )
    return {
        "title": _titled(product, title),
        "section": _titled(product, ("発信照会コード", "Query Delivery Codes")),
        "code_type": "string",
        "columns": _code_value_columns(),
        "attributes": [],
        "curated": {"name": product[0] + ("ReceiveDetailCode" if detail else "ReceiveResultCode")},
        "codes": codes,
    }


def _emma_set(product: Triple, size: int, rng: random.Random, names: _Names) -> dict[str, Any]:
    codes = []
    for i in range(size):
        block = i * 3 // size
        j = i - (block * size + 2) // 3  # position within the category block
        category = words.CATEGORIES[block]
        if block == 0:
            value = "1000" if j == 0 else str(2000 + j)
            kind = words.CLASSIFICATIONS[0 if j == 0 else 1 if j < size // 10 + 1 else 2]
        elif block == 1:
            value, kind = (str(1001 + j) if j < 999 else f"G{j}"), words.CLASSIFICATIONS[2]
        else:
            value, kind = f"E{900 + j}", words.CLASSIFICATIONS[3]
        texts = ("成功", "Success") if i == 0 else _message(rng)
        codes.append(_code(value, texts, names, category=category[0], classification=kind[0]))
    return {
        "title": _titled(product, ("EMMA v.3受信結果コード", "EMMA v.3 Result Code of Receiving")),
        "description": {"ja": words.EMMA_DESCRIPTION[0], "en": words.EMMA_DESCRIPTION[1]},
        "code_type": "string",
        "columns": _code_value_columns(),
        "attributes": [
            _group("category", ("区分", "Category"), words.CATEGORIES, codes),
            _group("classification", ("分類", "Classification"), words.CLASSIFICATIONS, codes),
        ],
        "curated": {"name": product[0] + "EmmaResultCode"},
        "codes": codes,
    }


def _code(value: int | str, texts: tuple[str, str], names: _Names, **attrs: Any) -> dict[str, Any]:
    code: dict[str, Any] = {"code": value, **attrs}
    code["message"] = {"ja": texts[0], "en": texts[1]}
    code["curated"] = {"name": names.take(texts[1])}
    return code


def _group(
    key: str, header: tuple[str, str], choices: tuple[Triple, ...], codes: list[dict[str, Any]]
) -> dict[str, Any]:
    used = dict.fromkeys(code[key] for code in codes if code[key] is not None)
    values = [
        {"label": {"ja": ja, "en": en}, "curated": {"name": name}}
        for ja, en, name in choices
        if ja in used
    ]
    values.sort(key=lambda value: list(used).index(value["label"]["ja"]))
    return {
        "key": key,
        "kind": "group",
        "header": {"ja": header[0], "en": header[1]},
        "values": values,
    }


def _titled(product: Triple, texts: tuple[str, str]) -> dict[str, str]:
    return {"ja": product[1] + texts[0], "en": product[2] + texts[1]}


def _code_value_columns() -> dict[str, Any]:
    return {
        "code": {"ja": "コード値", "en": "Code Value"},
        "message": {"ja": "意味", "en": "Description"},
    }


def _message(rng: random.Random) -> tuple[str, str]:
    ja, en = _clause(rng, rng.choice(words.PATTERNS))
    roll = rng.random()
    if roll < 0.2:
        extra_ja, extra_en = _clause(rng, rng.choice(words.SUFFIXES))
        ja, en = ja + extra_ja, en + extra_en
    elif roll < 0.28:
        extra_ja, extra_en = _clause(rng, rng.choice(words.PATTERNS))
        ja, en = f"{ja}、または{extra_ja}", f"{en}, or {extra_en[:1].lower()}{extra_en[1:]}"
    return ja, en


def _clause(rng: random.Random, pattern: tuple[str, str]) -> tuple[str, str]:
    a, b = rng.choice(words.NOUNS), rng.choice(words.NOUNS)
    n = rng.choice((20, 50, 120, 255, 300, 1000, 4000))
    t = rng.choice(words.DELIVERY_TYPES)
    x, y = rng.choice(words.FIELDS), rng.choice(words.FIELDS)
    ja = pattern[0].format(A=a[0], a=a[0], B=b[0], b=b[0], n=n, t=t, x=x, y=y)
    en = pattern[1].format(A=_capital(a[1]), a=a[1], B=_capital(b[1]), b=b[1], n=n, t=t, x=x, y=y)
    return ja, en


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Names:
    """Unique UPPER_SNAKE names derived from English messages."""

    _NOT_NAME = re.compile(r"[^A-Za-z0-9]+")
    _FILLER = frozenset(
        ["THE", "A", "AN", "IS", "OF", "TO", "FOR", "IN", "OR", "BY", "WHEN", "E", "G"]
    )

    def __init__(self) -> None:
        self._seen: set[str] = set()
        self._next: dict[str, int] = {}

    def take(self, english: str) -> str:
        kept = [
            w for w in self._NOT_NAME.sub(" ", english).upper().split() if w not in self._FILLER
        ]
        base = "_".join(kept[:5]) or "CODE"
        if base[0].isdigit():
            base = "E_" + base
        name = base
        while name in self._seen:
            self._next[base] = self._next.get(base, 1) + 1
            name = f"{base}_{self._next[base]}"
        self._seen.add(name)
        return name


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python bench/synth.py SIZE FOLDER", file=sys.stderr)
        return 2
    for path in write_files(int(argv[0]), Path(argv[1])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
