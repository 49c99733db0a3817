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
negative sentence refers back ("She is hopeless.", "Pathetic."). The aim is written into
``evidence`` as ``target=<group>:<text>``; an empty target means untargeted. VADER's sentence
score is one more signal for protected-characteristic remarks. ``models/TONE.md`` records the
measured options and why this one was chosen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..assets import read_lines
from ..profile import Profile
from .mention import Mention

NEGATIVE_LABELS = ("profanity", "insult", "negative")
PEOPLE_GROUPS = ("employee", "councillor", "resident", "customer", "contractor", "supplier")
VADER_THRESHOLD = -0.3  # a sentence this negative makes a protected term hostile
VADER_NEGATIVE = -0.5  # a sentence this negative, with a target and no listed word, is criticism
_NEGATORS = {"not", "never", "no", "hardly", "isn't", "wasn't", "aren't", "weren't", "ain't"}
_REFERS_BACK = re.compile(r"(?<!\w)(he|she|they|him|her|them|his|their|he's|she's|they're)(?!\w)")
_PERSON_WORD = re.compile(
    r"(?<!\w)(he|she|they|him|her|them|his|hers|their|you|he's|she's|they're|you're|"
    r"woman|women|man|men|girl|girls|guy|bloke|lady|ladies|lad|people|person)(?!\w)"
)
_EXCLAIM = re.compile(r"\s*(what an?|such an?|absolute|total|complete|utter)(?!\w)")
_ANY_COUNCIL = re.compile(r"(?<!\w)(?:the|this|our|my|your|their)\s+(?:[\w'-]+\s+){1,2}?council(?!\w)")
_BECAUSE = re.compile(r"because (he|she|they)('s|'re| is| are)")
_PLACEHOLDERS = {"{obj}": "(?:him|her|them|you|he|she)", "{poss}": "(?:his|her|their|your)"}
_NEAR = 40  # characters: how close a protected term must be to a person reference


def entry_pattern(entry: str) -> str:
    """One list entry as a regex: whole words, flexible spaces, a trailing ``*`` for any ending."""
    star = entry.endswith("*") and len(entry) > 1
    body = re.escape(entry[:-1] if star else entry)
    body = re.sub(r"(\\ )+", r"\\s+", body) + (r"\w*" if star else "")
    for key, alt in _PLACEHOLDERS.items():
        body = body.replace(re.escape(key), alt)
    head = r"(?<![\w])" if entry[0].isalnum() or entry[0] == "{" else ""
    tail = r"(?![\w])" if star or entry[-1].isalnum() or entry[-1] == "}" else ""
    return head + body + tail


def compile_list(entries: Iterable[str]) -> re.Pattern[str]:
    """An alternation of entries, longest first, so the longest phrase wins."""
    ordered = sorted(set(entries), key=len, reverse=True)
    return re.compile("|".join(entry_pattern(e) for e in ordered) or r"(?!x)x")


def entry_needle(entry: str) -> str:
    """The literal text every match of an entry starts with (its first word, up to any placeholder)."""
    return re.split(r"\s|\{", entry.removesuffix("*") if len(entry) > 1 else entry, maxsplit=1)[0]


def may_match(needles: tuple[str, ...] | None, text: str) -> bool:
    """False only when no needle occurs in the text, so the list's regex cannot match."""
    return needles is None or any(n in text for n in needles)


def list_needles(entries: Iterable[str]) -> tuple[str, ...] | None:
    """The needles of a list's entries, or None when an entry starts with a placeholder."""
    found = tuple({entry_needle(e) for e in entries})
    return None if "" in found else found


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

    def live(self, text: str) -> Lexicon:
        """This lexicon without the patterns whose needles are absent from ``text`` (same matches, less work)."""
        ok = lambda pattern: may_match(self.needles.get(pattern), text)  # noqa: E731
        return Lexicon(tuple(x for x in self.lists if ok(x[1])), self.sympathy,
                       tuple(x for x in self.protected if ok(x[2])), tuple(x for x in self.targets if ok(x[1])),
                       self.needles)

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
        needles.update((pattern, list_needles([phrase])) for (_, _, pattern), phrase in zip(protected, _protected_phrases()))
        sympathy = compile_list(read_lines("tone_sympathy"))
        return cls(tuple(lists), sympathy, protected, profile_targets(profile) + _role_targets(), needles)


