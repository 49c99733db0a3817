"""``postlint doctor``: in plain words, what is installed, what is running, and what to do next."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from linter import __version__, paths

from .autostart import probe_health
from .install import InstallError, Target, manifest_paths
from .locations import BROWSERS, HOST_NAME


def manifest_state(path: Path) -> str:
    """What the manifest at ``path`` says: missing, unreadable, or which launcher it points at."""
    if not path.is_file():
        return "not installed"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        launcher = Path(data["path"])
    except (OSError, ValueError, KeyError, TypeError):
        return f"a broken manifest is at {path}"
    allowed = ", ".join(data.get("allowed_origins") or data.get("allowed_extensions") or [])
    if not launcher.is_file():
        return f"manifest {path} points at a missing launcher {launcher}"
    return f"installed ({path}; allows {allowed or 'nothing'})"


def browser_lines(target: Target) -> tuple[list[str], int]:
    """One line per browser, and how many have a working manifest."""
    lines, ready = [], 0
    for browser in BROWSERS:
        state = manifest_state(manifest_paths(browser, target, None))
        ready += state.startswith("installed")
        lines.append(f"  {browser:<9} {state}")
    return lines, ready


def service_lines(socket: Path, health: dict | None) -> list[str]:
    """What the service is doing."""
    if health is None:
        return [f"Service: not running on {socket} (the host starts it on demand)."]
    model, profile = health.get("model", {}), health.get("profile", {})
    lines = [
        f"Service: {health.get('status')} on {socket} (pid {health.get('pid')}, up {health.get('uptime_s')} s)",
        f"  model {model.get('name')} {model.get('version')}; profile {profile.get('name')} "
        f"version {profile.get('version')} from {profile.get('path')}",
    ]
    lines += [f"  profile problem: {p}" for p in profile.get("problems", [])]
    return lines


def next_steps(ready: int, health: dict | None) -> list[str]:
    """Advice that follows from what was found."""
    steps = []
    if not ready:
        steps.append("Run `postlint install-host --browser all` (or name your browser) to connect the extension.")
    if health is None:
        steps.append("Run `postlint serve` to start the service now, or just use the extension: it starts it.")
    elif health.get("profile", {}).get("problems"):
        steps.append("Fix the profile problems above; the last good profile keeps serving until then.")
    return steps or ["Nothing to do: the extension can reach the host and the service."]


def report(*, home: Path | None = None, socket: str | Path | None = None, system: str | None = None) -> str:
    """The whole report as text."""
    sock = paths.socket_path(socket)
    lines = [f"postlint {__version__} with Python {sys.executable}", f"Native host name: {HOST_NAME}"]
    try:
        target = Target.current(home, system)
        launcher = target.data / "postlint-host"
        lines.append(f"Host launcher: {'installed at ' + str(launcher) if launcher.is_file() else 'not installed'}")
        blines, ready = browser_lines(target)
        lines += ["Browsers:", *blines]
    except InstallError as exc:
        lines.append(f"Browsers: {exc}")
        ready = 0
    health = probe_health(sock)
    lines += service_lines(sock, health)
    token = paths.token_path(sock)
    if token.exists():
        lines.append(f"TCP token file: {token} (used only with `postlint serve --tcp`)")
    return "\n".join(lines + ["What to do next:", *(f"  - {s}" for s in next_steps(ready, health))]) + "\n"
