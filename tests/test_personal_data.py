"""Personal data: Presidio's UK recognizers on the shared parse, and the clause 4.6 rules."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from linter.detect.personal_data import PersonalDataDetector, build_registry, registered_domain, domain_extractor
from linter.detect.pii_recognizers import UkNhsRecognizer, UkPhonePatternRecognizer, dob_regex
from linter.post import Post
from linter.rules import personal_data as rules

SATURDAY_EVENING = datetime(2026, 11, 21, 19, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def detector(models, demo_profile):
    """The personal-data detector over the demo profile."""
    return PersonalDataDetector(models, demo_profile)


def found(detector, models, text):
    """``(entity or link, matched text, label)`` for every mention in ``text``."""
    return [(m.entity or m.kind, m.text, m.label) for m in detector(Post.parse(text, models))]


SPANS = [
    ("Ring me on 07700 900123 tonight.", [("PHONE_NUMBER", "07700 900123", "")]),
    ("Her number is 01632 960123.", [("PHONE_NUMBER", "01632 960123", "")]),
    ("London office 020 7946 0123.", [("PHONE_NUMBER", "020 7946 0123", "")]),
    ("Text +44 7911 123456 now", [("PHONE_NUMBER", "+44 7911 123456", "")]),
    ("Call 01832734567 after six", [("PHONE_NUMBER", "01832734567", "")]),
    ("Mail jane.doe@example.co.uk today", [("EMAIL_ADDRESS", "jane.doe@example.co.uk", "")]),
    ("She lives at 14 Oundle Road now.", [("ADDRESS", "14 Oundle Road", "")]),
    ("Offices at 3 Chancery Lane.", [("ADDRESS", "3 Chancery Lane", "")]),
    ("Post it to Flat 2, 10 High Street please", [("ADDRESS", "Flat 2, 10 High Street", "")]),
    ("Sorted for NN14 4JJ and PE28 0AB", [("UK_POSTCODE", "NN14 4JJ", ""), ("UK_POSTCODE", "PE28 0AB", "")]),
    ("His NI number is JG 10 37 59 A.", [("UK_NINO", "JG 10 37 59 A", "")]),
    ("Her NI number's QQ 12 34 56 C and the form rejects it", [("UK_NINO", "QQ 12 34 56 C", "")]),
    ("Found a passport in the Plaza car park this morning, number 502871364.", [("UK_PASSPORT", "502871364", "")]),
    ("NHS number 943 476 5919 on the form", [("UK_NHS", "943 476 5919", "")]),
    ("my nhs no is 9434765919", [("UK_NHS", "9434765919", "")]),
    ("Her passport number is AB1234567.", [("UK_PASSPORT", "AB1234567", "")]),
    ("The car reg was AB51 ABC again", [("UK_VEHICLE_REGISTRATION", "AB51 ABC", "")]),
    ("Driving licence MORGA753116SM9IJ found", [("UK_DRIVING_LICENCE", "MORGA753116SM9IJ", "")]),
    ("I was born on 3 March 1985.", [("DATE_OF_BIRTH", "3 March 1985", "self")]),
    ("my birthday is 12th May", [("DATE_OF_BIRTH", "12th May", "self")]),
    ("His DOB 03/03/1985 is on file", [("DATE_OF_BIRTH", "03/03/1985", "other")]),
    ("Her date of birth: 12th May 1990", [("DATE_OF_BIRTH", "12th May 1990", "other")]),
    ("see www.thrapstontowncouncil.gov.uk/news", [("link", "www.thrapstontowncouncil.gov.uk/news", "thrapstontowncouncil.gov.uk")]),
    ("read https://www.bbc.co.uk/news/x", [("link", "https://www.bbc.co.uk/news/x", "bbc.co.uk")]),
]

TRAPS = [
    "Caught a pike at the weir this morning.",
    "Call me at 5 when you are done.",
    "Everything changes in 2024.",
    "Meet in room 101 at half past two.",
    "We drove Route 66 last summer.",
    "Upgrade to version 3.11.2 or 10.0.19045.",
    "The hall costs £1,234 a year, or £12,345,678 in total.",
    "The meeting on 3 March 2024 is cancelled.",
    "There is a stone wall along the lane.",
    "The order number is 1234567890.",
    "Reference ab51 abc in lower case is nothing.",
    "Order AB1234567 has shipped.",
    "Order ref QQ 12 34 56 C arrived today.",
    "Found a passport. Then I went home and read 502871364 pages.",
    "Scored 3 goals in 90 minutes, 2 - 1 at half time.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_exact_spans(detector, models, text, expected):
    """Each kind of personal data is found with its exact span, entity and label."""
    assert found(detector, models, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", TRAPS)
def test_traps_stay_clean(detector, models, text):
    """Numbers, dates and words that are not personal data find nothing."""
    assert [f for f in found(detector, models, text) if f[0] != "link"] == []


@pytest.mark.model
def test_url_inside_email_is_not_a_link(detector, models):
    """The domain of an e-mail address is not reported again as a link."""
    assert found(detector, models, "write to clerk@thrapstontowncouncil.gov.uk") == [
        ("EMAIL_ADDRESS", "clerk@thrapstontowncouncil.gov.uk", "")
    ]


@pytest.mark.model
def test_offsets_survive_emoji(detector, models):
    """Offsets are code points, so an emoji before a number does not shift it."""
    text = "🎉🎉 ring 07700 900123"
    [m] = detector(Post.parse(text, models))
    assert (m.start, m.end, text[m.start:m.end]) == (8, 20, "07700 900123")


def test_registry_has_only_wanted_recognizers():
    """No US-only recognizer, no spaCy NER and no generic date recognizer in the registry."""
    names = {type(r).__name__ for r in build_registry().recognizers}
    assert not names & {"UsSsnRecognizer", "UsItinRecognizer", "UsPassportRecognizer", "UsLicenseRecognizer",
                        "UsBankRecognizer", "MedicalLicenseRecognizer", "SpacyRecognizer", "DateRecognizer", "NhsRecognizer"}
    assert {"UkNinoRecognizer", "UkNhsRecognizer", "UkPostcodeRecognizer", "PhoneRecognizer", "EmailRecognizer"} <= names


@pytest.mark.parametrize(("number", "ok"), [("07700 900123", None), ("+44 (0)20 7946 0123", None), ("+44 1632 960123", None),
                                            ("0800 12", False), ("06123 456789", False)])
def test_uk_phone_shape(number, ok):
    """UK-shaped numbers have 10 or 11 national digits starting 01, 02, 03 or 07."""
    assert UkPhonePatternRecognizer().validate_result(number) is ok


@pytest.mark.parametrize(("number", "ok"), [("943 476 5919", None), ("943 476 5918", False), ("9434765919", None)])
def test_nhs_check_digit(number, ok):
    """NHS numbers are checked with python-stdnum."""
    assert UkNhsRecognizer().validate_result(number) is ok


@pytest.mark.parametrize(("text", "date"), [("born 1 Jan 1990", "1 Jan 1990"), ("DOB: 1/1/90", "1/1/90"),
                                            ("birthday's on the 3rd of June", "3rd of June"), ("born in Leeds", None)])
def test_dob_phrases(text, date):
    """A date right after a date-of-birth phrase is a date of birth."""
    m = dob_regex().search(text)
    assert (m.group("date") if m else None) == date


def test_registered_domain_offline():
    """Registered domains come from the bundled public-suffix snapshot."""
    assert registered_domain(domain_extractor(), "https://news.thrapstontowncouncil.gov.uk/a?b=1") == "thrapstontowncouncil.gov.uk"


# --- rules ---------------------------------------------------------------------------------

RULE_CASES = [
    ("Ring 07700 900123 for a lift.", "PL421", "error", "07700 900123"),
    ("Write to jane.doe@example.co.uk now.", "PL422", "error", "jane.doe@example.co.uk"),
    ("The party is at 14 Oundle Road.", "PL423", "error", "14 Oundle Road"),
    ("Delivered to NN14 6QX by mistake.", "PL424", "warning", "NN14 6QX"),
    ("His NI number is JG 10 37 59 A.", "PL424", "error", "JG 10 37 59 A"),
    ("Her DOB is 03/03/1985.", "PL425", "error", "03/03/1985"),
    ("Had a long chat with Jonathan Pennington today.", "PL420", "warning", "Jonathan Pennington"),
    ("His passport number is 123456789, found it in the hall.", "PL424", "error", "123456789"),
    ("The silver Corsa AB51 ABC has been there all week.", "PL424", "error", "AB51 ABC"),
]


def lint_codes(linter, text, **kw):
    """``(code, severity, text)`` of the personal-data warnings for ``text``."""
    codes = {r.code for r in rules.RULES}
    return [(w.code, w.severity.value, w.text) for w in linter.lint(text, at=SATURDAY_EVENING, **kw) if w.code in codes]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "severity", "span"), RULE_CASES)
def test_rule_warnings(linter, text, code, severity, span):
    """Each rule flags its entity with the documented severity and exact span."""
    assert (code, severity, span) in lint_codes(linter, text)


@pytest.mark.model
def test_own_birthday_is_not_pl425(linter):
    """The writer's own date of birth is left to clause 5.1."""
    assert not [c for c in lint_codes(linter, "My birthday is 12th May, cake please") if c[0] == "PL425"]


