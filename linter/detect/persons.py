"""Person names that are on no list, tuned for social-media text.

Candidates come from spaCy's PERSON entities on the shared parse, from a first name (in
``names_first``) followed by capitalised words ("Heath Ledger"), from a title followed by a
capitalised word ("Mrs Pennington"), from ORG/GPE entities that start with a first name or are
Title Case ending in a known surname (``names_surnames``), and from lower-case "first surname"
pairs ("mark wright"). Each candidate is trimmed of words that cannot be part of a name ("RT",
"Congrats", "#", punctuation) and dropped when it is a hashtag, a handle, a link, a place
("Lewisham Way", "Grimsby Jobs"), a lone word after "in", "from", "near" or "over" or just
before a postcode ("Islip NN14 3JX"), a whole UK place name, high-street brand or a place's
demonym ("Kings Cross", "Greggs", "Bedfordian"; see ``person_context.py``), or an ordinary word the tagger does not read as a proper
noun. A name is labelled ``public`` when it is a public figure's and ``local`` when its
sentence places the person at work or nearby (``person_context.py``). Posts that are not in
English are left alone (the small English model finds "names" everywhere in them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..assets import read_lines
from ..spans import non_overlapping
from .mention import Mention
from .person_context import (HONOURS, ContextLists, a_pets_name, family_words, first_names, has_an_epithet, named_as_a_pet,
                             pets_named)

NER_SCORE = 0.85
GAZETTEER_SCORE = 0.75
TITLE_SCORE = 0.9
LOW_SCORE = 0.5  # a lone word: a second look, not a likely breach
OTHER_NAMES = {"ORG", "GPE", "PRODUCT", "NORP", "WORK_OF_ART", "FAC", "LOC"}  # labels the model gives people in tweets
MIN_WORDS_FOR_LANGUAGE = 6
MIN_ENGLISH_SHARE = 0.6
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_]))*\.?$")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_CAMEL_PREFIX = re.compile(r"^(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|Du|La|Le|Van|Von)[A-Z]")


@dataclass(frozen=True, slots=True)
class NameLists:
    """The word lists the detector reads, loaded once."""

    first_names: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]
    surnames: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    kin: frozenset[str] = frozenset()
    context: ContextLists = ContextLists()

    @classmethod
    def load(cls, nlp=None) -> NameLists:
        """Read the lists from ``models/patterns``, and the pipeline's dictionary words."""
        first, surnames = first_names(), frozenset(read_lines("names_surnames"))
        return cls(
            first_names=first,
            titles=frozenset(t.rstrip(".") for t in read_lines("names_titles")),
            not_names=frozenset(read_lines("names_not_names")),
            surnames=surnames,
            place_words=frozenset(read_lines("names_place_words")),
            words=dictionary_words(nlp) if nlp is not None else frozenset(),
            kin=frozenset(w for w in family_words() if " " not in w),
            context=ContextLists.load(names=first | surnames),
        )

    def is_word(self, tok) -> bool:
        """True when the token (or its lemma) is an ordinary dictionary word."""
        return tok.lower_ in self.words or tok.lemma_.lower() in self.words


def dictionary_words(nlp) -> frozenset[str]:
    """The English words the pipeline's lemmatizer knows (WordNet's index and irregular forms), lower case."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    words = {w for words in lookups.get_table("lemma_index").values() for w in words if "_" not in w}
    if lookups.has_table("lemma_exc"):  # irregular forms: "rang", "geese"
        words |= {form for forms in lookups.get_table("lemma_exc").values() for form in forms if "_" not in form}
    return frozenset(words)


class PersonNameDetector:
    """Finds person names in a post (kind ``person``, entity ``PERSON``)."""

    def __init__(self, models, profile):
        self.lists = NameLists.load(models.nlp)

    def __call__(self, post) -> Iterator[Mention]:
        """Each person name in the post, with a score (lower for a lone word)."""
        found = []
        for start, end, score in person_spans(post.doc, self.lists):
            text = post.text[start:end]
            label = self.lists.context.label(post.doc, start, end)
            spoken_of = self.lists.context.in_public_context_at(post.doc, start, end)
            found.append(Mention("person", start, end, text, label=label, entity="PERSON", score=score,
                                 evidence="public-context" if spoken_of else "ner"))
        yield from same_figure(found)


def same_figure(found: list[Mention]) -> list[Mention]:
    """A lone first name that opens a public figure's full name earlier in the post is that figure again ("Kevin
    McCloud on Grand Designs ... Kevin, mate, you could just say hello"), also after an honour ("Helen Mirren was in
    the hotel bar … Sorry Dame Helen")."""
    public = {m.text.split()[0].lower() for m in found if m.label == "public" and " " in m.text.strip()}
    return [replace(m, label="public") if not m.label and _first_name_of(m.text) in public else m for m in found]


