"""The tone detector (aimed negativity) and the conduct rules PL305, PL307, PL308, PL318."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from linter.assets import read_lines
from linter.detect.mention import Mention
from linter.detect.tone import (
    Hit,
    ToneDetector,
    compile_list,
    council_context_ok,
    entry_pattern,
    evidence_of,
    negated,
    normalise,
    target_of,
)
from linter.detect.tone_frames import Frames, about_self, excluded, incapable, superlatives
from linter.post import Post

SATURDAY = datetime(2026, 11, 21, 19, 0, tzinfo=UTC)
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "tone_dev.jsonl"


# --- fast: list syntax and helpers -------------------------------------------------------

@pytest.mark.parametrize(
    ("entry", "text", "found"),
    [
        ("idiot*", "useless idiots", ["idiots"]),
        ("idiot*", "idiotic", ["idiotic"]),
        ("lazy", "lazy", ["lazy"]),
        ("lazy", "lazybones", []),
        ("waste of space", "a waste  of space", ["waste  of space"]),
        ("nobody likes {obj}", "nobody likes her", ["nobody likes her"]),
        ("nobody likes {obj}", "nobody likes a soggy bottom", []),
        ("'s past it", "he's past it", ["'s past it"]),
        ("can't even", "they can't even", ["can't even"]),
    ],
)
def test_entry_pattern_matches_whole_words(entry, text, found):
    """A list entry matches whole words; '*' matches any ending; {obj} a pronoun."""
    assert [m.group(0) for m in compile_list([entry]).finditer(text)] == found


def test_longest_entry_wins():
    """The alternation tries longer phrases first."""
    assert compile_list(["waste", "waste of space"]).search("a waste of space").group(0) == "waste of space"


def test_entry_pattern_escapes_punctuation():
    """Regex characters in an entry are literal."""
    assert entry_pattern("f*ck*").startswith("(?<![\\w])f\\*ck")


def test_normalise_keeps_offsets_and_straightens_apostrophes():
    """Case-folding and apostrophes never move an offset."""
    text = "CAN\u2019T İstanbul"
    assert len(normalise(text)) == len(text)
    assert normalise(text)[:6] == "can't "


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("our clerk is not lazy", "lazy", True),
        ("our clerk isn't useless", "useless", True),
        ("they never listen, arrogant lot", "arrogant", False),
        ("the clerk is lazy", "lazy", False),
    ],
)
def test_negation_looks_back_within_the_clause(text, word, expected):
    """'not lazy' is negated; a negation before a comma does not carry over."""
    assert negated(text, text.index(word)) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "ok"),
    [
        ("the council are idiots", "the council", True),
        ("the council tax went up", "the council", False),
        ("our county council is slow", "our county council", False),
    ],
)
def test_council_context(text, phrase, ok):
    """'council tax' and 'county council' are not this council."""
    start = text.index(phrase)
    assert council_context_ok(text, Hit(start, start + len(phrase), "target", "council")) is ok


def test_evidence_fields_and_target():
    """Evidence is key=value pairs; the target is group and text."""
    m = Mention("tone", 0, 3, "old", label="protected", evidence="characteristic=age;target=employee:our clerk")
    assert evidence_of(m) == {"characteristic": "age", "target": "employee:our clerk"}
    assert target_of(m) == ("employee", "our clerk")
    assert target_of(Mention("tone", 0, 3, "wet", label="negative")) is None


@pytest.mark.parametrize("name", ["profanity", "insults", "critical", "bullying", "protected", "targets"])
def test_word_lists_are_present(name):
    """Every tone list ships and has entries."""
    assert len(read_lines(f"tone_{name}")) >= 10


def test_protected_list_lines_are_well_formed():
    """Each protected entry is 'slur|phrase|term characteristic: phrase'."""
    kinds = {line.split(" ", 1)[0] for line in read_lines("tone_protected")}
    assert kinds == {"slur", "phrase", "term"}
    assert all(":" in line for line in read_lines("tone_protected"))


def test_dev_corpus_is_labelled():
    """The dev set holds at least 120 posts, each with text, aimed and split."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 120
    assert all({"text", "aimed", "split", "labels"} <= r.keys() for r in rows)
    assert {r["split"] for r in rows} >= {"dev", "test"}


