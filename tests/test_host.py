"""The native messaging host: the real ``postlint-host`` speaking real frames to the real service."""

from __future__ import annotations

import io
import json
import os
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extension_host import framing
from extension_host.autostart import probe_health
from linter.profile import DEMO_PROFILE

HOST = [sys.executable, "-m", "extension_host.host"]
PRIVATE_MARKER = "Zanzibar-Quokka-7731 told me"


class HostProcess:
    """A running ``postlint-host`` and helpers to talk to it in frames."""

    def __init__(self, env: dict, stderr):
        self.proc = subprocess.Popen(HOST, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env)

    def send_raw(self, data: bytes) -> None:
        """Write raw bytes to the host's stdin."""
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: object) -> None:
        """Send one JSON frame."""
        body = json.dumps(message).encode()
        self.send_raw(struct.pack("=I", len(body)) + body)

    def recv(self) -> dict:
        """Read one reply frame."""
        (size,) = struct.unpack("=I", self.proc.stdout.read(4))
        assert size <= framing.MAX_REPLY
        return json.loads(self.proc.stdout.read(size))

    def close(self) -> tuple[int, bytes]:
        """Close stdin; the exit status and whatever else was written to stdout."""
        self.proc.stdin.close()
        rest = self.proc.stdout.read()
        return self.proc.wait(timeout=60), rest


def host_env(sock: Path, **extra) -> dict:
    """The environment for a host talking to ``sock``."""
    return {**os.environ, "POSTLINT_SOCKET": str(sock), **extra}


@pytest.fixture(scope="module")
def auto(tmp_path_factory):
    """A host whose first request auto-starts the service on an empty socket; the service is stopped after."""
    root = tmp_path_factory.mktemp("host")
    sock, err = root / "s.sock", open(root / "host.log", "wb")
    host = HostProcess(host_env(sock), err)
    started = time.monotonic()
    host.send({"id": "first", "type": "lint", "text": "Dan Okafor is off sick again"})
    first = host.recv()
    yield {"host": host, "sock": sock, "first": first, "root": root, "waited": time.monotonic() - started}
    host.close()
    err.close()
    health = probe_health(sock)
    if health:
        os.kill(health["pid"], signal.SIGTERM)


@pytest.mark.model
def test_host_starts_the_service_when_it_is_not_running(auto):
    """The first lint starts the service detached (its own session) and still gets its warnings."""
    assert auto["first"]["id"] == "first" and "warnings" in auto["first"]
    health = probe_health(auto["sock"])
    assert health and health["pid"] != auto["host"].proc.pid
    assert os.getsid(health["pid"]) == health["pid"]
    assert (auto["sock"].parent / "s.sock.log").exists()


@pytest.mark.parametrize(
    ("text", "span"),
    [("Dan Okafor is off sick again", (0, 10, 0, 10)), ("🎉🎉 Dan Okafor is off sick again", (3, 13, 5, 15))],
)
@pytest.mark.model
def test_lint_round_trip_through_the_host(auto, text, span):
    """A lint request comes back with its id and the listed person at code-point and UTF-16 offsets."""
    host = auto["host"]
    host.send({"id": 42, "type": "lint", "text": text, "mode": "personal", "at": "2026-11-21T19:00:00+00:00"})
    reply = host.recv()
    assert reply["id"] == 42
    person = [w for w in reply["warnings"] if w["rule"] == "listed-person"]
    assert [(w["start"], w["end"], w["start16"], w["end16"]) for w in person] == [span]


@pytest.mark.model
def test_health_rules_and_ping(auto):
    """health, rules and ping requests are answered in kind."""
    host = auto["host"]
    for kind, key in (("health", "health"), ("rules", "rules"), ("ping", "pong")):
        host.send({"id": kind, "type": kind})
        reply = host.recv()
        assert reply["id"] == kind and key in reply


@pytest.mark.model
def test_concurrent_burst_replies_carry_their_ids(auto):
    """Fifty requests sent at once get fifty replies, matched by id, each well-formed."""
    host = auto["host"]
    texts = {i: f"Post {i}: Dan Okafor said hello to Priya Raman." for i in range(50)}
    for i, text in texts.items():
        host.send({"id": i, "type": "lint", "text": text})
    replies = [host.recv() for _ in texts]
    assert sorted(r["id"] for r in replies) == sorted(texts)
    for reply in replies:
        if "error" in reply:
            assert reply["error"]["code"] == "busy"
        else:
            assert all(texts[reply["id"]][w["start"]:w["end"]] == w["text"] for w in reply["warnings"])


BAD_MESSAGES = [
    # (the message, the error code)
    ([1, 2, 3], "bad-request"),
    ("lint", "bad-request"),
    ({"id": {"nested": 1}, "type": "lint", "text": "hi"}, "bad-request"),
    ({"id": 1, "type": "shout", "text": "hi"}, "bad-request"),
    ({"id": 1, "type": "lint", "text": 5}, "bad-field"),
    ({"id": 1, "type": "lint", "text": "hi", "mode": "loud"}, "bad-field"),
    ({"id": 1, "type": "lint", "text": "hi", "at": "soon"}, "bad-field"),
]


@pytest.mark.model
@pytest.mark.parametrize(("message", "code"), BAD_MESSAGES)
def test_wrong_shapes_get_error_frames(auto, message, code):
    """A request of the wrong shape gets an error frame and the host keeps serving."""
    host = auto["host"]
    host.send(message)
    reply = host.recv()
    assert reply["error"]["code"] == code and "id" in reply
    host.send({"id": "after", "type": "ping"})
    assert host.recv() == {"id": "after", "pong": True}


