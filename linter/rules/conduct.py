"""Conduct and tone (PL3xx): criticism, derogatory remarks, protected characteristics, bullying.

The rules read the tone detector's mentions (``kind="tone"``, see ``linter.detect.tone``):
a negative mention is *aimed* when its evidence names a target, found in the same sentence
or in the sentence it refers back to. Untargeted negativity ("the trains are useless
today") is never flagged here. An accusation of wrongdoing aimed at the council or its people
(``disrepute.accusations``, also PL122's) is criticism and a derogatory remark too, and so is a doctored image of one of
the council's people (``disrepute.doctored_images``, also PL123's), which of a colleague is bullying as well.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..detect.mention import Mention
from ..detect.tone import PEOPLE_GROUPS, evidence_of, target_of
from ..profile import GROUP_NOUNS
from ..warning import PolicyWarning, Severity
from .base import Context, Rule, Warn, around
from .disrepute import accusations, doctored_images

_GROUP_WORDS = {"council": "the council", **GROUP_NOUNS}


HOSTILE_LABELS = ("negative", "insult", "profanity", "protected", "bullying")
_VERBS = {
    "negative": "criticises",
    "insult": "insults",
    "profanity": "swears at",
    "protected": "uses a protected characteristic against",
    "bullying": "bullies",
}


def aimed_at(mention: Mention) -> str:
    """How a message names a mention's target: "the council", "our clerk (an employee)"."""
    group, text = target_of(mention) or ("", "")
    return _named(text, group)


def _named(text: str, group: str) -> str:
    """A target as a message names it: "the council", "NVL (a contractor)", or the group alone when there is no text."""
    word = _GROUP_WORDS.get(group, group)
    return word if group == "council" or not text or text.lower() == word else f"{text} ({word})"


def _by_vader(mention: Mention) -> bool:
    """True when only VADER's sentence score (no listed word) made the mention negative."""
    return "vader" in evidence_of(mention)


def _aimed(ctx: Context, labels: tuple[str, ...], groups: tuple[str, ...]) -> Iterator[Mention]:
    """Tone mentions of these labels aimed at one of these groups (not at a listed person's famous namesake, where
    the post talks about the public figure: "old clips of Kevin Doyle holding the ball up for Ireland", "Got Shatner,
    Morris and Prince William")."""
    spoken_of = _spoken_of(ctx)
    for m in ctx.of("tone"):
        target = target_of(m)
        if m.label in labels and target and target[0] in groups and target[1].lower() not in spoken_of:
            yield m


def _spoken_of(ctx: Context) -> set[str]:
    """The public figures the post talks about (``public-context`` names), and the targets' words it uses only inside
    such a name ("William" in "Prince William")."""
    public = [p for p in ctx.of("person") if p.evidence == "public-context"]
    inside, outside = set(), set()
    for t in ctx.of("tone", label="target"):
        within = any(p.start <= t.start and t.end <= p.end for p in public)
        (inside if within else outside).add(t.text.lower())
    return {p.text.lower() for p in public} | (inside - outside)


