"""The council itself: its name, aliases, e-mail and web domains, address and local places.

Everything comes from the profile's ``[council]`` table and is matched with regular
expressions built once per profile, because the council turns up in forms a tokenizer splits
differently: ``#ThrapstonTownCouncil``, ``clerk@thrapstontowncouncil.gov.uk``,
``https://www.ThrapstonTownCouncil.gov.uk/minutes``, ``thrapstontowncouncil dot gov dot uk``,
``www . thrapston town council . gov . uk``.

Labels (kind ``council``): ``name``, ``alias``, ``email-domain``, ``web-domain``, ``address``,
``place``. A domain wins over the name it contains; a longer match wins over a shorter one;
a place inside the name or address is not reported again, nor one that ends a host name ("gossip thrapston .
example" is a site, not the town). Short all-capital aliases ("TTC")
match only in capitals (or as a hashtag), so ordinary words are left alone. Other councils
("Northamptonshire County Council") are not this council and are never matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz.distance import OSA

from ..assets import entry_regex, read_lines
from ..spans import non_overlapping, sentence_end, sentence_start
from .mention import Mention
from .person_context import uk_places
from .phrases import ABBREVIATIONS

# A dot between domain labels, written plainly or obfuscated: ".", " . ", " dot ", "[dot]", "(.)".
DOT = r"(?:\s*\.\s*|\s*[\[({]\s*(?:dot|\.)\s*[\])}]\s*|\s+dot\s+)"
# What may join the words of a name: spaces, nothing (hashtags), hyphens, underscores.
JOIN = r"[\s_-]*"
EMAIL_LEFT = re.compile(r"(?:[\w.+-]+(?:@|\s@\s)|[\w.+-]+\s*[\[(]at[\])]\s*|@)$", re.IGNORECASE)  # "dan.okafor @ …" too
# "clerk at thrapstontowncouncil dot gov dot uk": a spelt-out "at" only before a spelt-out domain.
SPELT_AT = re.compile(r"(?<![\w'’])[\w.+-]+\s+at\s+$", re.IGNORECASE)
URL_LEFT = re.compile(r"(?:(?:https?://|www\.)[\w.-]*|(?<![\w@])[\w-]+\.)$", re.IGNORECASE)
URL_RIGHT = re.compile(r"(?:[/?#][^\s<>\"')\]]*)?")
POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$", re.IGNORECASE)


def word_regex(phrase: str, *, case_sensitive: bool = False) -> re.Pattern:
    """A name's words joined by spaces, nothing or hyphens, as whole words (a hashtag's ``#`` or a handle's ``@``
    allowed, not an e-mail's; ``_`` parts a handle's words, "@DanOkafor_TTC"); initialisms with or without dots."""
    words = [spelt(w) for w in re.split(r"[\s_-]+", phrase.strip()) if w]
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<![^\W_])(?<![@.])[#@]?" + JOIN.join(words) + r"(?![^\W_]|@|\.\w)", flags)


def spelt(word: str) -> str:
    """A word as a regex; an initialism in capitals ("TC") may also be written with dots ("T.C.")."""
    if word.isupper() and word.isalpha() and 2 <= len(word) <= 5:
        dotted = r"\.".join(map(re.escape, word)) + r"(?:\.(?=\s|$))?"  # T.T.C. keeps its last dot
        return rf"(?:{dotted}|{re.escape(word)})"  # TTC at a sentence's end leaves the full stop out
    return re.escape(word)


def domain_regex(domain: str, *, name: str = "") -> re.Pattern:
    """A domain in any case, with its dots written plainly or obfuscated.

    A label that is the council's name run together may be spaced out again
    ("thrapston town council . gov . uk"), and any label may be spelt out letter by letter
    ("t h r a p s t o n t o w n c o u n c i l . g o v . u k").
    """
    words = [w.lower() for w in re.split(r"[\s_-]+", name) if w]
    labels = [rf"(?:{JOIN.join(map(re.escape, words)) if words and label.lower() == ''.join(words) else re.escape(label)}"
              rf"|{letter_spaced(label)})" for label in domain.strip(".").split(".")]
    return re.compile(r"(?<![\w-])" + DOT.join(labels) + r"(?![\w-])", re.IGNORECASE)


def letter_spaced(word: str) -> str:
    """A word spelt out with one space between its letters ("g o v"), as a regex."""
    return " ".join(map(re.escape, word))


# Street words and the short forms people type ("77 High St", "Station Rd."): the phrase detector's list.
STREET_SHORT = {long: short for long, short in ABBREVIATIONS if long != "saint"}


def address_word(word: str) -> str:
    """One word of an address as a regex; a street word also in its short form, with or without a dot."""
    short = STREET_SHORT.get(word.lower())
    return rf"(?:{re.escape(word)}|{short}\.?)" if short else re.escape(word)


def address_regexes(address: str) -> list[re.Pattern]:
    """The whole address, its street line (when it has a number; "High Street" also as "High St") and its postcode."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    out = []
    if len(parts) > 1:
        body = r"[\s,]+".join(JOIN.join(map(address_word, p.split())) for p in parts)
        out.append(re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE))
    out += [re.compile(r"(?<![\w@.])" + JOIN.join(map(address_word, p.split())) + r"(?![\w@]|\.\w)", re.IGNORECASE)
            for p in parts if re.search(r"\d", p) and not POSTCODE.match(p)]
    for p in parts:
        if m := POSTCODE.match(p):
            out.append(re.compile(rf"(?<!\w){m.group(1)}\s*{m.group(2)}(?!\w)", re.IGNORECASE))
    return out