def _protected_phrases() -> list[str]:
    """The phrase of each line of ``tone_protected.txt`` (in ``_protected_entries`` order)."""
    return [line.partition(":")[2].strip() for line in read_lines("tone_protected")]


def _protected_entries() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """``(kind, characteristic, pattern)`` for each line of ``tone_protected.txt``."""
    out = []
    for line in read_lines("tone_protected"):
        head, _, phrase = line.partition(":")
        kind, _, characteristic = head.partition(" ")
        out.append((kind, characteristic.strip(), compile_list([phrase.strip()])))
    return tuple(out)


def _role_targets() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The generic roles of ``tone_targets.txt``, one pattern per group."""
    groups: dict[str, list[str]] = {}
    for line in read_lines("tone_targets"):
        group, _, phrase = line.partition(":")
        groups.setdefault(group.strip(), []).append(phrase.strip().lower())
    return tuple((g, compile_list(p)) for g, p in groups.items())


def profile_targets(profile: Profile) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The council's name and aliases, the listed people's names and aliases, "Cllr <name>"."""
    council = [profile.council.name, *profile.council.aliases]
    out = [("council", compile_list(n.lower() for n in council if n))]
    for person in profile.people:
        out.append((person.group, compile_list(n.lower() for n in (person.name, *person.aliases))))
    out.append(("council", _ANY_COUNCIL))
    out.append(("councillor", re.compile(r"(?<!\w)(?:cllr\.?|councillor)\s+[a-z][\w'-]+")))
    return tuple(out)


def find(pattern: re.Pattern[str], text: str, label: str, detail: str = "") -> Iterator[Hit]:
    """Every match of a pattern as a ``Hit``."""
    return (Hit(m.start(), m.end(), label, detail) for m in pattern.finditer(text))


def negated(text: str, start: int, *, floor: int = 0) -> bool:
    """True when one of the three words before ``start`` (after ``floor``) negates it ("not lazy")."""
    before = re.split(r"[,;:.!?]", text[max(floor, start - 30):start])[-1]
    words = re.findall(r"[\w']+", before)[-3:]
    return any(w in _NEGATORS or w.endswith("n't") for w in words)


