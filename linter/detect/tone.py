"""Tone: profanity, insults, criticism, protected characteristics and bullying, and whom they aim at.

The policy's conduct clauses are about *aimed* negativity:

- 4.5 "do not damage working relationships by criticising or arguing with employees,
  residents, contractors or suppliers";
- 4.7 no "derogatory, offensive, discriminatory, untrue, negative, critical or defamatory
  comments about the council or its people" (even when not named but identifiable);
- 4.8 no "discrimination, harassment or cyber-bullying of employees" (Equality Act 2010
  protected characteristics) and no bullying.

So "disappointed with the rain" is fine and "the council are useless idiots" is not. The
detector finds, with curated word lists (``models/patterns/tone_*.txt``), the negative words
(labels ``profanity``, ``insult``, ``negative``, ``protected``, ``bullying``) and the targets
(label ``target``: the council's name, aliases and "the council"; the clerk's listed people;
roles such as "our clerk", "the contractors", "a resident"), then aims each negative word at
the nearest target in its sentence (``post.doc.sents``), or in the sentence before when the
negative sentence refers back ("She is hopeless.", "Pathetic."). Person descriptors ("rude",
"jobsworth", "cowboys") count only in a judgement frame ("is a total …", "what a …", "vile
woman", "the laziest …"; ``tone_frames``); exclusion aimed at a target ("ignore the new lad")
is bullying. The aim is written into ``evidence`` as ``target=<group>:<text>``; an empty
target means untargeted. VADER's sentence score is one more signal for protected remarks and,
for the council only, for criticism. ``models/TONE.md`` records the measured options and why
this one was chosen.
"""

from __future__ import annotations

import re
from functools import cache
from collections.abc import Iterator
from dataclasses import dataclass

from ..assets import list_alternation, read_lines
from ..profile import Profile
from ..spans import in_a_proper_name, non_overlapping
from .mention import Mention
from .council import other_sense
from .people import PeopleDetector
from .person_context import family_words, uk_places
from .tone_lists import compile_list, entry_pattern, list_needles, may_match  # noqa: F401 (re-exported)
from .tone_targets import council_context_ok, profile_targets, role_targets
from .tone_frames import Frames, NameWords, about_self, clause_before, criticism_frames, excluded, incapable, secret_exclusion

NEGATIVE_LABELS = ("profanity", "insult", "negative")
PEOPLE_GROUPS = ("employee", "councillor", "resident", "customer", "contractor", "supplier")
VADER_THRESHOLD = -0.3  # a sentence this negative makes a protected term hostile
VADER_NEGATIVE = -0.5  # a sentence this negative about the council, with no listed word, is criticism
VADER_GROUPS = ("council",)  # VADER judges mood, so only sentences about the institution
# A scam warning names the council as the one impersonated ("a scam text claiming to be from the Town Council", "the
# Town Council will never ask you for bank details"): the mood is about the scammers, so VADER does not make it criticism.
_IMPERSONATED = re.compile(r"\b(?:claim(?:s|ing)?|pretend(?:s|ing)?|purport(?:s|ing)?) to (?:be|come) from|\bposing as\b"
                           r"|\bwill never (?:ask|text|call|ring|e-?mail)\b", re.IGNORECASE)