@cache
def acronym_senses() -> dict[str, re.Pattern]:
    """``council_acronym_senses.txt``: per initialism, one regex over the cue words of its other senses."""
    cues: dict[str, list[str]] = {}
    for line in read_lines("council_acronym_senses"):
        initialism, _, words = line.partition(":")
        cues.setdefault(initialism.strip(), []).extend(w.strip() for w in words.split(",") if w.strip())
    return {k: re.compile(r"(?<![\w'’])(?:" + "|".join(map(entry_regex, v)) + r")(?![\w'’])", re.IGNORECASE)
            for k, v in cues.items()}


def other_sense(text: str, alias: str, start: int, end: int) -> bool:
    """True when an initialism alias stands in a sentence with a cue of another of its senses ("TTC month 9"); the
    alias may be part of the cue ("#TTC journey", "#TTC_journey": ``_`` parts a hashtag's words)."""
    cue = acronym_senses().get(alias)
    if cue is None:
        return False
    return bool(cue.search(text.replace("_", " "), sentence_start(text, start), sentence_end(text, end)))


def alias_regex(alias: str) -> re.Pattern:
    """An alias: all-capital short ones (acronyms) only in capitals and not as a code's prefix ("order TTC-449201"),
    others in any case."""
    acronym = alias.isupper() and len(alias) <= 5 and " " not in alias
    regex = word_regex(alias, case_sensitive=acronym)
    return re.compile(regex.pattern + r"(?![-/]?\d)", regex.flags) if acronym else regex


def council_town(name: str) -> str:
    """The town in the council's name: the name without "Town Council" ("Thrapston", "St Neots"); "" when the name is
    nothing else."""
    town = re.sub(r"\s+(?:(?:town|parish|city|community)\s+)?council$", "", name.strip(), flags=re.IGNORECASE)
    return "" if town.lower() == name.strip().lower() else town


def town_council_regexes(name: str) -> list[re.Pattern]:
    """The council named by its town and a council word after it: "Thrapston's little town council", "Thrapston's
    council chairman", "a certain Thrapston councillor" (the town is the name without "Town Council"); found only where
    no other form of the council's name is (``CouncilDetector``)."""
    town = council_town(name)
    if not town:
        return []
    head = rf"(?<![\w@.]){re.escape(town)}"
    between = r"(?:(?!(?:for|the|a|an|at|in|to|and|of|on|by|with|from|is|was|are)\b)[a-z]+\s+){0,2}?"
    return [re.compile(rf"{head}(?:['’]s)?\s+{between}(?:(?:town|parish)\s+)?council\b(?!lor)", re.IGNORECASE),
            re.compile(rf"{head}(?=\s+councillors?\b)", re.IGNORECASE)]  # the councillor stays a person's role


