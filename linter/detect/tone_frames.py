"""Judgement frames for the tone detector: negative descriptors said *of* someone, and exclusion.

The plain word lists (``tone_insults.txt``, ``tone_critical.txt``) fire in any sentence with a
target. Many words that judge a person ("rude", "nosy", "pompous", "jobsworth", "cowboys") are
ordinary in other uses ("miserable weather", "a joke"), so ``tone_person_adjectives.txt`` and
``tone_person_nouns.txt`` fire only in a frame that predicates them of someone:

- after a copula, through articles and intensifiers: "is a total jobsworth", "'s so rude",
  "are absolute cowboys", "is the laziest";
- after an exclamation or address: "what a miserable cow", "such a muppet", "you clown",
  "bunch of cowboys";
- an adjective before a person noun: "vile woman", "useless bunch", "pompous old fool";
- a superlative (derived from the adjective list): "the nosiest woman in Northants";
- a short sentence made of such words alone, which refers back: "Clueless.", "Vile woman."

The sentence's target aiming (``tone.aim_at``) then decides whom it is aimed at. Also here:
the capitalised first names and surnames of the profile's people as targets ("Sarah's too
old", "Whitlock's gone mental"), and exclusion aimed at a target ("ignore the new lad", "a
group chat without Sarah W so she stops …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..assets import read_lines
from ..profile import Profile
from .person_context import first_names

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*|'[a-z]+")
_COPULA = frozenset("is are was were 's 're be being been seems seem looks look sounds acting "
                    "became become becoming getting proper".split())
_EXCLAIM = frozenset("what such you absolute total complete utter right".split())
_GROUP = frozenset("bunch load pack lot gang shower band set".split())
_MODIFIERS = frozenset(
    "a an the such so too really very truly totally utterly completely absolutely bloody "
    "right real proper total complete absolute utter bit of little pretty quite rather "
    "incredibly extremely massively seriously genuinely just most more always still another ever "
    "one some old big fat silly stupid useless lazy arrogant miserable horrible nasty rude "
    "ignorant thick dozy lying two-faced jumped-up jumped up bleeding flipping sodding effing "
    "f'ing damn damned fucking frigging".split())
_PERSON = frozenset(
    "man men woman women bloke blokes guy guys lad lads girl girls person people individual "
    "lot bunch crew shower gang sod git cow fool so-and-so lady ladies fella fellas boss".split())
_SELF = frozenset("i i'm im we we're were' i've we've".split())
_SHORT = 5  # words: a sentence this short, made only of frame words, refers back ("Vile woman.")
_SUPERLATIVE_SKIP = ("ing", "ed", "ful", "ous", "ive", "ic", "al", "ant", "ent", "ish", "less", "ble")
_NOT_INVITE = re.compile(r"(?:(?<!\w)(?:not|never|won't|don't|didn't|aren't|we're not|no one is|nobody|no one)\s+(?:be\s+|to\s+)?"
                         r"(?:inviting|invite|invited|asking|including|include|telling|tell)"
                         r"|['‘\"“]?(?<!\w)(?:forgetting|forgot|forget)['’\"”]?\s+to\s+(?:tell|invite|include))\s+$")  # "'forgetting' to tell Sarah W"
_EXCLUDE = re.compile(
    r"(?<!\w)(?:everyone|everybody|we|let's|lets|all|just|should|gonna)\s+(?:\w+\s+){0,2}?"
    r"(?:ignore|ignoring|blank|blanking|exclude|excluding|avoid|freeze out|leave out|unfollow|block|mute)\s+$"
)
_WITHOUT = re.compile(r"(?<!\w)without\s+$")
# "made a new group … so we don't have to have Dan O in it"
_NOT_HAVE = re.compile(r"(?<!\w)(?:don't|dont|do not|won't|not)\s+(?:have|need)\s+to\s+have\s+$")
_IN_IT = re.compile(r"\s+in\s+(?:it|there|the group|the chat)(?!\w)")
_LEAVE = re.compile(r"(?<!\w)(?:leave|leaving|freeze|freezing)\s+$")
_OUT = re.compile(r"\s+out(?!\w)(?!\s+of\s+(?:this|it|that)(?!\w))")  # not "leave Sarah out of this"
_SO_THAT = re.compile(r"\s+so\s+(?:he|she|they)(?:'s|'ll)?\s+(?:\w+\s+)?(?:stops?|gets?|doesn't|won't|can't|leaves?|quits?|knows?|learns?)")
_GROUP_PLAN = re.compile(r"(?:group\s*chat|whatsapp|chat|night out|drinks|party|do|meet-?up|lunch|invite)\b")


_INCAPABLE = re.compile(  # "couldn't mow a lawn if his life depended on it", "can't spell to save her life"
    r"(?<!\w)(?:couldn't|could not|can't|cannot|wouldn't know how to)\s+(?:[\w'-]+\s+){1,6}?"
    r"(?:to save (?:his|her|their|its|your) li(?:fe|ves)|if (?:his|her|their|its|your) li(?:fe|ves) depended on it)"
)
_MESS = re.compile(  # "made a complete hash of", "making a right pig's ear of"
    r"(?<!\w)(?:made|make|makes|making)\s+(?:a|an)\s+(?:(?:right|complete|total|proper|real|absolute|utter|bit of a)\s+)?"
    r"(?:hash|mess|pig's ear|dog's dinner|dog's breakfast|cock-?up|balls-?up|muck-?up|shambles|bodge)\s+of(?!\w)"
)
_AGAIN = re.compile(r"(?<!\w)(?:again|yet again|as usual|every (?:single )?time|for the \w+ time)(?!\w)")
_FAILED = re.compile(  # a failure verb whose subject is a target, repeated: "the contractors forgot the baskets AGAIN"
    r"\s*(?:(?:has|have|had|'s|'ve|is|are|was|were|just|only|gone and|went and|managed to|been)\s+){0,2}"
    r"(?:missed|forgot|forgotten|lost|broke|broken|overran|overrun|cancelled|ignored|messed up|botched|bodged|ruined|"
    r"wrecked|failed|cocked up|screwed up|mucked up|turned up late|not turned up|didn't turn up|no-showed|off sick|late|"
    r"(?:got|gets|has|have|had)\s+(?:[\w'-]+\s+){0,4}?wrong)(?!\w)"  # "has the bin rota wrong AGAIN"
)
_PRAISE_DENIED = re.compile(  # negated praise: "isn't exactly the sharpest", "not the brightest"
    r"(?<!\w)(?:not|isn't|aren't|wasn't|weren't|hardly|never)\s+(?:(?:exactly|really|quite|what you'd call|the|a|an|very|overly|most|known for (?:being|his|her|their))\s+)*"
    r"(?:sharpest|brightest|quickest|cleverest|smartest|genius|rocket scientist|brain surgeon|mastermind|competent|"
    r"hardest[- ]working|hard[- ]working|reliable|efficient|organised|organized|helpful|professional|bright|clever|sharp|"
    r"quick on the uptake|on the ball|fit for purpose)(?!\w)"
)
_BETTER = re.compile(  # comparatives: "a toddler could do a better job", "my dog could run it better"
    r"(?<!\w)(?:a|an|my|the)\s+(?:[\w'-]+\s+){0,2}?(?:toddler|child|kid|monkey|chimp|chimpanzee|dog|cat|goldfish|hamster|"
    r"potato|five[- ]year[- ]old|six[- ]year[- ]old|nan|gran|year \w+ class|trained \w+)\s+could\s+(?:do|run|manage|organise|organize)(?!\w)"
)
_RHETORICAL = re.compile(  # "Does anyone at the council actually do any work?"
    r"(?:does|do|did|has|have|is|are|can|will)\s+(?:anyone|anybody|any of (?:them|you)|they|he|she|[\w' -]{1,30}?)\s+"
    r"(?:(?:\w+\s+){0,3}?)(?:actually|ever|even|bother)\s+[^?]{0,60}\?"
)
_WARN_OFF = re.compile(  # warning others off someone: "don't lend Kevin Doyle a penny", "never trust the cleaners"
    r"(?<!\w)(?:don't|do not|never|wouldn't|would not|i'd never)\s+(?:ever\s+)?(?:lend|trust|believe|hire|employ|vote for|rely on|leave \w+ alone with)\s+$"
)
_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|i'm|im|i am|me|myself)(?!\w)")


def incapable(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "can't X to save his life" / "couldn't X if her life depended on it" in one sentence."""
    return [m.span() for m in _INCAPABLE.finditer(text, start, end)]