# --- model: the detector -----------------------------------------------------------------

@pytest.fixture(scope="module")
def tone(models, demo_profile):
    """The tone detector over the demo profile."""
    return ToneDetector(models, demo_profile)


def _found(tone, models, text):
    """(label, text, target) of every non-target tone mention."""
    return [
        (m.label, m.text, target_of(m))
        for m in tone(Post.parse(text, models)) if m.label != "target"
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council are useless idiots.", [("negative", "useless", ("council", "The council")), ("insult", "idiots", ("council", "The council"))]),
        ("My colleague is a lazy idiot.", [("insult", "lazy", ("employee", "colleague")), ("insult", "idiot", ("employee", "colleague"))]),
        ("The contractors did a shoddy job again.", [("negative", "shoddy", ("contractor", "The contractors"))]),
        ("That resident at number 12 is a nutter.", [("insult", "nutter", ("resident", "That resident"))]),
        ("Our clerk is clueless.", [("insult", "clueless", ("employee", "Our clerk"))]),
        ("Cllr Patel hasn't got a clue.", [("negative", "hasn't got a clue", ("councillor", "Cllr Patel"))]),
        ("Had a row with my manager. She is hopeless.", [("negative", "hopeless", ("employee", "my manager"))]),
        ("The bloody council closed the loos.", [("profanity", "bloody", ("council", "The bloody council"))]),
        ("The trains are useless today.", [("negative", "useless", None)]),
        ("Shit day, car broke down.", [("profanity", "Shit", None)]),
    ],
)
def test_negativity_and_its_aim(tone, models, text, expected):
    """Each negative word is found and aimed at the nearest target in its sentence, or at none."""
    assert _found(tone, models, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "span", "characteristic"),
    [
        ("Our clerk is too old to do the job.", "is too old", "age"),
        ("She's pregnant again so useless.", "pregnant again", "pregnancy and maternity"),
        ("He only got the job because he's gay.", "gay", "sexual orientation"),
        ("That councillor is a total retard.", "retard", "disability"),
    ],
)
def test_protected_characteristics(tone, models, text, span, characteristic):
    """A protected characteristic held against someone is found with its characteristic."""
    found = [m for m in tone(Post.parse(text, models)) if m.label == "protected"]
    assert [(m.text, evidence_of(m)["characteristic"]) for m in found] == [(span, characteristic)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Congratulations to my colleague on the new baby!",
        "Happy Pride month to all my LGBT friends!",
        "I'm too old for these late nights.",
        "My colleague just got married, so happy for them.",
        "The old bridge is closed for repairs.",
    ],
)
def test_protected_terms_without_hostility_are_clean(tone, models, text):
    """A characteristic mentioned kindly, or about oneself, is not flagged."""
    assert [m for m in tone(Post.parse(text, models)) if m.label == "protected"] == []


@pytest.mark.model
def test_vader_backs_up_the_lists(tone, models):
    """A targeted sentence VADER scores very negative is criticism even without a listed word."""
    found = _found(tone, models, "The town council has treated us with contempt and cruelty.")
    assert [(label, target) for label, _, target in found] == [("negative", ("council", "The town council"))]


# --- model: the rules through the linter ---------------------------------------------------

