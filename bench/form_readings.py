"""Write index/form_readings.tsv, Kiwi's reading of every form of the shipped thesaurus (see
index/form_readings.py), after the thesaurus, the domain dictionary, the analysis rules or
kiwipiepy changed.

    python -m bench.form_readings      (make form-readings)
"""

from __future__ import annotations

import sys

from index.concepts import shipped_concepts
from index.form_readings import READINGS_PATH, readings_table


def main() -> int:
    table = readings_table(shipped_concepts().every_form())
    READINGS_PATH.write_text(table, encoding="utf-8")
    texts = sum(1 for line in table.splitlines() if not line.startswith("#"))
    print(f"{READINGS_PATH}: {texts} texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
