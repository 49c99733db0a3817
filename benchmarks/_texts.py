"""Deterministic benchmark posts of a given length, made from realistic British sentences."""

from __future__ import annotations

import random

SENTENCES = (
    "Lovely walk along the Nene this evening, the swans were out in force 🦢",
    "Great quiz night at the Kings Arms with Dan Okafor and the gang!",
    "Ring me on 07700 900123 if you want tickets for Saturday.",
    "Council tax went up again, but at least the bins get collected.",
    "Can't believe the trains are cancelled AGAIN, absolutely shambolic.",
    "Edith from number 14 Oundle Road brought round a cake, so kind.",
    "Off to Kettering for the match, come on you Poppies ⚽",
    "Drafting the minutes for Tuesday's committee, send coffee.",
    "Anyone know a good plumber near NN14? Mail me at jo.bloggs@example.co.uk",
    "Caught a pike at the lake this morning, biggest one yet!",
    "Happy birthday to my wonderful mum, 70 today 🎂",
    "The new bakery on the High Street does amazing sourdough.",
)


def make_posts(length: int, count: int, *, seed: int = 7) -> list[str]:
    """``count`` posts of exactly ``length`` code points (sentences joined, then cut at a space)."""
    rng = random.Random(seed)
    posts = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < length:
            parts.append(rng.choice(SENTENCES))
        text = " ".join(parts)[:length]
        posts.append(text)
    return posts
