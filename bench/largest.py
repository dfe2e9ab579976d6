"""The largest catalog codegen accepts: the most codes, with messages long enough to bring
the YAML just under the size limit.

``largest_catalog(codes, max_bytes)`` is a synthetic catalog (:func:`bench.synth.build_catalog`)
whose every message, in both languages, is lengthened by the same filler sentence so that
its YAML is at most ``max_bytes`` (and within 1% of it). It is the input of the memory
rows of the benchmark: the limits in docs/limits.md are set so that it generates within
the documented memory bound.

    python bench/largest.py CODES MAX_BYTES FOLDER   # -> FOLDER/codes.yaml
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synth

FILLER = {  # one sentence per language, repeated to lengthen a message
    "ja": " 詳しくは送信リクエストの各項目と配信設定を確認してください。",
    "en": " See the fields of the send request and the delivery settings for details.",
}


def largest_catalog(codes: int, max_bytes: int) -> tuple[dict[str, Any], str]:
    """The catalog of ``codes`` codes and its YAML text, at most ``max_bytes`` UTF-8 bytes."""
    base = synth.build_catalog(codes)
    size = len(synth.catalog_yaml(base).encode("utf-8"))
    per_code = sum(len(text.encode("utf-8")) for text in FILLER.values())
    fillers = max(0, (max_bytes - size) // per_code)  # one filler: both languages' sentence
    while True:
        catalog = _lengthened(base, fillers, codes)
        text = synth.catalog_yaml(catalog)
        if len(text.encode("utf-8")) <= max_bytes or fillers == 0:
            return catalog, text
        fillers = max(0, fillers - codes // 100 - 1)


def _lengthened(catalog: dict[str, Any], fillers: int, codes: int) -> dict[str, Any]:
    """``catalog`` with ``fillers`` sentences spread over its codes' messages."""
    result = copy.deepcopy(catalog)
    every, extra = divmod(fillers, codes)
    index = 0
    for code_set in result["code_sets"]:
        for code in code_set["codes"]:
            repeats = every + (1 if index < extra else 0)
            index += 1
            for lang, filler in FILLER.items():
                code["message"][lang] += filler * repeats
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not (argv[0].isdigit() and argv[1].isdigit()):
        print("usage: python bench/largest.py CODES MAX_BYTES FOLDER", file=sys.stderr)
        return 2
    _, text = largest_catalog(int(argv[0]), int(argv[1]))
    folder = Path(argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "codes.yaml").write_text(text, encoding="utf-8", newline="\n")
    print(folder / "codes.yaml", len(text.encode("utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