def _codes(linter, text):
    """(code, flagged text) of the conduct rules' warnings of a post (the classifier's PL34x left out)."""
    return [(w.code, w.text) for w in linter.lint(text, at=SATURDAY) if w.code in ("PL305", "PL307", "PL308", "PL318")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council are useless idiots.", [("PL307", "useless"), ("PL307", "idiots")]),
        ("The contractors did a shoddy job again.", [("PL305", "shoddy"), ("PL307", "shoddy")]),
        ("Everyone ignore her at work tomorrow.", [("PL318", "Everyone ignore her")]),
        ("Our clerk is too old to do the job.", [("PL305", "is too old"), ("PL307", "is too old"), ("PL308", "is too old")]),
        ("The deputy clerk is a total jobsworth.", [("PL305", "jobsworth"), ("PL307", "jobsworth")]),
        ("Sorry but Helen Marsh is the rudest person I've ever met.", [("PL305", "rudest"), ("PL307", "rudest")]),
        ("Sarah's too old to learn the new system.", [("PL305", "'s too old"), ("PL307", "'s too old"), ("PL308", "'s too old")]),
        ("Some people at work need to do their actual jobs.", [("PL305", "need to do their actual jobs"), ("PL307", "need to do their actual jobs")]),
        ("Everyone just ignore the new lad.", [("PL305", "Everyone just ignore the new lad"), ("PL307", "Everyone just ignore the new lad"), ("PL318", "Everyone just ignore the new lad")]),
        ("Our groundsman couldn't mow a lawn to save his life.", [("PL305", "couldn't mow a lawn to save his life"), ("PL307", "couldn't mow a lawn to save his life")]),
        ("What a joke of a town council this is.", [("PL307", "a joke")]),
        ("The weather is miserable today.", []),
        ("My colleague is the kindest woman I know.", []),
        ("Our groundsman is not lazy at all.", []),
        ("I'm such an idiot, left my keys at home.", []),
        ("The Graham Norton Show is an absolute riot tonight.", []),
        ("Congratulations to our clerk, pregnant with twins!", []),
        ("I'm far too old for clubbing these days.", []),
        ("Brightwater's cleaners are bone idle.", [("PL305", "bone idle"), ("PL307", "bone idle")]),
        ("Leave Sarah out of this, she did nothing wrong.", []),
        ("Our clerk is amazing, she sorted everything out.", []),
        ("Killing it at the gym this morning!", []),
        ("This cake is wicked.", []),
        ("I hate Mondays.", []),
        ("Council tax went up again, ugh.", []),
        ("Disappointed with the rain.", []),
    ],
)
def test_conduct_rules(linter, text, expected):
    """Aimed negativity is flagged under the right code; untargeted negativity and praise are not."""
    assert _codes(linter, text) == expected


@pytest.mark.model
def test_message_names_what_and_whom(linter):
    """The message quotes the words and names the target."""
    (w,) = [w for w in linter.lint("Our clerk is clueless.", at=SATURDAY) if w.code == "PL307"]
    assert w.message.startswith("'clueless' is aimed at Our clerk (an employee):")
    assert w.clause == "4.7" and w.severity.value == "error"
    assert w.suggestions == ("remove the insult",)


@pytest.mark.model
def test_vader_only_criticism_is_weaker(linter):
    """Criticism of the council found only by VADER's score is a warning, not an error."""
    (w,) = [w for w in linter.lint("The town council has treated us with contempt and cruelty.", at=SATURDAY) if w.code == "PL307"]
    assert w.severity.value == "warning"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Sorry to hear my colleague lost her dad, devastating news.",
        "The contractors had a terrible accident on site, hope they're ok.",
        "A resident was hurt in the crash on Huntingdon Road.",
    ],
)
def test_sympathy_is_not_criticism(linter, text):
    """Misfortune of the council's people is not criticism of them."""
    assert _codes(linter, text) == []


# --- fast: judgement frames, exclusion and the list trie ----------------------------------

