"""The clerk's listed people and firms, however a post writes them.

Built once per profile: every spelling of every listed name is worked out (``NameTable``) and
loaded into a spaCy ``PhraseMatcher`` (names, on ``LOWER``) and a ``Matcher`` (roles). Each post
is then matched on the shared parse; a post with light obfuscation (``T0m``, ``S@rah``) is
de-obfuscated to a text of the same length and only tokenized again, never parsed.

What fires (the choice, documented here and tested in ``tests/test_people.py``):

- a full name or an alias, in any case; a nickname with the surname (``Dan Okafor``); an initial
  with the surname (``D. Okafor``); the first name or a nickname with an initial (``Edith B.``, ``Mags E``); a title with
  the surname (``Cllr Pike``); a hashtag or handle of the full name (``#MargaretEllison``,
  ``@priya_raman``); one typo in a two-word name (``Margret Ellison``); firms by name and alias,
  with or without ``Ltd``;
- a form made only of ordinary words (``Will Hart``) fires only when written with capitals;
- a surname alone never fires when it is an ordinary word or a common one (``caught a pike``, ``a stone wall``,
  ``Patel's corner shop``); a distinctive one (``Whitlock``) fires, evidence ``surname``, as a possessive or beside
  a work or local cue or another listed name, with no other name word next to it (``Max Whitlock``);
- a first name alone fires only when it is distinctive: not an ordinary word, not a common
  first name (the ``nicknames`` data plus ``people_common_first_names.txt``), held by one listed
  person, and not followed by a different capitalised surname (``Priya`` fires, ``Priya Shah``,
  ``Sarah`` and ``Will you come?`` do not); evidence ``first-name``, score 0.6;
- a role fires as ``listed-role`` after a determiner (``our groundsman``, ``the deputy clerk``)
  when the role is one person's and not a generic one (``people_generic_roles.txt``), and as a
  hashtag (``#deputyclerk``);
- a listed person's first name or nickname in any case (``kev``, ``dan's``, ``Will``) fires
  beside a work or local cue in the post (``people_work_cues.txt``, ``names_local_context.txt``,
  the person's role words: ``kev at the allotments``) or in a list with another listed name
  (``Thomas and Will``), but not after a kinship word (``my son Tom``) and, for an ordinary word,
  only with a capital and not before a pronoun (``Will you``) or a verb's base form (``Will be writing that up``);
  evidence ``first-name``;
- an unnamed newcomer or a colleague described by workplace fires as ``listed-role`` with no
  person (``the new lass``, ``her in finance``, ``the dragon in the corner office``);
- a hashtag containing a full name (``#TeamThomasStone``) or a handle one typo from one
  (``@Grahame_Pike``) fires too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..assets import read_lines
from ..profile import Person, Profile
from ..spans import non_overlapping
from .mention import Mention
from .person_context import (KIN_BEFORE, figure_key, in_a_greeting, kin_before, not_colleagues, pets_named,
                             public_figures)
from .phrase_context import another_bodys_meeting, elsewhere
from .people_names import (
    EVIDENCE_RANK,
    LEET,
    LEGAL_SUFFIXES,
    NameLists,
    NameTable,
    deobfuscate,
    explain,
    load_lists,
)

__all__ = ["PeopleDetector", "explain", "resolve"]

_HANDLE = re.compile(r"(?<![\w#@])([#@])([A-Za-z0-9$](?:[\w.$]*[A-Za-z0-9$])?)")
HASHTAG_NAME_LETTERS = 9  # a full name this long inside a hashtag names the person (#TeamThomasStone)
HANDLE_TYPO_LETTERS = 9  # a handle this long may carry one typo (@Grahame_Pike)
HANDLE_PART_LETTERS = 7  # a run of a handle's words this long that is a full name names the person (@RajPatelCllr)
HANDLE_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # a handle's words: "RajPatelCllr", "KevDoyle_allotment"
PRONOUNS = frozenset({"you", "i", "we", "they", "he", "she", "it", "this", "that", "there", "anyone", "somebody", "someone"})
_LISTED_WITH = frozenset({"and", "&", ",", "n", "+"})


def _words_pattern(entries: Iterable[str]) -> str:
    """An alternation of whole-word entries, longest first, spaces matching any whitespace."""
    alts = sorted((re.escape(e).replace(r"\ ", r"\s+") for e in entries), key=len, reverse=True)
    return "|".join(alts)


# A role with no determiner counts as its holder only as the subject of one of these, opening a sentence; such a
# match's key is the role's with ``SAID`` added.
SAID = "\tsaid"
SAID_VERBS = frozenset({"said", "says", "told", "tells", "asked", "asks", "reckons", "reckoned", "refused", "wants",
                        "wanted", "rang", "emailed", "insists", "insisted", "decided",
                        "is", "has", "turned"})  # "Groundsman turned up still half-cut" ("'s" is too often a possessive)
# A meeting's officers: in a post about another body's meeting, that body's.
_MEETING_OFFICER = re.compile(r"\b(?:chair|chairman|chairwoman|chairperson|vice-chair|secretary|treasurer|president)\b")


@dataclass(frozen=True, slots=True)
class CueLists:
    """Work cues for first names, and the patterns of unnamed but identifiable colleagues."""

    cues: re.Pattern
    unnamed: re.Pattern


@cache
def load_cues() -> CueLists:
    """Read the cue and description lists once (``people_work_cues``, ``names_local_context``,
    ``people_newcomer_nouns``, ``people_work_places``, ``people_epithets``, ``tone_person_nouns``)."""
    cues = [*read_lines("people_work_cues"), *read_lines("names_local_context")]
    nouns = _words_pattern(read_lines("people_newcomer_nouns"))
    places = _words_pattern(read_lines("people_work_places"))
    epithets = _words_pattern([*read_lines("people_newcomer_nouns"), *read_lines("people_epithets"), *(w.rstrip("*") for w in read_lines("tone_person_nouns"))])
    where = rf"(?:in|at|on|from)\s+(?:the\s+)?(?:{places})\b"
    unnamed = (
        rf"(?:\b(?:the|our|that|this)\s+new\s+(?:{nouns})\b(?!\s+(?:at|in)\s+(?:school|class|college|uni|nursery))(?:\s+{where})?"
        rf"|(?:^|(?<=[.!?]\s)|\b)new\s+(?:{nouns})\s+{where}"
        rf"|(?:^|(?<=[.!?]\s))new\s+(?:{nouns})\b"
        rf"|\b(?:her|him|that\s+one|you[- ]know[- ]who|a\s+certain\s+(?:someone|somebody|person|lady|man|woman)"
        rf"|the\s+(?:{epithets}))\s+{where})"
    )
    return CueLists(
        cues=re.compile(rf"(?<![\w-])(?:{_words_pattern(cues)})(?![\w-])", re.IGNORECASE),
        unnamed=re.compile(unnamed, re.IGNORECASE | re.MULTILINE),
    )


class PeopleDetector:
    """Finds the profile's listed people and firms (``listed-person``) and their roles (``listed-role``)."""

    def __init__(self, models, profile: Profile):
        from spacy.matcher import Matcher, PhraseMatcher

        self.lists = load_lists()
        self.cue_lists = load_cues()
        self.table = NameTable.build(profile.people, self.lists)
        self.places = sorted({p.lower() for p in profile.council.places if " " not in p})  # "the Thrapston groundsman"
        # The council's own names and places: "the Town Clerk at Thrapston Town Council" is its clerk.
        council = profile.council
        self.own_names = _own_names((council.name, *council.aliases, *council.places))
        self.nlp = models.nlp
        self.names = PhraseMatcher(models.nlp.vocab, attr="LOWER")
        for text in self.table.variants:
            self.names.add(text, pattern_docs(models.nlp, text))
        self.roles = Matcher(models.nlp.vocab)
        for role in self.table.roles:
            self.roles.add(role, [self._role_pattern(role), self._council_role_pattern(role)])
            self.roles.add(role + SAID, [self._said_pattern(role)])

    def _role_pattern(self, role: str) -> list[dict]:
        """Determiner, optional modifier or one-word council place ("the Thrapston groundsman"), then the role's words
        (lower-case)."""
        head = [
            {"LOWER": {"IN": list(self.lists.determiners)}},
            {"LOWER": {"IN": [*self.lists.modifiers, *self.places]}, "OP": "?"},
        ]
        return head + [{"LOWER": t.lower_} for t in self.nlp.make_doc(role)]

    def _council_role_pattern(self, role: str) -> list[dict]:
        """The council's own role, owned by the council: a determiner or a council place, "town" or "parish", then
        "council" or "council's" and the role ("the council's groundsman", "our town council's Vice-Chair",
        "Thrapston council's caretaker", "the council chairman"); not another town's ("Corby council's chairman")."""
        head = [
            {"LOWER": {"IN": [*self.lists.determiners, *self.places]}},
            {"LOWER": {"IN": ["town", "parish"]}, "OP": "?"},
            {"LOWER": "council"},
            {"LOWER": {"IN": ["'s", "’s"]}, "OP": "?"},
        ]
        return head + [{"LOWER": t.lower_} for t in self.nlp.make_doc(role)]

    def _said_pattern(self, role: str) -> list[dict]:
        """The role with no determiner, capitalised at a sentence's start and saying or doing something ("Deputy clerk
        said no"); the verb is matched but not kept."""
        words = [t.lower_ for t in self.nlp.make_doc(role)]
        return ([{"LOWER": words[0], "IS_SENT_START": True, "IS_TITLE": True}, *({"LOWER": w} for w in words[1:]),
                 {"LOWER": {"IN": sorted(SAID_VERBS)}}])

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
        found += self._cued_names(doc, post.text, found)
        found += self._surnames(doc, post.text, found)
        found += self._unnamed(post.text, found)
        # "out with the Old Bill tonight" names no William
        return resolve(m for m in found if not in_a_greeting(post.doc, m.start, m.end))

    def _names(self, doc, text: str) -> Iterator[Mention]:
        """Phrase matches of every spelling; capitals checked where a spelling needs them; not a name the post gives an
        animal."""
        pets = pets_named(doc)
        for key, start, end in self.names(doc):
            variant = self.table.variants[doc.vocab.strings[key]]
            span = doc[start:end]
            if variant.needs_case and not all(t.text[:1].isupper() for t in span if t.is_alpha):
                continue
            if variant.evidence == "firm" and (_lower_tail(span) or _another_firm(span, variant.person)):
                continue
            if variant.evidence == "title" and figure_key(span.text, public_figures()):  # "like Mrs Doyle" (Father Ted)
                continue
            if span.text.lower() in pets:  # "a Netherland Dwarf called Mr Pike 🐇"
                continue
            evidence = (
                variant.evidence
                if text[span.start_char : span.end_char].lower() == span.text.lower()
                else "obfuscated"
            )
            yield mention(variant.person, span.start_char, span.end_char, text, evidence)

    def _handles(self, text: str) -> Iterator[Mention]:
        """Hashtags and handles that squash to a listed name (``#MargaretEllison``, ``@priya_raman``), or a handle one of
        whose runs of words does (``@DanOkafor_TTC``, ``@RajPatelCllr``)."""
        for m in _HANDLE.finditer(text):
            body = re.sub(r"\d+$", "", m.group(2)).translate(LEET).replace("1", "i")
            key = re.sub(r"[^a-z]", "", body.lower())
            kind = "hashtag" if m.group(1) == "#" else "handle"
            variant = (self.table.squashed.get(key) or self._near_key(key, hashtag=kind == "hashtag")
                       or (kind == "handle" and self._handle_part(body)))
            if variant:
                yield mention(variant.person, m.start(), m.end(), text, kind)
            elif kind == "hashtag" and (person := self._role_key(key)):
                yield mention(person, m.start(), m.end(), text, "role", kind="listed-role")

    def _handle_part(self, body: str):
        """A full-name key made of a run of a handle's words, parted by ``_``, ``.`` or capitals ("@DanOkafor_TTC",
        "@ttc.priya.raman", "@RajPatelCllr", "@tomstone_grounds"); never inside one word ("@tomstonemusic")."""
        parts = [w.lower() for w in HANDLE_WORD.findall(body)]
        keys = ("".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1) if j - i < len(parts))
        return next((self.table.squashed[k] for k in keys if len(k) >= HANDLE_PART_LETTERS and k in self.table.squashed), None)

    def _near_key(self, key: str, *, hashtag: bool):
        """A long full-name key inside a hashtag, or one typo from a long handle's key."""
        long_keys = [k for k in self.table.squashed if len(k) >= HASHTAG_NAME_LETTERS]
        if hashtag:
            return next((self.table.squashed[k] for k in long_keys if k in key and k != key), None)
        if len(key) < HANDLE_TYPO_LETTERS:
            return None
        best = process.extractOne(key, long_keys, scorer=OSA.distance, score_cutoff=1)
        return self.table.squashed[best[0]] if best else None

    def _role_key(self, key: str) -> Person | None:
        """The listed person whose identifying role a hashtag spells (``#deputyclerk``)."""
        roles = {re.sub(r"[^a-z]", "", r): p for r, p in self.table.roles.items() if " " in r or "-" in r}
        return roles.get(key)

    def _roles(self, doc, text: str) -> Iterator[Mention]:
        """A determiner and a role that is one listed person's (``our groundsman``); a meeting's officer in a post about
        another body's meeting is that body's ("Committee meeting at the pigeon club tonight … Chairman wants …")."""
        for key, start, end in self.roles(doc):
            role = doc.vocab.strings[key]
            if role.endswith(SAID):
                role, end = role.removesuffix(SAID), end - 1
            if _MEETING_OFFICER.search(role) and another_bodys_meeting(text):
                continue
            person = self.table.roles[role]
            span = doc[start:end]
            if not _elsewhere(doc, end, self.own_names) and not elsewhere(text, span.start_char, span.end_char):
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
        """A distinctive first name alone, not followed by a different surname, nor a name the post gives an animal or a
        friend from another circle ("Tom and Sarah from school")."""
        taken, others = _covered(found), not_colleagues(doc)
        out = []
        for token in doc:
            person = self.table.firsts.get(token.lower_)
            if (person is None or token.idx in taken or token.lower_ in others or _surname_follows(token)
                    or kin_before(token)):
                continue
            out.append(
                mention(person, token.idx, token.idx + len(token), text, "first-name", score=0.6)
            )
        return out


    def _cued_names(self, doc, text: str, found: list[Mention]) -> list[Mention]:
        """A listed first name or nickname beside a work or local cue, or listed with another name; not a name the post
        gives an animal ("Kevin the Shetland") or a friend from another circle ("Tom and Sarah from school")."""
        return self._beside_a_cue(doc, text, found, self.table.cued, self._may_be_name, "first-name")

    def _surnames(self, doc, text: str, found: list[Mention]) -> list[Mention]:
        """A distinctive listed surname alone (``_lone_surname``: "Max Whitlock", "C. V. Raman" are others), as a
        possessive ("Whitlock's off on maternity AGAIN") or beside a work or local cue, the person's role word or
        another listed name ("Raman and Okafor vs me and the caretaker"); not "Raman spectroscopy"."""
        return self._beside_a_cue(doc, text, found, self.table.lasts, _lone_surname, "surname", possessive=True)

    def _beside_a_cue(self, doc, text: str, found: list[Mention], words: dict, may_be, evidence: str, *,
                      possessive: bool = False) -> list[Mention]:
        """Each token that is one of ``words`` (a name word -> its listed person) and ``may_be`` a name, not taken and
        not a friend from another circle, in a post with a work or local cue, the person's role word, another listed
        name beside it or (``possessive``) its "'s"."""
        taken, others = _covered(found), not_colleagues(doc)
        named = [m for m in found if m.kind == "listed-person"]
        cue = self.cue_lists.cues.search(text)
        out = []
        for token in doc:
            person = words.get(token.lower_)
            if person is None or token.idx in taken or token.lower_ in others or not may_be(token):
                continue
            owned = possessive and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("'s", "’s")
            if owned or cue or self._role_cue(text, person) or _listed_beside(token, named):
                out.append(mention(person, token.idx, token.idx + len(token), text, evidence, score=0.6))
        return out

    def _may_be_name(self, token) -> bool:
        """Not a relative, not before a surname, and an ordinary word only as a capitalised name."""
        if _surname_follows(token) or _after_kin(token) or not token.is_alpha:
            return False
        if not self.lists.ordinary(token.lower_):
            return True
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        nxt = following.lower_ if following is not None else ""
        shouted = len(token.text) > 1 and token.text.isupper()  # "I WILL find it"
        modal = following is not None and following.is_alpha and (following.tag_ == "VB" or nxt == "not")  # "Will be writing that up"
        return token.text[:1].isupper() and not shouted and nxt not in PRONOUNS and not modal

    def _role_cue(self, text: str, person: Person) -> bool:
        """The person's own role word is in the post ("kev" and "allotment")."""
        low = text.lower()
        return any(re.search(rf"\b{re.escape(w)}", low) for w in self.table.cues.get(person, ()))

    def _unnamed(self, text: str, found: list[Mention]) -> list[Mention]:
        """Unnamed but identifiable colleagues ("the new lass", "her in finance"), no listed person."""
        taken = _covered(found)
        out = []
        for m in self.cue_lists.unnamed.finditer(text):
            if not taken & set(range(m.start(), m.end())):
                out.append(Mention("listed-role", m.start(), m.end(), m.group(), label="employee",
                                   entity="ROLE", score=0.6, evidence="description"))
        return out


