"""Candidates for the concept table (index/concepts.tsv), mined from the real issues.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.concept_candidates [--top N] [--out FILE]
    AIBRIEF_CORPUS=/path/to/corpus python -m bench.concept_candidates --uncovered [--out FILE]

Three kinds of candidate, each a pair of terms that may name one concept or a broad term and a
narrower one, for a person to accept or reject by hand:

- pairs: "한글(English)" written in the articles. Both the pairs the index already mines as
  names (index.aliases.mine_pairs) and looser ones that rule leaves out on purpose: a generic
  word before an acronym ("거대언어모델(LLM)"), which is a concept, not a name.
- heads: compound nouns that share their last noun ("AI 반도체", "메모리 반도체"): the head is
  a candidate broad term and each compound a narrower one.
- neighbours: nouns used in the same contexts: cosine similarity of positive-PMI vectors of the
  nouns within a few words of each other, over every article.

With --uncovered, instead: the archive's nouns and two-noun compounds held by at least two
articles that no concept line holds, by document frequency, to go down by hand (each one a
researcher might reach by another word gets a concept; the others a line in
bench/quality/concepts_rejected.tsv or nothing).

Each candidate is marked with what the shipped table already does with it: "kept" when both
terms are forms of one concept line, otherwise "-". The output holds vocabulary only, but it
comes from the real issues: write it outside the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import nullcontext
from pathlib import Path

from bench.corpus import corpus_folder
from extract import extract_issue

CONCEPTS = Path(__file__).parents[1] / "index" / "concepts.tsv"
NOUN_TAGS = frozenset({"NNG", "NNP", "SL"})
WINDOW = 5  # nouns either side that count as one context
MIN_COUNT = 4  # rarer nouns have too few contexts to compare
_BRACKETED_LATIN = re.compile(r"\(([A-Za-z][^()]{0,40})\)")
_HANGUL = re.compile(r"[가-힣]")


def article_texts(corpus: Path) -> list[str]:
    """The plain text of every article of every issue in the corpus folder."""
    return [a.text for pdf in sorted(corpus.glob("*.pdf")) for a in extract_issue(pdf).articles]


def noun_runs(text: str) -> list[list[str]]:
    """Runs of nouns (and Latin words) on one line with nothing else between them: "AI 반도체"."""
    from index.analysis import normalize
    from index.kiwi_loader import kiwi

    text = normalize(text)
    runs: list[list[str]] = [[]]
    last_end = 0
    for token in kiwi().tokenize(text):
        # A line break ends a run: bullets end in a bare noun ("… 공개").
        adjacent = text[last_end : token.start] in ("", " ")
        if token.tag in NOUN_TAGS and len(token.form) > 1 or token.tag == "SL":
            if not adjacent:
                runs.append([])
            runs[-1].append(token.form.lower() if token.tag == "SL" else token.form)
        elif runs[-1]:
            runs.append([])
        last_end = token.start + token.len
    return [run for run in runs if run]


def script_pairs(texts: Iterable[str]) -> Counter:
    """(Korean, Latin) pairs: the index's name pairs and the looser concept pairs."""
    from index.aliases import mine_pairs

    found: Counter = Counter()
    for text in texts:
        for korean, latin in mine_pairs(text):
            found[(korean, latin, "name")] += 1
        for match in _BRACKETED_LATIN.finditer(text):
            korean = nouns_before(text[max(0, match.start() - 30) : match.start()])
            latin = " ".join(match.group(1).split())
            if _HANGUL.search(korean) and not re.search(r"\d", latin):
                found[(korean, latin, "loose")] += 1
    return found


def nouns_before(text: str, words: int = 2) -> str:
    """The nouns that end `text`, up to `words` space-separated words ("대규모 언어모델")."""
    from index.analysis import AFFIXES, NOUNISH
    from index.kiwi_loader import kiwi

    start, end = len(text), len(text)
    for token in reversed(kiwi().tokenize(text)):
        noun = token.tag in NOUNISH or token.tag in AFFIXES
        if not noun or token.start + token.len < start - 1:
            break
        if text[token.start : end].count(" ") >= words:
            break
        start = token.start
    return text[start:end].strip()


def shared_heads(runs: Iterable[list[str]], min_modifiers: int = 3) -> dict[str, Counter]:
    """Head noun -> the compounds ending in it, for heads with at least `min_modifiers`."""
    heads: dict[str, Counter] = defaultdict(Counter)
    for run in runs:
        for start in range(max(0, len(run) - 3), len(run) - 1):
            heads[run[-1]][" ".join(run[start:])] += 1
    return {h: c for h, c in heads.items() if len(c) >= min_modifiers}


