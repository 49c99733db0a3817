"""A post: its text and the one spaCy parse that every detector shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts
    from spacy.tokens import Doc

    from .detect.mention import Mention
    from .nlp import Models


@dataclass(eq=False)
class Post:
    """The text being linted, parsed once; Presidio's artifacts are derived from the same parse."""

    text: str
    doc: Doc
    models: Models = field(repr=False)
    _found: dict = field(default_factory=dict, repr=False)

    @classmethod
    def parse(cls, text: str, models: Models) -> Post:
        """Parse ``text`` once with the shared pipeline."""
        return cls(text=text, doc=models.parse(text), models=models)

    @cached_property
    def artifacts(self) -> NlpArtifacts:
        """Presidio's NlpArtifacts for this parse (built on first use, never re-parsed)."""
        return self.models.artifacts(self.doc)

    def found(self, detector) -> tuple[Mention, ...]:
        """What ``detector`` finds in this post, computed once per detector type.

        Detectors of one linter share a profile, so a detector that needs another's findings
        (tone reads the listed people) reuses them instead of running the other again.
        """
        key = type(detector)
        if key not in self._found:
            self._found[key] = tuple(detector(self))
        return self._found[key]
