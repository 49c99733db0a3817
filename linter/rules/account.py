"""Council accounts and working hours (PL2xx): clauses 2.1 to 2.5 and 3.1.

Council-account rules run only in council mode (``mode="council"``), where naming the council
is the point; the working-hours reminder runs only for personal posts. Profanity comes from
the tone detector (``kind="tone"``, label ``profanity``); text-speak, shouting, exclamation
runs, personal content and confidential words from the phrase lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from ..profile import DAYS, WorkingHours
from ..warning import PolicyWarning
from .base import Context, Rule, Severity, Warn
from .photos import same_sentence
from .sensitive import disclosures

COUNCIL = ("council",)
PERSONAL = ("personal",)


def account_profanity(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags swearing and insults in a post made as the council.

    Why: clause 2.1, on council accounts "all communications should follow the same standard
    as would be expected in all written communication with the Town Council".

    Flagged [mode=council]: The bloody bins will be collected on Friday.
    Flagged [mode=council]: What a shit week for the allotments, sorry all.
    Any insult or swear word counts, aimed at someone or not, and so do put-downs such as "grow
    up" or "get a life"; words with an everyday meaning ("cow parsley", "clowns at the fair",
    "Arsenal") count only when the tone detector finds them aimed at someone.

    Flagged [mode=council]: Whoever keeps dumping rubbish here, you are idiots.
    Flagged [mode=council]: Whoever keeps stealing the flowers, you're a scumbag.
    Flagged [mode=council]: Litter on the green again, seriously people, grow up.
    Flagged [mode=council]: Whoever nicked the hanging baskets: karma's a b*tch.
    Flagged [mode=council]: Whoever took the baskets, hope they rot.
    Okay [mode=council]: Bins will be collected on Friday this week.
    Okay [mode=council]: The Scunthorpe team visit the market on Saturday.
    Okay [mode=council]: If you think you have been targeted by a scam, report it to Action Fraud.
    Okay [mode=council]: Thank you to everyone who grew up and still lives in Thrapston.
    Okay [mode=council]: The cow parsley on the verges will be cut next week.

    Instead: write as you would in a letter from the council.

    Profile: none (``models/patterns/tone_profanity.txt``, ``tone_insults.txt``, ``phrase_rude.txt``).
    """
    for m in ctx.mentions:
        if (m.kind, m.label) == ("phrase", "rude") or (m.kind == "tone" and m.label in ("profanity", "insult")
                                                     and "target=" in m.evidence):
            what = "swearing" if m.label == "profanity" else "an insult" if m.label == "insult" else "rude"
            yield warn(m.start, m.end, f"“{m.text}” is {what}: council posts keep the standard of a council letter.")


