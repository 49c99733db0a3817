"""The one vocabulary type for a warning, shared by every part of postlint."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How sure the linter is that the post breaks the policy."""

    ERROR = "error"  # a breach as written
    WARNING = "warning"  # likely a breach
    INFO = "info"  # worth a second look

    @property
    def rank(self) -> int:
        """Higher is more severe (for merging and sorting)."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class PolicyWarning:
    """One warning: a half-open span of code points in the post and what the policy says of it."""

    code: str
    rule: str
    clause: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = field(default=())
    entity: str | None = None

    def to_dict(self) -> dict:
        """The JSON shape of ``INTERFACES.md`` (code-point offsets only)."""
        out = {
            "rule": self.rule,
            "code": self.code,
            "clause": self.clause,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
        if self.entity:
            out["entity"] = self.entity
        return out
