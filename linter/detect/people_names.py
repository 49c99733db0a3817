"""Every spelling of the clerk's listed people and firms, worked out once per profile (pure data).

``NameTable.build`` turns ``people.csv`` rows into the spellings the detector in
``linter.detect.people`` matches: full names and aliases, nicknames from the ``nicknames``
package (with the British short forms of ``people_nicknames_uk.txt``, filtered by
``people_nickname_exclude.txt``), initials, titles, hashtag and handle keys, identifying roles
and distinctive first names. ``explain`` lists them for the clerk.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..assets import lower_set, read_lines
from ..profile import Person, Profile

LEGAL_SUFFIXES = ("ltd", "ltd.", "limited", "plc", "llp", "cic")
LEET = str.maketrans({"0": "o", "3": "e", "4": "a", "5": "s", "$": "s", "@": "a"})
# Evidence ranked: on the same span the stronger evidence wins.
EVIDENCE_RANK = (
    "exact",
    "alias",
    "firm",
    "nickname",
    "handle",
    "hashtag",
    "title",
    "initial",
    "obfuscated",
    "typo",
    "role",
    "first-name",
    "surname",
)
_EMAIL_OR_URL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+|://|^www\.", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NameLists:
    """The word lists that shape the variants (``models/patterns/people_*.txt``, nicknames data)."""

    titles: frozenset[str]
    stopnames: frozenset[str]
    common_first: frozenset[str]
    generic_roles: frozenset[str]
    synonyms: tuple[tuple[str, ...], ...]
    determiners: tuple[str, ...]
    modifiers: tuple[str, ...]
    nickname_exclude: frozenset[str]
    nicknames: dict  # canonical -> nicknames (read-only by convention)
    common_surnames: frozenset[str]

    def nicknames_of(self, first: str) -> tuple[str, ...]:
        """The kept nicknames of a first name (excluded ones and 1-2 letter ones dropped)."""
        found = self.nicknames.get(first.lower(), ())
        return tuple(sorted(n for n in found if len(n) > 2 and n not in self.nickname_exclude))

    def ordinary(self, word: str) -> bool:
        """True when a name word is also an ordinary English word."""
        return word.lower() in self.stopnames or word.lower() in STOP_WORDS


@cache
def load_lists() -> NameLists:
    """Read the people word lists and the nicknames data once."""
    from nicknames import NickNamer

    lookup = {k: set(v) for k, v in NickNamer().nickname_lookup.items()}
    for line in read_lines("people_nicknames_uk"):  # British short forms the package lacks ("Mags", "Tommo")
        first, _, nicks = line.partition(":")
        lookup.setdefault(first.strip().lower(), set()).update(n.strip().lower() for n in nicks.split(",") if n.strip())
    lower = lower_set
    return NameLists(
        titles=lower("people_titles"),
        stopnames=lower("people_stopnames"),
        common_first=lower("people_common_first_names")
        | frozenset(lookup)
        | frozenset(n for ns in lookup.values() for n in ns),
        generic_roles=lower("people_generic_roles"),
        synonyms=tuple(
            tuple(p.strip().lower() for p in line.split("|"))
            for line in read_lines("people_role_synonyms")
        ),
        determiners=tuple(w.lower() for w in read_lines("people_determiners")),
        modifiers=tuple(w.lower() for w in read_lines("people_role_modifiers")),
        nickname_exclude=lower("people_nickname_exclude"),
        nicknames={k: frozenset(v) for k, v in lookup.items()},
        common_surnames=lower("names_surnames"),
    )


@dataclass(frozen=True, slots=True)
class Variant:
    """One spelling of a listed person or firm, lower-case, and how it identifies them."""

    text: str
    person: Person
    evidence: str
    needs_case: bool = False


def split_name(person: Person) -> tuple[str, str]:
    """First name and surname (middle names ignored); surname empty for one-word names."""
    words = person.name.split()
    return (words[0], words[-1]) if len(words) > 1 else (words[0], "")


def strip_legal(name: str) -> str:
    """A firm's name without a trailing ``Ltd``/``Limited``/``plc``."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def person_variants(person: Person, lists: NameLists) -> Iterator[Variant]:
    """Every written form of one listed person or firm."""
    def ordinary(*ws: str) -> bool:
        return all(lists.ordinary(w) for w in ws)

    yield Variant(
        person.name.lower(),
        person,
        "firm" if person.is_firm else "exact",
        ordinary(*person.name.split()),
    )
    for alias in person.aliases:
        yield Variant(
            alias.lower(), person, "firm" if person.is_firm else "alias", ordinary(*alias.split())
        )
    if person.is_firm:
        short = strip_legal(person.name)
        yield Variant(short.lower(), person, "firm", ordinary(*short.split()))
        if short != person.name:
            yield Variant(person.name.lower().rstrip(".") + ".", person, "firm", False)
        head = firm_head(short, lists)
        if head:
            yield Variant(head, person, "firm", False)
        return
    first, last = (w.lower() for w in split_name(person))
    if not last:
        return
    for nick in lists.nicknames_of(first):
        yield Variant(f"{nick} {last}", person, "nickname", ordinary(nick, last))
        for dot in ("", "."):
            yield Variant(f"{nick} {last[0]}{dot}", person, "initial", True)  # "Mags E", "Dan O."
    for alias in (a.lower().split() for a in person.aliases):
        if len(alias) > 1 and alias[-1] == last and alias[0] != first:
            for dot in ("", "."):
                yield Variant(f"{alias[0]} {last[0]}{dot}", person, "initial", True)  # "Raj P" (alias "Raj Patel")
    yield Variant(f"{first[0]}.{last}", person, "initial", True)  # "T.Stone"
    for dot in ("", "."):
        yield Variant(f"{first[0]}{dot} {last}", person, "initial", True)
        yield Variant(f"{first} {last[0]}{dot}", person, "initial", True)
        for title in lists.titles:
            yield Variant(f"{title}{dot} {last}", person, "title", ordinary(last))


