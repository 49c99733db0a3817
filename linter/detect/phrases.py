"""Phrases from documented lists: work talk, confidential words, security data, photos, reposts.

Each list is ``models/patterns/phrase_<label>.txt`` (``_`` in the file name becomes ``-`` in
the label) and holds one token pattern a line, compiled to a spaCy ``Matcher`` once per
profile. The pattern language, Vale-like so the clerk's staff can read and extend it:

    word          a token whose lower-case text is ``word`` (``'m`` also matches ``’m``)
    a|b|c         any of the alternatives
    a_b           the words a b in a row (an alternative of several words: ``the|last_night_'s``), also
                  hyphenated ("play-area" for ``play_area`` and a set's "play area")
    $set          any entry of ``phrase_set_<set>.txt`` (entries may be several words)
    $NUM $TITLE   a number-like token; a capitalised word
    $ANY $HASH    any one token; a ``#`` (as in ``$HASH selfie``: ``#`` starts a comment)
    x? x+ x*      optional, one or more, any number (``+``/``*`` for one-token items only)
    ^x            ``x`` starting a sentence ("^born 3 May" is the writer's own birth)
    ... => text   the standard wording (kept as the mention's ``evidence``: text-speak)

A few labels need context the list cannot express (``council-business`` only when the work is
the writer's, ``confidential`` not in a general sense, "council tax" is no council, someone
else's birthplace or birth date): see ``phrase_context.py``. ``$DATE`` is a numeric date
("11.11.88", "17/09/1984"); ``$TIME`` a clock time ("10.40pm", "16:58", "9"). The profile's own confidential terms are matched as
``confidential-term``, also with street words abbreviated or spelt out ("Bridge St" for
"Bridge Street"), written as one word ("#ProjectHeron") and a code name the other way round
("Heron project", capitalised unless written as one word); shouting (three or more words in
capitals, or any in a sentence ending "!!") and runs of exclamation marks are found with regular
expressions. Two more labels come from data outside the pattern language: ``rude`` also
takes every insult and profanity entry of the tone lexicons (``tone_insults.txt``,
``tone_profanity.txt``; ``*`` is any ending) except those with an everyday meaning
(``phrase_set_rude_ambiguous.txt``), and ``colleague-name`` is a capitalised first name, alias
or nickname of a listed employee ("Tom" for Thomas Stone) not followed by another surname (one
that is also an ordinary word, "Will", only with the employee's surname after it).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

from ..assets import read_lines
from ..spans import in_a_proper_name
from .mention import Mention
from .people_names import load_lists
from .person_context import famous_at, kin_before, not_colleagues
from .phrase_context import (a_quotation, a_sequel, a_title, a_warning, booking, coda, compound, inside, insider, mothers, own_birth, part_of_a_thing, someone_elses,
                             trivial)

LABELS = (
    "work-identity", "own-role", "council-reference", "council-business", "work-activity",
    "disclaimer", "disrepute", "confidential", "confidential-business", "confidential-general", "photo", "colleague",
    "other-person", "repost", "birth-date", "birthplace", "maiden-name", "first-pet",
    "first-school", "home-address", "personal-life", "text-speak", "accusation", "rude", "photo-verb",
    "first-person", "official-voice", "work-claim", "employer", "photo-attached", "sensitive-finance",
    "security-answer", "inappropriate", "work-topic", "workplace",
    "sensitive-health", "sensitive-legal", "sensitive-private", "sensitive-care", "sensitive-records", "sensitive-discipline",
    "circle-person", "permission",
)
SPECIAL = {"$NUM": {"LIKE_NUM": True}, "$TITLE": {"IS_TITLE": True}, "$ANY": {}, "$HASH": {"ORTH": "#"},
           "$DATE": {"TEXT": {"REGEX": r"^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$"}},
           "$TIME": {"TEXT": {"REGEX": r"(?i)^\d{1,2}(?:[.:]\d{2})?(?:am|pm)?$"}}}
ABBREVIATIONS = (("street", "st"), ("road", "rd"), ("avenue", "ave"), ("lane", "ln"), ("drive", "dr"),
                 ("close", "cl"), ("square", "sq"), ("place", "pl"), ("saint", "st"))
SHOUTING = re.compile(r"\b[A-Z][A-Z']+(?:[ \t]+[A-Z][A-Z']*){2,}\b")
EXCLAMATIONS = re.compile(r"(?<![!?])(?=[!?]{4})(?=[!?]*!)[!?]+")
BANG_SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]*+!{2,}")  # starts only at a sentence start: linear
CAPS_WORDS = re.compile(r"\b[A-Z][A-Z']+(?:[ \t]+[A-Z][A-Z']*)*\b")


def literal(word: str) -> dict:
    """A token matching ``word`` in any case, straight or curly apostrophe."""
    forms = {word, word.replace("'", "\u2019")}
    return {"LOWER": word} if len(forms) == 1 else {"LOWER": {"IN": sorted(forms)}}


HYPHEN = {"ORTH": {"IN": ["-", "\u2010", "\u2011"]}, "OP": "?"}


def in_a_row(words: list[str]) -> list[dict]:
    """Tokens matching ``words`` in a row, written apart or hyphenated ("play area", "play-area")."""
    seq = [literal(words[0])]
    for before, word in zip(words, words[1:]):
        if before.isalpha() and word.isalpha():
            seq.append(dict(HYPHEN))
        seq.append(literal(word))
    return seq


def set_entries(name: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The lower-case entries of ``phrase_set_<name>.txt`` (plus ``extra``)."""
    return tuple(dict.fromkeys(e.lower() for e in (*read_lines(f"phrase_set_{name}"), *extra)))


