"""For pyright error lines, the line a marker for that statement would sit above, and whether one does.

Reads JSON {file: [line, ...]} on stdin, prints {file: {line: level}}: 2 when the site is marked (a
`# mcp-migrate:` comment is on the statement's own lines or in the comment block right above it;
markers stack, and a marker sits above a decorated definition's first decorator), 1 when only the
function around it carries a marker (an error that follows from a marked break, such as the fields of
an elicitation result after a marked `get_context()`), else 0.
"""

import ast
import json
import sys

MARKER = "# mcp-migrate:"


def header_end(node):
    """Last line of a compound statement's header (before its body)."""
    body = getattr(node, "body", None)
    if isinstance(body, list) and body and isinstance(body[0], ast.AST):
        return body[0].lineno - 1
    return node.end_lineno or node.lineno


def innermost(tree, line):
    best = None
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        decos = getattr(node, "decorator_list", None) or []
        first = min([node.lineno] + [d.lineno for d in decos])
        last = header_end(node) if isinstance(getattr(node, "body", None), list) else node.end_lineno
        if first <= line <= (last or first):
            if best is None or first >= best[0]:
                best = (first, last)
    return best


def marked(lines, first, last):
    if any(MARKER in lines[i - 1] for i in range(first, min(last, len(lines)) + 1)):
        return True
    i = first - 1
    while i >= 1 and lines[i - 1].lstrip().startswith("#"):
        if MARKER in lines[i - 1]:
            return True
        i -= 1
    return False


def enclosing_def(tree, line):
    """(first, last) lines of the innermost function containing `line`, else None."""
    best = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.lineno <= line <= (node.end_lineno or 0):
            if best is None or node.lineno >= best[0]:
                best = (min([node.lineno] + [d.lineno for d in node.decorator_list]), node.end_lineno)
    return best


def main():
    wanted = json.load(sys.stdin)
    out = {}
    for path, error_lines in wanted.items():
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        lines = text.splitlines()
        try:
            tree = ast.parse(text)
        except SyntaxError:
            tree = None  # newer syntax than this Python: judge by the error line alone
        res = {}
        for line in error_lines:
            span = innermost(tree, line) if tree is not None else None
            first, last = span if span else (line, line)
            if marked(lines, first, last):
                res[str(line)] = 2
            else:
                fn = enclosing_def(tree, line) if tree is not None else None
                res[str(line)] = 1 if fn and marked(lines, fn[0], fn[1]) else 0
        out[path] = res
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