_NEGATORS = {"not", "never", "no", "hardly", "isn't", "wasn't", "aren't", "weren't", "ain't"}
_REFERS_BACK = re.compile(r"(?<!\w)(he|she|they|him|her|them|his|their|he's|she's|they're|(?:if|unless) you)(?!\w)")
_PERSON_WORD = re.compile(
    r"(?<!\w)(he|she|they|him|her|them|his|hers|their|you|he's|she's|they're|you're|"
    r"woman|women|man|men|girl|girls|guy|bloke|lady|ladies|lad|people|person)(?!\w)"
)
_EXCLAIM = re.compile(r"\s*(?:[^,;:]{0,25}[,;:]\s*)?(what an?|such an?|absolute|total|complete|utter|typical|no wonder|no surprise|that explains)(?!\w)")
_BECAUSE = re.compile(  # the characteristic given as a reason or an explanation
    r"because (?:(?:he|she|they)(?:'s|'re| is| are)|of (?:his|her|their))|that explains|explains (?:a lot|everything|why)"
    r"|that's why|thats why|no wonder|no surprise|(?:'s|'re|is|are|was|were|getting|far|way) too \w+ (?:to|for)(?!\w)"
)
_MOCKING = re.compile(  # sarcasm and mockery that make a characteristic hostile ("pregnant AGAIN 🙄")
    "\U0001F644|\U0001F921|\U0001F926|surprise surprise|how convenient|funny (?:how|that)|guess who|there goes|okboomer|ok boomer"
    "|(?<!\\w)(?:simple as|whatever next|no offence|rules for some|tick a box|diversity ?hire)(?!\\w)"
)
_GOSSIP = re.compile(  # laughter and gossip: hostile to a characteristic only of the council's people ("a lesbian apparently 😂")
    "\U0001F440|\U0001F37F|\U0001F609|\U0001F602|\U0001F923|\U0001F480|\U0001F474|\U0001F475"
    "|(?<!\\w)(?:apparently|lol|lmao|of course)(?!\\w)"
)
_LAUGH = re.compile("\U0001F602|\U0001F923|(?<!\\w)(?:lol|lmao|haha\\w*)(?!\\w)")  # laughter: no condolence, and mocking
_LAUGHING = re.compile(_LAUGH.pattern + "|(?<!\\w)bless (?:him|her|them)(?!\\w)")  # criticism of a colleague + this = mocking
_LOUD = re.compile(r"(?<!\w)(?:AGAIN|STILL|ALWAYS|EVERY)(?!\w)")
_ELIDED = re.compile(  # a sentence that opens with a past-tense verb, its subject left out: "Took half the lettering off."
    r"\s*(?:[a-z]{2,}ed|took|left|sent|made|did|put|got|went|gave|brought|broke|forgot|lost|came|threw|ran|drove|said|told|kept)(?!\w)",
    re.IGNORECASE,
)
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")
# "War" in the name of a memorial or of a war is no mood ("the Remembrance service at the war memorial" scores -0.60 in
# VADER with it, 0.0 without); VADER reads the sentence without it.
_NAMED_WAR = re.compile(r"\bwar(?=\s+(?:memorials?|graves?|museum|poets?|dead|veterans?|widows?)\b)"
                        r"|\b(?:world|great|boer|civil|first|second)\s+war\b", re.IGNORECASE)
# A council title that is another body's office ("argued with the clerk of the course" at a kart meeting, "the clerk of
# works" on a building site).
_OTHER_OFFICE = re.compile(r"\s+of\s+(?:the\s+)?(?:course|works|scales)(?!\w)", re.IGNORECASE)
_OTHER_JOB = re.compile(  # the post is about another employer: its manager and staff are not the council's
    r"(?<!\w)my\s+(?:saturday|sunday|weekend|evening|other|second|part-time|part time|bar|pub|old|previous|last|summer)\s+job(?!\w)"
    r"|(?<!\w)(?:from|in)\s+my\s+[\w'’-]+\s+days(?!\w)"  # "an old colleague from my Argos days"
    r"|(?<!\w)(?:glad|good|great|happy)\s+to\s+be\s+out\s+of\s+(?:retail|there|that\s+place|that\s+job)(?!\w)"
)
# "rob you blind" is about money and "swore blind" is insisting, neither about sight.
_BLIND_IDIOM = re.compile(r"(?<!\w)(?:rob(?:s|bed|bing)?\s+(?:you|them|us|him|her|people|everyone)|sw(?:ore|ear|ears|earing|orn))\s+$",
                          re.IGNORECASE)
# A dyke in the fens is a ditch or a bank: "caught a pike in the drainage dyke", "walked Offa's Dyke".
_DITCH_BEFORE = re.compile(r"(?<!\w)(?:(?:in|into|along|over|across|down|beside|up|from|by|past|off|through|to|tae)\s+the|drainage|flood|field|sea|"
                           r"farm|fen|irrigation|boundary|dry[- ]stone|offa['’]?s|devil['’]?s)\s+$", re.IGNORECASE)
_DITCH_AFTER = re.compile(r"\s+(?:path|bank|banks|wall|walls|road|lane|end|side|top|water|drain|board)\b", re.IGNORECASE)
# A baker retards dough: slows its rise in the cold ("36 hour cold retard", "retard the dough overnight", "the retarder").
_BAKE_BEFORE = re.compile(r"(?<!\w)(?:cold|overnight|bulk|fridge|long|final|(?:hour|hr|h)s?)\s+$", re.IGNORECASE)
_BAKE_AFTER = re.compile(r"(?:er|ers)?\b(?:\s+(?:the|my|your|it|them))?\s+(?:dough|loaf|loaves|bake|bakes|overnight|in\s+the\s+fridge)"
                         r"|(?:er|ers)\b", re.IGNORECASE)
