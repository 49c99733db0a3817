"""The context a phrase list cannot express: when a matched phrase counts.

Used by ``PhraseDetector.keep``; each function takes the matched spaCy span (and what else the
detector found in the post) and says whether the phrase counts:

- ``council-business`` counts in a sentence about the writer (a first-person word, a verb with
  no subject, "for work", "this job", "the office"), in a diary-style sentence ("Play area inspection in the rain this
  morning", not an invitation such as "if anyone wants to come"), in a post whose other
  sentences are first-person ("Tomorrow's full council agenda is a monster. Pray for me"), or in
  a post that marks something confidential (inside knowledge);
- ``confidential`` and ``confidential-business`` are dropped when written as a name, every word
  capitalised mid-sentence ("three records at Off The Record in Bedford");
- ``confidential-business`` is dropped for a venue's session ("a closed session for the club",
  "closed session at the pool") or a session with someone who runs it ("closed session with the
  trauma counsellor");
- ``council-reference`` and ``council-business`` ending in "council" are dropped before a
  compound word ("council tax");
- ``confidential`` is dropped inside a general sense, before a superlative ("Off the record,
  best bacon roll in Northants" shares a taste, not council business) or a confession ("I've
  eaten all the chocolates", not "I heard ..."), and in a sentence
  about a service that keeps things confidential (``phrase_set_service.txt``: "my GP"); a
  closing marker ("You didn't hear it from me") goes with the marker before it;
- ``birthplace`` is dropped when the "place" is a month or the birthplace is someone else's
  ("his place of birth");
- ``maiden-name`` counts only when it is a mother's (``mothers``: a mother word in the phrase, its sentence or
  the one before), and not in a warning not to answer it (``a_warning``: "Do not answer those 'mother's maiden
  name' games, they are fishing for your security answers");
- ``birth-date`` starting with "born" is dropped when a name or a comma comes just before it
  ("Steve Rollins, born 3 April 1966" is Steve's birthday) or someone's label and a colon ("Kevin's
  details: born ...").

``elsewhere`` says when a work phrase or a role belongs to another body ("night shift at the DHL
warehouse", "the caretaker at the bairns' school"; ``work_elsewhere.txt``), and
``another_bodys_meeting`` when a post is about another body's meeting ("PTA meeting tonight"); the
council-work rule and the people detector read them.
"""

from __future__ import annotations

import re
from functools import cache

from ..assets import list_alternation
from ..spans import sentence_end, sentence_start
from .person_context import a_monarch

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours"})
IMPLICIT_SUBJECT = frozenset({"VBD", "VBN", "VBG"})  # "Spent today ...", "Been asked ...", "Typing up ..."
WORK_FRAME = frozenset({("for", "work"), ("at", "work"), ("this", "job"), ("my", "job"), ("day", "job"),
                        ("the", "office"), ("in", "work")})
DIARY = frozenset({("today",), ("tonight",), ("this", "morning"), ("this", "afternoon"), ("this", "evening"),
                   ("last", "night"), ("all", "day"), ("another", "day"), ("this", "week")})
INVITATION = frozenset({"anyone", "everyone", "welcome", "come", "join", "public", "along"})
THIRD_PERSON = frozenset({"he", "she", "they", "it", "his", "her", "their"})
SUPERLATIVE = frozenset({"best", "worst", "favourite", "favorite", "finest", "top"})
HEARSAY = frozenset({"hear", "tell", "see", "know", "find", "learn", "read", "overhear", "understand", "gather",
                     "think", "reckon", "believe", "suspect", "guess"})
