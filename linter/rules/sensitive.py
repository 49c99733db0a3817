"""Another person's sensitive information (PL503): clause 4.9.

The rule reads the phrase lists
of sensitive information (``kind="phrase"``, labels ``sensitive-health``, ``sensitive-finance``,
``sensitive-legal``, ``sensitive-private``, ``sensitive-care``, ``sensitive-records``) and pairs
each with whose it is: the people detectors (``listed-person``, ``listed-role``, ``person``),
the colleague phrases (``colleague``, ``colleague-name``) and people of the council's circle
described rather than named (``circle-person``: "someone at work", "one of our hirers").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from ..assets import list_alternation
from ..detect.mention import Mention
from ..warning import PolicyWarning
from .base import Context, Rule, Severity, Warn, per_post

# What each kind of sensitive information is, in a message ("Sarah Whitlock's health").
KINDS = {
    "sensitive-health": ("health", "is"),
    "sensitive-finance": ("finances", "are"),
    "sensitive-legal": ("trouble with the law", "is"),
    "sensitive-private": ("private news", "is"),
    "sensitive-care": ("care", "is"),
    "sensitive-discipline": ("disciplinary matter", "is"),
}
OWNERS = frozenset({"colleague", "colleague-name", "circle-person"})
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)[.!?\n]+")  # not "Mr K. Doyle"
# The writer as subject ("I'm off with stress", "we're behind on the rent"): the information is theirs.
SELF = re.compile(r"(?<![\w'’])(?:i|i['’](?:m|ve|d|ll)|im|ive|myself|we|we['’](?:re|ve|d))(?![\w'’])", re.IGNORECASE)
MINE = re.compile(r"\bmy\s+(?:\S+\s+)?$", re.IGNORECASE)  # "my" just before the information ("behind on my ...")
# The writer as creditor ("we are still owed £1,280 by a hirer", "owes me £60"): the debt is the other person's.
OWED = re.compile(r"\b(?:is|are|was|were|am|be|been|still|['’]re|['’]m)\s+(?:still\s+)?owed\b|\bow(?:es|e|ing)\s+(?:me|us)\b",
                  re.IGNORECASE)
CLAUSE = re.compile(r"[,;:()\u2013\u2014\u2600-\u27bf\U0001f000-\U0001faff]")  # clause breaks, emoji among them
PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.IGNORECASE)
DETERMINERS = ("Our ", "The ", "A ", "One ", "Someone ", "Somebody ")


def sensitive_information(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags another person's sensitive information: their health, money trouble, trouble with the law, unshared news or a child's care.

    The information ("off with stress", "op on his knee", "in £900 arrears", "owes £240", "done
    for drink driving", "hasn't told anyone yet", "arrived with a carrier bag") counts when it is
    about someone other than the writer who is named or belongs to the council's circle: a
    listed person or role, a named person, a colleague ("our clerk", "Dan from work") or someone
    described ("someone at work", "one of our regular hirers", "the cheese van fella", "a family
    in our parish"), in the same sentence or, through "he", "she" or "they", the one before.
    Records of staff sickness or pay count whoever they are about.

    Why: clause 4.9, employees must not "disclose any confidential or sensitive information
    belonging to the Town Council, its employees, residents, customers, contractors or
    suppliers".

    Flagged: Sarah Whitlock's off with stress again, so that's me doing two jobs this week.
    Flagged: Please send good vibes to our Tom at work, op on his knee tomorrow.
    Flagged: Word to the wise, Kevin Doyle is £4k behind on his allotment rent.
    Flagged: Heard Edith Barraclough's had the bailiffs round over her council tax.
    Flagged: so sad to hear someone at work is going through bankruptcy.
    Flagged: Told the cheese van fella again. He still owes for January.
    Flagged: Cllr Pike got done for drink driving last month.
    Flagged: Priya Raman is leaving for a job in Leicester but hasn't told anyone yet.
    Flagged: Saw the staff sickness spreadsheet by accident.
    Flagged: Dan at work's going through a horrible divorce, bless him.
    Flagged: So the caretaker's finally on a final written warning. Took them long enough.
    Flagged: Following a grievance raised by a member of staff, the deputy clerk is on leave.
    Flagged: Sarah W's off AGAIN with her 'anxiety'. Must be nice.
    Flagged: Sad to hear Helen Marsh has had to sell her car to cover her husband's care home fees.
    Flagged: Gareth Pilkington from the Huntingdon Road job still owes me £1,250.
    Flagged: Mrs Barraclough has been granted a hardship reduction on her allotment fees.
    Flagged [mode=council]: Reminder to Aisha Bello that the balance for her hall booking (£340) is now overdue.
    Flagged: Poor Priya in finance has had an attachment of earnings order over a county court judgment.
    Flagged [mode=council]: A reminder to Mr K. Doyle that his allotment rent of £64 is now three months overdue.
    Flagged: Pay rise letter says 2%. Meanwhile I know for a fact the clerk's on £52k.
    Flagged: Mrs Barraclough's housing benefit has been stopped and she came in asking us for help.
    Flagged: Kevin Doyle's been taken to the small claims court over £340 of allotment rent, apparently.
    Flagged: Bumped into Sarah from the office, she's off to the debt advice place in Kettering again, poor thing.
    Flagged [mode=council]: A reminder to Aisha Bello that £420 remains outstanding for the May hall hire.
    Flagged: Anyone know Paul Treadwell? Owes me £60 for a clutch job.
    Flagged: Saw Kevin Doyle at the shelter last night, the allotment chap, and had no idea he'd lost his house.
    Flagged: Raj Patel's tab in here is up to £86 and he's a councillor. I'm not running a bank, Raj.
    Flagged: Did a roof for a fella called Steve Ranscombe on Oundle Road in August. Still not paid. £1,400.
    Flagged: Still waiting on payment from a certain Aisha Bello for the unicorn castle back in June. £120.
    Flagged [mode=council]: We're chasing a hall hirer who owes £640 in unpaid fees. Aisha, please get in touch.
    Flagged [mode=council]: We are still owed £1,280 by a hirer from the summer. If you know who you are, please pay up.
    Okay: Still waiting on my tax refund, HMRC are useless.
    Okay: I'm behind on my rent this month, skint.
    Okay: I'm off with stress this week, back Monday.
    Okay: My knee op went well, thanks everyone.
    Okay: My sister put in a grievance against her landlord, good for her.
    Okay: Wishing my mum a speedy recovery, her hip op went well.
    Okay: It's stress awareness week, look after yourselves.
    Okay: Cancer Research fun run on Sunday, sponsor me!
    Okay: The bank charges arrears fees on overdue cards.
    Okay: Debt advice is available free at the library every Tuesday.
    Okay: Not naming names but Tom still owes me a tenner from darts night.
    Okay: My library books are overdue again, oops.
    Okay: I've got a CCJ from 2015 and still can't get a phone contract.
    Okay: My library books are three weeks overdue, oops.
    Flagged: Hall hirer STILL hasn't paid for the christening in June. Aisha, if you're reading this, it's £185.
    Flagged: Please keep Darren Cole in your thoughts. He lost the flat in the summer and he's sleeping in the church porch now.
    Okay: Pr1ya in finance STILL hasn't paid my mileage from March. It's October.
    Flagged: Saw someone from the council offices in the baby bank queue today. Times are hard, be kind.
    Flagged: Not naming names, but the vice-chair of the town council has had a tab here since August.
    Flagged: The lady who booked the hall then said my arch was 'a bit much' and still hasn't paid the extra... Aisha hun, it was what you ordered.
    Flagged [mode=council]: We can confirm that a member of office staff is currently signed off with stress.
    Okay: I was in the food bank queue today, no shame.
    Okay: We're owed £200 by HMRC apparently.
    Flagged: Hall's booked solid till Christmas. One mum (won't say who 👀) still owes for three of her kids' parties from the summer.

    Instead: leave the details out, or post only with their permission; "off work" says enough.

    Profile: ``people.csv`` for whose information it is (``models/patterns/phrase_sensitive_*.txt``,
    ``phrase_circle_person.txt``).
    """
    for m, said in disclosures(ctx):
        yield warn(m.start, m.end, said, suggestions=(m.evidence,) if m.evidence else ())


