"""Presidio recognizers for UK personal data that Presidio does not ship, or ships too loosely.

Each is data (patterns, context words, word lists in ``models/patterns``) plus a small
validation hook, in Presidio's own style:

- ``UkPhonePatternRecognizer``: UK-shaped numbers, including Ofcom's drama ranges that
  python-phonenumbers rejects (07700 900xxx, 01632 960xxx);
- ``UkNhsRecognizer``: NHS numbers, checked with python-stdnum, needing context unless grouped 3-3-4;
- ``UkPassportNumberRecognizer``: the nine-digit passport numbers Presidio's pattern (two
  letters, seven digits) misses; the detector keeps them only beside "passport";
- ``StreetAddressRecognizer``: a house number, a capitalised name and a street suffix;
- ``BisectContextEnhancer``: Presidio's context enhancer with a token lookup that is not quadratic;
- ``DateOfBirthRecognizer``: a date right after "born on", "DOB", "date of birth", "birthday is",
  with ``label`` ``self`` when the date is the writer's own ("my", "I was", or a subjectless
  "born" that opens a sentence, follows an emoji or the writer's age: "Birthday today!! 🎂 born
  11.11.88", "58 today, born 14/06/1967"; not after a wish to someone else: "Happy 70th to Kev!
  🎂 born 3 March 1956").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import cache

from ..nlp import offline_environment

offline_environment()  # before Presidio is imported: tldextract must never fetch the suffix list

from presidio_analyzer import LocalRecognizer, Pattern, PatternRecognizer, RecognizerResult  # noqa: E402
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer  # noqa: E402
from stdnum.gb import nhs  # noqa: E402

from ..assets import list_alternation, read_lines  # noqa: E402
from ..spans import SENTENCE_STOPS  # noqa: E402
from .phrase_context import an_animals_birth, someone_elses_label  # noqa: E402

UK_PHONE_CONTEXT = ["phone", "number", "telephone", "tel", "mobile", "call", "ring", "text", "whatsapp", "contact"]
LABEL_KEY = "postlint_label"


class BisectContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, same context words and scores, finding each finding's token by bisection."""

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices) -> int:
        return token_at(word, start, tokens, tokens_indices)


def token_at(word: str, start: int, tokens, tokens_indices) -> int:
    """The first token that starts at ``start`` or ends after it, as Presidio's linear scan finds it.

    Presidio walks the parse from its first token for every finding (quadratic: a 30,000-character
    post dense with personal data spent seconds there). Tokens are sorted and disjoint, so only
    the last token starting before ``start`` can cover it; otherwise it is the next token.
    """
    k = bisect_left(tokens_indices, start)
    if k > 0 and tokens_indices[k - 1] + len(tokens[k - 1]) > start:
        return k - 1
    if k < len(tokens_indices):
        return k
    raise ValueError(f"Did not find word '{word}' in the list of tokens although it is expected to be found")


