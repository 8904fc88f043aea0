"""The graded query file of the quality bench, bench/quality/queries.tsv: one query a line, with
its class and the articles judged relevant to it (the file's header comments say how)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).with_name("quality") / "queries.tsv"
# Queries judged after the main set and never tuned on, reported apart as held-out checks: the
# group's name in the report, and its file.
HELD_OUT = QUERIES.with_name("heldout.tsv")
HELD_OUT_2 = QUERIES.with_name("heldout2.tsv")
HELD_OUT_3 = QUERIES.with_name("heldout3.tsv")
HELD_OUT_4 = QUERIES.with_name("heldout4.tsv")
HELD_OUT_5 = QUERIES.with_name("heldout5.tsv")
HELD_OUT_6 = QUERIES.with_name("heldout6.tsv")
HELD_OUT_7 = QUERIES.with_name("heldout7.tsv")
HELD_OUT_8 = QUERIES.with_name("heldout8.tsv")
HELD_OUT_9 = QUERIES.with_name("heldout9.tsv")
HELD_OUT_10 = QUERIES.with_name("heldout10.tsv")
HELD_OUT_11 = QUERIES.with_name("heldout11.tsv")
HELD_OUT_12 = QUERIES.with_name("heldout12.tsv")
HELD_OUT_13 = QUERIES.with_name("heldout13.tsv")
HELD_OUT_SETS = {
    "held-out": HELD_OUT,
    "held-out 2": HELD_OUT_2,
    "held-out 3": HELD_OUT_3,
    "held-out 4": HELD_OUT_4,
    "held-out 5": HELD_OUT_5,
    "held-out 6": HELD_OUT_6,
    "held-out 7": HELD_OUT_7,
    "held-out 8": HELD_OUT_8,
    "held-out 9": HELD_OUT_9,
    "held-out 10": HELD_OUT_10,
    "held-out 11": HELD_OUT_11,
    "held-out 12": HELD_OUT_12,
    "held-out 13": HELD_OUT_13,
}
# The held-out groups nobody tunes on, each written and graded by an engineer who read neither the
# tables under index/ nor aibrief's answers: the bench counts their queries below its floor
# without listing them, and only their authors read their per-query results. The two newest are
# blind: a new group opens the older of them (held-out 6 opened when held-out 8 was written,
# held-out 7 when held-out 9 was, held-out 8 when held-out 10 was, held-out 9 when held-out 11
# was, held-out 10 when held-out 12 was, held-out 11 when held-out 13 was).
BLIND = ("held-out 12", "held-out 13")
# Every class a query may have, in the order the bench reports them.
KINDS = (
    "topic",
    "known-item",
    "concept",
    "derived",
    "spacing",
    "script",
    "paraphrase",
    "question",
)
# The classes worded like the articles; the others are "the new queries" of the report.
WORDED_LIKE_THE_ARTICLES = frozenset({"topic", "known-item"})


@dataclass(frozen=True)
class GradedQuery:
    """One line of the graded query file: the query, its class and its judged articles, and the
    held-out group it belongs to ("" for the main set)."""

    text: str
    kind: str
    grades: dict[str, int]
    held_out: str = ""

    @property
    def new(self) -> bool:
        """Whether the query is worded unlike the articles it should find."""
        return self.kind not in WORDED_LIKE_THE_ARTICLES


def load_queries(path: Path = QUERIES, held_out: str = "") -> list[GradedQuery]:
    """Every graded query of the file, in its order (marked with its held-out group if it is
    one); raises ValueError naming a bad line."""
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            try:
                query = parse_line(line)
                queries.append(GradedQuery(query.text, query.kind, query.grades, held_out))
            except ValueError as error:
                raise ValueError(f"{path.name} line {number}: {error}") from None
    return queries


def load_all_queries() -> list[GradedQuery]:
    """The main set, then every held-out set, each query marked with its group."""
    queries = load_queries()
    for group, path in HELD_OUT_SETS.items():
        queries += load_queries(path, held_out=group)
    return queries


def parse_line(line: str) -> GradedQuery:
    """The query of one line "query<TAB>class<TAB>id:grade id:grade ..."."""
    fields = line.split("\t")
    if len(fields) != 3:
        raise ValueError(f"{len(fields)} tab-separated fields instead of 3")
    text, kind, judged = fields
    if kind not in KINDS:
        raise ValueError(f"unknown class {kind!r} (classes: {', '.join(KINDS)})")
    grades = {}
    for item in judged.split():
        article_id, _, grade = item.rpartition(":")
        if grade not in ("1", "2") or not article_id:
            raise ValueError(f"{item!r} is not article_id:1 or article_id:2")
        grades[article_id] = int(grade)
    if not grades:
        raise ValueError(f"no article is graded for {text!r}")
    return GradedQuery(text, kind, grades)
