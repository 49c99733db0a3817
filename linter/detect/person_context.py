"""What a person-name candidate is when it is not a private person: a public figure, a place, a shop.

Read by ``persons.py``. A candidate is *not a person* when its whole text is a UK place
(``names_uk_places``: "Kings Cross", "Milton Keynes"), a high-street brand (``names_brands``:
"Greggs", "Pret") or a greeting, blessing or song in another language (``names_phrases``: "Slava Ukraini"), or such a place with a people-of suffix ("Bedfordian", "Londoner"). A name is *local* when its sentence places the person at work, next door
or in the town (``names_local_context``: "Dan in the office"), unless its whole text is on the
list of widely known public figures (``names_public_figures``), which is always *public*
("Priya from work and me at the Robbie Williams gig"). A lone first name is *family* when it
follows "my"/"our"/"me", at most two describing words and a kinship word
(``names_family_words``: "my nephew William", "my wonderful husband Steve"), follows such a word
opening a sentence ("Grandson William passed his test"), follows "baby"
("baby Ava"), or is spoken to with "love you" ("love you Dave"): a relative on a family post,
not someone the council deals with. Otherwise it is a *public figure's* when a work title's
word follows it ("The Graham Norton Show", "the Marshall Attack", "the Bob Graham Round"), or when its sentence has a word, emoji or phrase of books, screen, radio, music, sport or news
(``names_public_context``); a short sentence of five words or fewer is a reaction and takes
the words of the sentences just before and after it too ("Who else is watching the Strictly
final? Come on Tasha!!").
Every list is plain text with its provenance and limits in its header.
"""

from __future__ import annotations

import re
from functools import cache
from dataclasses import dataclass

from ..assets import lower_set, read_lines

# Capitalised words that, right after a name, make it the title of a show or prize.
# A name's sentence of at most this many words is a reaction ("Come on Tasha!!") and takes its
# topic from the sentences around it; a longer one makes its own statement.
SHORT_SENTENCE_WORDS = 5
WORK_TITLE_WORDS = frozenset({"show", "podcast", "hour", "awards", "award", "prize", "cup", "trophy", "lecture", "experience",
                              "attack", "defence", "defense", "gambit", "opening", "variation", "round"})  # chess, fell rounds
TITLE_ENDINGS = WORK_TITLE_WORDS - {"hour", "round", "cup", "experience"}  # "Jonathan Round" is a surname
DEMONYM_SUFFIXES = ("ian", "ians", "er", "ers", "ite", "ites", "man", "woman", "ish")
_APOSTROPHES = re.compile(r"['’]")
_SPACES = re.compile(r"\s+")


@cache
def _phrase_regex(phrases: frozenset[str]) -> re.Pattern[str]:
    """The greetings and songs of ``names_phrases.txt`` (normalised) as one regex over a post, any case, hyphens and
    spaces alike, a word's closing apostrophe allowed ("sal-e no mobarak" finds "Sal-e no mobarak!", "daniel in the
    lions den" finds "Daniel in the lions' den")."""
    words = (re.split(r"[\s-]+", p) for p in sorted(phrases, key=len, reverse=True))
    alts = (r"['’]?[\s-]*".join(map(re.escape, w)) for w in words if any(w))
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alts) + r")(?![\w'’])", re.IGNORECASE)


@cache
def greetings() -> frozenset[str]:
    """``names_phrases.txt``'s greetings, songs and slang, normalised, read once for every reader."""
    return frozenset(normalise(b) for b in read_lines("names_phrases"))


def greeting_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each of ``names_phrases.txt``'s greetings as written in ``text`` ("Old Bill", "Sal-e no
    mobarak!"): a name inside one is nobody's."""
    return [m.span() for m in _phrase_regex(greetings()).finditer(text)]


def normalise(text: str) -> str:
    """Lower case, apostrophes removed, spaces collapsed: "King's  Cross" -> "kings cross"."""
    return _SPACES.sub(" ", _APOSTROPHES.sub("", text.casefold())).strip()


_REGNAL = re.compile(r"(?:II|III|IV|V|VI|VII|VIII|IX|X)")  # a king's or queen's number, not the pronoun "I"


