"""Confidential business, security data, photos and copyright (PL5xx): clauses 4.9, 5.1, 3.2, 4.10.

The photo and copyright rules (3.2, 4.10) live in ``photos.py`` and are registered here.

The rules read the phrase lists (``kind="phrase"``), the profile's confidential terms, the
personal-data detector's dates of birth (``kind="pii"``, entity ``DATE_OF_BIRTH``, label
``self``) and the people detectors (``listed-person``, ``listed-role``, ``person``) for whom a
photo shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..assets import list_alternation
from ..detect.mention import Mention
from ..warning import PolicyWarning
from .base import Context, Rule, Severity, Warn
from .own_security import answers, birthday_dates, own_birth_phrases, own_birthplaces, school_goes_on, too_young
from .personal_data import own_addresses
from .photos import photo_of_colleague, photo_of_person, reposted_content

SECURITY = {
    "birthplace": "your place of birth",
    "maiden-name": "a maiden name",
    "first-pet": "your first pet's name",
    "first-school": "your first school",
    "home-address": "your home address",
    "security-answer": "the answer to a common security question",
}


# What makes a confidential marker about business someone could own (see confidential_context.txt).
CONTEXT_PHRASES = frozenset({"council-business", "council-reference", "work-activity", "work-identity", "work-claim",
                             "colleague", "colleague-name", "own-role", "employer", "confidential-term", "other-person"})


@cache
def business_words() -> re.Pattern:
    """One regex over ``confidential_context.txt`` (``*`` is any ending)."""
    return re.compile(rf"\b(?:{list_alternation('confidential_context')})\b", re.IGNORECASE)


def strong(marker) -> bool:
    """A closed-meeting marker that is council business whatever surrounds it ("exempt item", "Part II report"); not "closed session", which pools and climbing walls hold too."""
    return marker.label == "confidential-business" and "session" not in marker.text.lower()


def about_business(ctx: Context, marker) -> bool:
    """True when the post gives the marker something to keep confidential: a person, a role, the council, work or its
    business words. A person is a listed one or someone named in full; not a public figure ("the new Taylor Swift
    album"), a relative, or a lone first name or brand ("my marrow beats Geoff's", "it was Sainsbury's")."""
    if ctx.of("listed-person", "listed-role", "council") or any(private_full_name(m) for m in ctx.of("person")):
        return True
    if any(m.label in CONTEXT_PHRASES for m in ctx.of("phrase")):
        return True
    rest = ctx.text[:marker.start] + " " + ctx.text[marker.end:]
    return bool(business_words().search(rest))


def private_full_name(m) -> bool:
    """A person's name of two words or more that is no public figure's or relative's."""
    return m.label not in ("public", "family") and len(m.text.split()) > 1


def confidential_information(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags words that mark confidential council business ("exempt item", "Part II", "off the record").

    "Confidential" in a general sense is left alone when it describes a service offered in
    confidence ("a free, confidential helpline"), is a joke to friends ("Confidential to all my
    mates"), or only introduces a taste ("Off the record, best bacon roll in town"); "Part II" of
    a series is not Part II business. Someone's debts, health or other sensitive information is
    PL503's (``sensitive.py``).

    Why: clause 4.9, employees must not "disclose any confidential or sensitive information
    belonging to the Town Council, its employees, residents, customers, contractors or
    suppliers".

    Flagged: Off the record, the pool is closing next year.
    Flagged: Long night, the Part II item on the depot took two hours.
    Flagged: Members went into closed session with the press excluded to talk about the depot sale.
    Flagged: Councillors went into closed session at 9 so I had to hang about to lock up.
    Flagged: The committee went into closed session for the last hour so I sat outside with the biscuits.
    Flagged: Not for publication yet but the precept is going up 8%.
    Flagged: Minutes marked NOT FOR PUBLICATION just sitting on the printer tray.
    Flagged: Can't go into it, but there's a restructure coming and not everyone in our team will like it.
    Flagged: Off the record, the new skate park isn't happening this year. The money's all gone on the roof.
    Flagged: Confidential: the complaint about Mrs Barraclough's hedge has now gone to the solicitor.
    Flagged: Could hear the closed session through the wall last night, they're selling off the bowling green.
    Flagged: Staff training on Friday, and no, it's not about the you-know-what on Bridge Street 😉
    Flagged: Reminder to everyone: the staff grievance on the exempt list is NOT to be discussed.
    Okay: Found out my pension is on the tax exempt list, result.
    Okay: The Samaritans run a free, confidential helpline day and night.
    Okay: Vet records are confidential, so no, I can't tell you whose dog ate the sock.
    Okay: I'm reading part two of the series tonight.
    Okay: Part II of my Lake District vlog is up on YouTube!
    Okay: Confidential to all my mates: I have finally mastered Yorkshire puddings.
    Okay: Off the record, best bacon roll in Northants is the van at the lorry park.
    Okay: Closed session at the climbing wall tonight, just us and the chalk.
    Okay: Off the record, my nan's trifle beats yours.
    Okay: Confidential waste bins at work are bigger than my flat. Just saying.
    Okay: Can't say much but the new Taylor Swift album is incredible.
    Okay: Book club met behind closed doors as usual, nobody read the book.
    Okay: Off the record, the new Taylor Swift album is her best since Folklore.
    Okay: 'Closed session' at the spa means you get the sauna to yourselves.
    Okay: Closed session with the trauma counsellor at work today. Honestly more helpful than I expected.
    Okay: Lobster pots, Part II: he's decided to build them himself this winter.
    Okay: History Walk Part II is this Sunday! Meet in the Market Place at 2pm.
    Okay: Exam papers are confidential until the window closes, so no. Nice try, Josh. He offered me a tenner.
    Okay: Picked up three records at Off The Record in Bedford today.
    Okay: Finished part II of the Shardlake audiobook on the drive back from a job in Stamford.
    Okay: Got the you-know-what tonight, wish me luck 😉
    Okay: Off the record, as my nan would say, the best speech therapy tool ever invented is a bag of bubbles.
    Okay: New room 'The Confidential File' opens Friday! 60 minutes, 4–6 players.
    Okay: Off to see Henry IV Part II at Stratford on Saturday.
    Okay: PQiP portfolio Part II signed off!! Officially a probation officer 🎓
    Flagged: Thrapston TC Part II tonight, sworn to secrecy.
    Okay: 'Off the record, I think the manager's gone' — my mate down the Cobblers on why we've lost five on the bounce.
    Flagged: The clerk said 'Off the record, the depot is being sold' at the staff meeting.
    Flagged: Cllr Patel's wife told me in confidence he's being investigated by the standards people.
    Okay: My sister told me in confidence she's pregnant, so shhh.
    Okay: Still can't tell you where we went in '84, it's all confidential 😄 Official Secrets Act, lads.
    Okay: Off the record, that was the worst first half I've seen from the senior lads in years.
    Okay: new poem, not for publication yet (the magazine wants unpublished work) so here's the first line only
    Flagged: Not meant to say, but NVL's contract is on the exempt bit of the next agenda for 'review'.
    Flagged [mode=council]: Agenda item 9 (exempt: staffing) will be taken after the press and public have left.
    Flagged [mode=council]: The tenders were submitted in confidence, but we can tell you NVL's was the lowest.
    Flagged [mode=council]: The tender scores for the grounds contract were NVL 62, GreenEdge 71.
    Okay [mode=council]: Bring your confidential papers to our free shredding morning in the Plaza car park this Saturday.
    Okay: Everything I see at work is confidential, and that's exactly how it should be.
    Okay: Spent the whole evening re-reading the play-park tender bids.
    Okay: Long shift. Everything said in that room stays confidential, but I'm allowed to say I'm proud of them.
    Okay: Got a letter marked CONFIDENTIAL today. A pre-approved credit card offer. Straight in the recycling.
    Okay: I still cry at the same page of Ring of Bright Water every single time. Don't tell anyone at work.
    Okay [mode=council]: Allotment applications are open. Your details will be kept confidential and used only for the waiting list.
    Flagged: Councillors met last night in a session not open to the public to consider an offer for the land.

    A marker counts only when the post gives it something to keep: a person, a role, the
    council, work, or business words such as "meeting", "budget", "staff", "closing", "sale"
    (``models/patterns/confidential_context.txt``).

    Instead: leave it out; confidential business stays confidential after the meeting.

    Profile: none (``models/patterns/phrase_confidential.txt``, ``phrase_confidential_general.txt``).
    """
    for m in ctx.mentions:
        if m.kind == "phrase" and m.label in ("confidential", "confidential-business") and (strong(m) or about_business(ctx, m)):
            yield warn(m.start, m.end, f"“{m.text}” marks confidential business: it must not be posted.")


def confidential_term(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags the council's own confidential matters, as the clerk lists them ("Project Heron").

    A code name's own word counts alone when it is capitalised and quoted ("about 'Heron'") or
    before a business word ("that Heron thing", "the Heron paperwork"), never the bird.

    Why: clause 4.9, employees must not "disclose any confidential or sensitive information
    belonging to the Town Council".

    Flagged: Can't say much about project heron but it's big news.
    Flagged: Heron project meeting ran over again. Can't tell you what it's about.
    Okay: Saw a heron on the river this morning.
    Okay: My heron project is coming on, 400 photos and counting.
    Flagged: Our Helen says that Heron thing is going through whether people like it or not!!
    Flagged: had to sign some NDA thing today about 'Heron' whatever that is
    Okay: Heron's back on the muck-heap pond. Don't think the frogs stand a chance.

    Instead: leave it out until the council makes it public.

    Profile: ``[confidential]`` ``terms``.
    """
    for m in ctx.of("phrase", label="confidential-term"):
        yield warn(m.start, m.end, f"“{m.text}” is one of the council's confidential matters: it must not be posted.")


def security_data(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags your own answers to security questions: birthplace, mother's maiden name, first pet, first school, home address, first car.

    A "born in" with no "I" counts when no one else is its subject ("proud Yorkshireman, born in
    Whitby"; not "my son was born in", "Harry Styles, born in"); a name counts when it answers a
    security question or name quiz named earlier in the post, or names a school in a post about
    your first school (``own_security.py``).

    An address or postcode is your own in a first-person sentence or a post that hosts ("party
    invites going out"), unless someone else's name or possessive stands just before it
    (``personal_data.own_addresses`` decides, for this rule and clause 4.6's alike).

    Why: clause 5.1, "employees should be security conscious ... restricting the amount of
    personal information they give out, e.g. date and place of birth. This type of information
    may form the basis of security questions and/or passwords on other websites".

    Flagged: I was born in Kettering and never left.
    Flagged: Thrapston born and bred, 42 years and never left.
    Flagged: Fun one for a Sunday 👇 First school: Oakley Vale Primary. First pet: a hamster called Nibbles.
    Flagged: Born and bred at 14 Mill Lane and never moved further than the end of the road.
    Flagged: Get-to-know-me post: first pet – Hammy the hamster, dream car – a Defender. Your turn!
    Flagged: Free to a good home: kids' trampoline. Collect from 9 Laburnum Crescent any evening after 6.
    Flagged: Parcels for 41 Market Road, NN14 4BQ keep getting left next door. That's me, folks, please just knock!
    Flagged: If you see a box for 3 Willow Cottages, Titchmarsh, it's mine!
    Flagged: My first dog was a spaniel called Biscuit.
    Flagged: Fun fact: my mum's maiden name is Featherstone.
    Flagged: I went to Oundle Primary School, who else?
    Flagged: We live at 14 Meadow Close if anyone has a spare key.
    Flagged: Parcels for me can go to 8 Mill Lane, Thrapston NN14 4AF if I'm out.
    Flagged: Passport renewal done, place of birth Peterborough.
    Flagged: Went to Stanwick Primary in the 90s, anyone else from the class of '96?
    Flagged: Fun fact: my first car was a red Nova.
    Flagged: Name your street and your first pet = your drag name. Mine's Nibbles Oundle
    Flagged: rip to my first ever pet, Biscuit the hamster
    Flagged: mum was a Whitaker before she married dad, small world
    Flagged: first school was Denford C of E and I can still smell the dinners
    Flagged: born 9 Feb 1966 in Lisburn, so am I a Piscean?
    Flagged: New house keys!! 42 Wellington Road, come visit
    Flagged: new address for Christmas cards everyone: 3 Willow Close, Islip NN14 3LT
    Flagged: proud yorkshireman, born in Whitby and buried there one day
    Flagged: born in wellingborough, lived in raunds all my life
    Flagged: Same house since 1992: 8 Springfield Road, NN14 4RT. Best street in the county 🏡
    Flagged: Kettering General born and bred, and proud of it 💙
    Flagged: My bank's 'memorable place' question is literally where I was born, Peterborough.
    Flagged: Found my first school report from Kingsthorpe Primary, 1991: 'talks too much'.
    Flagged: Security question: 'name of your first pet'. Honestly. Captain Fluff, obviously.
    Flagged: Walked past Ringstead Primary today, my first school, now a car park.
    Flagged: Still at 9 Poplar Drive after 30 years and the damp is winning.
    Flagged: Proud owners of a tiny terrace: 5 Brook Street, finally ours!
    Flagged: Royal Mail, I am begging you. It's 5 Nene View, NN14 4BP. Not Nene Close.
    Flagged: Mum's maiden name came up in the quiz. Mum's is Kowalski, nobody can spell it.
    Flagged: Spent the morning on bank security questions. First pet: Dobbin, obviously.
    Flagged: My very first pet was a jack russell called Scamp. He bit the postman twice.
    Flagged: A security question asked for my first pet's name and I typed 'Humphrey' without thinking.
    Flagged: Security question wanted my first pet so I put 'Mr Whiskers' and now my bank knows I was a sad child.
    Flagged: Where were you born? Kettering General. First pet? A Shetland pony called Toffee who bit everyone.
    Flagged: Born in the signal box cottage at Ringstead in 1951.
    Flagged: First pet was a tortoise called Bruce Lee. Obviously. Explains a lot.
    Flagged: New gin is named after my first ever pet, a very bad terrier called Pickle.
    Flagged: I am born in Sylhet, came to England 1979 with my husband.
    Flagged: Mum's side, the Tarrants, were all Navy, back three generations.
    Flagged: My mother, of blessed memory, was a Finkelstein from Whitechapel.
    Okay: Party at Jodie's, 41 Chapel Street, Raunds from 8.
    Okay: My grandson was born in Northampton on Tuesday, 7lb 2oz.
    Okay: Harry Styles, born in Redditch, is playing Wembley tonight.
    Okay: Sarah Whitlock born and raised in Corby, and never lets us forget it.
    Okay: My mum, bless her, was a Londoner through and through.
    Okay: Born in a house with no electricity, apparently. Mum never lets me forget it.
    Okay: Born in Kettering General? Join the reunion group.
    Okay: Dropped the kids at Brigstock Primary, my first school run of the year.
    Okay: Our new puppy Biscuit has eaten the sofa.
    Okay: The fete is at 12 Station Road from 2pm, all welcome.
    Okay: Never use your first pet's name as a password, people!
    Okay: His place of birth is Leeds, apparently.
    Okay: My first school play was a disaster.
    Okay: I was born in the wrong decade.
    Okay: She kept her own surname when she married.
    Okay: PLEASE SHARE. Do not answer those 'first car / mother's maiden name' games on Facebook. They are fishing for your bank security answers.
    Flagged: Doing one of them Facebook quizzes: first pet Sooty the Jack Russell, first school Brook Street Infants.
    Flagged: Found Mum's ration book in the loft. Her maiden name was Fothergill.
    Flagged: Spanish Town girl born and bred, Northants by marriage.
    Okay: Lovely to see Jane at the reunion. Her maiden name was Smith, we were at school together.
    Flagged: Proud Scouser born in Bootle, living in Northants for twenty years.
    Okay: My dad was a proud Scouser born in Bootle.
    Flagged: Someone asked what my first pet was for one of them Facebook quizzes. Sooty the cat, 1979, hated everyone.
    Okay: My first pet was a hamster. Sooty the cat came later and belonged to my sister.

    Instead: leave it out; it answers the questions banks ask.

    Profile: none (``models/patterns/phrase_birthplace.txt``, ``phrase_security_answer.txt`` and the
    other security lists; ``security_questions.txt`` and ``security_answer_markers.txt``).
    """
    addresses = own_addresses(ctx)
    council = ctx.of("council")  # "I'm at 77 High St" is the council's address: clause 4.1, not the writer's home
    said = [m for m in security_phrases(ctx)
            if m.label != "home-address" or not any(m.overlaps(a) for a in (*addresses, *council))]
    for m in said:
        start = m.end - len(m.text.lstrip(",;: "))  # ", first dog Sooty" warns from "first"
        yield warn(start, m.end, security_message(ctx.text[start:m.end], m.label))
    for start, end, kind in answers(ctx):
        if not any(m.start < end and start < m.end for m in said):
            yield warn(start, end, security_message(ctx.text[start:end], kind))
    for m in addresses:
        if not any(m.overlaps(h) for h in said):
            yield warn(m.start, m.end, f"“{m.text}” looks like your own address, a common security question: keep it private.",
                       entity=m.entity)


def security_message(found: str, kind: str) -> str:
    """ "“Hammy” gives away the answer to a common security question: keep it private." (and so on per kind)."""
    if kind == "security-answer":
        return f"“{found}” gives away {SECURITY[kind]}: keep it private."
    return f"“{found}” gives away {SECURITY[kind]}, a common security question: keep it private."


def security_phrases(ctx: Context) -> list:
    """The security-data phrases: only the birthplaces that are the writer's (``own_security.own_birthplaces``), no
    "first school" that goes on to another noun ("Brigstock Primary, my first school run")."""
    births = own_birthplaces(ctx)
    return [m for m in ctx.of("phrase") if m.label in SECURITY and (m.label != "birthplace" or m in births)
            and not (m.label == "first-school" and school_goes_on(ctx, m))]


def _its_date(text: str, phrase: Mention, date: Mention) -> bool:
    """True when the date belongs to the birth phrase: inside it ("born 28/02/1979"), begun in it ("I was born on 3"
    of "… on 3 May 1980") or right after it ("My date of birth is 3 March 1985", "DOB: 14/06/1979"), so the
    employee sees one underline, on the date."""
    return phrase.overlaps(date) or (phrase.end <= date.start and not text[phrase.end:date.start].strip(" :,(-–—"))


def own_date_of_birth(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags your own date of birth, or enough of it ("my birthday is 3 March", "40 today").

    A full date with a birth year in a post about your birthday counts too ("my birthday on it,
    21.06.1979"; ``models/patterns/pii_dob_cues.txt``), unless it is another event ("Married 12 June
    1999"); a "born" after a wish to someone else ("Happy 70th to Kev! born …") or after someone else's age ("Kev
    Doyle turns 70 on the 3rd! Born …") is theirs (clause 4.6).

    Why: clause 5.1, employees should restrict "the amount of personal information they give
    out, e.g. date and place of birth".

    Flagged: My date of birth is 3 March 1985, if the bank asks.
    Flagged: I'm 40 today, cake time!
    Flagged: I was born on 14 February, a proper romantic.
    Flagged: Fun fact: I was born in the same place, the old maternity wing at Kettering General, on 19th April 1992.
    Flagged: Birthday today!! 🎂 born 11.11.88 and still acting 12
    Flagged: My birthday's on the 3rd of May, hint hint.
    Flagged: 30 today (06.11.95) and still got it
    Flagged: the bank asked my date of birth (02/11/1970) again
    Flagged: 45 today, born 02/03/1981 and still can't parallel park
    Flagged: Got a mug with my birthday on it: 14.02.1984, cheers Mum
    Flagged: Same birthday as Kylie, different year: 28 May 1975.
    Flagged: Fun fact: born 17.10.1983, same day as my mum's favourite song came out.
    Flagged: the week I was born, 9 July 1969, they landed on the moon
    Flagged: Passport form filled in, born 28/02/1979 in Kettering, all correct.
    Flagged: Anyone else born at Kettering General on 3 August 1991?
    Flagged: Passport renewal form wants my date of birth and I wrote 22/09/1968 and had a little cry.
    Flagged: Yes, I'm a Valentine's baby: born 14 Feb 1989 at Kettering General.
    Okay: Happy 60th to Steve Rollins, born 3rd April 1966 and still can't dance.
    Okay: Happy 70th to our Kev! 🎂 born 12/05/1956 and still digging.
    Okay: Kev Doyle turns 70 on the 3rd! Born 3 June 1955, same day as my dad.
    Flagged: Happy birthday tae me 🎂 30 today, 12 June 1995, Inverness born and bred
    Flagged: Insurance renewal wants my date of birth AGAIN. 02/09/1986. Same as last year.
    Okay: Kevin's details: born 3 March 1961, lives on Mill Lane.
    Okay: The Penny Black came out on 1st May 1840, and I was born on... no, nice try, not telling you that 😂
    Okay: It's my birthday! Married 12 June 1999 and still going strong.
    Okay: My birthday meal is booked for the Swan.
    Okay: Happy birthday to the best sister in the world!
    Okay: Temperatures hit 30 today.
    Okay: Gloucester Old Spot sow farrowed at 3am, eleven piglets, born 14th March, all sucking.
    Okay: Meet Graham Norton, our newest donkey 🫏 he's nosy. Born 2nd May last year at a farm near Oakham.
    Okay: Biscuit's 5th birthday today so he got a pupcake 🎂🐾 born 14 March 2021 and still a menace.

    Instead: celebrate without the date or age.

    Profile: none.
    """
    dobs = [m for m in ctx.of("pii") if m.entity == "DATE_OF_BIRTH"]  # someone else's stay clause 4.6's
    found = []
    for m in own_birth_phrases(ctx):  # the date itself where the phrase holds, starts or introduces one
        inner = [(d.start, d.end) for d in dobs if _its_date(ctx.text, m, d)]
        found += inner or [(m.start, m.end)]
    found += [(m.start, m.end) for m in dobs if m.label == "self" and not too_young(m.text, ctx.at.year)]
    taken = [*found, *((m.start, m.end) for m in dobs)]
    found += [(a, b) for a, b in birthday_dates(ctx) if not any(s < b and a < e for s, e in taken)]
    for start, end in found:
        yield warn(start, end, f"“{ctx.text[start:end]}” gives away your date of birth, a common security question: keep it private.",
                   entity="DATE_OF_BIRTH")


RULES = (
    Rule("PL501", "confidential-information", "4.9", Severity.WARNING, confidential_information),
    Rule("PL502", "confidential-term", "4.9", Severity.ERROR, confidential_term),
    Rule("PL510", "security-question-data", "5.1", Severity.WARNING, security_data),
    Rule("PL511", "own-date-of-birth", "5.1", Severity.WARNING, own_date_of_birth),
    Rule("PL520", "photo-of-colleague", "3.2", Severity.WARNING, photo_of_colleague),
    Rule("PL521", "photo-of-person", "4.10", Severity.WARNING, photo_of_person),
    Rule("PL530", "reposted-content", "4.10", Severity.WARNING, reposted_content),
    Rule("PL590", "remove-when-asked", "5.2", Severity.INFO, None, summary=(
        "Guidance only (no text check): clause 5.2, \"employees must remove any offending content "
        "immediately if they are asked to do so by the Town Council\" and \"should employees notice any "
        "inaccurate information about the Town Council online, they should report this to the Clerk in "
        "the first instance.\" Nothing in a post's text shows this; it is listed so the reference covers "
        "every clause.")),
)
