"""Clause 4.6: personal data in a post — unlisted names, phone numbers, e-mail and street
addresses, UK identifiers and other people's dates of birth."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache

from ..assets import read_lines
from ..detect.mention import Mention
from ..detect.personal_data import CONTRACTED, POSSESSIVE_NAME
from ..detect.people_names import load_lists
from ..detect.person_context import first_names
from ..profile import Person
from ..spans import in_quoted_title, sentence_end, sentence_start
from ..warning import PolicyWarning, Severity
from .base import Context, Rule, Warn, per_post
from .own_security import own_birth_phrases, own_birthplaces

CLAUSE = "4.6"
CONSENT = "posting someone's personal information needs their express consent (clause 4.6)."
IDENTIFIERS = {
    "UK_NINO": "a National Insurance number",
    "UK_NHS": "an NHS number",
    "UK_PASSPORT": "a passport number",
    "UK_DRIVING_LICENCE": "a driving licence number",
    "UK_VEHICLE_REGISTRATION": "a vehicle registration",
    "UK_POSTCODE": "a postcode",
}


def _pii(ctx: Context, *entities: str) -> tuple[Mention, ...]:
    return tuple(m for m in ctx.of("pii") if m.entity in entities)


def _is_listed(ctx: Context, m: Mention) -> bool:
    return any(m.overlaps(o) for o in ctx.of("listed-person", "listed-role"))


# Shared council mailboxes name no one: ``clerk@<council domain>`` is left to clause 4.4.
@cache
def role_mailboxes() -> frozenset[str]:
    """``models/patterns/council_mailboxes.txt``: the local parts of a council's shared mailboxes, read once."""
    return frozenset(w.casefold() for w in read_lines("council_mailboxes"))


def _is_councils_own(ctx: Context, m: Mention) -> bool:
    """The council's own address or a shared council mailbox: clauses 4.1/4.4, not personal data."""
    council = [c for c in ctx.of("council") if c.overlaps(m)]
    if m.entity == "EMAIL_ADDRESS":
        return bool(council) and local_part(m.text) in role_mailboxes()
    return any(c.label == "address" for c in council)


_AT = re.compile(r"\s*@|\s*[\[(]at[\])]|\s+at\s+", re.IGNORECASE)


def local_part(address: str) -> str:
    """What stands before the "@" (or a spelt-out "at") of an e-mail address, case-folded."""
    return _AT.split(address, 1)[0].strip().casefold()


def _spelt_council_emails(ctx: Context) -> list[Mention]:
    """Addresses at the council's domain that Presidio cannot read, spaced or spelt out ("dan.okafor @
    thrapstontowncouncil . gov . uk"), as e-mail findings."""
    found = _pii(ctx, "EMAIL_ADDRESS")
    return [Mention("pii", c.start, c.end, c.text, entity="EMAIL_ADDRESS", evidence="council-domain")
            for c in ctx.of("council", label="email-domain")
            if _AT.search(c.text) and _names_someone(local_part(c.text), ctx.profile.people) and not any(c.overlaps(f) for f in found)]


def _names_someone(local: str, people) -> bool:
    """A spelt-out address's local part that names a person: "dan.okafor", "sarah (dot) whitlock", "priya", "dokafor"
    (a listed person's name inside); not a word before a spelt-out "at" ("the hall-hire page at …", "running at …")."""
    listed = {w for p in people for w in p.name.lower().split() if len(w) >= 4}
    return bool(re.search(r"[._]|\bdot\b", local)) or local in first_names() or any(w in local for w in listed)


# In a council-account post, a landline right after these words is the council's public number.
_COUNCIL_CONTACT = re.compile(
    r"(?:\b(?:call|ring|phone|contact|tel(?:ephone)?|book(?:ings?)?(?:\s+(?:through|with|via))?)(?:\s+(?:us|the\s+(?:office|council|town\s+hall|clerk|reception)))?"
    r"|\benquiries(?:\s+(?:to|on))?|\b(?:the|our)\s+(?:office|town\s+hall|clerk|reception))\b[^.!?\d]{0,12}$",
    re.IGNORECASE,
)


# Freephone, non-geographic and premium ranges (Ofcom: 080, 03, 084, 087, 09) and the 116 helplines belong to
# organisations (the NSPCC's 0808 800 5000, the Samaritans' 116 123), never to a private person.
SERVICE_PREFIXES = ("080", "03", "084", "087", "09", "116")

# A business's or a service's own line, named as such right before the number ("Emergencies go to the out-of-hours
# line on 0115 496 0321"): nobody's personal data, on any account.
_SERVICE_LINE = re.compile(
    r"\b(?:out[- ]of[- ]hours|emergency|helpline|hotline|booking|bookings|reception|surgery|practice|ticket|box[- ]office)"
    r"(?:\s+(?:line|number|desk|team|service))?\s*(?:is|on|:)?\s*$",
    re.IGNORECASE,
)


