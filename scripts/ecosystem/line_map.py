"""For migrated files, which original line each of their lines was.

Reads JSON [[before, after], ...] on stdin, prints {after: {line: original line}} (1-based). A line
maps when the diff keeps it or rewrites it in place (a hunk replacing as many lines as it removes,
not counting the `# mcp-migrate:` markers it adds); lines the engine added, and lines of a hunk that
changed its length, have no original.
"""

import difflib
import json
import sys

MARKER = "# mcp-migrate:"


def line_map(before, after):
    with open(before, encoding="utf-8", errors="replace") as f:
        old = f.read().splitlines()
    with open(after, encoding="utf-8", errors="replace") as f:
        new = f.read().splitlines()
    out = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag not in ("equal", "replace"):
            continue
        kept = [j for j in range(j1, j2) if not new[j].lstrip().startswith(MARKER)]
        if len(kept) == i2 - i1:
            for k, j in enumerate(kept):
                out[j + 1] = i1 + k + 1
    return out


if __name__ == "__main__":
    json.dump({after: line_map(before, after) for before, after in json.load(sys.stdin)}, sys.stdout)
