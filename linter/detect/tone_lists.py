"""The tone word lists as regexes: one entry a line, whole words, ``*`` endings, pronoun slots.

An entry matches as whole words with flexible spaces; a trailing ``*`` matches any ending
("idiot*" = idiots, idiotic); ``{obj}`` stands for him/her/them/you/he/she and ``{poss}`` for
his/her/their/your. A list compiles to one regex factored into a trie, so a long list costs
little more than a short one; the longest phrase wins. Needles (each entry's first literal
word) let the detector skip a list whose regex cannot match a post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNIT = re.compile(r"\(\?<!\[\\w\]\)|\(\?!\[\\w\]\)|\\s\+|\\w\*|\(\?:[^)]*\)|\\.|.", re.S)  # one regex unit of an entry
_PLACEHOLDERS = {"{obj}": "(?:him|her|them|you|he|she)", "{poss}": "(?:his|her|their|your)"}


def entry_pattern(entry: str) -> str:
    """One list entry as a regex: whole words, flexible spaces, a trailing ``*`` for any ending."""
    star = entry.endswith("*") and len(entry) > 1
    body = re.escape(entry[:-1] if star else entry)
    body = re.sub(r"(\\ )+", r"\\s+", body) + (r"\w*" if star else "")
    body = re.sub(r"(?<=n)'(?=t(?!\w))|(?<=\w)'(?=(?:s|ve)(?!\w))", "'?", body)  # "couldnt", "pigs ear", "couldve" as typed
    for key, alt in _PLACEHOLDERS.items():
        body = body.replace(re.escape(key), alt)
    head = r"(?<![\w])" if entry[0].isalnum() or entry[0] == "{" else ""
    tail = r"(?![\w])" if star or entry[-1].isalnum() or entry[-1] == "}" else ""
    return head + body + tail


def compile_list(entries: Iterable[str]) -> re.Pattern[str]:
    """The entries as one regex, factored into a trie (fast on long lists); the longest phrase wins."""
    trie: dict = {}
    for entry in set(entries):
        node = trie
        for unit in _UNIT.findall(entry_pattern(entry)):
            node = node.setdefault(unit, {})
        node[""] = {}
    return re.compile(_emit(trie) or r"(?!x)x")


def _emit(node: dict) -> str:
    """A trie node as a regex: longer continuations tried first, then ending here."""
    depth = lambda child: 1 + max((depth(c) for c in child.values()), default=0)  # noqa: E731
    alts = [unit + _emit(child) for unit, child in sorted(node.items(), key=lambda kv: -depth(kv[1])) if unit]
    if "" in node:
        alts.append("")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def entry_needle(entry: str) -> str:
    """The literal text every match of an entry starts with (its first word, up to any placeholder)."""
    return re.split(r"\s|\{|'", entry.removesuffix("*") if len(entry) > 1 else entry, maxsplit=1)[0]


def may_match(needles: tuple[str, ...] | None, text: str) -> bool:
    """False only when no needle occurs in the text, so the list's regex cannot match."""
    return needles is None or any(n in text for n in needles)


def list_needles(entries: Iterable[str]) -> tuple[str, ...] | None:
    """The needles of a list's entries, or None when an entry starts with a placeholder."""
    found = tuple({entry_needle(e) for e in entries})
    return None if "" in found else found
