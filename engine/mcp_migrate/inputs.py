"""Classify input the engine must refuse, and parse Python without crashing on hostile text."""

import ast
import re
import warnings
from typing import Optional, Tuple

MAX_BYTES = 2 * 1024 * 1024
# CPython's parser refuses >200 nested brackets anyway; checking first keeps hostile nesting away
# from recursive C code, which under Pyodide can exhaust the JS stack instead of raising cleanly.
MAX_NESTING = 100

PY2_PATTERNS = [
    (re.compile(r"^[ \t]*print[ \t]+(?![\s(=.,)\]]|$)[^\n]*$", re.M), "a Python 2 print statement"),
    (re.compile(r"^[ \t]*except[ \t]+[\w.]+[ \t]*,[ \t]*\w+[ \t]*:", re.M), "a Python 2 `except X, e:` clause"),
    (re.compile(r"^[ \t]*exec[ \t]+[\"'\w]", re.M), "a Python 2 exec statement"),
    (re.compile(r"^[ \t]*raise[ \t]+[\w.]+[ \t]*,[ \t]*\S", re.M), "a Python 2 `raise E, msg` statement"),
    (re.compile(r"^[ \t]*print[ \t]*>>", re.M), "a Python 2 `print >>f` statement"),
]
# Weak signals: only trusted on the line the parser rejected.
PY2_LINE_PATTERNS = [
    (re.compile(r"\b\d+[lL]\b"), "a Python 2 long literal"),
    (re.compile(r"(?<![\w.])0\d+\b"), "a Python 2 octal literal"),
    (re.compile(r"\bur[\"']"), "a Python 2 ur'' string"),
    (re.compile(r"<>"), "the Python 2 `<>` operator"),
    (re.compile(r"`[^`]+`"), "Python 2 backtick repr"),
]


def error(kind: str, message: str, line: Optional[int] = None, column: Optional[int] = None) -> dict:
    return {"kind": kind, "message": message, "line": line, "column": column}


def precheck(text: str) -> Optional[dict]:
    if "\x00" in text:
        return error("binary", "The file contains NUL bytes; it looks binary, not source text.")
    if not _encodable(text):
        return error("encoding", "The file contains text that is not valid Unicode (lone surrogates).")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        return error("too_large", "The file is %d bytes; the engine handles files up to 2 MB." % size)
    return None


def toml_error(text: str) -> Optional[dict]:
    """A `pyproject.toml` that TOML cannot read gets a clear error instead of a silent pass (the
    dependency rules would otherwise see nothing, or the wrong tables). Needs `tomllib` (3.11+)."""
    try:
        import tomllib
    except ImportError:
        return None
    try:
        tomllib.loads(text.lstrip("\ufeff"))
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        where = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        detail = msg[: where.start()].strip() if where else msg
        return error(
            "syntax",
            "pyproject.toml is not valid TOML (%s); fix it and run again: its dependencies were not checked." % detail,
            int(where.group(1)) if where else None,
            int(where.group(2)) if where else None,
        )
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


_BRACKET = re.compile(r"[()\[\]{}]")
_BRACKET_OR_NL = re.compile(r"[()\[\]{}\n]")


def bracket_depth(text: str) -> Tuple[int, int]:
    """Max nesting of brackets (approximate: string contents are not skipped) and its line."""
    depth = best = 0
    best_line = line = 1
    for ch in _BRACKET_OR_NL.findall(text):  # only these characters matter; findall skips the rest in C
        if ch in "([{":
            depth += 1
            if depth > best:
                best, best_line = depth, line
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == "\n":
            line += 1
    return best, best_line


def _too_deep_message() -> str:
    return "The code nests too deeply for the engine to analyse safely."


def parse_python(text: str, filename: str = "<input>") -> Tuple[Optional[ast.AST], Optional[dict]]:
    """Parse `text` (BOM already stripped or not); returns (tree, None) or (None, error)."""
    body = text[1:] if text.startswith("\ufeff") else text
    depth, depth_line = bracket_depth(body)
    if depth > MAX_NESTING and _nesting_is_real(body):
        return None, error("too_deep", _too_deep_message(), depth_line, None)
    if _maybe_long_chain(body):
        deep_line = expression_too_deep(body)
        if deep_line:
            return None, error("too_deep", _too_deep_message(), deep_line, None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences etc. are not our business
            tree = ast.parse(body, filename=filename)
    except (RecursionError, MemoryError):
        return None, error("too_deep", _too_deep_message())
    except SyntaxError as e:
        msg = str(e.msg or "invalid syntax")
        if "too many nested" in msg or "too complex" in msg:
            return None, error("too_deep", _too_deep_message(), e.lineno, None)
        py2 = python2_reason(body, msg, e.text)
        if py2:
            return None, error(
                "python2",
                "This looks like Python 2 code (%s). Port it to Python 3 first; "
                "the MCP SDK requires Python 3.10+." % py2,
                e.lineno,
                None,
            )
        column = None
        if e.lineno and e.offset:
            column = _utf16_col(body, e.lineno, e.offset, e.text)
        return None, error("syntax", "SyntaxError: %s" % msg, e.lineno, column)
    except ValueError as e:  # e.g. "source code string cannot contain null bytes"
        return None, error("binary", str(e))
    if PY2_PATTERNS[1][0].search(body):
        line = _py2_except_handler(tree)
        if line:
            return None, error(
                "python2",
                "This looks like Python 2 code (a Python 2 `except X, e:` clause). "
                "Port it to Python 3 first; the MCP SDK requires Python 3.10+.",
                line,
                None,
            )
    return tree, None


def _py2_except_handler(tree: ast.AST):
    # Python 3.14 (PEP 758) accepts `except X, e:` as `except (X, e):`; a lowercase second name with
    # no `as` is the Python 2 meaning, which earlier Pythons reject outright.
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ExceptHandler)
            and node.name is None
            and isinstance(node.type, ast.Tuple)
            and len(node.type.elts) == 2
            and isinstance(node.type.elts[1], ast.Name)
            and node.type.elts[1].id[:1].islower()
        ):
            return node.lineno
    return None