def criticism_frames(text: str, start: int, end: int, targets) -> list[tuple[int, int, str]]:
    """``(start, end, frame)`` of general criticism frames in one sentence (see the frame regexes)."""
    out = [(*m.span(), "mess") for m in _MESS.finditer(text, start, end)]
    out += [(*m.span(), "praise-denied") for m in _PRAISE_DENIED.finditer(text, start, end)]
    out += [(*m.span(), "comparative") for m in _BETTER.finditer(text, start, end)]
    if (m := _RHETORICAL.match(text, start, end)) and targets:
        out.append((*m.span(), "rhetorical"))
    again = _AGAIN.search(text, start, end)
    for t in targets:
        if again and (m := _FAILED.match(text, t.end, end)):
            out.append((t.start, m.end(), "failed-again"))
        if m := _WARN_OFF.search(text, max(start, t.start - 30), t.start):
            out.append((m.start(), t.end, "warn-off"))
    return out


def clause_before(text: str, start: int, at: int, reach: int = 40) -> str:
    """The clause that runs up to offset ``at``: at most ``reach`` characters back, not before ``start``, and after
    the last comma, semicolon, colon or sentence stop."""
    return re.split(r"[,;:.!?]", text[max(start, at - reach):at])[-1]


def about_self(text: str, start: int, at: int) -> bool:
    """True when the clause before ``at`` speaks of the poster ("I'm far too old for this")."""
    return bool(_FIRST_PERSON.search(clause_before(text, start, at)))


