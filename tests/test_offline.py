"""Runtime never touches the network: a whole lint runs with every non-loopback connection failing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

GUARDED_LINT = textwrap.dedent(
    """
    import ipaddress, json, socket, sys

    attempts = []

    def _is_loopback(address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, bytes):
            host = host.decode()
        if not isinstance(host, str) or host.startswith("/") or host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False

    def _guard(original):
        def guarded(self, address, *args):
            if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
                attempts.append(repr(address))
                raise OSError("network blocked by test")
            return original(self, address, *args)
        return guarded

    def _resolve(original):
        def guarded(host, *args, **kwargs):
            if host is not None and not _is_loopback(host if isinstance(host, str) else str(host)):
                attempts.append(f"getaddrinfo {host!r}")
                raise socket.gaierror("name resolution blocked by test")
            return original(host, *args, **kwargs)
        return guarded

    socket.socket.connect = _guard(socket.socket.connect)
    socket.socket.connect_ex = _guard(socket.socket.connect_ex)
    socket.getaddrinfo = _resolve(socket.getaddrinfo)

    from linter.lint import load_linter

    linter = load_linter()
    texts = [
        "Mail dan.okafor@thrapstontowncouncil.gov.uk or see https://www.example.co.uk/news",
        "Ring Edith Barraclough on 07700 900123, she lives at 14 Oundle Road NN14 4JJ",
        "Lovely walk by the river with the dog this evening",
    ]
    counts = [len(linter.lint(t)) for t in texts]
    print(json.dumps({"attempts": attempts, "counts": counts}))
    """
)


@pytest.mark.model
def test_lint_makes_no_network_connection():
    """Loading the models and linting e-mails, URLs and names attempts no outside connection."""
    done = subprocess.run(
        [sys.executable, "-c", GUARDED_LINT], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["attempts"] == []
    assert len(report["counts"]) == 3


def test_guard_really_blocks():
    """The guard itself refuses an outside address, so the test above can fail."""
    script = GUARDED_LINT.split("from linter.lint")[0] + textwrap.dedent(
        """
        try:
            socket.create_connection(("192.0.2.1", 80), timeout=1)
        except OSError:
            pass
        print(json.dumps(attempts))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stdout) != []


def test_hub_is_offline_before_spacy_imports_it():
    """Importing spaCy imports huggingface_hub, which reads its offline switch once: postlint sets it first."""
    script = ("import linter.lint, huggingface_hub.constants as c, transformers.utils.logging as t; "
              "print(c.HF_HUB_OFFLINE, c.HF_HUB_DISABLE_TELEMETRY, t.is_progress_bar_enabled())")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "True", "False"]
