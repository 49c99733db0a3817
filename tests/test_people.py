"""The clerk's listed people and firms: every spelling that must fire, and the traps that must not."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from linter.detect.people import PeopleDetector, explain
from linter.detect.people_names import (
    NameTable,
    deobfuscate,
    distinctive_first,
    load_lists,
    role_variants,
)
from linter.post import Post
from linter.profile import Person
from linter.warning import Severity

SATURDAY_EVENING = datetime(2026, 11, 21, 19, tzinfo=timezone.utc)  # outside working hours

# (text, exact span text, listed name, evidence)
VARIANTS = [
    ("Lovely chat with Edith Barraclough today", "Edith Barraclough", "Edith Barraclough", "exact"),
    ("EDITH BARRACLOUGH again!", "EDITH BARRACLOUGH", "Edith Barraclough", "exact"),
    ("met priya raman at the shop", "priya raman", "Priya Raman", "exact"),
    ("Priya Raman's cat is lovely", "Priya Raman", "Priya Raman", "exact"),
    ("Priya Raman’s cat is lovely", "Priya Raman", "Priya Raman", "exact"),
    ("Happy birthday #MargaretEllison!", "#MargaretEllison", "Margaret Ellison", "hashtag"),
    ("cc @priya_raman please", "@priya_raman", "Priya Raman", "handle"),
    ("cc @margaret.ellison.", "@margaret.ellison", "Margaret Ellison", "handle"),
    ("cc @MargaretEllison", "@MargaretEllison", "Margaret Ellison", "handle"),
    ("follow @daniel_okafor88", "@daniel_okafor88", "Daniel Okafor", "handle"),
    ("@DanOkafor_TTC you owe me a pint", "@DanOkafor_TTC", "Daniel Okafor", "handle"),
    ("cc @ttc.priya.raman", "@ttc.priya.raman", "Priya Raman", "handle"),
    ("Congrats @RajPatelCllr on the vote", "@RajPatelCllr", "Rajesh Patel", "handle"),
    ("@tomstone_grounds mowing again", "@tomstone_grounds", "Thomas Stone", "handle"),
    ("Shout out to T.Stone for the stripes", "T.Stone", "Thomas Stone", "initial"),
    ("Tommo Stone on the ride-on again", "Tommo Stone", "Thomas Stone", "nickname"),
    ("Drinks with D. Okafor after work", "D. Okafor", "Daniel Okafor", "initial"),
    ("Drinks with D Okafor after work", "D Okafor", "Daniel Okafor", "initial"),
    ("Saw Edith B at the market", "Edith B", "Edith Barraclough", "initial"),
    ("Saw Edith B. at the market", "Edith B.", "Edith Barraclough", "initial"),
    ("Cllr Pike was on form", "Cllr Pike", "Graham Pike", "title"),
    ("Councillor Pike was on form", "Councillor Pike", "Graham Pike", "title"),
    ("Mrs Ellison said no", "Mrs Ellison", "Margaret Ellison", "title"),
    ("Mr Okafor said no", "Mr Okafor", "Daniel Okafor", "title"),
    ("Mr. Okafor said no", "Mr. Okafor", "Daniel Okafor", "title"),
    ("Dr Raman said no", "Dr Raman", "Priya Raman", "title"),
    ("Ms Whitlock said no", "Ms Whitlock", "Sarah Whitlock", "title"),
    ("Cllr. Marsh spoke", "Cllr. Marsh", "Helen Marsh", "title"),
    ("Maggie Ellison retired", "Maggie Ellison", "Margaret Ellison", "alias"),
    ("Raj Patel spoke", "Raj Patel", "Rajesh Patel", "alias"),
    ("Dan Okafor spoke", "Dan Okafor", "Daniel Okafor", "alias"),
    ("Danny Okafor spoke", "Danny Okafor", "Daniel Okafor", "nickname"),
    ("Will Hart fixed it", "Will Hart", "William Hart", "nickname"),
    ("Bill Hart fixed it", "Bill Hart", "William Hart", "nickname"),
    ("Tom Stone mowed", "Tom Stone", "Thomas Stone", "nickname"),
    ("Meg Ellison retired", "Meg Ellison", "Margaret Ellison", "nickname"),
    ("S@rah Whitlock again", "S@rah Whitlock", "Sarah Whitlock", "obfuscated"),
    ("T0m Stone again", "T0m Stone", "Thomas Stone", "obfuscated"),
    ("Pr1ya Raman again", "Pr1ya Raman", "Priya Raman", "obfuscated"),
    ("W1ll Hart again", "W1ll Hart", "William Hart", "obfuscated"),
    ("$arah Whitlock again", "$arah Whitlock", "Sarah Whitlock", "obfuscated"),
    ("Margret Ellison again", "Margret Ellison", "Margaret Ellison", "typo"),
    ("Priya Ramen again", "Priya Ramen", "Priya Raman", "typo"),
    ("Edith Barracluogh again", "Edith Barracluogh", "Edith Barraclough", "typo"),
    ("Priya was brilliant today", "Priya", "Priya Raman", "first-name"),
    ("Priya's dog barked", "Priya", "Priya Raman", "first-name"),
    ("Pr1ya's dog barked", "Pr1ya", "Priya Raman", "first-name"),
    ("Thanks Aisha!", "Aisha", "Aisha Bello", "first-name"),
    (
        "Nene Valley Landscapes Ltd did it",
        "Nene Valley Landscapes Ltd",
        "Nene Valley Landscapes Ltd",
        "firm",
    ),
    (
        "Nene Valley Landscapes Ltd. did it",
        "Nene Valley Landscapes Ltd.",
        "Nene Valley Landscapes Ltd",
        "firm",
    ),
    (
        "nene valley landscapes were late",
        "nene valley landscapes",
        "Nene Valley Landscapes Ltd",
        "firm",
    ),
    ("NVL were late", "NVL", "Nene Valley Landscapes Ltd", "firm"),
    (
        "thanks brightwater cleaning",
        "brightwater cleaning",
        "Brightwater Cleaning Services",
        "firm",
    ),
    (
        "#BrightwaterCleaning rocks",
        "#BrightwaterCleaning",
        "Brightwater Cleaning Services",
        "hashtag",
    ),
]

# (text, exact span text, listed name)
ROLES = [
    ("Our groundsman has been off sick", "Our groundsman", "Thomas Stone"),
    ("the deputy clerk got a ticket", "the deputy clerk", "Daniel Okafor"),
    ("The Town Clerk is away", "The Town Clerk", "Margaret Ellison"),
    ("our finance officer quit", "our finance officer", "Priya Raman"),
    ("the chairman spoke", "the chairman", "Graham Pike"),
    ("the vice-chair spoke", "the vice-chair", "Helen Marsh"),
    ("our new caretaker is nice", "our new caretaker", "William Hart"),
    ("Ask the RFO", "the RFO", "Priya Raman"),
    ("the chairman of the council spoke", "the chairman", "Graham Pike"),
    ("I asked the clerk", "the clerk", "Margaret Ellison"),
]

TRAPS = [
    "@tomstonemusic has a new single out",
    "Sal-e no mobarak to everyone celebrating!",
    "Caught a pike at the weir this morning.",
    "a stone wall fell down",
    "Will you come to the match?",
    "See you tomorrow",
    "Dan Brown's new book is out",
    "Tom Hanks was great",
    "Harts and flowers",
    "a walk across the marsh",
    "will hart be ok?",
    "our councillor replied",
    "A groundsman's job is never done",
    "Priya Shah joined the team",
    "Sarah said hello",
    "Helen of Troy",
    "Margaret Thatcher",
    "Daniel Craig is Bond",
    "William Shakespeare",
    "Graham Norton show",
    "Edith Piaf songs",
    "The valley looked lovely",
    "Spring cleaning done",
    "email priya.raman@example.com",
    "Mr Brown and Mrs Smith",
    "a cllr visited",
    "Rachel Raman",
    "I got 4pm and B4 the NN14 bus",
    "a clerk at the bank",
    "The chairman of Tesco resigned",
    "my clerk of works",
    "Kevin Boyle scored",
    "Graham crackers",
    "Raman spectroscopy is fun",
    "Will Harts",
    "Dan the man",
    "Priya Patel",
    "Mr Bean",
    "Pike Street",
    "The Marsh family",
]


@pytest.fixture(scope="module")
def detector(models, demo_profile):
    """The people detector built for the demo profile."""
    return PeopleDetector(models, demo_profile)


def found(detector, models, text):
    """(span text, person name, evidence, kind) for every mention in ``text``."""
    return [(m.text, m.person.name if m.person else "", m.evidence, m.kind) for m in detector(Post.parse(text, models))]


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "name", "evidence"), VARIANTS)
def test_variant_fires(detector, models, text, span, name, evidence):
    """Each written form of a listed person or firm fires with its exact span."""
    assert (span, name, evidence, "listed-person") in found(detector, models, text)


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "name"), ROLES)
def test_role_fires(detector, models, text, span, name):
    """A determiner and one person's role is a listed-role mention."""
    assert (span, name, "role", "listed-role") in found(detector, models, text)