def superlatives(word: str) -> tuple[str, ...]:
    """The -est forms of a short one-word adjective ("lazy" → "laziest", "rude" → "rudest")."""
    if "-" in word or " " in word or len(word) > 7 or word.endswith(_SUPERLATIVE_SKIP):
        return ()
    if word.endswith("y"):
        return (word[:-1] + "iest",)
    if word.endswith("e"):
        return (word + "st",)
    if sum(c in "aeiou" for c in word) == 1 and word[-2] in "aeiou" and word[-1] not in "aeiouwy":
        return (word + word[-1] + "est",)
    return (word + "est",)


def index_entries(entries) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Entries as word tuples keyed by their first word, longest first (``*`` kept on the last word)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        words = tuple(_TOKEN.findall(entry.lower().rstrip("*"))) or (entry.lower(),)
        if entry.endswith("*"):
            words = (*words[:-1], words[-1] + "*")
        index.setdefault(words[0].rstrip("*"), []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def word_matches(want: str, word: str) -> bool:
    """One entry word against one token: exact, or a prefix when the entry ends in ``*``."""
    return word.startswith(want[:-1]) if want.endswith("*") else word == want


@dataclass(frozen=True, slots=True)
class Frames:
    """The person-descriptor lexicons (built once per profile) and the frame checks."""

    adjectives: dict[str, tuple[tuple[str, ...], ...]]
    nouns: dict[str, tuple[tuple[str, ...], ...]]
    stems: re.Pattern[str]  # one-word noun entries with a trailing * ("idiot*"), matched as prefixes
    superlative: frozenset[str]

    @classmethod
    def load(cls) -> Frames:
        """Read ``tone_person_adjectives.txt`` and ``tone_person_nouns.txt``."""
        adjectives = read_lines("tone_person_adjectives")
        sups = {s for a in adjectives for s in superlatives(a.lower())}
        nouns = read_lines("tone_person_nouns")
        stems = sorted({n.lower()[:-1] for n in nouns if n.endswith("*") and " " not in n}, key=len, reverse=True)
        return cls(index_entries([*adjectives, *sups]), index_entries(nouns),
                   re.compile("|".join(map(re.escape, stems)) or r"(?!x)x"), frozenset(sups))

    def descriptor_at(self, words: list[str], i: int) -> tuple[str, int] | None:
        """``(kind, end index)`` of the longest descriptor starting at word ``i`` ("adj"/"noun")."""
        if self.stems.match(words[i]):
            return "noun", i + 1
        for kind, index in (("noun", self.nouns), ("adj", self.adjectives)):
            for entry in index.get(words[i], ()):
                n = len(entry)
                if i + n <= len(words) and all(word_matches(w, t) for w, t in zip(entry, words[i:i + n])):
                    return kind, i + n
        return None

    def judgements(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of descriptors in a judgement frame in ``text[start:end]`` (normalised text)."""
        tokens = list(_TOKEN.finditer(text, start, end))
        words = [t.group() for t in tokens]
        found = [self.descriptor_at(words, i) for i in range(len(words))]
        out, i = [], 0
        while i < len(words):
            if found[i] and self.framed(words, found, i, found[i][1], kind=found[i][0]):
                out.append((tokens[i].start(), tokens[found[i][1] - 1].end()))
                i = found[i][1]
            else:
                i += 1
        return out

    def framed(self, words: list[str], found: list, i: int, j: int, *, kind: str) -> bool:
        """True when ``words[i:j]`` is said of someone (``found``: the descriptor at each word)."""
        k = i - 1
        while k >= 0 and i - k <= 6 and (words[k] in _MODIFIERS or found[k]):
            k -= 1
        before = words[k] if k >= 0 else ""
        if before in _SELF or (before in _COPULA and k > 0 and words[k - 1] in _SELF):  # "I'm useless", "we were hopeless"
            return False
        if before in _COPULA or before in _EXCLAIM or before in _GROUP or before.endswith(("'s", "'re")):
            return True
        if kind == "adj" and _noun_follows(words, found, j):
            return True
        if " ".join(words[i:j]) in self.superlative and words[k + 1:i][:1] == ["the"]:
            return True
        return k < 0 and len(words) <= _SHORT and all(w in _MODIFIERS or w in _PERSON or found[n] for n, w in enumerate(words))


def _noun_follows(words: list[str], found: list, j: int) -> bool:
    """A person noun or insulting noun right after an adjective, past one modifier ("pompous old fool")."""
    for n in (j, j + 1):
        if n >= len(words):
            return False
        if words[n] in _PERSON or (found[n] and found[n][0] == "noun"):
            return True
        if words[n] not in _MODIFIERS:
            return False
    return False


_SECRET = re.compile(  # the excluded person is not to know: "nobody tell her", "dont tell him", "let her find out"
    r"(?<!\w)(?:(?:nobody|no one|noone|don't|dont|do not|not)\s+(?:tell|telling)\s+(?:him|her|them)|let (?:him|her) find out)(?!\w)"
)
_LEFT_OUT = re.compile(  # "a new work group chat without sarah W in it": the plan and whom it leaves out
    r"(?<!\w)(?:group\s*chat|whatsapp|chat|night out|drinks|lunch)(?!\w)[^.!?\n]{0,40}?(without\s+[\w']+(?:\s+[a-z](?!\w))?)"
)


def secret_exclusion(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A plan made "without <someone>" in a post that keeps it from them ("… dont tell him"): bullying by exclusion."""
    if not _SECRET.search(text):
        return []
    return [m.span(1) for m in _LEFT_OUT.finditer(text, start, end)]


def excluded(text: str, start: int, end: int, targets) -> list[tuple[int, int]]:
    """Exclusion aimed at a target in one sentence: "ignore the new lad", "a chat without Sarah W so she …", "'forgetting'
    to tell Sarah W when lunch is", "so we don't have to have Dan O in it"."""
    out = []
    for t in targets:
        lo = max(start, t.start - 60)
        before = text[lo:t.start]
        if (m := _EXCLUDE.search(before)) or ((m := _NOT_INVITE.search(before)) and kept_from(text, m)):
            out.append((lo + m.start(), t.end))
        elif (m := _WITHOUT.search(before)) and (_SO_THAT.match(text, t.end, end) or _GROUP_PLAN.search(before)):
            out.append((lo + m.start(), t.end))
        elif (m := _LEAVE.search(before)) and (o := _OUT.match(text, t.end, end)):
            out.append((lo + m.start(), o.end()))
        elif (m := _NOT_HAVE.search(before)) and (o := _IN_IT.match(text, t.end, end)):
            out.append((lo + m.start(), o.end()))
    return out


def kept_from(text: str, m: re.Match) -> bool:
    """Whether a "not inviting"/"don't tell" match leaves someone out of something: not telling is exclusion only
    when the post plans something for the group ("Office drinks Friday … Don't tell Priya 🤫"), not a secret
    about oneself ("reading this at my desk. Don't tell Priya")."""
    return "tell" not in m.group().lower() or bool(_GROUP_PLAN.search(text))


_INITIALS = re.compile(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.?(?![\w])")
_FROM_WORK_NAME = re.compile(r"(?<![\w@#])([A-Z][a-z]+)\s+from\s+(?:work|the office|the depot|the council|accounts|planning)(?!\w)")
_NOT_NAMES = frozenset("back home time off away straight fresh late early lift walk break days everyone someone anyone "
                       "nobody stuck busy still out not just come came coming got get getting escape free".split())


@dataclass(frozen=True, slots=True)
class NameWords:
    """Capitalised first names, surnames and alias words of the profile's people; a firm's first word."""

    groups: dict[str, str]  # lower-case word -> group

    @classmethod
    def load(cls, profile: Profile) -> NameWords:
        """Every name word of a listed person that is not an ordinary English word ("Will", "Stone")."""
        from .people_names import load_lists

        lists = load_lists()
        groups: dict[str, str] = {}
        for person in profile.people:
            names = (person.name, *person.aliases)
            if person.is_firm:  # a firm by its distinctive first word only ("Brightwater's cleaners")
                names = tuple(n.split()[0] for n in names if len(n.split()[0]) > 4)
            for name in names:
                for word in re.findall(r"[A-Za-z][A-Za-z'-]+", name):
                    if len(word) > 2 and not lists.ordinary(word):
                        groups.setdefault(word.lower(), person.group)
            words = person.name.split()
            if not person.is_firm and len(words) > 1:  # "Kev" for Kevin, "D.O." for Daniel Okafor
                for nick in lists.nicknames_of(words[0]):
                    if not lists.ordinary(nick):
                        groups.setdefault(nick, person.group)
                groups.setdefault(".".join(w[0] for w in words).lower() + ".", person.group)
        return cls(groups)

    def find(self, original: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """``(start, end, group)`` of each capitalised name word, dotted initials or first name "from work"."""
        out = [(start + m.start(), start + m.end(), "employee") for m in _FROM_WORK_NAME.finditer(original[start:end])
               if m.group(1).lower() not in _NOT_NAMES]
        out += [(start + m.start(), start + m.end(), self.groups[m.group().lower().rstrip(".") + "."])
                for m in _INITIALS.finditer(original[start:end]) if m.group().lower().rstrip(".") + "." in self.groups]
        for m in re.finditer(r"(?<![\w@#])([A-Z][a-z'-]+)(?=(\s+[A-Z][a-z]+)?)", original[start:end]):
            word = m.group(1).split("'")[0]
            group = self.groups.get(word.lower())
            other = m.group(2) and m.group(2).strip().lower() not in self.groups  # "Graham Norton": someone else
            other = other or another_first_name(original[start:start + m.start()], self.groups)  # "Larry Ellison"
            if group and not other:
                out.append((start + m.start(), start + m.start() + len(word), group))
        return out


_LAST_WORD = re.compile(r"([A-Z][a-z'-]+)\s+$")


def another_first_name(before: str, groups: dict[str, str]) -> bool:
    """True when a first name that is no listed person's stands just before a listed surname: "Larry Ellison" is not
    Margaret Ellison."""
    m = _LAST_WORD.search(before)
    return bool(m) and m.group(1).lower() not in groups and m.group(1).lower() in first_names()
