"""The phrase detector: the pattern language, and each list's phrases with exact spans and traps."""

from __future__ import annotations

import pytest

from linter.detect.phrases import PhraseDetector, compile_pattern, parse_line, regex_mentions
from linter.post import Post


def test_compile_literals_alternatives_and_options():
    """Words become LOWER tokens; ``|`` alternatives; ``?`` doubles the patterns."""
    assert compile_pattern("off the record") == [[{"LOWER": "off"}, {"LOWER": "the"}, {"LOWER": "record"}]]
    assert compile_pattern("a|b c?") == [[{"LOWER": {"IN": ["a", "b"]}}, {"LOWER": "c"}], [{"LOWER": {"IN": ["a", "b"]}}]]


def test_compile_apostrophes_specials_and_multiword():
    """``'s`` also matches the curly apostrophe; ``$NUM``/``$TITLE``/``+``; ``a_b`` is two tokens."""
    assert compile_pattern("'s") == [[{"LOWER": {"IN": ["'s", "\u2019s"]}}]]
    assert compile_pattern("$TITLE+ $NUM") == [[{"IS_TITLE": True, "OP": "+"}, {"LIKE_NUM": True}]]
    assert compile_pattern("x|last_night") == [[{"LOWER": "x"}], [{"LOWER": "last"}, {"LOWER": "night"}]]


def test_compile_sets_with_several_words():
    """A ``$set`` gives one token for its single words and a sequence for each longer entry."""
    sets = {"role": ("clerk", "town clerk")}
    assert compile_pattern("the $role", sets) == [
        [{"LOWER": "the"}, {"LOWER": "clerk"}], [{"LOWER": "the"}, {"LOWER": "town"}, {"LOWER": "clerk"}]]


def test_parse_line_keeps_the_standard_wording():
    """``pattern => wording`` splits into the two parts."""
    assert parse_line("gr8 => great") == ("gr8", "great")
    assert parse_line("lol =>") == ("lol", "")


@pytest.mark.parametrize(("text", "expected"), [
    ("ROAD CLOSED UNTIL FRIDAY", [("shouting", "ROAD CLOSED UNTIL FRIDAY")]),
    ("The NHS and CCTV UK", []),
    ("I LOVE IT", []),
    ("Back!!!! and what?!?!", [("exclamations", "!!!!"), ("exclamations", "?!?!")]),
    ("Back!!! and what?!", []),
    ("Great news!", []),
    ("Dog poo AGAIN!!! grow up", [("shouting", "AGAIN")]),
    ("A huge THANK YOU!! to all", [("shouting", "THANK YOU")]),
    ("The NHS bus is here!!", []),
    ("THE PARK IS CLOSED!!", [("shouting", "THE PARK IS CLOSED")]),
])
def test_shouting_and_exclamations(text, expected):
    """Three capitalised words (not acronyms) shout; two or more ``!`` are a run."""
    assert [(m.label, m.text) for m in regex_mentions(text)] == expected


@pytest.fixture(scope="module")
def phrases(models, demo_profile):
    """The phrase detector over the demo profile."""
    return PhraseDetector(models, demo_profile)


def labelled(phrases, models, text):
    """``(label, text)`` of every phrase found in ``text``."""
    return [(m.label, m.text) for m in phrases(Post.parse(text, models))]


