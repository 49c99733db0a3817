"""Whom tone is aimed at: the council, its listed people, and roles such as "our clerk".

Targets come from the profile (the council's name and aliases, "the/our … council" but not
"council tax" or "county council", every listed person's name and aliases, "Cllr <name>") and
from ``models/patterns/tone_targets.txt`` (generic roles and unnamed-but-identifiable people:
"our clerk", "the contractors", "some people at work", "you know who you are"), plus "our new
<role> girl/lad/starter …" for a colleague described but not named.
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


def role_targets() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The generic roles of ``tone_targets.txt``, one pattern per group."""
    groups: dict[str, list[str]] = {}
    for line in read_lines("tone_targets"):
        group, _, phrase = line.partition(":")
        groups.setdefault(group.strip(), []).append(phrase.strip().lower())
    return tuple((g, compile_list(p)) for g, p in groups.items())


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
    return tuple(out)


def council_context_ok(text: str, hit: Hit) -> bool:
    """False for "council tax", "county council" and other senses that are not this council."""
    before = text[max(0, hit.start - 12):hit.start] + text[hit.start:hit.end]
    after = text[hit.end:hit.end + 10]
    if re.search(r"(county|district|borough|city|unitary)\s+(town\s+)?(council\s+)?$", before[:-7]):
        return False
    return not re.match(r"\s+(tax|house|houses|estate|flat|flats|housing|elections?)\b", after)