# A business's own line given to customers: a call to action right before the number ("Call or text 01632 960412",
# "ring 01632 960 418 for collection") or right after it ("01632 960 777, text or call") in a post that sells or books
# something (a price, "book", "order", "collection", "hire", "we're open", "request line").
_CALL_BEFORE = re.compile(r"\b(?:call|ring|text|phone|whatsapp)(?:\s+or\s+(?:call|ring|text))?(?:\s+us)?(?:\s+on)?\s*:?\s*$",
                          re.IGNORECASE)
_CALL_AFTER = re.compile(r"\s*,?\s*(?:text\s+or\s+call|call\s+or\s+text|to\s+book|for\s+bookings|for\s+collection|to\s+order)\b",
                         re.IGNORECASE)
_TRADE = re.compile(r"£\s?\d|\b(?:book|booking|bookings|order|orders|collection|delivery|hire|availability|we['’]re\s+open|"
                    r"open\s+(?:till|until|\d)|request\s+line)\b", re.IGNORECASE)


def _is_trade_line(ctx: Context, m: Mention) -> bool:
    """A landline a business gives its customers (``_CALL_BEFORE``/``_CALL_AFTER`` in a post with ``_TRADE`` words): the
    writer's own shop or show, not someone's personal data."""
    if not _landline(m.text):
        return False  # a mobile may be the seller's own ("£40 the lot, text 07700 900418"), which writers label 4.6
    asked = _CALL_BEFORE.search(ctx.text, _tail_start(ctx.text, m.start, 24), m.start) or _CALL_AFTER.match(ctx.text, m.end)
    return bool(asked) and bool(_TRADE.search(ctx.text))


def service_number(text: str) -> bool:
    """True for a freephone, non-geographic, premium or 116 helpline number."""
    digits = re.sub(r"\D", "", text)
    national = "0" + digits[2:] if digits.startswith("44") else digits
    return national.startswith(SERVICE_PREFIXES)


def _landline(text: str) -> bool:
    """True for a UK geographic or non-geographic landline (01, 02, 03), not a mobile (07)."""
    return re.sub(r"\D", "", text).removeprefix("44").lstrip("0")[:1] in {"1", "2", "3"}


def _is_service_line(ctx: Context, m: Mention) -> bool:
    """A landline the post names as a business's or a service's line (``_SERVICE_LINE``); a mobile never is."""
    return _landline(m.text) and bool(_SERVICE_LINE.search(ctx.text, _tail_start(ctx.text, m.start), m.start))


def _is_council_line(ctx: Context, m: Mention) -> bool:
    """A landline the council's own account gives as its office number: after "call the office on",
    "contact the Clerk on" or "enquiries to", or beside the council's own e-mail domain or address."""
    if ctx.mode != "council" or not _landline(m.text):
        return False
    beside = any(c.label in ("email-domain", "address") for c in ctx.of("council"))
    return beside or bool(_COUNCIL_CONTACT.search(ctx.text, _tail_start(ctx.text, m.start), m.start))


def _tail_start(text: str, end: int, visible: int = 40) -> int:
    """Where the last ``visible`` characters that are not white space before ``end`` begin.

    ``_COUNCIL_CONTACT`` and ``_SERVICE_LINE`` end at ``end`` and hold at most 32 such characters, so
    searching from here finds what searching the whole text before ``end`` would, in bounded time.
    """
    i = end
    while i > 0 and visible:
        i -= 1
        visible -= not text[i].isspace()
    return i


# Whose address it is: decided once, in ``own_addresses``, for clause 4.6 (someone else's) and 5.1 (your own).
HOUSEHOLD = re.compile(r"\s*(?:(?:[Nn]umber|[Nn]o\.?)\s*)?")  # an address opening its sentence, as its subject
OWN_PLACE = re.compile(r"\b(?:i|i'm|i’m|me|my|mine|we|we're|we’re|us|our|ours)\b", re.IGNORECASE)
HOSTING = re.compile(r"\b(?:invites?|housewarming|bring a bottle|come round|pop round|give (?:it|us|me) a knock|free to a good home|"
                     r"collect(?:ion)? from|pick(?:-| )?up from)\b", re.IGNORECASE)
OTHER_OWNER = re.compile(rf"(?!(?:{'|'.join(CONTRACTED)})['’]s)[A-Z]\w*['’]s\b|"
                         r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Hh]e|[Ss]he|[Tt]hey)\b|\b(?:neighbours?|friends?|mum|dad|nan|"
                         r"sister|brother)['’]s\b|\b(?:[Ww]hoever|[Bb]loke|[Ff]ella|[Ff]amily|[Cc]ouple|[Tt]enants?|[Pp]assengers?|[Cc]ustomers?|"
                         r"[Ll]ady|[Gg]entleman|[Ww]oman|[Cc]hap|[Ll]ass)\b"
                         r"|\b[Nn]eighbours?\s+(?:at|from|in|on)\b|\b[Tt]he [A-Z][a-z]+s\b")
