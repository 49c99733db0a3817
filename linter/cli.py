"""The ``postlint`` command: check posts, validate and explain profiles, list rules, run the service."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from .errors import InputError, PostlintError, ProfileError

EXIT_OK, EXIT_WARNINGS, EXIT_ERROR = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``postlint`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except ProfileError as exc:
        print(f"postlint: the profile does not load:\n{exc}", file=sys.stderr)
    except PostlintError as exc:
        print(f"postlint: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="postlint", description=__doc__)
    sub = parser.add_subparsers(metavar="COMMAND")
    _add_check(sub)
    _add_profile(sub)
    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rules.set_defaults(func=cmd_rules)
    rule = sub.add_parser("rule", help="print one rule's documentation")
    rule.add_argument("code", help="a rule code (PL406) or name (listed-person)")
    rule.set_defaults(func=cmd_rule)
    _add_service_commands(sub)
    return parser


def _add_check(sub) -> None:
    p = sub.add_parser("check", help="lint a post (a file or standard input)")
    p.add_argument("file", nargs="?", default="-", help="a file, or - for standard input")
    p.add_argument("--profile", type=Path, help="the clerk's profile folder (default: bundled demo)")
    p.add_argument("--mode", choices=("personal", "council"), default="personal")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--jsonl", action="store_true", help="one JSON request a line in (from FILE, or standard input for -), one result a line out")
    p.add_argument("--at", type=_iso_time, help="when the post is written (ISO 8601; default now)")
    p.add_argument("--author", help="who posts (for council-account mode)")
    p.add_argument("--pipeline", help="spaCy pipeline package or folder (default: pinned small English)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(func=cmd_check)


def _add_profile(sub) -> None:
    p = sub.add_parser("profile", help="validate or explain a clerk's profile")
    psub = p.add_subparsers(metavar="ACTION")
    check = psub.add_parser("check", help="report every problem as path:line: message")
    check.add_argument("dir", type=Path)
    check.set_defaults(func=cmd_profile_check)
    explain = psub.add_parser("explain", help="show which spellings of a listed person are caught")
    explain.add_argument("dir", type=Path)
    explain.add_argument("name")
    explain.set_defaults(func=cmd_profile_explain)


def _add_service_commands(sub) -> None:
    from .service_cli import add_service_commands

    add_service_commands(sub)


def _iso_time(value: str) -> datetime:
    from .request import parse_at

    try:
        return parse_at(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc).replace("field 'at'", "--at")) from exc


def read_text(source: str) -> str:
    """The post to lint, from a file or standard input, as strict UTF-8."""
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror}") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{'<stdin>' if source == '-' else source}:{line}: not UTF-8 text") from exc


def open_lines(source: str) -> contextlib.AbstractContextManager[BinaryIO]:
    """A JSONL source as bytes (each line is decoded on its own): a file, or standard input for ``-``.

    Opened before the models load, so a missing file is reported at once.
    """
    if source == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    try:
        return open(source, "rb")
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror}") from exc


def cmd_check(args) -> int:
    """``postlint check``: lint one text, or a JSONL stream."""
    from .lint import load_linter

    if args.jsonl:
        from .jsonl import run_jsonl

        with open_lines(args.file) as src:
            return run_jsonl(load_linter(args.profile, pipeline=args.pipeline), src, sys.stdout)
    text = read_text(args.file)
    linter = load_linter(args.profile, pipeline=args.pipeline)
    warnings = linter.lint(text, mode=args.mode, at=args.at, author=args.author)
    if args.format == "json":
        print(json.dumps({"warnings": [w.to_dict() for w in warnings]}, ensure_ascii=False))
    else:
        from .report import format_text

        colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        print(format_text(warnings, text, "<stdin>" if args.file == "-" else args.file, colour=colour))
    return EXIT_WARNINGS if warnings else EXIT_OK


def cmd_profile_check(args) -> int:
    """``postlint profile check DIR``: every problem, or a short summary of a good profile."""
    from .lint import load_rules_profile

    profile = load_rules_profile(args.dir)
    groups = sorted({p.group for p in profile.people})
    print(f"{args.dir}: OK: {profile.name}, {len(profile.people)} people ({', '.join(groups)})")
    return EXIT_OK


def cmd_profile_explain(args) -> int:
    """``postlint profile explain DIR NAME``: the spellings of a listed person that are caught."""
    from .detect.people import explain
    from .lint import load_rules_profile

    profile = load_rules_profile(args.dir)
    wanted = args.name.casefold()
    matches = [p for p in profile.people if wanted in p.name.casefold() or any(wanted == a.casefold() for a in p.aliases)]
    if not matches:
        print(f"postlint: nobody called {args.name!r} in {args.dir}/people.csv", file=sys.stderr)
        return EXIT_ERROR
    for person in matches:
        print(f"{person.name} ({person.group}{', ' + person.role if person.role else ''}):")
        print("\n".join(f"  {line}" for line in explain(person, profile)))
    return EXIT_OK


def cmd_rules(args) -> int:
    """``postlint rules``: every rule, one line each (or JSON / Markdown)."""
    from .rules import RULES
    from .rules.docs import render_index, render_markdown

    if args.format == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "clause": r.clause, "severity": r.severity.value,
                           "modes": list(r.modes), "doc": r.doc} for r in RULES], ensure_ascii=False, indent=1))
    else:
        print(render_markdown() if args.format == "markdown" else render_index())
    return EXIT_OK


def cmd_rule(args) -> int:
    """``postlint rule CODE``: one rule's documentation."""
    from .rules import find_rule
    from .rules.docs import render_rule

    rule = find_rule(args.code)
    if rule is None:
        print(f"postlint: no rule {args.code!r} (see `postlint rules`)", file=sys.stderr)
        return EXIT_ERROR
    print(render_rule(rule))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
