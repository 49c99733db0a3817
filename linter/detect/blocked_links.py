"""Links to blocked sites: the built-in list of adult, gambling, gore and piracy domains, the
clerk's own ``[links] blocked_domains``, and host names built round a blocked keyword.

A link is a URL or a bare domain (``bet365.com``); its host is blocked when it is a listed
domain or a subdomain of one, or when one of the host's labels contains a keyword of
``links_blocked_keywords.txt`` ("casino" in ``royalcasino-online.net``). Mentions are
``kind="phrase"``, ``label="blocked-link"``; ``evidence`` is the listed domain or keyword, or
``profile`` for the clerk's list. A link written with " dot " ("crackstreams dot ch") counts
too, and so does a listed adult, gambling or piracy site named by itself before "link" or
"site" ("redtube link in the comments").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..assets import read_lines
from .mention import Mention

LINK = re.compile(
    r"(?<![\w@.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w@-])(?:[/?#][^\s<>\"')\]]*)?",
    re.IGNORECASE,
)
SPOKEN = re.compile(r"(?<![\w.-])((?:[a-z0-9][a-z0-9-]*\s+dot\s+)+[a-z]{2,})(?![\w-])(?:/[^\s<>\"')\]]*)?", re.IGNORECASE)
NAMED = re.compile(r"(?<![\w.-])([a-z0-9][a-z0-9-]{3,})(?=\s+(?:link|links|site|website)\b)", re.IGNORECASE)


class BlockedLinkDetector:
    """Finds links whose host is on a blocked list or carries a blocked keyword."""

    def __init__(self, models, profile):
        self.domains = {d.lower(): "built-in list" for d in read_lines("links_blocked")}
        self.domains.update({d.lower(): "profile" for d in profile.blocked_domains})
        self.keywords = tuple(k.lower() for k in read_lines("links_blocked_keywords"))

    def __call__(self, post) -> Iterator[Mention]:
        for m in LINK.finditer(post.text):
            text = m.group().rstrip(".,;:!?")
            if reason := self.blocked(m.group(1).lower()):
                yield Mention("phrase", m.start(), m.start() + len(text), text, label="blocked-link", evidence=reason)
        for m in SPOKEN.finditer(post.text):
            if reason := self.blocked(re.sub(r"\s+dot\s+", ".", m.group(1).lower())):
                yield Mention("phrase", m.start(), m.end(), m.group(), label="blocked-link", evidence=reason)
        for m in NAMED.finditer(post.text):
            if reason := self.named(m.group(1).lower()):
                yield Mention("phrase", m.start(), m.end(), m.group(), label="blocked-link", evidence=reason)

    def named(self, word: str) -> str:
        """The listed domain whose name (without its ending) is ``word`` ("redtube"), or ""."""
        return next((d for d in self.domains if d.partition(".")[0] == word and "." not in d.partition(".")[2]), "")

    def blocked(self, host: str) -> str:
        """Why a host is blocked ("profile", the listed domain, the keyword), or ""."""
        labels = host.split(".")
        for i in range(len(labels) - 1):
            if (suffix := ".".join(labels[i:])) in self.domains:
                return "profile" if self.domains[suffix] == "profile" else suffix
        return next((k for k in self.keywords for label in labels[:-1] if k in label), "")
