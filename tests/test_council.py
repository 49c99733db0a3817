"""The council detector: the profile's council in every form it is written, and nothing else."""

from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from linter.detect.blocked_links import BlockedLinkDetector
from linter.detect.council import CouncilDetector, domain_regex, keep_longest, town_council_regexes
from linter.detect.mention import Mention


@pytest.fixture(scope="module")
def council(demo_profile):
    """The council detector for the demo profile (it reads only the text, no model)."""
    return CouncilDetector(None, demo_profile)


def found(detector, text):
    """``(label, text)`` for every mention the detector finds."""
    return [(m.label, m.text) for m in detector(SimpleNamespace(text=text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Thrapston Town Council's bins", [("name", "Thrapston Town Council")]),
    ("Proud of #ThrapstonTownCouncil", [("name", "#ThrapstonTownCouncil")]),
    ("thrapston town council", [("name", "thrapston town council")]),
    ("TTC fixed it", [("alias", "TTC")]),
    ("Doing the minutes for TTC.", [("alias", "TTC")]),
    ("Minutes for T.T.C. tonight", [("alias", "T.T.C.")]),
    ("#TTC rocks", [("alias", "#TTC")]),
    ("go thrapston tc!", [("alias", "thrapston tc")]),
    ("Thrapston Council again", [("alias", "Thrapston Council")]),
    ("Pop into 77 High Street, Thrapston, NN14 4JJ", [("address", "77 High Street, Thrapston, NN14 4JJ")]),
    ("send it to 77 High Street please", [("address", "77 High Street")]),
    ("postcode nn144jj", [("address", "nn144jj")]),
    ("walk down Huntingdon Road", [("place", "Huntingdon Road")]),
    ("@ThrapstonTC your website is a maze", [("alias", "@ThrapstonTC")]),
    ("@DanOkafor_TTC mate you owe me a pint", [("alias", "TTC")]),
    ("It says 'Thrapston Town Cuncil' on page 1", [("name", "Thrapston Town Cuncil")]),
    ("Thrapston Twon Council meeting", [("name", "Thrapston Twon Council")]),
])
def test_names_aliases_address_places(council, text, expected):
    """Name, aliases, address parts and places are found with exact spans."""
    assert found(council, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("mail clerk@thrapstontowncouncil.gov.uk now", [("email-domain", "clerk@thrapstontowncouncil.gov.uk")]),
    ("CLERK@ThrapstonTownCouncil.GOV.UK", [("email-domain", "CLERK@ThrapstonTownCouncil.GOV.UK")]),
    ("see https://www.ThrapstonTownCouncil.gov.uk/minutes.", [("web-domain", "https://www.ThrapstonTownCouncil.gov.uk/minutes")]),
    ("thrapstontowncouncil dot gov dot uk", [("web-domain", "thrapstontowncouncil dot gov dot uk")]),
    ("clerk at thrapstontowncouncil [dot] gov [dot] uk", [("email-domain", "clerk at thrapstontowncouncil [dot] gov [dot] uk")]),
    ("my @thrapstontowncouncil.gov.uk address", [("email-domain", "@thrapstontowncouncil.gov.uk")]),
    ("Email me at work, dan.okafor @ thrapstontowncouncil . gov . uk", [("email-domain", "dan.okafor @ thrapstontowncouncil . gov . uk")]),
    ("www . thrapston town council . gov . uk", [("web-domain", "thrapston town council . gov . uk")]),
    ("thrapston-town-council.gov.uk has it", [("web-domain", "thrapston-town-council.gov.uk")]),
    ("it's thrapstontowncouncl.gov.uk/planning not .com", [("web-domain", "thrapstontowncouncl.gov.uk/planning")]),
    ("mail s.whitlock@thrapstontowncouncil.co.uk", [("email-domain", "s.whitlock@thrapstontowncouncil.co.uk")]),
])
def test_domains_in_any_form(council, text, expected):
    """The mail and web domain are found in any case, in addresses, links and obfuscated."""
    assert found(council, text) == expected


@pytest.mark.parametrize("text", [
    "My council tax went up again.",
    "Northamptonshire County Council are resurfacing the road.",
    "the ttc timetable in Toronto",
    "#TTC month 9 and hopeful",
    "#TTC_journey day 40",
    "clerk@ThrapstonTC.example is no handle",
    "raundstowncouncil.gov.uk is the next town's site",
    "Thrapston Town Centre was busy",
    "Thrapstonian pride",
    "Thrapston Town Councillors' surgery",
    "thrapstontowncouncil.gov.ukx",
])
def test_other_councils_and_words_are_not_this_council(council, text):
    """General senses of council, other councils and look-alike words are not matched."""
    assert [(label, t) for label, t in found(council, text) if label != "place"] == []


def test_domain_regex_needs_whole_labels():
    """A domain inside a longer host name is not the council's domain."""
    assert not domain_regex("thrapstontowncouncil.gov.uk").search("notthrapstontowncouncil.gov.uk.evil")
    assert domain_regex("thrapstontowncouncil.gov.uk").search("THRAPSTONTOWNCOUNCIL . GOV . UK")


