"""The one place that converts offsets for the browser: UTF-16 units beside code points."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.report import format_text, line_col
from linter.warning import PolicyWarning, Severity
from linter.wire import to_wire, utf16_offsets, utf16_offsets_by_char


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


def utf16_by_encoding(text: str) -> list[int]:
    """An independent oracle: the UTF-16 length of every prefix, from Python's own encoder."""
    return [len(text[:i].encode("utf-16-le", "surrogatepass")) // 2 for i in range(len(text) + 1)]


@pytest.mark.parametrize(
    "text",
    ["", "a", "plain ASCII post", "caf\u00e9 \u2018quoted\u2019 \u00a35", "\U0001F389", "a\U0001F389b\U0001F44D\U0001F3FDc",
     "\U0001F468\u200d\U0001F469\u200d\U0001F467 family", "\ud83d lone surrogate"],
)
def test_fast_paths_match_the_slow_path(text):
    """ASCII, BMP-only and astral texts give the same table as counting character by character."""
    assert utf16_offsets(text) == utf16_offsets_by_char(text) == utf16_by_encoding(text)


def test_ascii_table_is_the_identity():
    """An ASCII text's UTF-16 offsets are its code-point offsets."""
    assert utf16_offsets("Dan Okafor") == list(range(11))


POST_ALPHABET = st.characters(codec="utf-8") | st.sampled_from("\U0001F389\U0001F44D\U0001F3FD\u00e9\u2019\u200d\U0001F600")


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=POST_ALPHABET, max_size=80) | st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_utf16_offsets_equal_the_slow_path_on_random_text(text):
    """For random texts with emoji (and pure ASCII ones), the table equals the slow path and Python's encoder."""
    assert utf16_offsets(text) == utf16_offsets_by_char(text) == utf16_by_encoding(text)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=POST_ALPHABET, min_size=1, max_size=60), st.data())
def test_wire_slice_in_utf16_units_is_the_warning_text(text, data):
    """Any span, converted for the browser, slices the same characters out of the UTF-16 text."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    w = PolicyWarning("PL406", "listed-person", "4.6", Severity.ERROR, start, end, text[start:end], "m", (), None)
    (out,) = to_wire([w], text)
    units = text.encode("utf-16-le")
    assert units[2 * out["start16"] : 2 * out["end16"]].decode("utf-16-le") == text[start:end]
