"""Offset bookkeeping between the three coordinate systems in play.

`ast` reports (1-based line, UTF-8 byte column); edits are made on str offsets; findings are
reported as (1-based line, 1-based UTF-16 column) because that is what Monaco uses.
"""

import re
from bisect import bisect_right
from typing import Dict, List, Tuple, Union

_NEWLINE = re.compile(r"\r\n?|\n")


class LineIndex:
    def __init__(self, text: str):
        self.text = text
        # Only \r\n, \r and \n end lines for Python's tokenizer; str.splitlines() would also
        # split on \x0c, \x1c, \u2028 ... and put every later position on the wrong line.
        starts = [1 if text.startswith("\ufeff") else 0]
        starts.extend(m.end() for m in _NEWLINE.finditer(text))
        self.starts = starts
        self._utf8_cache: Dict[int, Union[int, List[int]]] = {}
        self._span_cache: Dict[int, Tuple[int, int]] = {}
        self._span_keep: List[object] = []  # keeps nodes alive so their ids are never reused

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset of the line's terminator (or end of text)."""
        if line < len(self.starts):
            end = self.starts[line]
            if end >= 2 and self.text[end - 2 : end] == "\r\n":
                return end - 2
            return end - 1
        return len(self.text)

    def line_text(self, line: int) -> str:
        return self.text[self.line_start(line) : self.line_end(line)]

    def newline(self) -> str:
        """The file's dominant line terminator, used for inserted lines."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        if crlf >= lf and crlf >= cr and crlf:
            return "\r\n"
        if cr > lf:
            return "\r"
        return "\n"

    def from_ast(self, line: int, byte_col: int) -> int:
        """(1-based line, UTF-8 byte column) -> str offset."""
        starts = self.starts
        if line > len(starts):
            return len(self.text)
        start = starts[line - 1]
        table = self._utf8_cache.get(line)
        if table is None:
            line_str = self.text[start : self.line_end(line)]
            if line_str.isascii():
                table = len(line_str)  # ASCII lines: bytes == characters; keep just the length
            else:
                table = []
                for ch_i, ch in enumerate(line_str):
                    table.extend([ch_i] * len(ch.encode("utf-8", "surrogatepass")))
                table.append(len(line_str))
            self._utf8_cache[line] = table
        if type(table) is int:
            return start + (byte_col if byte_col < table else table)
        return start + table[min(byte_col, len(table) - 1)]

    def node_span(self, node) -> Tuple[int, int]:
        key = id(node)
        span = self._span_cache.get(key)
        if span is None:
            span = (
                self.from_ast(node.lineno, node.col_offset),
                self.from_ast(node.end_lineno, node.end_col_offset),
            )
            # Keyed by id(): only valid while the tree is alive, which it is for a context's life.
            self._span_cache[key] = span
            self._span_keep.append(node)
        return span

    def line_of(self, offset: int) -> int:
        i = bisect_right(self.starts, offset)  # last line starting at or before `offset`
        return i if i > 0 else 1

    def to_position(self, offset: int) -> dict:
        """str offset -> {"line", "column"} (1-based, column in UTF-16 code units)."""
        line = self.line_of(offset)
        start = self.starts[line - 1]
        prefix = self.text[start:offset]
        if prefix.isascii():
            col = len(prefix)
        else:  # astral characters are two UTF-16 code units (lone surrogates one)
            col = len(prefix) + sum(1 for c in prefix if ord(c) > 0xFFFF)
        return {"line": line, "column": col + 1}

    def indentation(self, line: int) -> str:
        text = self.line_text(line)
        return text[: len(text) - len(text.lstrip(" \t\x0c"))]
