"""Photos and copyright (PL520, PL521, PL530): clauses 3.2 and 4.10.

Registered with the other PL5xx rules in ``confidential.py``. A photo phrase (``kind="phrase"``,
labels ``photo``, ``photo-attached``, ``photo-verb``) is paired with whom it shows: the people
detectors (``listed-person``, ``listed-role``, ``person``) and the colleague and other-person
phrases. The pairing (``pairs``) is shared with the clause 4.3 image rule in ``disrepute.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..assets import list_alternation
from ..detect.mention import Mention
from ..detect.person_context import normalise, public_figures
from ..spans import sentence_end, sentence_start
from ..warning import PolicyWarning
from .base import Context, Warn, around, per_post

NEAR = 60  # characters between a photo word and whom it shows
NEWS_NEAR = 80  # characters between a colleague and news about them
TAKER = re.compile(r"\s+(?:took|takes|taking|snapped|filmed|shot|captured|got)\b", re.IGNORECASE)
# The credit before a name: "pic courtesy of the lovely Jess", "photo credit: Sam", "taken by Priya".
CREDITED = re.compile(r"\b(?:courtesy\s+of|credits?(?:\s+to)?\s*:?|(?:taken|shot)\s+by)\s+(?:the\s+)?(?:(?:lovely|talented|brilliant|amazing|wonderful|fab|fabulous)\s+)?$",
                      re.IGNORECASE)
PLACE_BEFORE = re.compile(r"\b(?:at|in|near|over|around|from)\s+(?:the\s+)?$", re.IGNORECASE)
STAFF_GROUPS = frozenset({"employee"})
# The writer in the picture ("[photo] me at the work Christmas party", "a pic of me at the depot").
SELF = re.compile(r"[\s\])}:–-]*(?:of\s+)?(?:me|myself)\b", re.IGNORECASE)
WITH_OTHERS = re.compile(r"\b(?:and|with|n)\b|&", re.IGNORECASE)


def only_me(text: str, photo: Mention) -> bool:
    """True when the picture shows the writer alone: "me" right after the photo word and no "and", "&" or "with" in the
    rest of its sentence ("[photo] me at the work Christmas party"; not "me and Tom", "me at the depot with the lads")."""
    m = SELF.match(text, photo.end)
    return bool(m) and not WITH_OTHERS.search(text, m.end(), sentence_end(text, m.end()))


OBJECT_WORDS = frozenset({"my", "our", "the", "his", "her", "their", "a"})
PRONOUN = re.compile(r"\s+(?:him|her|them|the\s+two\s+of\s+them)\b", re.IGNORECASE)
PET_SIGNS = re.compile(r"[\U0001F415\U0001F436\U0001F408\U0001F431\U0001F43E\U0001F407\U0001F430\U0001F439]")
# What keepers call their animals ("the girls had a dust bath 🐔"), and the animals' signs that make them animals.
KEPT_ANIMALS = frozenset({"girls", "the girls", "my girls", "our girls", "boys", "the boys", "my boys", "our boys",
                          "ladies", "the ladies", "my ladies"})
ANIMAL_SIGNS = re.compile(r"[\U0001F404\U0001F40E\U0001F410\U0001F411\U0001F413\U0001F414\U0001F423-\U0001F425"
                          r"\U0001F986\U0001F99A\U0001F999]|\b(?:hens|chickens|chooks|goats|ewes|sheep|ducks|alpacas|cows)\b",
                          re.IGNORECASE)


def photo_of_colleague(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a photo or video of a colleague ("here's a photo of our groundsman asleep").

    A photo word ("photo of", "pic", "video", "selfie with", "caught on camera") in the same
    sentence as a colleague: a listed employee, their role ("our groundsman"), or words such
    as "my colleague", "the lads from work", "the grounds team". A post that says they agreed
    ("with her blessing", "let me photograph her": ``permitted``) is left alone. Personal news beside a
    colleague ("pregnant", "off with stress", "knee op", "written warning", "hearing aids", "he's 67": the list
    ``models/patterns/colleague_news.txt``) is information about them and counts too.

    Why: clause 3.2, "if you are posting information or photographs of other employees outside
    of working hours, you should still seek their permission to post these before doing so".

    A photo verb counts with the person right after it ("Snapped Priya and Sarah", "filmed our
    caretaker"); a listed employee's first name or nickname alone ("a pic of Tom") counts as a
    colleague, unless another surname follows it ("Tom Jones"); a work party's photos count when
    everyone is tagged.

    Flagged: Here's a pic of our groundsman asleep in the van.
    Flagged: Photo of my colleagues at the Christmas do!
    Flagged: Here's a pic of Tom asleep in the van.
    Flagged: Photoshopped Dan's face onto a tortoise for the office group chat 🐢😂
    Flagged: Quiet session tonight without my usual partner. Thomas from grounds has been off three weeks with his back.
    Flagged: Filmed Priya doing the conga last night.
    Flagged: Office party photos are up on my page, tagged everyone.
    Flagged: Team photo from the office Christmas do, look at the state of us
    Flagged: Throwback pic to the office summer BBQ 2019, everyone looking so young!
    Flagged: Had to screenshot the office WhatsApp because Dan's message is too good not to share
    Flagged: Our deputy clerk doing the ice bucket challenge 🧊 video in the comments
    Flagged: Our brilliant grounds team at the Bloom awards last night 📸
    Flagged: screenshot of the staff group chat where he sent the wrong gif
    Flagged: Sarah's pregnant again, so that's the rota gone.
    Flagged: Wishing our caretaker a speedy recovery after his knee op.
    Flagged: Will's wife left him so of course he's moping round the hall.
    Flagged: Our groundsman's just become a grandad for the first time, everyone say congrats!
    Flagged: Pictured: our deputy clerk with his long service award.
    Flagged: Happy retirement to our caretaker after 22 years. Pic of him with his cake below.
    Flagged: Tom Stone's new hearing aids cost more than my car and he STILL can't hear you.
    Flagged: Apparently the new lad in the office has ADHD. Explains a lot.
    Flagged: Our clerk Margaret is off to New Zealand for a month to see her grandkids, so be nice to the rest of us 💐
    Flagged: Dan from the office is getting married in June!! Over the moon for him
    Flagged: Big congratulations to our finance officer, who's expecting twins in the spring!
    Flagged: Our caretaker isn't as quick up the ladder these days (he's 67!) so bear with us on the hall lights.
    Flagged: Guess who's pregnant again and going to leave us short-staffed all summer.
    Flagged: Office Christmas jumper day! 🎄 Left to right: Sarah, Dan, Priya and our groundsman Tom.
    Flagged: Selfie with the work crew at the Fun Day 🎈☀️ best team ever!!
    Flagged: Video of Will trying to unjam the hall shutters with a broom 🤣
    Flagged: Our finance officer in her Halloween witch costume, too good not to post 🧙‍♀️
    Flagged: Our admin assistant's got a blue badge now, apparently.
    Flagged: Twinning dinner last night 🇫🇷 That's me with Helen Marsh and Dan Okafor doing the conga round the salle des fêtes 😂
    Flagged: Look at Dan from work on his first ever dive! 🤿 He was terrified on the platform.
    Okay: I can't look at Dan without laughing after that quiz.
    Flagged: Photie fae the Burns Night — that's Priya fae the council doing the Gay Gordons wi' the caretaker.
    Flagged: Will from work is 65 next Thursday and thinks nobody knows.
    Flagged: Our finance officer has asked me not to say, but she's expecting in June!! 🥰
    Flagged: Our Town Clerk's a widow, bless her, so of course she's at the office till eight every night.
    Flagged: Great news – Priya from work had her baby boy last night, 7lb 2oz, both doing well 💙
    Flagged: Our deputy clerk is back at work after his heart op and looking grand. Welcome back!
    Okay: Our Priya got into Leeds to do medicine!! The whole family is in bits 😭🎓
    Okay: My sister Sarah is pregnant again!
    Okay: My sister is pregnant again and I'll be covering her shifts at the café, happy to help!
    Okay: Wishing my dad a speedy recovery after his knee op.
    Okay: Here's a pic of the sunset over the river.
    Okay: My colleagues were brilliant this week.
    Okay: Here's a photo of Tom Jones on stage at the Albert Hall.
    Okay: Priya filmed the fireworks from the bridge.
    Okay: Sarah took a lovely photo of the river.
    Okay: Tom Stone's hanging baskets on the bridge are a picture this year 🌺
    Okay: Holiday snaps from Crete, back to reality Monday.
    Okay: Pic of Meg the collie asleep in the feed trough. Working dog, my eye.
    Okay: [photo] me at the work Christmas party, no regrets, happy new year x
    Okay: Lovely quiet one at the pub with Tom and Sarah from school. Tom's got grandkids now, which made me feel ancient.
    Okay: The finance officer let me photograph her hands on the old typewriter for the shop page 📷
    Okay: Took the grandkids to the Nene Valley Railway for Thomas the Tank Engine day 🚂

    Instead: ask the colleague first, and post only with their permission.

    Profile: ``people.csv`` (employees and their roles).
    """
    if permitted(ctx):
        return
    whom = colleagues(ctx)
    for photo, who in pairs(ctx, whom):
        yield warn(*around(photo, who), f"A photo of “{who.text}”, a colleague: post it only with their permission.")
    for news, who in news_pairs(ctx, whom):
        start, end = around(news, who)
        about = f"a colleague (“{who.text}”)" if who.kind == "phrase" else f"“{who.text}”, a colleague"
        yield warn(start, end, f"“{news.text}” is personal information about {about}: post it only with their permission.")