# In Britain a fag is a cigarette: one had, smoked, lit or nipped out for ("having a fag behind the bins").
_SMOKE_BEFORE = re.compile(r"(?<!\w)(?:ha(?:ve|s|d|ving)|smok\w*|light\w*|lit|roll\w*|cadg\w*|bum\w*|for|quick|sneaky|"
                           r"crafty|last)\s+(?:(?:a|an|another|his|her|their|my|your|the|one)\s+)?(?:quick\s+|sneaky\s+|crafty\s+)?$",
                           re.IGNORECASE)
# What a cigarette has after it: "a fag behind his ear", "fag break", "fag packet", "fag end", "a fag in his mouth".
_SMOKE_AFTER = re.compile(r"\s+(?:behind\s+(?:his|her|their|my|your|one)\s+ears?|break|breaks|packet|packets|end|ends|ash|"
                          r"burns?|papers?|lighter|hanging|dangling|in\s+(?:his|her|their|my|your|the)\s+(?:mouth|gob|hand))\b",
                          re.IGNORECASE)
_NEAR = 40  # characters: how close a protected term must be to a person reference
# The writer's own place of worship ("tighter than mi church choir") says nothing about anyone else's faith.
_OWN_WORSHIP = re.compile(r"(?:church|chapel|mosque|temple|synagogue|gurdwara)\b", re.IGNORECASE)
_MINE = re.compile(r"\b(?:my|mi|ma|our|me)\s+$", re.IGNORECASE)
# Someone's grandparent is their relative, not an age jibe ("the ring her grandad wore"); "his boyfriend" may still be
# a remark about a colleague's orientation, so only these words.
_ELDERS = frozenset({"grandad", "granddad", "grandpa", "grandfather", "grandma", "grandmother", "gran", "granny", "nan",
                     "nana", "nanna"})
_THEIRS = re.compile(r"\b(?:her|his|their)\s+$", re.IGNORECASE)
_FOND = re.compile(r"\b(?:lovely|sweet|nice|kind|dear|little)\s+$", re.IGNORECASE)
_GOING = re.compile(r"\b(?:from|to|after|before)\s+$", re.IGNORECASE)


def normalise(text: str) -> str:
    """Lower-case with straight apostrophes, keeping every offset."""
    folded = text.lower()
    if len(folded) != len(text):
        folded = "".join(c.lower()[:1] or c for c in text)
    return folded.replace("\u2019", "'").replace("\u2018", "'")


def evidence_of(mention: Mention) -> dict[str, str]:
    """The ``key=value`` fields of a tone mention's evidence (``target``, ``characteristic`` …)."""
    pairs = (part.split("=", 1) for part in mention.evidence.split(";") if "=" in part)
    return {k: v for k, v in pairs}


def target_of(mention: Mention) -> tuple[str, str] | None:
    """``(group, text)`` of what a tone mention is aimed at, or None when untargeted."""
    value = evidence_of(mention).get("target", "")
    group, _, text = value.partition(":")
    return (group, text) if group else None


@dataclass(frozen=True, slots=True)
class Hit:
    """A regex match inside the post: span, label and how it was found."""

    start: int
    end: int
    label: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled word lists (built once per profile)."""

    lists: tuple[tuple[str, re.Pattern[str]], ...]
    sympathy: re.Pattern[str]
    protected: tuple[tuple[str, str, re.Pattern[str]], ...]
    targets: tuple[tuple[str, re.Pattern[str]], ...]
    needles: dict[re.Pattern[str], tuple[str, ...] | None]
    frames: Frames
    names: NameWords

    def live(self, text: str) -> Lexicon:
        """This lexicon without the patterns whose needles are absent from ``text`` (same matches, less work)."""
        ok = lambda pattern: may_match(self.needles.get(pattern), text)  # noqa: E731
        return Lexicon(tuple(x for x in self.lists if ok(x[1])), self.sympathy,
                       tuple(x for x in self.protected if ok(x[2])), tuple(x for x in self.targets if ok(x[1])),
                       self.needles, self.frames, self.names)

    @classmethod
    def load(cls, profile: Profile) -> Lexicon:
        """Read ``models/patterns/tone_*.txt`` and add the profile's council and people."""
        needles: dict[re.Pattern[str], tuple[str, ...] | None] = {}
        lists = []
        for label, name in (("profanity", "profanity"), ("insult", "insults"),
                            ("negative", "critical"), ("bullying", "bullying")):
            entries = read_lines(f"tone_{name}")
            lists.append((label, compile_list(entries)))
            needles[lists[-1][1]] = list_needles(entries)
        protected = _protected_entries()
        needles.update((pattern, list_needles(phrases)) for (_, _, pattern), phrases in zip(protected, _protected_groups().values()))
        sympathy = compile_list(read_lines("tone_sympathy"))
        return cls(tuple(lists), sympathy, protected, profile_targets(profile) + role_targets(), needles,
                   Frames.load(), NameWords.load(profile))


