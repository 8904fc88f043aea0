"""Which indexed terms a build reads for the store of query analyses, by rule: how many of
the texts Kiwi would read and how much of its time each rule leaves to be read on first use.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.reading_cut [--copies 2]

The issues are those of bulk_bench (the real issues copied, renumbered and respelled in a
temporary folder, deleted after). Each indexed term (of `content`) is classed by how many
articles hold it and whether a headline or a KEY Contents holds it; the texts a build asks
Kiwi about are those of build_readings.stored_texts that the shipped readings do not answer
(the thesaurus forms and the name spellings are read whatever the rule). Kiwi reads each
alone on one thread, as remember asks it, timed on the CPU clock; the case forms a build
compares are timed with the text they belong to. For each rule (and the one taken,
build_readings.read_at_build): the terms it reads and leaves, and the CPU seconds of Kiwi
(texts and case forms) it reads and leaves, with the kinds of the terms left (numbers, Latin,
Hangul, mixed). Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from bench.bulk_bench import synthesise
from bench.cold_words import kind
from bench.corpus import corpus_folder
from index.analysis import analyze_many, normalize
from index.analysis_store import case_forms, has_case, read_alike_by_type
from index.build_readings import read_at_build, stored_texts
from index.concepts import shipped_concepts
from index.documents import analysed_texts, article_fields
from index.form_readings import shipped_readings
from index.mined_aliases import MinedAliases, mined_pairs

# term -> (articles holding it, in a headline, in a KEY Contents)
Facts = dict[str, tuple[int, bool, bool]]
RULES: dict[str, Callable[[int, bool, bool], bool]] = {
    "every term (before)": lambda df, head, key: True,
    "2+ articles, headline or KEY": lambda df, head, key: df >= 2 or head or key,
    "2+ articles or headline": lambda df, head, key: df >= 2 or head,
    "2+ articles": lambda df, head, key: df >= 2,
    "3+ articles, headline or KEY": lambda df, head, key: df >= 3 or head or key,
}
# The rule taken (build_readings.read_at_build): 2+ articles, headline or KEY, and the longer
# nouns a search for one of those terms or for a thesaurus form reads.
CHOSEN = "taken: and their longer nouns"


def term_facts(docs: list[dict], analysis: dict) -> Facts:
    """Each indexed term's article count and whether a headline or KEY Contents holds it."""
    count: Counter = Counter()
    head, key = set(), set()
    for doc in docs:
        terms = {t.text for part in analysed_texts(doc) for t in analysis.get(part, ())}
        count.update(terms)
        head.update(t.text for t in analysis.get(doc["title"], ()))
        key.update(t.text for t in analysis.get(doc["key"], ()))
    return {t: (n, t in head, t in key) for t, n in count.items()}


def reading_seconds(texts: list[str]) -> dict[str, float]:
    """Kiwi's CPU seconds reading each text alone, with the case forms a build compares for it."""
    from index.kiwi_loader import kiwi

    instance = kiwi()
    seconds = {}
    for text in texts:
        asked = [text]
        if has_case(text) and not read_alike_by_type(text.lower()):
            asked.extend(f for f in case_forms(text.lower()) if f != text)
        started = time.process_time()
        for one in asked:
            instance.tokenize(one)
        seconds[text] = time.process_time() - started
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="copies of the real issues")
    args = parser.parse_args(argv)
    corpus = corpus_folder("reading_cut")
    if corpus is None:
        return 2
    import index.kiwi_loader as kiwi_loader

    with tempfile.TemporaryDirectory(prefix="aibrief-reading-cut-") as scratch_dir:
        scratch = Path(scratch_dir)
        _export, _pdfs, issues = synthesise(corpus, args.copies, scratch)
        docs = [article_fields(a, "") for issue in issues for a in issue.articles]
        analysis = analyze_many(t for d in docs for t in analysed_texts(d))
        facts = term_facts(docs, analysis)
        MinedAliases(scratch).save({"all": mined_pairs(docs)})
        names = MinedAliases(scratch).table()
    shipped = shipped_readings()
    held = shipped.rows.keys() if shipped else set()
    always = set(map(normalize, stored_texts([], set(), shipped_concepts(), names)))
    always |= set(map(normalize, names.spellings_around(facts)))
    asked = [t for t in facts if t.strip() and t not in held and normalize(t) not in always]
    kiwi_loader.use_one_thread(reload=True)  # as remember's calls are timed
    seconds = reading_seconds(asked)
    total = sum(seconds.values())
    articles = len(docs)
    print(
        f"{len(issues)} issues, {articles} articles, {len(facts):,} terms, {len(asked):,} asked"
        f" of Kiwi ({total:.2f} CPU s alone, with their case forms)"
    )
    print(f"{'rule':<32}{'read':>8}{'left':>8}{'read s':>8}{'left s':>8}  left by kind")
    lexicon = [(t, n) for t, (n, _, _) in facts.items()]
    headlines = {t for t, (_, head, key) in facts.items() if head or key}
    chosen = set(read_at_build(lexicon, headlines, shipped_concepts().every_form()))
    lefts = {name: [t for t in asked if not rule(*facts[t])] for name, rule in RULES.items()}
    lefts[CHOSEN] = [t for t in asked if t not in chosen]
    found = {}
    for name, left in lefts.items():
        kinds: dict[str, int] = defaultdict(int)
        for t in left:
            kinds[kind(t)] += 1
        left_s = sum(seconds[t] for t in left)
        found[name] = {
            "read": len(asked) - len(left),
            "left": len(left),
            "read_s": round(total - left_s, 3),
            "left_s": round(left_s, 3),
            "left_kinds": dict(kinds),
        }
        print(
            f"{name:<32}{len(asked) - len(left):8}{len(left):8}{total - left_s:8.2f}"
            f"{left_s:8.2f}  {dict(kinds)}"
        )
    print(
        json.dumps(
            {
                "benchmark": "reading_cut",
                "issues": len(issues),
                "articles": articles,
                "terms": len(facts),
                "asked": len(asked),
                "seconds": round(total, 3),
                "rules": found,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
