"""Text output for the terminal: compiler-style lines with the span highlighted."""

from __future__ import annotations

from collections.abc import Iterable

from .warning import PolicyWarning, Severity

COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _paint(s: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if colour else s


def format_warning(w: PolicyWarning, text: str, path: str, *, colour: bool = False) -> str:
    """``path:line:col: clause severity message [code rule]``, the source line and a caret line."""
    line, col = line_col(text, w.start)
    head = f"{path}:{line}:{col}: {w.clause} {_paint(w.severity.value, COLOURS[w.severity], colour)} {w.message} [{w.code} {w.rule}]"
    src = text.splitlines()[line - 1] if text.splitlines() else ""
    end = min(w.end - w.start + col - 1, len(src))
    marked = src[: col - 1] + _paint(src[col - 1 : end], "1;4;" + COLOURS[w.severity], colour) + src[end:]
    caret = " " * (col - 1) + "^" * max(1, end - col + 1)
    lines = [head, f"    {marked}", f"    {_paint(caret, COLOURS[w.severity], colour)}"]
    if w.suggestions:
        lines.append("    suggestion: " + " | ".join(w.suggestions))
    return "\n".join(lines)


def format_text(warnings: Iterable[PolicyWarning], text: str, path: str, *, colour: bool = False) -> str:
    """Every warning of one text, then a one-line summary."""
    ws = list(warnings)
    body = [format_warning(w, text, path, colour=colour) for w in ws]
    counts = {s: sum(w.severity is s for w in ws) for s in Severity}
    summary = ", ".join(f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    body.append(f"{path}: {summary or 'no warnings'}")
    return "\n".join(body)
