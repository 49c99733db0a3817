"""Clauses read by the trained classifier (``linter/detect/classifier.py``), as a second look.

The hand-written rules catch the wording their authors foresaw; the classifier, trained on
whole posts, catches some of the rest. Each rule here reads the classifier's mention for its
clause (emitted only when the post's score reaches the clause's cross-validated threshold,
chosen for precision >= 0.9) and says, at ``info``, that the highlighted sentence reads like
a breach. It stays quiet when the mentions the clause's own rules read are already present,
so a post the rules flag is not flagged twice on a different span.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..detect.mention import Mention
from ..warning import PolicyWarning, Severity
from .base import Context, Rule, Warn

NEGATIVE_TONE = ("insult", "profanity", "negative", "protected", "bullying")


def _aimed_tone(m: Mention) -> bool:
    """A negative tone mention of any kind (what 4.5/4.7/4.8 read): the word-list rules have it in hand."""
    return m.kind == "tone" and m.label in NEGATIVE_TONE


def _classified(ctx: Context, clause: str, covered: Callable[[Mention], bool]) -> Mention | None:
    """The classifier's mention for ``clause``, unless the clause's own rules already have evidence."""
    found = ctx.of("classifier", label=clause)
    if not found or any(covered(m) for m in ctx.mentions):
        return None
    return found[0]


def classified_derogatory(ctx: Context, warn: Warn) -> Iterator[PolicyWarning]:
    """Flags, at ``info``, a post that the trained classifier reads as negative about the council or its people.

    A second look for the criticism that the word lists of ``derogatory-remark`` miss ("the
    council never gets anything right"). It fires only when the
    post's classifier score reaches the threshold that cross-validation chose for precision
    0.9, and only when the tone detector found no negative word at all (then the conduct rules
    speak instead). The highlighted sentence is the one that scores highest.

    Why: clause 4.7 — no "derogatory, offensive, discriminatory, untrue, negative, critical
    or defamatory comments about the council or its people", even when they are not named
    but can be identified.

    Flagged: Honestly the council never gets anything right.
    Flagged: council never answers emails, why do we even bother
    Okay: Lovely walk by the river this morning, the leaves are gorgeous.
    Okay: Our clerk is amazing, she sorted everything out in an hour.

    Instead: leave the council and its people out of it; raise concerns with the Clerk.

    Profile: none (``models/classifier/``; switch the rule off or change its severity in ``[rules]``).
    """
    if m := _classified(ctx, "4.7", _aimed_tone):
        yield warn(m.start, m.end, "This reads like a negative or critical remark about the council or its people "
                   f"(classifier score {m.score:.2f}): the policy asks for none, even unnamed.",
                   suggestions=("raise it with the Clerk instead of posting",))


RULES: tuple[Rule, ...] = (
    Rule("PL347", "classified-derogatory", "4.7", Severity.INFO, classified_derogatory),
)
