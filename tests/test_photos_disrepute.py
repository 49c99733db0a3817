"""Photos of colleagues and news about them (3.2), reposts (4.10), blocked links and accusations (4.3)."""

from __future__ import annotations

from datetime import datetime

import pytest

from linter.detect.blocked_links import BlockedLinkDetector
from linter.rules.photos import word_regex

SATURDAY = datetime.fromisoformat("2026-11-21T19:00:00+00:00")


def spans(linter, text: str, code: str) -> list[str]:
    """The texts a rule's warnings cover in one personal post, written on a Saturday evening."""
    return [text[w.start:w.end] for w in linter.lint(text, mode="personal", at=SATURDAY) if w.code == code]


def test_news_list_matches_whole_words_and_numbers():
    """The colleague-news list matches whole words, "*" endings and "$NUM" numbers."""
    regex = word_regex("colleague_news")
    found = [m.group() for m in regex.finditer("Tom turns 60 today, off with stress, divorced, a cooperation")]
    assert found == ["turns 60", "off with stress", "divorced"]


class FakePost:
    """Only the text, which is all the blocked-link detector reads."""

    def __init__(self, text: str):
        self.text = text


class FakeProfile:
    """A profile with one clerk-listed domain."""

    blocked_domains = ("gossipthrapston.example",)


@pytest.mark.parametrize(("text", "found"), [
    ("stream's up 👉 crackstreams dot ch, ignore the pop ups", ["crackstreams dot ch"]),
    ("Who's been on gossipthrapston dot example?", ["gossipthrapston dot example"]),
    ("redtube link in the comments", ["redtube"]),
    ("the river dot com is not a site", []),
    ("a red tube link for the boiler", []),
    ("free bets at royalcasino-online.net tonight", ["royalcasino-online.net"]),
])
def test_blocked_links_spoken_and_named(text, found):
    """Links written with " dot ", and listed sites named before "link", are blocked; ordinary words are not."""
    detector = BlockedLinkDetector(None, FakeProfile())
    assert [m.text for m in detector(FakePost(text))] == found


@pytest.mark.model
@pytest.mark.parametrize(("text", "code", "found"), [
    ("Our brilliant grounds team at the Bloom awards last night 📸", "PL520", ["Our brilliant grounds team at the Bloom awards last night 📸"]),
    ("Sarah's pregnant again, so that's the rota gone.", "PL520", ["Sarah's pregnant"]),
    ("My sister Sarah is pregnant again!", "PL520", []),
    ("📸 our Molly in her new raincoat, she hates it 🐶", "PL521", []),
    ("Photo of the volunteers who planted the bulbs", "PL521", ["Photo of the volunteers"]),
    ("Nicked this sunset pic off someone on insta, too good not to share", "PL530", ["Nicked this sunset pic off someone on insta"]),
    ("Found this great café on google maps, lovely scones", "PL530", []),
    ("The town council is a closed shop. Brown envelopes all round.", "PL122", ["Brown envelopes"]),
    ("Brown envelopes all round at the golf club, apparently.", "PL122", []),
    ("Video of the punch-up outside the pub, absolute carnage", "PL123", ["Video of the punch-up"]),
])
def test_rule_spans(linter, text, code, found):
    """Each rule covers exactly these spans of these posts."""
    assert spans(linter, text, code) == found