def test_domain_regex_spaces_out_only_the_council_name():
    """The run-together name may be spaced out again, and every label spelt out letter by letter; nothing else."""
    regex = domain_regex("thrapstontowncouncil.gov.uk", name="Thrapston Town Council")
    assert regex.search("thrapston town council . gov . uk")
    assert not regex.search("thrapstontowncouncil . g ov . uk")
    assert regex.search("t h r a p s t o n t o w n c o u n c i l . g o v . u k")  # spelt out letter by letter
    assert not domain_regex("thrapstontowncouncil.gov.uk").search("thrapston town council.gov.uk")


def test_keep_longest_prefers_the_longer_mention():
    """Of two overlapping mentions the longer one is kept."""
    short, long = Mention("council", 0, 9, "Thrapston", "place"), Mention("council", 0, 22, "Thrapston Town Council", "name")
    assert keep_longest([short, long]) == [long]


@pytest.mark.parametrize(("text", "expected"), [
    ("look https://www.pornhub.com/view?x=1.", [("https://www.pornhub.com/view?x=1", "pornhub.com")]),
    ("bets at bet365.com tonight", [("bet365.com", "bet365.com")]),
    ("at royalcasino-online.net", [("royalcasino-online.net", "casino")]),
    ("gossipthrapston.example/latest", [("gossipthrapston.example/latest", "profile")]),
    ("recipe at https://www.bbc.co.uk/food", []),
    ("I bet the rain stops. e.g. later", []),
])
def test_blocked_links(demo_profile, text, expected):
    """Blocked links: built-in domains, keywords and the clerk's list; ordinary links are fine."""
    detector = BlockedLinkDetector(None, demo_profile)
    assert [(m.text, m.evidence) for m in detector(SimpleNamespace(text=text))] == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "spans"), [
    ("Petty cash is 40p out again, back at work tomorrow to sort it.", [("PL110", "Petty cash")]),
    ("Admin at TTC. Spent my whole Friday on the asset register.",
     [("PL110", "Spent my whole Friday on the asset register")]),
    ("Half the petty cash has gone walkabout.", []),
    ("Emptying 27 dog bins round Thrapston in the rain.", [("PL104", "Emptying 27 dog bins"), ("PL110", "Emptying 27 dog bins")]),
    ("The pool has a closed session for the swimming club on Thursdays.", []),
])
def test_council_work_spans(linter, text, spans):
    """Council work is flagged (clause 4.2) with exact spans; with a local place it also hints the council (4.1)."""
    found = linter.lint(text, mode="personal", at=datetime(2026, 11, 21, 19, 0, tzinfo=timezone.utc))
    assert [(w.code, w.text) for w in found if w.code in ("PL104", "PL110")] == spans


@pytest.mark.parametrize(("text", "expected"), [
    ("a certain Thrapston councillor", [("alias", "Thrapston")]),
    ("Thrapston's little town council", [("alias", "Thrapston's little town council")]),
    ("Thrapston's council chairman", [("alias", "Thrapston's council")]),
    ("Thrapston Town Council's bins", [("name", "Thrapston Town Council")]),
    ("strimming in Thrapston for the council", [("place", "Thrapston")]),
])
def test_the_council_named_by_its_town(council, text, expected):
    """The town and a council word after it name the council; a longer form of the name wins, and "for the council"
    after the town is the town, not a name."""
    assert found(council, text) == expected


def test_the_town_is_the_name_without_its_council_words():
    """Any profile's town: "Oundle Parish Council" gives "Oundle councillors"; a name that is only "Council" gives none."""
    named, councillor = town_council_regexes("Oundle Parish Council")
    assert councillor.search("two Oundle councillors").group() == "Oundle"
    assert named.search("Oundle's tiny parish council").group() == "Oundle's tiny parish council"
    assert town_council_regexes("Council") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Viewing day at the saleroom, 77 High Street, Oundle, from 10", []),
    ("Drop it at 77 High St, Corby Glen please", []),
    ("Pop in to 77 High Street, Thrapston, from 10", [("address", "77 High Street")]),
    ("Pop in to 77 High St on Saturday", [("address", "77 High St")]),
    ("77 High Street, Saturday at 10", [("address", "77 High Street")]),
])
def test_the_street_line_in_another_town_is_not_the_councils(council, text, expected):
    """The council's street line followed by another town is that town's street; its own town, a day or nothing
    after it is the council's."""
    assert [f for f in found(council, text) if f[0] == "address"] == expected


def test_the_councils_town_is_read_from_its_name():
    """One reading of the town serves the town's council regexes and the council's own places: a town of two words
    stays whole, so "77 High Street, St Neots" is never another town's street for St Neots Town Council."""
    from linter.detect.council import council_town

    assert council_town("Thrapston Town Council") == "Thrapston"
    assert council_town("St Neots Town Council") == "St Neots"
    assert council_town("Council") == ""