def _protected_groups() -> dict[tuple[str, str], list[str]]:
    """The phrases of ``tone_protected.txt`` by ``(kind, characteristic)``."""
    groups: dict[tuple[str, str], list[str]] = {}
    for line in read_lines("tone_protected"):
        head, _, phrase = line.partition(":")
        kind, _, characteristic = head.partition(" ")
        groups.setdefault((kind, characteristic.strip()), []).append(phrase.strip())
    return groups


def _protected_entries() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """``(kind, characteristic, pattern)``: one pattern per kind and characteristic of ``tone_protected.txt``."""
    return tuple((kind, characteristic, compile_list(phrases)) for (kind, characteristic), phrases in _protected_groups().items())


def find(pattern: re.Pattern[str], text: str, label: str, detail: str = "") -> Iterator[Hit]:
    """Every match of a pattern as a ``Hit``."""
    return (Hit(m.start(), m.end(), label, detail) for m in pattern.finditer(text))


_TALENT_WASTED = re.compile(r"(?:\bis|\bare|\bwas|\bwere|['’]s|['’]re)\s+(?:so\s+|totally\s+|completely\s+|clearly\s+)?$")
_WASTED_ON = re.compile(r"\s+(?:on|in|at|as)\s+(?![£$€\d])")


_GOT = re.compile(r"(?:\bcame|\bcome|\bcomes|\bcoming|\bgot|\bget|\bgets|\bgetting)\s+(?:home\s+|back\s+|in\s+)?$")


def got_dirty(text: str, m: re.Match) -> bool:
    """"filthy" as mud on someone ("He came home filthy and grinning", "the kids got filthy"), not a complaint."""
    return m.group().lower() == "filthy" and bool(_GOT.search(text, max(0, m.start() - 30), m.start()))


def _another_sense(text: str, m: re.Match) -> bool:
    """The council's initialism in another of its senses ("TTC" in "my boyfriend's table tennis club (TTC!!)"), read
    from the post as typed, as the council detector reads it."""
    return other_sense(text, text[m.start():m.end()].lstrip("#@"), m.start(), m.end())


def talent_wasted(text: str, m: re.Match) -> bool:
    """"wasted" said of someone too good for where they are ("the woman is wasted on spreadsheets", "was wasted in
    that film"): praise, not a complaint that money or time was wasted."""
    return (m.group().lower() == "wasted" and bool(_TALENT_WASTED.search(text, max(0, m.start() - 20), m.start()))
            and bool(_WASTED_ON.match(text, m.end())))


def negated(text: str, start: int, *, floor: int = 0) -> bool:
    """True when one of the three words before ``start`` (after ``floor``) negates it ("not lazy")."""
    before = clause_before(text, floor, start, reach=30)
    before = re.sub(r"(?<!\w)or not(?!\w)", "", before)  # "wheelchair or not she's useless" negates nothing
    words = re.findall(r"[\w']+", before)[-3:]
    return any(w in _NEGATORS or w.endswith("n't") for w in words) and not _DARE.search(clause_before(text, floor, start, reach=60))