CLAIMED = re.compile(r"[.!?]*\s*(?:that['’]?s|it['’]?s|this is) (?:me|us|mine|ours|my house|our house)\b",
                     re.IGNORECASE)  # "Parcels for 41 Market Road keep going next door. That's me, folks"
NOT_HOME = re.compile(r"\b(?:[Nn]ear|[Oo]utside|[Oo]pposite|by|along|past|behind|round)\s+(?:the\s+)?(?:[A-Z][\w'’]*,?\s+){0,3}$")


@per_post
def own_addresses(ctx: Context) -> tuple[Mention, ...]:
    """Street addresses and postcodes the post gives as the writer's own: the one decision.

    Clause 4.6's rules leave these out (they are not someone else's data) and clause 5.1's
    ``security-question-data`` flags them, so the two never disagree. Own, unless it is the
    council's own address:

    - the personal-data detector's cue (label ``self``: "Parcel for me?", "party invites"),
      or right after a home-address phrase ("I live at", "I'm at"), or a postcode right after
      such an address;
    - or a first-person word in its sentence ("Parcels for 21 Harrier Way (that's me)"; not "me" or "us" after an
      address that opens the sentence: "Number 14 Oundle Road has now owed me for six cleans"), a next
      sentence that claims it ("... keep getting left next door. That's me, folks!") or a
      post that hosts ("Party invites going out! 23 Orchard Close"), with no one else before it
      in the sentence ("Party at Jodie's, 41 Chapel Street", "Priya lives at", "the lady at 14 Oundle
      Road", "My neighbour at 41 Cotton End") and not a place
      rather than a home ("near Kettering Road").

    A parcel or a party alone makes no address the writer's ("Parcel left at 10 Market Street by
    mistake", "The party is at 14 Oundle Road"), and a business's premises are not a home ("Find us at 23 High Street").
    """
    keys = {_key(m) for m in (*_said_own(ctx), *_told_own(ctx))}
    return tuple(m for m in _pii(ctx, "ADDRESS", "UK_POSTCODE")
                 if _key(m) in keys and not _is_councils_own(ctx, m) and not premises(ctx, m))


def premises(ctx: Context, m: Mention) -> bool:
    """A business's premises ("Find us at 23 High Street", "our shop at 4 Market Place", "the saleroom, 77 High
    Street", "3 Market Road, open 6am to 10pm"): neither the writer's home (clause 5.1) nor where someone lives (clause
    4.6)."""
    return bool(_PREMISES.search(ctx.text, max(0, m.start - 40), m.start) or _OPENING_HOURS.match(ctx.text, m.end))


_SHOP = r"(?:shop|café|cafe|salon|unit|premises|studio|showroom|workshop|store|launderette|bakery|saleroom|gallery)"
_PREMISES = re.compile(rf"\b(?:(?:find|visit|see)\s+us\s+(?:at|on|is\s+at)|our\s+{_SHOP}\s+(?:at|on|is\s+at)|the\s+{_SHOP}\s*,)\s*$",
                       re.IGNORECASE)
# Opening hours right after the address (a town between allowed): "3 Market Road, open 6am to 10pm every day".
_OPENING_HOURS = re.compile(r"[\s,]+(?:[A-Z][a-z'’]+[\s,]+)?(?:open|opening\s+hours)\b[\s:]*(?:\d|from|daily|every|mon|7\s+days)",
                            re.IGNORECASE)


def _key(m: Mention) -> tuple:
    return m.start, m.end, m.entity


# Between an address and its postcode: nothing, a comma, or a town ("2 Church Lane, Islip NN14 3LH").
TOWN_GAP = re.compile(r"[\s,(–-]{0,3}(?:[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)?,?\s{1,2})?")


def _said_own(ctx: Context) -> list[Mention]:
    """Addresses the detector's cue, a home-address phrase ("I live at …") or one's birthplace ("Born at 12 Station
    Road") gives as the writer's, and a postcode right after one of them."""
    own, last_end = [], None
    anchors = [p.end for p in (*ctx.of("phrase", label="home-address"), *own_birthplaces(ctx))]
    for m in _pii(ctx, "ADDRESS", "UK_POSTCODE"):
        if m.label == "self":
            own.append(m)
            continue
        near_anchor = any(0 <= m.start - end <= 3 or m.start < end <= m.end for end in anchors)
        if near_anchor or (last_end is not None and TOWN_GAP.fullmatch(ctx.text, last_end, m.start)):
            own.append(m)
            last_end = m.end
    return own