def photo_of_person(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a photo or video of a person: a colleague, resident, customer, contractor or stranger.

    A photo of a colleague is flagged under clause 3.2 as well (PL520).

    Why: clause 4.10, "if employees wish to post images, photographs or videos of their work
    colleagues, residents, customers, contractors or suppliers on their online profile, they
    should first obtain the other party's express permission to do so".

    Flagged: Took a video of this bloke parking on the pavement again.
    Flagged: Snapped a picture of Kevin Doyle on his allotment.
    Flagged: Photo from the carnival: Mrs Bello and her twins on the float
    Flagged: Video of the kids doing wheelies on the rec 🎥 absolute scenes
    Flagged: Uncensored video of the bloke streaking across the rec
    Flagged: Photo of the volunteers who planted the bulbs, thank you all!
    Flagged: [video: bloke falling off his bike outside the chippy]
    Flagged: Volunteer of the month! Here's our Doreen on the till. Didn't ask her 😂
    Okay: Took a photo of my kids on the beach.
    Okay: 📸 our Molly in her new raincoat, she hates it 🐶
    Okay: Here's Biscuit wearing the jumper I knitted him 🐶
    Okay: Here's the thing: nobody reads the small print.
    Okay: The girls had a dust bath in the new bark this afternoon 🐔 they look deep-fried. Pic below.
    Okay: homemade katsu curry, took 3 hrs 🍛📸
    Okay: Took 200 photos of the bluebells at Fermyn Woods, here's the best ten
    Okay: Snapped a picture of the bluebells in the woods.
    Okay: Easter was beautiful. Babcia video called from Kraków, too much cake.
    Okay: Picture round was all famous Williams. Got Shatner, Morris and Prince William.
    Okay: Two blokes nearly came to blows over a Kate Bush picture disc.
    Okay: Client came in with a photo of Helen Mirren's silver crop. Nailed it, if I say so myself.
    Okay: New profile pic courtesy of the lovely Jess at @jessmakesportraits, thank you!
    Okay: Finished the window for St Mary's at last! Photo below is of the panel, just the glass.
    Okay: Snapped a picture of Kevin Doyle on his allotment, posted with his blessing.
    Flagged: Filmed Kevin Doyle on his allotment. He didn't let me film him, mind.
    Okay: Photos from the garden party are up on our page 💐 every family signed the consent form.
    Flagged: Editing 1,200 frames from Saturday. Sneak peek of the mother of the bride mid-conga 😂
    Okay: Sophie & Jordan said I could share a few sneak peeks 💍 What a day that was.

    Instead: ask first, or post a photo in which nobody can be recognised.

    Profile: ``people.csv``.
    """
    if permitted(ctx):
        return
    for photo, who in pairs(ctx, people(ctx)):
        yield warn(*around(photo, who), f"A photo of “{who.text}”: post someone's image only with their express permission.")


def reposted_content(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags reposting someone else's image or words without permission or credit.

    Why: clause 4.10, employees must not "breach copyright ... for example, using someone else's
    images or written content without permission or failing to give acknowledgement where
    permission has been given to reproduce particular work".

    Flagged: Stole this pic from Facebook, too good not to share.
    Flagged: Not my photo but what a view of the river.
    Flagged: Found this image online, no idea who took it.
    Flagged: Here's that Getty image of the market square I mentioned, watermark and all lol
    Flagged: Amazing drone footage of the floods, shared from a WhatsApp group, original creator unknown
    Flagged: Screenshotted Kevin Doyle's Facebook post about the allotments so you can all see it
    Flagged: Saw this gorgeous cake on Pinterest and I'm going to pass it off as mine at the fair.
    Flagged: Love this cake design, copied it off their page for the fair.
    Flagged: Look at Aunty Mere doing the taralala at the church hall 😂 she has no idea I filmed it.
    Flagged: Used a load of the tractor club's archive photos, couldn't find out who took them so I just didn't credit anyone.
    Flagged: Pinched the bakery's logo layout off a Dutch studio's Insta, don't tell them 🤫
    Flagged: I've typed out the whole foreword from the new lute tutor book for you all, saves you buying it 😉
    Flagged: Pinched this drone shot of the river from a Facebook group (can't remember whose, sorry) but look how high the Nene is!
    Flagged: A few of you asked, so I've typed the whole recipe out below, saves you buying the book 😉
    Flagged: Grabbed this photo of the floods off the Northants Telegraph's page, too good not to share 🌊
    Flagged: Here's the Burne-Jones window at Birmingham Cathedral, found the photo online. Stunning, isn't it?
    Flagged: Copied the whole planting guide from the RHS website onto my blog word for word, way easier lol
    Okay: My brother copied my homework again.
    Okay: I didn't ask for this weather. Before I'd even had a coffee the boiler packed in.
    Okay: Photo shared with kind permission of Jane Smith.
    Okay: Worth a read: the Wildlife Trust's guide to hedgehog-friendly gardens, shared from their page 🦔
    Flagged: Loads of you asked for my focaccia recipe so here it is 👇 Typed out exactly from a book I got for Christmas.
    Flagged: Sorry no photo of our own today so I use this picture from other salon in London, we can do same design 💅

    Instead: ask the owner, credit them by name, or share their original post.

    Profile: none (``models/patterns/phrase_repost.txt``).
    """
    for m in ctx.of("phrase", label="repost"):
        yield warn(m.start, m.end, f"“{m.text}” suggests someone else's work posted without permission or credit.",
                   suggestions=("share the original post", "credit the owner by name"))


def colleagues(ctx: Context) -> list[Mention]:
    """Mentions of employees: listed staff, their roles, a newcomer described ("the new lad in the office"), their first
    names or nicknames, and colleague words (not relatives: "my sister Sarah")."""
    listed = [m for m in ctx.of("listed-person", "listed-role") if (m.person.group if m.person else m.label) in STAFF_GROUPS]
    found = listed + [m for m in ctx.of("phrase") if m.label in ("colleague", "colleague-name")]
    return [m for m in found if not relative(ctx, m)]


def people(ctx: Context) -> list[Mention]:
    """Mentions of anyone: listed people and firms, other person names, person, subject and colleague words.

    An unlisted name in lower case ("katsu curry"), in a post about a pet ("our Molly" 🐶) or on
    the list of public figures ("a photo of Helen Mirren's silver crop", brought to the hairdresser)
    is not taken for a person; a name that is only spoken of in a sport or screen context ("Doreen
    Pettit bowling beautifully") still is.
    """
    words = [m for m in ctx.of("phrase") if m.label in ("other-person", "colleague") and not kept_animals(ctx.text, m)]
    named = [m for m in ctx.of("person") if m.label != "family" and m.text != m.text.lower()
             and normalise(m.text) not in public_figures() and not pet_post(ctx.text)]
    return [*ctx.of("listed-person", "listed-role"), *named, *words, *subjects(ctx.text)]


def kept_animals(text: str, m: Mention) -> bool:
    """True for "the girls" or "the boys" in a sentence with a farm animal's emoji or name ("The girls had a dust bath
    in the new bark 🐔"): a keeper's hens, goats or ewes, not people."""
    if m.text.lower() not in KEPT_ANIMALS:
        return False
    return bool(ANIMAL_SIGNS.search(text, sentence_start(text, m.start), sentence_end(text, m.end)))


def relative(ctx: Context, who: Mention) -> bool:
    """True when the mention is a name the people detector took for the writer's relative."""
    return any(m.label == "family" and m.start <= who.start < m.end for m in ctx.of("person"))


def pet_post(text: str) -> bool:
    """True when the post is about a pet: a pet word ("dog", "puppy", "cockapoo") or emoji."""
    return bool(PET_SIGNS.search(text) or word_regex("phrase_set_pet").search(text))


def subjects(text: str) -> list[Mention]:
    """Groups a photo of an event may show ("the volunteers", "the lil kid"), from ``photo_subjects.txt``."""
    return [Mention("phrase", m.start(), m.end(), m.group(), label="photo-subject")
            for m in word_regex("photo_subjects").finditer(text)]


def news_pairs(ctx: Context, whom: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """Each item of personal news ("pregnant", "knee op", "hearing aids") with the nearest colleague in its sentence."""
    for m in word_regex("colleague_news").finditer(ctx.text):
        news = Mention("phrase", m.start(), m.end(), m.group(), label="colleague-news")
        if near := [w for w in whom if same_sentence(ctx.text, news, w, near=NEWS_NEAR)]:
            yield news, min(near, key=lambda w: abs(w.start - news.start))


@cache
def word_regex(name: str) -> re.Pattern:
    """The entries of a list as one case-insensitive whole-word regex ("*" any ending, "$NUM" a number), built once."""
    return re.compile(r"(?<![\w'’])(?:" + list_alternation(name) + r")(?![\w])", re.IGNORECASE)


def crude_words(ctx: Context) -> list[Mention]:
    """The words that make an image crude ("a willy on the door"), not a listed person's name ("Willy Hart")."""
    named = [n for n in ctx.of("listed-person") if n.text[:1].isupper()]
    return [c for c in ctx.of("phrase", label="inappropriate")
            if not any(n.start <= c.start < n.end for n in named)]


@per_post
def permitted(ctx: Context) -> bool:
    """True when the post says permission was given for the picture or the words it shares ("with her blessing",
    "shared with permission", "she let me photograph her hands"; ``phrase_permission.txt``), unless a negation comes
    just before ("didn't let me film it"). Writers label such posts without 3.2 or 4.10 (4.6 stays: a name is still
    a name)."""
    return any(not _NEGATED.search(ctx.text, max(0, m.start - 16), m.start) for m in ctx.of("phrase", label="permission"))


_NEGATED = re.compile(r"(?:\bnot|n['’]t|\bnever|\bwithout)\W+(?:\w+\W+)?$", re.IGNORECASE)


def pairs(ctx: Context, whom: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """Each photo phrase with the nearest of ``whom`` in its sentence (the whole post for a photo the post carries, "video below"); each photo verb with whom it directly takes.

    The photographer ("Sarah took a photo"), a name after "at" or "in" (a place: "photos of
    the bluebells at Fermyn Woods") and a crude word ("a willy on the door") are not whom a
    photo shows; "a pic of him" shows the nearest person named anywhere in the post.
    """
    crude = crude_words(ctx)
    whom = [w for w in whom if not photographer(ctx.text, w) and not placed(ctx.text, w)
            and not any(c.start <= w.start < c.end or w.start <= c.start < w.end for c in crude)]
    for photo in ctx.of("phrase", label="photo"):
        if NOT_A_PICTURE.match(ctx.text, photo.end) or a_picture_idiom(ctx.text, photo) or only_me(ctx.text, photo):
            continue
        of = photo.text.lower().endswith((" of", " with"))  # "a photo of X": X comes after
        if of and whom and PRONOUN.match(ctx.text, photo.end):
            yield photo, min(whom, key=lambda w: abs(w.start - photo.start))
            continue
        near = [w for w in whom if same_sentence(ctx.text, photo, w) and not (of and w.start < photo.end)]
        if near:
            yield photo, min(near, key=lambda w: abs(w.start - photo.start))
    for carried in ctx.of("phrase", label="photo-attached"):
        if whom and not only_me(ctx.text, carried):
            yield carried, min(whom, key=lambda w: abs(w.start - carried.start))
    for verb in ctx.of("phrase", label="photo-verb"):
        if taken := [w for w in whom if w.end > verb.end and verb.start <= w.start and directly(ctx.text[verb.end:w.start])]:
            yield verb, taken[0]


# "Babcia video called from Kraków", "a picture round at the quiz", "a picture disc", "a photo frame": not a picture of
# anyone.
NOT_A_PICTURE = re.compile(r"\s*(?:call|calls|called|calling|chat|chats|round|rounds|quiz|disc|discs|frame|frames|"
                           r"book|books|rail|rails|window|windows)\b", re.IGNORECASE)  # "a Kate Bush picture disc"
_LOOKS_A = re.compile(r"(?<![\w'’])(?:is|are|was|were|['’]s|['’]re|look|looks|looked|looking)\s+(?:a\s+)?(?:real\s+|proper\s+|absolute\s+)?$",
                      re.IGNORECASE)


def a_picture_idiom(text: str, photo: Mention) -> bool:
    """True for "is a picture" said of something lovely ("the hanging baskets are a picture this year"), not an image."""
    if not photo.text.lower().endswith("picture"):
        return False
    word_at = photo.end - len("picture")
    return bool(_LOOKS_A.search(text, max(0, word_at - 30), word_at))


def photographer(text: str, who: Mention) -> bool:
    """True when the person is the one taking the picture ("Sarah took a lovely photo", "pic courtesy of the lovely Jess")."""
    return bool(TAKER.match(text, who.end) or CREDITED.search(text, max(0, who.start - 40), who.start))


def placed(text: str, who: Mention) -> bool:
    """True when an unlisted name follows "at", "in" or "near": a place, not a person in the picture."""
    return who.kind == "person" and bool(PLACE_BEFORE.search(text[max(0, who.start - 8):who.start]))


def directly(gap: str) -> bool:
    """True when only spaces and a possessive or article stand between a verb and its object."""
    return set(gap.lower().split()) <= OBJECT_WORDS and len(gap.split()) <= 1


def same_sentence(text: str, a: Mention, b: Mention, *, near: int | None = NEAR) -> bool:
    """True when no sentence ends between the two mentions (and, unless ``near`` is None, they are close)."""
    left, right = (a, b) if a.start <= b.start else (b, a)
    if near is not None and right.start - left.end > near:
        return False
    return sentence_end(text, left.end) >= right.start
