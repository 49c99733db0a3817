"""The clerk's profile: a folder with ``council.toml`` and ``people.csv``, loaded into one immutable value.

Every problem is collected and reported as ``path:line: message``; a profile with any problem
does not load (``ProfileError``), so a service can keep serving the last good one.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import Problem, ProfileError
from .warning import Severity

GROUPS = ("employee", "councillor", "resident", "customer", "contractor", "supplier")
FIRMS = frozenset({"contractor", "supplier"})
# How messages name a member of each group ("Edith Barraclough is a resident …").
GROUP_NOUNS = {
    "employee": "an employee",
    "councillor": "a councillor",
    "resident": "a resident",
    "customer": "a customer",
    "contractor": "a contractor",
    "supplier": "a supplier",
}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEMO_PROFILE = Path(__file__).parent / "data" / "demo_profile"
UNLISTED = "the profile has a problem (run `postlint profile check` on its folder for details)"


@dataclass(frozen=True, slots=True)
class ProfileProblem(Problem):
    """A profile problem in two wordings: ``message`` for the clerk, ``public`` for the service.

    ``message`` may quote what the clerk wrote (names, aliases, roles, groups, terms, domains,
    days, rule keys), because ``postlint profile check`` shows it to the clerk on their own files.
    ``public`` says the same without quoting any of it; it is what the service's health, log
    and reload problems show (``/v1/health`` is read by the extension's options page).
    """

    public: str = ""

    def redacted(self) -> str:
        """``path:line: public message``: safe for the service's health and log."""
        return f"{self.path}:{self.line}: {self.public or UNLISTED}"


def public_problems(problems: Iterable[Problem]) -> tuple[str, ...]:
    """Problems as the service may show them: without list contents (fails closed for other types)."""
    return tuple(
        p.redacted() if isinstance(p, ProfileProblem) else f"{p.path}:{p.line}: {UNLISTED}" for p in problems
    )


def _problem(path: str | Path, line: int, message: str, public: str | None = None) -> ProfileProblem:
    """One problem; ``public`` None declares that ``message`` quotes nothing the clerk wrote."""
    return ProfileProblem(str(path), line, message, message if public is None else public)


@dataclass(frozen=True, slots=True)
class Person:
    """One row of ``people.csv``: a person or firm whose personal data must not be posted."""

    name: str
    group: str
    role: str = ""
    aliases: tuple[str, ...] = ()
    line: int = 0

    @property
    def is_firm(self) -> bool:
        """Contractors and suppliers are usually firms, named as a whole."""
        return self.group in FIRMS


@dataclass(frozen=True, slots=True)
class Council:
    """The ``[council]`` table."""

    name: str
    aliases: tuple[str, ...] = ()
    email_domains: tuple[str, ...] = ()
    web_domains: tuple[str, ...] = ()
    address: str = ""
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """The ``[working_hours]`` table; ``days`` are 0=Monday .. 6=Sunday."""

    days: tuple[int, ...] = (0, 1, 2, 3, 4)
    start: time = time(9, 0)
    end: time = time(17, 0)
    timezone: str = "Europe/London"


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """The ``[rules]`` table: rules switched off and severities overridden, by code or name."""

    disabled: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()

    def severity_for(self, code: str, name: str) -> Severity | None:
        """The clerk's severity for a rule, if the profile sets one."""
        for key, sev in self.severity:
            if key in (code, name):
                return sev
        return None

    def is_disabled(self, code: str, name: str) -> bool:
        """True when the clerk switched the rule off."""
        return code in self.disabled or name in self.disabled


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the clerk configures, validated."""

    path: str
    council: Council
    people: tuple[Person, ...] = ()
    confidential_terms: tuple[str, ...] = ()
    working_hours: WorkingHours = field(default_factory=WorkingHours)
    spokespersons: tuple[str, ...] = ()
    blocked_domains: tuple[str, ...] = ()
    rules: RuleSettings = field(default_factory=RuleSettings)
    version: str = ""

    @property
    def name(self) -> str:
        """The council's name, which names the profile."""
        return self.council.name


def load_profile(folder: str | Path, *, rule_keys: Collection[str] = ()) -> Profile:
    """Load and validate a profile folder; raise ``ProfileError`` listing every problem.

    ``rule_keys`` are the known rule codes and names, used to validate ``[rules]``.
    """
    folder = Path(folder)
    problems: list[Problem] = []
    toml_path, csv_path = folder / "council.toml", folder / "people.csv"
    toml_text = _read_text(toml_path, problems, required=True)
    csv_text = _read_text(csv_path, problems, required=False)
    data = _parse_toml(toml_path, toml_text, problems) if toml_text is not None else {}
    people = _parse_people(csv_path, csv_text, problems) if csv_text is not None else ()
    fields = _parse_council_toml(str(toml_path), toml_text or "", data, problems, rule_keys)
    if problems:
        raise ProfileError(problems)
    digest = hashlib.sha256((toml_text or "").encode() + b"\0" + (csv_text or "").encode())
    return Profile(path=str(folder), people=people, version=digest.hexdigest()[:12], **fields)


def _read_text(path: Path, problems: list[Problem], *, required: bool) -> str | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if required:
            problems.append(_problem(path, 0, "file not found"))
        return None
    except OSError as exc:
        problems.append(_problem(path, 0, f"cannot read: {exc.strerror}"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(_problem(path, line, "not UTF-8 text (save the file as UTF-8)"))
        return None


def _parse_toml(path: Path, text: str, problems: list[Problem]) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, where = (int(m.group(1)), f" at column {m.group(2)}") if m else (0, "")
        # tomllib quotes keys and characters of the file: the service shows only the position.
        problems.append(_problem(path, line, f"invalid TOML: {exc}", f"invalid TOML{where}"))
        return {}


def _line_of(text: str, table: str, key: str | None = None) -> int:
    """The line of ``[table]`` (or of ``key`` inside it) in a TOML text; 0 when absent."""
    lines = text.splitlines()
    in_table, table_line = False, 0
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.strip("[] ").lower() == table
            table_line = n if in_table else table_line
            continue
        if in_table and key and re.match(rf'"?{re.escape(key)}"?\s*=', stripped):
            return n
    return table_line


class _Fields:
    """Reads typed values from a TOML table, recording problems with their lines."""

    def __init__(self, path: str, text: str, table: str, data: dict, problems: list[Problem]):
        self.path, self.text, self.table, self.problems = path, text, table, problems
        raw = data.get(table, {})
        if not isinstance(raw, dict):
            self.fail(None, f"[{table}] must be a table")
            raw = {}
        self.data = raw

    def fail(self, key: str | None, message: str, public: str | None = None) -> None:
        """Record a problem on the line of ``key`` (or of the table); ``public`` as in ``_problem``."""
        self.problems.append(_problem(self.path, _line_of(self.text, self.table, key), message, public))

    def string(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str):
            self.fail(key, f"{self.table}.{key} must be a string")
            return default
        return value.strip()

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, f"{self.table}.{key} must be a list of strings")
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def clock(self, key: str, default: time) -> time:
        value = self.string(key, default.strftime("%H:%M"))
        try:
            return time.fromisoformat(value)
        except ValueError:
            hint = "(write HH:MM, e.g. 09:00)"
            self.fail(key, f"{self.table}.{key}: bad time {value!r} {hint}", f"{self.table}.{key}: bad time {hint}")
            return default


def _parse_council_toml(path, text, data, problems, rule_keys) -> dict:
    council = _Fields(path, text, "council", data, problems)
    name = council.string("name")
    if "council" not in data or not name:
        problems.append(_problem(path, _line_of(text, "council"), "[council].name is required"))
    return {
        "council": Council(
            name=name,
            aliases=council.strings("aliases"),
            email_domains=tuple(d.lower() for d in council.strings("email_domains")),
            web_domains=tuple(d.lower() for d in council.strings("web_domains")),
            address=council.string("address"),
            places=council.strings("places"),
        ),
        "confidential_terms": _Fields(path, text, "confidential", data, problems).strings("terms"),
        "working_hours": _parse_hours(_Fields(path, text, "working_hours", data, problems)),
        "spokespersons": _Fields(path, text, "spokespersons", data, problems).strings("names"),
        "blocked_domains": tuple(
            d.lower() for d in _Fields(path, text, "links", data, problems).strings("blocked_domains")
        ),
        "rules": _parse_rules(_Fields(path, text, "rules", data, problems), rule_keys),
    }


def _parse_hours(fields: _Fields) -> WorkingHours:
    days = []
    for day in fields.strings("days") if "days" in fields.data else ("mon", "tue", "wed", "thu", "fri"):
        key = day[:3].lower()
        if key not in DAYS:
            fields.fail("days", f"working_hours.days: unknown day {day!r} (use Mon..Sun)",
                        "working_hours.days: unknown day (use Mon..Sun)")
        else:
            days.append(DAYS.index(key))
    start = fields.clock("start", time(9, 0))
    end = fields.clock("end", time(17, 0))
    if start >= end:
        fields.fail("end", "working_hours.end must be later than start")
    tz = fields.string("timezone", "Europe/London")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        fields.fail("timezone", f"working_hours.timezone: unknown time zone {tz!r}",
                    "working_hours.timezone: unknown time zone (e.g. Europe/London)")
        tz = "Europe/London"
    return WorkingHours(days=tuple(days), start=start, end=end, timezone=tz)


def _parse_rules(fields: _Fields, rule_keys: Collection[str]) -> RuleSettings:
    known = {k.lower(): k for k in rule_keys}

    def resolve(key: str, where: str) -> str | None:
        if known and key.lower() not in known:
            fields.fail(where, f"rules.{where}: unknown rule {key!r} (see `postlint rules`)",
                        f"rules.{where}: unknown rule (see `postlint rules`)")
            return None
        return known.get(key.lower(), key)

    disabled = {r for k in fields.strings("disable") if (r := resolve(k, "disable"))}
    sev_table = fields.data.get("severity", {})
    severity = []
    if not isinstance(sev_table, dict):
        fields.fail("severity", "rules.severity must be a table of rule = \"error|warning|info\"")
        sev_table = {}
    for key, value in sev_table.items():
        rule = resolve(key, "severity")
        if value not in {s.value for s in Severity}:
            fields.fail(key, f"rules.severity.{key}: {value!r} is not error, warning or info",
                        "rules.severity: a value is not error, warning or info")
        elif rule:
            severity.append((rule, Severity(value)))
    return RuleSettings(disabled=frozenset(disabled), severity=tuple(severity))


def _parse_people(path: Path, text: str, problems: list[Problem]) -> tuple[Person, ...]:
    where = str(path)
    rows = _csv_rows(where, text, problems)
    header = [h.strip().lower() for h in next(rows, (1, []))[1]]
    if "name" not in header or "group" not in header:
        problems.append(_problem(where, 1, "header must be name,group,role,aliases"))
        return ()
    people: list[Person] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        person = _person_from_row(dict(zip(header, (c.strip() for c in row))), line, where, problems)
        if person is None:
            continue
        key = (person.name.casefold(), person.group)
        if key in seen:
            problems.append(_problem(where, line, f"duplicate person {person.name!r} (first on line {seen[key]})",
                                     f"duplicate person (same as line {seen[key]})"))
            continue
        seen[key] = line
        people.append(person)
    return tuple(people)


def _csv_rows(where: str, text: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """``(line, row)`` for each CSV row; a row the csv module cannot read is a problem and ends the file."""
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:  # e.g. a field over 128 KiB
        problems.append(_problem(where, reader.line_num, f"not a readable CSV row: {exc}", "not a readable CSV row"))


def _person_from_row(row: dict, line: int, where: str, problems: list[Problem]) -> Person | None:
    name, group = row.get("name", ""), row.get("group", "").lower()
    if not name:
        problems.append(_problem(where, line, "missing name"))
        return None
    if group not in GROUPS:
        # A name with an unquoted comma shifts the columns, so the "group" may be part of a name.
        groups = f"(one of: {', '.join(GROUPS)})"
        problems.append(_problem(where, line, f"unknown group {group!r} {groups}", f"unknown group {groups}"))
        return None
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
    return Person(name=" ".join(name.split()), group=group, role=row.get("role") or "", aliases=aliases, line=line)
