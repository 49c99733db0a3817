"""The extension's files agree with each other and with the host's defaults (fast, no browser)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXTENSION = REPO / "extension"
POLICY = REPO.parent / "shared" / "policy"


def manifest() -> dict:
    """The Chromium manifest."""
    return json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))


def site_patterns() -> set[str]:
    """Every match pattern listed in sites.js."""
    return set(re.findall(r'"(https://[^"]+)"', (EXTENSION / "sites.js").read_text(encoding="utf-8")))


def test_key_gives_the_host_default_id():
    """The manifest key's Chromium id is the one postlint install-host allows by default."""
    from extension_host.install import DEFAULT_EXTENSION_ID

    digest = hashlib.sha256(base64.b64decode(manifest()["key"])).hexdigest()[:32]
    assert "".join(chr(ord("a") + int(c, 16)) for c in digest) == DEFAULT_EXTENSION_ID


def test_default_sites_are_the_host_permissions():
    """The sites watched by default are exactly the manifest's host permissions."""
    assert site_patterns() == set(manifest()["host_permissions"])


def test_every_default_site_is_named():
    """Facebook, X, LinkedIn, Instagram, YouTube, Reddit, Nextdoor, TikTok, Threads, Bluesky."""
    names = re.findall(r'name: "([^"]+)"', (EXTENSION / "sites.js").read_text(encoding="utf-8"))
    assert names == ["Facebook", "X (Twitter)", "LinkedIn", "Instagram", "YouTube", "Reddit",
                     "Nextdoor", "TikTok", "Threads", "Bluesky"]


def test_clauses_cover_every_policy_clause():
    """clauses.json has a title and the policy's words for each clause id, 2.1 to 5.2."""
    clauses = json.loads((EXTENSION / "clauses.json").read_text(encoding="utf-8"))
    assert list(clauses) == ["2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "4.1", "4.2", "4.3",
                             "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "5.1", "5.2"]
    assert all(c["title"] and len(c["words"]) > 40 for c in clauses.values())
    assert clauses["4.6"]["words"].startswith("Employees must not: include personal information")


@pytest.mark.skipif(not POLICY.is_dir(), reason="shared/policy is not beside the repository")
def test_clauses_json_is_up_to_date():
    """Regenerating clauses.json from the policy gives the committed file."""
    sys.path.insert(0, str(EXTENSION / "tools"))
    try:
        import make_clauses
    finally:
        sys.path.pop(0)
    committed = json.loads((EXTENSION / "clauses.json").read_text(encoding="utf-8"))
    assert make_clauses.build(POLICY) == committed


def test_firefox_build(tmp_path):
    """The Firefox build has the gecko id the host allows, background scripts and no key."""
    from extension_host.install import DEFAULT_FIREFOX_ID

    out = tmp_path / "firefox"
    subprocess.run([sys.executable, str(EXTENSION / "build_firefox.py"), str(out)], check=True,
                   capture_output=True)
    built = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert built["browser_specific_settings"]["gecko"]["id"] == DEFAULT_FIREFOX_ID
    assert built["background"] == {"scripts": ["sites.js", "background.js"]}
    assert "key" not in built and not (out / "tools").exists()
    assert {p.name for p in out.iterdir()} >= {"content.js", "options.html", "clauses.json"}


SITE_PATTERN_CASES = [
    ("forum.example.org", "https://forum.example.org/*"),
    ("https://Forum.Example.org/threads/12?x=1", "https://forum.example.org/*"),
    ("  www.parish-news.co.uk ", "https://www.parish-news.co.uk/*"),
    ("http://forum.example.org", None),
    ("localhost", None),
    ("", None),
    ("not a site!", None),
]


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_site_patterns_from_what_the_employee_types():
    """An added site becomes one https match pattern for its host; anything else is refused."""
    script = ("const vm = require('vm'); const fs = require('fs'); const ctx = {URL};"
              "vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8')"
              " + ';this.f = postlintSitePattern;', ctx);"
              "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map(ctx.f)));")
    inputs = [case for case, _ in SITE_PATTERN_CASES]
    out = subprocess.run(["node", "-e", script, str(EXTENSION / "sites.js"), json.dumps(inputs)],
                         check=True, capture_output=True, text=True).stdout
    assert json.loads(out) == [want for _, want in SITE_PATTERN_CASES]


WEB_EXT = REPO / "node_modules" / ".bin" / "web-ext"


@pytest.mark.skipif(not WEB_EXT.exists(), reason="web-ext is not installed (npm ci)")
def test_firefox_build_passes_web_ext_lint(tmp_path):
    """Mozilla's web-ext lint finds no error and no warning in the Firefox build."""
    out = tmp_path / "firefox"
    subprocess.run([sys.executable, str(EXTENSION / "build_firefox.py"), str(out)], check=True,
                   capture_output=True)
    result = subprocess.run([str(WEB_EXT), "lint", "--source-dir", str(out), "--output", "json",
                             "--no-config-discovery"], capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    assert (report["errors"], report["warnings"]) == ([], []), report["summary"]
