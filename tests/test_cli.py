"""The ``postlint`` command line: formats, exit codes and clear errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from linter import cli, lint

pytestmark = pytest.mark.model

NAMED = "Great evening at the quiz with Dan Okafor 🎉\n"
CLEAN = "Lovely walk along the river this evening, the swans were out.\n"


@pytest.fixture(autouse=True)
def shared_models(monkeypatch, models):
    """Every in-process command reuses the session's loaded models."""
    monkeypatch.setattr(lint, "load_models", lambda name=None: models)


def run(monkeypatch, capsys, argv, stdin: bytes = b""):
    """Run ``postlint ARGV`` in process; return (exit status, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    status = cli.main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_clean_post_exits_zero(monkeypatch, capsys):
    """A clean post: exit 0 and a 'no warnings' summary."""
    status, out, _ = run(monkeypatch, capsys, ["check", "-", "--at", "2026-11-21T19:00+00:00"], CLEAN.encode())
    assert status == 0 and out.strip() == "<stdin>: no warnings"


def test_named_colleague_json(monkeypatch, capsys):
    """--format json prints {"warnings": [...]} with the name's exact span; exit 1."""
    status, out, _ = run(monkeypatch, capsys, ["check", "--format", "json", "--at", "2026-11-21T19:00+00:00"], NAMED.encode())
    warnings = json.loads(out)["warnings"]
    assert status == 1
    assert any(w["text"] == "Dan Okafor" and w["clause"] == "4.6" and w["entity"] == "PERSON" for w in warnings)


def test_text_format_from_file(monkeypatch, capsys, tmp_path):
    """The text format names the file, line and column of each warning."""
    post = tmp_path / "post.txt"
    post.write_text(NAMED, encoding="utf-8")
    status, out, _ = run(monkeypatch, capsys, ["check", str(post), "--color", "never", "--at", "2026-11-21T19:00+00:00"])
    assert status == 1 and f"{post}:1:32: 4.6 error" in out


def test_not_utf8_exits_two(monkeypatch, capsys):
    """Bytes that are not UTF-8: exit 2 with a message naming the line."""
    status, _, err = run(monkeypatch, capsys, ["check"], b"ok\n\xff\xfe broken")
    assert status == 2 and "<stdin>:2: not UTF-8 text" in err


def test_oversize_text_is_refused(monkeypatch, capsys):
    """A 1 MB text is refused at once with a clear message, exit 2."""
    status, _, err = run(monkeypatch, capsys, ["check"], b"word " * 200_000)
    assert status == 2 and "postlint lints posts of up to 65,000" in err


def test_broken_profile_exits_two(monkeypatch, capsys, tmp_path):
    """A profile that does not load: exit 2 and every problem as path:line: message."""
    (tmp_path / "council.toml").write_text('[council]\nname = "T"\n', encoding="utf-8")
    (tmp_path / "people.csv").write_text("name,group,role,aliases\nJo,alien,,\n", encoding="utf-8")
    status, _, err = run(monkeypatch, capsys, ["check", "--profile", str(tmp_path)], b"hello")
    assert status == 2 and f"{tmp_path}/people.csv:2: unknown group 'alien'" in err


def test_jsonl_in_order_with_errors(monkeypatch, capsys):
    """--jsonl answers every line in order; a bad line gets an error and the stream goes on."""
    lines = [
        json.dumps({"id": "a", "text": NAMED, "at": "2026-11-21T19:00+00:00"}),
        "{not json",
        json.dumps({"id": "c", "text": CLEAN, "at": "2026-11-21T19:00+00:00"}),
    ]
    status, out, _ = run(monkeypatch, capsys, ["check", "--jsonl"], "\n".join(lines).encode())
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", 2, "c"]
    assert results[0]["warnings"] and "error" in results[1] and results[2]["warnings"] == []
    assert status == 2


JSONL = "\n".join([
    json.dumps({"id": "a", "text": NAMED, "at": "2026-11-21T19:00+00:00"}),
    json.dumps({"id": "b", "text": CLEAN, "at": "2026-11-21T19:00+00:00"}),
]) + "\n"


def jsonl_ids_and_counts(out: str) -> list[tuple[object, int]]:
    """(id, number of warnings) of every output line."""
    return [(r["id"], len(r["warnings"])) for r in map(json.loads, out.splitlines())]


def test_jsonl_reads_the_file_given(monkeypatch, capsys, tmp_path):
    """`check FILE --jsonl` reads its requests from FILE, not from standard input."""
    requests = tmp_path / "posts.jsonl"
    requests.write_text(JSONL, encoding="utf-8")
    stdin = json.dumps({"id": "from-stdin", "text": CLEAN}).encode()
    status, out, _ = run(monkeypatch, capsys, ["check", str(requests), "--jsonl"], stdin)
    results = jsonl_ids_and_counts(out)
    assert [i for i, _ in results] == ["a", "b"] and results[0][1] > 0 and results[1][1] == 0
    assert status == 1