@pytest.mark.parametrize(
    ("word", "forms"),
    [("lazy", ("laziest",)), ("rude", ("rudest",)), ("fat", ("fattest",)), ("smug", ("smuggest",)),
     ("dim", ("dimmest",)), ("arrogant", ()), ("two-faced", ()), ("nosy", ("nosiest",))],
)
def test_superlatives_are_derived(word, forms):
    """Short adjectives get their -est form; long, hyphenated and suffixed ones do not."""
    assert superlatives(word) == forms


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("the deputy clerk is a total jobsworth", ["jobsworth"]),
        ("nvl are absolute cowboys", ["cowboys"]),
        ("cllr pike is a pompous old fool", ["pompous", "fool"]),
        ("dan is the laziest man alive", ["laziest"]),
        ("the nosiest woman in northants", ["nosiest"]),
        ("what a miserable cow", ["miserable", "cow"]),
        ("vile woman.", ["vile"]),
        ("clueless.", ["clueless"]),
        ("nene valley landscapes, useless bunch", ["useless"]),
        ("maggie's a control freak", ["control freak"]),
        ("a bunch of chancers", ["chancers"]),
        ("the weather is miserable", ["miserable"]),  # a frame; the target decides the aim
        ("miserable weather and a joke of a bus service today", []),
        ("the cake was a joke", ["joke"]),
        ("the kindest woman i know", []),
        ("he is a fool for chocolate", ["fool"]),
    ],
)
def test_judgement_frames(text, spans):
    """Person descriptors count only in a judgement frame (copula, exclamation, person noun, superlative, alone)."""
    frames = Frames.load()
    assert [text[a:b] for a, b in frames.judgements(text, 0, len(text))] == spans


@pytest.mark.parametrize(
    ("text", "target", "span"),
    [
        ("everyone just ignore the new lad", "the new lad", "everyone just ignore the new lad"),
        ("let's all blank sarah on monday", "sarah", "let's all blank sarah"),
        ("a group chat without sarah w so she stops", "sarah w", "without sarah w"),
        ("make a chat without sarah w", "sarah w", "without sarah w"),
        ("a weekend without sarah w, she's away", "sarah w", None),
        ("ignore sarah's typos", "sarah", None),
        ("let's all leave priya out of the do", "priya", "leave priya out"),
        ("leave priya out of this, she did nothing", "priya", None),
    ],
)
def test_exclusion_needs_a_target(text, target, span):
    """Exclusion counts when it is aimed at a target ("ignore the new lad"), not on its own."""
    at = text.index(target)
    found = excluded(text, 0, len(text), [Hit(at, at + len(target), "target", "employee")])
    assert [text[a:b] for a, b in found] == ([span] if span else [])


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("our groundsman couldn't mow a lawn if his life depended on it", ["couldn't mow a lawn if his life depended on it"]),
        ("she can't spell to save her life", ["can't spell to save her life"]),
        ("the surgeons worked to save his life", []),
    ],
)
def test_incapable_frame(text, spans):
    """"Can't X to save his life" and "if her life depended on it" are criticism; saving a life is not."""
    assert [text[a:b] for a, b in incapable(text, 0, len(text))] == spans


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [("i'm far too old for this", "too old", True), ("she's far too old for this", "too old", False),
     ("my colleague, she is too old", "too old", False)],
)
def test_about_self(text, word, expected):
    """A characteristic in a first-person clause is the poster's own, not held against anyone."""
    assert about_self(text, 0, text.index(word)) is expected


def test_trie_keeps_longest_and_placeholders():
    """The trie-compiled list matches like the plain alternation: longest phrase, placeholders, stars."""
    pattern = compile_list(["waste", "waste of space", "idiot*", "make {poss} life hell", "make {poss} life a misery"])
    text = "a waste of space, idiots, make her life a misery, wastes"
    assert [m.group(0) for m in pattern.finditer(text)] == ["waste of space", "idiots", "make her life a misery"]


def test_person_lexicons_are_large_and_clean():
    """The person-descriptor lists hold a few hundred entries, none duplicated across the two files."""
    adjectives, nouns = read_lines("tone_person_adjectives"), read_lines("tone_person_nouns")
    assert len(adjectives) + len(nouns) >= 400
    assert all(e == e.strip() and "#" not in e for e in (*adjectives, *nouns))


# --- generalisation: frames, role grammar, mockery ----------------------------------------

