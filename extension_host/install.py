"""Opt-in, per-user install of the native messaging host: no admin rights, nothing system-wide.

``install`` writes a launcher script that runs ``postlint-host`` with this Python
environment, and one host manifest per chosen browser pointing at it; it records what it
wrote (with a digest of each file) so ``uninstall`` removes exactly that, and nothing a
person changed since. Both are idempotent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from .locations import CHROMIUM_FAMILY, HOST_NAME, data_home, expand_browsers, manifest_dir

DEFAULT_EXTENSION_ID = "endnbiacfdanoemehlleodemckefnngp"  # from extension/manifest.json "key"
DEFAULT_FIREFOX_ID = "postlint@postlint.invalid"
DESCRIPTION = "postlint: warns before a social media post breaks the council's policy"
RECORD = "installed.json"


class InstallError(Exception):
    """The host cannot be installed here (an unsupported platform, say)."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where to install: the user's home (or a test's) and the platform's conventions."""

    home: Path
    system: str

    @classmethod
    def current(cls, home: Path | None = None, system: str | None = None) -> Target:
        """This user on this platform (``home`` and ``system`` overridable for tests)."""
        system = system or {"linux": "linux", "darwin": "darwin"}.get(sys.platform, sys.platform)
        if system not in ("linux", "darwin"):
            raise InstallError("automatic install supports Linux and macOS; see docs/service.md for Windows")
        return cls(Path(home) if home else Path.home(), system)

    @property
    def data(self) -> Path:
        """postlint's per-user data folder."""
        return data_home(self.home, self.system)


def extension_id_from_key(key: str) -> str:
    """Chromium's extension id for a manifest ``key``: sha256 of the DER key, first 32 hex as a-p."""
    digest = hashlib.sha256(base64.b64decode(key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def launcher_text(*, profile: str | None = None, socket: str | None = None) -> str:
    """A POSIX shell launcher that runs the host with this interpreter (absolute paths)."""
    lines = ["#!/bin/sh", "# postlint native messaging host launcher, written by `postlint install-host`.",
             "# `postlint uninstall-host` removes it."]
    for name, value in (("POSTLINT_PROFILE", profile), ("POSTLINT_SOCKET", socket)):
        if value:
            lines.append(f"{name}={shlex.quote(str(Path(value).resolve()))}; export {name}")
    lines.append(f'exec {shlex.quote(sys.executable)} -m extension_host.host "$@"')
    return "\n".join(lines) + "\n"


def manifest(browser: str, launcher: Path, *, extension_id: str, firefox_id: str) -> dict:
    """The host manifest for one browser (Firefox allows extensions, Chromium origins)."""
    out = {"name": HOST_NAME, "description": DESCRIPTION, "path": str(launcher), "type": "stdio"}
    if browser == "firefox":
        out["allowed_extensions"] = [firefox_id]
    else:
        out["allowed_origins"] = [f"chrome-extension://{extension_id}/"]
    return out


def manifest_paths(browser: str, target: Target, user_data_dir: Path | None) -> Path:
    """The manifest file for ``browser``: in ``user_data_dir`` when given (a Chromium profile)."""
    if user_data_dir is not None and browser in CHROMIUM_FAMILY:
        return Path(user_data_dir) / "NativeMessagingHosts" / f"{HOST_NAME}.json"
    return manifest_dir(browser, home=target.home, system=target.system) / f"{HOST_NAME}.json"


def digest(data: bytes) -> str:
    """The sha256 of what was written, to recognise our own files later."""
    return hashlib.sha256(data).hexdigest()


def write_file(path: Path, data: bytes, *, mode: int) -> str:
    """Write ``data`` atomically with ``mode``; its digest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.chmod(tmp, mode)
    os.replace(tmp, path)
    return digest(data)


def load_record(target: Target) -> dict:
    """What earlier installs wrote: ``{"files": {path: {"digest", "browser"}}}``."""
    try:
        record = json.loads((target.data / RECORD).read_text(encoding="utf-8"))
        return record if isinstance(record.get("files"), dict) else {"files": {}}
    except (OSError, ValueError, AttributeError):
        return {"files": {}}


def save_record(target: Target, record: dict) -> None:
    """Keep the record, or remove it when nothing is installed any more."""
    path = target.data / RECORD
    if record["files"]:
        write_file(path, json.dumps(record, indent=2).encode("utf-8"), mode=0o600)
    elif path.exists():
        path.unlink()


def install(
    browsers=("all",),
    *,
    extension_id: str | None = None,
    firefox_id: str | None = None,
    profile: str | None = None,
    socket: str | None = None,
    home: Path | None = None,
    system: str | None = None,
    user_data_dir: Path | None = None,
) -> list[Path]:
    """Write the launcher and each browser's manifest; the files written (same on a re-run)."""
    target = Target.current(home, system)
    chosen = expand_browsers(browsers)
    record = load_record(target)
    launcher = target.data / "postlint-host"
    written = [launcher]
    record["files"][str(launcher)] = {"browser": "", "digest": write_file(
        launcher, launcher_text(profile=profile, socket=socket).encode("utf-8"), mode=0o700)}
    for browser in chosen:
        path = manifest_paths(browser, target, user_data_dir)
        body = manifest(browser, launcher, extension_id=extension_id or DEFAULT_EXTENSION_ID,
                        firefox_id=firefox_id or DEFAULT_FIREFOX_ID)
        data = (json.dumps(body, indent=2) + "\n").encode("utf-8")
        record["files"][str(path)] = {"browser": browser, "digest": write_file(path, data, mode=0o644)}
        written.append(path)
    save_record(target, record)
    return written


def uninstall(browsers=("all",), *, home: Path | None = None, system: str | None = None) -> list[Path]:
    """Remove the manifests (and, once none is left, the launcher) that ``install`` wrote."""
    target = Target.current(home, system)
    chosen = set(expand_browsers(browsers))
    record = load_record(target)
    files = record["files"]
    doomed = [p for p, info in files.items() if info.get("browser") in chosen]
    if not any(info.get("browser") for p, info in files.items() if p not in doomed):
        doomed += [p for p, info in files.items() if not info.get("browser")]
    removed = [Path(p) for p in doomed if remove_if_ours(Path(p), files.pop(p)["digest"])]
    save_record(target, record)
    return removed


def remove_if_ours(path: Path, expected: str) -> bool:
    """Delete ``path`` if it still holds exactly what we wrote; True if deleted."""
    try:
        if digest(path.read_bytes()) != expected:
            return False
        path.unlink()
        return True
    except OSError:
        return False


def installed(*, home: Path | None = None, system: str | None = None) -> list[tuple[str, Path]]:
    """``(browser, path)`` for every recorded file still as written ("launcher" for the launcher)."""
    target = Target.current(home, system)
    out = []
    for p, info in load_record(target)["files"].items():
        path = Path(p)
        if path.is_file() and digest(path.read_bytes()) == info.get("digest"):
            out.append((info.get("browser") or "launcher", path))
    return out
