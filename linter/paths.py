"""Where postlint keeps its per-user runtime files: the service socket, the TCP token, logs.

Everything lives in the user's runtime folder, ``$XDG_RUNTIME_DIR/postlint`` (or the
platform's equivalent from platformdirs), created 0700. ``POSTLINT_SOCKET`` overrides the
socket path for the service and the native host alike.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import platformdirs

APP = "postlint"
SOCKET_ENV = "POSTLINT_SOCKET"
PROFILE_ENV = "POSTLINT_PROFILE"
SOCKET_NAME = "postlint.sock"
# sun_path holds 108 bytes on Linux and 104 on macOS, terminating NUL included.
MAX_SOCKET_PATH = 103


def runtime_dir() -> Path:
    """The per-user runtime folder: ``$XDG_RUNTIME_DIR/postlint``, else platformdirs' choice."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base:
        return Path(base) / APP
    with warnings.catch_warnings():  # platformdirs warns when it falls back to a temp folder
        warnings.simplefilter("ignore")
        return Path(platformdirs.user_runtime_dir(APP, appauthor=False))


def socket_path(override: str | os.PathLike | None = None) -> Path:
    """The service socket: the argument, else ``$POSTLINT_SOCKET``, else the runtime folder's."""
    chosen = override or os.environ.get(SOCKET_ENV)
    return Path(chosen) if chosen else runtime_dir() / SOCKET_NAME


def token_path(socket: str | os.PathLike | None = None) -> Path:
    """The TCP bearer-token file, kept beside the socket (so one override moves both)."""
    return socket_path(socket).with_name("postlint.token")


def lock_path(socket: str | os.PathLike | None = None) -> Path:
    """The lock file that lets only one service start for a socket."""
    path = socket_path(socket)
    return path.with_name(path.name + ".lock")


def service_log_path(socket: str | os.PathLike | None = None) -> Path:
    """Where a service started by the native host writes its log (never any post text)."""
    path = socket_path(socket)
    return path.with_name(path.name + ".log")


def data_dir() -> Path:
    """The per-user data folder for the host launcher and the install record."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it readable by this user only (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def check_socket_path(path: Path) -> None:
    """Refuse a socket path too long for ``AF_UNIX`` with a message that says so."""
    if len(os.fsencode(path)) > MAX_SOCKET_PATH:
        raise ValueError(
            f"socket path is {len(os.fsencode(path))} bytes; Unix sockets allow {MAX_SOCKET_PATH}: {path}"
        )