@pytest.mark.model
@pytest.mark.parametrize("text", TRAPS)
def test_trap_does_not_fire(detector, models, text):
    """Ordinary words, famous people and generic roles are not listed people."""
    assert found(detector, models, text) == []


@pytest.mark.model
def test_emoji_keeps_offsets(detector, models):
    """Code-point offsets stay right after emoji (astral characters)."""
    text = "🎉👍🏽 well done Priya Raman and T0m Stone 🎉"
    spans = [(m.start, m.end) for m in detector(Post.parse(text, models))]
    assert [text[s:e] for s, e in spans] == ["Priya Raman", "T0m Stone"]
    assert spans[0] == (text.index("Priya"), text.index("Priya") + len("Priya Raman"))


@pytest.mark.model
def test_entities(detector, models):
    """People are PERSON, firms ORGANIZATION, roles ROLE; the label is the group."""
    ms = detector(Post.parse("Edith Barraclough, NVL and our groundsman", models))
    assert [(m.entity, m.label) for m in ms] == [
        ("PERSON", "resident"),
        ("ORGANIZATION", "contractor"),
        ("ROLE", "employee"),
    ]


@pytest.mark.model
def test_resident_message(linter):
    """The message names the person and the group; the suggestion is a neutral description."""
    (w,) = linter.lint("Lovely chat with Edith Barraclough today", at=SATURDAY_EVENING)
    assert (w.code, w.text, w.severity, w.entity) == (
        "PL406",
        "Edith Barraclough",
        Severity.ERROR,
        "PERSON",
    )
    assert (
        w.message
        == "Edith Barraclough is a resident on the council's list: posting about them needs their express consent."
    )
    assert w.suggestions == ("a resident",)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "severity", "suggestion"),
    [
        ("Drinks with D. Okafor", "PL406", Severity.ERROR, "a colleague"),
        ("Priya was brilliant", "PL406", Severity.WARNING, "a colleague"),
        ("Cllr Pike spoke", "PL406", Severity.ERROR, "a councillor"),
        ("Thanks Aisha Bello", "PL406", Severity.ERROR, "a customer"),
        ("NVL were late", "PL410", Severity.ERROR, "a contractor"),
        ("thanks brightwater cleaning", "PL410", Severity.ERROR, "a supplier"),
        ("our groundsman is off", "PL411", Severity.WARNING, "a colleague"),
    ],
)
def test_rule_codes(linter, text, code, severity, suggestion):
    """Each kind of listed mention becomes its rule's warning with a neutral suggestion."""
    ours = [w for w in linter.lint(text, at=SATURDAY_EVENING) if w.code in {"PL406", "PL410", "PL411"}]
    assert [(w.code, w.severity, w.suggestions) for w in ours] == [(code, severity, (suggestion,))]