def _lower_tail(span) -> bool:
    """A firm's name written with capitals up to a last word in lower case ("Nene Valley landscapes from the board")
    reads as a place and a common noun, not the firm; all in lower case it is still the firm ("nene valley landscapes
    unpaid for 3 months"), and a coined head keeps naming it ("Brightwater cleaning")."""
    words = [t for t in span if t.is_alpha]
    return len(words) > 1 and words[0].text[:1].isupper() and words[-1].text.islower()


def _another_firm(span, firm) -> bool:
    """A firm's coined head word followed by a capitalised word not of its own name names another business sharing the
    word ("Brightwater Aquatics" is not Brightwater Cleaning Services; "Brightwater Cleaning", "Brightwater's van" and
    "Brightwater Ltd" and "Brightwater have" are still the firm)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    own = firm.name.lower().split()
    return (span.text.lower() == own[0] and len(own) > 1 and after is not None and after.is_alpha and after.is_title
            and not after.is_sent_start and after.lower_ not in (*own, *LEGAL_SUFFIXES))


def _after_kin(token) -> bool:
    """A kinship word or "baby" stands just before the name ("my son Tom", "our Dan")."""
    before = [t.lower_ for t in token.doc[max(0, token.i - KIN_BEFORE) : token.i]]
    return kin_before(token) or bool(before) and before[-1] in ("my", "our", "me", "baby")


def _lone_surname(token) -> bool:
    """A capitalised surname with no other name word next to it: not after a capitalised name or initial ("Larry
    Ellison", "Roy Barraclough", "C. V. Raman"), not before another surname."""
    before = token.nbor(-1) if token.i > 0 else None
    named_before = before is not None and before.text[:1].isupper() and (
        before.tag_ in ("NNP", "NNPS") or before.is_alpha and not before.is_stop)
    return token.is_title and not named_before and not _surname_follows(token)


def _listed_beside(token, named: list[Mention]) -> bool:
    """Another listed name stands two tokens away across "and" or a comma ("Thomas and Will")."""
    doc = token.doc
    for a, b in ((token.i - 2, token.i - 1), (token.i + 2, token.i + 1)):
        if 0 <= a < len(doc) and doc[b].lower_ in _LISTED_WITH:
            if any(m.start <= doc[a].idx < m.end for m in named):
                return True
    return False


def pattern_docs(nlp, text: str) -> list:
    """The spelling tokenized as typed in lower case and in title case (``Mr.`` splits differently)."""
    forms = dict.fromkeys((text, text.title(), text.upper()))
    docs = {tuple(t.lower_ for t in d): d for d in map(nlp.make_doc, forms)}
    return list(docs.values())


def _own_names(names) -> re.Pattern | None:
    """The council's names and places as they may follow "at" or "of", ending there or before "Town Council", "Council",
    "TC" or "Town Hall" ("at Thrapston Town Council", "at Thrapston TC"; not "at Thrapston Primary")."""
    alternatives = "|".join(sorted((re.escape(n) for n in names if n.strip()), key=len, reverse=True))
    if not alternatives:
        return None
    return re.compile(rf"(?:{alternatives})(?:\s+(?:town\s+council|council|tc|town\s+hall))?(?![\w'’-]|\s+(?-i:[A-Z]))",
                      re.IGNORECASE)


def _elsewhere(doc, end: int, own: re.Pattern | None = None) -> bool:
    """True when the role is someone else's: ``the chairman of Tesco``, ``clerk of works`` (not ``the finance officer at work``,
    nor, with ``own`` the council's names and places, ``the Town Clerk at Thrapston Town Council``)."""
    after = [t.lower_ for t in doc[end : end + 2]]
    return (
        len(after) == 2
        and after[0] in ("of", "at", "for")
        and after[1] not in ("the", "our", "this", "work")
        and not (own is not None and own.match(doc.text, doc[end + 1].idx))
        and not (after[0] == "for" and doc[end + 1].tag_ == "VBG")  # "the deputy clerk for sorting out the paperwork"
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
