"""The local lint service: the real service on a temporary socket (and loopback TCP)."""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
import shutil
import socket as socketlib
import stat
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from extension_host.autostart import UnixHTTPConnection, probe_health
from linter.lint import Linter, load_rules_profile
from linter.profile import DEMO_PROFILE
from linter.rules import RULES
from linter.service import engine, reload
from linter.service.app import init_app
from linter.service.auth import allowed_hosts
from linter.service.config import ServiceConfig
from linter.service.limits import Busy, Limiter, OutOfTime
from linter.wire import utf16_offsets

PRIVATE_MARKER = "Zanzibar-Quokka-7731 told me"


def free_port() -> int:
    """A loopback port nobody is using right now."""
    with socketlib.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(sock: Path, proc: subprocess.Popen, *, timeout: float = 240.0) -> dict:
    """Block until the service answers health (or fail the test if it died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if health := probe_health(sock, timeout=1.0):
            return health
        assert proc.poll() is None, "the service exited during start-up"
        time.sleep(0.1)
    raise AssertionError("the service did not become ready")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One real service (Unix socket + TCP) over a copy of the demo profile, logging at DEBUG."""
    root = tmp_path_factory.mktemp("svc")
    profile = root / "profile"
    shutil.copytree(DEMO_PROFILE, profile)
    sock, log, port = root / "s.sock", root / "service.log", free_port()
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "linter.service", "--socket", str(sock), "--profile", str(profile),
             "--tcp", f"127.0.0.1:{port}", "--log-level", "DEBUG"],
            stdin=subprocess.DEVNULL, stdout=err, stderr=err,
        )
    wait_healthy(sock, proc)
    yield {"sock": sock, "log": log, "port": port, "profile": profile, "proc": proc, "root": root}
    proc.terminate()
    proc.wait(timeout=60)


