"""The rules reference, rendered from the rules' own docstrings.

``postlint rules`` prints ``render_index()``, ``postlint rule CODE`` prints ``render_rule()``,
and ``docs/rules.md`` is ``render_markdown()`` (regenerate it with
``python -m linter.rules.docs > docs/rules.md``; a test fails when it is stale).
"""

from __future__ import annotations

from collections.abc import Iterable

from . import RULES
from .base import Rule

# Clause ids and short texts, from the policy's CLAUSES.md, in the policy's order.
CLAUSES = (
    ("2.1", "council accounts: same standard as any written council communication"),
    ("2.2", "only authorised spokespersons post for the council"),
    ("2.3", "council accounts are not for personal purposes"),
    ("2.4", "no proprietary or confidential council information"),
    ("2.5", "negative communication that may damage the council is dealt with"),
    ("3.1", "no private social media use in working hours"),
    ("3.2", "photos or information about other employees need their permission"),
    ("4.1", "do not identify yourself as working for the council, reference it, or let others work out its name"),
    ("4.2", "do not write about your work for the council; where linkable, say the views are your own"),
    ("4.3", "nothing bringing the council, residents, contractors or suppliers into disrepute; no inappropriate images, videos or links"),
    ("4.4", "no work e-mail address and no link to the council's website"),
    ("4.5", "do not damage working relationships by criticising or arguing with employees, residents, contractors or suppliers"),
    ("4.6", "no personal information about employees, residents, customers, contractors or suppliers without express consent"),
    ("4.7", "no derogatory, offensive, discriminatory, untrue, negative, critical or defamatory comments about the council or its people"),
    ("4.8", "no discrimination, harassment or cyber-bullying of employees (Equality Act 2010)"),
    ("4.9", "no confidential or sensitive information of the council or its people"),
    ("4.10", "no breach of copyright; images of colleagues, residents, contractors or suppliers only with their express permission"),
    ("5.1", "be security conscious: keep your own date and place of birth and other security-question data private"),
    ("5.2", "remove offending content when asked; report inaccurate information about the council to the Clerk"),
)


def header(rule: Rule) -> str:
    """``PL101 council-name`` with its clause, severity and modes on one line."""
    kind = "guidance only" if rule.check is None else rule.severity.value
    return f"{rule.code} {rule.name}  (clause {rule.clause}, {kind}, modes: {', '.join(rule.modes)})"


def render_rule(rule: Rule) -> str:
    """One rule's documentation as ``postlint rule CODE`` prints it."""
    return f"{header(rule)}\n\n{rule.doc}\n"


def first_line(rule: Rule) -> str:
    """The first line of a rule's documentation."""
    return rule.doc.strip().splitlines()[0] if rule.doc.strip() else ""


def render_index(rules: Iterable[Rule] = RULES) -> str:
    """Every rule on one line: code, name, clause, severity and what it flags."""
    rows = [(r.code, r.name, r.clause, "guidance" if r.check is None else r.severity.value, first_line(r))
            for r in sorted(rules, key=lambda r: r.code)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)] if rows else [0] * 4
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4] for row in rows)


def clause_key(clause: str) -> tuple[int, ...]:
    """Sort ``4.10`` after ``4.9``."""
    return tuple(int(p) for p in clause.split("."))


def clause_table(rules: Iterable[Rule] = RULES) -> str:
    """A Markdown table: each clause, its short text and the rules that enforce it."""
    rules = list(rules)
    lines = ["| clause | what it says | rules |", "|---|---|---|"]
    for clause, text in CLAUSES:
        codes = [f"[{r.code}](#{anchor(r)}) `{r.name}`" for r in sorted(rules, key=lambda r: r.code) if r.clause == clause]
        lines.append(f"| {clause} | {text} | {', '.join(codes) or '—'} |")
    return "\n".join(lines)


def anchor(rule: Rule) -> str:
    """The Markdown heading anchor of a rule's section."""
    return f"{rule.code}-{rule.name}".lower()


def render_markdown(rules: Iterable[Rule] = RULES) -> str:
    """``docs/rules.md``: the clause table, then every rule's documentation by clause."""
    rules = sorted(rules, key=lambda r: (clause_key(r.clause), r.code))
    parts = [
        "# postlint rules",
        "",
        "Generated from the rules' docstrings by `python -m linter.rules.docs > docs/rules.md`;",
        "do not edit by hand. `postlint rules` lists them and `postlint rule CODE` prints one.",
        "",
        "## Clauses and their rules",
        "",
        clause_table(rules),
        "",
    ]
    for r in rules:
        kind = "guidance only, no check" if r.check is None else f"severity `{r.severity.value}`"
        parts += [f'<a id="{anchor(r)}"></a>', f"## {r.code} `{r.name}`", "",
                  f"Clause {r.clause}; {kind}; modes: {', '.join(r.modes)}.", "", "```text", r.doc, "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    import sys

    sys.stdout.write(render_markdown())