def test_deobfuscate_keeps_length():
    """Look-alike characters are read as letters without moving any offset."""
    words = frozenset({"priya", "will", "sarah", "tom"})
    text = "Pr1ya W1ll S@rah T0m @priya a@b.com 4"
    out = deobfuscate(text, words)
    assert len(out) == len(text)
    assert out.split()[:6] == ["Priya", "Will", "Sarah", "Tom", "@priya", "a@b.com"]


def test_first_name_alone_policy():
    """Only distinctive first names may fire alone."""
    lists = load_lists()
    names = {
        n: distinctive_first(Person(n, "employee"), lists)
        for n in (
            "Priya Raman",
            "Sarah Whitlock",
            "Will Hart",
            "Graham Pike",
            "Rose Bush",
            "Aisha Bello",
        )
    }
    assert {n for n, f in names.items() if f} == {"Priya Raman", "Aisha Bello"}


def test_generic_roles_identify_nobody():
    """Generic roles such as councillor yield no role spellings; real roles do, with synonyms."""
    lists = load_lists()
    assert list(role_variants(Person("R P", "councillor", "Councillor"), lists)) == []
    assert "chairwoman" in set(role_variants(Person("G P", "councillor", "Chairman"), lists))
    assert list(role_variants(Person("N V L", "contractor", "Grounds maintenance"), lists)) == []


