"""The name pairs mined from the indexed articles, kept per issue beside the index, and the
alias table a search reads: the curated names, the actor table's bodies and companies with all
their spellings, and the mined pairs."""

from __future__ import annotations

import json
from pathlib import Path

from index.actor_table import actor_table
from index.aliases import AliasTable, curated_aliases, mine_pairs

MINED_ALIASES = "aliases-mined.json"


def mined_pairs(docs: list[dict]) -> list[list[str]]:
    """The pairs mined from an issue's index documents, sorted."""
    pairs = {p for d in docs for name in ("title", "key", "body") for p in mine_pairs(d[name])}
    return [list(p) for p in sorted(pairs)]


class MinedAliases:
    """The mined pairs of an index directory, and the alias table they make with the curated."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / MINED_ALIASES
        self._table: tuple[float, AliasTable] | None = None

    def forget(self) -> None:
        """Drop every mined pair (the index starts afresh)."""
        self.path.unlink(missing_ok=True)

    def save(self, changes: dict[str, list | None]) -> None:
        """Set each issue's pairs, or drop them where None."""
        tmp = self.path.with_suffix(".tmp")
        current = self._changed(changes)
        tmp.write_text(json.dumps(current, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)

    def table_after(self, changes: dict[str, list | None]) -> AliasTable:
        """The table `table()` gives once `save(changes)` is done, with nothing saved."""
        changed = self._changed(changes)
        return _table_of({issue: changed[issue] for issue in sorted(changed)})

    def _changed(self, changes: dict[str, list | None]) -> dict[str, list]:
        """The pairs saved, with these changes (see `save`)."""
        path = self.path
        current = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        for issue, pairs in changes.items():
            if pairs is None:
                current.pop(issue, None)
            else:
                current[issue] = pairs
        return current

    def table(self) -> AliasTable:
        """Curated spellings and the actor table's merged with the pairs mined from the
        indexed articles."""
        path = self.path
        mtime = path.stat().st_mtime if path.exists() else 0.0
        if self._table is None or self._table[0] != mtime:
            mined = json.loads(path.read_text(encoding="utf-8")) if mtime else {}
            self._table = (mtime, _table_of(mined))
        return self._table[1]


def _table_of(mined: dict[str, list]) -> AliasTable:
    """The alias table of the curated spellings, the actor table's and these mined pairs."""
    pairs = [tuple(p) for issue_pairs in mined.values() for p in issue_pairs]
    return AliasTable([*curated_aliases(), *actor_table().name_groups(), *pairs])
