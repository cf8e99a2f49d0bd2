"""Tell code written for a newer Python from a real syntax error.

The engine parses with the Python that runs it, so under CPython 3.11 a file using PEP 695 generics
(`def f[T](x: T)`) is a syntax error although it is fine for its project. The CLI then says which
Python the file needs instead of "invalid syntax".
"""

import re
import sys
from typing import Optional, Tuple

# (first Python that accepts it, what it is, test on the line the parser rejected)
_NEWER = [
    ((3, 11), "an `except*` clause (PEP 654)", re.compile(r"^\s*except\s*\*")),
    ((3, 12), "a type parameter list (PEP 695)", re.compile(r"^\s*(?:async\s+)?(?:def|class)\s+\w+\s*\[")),
    ((3, 12), "a `type` alias statement (PEP 695)", re.compile(r"^\s*type\s+\w+\s*(?:\[[^\]]*\]\s*)?=")),
    ((3, 14), "a template string (PEP 750)", re.compile(r"(?<![\w'\"])(?:[tT][rR]?|[rR][tT])(?:'|\")")),
]
# Messages of older parsers for f-strings that only PEP 701 (3.12) allows: nested quotes, `\` in braces.
_FSTRING_MESSAGE = re.compile(r"^f-string")


def newer_syntax(text: str, error: dict, running: Tuple[int, int] = sys.version_info[:2]) -> Optional[Tuple[str, str]]:
    """("3.12", "a type parameter list (PEP 695)"), or None when nothing newer is in sight."""
    if error.get("kind") != "syntax" or not error.get("line"):
        return None
    lines = text.splitlines()
    line = lines[error["line"] - 1] if error["line"] <= len(lines) else ""
    for version, what, pattern in _NEWER:
        if running < version and pattern.search(line):
            return "%d.%d" % version, what
    message = error.get("message", "").replace("SyntaxError: ", "")
    if running < (3, 12) and _FSTRING_MESSAGE.match(message):
        return "3.12", "an f-string that only PEP 701 allows"
    return None
