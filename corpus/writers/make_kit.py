"""Build a blind writer's kit for the next measuring sets: ``python corpus/writers/make_kit.py /tmp/writers``.

The kit is what a blind writer may read, and nothing of the linter: the policy and its clause ids
(``../shared/policy/``), the demo profile, the labelling guide (``corpus/README.md``'s sections on the
format, the labels, the spans, the stop-3 clarifications and the two latest pairs of writers' hard
decisions), a few development posts for the format (``EXAMPLES.jsonl``), the voices already used
(``voices_used.md``), the instructions (``TASK_COMMON.md``) and the validator (``validate.py``) with
the hashes of every text already in a corpus, so that no text is used twice. Each writer gets a task
file of their own (set name, id prefix, suggested voices) written by the lead.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
ROOT = CORPUS.parent
POLICY = ROOT.parent / "shared" / "policy"
EXAMPLE_LABELS = ([], ["4.6"], ["4.1", "4.2"], ["4.5", "4.7"], ["3.2", "4.10"], ["4.9"], ["5.1"], ["4.8"],
                  ["4.3"], ["4.4"], ["2.1"], ["2.3"], ["2.2"], ["3.1"])


def section(text: str, start: str, stop: str) -> str:
    """The part of ``text`` from heading ``start`` up to heading ``stop``."""
    i = text.index(start)
    return text[i:text.index(stop, i)]


def labelling_guide(readme: str) -> str:
    """The labelling guide: the README's format, label and span sections, the stop-3 clarifications and the
    latest two pairs of writers' hard decisions."""
    decisions = re.findall(r"The writers' hard decisions, as they reported them:.*?(?=\n\n)", readme, re.S)
    return ("# How posts are labelled\n\nThis is the labelling guide every earlier writer followed. The policy and "
            "CLAUSES.md decide; this guide says how they have been applied.\n\n"
            + section(readme, "## One post a line", "## The traps")
            + section(readme, "## Labelling clarifications (stop 3)", "## Measuring set (stop 3)")
            + "\n## What the two most recent pairs of writers decided\n\nFollow these unless the policy plainly says "
            "otherwise; where you decide differently, say why in the post's note.\n\n"
            + "\n\n".join(d.replace("The writers' hard decisions, as they reported them:", "-") for d in decisions[-2:])
            + "\n")


def examples(posts: list[dict]) -> list[dict]:
    """One development post per label set of ``EXAMPLE_LABELS``, and four more clean ones."""
    picked: list[dict] = []
    for want in EXAMPLE_LABELS:
        for p in posts:
            fits = set(want) <= set(p["clauses"]) if want else not p["clauses"]
            if fits and p not in picked and (want != ["2.2"] or p["mode"] == "council"):
                picked.append(p)
                break
    return picked + [p for p in posts if not p["clauses"] and p not in picked][:4]


def main(out: Path) -> None:
    """Write the kit to ``out``: ``materials/``, ``TASK_COMMON.md``, ``validate.py`` and ``seen_hashes.txt``."""
    materials = out / "materials"
    (materials / "profile").mkdir(parents=True, exist_ok=True)
    (out / "out").mkdir(exist_ok=True)
    for name in ("social-media-policy.txt", "CLAUSES.md"):
        shutil.copy(POLICY / name, materials / name)
    for path in (ROOT / "linter" / "data" / "demo_profile").iterdir():
        shutil.copy(path, materials / "profile" / path.name)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    (materials / "LABELS.md").write_text(labelling_guide(readme), encoding="utf-8")
    shutil.copy(HERE / "voices_used.md", materials / "ALREADY_USED.md")
    dev = [json.loads(line) for line in (CORPUS / "posts.jsonl").open(encoding="utf-8") if line.strip()]
    (materials / "EXAMPLES.jsonl").write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in examples(dev)), encoding="utf-8")
    seen = {hashlib.sha1(json.loads(line)["text"].strip().lower().encode()).hexdigest()
            for path in CORPUS.glob("*.jsonl") for line in path.open(encoding="utf-8") if line.strip()}
    (out / "seen_hashes.txt").write_text("\n".join(sorted(seen)) + "\n")
    for name in ("TASK_COMMON.md", "validate.py"):
        shutil.copy(HERE / name, out / name)
    print(f"kit in {out}: {len(seen)} texts already used, {len(examples(dev))} examples")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