OTHERS = frozenset({"his", "her", "their", "your", "its", "'s", "\u2019s"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


def about_self(sent) -> bool:
    """True when a sentence is about the writer: a first-person word, no subject before its verb, or "for work"."""
    words = [t.lower_ for t in sent]
    lead = next((t for t in sent if t.tag_ not in ("RB", "UH", "NFP", ",", ":") and not t.is_space), None)
    return (not FIRST_PERSON.isdisjoint(words) or (lead is not None and lead.tag_ in IMPLICIT_SUBJECT)
            or not WORK_FRAME.isdisjoint(zip(words, words[1:])))


def diary(span) -> bool:
    """True for a diary-style sentence ("Play area inspection ... this morning", "Planning committee
    tonight:") that invites no one and names no one else before the business ("Cllr Reid chairing
    tonight's meeting"), unless that is the council itself."""
    sent = span.sent
    words = [t.lower_ for t in sent]
    timed = any(tuple(words[i:i + len(d)]) == d for d in DIARY for i in range(len(words)))
    before = sent.doc[sent.start:span.start]
    someone = any(t.tag_ in ("NNP", "NNPS") or t.lower_ in THIRD_PERSON for t in before)
    leads = not someone or any(t.lower_ == "council" for t in before)
    return timed and leads and INVITATION.isdisjoint(words)


def insider(span, found: dict) -> bool:
    """True when council business is the writer's own: see the module docstring."""
    doc = span.doc
    return (about_self(span.sent) or diary(span) or any(about_self(s) for s in doc.sents)
            or bool(found.get("confidential")) or bool(found.get("confidential-business")))


def booking(span) -> bool:
    """True for a venue's closed session ("a closed session for the club", "a women-only closed session", "closed session at the pool", "a 'closed
    session' for staff training") or one with someone who runs it ("closed session with the trauma counsellor"), not
    a council's ("at 9", "for the last hour", "with the press and public excluded"); quotation marks around the words
    are looked past."""
    doc = span.doc
    i, j = span.start - 1, span.end
    while i >= 0 and doc[i].is_quote:
        i -= 1
    while j < len(doc) and doc[j].is_quote:
        j += 1
    k = i  # past a hyphened modifier of the session's own: "a women-only closed session"
    while k >= 2 and doc[k - 1].text == "-":
        k -= 2
    before = doc[i].lower_ if i >= 0 else ""
    if k < i and doc[k - 1].lower_ in ("a", "an"):
        before = doc[k - 1].lower_
    after = doc[j].lower_ if j < len(doc) else ""
    nxt = {t.lower_ for t in doc[j + 1:j + 4]}  # the words after "at", "for" or "with"
    timed = (after == "at" and j + 1 < len(doc) and doc[j + 1].like_num  # "went into closed session at 9"
             or after == "for" and not nxt.isdisjoint(DURATIONS))  # "for the last hour"
    with_someone = after == "with" and nxt.isdisjoint(EXCLUDED)
    closed = span[0].lower_ == "closed" and span[-1].lower_ == "session"  # "a Part II session" is the council's
    if after in SESSION_BUSINESS:  # "sat in a closed session until ten about a staff matter"
        return False
    return closed and (before in ("a", "an") or after in ("at", "for") and not timed or with_someone)


# After "closed session": how long it sat or what it was about, a meeting's words rather than a venue's.
SESSION_BUSINESS = frozenset({"until", "till", "til", "about", "over", "regarding", "re", "discussing"})


DURATIONS = frozenset({"hour", "hours", "minutes", "half", "while", "rest", "ages", "bit"})
EXCLUDED = frozenset({"press", "public"})  # "in closed session with the press and public excluded" is the council's


def compound(span, compounds: frozenset[str]) -> bool:
    """True when "council" ends the span and a compound word ("tax"), two ("of war") or a possessive follows it."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if span[-1].lower_ != "council" or nxt is None:
        return False
    two = " ".join(t.lower_ for t in span.doc[span.end:span.end + 2])
    return nxt.lower_ in compounds or nxt.lower_ in POSSESSIVE or two in compounds


def trivial(span, services: frozenset[str]) -> bool:
    """True when a confidential marker only introduces a taste ("Off the record, best bacon roll"; "Off the record, as my
    nan would say, the best …"; "Off the record, that was the worst first half I've seen"), a confession ("Confidential: I've eaten all the chocolates", not "I heard ...") or
    describes a service's confidence ("My GP said it's all confidential"; not "the old bank building", a service word
    naming something else)."""
    rest = past_a_verdict(past_an_aside([t for t in span.doc[span.end:span.sent.end] if not t.is_punct and not t.is_space]))
    taste = bool(rest) and (rest[0].tag_ == "JJS" or rest[0].lower_ in SUPERLATIVE)
    return taste or confession(rest) or not heading(span) and any(t.lower_ in services and not modifies_a_noun(t) for t in span.sent)


def past_an_aside(words: list) -> list:
    """The words after an opening aside and its article ("as my nan would say, the best …" -> "best …"), else all."""
    said = next((i for i, t in enumerate(words[:7]) if t.lower_ in ("say", "says", "said")), None)
    if not words or words[0].lower_ != "as" or said is None:
        return words
    rest = words[said + 1:]
    return rest[1:] if rest and rest[0].lower_ == "the" else rest


def past_a_verdict(words: list) -> list:
    """The words after "that was the" and its kin ("Off the record, that was the worst first half I've seen" ->
    "worst …"), else all."""
    if len(words) > 1 and words[0].lower_ in ("that", "this", "it") and words[1].lower_ in ("was", "is", "'s", "’s"):
        words = words[2:]
        return words[1:] if words and words[0].lower_ == "the" else words
    return words


def modifies_a_noun(tok) -> bool:
    """True when a noun follows the word, which then names something else ("the old bank building")."""
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ in ("NN", "NNS")


def heading(span) -> bool:
    """True for a marker that heads its sentence with a colon or dash ("Confidential: the complaint … has gone to the
    solicitor"): what follows is what it marks, whoever else the sentence names."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span.start == span.sent.start and nxt is not None and nxt.text in (":", "-", "–", "—")


def confession(rest) -> bool:
    """True when what follows a marker is the writer's own doing ("I've eaten"), not hearsay ("I heard")."""
    if not rest or rest[0].lower_ != "i":
        return False
    verb = next((t for t in rest[1:4] if t.pos_ in ("VERB", "AUX") and t.lemma_ not in ("have", "be", "do")), None)
    return verb is not None and verb.lemma_.lower() not in HEARSAY


def coda(span) -> bool:
    """True when nothing but punctuation follows the span in its sentence ("You didn't hear it from me.")."""
    return all(t.is_punct or t.is_space or not t.is_alpha for t in span.doc[span.end:span.sent.end])


def a_title(span) -> bool:
    """True when every word of the span is capitalised (a small one inside may be too, or not) and it does not open
    the sentence: a shop's, a band's, a charity's or a book's name ("three records at Off The Record in Bedford",
    "We host Off the Record, the youth counselling service"); not a stamp in capitals ("Minutes marked NOT FOR
    PUBLICATION")."""
    words = [t for t in span if t.is_alpha]
    capitalised = all(t.text[:1].isupper() or (t.is_stop and 0 < i < len(words) - 1) for i, t in enumerate(words))
    return (len(words) > 1 and span.start > span.sent.start and capitalised
            and any(t.is_stop for t in words[1:]) and not all(t.is_upper for t in words))


# What a council's Part II is a part of ("Part II of the agenda"); a part of anything else is a sequel's or a course's.
_PART_OF_BUSINESS = frozenset({"meeting", "meetings", "agenda", "minutes", "report", "reports", "papers", "paper", "session",
                               "committee", "council", "business", "item", "items", "pack", "budget"})
# Committees whose name may stand before their Part II ("Finance Part II was brutal tonight").
_COMMITTEES = frozenset({"finance", "planning", "personnel", "staffing", "cabinet", "amenities", "resources", "policy",
                         "purposes", "scrutiny", "audit", "estates", "property", "grounds", "cemetery", "allotments", "hr"})


def part_of_a_thing(span) -> bool:
    """True for "part II of the Shardlake audiobook", "Part 2 of my Lake District vlog": "part" and a number, then "of"
    and something that is no meeting's business (``_PART_OF_BUSINESS``: "Part II of the meeting" is the council's)."""
    doc, j = span.doc, span.end
    if span[0].lower_ != "part" or j >= len(doc) or doc[j].lower_ != "of":
        return False
    return _PART_OF_BUSINESS.isdisjoint(t.lower_ for t in doc[j + 1:j + 5])


def a_sequel(span) -> bool:
    """True for "Part II" straight after a title that ends in a king's number ("Henry IV Part II at Stratford") or
    after a noun that is no meeting's business ("Godfather Part II", "PQiP portfolio Part II signed off"): a play's, a
    film's or a course's second part, not a meeting's ("the Part II item", "tonight's Part II", "committee Part II")."""
    if span[0].lower_ != "part" or span.start < 1:
        return False
    before = span.doc[span.start - 1]
    if (len(span) == 2 and before.pos_ in ("NOUN", "PROPN") and before.is_alpha and not before.is_upper
            and before.lower_ not in _PART_OF_BUSINESS | _COMMITTEES):
        return True
    title = span.doc[span.start - 2:span.start]
    return span.start >= 2 and a_monarch(title) and title[0].lower_ not in _PART_OF_BUSINESS


_QUOTED = re.compile(r"""(?:^|(?<=[\s(]))['‘"“]((?:[^'‘’"“”\n]|(?<=\w)['’](?=\w)){3,80}?)['’"”](?!\w)""")
_ATTRIBUTED = re.compile(r"\s*[—–-]\s*\w")


def a_quotation(span) -> bool:
    """True when the marker is a word of a quoted title or of someone's words, in quotes with other words, opening with a
    capital ("New room 'The Confidential File' opens Friday", "a clue: 'Confidential papers stop at first (6)'"), and
    words with a comma only when the quote is credited after a dash ("'Off the record, I think the manager's gone' — my
    mate"); not a stamp in capitals ("'CONFIDENTIAL – NOT FOR PUBLICATION'"), the marker quoted alone ("a report stamped
    'not for publication'") or the words of someone not credited ("The clerk said 'Off the record, the depot is
    being sold'")."""
    text, start, end = span.doc.text, span.start_char, span.end_char
    for m in _QUOTED.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        inner = m.group(1)
        if m.start(1) <= start and end <= m.end(1):
            words = re.findall(r"[A-Za-z]+", inner)
            spoken = "," in inner and not _ATTRIBUTED.match(text, m.end())
            return len(words) > len(span) and inner[:1].isupper() and not inner.isupper() and not spoken
    return False


def inside(span, general) -> bool:
    """True when ``span`` lies inside one of the ``general`` spans."""
    return any(g.start <= span.start and span.end <= g.end for g, _ in general)


def someone_elses(span) -> bool:
    """True when a possessive ("his", "Jo's") stands just before the span."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in OTHERS


_FARM_YOUNG = ("sow", "piglet", "piglets", "farrowed", "calf", "calves", "calved", "lamb", "lambs", "lambed", "ewe", "colt",
               "filly", "foaled", "heifer", "litter", "puppies", "kittens", "chicks", "ducklings", "cubs", "newborn lambs")


@cache
def _animal() -> re.Pattern:
    """Pets (``phrase_set_pet.txt``) and farm animals' young, as words (not emoji: "🦂 born 4 november" is a star sign)."""
    return re.compile(rf"\b(?:{list_alternation('phrase_set_pet')}|{'|'.join(_FARM_YOUNG)})\b", re.IGNORECASE)


def an_animals_birth(text: str, start: int) -> bool:
    """True when an animal is spoken of just before a subjectless "born" or a birth date ("Our foal was born 3rd April",
    "our newest donkey 🫏 … Born 2nd May last year", "Sow farrowed at 3am, eleven piglets, born 14th March")."""
    return bool(_animal().search(text, max(0, start - 100), start))


def own_birth(span) -> bool:
    """False for "born" after a word or after a name and comma ("Steve Rollins, born 3 April") or after someone's
    label ("Kevin's details: born 3 March 1961"); True otherwise ("Fun fact: born 17.10.1983", "Form filled in, born
    28/02/1979", "Anyone else born on 3 August 1991?")."""
    first = span[0]
    if first.lower_ != "born" or span.start == 0:
        return True
    if an_animals_birth(span.doc.text, span.start_char):
        return False
    prev = span.doc[span.start - 1]
    if prev.text == ":" and someone_elses_label(span.doc.text, span.start_char):
        return False
    if first.is_sent_start or prev.lower_ == "else":
        return True
    if prev.text == ",":
        return span.start < 2 or not span.doc[span.start - 2].is_title
    return not prev.is_alpha


MOTHER = re.compile(r"\b(?:mum|mother|mom|mam|mummy|mommy|mammy|ma)(?:['’]s)?\b", re.IGNORECASE)


def mothers(span) -> bool:
    """True when a maiden name is the writer's mother's: the phrase says so ("my mum was a Whitbread before she
    married") or its sentence or the one before names a mother ("Lighting a candle for Mummy today. Ivy May Clarke
    before she married"), not a friend's ("Lovely to see Jane, she was a Smith before she married")."""
    if MOTHER.search(span.text):
        return True
    sent = span.sent
    before = span.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return bool(MOTHER.search(span.doc[before:sent.end].text))


_ANSWERED = re.compile(r"\s*(?:[:=]|-\s|(?:is|was|were)\b)", re.IGNORECASE)  # "Mother's maiden name: Fairweather"
_WARNING = re.compile(r"\b(?:do\s+not|don['’]?t|never|stop)\s+(?:answer|answering|share|sharing|post|posting|give|giving|fill|"
                      r"play|playing)\b", re.IGNORECASE)


def a_warning(span) -> bool:
    """True when the security question is named in a warning not to answer it ("Do not answer those 'first car /
    mother's maiden name' games, they are fishing for your bank security answers"): its sentence or the next one
    tells readers not to answer, and no answer follows the phrase ("Mother's maiden name: …"). A scam told of is
    not enough: "Told them it's Featherstone and THEN panicked it was a scam" gives the answer away."""
    if _ANSWERED.match(span.doc.text, span.end_char):
        return False
    sent = span.sent
    after = span.doc[sent.end].sent.end if sent.end < len(span.doc) else sent.end
    return bool(_WARNING.search(span.doc[sent.start:after].text))



_SOMEONE_ELSES = re.compile(r"[A-Z][\w-]*['’]s\b|\b(?:his|her|their|he|she|they)\b", re.IGNORECASE)
_WRITER_IS = re.compile(r"\bI(?:['’]m|\s+am|\s+was)\s+(?:a|an|the)\b", re.IGNORECASE)  # "I'm a Valentine's baby:"


def someone_elses_label(text: str, start: int) -> bool:
    """True when the label before the colon just before ``start`` names someone else ("Kevin's details: born …",
    "His DOB: …"), not the writer ("Fun fact: born 17.10.1983", "Yes, I'm a Valentine's baby: born …"); the label
    runs from its sentence's start."""
    colon = text.rfind(":", 0, start)
    label = text[sentence_start(text, colon):start]
    return bool(_SOMEONE_ELSES.search(label)) and not _WRITER_IS.search(label)


@cache
def _bodies() -> tuple[re.Pattern, re.Pattern]:
    """``work_elsewhere.txt`` as the word owning a phrase ("school council meeting") and the place it is at."""
    body = rf"(?:{list_alternation('work_elsewhere')})"
    owner = re.compile(rf"(?<![\w'’]){body}\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)
    place = re.compile(rf"\s*(?:(?:at|for|with|in|from)\s+)?(?:(?:the|my|our|a|an)\s+)?(?:[\w'’&-]+\s+){{0,3}}?{body}(?![\w'’])",
                       re.IGNORECASE)
    return owner, place


def another_bodys_meeting(text: str) -> bool:
    """True when the post is about another body's meeting or dinner ("PTA meeting tonight ran for two hours", "Annual
    dinner at the golf club"; ``work_elsewhere.txt``): its minutes, chair and agenda are that body's."""
    owner, place = _bodies()
    return any(owner.search(text, max(0, m.start() - 40), m.start()) or place.match(text, m.end())
               for m in _MEETING.finditer(text))


_MEETING = re.compile(r"\b(?:meeting|committee|agm|dinner)\b", re.IGNORECASE)


def elsewhere(text: str, start: int, end: int) -> bool:
    """True when a work phrase belongs to another body: owned by it ("school council meeting", "church cleaning
    rota") or placed at it ("night shift at the DHL warehouse", "committee meeting at the pigeon club").

    Only the words right before the phrase and the rest of its clause are read; the council's own places are
    never in the list (``models/patterns/work_elsewhere.txt``)."""
    owner, place = _bodies()
    left, right = sentence_start(text, start), sentence_end(text, end, ".!?,;\n")
    return bool(owner.search(text, max(left, start - 40), start) or place.match(text, end, right))
