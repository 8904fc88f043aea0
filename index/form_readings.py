"""Kiwi's reading of every thesaurus form, shipped with the code (form_readings.tsv), so that
a build need not ask Kiwi about them nor store them: the store of query analyses answers from
this table where its own file holds no row (analysis_store.AnalysisStore).

A build stores the analysis of every thesaurus form, each of several words glued too, so that
a first search typed as one loads no Kiwi (SearchIndex._remember_terms). Those readings are
the same for every archive: they depend on the forms and on what Kiwi's reading depends on
(analysis_versions.reading_parts), not on the articles. Asked of Kiwi and written at each
first build, they were 10,039 rows and 5,019 case proofs, 0.74 to 0.82 CPU s (0.17 s of it the
store's Python, the rest Kiwi), a quarter of Kiwi's own work over an import of 12 issues.

The table is what `remember` stores of the forms in an empty store: per text, whether Kiwi
reads its case forms alike (1 or 0; - where it was not asked, a text without cased letters or
not in lower case) and its analysis as the store keeps it (- for a proof without a row). Its
`version` line is the reading digest it was made under; under any other (another kiwipiepy,
model, analysis rules or domain dictionary) it is passed over and a build asks Kiwi, as
before. Made by `make form-readings` (`python -m bench.form_readings`); a test checks that it
covers every form and holds what Kiwi reads today.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.analysis_store import STORE_NAME, AnalysisStore
from index.analysis_versions import reading_version
from index.query_analysis import remember

READINGS_PATH = Path(__file__).with_name("form_readings.tsv")
_HEADER = (
    "# Kiwi's reading of every thesaurus form (index/form_readings.py): the text, whether Kiwi\n"
    "# reads its case forms alike (1, 0, - not compared) and its analysis (- none stored).\n"
    "# Made by `make form-readings`; not edited by hand.\n"
)
_NONE = "-"


@dataclass(frozen=True)
class FormReadings:
    """A table of readings: its reading digest, text -> analysis JSON, and lower-case text ->
    whether Kiwi reads its case forms alike."""

    version: str
    rows: dict[str, str]
    alike: dict[str, bool]


def parse_readings(text: str) -> FormReadings:
    """The table in `text` (see the module docstring)."""
    version = ""
    rows: dict[str, str] = {}
    alike: dict[str, bool] = {}
    for line in text.split("\n"):  # an analysis may hold a line separator, never "\n"
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("# version: "):
                version = line.removeprefix("# version: ").strip()
            continue
        form, proof, terms = line.split("\t")
        if proof != _NONE:
            alike[form] = proof == "1"
        if terms != _NONE:
            rows[form] = terms
    return FormReadings(version, rows, alike)


def current_readings(path: Path) -> FormReadings | None:
    """The table in the file; None where there is none or it was made under another reading
    digest than today's."""
    try:  # bytes decoded: a third of the CPU of read_text's newline translation (4 -> 1.4 ms)
        readings = parse_readings(path.read_bytes().decode("utf-8"))
    except OSError:
        return None
    return readings if readings.version == reading_version() else None


@cache
def shipped_readings() -> FormReadings | None:
    """The shipped table (see current_readings), read once per process."""
    return current_readings(READINGS_PATH)


def readings_table(forms: Iterable[str]) -> str:
    """The table of Kiwi's readings of `forms`, as `remember` stores them in an empty store."""
    with tempfile.TemporaryDirectory(prefix="aibrief-form-readings-") as scratch:
        store = AnalysisStore(Path(scratch, STORE_NAME))
        remember(store, forms)
        proofs = store.proofs()
        rows = store.get_many(sorted(store.known()))
        store.close()
    lines = [_HEADER, f"# version: {reading_version()}\n"]
    for text in sorted(rows.keys() | proofs.keys()):
        if not text or text.startswith("#") or any(c in text for c in "\t\n\r"):
            continue  # not a line of the table: read by Kiwi at each build
        proof = _NONE if text not in proofs else "1" if proofs[text] else "0"
        lines.append(f"{text}\t{proof}\t{rows.get(text, _NONE)}\n")
    return "".join(lines)
