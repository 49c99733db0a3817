"""Another person's sensitive information (PL503, clause 4.9) and the secrecy markers PL501 reads."""

from __future__ import annotations

from datetime import datetime

import pytest

from linter.rules.sensitive import sentence_of, sentences, writer

SATURDAY = datetime.fromisoformat("2026-11-21T19:00:00+00:00")


def spans(linter, text: str, code: str) -> list[str]:
    """The texts a rule's warnings cover in one personal post, written on a Saturday evening."""
    return [text[w.start:w.end] for w in linter.lint(text, mode="personal", at=SATURDAY) if w.code == code]


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("Sarah Whitlock's off with stress again, so that's me doing two jobs.", ["off with stress"]),
    ("Our clerk's off with stress again, third time this year.", ["off with stress"]),
    ("Please send good vibes to our Tom at work, op on his knee tomorrow", ["op on his knee"]),
    ("poor Maggie E's had her results back, it's the big C 💔", ["her results back", "the big C"]),
    ("Kevin Doyle's in £900 arrears on his allotment rent", ["arrears"]),
    ("Told the cheese van fella again. He still owes for January.", ["still owes for"]),
    ("so sad to hear someone at work is going through bankruptcy.", ["bankruptcy"]),
    ("one of our regular hirers is nearly £900 behind", ["£900 behind"]),
    ("Prayers for a family in our parish facing eviction next month", ["eviction"]),
    ("The chap from the cleaning firm told me he's being sued by his ex-wife", ["being sued"]),
    ("Cllr Pike got done for drink driving last month", ["done for drink driving"]),
    ("Priya Raman is leaving for Leicester but hasn't told anyone yet", ["but hasn't told anyone"]),
    ("Saw the staff sickness spreadsheet by accident.", ["staff sickness spreadsheet"]),
    ("Mr K. Doyle: the rent for plot 14 is now three months in arrears.", ["arrears"]),
])
def test_flags_someone_elses_sensitive_information(linter, text, found):
    """Health, money, legal trouble, unshared news and staff records of someone in the council's circle are flagged, span by span."""
    assert spans(linter, text, "PL503") == found


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "I'm off with stress this week, back Monday.",
    "behind on my rent this month, skint",
    "my knee op went well, thanks all",
    "Wishing my dad a speedy recovery after his knee op.",
    "My sister Sarah is in hospital after a fall, thoughts appreciated.",
    "Sarah's covering for me while I'm off with stress.",
    "Sarah visited my mum, who's in hospital after a fall.",
    "It's stress awareness week, look after yourselves.",
    "Sarah ran the marathon for Cancer Research and raised £800!",
    "The bank charges arrears fees on overdue cards.",
    "King Charles has been diagnosed with cancer, wishing him well.",
    "the deputy clerk still owes me a pint from the quiz",
    "Priya signed off the accounts today, audit done.",
    "I haven't told anyone yet but I'm pregnant!",
    "Seven years fostering this week. 23 children through our door.",
])
def test_leaves_own_generic_and_public_news_alone(linter, text):
    """The writer's own health or money, generic talk, relatives and public figures get no PL503 warning."""
    assert spans(linter, text, "PL503") == []


@pytest.mark.model
def test_message_names_the_person_and_offers_a_gentler_wording(linter):
    """The message says whose information it is and what kind; stress leave offers "off work" as the fix."""
    [w] = [w for w in linter.lint("Sarah W is off with stress again btw", at=SATURDAY) if w.code == "PL503"]
    assert w.message == "“off with stress” is Sarah W's health, which is sensitive: post it only with their permission."
    assert w.suggestions == ("off work",)


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("Cllr Pike got done for drink driving, keep it quiet 🤐", ["keep it quiet 🤐"]),
    ("Heard at work that Priya Raman is leaving, so keep schtum.", ["keep schtum"]),
    ("Just between us, the Christmas market might be moving – keep it hush till it's official", ["Just between us", "keep it hush"]),
    ("Keep it quiet after 11pm please, the neighbours have kids.", []),
    ("We're moving house next month, keep it quiet till it's official!", []),
])
def test_secrecy_markers_need_business_or_a_person(linter, text, found):
    """"Keep it quiet", "keep schtum" and "keep it hush" mark confidential information only with someone or some business to keep."""
    assert spans(linter, text, "PL501") == found


@pytest.mark.parametrize(("gap", "own"), [
    ("told me today ", False),
    ("'s covering for me while I'm ", True),
    (" we're looking at you 👀 ", False),
    (" visited my mum, who's ", True),
    (" is behind on my ", True),
])
def test_writer_owns_information_after_i_or_my(gap, own):
    """"I'm" in the information's own clause, "my" just before it, or a relative of the writer make it the writer's."""
    assert writer(gap) is own


def test_sentences_do_not_break_after_initials_or_titles():
    """"Mr K. Doyle" stays in one sentence; a full stop after a word ends one."""
    text = "Mr K. Doyle: in arrears. He owes £40."
    bounds = sentences(text)
    assert [sentence_of(bounds, text.index(w)) for w in ("Mr", "Doyle", "arrears", "He")] == [0, 0, 0, 1]
