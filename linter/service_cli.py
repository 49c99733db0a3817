"""The service-side subcommands of ``postlint``: serve, install-host, uninstall-host, doctor."""

from __future__ import annotations


def add_service_commands(sub) -> None:
    """Register ``serve``, ``install-host``, ``uninstall-host`` and ``doctor`` (filled in by the service)."""
