"""Clause 4.6: the people and firms on the clerk's list, named or identifiable by role."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detect.mention import Mention
from ..detect.person_context import normalise, public_figures
from ..profile import GROUP_NOUNS, Person
from ..spans import in_quoted_title
from ..warning import PolicyWarning, Severity
from .base import Context, Rule, Warn

NEUTRAL = {**GROUP_NOUNS, "employee": "a colleague"}
CONSENT = "posting about them needs their express consent."


def describe(person: Person) -> str:
    """``Edith Barraclough, a resident`` — who the clerk's row is."""
    role = f" ({person.role})" if person.role and not person.is_firm else ""
    return f"{person.name}{role}, {GROUP_NOUNS[person.group]}"


def named_message(m: Mention) -> str:
    """The message for a listed name, however it was written."""
    person = m.person
    if m.evidence in ("first-name", "surname"):
        return f"“{m.text}” may be {describe(person)} on the council's list: {CONSENT}"
    if m.text.casefold() == person.name.casefold():
        return f"{person.name} is {GROUP_NOUNS[person.group]} on the council's list: {CONSENT}"
    return f"“{m.text}” is {describe(person)} on the council's list: {CONSENT}"


def _warn_named(m: Mention, warn: Warn) -> PolicyWarning:
    severity = Severity.WARNING if m.evidence in ("first-name", "surname") else None
    return warn(
        m.start,
        m.end,
        named_message(m),
        suggestions=(NEUTRAL[m.person.group],),
        entity=m.entity,
        severity=severity,
    )


def famous_namesake(ctx: Context, m: Mention) -> bool:
    """A listed full name that is also a public figure's, where the post talks about that figure
    (screen, music, sport, news: the name detector labels it ``public``): "Kevin Doyle as Molesley"."""
    if " " not in m.text.strip() or normalise(m.text) not in public_figures():
        return False
    return any(p.evidence == "public-context" and p.overlaps(m) for p in ctx.of("person"))