OWN_DATA_CASES = [
    ("Parcels for me can go to 4 Elm Close if I'm out", "personal", "PL423", False),
    ("Tom lives at 4 Elm Close now, he's having a housewarming", "personal", "PL423", True),
    ("Party at Jodie's, 4 Elm Close, from 8", "personal", "PL423", True),
    ("Birthday today 🎉 born 3 May 1990 and still going", "personal", "PL425", False),
    ("Kevin, born 3 May 1961, is retiring", "personal", "PL425", True),
    ("Hall bookings: call the office on 01832 734673.", "council", "PL421", False),
    ("Hall bookings: call the office on 07700 900123.", "council", "PL421", True),
    ("Hall bookings: call the office on 01832 734673.", "personal", "PL421", True),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "mode", "code", "flagged"), OWN_DATA_CASES)
def test_own_and_council_data(linter, text, mode, code, flagged):
    """The writer's own address or birth date and the council's office line are not someone's personal data."""
    assert any(c[0] == code for c in lint_codes(linter, text, mode=mode)) == flagged


@pytest.mark.model
def test_listed_person_not_flagged_as_unlisted(linter):
    """A name on the clerk's list is not flagged again as an unlisted name."""
    assert not [c for c in lint_codes(linter, "Lovely chat with Edith Barraclough today.") if c[0] == "PL420"]


