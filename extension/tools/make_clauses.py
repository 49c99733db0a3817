"""Write extension/clauses.json: each clause id with its short title and the policy's own words.

Usage: python extension/tools/make_clauses.py [POLICY_DIR]

POLICY_DIR holds CLAUSES.md and social-media-policy.txt (default: ../shared/policy beside
the repository). The extension's card quotes these words; rerun this when the policy changes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_POLICY = HERE.parents[2] / "shared" / "policy"


def clause_titles(clauses_md: str) -> dict[str, str]:
    """Clause id → short title, from the table rows of CLAUSES.md."""
    rows = re.findall(r"^\| (\d+\.\d+) \| ([^|]+) \|", clauses_md, flags=re.M)
    return {cid: title.strip() for cid, title in rows}


def section(policy: str, start: str, end: str) -> str:
    """The policy text between two headings (exclusive)."""
    return policy.split(start, 1)[1].split(end, 1)[0]


def bullets(text: str) -> list[str]:
    """The '- ' bullet items of a section, joined onto one line each."""
    return [" ".join(b.split()) for b in re.findall(r"^- (.+?)$", text, flags=re.M)]


def sentence_with(text: str, needle: str) -> str:
    """The sentence of text containing needle, whitespace normalised."""
    flat = " ".join(text.split())
    for sentence in re.split(r"(?<=[.])\s+", flat):
        if needle in sentence:
            return sentence
    raise ValueError(f"policy text has no sentence with {needle!r}")


def policy_words(policy: str) -> dict[str, str]:
    """Clause id → the policy's words for it."""
    council = bullets(section(policy, "### **2. Council Use**", "### **3."))
    personal = section(policy, "### **3. Personal Use**", "### **4.")
    rules = bullets(section(policy, "### **4. Social Media Rules**", "5. **Social"))
    monitoring = section(policy, "5. **Social Media Monitoring**", "Adopted by")
    words = {f"2.{i}": text for i, text in enumerate(council, 1)}
    words["3.1"] = sentence_with(personal, "private use in working hours")
    words["3.2"] = sentence_with(personal, "photographs of other employees")
    words.update({f"4.{i}": "Employees must not: " + text for i, text in enumerate(rules, 1)})
    words["5.1"] = sentence_with(monitoring, "security conscious")
    words["5.2"] = " ".join([sentence_with(monitoring, "remove any offending content"),
                             sentence_with(monitoring, "inaccurate information")])
    return words


def build(policy_dir: Path) -> dict[str, dict[str, str]]:
    """The clauses.json document."""
    titles = clause_titles((policy_dir / "CLAUSES.md").read_text(encoding="utf-8"))
    words = policy_words((policy_dir / "social-media-policy.txt").read_text(encoding="utf-8"))
    if set(titles) != set(words):
        raise ValueError(f"clause ids differ: {sorted(set(titles) ^ set(words))}")
    return {cid: {"title": titles[cid], "words": words[cid]} for cid in titles}


def main(argv: list[str]) -> int:
    """Write clauses.json next to the extension's manifest."""
    policy_dir = Path(argv[0]) if argv else DEFAULT_POLICY
    out = HERE.parent / "clauses.json"
    out.write_text(json.dumps(build(policy_dir), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