def council_context_ok(text: str, hit: Hit) -> bool:
    """False for "council tax", "county council" and other senses that are not this council."""
    before = text[max(0, hit.start - 12):hit.start] + text[hit.start:hit.end]
    after = text[hit.end:hit.end + 10]
    if re.search(r"(county|district|borough|city|unitary)\s+(town\s+)?(council\s+)?$", before[:-7]):
        return False
    return not re.match(r"\s+(tax|house|houses|estate|flat|flats|housing|elections?)\b", after)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the post: its span and what was found in it."""

    start: int
    end: int
    targets: tuple[Hit, ...]
    hits: tuple[Hit, ...]


class ToneDetector:
    """Finds negativity and its targets; emits ``kind="tone"`` mentions (see the module docstring)."""

    def __init__(self, models, profile: Profile, *, vader_threshold: float = VADER_THRESHOLD,
                 vader_negative: float | None = VADER_NEGATIVE):
        """Compile the word lists for this profile and load VADER's lexicon (once).

        ``vader_negative=None`` switches off VADER as a criticism signal (lists only).
        """
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.lexicon = Lexicon.load(profile)
        self.vader = SentimentIntensityAnalyzer()
        self.vader_threshold = vader_threshold
        self.vader_negative = vader_negative

    def __call__(self, post) -> Iterator[Mention]:
        """The tone mentions of a post, each negative one aimed at a target or at none."""
        text = normalise(post.text)
        sentences = self.sentences(post, text)
        for i, sent in enumerate(sentences):
            for target in sent.targets:
                yield _mention(post.text, target, f"target={target.detail}")
            for hit in sent.hits:
                aim = aim_at(sentences, i, hit, text)
                extra = f"{hit.detail};" if hit.detail else ""
                yield _mention(post.text, hit, extra + (f"target={aim.detail}:{post.text[aim.start:aim.end]}" if aim else ""))

    def sentences(self, post, text: str) -> list[Sentence]:
        """Each sentence with its targets and negative hits."""
        people = [(e.start_char, e.end_char) for e in post.doc.ents if e.label_ == "PERSON"]
        lexicon = self.lexicon.live(text)
        out = []
        for span in post.doc.sents:
            s, e = span.start_char, span.end_char
            targets = self.targets(text, s, e)
            hits = self.hits(text, s, e, lexicon=lexicon)
            score = _Lazy(lambda s=s, e=e: self.vader.polarity_scores(post.text[s:e])["compound"])
            hits += self.protected(text, s, e, hits, targets, people, compound=score, lexicon=lexicon)
            if self.lexicon.sympathy.search(text, s, e):
                hits = [h for h in hits if h.label != "negative"]
            elif targets and not hits and self.vader_negative is not None and (compound := score()) <= self.vader_negative:
                hits.append(Hit(s, s + len(post.text[s:e].rstrip()), "negative", f"vader={compound:.2f}"))
            out.append(Sentence(s, e, tuple(targets), tuple(sorted(hits, key=lambda h: h.start))))
        return out

    def targets(self, text: str, start: int, end: int) -> list[Hit]:
        """The council and people named or described in one sentence (longest, no overlaps)."""
        found = []
        for group, pattern in self.lexicon.targets:
            for m in pattern.finditer(text, start, end):
                hit = Hit(m.start(), m.end(), "target", group)
                if group != "council" or council_context_ok(text, hit):
                    found.append(hit)
        return _longest(found)

    def hits(self, text: str, start: int, end: int, *, lexicon: Lexicon | None = None) -> list[Hit]:
        """Profanity, insults, critical words and bullying phrases in one sentence."""
        found = []
        for label, pattern in (lexicon or self.lexicon).lists:
            for m in pattern.finditer(text, start, end):
                if label in ("profanity", "bullying") or not negated(text, m.start(), floor=start):
                    found.append(Hit(m.start(), m.end(), label))
        return _longest(found, per_label=True)

    def protected(self, text, start, end, hits, targets, people, *, compound, lexicon=None) -> list[Hit]:
        """Protected characteristics used against a person in one sentence (``compound``: VADER score or its thunk)."""
        sentence = text[start:end]
        lexicon = lexicon or self.lexicon
        if not lexicon.protected:
            return []
        hostile = bool(hits) or "typical" in sentence or bool(_BECAUSE.search(sentence))
        hostile = hostile or (compound() if callable(compound) else compound) <= self.vader_threshold
        refs = [(m.start() + start, m.end() + start) for m in _PERSON_WORD.finditer(sentence)]
        refs += [(t.start, t.end) for t in targets] + people
        out = []
        for kind, characteristic, pattern in lexicon.protected:
            for m in pattern.finditer(text, start, end):
                near = any(abs(m.start() - b) <= _NEAR or abs(a - m.end()) <= _NEAR for a, b in refs)
                if kind in ("slur", "phrase") or (near and hostile):
                    out.append(Hit(m.start(), m.end(), "protected", f"characteristic={characteristic}"))
        return _longest(out)


class _Lazy:
    """A value computed at most once, on first call (VADER's score is only needed now and then)."""

    def __init__(self, compute):
        self.compute, self.done, self.value = compute, False, None

    def __call__(self):
        if not self.done:
            self.value, self.done = self.compute(), True
        return self.value


def aim_at(sentences: list[Sentence], i: int, hit: Hit, text: str) -> Hit | None:
    """The target a hit is aimed at: the nearest in its sentence, else one the sentence refers back to."""
    own = sentences[i].targets
    if own:
        return min(own, key=lambda t: abs(t.start - hit.start))
    sent = sentences[i]
    words = re.findall(r"[\w']+", text[sent.start:sent.end])
    refers = bool(_REFERS_BACK.search(text, sent.start, sent.end)) or len(words) <= 4
    refers = refers or bool(_EXCLAIM.match(text, sent.start))
    if refers and i > 0 and sentences[i - 1].targets:
        return sentences[i - 1].targets[-1]
    return None


def _longest(hits: list[Hit], *, per_label: bool = False) -> list[Hit]:
    """Drop hits inside a longer hit (of the same label when ``per_label``)."""
    kept: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        clash = (k for k in kept if k.start < h.end and h.start < k.end)
        if not any(not per_label or k.label == h.label for k in clash):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _mention(text: str, hit: Hit, evidence: str) -> Mention:
    """A ``kind="tone"`` mention of a hit."""
    return Mention("tone", hit.start, hit.end, text[hit.start:hit.end], label=hit.label, evidence=evidence)
