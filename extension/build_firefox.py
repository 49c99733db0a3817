"""Build the Firefox variant of the extension into build/firefox/ (from the one source in extension/).

Usage: python extension/build_firefox.py [OUT_DIR]

Firefox differs from the Chromium family only in the manifest: it has no ``key`` (its add-on
id is ``browser_specific_settings.gecko.id``) and runs MV3 background scripts instead of a
service worker. Every other file is copied as it is. Check the result with
``npx web-ext lint --source-dir build/firefox``.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent
DEFAULT_OUT = SOURCE.parent / "build" / "firefox"
GECKO_ID = "postlint@postlint.invalid"
GECKO_MIN_VERSION = "140.0"  # the ESR; the first with data_collection_permissions
GECKO_ANDROID_MIN_VERSION = "142.0"
CHROMIUM_ONLY_KEYS = ("key", "minimum_chrome_version")
SKIP = ("tools", "build_firefox.py", "README.md", "__pycache__")


def firefox_manifest(manifest: dict) -> dict:
    """The Chromium manifest turned into Firefox's: gecko id, background scripts, no key."""
    out = {k: v for k, v in manifest.items() if k not in CHROMIUM_ONLY_KEYS}
    out["background"] = {"scripts": ["sites.js", manifest["background"]["service_worker"]]}
    out["browser_specific_settings"] = {"gecko": {
        "id": GECKO_ID,
        "strict_min_version": GECKO_MIN_VERSION,
        "data_collection_permissions": {"required": ["none"]},
    }, "gecko_android": {"strict_min_version": GECKO_ANDROID_MIN_VERSION}}
    return out


def build(out: Path = DEFAULT_OUT) -> Path:
    """Copy the extension to ``out`` with the Firefox manifest; the folder written."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(SOURCE, out, ignore=shutil.ignore_patterns(*SKIP))
    manifest = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))
    text = json.dumps(firefox_manifest(manifest), indent=2, ensure_ascii=False) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    """Build, and say where."""
    out = build(Path(argv[0]) if argv else DEFAULT_OUT)
    sys.stdout.write(f"wrote {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
