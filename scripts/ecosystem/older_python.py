"""Outputs that an older Python than the engine's cannot parse.

The CLI runs the engine on Pyodide's Python (3.14), whose parser accepts what older ones refuse (an
f-string reusing its own quote inside `{}`, PEP 701, is 3.12+), while the engine promises code for any
CPython >= 3.10. Reads JSON [[original, migrated], ...] on stdin, prints the migrated paths whose
original parses under the Python running this script and whose migrated text does not.
"""

import ast
import json
import sys


def parses(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def main():
    pairs = json.load(sys.stdin)
    json.dump([after for before, after in pairs if parses(before) and not parses(after)], sys.stdout)


if __name__ == "__main__":
    main()
