"""Personal data in a post, found by Presidio's recognizers on the shared parse, tuned for the UK.

One ``RecognizerRegistry`` is built per detector with exactly the recognizers postlint wants:
e-mail, URL, GB phone numbers (Presidio's PhoneRecognizer for GB plus a pattern for UK-shaped
numbers, so drama-range numbers count too), the UK identifiers (NINO, NHS, passport, driving
licence, vehicle registration, postcode), street addresses and dates of birth. US-only
recognizers, spaCy's NER recognizer and the generic date recognizer are left out. Presidio
never parses: it is handed ``post.artifacts``, the NlpArtifacts of the shared spaCy parse.

Mentions: kind ``pii`` with ``entity`` set (``label`` is ``self``/``other`` for a date of
birth), and kind ``link`` for every URL or bare domain (``label`` is the registered domain);
this detector is the single source of link mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .mention import Mention
from .pii_recognizers import (
    LABEL_KEY,
    UK_PHONE_CONTEXT,
    DateOfBirthRecognizer,
    StreetAddressRecognizer,
    UkNhsRecognizer,
    UkPhonePatternRecognizer,
)

# Lowest score kept per entity; passport and vehicle patterns also need a context word.
THRESHOLDS = {
    "EMAIL_ADDRESS": 0.4, "URL": 0.4, "PHONE_NUMBER": 0.4, "ADDRESS": 0.5, "UK_POSTCODE": 0.1,
    "UK_NINO": 0.4, "UK_NHS": 0.45, "UK_PASSPORT": 0.4, "UK_DRIVING_LICENCE": 0.5,
    "UK_VEHICLE_REGISTRATION": 0.4, "DATE_OF_BIRTH": 0.5,
}
NEEDS_CONTEXT = {
    "UK_PASSPORT": ("passport", "travel document", "hmpo"),
    "UK_VEHICLE_REGISTRATION": ("reg", "registration", "number plate", "plate", "car", "van", "vehicle", "dvla", "v5c", "parked", "parking"),
}
CONTEXT_WINDOW = 40  # characters before a finding that are searched for its context words
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
        UkNinoRecognizer(), UkNhsRecognizer(), UkPassportRecognizer(), UkDrivingLicenceRecognizer(),
        UkVehicleRegistrationRecognizer(), UkPostcodeRecognizer(),
        StreetAddressRecognizer(), DateOfBirthRecognizer(),
    ], supported_languages=["en"])


def build_analyzer(models):
    """An AnalyzerEngine sharing the loaded NLP engine, over ``build_registry()``."""
    from presidio_analyzer import AnalyzerEngine

    return AnalyzerEngine(registry=build_registry(), nlp_engine=models.nlp_engine, supported_languages=["en"])


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
        for r in resolve(kept(results, post.text)):
            yield self.mention(post.text, r)

    def mention(self, text: str, result) -> Mention:
        """A Presidio result as a mention (a link for a URL)."""
        found = text[result.start:result.end]
        if result.entity_type == "URL":
            return Mention("link", result.start, result.end, found, label=registered_domain(self.extract, found), score=result.score, evidence="url")
        label = (result.recognition_metadata or {}).get(LABEL_KEY, "")
        return Mention("pii", result.start, result.end, found, label=label, entity=result.entity_type,
                       score=round(result.score, 3), evidence=(result.recognition_metadata or {}).get("recognizer_name", ""))


def kept(results, text: str) -> list:
    """Results above their entity's threshold, with a context word where the entity needs one."""
    out = []
    for r in results:
        if r.score < THRESHOLDS.get(r.entity_type, 1.1):
            continue
        if r.entity_type in NEEDS_CONTEXT and not has_context(text, r.start, NEEDS_CONTEXT[r.entity_type]):
            continue
        out.append(r)
    return out


def has_context(text: str, start: int, words) -> bool:
    """True when one of ``words`` appears (as whole words) shortly before ``start``."""
    window = text[max(0, start - CONTEXT_WINDOW):start].lower()
    return any(re.search(rf"\b{re.escape(w)}\b", window) for w in words)


def resolve(results) -> list:
    """One finding per overlapping group: the higher-priority entity, then the longer span."""
    rank = {e: i for i, e in enumerate(PRIORITY)}
    best = sorted(results, key=lambda r: (rank.get(r.entity_type, len(rank)), r.start - r.end, r.start))
    out: list = []
    for r in best:
        if not any(r.start < o.end and o.start < r.end for o in out):
            out.append(r)
    return sorted(out, key=lambda r: (r.start, r.end))


def registered_domain(extract, url: str) -> str:
    """The registered domain of a URL or bare domain ("thrapstontowncouncil.gov.uk"), lower case."""
    parts = extract(url.strip("'\"").lower())
    top = getattr(parts, "top_domain_under_public_suffix", None) or parts.registered_domain
    return top or parts.fqdn or url.lower()
