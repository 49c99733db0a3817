"""Where each browser looks for per-user native messaging host manifests.

Linux and macOS read a JSON file named after the host in a per-user folder; Windows reads a
registry key under ``HKEY_CURRENT_USER`` whose default value is the manifest's path (those
keys are listed in ``WINDOWS_KEYS`` and in docs/service.md; the installer does not write
the registry).
"""

from __future__ import annotations

import os
from pathlib import Path

HOST_NAME = "org.postlint.host"
BROWSERS = ("chrome", "chromium", "edge", "brave", "vivaldi", "firefox")
CHROMIUM_FAMILY = BROWSERS[:-1]

# Per browser: the folder under ~/.config on Linux, under ~/Library/Application Support on macOS.
USER_DIRS = {
    "chrome": ("google-chrome", "Google/Chrome"),
    "chromium": ("chromium", "Chromium"),
    "edge": ("microsoft-edge", "Microsoft Edge"),
    "brave": ("BraveSoftware/Brave-Browser", "BraveSoftware/Brave-Browser"),
    "vivaldi": ("vivaldi", "Vivaldi"),
}

WINDOWS_KEYS = {
    "chrome": r"HKCU\Software\Google\Chrome\NativeMessagingHosts",
    "chromium": r"HKCU\Software\Chromium\NativeMessagingHosts",
    "edge": r"HKCU\Software\Microsoft\Edge\NativeMessagingHosts",
    "brave": r"HKCU\Software\BraveSoftware\Brave-Browser\NativeMessagingHosts",
    "vivaldi": r"HKCU\Software\Vivaldi\NativeMessagingHosts",
    "firefox": r"HKCU\Software\Mozilla\NativeMessagingHosts",
}


def expand_browsers(names) -> tuple[str, ...]:
    """The browsers named (``all`` meaning every one), in a fixed order; ValueError for others."""
    names = {n.lower() for n in names}
    unknown = names - set(BROWSERS) - {"all"}
    if unknown:
        raise ValueError(f"unknown browser {', '.join(sorted(unknown))}; use {'|'.join(BROWSERS)}|all")
    return BROWSERS if "all" in names else tuple(b for b in BROWSERS if b in names)


def manifest_dir(browser: str, *, home: Path, system: str) -> Path:
    """The per-user folder where ``browser`` reads host manifests on ``system`` (linux|darwin)."""
    if system == "darwin":
        support = home / "Library" / "Application Support"
        if browser == "firefox":
            return support / "Mozilla" / "NativeMessagingHosts"
        return support / USER_DIRS[browser][1] / "NativeMessagingHosts"
    if browser == "firefox":
        return home / ".mozilla" / "native-messaging-hosts"
    return config_home(home) / USER_DIRS[browser][0] / "NativeMessagingHosts"


def config_home(home: Path) -> Path:
    """``$XDG_CONFIG_HOME`` for the real home (Chromium browsers honour it), else ``home/.config``."""
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and home == Path.home():
        return Path(xdg)
    return home / ".config"


def data_home(home: Path, system: str) -> Path:
    """Where postlint keeps its launcher and install record for this user."""
    if system == "darwin":
        return home / "Library" / "Application Support" / "postlint"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and home == Path.home() else home / ".local" / "share"
    return base / "postlint"
