"""How much work one search may cost, whoever asks: the web, the CLI or the MCP server.

A query is at most 500 characters (archive.parameters), but within that a hostile one could
still ask for minutes of work: 125 unknown words, each looked up for a "did you mean". The
caps here bound each kind of work, and a search's optional work (the "did you mean" and the
related terms) stops once the search has run for BUDGET_SECONDS, returning what is ready.
Whatever was cut is named in the result's `limits`, never cut silently.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# Unknown words of one query that get a "did you mean"; the rest are left as typed.
MAX_SUGGESTED_WORDS = 6
# Seconds a served search may spend before its optional work is skipped.
BUDGET_SECONDS = 0.5
# A command-line search's budget: it builds the spelling index in its own new process, and
# waits for no other user.
COMMAND_BUDGET_SECONDS = 5.0


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

