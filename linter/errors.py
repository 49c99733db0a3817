"""The one exception tree of postlint.

    PostlintError
     ├── ProfileError      the clerk's profile does not load (carries every problem)
     ├── InputError        the text to lint is unusable (not UTF-8, too large, bad field)
     └── ModelError        the NLP pipeline cannot be loaded
"""

from __future__ import annotations

from dataclasses import dataclass


class PostlintError(Exception):
    """Base class of every error postlint raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a clerk's file, reported as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ProfileError(PostlintError):
    """The profile folder has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class InputError(PostlintError):
    """The text or request to lint cannot be used as it is."""


class ModelError(PostlintError):
    """The NLP pipeline named in the configuration cannot be loaded."""
