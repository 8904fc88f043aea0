"""How Kiwi reads the names and forms the index is asked for: which the domain dictionary should
keep whole (index/domain_dictionary.tsv).

    python -m bench.dictionary_check

Two lists, from the shipped tables alone (no corpus):

- names split into a piece that is itself a thesaurus form: an actor's name (actors.tsv) read as
  words of which one is a concept researchers search for (영국 과학혁신기술부 -> 혁신), so that
  a search for the concept finds every article naming the body;
- texts read apart before a particle: an actor's name or a thesaurus form whose terms alone
  differ from its terms before 이, 은, 을 or 의 (가, 는, 를 after a vowel): "인터넷정보판공실"
  was one noun alone and 인터넷 + 정보 + 판공실 in "인터넷정보판공실이", so that a query for it
  never met the articles writing it with a particle.

A word the dictionary holds is read as it says, so a text it lists again is one it could not
keep whole.
"""

from __future__ import annotations

import re
import sys

from index.actor_table import PLACE, actor_table
from index.analysis import analyze
from index.concepts import shipped_concepts

# The particles a word is read before, after a final consonant and after a vowel.
PARTICLES = {True: ("이", "은", "을", "의"), False: ("가", "는", "를", "의")}
_HANGUL = re.compile(r"[가-힣]")


def parts(text: str) -> tuple[str, ...]:
    """The words (not stems or pairs) the index holds for a text."""
    return tuple(t.text for t in analyze(text) if t.kind == "part")


def particles(text: str) -> tuple[str, ...]:
    """The particles that follow the text: 이, 은, 을 after a final consonant, else 가, 는, 를;
    and 의."""
    last = text[-1]
    closed = "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0
    return PARTICLES[closed]  # a Latin name is read out ("FTC", 에프티씨): 가, 는, 를


def before_particle(text: str, particle: str) -> tuple[str, ...]:
    """The words of `text` read before a particle, the particle's own left out."""
    return tuple(
        t.text for t in analyze(text + particle) if t.kind == "part" and t.end <= len(text)
    )


def names() -> list[str]:
    """Every Korean spelling of an actor, places left out (their names are single words)."""
    table = actor_table()
    spelled = (s for e in table.entries if e.kind != PLACE for s in e.spellings)
    return [s for s in dict.fromkeys(spelled) if _HANGUL.search(s)]


def split_names(concepts=None) -> list[tuple[str, tuple[str, ...], list[str]]]:
    """(name, its words, the words that are thesaurus forms) for every name so split."""
    concepts = concepts or shipped_concepts()
    found = []
    for name in names():
        words = parts(name)
        if len(words) < 2:
            continue
        whole = set(concepts.labels(name))
        inner = [w for w in words if len(w) > 1 and set(concepts.labels(w)) - whole]
        if inner:
            found.append((name, words, inner))
    return found


def read_apart(texts: list[str]) -> list[tuple[str, tuple[str, ...], str, tuple[str, ...]]]:
    """(text, its words, the particle, its words before it) where the two differ."""
    found = []
    for text in texts:
        alone = parts(text)
        for particle in particles(text):
            if (context := before_particle(text, particle)) != alone:
                found.append((text, alone, particle, context))
                break
    return found


def main() -> int:
    concepts = shipped_concepts()
    split = split_names(concepts)
    print(f"{len(split)} names split into a piece that is a thesaurus form:")
    for name, words, inner in split:
        print(f"  {name}\t{' + '.join(words)}\t({', '.join(inner)})")
    forms = [f for f in concepts.every_form() if _HANGUL.search(f) and " " not in f]
    apart = read_apart([*names(), *forms])
    print(f"\n{len(apart)} names and forms read apart before a particle:")
    for text, alone, particle, context in apart:
        print(f"  {text}\t{' + '.join(alone)}\t{text}{particle}: {' + '.join(context)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
