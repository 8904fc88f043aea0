"""Actor quality on the real issues: headline subjects, their countries and actor lists
against hand labels, and the actors with the most articles.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.actor_quality [--verbose]

The labels are bench/actors/subjects.tsv (subject and country of every headline) and
bench/actors/actor_lists.tsv (the full actor list of 20 articles): ids and labels only.
Targets: subject and country accuracy >= 98%, actor precision and recall >= 0.9.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bench.corpus import corpus_folder
from extract import extract_issue
from extract.model import Article
from index import derive_actors
from index.aliases import alias_key

LABELS = Path(__file__).with_name("actors")
TOP = 20


def _rows(name: str) -> list[list[str]]:
    lines = (LABELS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def subject_labels() -> dict[str, tuple[str | None, str | None]]:
    """Article id -> (subject, country), None where the label is "-"."""
    return {
        id_: (None if subject == "-" else subject, None if country == "-" else country)
        for id_, subject, country in _rows("subjects.tsv")
    }


def actor_labels(name: str = "actor_lists.tsv") -> dict[str, list[str]]:
    """Article id -> the labelled actors (any spelling of each)."""
    return {id_: [n.strip() for n in names.split("|")] for id_, names in _rows(name)}


def _same(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and alias_key(a) == alias_key(b)
    )


def subject_country(article: Article) -> str | None:
    """The country derived for a public-body subject: the first of the article's countries
    when the subject is a government or international body."""
    first = article.actors[0] if article.actors else None
    if article.subject is None or first is None:
        return None
    if first.kind in ("government", "international", "person") and article.countries:
        return article.countries[0]
    return None


def score_subjects(articles: dict[str, Article], verbose: bool) -> tuple[float, float]:
    labels = subject_labels()
    right = country_right = countries = 0
    for id_, (subject, country) in labels.items():
        article = articles[id_]
        if _same(article.subject, subject):
            right += 1
        elif verbose:
            print(f"  subject {id_}: {article.subject!r}, labelled {subject!r}")
        if country is not None:
            countries += 1
            if subject_country(article) == country:
                country_right += 1
            elif verbose:
                print(f"  country {id_}: {subject_country(article)!r}, labelled {country!r}")
    return right / len(labels), country_right / countries


def score_actors(
    articles: dict[str, Article], labels: dict[str, list[str]], verbose: bool
) -> tuple[float, float]:
    """Precision and recall of the derived actor lists against the labelled ones."""
    true_positive = found = labelled = missed_total = 0
    for id_, names in labels.items():
        derived = articles[id_].actors or ()
        keys = [{alias_key(s) for s in (a.name, *a.aliases)} for a in derived]
        hits = {i for i, k in enumerate(keys) for n in names if alias_key(n) in k}
        missed = [n for n in names if not any(alias_key(n) in k for k in keys)]
        true_positive += len(hits)
        found += len(derived)
        labelled += len(names)
        missed_total += len(missed)
        if verbose and (missed or len(hits) < len(derived)):
            extra = [derived[i].name for i in range(len(derived)) if i not in hits]
            print(f"  actors {id_}: missed {missed}, not labelled {extra}")
    return true_positive / found, (labelled - missed_total) / labelled


def main(argv: list[str]) -> int:
    folder = corpus_folder("actor_quality")
    if folder is None:
        return 1
    verbose = "--verbose" in argv
    articles: dict[str, Article] = {}
    for pdf in sorted(folder.glob("*.pdf")):
        for article in derive_actors(extract_issue(pdf).articles):
            articles[article.id] = article
    subjects, countries = score_subjects(articles, verbose)
    labels, heldout = actor_labels(), actor_labels("actor_lists_heldout.tsv")
    fresh = actor_labels("actor_lists_fresh.tsv")
    precision, recall = score_actors(articles, labels, verbose)
    heldout_precision, heldout_recall = score_actors(articles, heldout, verbose)
    fresh_precision, fresh_recall = score_actors(articles, fresh, verbose)
    print(f"subject accuracy  {subjects:.1%}  ({len(subject_labels())} headlines; target 98%)")
    print(f"country accuracy  {countries:.1%}  (public-body subjects; target 98%)")
    print(f"actor precision   {precision:.3f}  ({len(labels)} articles; target 0.9)")
    print(f"actor recall      {recall:.3f}  (target 0.9)")
    print(
        f"held out          precision {heldout_precision:.3f}, recall {heldout_recall:.3f}"
        f"  ({len(heldout)} articles labelled after the table was first written)"
    )
    print(
        f"fresh             precision {fresh_precision:.3f}, recall {fresh_recall:.3f}"
        f"  ({len(fresh)} articles labelled after the rules were revised on those)"
    )
    counts = Counter(a.name for art in articles.values() for a in art.actors or ())
    print(f"the {TOP} actors with the most articles:")
    for name, count in counts.most_common(TOP):
        print(f"  {count:4d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
