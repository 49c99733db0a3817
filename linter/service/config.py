"""The service's settings, fixed at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MAX_BODY = 256 * 1024


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """What the service serves and the limits it keeps.

    ``profile`` None means the bundled demo profile. ``token`` and ``allowed_hosts`` are set
    only when listening on TCP; a request there needs both the token and an allowed Host.
    """

    profile: Path | None = None
    pipeline: str | None = None
    max_body: int = MAX_BODY
    queue_size: int = 32
    workers: int = 1
    budget_s: float = 15.0
    reload_interval_s: float = 1.0
    token: str | None = None
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)