def _told_own(ctx: Context) -> list[Mention]:
    """Addresses in a first-person sentence or a hosting post, with no one else's name before them."""
    hosting = bool(HOSTING.search(ctx.text))
    places = [m for m in _pii(ctx, "ADDRESS", "UK_POSTCODE") if not any(m.overlaps(c) for c in ctx.of("council"))]
    starts = [p.start for p in places]
    others = sorted(o.start for o in ctx.of("person", "listed-person"))
    out = []
    for m in places:
        start = sentence_start(ctx.text, m.start)
        first = starts[bisect_left(starts, start)]  # the sentence's first address (``m`` at the latest)
        before = ctx.text[start:first]
        end = sentence_end(ctx.text, m.end)
        hosted = hosting and not POSSESSIVE_NAME.search(ctx.text, 0, first)  # not "Party at Shaz's on Saturday! 23 Cedar Close"
        said = OWN_PLACE.finditer(ctx.text, start, end)
        if HOUSEHOLD.fullmatch(before):  # "Number 14 Oundle Road has now owed me for six cleans": the household did it
            said = (w for w in said if w.group().lower() not in ("me", "us"))
        own = next(said, None) or hosted or CLAIMED.match(ctx.text, end)
        someone = OTHER_OWNER.search(before) or bisect_left(others, start) < bisect_left(others, first)
        if own and not someone and not NOT_HOME.search(before):
            out.append(m)
    return out


def _about_others(ctx: Context, mentions) -> list[Mention]:
    """The mentions that are someone else's personal data: not the council's own, not the writer's own address.

    The writer's own addresses are worked out once per call, not once per mention.
    """
    own = {_key(m) for m in own_addresses(ctx)}
    return [m for m in mentions if not _is_councils_own(ctx, m) and _key(m) not in own]


def _is_colleague(ctx: Context, m: Mention) -> bool:
    """The name is one the profile ties to a colleague ("Dan" for Daniel Okafor)."""
    return any(p.overlaps(m) for p in ctx.of("phrase", label="colleague-name"))


def _short_for_listed(ctx: Context, m: Mention) -> bool:
    """A lone word that starts the first name of a listed person in the same post ("Kev" for Kevin Doyle)."""
    word = m.text.casefold()
    return " " not in word and any(
        p.person is not None and p.person.name.casefold().startswith(word) for p in ctx.of("listed-person"))


# Mentions that make a listed person's first name identify them: the post is about a
# colleague, a neighbour or a customer, gives someone's personal data, or passes a remark.
IDENTIFYING_PHRASES = frozenset({"other-person", "colleague", "colleague-name", "home-address", "work-identity"})
IDENTIFYING_TONES = frozenset({"insult", "negative"})


def _identifying(ctx: Context) -> bool:
    """True when the post says enough about someone for a lone first name to identify them."""
    if ctx.of("listed-person", "listed-role", "council") or _about_others(ctx, ctx.of("pii")):
        return True
    return any(m.label in IDENTIFYING_PHRASES for m in ctx.of("phrase")) or any(
        m.label in IDENTIFYING_TONES for m in ctx.of("tone"))


@lru_cache(maxsize=8)
def listed_words(people: tuple[Person, ...]) -> frozenset[str]:
    """Every word of the listed people's names and aliases, with the first names' nicknames, case-folded."""
    lists = load_lists()
    words = {w for p in people if not p.is_firm for n in (p.name, *p.aliases) for w in n.casefold().split()}
    firsts = {p.name.split()[0] for p in people if not p.is_firm}
    return frozenset(words | {nick.casefold() for f in firsts for nick in lists.nicknames_of(f)})


def _listed_word(ctx: Context, m: Mention) -> bool:
    """A lone word that is a listed person's first name, surname or nickname ("Tom", "Kev", "Whitlock's")."""
    word = m.text.casefold().removesuffix("'s").removesuffix("’s")
    return _is_colleague(ctx, m) or word in listed_words(ctx.profile.people)


NAME_SCORE = 0.6  # a lone word the model reads as a name (below: a second look)


def _lone(m: Mention) -> bool:
    """One word: a first name or a surname on its own ("Jess", "Tolley"), or a first name with a fond word before it
    ("Young Alfie", "Little Jacob", "Big Steve"), which tells strangers no more than the name alone."""
    words = m.text.split()
    return len(words) == 1 or (len(words) == 2 and words[0].lower() in _FOND)


_FOND = frozenset({"young", "little", "big", "wee", "old", "baby"})


# A quoted name right after a possessive name: the title of someone's work ("Carol Ann Duffy's 'Mrs Midas'").
_WORK_OF = re.compile(r"\b[A-Z][\w-]*['’]s\s+['‘\"“]$")


