"""The clerk's listed people and firms, however a post writes them.

Built once per profile: every spelling of every listed name is worked out (``NameTable``) and
loaded into a spaCy ``PhraseMatcher`` (names, on ``LOWER``) and a ``Matcher`` (roles). Each post
is then matched on the shared parse; a post with light obfuscation (``T0m``, ``S@rah``) is
de-obfuscated to a text of the same length and only tokenized again, never parsed.

What fires (the choice, documented here and tested in ``tests/test_people.py``):

- a full name or an alias, in any case; a nickname with the surname (``Dan Okafor``); an initial
  with the surname (``D. Okafor``); the first name with an initial (``Edith B.``); a title with
  the surname (``Cllr Pike``); a hashtag or handle of the full name (``#MargaretEllison``,
  ``@priya_raman``); one typo in a two-word name (``Margret Ellison``); firms by name and alias,
  with or without ``Ltd``;
- a form made only of ordinary words (``Will Hart``) fires only when written with capitals;
- a surname alone never fires (``caught a pike``, ``a stone wall``);
- a first name alone fires only when it is distinctive: not an ordinary word, not a common
  first name (the ``nicknames`` data plus ``people_common_first_names.txt``), held by one listed
  person, and not followed by a different capitalised surname (``Priya`` fires, ``Priya Shah``,
  ``Sarah`` and ``Will you come?`` do not); evidence ``first-name``, score 0.6;
- a role fires as ``listed-role`` after a determiner (``our groundsman``, ``the deputy clerk``)
  when the role is one person's and not a generic one (``people_generic_roles.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..profile import Person, Profile
from ..spans import non_overlapping
from .mention import Mention
from .people_names import (
    EVIDENCE_RANK,
    LEET,
    NameLists,
    NameTable,
    deobfuscate,
    explain,
    load_lists,
)

__all__ = ["PeopleDetector", "explain", "resolve"]

_HANDLE = re.compile(r"(?<![\w#@])([#@])([A-Za-z0-9$](?:[\w.$]*[A-Za-z0-9$])?)")


class PeopleDetector:
    """Finds the profile's listed people and firms (``listed-person``) and their roles (``listed-role``)."""

    def __init__(self, models, profile: Profile):
        from spacy.matcher import Matcher, PhraseMatcher

        self.lists = load_lists()
        self.table = NameTable.build(profile.people, self.lists)
        self.nlp = models.nlp
        self.names = PhraseMatcher(models.nlp.vocab, attr="LOWER")
        for text in self.table.variants:
            self.names.add(text, pattern_docs(models.nlp, text))
        self.roles = Matcher(models.nlp.vocab)
        for role in self.table.roles:
            self.roles.add(role, [self._role_pattern(role)])

    def _role_pattern(self, role: str) -> list[dict]:
        """Determiner, optional modifier, then the role's words (lower-case)."""
        head = [
            {"LOWER": {"IN": list(self.lists.determiners)}},
            {"LOWER": {"IN": list(self.lists.modifiers)}, "OP": "?"},
        ]
        return head + [{"LOWER": t.lower_} for t in self.nlp.make_doc(role)]

    def __call__(self, post) -> list[Mention]:
        """The listed people, firms and roles in one post, overlaps resolved (longest wins)."""
        plain = deobfuscate(post.text, self.table.words)
        doc = post.doc if plain == post.text else self.nlp.make_doc(plain)
        found = [
            *self._names(doc, post.text),
            *self._handles(post.text),
            *self._roles(doc, post.text),
        ]
        found += self._typos(doc, post.text, found)
        found += self._first_names(doc, post.text, found)
        return resolve(found)

    def _names(self, doc, text: str) -> Iterator[Mention]:
        """Phrase matches of every spelling; capitals checked where a spelling needs them."""
        for key, start, end in self.names(doc):
            variant = self.table.variants[doc.vocab.strings[key]]
            span = doc[start:end]
            if variant.needs_case and not all(t.text[:1].isupper() for t in span if t.is_alpha):
                continue
            evidence = (
                variant.evidence
                if text[span.start_char : span.end_char].lower() == span.text.lower()
                else "obfuscated"
            )
            yield mention(variant.person, span.start_char, span.end_char, text, evidence)

    def _handles(self, text: str) -> Iterator[Mention]:
        """Hashtags and handles that squash to a listed name (``#MargaretEllison``, ``@priya_raman``)."""
        for m in _HANDLE.finditer(text):
            body = re.sub(r"\d+$", "", m.group(2)).translate(LEET).replace("1", "i")
            variant = self.table.squashed.get(re.sub(r"[^a-z]", "", body.lower()))
            if variant:
                kind = "hashtag" if m.group(1) == "#" else "handle"
                yield mention(variant.person, m.start(), m.end(), text, kind)

    def _roles(self, doc, text: str) -> Iterator[Mention]:
        """A determiner and a role that is one listed person's (``our groundsman``)."""
        for key, start, end in self.roles(doc):
            person = self.table.roles[doc.vocab.strings[key]]
            span = doc[start:end]
            if not _elsewhere(doc, end):
                yield mention(
                    person, span.start_char, span.end_char, text, "role", kind="listed-role"
                )

    def _typos(self, doc, text: str, found: list[Mention]) -> list[Mention]:
        """Capitalised bigrams one edit away from a listed two-word name (``Margret Ellison``)."""
        taken = _covered(found)
        out = []
        for a, b in pairwise(doc):
            if not (a.is_alpha and b.is_alpha and a.text[0].isupper() and b.text[0].isupper()):
                continue
            if taken & set(range(a.idx, b.idx + len(b))):
                continue
            person = self._typo_person(a.lower_, b.lower_)
            if person:
                out.append(mention(person, a.idx, b.idx + len(b), text, "typo", score=0.8))
        return out

    def _typo_person(self, first: str, last: str) -> Person | None:
        """The listed person whose name is ``first last`` with one typo in one of the words."""
        for want_first, want_last, person in self.table.first_last:
            if first == want_first and last != want_last:
                typo, target = last, want_last
            elif last == want_last and first != want_first:
                typo, target = first, want_first
            else:
                continue
            if _typo_candidate(typo, target, self.lists) and process.extractOne(
                typo, [target], scorer=OSA.distance, score_cutoff=1
            ):
                return person
        return None

    def _first_names(self, doc, text: str, found: list[Mention]) -> list[Mention]:
        """A distinctive first name alone, not followed by a different surname."""
        taken = _covered(found)
        out = []
        for token in doc:
            person = self.table.firsts.get(token.lower_)
            if person is None or token.idx in taken or _surname_follows(token):
                continue
            out.append(
                mention(person, token.idx, token.idx + len(token), text, "first-name", score=0.6)
            )
        return out