FOUND = [
    ("I work at the town council, honestly.", "work-identity", "I work at the town council"),
    ("My job at the council is fine.", "work-identity", "My job at the council"),
    ("I’m employed by the council.", "work-identity", "I’m employed by the council"),
    ("Up early as the groundsman again.", "own-role", "as the groundsman"),
    ("Drafting the minutes for Tuesday's committee.", "work-activity", "Drafting the minutes"),
    ("At tonight's full council meeting I gave my report.", "work-activity", "At tonight's full council meeting"),
    ("I sat through the planning committee for hours.", "council-business", "planning committee"),
    ("Views are my own.", "disclaimer", "Views are my own"),
    ("Still hungover at work.", "disrepute", "Still hungover at work"),
    ("Off the record, it's closing.", "confidential", "Off the record"),
    ("That was the Part II item.", "confidential-business", "Part II item"),
    ("Discussed in closed session.", "confidential-business", "closed session"),
    ("More on Project Heron soon.", "confidential-term", "Project Heron"),
    ("Here's a pic of the team.", "photo", "Here's a pic"),
    ("Stole this pic from Facebook.", "repost", "Stole this pic"),
    ("Found this image online.", "repost", "Found this image online"),
    ("I was born in Kettering.", "birthplace", "I was born in Kettering"),
    ("I was born in March.", "birth-date", "I was born in March"),
    ("My mum's maiden name is Jones.", "maiden-name", "mum's maiden name"),
    ("My first dog was called Rex.", "first-pet", "My first dog was called"),
    ("My first school was St Mary's.", "first-school", "My first school was St Mary"),
    ("We live at 14 Meadow Close.", "home-address", "We live at 14"),
    ("Lovely walk with my kids.", "personal-life", "my kids"),
    ("Thx u r gr8", "text-speak", "gr8"),
    ("They charge the council double.", "accusation", "charge the council double"),
    ("Brightwater use illegal workers.", "accusation", "illegal workers"),
    ("Off on another jolly again.", "accusation", "jolly"),
    ("You're a scumbag.", "rude", "scumbag"),
    ("Seriously people, grow up.", "rude", "grow up"),
    ("What a load of bullshit.", "rude", "bullshit"),
    ("Snapped Priya at the do.", "photo-verb", "Snapped"),
    ("Here's a pic of Tom asleep.", "colleague-name", "Tom"),
    ("Look at Maggie go!", "colleague-name", "Maggie"),
    ("Filmed Will Hart dancing.", "colleague-name", "Will"),
    ("Office party photos are up, tagged everyone.", "colleague", "Office party"),
    ("Office party photos are up, tagged everyone.", "photo", "tagged everyone"),
    ("Just finished setting the precept.", "council-business", "the precept"),
    ("Doing the allotment inspections for work.", "council-business", "allotment inspections"),
    ("Been asked to draft the grants policy.", "council-business", "grants policy"),
    ("Spent today counting the ballot papers.", "council-business", "ballot papers"),
    ("10 hrs at the Town Council today.", "work-activity", "hrs at the Town Council today"),
    ("Groundsman in Thrapston for years.", "own-role", "Groundsman in"),
    ("Deputy clerk life, 200 emails.", "work-activity", "Deputy clerk life"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "label", "span"), FOUND)
def test_phrase_found(phrases, models, text, label, span):
    """Each list finds its phrase with the exact span."""
    assert (label, span) in labelled(phrases, models, text)


TRAPS = [
    ("My council tax went up.", "council-reference"),
    ("The council estate I grew up on.", "council-reference"),
    ("A free, confidential helpline is open.", "confidential"),
    ("Call the confidential helpline.", "confidential"),
    ("Confidential to my future self: no white sofas.", "confidential"),
    ("The council meeting is on Tuesday.", "council-business"),
    ("My first school play was great.", "first-school"),
    ("He copied my homework again.", "repost"),
    ("I was born in the wrong decade.", "birthplace"),
    ("I live in Thrapston.", "home-address"),
    ("Our weekend market is back.", "personal-life"),
    ("Caught the bus to work.", "photo"),
    ("Temperatures hit 30 today.", "birth-date"),
    ("The council meeting voted on the precept.", "council-business"),
    ("Just voted in the by-election.", "council-business"),
    ("Illegal parking outside the school again.", "accusation"),
    ("Cow parsley and clowns at the Arsenal fair.", "rude"),
    ("She grew up in Corby.", "rude"),
    ("Tom Jones was brilliant.", "colleague-name"),
    ("Will the photo be ready?", "colleague-name"),
    ("Snapped my ankle at football.", "colleague"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "label"), TRAPS)
def test_traps_are_not_found(phrases, models, text, label):
    """Ordinary uses of the listed words are not matched."""
    assert label not in [lab for lab, _ in labelled(phrases, models, text)]


@pytest.mark.model
def test_text_speak_carries_its_standard_wording(phrases, models):
    """A text-speak mention's evidence is the wording to use instead."""
    found = {m.text: m.evidence for m in phrases(Post.parse("u r gr8 lol", models)) if m.label == "text-speak"}
    assert found == {"u r": "you are", "gr8": "great", "lol": ""}


@pytest.mark.model
def test_colleague_name_carries_the_employee(phrases, models):
    """A nickname of a listed employee names that employee."""
    found = [m for m in phrases(Post.parse("pic of Tom and Dan", models)) if m.label == "colleague-name"]
    assert [(m.text, m.person.name) for m in found] == [("Tom", "Thomas Stone"), ("Dan", "Daniel Okafor")]