FIRM_HEAD_LETTERS = 7  # a coined first word this long is the firm's own ("Brightwater", not "Nene")


def firm_head(name: str, lists: NameLists) -> str:
    """The first word of a firm's name of three or more words when it names the firm alone:
    a long coined word, not an ordinary word or a first name ("Brightwater Cleaning Services")."""
    words = name.lower().split()
    head = words[0] if len(words) >= 3 else ""
    if len(head) < FIRM_HEAD_LETTERS or not head.isalpha():
        return ""
    return "" if lists.ordinary(head) or head in lists.common_first else head


def squashed_keys(person: Person, lists: NameLists) -> Iterator[tuple[str, str]]:
    """Letters-only keys a hashtag or handle of this person or firm would squash to."""
    names = [person.name, *person.aliases]
    if person.is_firm:
        names.append(strip_legal(person.name))
    else:
        first, last = (w.lower() for w in split_name(person))
        if last:
            names += [f"{n} {last}" for n in lists.nicknames_of(first)]
            names += [f"{last} {first}"] + ([] if lists.ordinary(last) else [f"{first[0]} {last}"])
            names += [f"{first} {last[0]}"] if distinctive_first(person, lists) else []
    for name in names:
        key = re.sub(r"[^a-z]", "", name.lower())
        if len(key) > 2:
            yield key, name


def role_variants(person: Person, lists: NameLists) -> Iterator[str]:
    """The spellings of a person's role that identify them (none for generic roles and firms)."""
    role = " ".join(person.role.lower().split())
    if person.is_firm or not role or role in lists.generic_roles:
        return
    forms = {role, role.replace("-", " "), role.replace("-", "")}
    for group in lists.synonyms:
        if role in group or role.replace("-", " ") in group:
            forms.update(group)
    yield from sorted(f for f in forms if f not in lists.generic_roles)


def distinctive_first(person: Person, lists: NameLists) -> str:
    """The person's first name if it may fire alone (see the module docstring), else ``""``."""
    first, last = split_name(person)
    low = first.lower()
    if person.is_firm or not last or len(low) < 3 or not low.isalpha():
        return ""
    return "" if low in lists.common_first or lists.ordinary(low) else low


