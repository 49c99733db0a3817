"""The phrase detector: the pattern language, and each list's phrases with exact spans and traps."""

from __future__ import annotations

import re

import pytest

from linter.detect.phrases import HYPHEN, PhraseDetector, compile_pattern, parse_line, regex_mentions, term_variants
from linter.post import Post


def test_compile_literals_alternatives_and_options():
    """Words become LOWER tokens; ``|`` alternatives; ``?`` on one token is the Matcher's own
    operator, on a multi-word alternative it doubles the patterns (no combinatorial copies)."""
    assert compile_pattern("off the record") == [[{"LOWER": "off"}, {"LOWER": "the"}, {"LOWER": "record"}]]
    assert compile_pattern("a|b c?") == [[{"LOWER": {"IN": ["a", "b"]}}, {"LOWER": "c", "OP": "?"}]]
    assert compile_pattern("a c|d_e?") == [[{"LOWER": "a"}, {"LOWER": "c"}], [{"LOWER": "a"}, {"LOWER": "d"}, HYPHEN, {"LOWER": "e"}],
                                          [{"LOWER": "a"}]]


def test_compile_apostrophes_specials_and_multiword():
    """``'s`` also matches the curly apostrophe; ``$NUM``/``$TITLE``/``+``; ``a_b`` is two tokens, or three with a
    hyphen between ("last-night"); no hyphen is offered beside punctuation ("haven_'t")."""
    assert compile_pattern("'s") == [[{"LOWER": {"IN": ["'s", "\u2019s"]}}]]
    assert compile_pattern("$TITLE+ $NUM") == [[{"IS_TITLE": True, "OP": "+"}, {"LIKE_NUM": True}]]
    assert compile_pattern("x|last_night") == [[{"LOWER": "x"}], [{"LOWER": "last"}, HYPHEN, {"LOWER": "night"}]]
    assert compile_pattern("haven_'t") == [[{"LOWER": "haven"}, {"LOWER": {"IN": ["'t", "\u2019t"]}}]]
    # "^$TITLE+": only the first of the run opens the sentence ("Kettering General born and bred")
    assert compile_pattern("^$TITLE+ bred") == [[{"IS_TITLE": True, "IS_SENT_START": True}, {"IS_TITLE": True, "OP": "*"},
                                                 {"LOWER": "bred"}]]


def test_compile_sets_with_several_words():
    """A ``$set`` gives one token for its single words and a sequence for each longer entry (hyphenated or not)."""
    sets = {"role": ("clerk", "town clerk")}
    assert compile_pattern("the $role", sets) == [
        [{"LOWER": "the"}, {"LOWER": "clerk"}], [{"LOWER": "the"}, {"LOWER": "town"}, HYPHEN, {"LOWER": "clerk"}]]


@pytest.mark.parametrize("text", ["Did the play area inspections today.", "Did the play-area inspections today."])
def test_a_several_word_entry_matches_written_apart_or_hyphenated(models, text):
    """"play area" of a set matches "play-area" too: spaCy splits the hyphen off as a token of its own."""
    from spacy.matcher import Matcher

    matcher = Matcher(models.nlp.vocab)
    matcher.add("x", compile_pattern("$place inspections", {"place": ("play area",)}))
    doc = models.nlp.make_doc(text)
    assert [doc[a:b].text for _, a, b in matcher(doc)] == [text[8:-7]]


def test_compile_date_special():
    """``$DATE`` is one token shaped like a numeric date."""
    assert compile_pattern("born $DATE") == [[{"LOWER": "born"}, {"TEXT": {"REGEX": r"^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$"}}]]


@pytest.mark.parametrize(("token", "matches"), [("10.40pm", True), ("16:58", True), ("9", True), ("9am", True), ("2026", False), ("pm", False)])
def test_compile_time_special(token, matches):
    """``$TIME`` is one token shaped like a clock time."""
    [[_, time]] = compile_pattern("at $TIME")
    assert bool(re.match(time["TEXT"]["REGEX"], token)) is matches