def test_jsonl_dash_reads_standard_input(monkeypatch, capsys):
    """`check - --jsonl` reads its requests from standard input."""
    status, out, _ = run(monkeypatch, capsys, ["check", "-", "--jsonl"], JSONL.encode())
    assert [i for i, _ in jsonl_ids_and_counts(out)] == ["a", "b"] and status == 1


def test_jsonl_bad_utf8_line_in_a_file_is_answered_and_the_stream_goes_on(monkeypatch, capsys, tmp_path):
    """A line of a JSONL file that is not UTF-8 gets an error naming it; the lines after it are linted."""
    requests = tmp_path / "posts.jsonl"
    requests.write_bytes(b'{"id": 1, "text": "caf\xe9"}\n' + JSONL.encode())
    status, out, _ = run(monkeypatch, capsys, ["check", str(requests), "--jsonl"])
    results = [json.loads(line) for line in out.splitlines()]
    assert results[0] == {"id": 1, "error": {"code": "bad-request", "message": "line 1: not UTF-8 text at byte 23"}}
    assert [r["id"] for r in results[1:]] == ["a", "b"] and status == 2


def test_jsonl_missing_file_exits_two(monkeypatch, capsys, tmp_path):
    """A JSONL file that does not exist: exit 2 and a message naming it."""
    status, out, err = run(monkeypatch, capsys, ["check", str(tmp_path / "nope.jsonl"), "--jsonl"])
    assert (status, out) == (2, "") and f"{tmp_path / 'nope.jsonl'}: cannot read: No such file or directory" in err


def test_serve_with_a_broken_profile_names_nobody(tmp_path):
    """`postlint serve` refusing a broken profile says path:line for each problem without quoting the list."""
    (tmp_path / "council.toml").write_text('[council]\nname = "T"\n', encoding="utf-8")
    rows = "name,group,role,aliases\nOttoline Vavasour,resident,,\nOttoline Vavasour,resident,,\n"
    (tmp_path / "people.csv").write_text(rows, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "linter.cli", "serve", "--profile", str(tmp_path),
                           "--socket", str(tmp_path / "s.sock")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert f"{tmp_path}/people.csv:3: duplicate person (same as line 2)" in done.stderr
    assert "Ottoline" not in done.stderr and "Vavasour" not in done.stderr


def test_profile_check_tells_the_clerk_the_name(monkeypatch, capsys, tmp_path):
    """`postlint profile check`, run by the clerk on their own files, still names the duplicate."""
    (tmp_path / "council.toml").write_text('[council]\nname = "T"\n', encoding="utf-8")
    rows = "name,group,role,aliases\nOttoline Vavasour,resident,,\nOttoline Vavasour,resident,,\n"
    (tmp_path / "people.csv").write_text(rows, encoding="utf-8")
    status, _, err = run(monkeypatch, capsys, ["profile", "check", str(tmp_path)])
    assert status == 2 and f"{tmp_path}/people.csv:3: duplicate person 'Ottoline Vavasour' (first on line 2)" in err


def test_profile_check_reports_ok(monkeypatch, capsys):
    """`postlint profile check` on the demo profile says OK."""
    from linter.profile import DEMO_PROFILE

    status, out, _ = run(monkeypatch, capsys, ["profile", "check", str(DEMO_PROFILE)])
    assert status == 0 and "OK: Thrapston Town Council, 14 people" in out


def test_console_script_runs():
    """The installed console script answers --help (a real subprocess)."""
    done = subprocess.run([sys.executable, "-m", "linter.cli", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "check" in done.stdout


def test_jsonl_survives_bad_lines(monkeypatch, capsys):
    """A lone surrogate or an impossible `at` answers that line with an error; the stream goes on."""
    lines = [
        '{"id": 1, "text": "\\ud83d x"}',
        json.dumps({"id": 2, "text": "hi", "at": "0001-01-01T00:00:00+05:00"}),
        json.dumps({"id": 3, "text": CLEAN, "at": "2026-11-21T19:00+00:00"}),
    ]
    status, out, _ = run(monkeypatch, capsys, ["check", "--jsonl"], "\n".join(lines).encode())
    results = [json.loads(line) for line in out.splitlines()]
    assert [("error" in r) for r in results] == [True, True, False]
    assert status == 2


def test_at_option_is_checked(monkeypatch, capsys):
    """--at outside 1970..9000 is a usage error (exit 2), not a traceback."""
    with pytest.raises(SystemExit) as done:
        run(monkeypatch, capsys, ["check", "--at", "0001-01-01T00:00:00+05:00"], b"hi")
    assert done.value.code == 2
