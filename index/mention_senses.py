"""Whether a table mention names an actor where it stands.

- A platform (유튜브, 깃허브, 허깅페이스) is an actor where the article names it acting or
  owning ("허깅페이스의 리더보드", "유튜브가 의무화"), not where it is only where things are
  found: "유튜브 동영상", "깃허브에서 내려받는 코드", "유튜브 같은 앱".
  One mention that acts makes it an actor of the article. The same test holds for a name
  the article introduces as a platform ("클라우드 플랫폼 아틀라스(Atlas) AI에서" is a product).
- A spelling that names its entry only in context ("이사회", "집행위") counts in an article
  about the entry's country, and not right after another actor ("오픈AI 이사회").
- A body or university written right before one of its units ("하버드大 로스쿨", "백악관
  과학기술위원회(NSTC)") is part of the unit's name, not an actor of its own, unless the
  article names it alone too; the unit is the actor (unit_after).
- A body every country has, written without a country, is no one body where the words around
  it make it every country's ("각국 AI 안전연구소 간 협력"); one such mention makes all
  its bare mentions in the article so.
"""

from __future__ import annotations

import re

from index.actor_mentions import LONGEST_PARTICLE, PARTICLE_SET, Mention
from index.actor_table import ANY_COUNTRY, PLATFORM

# The particle after a platform that makes it the one acting or owning.
_ACTING_PARTICLES = "이 가 은 는 의 도 측 측은 에게 께서"
ACTING_PARTICLES = frozenset(_ACTING_PARTICLES.split())
# Within the clause after a platform: it is where a video, an app or a file is.
_MEDIUM_AFTER = re.compile(
    r"^[^\n]{0,60}?(?:동영상|영상|채널|앱|플랫폼|사이트|에서|에 (?:게시|등록|공개|업로드))"
)
UNIT_ENDINGS = ("로스쿨", "대학원", "의과대학", "위원회", "연구소", "연구실", "센터")
# A university's school is named by the word alone; a committee or a lab needs its own name
# ("유럽의회 위원회" is one of its committees, not a unit of that name).
SCHOOLS = frozenset({"로스쿨", "대학원", "의과대학"})
UNIT_PARENTS = frozenset({"research", "government"})
_NEXT_WORD = re.compile(r" ([가-힣A-Za-z]+)")
GENERIC_BEFORE = frozenset({"각국", "각국의", "각", "여러", "주요국", "주요국의", "국가별"})
GENERIC_AFTER = (" 간 ", "들")  # "연구소 간 협력", "연구소들"


def _hangul_run(rest: str) -> int:
    match = re.match(r"[가-힣]*", rest)
    return match.end() if match else 0


def acts(rest: str) -> bool:
    """Whether a platform named just before `rest` (the text after its name) is named
    acting rather than as where things are."""
    if rest[: _hangul_run(rest)] in ACTING_PARTICLES:
        return True
    return not _MEDIUM_AFTER.match(rest)


def unit_after(mention: Mention, text: str) -> str | None:
    """The unit a body's name is part of ("로스쿨" after "하버드大"), or None."""
    entry = mention.entry
    if entry.kind not in UNIT_PARENTS or entry.country == ANY_COUNTRY:
        return None
    match = _NEXT_WORD.match(text, mention.end)
    if match is None:
        return None
    word = match.group(1)
    for cut in range(min(len(word) - 1, LONGEST_PARTICLE), -1, -1):
        stem = word[: len(word) - cut] if cut else word
        if (cut == 0 or word[len(word) - cut :] in PARTICLE_SET) and stem.endswith(UNIT_ENDINGS):
            return None if stem in UNIT_ENDINGS and stem not in SCHOOLS else stem
    return None


def _generic(mention: Mention, text: str) -> bool:
    before = text[max(0, mention.start - 12) : mention.start].split()[-1:]
    after = text[mention.end : mention.end + 6]
    glued = text[mention.start - 1 : mention.start] == " "
    return (bool(before) and glued and before[0] in GENERIC_BEFORE) or after.startswith(
        GENERIC_AFTER
    )


def _after_other_actor(mention: Mention, mentions: list[Mention], text: str) -> bool:
    return any(
        other.end <= mention.start
        and not other.contextual
        and text[other.end : mention.start].strip() in ("", "의")
        and other.entry.country != mention.entry.country
        for other in mentions
    )


def naming_mentions(
    mentions: list[Mention], text: str, countries: tuple[str, ...]
) -> list[Mention]:
    """The mentions, less those that name no actor where they stand (see the module docs)."""
    acting = {id(m.entry) for m in mentions if m.entry.kind == PLATFORM and acts(text[m.end :])}
    generic = {
        id(m.entry)
        for m in mentions
        if m.entry.country == ANY_COUNTRY and not m.prefix_country and _generic(m, text)
    }
    alone = {id(m.entry) for m in mentions if unit_after(m, text) is None}
    kept = []
    for mention in mentions:
        entry = mention.entry
        if entry.kind == PLATFORM and id(entry) not in acting:
            continue
        if id(entry) not in alone:
            continue
        if id(entry) in generic and not mention.prefix_country:
            continue
        if (
            mention.contextual
            and entry.country != ANY_COUNTRY  # whose country is the article's anyway
            and (entry.country not in countries or _after_other_actor(mention, mentions, text))
        ):
            continue
        kept.append(mention)
    return kept