def a_monarch(span) -> bool:
    """True for a name with a king's or queen's number after it ("Henry IV Part II at Stratford", "Elizabeth II"): a
    monarch, or the play or ship named after one."""
    return len(span) > 1 and span[0].is_title and any(_REGNAL.fullmatch(t.text) for t in span[1:])


# Titles of knighthood and peerage: a name after one is a public figure, a stage character or a pet's joke, not someone
# the council deals with ("Sir John Washington's memorial", "Dame Maggie Smith", "our Lady Bracknell").
HONOURS = frozenset({"Sir", "Dame", "Lord", "Lady", "Baron", "Baroness"})


def titled(span) -> bool:
    """True when an honour's title, capitalised, opens the name or stands just before it ("Sir C.V. Raman")."""
    first = span[0] if len(span) > 1 and span[0].text in HONOURS else span.doc[span.start - 1] if span.start else None
    return first is not None and first.text in HONOURS


def figure_key(text: str, figures: frozenset[str]) -> bool:
    """True when the text names a listed public figure, also in the plural of their books or records ("three Agatha
    Christies went out", "two Jilly Coopers came back")."""
    key = normalise(text)
    return key in figures or key.endswith("s") and key[:-1] in figures


@cache
def uk_places() -> frozenset[str]:
    """UK towns and villages, lower case (``names_uk_places.txt``), read once for every reader."""
    return frozenset(read_lines("names_uk_places"))


@cache
def first_names() -> frozenset[str]:
    """``names_first.txt``, read once for every reader."""
    return frozenset(read_lines("names_first"))


def family_words() -> frozenset[str]:
    """``names_family_words.txt`` (kin words: "nephew", "grandad", "our kid"), lower case, read once for every reader."""
    return lower_set("names_family_words")


def pet_words() -> frozenset[str]:
    """The animals people name (``phrase_set_pet.txt``: "dog", "tortoise", "horse"), lower case, read once."""
    return lower_set("phrase_set_pet")


def a_pets_name(doc, start: int) -> bool:
    """True for the name an animal or a thing is given: "a tortoise called Sir Reginald", "a horse called Thrifty
    Barry", "our family cat Mr Whiskers" (a pet word after "our", "my", "the"), "named him Clint Yeastwood" after
    "the new starter" (``phrase_set_pet.txt`` and "him", "her", "it"), or "called" in a post with an animal's emoji
    ("a Netherland Dwarf called Mr Pike. I'm not making this up 🐇")."""
    if start < 2:
        return False
    if doc[start - 1].lower_ in pet_words() and any(t.lower_ in _OWNERS for t in doc[max(0, start - 4):start - 1]):
        return True  # "Our family cat Mr Whiskers has been missing"
    pronoun = doc[start - 1].lower_ in ("it", "him", "her")
    verb = doc[start - 2 if pronoun else start - 1].lower_
    if verb not in ("called", "named", "name", "christened"):
        return False
    before = {t.lower_ for t in doc[max(0, start - 12):start - 1]}
    animal = bool(_ANIMAL_EMOJI.search(doc.text))  # "a Netherland Dwarf called Mr Pike. I'm not making this up 🐇🏆"
    return not before.isdisjoint(pet_words()) or animal or pronoun and not before.isdisjoint(_THING_CUES)


_OWNERS = frozenset({"my", "our", "me", "his", "her", "their", "the", "a"})
_ANIMAL_EMOJI = re.compile(r"[\U0001F400-\U0001F43F\U0001F980-\U0001F9AE]")


def named_as_a_pet(doc, start: int, end: int) -> bool:
    """True for a name the post gives as a pet's: followed by "the" and an animal ("Mr Pickles the hamster", "Maggie the
    pet lamb"), or after "pet:" or "pet was" ("First pet: Mr Pickles", "my first pet was Mr Whiskers"), or as the
    writer's answer to a question about a pet just before ("name of your first pet. Mine was Mr Whiskers", "wanted my
    first pet so I put 'Mr Whiskers'")."""
    after = [t.lower_ for t in doc[end:end + 3]]
    if after[:1] == ["the"] and not pet_words().isdisjoint(after[1:]):
        return True
    before = [t.lower_ for t in doc[max(0, start - 2):start]]
    if len(before) == 2 and before[0] in _ANSWERED and before[1] in _QUOTES:  # "first pet so I put 'Mr Whiskers'"
        return not pet_words().isdisjoint(t.lower_ for t in doc[max(0, start - 14):start - 2])
    if len(before) < 2 or before[1] not in _GIVES:
        return False
    if before[0] == "mine":
        return not pet_words().isdisjoint(t.lower_ for t in doc[max(0, start - 14):start - 2])
    return before[0] in ("pet", "pets")


