"""Personal data in a post, found by Presidio's recognizers on the shared parse, tuned for the UK.

One ``RecognizerRegistry`` is built per detector with exactly the recognizers postlint wants:
e-mail, URL, GB phone numbers (Presidio's PhoneRecognizer for GB plus a pattern for UK-shaped
numbers, so drama-range numbers count too), the UK identifiers (NINO, NHS, passport, driving
licence, vehicle registration, postcode), street addresses and dates of birth. US-only
recognizers, spaCy's NER recognizer and the generic date recognizer are left out. Presidio
never parses: it is handed ``post.artifacts``, the NlpArtifacts of the shared spaCy parse.

Mentions: kind ``pii`` with ``entity`` set (``label`` is ``self``/``other`` for a date of
birth, and ``self`` for a street address or postcode in a post that gives it as the writer's
own: a word of ``pii_own_address`` such as "for me", "my place", "party invites", with no
name's possessive before it and no "he", "she", "they" or "lives" in the post), and kind ``link`` for every URL or bare domain (``label`` is the registered domain);
this detector is the single source of link mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from ..assets import read_lines
from ..spans import non_overlapping
from .mention import Mention
from .pii_recognizers import (
    LABEL_KEY,
    BisectContextEnhancer,
    UK_PHONE_CONTEXT,
    DateOfBirthRecognizer,
    StreetAddressRecognizer,
    UkNhsLabelledRecognizer,
    UkNhsRecognizer,
    UkNinoLabelledRecognizer,
    UkPassportNumberRecognizer,
    UkPhonePatternRecognizer,
)

# Lowest score kept per entity; passport and vehicle patterns also need a context word nearby.
THRESHOLDS = {
    "EMAIL_ADDRESS": 0.4, "URL": 0.4, "PHONE_NUMBER": 0.4, "ADDRESS": 0.5, "UK_POSTCODE": 0.1,
    "UK_NINO": 0.4, "UK_NHS": 0.45, "UK_PASSPORT": 0.4, "UK_DRIVING_LICENCE": 0.5,
    "UK_VEHICLE_REGISTRATION": 0.4, "DATE_OF_BIRTH": 0.5,
}
PASSPORT_CONTEXT = ("passport", "travel document", "hmpo")
CONTEXT_WINDOW = 80  # characters either side of a finding, within its sentence, searched for its context words
# When two findings overlap, the earlier entity in this list wins.
PRIORITY = ("EMAIL_ADDRESS", "UK_NINO", "UK_NHS", "UK_DRIVING_LICENCE", "UK_PASSPORT", "PHONE_NUMBER",
            "DATE_OF_BIRTH", "ADDRESS", "UK_POSTCODE", "UK_VEHICLE_REGISTRATION", "URL")
CASE_SENSITIVE = re.DOTALL | re.MULTILINE  # postcodes, plates and passports are written in capitals


def build_registry():
    """A registry holding exactly the recognizers postlint wants, for English."""
    from presidio_analyzer import RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import (
        EmailRecognizer, NhsRecognizer, PhoneRecognizer, UkDrivingLicenceRecognizer, UkNinoRecognizer,
        UkPassportRecognizer, UkPostcodeRecognizer, UkVehicleRegistrationRecognizer, UrlRecognizer,
    )

    del NhsRecognizer  # Presidio's NHS recognizer scores any valid checksum 1.0; ours needs context
    return RecognizerRegistry(recognizers=[
        EmailRecognizer(), UrlRecognizer(),
        PhoneRecognizer(supported_regions=("GB",), context=UK_PHONE_CONTEXT), UkPhonePatternRecognizer(),
        UkNinoRecognizer(), UkNinoLabelledRecognizer(), UkNhsRecognizer(), UkNhsLabelledRecognizer(), UkPassportRecognizer(), UkPassportNumberRecognizer(), UkDrivingLicenceRecognizer(),
        UkVehicleRegistrationRecognizer(), UkPostcodeRecognizer(),
        StreetAddressRecognizer(), DateOfBirthRecognizer(),
    ], supported_languages=["en"])


def build_analyzer(models):
    """An AnalyzerEngine sharing the loaded NLP engine, over ``build_registry()``."""
    from presidio_analyzer import AnalyzerEngine

    return AnalyzerEngine(registry=build_registry(), nlp_engine=models.nlp_engine, supported_languages=["en"],
                          context_aware_enhancer=BisectContextEnhancer())


def domain_extractor():
    """tldextract with the bundled public-suffix snapshot only (never the network)."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class PersonalDataDetector:
    """Finds personal data (kind ``pii``) and links (kind ``link``) in a post."""

    def __init__(self, models, profile):
        self.analyzer = build_analyzer(models)
        self.extract = domain_extractor()

    def __call__(self, post) -> Iterator[Mention]:
        """Every kept finding, as a mention."""
        results = self.analyzer.analyze(
            post.text, "en", nlp_artifacts=post.artifacts, score_threshold=0.0, regex_flags=CASE_SENSITIVE,
        )
        own = own_address_cue(post.text)
        for r in resolve(kept(results, post.text)):
            yield self.mention(post.text, r, own)

    def mention(self, text: str, result, own) -> Mention:
        """A Presidio result as a mention (a link for a URL); ``own`` is the post's ``own_address_cue``."""
        found = text[result.start:result.end]
        if result.entity_type == "URL":
            return Mention("link", result.start, result.end, found, label=registered_domain(self.extract, found), score=result.score, evidence="url")
        label = (result.recognition_metadata or {}).get(LABEL_KEY, "")
        label = label or ("self" if result.entity_type in OWN_DATA_ENTITIES and own(result.start) else "")
        return Mention("pii", result.start, result.end, found, label=label, entity=result.entity_type,
                       score=round(result.score, 3), evidence=(result.recognition_metadata or {}).get("recognizer_name", ""))


