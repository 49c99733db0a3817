"""The rule pack: every rule, registered in this one explicit tuple (no import side effects).

Each module below owns a ``RULES`` tuple of ``Rule`` values; codes are stable and never reused.
Code blocks: PL1xx the council identified (4.1-4.4), PL2xx council-account mode (2.x) and
working hours (3.1), PL3xx conduct and tone (4.5, 4.7, 4.8), PL4xx people and personal data
(4.6), PL5xx confidential, security, photos and copyright (4.9, 5.1, 3.2, 4.10).
"""

from __future__ import annotations

from . import people
from . import conduct
from . import personal_data
from . import account, confidential, council
from . import classified, sensitive
from .base import MODES, Context, Rule, Warn, make_warn

RULES: tuple[Rule, ...] = (*people.RULES, *conduct.RULES, *personal_data.RULES, *council.RULES, *account.RULES, *confidential.RULES, *sensitive.RULES, *classified.RULES)


def rule_keys() -> set[str]:
    """Every code and name, for validating the profile's ``[rules]`` table."""
    return {r.code for r in RULES} | {r.name for r in RULES}


def find_rule(key: str) -> Rule | None:
    """The rule with this code or name (case-insensitive)."""
    key = key.lower()
    return next((r for r in RULES if key in (r.code.lower(), r.name.lower())), None)


__all__ = ["MODES", "RULES", "Context", "Rule", "Warn", "find_rule", "make_warn", "rule_keys"]