_GIVES = frozenset({":", "was", "is", "-", "–"})  # "pet: Mr Pickles", "Mine was Mr Whiskers"
_ANSWERED = frozenset({"put", "typed", "wrote", "entered", "answered"})  # an answer typed into a security question
_QUOTES = frozenset({"'", '"', "‘", "“"})


_THING_CUES = frozenset({"starter", "car", "van", "boat", "plant", "bike", "robot", "hoover", "mower", "tree"})


@cache
def _from_a_circle() -> re.Pattern[str]:
    """"from school", "from the gym" and the other circles of ``names_other_circles.txt`` as a regex (lower case)."""
    circles = "|".join(sorted((re.escape(c) for c in lower_set("names_other_circles")), key=len, reverse=True))
    return re.compile(rf"\s+(?:the\s+)?(?:{circles})(?![\w'’])", re.IGNORECASE)


def other_circles_named(doc) -> frozenset[str]:
    """The first names a post says are from another circle, lower case ("Tom and Sarah from school … Tom's got
    grandkids now"): every use of the name in that post is that friend, not a colleague who shares it."""
    return once_per_doc(doc, "other_circles_named", lambda: _circle_names(doc))


def _circle_names(doc) -> frozenset[str]:
    """``other_circles_named``, read."""
    found, circle = set(), _from_a_circle()
    for t in doc:
        if t.lower_ != "from" or t.i == 0 or not circle.match(doc.text, t.idx + len(t)):
            continue
        i = t.i - 1
        while i >= 0 and (doc[i].is_title or doc[i].lower_ in ("and", "&", ",")):
            if doc[i].is_title:
                found.add(doc[i].lower_)
            i -= 1
    return frozenset(found)


def not_colleagues(doc) -> frozenset[str]:
    """The first names a post gives to an animal or to a friend from another circle ("Pic of Meg the collie", "Tom and
    Sarah from school"): in that post they are no colleague's, whoever shares them."""
    return pets_named(doc) | other_circles_named(doc)


KIN_BEFORE = 3  # tokens before a first name searched for a kinship word ("my son Tom")


def kin_before(token) -> bool:
    """A kinship word stands just before the name ("my niece Priya", "My brother Daniel got married"), "my" right
    before it ("My Priya's first day at big school") or "our" in a post about family (``our_family``): a relative who
    shares a listed first name."""
    mine = token.i > 0 and token.doc[token.i - 1].lower_ == "my"
    mine = mine or our_family(token)
    before = [t.lower_ for t in token.doc[max(0, token.i - KIN_BEFORE) : token.i]]
    cut = max((i for i, w in enumerate(before) if w in _SENTENCE_STOP), default=-1)  # not across a sentence:
    return mine or any(w in family_words() for w in before[cut + 1 :])  # "… my usual partner. Thomas from grounds"


_SENTENCE_STOP = frozenset({".", "!", "?", "!!", "?!", "..."})


