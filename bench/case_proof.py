"""Whether the character types decide the case forms a build would otherwise ask Kiwi about
(analysis_store.read_alike_by_type) exactly as Kiwi's own comparison does, over the texts a
build stores.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.case_proof [--copies 9]

The issues are those of bulk_bench (the real issues, copied, renumbered and respelled in a
temporary folder, deleted after; `--copies 1`: the real issues alone). For every stored text
with cased letters (lower-cased, as a build keys its proof), Kiwi reads each case form, and
the text is counted by whether its character types decide it and whether Kiwi reads its forms
alike. A text decided by type that Kiwi reads otherwise would make the build prove what Kiwi
does not say: there must be none (exit status 1 otherwise, naming them). Also prints the CPU
seconds Kiwi spends on the case forms of the texts decided by type (what a build no longer
asks) and of the others. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.bulk_bench import synthesise
from bench.bulk_stages import store_texts, term_lexicon
from bench.corpus import corpus_folder
from index import with_actors
from index.analysis import analyze_many, normalize
from index.analysis_store import case_forms, has_case, read_alike_by_type
from index.documents import analysed_texts, article_fields
from index.mined_aliases import MinedAliases, mined_pairs
from index.query_analysis import kiwi_analysis


def stored_texts(corpus: Path, copies: int, scratch: Path) -> list[str]:
    """The texts a build of these issues stores the analyses of (normalised, distinct)."""
    _export, _pdfs, issues = synthesise(corpus, copies, scratch)
    docs = [[article_fields(a, "") for a in with_actors(issue).articles] for issue in issues]
    analyses = [analyze_many(t for d in issue for t in analysed_texts(d)) for issue in docs]
    MinedAliases(scratch).save({str(n): mined_pairs(d) for n, d in enumerate(docs)})
    texts = dict.fromkeys(map(normalize, store_texts(*term_lexicon(docs, analyses), scratch)))
    return [t for t in texts if t.strip()]


def compare(keys: list[str]) -> tuple[Counter, list[str], dict[bool, float]]:
    """Counts of (decided by type, Kiwi reads alike), the texts decided that Kiwi reads
    otherwise, and Kiwi's CPU seconds over the case forms of each kind."""
    counts: Counter = Counter()
    wrong, seconds = [], {True: 0.0, False: 0.0}
    for key in keys:
        by_type = read_alike_by_type(key)
        started = time.process_time()
        alike = len({kiwi_analysis(form) for form in case_forms(key)}) == 1
        seconds[by_type] += time.process_time() - started
        counts[(by_type, alike)] += 1
        if by_type and not alike:
            wrong.append(key)
    return counts, wrong, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=9, help="copies of the real issues")
    args = parser.parse_args(argv)
    corpus = corpus_folder("case_proof")
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-case-proof-") as scratch:
        texts = stored_texts(corpus, args.copies, Path(scratch))
    keys = sorted({t.lower() for t in texts if has_case(t)})
    counts, wrong, seconds = compare(keys)
    print(f"{len(texts):,} stored texts, {len(keys):,} with cased letters")
    print(f"{'':<22}{'Kiwi: alike':>12}{'otherwise':>11}{'cpu s':>12}")
    for by_type, name in ((True, "decided by type"), (False, "asked of Kiwi")):
        print(
            f"{name:<22}{counts[(by_type, True)]:>12,}{counts[(by_type, False)]:>11,}"
            f"{seconds[by_type]:>12.2f}"
        )
    if wrong:
        print("decided by type, read otherwise by Kiwi: " + ", ".join(wrong))
    print(
        json.dumps(
            {
                "benchmark": "case_proof",
                "copies": args.copies,
                "texts": len(texts),
                "cased": len(keys),
                "decided": counts[(True, True)] + counts[(True, False)],
                "decided_otherwise": len(wrong),
                "asked_alike": counts[(False, True)],
                "asked_otherwise": counts[(False, False)],
                "kiwi_cpu_decided": round(seconds[True], 3),
                "kiwi_cpu_asked": round(seconds[False], 3),
            },
            ensure_ascii=False,
        )
    )
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
