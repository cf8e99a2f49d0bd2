"""Text edits on str offsets of the original text, and conflict-checked application."""

import difflib
import re
from typing import Iterable, List, NamedTuple

_TOKEN = re.compile(r"\w+|\s+|.", re.S)


class Edit(NamedTuple):
    start: int
    end: int
    text: str


def overlaps(a: Edit, b: Edit) -> bool:
    if a == b:
        return False  # the same edit reached twice (e.g. via two references) is harmless
    if a.start == a.end and b.start == b.end:
        return False  # insertions at one point: the runner applies them all, in finding order
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def refine(edit: Edit, text: str) -> List[Edit]:
    """`edit` as the smallest edits making the same change, whole words kept: a fix that rewrites
    `cursor=page.nextCursor` into `params=PaginatedRequestParams(cursor=page.nextCursor)` becomes two
    insertions around the text it copies, so a fix inside that text (`nextCursor` -> `next_cursor`)
    no longer overlaps it and both apply in one run."""
    old = text[edit.start : edit.end]
    if not old or not edit.text:
        return [edit]
    a, b = _TOKEN.findall(old), _TOKEN.findall(edit.text)
    at = [0]
    for tok in a:
        at.append(at[-1] + len(tok))
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(Edit(edit.start + at[i1], edit.start + at[i2], "".join(b[j1:j2])))
    return out


def conflicts(candidate: Iterable[Edit], accepted: Iterable[Edit]) -> bool:
    accepted = list(accepted)
    return any(overlaps(c, a) for c in candidate for a in accepted)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits back to front; callers must have checked conflicts."""
    unique: List[Edit] = sorted(set(edits), key=lambda e: (e.start, e.end, e.text))
    # Insertions sort before a replacement starting at the same offset, so they stay in front.
    # (Callers that need a particular order of several insertions at one offset merge them first.)
    out = []
    pos = len(text)
    for e in reversed(unique):
        if e.end > pos:
            raise ValueError("overlapping edits reached apply_edits: %r" % (e,))
        out.append(text[e.end : pos])
        out.append(e.text)
        pos = e.start
    out.append(text[:pos])
    return "".join(reversed(out))


class EditSet:
    """Accepted, mutually non-overlapping edits with O(log n) conflict checks."""

    def __init__(self) -> None:
        self._edits: List[Edit] = []
        self._starts: List[int] = []

    def conflicts(self, edit: Edit) -> bool:
        # Accepted edits are disjoint, so only the one just before `start` can reach into it.
        return bool(self.overlapping(edit))

    def overlapping(self, edit: Edit) -> List[Edit]:
        """The accepted edits `edit` overlaps (see `overlaps`)."""
        from bisect import bisect_left, bisect_right

        lo = max(0, bisect_left(self._starts, edit.start) - 1)
        hi = bisect_right(self._starts, edit.end) + 1
        return [a for a in self._edits[lo:hi] if overlaps(edit, a)]

    def remove(self, edit: Edit) -> None:
        i = self._edits.index(edit)
        del self._edits[i]
        del self._starts[i]

    def add(self, edit: Edit) -> None:
        from bisect import bisect_right

        i = bisect_right(self._starts, edit.start)
        self._starts.insert(i, edit.start)
        self._edits.insert(i, edit)

    def __iter__(self):
        return iter(self._edits)

    def __len__(self) -> int:
        return len(self._edits)
