"""The linter: text in, warnings out. Models and profile are loaded once and passed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import rules as rulepack
from .detect import DETECTORS, Mention
from .errors import InputError
from .nlp import Models, load_models
from .post import Post
from .profile import DEMO_PROFILE, Profile, load_profile
from .rules import Context, Rule, make_warn
from .spans import non_overlapping
from .warning import PolicyWarning

MAX_CHARS = 65_000  # the longest social post: Facebook allows 63,206 characters
MODES = rulepack.MODES


def load_rules_profile(folder: str | Path | None = None) -> Profile:
    """Load the clerk's profile (the bundled demo when ``folder`` is None), validating ``[rules]``."""
    return load_profile(folder or DEMO_PROFILE, rule_keys=rulepack.rule_keys())


@dataclass(frozen=True, slots=True)
class Linter:
    """A profile and the models, with every detector built for that profile."""

    models: Models
    profile: Profile
    detectors: tuple = ()
    rules: tuple[Rule, ...] = ()

    @classmethod
    def build(cls, models: Models, profile: Profile) -> Linter:
        """Build each detector once for this profile; keep the rules the profile leaves on."""
        active = tuple(
            r for r in rulepack.RULES
            if r.check is not None and not profile.rules.is_disabled(r.code, r.name)
        )
        return cls(models, profile, build_detectors(models, profile), active)

    def mentions(self, post: Post) -> tuple[Mention, ...]:
        """Everything every detector finds, in text order."""
        found = (m for detector in self.detectors for m in post.found(detector))
        return tuple(sorted(found, key=lambda m: (m.start, -m.end, m.kind)))

    def lint(
        self,
        text: str,
        *,
        mode: str = "personal",
        at: datetime | None = None,
        author: str | None = None,
    ) -> tuple[PolicyWarning, ...]:
        """Lint one post; warnings in text order, overlapping ones of a clause merged."""
        check_input(text, mode)
        if not text.strip():
            return ()
        return self.check(self.context(text, mode=mode, at=at, author=author))

    def context(self, text: str, *, mode: str = "personal", at: datetime | None = None,
                author: str | None = None) -> Context:
        """What the rules read for one post: its text, every detector's mentions and the request (the time now
        when the request gives none)."""
        post = Post.parse(text, self.models)
        return Context(text, self.mentions(post), mode, at or datetime.now(timezone.utc), author, self.profile)

    def check(self, ctx: Context) -> tuple[PolicyWarning, ...]:
        """Every active rule of the post's mode on one context; overlapping warnings of a clause merged."""
        found = []
        for rule in self.rules:
            if ctx.mode in rule.modes:
                override = self.profile.rules.severity_for(rule.code, rule.name)
                found.extend(rule.check(ctx, make_warn(rule, ctx.text, override)))
        return merge(found)


def build_detectors(models: Models, profile: Profile) -> tuple:
    """Each detector of ``DETECTORS`` once, in order; one that reads another's findings is handed that one.

    A detector class lists what it uses in ``USES`` (``{"people": PeopleDetector}``), so the
    linter builds a single people matcher and the tone detector shares it.
    """
    built: list = []
    for kind in DETECTORS:
        uses = {name: next(d for d in built if isinstance(d, used)) for name, used in getattr(kind, "USES", {}).items()}
        built.append(kind(models, profile, **uses))
    return tuple(built)


def check_input(text: object, mode: object) -> None:
    """Refuse what cannot be linted, with a message that says why."""
    if not isinstance(text, str):
        raise InputError("text must be a string")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("text is not valid Unicode (it holds an unpaired surrogate)") from None
    if len(text) > MAX_CHARS:
        raise InputError(f"text is {len(text):,} characters; postlint lints posts of up to {MAX_CHARS:,}")
    if mode not in MODES:
        raise InputError(f"mode must be one of {', '.join(MODES)}")


def merge(warnings: Iterable[PolicyWarning]) -> tuple[PolicyWarning, ...]:
    """One warning per overlapping cluster of a clause: the most severe, then the longest."""
    by_clause: dict[str, list[PolicyWarning]] = {}
    for w in warnings:
        by_clause.setdefault(w.clause, []).append(w)
    kept = [
        k
        for group in by_clause.values()
        for k in non_overlapping(group, priority=_merge_priority, span=lambda w: (w.start, w.end))
    ]
    return tuple(sorted(kept, key=lambda w: (w.start, w.end, w.code)))


def _merge_priority(w: PolicyWarning) -> tuple:
    """Most severe first, then longest, then earliest, then by code (deterministic)."""
    return (-w.severity.rank, -(w.end - w.start), w.start, w.code)


def load_linter(profile: str | Path | None = None, *, pipeline: str | None = None) -> Linter:
    """Load the models and the profile and build a linter (what the CLI and service do once)."""
    return Linter.build(load_models(pipeline), load_rules_profile(profile))
