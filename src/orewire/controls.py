"""Control characters in text that came from crawled pages: stripped when cleaning, escaped when
printed.

A C0 control other than newline and tab, DEL, or a C1 control (U+0080 to U+009F) has no place in
an article's text, and on a terminal it is an instruction: ``ESC [2J`` clears the screen,
``ESC ]8;;URL ESC \\`` makes a hyperlink whose text can lie about its target, ``U+009B`` is the
one-character form of ``ESC [``. Cleaning removes them; every printer of the command line shows
what is left (old rows, values made in SQL) as visible escapes (``\\x1b``).
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, and the C1 controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The same, with tab and newline too: a table cell or a one-line message shows them escaped.
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f]")
_CRLF = re.compile("\r\n?")
# Whole terminal sequences, so that none leaves its parameters behind as text: strings (OSC, as in
# a hyperlink "ESC ]8;;URL ESC \\", DCS, APC ...) up to their terminator, CSI ("ESC [2J",
# "ESC [31m", or U+009B), and the other escapes ("ESC c", "ESC (0"). Lengths are bounded.
_SEQUENCE = re.compile(
    "(?:\x1b[\\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\\\|\x9c)"
    "|(?:\x1b\\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]"
    "|\x1b[ -/]{0,8}[0-~]"
)


def strip_controls(text: str) -> str:
    """``text`` without control characters: terminal sequences go whole (a hyperlink keeps only
    its visible text), other controls one by one; a carriage return (alone or before a newline)
    becomes a newline; tab and newline stay."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub("", _SEQUENCE.sub("", _CRLF.sub("\n", text)))


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group(0)):02x}"


def escape_controls(text: str, *, breaks: bool = False) -> str:
    """``text`` with each control character written as ``\\xNN``, safe on a terminal; with
    ``breaks`` newlines and tabs too (a value printed on one line)."""
    pattern = _CONTROL_OR_BREAK if breaks else CONTROL
    return pattern.sub(_escape, text) if pattern.search(text) else text


def escape_bytes(data: bytes, limit: int = 200) -> str:
    """Up to ``limit`` bytes as text safe on a terminal: printable ASCII as it is, every other
    byte as ``\\xNN``."""
    return "".join(chr(b) if 0x20 <= b < 0x7f and b != 0x5c else f"\\x{b:02x}" for b in data[:limit]) + (
        "..." if len(data) > limit else "")


#: A spreadsheet runs a cell that begins with one of these as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet shows it instead of running it: a single quote before text that
    begins like a formula (``=HYPERLINK(...)``, ``+1``, ``-2+3``, ``@SUM(...)``, a tab or a
    carriage return first)."""
    return "'" + text if text.startswith(FORMULA_START) else text