def test_shared_spellings_are_dropped():
    """A spelling two listed people share identifies neither."""
    people = (Person("Dan Smithers", "resident"), Person("Daniel Smithers", "customer"))
    table = NameTable.build(people, load_lists())
    assert "dan smithers" in table.variants and "d smithers" not in table.variants


def test_nicknames_filtered():
    """Nicknames come from the nicknames data, less the excluded ones."""
    lists = load_lists()
    assert {"dan", "danny"} <= set(lists.nicknames_of("Daniel"))
    assert {"will", "bill"} <= set(
        lists.nicknames_of("william")
    ) and "bell" not in lists.nicknames_of("william")
    assert "rita" not in lists.nicknames_of("margaret") and "maggie" in lists.nicknames_of(
        "margaret"
    )


def test_explain_lists_spellings(demo_profile):
    """explain() names the full name, alias, initials, titles, hashtags, first-name, surname and role lines."""
    priya = next(p for p in demo_profile.people if p.name == "Priya Raman")
    text = "\n".join(explain(priya, demo_profile))
    for part in (
        "exact: Priya Raman",
        "P. Raman",
        "#priyaraman",
        "Mrs",
        "first name alone (Priya): caught",
        "surname alone (Raman): caught",
        "finance officer",
    ):
        assert part in text
    stone = next(p for p in demo_profile.people if p.name == "Thomas Stone")
    assert "surname alone (Stone): not caught" in "\n".join(explain(stone, demo_profile))


CUED = [
    ("kev's prize onions at the allotment show", "kev", "Kevin Doyle"),
    ("office bake off pics, dan's sponge was flat", "dan", "Daniel Okafor"),
    ("filmed tom trying to reverse the trailer at work", "tom", "Thomas Stone"),
    ("Will the caretaker's retiring at Christmas", "Will", "William Hart"),
    ("no offence but the new brightwater cleaner was late", "brightwater", "Brightwater Cleaning Services"),
    ("lil desk selfie with my fave colleague @priya.r", "@priya.r", "Priya Raman"),
    ("#TeamThomasStone for groundsman of the year", "#TeamThomasStone", "Thomas Stone"),
    ("@Grahame_Pike congrats on the new grandchild", "@Grahame_Pike", "Graham Pike"),
]

UNNAMED = [
    ("new girl in the office is a proper snowflake", "new girl in the office"),
    ("sound, the new cleaner's started", "the new cleaner"),
    ("I know who I'd be looking at. her in finance", "her in finance"),
    ("three hours away from the dragon in the corner office", "the dragon in the corner office"),
]

CUE_TRAPS = [
    "My son Tom starts his new job on Monday.",
    "Will you be at work tomorrow?",
    "Walked the cemetery for the biodiversity report today. Will be writing that up at work tomorrow.",
    "Nene Valley Railway steam gala this weekend",
    "Watching New Girl again, Jess is the best",
    "my daughter is the new girl at school and loving it",
    "Dan's birthday meal tonight, lovely evening",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "name"), CUED)
def test_cued_and_handle_forms_fire(detector, models, text, span, name):
    """First names beside a work cue, firm head words and near-miss handles name the listed person."""
    assert span in [(t) for t, n, _, _ in found(detector, models, text) if n == name]


@pytest.mark.model
@pytest.mark.parametrize(("text", "span"), UNNAMED)
def test_unnamed_colleague_fires(detector, models, text, span):
    """A newcomer or a colleague described by workplace is a listed-role with no person."""
    assert (span, "", "description", "listed-role") in found(detector, models, text)


@pytest.mark.model
def test_role_hashtag_fires(detector, models):
    """A hashtag that spells an identifying role is that person's listed-role."""
    assert ("#deputyclerk", "Daniel Okafor", "role", "listed-role") in found(detector, models, "asleep again #deputyclerk")


@pytest.mark.model
@pytest.mark.parametrize("text", CUE_TRAPS)
def test_cue_trap_does_not_fire(detector, models, text):
    """Relatives, questions, places, shows and school newcomers are not listed people."""
    assert found(detector, models, text) == []
