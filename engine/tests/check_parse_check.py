"""Check parse_check.edited_parses against parsing the whole edited file.

A table of edits where a chunk's text alone and the whole file could disagree (a backslash or a
missing line break at a chunk's end, an insertion at a chunk's start that continues the statement
before it, statements sharing a line, decorators, the end of the file), then random
edits over the engine's own sources: the verdict must always be the whole file's.
"""

import ast
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp_migrate.edits import Edit, apply_edits  # noqa: E402
from mcp_migrate.parse_check import edited_parses, parses, statement_starts  # noqa: E402
from mcp_migrate.positions import LineIndex  # noqa: E402

SOURCE = """import os

def f():
    return 1

@decorator
class C:
    x = 1
a = 1; b = 2
if a:
    pass
else:
    pass
"""

# (what the edit does, anchor text it replaces or is inserted before, new text, whole-file verdict)
ROWS = [
    ("rename inside a chunk", "return 1", "return 2", True),
    ("break a chunk", "return 1", "return (", False),
    ("continue the def above from the next chunk's start", "@decorator", "    more()\n@decorator", True),
    ("indent a chunk's first statement alone", "@decorator", "  @decorator", False),
    ("drop a chunk's last line break", "    x = 1\n", "    x = 1", False),
    ("end a chunk with a backslash", "    x = 1\n", "    x = 1 \\\n", False),
    ("join statements across chunks", "    return 1\n\n@decorator", "    return 1; @decorator", False),
    ("edit statements sharing a line", "b = 2", "b = 3", True),
    ("break the else of a compound statement", "else:", "elif:", False),
    ("insert at the end of the file", None, "print(a)\n", True),
    ("insert a bad line at the end of the file", None, "print(\n", False),
    ("replace across two chunks", "    return 1\n\n@decorator\nclass C:", "    return 1\n\nclass C:", True),
    ("empty a compound statement's body", "    pass\nelse", "else", False),
]


def row_edit(text, anchor, new):
    if anchor is None:
        return Edit(len(text), len(text), new)
    at = text.index(anchor)
    return Edit(at, at + len(anchor), new)


def verdict(text, edits):
    tree = ast.parse(text)
    return edited_parses(text, statement_starts(tree, LineIndex(text).line_start), edits)


def check_rows():
    failures = []
    for what, anchor, new, want in ROWS:
        edit = row_edit(SOURCE, anchor, new)
        whole = parses(apply_edits(SOURCE, [edit]))
        got = verdict(SOURCE, [edit])
        if whole != want or got != want:
            failures.append("%s: edited_parses %r, whole file %r, want %r" % (what, got, whole, want))
    return failures


PIECES = ["", "\n", "x", "(", ")", "\\\n", "    ", "pass\n", "    pass\n", "def g():\n", "#", "'", ";", ":"]


def check_random(seed=7, per_file=40):
    rng = random.Random(seed)
    root = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "mcp_migrate")
    failures = []
    for name in sorted(os.listdir(root))[:25]:
        if not name.endswith(".py"):
            continue
        with open(os.path.join(root, name), encoding="utf-8") as fh:
            text = fh.read()
        tree = ast.parse(text)
        starts = statement_starts(tree, LineIndex(text).line_start)
        for _ in range(per_file):
            edits, taken = [], []
            for _ in range(rng.randint(1, 3)):
                a = rng.choice(starts + [rng.randrange(len(text) + 1)])
                b = min(len(text), a + rng.choice([0, 0, 1, 5, 40]))
                if any(a < y and x < b or a == x for x, y in taken):
                    continue
                taken.append((a, b))
                edits.append(Edit(a, b, rng.choice(PIECES) + rng.choice(PIECES)))
            want = parses(apply_edits(text, edits))
            got = edited_parses(text, starts, edits)
            if got != want:
                failures.append("%s %r: edited_parses %r, whole file %r" % (name, edits, got, want))
    return failures


def check():
    return check_rows() + check_random()


if __name__ == "__main__":
    out = check()
    print(json.dumps(out, indent=1))
    sys.exit(1 if out else 0)