def alternatives(item: str, sets: dict[str, tuple[str, ...]]) -> list[list[dict]]:
    """The token sequences one pattern item can match (before its operator)."""
    singles: list[str] = []
    seqs: list[list[dict]] = []
    for alt in item.split("|"):
        if alt in SPECIAL:
            seqs.append([dict(SPECIAL[alt])])
        elif alt.startswith("$"):
            entries = sets[alt[1:]] if alt[1:] in sets else set_entries(alt[1:])
            singles += [e for e in entries if " " not in e]
            seqs += [in_a_row(e.split()) for e in entries if " " in e]
        elif "_" in alt:
            seqs.append(in_a_row(alt.lower().split("_")))
        else:
            singles.append(alt.lower())
    if singles:
        forms = sorted({f for w in singles for f in (w, w.replace("'", "\u2019"))})
        seqs.insert(0, [{"LOWER": forms[0]} if len(forms) == 1 else {"LOWER": {"IN": forms}}])
    return seqs


def compile_pattern(line: str, sets: dict[str, tuple[str, ...]] | None = None) -> list[list[dict]]:
    """Every spaCy Matcher pattern one line of the pattern language stands for."""
    choices = []
    for item in line.split():
        start, item = item.startswith("^") and len(item) > 1, item.removeprefix("^") if len(item) > 1 else item
        op = item[-1] if item[-1] in "?+*" and len(item) > 1 else ""
        seqs = alternatives(item[:-1] if op else item, sets or {})
        if start and op == "+":  # "^$TITLE+": the first token opens the sentence, the rest need not
            seqs = [[dict(s[0], IS_SENT_START=True), dict(s[0], OP="*")] for s in seqs if len(s) == 1]
            op = ""
        elif start:
            seqs = [[dict(s[0], IS_SENT_START=True), *s[1:]] for s in seqs]
        if op in ("+", "*"):
            seqs = [[dict(s[0], OP=op)] for s in seqs if len(s) == 1]
        elif op == "?" and len(seqs) == 1 and len(seqs[0]) == 1:
            seqs = [[dict(seqs[0][0], OP="?")]]  # one token: the Matcher's own operator, no copies
        elif op == "?":
            seqs = [*seqs, []]
        choices.append(seqs)
    return [[t for seq in combo for t in seq] for combo in itertools.product(*choices) if any(combo)]


def needles(patterns: list[list[dict]]) -> frozenset[str] | None:
    """Lower-case words one of which a doc must contain for any of ``patterns`` to match (None: no such gate).

    Every required word of a pattern is a valid gate; the first that is not a stop word is the
    most selective, so lines with common openings ("my", "the") still run only when needed.
    """
    out: set[str] = set()
    for pattern in patterns:
        words = [t["LOWER"] for t in pattern if "LOWER" in t and t.get("OP") not in ("?", "*")]
        if not words:
            return None
        choices = [w["IN"] if isinstance(w, dict) else (w,) for w in words]
        out.update(next((c for c in choices if not any(x in STOP_WORDS for x in c)), choices[0]))
    return frozenset(out)