class CouncilDetector:
    """Finds the profile's council in a post, in any of the forms it is written."""

    def __init__(self, models, profile):
        council = profile.council
        self.domain_names = tuple(dict.fromkeys((*council.email_domains, *council.web_domains)))
        self.domains = [(d, domain_regex(d, name=council.name)) for d in self.domain_names]
        self.web_domains = frozenset(council.web_domains)
        self.name = council.name
        self.others = [("name", word_regex(council.name))]
        self.others += [("alias", alias_regex(a)) for a in council.aliases]
        self.acronyms = {a for a in council.aliases if a in acronym_senses()}
        self.town = town_council_regexes(council.name)
        self.others += [("address", r) for r in address_regexes(council.address)]
        self.others += [("place", word_regex(p)) for p in council.places]
        self.own_places = frozenset(p.strip().lower() for p in (*council.address.split(","), *council.places, council_town(self.name)))

    def __call__(self, post) -> Iterator[Mention]:
        found = list(self.domain_mentions(post.text))
        for label, regex in self.others:
            found += [Mention("council", m.start(), m.end(), m.group(), label=label) for m in regex.finditer(post.text)
                      if not (label == "alias" and m.group().lstrip("#@") in self.acronyms
                              and other_sense(post.text, m.group().lstrip("#@"), m.start(), m.end()))
                      and not (label == "place" and HOST_ENDING.match(post.text, m.end()))
                      and not (label == "address" and another_towns(post.text, m.end(), self.own_places))]
        found += [Mention("council", a, b, post.text[a:b], label="name", evidence="misspelt")
                  for a, b in misspelt(post.text, self.name)]
        found += [self.widen(post.text, domain, a, b) for domain, a, b in misspelt_domains(post.text, self.domain_names)]
        named = [f for f in found if f.label != "place"]
        town = [t for t in (Mention("council", m.start(), m.end(), m.group(), label="alias", evidence="town")
                            for r in self.town for m in r.finditer(post.text)) if not any(t.overlaps(f) for f in named)]
        found = [f for f in found if not any(f.overlaps(t) for t in town)] + town  # "Thrapston councillor": the town names it
        yield from keep_longest(found)

    def domain_mentions(self, text: str) -> Iterator[Mention]:
        """Each domain, widened to the whole address or link it sits in."""
        for domain, regex in self.domains:
            for m in regex.finditer(text):
                yield self.widen(text, domain, m.start(), m.end())

    def widen(self, text: str, domain: str, start: int, end: int) -> Mention:
        """Take in an e-mail's local part, or a link's scheme, subdomain and path."""
        before = text[max(0, start - 80):start]
        spelt = text[start:end].lower() != domain
        if email := EMAIL_LEFT.search(before) or (spelt and SPELT_AT.search(before)):
            start -= len(email.group())
            label = "email-domain"
        else:
            if url := URL_LEFT.search(text[max(0, start - 80):start]):
                start -= len(url.group())
            end += len(URL_RIGHT.match(text, end).group().rstrip(".,;:!?"))
            label = "web-domain" if domain in self.web_domains or "/" in text[start:end] else "email-domain"
        return Mention("council", start, end, text[start:end], label=label, evidence=domain)


NEXT_PLACE = re.compile(r"[\s,]+([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)?)")


def another_towns(text: str, end: int, own: frozenset[str]) -> bool:
    """True when a town that is not the council's follows its street line: "77 High Street, Oundle" is a saleroom in
    Oundle, not the council's office ("77 High Street, Thrapston" still is; ``names_uk_places.txt``)."""
    m = NEXT_PLACE.match(text, end)
    if m is None:
        return False
    words = m.group(1).lower()
    return any(w in uk_places() and w not in own for w in {words, words.split()[0].split("-")[0]})


def misspelt(text: str, name: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the council's name of three or more words written one letter wrong ("Thrapston Town Cuncil",
    "Thrapston Twon Council"): as many words in a row, one edit (``rapidfuzz``, transpositions count as one) from it."""
    size, target = len(name.split()), " ".join(name.lower().split())
    if size < 3:
        return
    words = list(WORD.finditer(text))
    for i in range(len(words) - size + 1):
        start, end = words[i].start(), words[i + size - 1].end()
        window = " ".join(w.group().lower() for w in words[i:i + size])
        if window != target and OSA.distance(window, target, score_cutoff=1) <= 1:
            yield start, end


WORD = re.compile(r"\w+(?:['’]\w+)*")
# A place that ends a host name, spaced out or not ("gossip thrapston . example"): a site, not the town.
HOST_ENDING = re.compile(r"\s*(?:\.|\(\.\)|\[\.\]|\bdot\b)\s*(?:example|com|co|org|net|uk|info|biz)\b", re.IGNORECASE)
HOST = re.compile(r"(?<![\w.-])([a-z0-9][a-z0-9-]{7,})(\.(?:gov\.uk|co\.uk|org\.uk|com|org|net|uk))(?![\w.-]*\w)",
                  re.IGNORECASE)


def misspelt_domains(text: str, domains: tuple[str, ...]) -> Iterator[tuple[str, int, int]]:
    """``(domain, start, end)`` of a host whose first label is one letter off a domain's ("thrapstontowncouncl.gov.uk",
    "thrapstontowncouncil.com": a one-letter slip or another ending is still the council's site or mail), as
    ``rapidfuzz`` counts it, for a first label of eight letters or more; the domain as written is found by
    ``domain_regex``."""
    labels = [(domain, first) for domain in domains if len(first := domain.split(".")[0]) >= 8]
    for m in HOST.finditer(text):
        host = m.group().lower()
        for domain, first in labels:
            if host != domain and OSA.distance(m.group(1).lower(), first, score_cutoff=1) <= 1:
                yield domain, m.start(), m.end()
                break


def keep_longest(mentions: list[Mention]) -> list[Mention]:
    """Drop every mention that overlaps a longer (or, at equal length, earlier-listed) one."""
    kept = non_overlapping(mentions, priority=lambda m: m.start - m.end, span=lambda m: (m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