@pytest.mark.model
def test_invalid_json_and_oversized_frames_are_answered_and_skipped(auto):
    """Invalid JSON and a frame over the request limit get error frames; the stream stays in step."""
    host = auto["host"]
    host.send_raw(struct.pack("=I", 5) + b"{nope")
    assert host.recv()["error"]["code"] == "bad-json"
    host.send_raw(struct.pack("=I", 4) + b"\xff\xfe\xfd\xfc")
    assert host.recv()["error"]["code"] == "bad-json"
    big = framing.MAX_REQUEST + 10
    host.send_raw(struct.pack("=I", big) + b" " * big)
    assert host.recv()["error"]["code"] == "too-large"
    host.send({"id": "still", "type": "ping"})
    assert host.recv() == {"id": "still", "pong": True}


def fresh_host(tmp_path: Path, **env) -> HostProcess:
    """A host with no service behind it and auto-start off (unless ``env`` says otherwise)."""
    return HostProcess(host_env(tmp_path / "none.sock", POSTLINT_NO_AUTOSTART="1", **env), subprocess.PIPE)


@pytest.mark.parametrize(
    ("tail", "replies"),
    [
        (b"", []),
        (b"\x03\x00", ["truncated-frame"]),
        (struct.pack("=I", 100) + b'{"id": 1', ["truncated-frame"]),
        (struct.pack("=I", 0xFFFFFFFF), ["too-large"]),
    ],
)
def test_end_of_stream_exits_cleanly(tmp_path, tail, replies):
    """Closing stdin, mid-frame or not, ends the host with status 0 after at most an error frame."""
    host = fresh_host(tmp_path)
    host.send_raw(tail)
    status, rest = host.close()
    codes = []
    stream = io.BytesIO(rest)
    while (body := framing.read_frame(stream)) is not None:
        codes.append(json.loads(body)["error"]["code"])
    assert (status, codes) == (0, replies)


def test_unreachable_service_is_an_error_frame_not_a_crash(tmp_path):
    """With no service and auto-start off, a lint gets a service-unavailable error frame."""
    host = fresh_host(tmp_path)
    host.send({"id": 7, "type": "lint", "text": "hello"})
    reply = host.recv()
    assert reply["id"] == 7 and reply["error"]["code"] == "service-unavailable"
    assert host.close()[0] == 0


def test_service_that_cannot_start_is_an_error_frame(tmp_path):
    """When auto-start fails (a broken profile), the browser gets an error frame, not a hang."""
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "council.toml").write_text("[council]\nname = 7\n")
    (profile / "people.csv").write_text((DEMO_PROFILE / "people.csv").read_text())
    host = HostProcess(host_env(tmp_path / "s.sock", POSTLINT_PROFILE=str(profile)), subprocess.PIPE)
    host.send({"id": 8, "type": "lint", "text": "hello"})
    reply = host.recv()
    assert reply["id"] == 8 and reply["error"]["code"] == "service-unavailable"
    assert host.close()[0] == 0


@pytest.mark.model
def test_host_stderr_and_service_log_never_hold_post_text(auto):
    """After linting a marked text, neither the host's stderr nor the service log contains it."""
    host = auto["host"]
    host.send({"id": "p", "type": "lint", "text": PRIVATE_MARKER})
    assert host.recv()["id"] == "p"
    for log in (auto["root"] / "host.log", auto["sock"].parent / "s.sock.log"):
        assert "Zanzibar" not in log.read_text(encoding="utf-8", errors="replace")


# --- framing, without processes --------------------------------------------------------------


def test_frames_are_native_endian_length_then_utf8_json():
    """A frame is the 32-bit native-endian body length, then the compact JSON body."""
    frame = framing.encode({"id": 1, "pong": True})
    assert frame == struct.pack("=I", 20) + b'{"id":1,"pong":true}'
    assert framing.read_frame(io.BytesIO(frame)) == b'{"id":1,"pong":true}'


def test_replies_over_one_megabyte_are_cut_to_fit():
    """A reply with too many warnings keeps the leading ones under 1 MB and says it was truncated."""
    warnings = [{"rule": "x", "message": "m" * 500, "start": i, "end": i + 1} for i in range(5000)]
    frame = framing.encode({"id": 1, "warnings": warnings})
    body = json.loads(frame[4:])
    assert len(frame) - 4 <= framing.MAX_REPLY and body["truncated"] is True
    assert body["warnings"] == warnings[: len(body["warnings"])] and body["warnings"]


def test_stray_prints_cannot_corrupt_the_frame_stream(tmp_path):
    """Anything printed to stdout inside the host goes to stderr; stdout carries only frames."""
    code = ("import sys; from extension_host import host; w = host.take_stdout(); print('stray');"
            "host.Output(w).send({'id': 1, 'pong': True})")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.stdout == framing.encode({"id": 1, "pong": True})
    assert b"stray" in done.stderr


async def test_failed_start_is_not_retried_per_request(tmp_path):
    """After the service fails to start, further requests are answered at once, not by starting again."""
    from extension_host.relay import Relay, Unavailable

    attempts = []

    async def failing_start() -> bool:
        attempts.append(1)
        return False

    async with Relay(tmp_path / "absent.sock", starter=failing_start) as relay:
        for _ in range(3):
            with pytest.raises(Unavailable):
                await relay.call("lint", {"type": "lint", "text": "hello"})
    assert len(attempts) == 1
