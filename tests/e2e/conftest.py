"""End-to-end fixtures: the real service, the real host, Debian's Chromium with the extension.

A local HTTPS server (a self-signed certificate made here with the ``openssl`` CLI) serves
composer pages; Chromium's ``--host-resolver-rules`` sends the real sites' names to it, so
the shipped manifest's host permissions are what gets tested. The host manifest is written
into each test's own ``--user-data-dir`` by ``postlint install-host``.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extension_host.autostart import UnixHTTPConnection, probe_health
from linter.profile import DEMO_PROFILE as DEMO_PROFILE_DIR

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
EXTENSION = REPO / "extension"
PAGES = Path(__file__).parent / "pages"
SCREENSHOTS = REPO / "artifacts" / "screenshots"
SITES = ("www.facebook.com", "x.com", "www.linkedin.com")
DEV_EXTENSION_ID = "endnbiacfdanoemehlleodemckefnngp"
BIN = Path(sys.executable).parent
READY_TIMEOUT_S = 180


def _missing() -> str | None:
    """Why the end-to-end tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install playwright; no browser download needed)"
    if not shutil.which("openssl"):
        return "the openssl command is missing (apt-get install openssl)"
    return None


@pytest.fixture(autouse=True)
def _needs_chromium(request):
    """Skip e2e tests, with the reason, when Chromium, playwright or openssl is missing."""
    reason = _missing() if request.node.get_closest_marker("e2e") else None
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for the sites' names, made for this run."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    names = ",".join(f"DNS:{name}" for name in SITES)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=postlint e2e", "-addext", f"subjectAltName={names}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the fixture pages without logging every request."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        """Say nothing."""