class UkPhonePatternRecognizer(PatternRecognizer):
    """UK-shaped phone numbers (mobiles, landlines, +44 forms), valid or not by the numbering plan."""

    PATTERNS = [
        Pattern("UK phone", r"(?<![\w+£$€])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[1237]\d{1,4}\)?(?:[\s-]?\d){6,8}(?![\d,.]\d)", 0.6),
    ]

    def __init__(self) -> None:
        super().__init__(supported_entity="PHONE_NUMBER", patterns=self.PATTERNS, context=UK_PHONE_CONTEXT, name="UkPhonePatternRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        """Ten or eleven national digits starting 01, 02, 03 or 07."""
        digits = re.sub(r"\D", "", pattern_text)
        national = "0" + digits[2:].removeprefix("0") if digits.startswith("44") else digits
        return None if len(national) in (10, 11) and national[:2] in {"01", "02", "03", "07"} else False


class UkNhsRecognizer(PatternRecognizer):
    """NHS numbers: ten digits with a valid check digit; plain runs of digits need an NHS context word."""

    PATTERNS = [
        Pattern("NHS (grouped)", r"\b\d{3}[- ]\d{3}[- ]\d{4}\b", 0.5),
        Pattern("NHS (plain)", r"\b\d{10}\b", 0.2),
    ]
    CONTEXT = ["nhs", "national health service", "health service", "nhs number", "patient"]

    def __init__(self) -> None:
        super().__init__(supported_entity="UK_NHS", patterns=self.PATTERNS, context=self.CONTEXT, name="UkNhsRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        """Keep the pattern's score when the check digit is right; reject it otherwise."""
        return None if nhs.is_valid(re.sub(r"\D", "", pattern_text)) else False


class UkNhsLabelledRecognizer(PatternRecognizer):
    """An NHS number's grouped shape whose check digit fails ("NHS number down as 485 777 3456", a typo or an invented
    one): weak alone, kept only when an NHS context word stands before it, since a reader still takes it for one."""

    PATTERNS = [Pattern("NHS shape, any check digit", r"\b\d{3}[- ]\d{3}[- ]\d{4}\b", 0.15)]

    def __init__(self) -> None:
        super().__init__(supported_entity="UK_NHS", patterns=self.PATTERNS, context=["nhs"], name="UkNhsLabelledRecognizer")


class UkNinoLabelledRecognizer(PatternRecognizer):
    """A National Insurance number's shape with any two letters ("QQ 12 34 56 C", HMRC's specimen prefix, which Presidio's
    recognizer rejects): weak alone, kept only when Presidio's context words ("NI number") stand before it."""

    PATTERNS = [Pattern("NINO shape, any prefix", r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", 0.1)]

    def __init__(self) -> None:
        super().__init__(supported_entity="UK_NINO", patterns=self.PATTERNS, context=["ni", "nino", "national insurance", "insurance"],
                         name="UkNinoLabelledRecognizer")


class UkPassportNumberRecognizer(PatternRecognizer):
    """UK passport numbers of nine digits ("533401372"), weak on their own: they need "passport" nearby."""

    PATTERNS = [Pattern("UK passport (9 digits)", r"(?<![\d.,/-])\b\d{9}\b(?![.,/-]?\d)", 0.4)]

    def __init__(self) -> None:
        super().__init__(supported_entity="UK_PASSPORT", patterns=self.PATTERNS, context=["passport"], name="UkPassportNumberRecognizer")


@cache
def street_pattern() -> str:
    """House number (optionally after "Flat 2,"), one to three capitalised words, a street suffix."""
    suffixes = "|".join(sorted((re.escape(s) for s in read_lines("pii_street_suffixes")), key=len, reverse=True))
    unit = r"(?:(?:Flat|Apartment|Apt|Unit)\s+\d{1,4}[A-Za-z]?,?\s+)?"
    name = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\s+){1,3}"
    return rf"(?-i:\b{unit}\d{{1,4}}[A-Za-z]?,?\s+{name}(?:{suffixes})\b)"


class StreetAddressRecognizer(PatternRecognizer):
    """Street addresses: "14 Oundle Road", "3 Chancery Lane", "Flat 2, 10 High Street"."""

    def __init__(self) -> None:
        patterns = [Pattern("UK street address", street_pattern(), 0.6)]
        super().__init__(supported_entity="ADDRESS", patterns=patterns, context=["address", "live", "lives"], name="StreetAddressRecognizer")


_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DATE = rf"(?:{_DAY}(?:\s+of)?\s+{_MONTH}\.?(?:,?\s+(?:19|20)\d\d)?|{_MONTH}\.?\s+{_DAY}(?:,?\s+(?:19|20)\d\d)?|{_DAY}[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\d\d)"
# A date with a four-digit year: only such a date, said further on in the sentence, is read as a birth date.
DATED = rf"(?:{_DAY}(?:\s+of)?\s+{_MONTH}\.?,?\s+(?:19|20)\d\d|{_MONTH}\.?\s+{_DAY},?\s+(?:19|20)\d\d|{_DAY}[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)\d\d)"
LATER_GAP = 80
# A word that starts another clause between the phrase and a later date makes it another event's: "Steve was born
# in Corby and moved here on 3 March 1990".
NEXT_CLAUSE = re.compile(r"\b(?:and|but|or|then|so|until|till|since|when|after|before|while)\b|[;:]", re.IGNORECASE)
MIN_AGE = 10  # a year this recent is a birthday party's, not a birth: "my birthday … on 3 March 2025"


def _years_ago(match: re.Match) -> bool:
    """True when the year of the match's ``date`` group is at least ``MIN_AGE`` years ago (a birth, not a party)."""
    return int(re.findall(r"\d{4}", match.group("date"))[-1]) <= date.today().year - MIN_AGE


@cache
def dob_regex() -> re.Pattern:
    """A date-of-birth phrase, an optional "on" or comma ("the week I was born, 3 October 1971"), then the date (group ``date``)."""
    return re.compile(rf"\b(?:{list_alternation('pii_dob_triggers')})\s*(?:on\s+|is\s+|[-—–]\s*|,\s*)?(?:the\s+)?(?P<date>{DATE})(?![\w/])", re.IGNORECASE)


@cache
def dob_later_regex() -> re.Pattern:
    """A date-of-birth phrase and, later in the same sentence (at most ``LATER_GAP`` characters on, no full stop
    between: ``SENTENCE_STOPS``), a date with its year (group ``date``): "I was born in a lay-by on the A14 near Kettering on 3 March
    1971", "my own birthday's next week — 14 November 1984", "date of birth for the insurance, so mine is 9 June 1979"."""
    return re.compile(rf"\b(?:{list_alternation('pii_dob_triggers')})\b[^{re.escape(SENTENCE_STOPS)}]{{1,{LATER_GAP}}}?(?<![\w/])(?P<date>{DATED})(?![\w/])", re.IGNORECASE)


@cache
def dob_next_regex() -> re.Pattern:
    """A date-of-birth phrase ending its sentence within ``LATER_GAP`` characters, and a date with its year as the whole
    next sentence, the answer given on its own: "Insurance renewal wants my date of birth AGAIN like they haven't had it
    for eleven years. 02/09/1986." (group ``date``)."""
    stops = re.escape(SENTENCE_STOPS)
    return re.compile(rf"\b(?:{list_alternation('pii_dob_triggers')})\b[^{stops}]{{0,{LATER_GAP}}}[{stops}]+\s*(?P<date>{DATED})(?=\s*(?:[{stops}]|$))",
                      re.IGNORECASE)


@cache
def self_regex() -> re.Pattern:
    """The writer's own words just before a date-of-birth phrase ("my", "I was", "me, born")."""
    return re.compile(rf"\b(?:{list_alternation('pii_dob_self')})\s*[,:]?\s*$", re.IGNORECASE)  # "me, born 22/11/1991"


def _said_of_self(text: str, start: int) -> bool:
    """True when the writer's own words stand just before the date-of-birth phrase at ``start`` ("I was born on …",
    "me, born 22/11/1991"), even after an animal was spoken of ("Walked the dog. I was born on 3 May 1980")."""
    return self_regex().search(text[max(0, start - 12):start]) is not None


_TO_ME = r"\s+(?:to|tae|2)\s+me\b"  # a birthday wished to oneself ("happy birthday to me", Scots "tae me")
TO_ME = re.compile(r"birthday" + _TO_ME, re.IGNORECASE)  # "Happy birthday tae me 🎂 30 today, 12 June 1995"
AGE_TODAY = re.compile(r"\b\d{1,3} today\s*,\s*$", re.IGNORECASE)  # "58 today, born 14/06/1967"
MINE = re.compile(r"\bmine(?:['’]s|\s+is|\s+was)?\s*[:,]?\s*$", re.IGNORECASE)  # "your date of birth … mine is 9 June 1979"
WISH = re.compile(r"\bhappy\s+(?:birthday|bday|b-day|\d+(?:st|nd|rd|th))\b(?!" + _TO_ME + ")"
                  r"|(?-i:\b[A-Z][\w'’-]*\s+[A-Z][\w'’-]*|\b(?:[Hh]e|[Ss]he|[Mm]y \w+|[Oo]ur \w+))\s+(?:turns|turned|is turning)\s+\d{1,3}\b", re.IGNORECASE)


def wished_someone_else(text: str, start: int) -> bool:
    """True when the post wishes someone a happy birthday before ``start`` ("Happy 70th to Kev! … born 12/05/1956") or
    says someone turns an age ("Kev Doyle turns 70 on the 3rd! Born 3 June 1955"), so a subjectless "born" after it is
    theirs; "happy birthday to me" (or Scots "tae me") and "I turn 40" are the writer's own."""
    return WISH.search(text, 0, start) is not None


def _starts_sentence(text: str, start: int) -> bool:
    """True when the phrase at ``start`` has no subject: it opens the post, a sentence, follows an emoji ("🎂 born
    11.11.88") or a label and a colon ("Fun fact: born 17.10.1983")."""
    last = last_visible(text, start)
    if last == ":":  # "Fun fact: born …" is the writer's; "Kevin's details: born …" is not
        return not someone_elses_label(text, start)
    return not last or not (last.isalnum() or last in ",;('’\"-–")


def last_visible(text: str, end: int) -> str:
    """The last character before ``end`` that is not white space ("" when there is none).

    Walks back over the white space only, so a post's findings cost time linear in its length.
    """
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i else ""


class DateOfBirthRecognizer(LocalRecognizer):
    """Dates of birth; ``recognition_metadata[LABEL_KEY]`` is ``self`` for the writer's own, else ``other``."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["DATE_OF_BIRTH"], name="DateOfBirthRecognizer")

    def load(self) -> None:
        """Nothing to load: the patterns are compiled on first use."""

    def analyze(self, text, entities, nlp_artifacts=None):
        """Every date that follows a date-of-birth phrase: right after it, or later in its sentence or opening the
        next with a year at least ``MIN_AGE`` years ago."""
        found = list(dob_regex().finditer(text))
        taken = {m.start("date") for m in found}
        for m in dob_later_regex().finditer(text):
            gap = text[m.start():m.start("date")]
            if m.start("date") not in taken and _years_ago(m) and not (NEXT_CLAUSE.search(gap) and not MINE.search(gap)):
                found.append(m)
        taken = {m.start("date") for m in found}
        found += [m for m in dob_next_regex().finditer(text) if m.start("date") not in taken and _years_ago(m)]
        return [self._result(text, m) for m in found if not an_animals_birth(text, m.start("date")) or _said_of_self(text, m.start())]

    def _result(self, text: str, match: re.Match) -> RecognizerResult:
        start = match.start()
        subjectless = _starts_sentence(text, start) or AGE_TODAY.search(text, max(0, start - 16), start)
        own = (_said_of_self(text, start) or (subjectless and not wished_someone_else(text, start))
               or MINE.search(text, max(0, match.start("date") - 12), match.start("date")) or TO_ME.match(text, start))
        owner = "self" if own else "other"
        return RecognizerResult(
            "DATE_OF_BIRTH", match.start("date"), match.end("date"), 0.85,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id, LABEL_KEY: owner},
        )
