"""Actor quality on the real issues: headline subjects, their countries and actor lists
against hand labels, and the actors with the most articles.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.actor_quality [--verbose]

The labels are bench/actors/subjects.tsv (subject and country of every headline),
bench/actors/actor_lists.tsv (the full actor list of 20 articles), and three groups labelled
later, each before the derived lists were read: actor_lists_heldout.tsv, actor_lists_fresh.tsv,
actor_lists_unseen.tsv and actor_lists_unseen2.tsv (25 and 23 articles, with the subject and
country of each headline too).
Ids and labels only. Targets: subject and country accuracy >= 98%, actor precision and recall
>= 0.9.
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


def subject_labels(name: str = "subjects.tsv") -> dict[str, tuple[str | None, str | None]]:
    """Article id -> (subject, country), None where the label is "-"."""
    return {
        id_: (None if subject == "-" else subject, None if country == "-" else country)
        for id_, subject, country, *_ in _rows(name)
    }


def actor_labels(name: str = "actor_lists.tsv") -> dict[str, list[str]]:
    """Article id -> the labelled actors (any spelling of each): the last column."""
    return {row[0]: [n.strip() for n in row[-1].split("|")] for row in _rows(name)}


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


def score_subjects(
    articles: dict[str, Article], labels: dict[str, tuple[str | None, str | None]], verbose: bool
) -> tuple[float, float]:
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


GROUPS = (  # file, what its articles are
    ("actor_lists_heldout.tsv", "labelled after the table was first written"),
    ("actor_lists_fresh.tsv", "labelled after the rules were revised on those"),
    ("actor_lists_unseen.tsv", "labelled with their headlines before the next revision"),
    ("actor_lists_unseen2.tsv", "labelled after that revision, before reading theirs"),
)
UNSEEN_HEADLINES = ("actor_lists_unseen.tsv", "actor_lists_unseen2.tsv")


def group_label(name: str) -> str:
    """How the report names a label file: actor_lists_unseen.tsv is "unseen"."""
    return name.removeprefix("actor_lists_").removesuffix(".tsv")


def main(argv: list[str]) -> int:
    folder = corpus_folder("actor_quality")
    if folder is None:
        return 1
    verbose = "--verbose" in argv
    articles: dict[str, Article] = {}
    for pdf in sorted(folder.glob("*.pdf")):
        for article in derive_actors(extract_issue(pdf).articles):
            articles[article.id] = article
    headlines = subject_labels()
    subjects, countries = score_subjects(articles, headlines, verbose)
    labels = actor_labels()
    precision, recall = score_actors(articles, labels, verbose)
    print(f"subject accuracy  {subjects:.1%}  ({len(headlines)} headlines; target 98%)")
    print(f"country accuracy  {countries:.1%}  (public-body subjects; target 98%)")
    print(f"actor precision   {precision:.3f}  ({len(labels)} articles; target 0.9)")
    print(f"actor recall      {recall:.3f}  (target 0.9)")
    for name, about in GROUPS:
        group = actor_labels(name)
        group_precision, group_recall = score_actors(articles, group, verbose)
        label = group_label(name)
        print(
            f"{label:<17} precision {group_precision:.3f}, recall {group_recall:.3f}"
            f"  ({len(group)} articles {about})"
        )
    for name in UNSEEN_HEADLINES:
        unseen = subject_labels(name)
        unseen_subjects, unseen_countries = score_subjects(articles, unseen, verbose)
        label = group_label(name)
        print(
            f"{label:<7} headlines subject {unseen_subjects:.1%}, country {unseen_countries:.1%}"
            f"  ({len(unseen)} headlines, labelled again; subjects.tsv holds them too)"
        )
    counts = Counter(a.name for art in articles.values() for a in art.actors or ())
    print(f"the {TOP} actors with the most articles:")
    for name, count in counts.most_common(TOP):
        print(f"  {count:4d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
