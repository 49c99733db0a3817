"""Bringing the council into disrepute (clause 4.3): blocked links, conduct, accusations, images.

Registered with the other PL1xx rules in ``council.py``. The rules read the blocked-link and
disrepute phrases, accusations (``kind="phrase"``, label ``accusation``) with whom they are
aimed at (the council detector, listed people, the tone detector's ``target`` mentions), and
the photo pairs of ``confidential.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detect.mention import Mention
from ..warning import PolicyWarning
from .base import Context, Warn, around, per_post
from .photos import crude_words, pairs, people, same_sentence

ACCUSED = frozenset({"council", "councillor", "contractor", "supplier", "employee"})
REACH = 160  # characters: an accusation in the next or last sentence still names its target


def blocked_link(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a link to an inappropriate or blocked site (adult, gambling, gore, piracy, the clerk's list).

    Why: clause 4.3, employees must not bring the council into disrepute, "for example by
    posting images or video clips that are inappropriate or links to inappropriate website
    content".

    Flagged: lol look at this https://www.pornhub.com/view_video.php?viewkey=1
    Flagged: Free bets tonight at bet365.com, who's in?
    Flagged: The real story is on gossipthrapston.example/latest
    Okay: Lovely recipe at https://www.bbc.co.uk/food/recipes/scones
    Okay: Betting the rain stops by lunchtime.

    Instead: remove the link.

    Profile: ``[links]`` ``blocked_domains`` (added to the built-in list in
    ``models/patterns/links_blocked.txt``).
    """
    for m in ctx.of("phrase", label="blocked-link"):
        why = "is on the clerk's blocked list" if m.evidence == "profile" else f"is a blocked site ({m.evidence})"
        yield warn(m.start, m.end, f"“{m.text}” {why}: links to inappropriate sites bring the council into disrepute.",
                   suggestions=("remove the link",))