def gate_index(groups: dict) -> dict[int, tuple[frozenset[int], ...]]:
    """For each gate word (as a hash), the gates that hold it: a post's words then name the live gates at once."""
    index: dict[int, list] = {}
    for gate in groups:
        for word in gate or ():
            index.setdefault(word, []).append(gate)
    return {word: tuple(gates) for word, gates in index.items()}


def sentences_by_word(doc) -> tuple[list, dict[int, set[int]]]:
    """The doc's sentences, and for each lower-case word (as a hash) the sentences holding it."""
    sents = list(doc.sents)
    lowers = doc.to_array("LOWER").tolist()
    where: dict[int, set[int]] = {}
    for n, sent in enumerate(sents):
        for word in lowers[sent.start : sent.end]:
            where.setdefault(word, set()).add(n)
    return sents, where


def windows(doc, sents: list, hits, *, whole: bool) -> list:
    """The hit sentences as disjoint spans (runs of consecutive ones joined); the whole doc when ``whole``.

    A phrase is matched inside the sentences that hold its gate word, so a long post costs in
    proportion to its length; a phrase does not run across a break into a sentence without it.
    """
    if whole:
        return [doc[:]]
    ranges: list[list[int]] = []
    for i in sorted(hits):
        if ranges and sents[i].start <= ranges[-1][1]:
            ranges[-1][1] = sents[i].end
        else:
            ranges.append([sents[i].start, sents[i].end])
    return [doc[a:b] for a, b in ranges]


def parse_line(line: str) -> tuple[str, str]:
    """A list line split into its pattern and its standard wording (``=>``), if any."""
    pattern, _, evidence = line.partition("=>")
    return pattern.strip(), evidence.strip()


