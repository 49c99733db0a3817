"""The engine the service lints with: the current linter and what is built once per profile.

The rule list of ``/v1/rules`` depends on the profile (``[rules]`` switches rules off and sets
severities), so it is built once when a linter is swapped in, not per request. Only the event
loop's thread swaps, so a handler always sees a linter and a rule list of the same profile.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..lint import Linter
from ..profile import RuleSettings
from ..rules import RULES, Rule


@dataclass(slots=True)
class Engine:
    """The current linter, its ``/v1/rules`` body, and the problems of the latest reload."""

    linter: Linter
    rules_body: str = field(init=False)
    problems: tuple[str, ...] = ()
    reloads: int = 0
    stamp: tuple = ()

    def __post_init__(self) -> None:
        self.rules_body = rules_body(self.linter)

    def swap(self, linter: Linter) -> None:
        """Serve ``linter`` (a clean reload): its rule list is built now, and problems are cleared."""
        self.linter, self.rules_body = linter, rules_body(linter)
        self.problems = ()
        self.reloads += 1


def rules_body(linter: Linter) -> str:
    """The JSON reply of ``/v1/rules`` for a linter: every rule as this profile sets it."""
    active = {r.code for r in linter.rules}
    settings = linter.profile.rules
    return json.dumps({"rules": [rule_dict(r, settings, r.code in active) for r in RULES]}, ensure_ascii=False)


def rule_dict(rule: Rule, settings: RuleSettings, enabled: bool) -> dict:
    """One rule as JSON: ``severity`` is the profile's (``default_severity`` the rule's own)."""
    severity = settings.severity_for(rule.code, rule.name) or rule.severity
    return {
        "code": rule.code,
        "name": rule.name,
        "clause": rule.clause,
        "severity": severity.value,
        "default_severity": rule.severity.value,
        "modes": list(rule.modes),
        "enabled": enabled,
        "doc": rule.doc,
    }