def distinctive_last(person: Person, lists: NameLists) -> str:
    """The person's surname if it may name them alone beside a cue (see the module docstring of ``people.py``): not
    an ordinary word ("Pike", "Stone"), a common British surname ("Patel", "Doyle") or a first name; else ``""``."""
    first, last = split_name(person)
    low = last.lower()
    if person.is_firm or not first or len(low) < 4 or not low.isalpha():
        return ""
    return "" if lists.ordinary(low) or low in lists.common_surnames or low in lists.common_first else low


def cued_firsts(person: Person, lists: NameLists) -> Iterator[str]:
    """The first name and its nicknames, and the first word of a two-word alias ("Raj" of "Raj Patel" for Rajesh
    Patel), which name the person only beside a work or local cue ("kev at the allotments", "dan in the office",
    "Raj from the council"); none for firms and one-word names."""
    first, last = split_name(person)
    if person.is_firm or not last or not first.isalpha():
        return
    yield first.lower()
    yield from lists.nicknames_of(first)
    for alias in person.aliases:
        words = alias.split()
        if len(words) == 2 and words[0].isalpha() and words[1].lower() == last.lower():
            yield words[0].lower()


def role_cues(person: Person, lists: NameLists) -> Iterator[str]:
    """Words of a person's role that, near their first name, point to them ("allotment", "caretaker")."""
    for word in re.findall(r"[a-z]+", person.role.lower()):
        if len(word) > 3 and word not in lists.generic_roles and word not in ("holder", "officer", "assistant"):
            yield word


def _unique(pairs: Iterable[tuple[str, object]]) -> dict[str, object]:
    """Keep keys owned by one person; a key two people share identifies neither, unless it is
    one person's own name or alias and only another's derived form (``Dan Smithers``)."""
    owners: dict[str, list] = defaultdict(list)
    for key, value in pairs:
        owners[key].append(value)
    out = {}
    for key, values in owners.items():
        strong = [v for v in values if getattr(v, "evidence", "") in ("exact", "alias", "firm")]
        for group in (values, strong):
            if group and len({_owner(x) for x in group}) == 1:
                out[key] = group[0]
                break
    return out


def _owner(value: object) -> Person:
    return value.person if isinstance(value, Variant) else value


@dataclass(frozen=True, slots=True)
class NameTable:
    """Every spelling of every listed person for one profile (pure data, no models)."""

    variants: dict  # lower-case text -> Variant
    squashed: dict  # letters-only key -> Variant
    roles: dict  # lower-case role text -> Person
    firsts: dict  # distinctive first name -> Person
    lasts: dict  # distinctive surname -> Person, named alone only beside a cue
    cued: dict  # first name or nickname -> Person, named only beside a cue
    cues: dict  # Person -> their role's cue words
    first_last: tuple  # (first, last, Person) of two-word names, for the typo pass
    words: frozenset  # every name word, to choose between 1->i and 1->l

    @classmethod
    def build(cls, people: Iterable[Person], lists: NameLists) -> NameTable:
        """Work out the table; spellings shared by two people are dropped (they identify neither)."""
        people = tuple(people)
        variants = _unique((v.text, v) for p in people for v in person_variants(p, lists))
        squashed = _unique(
            (k, Variant(name, p, "", False)) for p in people for k, name in squashed_keys(p, lists)
        )
        first_last = tuple(
            (*(w.lower() for w in split_name(p)), p) for p in people if not p.is_firm
        )
        return cls(
            variants=variants,
            squashed=squashed,
            roles=_unique((r, p) for p in people for r in role_variants(p, lists)),
            firsts=_unique((f, p) for p in people if (f := distinctive_first(p, lists))),
            lasts=_unique((f, p) for p in people if (f := distinctive_last(p, lists))),
            cued=_unique((f, p) for p in people for f in dict.fromkeys(cued_firsts(p, lists))),
            cues={p: frozenset(role_cues(p, lists)) for p in people},
            first_last=tuple(t for t in first_last if t[1]),
            words=frozenset(w for v in variants for w in re.findall(r"[a-z]+", v)),
        )


