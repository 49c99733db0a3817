"""Confidential business, security data, photos and copyright (PL5xx): clauses 4.9, 5.1, 3.2, 4.10.

The rules read the phrase lists (``kind="phrase"``), the profile's confidential terms, the
personal-data detector's dates of birth (``kind="pii"``, entity ``DATE_OF_BIRTH``, label
``self``) and the people detectors (``listed-person``, ``listed-role``, ``person``) for whom a
photo shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detect.mention import Mention
from ..warning import PolicyWarning
from .base import Context, Rule, Severity, Warn

SENTENCE_END = re.compile(r"[.!?\n]")
NEAR = 60  # characters between a photo word and whom it shows
SECURITY = {
    "birthplace": "your place of birth",
    "maiden-name": "a maiden name",
    "first-pet": "your first pet's name",
    "first-school": "your first school",
    "home-address": "your home address",
}
STAFF_GROUPS = frozenset({"employee"})
OBJECT_WORDS = frozenset({"my", "our", "the", "his", "her", "their", "a"})


def confidential_information(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags words that mark confidential council business ("exempt item", "Part II", "off the record").

    "Confidential" in a general sense is left alone when it describes a service offered in
    confidence ("a free, confidential helpline").

    Why: clause 4.9, employees must not "disclose any confidential or sensitive information
    belonging to the Town Council, its employees, residents, customers, contractors or
    suppliers".

    Flagged: Off the record, the pool is closing next year.
    Flagged: Long night, the Part II item on the depot took two hours.
    Flagged: Not for publication yet but the precept is going up 8%.
    Okay: The Samaritans run a free, confidential helpline day and night.
    Okay: I'm reading part two of the series tonight.

    Instead: leave it out; confidential business stays confidential after the meeting.

    Profile: none (``models/patterns/phrase_confidential.txt`` and
    ``phrase_confidential_general.txt``).
    """
    for m in ctx.mentions:
        if m.kind == "phrase" and m.label in ("confidential", "confidential-business"):
            yield warn(m.start, m.end, f"“{m.text}” marks confidential business: it must not be posted.")