def _first_name_of(text: str) -> str:
    """The first name a lone name or an honour and a first name gives ("Kevin", "Dame Helen" → "helen"); "" else."""
    words = text.strip().lower()
    words = next((words[len(h) + 1:] for h in HONOURS if words.startswith(h.lower() + " ")), words)
    return "" if " " in words else words


def person_spans(doc, lists: NameLists) -> list[tuple[int, int, float]]:
    """Character spans of person names in a parsed text, with scores, without overlaps."""
    if not looks_english(doc, lists):
        return []
    lowercase_text = not any(t.is_title or t.is_upper for t in doc if t.is_alpha and len(t) > 1)
    found = []
    for start, end, score in candidates(doc, lists):
        span = trim(doc, start, end, lists, lowercase_text=lowercase_text)
        if span and acceptable(doc, *span, lists) and not place_like(doc, *span, lists):
            lone = span[1] - span[0] == 1 and score < NER_SCORE
            if not_a_person(doc, *span, lists) or lowercase_words(doc, *span, lists, lowercase_text=lowercase_text):
                continue
            found.append((doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1]), LOW_SCORE if lone else score))
    return [s for s in repeated(doc.text, without_overlaps(found)) if not epithet_after(doc, s[1])]


def lowercase_words(doc, start: int, end: int, lists: NameLists, *, lowercase_text: bool) -> bool:
    """In a post all in lower case, two or more words that are all English words and none a known surname ("hazel
    binders wanted"): the model's guess, not a name ("mark wright" is kept: Wright is a surname)."""
    words = [t for t in doc[start:end] if t.is_alpha]
    return (lowercase_text and len(words) > 1 and all(t.is_lower and lists.is_word(t) for t in words)
            and not any(t.lower_ in lists.surnames for t in words))


def epithet_after(doc, end_char: int) -> bool:
    """True when the name ending at ``end_char`` is followed by an epithet ("Thomas the Tank Engine")."""
    span = doc.char_span(0, end_char, alignment_mode="expand")
    return span is not None and has_an_epithet(doc, span.end)


PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "into", "via", "over", "outside", "towards"})
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")


SAINTS = frozenset({"st", "saint", "ste"})
NAME_JOINERS = frozenset({"-", ".", "'", "’"})  # tokens inside a name that are not letters ("Mary - Jane")
NAMED_THINGS = frozenset({"storm", "hurricane", "typhoon", "hms", "rms"})  # "Storm Chandra", "HMS Belfast"
SUNG = frozenset({"sing", "hum", "belt"})  # right after the verb is the song


def not_a_person(doc, start: int, end: int, lists: NameLists) -> bool:
    """A lone word after in/from/near/over, after an ordinal ("1st Dan") or before a postcode, namesakes counted ("four
    Mrs Smiths"), a saint's name (a church or a town: "St James", "St Neots"), a storm's or a ship's ("Storm Chandra",
    "HMS Belfast"), a song's right after "singing", a business named by a possessive ("Helen's Pantry"), or a whole UK
    place, brand or demonym."""
    if end - start == 1 and (after_place_preposition(doc, start) or before_postcode(doc, end)):
        return True
    if after_born_in(doc, start) or end - start == 1 and after_ordinal(doc, start):
        return True
    if namesakes_counted(doc, start, end, lists):
        return True
    if doc[start].lower_.rstrip(".") in SAINTS or any(t.tag_ == "POS" for t in doc[start:end - 1]):
        return True
    if start > 0 and doc[start - 1].lower_.rstrip(".") in SAINTS and doc[start - 1].is_title:  # "St Mary's" read as "Mary"
        return True
    if start > 0 and doc[start - 1].lower_ in NAMED_THINGS and not doc[start - 1].is_lower:
        return True
    if end - start > 1 and doc[start].lower_ in NAMED_THINGS and not doc[start].is_lower:
        return True
    if start > 0 and doc[start - 1].lemma_.lower() in SUNG:  # "singing Mr Brightside", "sang Sweet Caroline"
        return True
    if has_an_epithet(doc, end):
        return True
    titled = doc[start].lower_.rstrip(".") in lists.titles
    if (titled or end - start == 1) and names_a_work(doc, end, lists):
        return True
    if start > 0 and doc[start - 1].is_title and lists.context.not_a_person(doc[start - 1:end].text):
        return True  # the end of a place the model split ("Fort William", "Glen Coe")
    if lists.context.in_a_phrase(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])):
        return True  # a word of a greeting the model split ("Sal-e no mobarak!")
    return lists.context.not_a_person(doc[start:end].text)


