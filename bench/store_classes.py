"""Which texts of the store of query analyses Kiwi reads alone as the articles' analysis
already says, by class, and what Kiwi costs for each class.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.store_classes [--copies 1]

A build stored Kiwi's reading of every indexed term alone (index/query_analysis.remember;
since index/build_readings.py, of those a researcher is likely to type).
A class of terms could skip that second call only if its reading alone were known without
Kiwi: the question is whether a term the articles hold as one token of its own (a noun
written alone, say, tag and dictionary entry known from the article's analysis) is read
alone as that same token. The issues are bulk_bench's (the real issues, `--copies` times,
respelled after the first). Each indexed term of `content` is classed by how the articles
gave it: "one token TAG, dict|oov" when every occurrence is one token written alone, in
lower case, with that tag and the same dictionary flag (Kiwi's `oov`), otherwise "part of a
compound" (a term made of several morphemes, a pair of parts, a stem, a lemma, or a word whose
occurrences disagree). For each class it prints how many terms, how many of those Kiwi alone
reads as the prediction (the same analysis: terms and noun flag), and Kiwi's CPU seconds on
one thread. Prints counts only: no text of the issues.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from bench.bulk_bench import synthesise
from bench.corpus import corpus_folder
from index import with_actors
from index.analysis import NOUNISH, _chains, _dictionary_parts, _morphs, terms_from_morphs
from index.documents import analysed_texts, article_fields
from index.query_analysis import _analysis

COMPOUND = "part of a compound"


class _Token(NamedTuple):
    """What _analysis reads of a Kiwi token: a predicted reading alone."""

    form: str
    tag: str
    start: int
    len: int
    oov: bool


def term_classes(issues, kiwi) -> dict[str, str]:
    """Indexed term -> its class (see the module docstring)."""
    split = _dictionary_parts()
    alone: dict[str, set[tuple[str, bool]]] = defaultdict(set)
    compound: set[str] = set()
    for issue in issues:
        docs = [article_fields(a, "") for a in with_actors(issue).articles]
        texts = [t for t in dict.fromkeys(t for d in docs for t in analysed_texts(d)) if t.strip()]
        for text, tokens in zip(texts, kiwi.tokenize(texts), strict=True):
            for term in terms_from_morphs(text, tokens):
                if term.kind != "part":
                    compound.add(term.text)
            by_start = {t.start: t for t in tokens}
            for group in _chains(_morphs(tokens)):
                if group.__class__ is not list:
                    continue
                surface = text[group[0][2] : group[-1][3]]
                single = len(group) == 1 and group[0][1] in NOUNISH
                if single and surface == surface.lower() and surface not in split:
                    alone[surface].add((group[0][1], bool(by_start[group[0][2]].oov)))
                else:
                    compound.update(text[m[2] : m[3]].lower() for m in group)
    classes = {}
    for term, readings in alone.items():
        if len(readings) == 1 and term not in compound:
            tag, oov = next(iter(readings))
            classes[term] = f"one token {tag}, {'oov' if oov else 'dict'}"
    for term in compound:
        classes.setdefault(term, COMPOUND)
    return classes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="copies of the real issues")
    args = parser.parse_args(argv)
    corpus = corpus_folder("store_classes")
    if corpus is None:
        return 2
    import index.kiwi_loader as kiwi_loader

    kiwi_loader.use_one_thread()  # one call a text on one thread, as a build worker calls
    kiwi = kiwi_loader.kiwi()
    with tempfile.TemporaryDirectory(prefix="aibrief-store-classes-") as scratch:
        _, _, issues = synthesise(corpus, args.copies, Path(scratch))
    classes = term_classes(issues, kiwi)
    counts: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for term, name in classes.items():
        started = time.process_time()
        actual = _analysis(term, kiwi.tokenize(term))
        counts[name][2] += time.process_time() - started
        counts[name][0] += 1
        if name != COMPOUND:
            tag, flag = name.removeprefix("one token ").split(", ")
            predicted = _analysis(term, [_Token(term, tag, 0, len(term), flag == "oov")])
            counts[name][1] += predicted == actual
    print(f"{len(issues)} issues, {len(classes)} indexed terms; Kiwi on one thread")
    print(f"{'class':<28}{'terms':>8}{'same':>8}{'share':>8}{'kiwi s':>8}")
    for name, (terms, same, seconds) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        share = f"{same / terms:.3f}" if name != COMPOUND else "-"
        print(f"{name:<28}{terms:>8}{same if name != COMPOUND else '-':>8}{share:>8}{seconds:8.2f}")
    print(
        json.dumps(
            {
                "benchmark": "store_classes",
                "issues": len(issues),
                "terms": len(classes),
                "classes": {
                    k: {"terms": v[0], "same": v[1], "kiwi_cpu_seconds": round(v[2], 3)}
                    for k, v in counts.items()
                },
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
