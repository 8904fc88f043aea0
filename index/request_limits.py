"""How much work one search may cost, whoever asks: the web, the CLI or the MCP server.

A query is at most 500 characters (archive.parameters), but within that a hostile one could
still ask for minutes of work: 125 unknown words, each looked up for a "did you mean". The
caps here bound each kind of work, and a search's optional work (the "did you mean" and the
related terms) stops once the search has run for BUDGET_SECONDS, returning what is ready.
Whatever was cut is named in the result's `limits`, never cut silently: each a `CutNote`, an
English sentence that also carries its template and values, written as a literal at each
`cut_note("…")` so that `make messages` extracts it and the web page says it in its language.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from index.query_syntax import Clause, ParsedQuery

# Words and phrases of one query searched (a question typed in full has 10 to 20); the rest
# are left out. Exclusions count, after the words.
MAX_QUERY_WORDS = 32
# Words of one phrase, which is matched position by position.
MAX_PHRASE_WORDS = 12
# A query with more unknown words than this gets no "did you mean" (a correction leaving some
# of them unknown would find nothing).
MAX_SUGGESTED_WORDS = 6
# Seconds a served search may spend before its optional work is skipped.
BUDGET_SECONDS = 0.5
# The budget of a search in a process serving one user, the command line or an assistant's
# MCP server: none. Their work is bounded by the caps above, and a budget would make their
# answers depend on the machine's load (a busy machine takes seconds to build the spelling
# index), so that the MCP server and `aibrief search --json` would answer differently.
COMMAND_BUDGET_SECONDS = float("inf")
RELATED_TERMS, DID_YOU_MEAN = "related terms", "did you mean"  # the optional work


class CutNote(str):
    """What a search cut short, in English (a str: JSON and the command line show it as it
    is), with the template and values the web page translates it from."""

    template: str
    values: dict[str, str]
    for_time: bool  # cut because the time budget was spent (an answer that depends on load)

    def __new__(cls, template: str, values: dict[str, str], for_time: bool = False) -> CutNote:
        note = super().__new__(cls, template % values if values else template)
        note.template, note.values, note.for_time = template, values, for_time
        return note

    def __reduce__(self):  # pickled (a result cache across processes) with its template
        return (CutNote, (self.template, self.values, self.for_time))


def cut_for_time(limits: Sequence[str]) -> bool:
    """Whether any of a search's limits is work skipped because its time budget was spent."""
    return any(getattr(limit, "for_time", False) for limit in limits)


def cut_note(template: str, *, for_time: bool = False, **values: object) -> CutNote:
    """A note on what was cut: `template` in English with %(name)s filled from `values`;
    `for_time` when the time budget, not a cap, cut it."""
    return CutNote(template, {name: str(value) for name, value in values.items()}, for_time)


@dataclass
class SharedBudget:
    """One time budget for several searches, a web request's: every search it computes (the
    page's, the chart's, the highlights of a page image, the related terms of an actor) draws
    on the same seconds. Its clock starts when the first of them has compiled its query, so
    that loading Kiwi in a new process does not spend it."""

    seconds: float = BUDGET_SECONDS
    started: float | None = None

    def start(self) -> float:
        """When the budget began: now, if no search has drawn on it yet."""
        if self.started is None:
            self.started = time.monotonic()
        return self.started


@dataclass
class Budget:
    """The time a search has left, and the notes on what it cut short."""

    seconds: float = BUDGET_SECONDS
    started: float = field(default_factory=time.monotonic)
    limits: list[str] = field(default_factory=list)

    def remaining(self) -> float:
        """Seconds left; 0 once spent."""
        return max(0.0, self.seconds - (time.monotonic() - self.started))

    @property
    def spent(self) -> bool:
        """Whether the search has run out of time for optional work."""
        return self.remaining() == 0.0

    def note(self, limit: str) -> None:
        """Record what was cut short, once."""
        if limit not in self.limits:
            self.limits.append(limit)

    def skipped(self, what: str) -> None:
        """Note that `what` (RELATED_TERMS or DID_YOU_MEAN) was not done because the time was
        spent."""
        seconds = f"{self.seconds:g}"
        if what == RELATED_TERMS:
            note = cut_note(
                "related terms: skipped, the search's time budget (%(seconds)s s) was spent",
                for_time=True,
                seconds=seconds,
            )
        else:
            note = cut_note(
                "did you mean: skipped, the search's time budget (%(seconds)s s) was spent",
                for_time=True,
                seconds=seconds,
            )
        self.note(note)


def capped(parsed: ParsedQuery, note: Callable[[str], None]) -> ParsedQuery:
    """The query's first MAX_QUERY_WORDS words and phrases, each phrase cut to its first
    MAX_PHRASE_WORDS words; `note` is told what was left out."""
    total = sum(len(group) for group in parsed.groups) + len(parsed.excluded)
    if total > MAX_QUERY_WORDS:
        note(
            cut_note(
                "query: only the first %(kept)s of %(total)s words were searched",
                kept=MAX_QUERY_WORDS,
                total=total,
            )
        )
    room = MAX_QUERY_WORDS
    groups = []
    for group in parsed.groups:
        kept = tuple(_short(clause, note) for clause in group[:room])
        room -= len(kept)
        if kept:
            groups.append(kept)
    excluded = tuple(_short(clause, note) for clause in parsed.excluded[:room])
    return replace(parsed, groups=tuple(groups), excluded=excluded)


def _short(clause: Clause, note: Callable[[str], None]) -> Clause:
    words = clause.text.split()
    if len(words) <= MAX_PHRASE_WORDS:
        return clause
    note(
        cut_note(
            "query: a phrase of %(words)s words was cut to its first %(kept)s",
            words=len(words),
            kept=MAX_PHRASE_WORDS,
        )
    )
    return replace(clause, text=" ".join(words[:MAX_PHRASE_WORDS]))
