"""The actor table's names are found where they were before the finder looked only where a
name can start: against tests/index/mention_oracle.py, which splits every text into words,
on generated texts and on the real issues."""

from __future__ import annotations

import random

import pytest

from index.actor_mentions import PARTICLE_SET, find_mentions
from index.actor_table import ANY_COUNTRY, actor_table
from index.article_actors import _body_lines
from tests.index.mention_oracle import oracle_mentions

# What may stand between two words, and around a name, in the texts made below.
GAPS = (" ", " ", " ", "", "-", "  ", ", ", ". ", " - ", " . ", "\n", "(", ") ", "·", "…", "’")
FILLER = (
    "AI",
    "인지",
    "메타인지",
    "정부",
    "의회",
    "기관",
    "X",
    "美",
    "x",
    "İ",
    "Σ",
    "ς",
    "_",
    "2025년",
)


def generated_texts(count: int, seed: int = 13) -> list[str]:
    """Texts of table spellings (in any case, glued or spaced, with particles, hyphens and
    marks around them) among other words."""
    rng = random.Random(seed)
    table = actor_table()
    spellings = sorted({s for e in table.entries for s in (*e.spellings, *e.contextual)})
    places = sorted({s for e in table.places for s in e.spellings})
    bodies = sorted({s for e in table.entries if e.country == ANY_COUNTRY for s in e.spellings})
    particles = sorted(PARTICLE_SET)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(spellings) if rng.random() < 0.6 else rng.choice(FILLER)
            if rng.random() < 0.1:  # "영국 국방부": a body of every country, after its country
                word = f"{rng.choice(places)} {rng.choice(bodies)}"
            if rng.random() < 0.2:
                word = rng.choice((str.upper, str.lower, str.title))(word)
            if rng.random() < 0.2:
                word = word.replace(" ", rng.choice(("", "  ", "-")))
            if rng.random() < 0.4:
                word += rng.choice(particles)
            if rng.random() < 0.1:
                word += rng.choice(("-R1", ".", "..", "-", "'s", "&Co"))
            parts.append(word + rng.choice(GAPS))
        texts.append("".join(parts))
    return texts


def found(mentions) -> list[tuple]:
    return [(m.entry.name, m.start, m.end, m.prefix_country, m.contextual) for m in mentions]


def test_generated_texts():
    texts = generated_texts(5000)
    differ = [t for t in texts if found(find_mentions(t)) != found(oracle_mentions(t))]
    assert differ[:1] == []
    # the texts hold what the finder must get right: bodies after their country, names
    # joined by hyphens, spellings of several words
    mentions = [m for t in texts for m in oracle_mentions(t)]
    assert sum(m.prefix_country is not None for m in mentions) > 50
    assert sum("-" in t[m.start - 1 : m.start] for t in texts for m in oracle_mentions(t)) > 50
    assert sum(" " in t[m.start : m.end] for t in texts for m in oracle_mentions(t)) > 200


@pytest.mark.corpus
@pytest.mark.slow
def test_the_real_issues(corpus_issues):
    articles = [a for issue in corpus_issues.values() for a in issue.articles]
    texts = ["\n".join(_body_lines(a)) for a in articles]
    lines = [line for text in texts for line in text.split("\n")]
    differ = [t for t in (*texts, *lines) if found(find_mentions(t)) != found(oracle_mentions(t))]
    assert (len(texts), differ[:1]) == (len(articles), [])