def call(sock: Path, method: str, path: str, body: bytes | None = None, headers=None) -> tuple[int, dict]:
    """One HTTP request over the Unix socket; status and JSON reply."""
    conn = UnixHTTPConnection(sock, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def lint(sock: Path, **fields) -> tuple[int, dict]:
    """POST /v1/lint with these fields."""
    return call(sock, "POST", "/v1/lint", json.dumps(fields).encode())


def tcp_call(port: int, path: str, *, headers: dict, body: bytes | None = None):
    """One HTTP request over loopback TCP; the response and its JSON."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST" if body is not None else "GET", path, body=body, headers=headers)
        response = conn.getresponse()
        return response, json.loads(response.read())
    finally:
        conn.close()


def assert_well_formed(text: str, warnings: list[dict]) -> None:
    """Every warning has the wire shape, and both offset pairs point at its text."""
    table = utf16_offsets(text)
    for w in warnings:
        assert {"rule", "code", "clause", "severity", "start", "end", "text", "message", "suggestions",
                "start16", "end16"} <= set(w)
        assert text[w["start"]:w["end"]] == w["text"]
        assert (w["start16"], w["end16"]) == (table[w["start"]], table[w["end"]])


# --- the real service ------------------------------------------------------------------------


@pytest.mark.model
def test_health_names_model_profile_and_uptime(served):
    """Health reports status, the model and profile with versions, and uptime."""
    status, health = call(served["sock"], "GET", "/v1/health")
    assert status == 200 and health["status"] == "ok"
    assert health["model"]["name"] and health["model"]["version"]
    assert health["profile"]["name"] == "Thrapston Town Council" and health["profile"]["version"]
    assert health["uptime_s"] >= 0 and health["profile"]["problems"] == []


@pytest.mark.model
def test_rules_lists_every_rule(served):
    """/v1/rules lists every registered rule with its clause, severity and documentation."""
    status, reply = call(served["sock"], "GET", "/v1/rules")
    assert status == 200
    assert [r["code"] for r in reply["rules"]] == [r.code for r in RULES]
    assert all({"code", "name", "clause", "severity", "doc", "modes"} <= set(r) for r in reply["rules"])


@pytest.mark.parametrize(
    ("text", "start", "end", "start16", "end16"),
    [
        ("Dan Okafor is off sick again", 0, 10, 0, 10),
        ("😀😀 Dan Okafor is off sick again", 3, 13, 5, 15),
    ],
)
@pytest.mark.model
def test_lint_round_trip_listed_person(served, text, start, end, start16, end16):
    """A listed employee is flagged with code-point and UTF-16 offsets (emoji shift the latter)."""
    status, reply = lint(served["sock"], text=text, mode="personal", at="2026-11-21T19:00:00+00:00")
    assert status == 200 and reply["elapsed_ms"] >= 0
    assert_well_formed(text, reply["warnings"])
    person = [w for w in reply["warnings"] if w["rule"] == "listed-person"]
    assert [(w["start"], w["end"], w["start16"], w["end16"]) for w in person] == [(start, end, start16, end16)]


@pytest.mark.model
def test_lint_of_blank_text_has_no_warnings(served):
    """A blank post lints cleanly."""
    status, reply = lint(served["sock"], text="   ")
    assert (status, reply["warnings"]) == (200, [])


BAD_REQUESTS = [
    # (body, status, code, the field the message names)
    (b"{not json", 400, "bad-json", ""),
    (b"\xff\xfe{}", 400, "bad-json", ""),
    (b"", 400, "bad-json", ""),
    (b"[1, 2]", 422, "bad-field", "object"),
    (b'{"mode": "personal"}', 422, "bad-field", "text"),
    (b'{"text": 5}', 422, "bad-field", "text"),
    (b'{"text": "hi", "mode": "shouty"}', 422, "bad-field", "mode"),
    (b'{"text": "hi", "mode": ["personal"]}', 422, "bad-field", "mode"),
    (b'{"text": "hi", "at": "next Tuesday"}', 422, "bad-field", "at"),
    (b'{"text": "hi", "at": 12}', 422, "bad-field", "at"),
    (b'{"text": "hi", "author": 7}', 422, "bad-field", "author"),
    (b'{"text": "' + b"a" * (256 * 1024) + b'"}', 413, "too-large", ""),
]


@pytest.mark.model
@pytest.mark.parametrize(("body", "status", "code", "field"), BAD_REQUESTS)
def test_bad_requests_get_clear_json_errors(served, body, status, code, field):
    """Malformed JSON is 400, a wrong field 422 naming it, an oversized body 413; never a trace."""
    got, reply = call(served["sock"], "POST", "/v1/lint", body)
    assert (got, reply["error"]["code"]) == (status, code)
    assert field in reply["error"]["message"] and "Traceback" not in reply["error"]["message"]


@pytest.mark.model
@pytest.mark.parametrize(("method", "path", "status"), [("GET", "/v1/nope", 404), ("GET", "/v1/lint", 405)])
def test_unknown_routes_are_json_errors(served, method, path, status):
    """Unknown paths and methods answer with the JSON error shape."""
    got, reply = call(served["sock"], method, path)
    assert got == status and set(reply["error"]) == {"code", "message"}


@pytest.mark.model
def test_concurrent_burst_all_answered_and_health_stays_up(served):
    """A burst of 40 concurrent lints is answered (200, or 503 when the queue is full) while health answers."""
    text = "Dan Okafor and Priya Raman were at the meeting on Huntingdon Road."
    with ThreadPoolExecutor(max_workers=40) as pool:
        futures = [pool.submit(lint, served["sock"], text=text) for _ in range(40)]
        assert call(served["sock"], "GET", "/v1/health")[0] == 200
        results = [f.result() for f in futures]
    assert {status for status, _ in results} <= {200, 503}
    assert sum(status == 200 for status, _ in results) >= 1
    for status, reply in results:
        if status == 200:
            assert_well_formed(text, reply["warnings"])
        else:
            assert reply["error"]["code"] == "busy"


@pytest.mark.model
def test_socket_and_folder_are_private(served):
    """The socket is 0600 and the TCP token file 0600."""
    assert stat.S_IMODE(served["sock"].stat().st_mode) == 0o600
    assert stat.S_IMODE((served["root"] / "postlint.token").stat().st_mode) == 0o600


@pytest.mark.model
def test_second_service_on_the_same_socket_steps_aside(served):
    """Starting another service on a live socket exits at once and leaves the first serving."""
    second = subprocess.run([sys.executable, "-m", "linter.service", "--socket", str(served["sock"])],
                            capture_output=True, timeout=120)
    assert second.returncode == 0
    assert call(served["sock"], "GET", "/v1/health")[0] == 200


# --- loopback TCP: token, Host allowlist, no web-page Origin ------------------------------------


def token_of(served) -> str:
    """The bearer token the service wrote."""
    return (served["root"] / "postlint.token").read_text().strip()


@pytest.mark.model
def test_tcp_with_token_and_loopback_host_lints(served):
    """With the token and a loopback Host the TCP listener lints, and sends no CORS headers."""
    headers = {"Authorization": f"Bearer {token_of(served)}", "Host": f"127.0.0.1:{served['port']}"}
    response, reply = tcp_call(served["port"], "/v1/lint", headers=headers, body=b'{"text": "Dan Okafor"}')
    assert response.status == 200 and "warnings" in reply
    assert not [h for h in response.headers if h.lower().startswith("access-control-")]


def tcp_refusals(served) -> list[tuple[dict, int, str]]:
    """Requests the TCP listener must refuse: (headers, status, error code)."""
    port, token = served["port"], token_of(served)
    good_host = f"localhost:{port}"
    return [
        ({"Host": good_host}, 401, "unauthorized"),
        ({"Host": good_host, "Authorization": "Bearer " + "0" * 64}, 401, "unauthorized"),
        ({"Host": good_host, "Authorization": token}, 401, "unauthorized"),
        ({"Host": f"evil.example:{port}", "Authorization": f"Bearer {token}"}, 403, "host-not-allowed"),
        ({"Host": "127.0.0.1:1", "Authorization": f"Bearer {token}"}, 403, "host-not-allowed"),
        ({"Host": good_host, "Authorization": f"Bearer {token}", "Origin": "https://evil.example"}, 403, "origin-refused"),
        ({"Host": good_host, "Authorization": f"Bearer {token}", "Origin": "null"}, 403, "origin-refused"),
    ]


@pytest.mark.model
def test_tcp_refuses_missing_token_foreign_host_and_web_origins(served):
    """No token, a wrong token, a rebinding Host or any Origin is refused before linting."""
    for headers, status, code in tcp_refusals(served):
        for path, body in (("/v1/lint", b'{"text": "hi"}'), ("/v1/health", None)):
            response, reply = tcp_call(served["port"], path, headers=headers, body=body)
            assert (response.status, reply["error"]["code"]) == (status, code), headers


def test_tcp_refuses_a_non_loopback_address():
    """``--tcp`` on a public address is refused before anything starts."""
    from linter.service.auth import parse_tcp

    with pytest.raises(ValueError, match="loopback"):
        parse_tcp("0.0.0.0:8080")
    assert parse_tcp("[::1]:8080") == ("::1", 8080)


# --- profile reload --------------------------------------------------------------------------


def wait_for(predicate, *, timeout: float = 60.0):
    """Poll until ``predicate()`` is truthy; its value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    raise AssertionError("condition not reached")


UNLISTED_NAME = "Ottoline Vavasour"
# A duplicate, and a name with an unquoted comma whose first name lands in the group column.
BROKEN_ROWS = f"{UNLISTED_NAME},resident,,\n{UNLISTED_NAME},resident,Parish Clerk,Ottie\nVavasour, Ottoline,resident,\n"


def assert_nameless(text: str) -> None:
    """No part of the broken rows' name, role or alias appears in ``text``."""
    for word in ("ottoline", "vavasour", "ottie", "parish clerk"):
        assert word not in text.casefold(), word


@pytest.mark.model
def test_profile_edit_is_reloaded_and_a_broken_one_keeps_the_last_good(served):
    """A clean edit is served; a broken edit shows as path:line in health while the last good serves."""
    sock, profile = served["sock"], served["profile"]
    before = call(sock, "GET", "/v1/health")[1]["profile"]["version"]
    with open(profile / "people.csv", "a", encoding="utf-8") as f:
        f.write("Zebedee Quarrington,resident,,\n")
    wait_for(lambda: call(sock, "GET", "/v1/health")[1]["profile"]["version"] != before)
    text = "Zebedee Quarrington complained again"
    assert any(w["text"] == "Zebedee Quarrington" for w in lint(sock, text=text)[1]["warnings"])
    toml = profile / "council.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "Thrapston Town Council"', 'name = 7'))
    health = wait_for(lambda: (h := call(sock, "GET", "/v1/health")[1])["status"] == "degraded" and h)
    assert any(p.startswith(f"{toml}:") for p in health["profile"]["problems"])
    assert any(w["text"] == "Zebedee Quarrington" for w in lint(sock, text=text)[1]["warnings"])
    shutil.copy(DEMO_PROFILE / "council.toml", toml)
    wait_for(lambda: call(sock, "GET", "/v1/health")[1]["status"] == "ok")


@pytest.mark.model
def test_broken_people_csv_never_shows_names_in_health_or_the_service_log(served):
    """A broken people.csv shows path:line problems in health, and neither health nor the 0600 log names anyone."""
    sock, people = served["sock"], served["profile"] / "people.csv"
    good = people.read_text(encoding="utf-8")
    people.write_text(good + BROKEN_ROWS, encoding="utf-8")
    try:
        health = wait_for(lambda: (h := call(sock, "GET", "/v1/health")[1])["status"] == "degraded" and h)
        assert any(": duplicate person (same as line " in p for p in health["profile"]["problems"])
        assert_nameless(json.dumps(health))
        assert any(w["text"] == "Dan Okafor" for w in lint(sock, text="Dan Okafor is off sick")[1]["warnings"])
        log = served["log"].read_text(encoding="utf-8", errors="replace")
        assert "profile not reloaded" in log and "duplicate person (same as line" in log
        assert_nameless(log)
    finally:
        people.write_text(good, encoding="utf-8")
    wait_for(lambda: call(sock, "GET", "/v1/health")[1]["status"] == "ok")


@pytest.mark.model
def test_start_with_a_broken_profile_logs_problems_without_names(tmp_path):
    """The auto-started service refusing a broken profile logs path:line problems, exits 2, and names nobody."""
    shutil.copytree(DEMO_PROFILE, tmp_path / "p")
    with open(tmp_path / "p" / "people.csv", "a", encoding="utf-8") as f:
        f.write(BROKEN_ROWS)
    done = subprocess.run([sys.executable, "-m", "linter.service", "--profile", str(tmp_path / "p"),
                           "--socket", str(tmp_path / "s.sock")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "cannot start:" in done.stderr
    assert ": duplicate person (same as line " in done.stderr and ": unknown group (one of:" in done.stderr
    assert_nameless(done.stderr)


# --- privacy ---------------------------------------------------------------------------------


@pytest.mark.model
def test_post_text_never_reaches_the_service_log(served):
    """After lints and refusals of a marked text, the service's DEBUG log does not contain it."""
    lint(served["sock"], text=PRIVATE_MARKER)
    lint(served["sock"], text=PRIVATE_MARKER, mode="bogus")
    call(served["sock"], "POST", "/v1/lint", b'{"text": "' + PRIVATE_MARKER.encode() + b'", ')
    log = served["log"].read_text(encoding="utf-8", errors="replace")
    assert "listening on" in log
    assert "Zanzibar" not in log and "Quokka" not in log


@pytest.mark.model
async def test_post_text_never_logged_in_process(aiohttp_client, linter, caplog):
    """In process, every log record of a lint at DEBUG level is free of the post text."""
    caplog.set_level(logging.DEBUG)
    port, token = free_port(), "ab" * 32
    config = ServiceConfig(token=token, allowed_hosts=allowed_hosts(port))
    client = await aiohttp_client(init_app(config, linter=linter), server_kwargs={"port": port})
    statuses = []
    for body in ({"text": PRIVATE_MARKER}, {"text": PRIVATE_MARKER, "mode": 3}, {"text": PRIVATE_MARKER, "at": "x"}):
        response = await client.post("/v1/lint", json=body, headers={"Authorization": f"Bearer {token}"})
        statuses.append(response.status)
    assert statuses == [200, 422, 422]
    assert caplog.records
    assert all("Zanzibar" not in r.getMessage() for r in caplog.records)
    assert "Zanzibar" not in caplog.text


# --- the bounded queue and the time budget (no model) -----------------------------------------


async def test_limiter_refuses_when_the_queue_is_full():
    """With one slot taken, the next request is refused as busy."""
    release = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        limiter = Limiter(pool, queue_size=1, budget_s=30)
        try:
            first = asyncio.ensure_future(limiter.run(release.wait))
            await asyncio.sleep(0.05)
            with pytest.raises(Busy):
                await limiter.run(lambda: None)
        finally:
            release.set()
        assert await first is True
    assert limiter.in_flight == 0


async def test_limiter_gives_up_after_the_budget_and_skips_stale_work():
    """A slow request times out; work that waited past its budget is skipped, not run."""
    release, ran = threading.Event(), []
    with ThreadPoolExecutor(max_workers=1) as pool:
        limiter = Limiter(pool, queue_size=4, budget_s=0.2)
        try:
            blocker = asyncio.ensure_future(limiter.run(release.wait))
            await asyncio.sleep(0.05)
            with pytest.raises(OutOfTime):
                await limiter.run(ran.append, 1)
            with pytest.raises(OutOfTime):
                await blocker
        finally:
            release.set()
    await asyncio.sleep(0.05)
    assert ran == [] and limiter.in_flight == 0


# --- the watcher and /v1/rules, in process over a temporary profile -----------------------------


@dataclass
class Local:
    """A real in-process service (loopback TCP) watching a temporary copy of the demo profile."""

    client: object
    headers: dict
    profile: Path

    async def get(self, path: str) -> dict:
        """GET ``path``; its JSON."""
        response = await self.client.get(path, headers=self.headers)
        assert response.status == 200
        return await response.json()

    async def listed(self, text: str) -> list[str]:
        """What one lint flags as a person on the profile's list (``listed-person``)."""
        response = await self.client.post("/v1/lint", json={"text": text}, headers=self.headers)
        assert response.status == 200
        return [w["text"] for w in (await response.json())["warnings"] if w["rule"] == "listed-person"]

    async def until(self, predicate, *, timeout: float = 60.0) -> dict:
        """Poll health until ``predicate(health)`` holds; that health."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(health := await self.get("/v1/health")):
                return health
            await asyncio.sleep(0.05)
        raise AssertionError("condition not reached")

    def append(self, name: str, rows: str) -> None:
        """Append rows to one of the profile's files."""
        with open(self.profile / name, "a", encoding="utf-8") as f:
            f.write(rows)


@pytest.fixture
async def local(aiohttp_client, models, tmp_path):
    """The service in process over a copy of the demo profile, polling it every 50 ms."""
    profile = tmp_path / "profile"
    shutil.copytree(DEMO_PROFILE, profile)
    port, token = free_port(), "cd" * 32
    config = ServiceConfig(profile=profile, reload_interval_s=0.05, token=token, allowed_hosts=allowed_hosts(port))
    app = init_app(config, linter=Linter.build(models, load_rules_profile(profile)))
    client = await aiohttp_client(app, server_kwargs={"port": port})
    return Local(client, {"Authorization": f"Bearer {token}"}, profile)


def degraded(health: dict) -> bool:
    """True when the last reload failed."""
    return health["status"] == "degraded"


@pytest.mark.model
async def test_reload_problems_in_process_name_nobody(local, caplog):
    """After a broken people.csv, health's problems and every log record are free of the listed names."""
    caplog.set_level(logging.DEBUG)
    lines = (local.profile / "people.csv").read_text(encoding="utf-8").count("\n")
    local.append("people.csv", BROKEN_ROWS)
    health = await local.until(degraded)
    people = local.profile / "people.csv"
    assert health["profile"]["problems"] == [
        f"{people}:{lines + 2}: duplicate person (same as line {lines + 1})",
        f"{people}:{lines + 3}: unknown group (one of: employee, councillor, resident, customer, contractor, supplier)",
    ]
    assert_nameless(json.dumps(health))
    assert "profile not reloaded" in caplog.text
    assert_nameless(caplog.text)
    assert "Dan Okafor" in await local.listed("Dan Okafor is off sick")


@pytest.mark.model
async def test_people_csv_replaced_by_a_directory_keeps_the_last_good(local):
    """A profile file turned into a folder is a problem in health; the last good profile serves; a fix reloads."""
    people = local.profile / "people.csv"
    good = people.read_text(encoding="utf-8")
    people.unlink()
    people.mkdir()
    health = await local.until(degraded)
    assert health["profile"]["problems"] == [f"{people}:0: cannot read: Is a directory"]
    assert "Dan Okafor" in await local.listed("Dan Okafor is off sick")
    people.rmdir()
    people.write_text(good + "Zebedee Quarrington,resident,,\n", encoding="utf-8")
    await local.until(lambda h: h["status"] == "ok")
    assert "Zebedee Quarrington" in await local.listed("Zebedee Quarrington complained again")


@pytest.mark.model
async def test_watcher_survives_an_unexpected_error(local, monkeypatch, caplog):
    """A loader that fails unexpectedly once: the type is logged (not its message), the last good serves, watching goes on."""
    real, calls = reload.load_candidate, []

    def fail_once(models, folder):
        calls.append(folder)
        if len(calls) == 1:
            raise RuntimeError(f"cannot index {UNLISTED_NAME}")
        return real(models, folder)

    monkeypatch.setattr(reload, "load_candidate", fail_once)
    before = (await local.get("/v1/health"))["profile"]["version"]
    local.append("people.csv", "Zebedee Quarrington,resident,,\n")
    health = await local.until(degraded)
    assert health["profile"]["problems"] == [
        f"{local.profile}:0: the profile could not be reloaded (RuntimeError; see the service log)"
    ]
    assert health["profile"]["version"] == before
    assert "unexpected RuntimeError" in caplog.text
    assert_nameless(caplog.text)
    assert "Zebedee Quarrington" not in await local.listed("Zebedee Quarrington complained again")
    local.append("people.csv", "Ottilie Brackenbury,resident,,\n")
    health = await local.until(lambda h: h["status"] == "ok")
    assert health["profile"]["version"] != before and len(calls) >= 2
    assert "Zebedee Quarrington" in await local.listed("Zebedee Quarrington complained again")


@pytest.mark.model
async def test_rules_are_built_once_per_profile_and_follow_a_reload(local, monkeypatch):
    """/v1/rules reflects [rules] after a reload, and is built on reload rather than per request."""
    built, real = [], engine.rule_dict
    monkeypatch.setattr(engine, "rule_dict", lambda rule, *rest: built.append(rule.code) or real(rule, *rest))
    version = (await local.get("/v1/health"))["profile"]["version"]
    before = {r["code"]: r for r in (await local.get("/v1/rules"))["rules"]}
    assert (before["PL406"]["severity"], before["PL240"]["enabled"]) == ("error", True)
    await local.get("/v1/rules")
    assert built == []
    toml = local.profile / "council.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "disable = []", 'disable = ["working-hours"]\n[rules.severity]\nlisted-person = "info"'), encoding="utf-8")
    await local.until(lambda h: h["status"] == "ok" and h["profile"]["version"] != version)
    after = {r["code"]: r for r in (await local.get("/v1/rules"))["rules"]}
    await local.get("/v1/rules")
    assert (after["PL406"]["severity"], after["PL406"]["default_severity"]) == ("info", "error")
    assert (after["PL240"]["enabled"], after["PL420"]["enabled"]) == (False, True)
    assert sorted(built) == sorted(r.code for r in RULES)
