"""Opt-in, per-user install of the native host manifests, uninstall, and doctor (no model)."""

from __future__ import annotations

import json
import os
import stat
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from extension_host import doctor, framing
from extension_host.install import (
    DEFAULT_EXTENSION_ID,
    DEFAULT_FIREFOX_ID,
    InstallError,
    extension_id_from_key,
    install,
    installed,
    uninstall,
)
from extension_host.locations import HOST_NAME

REPO = Path(__file__).resolve().parents[1]
NAME = f"{HOST_NAME}.json"

LINUX = {
    "chrome": ".config/google-chrome/NativeMessagingHosts",
    "chromium": ".config/chromium/NativeMessagingHosts",
    "edge": ".config/microsoft-edge/NativeMessagingHosts",
    "brave": ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "vivaldi": ".config/vivaldi/NativeMessagingHosts",
    "firefox": ".mozilla/native-messaging-hosts",
}
MACOS = {
    "chrome": "Library/Application Support/Google/Chrome/NativeMessagingHosts",
    "chromium": "Library/Application Support/Chromium/NativeMessagingHosts",
    "edge": "Library/Application Support/Microsoft Edge/NativeMessagingHosts",
    "brave": "Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
    "vivaldi": "Library/Application Support/Vivaldi/NativeMessagingHosts",
    "firefox": "Library/Application Support/Mozilla/NativeMessagingHosts",
}


@pytest.mark.parametrize(("system", "table", "launcher"), [
    ("linux", LINUX, ".local/share/postlint/postlint-host"),
    ("darwin", MACOS, "Library/Application Support/postlint/postlint-host"),
])
def test_install_all_writes_each_browsers_per_user_manifest(tmp_path, system, table, launcher):
    """``all`` writes the launcher and one manifest per browser, at that platform's per-user path."""
    written = install(["all"], home=tmp_path, system=system)
    expected = [tmp_path / launcher] + [tmp_path / folder / NAME for folder in table.values()]
    assert written == expected
    assert all(p.is_file() for p in expected)


def test_manifests_allow_only_the_extension(tmp_path):
    """Chromium manifests allow the extension's origin, Firefox's the add-on id; both point at the launcher."""
    install(["chrome", "firefox"], home=tmp_path, system="linux")
    launcher = tmp_path / ".local/share/postlint/postlint-host"
    chrome = json.loads((tmp_path / LINUX["chrome"] / NAME).read_text())
    firefox = json.loads((tmp_path / LINUX["firefox"] / NAME).read_text())
    assert chrome == {"name": HOST_NAME, "description": chrome["description"], "path": str(launcher),
                      "type": "stdio", "allowed_origins": [f"chrome-extension://{DEFAULT_EXTENSION_ID}/"]}
    assert firefox["allowed_extensions"] == [DEFAULT_FIREFOX_ID] and "allowed_origins" not in firefox
    assert firefox["path"] == str(launcher) and Path(firefox["path"]).is_absolute()


def test_extension_id_option_is_used(tmp_path):
    """``--extension-id`` replaces the default in the allowed origin."""
    install(["edge"], extension_id="a" * 32, home=tmp_path, system="linux")
    edge = json.loads((tmp_path / LINUX["edge"] / NAME).read_text())
    assert edge["allowed_origins"] == [f"chrome-extension://{'a' * 32}/"]


def test_launcher_runs_the_host_with_this_python(tmp_path):
    """The launcher is executable, names this interpreter absolutely, and answers a ping frame."""
    launcher = install(["chromium"], home=tmp_path, system="linux")[0]
    assert stat.S_IMODE(launcher.stat().st_mode) & 0o100
    body = json.dumps({"id": 1, "type": "ping"}).encode()
    env = {**os.environ, "POSTLINT_NO_AUTOSTART": "1", "POSTLINT_SOCKET": str(tmp_path / "s.sock")}
    done = subprocess.run([str(launcher)], input=struct.pack("=I", len(body)) + body, capture_output=True,
                          env=env, timeout=60)
    assert done.returncode == 0 and done.stdout == framing.encode({"id": 1, "pong": True})