# A dare to deny it asserts it: "read Tuesday's minutes and then tell me our councillors aren't clowns".
_DARE = re.compile(r"(?<!\w)(?:tell me|try telling me|try and tell me|convince me|dare you to say)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the post: its span and what was found in it."""

    start: int
    end: int
    targets: tuple[Hit, ...]
    hits: tuple[Hit, ...]


class ToneDetector:
    """Finds negativity and its targets; emits ``kind="tone"`` mentions (see the module docstring)."""

    USES = {"people": PeopleDetector}  # detectors whose instance the linter hands in (``Linter.build``)

    def __init__(self, models, profile: Profile, *, vader_threshold: float = VADER_THRESHOLD,
                 vader_negative: float | None = VADER_NEGATIVE, vader_groups: tuple[str, ...] = VADER_GROUPS,
                 people: PeopleDetector | None = None):
        """Compile the word lists for this profile and load VADER's lexicon (once).

        ``people``: the linter's own people detector, whose findings for a post are shared
        (``post.found``); built here only when the tone detector is used on its own.
        ``vader_negative=None`` switches off VADER as a criticism signal (lists only);
        ``vader_groups`` are the target groups it may fire for: by default the council alone,
        since about people it reads mood as criticism ("running for Cancer Research", "she'll
        kill me for posting this"; ``models/TONE.md``).
        """
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.lexicon = Lexicon.load(profile)
        self.people = people if people is not None else PeopleDetector(models, profile)
        self.vader = SentimentIntensityAnalyzer()
        self.vader_threshold = vader_threshold
        self.vader_negative = vader_negative
        self.vader_groups = vader_groups

    def __call__(self, post) -> Iterator[Mention]:
        """The tone mentions of a post, each negative one aimed at a target or at none."""
        text = normalise(post.text)
        sentences = self.sentences(post, text)
        laughing = bool(_LAUGHING.search(text))
        for i, sent in enumerate(sentences):
            for target in sent.targets:
                yield _mention(post.text, target, f"target={target.detail}")
            for hit in sent.hits:
                aim = aim_at(sentences, i, hit, text, within=self.vader_groups if hit.detail.startswith("vader=") else None)
                extra = f"{hit.detail};" if hit.detail else ""
                whom = f"target={aim.detail}:{post.text[aim.start:aim.end]}" if aim else ""
                yield _mention(post.text, hit, extra + whom)
                if laughing and aim and aim.detail == "employee" and hit.label in ("negative", "insult"):
                    yield _mention(post.text, Hit(hit.start, hit.end, "bullying"), "frame=mocking;" + whom)

    def sentences(self, post, text: str) -> list[Sentence]:
        """Each sentence with its targets and negative hits."""
        people = [(e.start_char, e.end_char) for e in post.doc.ents if e.label_ == "PERSON"]
        lexicon = self.lexicon.live(text)
        found = self.first_pass(post, text, lexicon=lexicon)
        out = []
        aimed_post = any(f[2] for f in found)
        mood = self.mood(post.text)
        for n, (s, e, targets, hits) in enumerate(found):
            score = _Lazy(lambda s=s, e=e: mood(s, e))
            near = n + 1 < len(found) and any(h.label in NEGATIVE_LABELS for h in found[n + 1][3])
            calm = sympathetic(self.lexicon.sympathy, text, s, e) and not _LAUGH.search(text)
            if calm:  # misfortune or condolence: neither critical words nor the mood are aimed, nor make a term hostile
                hits = [h for h in hits if h.label != "negative"]
            hits += self.protected(text, s, e, hits, targets, people, mood=None if calm else mood,
                                   lexicon=lexicon, hostile_next=near, original=post.text, aimed_post=aimed_post)
            if not calm and not hits and not _IMPERSONATED.search(text, s, e) and self.vader_fires(targets, score):
                hits.append(Hit(s, s + len(post.text[s:e].rstrip()), "negative", f"vader={score():.2f}"))
            out.append(Sentence(s, e, tuple(targets), tuple(sorted(hits, key=lambda h: h.start))))
        return out

    def first_pass(self, post, text: str, *, lexicon: Lexicon) -> list[tuple[int, int, list[Hit], list[Hit]]]:
        """``(start, end, targets, hits)`` of each sentence: targets, listed words, frames, exclusion."""
        listed = [Hit(m.start, m.end, "target", m.label) for m in post.found(self.people) if m.label]
        out = []
        for span in post.doc.sents:
            s, e = span.start_char, span.end_char
            targets = self.targets(text, s, e, listed=listed, original=post.text)
            framed = [Hit(a, b, "negative", f"frame={f}") for a, b, f in criticism_frames(text, s, e, targets)]
            hits = [h for h in self.hits(text, s, e, lexicon=lexicon) if not in_a_proper_name(post.text, h.start, h.end)]
            out.append((s, e, targets, hits + _exclusion(text, s, e, targets) + framed))
        return out

    def vader_fires(self, targets: list[Hit], score) -> bool:
        """True when VADER alone makes a sentence criticism: it is about a VADER group and very negative."""
        about = any(t.detail in self.vader_groups for t in targets)
        return about and self.vader_negative is not None and score() <= self.vader_negative

    def targets(self, text: str, start: int, end: int, *, listed=(), original: str = "") -> list[Hit]:
        """The council and people named or described in one sentence (longest, no overlaps).

        ``listed``: the people detector's hits for the whole post; ``original``: the post's text
        as typed, where capitalised name words ("Sarah's", "Whitlock's") are looked for.
        """
        found = [h for h in listed if start <= h.start < end]
        found += [Hit(a, b, "target", g) for a, b, g in self.lexicon.names.find(original, start, end)] if original else []
        found = [h for h in found if not a_relative(text, start, h)]
        other_job = bool(_OTHER_JOB.search(text))
        for group, pattern in self.lexicon.targets:
            for m in pattern.finditer(text, start, end):
                hit = Hit(m.start(), m.end(), "target", group)
                if group == "council" and not council_context_ok(text, hit):
                    continue
                if group == "council" and _another_sense(original or text, m):
                    continue
                if _OTHER_OFFICE.match(text, m.end()):
                    continue
                if not (other_job and group != "council"):
                    found.append(hit)
        return _longest(found)

    def hits(self, text: str, start: int, end: int, *, lexicon: Lexicon | None = None) -> list[Hit]:
        """Profanity, insults, critical words, judgements of a person and bullying phrases in one sentence."""
        lexicon = lexicon or self.lexicon
        found = []
        for label, pattern in lexicon.lists:
            for m in pattern.finditer(text, start, end):
                if label == "negative" and (talent_wasted(text, m) or got_dirty(text, m)):
                    continue
                if label in ("profanity", "bullying") or not negated(text, m.start(), floor=start):
                    found.append(Hit(m.start(), m.end(), label))
        judged = [Hit(a, b, "insult", "frame=judgement") for a, b in lexicon.frames.judgements(text, start, end)
                  if not negated(text, a, floor=start)]
        found += [j for j in judged if not any(h.start < j.end and j.start < h.end for h in found)]
        found += [Hit(a, b, "negative", "frame=incapable") for a, b in incapable(text, start, end)]
        return _longest(found, per_label=True)

    def mood(self, original: str):
        """VADER's compound score of a stretch of the post, ``(start, end) -> score`` (emoji and a war's or a
        memorial's "war" left out)."""
        return lambda a, b: self.vader.polarity_scores(_NAMED_WAR.sub(" ", _EMOJI.sub(" ", original[a:b])))["compound"]

    def protected(self, text, start, end, hits, targets, people, *, mood=None, lexicon=None, hostile_next=False,
                  original: str | None = None, aimed_post: bool = False) -> list[Hit]:
        """Protected characteristics used against a person in one sentence (``mood``: VADER's score of a stretch).

        A characteristic term counts near a person reference when the sentence is hostile: a
        negative word, a reason or explanation ("because of his", "that explains", "too … to"),
        "typical", (``hostile_next``) an insult in the next sentence, or laughter and gossip
        ("apparently", 😂, 👀) when the sentence or (``aimed_post``) the post names a target. A low
        VADER score or a shouted "AGAIN"/"STILL" counts only in the term's own clause (``clause_of``:
        "Harvest supper at church tonight, Jean's bringing hotpot... and the rain is STILL coming
        down" is hostile to the rain, not to the church).
        """
        sentence = text[start:end]
        lexicon = lexicon or self.lexicon
        if not lexicon.protected:
            return []
        hostile = hostile_next or any(h.label in NEGATIVE_LABELS for h in hits) or "typical" in sentence
        hostile = hostile or bool(_BECAUSE.search(sentence)) or bool(_MOCKING.search(sentence))
        hostile = hostile or bool((targets or aimed_post) and _GOSSIP.search(sentence))
        original = original or text

        def hostile_at(m) -> bool:
            if hostile:
                return True
            a, b = clause_of(original, start, end, m.start(), m.end())
            return bool(_LOUD.search(original, a, b)) or (mood is not None and mood(a, b) <= self.vader_threshold)
        refs = [(m.start() + start, m.end() + start) for m in _PERSON_WORD.finditer(sentence)]
        refs += [(t.start, t.end) for t in targets] + people
        out = []
        for kind, characteristic, pattern in lexicon.protected:
            for m in pattern.finditer(text, start, end):
                if kind == "term" and not_a_remark(original, start, m) or kind == "slur" and not_a_slur(original, m):
                    continue
                if kind == "phrase" and (protected_idioms().match(original, m.start())  # "an old dear called …"
                                         or _FOND.search(original, max(0, m.start() - 12), m.start())):  # "a lovely old dear"
                    continue
                near = any(abs(m.start() - b) <= _NEAR or abs(a - m.end()) <= _NEAR for a, b in refs)
                kind = "phrase" if text.endswith("typical ", start, m.start()) else kind  # a stereotype
                if kind in ("phrase", "term") and about_a_relative(text, start, m.start()):
                    continue
                if kind == "slur" or (kind == "phrase" or near and hostile_at(m)) and not about_self(text, start, m.start()):
                    out.append(Hit(m.start(), m.end(), "protected", f"characteristic={characteristic}"))
        return _longest(out)


_CLAUSE_EDGE = re.compile(r"\.{2,}|…|[.;!?](?=\s)|\s[-–—]\s")


def clause_of(text: str, start: int, end: int, a: int, b: int) -> tuple[int, int]:
    """The clause of ``text[start:end]`` around ``a..b``: between the nearest "...", ";", "!", "?" or dash."""
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, start, a)), default=start)
    right = next((m.start() for m in _CLAUSE_EDGE.finditer(text, b, end)), end)
    return left, right