@pytest.mark.model
def test_author_name_not_flagged(linter):
    """The author's own name is not someone else's personal data."""
    assert not [c for c in lint_codes(linter, "Posted by Jonathan Pennington", author="Jonathan Pennington") if c[0] == "PL420"]


@pytest.mark.model
def test_warning_carries_entity(linter):
    """Warnings carry the entity of the personal data they are about."""
    [w] = [w for w in linter.lint("Ring 07700 900123", at=SATURDAY_EVENING) if w.code == "PL421"]
    assert (w.entity, w.clause, w.message.startswith("07700 900123 is a phone number")) == ("PHONE_NUMBER", "4.6", True)


def pl420(linter, text, **kw):
    """The texts that PL420 flags in ``text``."""
    return [w.text for w in linter.lint(text, at=SATURDAY_EVENING, **kw) if w.code == "PL420"]


PL420_CASES = [
    ("Who else is watching the Strictly final? Come on Tasha!!", []),
    ("Asked Tyrone if he wanted to come along", []),
    ("Tyrone from number 12 left his bins out again", ["Tyrone"]),
    ("Tyrone is a total idiot, never pays on time", []),  # one unlisted word, no local cue: 4.5/4.7 speak
    ("Our Jess passed her driving test first time!!", []),
    ("Bell ringing practice at St James tonight, my arms are dead", []),
    ("Cheese scone at Helen's Pantry in Oundle, 10/10", []),
    ("Thrapston TC have got me working Saturday again", []),
    ("Mrs Brown's Boys is not funny and I will die on this hill", []),
    ("'Be kind, for everyone you meet is fighting a hard battle.' — Ian Maclaren.", []),
    ("Prince William opening the new hospital wing today", []),
    ("Got him a Thomas the Tank Engine cake for his birthday", []),
    ("The party's at Kev's, 3 Chancery Lane, from 8", ["Kev"]),
    ("Kevin Doyle's birthday today, happy birthday Kev", []),
    ("Train to Kings Cross then a sausage roll from Greggs", []),
    ("Graham Norton was hilarious on the telly tonight", []),
    ("Had a long chat with Jonathan Pennington about the bins.", ["Jonathan Pennington"]),
    ("Jonathan Pennington in the office has the radio on again", ["Jonathan Pennington"]),
    ("Happy birthday to my lovely son Jack, 10 today!", []),
    ("Twenty years married today, love you Gary", []),
    ("Congratulations on the safe arrival of baby Rosie", []),
    ("My sister Lisa Jones has moved to Leeds", ["Lisa Jones"]),
    ("Lol soz everyone, the printer died again", []),
    ("Proud Northamptonian through and through", []),
    ("Parcel went to Aldwincle PE8 5HS by mistake", []),
    ("Tyrone from work and me at the Robbie Williams gig", ["Tyrone"]),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), PL420_CASES)
