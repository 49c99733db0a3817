"""Clause 5.1 helpers: whose birth a phrase tells, and security answers given across sentences.

Pure functions over a rule ``Context`` (text and mentions), used by ``confidential.py``'s
``security-question-data`` and ``own-date-of-birth`` rules and by
``personal_data.own_addresses`` (an address one was born at is one's own):

- ``own_birthplaces``: the ``birthplace`` phrases that are the writer's: the place is a place
  (capitalised, not a month, not a question: "Born in Kettering General? Join us"), and a "born"
  with no "I" before it has no one else as its subject ("my son was born in", "Harry Styles,
  born in", "my nan, born in");
- ``answers``: a security question or a name quiz answered later in the post ("Security
  question: 'name of your first pet'. Easy. Mr Whiskers"; "first pet's name plus the street you
  grew up on. Mine's Pepper Rockingham Road"), a school named in a post about one's first school
  ("Denford Primary, my first school"), a mother's name given beside "maiden name", a UK town
  written in lower case after the writer's "born" ("born in corby");
- ``birthday_dates``: a full date with a plausible birth year in a post about the writer's
  birthday ("my birthday on it, 21.06.1979", "Same birthday as Harry Styles: 1 February 1990").

The lists are ``security_questions.txt``, ``security_answer_markers.txt`` and ``pii_dob_cues.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from ..assets import list_alternation, lower_set
from ..detect.mention import Mention
from ..detect.person_context import uk_places
from ..detect.pii_recognizers import wished_someone_else
from .base import Context, per_post

THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them", "who", "whom", "whose", "you"})
BE = frozenset({"was", "were", "is", "are", "been", "be", "being", "'s", "’s", "s"})
NAME_RUN = re.compile(r"(?<![\w'’])(?:(?:St\.?|Mr|Mrs|Ms|Miss)\s+)?[A-Z][\w'’-]*(?:\s+(?:of|[A-Z][\w'’-]*))*")
I_FORMS = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"})
SCHOOL = re.compile(r"(?:\b(?:St\.?|Saint)\s+)?\b[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of))*?\s+"
                    r"(?:Primary|Infants?|Juniors?|First School|C of E|CE|CofE|Village School|School|Academy)\b")
BORN_LOWER = re.compile(r"\bborn (?:at home )?(?:in|at|near) [a-z][a-z'’-]+")
GOES_ON = re.compile(r"[ \t]+(?!was\b|is\b|and\b|i\b)[a-z]", re.IGNORECASE)  # "school run", not "school was"
OWN_FIRST_SCHOOL = re.compile(r"(?:\bmy|(?:^|[.!?]\s*))\s*(?:very )?first (?:ever )?school\b(?![ \t]+(?!was\b|is\b|and\b|i\b)[a-z])",
                              re.IGNORECASE)
NOT_MY_SCHOOL = re.compile(r"\b(?:teach|teaching|taught|work|working|worked|son'?s|daughter'?s|kids'?|child'?s)\s+(?:at\s+)?$",
                           re.IGNORECASE)
QUOTE = re.compile(r"\"|[“”]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])")  # not an apostrophe inside a word
MAIDEN_TOPIC = re.compile(r"\bmaiden name|\bbefore (?:she )?(?:got )?married|\bbefore marriage", re.IGNORECASE)
MOTHERS = re.compile(r"\b(?:[Mm]y )?(?:[Mm]um|[Mm]am|[Mm]other|[Mm]om|[Mm]ummy)['’]s (?:was|is) [A-Z][\w'’-]+")
FULL_DATE = re.compile(
    r"(?<![\w/.-])(?:(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>[A-Za-z]{3,9})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<d3>[12]\d|3[01]|0?[1-9])[/.-](?:0?[1-9]|1[0-2])[/.-](?P<y3>(?:19|20)?\d\d))(?![\w/])")
OTHER_EVENT = re.compile(r"\b(?:married|wed|wedding|anniversary|since|died|passed|moved|started|joined|met)\b",
                         re.IGNORECASE)  # "Married 12 June 1999" is no birthday
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
BIRTH_AGES = (16, 110)  # a birth year lies this many years before the post, at least (the writer is an employee) and at most


def months() -> frozenset[str]:
    """Month names and short forms (``phrase_set_month.txt``)."""
    return lower_set("phrase_set_month")


def kin() -> frozenset[str]:
    """Family words (``phrase_set_kin.txt``): "my nan, born in Wales" is the nan's birthplace."""
    return lower_set("phrase_set_kin")


@cache
def cue_regex(name: str) -> re.Pattern:
    """Whole-word, case-insensitive regex over one list (``*`` any ending, ``$NUM`` a number)."""
    return re.compile(rf"(?<![\w'’])(?:{list_alternation(name)})(?![\w'’])", re.IGNORECASE)