@pytest.fixture(scope="session")
def site(certificate):
    """The port of a local HTTPS server serving tests/e2e/pages."""
    handler = functools.partial(_QuietHandler, directory=str(PAGES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*map(str, certificate))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def without_working_hours(toml: str) -> str:
    """council.toml with its [working_hours] table replaced by one with no working days."""
    kept, skipping = [], False
    for line in toml.splitlines():
        if line.startswith("["):
            skipping = line.strip() == "[working_hours]"
        if not skipping:
            kept.append(line)
    return "\n".join(kept + ["", "[working_hours]", "days = []", ""])


@pytest.fixture(scope="session")
def e2e_profile(tmp_path_factory) -> Path:
    """The demo profile with no working hours, so the time a test runs never adds a warning."""
    folder = tmp_path_factory.mktemp("profile")
    shutil.copy(DEMO_PROFILE_DIR / "people.csv", folder / "people.csv")
    toml = (DEMO_PROFILE_DIR / "council.toml").read_text(encoding="utf-8")
    (folder / "council.toml").write_text(without_working_hours(toml), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def service(tmp_path_factory, e2e_profile):
    """The real ``postlint serve`` on a Unix socket of its own; yields the socket path."""
    socket = tmp_path_factory.mktemp("run") / "postlint.sock"
    log = (socket.parent / "service.log").open("wb")
    process = subprocess.Popen([str(BIN / "postlint"), "serve", "--socket", str(socket),
                                "--profile", str(e2e_profile)], stdout=log, stderr=log)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not probe_health(socket, timeout=1.0):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"postlint serve did not start; see {socket.parent / 'service.log'}")
        time.sleep(0.2)
    _warm_up(socket)
    yield socket
    process.terminate()
    process.wait(timeout=30)
    log.close()


def _warm_up(socket: Path) -> None:
    """One lint straight to the service, so the timings printed are of a running service."""
    conn = UnixHTTPConnection(socket, timeout=60)
    try:
        conn.request("POST", "/v1/lint", body='{"text": "Warm-up post about Thrapston."}',
                     headers={"Content-Type": "application/json"})
        conn.getresponse().read()
    finally:
        conn.close()


def install_host(user_data_dir: Path, home: Path, *, socket: Path, profile: Path) -> None:
    """Run ``postlint install-host`` so the manifest lands in this browser's user-data-dir."""
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config")}
    subprocess.run([str(BIN / "postlint"), "install-host", "--browser", "chromium",
                    "--extension-id", DEV_EXTENSION_ID, "--user-data-dir", str(user_data_dir),
                    "--socket", str(socket), "--profile", str(profile)],
                   check=True, capture_output=True, env=env)


def chromium_args(port: int) -> list[str]:
    """Chromium's flags: new headless, only our extension, the sites mapped to the local server."""
    rules = ", ".join(f"MAP {name} 127.0.0.1:{port}" for name in SITES)
    return ["--headless=new", f"--disable-extensions-except={EXTENSION}",
            f"--load-extension={EXTENSION}", f"--host-resolver-rules={rules}",
            "--ignore-certificate-errors", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-features=DisableLoadExtensionCommandLineSwitch"]


class Browser:
    """A persistent Chromium context with the extension loaded, and its extension id."""

    def __init__(self, context, extension_id: str, port: int):
        self.context = context
        self.extension_id = extension_id
        self.port = port

    def options(self):
        """A page showing the extension's options."""
        page = self.context.new_page()
        page.goto(f"chrome-extension://{self.extension_id}/options.html")
        return page

    def enable(self) -> None:
        """Switch postlint on in its options page, as the employee would."""
        page = self.options()
        page.check("#postlint-enabled")
        page.wait_for_selector('#postlint-watching[data-state="on"]')
        page.close()

    def open(self, host: str, path: str):
        """A page of the fixture site under a real site's name."""
        page = self.context.new_page()
        page.goto(f"https://{host}/{path}")
        return page

    @staticmethod
    def root(page):
        """postlint's closed shadow root in page, for the test's eyes only (see overlay)."""
        return overlay(page)


@pytest.fixture
def launch(tmp_path, site, service, e2e_profile):
    """A function that starts Chromium with the extension (the host installed unless told)."""
    from playwright.sync_api import sync_playwright

    runner = sync_playwright().start()
    contexts = []

    def start(*, host: bool = True, scale: float = 1, viewport: dict | None = None) -> Browser:
        user_data_dir = tmp_path / "chromium"
        user_data_dir.mkdir()
        if host:
            install_host(user_data_dir, tmp_path / "home", socket=service, profile=e2e_profile)
        context = runner.chromium.launch_persistent_context(
            str(user_data_dir), executable_path=str(CHROMIUM), headless=False,
            args=chromium_args(site), ignore_default_args=["--disable-extensions"],
            env={**os.environ, "POSTLINT_SOCKET": str(service)},
            viewport=viewport or {"width": 1100, "height": 720}, device_scale_factor=scale)
        contexts.append(context)
        worker = context.service_workers[0] if context.service_workers else \
            context.wait_for_event("serviceworker", timeout=30000)
        return Browser(context, worker.url.split("/")[2], site)

    yield start
    for context in contexts:
        context.close()
    runner.stop()


def _closed_roots(node: dict):
    """Every closed shadow root in a DevTools DOM tree, with its host node."""
    for child in node.get("children", []) + node.get("shadowRoots", []):
        if child.get("shadowRootType") == "closed":
            yield node, child
        yield from _closed_roots(child)


def overlay(page):
    """postlint's closed shadow root as a Playwright handle (tests only).

    The extension keeps the root in its content script's closure, and Playwright's selectors
    pierce only open roots, so the test reaches it the way DevTools does: the DevTools
    protocol lists closed roots (``DOM.getDocument`` with ``pierce``) and hands one over for
    a moment through a page global that is deleted at once. No page script can use the
    protocol, and the extension ships no hook, so what the tests see is what the sites get.
    """
    page.wait_for_selector("[data-postlint-root]", state="attached")
    cdp = page.context.new_cdp_session(page)
    try:
        tree = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})
        roots = [root for host, root in _closed_roots(tree["root"])
                 if "data-postlint-root" in host.get("attributes", [])[::2]]
        assert len(roots) == 1, f"expected one closed postlint root, found {len(roots)}"
        remote = cdp.send("DOM.resolveNode", {"nodeId": roots[0]["nodeId"]})["object"]
        cdp.send("Runtime.callFunctionOn", {"objectId": remote["objectId"],
                                             "functionDeclaration": "function () { window.__e2eRoot = this; }"})
    finally:
        cdp.detach()
    handle = page.evaluate_handle("() => { const r = window.__e2eRoot; delete window.__e2eRoot; return r; }")
    return handle.as_element()


@pytest.fixture
def screenshot(request):
    """Save a page's screenshot under artifacts/screenshots/ named after the test."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, suffix: str = "") -> Path:
        path = SCREENSHOTS / f"{request.node.name}{suffix}.png"
        page.screenshot(path=str(path))
        return path

    return save
