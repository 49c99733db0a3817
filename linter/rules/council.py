"""The council identified (PL1xx): clauses 4.1 to 4.4 in personal posts.

The clause 4.3 checks live in ``disrepute.py`` and are registered here. The rules read the
council detector's mentions (``kind="council"``), the phrase lists
(``kind="phrase"``: work identity, own role, council business, disclaimer, disrepute) and the
personal-data detector's links (``kind="link"``, label the registered domain).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detect.person_context import uk_places
from ..detect.phrase_context import another_bodys_meeting, elsewhere
from ..warning import PolicyWarning
from .base import Context, Rule, Severity, Warn, around
from .confidential import about_business, strong
from .photos import same_sentence
from .disrepute import blocked_link, disrepute_accusation, disrepute_conduct, inappropriate_image

PERSONAL = ("personal",)
DISCLAIMER = 'add "Views are my own." to the post'
NAMING = {
    "name": "is the council's name",
    "alias": "is a name the council goes by",
    "email-domain": "is a council e-mail address, which names the council",
    "web-domain": "is the council's website, which names the council",
}


def disclaimer(ctx: Context) -> tuple[str, ...]:
    """The "Views are my own" suggestion, unless the post already says so (clause 4.2)."""
    return () if ctx.of("phrase", label="disclaimer") else (DISCLAIMER,)


def council_name(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags the council's name or one of its aliases in a personal post.

    Any case, with or without spaces, as a hashtag (``#ThrapstonTownCouncil``) or possessive;
    the council's e-mail and web domains name it too (they are also flagged under clause 4.4).
    Short aliases in capitals ("TTC") match only in capitals, and not in a sentence that shows
    another sense of the initialism ("TTC month 9", "the TTC streetcar in Toronto";
    ``models/patterns/council_acronym_senses.txt``). Other councils ("Northamptonshire County
    Council") and "council" in a general sense ("council tax") are not this council.

    Why: clause 4.1, employees must not "publicly identify themselves as working for the Town
    Council, make reference to the Town Council or provide information from which others can
    ascertain the name of the Town Council".

    Flagged: Great turnout at the Thrapston Town Council quiz night!
    Flagged: Proud to be part of #ThrapstonTownCouncil
    Flagged: TTC have finally fixed the swings.
    Flagged: Found a typo on the newsletter's front page: 'Thrapston Town Cuncil'.
    Flagged: @ThrapstonTC your new website is like a maze.
    Flagged: @DanOkafor_TTC mate you still owe me a pint for covering your Tuesday.
    Flagged: Bin dates are on thrapstontowncouncil.gov.uk if you need them.
    Okay: My council tax has gone up again.
    Okay: Northamptonshire County Council are resurfacing the A605 next week.
    Okay: I grew up on a council estate and I'm proud of it.
    Okay: TTC month 9 and trying not to get my hopes up. Booked a consultation at the clinic for March.
    Okay: #TTC_journey day 40, fingers crossed.
    Okay: Toronto day 3! Finally figured out the TTC streetcars.
    Okay: Trade counter order TTC-449201 still isn't ready, third time I've driven over.
    Okay: To all you lovely ladies TTC and feeling like it'll never happen. Don't give up hope xx
    Okay: TTC for 3 years and now I spend my Saturdays sorting other people's babies' clothes.
    Flagged: Can't say who, obviously, but a certain Thrapston councillor has been driving about with no MOT.
    Flagged: Mate of mine works for Thrapston's little town council.
    Okay: Strimming round the gravestones in Thrapston for the council again.

    Instead: leave the council out of personal posts ("the town" or "work" say enough).

    Profile: ``[council]`` ``name`` and ``aliases``; ``models/patterns/council_acronym_senses.txt``.
    """
    for m in ctx.of("council"):
        if m.label in NAMING:
            yield warn(m.start, m.end, f"“{m.text}” {NAMING[m.label]}: a personal post must not refer to the council.",
                       suggestions=("the town", *disclaimer(ctx)), entity="ORGANIZATION")