def needs_context() -> dict[str, tuple[str, ...]]:
    """The context words a passport number or a number plate needs nearby (``pii_vehicle_context``)."""
    return {"UK_PASSPORT": PASSPORT_CONTEXT, "UK_VEHICLE_REGISTRATION": read_lines("pii_vehicle_context")}


def kept(results, text: str) -> list:
    """Results above their entity's threshold, with a context word where the entity needs one, and a number plate
    with any letters in capitals ("70s and 80s stuff" at a car boot is no plate)."""
    out, context = [], needs_context()
    for r in results:
        if r.score < THRESHOLDS.get(r.entity_type, 1.1):
            continue
        if r.entity_type in context and not has_context(text, r.start, r.end, context[r.entity_type]):
            continue
        if r.entity_type == "UK_VEHICLE_REGISTRATION" and any(c.islower() for c in text[r.start:r.end]):
            continue
        out.append(r)
    return out


def has_context(text: str, start: int, end: int, words) -> bool:
    """True when one of ``words`` appears (as whole words) in the finding's sentence, at most ``CONTEXT_WINDOW``
    characters before ``start`` or after ``end`` ("Found a passport in the car park this morning, number 502871364")."""
    before = _SENTENCE_END.split(text[max(0, start - CONTEXT_WINDOW):start])[-1]
    after = _SENTENCE_END.split(text[end:end + CONTEXT_WINDOW])[0]
    window = f"{before} {after}".lower()
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", window) for w in words)


_SENTENCE_END = re.compile(r"[.!?]+\s+")  # a stop and a space: "3.5 miles" and "gov.uk" stay whole


def resolve(results) -> list:
    """One finding per overlapping group: the higher-priority entity, then the longer span."""
    rank = {e: i for i, e in enumerate(PRIORITY)}
    best = non_overlapping(results, priority=lambda r: (rank.get(r.entity_type, len(rank)), r.start - r.end, r.start),
                           span=lambda r: (r.start, r.end))
    return sorted(best, key=lambda r: (r.start, r.end))


OWN_DATA_ENTITIES = frozenset({"ADDRESS", "UK_POSTCODE"})
# "It's 5 Nene View" is no one's possessive: a capitalised word before 's that is a pronoun's contraction.
CONTRACTED = ("It", "That", "There", "Here", "What", "Who", "Where", "When", "How", "Let", "He", "She")
POSSESSIVE_NAME = re.compile(rf"\b(?!(?:{'|'.join(CONTRACTED)})['’])[A-Z][a-z]+['’]s?(?!\w)")
_THIRD_PERSON = re.compile(r"\b(?:he|she|they|his|her|their|him|them|lives|living at)\b|['’]s\s+(?:new\s+)?(?:house|place|flat|address)\b", re.IGNORECASE)


@cache
def own_address_cues() -> re.Pattern:
    """The words that make an address in the post the writer's own (``pii_own_address``)."""
    cues = sorted((re.escape(c).replace(r"\ ", r"\s+") for c in read_lines("pii_own_address")), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(cues)})(?!\w)", re.IGNORECASE)


def own_address_cue(text: str) -> Callable[[int], bool]:
    """Whether the post's words give an address or postcode starting at an offset as the writer's own.

    A cue of ``pii_own_address`` in the post, no "he", "she", "they" or "lives" in it, and no
    name's possessive ("Jodie's") before the address. The post-wide parts are worked out once,
    so a post dense with addresses costs linear time: a possessive before ``start`` is either
    the post's first one (ending by ``start``) or one that ends right at ``start``.
    Only a cue: ``linter.rules.personal_data.own_addresses`` decides whose address it is.
    """
    if not own_address_cues().search(text) or _THIRD_PERSON.search(text):
        return lambda start: False
    first = POSSESSIVE_NAME.search(text)
    first_end = first.end() if first else len(text) + 1
    return lambda start: not (first_end <= start or possessive_ends_at(text, start))


def possessive_ends_at(text: str, end: int) -> bool:
    """True when ``text[:end]`` ends with a name's possessive (``POSSESSIVE_NAME`` ending at ``end``)."""
    quote = end - 2 if text[end - 1:end] == "s" else end - 1
    if quote < 1 or text[quote] not in "'’":
        return False
    first = quote
    while first > 0 and "a" <= text[first - 1] <= "z":
        first -= 1
    if first == quote or first == 0 or not "A" <= text[first - 1] <= "Z" or text[first - 1:quote] in CONTRACTED:
        return False
    before = text[first - 2:first - 1]
    return not (before.isalnum() or before == "_")  # the pattern's \b


def registered_domain(extract, url: str) -> str:
    """The registered domain of a URL or bare domain ("thrapstontowncouncil.gov.uk"), lower case."""
    parts = extract(url.strip("'\"").lower())
    top = getattr(parts, "top_domain_under_public_suffix", None) or parts.registered_domain
    return top or parts.fqdn or url.lower()
