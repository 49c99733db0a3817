"""``python -m linter.service``: run the service (what the native host starts on demand)."""

from __future__ import annotations

import argparse
import logging
import sys

from ..errors import PostlintError, ProfileError
from ..profile import public_problems
from .app import run
from .listen import AlreadyRunning


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The same options as ``postlint serve``."""
    parser = argparse.ArgumentParser(prog="python -m linter.service", description="Run the local postlint service.")
    parser.add_argument("--profile", help="the clerk's profile folder (default: the bundled demo)")
    parser.add_argument("--socket", help="Unix socket path (default: $POSTLINT_SOCKET or the runtime folder)")
    parser.add_argument("--tcp", metavar="HOST:PORT", help="also listen on loopback TCP, with a bearer token")
    parser.add_argument("--pipeline", help="the spaCy pipeline to load")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Serve until stopped; 2 with a message on standard error when the service cannot start."""
    args = parse_args(argv)
    try:
        run(profile=args.profile, socket=args.socket, tcp=args.tcp, pipeline=args.pipeline, log_level=args.log_level)
    except AlreadyRunning as exc:
        logging.getLogger("postlint.service").info("%s", exc)
        return 0
    except ProfileError as exc:  # the log is the service's: problems without list contents
        for problem in public_problems(exc.problems):
            logging.getLogger("postlint.service").error("cannot start: %s", problem)
        logging.getLogger("postlint.service").error("`postlint profile check %s` shows the details", args.profile)
        return 2
    except (PostlintError, ValueError, OSError) as exc:
        logging.getLogger("postlint.service").error("cannot start: %s", exc)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