def deobfuscate(text: str, words: frozenset[str]) -> str:
    """The text with look-alike digits and symbols inside words read as letters (same length)."""
    out = list(text)
    for chunk in re.finditer(r"\S+", text):
        if _EMAIL_OR_URL.search(chunk.group()):
            continue
        for run in re.finditer(r"[A-Za-z0-9@$]+", chunk.group()):
            start = chunk.start() + run.start()
            out[start : start + len(run.group())] = _read_run(run.group(), words)
    return "".join(out)


def _read_run(run: str, words: frozenset[str]) -> str:
    """One letters-and-digits run read as letters, when it is a word with look-alikes in it."""
    if sum(c.isalpha() for c in run) < 2 or run.isalnum() and run.isalpha():
        return run
    head = run[0] if run[0] == "@" else ""
    body = run[len(head) :].translate(LEET)
    for one in ("i", "l"):
        candidate = body.replace("1", one)
        if candidate.lower() in words:
            return head + _capital_look_alike(run[len(head) :], candidate)
    return head + _capital_look_alike(run[len(head) :], body.replace("1", "i"))


def _capital_look_alike(raw: str, read: str) -> str:
    """A name word that starts with a look-alike reads with a capital ("D. 0kafor" is "D. Okafor"): a digit or
    symbol has no case, and a name is written with one."""
    if raw[:1].isalpha() or not read[:1].isalpha() or not any(c.islower() for c in read[1:]):
        return read
    return read[:1].upper() + read[1:]


def explain(person: Person, profile: Profile) -> list[str]:
    """Which spellings of a listed person or firm are caught, one line each (``postlint profile explain``)."""
    lists, table = load_lists(), NameTable.build(profile.people, load_lists())
    grouped: dict[str, list[str]] = defaultdict(list)
    for v in sorted((v for v in table.variants.values() if v.person == person), key=_order):
        if v.evidence != "title" and not v.text.endswith("."):
            grouped[v.evidence].append(
                _display(v.text)
                + (" (with capitals)" if v.needs_case and v.evidence != "initial" else "")
            )
    lines = [f"{label}: {', '.join(forms)}" for label, forms in grouped.items()]
    tags = sorted(k for k, v in table.squashed.items() if v.person == person)
    lines.append(
        f"hashtags and handles (any case, _ . and trailing digits ignored): {', '.join('#' + k for k in tags)}"
    )
    lines.append("look-alike characters: 0→o 1→i/l 3→e 4→a 5→s $→s @→a")
    return lines + ([] if person.is_firm else _person_notes(person, table, lists))


def _person_notes(person: Person, table: NameTable, lists: NameLists) -> list[str]:
    """The title, typo, first-name, surname and role lines of ``explain``."""
    first, last = split_name(person)
    alone = person in table.firsts.values()
    roles = [r for r, p in table.roles.items() if p == person]
    return [
        f"title + surname: {', '.join(sorted(t.capitalize() for t in lists.titles))} before {last}"
        + (" (surname with a capital)" if lists.ordinary(last) else "")
        if last
        else "title + surname: none (one-word name)",
        "one typo in the first name or the surname of the full name, written with capitals"
        if last
        else "typos: not caught",
        f"first name alone ({first}): "
        + (
            "caught, unless a different surname follows"
            if alone
            else "not caught (a common name, an ordinary word, or shared)"
        ),
        f"surname alone ({last}): "
        + (
            "caught as a possessive or beside a work cue, unless another name is next to it"
            if person in table.lasts.values()
            else "not caught (an ordinary word, a common surname, or shared)"
        )
        if last
        else "surname alone: none (one-word name)",
        "role: "
        + (
            ", ".join(f"our/the {r}" for r in roles)
            if roles
            else "not identifying (none, generic, or shared)"
        ),
    ]


def _order(v: Variant) -> tuple[int, str]:
    return EVIDENCE_RANK.index(v.evidence), v.text


def _display(text: str) -> str:
    """A lower-case spelling shown as it would usually be written."""
    return " ".join(w.upper() if len(w.rstrip(".")) == 1 else w.capitalize() for w in text.split())
