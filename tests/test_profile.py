"""The clerk's profile: loaded into one value, every problem reported as path:line: message."""

from __future__ import annotations

import shutil
from datetime import time
from pathlib import Path

import pytest

from linter.errors import ProfileError
from linter.profile import DEMO_PROFILE, load_profile
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
    """The same person twice in a group is reported on the second line."""
    folder = make_profile(tmp_path, csv=HEADER + "Jo Bloggs,employee,,\n# a comment\njo  bloggs,employee,,\n")
    assert problems(folder) == [f"{folder}/people.csv:4: duplicate person 'jo bloggs' (first on line 2)"]


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