def confidential_term(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags the council's own confidential matters, as the clerk lists them ("Project Heron").

    Why: clause 4.9, employees must not "disclose any confidential or sensitive information
    belonging to the Town Council".

    Flagged: Can't say much about project heron but it's big news.
    Okay: Saw a heron on the river this morning.

    Instead: leave it out until the council makes it public.

    Profile: ``[confidential]`` ``terms``.
    """
    for m in ctx.of("phrase", label="confidential-term"):
        yield warn(m.start, m.end, f"“{m.text}” is one of the council's confidential matters: it must not be posted.")


def security_data(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags your own answers to security questions: birthplace, mother's maiden name, first pet, first school, home address.

    Why: clause 5.1, "employees should be security conscious ... restricting the amount of
    personal information they give out, e.g. date and place of birth. This type of information
    may form the basis of security questions and/or passwords on other websites".

    Flagged: I was born in Kettering and never left.
    Flagged: My first dog was a spaniel called Biscuit.
    Flagged: Fun fact: my mum's maiden name is Featherstone.
    Flagged: I went to Oundle Primary School, who else?
    Flagged: We live at 14 Meadow Close if anyone has a spare key.
    Okay: My first school play was a disaster.
    Okay: I was born in the wrong decade.
    Okay: She kept her own surname when she married.

    Instead: leave it out; it answers the questions banks ask.

    Profile: none (``models/patterns/phrase_birthplace.txt`` and the other security lists).
    """
    for m in ctx.mentions:
        if m.kind == "phrase" and m.label in SECURITY:
            yield warn(m.start, m.end, f"“{m.text}” gives away {SECURITY[m.label]}, a common security question: keep it private.")


def own_date_of_birth(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags your own date of birth, or enough of it ("my birthday is 3 March", "40 today").

    Why: clause 5.1, employees should restrict "the amount of personal information they give
    out, e.g. date and place of birth".

    Flagged: My date of birth is 3 March 1985, if the bank asks.
    Flagged: I'm 40 today, cake time!
    Flagged: I was born on 14 February, a proper romantic.
    Okay: Happy birthday to the best sister in the world!
    Okay: Temperatures hit 30 today.

    Instead: celebrate without the date or age.

    Profile: none.
    """
    found = list(ctx.of("phrase", label="birth-date"))
    found += [m for m in ctx.of("pii") if m.entity == "DATE_OF_BIRTH" and m.label == "self"]
    for m in found:
        yield warn(m.start, m.end, f"“{m.text}” gives away your date of birth, a common security question: keep it private.",
                   entity="DATE_OF_BIRTH")


def photo_of_colleague(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a photo or video of a colleague ("here's a photo of our groundsman asleep").

    A photo word ("photo of", "pic", "video", "selfie with", "caught on camera") in the same
    sentence as a colleague: a listed employee, their role ("our groundsman"), or words such
    as "my colleague", "the lads from work".

    Why: clause 3.2, "if you are posting information or photographs of other employees outside
    of working hours, you should still seek their permission to post these before doing so".

    A photo verb counts with the person right after it ("Snapped Priya and Sarah", "filmed our
    caretaker"); a listed employee's first name or nickname alone ("a pic of Tom") counts as a
    colleague, unless another surname follows it ("Tom Jones"); a work party's photos count when
    everyone is tagged.

    Flagged: Here's a pic of our groundsman asleep in the van.
    Flagged: Photo of my colleagues at the Christmas do!
    Flagged: Here's a pic of Tom asleep in the van.
    Flagged: Filmed Priya doing the conga last night.
    Flagged: Office party photos are up on my page, tagged everyone.
    Okay: Here's a pic of the sunset over the river.
    Okay: My colleagues were brilliant this week.
    Okay: Here's a photo of Tom Jones on stage at the Albert Hall.
    Okay: Priya filmed the fireworks from the bridge.
    Okay: Sarah took a lovely photo of the river.

    Instead: ask the colleague first, and post only with their permission.

    Profile: ``people.csv`` (employees and their roles).
    """
    for photo, who in pairs(ctx, colleagues(ctx)):
        start, end = min(photo.start, who.start), max(photo.end, who.end)
        yield warn(start, end, f"A photo of “{who.text}”, a colleague: post it only with their permission.")


def photo_of_person(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a photo or video of a person: a colleague, resident, customer, contractor or stranger.

    A photo of a colleague is flagged under clause 3.2 as well (PL520).

    Why: clause 4.10, "if employees wish to post images, photographs or videos of their work
    colleagues, residents, customers, contractors or suppliers on their online profile, they
    should first obtain the other party's express permission to do so".

    Flagged: Took a video of this bloke parking on the pavement again.
    Flagged: Snapped a picture of Kevin Doyle on his allotment.
    Okay: Took a photo of my kids on the beach.
    Okay: Snapped a picture of the bluebells in the woods.

    Instead: ask first, or post a photo in which nobody can be recognised.

    Profile: ``people.csv``.
    """
    for photo, who in pairs(ctx, people(ctx)):
        start, end = min(photo.start, who.start), max(photo.end, who.end)
        yield warn(start, end, f"A photo of “{who.text}”: post someone's image only with their express permission.")


def reposted_content(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags reposting someone else's image or words without permission or credit.

    Why: clause 4.10, employees must not "breach copyright ... for example, using someone else's
    images or written content without permission or failing to give acknowledgement where
    permission has been given to reproduce particular work".

    Flagged: Stole this pic from Facebook, too good not to share.
    Flagged: Not my photo but what a view of the river.
    Flagged: Found this image online, no idea who took it.
    Okay: My brother copied my homework again.
    Okay: Photo shared with kind permission of Jane Smith.

    Instead: ask the owner, credit them by name, or share their original post.

    Profile: none (``models/patterns/phrase_repost.txt``).
    """
    for m in ctx.of("phrase", label="repost"):
        yield warn(m.start, m.end, f"“{m.text}” suggests someone else's work posted without permission or credit.",
                   suggestions=("share the original post", "credit the owner by name"))


def colleagues(ctx: Context) -> list[Mention]:
    """Mentions of employees: listed staff, their roles, their first names or nicknames, and colleague words."""
    listed = [m for m in ctx.of("listed-person", "listed-role") if m.person and m.person.group in STAFF_GROUPS]
    return listed + [m for m in ctx.of("phrase") if m.label in ("colleague", "colleague-name")]


def people(ctx: Context) -> list[Mention]:
    """Mentions of anyone: listed people and firms, other person names, person and colleague words."""
    words = [m for m in ctx.of("phrase") if m.label in ("other-person", "colleague")]
    return [*ctx.of("listed-person", "listed-role", "person"), *words]


def pairs(ctx: Context, whom: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """Each photo phrase with the nearest of ``whom`` in its sentence; each photo verb with whom it directly takes."""
    for photo in ctx.of("phrase", label="photo"):
        of = photo.text.lower().endswith((" of", " with"))  # "a photo of X": X comes after
        near = [w for w in whom if same_sentence(ctx.text, photo, w) and not (of and w.start < photo.end)]
        if near:
            yield photo, min(near, key=lambda w: abs(w.start - photo.start))
    for verb in ctx.of("phrase", label="photo-verb"):
        if taken := [w for w in whom if w.end > verb.end and verb.start <= w.start and directly(ctx.text[verb.end:w.start])]:
            yield verb, taken[0]


def directly(gap: str) -> bool:
    """True when only spaces and a possessive or article stand between a verb and its object."""
    return set(gap.lower().split()) <= OBJECT_WORDS and len(gap.split()) <= 1


def same_sentence(text: str, a: Mention, b: Mention) -> bool:
    """True when the two mentions are close and no sentence ends between them."""
    left, right = (a, b) if a.start <= b.start else (b, a)
    gap = text[left.end:right.start]
    return len(gap) <= NEAR and not SENTENCE_END.search(gap)


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