def is_place(word: str) -> bool:
    """A capitalised word or a UK town ("Kettering", "corby"), not a month ("June")."""
    bare = word.strip(".,!?;:'’\"").lower()
    return bool(bare) and bare not in months() and (word[:1].isupper() or bare.replace("'", "") in uk_places())


def words_before(text: str, start: int) -> list[str]:
    """The words of the clause before ``start``, lower case, with a trailing "," kept as a word."""
    head = text[max(0, start - 60):start]
    return re.findall(r"[\w'’-]+|,", head.lower())


def born_by_someone_else(ctx: Context, m: Mention) -> bool:
    """True when the "born" opening ``m`` has another subject: "my son was born", "Harry, born", "my nan, born"; or
    when the phrase opens with a person's name ("Sarah Whitlock born and raised in Corby"). Not the writer's own
    description ("Proud Scouser born in Bootle")."""
    if any(p.start == m.start and (p.kind == "listed-person" or " " in p.text.strip()) for p in ctx.of("person", "listed-person")):
        return True
    if not m.text.lower().startswith("born"):
        return False
    head = ctx.text[max(0, m.start - 60):m.start].rstrip()
    if not head or not (head[-1].isalnum() or head[-1] in ",'’"):
        return False  # opens the post, a sentence or a clause (":", "—", an emoji): the writer's
    if _PROUD.search(head):
        return False  # the writer describing themself: "Proud Scouser born in Bootle"
    words = words_before(ctx.text, m.start)
    if words[-1] == ",":
        prev = words[-2] if len(words) > 1 else ""
        named = any(p.end <= m.start and m.start - p.end <= 4 for p in ctx.of("person", "listed-person"))
        capital = re.search(r"([A-Za-z][\w'’-]*)\s*,\s*$", head)
        return named or prev in kin() or prev in THIRD_PERSON or bool(
            prev != "me" and capital and capital.group(1)[0].isupper() and head[:capital.start()].strip())
    own_be = words[-1] in BE and words[-2:-1] == ["i"] or words[-2:] == ["to", "be"]  # "I was born", "proud to be born"
    return words[-1] not in ("i", "me", "and") and not own_be


# A sentence that opens "Proud" and one or two words, then "born": the writer's own ("Proud Scouser born in Bootle").
_PROUD = re.compile(r"(?:^|[.!?\n]\s*)proud(?:\s+[\w'’-]+){1,2}$", re.IGNORECASE)


def asked(text: str, end: int) -> bool:
    """True when a question mark closes the phrase within two words ("Born in Kettering General? Join us"), not
    a later question ("born 9 Feb 1966 in Lisburn, so am I a Piscean?")."""
    return bool(re.compile(r"(?:\s*[\w'’-]+){0,2}\s*\?").match(text, end))


def own_birthplaces(ctx: Context) -> list[Mention]:
    """The ``birthplace`` phrases that give the writer's own place of birth (see the module docstring)."""
    return [m for m in ctx.of("phrase", label="birthplace") if not born_by_someone_else(ctx, m)
            and (not m.text.lower().startswith("born") or is_place(m.text.split()[-1]) and not asked(ctx.text, m.end))]


def lower_case_birthplaces(ctx: Context) -> list[tuple[int, int, str]]:
    """A UK town written in lower case after a "born" that is the writer's ("born in corby, raised in raunds")."""
    found = (Mention("phrase", m.start(), m.end(), m.group(), label="birthplace") for m in BORN_LOWER.finditer(ctx.text))
    return [(m.start, m.end, "birthplace") for m in found
            if is_place(m.text.split()[-1]) and not born_by_someone_else(ctx, m) and not asked(ctx.text, m.end)]


def school_goes_on(ctx: Context, m: Mention) -> bool:
    """True when "school" ending a ``first-school`` phrase starts a longer noun ("my first school run")."""
    return m.text.lower().endswith("school") and bool(GOES_ON.match(ctx.text, m.end))