@per_post
def disclosures(ctx: Context) -> tuple[tuple[Mention, str], ...]:
    """Each piece of another person's sensitive information in the post, with what the warning says about it (also
    read by clause 2.4's ``council-account-confidential`` on the council's account)."""
    whom = owners(ctx)
    found = [(m, message(m, who)) for m in ctx.mentions
             if m.kind == "phrase" and m.label in KINDS and (who := owner(ctx.text, m, whom))]
    found += [(m, f"“{m.text}” holds employees' sensitive information: it must not be posted.")
              for m in ctx.of("phrase", label="sensitive-records") if not MINE.search(ctx.text[max(0, m.start - 20):m.start])]
    return tuple(found)


def owners(ctx: Context) -> list[Mention]:
    """Whose information a post can give away: listed people and roles, named people (not public figures or relatives), colleagues,
    the council's circle and the people tone is aimed at ("one of the councillors")."""
    family = [m for m in ctx.of("person") if m.label == "family"]
    named = [m for m in ctx.of("person") if m.label not in ("public", "family") and is_named(ctx, m)]
    words = [m for m in ctx.of("phrase") if m.label in OWNERS]
    aimed = [m for m in ctx.of("tone", label="target") if m.evidence != "target=council"]  # "our long-serving caretaker"
    found = [*ctx.of("listed-person", "listed-role"), *named, *words, *aimed]
    return sorted((m for m in found if not any(f.start <= m.start < f.end for f in family)), key=lambda m: (m.start, -m.end))


