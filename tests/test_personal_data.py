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


@pytest.mark.model
@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.name)
def test_docstring_examples(linter, rule):
    """Every ``Flagged:`` line raises the rule and every ``Okay:`` line does not."""
    examples = rule.examples()
    assert any(k == "Flagged" for k, _, _ in examples) and any(k == "Okay" for k, _, _ in examples)
    for kind, opts, text in examples:
        found = linter.lint(text, mode=opts.get("mode", "personal"), at=SATURDAY_EVENING, author=opts.get("author"))
        hit = any(w.code == rule.code for w in found)
        assert hit == (kind == "Flagged"), f"{kind}: {text}"


def pl420(linter, text, **kw):
    """The texts that PL420 flags in ``text``."""
    return [w.text for w in linter.lint(text, at=SATURDAY_EVENING, **kw) if w.code == "PL420"]


PL420_CASES = [
    ("Who else is watching the Strictly final? Come on Tasha!!", []),
    ("Asked Tyrone if he wanted to come along", []),
    ("Tyrone from number 12 left his bins out again", ["Tyrone"]),
    ("Tyrone is a total idiot, never pays on time", ["Tyrone"]),
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