def neighbours(runs: list[list[str]], top: int) -> dict[str, list[tuple[str, float]]]:
    """Noun -> the `top` nouns with the most similar contexts (cosine of PPMI vectors)."""
    import numpy as np  # installed with kiwipiepy, which needs it

    counts = Counter(noun for run in runs for noun in run)
    vocabulary = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    index = {noun: i for i, noun in enumerate(vocabulary)}
    matrix = np.zeros((len(vocabulary), len(vocabulary)))
    stream = [noun for run in runs for noun in run]
    for position, noun in enumerate(stream):
        if noun not in index:
            continue
        for other in stream[max(0, position - WINDOW) : position + WINDOW + 1]:
            if other != noun and other in index:
                matrix[index[noun], index[other]] += 1
    total = matrix.sum()
    expected = np.outer(matrix.sum(1), matrix.sum(0)) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.nan_to_num(np.maximum(np.log(matrix / expected), 0), posinf=0.0)
    norms = np.linalg.norm(ppmi, axis=1, keepdims=True)
    unit = ppmi / np.where(norms == 0, 1, norms)
    similarity = unit @ unit.T
    np.fill_diagonal(similarity, 0)
    result = {}
    for noun, i in index.items():
        best = np.argsort(-similarity[i])[:top]
        result[noun] = [(vocabulary[j], float(similarity[i, j])) for j in best]
    return result


def table_forms(path: Path = CONCEPTS) -> list[set[str]]:
    """The forms of each concept line of the shipped table (key, equivalents and narrower)."""
    if not path.exists():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        columns = line.split("\t")
        forms = {columns[0]} | {f for c in columns[1:] for f in c.split(",")}
        lines.append({_fold(f) for f in forms if f.strip()})
    return lines


def _fold(form: str) -> str:
    """Case, spaces and hyphens do not count, as for the analyzer ("AI칩" is "AI 칩")."""
    return re.sub(r"[\s-]+", "", form).lower()


def kept(a: str, b: str, lines: list[set[str]]) -> bool:
    """Whether the table puts `a` and `b` on one concept line."""
    return any(_fold(a) in forms and _fold(b) in forms for forms in lines)


def uncovered(runs_by_article: list[list[list[str]]], held: set[str], min_df: int = 2) -> Counter:
    """Nouns and two-noun compounds -> the number of articles holding them, for those at least
    `min_df` articles hold and no concept line has as a form or narrower term."""
    df: Counter = Counter()
    for runs in runs_by_article:
        terms = {noun for run in runs for noun in run}
        terms |= {f"{a} {b}" for run in runs for a, b in zip(run, run[1:], strict=False)}
        df.update(terms)
    return Counter({t: n for t, n in df.items() if n >= min_df and _fold(t) not in held})


def report_uncovered(corpus: Path, out) -> None:
    """Write the uncovered terms, most widely held first: term, articles."""
    runs = [noun_runs(text) for text in article_texts(corpus)]
    lines = table_forms()
    found = uncovered(runs, set().union(*lines) if lines else set())
    for term, n in sorted(found.items(), key=lambda x: (-x[1], x[0])):
        print(f"{term}\t{n}", file=out)
    print(f"{len(found)} terms held by 2 or more articles and by no concept", file=sys.stderr)


def report(corpus: Path, top: int, out) -> None:
    """Write every kind of candidate, marked kept or not, and a count per kind."""
    texts = article_texts(corpus)
    runs = [run for text in texts for run in noun_runs(text)]
    lines = table_forms()
    tally: Counter = Counter()
    held = set().union(*lines) if lines else set()
    terms: dict[str, set[str]] = defaultdict(set)

    def emit(kind: str, a: str, b: str, detail: str) -> None:
        mark = "kept" if kept(a, b, lines) else "-"
        tally[kind, mark] += 1
        terms[kind].update((_fold(a), _fold(b)))
        print(f"{kind}\t{a}\t{b}\t{detail}\t{mark}", file=out)

    for (korean, latin, rule), n in sorted(script_pairs(texts).items(), key=lambda x: -x[1]):
        emit(f"pair-{rule}", korean, latin, str(n))
    for head, compounds in sorted(shared_heads(runs).items(), key=lambda x: -len(x[1])):
        for compound, n in compounds.most_common(top):
            emit("head", head, compound, str(n))
    seen = set()
    for noun, similar in sorted(neighbours(runs, top).items()):
        for other, score in similar:
            if frozenset((noun, other)) not in seen:  # each pair once, though both list it
                seen.add(frozenset((noun, other)))
                emit("neighbour", noun, other, f"{score:.2f}")
    print(f"{len(texts)} articles, {len(lines)} concepts in the table", file=sys.stderr)
    for (kind, mark), n in sorted(tally.items()):
        print(f"  {kind:12} {mark:5} {n} pairs", file=sys.stderr)
    for kind, found in sorted(terms.items()):
        print(f"  {kind:12} {len(found & held)} of {len(found)} terms are forms", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=8, help="candidates per head or noun")
    parser.add_argument("--out", type=Path, help="write here instead of standard output")
    parser.add_argument("--uncovered", action="store_true", help="terms no concept holds")
    args = parser.parse_args()
    corpus = corpus_folder("concept_candidates")
    if corpus is None:
        return 1
    with args.out.open("w", encoding="utf-8") if args.out else nullcontext(sys.stdout) as out:
        if args.uncovered:
            report_uncovered(corpus, out)
        else:
            report(corpus, args.top, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
