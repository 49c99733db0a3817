"""The clerk's profile: loaded into one value, every problem reported as path:line: message."""

from __future__ import annotations

import shutil
from datetime import time
from pathlib import Path

import pytest

from linter.errors import ProfileError
from linter.profile import DEMO_PROFILE, load_profile, public_problems
from linter.warning import Severity

HEADER = "name,group,role,aliases\n"


def make_profile(tmp_path: Path, toml: str | bytes = '[council]\nname = "Test Town Council"\n', csv: str | bytes = HEADER) -> Path:
    """A profile folder with the given files."""
    for name, body in (("council.toml", toml), ("people.csv", csv)):
        (tmp_path / name).write_bytes(body if isinstance(body, bytes) else body.encode())
    return tmp_path


def problems(folder: Path, **kw) -> list[str]:
    """The problems of a profile as path:line: message strings."""
    with pytest.raises(ProfileError) as err:
        load_profile(folder, **kw)
    return [str(p) for p in err.value.problems]


def test_demo_profile_loads():
    """The bundled demo profile loads with its people, hours and spokesperson."""
    p = load_profile(DEMO_PROFILE)
    assert p.name == "Thrapston Town Council"
    assert {x.group for x in p.people} == {"employee", "councillor", "resident", "customer", "contractor", "supplier"}
    assert p.working_hours.start == time(9) and p.spokespersons == ("Margaret Ellison",)


def test_minimal_profile(tmp_path):
    """Only [council].name is required; people.csv may be absent."""
    folder = make_profile(tmp_path)
    (folder / "people.csv").unlink()
    assert load_profile(folder).people == ()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Jo Bloggs,alien,,", "people.csv:2: unknown group 'alien' (one of: employee, councillor, resident, customer, contractor, supplier)"),
        (",employee,Clerk,", "people.csv:2: missing name"),
    ],
)
def test_bad_rows(tmp_path, row, message):
    """A bad row is reported with its line."""
    folder = make_profile(tmp_path, csv=HEADER + row + "\n")
    assert problems(folder) == [f"{folder}/{message}"]


def test_duplicate_person(tmp_path):
    """The same person twice in a group is reported on the second line: by name to the clerk, by line to the service."""
    folder = make_profile(tmp_path, csv=HEADER + "Jo Bloggs,employee,,\n# a comment\njo  bloggs,employee,,\n")
    assert problems(folder) == [f"{folder}/people.csv:4: duplicate person 'jo bloggs' (first on line 2)"]
    assert public(folder) == [f"{folder}/people.csv:4: duplicate person (same as line 2)"]


def public(folder: Path, **kw) -> list[str]:
    """The problems of a profile as the service shows them."""
    with pytest.raises(ProfileError) as err:
        load_profile(folder, **kw)
    return list(public_problems(err.value.problems))


MARK = "Ottoline Vavasour"
RULE_KEYS = {"PL406", "listed-person"}
COUNCIL = '[council]\nname = "T"\n'
# (council.toml, people.csv, does the clerk's message quote the marker?) for every problem kind
LEAKY = {
    "duplicate person": (COUNCIL, HEADER + f"{MARK},resident,,\n{MARK},resident,,\n", True),
    "unknown group (shifted columns)": (COUNCIL, HEADER + "Vavasour, Ottoline,resident,\n", True),
    "missing name": (COUNCIL, HEADER + f",employee,{MARK},{MARK}\n", False),
    "bad header": (COUNCIL, f"{MARK},group\n", False),
    "unreadable CSV row": (COUNCIL, HEADER + f"{MARK},resident,," + MARK * 20_000 + "\n", False),
    "not UTF-8": (COUNCIL, (HEADER + f"{MARK},resident,,\n").encode() + b"\xff\n", False),
    "bad time": (COUNCIL + f'[working_hours]\nstart = "{MARK}"\n', HEADER, True),
    "unknown day": (COUNCIL + f'[working_hours]\ndays = ["{MARK}"]\n', HEADER, True),
    "unknown time zone": (COUNCIL + f'[working_hours]\ntimezone = "{MARK}"\n', HEADER, True),
    "unknown rule": (COUNCIL + f'[rules]\ndisable = ["{MARK}"]\n', HEADER, True),
    "bad severity": (COUNCIL + f'[rules.severity]\n"{MARK}" = "{MARK}"\n', HEADER, True),
    "invalid TOML": (f'[council]\nname = "T"\n["{MARK}"]\n["{MARK}"]\n', HEADER, True),
    "wrong types": (f'[council]\nname = "{MARK}"\naliases = "{MARK}"\n[spokespersons]\nnames = [1]\n', HEADER, False),
}