@cache
def protected_idioms() -> re.Pattern[str]:
    """``tone_protected_idioms.txt`` as one regex anchored where a term starts ("brown envelope", "two fat ladies")."""
    return re.compile(rf"(?:{list_alternation('tone_protected_idioms')})\b", re.IGNORECASE)


def not_a_remark(text: str, start: int, m: re.Match) -> bool:
    """A term that is a capitalised name mid-sentence ("Mrs Brown"), a town's accent ("a Peterborough accent"), ends
    an idiom ("rob you blind", "swore blind") or opens one ("brown envelopes"), or a relative ("my grandad's name", "the
    ring her grandad wore"), or one's own worship ("on the way back from church").

    ``text`` is the post as written (the match may come from its lower-cased copy, same offsets).
    """
    word = text[m.start():m.end()]
    name = " " not in word and word[:1].isupper() and not word.isupper() and bool(text[start:m.start()].strip())
    idiom_before = bool(_BLIND_IDIOM.search(text, 0, m.start()))  # "rob you blind", "swore blind"
    mine = bool(_MINE.search(text, max(0, m.start() - 6), m.start()))
    own = mine and (bool(_OWN_WORSHIP.match(text, m.start())) or word.lower() in family_words())  # "my grandad's name"
    own = own or word.lower() in _ELDERS and bool(_THEIRS.search(text, max(0, m.start() - 7), m.start()))  # "her grandad"
    own = own or bool(_OWN_WORSHIP.match(text, m.start()) and _GOING.search(text, max(0, m.start() - 8), m.start()))  # "back from church"
    regional = word.lower() == "accent" and _before_word(text, m.start()) in uk_places()  # "a Peterborough accent"
    return name or idiom_before or own or regional or bool(protected_idioms().match(text, m.start()))