def names_a_work(doc, end: int, lists: NameLists) -> bool:
    """A possessive and a capitalised ordinary word follow, or a business word within two words in any case: a
    show, shop or brand ("Mrs Brown's Boys", "Bill's Kitchen", "patel's corner shop")."""
    if end + 1 >= len(doc) or doc[end].lower_ not in {"'s", "’s"}:
        return False
    nxt = doc[end + 1]
    ordinary = lists.is_word(nxt) or nxt.lower_.removesuffix("s") in lists.words
    business = any(head_place_word(doc, i, lists) for i in range(end + 1, min(end + 3, len(doc))))
    return business or nxt.is_title and ordinary and nxt.lower_ not in lists.first_names


def head_place_word(doc, i: int, lists: NameLists) -> bool:
    """A place or business word that heads its phrase ("corner shop has"), not one that qualifies a noun ("hospital letter")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].lower_ in lists.place_words and (after is None or after.pos_ not in ("NOUN", "PROPN"))


def before_postcode(doc, end: int) -> bool:
    """The word is followed by a postcode's outward code ("Islip NN14 3JX"): a town in an address."""
    return end < len(doc) and bool(_POSTCODE.match(doc[end].text))


def after_place_preposition(doc, i: int) -> bool:
    """A lone capitalised word after in/from/near is a place ("in Lincoln", "from Kettering")."""
    return i > 0 and doc[i - 1].lower_ in PLACE_PREPOSITIONS


COUNTS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "several", "many"})


def namesakes_counted(doc, start: int, end: int, lists: NameLists) -> bool:
    """A count of people who share a name is nobody in particular ("I have four Mrs Smiths", "six Dans on the system"):
    a number or count word, then a name whose last word is a first name or surname with a plural "s"."""
    if start == 0 or not (doc[start - 1].like_num or doc[start - 1].lower_ in COUNTS):
        return False
    last = doc[end - 1].lower_
    return last.endswith("s") and (last[:-1] in lists.first_names or last[:-1] in lists.surnames)


def after_ordinal(doc, i: int) -> bool:
    """A lone word after an ordinal is a grade or rank, not a person ("passed my 1st Dan grading")."""
    return i > 0 and bool(_ORDINAL.fullmatch(doc[i - 1].lower_))


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def after_born_in(doc, i: int) -> bool:
    """Any capitalised words after "born in"/"born at" are a birthplace ("born in Selly Oak")."""
    return i > 1 and doc[i - 1].lower_ in ("in", "at") and doc[i - 2].lower_ == "born"