def council_address(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags the council's address (the whole address, its street line or its postcode).

    Why: clause 4.1, employees must not "provide information from which others can ascertain
    the name of the Town Council".

    Flagged: Pop into 77 High Street, Thrapston, NN14 4JJ and say hello.
    Flagged: Parcel for me? Send it to 77 High Street.
    Flagged: If you need me tomorrow I'm at 77 High St till 5, come say hi.
    Okay: Lovely walk down the high street this morning.

    Instead: leave the address out; "in town" is enough for a personal post.

    Profile: ``[council]`` ``address``.
    """
    for m in ctx.of("council", label="address"):
        yield warn(m.start, m.end, f"“{m.text}” is the council's address: it tells readers where you work.",
                   suggestions=("in town",), entity="ADDRESS")


def works_for_council(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags saying that you work for the council ("I work at the town council").

    Also "employer" with the council in the same sentence ("Worst employer I've ever had, the
    town council"), and claiming the team's work in a post that refers to a town council ("our
    small team delivered ... Proud of what a town council can achieve").

    Why: clause 4.1, employees must not "publicly identify themselves as working for the Town
    Council".

    Flagged: I work at the town council so I know how slow this is.
    Flagged: No, I can't get you a quicker allotment, I just answer the phones at the Town Council.
    Flagged: My job at the council keeps me busy.
    Flagged: Loving my new role with the council.
    Flagged: first week of my apprenticeship at the town council done!! learnt how to do minutes
    Flagged: The council I work for is a shambles from top to bottom.
    Flagged: Worst employer I've ever had, the town council. Never again.
    Flagged: Our small team delivered two grant bids this year. Proud of what a town council can achieve.
    Okay: The council estate I grew up on has changed a lot.
    Okay: I work at the garden centre on Saturdays.
    Okay: Work experience at the garden centre this week, loving it.
    Okay: My employer has given us an extra day off at Christmas.
    Flagged: Did the hinges on the Mayor's chain box as a favour, being as I'm on the books at the town council.
    Flagged: Council tax is the county's, not ours. We're the town council: we do the rec, the allotments and the cemetery.
    Flagged: People always ask what I actually do at the town council. Today: unblocked a loo.
    Flagged: I do the street-trading licences at the town council by day and the kebab shop tills by night.
    Flagged: Booked Friday off from the town council weeks ago so nobody can make me sit through the finance committee.

    Instead: leave your employer out of personal posts.

    Profile: none (the phrases are in ``models/patterns/phrase_work_identity.txt``,
    ``phrase_employer.txt``, ``phrase_work_claim.txt``).
    """
    for m in ctx.of("phrase", label="work-identity"):
        yield warn(m.start, m.end, f"“{m.text}” says you work for the council: personal posts must not say so.",
                   suggestions=("I work locally",))
    named = [*council_named(ctx), *ctx.of("phrase", label="council-reference")]
    claims = ctx.of("phrase", label="work-claim")
    for m in ctx.of("phrase", label="employer"):
        if who := next((n for n in named if same_sentence(ctx.text, m, n, near=120)), None):
            yield warn(*around(m, who),
                       f"“{who.text}” as your employer says you work for the council: personal posts must not say so.")
    for m in ctx.of("phrase", label="council-reference") if claims else ():
        if any(c.start <= m.start and m.end <= c.end for c in claims):
            continue  # a supplier's job told with the council in it ("Fitted a kitchenette at the council offices")
        yield warn(m.start, m.end, f"“{m.text}” with “{claims[0].text}” says you work for the council.",
                   suggestions=("leave the council out",))


def council_named(ctx: Context) -> tuple:
    """The council's name, aliases and domains."""
    return tuple(m for m in ctx.of("council") if m.label in NAMING)


def council_hinted(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a council job, "the town council" or one's council work together with a local place.

    Neither part alone is flagged: "as the groundsman" or "Thrapston" is harmless, but the two
    together let readers work out which council the writer works for; so does a council job
    named by its place ("the Thrapston groundsman"), or a council job anywhere in a post that names a local place
    ("Cemetery at Thrapston again, and once again the groundsman had left a mound of spoil"). Council work (what
    ``council-work`` flags: "grant bid submitted", "emptying 27 dog bins") with a local place
    counts the same way.

    Why: clause 4.1, employees must not "provide information from which others can ascertain
    the name of the Town Council".

    Flagged: Up at dawn as the groundsman in Thrapston, the mowing never stops.
    Flagged: The town council have finally put new benches on Huntingdon Road.
    Flagged: Caretaker, Thrapston. Ask me anything about boilers.
    Flagged: 20 years as Deputy Clerk in Thrapston. Onwards!
    Flagged: Retired from the bank, now I'm the part-time cemetery attendant in Thrapston and I've never been happier.
    Flagged: Emptying 27 dog bins round Thrapston in the rain.
    Flagged: Grant bid submitted at 16:58, fingers crossed for the Thrapston skatepark money.
    Flagged: Lunchtime at my council job in Thrapston. Just costed the Christmas lights repairs.
    Flagged: The Thrapston groundsman parked his mower right on a gully cover again.
    Okay: Up at dawn as the groundsman, the mowing never stops.
    Okay: Lovely sunset over Thrapston tonight.
    Okay: Emptying the bins in Thrapston before the rain.
    Okay: My council job is fine, thanks for asking.
    Flagged: Deputy caretaker, Thrapston. Lay preacher, Raunds. Grandad, everywhere.
    Flagged: Tree warden for Thrapston, which means this week I surveyed 64 limes along Huntingdon Road.
    Flagged: Rights-of-way warden at Thrapston has to be the best job going.
    Flagged: Spent my council shift this week regilding the chairman's chain, Thrapston's finest bit of civic bling.
    Flagged: Parks team in Thrapston by day, dragon builder by night 🐉
    Okay: The parks team in Corby have done a lovely job on the roses.
    Flagged: Cemetery at Thrapston again, and once again the groundsman had left a mound of spoil by the graveside.
    Okay: The caretaker at Thrapston Primary is a legend.
    Okay: Gentle restorative flow for our TTC mamas-to-be this Thursday. Bolsters provided.
    Flagged: Paid 43 days late AGAIN by a certain town council near the A14/A605 junction.

    Instead: drop either the job or the place.

    Profile: ``[council]`` ``places``; employee roles in ``people.csv``.
    """
    places = ctx.of("council", label="place")
    if not places:
        return
    jobs = [(role, next((p for p in places if role.start <= p.start and p.end <= role.end), None))
            for role in ctx.of("listed-role") if role.person and role.person.group == "employee"]
    for role, at in jobs:
        if at:
            yield warn(role.start, role.end, f"“{role.text}” names a council job by its place: readers can work out which "
                       "council it is.", suggestions=(f"leave out “{at.text}”",), severity=Severity.WARNING)
    where = places[0].text
    yours = ctx.of("phrase", label="own-role") + ctx.of("phrase", label="council-reference") or work_mentions(ctx)[:1]
    for m in yours:
        yield warn(m.start, m.end, f"“{m.text}” together with “{where}” lets readers work out which council you work for.",
                   suggestions=(f"leave out “{where}”",), severity=Severity.WARNING)
    apart = [role for role, at in jobs if at is None]
    if apart and not yours:  # "Cemetery at Thrapston again … the groundsman had left a mound of spoil"
        yield warn(apart[0].start, apart[0].end, f"“{apart[0].text}” together with “{where}” lets readers work out which "
                   "council it is.", suggestions=(f"leave out “{where}”",), severity=Severity.WARNING)


def council_work(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags writing about your council work: meetings, minutes, agendas, reports.

    Council business ("the full council meeting", "the minutes") counts when the sentence is
    about you ("I", "my", "we"); describing the work itself ("drafting the minutes") and
    closed-meeting business ("tonight's exempt item", "the Part II item") always count. A
    resident-style mention ("the council meeting is on Tuesday") is left alone, and so is a paper
    said to be up with its link on the council's site in a post that says nothing of you ("Agenda's
    up at …/meetings"), or a "closed session" with no business in the post. Where the post
    has no "Views are my own" disclaimer, the suggestion offers one (here and on the clause 4.1
    warnings, since those posts can be linked to the council).

    Why: clause 4.2, employees must not "write about their work for the Town Council. In
    postings that could be linked to the Town Council, they must also ensure that any personal
    views expressed are clearly stated to be theirs alone".

    Flagged: Drafting the minutes for Tuesday's committee, send coffee.
    Flagged: At tonight's full council meeting I finally presented my report.
    Flagged: Tonight's exempt item was a real eye-opener.
    Flagged: Just finished setting the precept with the finance committee.
    Flagged: Spent all day doing the allotment inspections for work.
    Flagged: Been asked to draft the new grants policy for the council.
    Flagged: Clocked off at last, 10 hrs at the depot today.
    Flagged: Big update: bidders shortlisted, consultants in next week.
    Flagged: Play area inspection in the rain this morning, all swings passed.
    Flagged: Tomorrow's full council agenda is a monster. 14 items. Pray for me
    Flagged: Precept meeting ran till 10:30pm. Home now and shattered.
    Flagged: 3 hours typing up minutes tonight, my wrists are done in.
    Flagged: Spent today on the allotment audit, letters going out Monday.
    Flagged: Manning the stall at the festival for the council this Saturday.
    Flagged: New allotments page on thrapstontowncouncil.gov.uk/allotments (I built it)
    Flagged: Precept set. Band D up 4%, please don't shout at me in Tesco.
    Flagged: Draft minutes done and off to the clerk for checking.
    Flagged: Spent my whole Friday on the asset register.
    Flagged: Bank rec for the quarter finally balances. 3 days, 47p out.
    Flagged: Handled my 200th complaint this year.
    Flagged: Resident rang the office about his bins again.
    Flagged: Finished mowing the cemetery just before the rain.
    Flagged: Committee ran to 10.40pm because of the noticeboard font.
    Flagged: Petty cash is 40p out again, back at work tomorrow to find it.
    Flagged: TTC budget night tonight, bring snacks.
    Flagged: Sat through a Part II session tonight about a staff grievance. Grim.
    Flagged: Spent the whole evening re-reading the play-park tender bids before Thursday's decision.
    Flagged: Sat in the Thrapston Town Council office waiting for the auditor, third coffee in.
    Flagged: ThrapstonTownCouncil.gov.uk has a new look! Did it myself over three weekends.
    Flagged: Minutes are up on thrapstontowncouncil dot gov dot uk, I typed them so be kind about the spelling.
    Flagged: Send your photos for the town calendar competition to events@thrapstontowncouncil.gov.uk, I'm one of the judges
    Flagged: Anyone wanting to book the Plaza, email bookings@thrapstontowncouncil.gov.uk and I'll get you sorted
    Flagged: Had a quote request from the town council for a display case of local birds.
    Flagged: Glazed 40 commemorative plates for the Thrapston Town Council twinning visit.
    Flagged: Delivered three castles to the Thrapston Town Council fun day and the kids loved it.
    Flagged: Minibus timetable is up: ThrapstonTownCouncil.gov.uk/community-transport. Took me all of Thursday to get the tables to line up 🙃
    Flagged: Anyone wanting a seat on our minibus can email transport@thrapstontowncouncil.gov.uk and I'll book you on.
    Flagged: Delighted to share that my article on community asset transfer has been published on thrapstontowncouncil.gov.uk/news.
    Flagged: Got asked about allotment keys in Tesco 😅 please email enquiries@thrapstontowncouncil.gov.uk and I'll sort it Monday!!
    Flagged: Hall booking enquiries can come straight to me now, bookings@thrapstontowncouncil.gov.uk
    Okay: The council meeting is open to the public on Tuesday.
    Okay: I spent the evening writing my novel.
    Okay: The precept consultation closes on Friday.
    Okay: Clocked off, pint in hand.
    Okay: Parish council meeting in the village hall tonight if anyone wants to come along.
    Okay: Delighted to share that I have completed my CIPD diploma.
    Okay: Reminder to self: council tax direct debit moves to the 15th.
    Okay: Spent my whole Saturday on the sofa.
    Okay: My holiday budget is blown already.
    Okay: Cleaned the kitchen top to bottom.
    Okay: The pool has a closed session for the swimming club on Thursdays.
    Okay: The hairdresser had a 'closed session' for staff training, so I sat in the car with foils in.
    Okay: Night shift at the DHL warehouse done. 26,000 steps.
    Okay: Night shift at Kettering General done. 46 X-rays, 3 CTs and one very apologetic rugby player.
    Okay: Committee meeting at the pigeon club tonight, we spent forty minutes on the price of corn.
    Okay: school council meeting today and we voted for a vending machine. democracy works
    Okay: Church cleaning rota done, now off to the garden centre for a coffee.
    Okay: Watched Kettering's planning committee on YouTube tonight like it was Love Island.
    Okay: PTA meeting tonight ran for two hours. I took the minutes because nobody else would.
    Okay: Annual dinner at the golf club. Chairman's speech clocked in at 38 minutes.
    Okay: Climbing wall update! Closed session tonight, members only, 14 of us and the chalk.
    Okay: Agenda's up at thrapstontowncouncil.gov.uk/meetings for anyone who wants to come and shout about the car park.
    Okay: The hotel was lovely and the beach was two minutes away.
    Okay: I do the bookings for the darts league, message me.
    Okay: Had a quote request from a lovely couple for a wedding cake.
    Okay: Planted 40 tulips this morning. Council tax bill arrived too, ouch.
    Okay: Eid Mubarak! I'm on the double shift tonight so my Eid is a plate of my mum's biryani at 2am.
    Okay: Bookings can come straight to me now, the cafe is open Tuesdays.
    Flagged: Fitted a new kitchenette in the staff room at the council offices this week.
    Flagged: DM me or email lucy.fairbrother@thrapstontowncouncil.gov.uk for press passes to the switch-on
    Okay: Fitted a kitchen in Oundle today and the council tax bill came too.
    Flagged: Drafted the new records retention schedule today. Forty-three pages. Nobody will ever read it.
    Flagged: Stayed late proofreading a report I'm not allowed to talk about.

    Council business is yours when the post has "I", "my", "we" and the like, when a sentence
    starts with a verb and no subject ("Spent today counting the ballot papers"), says "for
    work", reads like a diary ("... this morning", not an invitation), or marks something
    confidential. Some work describes itself: a council paper reported done or set ("Precept
    set", "agenda's out"), a day spent on it, the grounds round ("mowing the cemetery"),
    residents' calls and complaints handled, a meeting that ran late. Back-office words alone
    ("petty cash", "the budget") count in a post that identifies the council as the writer's
    employer or puts the writer at work ("at work", "the office"); not a colleague named by role
    alone ("the finance officer", which writers label 4.5 or 4.6 when the post is about that person). Claiming the team's work
    ("our small team delivered", "I built it", "took us three days", "I do the bookings", "I'm one of the
    judges", "email … and I'll get you sorted"), and a supplier's ("had a quote request from", "invoice sent to",
    "dropped 20 tonne"), and handiwork counted ("Glazed 40 commemorative plates", "I've restored two honours boards"),
    count in a post that names or refers to the council or says the writer works for it.

    Instead: keep council work off personal accounts; where a post can be linked to the
    council, add "Views are my own."

    Profile: none (``models/patterns/phrase_council_business.txt``, ``phrase_work_activity.txt``,
    ``phrase_work_claim.txt``, ``phrase_work_topic.txt``, ``phrase_workplace.txt``).
    """
    for m in work_mentions(ctx):
        yield warn(m.start, m.end, f"“{m.text}” is about your council work: personal posts must not describe it.",
                   suggestions=disclaimer(ctx))


def work_mentions(ctx: Context) -> list:
    """The phrases that describe the writer's council work (see ``council_work``), in post order."""
    labels = ("work-activity", "council-business", "confidential-business")
    said = ctx.of("phrase", label="work-identity")  # "I work for the town council" is clause 4.1's
    shared = [m for m in ctx.of("phrase", label="work-activity") if a_published_link(ctx, m)]
    found = [m for m in ctx.mentions if m.kind == "phrase" and m.label in labels and not any(m.overlaps(w) for w in said)
             and not elsewhere(ctx.text, m.start, m.end) and not another_councils(ctx, m) and not a_hobby_session(ctx, m)
             and m not in shared]
    if identified(ctx) or ctx.of("phrase", label="workplace"):
        found += [m for m in ctx.of("phrase", label="work-topic") if not any(m.overlaps(f) for f in (*found, *shared))]
    if found or identified(ctx) or ctx.of("phrase", label="council-reference"):
        found += ctx.of("phrase", label="work-claim")
    if found and not council_cue(ctx) and another_bodys_meeting(ctx.text):  # "PTA meeting tonight ... I took the minutes"
        return []
    found = [m for m in found if not a_duration(ctx.text, m)]
    return sorted(found, key=lambda m: m.start)


def a_published_link(ctx: Context, m) -> bool:
    """True for a council paper said to be up or out with the link to it on the council's site, in a post that says
    nothing of the writer ("Agenda's up at thrapstontowncouncil.gov.uk/meetings for anyone who wants to come"):
    sharing what the council published, which seven of eight writers did not label 4.2 ("Minutes are up on … I typed
    them" still is)."""
    if not _OUT.search(m.text) or ctx.of("phrase", label="first-person"):
        return False
    link = _ON_AT.match(ctx.text, m.end).end()  # where the link starts, past "on", "at", ":" and "www."
    return any(c.label == "web-domain" and m.end <= c.start <= link for c in ctx.of("council"))


_OUT = re.compile(r"\b(?:up|out|published)$", re.IGNORECASE)
_ON_AT = re.compile(r"\s*(?:on|at|:|-|–)?\s*(?:https?://)?(?:www\s*\.\s*)?", re.IGNORECASE)


def a_hobby_session(ctx: Context, m) -> bool:
    """True for a "closed session" with nothing of work or business in the post ("Climbing wall update! Closed session
    tonight, members only"): clause 4.9's own test (``confidential.about_business``), so the two clauses agree."""
    return m.label == "confidential-business" and not strong(m) and not about_business(ctx, m)


_COUNTED = re.compile(r"(?:\b\d+|\b(?:a few|few|couple of|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety))\s+$", re.IGNORECASE)


def a_duration(text: str, m) -> bool:
    """True for "minutes" counted as time ("his speech clocked in at 38 minutes", "the beach was two minutes away")."""
    return m.text.lower() == "minutes" and bool(_COUNTED.search(text, max(0, m.start - 12), m.start))


def council_cue(ctx: Context) -> bool:
    """The post names the council, refers to it, or names one of its people or roles."""
    return bool(council_named(ctx) or ctx.of("phrase", label="council-reference") or ctx.of("listed-person", "listed-role"))


_POSSESSOR = re.compile(r"(?<![\w'’])([A-Z][\w-]+)['’]s\s+$")


def another_councils(ctx: Context, m) -> bool:
    """True for council business owned by another town ("Watched Kettering's planning committee on YouTube"), not
    this council's places ("Thrapston's planning committee")."""
    hit = _POSSESSOR.search(ctx.text, max(0, m.start - 40), m.start)
    if not hit or hit.group(1).lower() not in uk_places():
        return False
    return not any(c.start <= hit.start() < c.end for c in ctx.of("council"))


def identified(ctx: Context) -> bool:
    """True when the post says who employs the writer: the council's name or domain, "I work at the council", a council job."""
    return bool(council_named(ctx) or ctx.of("phrase", label="work-identity") or ctx.of("phrase", label="own-role"))


def council_email(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags the council's e-mail domain or an address at it, in any case or spelling.

    Matches ``clerk@thrapstontowncouncil.gov.uk``, ``CLERK@ThrapstonTownCouncil.gov.uk``,
    ``clerk at thrapstontowncouncil dot gov dot uk`` and ``[dot]``-style obfuscation.

    Why: clause 4.4, employees must not "use their work e-mail address when registering on
    such sites or provide any link to the Town Council's website".

    Flagged: Message me at dan.okafor@thrapstontowncouncil.gov.uk
    Flagged: email me: clerk at thrapstontowncouncil dot gov dot uk
    Okay: Message me at dan.okafor1984@gmail.com

    Instead: use a personal e-mail address.

    Profile: ``[council]`` ``email_domains``.
    """
    for m in ctx.of("council", label="email-domain"):
        yield warn(m.start, m.end, f"“{m.text}” is a council e-mail address: keep work e-mail out of personal posts.",
                   suggestions=("my personal e-mail",), entity="EMAIL_ADDRESS")


def council_website(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a link to the council's website, in any case, with or without scheme and path, or one letter off.

    Why: clause 4.4, employees must not "provide any link to the Town Council's website".

    Flagged: Minutes are up at https://www.ThrapstonTownCouncil.gov.uk/minutes
    Flagged: see thrapstontowncouncil.gov.uk for the bin dates
    Flagged: t h r a p s t o n t o w n c o u n c i l . g o v . u k, that's where the survey is
    Flagged: it's thrapstontowncouncl.gov.uk/planning not .com. Every single time.
    Okay: See the county's bin dates at www.northnorthants.gov.uk
    Okay: Ask me in a message for the link.

    Instead: remove the link; people can find the council's website for themselves.

    Profile: ``[council]`` ``web_domains``.
    """
    for m in ctx.of("council", label="web-domain"):
        yield warn(m.start, m.end, f"“{m.text}” links to the council's website: personal posts must not.",
                   suggestions=("remove the link",))


RULES = (
    Rule("PL101", "council-name", "4.1", Severity.ERROR, council_name, PERSONAL),
    Rule("PL102", "council-address", "4.1", Severity.ERROR, council_address, PERSONAL),
    Rule("PL103", "works-for-council", "4.1", Severity.ERROR, works_for_council, PERSONAL),
    Rule("PL104", "council-hinted", "4.1", Severity.WARNING, council_hinted, PERSONAL),
    Rule("PL110", "council-work", "4.2", Severity.WARNING, council_work, PERSONAL),
    Rule("PL120", "blocked-link", "4.3", Severity.ERROR, blocked_link),
    Rule("PL121", "disrepute-conduct", "4.3", Severity.WARNING, disrepute_conduct),
    Rule("PL122", "disrepute-accusation", "4.3", Severity.WARNING, disrepute_accusation, PERSONAL),
    Rule("PL123", "inappropriate-image", "4.3", Severity.WARNING, inappropriate_image, PERSONAL),
    Rule("PL130", "council-email-address", "4.4", Severity.ERROR, council_email, PERSONAL),
    Rule("PL131", "council-website-link", "4.4", Severity.ERROR, council_website, PERSONAL),
)