def _before_word(text: str, at: int) -> str:
    """The word just before offset ``at``, lower case ("" at the start)."""
    found = re.search(r"([\w'’-]+)\s+$", text[max(0, at - 40):at])
    return found.group(1).lower() if found else ""


@cache
def _relative_subject() -> re.Pattern[str]:
    """"my sister", "our Dad", "me mam" and the like (``names_family_words``) as a regex over lower-cased text."""
    kin = "|".join(sorted((re.escape(w) for w in family_words()), key=len, reverse=True))
    return re.compile(rf"\b(?:my|our|me|mi|ma)\s+(?:(?:little|big|baby|eldest|youngest|older|younger)\s+)?(?:{kin})\b")


def about_a_relative(text: str, start: int, at: int) -> bool:
    """True when the clause before ``at`` is about the poster's own relative ("My sister is pregnant again!")."""
    return bool(_relative_subject().search(clause_before(text, start, at)))


def not_a_slur(text: str, m: re.Match) -> bool:
    """A slur's spelling in another sense: a ditch ("the drainage dyke"), a cigarette ("having a fag"), a baker's
    cold rise ("36 hour cold retard") or an idiom ("endless fag breaks")."""
    return (a_ditch(text, m) or a_cigarette(text, m) or a_bake(text, m)
            or bool(protected_idioms().match(text, m.start())))


def a_bake(text: str, m: re.Match) -> bool:
    """True for "retard" as a baker's word, dough slowed in the cold ("a 36 hour cold retard", "retard the dough
    overnight", "the retarder"), not the slur."""
    if not text[m.start():m.end()].lower().startswith("retard"):
        return False
    stem = m.start() + len("retard")
    return bool(_BAKE_BEFORE.search(text, max(0, m.start() - 20), m.start()) or _BAKE_AFTER.match(text, stem))


def a_cigarette(text: str, m: re.Match) -> bool:
    """True for "fag" as a cigarette that someone has, smokes or nips out for ("having a fag behind the bins"), or
    that a cigarette's words follow ("a fag behind his ear", "fag break", "fag packet")."""
    word = text[m.start():m.end()].lower()
    return word in ("fag", "fags") and bool(_SMOKE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                                             or _SMOKE_AFTER.match(text, m.end()))


def a_ditch(text: str, m: re.Match) -> bool:
    """True for "dyke" as a ditch or bank ("caught a pike in the drainage dyke"), not the slur."""
    if not text[m.start():m.end()].lower().startswith("dyke"):
        return False
    return bool(_DITCH_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _DITCH_AFTER.match(text, m.end()))