def criticism_of_people(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Criticism aimed at employees, councillors, residents, customers, contractors or suppliers.

    Why: clause 4.5 — "do not damage working relationships by criticising or arguing with
    employees, residents, contractors or suppliers". Criticism counts when the sentence that
    carries it (or the one it refers back to) names or describes one of those people: a name
    on the clerk's list, "our clerk", "my manager", "the contractors", "a resident". Insults,
    swearing, discriminatory remarks and bullying aimed at them are hostile remarks too.
    Negativity about the weather, trains or oneself is not aimed at anyone and stays clean.

    Flagged: The contractors did a shoddy job again.
    Flagged: Had a row with my manager today. She is completely hopeless.
    Flagged: Priya Raman made a right mess of the accounts again.
    Flagged: The deputy clerk is a total jobsworth.
    Flagged: Our councillors haven't got a clue. Clueless.
    Flagged: Another visionary decision from upstairs.
    Flagged: Per my last email, some of my colleagues need to read their inbox.
    Flagged: @RajPatelCllr maybe read the papers before the meeting next time.
    Flagged: The finance officer has sent back my mileage claim three times over 40p. Catch yourself on, love.
    Flagged: Nene Valley Landscapes have once again failed to cut the cemetery grass on schedule.
    Flagged: Heard NVL pay their lads cash in hand and half of them haven't got the right to work here.
    Okay: The trains are useless today.
    Okay: Disappointed with the rain today.
    Okay: I failed to get tickets for Glastonbury again.
    Okay: The contractors did a brilliant job on the play area.
    Okay: Kevin Doyle gave my boy a tour of his allotment. He came home filthy and grinning.
    Okay: my saturday job at the garden centre: manager is a nightmare but the staff discount is great
    Okay: our Dan's home from uni and the fridge is already empty 🙄
    Okay: The new gym manager's changed the class times again without telling anyone, which is pretty annoying.
    Okay: An old colleague from my Argos days messaged today. We laughed about the manager who timed our toilet breaks. Dreadful bloke.
    Okay: Showed the U11s old clips of Kevin Doyle holding the ball up for Ireland. Now they all want to play up front 🙄⚽
    Okay: Picture round was all famous Williams. Got Shatner, Morris and Prince William. Missed Will.i.am. Shameful.
    Okay: Road home was shut for gas works, which was annoying. But I'm floating.
    Okay: Larry Ellison's bought another island, apparently. Must be nice.
    Okay: The clerk's scones were worth every calorie, the woman is wasted on spreadsheets.
    Okay: Our councillors aren't clowns, whatever the comments say.
    Okay: Sorry for ranting, long week.
    Flagged: Sarah W's off AGAIN with her 'anxiety'. Must be nice. Some of us actually have to turn up.
    Flagged: Read Tuesday's minutes and then tell me our councillors aren't clowns.
    Flagged: A woman called Aisha Bello came in ranting because her hall booking was cancelled.
    Flagged: Made a meme of Tom Stone's face on a garden gnome for the work chat 😂
    Flagged: NVL sent a lad round with a jet-wash to 'clean' the war memorial. Took half the lettering off. Absolute cowboys.
    Flagged: To the dog owners who keep letting their dogs foul the cricket square: you lot are a bloody disgrace.
    Okay: Tom Stone came round for tea. Brought a cake. Hopeless weather though.
    Okay: Video of our Sarah W from the council office screaming at the last stop of the ghost walk 😂👻
    Okay: One dad argued with the clerk of the course for twenty minutes about a tyre pressure.
    Okay: What a fete! Here's Cllr Pike having a go at clog stepping with us, surprisingly good!!

    A sentence that names such a person and that VADER scores very negative, with no listed
    critical word, is reported at ``info`` (worth a second look): VADER measures the mood
    of a sentence, not its stance towards the person.

    Instead: raise the problem with the Clerk or your line manager rather than posting it.

    Profile: the people in ``people.csv`` (and their aliases) are targets; switch
    the rule off or change its severity in ``[rules]``.
    """
    for m in _aimed(ctx, HOSTILE_LABELS, PEOPLE_GROUPS):
        yield warn(
            m.start, m.end,
            f"'{m.text}' {_VERBS[m.label]} {aimed_at(m)}: posting criticism of the people the council "
            "works with can damage working relationships.",
            suggestions=("raise it with the Clerk instead of posting",),
            severity=Severity.INFO if _by_vader(m) else None,
        )
    for m, who, group in accusations(ctx):
        if group in PEOPLE_GROUPS:
            yield warn(m.start, m.end, f"'{m.text}' accuses {_named(who.text, group)} of wrongdoing: posting criticism "
                       "of the people the council works with can damage working relationships.",
                       suggestions=("raise it with the Clerk instead of posting",))
    for m, who, group in doctored_images(ctx):
        yield warn(*around(m, who), f"A doctored image of {_named(who.text, group)} mocks them: posting it can damage "
                   "working relationships.", suggestions=("don't share it",))


def derogatory_remark(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Insults, profanity and accusations aimed at the council or its people; criticism of the council.

    Why: clause 4.7 — no "derogatory, offensive, discriminatory, untrue, negative, critical
    or defamatory comments about the council or its people", even when they are not named
    but can be identified. An insult ("idiots", "clueless", "a liar") or a swear word in a
    sentence that names or describes the council, a colleague, a councillor, a resident or
    a contractor is flagged; so are criticism, discriminatory remarks and bullying aimed at the
    council or its people (at ``warning`` when only VADER's sentence score, not a listed word,
    found it).

    Flagged: The council are useless idiots.
    Flagged: My colleague is a lazy idiot.
    Flagged: Our clerk is clueless.
    Flagged: That resident at number 12 is a nutter.
    Flagged: What a joke of a town council this is.
    Flagged: My employer couldnt organise a raffle in a tombola factory.
    Flagged: Heard Brightwater Cleaning Services pay cash in hand to lads with no papers.
    Flagged: The council has the bin rota wrong AGAIN, someone tell the office lol
    Flagged: Someone photoshopped the chairman's face onto a pig in a mayoral chain.
    Flagged: The deputy clerk was ever so dismissive when I rang about the bins.
    Okay: The referee was an absolute idiot today.
    Okay: Council tax went up again, ugh.
    Okay: I got the bin dates wrong again, sorry neighbours.
    Okay: This cake is wicked.
    Okay: Our clerk is amazing, she sorted everything out in an hour.
    Okay: The council of war in our house tonight is about whose turn it is to put the bins out.
    Okay: The student council at my daughter's school has voted to ban the word 'moist'. Democracy works.
    Okay: my boyfriend's table tennis club (TTC!!) won the league and he's acting like he won the world cup 🏓🙄
    Okay [mode=council]: We are aware of a scam text claiming to be from the Town Council and asking for payment for allotment renewals.
    Okay [mode=council author=Margaret_Ellison]: Thrapston Town Council's Remembrance service will be held at the war memorial at 10.45am on Sunday.

    Instead: remove the insult; raise concerns about the council with the Clerk.

    Profile: the council's ``name`` and ``aliases`` and the people in ``people.csv``
    are targets; switch the rule off or change its severity in ``[rules]``.
    """
    everyone = ("council", *PEOPLE_GROUPS)
    for m in _aimed(ctx, ("insult", "profanity"), everyone):
        yield warn(
            m.start, m.end,
            f"'{m.text}' is aimed at {aimed_at(m)}: derogatory or offensive remarks about the "
            "council or its people breach the social media policy.",
            suggestions=("remove the insult",),
        )
    for m in _aimed(ctx, ("negative", "protected", "bullying"), everyone):
        yield warn(
            m.start, m.end,
            f"'{m.text}' {_VERBS[m.label]} {aimed_at(m)}: negative, critical or discriminatory comments "
            "about the council or its people breach the social media policy.",
            suggestions=("raise it with the Clerk instead of posting",),
            severity=Severity.WARNING if _by_vader(m) else None,
        )
    for m, who, group in accusations(ctx):
        yield warn(m.start, m.end, f"'{m.text}' accuses {_named(who.text, group)} of wrongdoing: untrue or "
                   "defamatory comments about the council or its people breach the social media policy.",
                   suggestions=("raise it with the Clerk instead of posting",))
    for m, who, group in doctored_images(ctx):
        yield warn(*around(m, who), f"A doctored image of {_named(who.text, group)} is derogatory: offensive images "
                   "of the council's people breach the social media policy.", suggestions=("don't share it",))


def protected_characteristic(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """A protected characteristic (Equality Act 2010) used against a person, or a slur.

    Why: clause 4.8 — no "discrimination, harassment or cyber-bullying of employees"; the
    Equality Act 2010 protects age, disability, gender reassignment, marriage and civil
    partnership, pregnancy and maternity, race, religion or belief, sex and sexual
    orientation. A slur is always flagged; a characteristic is flagged when the sentence
    holds it against someone ("too old", "pregnant again so useless", "because he's gay").

    Flagged: Our clerk is too old to do the job.
    Flagged: She's pregnant again so useless for the next year.
    Flagged: He only got the job because he's gay.
    Flagged: The new lad at work has a stammer and it takes him ages to answer the phone 😂
    Okay: Congratulations to my colleague on the new baby!
    Okay: So proud of my mum, 70 and still running marathons.
    Okay: I'm too old for these late nights.
    Okay: Mum was a Whitaker before she married dad and apparently that makes us related to half of Raunds 😂
    Okay: Lost a black cockapoo round the rec, answers to Bo.
    Okay: Fitted a new carpet for an old dear called Mrs Barraclough. Lovely lady.
    Okay: Had a lady in with the ring her grandad wore through the war, and I told her to keep it.
    Okay: A lovely old dear brought in her late husband's carriage clock this week.
    Okay: Drove past the office on the way back from church, poor caretaker was scraping gum off the steps.
    Okay: Tom's just found a grass snake in the compost bay and named it Gerald 😂
    Okay: Saw Sarah W from work buying a pregnancy test at 2am 👀
    Okay: Video of Cllr Marsh parking across two disabled bays outside the Co-op.
    Okay: Harvest supper at church tonight, Jean's doing her hotpot... and the rain is STILL coming down.
    Okay: Lad on the next farm caught a pike in the drainage dyke at lunch, size of a small dog 🐟
    Okay: Saw the van driver having a fag behind the bins again, on the clock.
    Okay: Snaw's on at hame, ma mam's sent a photie o the gairden buried tae the dyke.
    Okay: NVL have been on the verges all week. Two blokes, one strimmer, endless fag breaks.
    Okay: My sister is pregnant again! Auntie duties incoming 💕
    Okay: Lovely chat with Mrs Ellison at the parade. She remembered my grandad's name from the memorial, which set me off crying.
    Okay: #MargaretEllison for town mayor 😂 she runs that office tighter than mi church choir.
    Okay: Thank you to all 46 volunteers who came out for Saturday's litter pick, and a special mention to Kevin Doyle.
    Okay: Cardiff was something else. Seventy thousand singing and I was a mess by the second verse.
    Okay: Steam, mince pies, and a Santa with a suspiciously Peterborough accent. Magic all round.
    Okay: My daughter says it's 'just porridge'. Eighteen years old and already forgetting where she's from.
    Okay: Scanned a man who swore blind he'd 'just fallen' onto it. Can't say more than that.
    Okay: My granddad taught me at a kitchen table in Corby with a loupe and a fag behind his ear.
    Okay: My brother Daniel got married on Saturday and cried more than the bride did.
    Okay: Special mention to Will, who's been through hell with his wife's cancer this year and still turned up.
    Okay: Made a lemon balm blend for Sarah at work, her anxiety's been awful since the divorce went through 💚
    Okay: Sparring with Danny from work tonight 🥊 he's better than he looks, swipe for the black eye 😂
    Flagged: Dan Okafor only got deputy clerk cos they needed a token. Everyone in the office knows it.
    Flagged: Finance officer's fasting for Ramadan so good luck getting your expenses signed after 3pm, she's useless by then.
    Okay: Happy Eid to all our Muslim friends who've been fasting for Ramadan! 🌙
    Okay: Fifty today! 14/02/1976, a Valentine's baby 😘 and a card from the skittles lot with a tortoise on it, cheeky gits.
    Okay: Wrote a little verse for Helen Marsh after her husband's funeral last week.
    Okay: 78% hydration, 36 hour cold retard and an ear you could hang a coat on 🍞
    Flagged: Tom's gone for bacon rolls, as if he needs any more 🐷
    Okay: I've had too many pies this Christmas, back to the gym Monday.
    Okay: Pakistan 287 all out, need 288 to win, and my cousin is already saying it's over 🏏
    Okay: Lost my woggle at Scout camp again, third one this year.
    Flagged: that deputy clerk bloke from the council come in again, can't understand a word he says. should go back to wherever he's from.
    Flagged: The new part-timer on the hall is about 70, bless him. Should be in a home, not holding a mop 😂
    Okay: Widow Twankey rehearsal: three costume changes in ninety seconds and I lost a wig in the wings.
    Okay: It's the old dear on Thursday who cried because her late husband always promised her a proper larder.

    Instead: remove the remark; a person's age, disability, sex, race, religion, sexuality,
    pregnancy or marital status has no place in a complaint.

    Profile: none beyond switching the rule off or changing its severity.
    """
    for m in ctx.of("tone", label="protected"):
        characteristic = evidence_of(m).get("characteristic", "a protected characteristic")
        whom = f" against {aimed_at(m)}" if target_of(m) else ""
        yield warn(
            m.start, m.end,
            f"'{m.text}' uses {characteristic}{whom}: remarks about protected characteristics "
            "(Equality Act 2010) are discrimination under the social media policy.",
            suggestions=("remove the remark",),
        )


def bullying(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Bullying and cyber-bullying: ganging up on, excluding, threatening or mocking a person.

    Why: clause 4.8 — no "discrimination, harassment or cyber-bullying of employees".

    Flagged: Everyone ignore her at work tomorrow.
    Flagged: Let's make her life hell until she quits.
    Flagged: Nobody likes you, Sarah.
    Flagged: Made a group chat without Sarah W in it, nobody tell her
    Flagged: Nobody invite the new starter to the quiz.
    Flagged: Leaving drinks Friday for the office. Not telling Sarah, she'll only moan about the bill.
    Flagged: Photoshopped the caretaker's head onto a stairlift advert and pinned it on the staff noticeboard 😂
    Flagged: Friday drinks sorted 🍻 we've all agreed not to tell Daniel, it's so much nicer without him.
    Flagged: Day 14 of everyone in the office 'forgetting' to tell Sarah W when lunch is. Honestly it's the only fun we get 😇
    Okay: Everyone ignore my typos, it's late.
    Okay: Nobody likes a soggy bottom on a pie.
    Okay: Let's make this weekend one to remember.
    Okay: Planning a surprise lunch for Sarah's birthday, nobody tell her!
    Okay: At my desk pretending to reconcile the bank statements while actually reading this. Don't tell Priya.
    Okay: Someone photoshopped the chairman's face onto a pig in a mayoral chain.
    Okay: Face painting at the fete: the clerk had a tiger drawn on her face by lunchtime.

    Instead: do not post it; if a colleague's conduct is a problem, tell your manager or the
    Clerk.

    Profile: none beyond switching the rule off or changing its severity.
    """
    for m in ctx.of("tone", label="bullying"):
        whom = f" aimed at {aimed_at(m)}" if target_of(m) else ""
        yield warn(
            m.start, m.end,
            f"'{m.text}' reads as bullying{whom}: harassment and cyber-bullying breach the "
            "social media policy.",
            suggestions=("remove the remark",),
        )
    for m, who, group in doctored_images(ctx):
        if group == "employee":
            yield warn(*around(m, who), f"A doctored image of {_named(who.text, group)} mocks a colleague: "
                       "cyber-bullying breaches the social media policy.", suggestions=("don't share it",))


RULES: tuple[Rule, ...] = (
    Rule("PL305", "criticism-of-people", "4.5", Severity.WARNING, criticism_of_people),
    Rule("PL307", "derogatory-remark", "4.7", Severity.ERROR, derogatory_remark),
    Rule("PL308", "protected-characteristic", "4.8", Severity.ERROR, protected_characteristic),
    Rule("PL318", "bullying", "4.8", Severity.ERROR, bullying),
)
