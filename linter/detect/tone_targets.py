"""Whom tone is aimed at: the council, its listed people, and roles such as "our clerk".

Targets come from the profile (the council's name and aliases, "the/our … council" but not
"council tax" or "county council", every listed person's name and aliases, "Cllr <name>") and
from ``models/patterns/tone_targets.txt`` (generic roles and unnamed-but-identifiable people:
"our clerk", "the contractors", "some people at work", "you know who you are"), plus "our new
<role> girl/lad/starter …" for a colleague described but not named, and a grammar of roles
(``tone_roles.txt``): a determiner, up to two words and a role noun ("half the councillors",
"some of the hall hirers", "the allotment lot"); someone "from work/the office"; "whoever
approved/did/designed …" and "the person who did the rota" (the maker of a decision is
identifiable); "management"; "them/that lot at the council/depot".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..assets import read_lines
from ..profile import Profile
from .tone_lists import compile_list

if TYPE_CHECKING:
    from .tone import Hit

_ANY_COUNCIL = re.compile(r"(?<!\w)(?:the|this|our|my|your|their)\s+(?:[\w'-]+\s+){1,2}?council(?!\w)")
_OF_A_COUNCIL = re.compile(r"(?<=of )an?\s+(?:town|parish)\s+council(?!\w)")
_NEW_PERSON = re.compile(  # "our new admin girl", "the new lad": an identifiable colleague
    r"(?<!\w)(?:our\s+(?:new\s+)?|(?:the|that)\s+new\s+)(?:[a-z]+\s+)?"
    r"(?:girl|lad|boy|guy|bloke|woman|fella|starter|trainee|temp|receptionist|intern|apprentice)(?!\w)"
)


_DETERMINER = r"(?<!\w)(?:the|our|my|your|their|that|those|these|(?:some|half|all|one|most|none) of (?:the|our)|half the|all the)\s+"
_FROM_WORK = re.compile(  # "the old boy from work", "that lot at the depot", "them at the council"
    r"(?<!\w)(?:(?:the|that|our|this)\s+(?:[\w'-]+\s+){0,2}?(?:boy|girl|lad|guy|bloke|woman|man|fella|lady|one|lot|crowd)"
    r"|them|those|everyone|people|someone)\s+(?:from|at|in)\s+(?:work|the office|the depot|the town hall|the council)(?!\w)"
)
_DECIDER = re.compile(  # whoever made a decision or did a piece of work is identifiable
    r"(?<!\w)(?:whoever|(?:the|some)\s+(?:person|people|genius|bright spark|one|idiot|muppet|numpty|clown)\s+(?:who|that))\s+"
    r"(?:(?:has|had|just)\s+)?(?:approved|signed off|decided|designed|planned|organised|organized|came up with|thought|"
    r"did|does|drew up|wrote|scheduled|runs|is in charge|put together|set|made|booked|chose|picked|agreed)(?!\w)"
)
_MANAGEMENT = re.compile(r"(?:(?<![\w'-] )(?<![\w'-])|(?<=the )|(?<=our )|(?<=senior )|(?<=upper )|(?<=middle ))management(?=\s+(?:have|has|are|is|were|was|never|don't|didn't|couldn't|can't|won't|just|always|still|should|need)(?!\w))")


def role_targets() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The generic roles of ``tone_targets.txt`` and the role grammar, one pattern per group."""
    groups: dict[str, list[str]] = {}
    for line in read_lines("tone_targets"):
        group, _, phrase = line.partition(":")
        groups.setdefault(group.strip(), []).append(phrase.strip().lower())
    out = [(g, compile_list(p)) for g, p in groups.items()]
    out += [(g, role_pattern(nouns)) for g, nouns in _roles().items()]
    return (*out, ("employee", _FROM_WORK), ("employee", _DECIDER), ("employee", _MANAGEMENT))


def _roles() -> dict[str, list[str]]:
    """The role nouns of ``tone_roles.txt`` by group."""
    groups: dict[str, list[str]] = {}
    for line in read_lines("tone_roles"):
        group, _, noun = line.partition(":")
        groups.setdefault(group.strip(), []).append(noun.strip().lower())
    return groups


def role_pattern(nouns: list[str]) -> re.Pattern[str]:
    """A determiner, up to two other words and one of the role nouns ("half the councillors")."""
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True))
    return re.compile(_DETERMINER + r"(?:[\w'-]+\s+){0,2}?(?:" + body + r")(?!\w)(?!\s+(?:tax|meeting|room|office|report|agenda|minutes)(?!\w))")


def profile_targets(profile: Profile) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The council's name and aliases, the listed people's names and aliases, "Cllr <name>"."""
    council = [profile.council.name, *profile.council.aliases]
    out = [("council", compile_list(n.lower() for n in council if n))]
    for person in profile.people:
        out.append((person.group, compile_list(n.lower() for n in (person.name, *person.aliases))))
    out.append(("council", _ANY_COUNCIL))
    out.append(("council", _OF_A_COUNCIL))
    out.append(("employee", _NEW_PERSON))
    out.append(("councillor", re.compile(r"(?<!\w)(?:cllr\.?|councillor)\s+[a-z][\w'-]+")))
    out.append(("councillor", re.compile(r"@[\w.]*(?:cllr|councillor)[\w.]*")))  # "@RajPatelCllr", "@helen_marsh_cllr"
    return tuple(out)


_PUPILS = re.compile(r"\b(?:student|students'|school|pupil|pupils'|youth|eco|class|children's|kids')\s+council$", re.IGNORECASE)


def council_context_ok(text: str, hit: Hit) -> bool:
    """False for "council tax", "county council", "student council", "works" (not "work's") and other senses that are
    not this council."""
    before = text[max(0, hit.start - 12):hit.start] + text[hit.start:hit.end]
    after = text[hit.end:hit.end + 12]
    if re.search(r"(county|district|borough|city|unitary)\s+(town\s+)?(council\s+)?$", before[:-7]):
        return False
    if text[hit.start:hit.end].lower() == "works":  # "work's" typed without its apostrophe is rare; "gas works", "it works"
        return False
    if _PUPILS.search(before):  # "The student council at my daughter's school has voted to ban the word 'moist'"
        return False
    return not re.match(r"\s+(tax|house|houses|estate|flat|flats|housing|elections?|of\s+war)\b", after)