def account_text_speak(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags text-speak and slang in a post made as the council ("lol", "u r", "gr8").

    Why: clause 2.1, on council accounts "all communications should follow the same standard
    as would be expected in all written communication with the Town Council".

    Flagged [mode=council]: Thx to every1 who came, u r gr8!
    Flagged [mode=council]: Market's cancelled lol, see you next week.
    Flagged [mode=council]: ngl the new play area slaps, go check it out fam
    Flagged [mode=council]: Engineer coming tmrw to fix the heating.
    Okay [mode=council]: Thank you to everyone who came to the market.
    Okay [mode=council]: You are welcome to join us at the library.

    Instead: standard English (the suggestion gives the usual wording).

    Profile: none (``models/patterns/phrase_text_speak.txt``).
    """
    for m in ctx.of("phrase", label="text-speak"):
        yield warn(m.start, m.end, f"“{m.text}” is text-speak: council posts keep the standard of a council letter.",
                   suggestions=(m.evidence,))


def account_shouting(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags shouting (three or more words in capitals, or one in a sentence ending "!!") and runs of four or more "!" in a council post.

    Acronyms (CCTV, NHS, TTC) are not shouting.

    Why: clause 2.1, on council accounts "all communications should follow the same standard
    as would be expected in all written communication with the Town Council".

    Flagged [mode=council]: THE CAR PARK IS CLOSED TODAY.
    Flagged [mode=council]: Fireworks night is back!!!!!
    Flagged [mode=council]: Fly-tipping in the lay-by AGAIN!!!
    Okay [mode=council]: The car park is closed today while the CCTV is repaired.
    Okay [mode=council]: Fireworks night is back!!
    Okay [mode=council]: Free NHS health checks in the library!!

    Instead: ordinary capitals and one exclamation mark at most.

    Profile: none.
    """
    for m in ctx.of("phrase", label="shouting"):
        yield warn(m.start, m.end, f"“{m.text}” is in capitals, which reads as shouting in a council post.",
                   suggestions=(m.text.capitalize(),))
    for m in ctx.of("phrase", label="exclamations"):
        yield warn(m.start, m.end, f"“{m.text}”: one exclamation mark is enough in a council post.", suggestions=("!",))


def unauthorised_spokesperson(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a council post by someone who is not on the clerk's list of spokespersons.

    Only when the request names the author (the ``author`` field); names are compared without
    regard to case or spacing.

    Why: clause 2.2, "only authorised spokespersons must post information on behalf of the Town
    Council".

    Flagged [mode=council author=Daniel_Okafor]: The Christmas market opens on Saturday.
    Okay [mode=council author=Margaret_Ellison]: The Christmas market opens on Saturday.
    Okay [mode=council]: The Christmas market opens on Saturday.

    Instead: ask an authorised spokesperson (see the profile) to post it.

    Profile: ``[spokespersons]`` ``names``.
    """
    if ctx.author is None or not ctx.text.strip():
        return
    allowed = {" ".join(n.split()).casefold() for n in ctx.profile.spokespersons}
    if " ".join(ctx.author.split()).casefold() not in allowed:
        start, end = whole(ctx.text)
        yield warn(start, end, f"{ctx.author} is not an authorised spokesperson: only "
                   f"{', '.join(ctx.profile.spokespersons) or 'the clerk’s named spokespersons'} may post for the council.")


def account_personal_content(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags personal content in a post made as the council: family, pets, holidays, one's health, things for sale.

    A council account speaks as "we": "I", "me", "my" or "mine" is personal too, unless said in
    an official capacity in the same sentence ("As Chairman I am delighted to confirm ...").

    Why: clause 2.3, "employees responsible for using social media for the Town Council must
    not use it for their own personal purposes".

    Flagged [mode=council]: Lovely weekend away with my kids, back Monday!
    Flagged [mode=council]: Quick #selfie before the meeting
    Flagged [mode=council]: Selling a three-seater sofa, good condition. Message me if interested.
    Flagged [mode=council]: I'm off sick with a chest infection this week.
    Flagged [mode=council]: Can anyone recommend a dog groomer? Asking for my spaniel.
    Flagged [mode=council]: Lost: my reading glasses, somewhere near the church.
    Flagged [mode=council]: Watching the rugby tonight with a glass of wine.
    Flagged [mode=council]: Please sponsor me for the Great North Run!
    Okay [mode=council]: Our weekend market returns to the square on Saturday.
    Okay [mode=council]: Children's play area reopens on Monday.
    Okay [mode=council]: As Chairman I am delighted to confirm the parade will form up at 10.45am.
    Okay [mode=council]: Lost property: a child's scooter was found at the rec.

    Instead: post personal news from your own account, outside working hours.

    Profile: none (``models/patterns/phrase_personal_life.txt``, ``phrase_first_person.txt``,
    ``phrase_official_voice.txt``).
    """
    personal = ctx.of("phrase", label="personal-life")
    for m in personal:
        yield warn(m.start, m.end, f"“{m.text}” is personal: council accounts are not for personal posts.")
    official = ctx.of("phrase", label="official-voice")
    for m in ctx.of("phrase", label="first-person"):
        if not any(p.overlaps(m) for p in personal) and not any(same_sentence(ctx.text, o, m, near=None) for o in official):
            yield warn(m.start, m.end, f"“{m.text}” speaks for you, not the council: council accounts are not for personal posts.")


def account_confidential(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags confidential council business in a post made as the council.

    The same words as ``confidential-information`` and ``confidential-term`` (PL501, PL502), and someone's
    sensitive information as ``sensitive-information`` (PL503) finds it.

    Why: clause 2.4, "employees must not discuss or disclose proprietary or confidential
    information of the Town Council on any social media sites".

    Flagged [mode=council]: Update on Project Heron: contracts signed today.
    Flagged [mode=council]: Councillors discussed the land sale as an exempt item last night.
    Flagged [mode=council]: Staffing update: our long-serving caretaker is suspended pending an investigation.
    Okay [mode=council]: Free, confidential advice is available at the library on Tuesdays.
    Okay [mode=council]: We are delighted to host Off the Record, the free and confidential youth counselling service, at the Pavilion.

    Instead: leave it out until the council publishes it.

    Profile: ``[confidential]`` ``terms``.
    """
    for m in ctx.mentions:
        if m.kind != "phrase" or m.label not in ("confidential", "confidential-business", "confidential-term"):
            continue
        own = m.label == "confidential-term"
        why = "is one of the council's confidential matters" if own else "marks confidential council business"
        yield warn(m.start, m.end, f"“{m.text}” {why}: council posts must not disclose it.")
    for m, said in disclosures(ctx):
        yield warn(m.start, m.end, said)


def working_hours(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Reminds (info) that a personal post is being written inside working hours.

    The time is the request's ``at`` (ISO 8601) or the clock, converted to the profile's time
    zone; a time without a zone is read as local to the profile.

    Why: clause 3.1, "employees must not use social media sites for their own private use in
    working hours".

    Flagged [at=2026-11-23T10:30:00+00:00]: Lovely frosty morning.
    Okay [at=2026-11-23T18:30:00+00:00]: Lovely frosty evening.
    Okay [at=2026-11-21T10:30:00+00:00]: Lovely frosty Saturday.

    Instead: post it after work.

    Profile: ``[working_hours]`` ``days``, ``start``, ``end``, ``timezone``.
    """
    hours = ctx.profile.working_hours
    local = in_zone(ctx.at, hours.timezone)
    if ctx.text.strip() and within(local, hours):
        start, end = whole(ctx.text)
        yield warn(start, end, f"It is {local:%H:%M} on {local:%A}, inside working hours ({describe(hours)}): "
                   "personal social media use waits until after work.")


def in_zone(at: datetime, zone: str) -> datetime:
    """``at`` in the profile's time zone (a naive time is taken as already local)."""
    tz = ZoneInfo(zone)
    return at.replace(tzinfo=tz) if at.tzinfo is None else at.astimezone(tz)


def within(local: datetime, hours: WorkingHours) -> bool:
    """True on a working day between start (inclusive) and end (exclusive)."""
    return local.weekday() in hours.days and hours.start <= local.time() < hours.end


def describe(hours: WorkingHours) -> str:
    """``Mon–Fri 09:00–17:00`` style, listing the days when they are not a run."""
    names = [DAYS[d].capitalize() for d in sorted(hours.days)]
    run = sorted(hours.days) == list(range(min(hours.days), max(hours.days) + 1)) and len(names) > 2
    days = f"{names[0]}–{names[-1]}" if run else ", ".join(names)
    return f"{days} {hours.start:%H:%M}–{hours.end:%H:%M}"


def whole(text: str) -> tuple[int, int]:
    """The span of the text without its surrounding white space."""
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


RULES = (
    Rule("PL201", "council-account-profanity", "2.1", Severity.ERROR, account_profanity, COUNCIL),
    Rule("PL202", "council-account-text-speak", "2.1", Severity.WARNING, account_text_speak, COUNCIL),
    Rule("PL203", "council-account-shouting", "2.1", Severity.WARNING, account_shouting, COUNCIL),
    Rule("PL210", "unauthorised-spokesperson", "2.2", Severity.ERROR, unauthorised_spokesperson, COUNCIL),
    Rule("PL220", "council-account-personal-content", "2.3", Severity.WARNING, account_personal_content, COUNCIL),
    Rule("PL230", "council-account-confidential", "2.4", Severity.ERROR, account_confidential, COUNCIL),
    Rule("PL240", "working-hours", "3.1", Severity.INFO, working_hours, PERSONAL),
    Rule("PL250", "negative-communication", "2.5", Severity.INFO, None, COUNCIL, summary=(
        "Guidance only (no text check): clause 2.5, \"any negative communication by other parties or "
        "employees that may damage the Town Council must be dealt with accordingly, and if possible, "
        "removed.\" This is about moderating replies on the council's accounts, which postlint does "
        "not see; report such content to the Clerk.")),
)
