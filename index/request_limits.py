"""How much work one search may cost, whoever asks: the web, the CLI or the MCP server.

A query is at most 500 characters (archive.parameters), but within that a hostile one could
still ask for minutes of work: 125 unknown words, each looked up for a "did you mean". The
caps here bound each kind of work, and a search's optional work (the "did you mean" and the
related terms) stops once the search has run for BUDGET_SECONDS, returning what is ready.
Whatever was cut is named in the result's `limits`, never cut silently.
"""

from __future__ import annotations

import time
from collections.abc import Callable
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
        """Note that `what` was not done because the time was spent."""
        self.note(f"{what}: skipped, the search's time budget ({self.seconds:g} s) was spent")


def capped(parsed: ParsedQuery, note: Callable[[str], None]) -> ParsedQuery:
    """The query's first MAX_QUERY_WORDS words and phrases, each phrase cut to its first
    MAX_PHRASE_WORDS words; `note` is told what was left out."""
    total = sum(len(group) for group in parsed.groups) + len(parsed.excluded)
    if total > MAX_QUERY_WORDS:
        note(f"query: only the first {MAX_QUERY_WORDS} of {total} words were searched")
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
    note(f"query: a phrase of {len(words)} words was cut to its first {MAX_PHRASE_WORDS}")
    return replace(clause, text=" ".join(words[:MAX_PHRASE_WORDS]))