def listed_person(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a person on the clerk's list, however the post writes them.

    Full names and aliases in any case, nicknames with the surname (``Dan Okafor``), initials
    (``D. Okafor``, ``Edith B.``), a title with the surname (``Cllr Pike``), hashtags and
    handles (``#MargaretEllison``, ``@priya_raman``), look-alike characters (``Pr1ya Raman``)
    and one typo (``Margret Ellison``). A distinctive first name alone (``Priya``) is flagged at
    warning severity, but not after a kinship word (``my niece Priya``); so is a distinctive surname alone as a
    possessive or beside a work cue (``Whitlock's off again``), not next to another name (``Max Whitlock``); an
    ordinary-word or common surname or a common first name alone is not.

    Why: clause 4.6 of the policy says employees must not "include personal information or
    data about the Town Council's employees, residents, customers, contractors or suppliers
    without their express consent (an employee may still be liable even if [they] are not
    expressly named ... as long as the Town Council reasonably believes they are identifiable)".

    Flagged: Lovely chat with Edith Barraclough at the market today.
    Flagged: Cllr Pike was on fine form at the meeting tonight.
    Flagged: Happy birthday #MargaretEllison!
    Flagged: Drinks with D. Okafor after work.
    Flagged: Awkward when Raj from the council turns up at your counter.
    Flagged: Whitlock's off on maternity AGAIN. Third time. Anyone else spotting a pattern? 🙄
    Okay: Max Whitlock on the pommel horse was unreal, my daughter's hooked.
    Okay: Raman spectroscopy lecture on YouTube at 2am, as you do.
    Okay: Break-room telly was showing 1980s Corrie at 4am, Roy Barraclough in his pomp.
    Okay: Caught a pike at the weir this morning.
    Okay: Will you come to the match on Saturday?
    Okay: Reading Dan Brown's new book on the beach.
    Okay: Kevin Doyle as Molesley in Downton is the most underrated performance on telly.
    Flagged: Thanks to the lovely Kevin Doyle for the tour of his allotment, my boy loved it.
    Flagged: Mags E from work has taken up wild swimming.
    Flagged: Raj P brought homemade jalebi to the planning meeting.
    Flagged: D. 0kafor smashing the Fermyn Woods 10k this morning.
    Okay: Happy 10th birthday to my niece Priya! Unicorn cake survived the journey.
    Okay: My Priya's first day at big school tomorrow 🎒 new shoes, new bag, and a very serious face.
    Okay: Kevin the Shetland has escaped AGAIN and is eating next door's roses. Kevin. Mate.
    Okay: One of the mammies came round with a tray of tea going 'ah go on, go on, go on' like Mrs Doyle.
    Flagged: Will from the hall is going through a messy divorce, poor lad.
    Flagged: Fresh trim for Raj the councillor this morning 💈
    Okay: Aldi bringing back Kevin the Carrot is the only thing getting me through November 🥕
    Okay: Out with the Old Bill again tonight: one shoplifter, two lost dogs and a man dressed as a banana.
    Okay [mode=council author=Rajesh_Patel]: My surgery is this Saturday at the library, 10 till 12. Raj

    A listed full name that is also a widely known public figure's is left alone where the
    post is plainly about the figure (screen, music, sport or news around it), as the resident
    who shares an actor's name is not the one on the telly. The request's author is left alone too: their own
    name or signature ("Raj" closing a councillor's post) is no one else's personal data.

    Instead: leave the person out, or describe them without identifying them ("a resident",
    "a colleague"); post about them only with their express consent.

    Profile: ``people.csv`` rows whose group is employee, councillor, resident or customer
    (name, aliases).
    """
    for m in ctx.of("listed-person"):
        if m.person is not None and not m.person.is_firm and not famous_namesake(ctx, m) and not ctx.is_author(m):
            yield _warn_named(m, warn)


def listed_firm(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a contractor or supplier on the clerk's list, by name or alias, with or without "Ltd".

    A firm's coined first word alone names it ("Brightwater have missed the toilets again"), but not when another
    capitalised word follows that is not part of its name: "Brightwater Aquatics" is another business.

    Why: clause 4.6 of the policy says employees must not "include personal information or
    data about the Town Council's employees, residents, customers, contractors or suppliers
    without their express consent".

    Flagged: Nene Valley Landscapes turned up late again.
    Flagged: Thanks to brightwater cleaning for the quick job.
    Okay: The valley looked lovely in the sunshine.
    Okay: Spring cleaning done at last.
    Okay: Nene Valley landscapes from the board this evening 🌅 nothing beats it
    Flagged: Brightwater have missed the toilets again.
    Okay: New UV clarifier from Brightwater Aquatics fitted, pond like gin now.

    Instead: leave the firm out or say "a contractor" / "a supplier"; name it only with its
    express consent.

    Profile: ``people.csv`` rows whose group is contractor or supplier (name, aliases).
    """
    for m in ctx.of("listed-person"):
        if m.person is not None and m.person.is_firm:
            yield _warn_named(m, warn)


def identifying_role(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a role that in a small council is one listed person ("our groundsman", "the deputy clerk").

    Only roles from the ``role`` column held by one person, after a determiner (our, the, my,
    their …) or, capitalised, opening a sentence as the one who said or did something ("Deputy
    clerk said no"); generic roles ("our councillor") identify nobody and are not flagged, nor is a role at
    another workplace ("the caretaker at the bairns' school"; ``models/patterns/work_elsewhere.txt``).

    Why: clause 4.6 of the policy: personal information about employees, residents, customers,
    contractors or suppliers needs their express consent, and "an employee may still be liable
    even if [they] are not expressly named ... as long as the Town Council reasonably believes
    they are identifiable".

    Flagged: Our groundsman has been off sick all week.
    Flagged: The deputy clerk got a parking ticket.
    Flagged: Asked to borrow the trailer. Deputy clerk said no, it's 'council property'.
    Flagged: Cheers to the deputy clerk for sorting out the road closure paperwork, legend.
    Flagged: I was telling a joke as the deputy clerk walked in.
    Flagged: The finance officer at work has been an absolute star helping me sort out my pension forms.
    Flagged: asleep at his desk again #deputyclerk
    Flagged: Congrats to our admin assistant on passing her driving test, 3rd time lucky 🚗
    Flagged: the new lass couldn't even start the strimmer
    Flagged: new girl in the office is a proper snowflake
    Flagged: I know who I'd be looking at. her in finance
    Flagged: three hours away from the dragon in the corner office
    Okay: Committee meeting at the pigeon club tonight. The chairman wants to raise subs to £30.
    Okay: Our councillor replied to my letter.
    Okay: A groundsman's job is never done.
    Okay: Watching New Girl reruns on a Sunday.
    Okay: Nae lie, the caretaker at the bairns' school is a legend. Fixed ma loon's bike chain.
    Okay: Starting Monday as the new receptionist! Nervous and excited in equal measure.
    Okay: New room opens Friday: 'The Clerk's Cellar', 60 minutes to escape a Victorian office.
    Okay [mode=council]: The draft minutes are now on our website. Comments to the Clerk by 26 March, please.
    Flagged: I am told our town council's Vice-Chair voted on her own nephew's planning objection.
    Flagged: Leaving drinks Friday at the Woolpack! Everyone welcome except you-know-who from finance 😂
    Okay: Corby council's chairman opened the fete.
    Flagged: I have written to the Town Clerk at Thrapston Town Council three times about the war memorial.
    Flagged: the finance lady wants receipts for a 60p pen. SIXTY PENCE.
    Okay: The finance lady at the bank was lovely.
    Okay: Proud to say I've been the caretaker at Thrapston Town Hall for 12 years now.
    Okay: The caretaker at the scout hut has retired after 30 years.
    Okay [mode=council author=Graham_Pike]: As your Chairman I am appalled at the state of the skate park.

    A newcomer or a colleague described by where they sit ("the new lass", "her in finance")
    is one identifiable person even unnamed. On the council's account, "contact the Clerk" is
    the public office, not a person; a role right beside the person's own name ("Priya Raman,
    our new Finance Officer") is part of that name's warning.

    Instead: leave the person out, or use a description that fits many people ("a colleague").

    Profile: ``people.csv`` (the role column; the person's group).
    """
    for m in ctx.of("listed-role"):
        if (_public_office(ctx, m) or _beside_name(ctx, m) or _own_role(ctx, m) or ctx.is_author(m)
                or in_quoted_title(ctx.text, m.start, m.end)):
            continue
        if m.person is None:
            message = f"“{m.text}” identifies one person even unnamed: {CONSENT}"
            yield warn(m.start, m.end, message, suggestions=(NEUTRAL[m.label or "employee"],), entity=m.entity)
            continue
        message = f"“{m.text}” identifies {describe(m.person)} on the council's list: even unnamed, {CONSENT}"
        yield warn(m.start, m.end, message, suggestions=(NEUTRAL[m.person.group],), entity=m.entity)


_CONTACT_BEFORE = re.compile(r"\b(?:contact|call|ring|phone|e-?mail|write\s+to|speak\s+to|ask|apply\s+to|(?:comments|questions|"
                             r"queries|enquiries|objections|responses|representations|applications)\s+to)\s*$", re.IGNORECASE)
APPOSITION_GAP = 3  # characters between a name and its role in apposition (", our")


def _public_office(ctx: Context, m: Mention) -> bool:
    """On the council's account, "contact the Clerk" or "comments to the Clerk" names the office people write to, not a
    person."""
    return ctx.mode == "council" and bool(_CONTACT_BEFORE.search(ctx.text, 0, m.start))


_I_AM = re.compile(r"(?:\b(?:i['’]m|i\s+am|im|i['’]ll\s+be|i\s+will\s+be|i['’]ve\s+been|i\s+have\s+been|i\s+was)\s+|\bas\s+)$",
                   re.IGNORECASE)
_NO_VERB_AFTER = re.compile(r"\s*(?:$|[^\w\s]|(?:at|in|for|with|from|on|and|here|now|today|tomorrow)\b)", re.IGNORECASE)


def _own_role(ctx: Context, m: Mention) -> bool:
    """The writer's own role: "I'm the new receptionist", "I've been the caretaker at Thrapston Town Hall", "Starting
    Monday as the new receptionist at …" ("as the deputy clerk walked in" is someone else)."""
    before = _I_AM.search(ctx.text, max(0, m.start - 20), m.start)
    if not before or not before.group().lower().startswith("as"):
        return bool(before)
    # "Starting Monday as the new receptionist at …", not "welcome William Hart as our new Caretaker"
    return m.text.lower().startswith(("the ", "a ", "an ")) and bool(_NO_VERB_AFTER.match(ctx.text, m.end))


def _beside_name(ctx: Context, m: Mention) -> bool:
    """The role stands right beside its holder's name ("Priya Raman, our new Finance Officer")."""
    return m.person is not None and any(
        n.person == m.person and (0 <= m.start - n.end <= APPOSITION_GAP or 0 <= n.start - m.end <= APPOSITION_GAP)
        for n in ctx.of("listed-person")
    )


RULES = (
    Rule("PL406", "listed-person", "4.6", Severity.ERROR, listed_person),
    Rule("PL410", "listed-firm", "4.6", Severity.ERROR, listed_firm),
    Rule("PL411", "identifying-role", "4.6", Severity.WARNING, identifying_role),
)