class PhraseDetector:
    """Finds the phrases of every ``phrase_*`` list and the profile's confidential terms."""

    def __init__(self, models, profile):
        self.groups: dict[frozenset[int] | None, Matcher] = {}
        self.order: dict[int, int] = {}
        self.sets = {"role": set_entries("role", tuple(p.role for p in profile.people if p.role and p.group == "employee"))}
        for label in LABELS:
            for n, line in enumerate(read_lines("phrase_" + label.replace("-", "_"))):
                pattern, evidence = parse_line(line)
                self.add_line(models.nlp.vocab, f"{label}\t{evidence}\t{n}", compile_pattern(pattern, self.sets))
        self.terms = PhraseMatcher(models.nlp.vocab, attr="LOWER")
        self.terms.add("confidential-term", [models.nlp.make_doc(v) for t in profile.confidential_terms
                                             for v in term_variants(t)])
        self.turned = frozenset(turned(t) for t in profile.confidential_terms) - {None}
        self.bare = [bare_code_name(t) for t in profile.confidential_terms if turned(t)]
        self.compounds = frozenset(set_entries("council_compound"))
        self.months = frozenset(set_entries("month"))
        self.services = frozenset(set_entries("service"))
        self.kin = frozenset(set_entries("kin"))
        self.rude = rude_regex()
        self.staff = staff_first_names(profile)
        self.gates_by_word = gate_index(self.groups)

    def add_line(self, vocab, key: str, patterns: list[list[dict]]) -> None:
        """Add a list line to the Matcher of the lines gated by the same words (see ``needles``)."""
        words = needles(patterns)
        gate = None if words is None else frozenset(vocab.strings.add(w) for w in words)
        matcher = self.groups.setdefault(gate, Matcher(vocab))
        matcher.add(key, patterns)
        self.order[vocab.strings.add(key)] = len(self.order)

    def raw_matches(self, doc) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every line whose needed words the doc contains, in match order.

        Lines sharing a gate share one Matcher, and a Matcher runs only over the sentences that
        hold one of its gate's words (a long post costs in proportion to its length, not to
        its length times the lines); ties are broken by the lines' order in the lists.
        """
        sents, where = sentences_by_word(doc)
        live = {gate for word in where for gate in self.gates_by_word.get(word, ())}
        found = []
        for gate, matcher in self.groups.items():
            if gate is not None and gate not in live:
                continue
            hits = [0] if gate is None else {i for w in gate for i in where.get(w, ())}
            for span in windows(doc, sents, hits, whole=gate is None):
                found += [(span.start + end, span.start + start, self.order[key], key) for key, start, end in matcher(span)]
        return [(key, start, end) for end, start, _, key in sorted(found)]

    def __call__(self, post) -> Iterator[Mention]:
        found = self.matches(post.doc)
        for label, spans in found.items():
            for span, evidence in spans:
                if self.keep(label, span, found):
                    yield Mention("phrase", span.start_char, span.end_char, span.text, label=label, evidence=evidence)
        yield from self.term_mentions(post.doc)
        yield from regex_mentions(post.text)
        yield from (Mention("phrase", m.start(), m.end(), m.group(), label="rude", evidence="tone lexicon")
                    for m in self.rude.finditer(fold(post.text)) if not in_a_proper_name(post.text, m.start(), m.end()))
        yield from self.staff_mentions(post.doc)

    def matches(self, doc) -> dict[str, list[tuple[object, str]]]:
        """The longest non-overlapping matches of each label, with their evidence."""
        by_label: dict[str, dict] = {}
        for key, start, end in self.raw_matches(doc):
            label, evidence, _ = doc.vocab.strings[key].split("\t")
            by_label.setdefault(label, {}).setdefault((start, end), evidence)
        out = {}
        for label, spans in by_label.items():
            kept = filter_spans([doc[s:e] for s, e in spans])
            out[label] = [(span, spans[(span.start, span.end)]) for span in kept]
        return out

    def keep(self, label: str, span, found: dict) -> bool:
        """Apply the context a list cannot express (see ``phrase_context.py``)."""
        if label == "accusation" and in_a_proper_name(span.doc.text, span.start_char, span.end_char):
            return False  # "report it to Action Fraud", as for the rude words
        if label in ("confidential", "confidential-business"):
            general = found.get("confidential-general", [])
            if label == "confidential-business" and booking(span):
                return False
            if a_title(span) or part_of_a_thing(span) or a_sequel(span) or a_quotation(span):
                return False
            return not inside(span, general) and not (label == "confidential" and self.trivial(span, found))
        if label in ("council-reference", "council-business") and compound(span, self.compounds):
            return False
        if label == "council-business":
            return insider(span, found)
        if label == "birthplace":
            return span[-1].lower_ not in self.months and not someone_elses(span)
        if label in ("first-pet", "first-school"):
            return not someone_elses(span)  # "her first school: Oakley Vale Primary" is hers
        if label == "birth-date":
            return own_birth(span)
        if label == "maiden-name":
            return mothers(span) and not a_warning(span)
        return label != "confidential-general"

    def trivial(self, span, found: dict) -> bool:
        """A marker that shares a taste, or a closing one ("You didn't hear it from me") after such a marker."""
        if trivial(span, self.services):
            return True
        others = [o for o, _ in found.get("confidential", []) if o.start != span.start]
        return coda(span) and any(trivial(o, self.services) for o in others)

    def staff_mentions(self, doc) -> Iterator[Mention]:
        """A capitalised first name or nickname of a listed employee, unless another surname follows, a kinship word
        stands before it ("My brother Daniel got married") or the post says the name is a friend's from another circle
        ("Tom and Sarah from school") or an animal's ("Pic of Meg the collie"); an ordinary word ("Will") with the
        surname after it, owning a relative ("Will's wife left him") or after "of" or "with" ("Video of Will trying to
        unjam the shutters"), where no verb can stand."""
        others = not_colleagues(doc)
        for tok in doc:
            named = tok.is_title and tok.lower_ not in others
            person, ordinary = self.staff.get(tok.lower_, (None, False)) if named else (None, False)
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            surname = nxt is not None and nxt.lower_ == person.name.split()[-1].lower() if person else False
            possessive = ordinary and nxt is not None and nxt.lower_ in ("'s", "’s") and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in self.kin
            taken = ordinary and tok.i > 0 and doc[tok.i - 1].lower_ in ("of", "with")  # "Video of Will trying …"
            if (person and not kin_before(tok) and not famous_at(doc, tok.i)
                    and (surname or possessive or taken or not (ordinary or (nxt is not None and nxt.is_title)))):
                yield Mention("phrase", tok.idx, tok.idx + len(tok), tok.text, label="colleague-name",
                              person=person, evidence=person.name)

    def term_mentions(self, doc) -> Iterator[Mention]:
        """The profile's own confidential terms ("Project Heron"), in any case."""
        for span in filter_spans(self.terms(doc, as_spans=True)):
            if span.text.lower() in self.turned and not span.text[:1].isupper():
                continue  # "my heron project" (photos of herons) is no "Heron project"
            yield Mention("phrase", span.start_char, span.end_char, span.text, label="confidential-term")
        for regex in self.bare:
            for m in regex.finditer(doc.text):
                yield Mention("phrase", m.start(), m.end(), m.group(), label="confidential-term")


_BUSINESS_AFTER = ("thing", "paperwork", "papers", "paper", "working group", "group", "update", "business", "deal", "plan",
                   "plans", "stuff", "meeting", "file", "files", "report", "bid", "documents", "docs", "briefing")


def bare_code_name(term: str) -> re.Pattern:
    """A code name's own word without "Project", capitalised, where a post names it as business: quoted ("about
    'Heron' whatever that is") or before a business word ("that Heron thing", "the Heron paperwork", "the Heron working
    group"); not the bird ("Heron on the weir again", "Heron's back", "a glaze called 'Stoneware Heron Grey'")."""
    word = re.escape(term.split()[1].capitalize())
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _BUSINESS_AFTER)
    quoted = rf"(?<=['‘\"“]){word}(?=['’\"”](?![a-z]))"
    before = rf"(?<![\w#@'‘]){word}(?=\s+(?:{after})\b)"
    return re.compile(f"{quoted}|{before}")


