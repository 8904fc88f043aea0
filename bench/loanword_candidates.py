"""Candidates of the Hangul spellings researchers type for the English forms of the thesaurus
(index/concepts.tsv) and of the names (index/aliases.tsv, and with a corpus the pairs mined
from its "한글(English)" writing): 할루시네이션 for hallucination, 인퍼런스 for inference,
챗지피티 for ChatGPT, and the variants writers alternate between (프런티어 / 프론티어).

    python -m bench.loanword_candidates [--out FILE] [--all]
    AIBRIEF_CORPUS=/path/to/corpus python -m bench.loanword_candidates [--out FILE]

Each candidate comes from a rule (bench.hangul_spellings):

- sound: the English form's pronunciation (CMU dictionary) by the loanword rules;
- letters: the same, each reduced vowel written as its letter reads (model 모델);
- acronym: an acronym spelt with the letters' Korean names (GPT 지피티, LLM 엘엘엠);
- respelt: a variant of one of the line's Hangul loanwords (a spelling of its English forms by
  the rules above, or one of the new candidates): 쉽/십, 쳐/처, 컨/콘, 런/론, ㅔ/ㅐ, 딥/디프 ...

and is written once per line: `table, line, candidate, rule, source form, status, articles`,
where status is "new", or "held by LINE" when another line of either table already has the
spelling, and articles is how many articles of the corpus write it (spaces aside; "-" without
a corpus). Candidates the line already holds are left out. Most candidates are not words
anybody writes: a person keeps the few that are, in the table, and records in
bench/quality/concepts_rejected.tsv the plausible ones turned down. Without --all, only the
lines that hold no Hangul spelling of their English forms yet are listed: the gaps.
The output holds only the tables' vocabulary and counts; with a corpus it is still best written
outside the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from bench.hangul_spellings import respell, spell

ROOT = Path(__file__).parents[1]
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9 .&'+-]*")
_HANGUL = re.compile(r"[가-힣]")


def fold(text: str) -> str:
    """What two spellings share: case and spaces aside."""
    return "".join(text.split()).lower()


@dataclass(frozen=True)
class Line:
    """One line of either table: its key and every spelling on it."""

    table: str
    key: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    line: Line
    spelling: str
    rule: str
    source: str


def concept_lines(path: Path = ROOT / "index" / "concepts.tsv") -> list[Line]:
    """The equivalents of each concept line (narrower terms are their own lines' business)."""
    from index.concepts import parse_concepts

    _, concepts = parse_concepts(path.read_text(encoding="utf-8"))
    return [Line("concepts", c.label, c.forms) for c in concepts]


def alias_lines(mined: Iterable[tuple[str, str]] = ()) -> list[Line]:
    """The curated names, and the pairs mined from the corpus that no curated line holds."""
    from index.aliases import curated_aliases

    lines = [Line("aliases", group[0], group) for group in curated_aliases()]
    held = {fold(f) for line in lines for f in line.forms}
    for korean, latin in sorted(set(mined)):
        if fold(korean) not in held and fold(latin) not in held:
            lines.append(Line("aliases (mined)", korean, (korean, latin)))
            held.update((fold(korean), fold(latin)))
    return lines


def is_latin(form: str) -> bool:
    return bool(_LATIN.fullmatch(form)) and any(c.isalpha() for c in form)


def spelled(line: Line) -> Iterator[Candidate]:
    """The Hangul spellings of the line's English forms, by sound, letters or acronym."""
    for form in line.forms:
        if not is_latin(form) or len(form) < 2:
            continue
        for spelling in spell(form):
            if _HANGUL.search(spelling):
                rule = "acronym" if form.replace(" ", "").isupper() else "sound"
                yield Candidate(line, spelling, rule, form)


def candidates(line: Line) -> list[Candidate]:
    """Every candidate of one line not already on it, each spelling once."""
    own = {fold(f) for f in line.forms}
    found = list(spelled(line))
    loanwords = [f for f in line.forms if fold(f) in {fold(c.spelling) for c in found}]
    for word in [*loanwords, *(c.spelling for c in found)]:
        found += [Candidate(line, v, "respelt", word) for v in respell(word.replace(" ", ""))]
    kept: dict[str, Candidate] = {}
    for candidate in found:
        key = fold(candidate.spelling)
        if key not in own and key not in kept:
            kept[key] = candidate
    return list(kept.values())


def is_gap(line: Line) -> bool:
    """A line with English forms and no Hangul spelling of them that the rules derive."""
    spellings = {fold(c.spelling) for c in spelled(line)}
    return bool(spellings) and not any(fold(f) in spellings for f in line.forms)


def article_texts() -> list[str] | None:
    """The corpus's articles folded (no spaces), or None without AIBRIEF_CORPUS."""
    folder = os.environ.get("AIBRIEF_CORPUS")
    if not folder:
        return None
    from bench.concept_candidates import article_texts as texts

    return [fold(text) for text in texts(Path(folder))]


def mined_pairs(texts: list[str] | None) -> list[tuple[str, str]]:
    if texts is None:
        return []
    from bench.concept_candidates import article_texts as raw_texts
    from index.aliases import mine_pairs

    folder = Path(os.environ["AIBRIEF_CORPUS"])
    return [pair for text in raw_texts(folder) for pair in mine_pairs(text)]


def report(out, every: bool) -> None:
    """Write the candidates of every line (or of the gaps), with a count per rule."""
    texts = article_texts()
    lines = concept_lines() + alias_lines(mined_pairs(texts))
    owner = {fold(f): line for line in lines for f in line.forms}
    tally: dict[str, int] = {}
    gaps = [line for line in lines if is_gap(line)]
    for line in lines if every else gaps:
        for c in candidates(line):
            other = owner.get(fold(c.spelling))
            status = f"held by {other.table}:{other.key}" if other else "new"
            held = "-" if texts is None else str(sum(fold(c.spelling) in t for t in texts))
            print(
                line.table, line.key, c.spelling, c.rule, c.source, status, held, sep="\t", file=out
            )
            tally[c.rule] = tally.get(c.rule, 0) + 1
    print(
        f"{len(lines)} lines, {len(gaps)} with English forms and no Hangul spelling of them",
        file=sys.stderr,
    )
    for rule, n in sorted(tally.items()):
        print(f"  {rule:8} {n} candidates", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="write here instead of standard output")
    parser.add_argument("--all", action="store_true", help="every line, not only the gaps")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") if args.out else nullcontext(sys.stdout) as out:
        report(out, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
