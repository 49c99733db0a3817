"""The service-side subcommands of ``postlint``: serve, install-host, uninstall-host, doctor."""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR = 0, 2


def add_service_commands(sub) -> None:
    """Register ``serve``, ``install-host``, ``uninstall-host`` and ``doctor``."""
    serve = sub.add_parser("serve", help="run the local lint service (Unix socket; optional loopback TCP)")
    serve.add_argument("--profile", type=Path, help="the clerk's profile folder (default: bundled demo)")
    serve.add_argument("--socket", help="Unix socket path (default: $POSTLINT_SOCKET or the runtime folder)")
    serve.add_argument("--tcp", metavar="HOST:PORT", help="also listen on loopback TCP, bearer token required")
    serve.add_argument("--pipeline", help="spaCy pipeline package or folder")
    serve.add_argument("--log-level", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    serve.set_defaults(func=cmd_serve)
    inst = sub.add_parser("install-host", help="connect the browser extension (per user, no admin rights)")
    _add_browser_options(inst)
    inst.add_argument("--extension-id", help="the Chromium extension id to allow (default: postlint's)")
    inst.add_argument("--firefox-id", help="the Firefox add-on id to allow (default: postlint's)")
    inst.add_argument("--profile", type=Path, help="the profile the auto-started service uses")
    inst.add_argument("--socket", help="the socket the host uses (default: the runtime folder's)")
    inst.add_argument("--user-data-dir", type=Path, help="write Chromium manifests into this user-data-dir")
    inst.set_defaults(func=cmd_install)
    uninst = sub.add_parser("uninstall-host", help="remove exactly what install-host wrote")
    _add_browser_options(uninst)
    uninst.set_defaults(func=cmd_uninstall)
    doctor = sub.add_parser("doctor", help="say what is installed, what is running, and what to do next")
    doctor.add_argument("--socket", help="the service socket to check")
    doctor.set_defaults(func=cmd_doctor)


def _add_browser_options(parser) -> None:
    parser.add_argument("--browser", action="append", default=None,
                        choices=("chrome", "chromium", "edge", "brave", "vivaldi", "firefox", "all"),
                        help="which browser (repeatable; default all)")


def cmd_serve(args) -> int:
    """``postlint serve``: run until stopped."""
    from .errors import ProfileError
    from .profile import public_problems
    from .service.app import run

    try:
        run(profile=args.profile, socket=args.socket, tcp=args.tcp, pipeline=args.pipeline, log_level=args.log_level)
    except ProfileError as exc:  # the service's log: problems without list contents
        problems = "\n".join(public_problems(exc.problems))
        hint = f"(`postlint profile check {args.profile}` shows the details)"
        print(f"postlint: the profile does not load:\n{problems}\n{hint}", file=sys.stderr)
        return EXIT_ERROR
    except (ValueError, OSError) as exc:
        print(f"postlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_install(args) -> int:
    """``postlint install-host``: write the launcher and manifests, and list them."""
    from extension_host.install import InstallError, install

    try:
        written = install(args.browser or ["all"], extension_id=args.extension_id, firefox_id=args.firefox_id,
                          profile=args.profile, socket=args.socket, user_data_dir=args.user_data_dir)
    except (InstallError, ValueError, OSError) as exc:
        print(f"postlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print("\n".join(f"wrote {p}" for p in written))
    return EXIT_OK


def cmd_uninstall(args) -> int:
    """``postlint uninstall-host``: remove what install-host wrote, and list it."""
    from extension_host.install import InstallError, uninstall

    try:
        removed = uninstall(args.browser or ["all"])
    except (InstallError, ValueError) as exc:
        print(f"postlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print("\n".join(f"removed {p}" for p in removed) or "nothing to remove")
    return EXIT_OK


def cmd_doctor(args) -> int:
    """``postlint doctor``: the plain-words report."""
    from extension_host.doctor import report

    print(report(socket=args.socket), end="")
    return EXIT_OK