def disrepute_conduct(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags conduct that brings the council into disrepute: drunk at work, skiving, fiddled expenses.

    Why: clause 4.3, employees must not "conduct themselves in a way that is potentially
    detrimental to the Town Council or brings the Town Council or its residents, customers,
    contractors or suppliers into disrepute".

    Flagged: Still hungover at work, nobody noticed haha
    Flagged: Pulled a sickie to watch the cricket.
    Flagged: Took the council van to the pub at lunch.
    Okay: Hungover after Dave's wedding, staying in bed all day.
    Okay: Watching the cricket on my day off.

    Instead: leave it out; posts about work conduct reflect on the council.

    Profile: none (``models/patterns/phrase_disrepute.txt``).
    """
    for m in ctx.of("phrase", label="disrepute"):
        yield warn(m.start, m.end, f"“{m.text}” describes conduct that could bring the council into disrepute.")


def disrepute_accusation(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags accusing the council, councillors, staff, contractors or suppliers of wrongdoing.

    An accusation ("illegal workers", "charge the council double", "fiddling the books", "money
    goes on jollies", "brown envelopes", "his mate got the contract") counts when the council or
    one of its people or firms (named, by role, or as "my colleague", "one of ours") is in the
    same sentence or close by in the next or last one; the same words about anyone else are
    left alone.

    Why: clause 4.3, employees must not "conduct themselves in a way that is potentially
    detrimental to the Town Council or brings the Town Council or its residents, customers,
    contractors or suppliers into disrepute".

    Flagged: Brightwater Cleaning use illegal workers, everyone knows it.
    Flagged: NVL charge the council double for half the work.
    Flagged: The council's money goes on jollies for the councillors.
    Flagged: Cllr Patel was absolutely hammered at the carnival again.
    Flagged: Half the councillors were three sheets to the wind at the civic dinner.
    Flagged: Mark my words, the town council's books are being cooked.
    Flagged: The town council is a closed shop. Brown envelopes all round.
    Flagged: Funny how the chairman's brother-in-law always seems to win the grass cutting contract.
    Flagged: NVL pay their lads cash in hand and half of them haven't got the right to work here.
    Flagged: Cllr Pike fiddling his mileage again.
    Flagged: One of ours turned up to the meeting absolutely hammered.
    Flagged: Cllr Pike got done for drink driving, keep it quiet.
    Flagged: Heard the NVL foreman's been flogging diesel out of the depot.
    Flagged: Vice-chair H. Marsh 'forgot' to declare her interest again at planning.
    Flagged: Cllr Marsh parking across two disabled bays outside the Co-op AGAIN.
    Flagged: William Hart paid cash out of a carrier bag, makes you wonder where that came from.
    Flagged: Cllr Raj Patel was definitely over the limit driving home from the Remembrance do.
    Flagged: Saw the Thrapston Council van parked outside the bookies again at 10am.
    Flagged: Ask yourself why the groundsman's van is parked outside the bookies every Tuesday afternoon.
    Flagged: Thrapston TC budget's got a £40k line nobody can explain. Jobs for the boys, or someone's got their hand in the till.
    Flagged: The town council's contractor is putting poison down at the rec. Nene Valley Landscapes should be prosecuted.
    Okay: My brother-in-law got the job at the garage, chuffed for him.
    Okay: The Hatton Garden robbers got done in the end, what a story.
    Okay: Someone nicked my bike from outside the office, gutted.
    Okay: The tribunal found the firm used illegal workers at its Leeds site.
    Okay: Whoever keyed my car outside Tesco should be prosecuted.
    Okay: The council tax bill came today.
    Okay: Absolutely hammered after Dave's wedding, never again.
    Okay: Reported the fly-tipping to the council again.
    Okay: Cllr Pike declared his interest and left the room.
    Okay: Our suitcase was over the limit at Stansted, £60 fee.
    Flagged: Found the deputy clerk's betting slips in the office bin again. Gambling on council time, who'd have thought.
    Flagged: The caretaker's been running a car-repair business out of the community centre car park.
    Flagged: The groundsman's been poisoning the pigeons on the rec, I've seen him.
    Flagged: Bet that lot at the town hall are fiddling the cleaning invoices, we do six hours and they pay for four.
    Flagged: Word is someone at the Town Hall has been putting their own diesel on the fuel card.
    Flagged: Cllr Patel's wife told me he's being investigated by the standards people. Not surprised, tbh.
    Flagged: Cllr Pike's lot fiddled the allotment rent rises to push the old boys off their plots.
    Okay: My complaint about the bins is being investigated by the council.
    Okay: I'm running a small business out of my garage now, bakes to order!
    Flagged: Word in the pub is Mr P on the council has been letting his mates have allotments rent free.

    Instead: raise concerns with the Clerk or the proper authority, not on social media.

    Profile: ``people.csv`` (councillors, contractors, suppliers), ``[council]`` ``name``.
    """
    for m, who, _ in accusations(ctx):
        yield warn(m.start, m.end, f"“{m.text}” accuses {who.text} of wrongdoing: that brings the council "
                   "and the people it works with into disrepute.")


@per_post
def accusations(ctx: Context) -> tuple[tuple[Mention, Mention, str], ...]:
    """Each accusation aimed at the council or one of its people, with its target and the target's group
    ("council", "councillor", "employee", "contractor" …). Read by PL122 (4.3) and by the conduct rules, since an
    accusation is also criticism (4.5 when aimed at people) and a derogatory remark (4.7)."""
    targets = accused(ctx)
    found = []
    for m in ctx.of("phrase", label="accusation"):
        if who := next((t for t in targets if t is not m and aimed_at(ctx.text, m, t)), None):
            found.append((m, who, group_of(who)))
    return tuple(found)


def aimed_at(text: str, accusation: Mention, target: Mention) -> bool:
    """True when the target is in the accusation's sentence, or within ``REACH`` characters of it."""
    return same_sentence(text, accusation, target, near=None) or abs(accusation.start - target.start) <= REACH


def group_of(target: Mention) -> str:
    """The group of an accusation's target (see ``accused``): the council, or the listed person's or tone target's group."""
    if target.kind in ("listed-person", "listed-role"):
        return target.person.group if target.person else "employee"
    if target.kind == "tone":
        return target.evidence.partition("=")[2].partition(":")[0]
    return "employee" if target.label in ("colleague", "colleague-name") else "council"


def accused(ctx: Context) -> list[Mention]:
    """Whom an accusation may be aimed at: the council (named, alias, address), its people and firms, colleagues (tone targets too)."""
    found = [m for m in ctx.of("council") if m.label in ("name", "alias", "address")]
    found += [m for m in ctx.of("phrase") if m.label in ("colleague", "colleague-name")]
    found += ctx.of("phrase", label="council-reference")
    found += [m for m in ctx.of("listed-person", "listed-role") if m.person and m.person.group in ACCUSED]
    found += [m for m in ctx.of("tone", label="target") if m.evidence.partition("=")[2].partition(":")[0] in ACCUSED]
    return found


def inappropriate_image(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags an inappropriate photo or video ("uncensored video", "nudes"), a leaked one of a person, or one of a colleague or councillor passed round by link.

    Why: clause 4.3, employees must not bring the council into disrepute, "for example by
    posting images or video clips that are inappropriate or links to inappropriate website
    content".

    Flagged: Watch this video of our caretaker falling off the ladder https://youtu.be/x8k2
    Flagged: Here's the leaked photo of the chairman asleep at the meeting.
    Flagged: Uncensored video of the bloke streaking across the rec 😂
    Flagged: Photoshopped the caretaker's head onto a stairlift advert and pinned it on the staff noticeboard 😂
    Flagged: Put a photo of Dan from work on the dartboard in the staff room 😂
    Flagged: Sharing the office Christmas party pic of our caretaker passed out in the gents with his trousers round his ankles 🤣
    Okay: Watch this video of the river in flood https://youtu.be/x8k2
    Okay: Here's a video of Kevin Doyle's prize marrow https://youtu.be/x8k2
    Okay: I've popped a video of Willy Hart doing the Macarena in the comments, you're welcome 😂
    Okay: Photo of my colleagues at the Christmas do!
    Okay: Sweet peas up, and the pigeons have had every single brassica. Photo of the carnage below.
    Okay: Put my own face onto a Christmas elf for the family card, the kids are mortified.
    Okay: Put my face on before the clerk arrived, first impressions and all.

    Instead: don't share it; an image of someone needs their permission (clauses 3.2 and 4.10).

    Profile: ``people.csv``; ``models/patterns/phrase_inappropriate.txt``.
    """
    photos = ctx.of("phrase", label="photo") + ctx.of("phrase", label="photo-attached")
    for bad in crude_words(ctx):
        if photo := next((p for p in photos if same_sentence(ctx.text, p, bad)), None):
            start, end = around(photo, bad)
            yield warn(start, end, f"“{ctx.text[start:end]}” is an inappropriate image to share.")
    for doctored, who, _ in doctored_images(ctx):
        yield warn(*around(doctored, who), f"A doctored image of “{who.text}” mocks them and can bring the council into disrepute.")
    leaked = any(m.text.lower().startswith("leaked") for m in ctx.of("phrase", label="photo"))
    if not leaked and not ctx.of("link"):
        return
    for photo, who in pairs(ctx, people(ctx) if leaked else council_people(ctx)):
        yield warn(*around(photo, who), f"Sharing an image of “{who.text}” like this can bring the council into disrepute.")


# Someone's face or head put onto another picture ("Photoshopped the caretaker's head onto a stairlift advert", "the
# vice-chair's face photoshopped onto a topless bodybuilder", "Made a meme of Tom Stone's face on a garden gnome"), or
# something rude drawn on it ("a photo of the caretaker asleep with a rude drawing on his face"), a meme made of them
# ("reposting this meme of sarah w from the office"), their photo on a dartboard: a mocking, doctored image.
DOCTORED = re.compile(r"\b(?:photoshopped|photoshop|doctored|edited|stuck|meme)\b[^.!?\n]{0,40}?\b(?:face|head)\s+(?:on|onto)\b"
                      r"|\bmeme\s+of\b|\b(?:photo|pic|picture|face)\b[^.!?\n]{0,30}?\bon\s+the\s+dartboard\b"
                      r"|\b(?:face|head)\s+(?:photoshopped|edited|doctored|stuck)\s+(?:on|onto)\b"
                      r"|\b(?:rude|willy|knob|penis)\b[^.!?\n]{0,20}?\b(?:drawn|drawing|scrawled)\s+on\s+(?:his|her|their)\s+(?:face|forehead)\b",
                      re.IGNORECASE)


@per_post
def doctored_images(ctx: Context) -> tuple[tuple[Mention, Mention, str], ...]:
    """Each doctored image (``DOCTORED``) of one of the council's people in its sentence, with whom it shows and their
    group ("employee", "councillor"). Read by PL123 (4.3) and by the conduct rules: a mocking picture of someone is
    criticism (4.5) and a derogatory remark (4.7), and of a colleague bullying (4.8)."""
    found = []
    for m in DOCTORED.finditer(ctx.text):
        doctored = Mention("phrase", m.start(), m.end(), m.group(), label="doctored")
        if who := next((w for w in council_people(ctx) if same_sentence(ctx.text, doctored, w)), None):
            found.append((doctored, who, group_of(who)))
    return tuple(found)


def council_people(ctx: Context) -> list[Mention]:
    """The council's own people: colleagues (listed, by role, by name or described) and councillors."""
    listed = [m for m in ctx.of("listed-person", "listed-role") if m.person and m.person.group in ("employee", "councillor")]
    return listed + [m for m in ctx.of("phrase") if m.label in ("colleague", "colleague-name")]
