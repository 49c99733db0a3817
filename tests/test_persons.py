"""Unlisted person names: spaCy's PERSON entities plus rules for social-media text."""

from __future__ import annotations

import pytest

from linter.detect.person_context import ContextLists, family_pattern
from linter.detect.persons import PersonNameDetector, handle_like, name_shaped
from linter.post import Post


@pytest.fixture(scope="module")
def detector(models, demo_profile):
    """The person-name detector over the demo profile."""
    return PersonNameDetector(models, demo_profile)


def names(detector, models, text):
    """The texts of the person mentions found in ``text``."""
    return [m.text for m in detector(Post.parse(text, models))]


NAMES = [
    ("Had a long chat with Jonathan Pennington about the bins.", ["Jonathan Pennington"]),
    ("Mrs Pennington was not happy this morning.", ["Mrs Pennington"]),
    ("RT Boris Johnson attacks Government over reforms", ["Boris Johnson"]),
    ("Congrats Heath Ledger on the award", ["Heath Ledger"]),
    ("Dr. Okonkwo saw me at the surgery", ["Dr. Okonkwo"]),
    ("Nadal broke serve again ! Nadal has got this !", ["Nadal", "Nadal"]),
    ("Ouch the boos for Nicola are bad ! # CBB", ["Nicola"]),
    ("I thought mark wright was supposed to be presenting take me out now ?", ["mark wright"]),
    ("Asked daniel if he wanted to come along", ["daniel"]),
    ("Birmingham City : Will Colin Doyle stay or go ? # bcfc # birminghamcity # blues # goalie", ["Colin Doyle"]),
    ("If rumours are to be believed Sharp wants up to 30k pw , Lambert on 18k .", ["Lambert"]),
    ("Had a chat with Cllr Hill about the park", ["Cllr Hill"]),
]

CLEAN = [
    "Caught a pike at the weir this morning.",
    "Will you come to the match on Saturday?",
    "#FF @SamSmith_99 thanks for the follow",
    "Loving the new Kindle http://t.co/AbCdEf12",
    "I JUST LOST ALL MY MUSIC ON MY PLAYLIST",
    "Alesan kenapa mlm kita lbh srg galau karena otak lebih aktif di malam hari",
    "Mother Nature has been kind to the allotments this year.",
    "Match Of The Day is on tonight.",
    "Meeting on 20 Jan at the library",
    "Drinks at Lewisham Way tonight, tickets on the door",
    "Grimsby Jobs : Local Business Manager - Grimsby",
    "Meet me on Dean street at eight",
    "built a stone wall by the long road",
    "will you come to mark the day",
    "First pet: Mr Pickles the hamster.",
    "Marmalade the hamster has escaped again.",
    "my first pet was Mr Whiskers, a tabby",
    "Security question: name of your first pet. Mine was Mr Whiskers. Go on then, hack my bank account lol",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_names_found(detector, models, text, expected):
    """Person names are found with exact spans, trimmed of RT, greetings and punctuation."""
    assert names(detector, models, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", CLEAN)
def test_not_names(detector, models, text):
    """Handles, hashtags, links, shouting, foreign text and ordinary words are not names."""
    assert names(detector, models, text) == []


@pytest.mark.model
def test_mentions_have_person_entity(detector, models):
    """Mentions are kind ``person`` with entity PERSON and a score."""
    [m] = detector(Post.parse("Had a long chat with Jonathan Pennington today.", models))
    assert (m.kind, m.entity, 0 < m.score <= 1) == ("person", "PERSON", True)


@pytest.mark.model
def test_lone_first_name_scores_low(detector, models):
    """A first name alone is only worth a second look (a low score)."""
    mentions = list(detector(Post.parse("Asked Tyrone if he wanted to come along", models)))
    assert [(m.text, m.score < 0.6) for m in mentions] == [("Tyrone", True)]


@pytest.mark.parametrize(("text", "handle"), [("SamSmith_99", True), ("jakclark95", True), ("RFleeshman", True),
                                              ("McDonald", False), ("O'Neill", False), ("DiCaprio", False), ("Smith", False)])
def test_handle_like(text, handle):
    """Handles have digits, underscores or camelCase; Mc/Mac/O'/Di names do not count."""
    assert handle_like(text) is handle


@pytest.mark.parametrize(("text", "shaped"), [("Smith-Jones", True), ("O'Neill", True), ("J.", True), ("#FF", False), ("2nd", False), ("-", False)])
def test_name_shaped(text, shaped):
    """Name words are letters with inner apostrophes, hyphens or a final full stop."""
    assert name_shaped(text) is shaped


NOT_PEOPLE = [
    "train to Kings Cross cancelled again, 45 mins on the platform",
    "Anyone else stuck at Milton Keynes this morning?",
    "Highly recommend the new Greggs festive bake",
    "Which is better, Pret or Costa?",
    "Fireworks at the park tonight were brilliant",
    "Her DOB is on the form somewhere",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_places_and_brands_are_not_names(detector, models, text):
    """Whole UK place names, high-street brands and plural ordinary words are not names."""
    assert names(detector, models, text) == []


def labels(detector, models, text):
    """``(text, label)`` of the person mentions found in ``text``."""
    return [(m.text, m.label) for m in detector(Post.parse(text, models))]


LABELS = [
    ("Who else is watching the Strictly final? Come on Tasha!!", [("Tasha", "public")]),
    ("Reading Wolf Hall again. Hilary Mantel was just on another level", [("Hilary Mantel", "public")]),
    ("Harry Kane with another hat-trick, what a player", [("Harry Kane", "public")]),
    ("The Jonathan Pennington Show is on tonight", [("Jonathan Pennington", "public")]),
    ("Stephen Fry was brilliant on Radio 4 this morning", [("Stephen Fry", "public")]),
    ("Jonathan Pennington in the office has the radio on again", [("Jonathan Pennington", "local")]),
    ("Had a long chat with Jonathan Pennington about the bins.", [("Jonathan Pennington", "")]),
    ("Lovely afternoon. Had tea with Jonathan Pennington after.", [("Jonathan Pennington", "")]),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_public_and_local_labels(detector, models, text, expected):
    """Public figures (known, a show's title, or screen/book/sport context nearby) and local people are labelled."""
    assert labels(detector, models, text) == expected


@pytest.mark.model
def test_possessive_first_name_is_a_name(detector, models):
    """A first name with a possessive is a name even when it is also a word ("Holly's")."""
    assert names(detector, models, "Holly's NI number is on the form") == ["Holly"]


FAMILY_CASES = [
    ("Happy birthday to my wonderful husband ", True),
    ("Congratulations on the arrival of baby ", True),
    ("Twenty years today, love you ", True),
    ("me nan ", True),
    ("Had a chat with ", False),
    ("My colleague ", False),
]


@pytest.mark.parametrize(("before", "expected"), FAMILY_CASES)
def test_family_pattern(before, expected):
    """The text before a relative's first name ends in a kinship frame."""
    pattern = family_pattern(["husband", "nan", "baby", "son"])
    assert bool(pattern.search(before)) == expected


@pytest.mark.parametrize(("word", "expected"), [("bedfordian", True), ("londoner", True), ("bedford", False), ("dickens", False)])
def test_demonym(word, expected):
    """A UK place with a people-of suffix is a demonym, not a name."""
    assert ContextLists(places=frozenset({"bedford", "london"})).is_demonym(word) == expected
