"""Clause 5.1: the writer's own security-question data (PL510, PL511) and the traps that stay clean."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from linter.detect.pii_recognizers import wished_someone_else
from linter.rules.own_security import FULL_DATE, birth_year, first_schools, inside_quotes, is_place, mothers_names, question_answers

SATURDAY_EVENING = datetime(2026, 11, 21, 19, 30, tzinfo=timezone.utc)

FLAGGED = [
    ("proper Geordie me, born in Gateshead, moved down in '04", "PL510", "born in Gateshead"),
    ("born at home in Raunds in 1958 and never left", "PL510", "born at home in Raunds"),
    ("born in wellingborough, lived in raunds all my life", "PL510", "born in wellingborough"),
    ("Born at 6 Mill Road, Oundle in 1949, and the house is still there.", "PL510", "Born at 6 Mill Road"),
    ("Security question: 'where were you born?' Corby Maternity Unit, 1979.", "PL510", "Corby Maternity Unit"),
    ("Bank says the security question is first pet. Captain Fluff, obviously.", "PL510", "Captain Fluff"),
    ("That 'what's your elf name' thing: first pet's name plus your street. Mine's Nibbles Brook Street", "PL510",
     "Nibbles Brook Street"),
    ("What was your first school?? Mine was Woodford C of E, 1965", "PL510", "Woodford C of E"),
    ("Walked past Ringstead Primary today, my first school, now a car park.", "PL510", "Ringstead Primary"),
    ("Went to the Raunds Juniors summer fair. My first ever school!", "PL510", "Raunds Juniors"),
    ("my mum's surname before she married was Nowak", "PL510", "my mum's surname before she married was Nowak"),
    ("Answering the quiz: first car a Fiesta, first cat Tigger, first home 3 Brook Street.", "PL510", "first cat Tigger"),
    ("Still at 9 Poplar Drive after 30 years and the damp is winning.", "PL510", "9 Poplar Drive"),
    ("leave it at mine, 4 Willow Cottages, I'm in all day", "PL510", "4 Willow Cottages"),
    ("Got a mug with my birthday on it: 14.02.1984, cheers Mum", "PL511", "14.02.1984"),
    ("Same birthday as Kylie, different year: 28 May 1975.", "PL511", "28 May 1975"),
    ("the week I was born, 9 July 1969, they landed on the moon", "PL511", "9 July 1969"),
    ("Thanks for the cards!! 45 today, born 02/03/1981 and still can't parallel park", "PL511", "02/03/1981"),
]

CLEAN = [
    "My son was born in Kettering on Tuesday, 7lb 2oz.",
    "Harry was born 3 May 1990, same week as the storm.",
    "I was born in the wrong decade.",
    "The year I was born the Queen was still on the stamps.",
    "Harry Styles, born in Redditch, is playing Wembley tonight.",
    "My nan, born in Wales, is 90 today.",
    "Born and bred, that's me.",
    "Born in Kettering General? Join the reunion group.",
    "I teach at Brigstock Primary and love it.",
    "My daughter started at Oakley Vale Primary today, her first school!",
    "Dropped the kids at Brigstock Primary, my first school run of the year.",
    "Our new puppy Biscuit has eaten the sofa.",
    "The fete is at 12 Station Road from 2pm, all welcome.",
    "Never use your first pet's name as a password, people!",
    "My bank changed the security question again. Honestly.",
    "Happy birthday to my brother! Party booked for 12/06/2026 at the Swan.",
    "It's my birthday! Married 12 June 1999 and still going strong.",
    "Our first dog show was a washout.",
    "Mum's was the best cake at the fete.",
    "Happy 70th to our Kev! 🎂 born 12/05/1956 and still digging.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "span"), FLAGGED)
def test_own_security_data_is_flagged(linter, text, code, span):
    """Each post gives the writer's own security data: the rule warns on exactly that span."""
    found = [w.text for w in linter.lint(text, at=SATURDAY_EVENING) if w.code == code]
    assert span in found, found