def repeated(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Add the other occurrences (whole words) of each name found ("Nadal ... Nadal")."""
    best: dict[str, float] = {}
    for start, end, score in spans:
        best[text[start:end]] = max(score, best.get(text[start:end], score))
    extra = [
        (m.start(), m.end(), score - 0.01)
        for name, score in best.items()
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    return without_overlaps(spans + extra)


def candidates(doc, lists: NameLists) -> Iterator[tuple[int, int, float]]:
    """Token spans that may be names: spaCy's PERSON entities, first name + surname, title + surname."""
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            yield ent.start, ent.end, NER_SCORE
        elif ent.label_ in OTHER_NAMES and misread_name(ent, lists):
            yield ent.start, ent.end, GAZETTEER_SCORE
    for i, tok in enumerate(doc):
        if tok.lower_.rstrip(".") in lists.titles and is_capitalised(tok):
            j = i + 1 + (i + 1 < len(doc) and doc[i + 1].text == ".")
            end = surname_end(doc, j)
            if end > j:
                yield i, end, TITLE_SCORE
        elif tok.is_lower and lowercase_full_name(doc, i, lists):  # as sure as the model's "margaret" alone
            yield i, i + 2, NER_SCORE if tok.ent_type_ == "PERSON" else GAZETTEER_SCORE
        elif tok.is_lower and lowercase_first_name(tok, lists):
            yield i, i + 1, LOW_SCORE
        elif tok.lower_ in lists.first_names and is_capitalised(tok) and tok.lower_ not in lists.not_names:
            end = surname_end(doc, i + 1)
            if end > i + 1:
                yield i, end, GAZETTEER_SCORE
            elif lone_first_name(doc, i, lists):
                yield i, i + 1, LOW_SCORE


def misread_name(ent, lists: NameLists) -> bool:
    """An ORG/GPE/... entity of 1-3 words that starts with a first name or is Title Case ending in a surname."""
    if len(ent) > 3:
        return False
    if ent[0].lower_ in lists.first_names:
        return True
    return len(ent) > 1 and ent[-1].lower_ in lists.surnames and all(is_capitalised(t) for t in ent)


def lowercase_first_name(tok, lists: NameLists) -> bool:
    """A first name written in lower case ("asked daniel"): read as a person, or no ordinary word and a noun."""
    if tok.lower_ not in lists.first_names or tok.lower_ in lists.not_names or tok.is_stop or len(tok) <= 3:
        return False
    return tok.ent_type_ == "PERSON" or (not lists.is_word(tok) and tok.pos_ in {"PROPN", "NOUN"})


def lowercase_full_name(doc, i: int, lists: NameLists) -> bool:
    """A first name and a known surname, both in lower case ("mark wright"); or a first name the model reads as a
    person and no English word, then a word that is none either ("margaret atwood", not "market day tmrw")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None or not nxt.is_lower or not nxt.is_alpha:
        return False
    first_is_person = doc[i].ent_type_ == "PERSON" and not lists.is_word(doc[i])
    unknown = not (lists.is_word(nxt) or nxt.is_stop or len(nxt) < 3)
    if nxt.lower_ not in lists.surnames and not (first_is_person and unknown):
        return False
    return doc[i].lower_ in lists.first_names and doc[i].lower_ not in lists.not_names and not doc[i].is_stop


def lone_first_name(doc, i: int, lists: NameLists) -> bool:
    """A first name on its own: not a dictionary word, possessive ("Holly's"), or a proper noun outside a Title Case phrase."""
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if any(t is not None and t.like_num for t in (before, after)):
        return False
    if not lists.is_word(doc[i]) or (after is not None and after.tag_ == "POS"):
        return True
    in_phrase = before is not None and is_capitalised(before) and before.is_alpha
    return doc[i].pos_ == "PROPN" and not doc[i].is_sent_start and not in_phrase


def surname_end(doc, start: int, *, most: int = 2) -> int:
    """The end of up to ``most`` capitalised name-shaped words from ``start``."""
    end = start
    while end < len(doc) and end - start < most and is_capitalised(doc[end]) and name_shaped(doc[end].text) and not doc[end].is_stop:
        end += 1
    return end


def opening_word(tok, lists: NameLists) -> bool:
    """An ordinary word, no first name, surname or title, opening a sentence ("Rang North Northants", "Met Jo Bloggs"),
    also a past tense the lemmatizer missed when the model read it as a name ("Ushered Les Mis tonight")."""
    lower = tok.lower_.rstrip(".")
    known = lower in lists.first_names or lower in lists.surnames or lower in lists.titles
    past = lower.endswith("ed") and (lower[:-2] in lists.words or lower[:-1] in lists.words)
    return tok.is_sent_start and (lists.is_word(tok) or past) and not known


def trim(doc, start: int, end: int, lists: NameLists, *, lowercase_text: bool) -> tuple[int, int] | None:
    """Drop leading and trailing words that cannot be part of a name (a kinship word: "Grandson William"); None when
    nothing is left."""
    def keep(tok) -> bool:
        lower = tok.lower_.rstrip(".")
        kin = lower in lists.kin and lower not in lists.first_names
        if not name_shaped(tok.text) or kin or lower in lists.not_names or (tok.is_stop and lower not in lists.first_names):
            return False
        return lowercase_text or is_capitalised(tok) or lower in lists.titles or lowercase_first_name(tok, lists)

    while start < end and (not keep(doc[start]) or opening_word(doc[start], lists) and end - start > 2):
        start += 1
    while end > start and not keep(doc[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def acceptable(doc, start: int, end: int, lists: NameLists) -> bool:
    """False for hashtags, handles, links, shouting, ordinary words, a span across an emoji ("miles 🦌 Stood"), a
    character with an epithet inside ("Colin the Caterpillar") and a name the post gives an animal ("Kevin the
    Shetland … Kevin. Mate.")."""
    tokens = doc[start:end]
    if start > 0 and doc[start - 1].text in {"#", "@"}:
        return False
    if any(not any(c.isalpha() for c in t.text) and t.text not in NAME_JOINERS for t in tokens):
        return False
    if tokens[0].text in ("I.", "I") and len(tokens) > 1:  # "Who even am I. Celebrating with a Twirl."
        return False
    if len(tokens) > 2 and any(t.lower_ == "the" for t in tokens[1:-1]) and tokens[-1].is_title:
        return False
    if any(handle_like(t.text) or t.like_url or t.like_email for t in tokens):
        return False
    if all(t.lower_.rstrip(".") in lists.titles for t in tokens):
        return False
    first_known = tokens[0].lower_ in lists.first_names or tokens[0].lower_.rstrip(".") in lists.titles
    if all(t.is_upper for t in tokens) and not first_known:
        return False
    if any(t.is_alpha and t.is_upper and len(t) > 2 and t.lower_ not in lists.first_names and t.lower_ not in lists.surnames
           for t in tokens):  # "Played ZAX on a triple word score": a shouted or spelt word is no name
        return False
    if a_pets_name(doc, start) or named_as_a_pet(doc, start, end) or tokens.text.lower() in pets_named(doc):
        return False
    if len(tokens) == 1:
        return (first_known and not tokens[0].is_stop) or (tokens[0].pos_ == "PROPN" and known_or_new(tokens[0], lists))
    return first_known or not all(lists.is_word(t) for t in tokens)


def known_or_new(tok, lists: NameLists) -> bool:
    """A lone proper noun that is a known surname ("Lambert") or no ordinary word ("Nadal", not "Fireworks")."""
    if tok.lower_ in lists.surnames and is_capitalised(tok):
        return True
    plural_of_word = tok.lower_.endswith("s") and tok.lower_[:-1] in lists.words
    return not lists.is_word(tok) and not plural_of_word


def place_like(doc, start: int, end: int, lists: NameLists) -> bool:
    """True for "Lewisham Way", "Grimsby Jobs", "Dean street" and "Summer Leys": a place word
    next, inside, or last when it is no surname ("Sarah Hall" stays a name)."""
    if end < len(doc) and doc[end].lower_ in lists.place_words:
        return True
    if end - start > 1 and doc[end - 1].lower_ in lists.place_words and doc[end - 1].lower_ not in lists.surnames:
        return True
    if doc[start].lower_ in lists.first_names or doc[start].lower_.rstrip(".") in lists.titles:
        return False
    return any(t.lower_ in lists.place_words for t in doc[start + 1:end])


def looks_english(doc, lists: NameLists) -> bool:
    """True unless the text has enough lower-case words and too few of them are English (hashtags aside)."""
    words = [t for i, t in enumerate(doc) if t.is_alpha and t.is_lower and not (i and doc[i - 1].text in {"#", "@"})]
    if len(words) < MIN_WORDS_FOR_LANGUAGE or not lists.words:
        return True
    english = sum(t.is_stop or lists.is_word(t) for t in words)
    return english / len(words) >= MIN_ENGLISH_SHARE


def name_shaped(text: str) -> bool:
    """Letters, with inner apostrophes, hyphens or full stops ("O'Neill", "Smith-Jones", "J.")."""
    return bool(_NAME_WORD.match(text))


def is_capitalised(tok) -> bool:
    """True for "Smith", "SMITH" and "McDonald" (a capital first letter)."""
    return tok.text[:1].isupper()


def handle_like(text: str) -> bool:
    """True for a social-media handle or hashtag body: digits, underscores or camelCase."""
    if any(c.isdigit() or c == "_" for c in text) or text[:1] in {"@", "#"}:
        return True
    return bool(_CAMEL.search(text)) and not _CAMEL_PREFIX.match(text)


def without_overlaps(spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Keep the higher-scoring, then longer, span of each overlapping group, in text order. A span that holds a
    higher-scoring one takes its score ("Siobhan Keane" from the first-name list holds the model's "Keane")."""
    raised = [(a, b, max([s] + [t for c, d, t in spans if a <= c and d <= b and (c, d) != (a, b)])) for a, b, s in spans]
    return sorted(non_overlapping(raised, priority=lambda s: (-s[2], s[0] - s[1], s[0]), span=lambda s: (s[0], s[1])))