def is_named(ctx: Context, m: Mention) -> bool:
    """A capitalised name, or a lower-case one that is a listed person's first name ("margaret's been signed off")."""
    return m.text != m.text.lower() or re.sub(r"['’]s$", "", m.text.split()[0]) in first_names(ctx.profile.people)


@lru_cache(maxsize=2)
def first_names(people: tuple) -> frozenset[str]:
    """The lower-case first names and aliases of the clerk's people (once per profile, not once per mention; a
    reloaded profile replaces the old one)."""
    return frozenset(n.split()[0].lower() for p in people for n in (p.name, *p.aliases) if n.split())


def owner(text: str, info: Mention, whom: list[Mention]) -> Mention | None:
    """Whose the information is: the nearest person before it in its sentence (none if the writer speaks of themself
    between, unless the writer is the one owed: "we are still owed £1,280 by a hirer"), else one after it, else one in
    the sentence before when a pronoun ("he", "her") in its sentence points back ("Aisha Bello still hasn't paid. £340
    outstanding and she blanks me") or the information opens its sentence, its subject left out ("Anyone know Paul
    Treadwell? Owes me £60 for a clutch job."), else one spoken to at the start of the next sentence ("Hall hirer STILL
    hasn't paid for the christening. Aisha, if you're reading this …")."""
    bounds = sentences(text)
    here = sentence_of(bounds, info.start)
    near = [w for w in whom if not w.overlaps(info) and sentence_of(bounds, w.end - 1) == here]
    if before := [w for w in near if w.end <= info.start]:
        who = max(before, key=lambda w: (w.end, w.kind.startswith("listed")))
        return None if writer(text[who.end:info.start]) and not owed(text, info) else who
    if writer(text[bounds[here]:info.start]) and not owed(text, info):
        return None
    if after := [w for w in near if w.start >= info.end]:
        return after[0]
    previous = [w for w in whom if sentence_of(bounds, w.end - 1) == here - 1]
    end = bounds[here + 1] if here + 1 < len(bounds) else len(text)
    elided = not text[bounds[here]:info.start].strip()  # "Anyone know Paul Treadwell? Owes me £60 for a clutch job."
    if previous and (elided or PRONOUN.search(text, bounds[here], end)):
        return previous[-1]
    return next((w for w in whom if sentence_of(bounds, w.start) == here + 1 and VOCATIVE.match(text, w.end)
                 and not text[end:w.start].strip()), None)


# A name that opens the next sentence and is spoken to ("… hasn't paid for the christening. Aisha, if you're reading
# this, it's £185"; "Mrs Nowak, I have your number"; "… still hasn't paid the extra... Aisha hun, it was what you ordered").
VOCATIVE = re.compile(r"(?:\s+(?:hun|hon|love|luv|babe|mate|pal|darling|dear))?\s*(?:,|\bif\b)", re.IGNORECASE)


def owed(text: str, info: Mention) -> bool:
    """True when the information says the writer is owed ("we are still owed £1,280", "owes me £60"), with the words just
    before it."""
    return bool(OWED.search(text, max(0, info.start - 15), info.end))


def writer(gap: str) -> bool:
    """True when the words before the information make it the writer's own: "I'm" or "we've" in its clause, "my"
    just before it, or a relative of the writer ("my mum") between."""
    return bool(SELF.search(CLAUSE.split(gap)[-1]) or MINE.search(gap) or kin().search(gap))


@cache
def kin() -> re.Pattern:
    """The writer's relative ("my mum", "me nan", "our lad"): news of them is family news, not the council's circle."""
    return re.compile(rf"\b(?:my|me|our)\s+(?:\w+\s+)?(?:{list_alternation('names_family_words')})\b", re.IGNORECASE)


def sentences(text: str) -> list[int]:
    """The start of each sentence, in order."""
    return [0, *(m.end() for m in SENTENCE_END.finditer(text))]


def sentence_of(bounds: list[int], pos: int) -> int:
    """The index of the sentence holding ``pos``."""
    return sum(1 for b in bounds[1:] if b <= pos)


def message(info: Mention, who: Mention) -> str:
    """ "“off with stress” is Sarah Whitlock's health, which is sensitive: post it only with their permission." """
    name = re.sub(r"['’]s?$", "", who.text.strip())
    if (who.kind == "phrase" and who.label != "colleague-name") or name.startswith(DETERMINERS):
        name = name[0].lower() + name[1:]
    kind, verb = KINDS[info.label]
    whose = f"the {kind} of {name}" if len(name.split()) > 2 or name.endswith("s") else f"{name}'s {kind}"
    return f"“{info.text}” is {whose}, which {verb} sensitive: post it only with their permission."


RULES = (
    Rule("PL503", "sensitive-information", "4.9", Severity.WARNING, sensitive_information),
)
