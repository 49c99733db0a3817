"""What a rule is, and what it reads.

A rule is a small pure function ``check(ctx, warn)`` yielding ``PolicyWarning`` values made by
``warn(start, end, message, suggestions=..., entity=...)``. Its docstring is its only
documentation, in fixed sections: what it flags, why the policy cares (quoting the clause),
``Flagged:`` and ``Okay:`` example lines that the test suite runs, what to write instead, and
the profile settings that feed it. An example line may carry options in brackets:
``Flagged [mode=council author=Kevin Doyle at=2026-11-23T10:30+00:00]: text``.

A reading of the post that several rules share (who is accused, which addresses are the
writer's, whether the post is aimed at the council) is a function of the context decorated
with ``per_post``, so that it is made once a post however many rules ask.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, TypeVar

from ..detect.mention import Mention
from ..profile import Profile
from ..warning import PolicyWarning, Severity

MODES = ("personal", "council")


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule may read: the text, the mentions found in it, and the request."""

    text: str
    mentions: tuple[Mention, ...]
    mode: str
    at: datetime
    author: str | None
    profile: Profile
    readings: dict = field(default_factory=dict, compare=False, repr=False)  # see ``per_post``

    def of(self, *kinds: str, label: str | None = None) -> tuple[Mention, ...]:
        """The mentions of the given kinds (and label, when given), in text order."""
        return tuple(
            m for m in self.mentions if m.kind in kinds and (label is None or m.label == label)
        )

    def is_author(self, m: Mention) -> bool:
        """True when the mention is the request's author: their listed row (by any form: "Raj", "Bill (caretaker)", their
        role, "As your Chairman"), their full name, their first name alone ("Helen x") or their surname closing a name
        ("Vote Patel"). A writer's own name is no one else's personal data."""
        if not self.author:
            return False
        author = " ".join(self.author.split()).casefold()
        if m.person is not None:
            return m.person.name.casefold() == author
        words, own = m.text.casefold().split(), author.split()
        return bool(words) and (words == own or words == own[:1] or len(own) > 1 and words[-1] == own[-1])


T = TypeVar("T")


def per_post(reading: Callable[[Context], T]) -> Callable[[Context], T]:
    """A reading of the post that several rules share ("who is accused", "which addresses are the writer's"), made
    once a post however many rules ask: the first call stores it in the context, later ones read it back."""

    @functools.wraps(reading)
    def once(ctx: Context) -> T:
        if reading not in ctx.readings:
            ctx.readings[reading] = reading(ctx)
        return ctx.readings[reading]

    return once


class Warn(Protocol):
    """The factory a rule calls to make a warning with its own code, clause and severity."""

    def __call__(
        self,
        start: int,
        end: int,
        message: str,
        *,
        suggestions: Iterable[str] = (),
        entity: str | None = None,
        severity: Severity | None = None,
    ) -> PolicyWarning: ...


Check = Callable[[Context, Warn], Iterable[PolicyWarning]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity (stable code and name), the clause it enforces and its check."""

    code: str
    name: str
    clause: str
    severity: Severity
    check: Check | None  # None for guidance-only entries (no text check)
    modes: tuple[str, ...] = MODES
    summary: str = ""

    @property
    def doc(self) -> str:
        """The rule's documentation: its check's docstring (or the summary for guidance)."""
        return inspect.getdoc(self.check) if self.check else self.summary

    def examples(self) -> list[tuple[str, dict[str, str], str]]:
        """``(kind, options, text)`` for every ``Flagged:``/``Okay:`` line of the docstring."""
        pattern = re.compile(r"^\s*(Flagged|Okay)(?:\s*\[([^\]]*)\])?:\s?(.*)$")
        out = []
        for line in self.doc.splitlines():
            if m := pattern.match(line):
                opts = dict(kv.split("=", 1) for kv in (m.group(2) or "").split(" ") if "=" in kv)
                out.append((m.group(1), {k: v.replace("_", " ") if k == "author" else v for k, v in opts.items()}, m.group(3)))
        return out


def around(*mentions: Mention) -> tuple[int, int]:
    """The span that covers these mentions: a finding and whom it is about ("A photo of … Tom Stone")."""
    return min(m.start for m in mentions), max(m.end for m in mentions)


def make_warn(rule: Rule, text: str, override: Severity | None = None) -> Warn:
    """Bind a rule's identity to a warning factory for one post.

    A check may ask for a different severity for one warning (a weaker match, say); the
    clerk's override in the profile, when set, wins over both.
    """

    def warn(start, end, message, *, suggestions=(), entity=None, severity=None):
        return PolicyWarning(
            code=rule.code,
            rule=rule.name,
            clause=rule.clause,
            severity=override or severity or rule.severity,
            start=start,
            end=end,
            text=text[start:end],
            message=message,
            suggestions=tuple(suggestions),
            entity=entity,
        )

    return warn