def pattern_docs(nlp, text: str) -> list:
    """The spelling tokenized as typed in lower case and in title case (``Mr.`` splits differently)."""
    forms = dict.fromkeys((text, text.title(), text.upper()))
    docs = {tuple(t.lower_ for t in d): d for d in map(nlp.make_doc, forms)}
    return list(docs.values())


def _elsewhere(doc, end: int) -> bool:
    """True when the role is someone else's: ``the chairman of Tesco``, ``clerk of works``."""
    after = [t.lower_ for t in doc[end : end + 2]]
    return (
        len(after) == 2
        and after[0] in ("of", "at", "for")
        and after[1] not in ("the", "our", "this")
    )


def _typo_candidate(typo: str, target: str, lists: NameLists) -> bool:
    """Worth a fuzzy look: a name of 5+ letters, same first letter, and not an ordinary word."""
    return len(target) >= 5 and typo[:1] == target[:1] and not lists.ordinary(typo)


def _surname_follows(token) -> bool:
    """True when a capitalised word that is not a stop word follows (``Priya Shah``)."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return bool(nxt is not None and nxt.is_alpha and nxt.text[0].isupper() and not nxt.is_stop)


def _covered(found: Iterable[Mention]) -> set[int]:
    """The code points already claimed by a mention."""
    return {i for m in found for i in range(m.start, m.end)}


def mention(
    person: Person,
    start: int,
    end: int,
    text: str,
    evidence: str,
    *,
    kind: str = "listed-person",
    score: float = 1.0,
) -> Mention:
    """A mention of a listed person or firm (or of their role)."""
    entity = "ROLE" if kind == "listed-role" else "ORGANIZATION" if person.is_firm else "PERSON"
    return Mention(
        kind,
        start,
        end,
        text[start:end],
        label=person.group,
        entity=entity,
        person=person,
        score=score,
        evidence=evidence,
    )


def resolve(found: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest span first, then the strongest evidence."""
    rank = {e: i for i, e in enumerate(EVIDENCE_RANK)}
    kept = non_overlapping(found, priority=lambda m: (m.start - m.end, rank.get(m.evidence, 99), m.start), span=_span)
    return sorted(kept, key=lambda m: m.start)


def _span(m: Mention) -> tuple[int, int]:
    return m.start, m.end
