"""import-doc's round trip as a table: each stored page drafted and scored against its
hand-written spec (the copies in tests/fixtures/import_doc/). ``python bench/import_doc.py``.

Names, locations, required flags and nesting: matched + marked ``# import-doc:`` / all;
types, constraints, errors and examples: matched / all.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.import_doc import detect, read  # noqa: E402
from generator.import_doc.accuracy import HEADER, compare, row  # noqa: E402
from generator.import_doc.draft import draft  # noqa: E402


def main() -> None:
    print(HEADER)
    for page in sorted((ROOT / "tests" / "fixtures" / "import_doc").glob("*/*.page.txt")):
        text = page.read_text(encoding="utf-8")
        drafted, _ = draft(read(text), page.name)
        hand = page.with_name(page.name.replace(".page.txt", ".yaml")).read_text(encoding="utf-8")
        name = f"{page.name.removesuffix('.page.txt')} ({detect(text)})"
        print(row(name, compare(hand, drafted, text)))


if __name__ == "__main__":
    main()