def test_install_is_idempotent_and_uninstall_removes_exactly_it(tmp_path):
    """Installing twice gives the same files; uninstall removes them; a second uninstall does nothing."""
    (tmp_path / LINUX["chrome"]).mkdir(parents=True)
    neighbour = tmp_path / LINUX["chrome"] / "other.host.json"
    neighbour.write_text("{}")
    first = install(["all"], home=tmp_path, system="linux")
    contents = {p: p.read_bytes() for p in first}
    assert install(["all"], home=tmp_path, system="linux") == first
    assert {p: p.read_bytes() for p in first} == contents
    assert sorted(uninstall(["all"], home=tmp_path, system="linux")) == sorted(first)
    assert not any(p.exists() for p in first) and neighbour.exists()
    assert uninstall(["all"], home=tmp_path, system="linux") == []


def test_uninstall_one_browser_keeps_the_launcher_for_the_others(tmp_path):
    """Removing Firefox leaves Chrome's manifest and the launcher in place."""
    launcher, chrome, firefox = install(["chrome", "firefox"], home=tmp_path, system="linux")
    assert uninstall(["firefox"], home=tmp_path, system="linux") == [firefox]
    assert launcher.exists() and chrome.exists() and not firefox.exists()
    assert [b for b, _ in installed(home=tmp_path, system="linux")] == ["launcher", "chrome"]


def test_uninstall_leaves_a_manifest_someone_changed(tmp_path):
    """A manifest edited since install is not ours any more and is left alone."""
    _, chrome = install(["chrome"], home=tmp_path, system="linux")
    chrome.write_text('{"name": "edited by hand"}')
    removed = uninstall(["all"], home=tmp_path, system="linux")
    assert chrome.exists() and chrome not in removed


def test_user_data_dir_gets_the_chromium_manifest(tmp_path):
    """With a user-data-dir, Chromium's manifest goes into its NativeMessagingHosts folder."""
    written = install(["chromium"], home=tmp_path, system="linux", user_data_dir=tmp_path / "ud")
    assert written[1] == tmp_path / "ud" / "NativeMessagingHosts" / NAME


def test_default_extension_id_matches_the_extensions_key():
    """The default id is the one Chromium derives from extension/manifest.json's key."""
    manifest = REPO / "extension" / "manifest.json"
    if not manifest.exists():
        pytest.skip("no extension manifest in this checkout")
    assert extension_id_from_key(json.loads(manifest.read_text())["key"]) == DEFAULT_EXTENSION_ID


def test_unknown_browser_and_unsupported_platform_are_refused(tmp_path):
    """An unknown browser is a ValueError; Windows points at the documented registry keys."""
    with pytest.raises(ValueError, match="opera"):
        install(["opera"], home=tmp_path, system="linux")
    with pytest.raises(InstallError, match="docs/service.md"):
        install(["chrome"], home=tmp_path, system="win32")


def test_doctor_says_what_is_missing_and_what_to_do(tmp_path):
    """Before install, doctor says nothing is installed or running and names the commands to run."""
    text = doctor.report(home=tmp_path, socket=tmp_path / "s.sock", system="linux")
    assert "Host launcher: not installed" in text and "chrome    not installed" in text
    assert "Service: not running" in text and "postlint install-host" in text


def test_doctor_reports_installed_manifests(tmp_path):
    """After install, doctor lists each browser's manifest and stops asking for an install."""
    install(["firefox"], home=tmp_path, system="linux")
    text = doctor.report(home=tmp_path, socket=tmp_path / "s.sock", system="linux")
    assert f"firefox   installed ({tmp_path / LINUX['firefox'] / NAME}; allows {DEFAULT_FIREFOX_ID})" in text
    assert "postlint install-host" not in text


@pytest.mark.skipif(sys.platform != "linux", reason="checks Linux paths")
def test_cli_install_and_uninstall_host(tmp_path, monkeypatch, capsys):
    """``postlint install-host`` / ``uninstall-host`` write and remove the files they list."""
    from linter.cli import main

    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(var, raising=False)
    assert main(["install-host", "--browser", "firefox"]) == 0
    assert f"wrote {tmp_path / LINUX['firefox'] / NAME}" in capsys.readouterr().out
    assert main(["uninstall-host"]) == 0
    assert f"removed {tmp_path / LINUX['firefox'] / NAME}" in capsys.readouterr().out