def term_variants(term: str) -> list[str]:
    """A confidential term as written, with street words abbreviated or spelt out, and as one word; a code name
    also the other way round ("Project Heron" as "the Heron project", "#HeronProject")."""
    words = term.lower().split()
    swaps = {a: b for pair in ABBREVIATIONS for a, b in (pair, pair[::-1])}
    short = [swaps.get(w, w) for w in words]
    other_way = turned(term)
    return list(dict.fromkeys([term, " ".join(short), "".join(words), "".join(short),
                               *((other_way, other_way.replace(" ", "")) if other_way else ())]))


def turned(term: str) -> str | None:
    """A code name the other way round, lower case ("project heron" → "heron project"); None for other terms."""
    words = term.lower().split()
    return f"{words[1]} {words[0]}" if len(words) == 2 and words[0] in CODE_NAME_WORDS else None


CODE_NAME_WORDS = frozenset({"project", "operation", "scheme"})  # "Project Heron", "Operation Swan"


def fold(text: str) -> str:
    """Lower-case, one character for one, so offsets stay those of ``text``."""
    return "".join(c.lower()[:1] or c for c in text)


def rude_regex() -> re.Pattern:
    """The tone lexicons' insult and profanity entries, less the ambiguous ones, as one whole-word regex."""
    skip = set(set_entries("rude_ambiguous"))
    entries = {e.lower() for name in ("tone_insults", "tone_profanity") for e in read_lines(name)} - skip
    alts = (re.escape(e[:-1]) + r"\w*" if e.endswith("*") else re.escape(e) for e in sorted(entries, key=len, reverse=True))
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alts).replace(r"\ ", r"\s+") + r")(?![\w])")


def staff_first_names(profile) -> dict[str, tuple[object, bool]]:
    """Each first name, alias first name and nickname held by one employee: ``(person, is an ordinary word)``.

    An ordinary word ("Will", "Bill") counts only with the surname after it.
    """
    lists, found = load_lists(), {}
    for person in (p for p in profile.people if p.group == "employee"):
        firsts = {n.split()[0].lower() for n in (person.name, *person.aliases) if n.split()}
        for form in firsts | {nick for f in firsts for nick in lists.nicknames_of(f)}:
            found[form] = None if form in found and found[form] is not person else person
    return {form: (person, lists.ordinary(form)) for form, person in found.items() if person is not None}


def regex_mentions(text: str) -> Iterator[Mention]:
    """Shouting (three or more capitalised words, or any in a sentence ending "!!") and runs of four or more "!"."""
    acronyms = frozenset(set_entries("acronym"))
    runs = [m for m in SHOUTING.finditer(text) if sum(w.lower() not in acronyms and len(w) > 1 for w in m.group().split()) >= 3]
    yield from (Mention("phrase", m.start(), m.end(), m.group(), label="shouting") for m in runs)
    for sentence in BANG_SENTENCE.finditer(text):
        for m in CAPS_WORDS.finditer(text, sentence.start(), sentence.end()):
            loud = any(w.lower() not in acronyms and len(w) > 1 for w in m.group().split())
            if loud and not any(r.start() <= m.start() < r.end() for r in runs):
                yield Mention("phrase", m.start(), m.end(), m.group(), label="shouting")
    for m in EXCLAMATIONS.finditer(text):
        yield Mention("phrase", m.start(), m.end(), m.group(), label="exclamations")