def test_person_name_rule(linter, text, expected):
    """PL420 skips public figures, places and shops, and lone first names without an identifying context."""
    assert pl420(linter, text) == expected


# --- Linear time on posts dense with personal data, with the same findings as before ---

def _dense(chunks: tuple[str, ...], n: int) -> str:
    """The chunks repeated to ``n`` characters."""
    return ("".join(chunks) * (n // len("".join(chunks)) + 1))[:n]


DENSE = _dense((
    "Ring Dave on 07700 900123 or e-mail dave.smith@example.co.uk. ",
    "He lives at 14 Oundle Road, NN14 4AF and his NI number is JG 10 37 59 A. ",
    "Her DOB is 03/03/1985, NHS number 943 476 5919, see www.example.org/page. ",
    "Kevin was born on 3 March 1961; passport 533401372 and car reg AB51 ABC.\n\n  🎂 born 11.11.88 ",
), 4000)
# Own-address cues and no "he"/"she": the writer's-own label is worked out for every address.
DENSE_OWN = _dense((
    "Party invites going out! 23 Orchard Close, PE8 5LJ. ",
    "Parcels for me to 8 Mill Lane, NN14 4AF, ring 01632 960123. ",
    "Jodie's is 41 Chapel Street, Raunds.   ",
), 3000)


def _old_own_label(text, r):
    """The label as it was worked out per finding (the whole text searched each time)."""
    from linter.detect import personal_data as pd

    if r.entity_type not in pd.OWN_DATA_ENTITIES or not pd.own_address_cues().search(text):
        return ""
    return "" if pd.POSSESSIVE_NAME.search(text[: r.start]) or pd._THIRD_PERSON.search(text) else "self"


@pytest.mark.model
@pytest.mark.parametrize("text", [DENSE, DENSE_OWN], ids=["dense", "dense-own-address"])
def test_dense_post_same_findings_as_presidio_scan(detector, models, text):
    """Bisecting for each finding's token, and the once-per-post label, find what Presidio's scan and the old label found."""
    from presidio_analyzer import AnalyzerEngine

    from linter.detect.personal_data import CASE_SENSITIVE, build_registry, kept, resolve

    post = Post.parse(text, models)
    stock = AnalyzerEngine(registry=build_registry(), nlp_engine=models.nlp_engine, supported_languages=["en"])
    results = resolve(kept(stock.analyze(text, "en", nlp_artifacts=post.artifacts, score_threshold=0.0, regex_flags=CASE_SENSITIVE), text))
    want = [(r.entity_type, r.start, r.end, round(r.score, 3), (r.recognition_metadata or {}).get("postlint_label", "") or _old_own_label(text, r))
            for r in results if r.entity_type != "URL"]
    got = [(m.entity, m.start, m.end, m.score, m.label) for m in detector(post) if m.kind == "pii"]
    own = {label for entity, *_, label in got if entity in ("ADDRESS", "UK_POSTCODE")}
    assert got == want and len(got) > 100 and ("self" in own) == (text is DENSE_OWN)


@pytest.mark.model
def test_token_lookup_matches_presidio_scan(models):
    """``token_at`` finds the token Presidio's linear scan finds, for every offset of a parse."""
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from linter.detect.pii_recognizers import token_at

    text = "  Ring  07700 900123 😂😂, e-mail a.b@c.co.uk!!\n\nNN14 4AF   "
    doc = models.parse(text)
    indices = [t.idx for t in doc]
    for start in range(len(text) + 1):
        try:
            want = LemmaContextAwareEnhancer._find_index_of_match_token("w", start, doc, indices)
        except ValueError:
            with pytest.raises(ValueError):
                token_at("w", start, doc, indices)
            continue
        assert token_at("w", start, doc, indices) == want, start


def test_possessive_before_an_offset():
    """A possessive before an offset is found from the post's first one and one ending there, as a search of the prefix finds it."""
    import random

    from linter.detect.personal_data import POSSESSIVE_NAME, possessive_ends_at

    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice("Aa' s’xZé_1b.") for _ in range(rng.randrange(0, 12)))
        first = POSSESSIVE_NAME.search(text)
        first_end = first.end() if first else len(text) + 1
        for start in range(len(text) + 1):
            assert (first_end <= start or possessive_ends_at(text, start)) == bool(POSSESSIVE_NAME.search(text[:start])), (text, start)


@pytest.mark.parametrize(("text", "end", "last"), [
    ("", 0, ""), ("   ", 3, ""), ("ab  \n", 5, "b"), ("🎂 born", 2, "🎂"), ("x, born", 3, ","),
])
def test_last_visible(text, end, last):
    """The last character before an offset that is not white space."""
    from linter.detect.pii_recognizers import last_visible

    assert last_visible(text, end) == last


def test_council_contact_tail_is_bounded():
    """The council-line check searches a bounded tail and finds what a search of the whole prefix finds."""
    from linter.rules.personal_data import _COUNCIL_CONTACT, _tail_start

    texts = ["Plots to rent: call the office on ", "ring   the\n\n town   hall  on ", "contact us - ", "x" * 500 + " call us on ",
             "telephone the reception, open 9 to 5, on ", "call the office. Or on "]
    for text in texts:
        for end in range(len(text) + 1):
            whole = bool(_COUNCIL_CONTACT.search(text[:end]))
            assert bool(_COUNCIL_CONTACT.search(text, _tail_start(text, end), end)) == whole, (text, end)
    assert _tail_start("x" * 500 + " call us on ", 512) > 400


@pytest.mark.model
@pytest.mark.parametrize(("text", "codes"), [
    ("me, born 22/11/1991, still can't fold a fitted sheet", ["PL511"]),
    ("Happy birthday to our Kev, born 22/11/1961, legend", ["PL425"]),
])
def test_a_date_of_birth_after_me_and_a_comma_is_the_writers_own(linter, text, codes):
    """'me, born <date>' is the writer's own (5.1), not someone else's (4.6); another's stays 4.6."""
    found = [w.code for w in linter.lint(text, at=SATURDAY_EVENING) if w.code in ("PL425", "PL511")]
    assert sorted(set(found)) == codes
