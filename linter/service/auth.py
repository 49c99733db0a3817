"""Guards for loopback TCP: a bearer token, a Host allowlist, and no web-page origins.

On the Unix socket the file permissions (0600 in a 0700 folder) are the guard. On TCP any
local program, and any web page through the browser, can reach the port, so every request
must carry the 256-bit token from a 0600 file, name an allowed Host (which defeats DNS
rebinding), and carry no ``Origin`` (browsers add one to every cross-origin fetch). The
service never sends CORS headers, so a page cannot read a reply either.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import secrets
from pathlib import Path

LOOPBACK_NAMES = ("localhost",)


def new_token() -> str:
    """A fresh random 256-bit token, hex-encoded."""
    return secrets.token_hex(32)


def write_token(path: Path, token: str) -> None:
    """Write the token to a file only this user can read (0600), replacing any old one."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        os.write(fd, (token + "\n").encode("ascii"))
    finally:
        os.close(fd)


def read_token(path: Path) -> str:
    """The token stored at ``path``."""
    return path.read_text(encoding="ascii").strip()


def parse_tcp(spec: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) into a loopback host and a port; refuse the rest."""
    host, sep, port = spec.rpartition(":")
    host = host.strip("[]")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"--tcp wants HOST:PORT, not {spec!r}")
    if host not in LOOPBACK_NAMES and not _is_loopback(host):
        raise ValueError(f"the service listens on loopback only, not {host!r}")
    return host, int(port)


def _is_loopback(host: str) -> bool:
    """True for a loopback IP literal."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(port: int) -> frozenset[str]:
    """The Host header values a loopback client may send for ``port``."""
    names = ("127.0.0.1", "localhost", "[::1]")
    return frozenset(f"{n}:{port}" for n in names)


def refusal(headers, *, token: str | None, hosts: frozenset[str]) -> tuple[int, str, str] | None:
    """Why a TCP request must be refused, as ``(status, code, message)``; None lets it through."""
    if headers.get("Host", "").lower() not in hosts:
        return 403, "host-not-allowed", "the Host header is not a loopback name for this port"
    if "Origin" in headers:
        return 403, "origin-refused", "requests from web pages are refused"
    given = headers.get("Authorization", "")
    expected = f"Bearer {token}"
    if not token or not hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("ascii")):
        return 401, "unauthorized", "a valid bearer token is required"
    return None
