"""Every rule's ``Flagged:``/``Okay:`` docstring lines run through the linter, plus meta-tests
that keep the rules documented and ``docs/rules.md`` current."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from linter.rules import RULES
from linter.rules.docs import CLAUSES, render_index, render_markdown, render_rule

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
CLAUSES_MD = Path("/work/shared/policy/CLAUSES.md")
SATURDAY_EVENING = datetime.fromisoformat("2026-11-21T19:30:00+00:00")  # outside working hours
SECTIONS = ("Why:", "Instead:", "Profile:")
CHECKED = [r for r in RULES if r.check is not None]
EXAMPLES = [
    pytest.param(rule, kind, opts, text, id=f"{rule.code}-{kind}-{n}")
    for rule in CHECKED
    for n, (kind, opts, text) in enumerate(rule.examples())
]


@pytest.mark.model
@pytest.mark.parametrize(("rule", "kind", "opts", "text"), EXAMPLES)
def test_example(linter, rule, kind, opts, text):
    """A ``Flagged:`` line gets a warning from its rule; an ``Okay:`` line gets none from it."""
    at = datetime.fromisoformat(opts["at"]) if "at" in opts else SATURDAY_EVENING
    found = linter.lint(text, mode=opts.get("mode", "personal"), at=at, author=opts.get("author"))
    mine = [w for w in found if w.code == rule.code]
    if kind == "Flagged":
        assert mine, f"{rule.code} should flag {text!r}; got {[(w.code, w.text) for w in found]}"
        assert all(w.clause == rule.clause and w.message for w in mine)
    else:
        assert not mine, f"{rule.code} should not flag {text!r}; got {[(w.text, w.message) for w in mine]}"


@pytest.mark.parametrize("rule", CHECKED, ids=lambda r: r.code)
def test_rule_has_examples(rule):
    """Every checked rule documents at least one ``Flagged:`` and one ``Okay:`` example."""
    kinds = {kind for kind, _, _ in rule.examples()}
    assert kinds == {"Flagged", "Okay"}, f"{rule.code} {rule.name} needs Flagged: and Okay: lines"


@pytest.mark.parametrize("rule", CHECKED, ids=lambda r: r.code)
def test_rule_has_fixed_sections(rule):
    """Every checked rule's docstring has a summary line and the Why/Instead/Profile sections."""
    doc = rule.doc
    missing = [s for s in SECTIONS if not re.search(rf"^{re.escape(s)}", doc, re.MULTILINE)]
    assert not missing, f"{rule.code} {rule.name} docstring lacks {missing} (write 'Profile: none.' when nothing feeds it)"
    assert doc.splitlines()[0].strip(), f"{rule.code} needs a one-line summary first"


@pytest.mark.parametrize("rule", CHECKED, ids=lambda r: r.code)
def test_why_quotes_its_clause(rule):
    """The Why section names the rule's clause and quotes the policy."""
    why = re.search(r"^Why:(.*?)(?:\n\n|\Z)", rule.doc, re.MULTILINE | re.DOTALL)
    assert why and f"clause {rule.clause}" in why.group(1), f"{rule.code}: Why: must say 'clause {rule.clause}'"
    assert re.search(r"[\"“]", why.group(1)), f"{rule.code}: Why: must quote the policy"


def test_codes_and_names_are_unique():
    """No two rules share a code or a name."""
    codes, names = [r.code for r in RULES], [r.name for r in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)


def test_codes_sit_in_their_blocks():
    """Codes follow the blocks: PL1 council 4.1-4.4, PL2 2.x/3.1, PL3 4.5/4.7/4.8, PL4 4.6, PL5 the rest."""
    blocks = {"1": {"4.1", "4.2", "4.3", "4.4"}, "2": {"2.1", "2.2", "2.3", "2.4", "2.5", "3.1"},
              "3": {"4.5", "4.7", "4.8"}, "4": {"4.6"}, "5": {"4.9", "4.10", "5.1", "5.2", "3.2"}}
    for r in RULES:
        assert re.fullmatch(r"PL\d{3}", r.code) and r.clause in blocks[r.code[2]], r


def test_guidance_entries_have_summaries():
    """Guidance-only clauses 2.5 and 5.2 appear as entries without a check but with a summary."""
    guidance = {r.clause: r for r in RULES if r.check is None}
    assert {"2.5", "5.2"} <= set(guidance)
    assert all(r.summary and f"clause {r.clause}" in r.summary for r in guidance.values())


def test_every_clause_has_an_entry():
    """Every clause id of the policy has at least one rule or guidance entry."""
    assert {c for c, _ in CLAUSES} == {r.clause for r in RULES}


@pytest.mark.skipif(not CLAUSES_MD.exists(), reason="shared policy folder not mounted")
def test_clause_table_matches_policy():
    """The clause ids in docs.py are exactly those of the policy's CLAUSES.md."""
    ids = re.findall(r"^\| (\d+\.\d+) \|", CLAUSES_MD.read_text(encoding="utf-8"), re.MULTILINE)
    assert [c for c, _ in CLAUSES] == ids


def test_render_rule_has_header_and_doc():
    """``postlint rule CODE`` shows code, name, clause, severity, modes and the docstring."""
    rule = next(r for r in RULES if r.code == "PL101")
    text = render_rule(rule)
    assert text.startswith("PL101 council-name  (clause 4.1, error, modes: personal)")
    assert "Flagged:" in text and "Why:" in text


def test_index_lists_every_rule():
    """``postlint rules`` has one line per rule, guidance entries marked."""
    lines = render_index().splitlines()
    assert len(lines) == len(RULES)
    assert any(line.startswith("PL250") and "guidance" in line for line in lines)


def test_docs_rules_md_is_current():
    """docs/rules.md is what the rules' docstrings render to."""
    assert DOCS.exists() and DOCS.read_text(encoding="utf-8") == render_markdown(), (
        "docs/rules.md is stale: run `python -m linter.rules.docs > docs/rules.md`"
    )