@pytest.mark.parametrize(
    ("text", "target", "spans"),
    [
        ("the contractors forgot the bins again", "the contractors", [("the contractors forgot", "failed-again")]),
        ("the contractors forgot the bins", "the contractors", []),
        ("our councillors made a complete hash of the budget", "our councillors", [("made a complete hash of", "mess")]),
        ("our clerk isn't exactly the sharpest", "our clerk", [("isn't exactly the sharpest", "praise-denied")]),
        ("a toddler could do a better job than our clerk", "our clerk", [("a toddler could do", "comparative")]),
        ("does anyone at the council actually work?", "the council", [("does anyone at the council actually work?", "rhetorical")]),
        ("does anyone know if the library is open?", "the library", []),
        ("never trust the cleaners", "the cleaners", [("never trust the cleaners", "warn-off")]),
    ],
)
def test_criticism_frames(text, target, spans):
    """General criticism frames: repeated failure, a mess of, negated praise, comparatives, questions, warnings."""
    from linter.detect.tone_frames import criticism_frames

    at = text.index(target)
    found = criticism_frames(text, 0, len(text), [Hit(at, at + len(target), "target", "x")])
    assert [(text[a:b], f) for a, b, f in found] == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("some of the hall hirers", [("customer", "some of the hall hirers")]),
        ("half the councillors were", [("councillor", "half the councillors")]),
        ("the allotment lot are", [("customer", "the allotment lot")]),
        ("the old boy from work", [("employee", "the old boy from work")]),
        ("that lot at the depot", [("employee", "that lot at the depot")]),
        ("whoever approved this", [("employee", "whoever approved")]),
        ("management have lost it", [("employee", "management")]),
        ("time management is hard", []),
        ("the whole office", []),
        ("the chair is broken", []),
    ],
)
def test_role_grammar(text, expected):
    """A determiner, up to two words and a role noun; "from work"; the maker of a decision; management."""
    from linter.detect.tone_targets import role_targets

    found = {(g, m.group()) for g, p in role_targets() for m in p.finditer(text)}
    longest = [(g, t) for g, t in found if not any(t != u and t in u for _, u in found)]
    assert sorted(set(longest)) == expected


@pytest.mark.parametrize("text", ["i'm useless at quizzes", "we were hopeless tonight", "i was absolutely hammered"])
def test_judgement_of_oneself_is_not_a_frame(text):
    """A descriptor said of the poster ("I'm useless", "we were hopeless") is self-deprecation."""
    assert Frames.load().judgements(text, 0, len(text)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for nothing, Cllr Hughes.", [("PL305", "Thanks for nothing"), ("PL307", "Thanks for nothing")]),
        ("The parks team strike again 🤡", [("PL305", "strike again"), ("PL307", "strike again"), ("PL305", "🤡"), ("PL307", "🤡")]),
        ("Half the councillors were legless at the summer fete.", [("PL305", "legless"), ("PL307", "legless")]),
        ("Our receptionist can barely spell lol", [("PL305", "can barely"), ("PL307", "can barely"), ("PL318", "can barely")]),
        ("Typical woman, our finance officer cried in the meeting.", [("PL305", "Typical woman"), ("PL307", "Typical woman"), ("PL308", "Typical woman")]),
        ("Our caretaker's at Friday prayers again, how convenient 🙄", [("PL305", "Friday prayers"), ("PL307", "Friday prayers"), ("PL308", "Friday prayers"), ("PL305", "how convenient"), ("PL307", "how convenient"), ("PL305", "🙄"), ("PL307", "🙄")]),
        ("Not inviting the new lad from work to the quiz.", [("PL305", "Not inviting the new lad from work"), ("PL307", "Not inviting the new lad from work"), ("PL318", "Not inviting the new lad from work")]),
        ("I'm useless at quizzes, came last again 😂", []),
        ("Trains cancelled again 🙄 thanks for nothing Southern", []),
        ("W Hart fixed my gate for nothing, top bloke", []),
        ("Sorry to hear the caretaker lost his mum, thoughts are with him", []),
        ("The party's at Kev's, Chancery Lane, from 8", []),
        ("Does anyone know if the library is open on bank holidays?", []),
    ],
)
def test_generalised_conduct(linter, text, expected):
    """Indirect criticism, group targets, mockery and stereotypes are flagged; look-alikes stay clean."""
    assert _codes(linter, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Mrs Brown's Boys is not funny and I will die on this hill",
        "The chairman's mate got the contract, brown envelopes anyone?",
        "eyes down at the bingo! two fat ladies, legs eleven, and still didnt win",
        "Fat chance of the bins being emptied before Christmas, the council are useless",
    ],
)
def test_protected_terms_in_names_and_idioms_are_not_remarks(tone, models, text):
    """A term that is a surname mid-sentence or opens an idiom (tone_protected_idioms.txt) is not a protected remark."""
    assert [m.text for m in tone(Post.parse(text, models)) if m.label == "protected"] == []


