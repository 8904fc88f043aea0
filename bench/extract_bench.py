"""Extraction speed against a bare PyMuPDF read, and line-join errors against hand labels.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.extract_bench [--repeat 5]

Times are medians of repeated runs, interleaved so that a busy machine slows both sides
alike. Two baselines are read in the same run: PyMuPDF's bare ``page.get_text("dict")`` of
every page (what any span-based reader pays), and the same call without image data (what
`extract` itself asks PyMuPDF for). Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import pymupdf

from bench.corpus import corpus_folder
from bench.join_audit import read_labels, score_joins
from extract import extract_issue
from extract.page_lines import TEXT_FLAGS

LABELS = Path(__file__).resolve().parents[1] / "tests" / "extract" / "join_labels.tsv"


def bare_read(path: Path, flags: int | None = None) -> int:
    """Read every page's text dict and nothing else; the number of pages read."""
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text("dict") if flags is None else page.get_text("dict", flags=flags)
        return doc.page_count


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def measure(paths: list[Path], repeat: int) -> dict[str, dict[str, float]]:
    """Median seconds per file for the bare read, the text-only read and full extraction."""
    runs: dict[str, dict[str, list[float]]] = {
        p.stem: {"bare": [], "text_only": [], "extract": []} for p in paths
    }
    for _ in range(repeat):
        for path in paths:
            runs[path.stem]["bare"].append(timed(bare_read, path))
            runs[path.stem]["text_only"].append(timed(bare_read, path, TEXT_FLAGS))
            runs[path.stem]["extract"].append(timed(extract_issue, path))
    return {
        issue: {kind: statistics.median(times) for kind, times in kinds.items()}
        for issue, kinds in runs.items()
    }


def sample_join_errors() -> tuple[int, int, int]:
    """(breaks, trailing-space rule errors, extract errors) over the sample issues' breaks,
    whose kind the generator records."""
    from extract.line_joins import needs_space, plain_rule_needs_space
    from extract.page_lines import Line
    from samples.issues import SAMPLE_ISSUES, sample_line_breaks

    def line(text: str) -> Line:
        return Line(text=text, x0=0.0, y0=0.0, x1=0.0, y1=0.0, size=12.0, bold=False)

    total = plain = rule = 0
    for issue in SAMPLE_ISSUES:
        for brk in sample_line_breaks(issue):
            truth = brk.kind != "mid-word"
            upper, lower = line(brk.line), line(brk.next_line)
            plain += plain_rule_needs_space(upper, lower) != truth
            rule += needs_space(upper, lower) != truth
            total += 1
    return total, plain, rule


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark over every PDF of AIBRIEF_CORPUS."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    corpus = corpus_folder("extract_bench")
    if corpus is None:
        return 2
    paths = sorted(corpus.glob("*.pdf"))
    issues = {p.stem: extract_issue(p) for p in paths}  # also warms the caches
    medians = measure(paths, args.repeat)
    print(
        f"{'issue':8} {'pages':>5} {'articles':>8} {'events':>6} "
        f"{'bare ms':>8} {'text ms':>8} {'extract ms':>10} {'x bare':>7} {'x text':>7}"
    )
    for stem, m in medians.items():
        issue = issues[stem]
        print(
            f"{stem:8} {issue.pdf.pages:5} {len(issue.articles):8} {len(issue.events):6} "
            f"{m['bare'] * 1000:8.0f} {m['text_only'] * 1000:8.0f} {m['extract'] * 1000:10.0f} "
            f"{m['extract'] / m['bare']:7.2f} {m['extract'] / m['text_only']:7.2f}"
        )
    total = {k: sum(m[k] for m in medians.values()) for k in ("bare", "text_only", "extract")}
    ratio_bare = total["extract"] / total["bare"]
    ratio_text = total["extract"] / total["text_only"]
    print(
        f"{'all':8} {'':5} {'':8} {'':6} {total['bare'] * 1000:8.0f} "
        f"{total['text_only'] * 1000:8.0f} {total['extract'] * 1000:10.0f} "
        f"{ratio_bare:7.2f} {ratio_text:7.2f}"
    )
    sample_breaks, sample_plain, sample_rule = sample_join_errors()
    print(
        f"line joins, sample issues: {sample_breaks} labelled breaks; trailing-space rule "
        f"{sample_plain} errors, extract {sample_rule} errors"
    )
    score = score_joins(read_labels(LABELS), Path(corpus))
    plain_rate = score.plain_errors / score.found if score.found else 0.0
    rule_rate = score.rule_errors / score.found if score.found else 0.0
    print(
        f"line joins: {score.found} labelled points; trailing-space rule "
        f"{score.plain_errors} errors ({plain_rate:.1%}), extract {score.rule_errors} errors "
        f"({rule_rate:.1%})"
    )
    print(
        json.dumps(
            {
                "benchmark": "extract",
                "repeat": args.repeat,
                "files": len(paths),
                "articles": {stem: len(issue.articles) for stem, issue in issues.items()},
                "seconds": {k: round(v, 4) for k, v in total.items()},
                "ratio_vs_bare_dict": round(ratio_bare, 3),
                "ratio_vs_text_only_dict": round(ratio_text, 3),
                "join_points": score.found,
                "join_errors_trailing_space_rule": score.plain_errors,
                "join_errors_extract": score.rule_errors,
                "sample_join_breaks": sample_breaks,
                "sample_join_errors_trailing_space_rule": sample_plain,
                "sample_join_errors_extract": sample_rule,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