def a_relative(text: str, start: int, hit: Hit) -> bool:
    """True for "our Dan's home from uni" ("our"/"me" and a name opening a sentence) and "my brother Daniel got
    married" (a relative named after the kinship word): a relative, not the colleague."""
    if " " in text[hit.start:hit.end].strip():
        return False
    before = text[start:hit.start]
    return before.strip() in ("our", "me") or bool(_kin_just_before().search(before[-40:]))


@cache
def _kin_just_before() -> re.Pattern[str]:
    """"my brother " and the like right before a name."""
    return re.compile(_relative_subject().pattern + r"\s+$")


def sympathetic(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """True when a sympathy phrase occurs in the sentence, not as the head of a compound ("rip-off")."""
    return any(not text.startswith("-", m.end()) for m in pattern.finditer(text, start, end))


def _exclusion(text: str, start: int, end: int, targets: list[Hit]) -> list[Hit]:
    """Bullying by exclusion aimed at one of the sentence's targets (see ``tone_frames.excluded``)."""
    spans = excluded(text, start, end, targets) + secret_exclusion(text, start, end)
    return _longest([Hit(a, b, "bullying", "frame=exclusion") for a, b in spans])


class _Lazy:
    """A value computed at most once, on first call (VADER's score is only needed now and then)."""

    def __init__(self, compute):
        self.compute, self.done, self.value = compute, False, None

    def __call__(self):
        if not self.done:
            self.value, self.done = self.compute(), True
        return self.value


def aim_at(sentences: list[Sentence], i: int, hit: Hit, text: str, *, within: tuple[str, ...] | None = None) -> Hit | None:
    """The target a hit is aimed at: the nearest in its sentence, else one the sentence refers back to (through a
    sentence between that refers back too). ``within``: the target groups a VADER hit may be aimed at (those that let
    it fire, ``vader_fires``: "Video of our Sarah W from the council office screaming …" is not aimed at Sarah)."""
    own = [t for t in sentences[i].targets if within is None or t.detail in within]
    if own:
        return min(own, key=lambda t: abs(t.start - hit.start))
    sent = sentences[i]
    words = re.findall(r"[\w']+", text[sent.start:sent.end])
    refers = bool(_REFERS_BACK.search(text, sent.start, sent.end)) or len(words) <= 4
    refers = refers or bool(_EXCLAIM.match(text, sent.start))
    if refers and i > 0 and sentences[i - 1].targets:
        return sentences[i - 1].targets[-1]
    before = sentences[i - 1] if i > 0 else None  # "X left it in the road. Rang them twice, nobody called back. Cowboys."
    if refers and i > 1 and sentences[i - 2].targets and _continues(text, before, verdict=_last_word(text, hit, sent)):
        return sentences[i - 2].targets[-1]
    return None


def _continues(text: str, sent: Sentence, *, verdict: bool) -> bool:
    """True when a sentence goes on about the one before it: it refers back ("Rang them twice"), or it leaves its
    subject out and a bare verdict follows it ("NVL sent a lad round with a jet-wash. Took half the lettering off.
    Absolute cowboys."; not "… Brought a cake. Hopeless weather though.")."""
    return bool(_REFERS_BACK.search(text, sent.start, sent.end) or verdict and _ELIDED.match(text, sent.start))


def _last_word(text: str, hit: Hit, sent: Sentence) -> bool:
    """True when no word follows the hit in its sentence ("Absolute cowboys.", "Disgraceful 😤")."""
    return not re.search(r"\w", text[hit.end:sent.end])


def _longest(hits: list[Hit], *, per_label: bool = False) -> list[Hit]:
    """Drop hits inside a longer hit (of the same label when ``per_label``); ties: the earlier, then the first listed."""
    groups: dict[str, list[tuple[int, Hit]]] = {}
    for i, h in enumerate(hits):
        groups.setdefault(h.label if per_label else "", []).append((i, h))
    kept = [ih for group in groups.values() for ih in non_overlapping(group, priority=_rank, span=_hit_span)]
    return [h for _, h in sorted(sorted(kept, key=_rank), key=lambda ih: ih[1].start)]


def _rank(item: tuple[int, Hit]) -> tuple[int, int, int]:
    """Longest first, then earliest, then first listed."""
    i, h = item
    return h.start - h.end, h.start, i


def _hit_span(item: tuple[int, Hit]) -> tuple[int, int]:
    return item[1].start, item[1].end


def _mention(text: str, hit: Hit, evidence: str) -> Mention:
    """A ``kind="tone"`` mention of a hit."""
    return Mention("tone", hit.start, hit.end, text[hit.start:hit.end], label=hit.label, evidence=evidence)
