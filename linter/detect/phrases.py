"""Phrases from documented lists: work talk, confidential words, security data, photos, reposts.

Each list is ``models/patterns/phrase_<label>.txt`` (``_`` in the file name becomes ``-`` in
the label) and holds one token pattern a line, compiled to a spaCy ``Matcher`` once per
profile. The pattern language, Vale-like so the clerk's staff can read and extend it:

    word          a token whose lower-case text is ``word`` (``'m`` also matches ``’m``)
    a|b|c         any of the alternatives
    a_b           the words a b in a row (an alternative of several words: ``the|last_night_'s``)
    $set          any entry of ``phrase_set_<set>.txt`` (entries may be several words)
    $NUM $TITLE   a number-like token; a capitalised word
    $ANY $HASH    any one token; a ``#`` (as in ``$HASH selfie``: ``#`` starts a comment)
    x? x+ x*      optional, one or more, any number (``+``/``*`` for one-token items only)
    ^x            ``x`` starting a sentence ("^born 3 May" is the writer's own birth)
    ... => text   the standard wording (kept as the mention's ``evidence``: text-speak)

A few labels need context the list cannot express, handled here and documented with them:
``council-business`` counts only in a sentence with a first-person word ("my report",
"we"); ``confidential`` and ``confidential-business`` are dropped inside a general sense ("a confidential helpline");
``council-reference`` is dropped when it is a compound such as "council tax"; ``birthplace``
is dropped when the "place" is a month ("born in March" is a birth date). The profile's
own confidential terms are matched as ``confidential-term``; shouting (three or more words in
capitals) and runs of exclamation marks are found with regular expressions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.matcher import Matcher, PhraseMatcher
from spacy.util import filter_spans

from ..assets import read_lines
from .mention import Mention

LABELS = (
    "work-identity", "own-role", "council-reference", "council-business", "work-activity",
    "disclaimer", "disrepute", "confidential", "confidential-business", "confidential-general", "photo", "colleague",
    "other-person", "repost", "birth-date", "birthplace", "maiden-name", "first-pet",
    "first-school", "home-address", "personal-life", "text-speak",
)
SPECIAL = {"$NUM": {"LIKE_NUM": True}, "$TITLE": {"IS_TITLE": True}, "$ANY": {}, "$HASH": {"ORTH": "#"}}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours"})
SHOUTING = re.compile(r"\b[A-Z][A-Z']+(?:[ \t]+[A-Z][A-Z']*){2,}\b")
EXCLAMATIONS = re.compile(r"(?<![!?])(?=[!?]{4})(?=[!?]*!)[!?]+")


def literal(word: str) -> dict:
    """A token matching ``word`` in any case, straight or curly apostrophe."""
    forms = {word, word.replace("'", "\u2019")}
    return {"LOWER": word} if len(forms) == 1 else {"LOWER": {"IN": sorted(forms)}}


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
            seqs += [[literal(w) for w in e.split()] for e in entries if " " in e]
        elif "_" in alt:
            seqs.append([literal(w) for w in alt.lower().split("_")])
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
        if start:
            seqs = [[dict(s[0], IS_SENT_START=True), *s[1:]] for s in seqs]
        if op in ("+", "*"):
            seqs = [[dict(s[0], OP=op)] for s in seqs if len(s) == 1]
        elif op == "?":
            seqs = [*seqs, []]
        choices.append(seqs)
    return [[t for seq in combo for t in seq] for combo in itertools.product(*choices) if any(combo)]


def needles(patterns: list[list[dict]]) -> frozenset[str] | None:
    """Lower-case words one of which a doc must contain for any of ``patterns`` to match (None: no such gate)."""
    out: set[str] = set()
    for pattern in patterns:
        words = [t["LOWER"] for t in pattern if "LOWER" in t and t.get("OP") not in ("?", "*")]
        if not words:
            return None
        first = words[0]
        out.update(first["IN"] if isinstance(first, dict) else (first,))
    return frozenset(out)


def parse_line(line: str) -> tuple[str, str]:
    """A list line split into its pattern and its standard wording (``=>``), if any."""
    pattern, _, evidence = line.partition("=>")
    return pattern.strip(), evidence.strip()


class PhraseDetector:
    """Finds the phrases of every ``phrase_*`` list and the profile's confidential terms."""

    def __init__(self, models, profile):
        self.lines: list[tuple[frozenset[str] | None, Matcher]] = []
        self.sets = {"role": set_entries("role", tuple(p.role for p in profile.people if p.role and p.group == "employee"))}
        for label in LABELS:
            for n, line in enumerate(read_lines("phrase_" + label.replace("-", "_"))):
                pattern, evidence = parse_line(line)
                self.add_line(models.nlp.vocab, f"{label}\t{evidence}\t{n}", compile_pattern(pattern, self.sets))
        self.terms = PhraseMatcher(models.nlp.vocab, attr="LOWER")
        self.terms.add("confidential-term", [models.nlp.make_doc(t) for t in profile.confidential_terms])
        self.compounds = frozenset(set_entries("council_compound"))
        self.months = frozenset(set_entries("month"))

    def add_line(self, vocab, key: str, patterns: list[list[dict]]) -> None:
        """One list line as its own Matcher, gated by the words it needs (see ``needles``)."""
        matcher = Matcher(vocab)
        matcher.add(key, patterns)
        self.lines.append((needles(patterns), matcher))

    def raw_matches(self, doc) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every line whose needed words the doc contains, in match order."""
        words = {t.lower_ for t in doc}
        found = []
        for n, (gate, matcher) in enumerate(self.lines):
            if gate is None or not gate.isdisjoint(words):
                found += [(end, start, n, key) for key, start, end in matcher(doc)]
        return [(key, start, end) for end, start, _, key in sorted(found)]

    def __call__(self, post) -> Iterator[Mention]:
        found = self.matches(post.doc)
        general = found.get("confidential-general", [])
        for label, spans in found.items():
            for span, evidence in spans:
                if self.keep(label, span, general):
                    yield Mention("phrase", span.start_char, span.end_char, span.text, label=label, evidence=evidence)
        yield from self.term_mentions(post.doc)
        yield from regex_mentions(post.text)

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

    def keep(self, label: str, span, general) -> bool:
        """Apply the context a list cannot express (see the module docstring)."""
        if label in ("confidential", "confidential-business"):
            return not any(g.start <= span.start and span.end <= g.end for g, _ in general)
        if label == "council-reference":
            nxt = span.doc[span.end] if span.end < len(span.doc) else None
            return nxt is None or nxt.lower_ not in self.compounds
        if label == "birthplace":
            return span[-1].lower_ not in self.months
        if label == "council-business":
            return any(t.lower_ in FIRST_PERSON for t in span.sent)
        return label != "confidential-general"

    def term_mentions(self, doc) -> Iterator[Mention]:
        """The profile's own confidential terms ("Project Heron"), in any case."""
        for span in filter_spans(self.terms(doc, as_spans=True)):
            yield Mention("phrase", span.start_char, span.end_char, span.text, label="confidential-term")


def regex_mentions(text: str) -> Iterator[Mention]:
    """Shouting (three or more capitalised words) and runs of four or more exclamation marks."""
    acronyms = frozenset(set_entries("acronym"))
    for m in SHOUTING.finditer(text):
        words = m.group().split()
        if sum(w.lower() not in acronyms and len(w) > 1 for w in words) >= 3:
            yield Mention("phrase", m.start(), m.end(), m.group(), label="shouting")
    for m in EXCLAMATIONS.finditer(text):
        yield Mention("phrase", m.start(), m.end(), m.group(), label="exclamations")
