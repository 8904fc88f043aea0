"""Analyses of query words kept on disk beside the index, so that most searches need not load
Kiwi (loading its model and answering a first word costs about 1.5 CPU s, some 70% of a cold
`aibrief search`).

One sqlite file in the index directory, `query-analysis.sqlite3`, holds rows of (version,
text, analysis): `version` is a digest of everything Kiwi's reading of a text and the terms
made of it depend on (kiwipiepy's and its model's versions, the analysis rules, the domain
dictionary, and the alias and concept tables' versions), so a row of another version is never
read, and the next build deletes them (analysis_versions.py). The store is filled at each
index build with the analysis of the indexed terms a researcher is likely to type (see
build_readings and query_analysis.remember), and a search records the words it had to load
Kiwi for (among them the other terms, on their first search). Every thesaurus form's is read
from the table shipped with the code instead (form_readings.py), the same for every archive.

A text typed in another case than the one stored ("Deepfake" where the store holds
"deepfake") is read from its lower-case row only where each build proved Kiwi reads it alike:
for every stored text with cased letters, the build has Kiwi analyse the lower-case text's
case forms (lower, upper, capitalised, title; `case_forms`) and records in `case_forms` whether
their analyses are all equal. Where they differ ("AI법" is a common noun of the domain
dictionary, "ai법" is not), and for any other spelling ("DeepFake"), the text is Kiwi's to read.

Every write is one sqlite transaction: a process killed while writing leaves the rows before
it, and two processes writing at once wait for each other (a search for at most
SEARCH_WAIT seconds, then it records nothing). It is a cache: a store that cannot be read
or written (a read-only home, a damaged file) is passed over, and the words are analysed by
Kiwi, with exactly the same result.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from index.analysis_versions import analysis_version
from index.dictionary import domain_dictionary
from index.store_reader import KeptReader

if TYPE_CHECKING:
    from index.form_readings import FormReadings

STORE_NAME = "query-analysis.sqlite3"
SEARCH_WAIT = 0.5  # seconds a search waits for another writer before giving its rows up
BUILD_WAIT = 30.0  # seconds a build waits
_CHUNK = 500  # texts a lookup of many asks for at once (sqlite's limit on parameters is higher)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS analysis ("
    " version TEXT NOT NULL, text TEXT NOT NULL, terms TEXT NOT NULL,"
    " PRIMARY KEY (version, text)) WITHOUT ROWID"
)

_CASE_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS case_forms ("
    " version TEXT NOT NULL, text TEXT NOT NULL, alike INTEGER NOT NULL,"
    " PRIMARY KEY (version, text)) WITHOUT ROWID"
)


def case_forms(text: str) -> tuple[str, ...]:
    """The spellings of a lower-case text whose analyses a build compares: it, upper-case,
    capitalised and in title case."""
    return tuple(dict.fromkeys((text, text.upper(), text.capitalize(), text.title())))


def has_case(text: str) -> bool:
    """Whether the text has a letter with an upper and a lower case (Latin, say)."""
    return text.lower() != text.upper()


def read_alike_by_type(text: str) -> bool:
    """Whether Kiwi reads every case form of this lower-case text alike by its character
    types alone, so that a build need not ask it: its cased letters are all ASCII, none
    stands beside a character outside ASCII, and no word of the domain dictionary with
    cased letters is in it.

    Kiwi splits a text by character type before it looks words up: a run of ASCII letters
    apart from other scripts is one foreign-word token (SL) whatever its case (its own
    dictionary's Latin entries, "10MPH", never match), and the tokens around it do not depend
    on its case. Beside Hangul the case matters ("AI맹" is one guessed noun, "ai맹" two
    tokens), as it does in a dictionary word ("AI법"): those texts are Kiwi's to compare.
    Measured over the store of 54 respelled copies of the real issues (bench.case_proof):
    of its 19,479 texts with cased letters 15,025 are decided so, every one of which Kiwi
    reads alike, so that the proven set is the one Kiwi's comparison of all of them gives."""
    if _BESIDE_OTHER_SCRIPT.search(text) or has_case(_ASCII.sub("", text)):
        return False
    return not any(word in text for word in _cased_dictionary_words())


_BESIDE_OTHER_SCRIPT = re.compile(r"[A-Za-z][^\x00-\x7f]|[^\x00-\x7f][A-Za-z]")
_ASCII = re.compile(r"[\x00-\x7f]+")


@lru_cache(maxsize=1)
def _cased_dictionary_words() -> tuple[str, ...]:
    """The domain dictionary's words with cased letters, lower-cased."""
    return tuple(w.word.lower() for w in domain_dictionary().words if has_case(w.word))


class AnalysisStore:
    """The stored analyses of one index directory: text -> its analysis as JSON (the caller
    encodes and decodes it). Safe to share between threads.

    `readings` gives the readings shipped with the code (form_readings.shipped_readings:
    every thesaurus form's), None where they are not Kiwi's of today: the store answers
    from them where its file holds no row, as if it held theirs, so that a build need not
    ask Kiwi about them nor write them."""

    def __init__(
        self,
        path: Path,
        version: str | None = None,
        readings: Callable[[], FormReadings | None] | None = None,
    ) -> None:
        self.path = path
        self._version = version
        self._readings = readings
        self._reader = KeptReader(path)
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = analysis_version()
        return self._version

    def get(self, text: str) -> str | None:
        """The stored analysis of `text`, or None (not stored, or no store to read)."""
        rows = self._rows(
            "SELECT terms FROM analysis WHERE version = ? AND text = ?", (self.version, text)
        )
        if rows:
            return rows[0][0]
        shipped = self._shipped()
        return shipped.rows.get(text) if shipped else None

    def get_case_form(self, text: str) -> str | None:
        """The stored analysis of `text` read from its lower-case text's row, where `text` is
        one of that text's case forms and a build proved Kiwi reads them alike; else None."""
        key = text.lower()
        if key == text or text not in case_forms(key):
            return None
        return self.get(key) if self._proven_alike(key) else None

    def _proven_alike(self, key: str) -> bool:
        rows = self._rows(  # a store of before case forms has no such table: no rows
            "SELECT alike FROM case_forms WHERE version = ? AND text = ?", (self.version, key)
        )
        if rows:
            return bool(rows[0][0])
        shipped = self._shipped()
        return bool(shipped and shipped.alike.get(key))

    def get_many(self, texts: list[str]) -> dict[str, str]:
        """The stored analyses of those of `texts` the store holds (see `get`)."""
        found: dict[str, str] = {}
        for i in range(0, len(texts), _CHUNK):
            chunk = texts[i : i + _CHUNK]
            found.update(
                self._rows(
                    "SELECT text, terms FROM analysis WHERE version = ? AND text IN"
                    f" ({', '.join('?' * len(chunk))})",
                    (self.version, *chunk),
                )
            )
        if shipped := self._shipped():
            rows = shipped.rows
            found.update((t, rows[t]) for t in texts if t not in found and t in rows)
        return found

    def proofs(self) -> dict[str, bool]:
        """Each lower-case text whose case forms were compared for the current version, and
        whether Kiwi reads them alike."""
        shipped = self._shipped()
        found = dict(shipped.alike) if shipped else {}
        rows = self._rows("SELECT text, alike FROM case_forms WHERE version = ?", (self.version,))
        found.update((text, bool(alike)) for text, alike in rows)
        return found

    def proven(self) -> set[str]:
        """Every lower-case text whose case forms were compared for the current version."""
        return set(self.proofs())

    def known(self) -> set[str]:
        """Every text stored for the current version."""
        rows = self._rows("SELECT text FROM analysis WHERE version = ?", (self.version,))
        known = {text for (text,) in rows}
        shipped = self._shipped()
        return known | shipped.rows.keys() if shipped else known

    def _shipped(self) -> FormReadings | None:
        return self._readings() if self._readings is not None else None

    def _rows(self, sql: str, parameters: tuple) -> list[tuple]:
        """The rows a read of the store answers; none where there is no store to read or it
        cannot be read (a cache: a search then asks Kiwi)."""
        with self._lock:
            try:
                return self._reader.rows(sql, parameters)
            except sqlite3.Error:
                return []

    def put(
        self,
        analyses: dict[str, str],
        wait: float = SEARCH_WAIT,
        tidy: bool = False,
        alike: dict[str, bool] | None = None,
    ) -> bool:
        """Store these analyses (text -> JSON) and whether Kiwi reads the case forms of these
        lower-case texts alike (`alike`), in one transaction; `tidy` also deletes the rows of
        other versions. False when the store could not be written (see the module
        docstring): nothing was."""
        if not analyses and not tidy and not alike:
            return True
        try:
            connection = sqlite3.connect(self.path, timeout=wait)
        except sqlite3.Error:
            return False
        try:
            with connection:
                connection.execute(_SCHEMA)
                connection.execute(_CASE_SCHEMA)
                if tidy:
                    for table in ("analysis", "case_forms"):
                        connection.execute(
                            f"DELETE FROM {table} WHERE version != ?", (self.version,)
                        )
                connection.executemany(
                    "INSERT OR IGNORE INTO analysis VALUES (?, ?, ?)",
                    ((self.version, text, terms) for text, terms in analyses.items()),
                )
                connection.executemany(
                    "INSERT OR IGNORE INTO case_forms VALUES (?, ?, ?)",
                    ((self.version, text, same) for text, same in (alike or {}).items()),
                )
            return True
        except sqlite3.Error:
            return False
        finally:
            connection.close()

    def close(self) -> None:
        """Close the reading connection (it is opened again when next needed).

        A kept connection reads the file it opened whatever becomes of its path: after
        `rm -r index` and a build it read the removed file, without the rows the new build
        stored, and a build of its own index then skipped the texts the removed file held.
        Its index closes it before a build reads the store and when it sees another
        generation (SearchIndex._use), which every build makes, so that a warm search checks
        nothing beyond the generation it already checks; a store file removed alone is read
        anew at the first lookup that misses (store_reader). A write opens a connection of
        its own, to the path's file."""
        with self._lock:
            self._reader.close()