def our_family(token) -> bool:
    """"Our" right before the name in a post that speaks of family, the name not placed anywhere after it ("Our Priya
    got into Leeds to do medicine!! The whole family is in bits"; not "Look at our Priya from work's new baby girl …
    her mum's Facebook")."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].lower_ != "our":
        return False
    nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return nxt not in _PLACED and any(t.lower_ in family_words() or t.lower_ == "family" for t in doc)


_PLACED = frozenset({"from", "at", "in", "on", "with"})


def pets_named(doc) -> frozenset[str]:
    """The names a post gives to animals, lower case, each word and the whole name ("Kevin the Shetland has escaped
    AGAIN … Kevin. Mate.", "a tortoise called Sir Reginald … Sir Reginald pronounced in excellent health"): every
    other use of the name in that post is the animal too. Read once per doc (``once_per_doc``)."""
    def read() -> frozenset[str]:
        found = set()
        for t in doc:
            if t.is_title and (a_pets_name(doc, t.i) or named_as_a_pet(doc, t.i, t.i + 1)):
                end = t.i + 1
                while end < len(doc) and doc[end].is_title and doc[end].lower_ != "the":
                    end += 1
                found |= {t.lower_, doc[t.i:end].text.lower()}
        return frozenset(found)
    return once_per_doc(doc, "pets_named", read)


def once_per_doc(doc, key: str, make):
    """``make()``, kept in the doc's ``user_data`` so the readers of one post share one reading."""
    store = doc.user_data.setdefault("postlint", {})
    if key not in store:
        store[key] = make()
    return store[key]


def in_a_greeting(doc, start: int, end: int) -> bool:
    """True when ``doc.text[start:end]`` lies inside one of ``names_phrases.txt``'s greetings as written in the post
    ("Sal" in "Sal-e no mobarak!", "Bill" in "out with the Old Bill"); found once per doc for every detector."""
    return any(a <= start and end <= b for a, b in once_per_doc(doc, "greetings", lambda: greeting_spans(doc.text)))


@cache
def public_figures() -> frozenset[str]:
    """``names_public_figures.txt``, normalised, read once."""
    return frozenset(normalise(f) for f in read_lines("names_public_figures"))


def famous_at(doc, i: int) -> bool:
    """True when a public figure's name of two to six words starts at token ``i`` ("Thomas the Tank Engine",
    "Helen of Troy"): the first name is the character's, not a colleague's."""
    figures = public_figures()
    return any(normalise(doc[i:j].text) in figures for j in range(i + 2, min(len(doc), i + 6) + 1))


def phrase_pattern(entries) -> re.Pattern | None:
    """One regex finding any of the entries as whole words (None when there are none)."""
    alternatives = sorted((re.escape(e) for e in entries), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)") if alternatives else None


@dataclass(frozen=True, slots=True)
class ContextLists:
    """The lists that tell public figures, places and shops from private people, loaded once."""

    public_words: frozenset[str] = frozenset()
    public_phrases: re.Pattern | None = None
    figures: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()
    phrases: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    local_phrases: re.Pattern | None = None
    family_frame: re.Pattern | None = None

    @classmethod
    def load(cls, *, names: frozenset[str] = frozenset()) -> ContextLists:
        """Read the lists; one-word places that are also first names or surnames (``names``) are left out."""
        context = read_lines("names_public_context")
        places = (normalise(p) for p in uk_places())
        return cls(
            public_words=frozenset(e for e in context if e.isalpha()),
            public_phrases=phrase_pattern(e.lower() for e in context if not e.isalpha()),
            figures=public_figures(),
            brands=frozenset(normalise(b) for b in read_lines("names_brands")),
            phrases=greetings(),
            places=frozenset(p for p in places if " " in p or "-" in p or p not in names),
            local_phrases=phrase_pattern(e.lower() for e in read_lines("names_local_context")),
            family_frame=family_pattern(read_lines("names_family_words")),
        )

    def not_a_person(self, text: str) -> bool:
        """True when the whole text is a UK place, a high-street brand or a greeting or song in another language ("Slava
        Ukraini"), or ends in a place's demonym ("Proud Bedfordian")."""
        key = normalise(text)
        return (key in self.places or key in self.brands or key in self.phrases
                or self.is_demonym(key.rsplit(" ", 1)[-1]))

    def in_a_phrase(self, doc, start: int, end: int) -> bool:
        """True when ``doc.text[start:end]`` lies inside one of ``names_phrases.txt``'s greetings as written in the post
        ("Sal" in "Sal-e no mobarak!"); the greetings are found once per doc."""
        return in_a_greeting(doc, start, end)

    def is_demonym(self, key: str) -> bool:
        """True for a UK place name with a people-of suffix: "bedfordian", "londoner", "yorkshireman"."""
        return any(key.endswith(suffix) and key[: -len(suffix)] in self.places for suffix in DEMONYM_SUFFIXES)

    def label(self, doc, start: int, end: int) -> str:
        """``public`` for a listed public figure, ``local`` at work or nearby, ``family`` for a relative, ``friend`` for a
        first name the post says is from another circle ("Tom and Sarah from school"), ``public`` in a public context,
        else ""."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return ""
        if figure_key(span.text, self.figures):
            return "public"
        if self.local_phrases is not None and self.local_phrases.search(span.sent.text.lower()):
            return "local"
        if self.is_family(doc, span):
            return "family"
        if len(span) == 1 and span.text.lower() in other_circles_named(doc):
            return "friend"
        return "public" if self.is_public(doc, start, end) else ""

    def is_family(self, doc, span) -> bool:
        """True for a lone first name in a family frame ("my nephew William", "baby Ava", "love you Dave")."""
        if len(span) != 1 or self.family_frame is None:
            return False
        return bool(self.family_frame.search(doc.text[:span.start_char]))

    def is_public(self, doc, start: int, end: int) -> bool:
        """True for a known public figure, a show's title, a name in a public figure's context, a quotation's author
    ("'Be kind…' — Ian Maclaren"), a monarch or a titled name ("Sir John Washington")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        if figure_key(span.text, self.figures) or self.titles_a_work(doc, span.end) or self.in_public_context(span):
            return True
        return attributes_a_quote(doc.text, span.start_char) or a_monarch(span) or titled(span)

    def in_public_context_at(self, doc, start: int, end: int) -> bool:
        """True when the name at these offsets stands in a public figure's context or names a work (not list membership alone)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and (self.titles_a_work(doc, span.end) or self.in_public_context(span))

    def titles_a_work(self, doc, end: int) -> bool:
        """True when a capitalised work-title word follows the name ("Graham Norton Show") or ends it ("Marshall Attack",
        when the model takes the title's word into the name)."""
        after = end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in WORK_TITLE_WORDS
        last = doc[end - 1]
        return after or end >= 2 and doc[end - 2].is_title and last.is_title and last.lower_ in TITLE_ENDINGS

    def in_public_context(self, span) -> bool:
        """True when the name's sentence (a short one with its neighbours) is about screen, books, music, sport or news."""
        window = neighbourhood(span)
        if any(t.lower_ in self.public_words or t.lemma_.lower() in self.public_words for t in window):
            return True
        return self.public_phrases is not None and bool(self.public_phrases.search(window.text.lower()))


_QUOTE_DASH = re.compile(r"[\"'’”.!?]\s*[—–~-]{1,2}\s*$")


def attributes_a_quote(text: str, start: int) -> bool:
    """True when the name follows a closing quotation and a dash: the quotation's (published) author."""
    return bool(_QUOTE_DASH.search(text[max(0, start - 8):start]))


def has_an_epithet(doc, end: int) -> bool:
    """True when "the" and a capitalised word follow the name ("Alfred the Great", "Thomas the Tank Engine"): a character, not a private person."""
    return end + 1 < len(doc) and doc[end].lower_ == "the" and doc[end + 1].is_title


def family_pattern(words) -> re.Pattern | None:
    """A regex matching the end of the text before a relative's name: "my (lovely) son ", "my " ("My Priya's first day
    at big school"), "baby ",
    "love you ", and "our " opening a sentence ("Our Daniel's first day at school")."""
    kin = "|".join(sorted((re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))
    if not kin:
        return None
    possessed = rf"\b(?:my|our|me|mi|ma)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{kin})"  # "mi sister Helen", "ma wee brother"
    our_start = r"(?:^|[.!?\n]\s*)our\s+"  # "Our Jess passed her test": the Northern and Midlands "our" for a relative
    kin_start = rf"(?:^|[.!?\n]\s*)(?:{kin})"  # "Grandson William passed his test": the writer's own, unsaid
    return re.compile(rf"(?:{possessed}|{our_start}|{kin_start}|\bmy|\bbaby|\blove\s+(?:you|ya|u)(?:\s+so\s+much)?)[\s,(]*$",
                      re.IGNORECASE)


def neighbourhood(span):
    """The span's sentence, with the sentences before and after it when the span's sentence is short."""
    if sum(t.is_alpha for t in span.sent) > SHORT_SENTENCE_WORDS:
        return span.sent
    sent, doc = span.sent, span.doc
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    last = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    return doc[first:last]