@pytest.mark.model
@pytest.mark.parametrize(("text", "date"), [
    ("I was born on 3 May 1980 and still no sense.", "3 May 1980"),
    ("Walked the dog this morning. I was born on 3 May 1980, if you must know.", "3 May 1980"),
    ("My date of birth is 3 March 1985, if the bank asks.", "3 March 1985"),
    ("Renewal form wants my DOB: 14/06/1979 again", "14/06/1979"),
])
def test_own_birth_date_is_one_warning_on_the_date(linter, text, date):
    """A birth phrase and the date it starts or introduces are one finding, underlined on the date; a dog walked
    earlier in the post does not make the writer's own words an animal's birth."""
    assert [w.text for w in linter.lint(text, at=SATURDAY_EVENING) if w.code == "PL511"] == [date]


@pytest.mark.model
@pytest.mark.parametrize("text", CLEAN)
def test_traps_stay_clean_of_clause_5_1(linter, text):
    """Someone else's birth, a child's school, a pet that is no first pet, an event's address: no 5.1 warning."""
    assert not [w for w in linter.lint(text, at=SATURDAY_EVENING) if w.clause == "5.1"]


@pytest.mark.model
def test_someone_elses_birthday_date_stays_clause_4_6(linter):
    """After a wish to someone else, a subjectless "born <date>" is theirs (4.6), not the writer's (5.1)."""
    text = "Happy birthday to Kev Doyle from the allotments! 70 today, born 12/05/1956 and still digging"
    codes = {w.code for w in linter.lint(text, at=SATURDAY_EVENING)}
    assert "PL425" in codes and "PL511" not in codes


@pytest.mark.parametrize(("word", "place"), [("Kettering", True), ("corby", True), ("June", False), ("the", False),
                                             ("march", False)])
def test_is_place(word, place):
    """A capitalised word or a UK town in lower case is a place; a month or a small word is not."""
    assert is_place(word) is place


@pytest.mark.parametrize(("text", "answer"), [
    ("Security question: 'name of your first pet'. Easy. Mr Whiskers, 1996-2011", "Mr Whiskers"),
    ("Security question says 'name of your first school' and I've typed Brigstock Primary again", "Brigstock Primary"),
    ("whats your first pets name + your street... mine was a tortoise called Sheldon", "Sheldon"),
    ("Security questions are a nightmare, I can never remember them.", None),
])
def test_question_answers(text, answer):
    """The answer is the name after a marker, or the first two-word name after "security question" outside quotes."""
    found = [text[a:b] for a, b, _ in question_answers(text)]
    assert found == ([answer] if answer else [])


def test_first_schools_need_the_writers_first_school():
    """A school counts only in a post about the writer's own first school, not a school run or a workplace."""
    assert [k for *_, k in first_schools("Drove past Denford Primary, my first school, flats now")] == ["first-school"]
    assert first_schools("Brigstock Primary, my first school run of the year") == []
    assert first_schools("I teach at Brigstock Primary, my first school job") == []


def test_mothers_name_needs_a_maiden_name():
    """"Mam's was Jones" is a maiden name only in a post about maiden names."""
    assert mothers_names("Nan's maiden name was Thomas. Mam's was Jones.") != []
    assert mothers_names("My sausage roll was from Tesco. Mum's was Greggs.") == []


@pytest.mark.parametrize(("date", "ok"), [("21.06.1979", True), ("12/06/2026", False), ("3 March 1985", True),
                                          ("11.11.88", True), ("31 Smarch 1985", False)])
def test_birth_year(date, ok):
    """A birth year lies 5 to 110 years before the post; the month must be a month."""
    m = FULL_DATE.search(date)
    assert m is not None and birth_year(m, 2026) is ok


def test_quotes_and_wishes():
    """A quoted question hides its words; a wish to someone else comes before their "born"."""
    text = "Security question: 'Where were you born?' Kettering General"
    assert inside_quotes(text, 18, text.index("Where"))
    assert not inside_quotes(text, 18, text.index("Kettering"))
    assert wished_someone_else("Happy 70th to Kev! born 3 March 1956", 19)
    assert not wished_someone_else("happy birthday to me! born 3 March 1956", 23)
