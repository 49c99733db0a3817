"""Fuzzing the host and the service: 10,000 random frames and bodies, no crash, no hang, well-formed replies."""

from __future__ import annotations

import asyncio
import io
import json
import os
import struct
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extension_host import framing, host
from extension_host.autostart import UnixHTTPConnection, probe_health

SERVICE_EXAMPLES, HOST_STREAM_EXAMPLES, HOST_PROCESS_EXAMPLES = 4000, 5000, 1000
REPLY_KEYS = {"warnings", "error", "pong", "health", "rules"}


def fuzz(examples: int) -> settings:
    """Settings for a fixed, reproducible run of ``examples`` examples."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                           max_leaves=12)
posts = st.text(max_size=300) | st.sampled_from(["Dan Okafor is off sick 😀", "Ring Priya Raman on 07700 900123"])
requests = st.fixed_dictionaries(
    {"text": posts | json_values},
    optional={
        "id": st.integers(-10, 10**6) | st.text(max_size=20) | json_values,
        "type": st.sampled_from(["lint", "health", "rules", "ping"]) | json_values,
        "mode": st.sampled_from(["personal", "council"]) | json_values,
        "at": st.datetimes().map(lambda d: d.isoformat()) | json_values,
        "author": st.text(max_size=20) | json_values,
    },
)
bodies = requests.map(lambda r: json.dumps(r).encode()) | json_values.map(lambda v: json.dumps(v).encode()) | st.binary(max_size=300)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """One real service on a temporary socket for the whole module."""
    sock = tmp_path_factory.mktemp("fz") / "s.sock"
    proc = subprocess.Popen([sys.executable, "-m", "linter.service", "--socket", str(sock), "--log-level", "WARNING"],
                            stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not probe_health(sock) and time.monotonic() < deadline:
        assert proc.poll() is None, "the service exited during start-up"
        time.sleep(0.1)
    yield sock
    proc.terminate()
    proc.wait(timeout=60)


def assert_reply(reply: object) -> None:
    """A well-formed reply frame: an object with an id and exactly one kind of answer."""
    assert isinstance(reply, dict) and "id" in reply
    assert len(REPLY_KEYS & set(reply)) == 1, reply
    if "error" in reply:
        assert isinstance(reply["error"]["code"], str) and isinstance(reply["error"]["message"], str)


def assert_warnings(text: str, warnings: list) -> None:
    """Every warning's offsets point at its own text."""
    for w in warnings:
        assert text[w["start"]:w["end"]] == w["text"] and 0 <= w["start16"] <= w["end16"]


@pytest.mark.model
def test_service_survives_random_bodies(service):
    """Random JSON and bytes posted to /v1/lint get a JSON answer of a known status."""

    @fuzz(SERVICE_EXAMPLES)
    @given(body=bodies)
    def check(body):
        conn = UnixHTTPConnection(service, timeout=60)
        try:
            conn.request("POST", "/v1/lint", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            status, reply = response.status, json.loads(response.read())
        finally:
            conn.close()
        assert status in (200, 400, 413, 422, 503, 504)
        if status == 200:
            assert_warnings(json.loads(body)["text"], reply["warnings"])
        else:
            assert set(reply["error"]) == {"code", "message"}

    check()


def frames_of(parts: list[bytes]) -> bytes:
    """Frame each body."""
    return b"".join(struct.pack("=I", len(p)) + p for p in parts)


def replies_of(stream: bytes) -> list:
    """Every reply frame in the host's output (which must parse completely)."""
    reader, out = io.BytesIO(stream), []
    while (body := framing.read_frame(reader)) is not None:
        out.append(json.loads(body))
    return out


async def run_host(data: bytes, sock) -> bytes:
    """The in-process host over a byte stream, with a hang guard."""
    writer = io.BytesIO()
    status = await asyncio.wait_for(host.run(io.BytesIO(data), writer, socket=sock, autostart=False), 60)
    assert status == 0
    return writer.getvalue()


@pytest.mark.model
def test_host_survives_random_frame_streams(service):
    """Random frames, then random trailing bytes: one well-formed reply per whole frame, then a clean exit."""

    @fuzz(HOST_STREAM_EXAMPLES)
    @given(parts=st.lists(bodies, max_size=4), tail=st.binary(max_size=12))
    def check(parts, tail):
        replies = replies_of(asyncio.run(run_host(frames_of(parts) + tail, service)))
        for reply in replies:
            assert_reply(reply)
        assert len(parts) <= len(replies) <= len(parts) + 1

    check()


@pytest.mark.model
def test_host_process_answers_every_random_message(service):
    """Through the real postlint-host: every random JSON message gets one well-formed reply."""
    proc = subprocess.Popen([sys.executable, "-m", "extension_host.host"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env={**os.environ, "POSTLINT_SOCKET": str(service), "POSTLINT_NO_AUTOSTART": "1"})

    @fuzz(HOST_PROCESS_EXAMPLES)
    @given(body=bodies)
    def check(body):
        proc.stdin.write(frames_of([body]))
        proc.stdin.flush()
        (size,) = struct.unpack("=I", proc.stdout.read(4))
        assert size <= framing.MAX_REPLY
        assert_reply(json.loads(proc.stdout.read(size)))

    try:
        check()
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