# --- stop 2: new writers -------------------------------------------------------------------

RULE_CODES = ("PL305", "PL307", "PL308", "PL318")


def _rule_codes(linter, text):
    """(code, flagged text) of the conduct rules' warnings only (the classifier's second look left out)."""
    return [(w.code, w.text) for w in linter.lint(text, at=SATURDAY) if w.code in RULE_CODES]


@pytest.mark.parametrize(
    ("entry", "text", "found"),
    [
        ("couldn't run", "TTC couldnt run a bath", ["couldnt run"]),
        ("pig's ear", "a right pigs ear", ["pigs ear"]),
        ("could've been an email", "couldve been an email", ["couldve been an email"]),
        ("i'll", "feeling ill", []),
    ],
)
def test_apostrophes_are_optional_in_nt_s_and_ve(entry, text, found):
    """An entry's "n't", "'s" and "'ve" also match without the apostrophe; "I'll" never matches "ill"."""
    assert [m.group(0) for m in compile_list([entry]).finditer(text)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wheelchair or not she's useless", False),
        ("she's not useless", True),
    ],
)
def test_or_not_does_not_negate(text, expected):
    """ "X or not" leaves what follows un-negated."""
    assert negated(text, text.index("useless")) is expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My employer couldnt organise a raffle in a tombola factory.", [("PL307", "couldnt organise a raffle")]),
        ("Another visionary decision from upstairs.", [("PL305", "Another visionary decision"), ("PL307", "Another visionary decision")]),
        ("Per my last email, some of my colleagues need to read their inbox.", [("PL305", "Per my last email"), ("PL307", "Per my last email")]),
        ("The new lad at work has a stammer and it takes him ages to answer the phone 😂", [("PL305", "stammer"), ("PL307", "stammer"), ("PL308", "stammer")]),
        ("Made a group chat without Sarah W in it, nobody tell her", [("PL305", "without Sarah W"), ("PL307", "without Sarah W"), ("PL318", "without Sarah W")]),
        ("Nobody invite the new starter to the quiz.", [("PL305", "Nobody invite the new starter"), ("PL307", "Nobody invite the new starter"), ("PL318", "Nobody invite the new starter")]),
        ("@RajPatelCllr maybe read the papers before the meeting next time", [("PL305", "maybe read"), ("PL307", "maybe read")]),
        ("Residents who ring up to moan about the bins need a hobby", [("PL305", "need a hobby"), ("PL307", "need a hobby")]),
    ],
)
def test_new_writers_sarcasm_targets_and_exclusion(linter, text, expected):
    """Sarcasm, the employer as an institution, unnamed targets, handles and secret exclusion are flagged."""
    assert _rule_codes(linter, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "our Dan's home from uni and the fridge is already empty 🙄",
        "my saturday job at the garden centre: manager is a nightmare but the staff discount is great",
        "Poor Maggie's had her results back, keep her in your prayers everyone 🙏",
        "Mum was a Whitaker before she married dad and apparently that makes us related to half of Raunds 😂",
        "They'd rob you blind at that garage.",
        "Lost a black cockapoo round the rec, answers to Bo",
        "Planning a surprise lunch for Sarah's birthday, nobody tell her!",
        "Well done to the contractors 👏👏 great job",
        "Typing up the minutes from the planning committee on a Friday night, living the dream 🙃",
    ],
)
def test_new_writers_look_alikes_stay_clean(linter, text):
    """A relative, another employer, prayers for the ill, family gossip, idioms, surprises and praise are not aimed."""
    assert _rule_codes(linter, text) == []
