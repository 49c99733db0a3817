"""The one place that converts offsets for the browser: UTF-16 units beside code points."""

from __future__ import annotations

import pytest

from linter.report import format_text, line_col
from linter.warning import PolicyWarning, Severity
from linter.wire import to_wire, utf16_offsets


def warning(text: str, needle: str) -> PolicyWarning:
    """A warning on the first occurrence of ``needle``."""
    start = text.index(needle)
    return PolicyWarning("PL406", "listed-person", "4.6", Severity.ERROR, start, start + len(needle), needle, "m", ("a colleague",), "PERSON")


@pytest.mark.parametrize(
    ("text", "needle", "start16", "end16"),
    [
        ("Dan Okafor", "Dan Okafor", 0, 10),
        ("🎉 Dan Okafor", "Dan Okafor", 3, 13),
        ("🎉🎉 well done Dan 👍🏽 Okafor", "Okafor", 24, 30),
        ("é Dan", "Dan", 2, 5),
    ],
)
def test_utf16_offsets_after_emoji(text, needle, start16, end16):
    """Astral-plane emoji count two UTF-16 units; the slice in JS units is the name."""
    (out,) = to_wire([warning(text, needle)], text)
    assert (out["start16"], out["end16"]) == (start16, end16)
    units = text.encode("utf-16-le")
    assert units[2 * start16 : 2 * end16].decode("utf-16-le") == needle


def test_table_is_monotonic():
    """Every code-point index maps to a UTF-16 index, the last to the total length."""
    text = "a🎉b"
    assert utf16_offsets(text) == [0, 1, 3, 4]


def test_warning_json_shape():
    """A warning's JSON carries exactly the fields of INTERFACES.md."""
    d = warning("see Dan Okafor", "Dan Okafor").to_dict()
    assert set(d) == {"rule", "code", "clause", "severity", "start", "end", "text", "message", "suggestions", "entity"}
    assert d["severity"] == "error" and d["suggestions"] == ["a colleague"]


def test_text_report_is_compiler_style():
    """file:line:col: clause severity message, then the source line and carets."""
    text = "first line\n🎉 met Dan Okafor"
    out = format_text([warning(text, "Dan Okafor")], text, "post.txt")
    assert out.splitlines()[0] == "post.txt:2:7: 4.6 error m [PL406 listed-person]"
    assert out.splitlines()[2] == "          ^^^^^^^^^^"
    assert line_col(text, 0) == (1, 1)
