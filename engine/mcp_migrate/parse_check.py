"""Whether an edited file still parses, re-parsing only the top-level statements the edits touch.

A file splits into chunks at the lines where its top-level statements start: there the tokenizer has
no open bracket, string or indentation, so a run of chunks whose new text parses on its own and ends
with a line break (no backslash before it) parses the same way inside the whole file, and chunks no
edit touches are the input's own text, which parsed. Verdicts are kept by text: in the playground one
keystroke changes one chunk, and the other rewritten chunks are the same texts as on the previous
analysis.
"""

import ast
from bisect import bisect_left, bisect_right
from typing import Dict, List, Sequence

from .edits import Edit, apply_edits

_VERDICTS: Dict[str, bool] = {}
_MAX_VERDICTS = 512


def parses(text: str) -> bool:
    body = text[1:] if text.startswith("\ufeff") else text
    try:
        ast.parse(body)
        return True
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


def statement_starts(tree: ast.Module, line_start) -> List[int]:
    """Offsets of the lines where top-level statements start, 0 first (a statement sharing a line
    with the one before it, `a = 1; b = 2`, starts none)."""
    starts = [0]
    last_end = None
    for node in tree.body:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", ())])
        if last_end is not None and first > last_end:
            starts.append(line_start(first))
        last_end = max(last_end or 0, node.end_lineno or node.lineno)
    return starts


def edited_parses(text: str, starts: Sequence[int], edits: List[Edit]) -> bool:
    """Whether `text` with `edits` applied parses; `starts` from statement_starts on `text`'s tree.
    A run that fails on its own is judged by the whole file (an insertion at a run's start may
    continue the statement before it)."""
    bounds = list(starts) + [len(text)]
    last_chunk = len(starts) - 1
    runs: List[list] = []  # [first chunk, chunk after the last, edits]
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        first = min(bisect_right(bounds, e.start) - 1, last_chunk)
        after = (max(first, bisect_left(bounds, e.end) - 1) if e.end > e.start else first) + 1
        if runs and first < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], after)
            runs[-1][2].append(e)
        else:
            runs.append([first, after, [e]])
    for a, b, inside in runs:
        lo, hi = bounds[a], bounds[b]
        segment = apply_edits(text[lo:hi], [Edit(e.start - lo, e.end - lo, e.text) for e in inside])
        clean_end = hi == len(text) or (segment.endswith(("\n", "\r")) and not segment.rstrip("\r\n").endswith("\\"))
        if not clean_end or not _segment_parses(segment):
            return parses(apply_edits(text, edits))
    return True


def _segment_parses(segment: str) -> bool:
    verdict = _VERDICTS.get(segment)
    if verdict is None:
        if len(_VERDICTS) >= _MAX_VERDICTS:
            _VERDICTS.clear()
        verdict = _VERDICTS[segment] = parses(segment)
    return verdict