# Under Pyodide, ast.parse of a ~5000-long operator chain (`a + a + ...`, `x.a.a.a...`, `not not ...`)
# overflows the JS stack: a fatal error that kills the interpreter, not a RecursionError. Real code
# never comes near this bound; the check only runs when a cheap scan says a long chain is possible.
MAX_CHAIN = 1000
_CHAIN_OPS = {
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "@",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    ".",
    "<",
    ">",
    "==",
    "!=",
    "<=",
    ">=",
    "->",
    "(",
    "[",
}
_CHAIN_WORDS = {"not", "await", "lambda", "if", "else"}
_RESETS = {",", ";", ":", "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", ">>=", "<<=", ":="}


def _maybe_long_chain(body: str) -> bool:
    start_line = None
    depth = line = cont = 0
    for text_line in body.split("\n"):
        line += 1
        if len(text_line) > MAX_CHAIN * 2:
            return True
        cont = cont + 1 if text_line.rstrip().endswith("\\") else 0
        if cont > MAX_CHAIN // 2:
            return True
        for ch in _BRACKET.findall(text_line):
            if ch in "([{":
                if depth == 0:
                    start_line = line
                depth += 1
            elif ch in ")]}":
                depth = max(0, depth - 1)
        if depth and start_line is not None and line - start_line > MAX_CHAIN // 2:
            return True
    return False


def expression_too_deep(body: str):
    """Line where the estimated expression depth passes MAX_CHAIN, else None (tokenize: iterative)."""
    import io
    import tokenize

    stack = [0]
    try:
        for tok in tokenize.generate_tokens(io.StringIO(body).readline):
            t, s = tok.type, tok.string
            if t == tokenize.OP:
                if s in _RESETS:
                    stack[-1] = 0
                    continue
                if s in _CHAIN_OPS:
                    stack[-1] += 1
                if s in "([{":
                    stack.append(0)
                elif s in ")]}" and len(stack) > 1:
                    stack.pop()
            elif t == tokenize.NAME and s in _CHAIN_WORDS:
                stack[-1] += 1
            elif t == tokenize.NEWLINE:
                stack = [0]
            if len(stack) + sum(stack) > MAX_CHAIN:
                return tok.start[0]
    except (tokenize.TokenError, SyntaxError, IndentationError, ValueError):
        return None  # the parser will report the real problem
    return None


def _nesting_is_real(body: str) -> bool:
    # Brackets inside strings/comments inflate the cheap count; only refuse if the parser would
    # also see deep nesting. Tokenizing is iterative, so it is safe on any input.
    import io
    import tokenize

    depth = 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(body).readline):
            if tok.type == tokenize.OP:
                if tok.string in "([{":
                    depth += 1
                    if depth > MAX_NESTING:
                        return True
                elif tok.string in ")]}":
                    depth -= 1
    except (tokenize.TokenError, SyntaxError, IndentationError, ValueError):
        return True
    return False


def _utf16_col(body: str, lineno: int, offset: int, line_text: Optional[str]) -> int:
    # SyntaxError.offset is 1-based in characters of the line since 3.10.
    lines = body.splitlines()
    src = line_text if line_text is not None else (lines[lineno - 1] if 0 < lineno <= len(lines) else "")
    prefix = src[: max(0, offset - 1)]
    return len(prefix) + sum(1 for c in prefix if ord(c) > 0xFFFF) + 1


def python2_reason(body: str, msg: str, line: Optional[str] = None) -> Optional[str]:
    if "Missing parentheses in call to 'print'" in msg:
        return "a Python 2 print statement"
    if "Missing parentheses in call to 'exec'" in msg:
        return "a Python 2 exec statement"
    if "multiple exception types must be parenthesized" in msg:
        return "a Python 2 `except X, e:` clause"
    for pattern, reason in PY2_PATTERNS:
        if pattern.search(body):
            return reason
    if line:
        for pattern, reason in PY2_LINE_PATTERNS:
            if pattern.search(line):
                return reason
    return None