def answers(ctx: Context) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the answers a post gives to a security question it names (see the module docstring)."""
    return [*question_answers(ctx.text), *pet_answers(ctx.text), *first_schools(ctx.text), *mothers_names(ctx.text),
            *lower_case_birthplaces(ctx)]


def question_answers(text: str) -> list[tuple[int, int, str]]:
    """The name given after a security question or a name quiz: after "mine's", "I said", "I've typed" (one word
    will do), or else, after "security question", the first run of two capitalised words outside quotes."""
    asked = cue_regex("security_questions").search(text)
    if not asked:
        return []
    marker = cue_regex("security_answer_markers").search(text, asked.end())
    if marker:
        run = next(name_runs(text, marker.end(), marker.end() + 40, single=True), None)
        if run:
            return [(*run, "security-answer")]
    if "question" not in asked.group().lower():
        return []
    run = next(name_runs(text, asked.end(), asked.end() + 150, single=False), None)
    return [(*run, "security-answer")] if run else []


OWN_FIRST_PET = re.compile(r"\b(?:my|what)\s+(?:very\s+)?first\s+(?:pet|dog|cat)\b", re.IGNORECASE)


@cache
def pet_opening() -> re.Pattern:
    """A sentence that opens with a name and then, between commas, what animal it was ("Pickles, a big ginger tom,
    1989–2004", "Sooty the cat, 1979"), not a sentence that goes on ("Sooty the cat came later")."""
    animals = list_alternation("phrase_set_pet")
    return re.compile(rf"(?:^|[.!?]\s+)([A-Z][a-z]+)(?:,\s+an?\s+(?:[\w-]+\s+){{0,3}}|\s+the\s+(?:[\w-]+\s+){{0,2}})"
                      rf"(?:{animals}|tom)\b(?=\s*,)")


def pet_answers(text: str) -> list[tuple[int, int, str]]:
    """The name of the writer's first pet given after the question, in a sentence of its own that says what animal
    it was ("Security question asked for my first pet … Pickles, a big ginger tom, 1989–2004", "what my first pet
    was … Sooty the cat, 1979")."""
    asked = OWN_FIRST_PET.search(text)
    if not asked:
        return []
    return [(m.start(1), m.end(1), "first-pet") for m in pet_opening().finditer(text, asked.end())]


def name_runs(text: str, start: int, end: int, *, single: bool):
    """Runs of capitalised words between ``start`` and ``end`` outside quotes, as ``(start, end)``; a run of one
    word only when ``single`` and not "I"; a sentence's capitalised first word does not count."""
    for m in NAME_RUN.finditer(text, start, min(end, len(text))):
        words = m.group().split()
        if words[0].lower() in I_FORMS or inside_quotes(text, start, m.start()):
            continue
        head = text[:m.start()].rstrip()
        opener = not head or head[-1] in ".!?:"
        if len(words) > 1 or (single and not opener):
            yield m.start(), m.end()


def inside_quotes(text: str, start: int, at: int) -> bool:
    """True when an odd number of quote marks stand between ``start`` and ``at`` (inside a quoted question)."""
    return len(QUOTE.findall(text, start, at)) % 2 == 1


def first_schools(text: str) -> list[tuple[int, int, str]]:
    """The schools named in a post that speaks of the writer's own first school ("Denford Primary, my first school")."""
    if not OWN_FIRST_SCHOOL.search(text):
        return []
    return [(m.start(), m.end(), "first-school") for m in SCHOOL.finditer(text)
            if not NOT_MY_SCHOOL.search(text[max(0, m.start() - 30):m.start()])]


def mothers_names(text: str) -> list[tuple[int, int, str]]:
    """"Mam's was Jones" in a post about maiden names."""
    if not MAIDEN_TOPIC.search(text):
        return []
    return [(m.start(), m.end(), "maiden-name") for m in MOTHERS.finditer(text)]


@per_post
def own_birth_phrases(ctx: Context) -> tuple[Mention, ...]:
    """The ``birth-date`` phrases that are the writer's: not a "born" after a wish to someone else ("Happy 70th to
    Kev! born …"). A date of birth inside one is the writer's, whatever its own recognizer made of it."""
    return tuple(m for m in ctx.of("phrase", label="birth-date")
                 if not (m.text.lower().startswith("born") and wished_someone_else(ctx.text, m.start))
                 and not too_young(ctx.text[m.start:m.end + 16], ctx.at.year))  # "born 14" + " March 2021"


def too_young(text: str, now: int) -> bool:
    """True when a four-digit year in ``text`` is later than an employee's birth can be (``BIRTH_AGES``: "Biscuit's 5th
    birthday … born 14 March 2021" is the dog's)."""
    return any(now - BIRTH_AGES[0] < int(y) <= now for y in re.findall(r"\b(?:19|20)\d\d\b", text))


def birthday_dates(ctx: Context) -> list[tuple[int, int]]:
    """Full dates with a plausible birth year in a post that speaks of the writer's birthday (``pii_dob_cues.txt``)."""
    if not cue_regex("pii_dob_cues").search(ctx.text):
        return []
    return [(m.start(), m.end()) for m in FULL_DATE.finditer(ctx.text)
            if birth_year(m, ctx.at.year) and not OTHER_EVENT.search(ctx.text, max(0, m.start() - 25), m.start())]


def birth_year(m: re.Match, now: int) -> bool:
    """True when the date's month is a month and its year lies ``BIRTH_AGES`` before ``now``."""
    month = m.group("m1") or m.group("m2")
    if month and month[:3].lower() not in MONTHS:
        return False
    year = int(m.group("y1") or m.group("y2") or m.group("y3"))
    if year < 100:
        year += 2000 if year <= now % 100 else 1900
    return now - BIRTH_AGES[1] <= year <= now - BIRTH_AGES[0]