def _reportable(ctx: Context, m: Mention) -> bool:
    """Whether an unlisted name is worth a warning (see ``person_name``)."""
    if _is_listed(ctx, m) or ctx.is_author(m) or _short_for_listed(ctx, m):
        return False
    if m.label in ("family", "friend") or (m.label == "public" and not (_lone(m) and _is_colleague(ctx, m))):
        return False
    if any(c.overlaps(m) for c in ctx.of("council")) or in_quoted_title(ctx.text, m.start, m.end, longer=True):
        return False
    if _WORK_OF.search(ctx.text, max(0, m.start - 40), m.start):  # "Carol Ann Duffy's 'Mrs Midas'": a poem's title
        return False
    if _lone(m) and not _listed_word(ctx, m):
        return m.label == "local"
    return not _lone(m) or m.score >= NAME_SCORE or m.label == "local" or _identifying(ctx)


def person_name(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a person's name that is on none of the clerk's lists.

    Names are found by the language model and by first names followed by a surname or a title
    followed by a name ("Mrs Pennington"); hashtags, handles, links, whole UK place names and
    high-street brands ("Kings Cross", "Greggs"), greetings and songs in other languages ("Slava
    Ukraini", ``names_phrases.txt``), storms and ships ("Storm Chandra"), a song right after "singing"
    and a chess opening ("the Marshall Attack") are not names, nor is a lone capitalised word after
    "in", "from" or "near" (a place). Names on the clerk's list are flagged by
    ``listed-person`` instead (a short form of a listed name in the same post, "Kev" beside
    "Kevin Doyle", too), and the author's own name is left alone, as is a name inside a longer
    quoted title ("'Yesu Azali Awa'", a hymn).

    Public figures are not flagged: a name on the list of widely known public figures, or in a
    sentence (or next to a sentence) about books, screen, radio, music, sport or news
    (``models/patterns/names_public_context.txt``), unless the profile ties the name to a
    colleague or its sentence places the person at work or nearby ("Dan in the office").

    A relative named by first name only on the writer's own family post is not flagged either:
    a first name after "my"/"our" and a kinship word ("my nephew William", "my wonderful
    husband Steve"), after "baby", or spoken to with "love you" (``names_family_words.txt``).
    Such a post is about the writer's family life, not about someone the council deals with,
    and a first name alone does not identify the relative to strangers. A full name ("my sister
    Lisa Jones") is still flagged. The kinship frame outweighs a first name the writer shares
    with a colleague ("my nephew William" is not William Hart the caretaker). So does a friend
    the post says is from another circle ("a pint with Tom and Sarah from school … Tom's got
    grandkids now"): every use of that first name in the post is the friend.

    A name of one word ("Jess", "Mick", "Bella") identifies no one by itself, and is far more
    often a relative, a pet, a friend or no name at all ("Bostin Sunday dinner"), so it is
    flagged, at info severity, only when its sentence places the person at work, next door or
    in the town (``names_local_context.txt``: "Tasha from number 12"). A lone word that is a
    listed person's first name, surname or nickname ("Tom", "Whitlock's") may be that person:
    it is flagged when the language model reads it as a name, or when the post names a listed
    person, a role or the council, gives someone's personal data, talks about a colleague, a
    neighbour or a customer, or passes a remark on someone. The council's own name
    and aliases ("Thrapston TC") are never a person's, nor are saints' names of churches and
    towns ("St James's hall") or businesses named by a possessive ("Helen's Pantry", "patel's corner shop").

    Why: clause 4.6 of the policy says employees must not "include personal information or
    data about the Town Council's employees, residents, customers, contractors or suppliers
    without their express consent"; a name the clerk has not listed may still be one of them.

    Flagged: Had a long chat with Jonathan Pennington about the bins.
    Flagged: Mrs Pennington was not happy this morning.
    Okay: Caught a pike at the weir this morning.
    Okay: Heritage Open Days: come and see the memorial to Sir John Washington in St James' Church.
    Okay [mode=council author=Rajesh_Patel]: Vote Patel on 6 May! I've delivered for Thrapston.
    Okay: Will you come to the match on Saturday?
    Okay: Reading Dan Brown's new book on the train, can't put it down.
    Okay: Went to the Christmas market in Lincoln, mulled wine was lovely.
    Okay: Merry Christmas everyone! Hope Santa brought you everything you wanted x
    Okay: Helen Mirren was in the hotel bar in Sorrento. I did not say hello. I did stare. Sorry Dame Helen.
    Okay: Hank Williams, Don Williams, Robbie Williams: all requested today. Played one of them.
    Okay: London to Paris, day 2: 108km. £3,420 raised for Brain Tumour Research so far.
    Okay: Mr Men mugs are back in stock. Mr Grumpy is outselling Mr Happy 3 to 1.
    Okay: Who else is watching the Strictly final? Come on Tasha!!
    Okay: Happy birthday to my wonderful husband Steve, 50 today!
    Okay: Our Jess passed her driving test first time!! so proud of her
    Okay: Took the grandkids pike fishing. Young Alfie caught a jack, Ruby caught a cold.
    Okay: Grandson William passed his driving test today. First time! Proud nana. x
    Okay: Mi sister Helen have twins this morning at Kettering General!
    Okay: Dad (Bill) is 84 next week and still mows his own lawn in a shirt and tie.
    Okay: Lovely quiet one at the pub with Tom and Sarah from school. Tom's got grandkids now.
    Okay: Security question wanted my first pet so I put 'Mr Whiskers' and now my bank knows I was a sad child.
    Okay: Olivetti Lettera 32, new ribbon, £140 to a good home.
    Okay: Restored a Smith Corona for a lady in Oundle. From Les Mis to Laura Ashley, I've typed it all.
    Okay: Best in show at Oundle went to a Netherland Dwarf called Mr Pike. I'm not making this up 🐇🏆
    Okay: As Larry Adler once said, 'The harmonica is the only instrument you can play with your hands in your pockets.'
    Okay: I'll open with a few lines of Carol Ann Duffy's 'Mrs Midas' before I inflict my own bits on you.
    Okay: Someone asked me today if Mr Punch is 'problematic'. Madam, he has been problematic since 1662.
    Okay: Kevin McCloud on Grand Designs: 'and they're over budget'. Every episode. Kevin, mate, just say hello.
    Okay: Storm Chandra: sandbags are available from the depot until 4pm today.
    Okay: Two years in England today. Thank you to everyone at the church who helped my family. Slava Ukraini 💙💛
    Okay: Lost to an eleven-year-old in the rapid tonight. He played the Marshall Attack and I walked straight into it.
    Okay: Sixty guests crammed into my tents singing Mr Brightside. Best soggy wedding ever.
    Okay: Moored below Titchmarsh Mill for the night. Kingfisher on the bow at teatime.
    Okay: Free period and someone's left a whole Colin the Caterpillar in the staffroom.
    Okay: Spent the afternoon door-knocking for the county by-election. Strong tea and one very angry Jack Russell.
    Okay: Heart FM playing Mr Brightside at 7am is exactly the energy I need.
    Okay: Tax return done, three weeks early. Who even am I. Celebrating with a Twirl.
    Okay: Spring stock arriving all week 🌷 the David Austins went in a day last year.
    Okay: Best bit of the round by miles 🦌 Stood dead still for a good minute before he trotted off.
    Okay: Passed my 1st Dan grading in karate tonight at 52 years old.
    Okay: Fordson Major finally running after two winters in bits.
    Okay: Bell ringing practice at St James tonight, my arms are dead
    Okay: Train to Milton Keynes delayed again, then a sausage roll from Greggs.
    Okay: rereading the handmaid's tale. margaret atwood saw it all coming
    Okay: patel's corner shop has the good samosas in again, go go go
    Okay: His daughter asked for 'Yesu Azali Awa' and we sang it slowly, with only the drum.
    Okay: Widor Toccata for the wedding. The bride was four minutes late so I played it twice.
    Okay: Glenn Miller night at the Corn Exchange. Played 'In the Mood' twice.
    Okay: Ushered Les Mis tonight at the Derngate. Three people cried, one snored.
    Okay: Pleased to share that I've accepted a graduate role at Grant Thornton in Milton Keynes.
    Okay: No, we will not be doing a William Tell demonstration at the fete.
    Okay: Happy Independence Day Ghana 🇬🇭 6th March 1957.
    Okay: Who else remembers the Penny Falls machines?
    Okay: hazel binders wanted, 8ft plus, will collect with the trailer, cash or a pint
    Okay: Spent all Sunday on the David Brown 990. Stripped the injector pump.
    Okay: Tonight's round: 1. Max Whitlock 2. Rosamund Pike 3. Rodney Marsh
    Okay [mode=council]: We are recruiting a part-time Cemetery Groundsperson (18.5 hours a week).
    Okay: Christmas turkey collections: bring your order number. I have four Mrs Smiths and they're all getting the wrong bird.
    Okay: The bride's lot requested Grandsire Triples, so Grandsire Triples they shall have.
    Okay: Quarter peal of Plain Bob Doubles at St Mary's this evening, 1260 changes in 43 minutes.
    Okay: Please share! Our family cat Mr Whiskers has been missing since Tuesday.
    Okay: If you've got a shop near the old yard on Bridge St I'd hold off signing a lease.

    Instead: leave the name out or describe the person without identifying them ("someone",
    "a neighbour"), unless they have agreed.

    Profile: ``people.csv`` (listed names are left to ``listed-person``); the request's author.
    """
    for m in filter(lambda m: _reportable(ctx, m), ctx.of("person")):
        severity = Severity.INFO if _lone(m) else None
        message = f"“{m.text}” looks like a person's name: {CONSENT}"
        yield warn(m.start, m.end, message, suggestions=("someone",), entity="PERSON", severity=severity)


def phone_number(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a UK phone number: mobiles, landlines and +44 forms, however they are spaced.

    Numbers that are shaped like UK numbers count even when they are not in service (the
    drama ranges 07700 900xxx and 01632 960xxx), since a reader cannot tell the difference.

    Why: a phone number is personal information; clause 4.6 says employees must not post
    "personal information or data about the Town Council's employees, residents, customers,
    contractors or suppliers without their express consent".

    Flagged: Anyone who wants a lift, ring Dave on 07700 900123.
    Flagged: Her landline is 01632 960123 if you need it.
    Flagged: Out of hours? Ring my mobile on 07700 900123 for emergencies.
    Okay [mode=council]: Plots to rent: call the office on 01832 734673.
    Okay [mode=council]: Urgent enquiries: (01832) 734 673 or clerk@thrapstontowncouncil.gov.uk
    Okay [mode=council]: Please contact the Clerk on (01832) 734 673.
    Okay [mode=council]: I'm covering the office this week; please direct enquiries to (01832) 734 673.
    Okay [mode=council]: Defibrillator training at the Town Hall, Saturday 10am. Book through the office on (01832) 734673.
    Okay [mode=council]: For anything urgent over the holidays please call (01832) 734 673 and follow the recorded message.
    Okay [mode=council]: The main hall is available for private hire at weekends. Rates and availability from the office on 01832 734673.
    Okay: Reminder: we're closed Easter Monday. Emergencies go to the out-of-hours line on 0115 496 0321.
    Okay: Call me at 5 when you are done.
    Okay: If you're worried about a child, the NSPCC helpline is 0808 800 5000, free and confidential.
    Okay: The hall seats 120 people and costs £1,234 a year.
    Okay: order no. 4471 tonight was 6 bags of prawn crackers. ring 01632 960 418 for collection, we're open till 11.
    Flagged: Clearing the garage, £40 the lot, text 07700 900418.

    A council-account post that gives a landline right after "call", "call the office", "ring the
    council", "book through the office on", "from the office on" or "contact us" is giving the council's published number, not anyone's personal
    data, and is not flagged; a mobile number always is. Freephone, non-geographic and premium
    numbers (080, 03, 084, 087, 09) and the 116 helplines are organisations', never a person's, and so is a landline the
    post names as a business's or a service's line ("the out-of-hours line on", "the surgery on", "box office:"), and
    so is a landline a business asks its customers to call in a post that sells or books something ("ring 01632 960 418
    for collection, we're open till 11"); not a mobile, which may be the seller's own ("£40 the lot, text 07700 900418").

    Instead: remove the number; point people to the council's published contact details.

    Profile: none.
    """
    for m in _pii(ctx, "PHONE_NUMBER"):
        if _is_council_line(ctx, m) or _is_service_line(ctx, m) or _is_trade_line(ctx, m) or service_number(m.text):
            continue
        message = f"{m.text} is a phone number: remove the number unless it is yours to share; {CONSENT}"
        yield warn(m.start, m.end, message, entity="PHONE_NUMBER")


def email_address(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags an e-mail address (the council's own domain is also flagged under clause 4.4).

    Why: an e-mail address is personal information; clause 4.6 says employees must not post
    "personal information or data about the Town Council's employees, residents, customers,
    contractors or suppliers without their express consent".

    Flagged: Complaints to jane.doe@example.co.uk please.
    Flagged: Email me at work, dan.okafor @ thrapstontowncouncil . gov . uk, I'm rubbish at checking DMs
    Okay: Complaints to the office please.
    Okay: Questions about the hall to clerk@thrapstontowncouncil.gov.uk please.
    Okay: Report dangerous trees to TREES@THRAPSTONTOWNCOUNCIL.GOV.UK, it comes straight to me.
    Okay [mode=council]: Allotment plots are available. Email allotments@thrapstontowncouncil.gov.uk to join the waiting list.
    Okay: Report broken swings to playareas@thrapstontowncouncil.gov.uk please, not my personal Facebook

    Instead: remove the address, or name the public channel people should use.

    Profile: none.
    """
    for m in _about_others(ctx, [*_pii(ctx, "EMAIL_ADDRESS"), *_spelt_council_emails(ctx)]):
        yield warn(m.start, m.end, f"{m.text} is an e-mail address: {CONSENT}", entity="EMAIL_ADDRESS")


def street_address(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a street address: a house number, a street name and a street suffix.

    ``14 Oundle Road``, ``3 Chancery Lane`` and ``Flat 2, 10 High Street`` are flagged; a
    street named without a house number is not, nor a business's premises ("Find us at 23 High Street").

    Why: where someone lives is personal information; clause 4.6 says employees must not post
    "personal information or data about the Town Council's employees, residents, customers,
    contractors or suppliers without their express consent".

    Flagged: The noise is coming from 14 Oundle Road again.
    Flagged: Parcel left at Flat 2, 10 Market Street by mistake.
    Flagged: Shoutout to the lady at 14 Oundle Road who always leaves me a Freddo on the doorstep 🥹
    Flagged: Party at Shaz's on Saturday! 23 Cedar Close, from 8 till late. Bring a bottle.
    Flagged: My neighbour at 41 Cotton End has had his telly on full blast since 6am.
    Flagged: Number 14 Oundle Road has now owed me for six cleans.
    Okay: We drove the whole of Route 66 last summer.
    Okay: We've just moved into 12 Oundle Road, housewarming on Saturday!
    Okay: The council office is at 77 High Street, Thrapston.
    Okay: There is a lovely stone wall along the lane.
    Okay: Service washes £9.50. Find us at 23 High Street, Thrapston, next to the bakery.
    Okay: Viewing day at the saleroom, 14 Oundle Road, from 10 till 4 on Saturday.
    Okay: Lucky shop again! Nilani's Convenience, 3 Market Road, open 6am to 10pm every day.

    Instead: name the street or area only ("a house nearby"), or leave it out.

    Profile: none.
    """
    for m in _about_others(ctx, _pii(ctx, "ADDRESS")):
        if not premises(ctx, m):
            yield warn(m.start, m.end, f"{m.text} is a street address: {CONSENT}", suggestions=("a house nearby",),
                       entity="ADDRESS")


def uk_identifier(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags a UK identifier: National Insurance, NHS, passport or driving licence number,
    vehicle registration, or postcode.

    Passport numbers and vehicle registrations need a nearby word ("passport", "reg", "car");
    NHS numbers must pass their check digit. A postcode on its own is a warning; next to a
    street address it is an error.

    Why: each of these identifies a person; clause 4.6 says employees must not post "personal
    information or data about the Town Council's employees, residents, customers, contractors
    or suppliers without their express consent".

    Flagged: His NI number is JG 10 37 59 A, can someone sort his pay?
    Flagged: The car parked on the verge again is AB51 ABC.
    Okay: Car boot on Sunday, two rails of 70s and 80s stuff.
    Flagged: Delivered to a house in NN14 6QX by mistake.
    Okay: Meet in room 101 at half past two.
    Okay: The new version 3.11.2 fixed it.

    Instead: remove the identifier.

    Profile: none.
    """
    addresses = _pii(ctx, "ADDRESS")
    for m in _about_others(ctx, _pii(ctx, *IDENTIFIERS)):
        severity = None
        if m.entity == "UK_POSTCODE" and not any(0 <= m.start - a.end <= 3 for a in addresses):
            severity = Severity.WARNING
        yield warn(m.start, m.end, f"{m.text} is {IDENTIFIERS[m.entity]}: {CONSENT}", entity=m.entity, severity=severity)


def date_of_birth(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags someone else's date of birth ("his DOB is 03/03/1985", "she was born on 3 March").

    The writer's own birthday ("my birthday is 12th May") is left to the security rule of
    clause 5.1.

    Why: a date of birth is personal information and a security answer; clause 4.6 says
    employees must not post "personal information or data about the Town Council's
    employees, residents, customers, contractors or suppliers without their express consent".

    Flagged: Her date of birth is 12/05/1990, can you check the form?
    Flagged: Kevin was born on 3 March 1961, same as my dad.
    Flagged: Happy 70th to our Kev! 🎂 born 12/05/1956 and still digging.
    Okay: The meeting on 3 March 2024 is cancelled.
    Okay: Passport form filled in, born 28/02/1979 in Kettering, all correct.
    Okay: The hall was built in 1985.
    Okay: Our foal was born 3rd April, a little skewbald colt, and today he went over his first pole

    Instead: leave the date out ("a birthday this week").

    Profile: none.
    """
    own = own_birth_phrases(ctx)
    for m in _pii(ctx, "DATE_OF_BIRTH"):
        if m.label != "self" and not any(m.overlaps(o) for o in own):
            yield warn(m.start, m.end, f"{m.text} is someone's date of birth: {CONSENT}", suggestions=("a birthday",), entity="DATE_OF_BIRTH")


RULES = (
    Rule("PL420", "person-name", CLAUSE, Severity.WARNING, person_name),
    Rule("PL421", "phone-number", CLAUSE, Severity.ERROR, phone_number),
    Rule("PL422", "email-address", CLAUSE, Severity.ERROR, email_address),
    Rule("PL423", "street-address", CLAUSE, Severity.ERROR, street_address),
    Rule("PL424", "uk-identifier", CLAUSE, Severity.ERROR, uk_identifier),
    Rule("PL425", "date-of-birth", CLAUSE, Severity.ERROR, date_of_birth),
)
