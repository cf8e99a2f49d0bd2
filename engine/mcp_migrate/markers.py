"""Marker comments: how a manual finding shows up in the migrated file."""

import re
from typing import Dict, List, Tuple

from .edits import Edit
from .links import guide_url

PREFIX = "# mcp-migrate:"
EXISTING = re.compile(r"^[ \t]*#[ \t]*mcp-migrate:[ \t]*([A-Z]{3}\d+)\b")


def marker_text(code: str, message: str, anchor: str) -> str:
    return "%s %s %s %s" % (PREFIX, code, message.rstrip(". "), guide_url(anchor))


def existing_codes(index, line: int) -> set:
    """Codes of the marker block directly above `line` (contiguous `# mcp-migrate:` lines)."""
    codes = set()
    ln = line - 1
    while ln >= 1:
        m = EXISTING.match(index.line_text(ln))
        if not m:
            break
        codes.add(m.group(1))
        ln -= 1
    return codes


def marker_edits(index, items: List[Tuple[int, str, str, str]]) -> Dict[Tuple[int, str], Edit]:
    """items: (line, code, message, anchor). One marker per (line, code); messages merged.

    Returns {(line, code): Edit}; lines already carrying that code's marker get none, which is what
    makes a second run a no-op.
    """
    merged: Dict[Tuple[int, str], Tuple[List[str], str]] = {}
    for line, code, message, anchor in items:
        msgs, _ = merged.setdefault((line, code), ([], anchor))
        if message not in msgs:
            msgs.append(message)
    nl = index.newline()
    by_line: Dict[int, List[str]] = {}
    keys: Dict[int, List[Tuple[int, str]]] = {}
    for (line, code), (msgs, anchor) in sorted(merged.items()):
        if code in existing_codes(index, line):
            continue
        indent = index.indentation(line)
        by_line.setdefault(line, []).append(indent + marker_text(code, "; ".join(msgs), anchor) + nl)
        keys.setdefault(line, []).append((line, code))
    out = {}
    for line, texts in by_line.items():
        # One insertion per line keeps the markers' order deterministic (sorted by code).
        e = Edit(index.line_start(line), index.line_start(line), "".join(texts))
        for k in keys[line]:
            out[k] = e
    return out
