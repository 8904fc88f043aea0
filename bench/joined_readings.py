"""Whether Kiwi reads the store's texts alike when many are joined into one call, and what
each way of calling it costs (query_analysis._kiwi_readings records the answer).

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.joined_readings [--copies 2] [--size 1000]

The texts are those a build of bulk_bench's issues asks Kiwi about for its store of query
analyses (case_proof.stored_texts, less those the shipped table answers; `--copies 1`: the
real issues alone). On one thread, CPU time: Kiwi over them one call a text, as one batch,
and joined `--size` texts a call by each separator, each joined call's tokens given back to
the text they fall in (a token across a separator, or on it, to none). A text reads
otherwise where its tokens (form, tag, span, whether out of vocabulary: what its analysis
is made of) differ from its own call's; a shortcut is exact only with none. Prints a table
and one JSON line.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.case_proof import stored_texts
from bench.corpus import corpus_folder
from index.form_readings import shipped_readings

SEPARATORS = ("\n", "\n\n", "\t", "\u2029", "\x00", " | ", ".\n")
Reading = tuple[tuple[str, str, int, int, bool], ...]


def reading(tokens, offset: int = 0) -> Reading:
    """What an analysis is made of: each token's form, tag, span from `offset` and oov."""
    return tuple((t.form, t.tag, t.start - offset, t.len, t.oov) for t in tokens)


def split_joined(texts: list[str], separator: str, tokens) -> list[Reading]:
    """Each text's reading out of the tokens of `separator.join(texts)`."""
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(separator)
    found: list[list] = [[] for _ in texts]
    for token in tokens:
        at = bisect.bisect_right(starts, token.start) - 1
        if token.start + token.len <= starts[at] + len(texts[at]):
            found[at].append(token)
    return [reading(kept, start) for kept, start in zip(found, starts, strict=True)]


def timed(work):
    """work()'s result and its CPU seconds."""
    started = time.process_time()
    result = work()
    return result, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="copies of the real issues")
    parser.add_argument("--size", type=int, default=1000, help="texts joined a call")
    args = parser.parse_args(argv)
    corpus = corpus_folder("joined_readings")
    if corpus is None:
        return 2
    import index.kiwi_loader as kiwi_loader

    kiwi_loader.use_one_thread()  # as the CPU clock compares them
    kiwi = kiwi_loader.kiwi()
    with tempfile.TemporaryDirectory(prefix="aibrief-joined-") as scratch:
        texts = stored_texts(corpus, args.copies, Path(scratch))
    shipped = shipped_readings()
    texts = [t for t in texts if not shipped or t not in shipped.rows]
    alone, one_call = timed(lambda: [reading(kiwi.tokenize(t)) for t in texts])
    batch, batch_cpu = timed(lambda: [reading(r) for r in kiwi.tokenize(texts)])

    def otherwise(got: list[Reading]) -> int:
        return sum(a != b for a, b in zip(alone, got, strict=True))

    rows = [("one call a text", one_call, 0), ("one batch", batch_cpu, otherwise(batch))]
    chunks = [texts[i : i + args.size] for i in range(0, len(texts), args.size)]
    for separator in SEPARATORS:
        got, cpu = timed(
            lambda s=separator: [
                r for chunk in chunks for r in split_joined(chunk, s, kiwi.tokenize(s.join(chunk)))
            ]
        )
        rows.append((f"joined by {separator!r}", cpu, otherwise(got)))
    print(f"{len(texts):,} texts, {sum(map(len, texts)):,} characters; CPU s on one thread")
    print(f"{'call':<24}{'cpu s':>8}{'read otherwise':>16}")
    for name, cpu, count in rows:
        print(f"{name:<24}{cpu:8.2f}{count:16,}")
    print(
        json.dumps(
            {
                "benchmark": "joined_readings",
                "copies": args.copies,
                "texts": len(texts),
                "size": args.size,
                "rows": [{"call": n, "cpu": round(c, 3), "otherwise": o} for n, c, o in rows],
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
