"""What detectors find in a post: the one type every detector returns and every rule reads."""

from __future__ import annotations

from dataclasses import dataclass

from ..profile import Person


@dataclass(frozen=True, slots=True)
class Mention:
    """Something found in the text: what it is, where (half-open code points) and how it was found.

    ``kind`` says which detector family found it (see ``KINDS``); ``label`` refines it (the
    phrase category, the tone, the council item); ``entity`` is the personal-data type when the
    mention is personal data (``PERSON``, ``PHONE_NUMBER`` …); ``person`` is the clerk's row when
    the mention is a listed person or firm; ``evidence`` says how it matched (``exact``,
    ``nickname``, ``typo``, ``handle``, ``role`` …) for explanations.
    """

    kind: str
    start: int
    end: int
    text: str
    label: str = ""
    entity: str | None = None
    person: Person | None = None
    score: float = 1.0
    evidence: str = ""

    def overlaps(self, other: Mention) -> bool:
        """True when the two spans share at least one code point."""
        return self.start < other.end and other.start < self.end


# The kinds detectors emit. A detector owns its kinds; rules read them.
KINDS = {
    "listed-person": "a person or firm on the clerk's list (person set)",
    "listed-role": "a role that identifies one listed person, e.g. 'our groundsman' (person set)",
    "person": "a person name that is on no list (entity PERSON)",
    "pii": "personal data found by Presidio or UK recognizers (entity set)",
    "council": "the council itself: label name|alias|email-domain|web-domain|address|place",
    "link": "a URL or bare domain; label is the registered domain",
    "phrase": "a phrase from a documented list; label is the list's name",
    "tone": "negativity, insults, profanity; label says which",
    "classifier": "a clause the trained classifier scores at or above its threshold; label is the clause id, score the probability",
}