@pytest.mark.parametrize("kind", LEAKY)
def test_public_problems_never_quote_the_lists(tmp_path, kind):
    """What the service may show says the same path:line without any name, alias, role or value the clerk wrote."""
    toml, csv, quoted = LEAKY[kind]
    folder = make_profile(tmp_path, toml=toml, csv=csv)
    clerk, shown = problems(folder, rule_keys=RULE_KEYS), public(folder, rule_keys=RULE_KEYS)
    assert [p.split(": ", 1)[0] for p in shown] == [p.split(": ", 1)[0] for p in clerk]
    for word in MARK.casefold().split():
        assert not any(word in p.casefold() for p in shown), shown
    assert any(MARK.split()[0].casefold() in p.casefold() for p in clerk) is quoted


def test_public_problems_fail_closed_for_other_problems():
    """A problem without a public wording is shown by path and line only."""
    from linter.errors import Problem

    (shown,) = public_problems([Problem("/p/people.csv", 3, f"something about {MARK}")])
    assert shown.startswith("/p/people.csv:3: ") and "Ottoline" not in shown


def test_unreadable_csv_row_is_a_problem(tmp_path):
    """A field over the csv module's limit is a problem on its line, not an exception."""
    folder = make_profile(tmp_path, csv=HEADER + "Jo Bloggs,employee,,\nX," + "y" * 200_000 + ",,\n")
    assert problems(folder) == [f"{folder}/people.csv:3: not a readable CSV row: field larger than field limit (131072)"]


def test_bad_time_and_day(tmp_path):
    """Bad working hours name the line of the key."""
    toml = '[council]\nname = "T"\n\n[working_hours]\ndays = ["Mon", "Funday"]\nstart = "9am"\n'
    found = problems(make_profile(tmp_path, toml=toml))
    assert f"{tmp_path}/council.toml:5: working_hours.days: unknown day 'Funday' (use Mon..Sun)" in found
    assert any(p.startswith(f"{tmp_path}/council.toml:6: working_hours.start: bad time '9am'") for p in found)


def test_unreadable_encoding(tmp_path):
    """A file that is not UTF-8 is reported with the line of the first bad byte."""
    folder = make_profile(tmp_path, csv=HEADER.encode() + b"Jos\xe9 Bloggs,employee,,\n")
    assert problems(folder) == [f"{folder}/people.csv:2: not UTF-8 text (save the file as UTF-8)"]


def test_invalid_toml_and_missing_name(tmp_path):
    """TOML syntax errors carry their line; a missing council name is reported."""
    assert problems(make_profile(tmp_path, toml='[council]\nname = "T\n'))[0].startswith(f"{tmp_path}/council.toml:2: invalid TOML")
    assert problems(make_profile(tmp_path, toml="[council]\naliases = []\n")) == [f"{tmp_path}/council.toml:1: [council].name is required"]


def test_every_problem_reported_at_once(tmp_path):
    """Problems in both files are reported together, not one at a time."""
    folder = make_profile(tmp_path, toml='[council]\nname = "T"\n[working_hours]\nend = "25:00"\n', csv=HEADER + "A,x,,\n,employee,,\n")
    assert len(problems(folder)) == 3


def test_rule_settings(tmp_path):
    """[rules] switches rules off and sets severities, validated against known rules."""
    toml = '[council]\nname = "T"\n[rules]\ndisable = ["PL420"]\n[rules.severity]\nlisted-person = "warning"\n'
    p = load_profile(make_profile(tmp_path, toml=toml), rule_keys={"PL420", "PL406", "listed-person"})
    assert p.rules.is_disabled("PL420", "person-name")
    assert p.rules.severity_for("PL406", "listed-person") is Severity.WARNING
    bad = '[council]\nname = "T"\n[rules]\ndisable = ["PL999"]\n'
    assert problems(make_profile(tmp_path, toml=bad), rule_keys={"PL420"}) == [
        f"{tmp_path}/council.toml:4: rules.disable: unknown rule 'PL999' (see `postlint rules`)"
    ]


def test_version_changes_with_content(tmp_path):
    """The profile version is a digest of its files."""
    shutil.copytree(DEMO_PROFILE, tmp_path / "p")
    before = load_profile(tmp_path / "p").version
    with open(tmp_path / "p" / "people.csv", "a", encoding="utf-8") as f:
        f.write("New Person,resident,,\n")
    assert load_profile(tmp_path / "p").version != before