def test_term_variants_abbreviate_and_join():
    """A confidential term also matches with street words abbreviated and run together; a code name the other way
    round too."""
    assert term_variants("Bridge Street land sale") == [
        "Bridge Street land sale", "bridge st land sale", "bridgestreetlandsale", "bridgestlandsale"]
    assert term_variants("Project Heron") == ["Project Heron", "project heron", "projectheron", "heron project", "heronproject"]


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
    ("Heard it in the closed session.", "confidential-business", "closed session"),
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
    # Generalised mechanisms: lexicon categories, frames and context rules.
    ("Asking for my spaniel.", "personal-life", "my spaniel"),
    ("Happy birthday to my wonderful husband.", "personal-life", "my wonderful husband"),
    ("I'm off sick with a chest infection.", "personal-life", "I'm off sick"),
    ("Message me if interested.", "personal-life", "Message me if interested"),
    ("Lost: my reading glasses.", "personal-life", "Lost: my"),
    ("As Chairman I am delighted to confirm it.", "official-voice", "I am delighted to confirm"),
    ("Play area inspection in the rain this morning.", "council-business", "Play area inspection"),
    ("Spent today on the allotment audit.", "council-business", "allotment audit"),
    ("Tomorrow's full council agenda is a monster. Pray for me", "council-business", "Tomorrow's full council agenda"),
    ("Manning the stall for the council this Saturday.", "council-business", "for the council"),
    ("Precept meeting ran till 10:30pm.", "work-activity", "Precept meeting ran till"),
    ("3 hours typing up minutes tonight.", "work-activity", "typing up minutes"),
    ("Our small team delivered two grant bids.", "work-claim", "Our small team delivered"),
    ("Worst employer ever, the town council.", "employer", "employer"),
    ("The council I work for is a shambles.", "work-identity", "The council I work for"),
    ("Team photo from the office Christmas do.", "photo", "Team photo"),
    ("Throwback pic to the office summer BBQ 2019.", "colleague", "office summer BBQ"),
    ("Had to screenshot the office WhatsApp.", "colleague", "the office WhatsApp"),
    ("Our deputy clerk doing it, video in the comments.", "photo-attached", "video in the comments"),
    ("Video of the kids on the rec.", "other-person", "the kids"),
    ("Here's that Getty image, watermark and all.", "repost", "watermark and all"),
    ("Shared from a WhatsApp group, original creator unknown.", "repost", "original creator unknown"),
    ("Screenshotted Kevin Doyle's Facebook post.", "repost", "Screenshotted Kevin Doyle's Facebook post"),
    ("Uncensored video of the streaker.", "inappropriate", "Uncensored"),
    ("Birthday today!! 🎂 born 11.11.88 and still 12.", "birth-date", "born 11.11.88"),  # phrases stay inside sentences
    ("Party time 🎉 born 17/09/1984 and proud.", "birth-date", "born 17/09/1984"),
    ("Passport done, place of birth Peterborough.", "birthplace", "place of birth Peterborough"),
    ("Went to Stanwick Primary in the 90s.", "first-school", "Went to Stanwick Primary"),
    ("My first car was a red Nova.", "security-answer", "My first car was a red"),
    ("Name your street and your first pet = your drag name.", "security-answer", "your street and your first"),
    ("He's £4k behind on his allotment rent.", "sensitive-finance", "behind on his allotment rent"),
    ("Offers for the Bridge St land sale closed.", "confidential-term", "Bridge St land sale"),
    ("Strictly between us, the lease won't be renewed.", "confidential", "Strictly between us"),
    ("The books are being cooked.", "accusation", "books are being cooked"),
    # Council work that describes itself (clause 4.2).
    ("Precept's set. Nobody's happy.", "work-activity", "Precept's set"),
    ("Draft minutes done and off to the clerk.", "work-activity", "Draft minutes done"),
    ("Bank rec for the quarter finally balances.", "work-activity", "Bank rec for the quarter finally balances"),
    ("Spent my whole Friday on the asset register.", "work-activity", "Spent my whole Friday on the asset register"),
    ("Handled my 200th complaint this year.", "work-activity", "Handled my 200th complaint"),
    ("Resident rang the office about his bins.", "work-activity", "Resident rang the office"),
    ("Finished mowing the cemetery before the rain.", "work-activity", "mowing the cemetery"),
    ("Emptying 27 dog bins in the rain.", "work-activity", "Emptying 27 dog bins"),
    ("Six hours of hedge trimming round the cemetery.", "work-activity", "hedge trimming round the cemetery"),
    ("Committee ran to 10.40pm again.", "work-activity", "Committee ran to 10.40pm"),
    ("Consultation closes Friday. So far 31 responses.", "work-activity", "So far 31 responses"),
    ("Three hours of minute-taking.", "work-activity", "minute-taking"),
    ("Chasing hall hirers for unpaid invoices.", "work-activity", "Chasing hall hirers"),
    ("Half the petty cash has gone walkabout.", "work-topic", "petty cash"),
    ("Back at work tomorrow.", "workplace", "at work"),
    ("Did it myself over three weekends.", "work-claim", "Did it myself"),
    ("Caretaker, Thrapston.", "own-role", "Caretaker,"),
    ("Working for a small town council is fun.", "work-identity", "Working for a small town council"),
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
    # Generalised mechanisms: their ordinary uses stay clean.
    ("Confidential to all my mates: I mastered Yorkshire puddings.", "confidential"),
    ("Part II of my Lake District vlog is up.", "confidential"),
    ("Off the record, best bacon roll in Northants. You didn't hear it from me", "confidential"),
    ("My GP said it's all confidential.", "confidential"),
    ("Parish council meeting in the hall tonight if anyone wants to come along.", "council-business"),
    ("My council tax is paid for the council tax year.", "council-business"),
    ("Happy 60th to Steve Rollins, born 3rd April 1966.", "birth-date"),
    ("His place of birth is Leeds.", "birthplace"),
    ("I'm behind on my rent.", "sensitive-finance"),
    ("The match between us and Oundle.", "confidential"),
    ("Delighted to share that I passed my exam.", "work-claim"),
    ("Spent my whole Saturday on the sofa.", "work-activity"),
    ("Cleaned the kitchen top to bottom.", "work-activity"),
    ("Big up the councillor for sorting the skatepark funding.", "work-activity"),
    ("Emptying the bins before the rain.", "work-activity"),
    ("Sarah from the office is off.", "workplace"),
    ("The pool has a closed session for the swimming club.", "confidential-business"),
    ("Closed session at the climbing wall tonight.", "confidential-business"),
    ("Meeting you at 5 for a drink.", "work-activity"),
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


@pytest.mark.model
def test_the_lists_compile_to_a_bounded_number_of_matcher_patterns(phrases):
    """All pattern lists together stay under 10,000 Matcher patterns (one line once expanded to 49,920 and cost 0.4 s a post)."""
    total = sum(len(m.get(key)[1]) for m in phrases.groups.values() for key in phrases.order if key in m)
    assert 0 < total < 10_000
