"""`Context`: what every rule's `check(ctx)` gets, whatever the file kind: the text, spans, edits,
reporting, and a per-file scratch space."""

from bisect import bisect_left
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..edits import Edit
from ..framework import Finding, RuleInfo
from ..markers import marker_text
from ..positions import LineIndex

Span = Tuple[int, int]


class Context:
    """Shared by every file kind. Python files get `PythonContext`, dependency files `DepsContext`."""

    def __init__(self, text: str, filename: str, kind: str):
        self.text = text
        self.filename = filename
        self.kind = kind
        self.index = LineIndex(text)
        self.findings: List[Finding] = []
        self.rule: Optional[RuleInfo] = None  # set by the runner around each check()
        # Per-file state rules share (as LibCST's `CodemodContext.scratch`): compute a plan once,
        # under a key naming its owner (`"low.plan"`); the runner makes a new context per file.
        self.scratch: Dict[str, Any] = {}
        self._reported = None  # (finding count, starts, running max end) for already_reported()

    # ---- spans ---------------------------------------------------------------------------
    def span(self, target) -> Span:
        if isinstance(target, tuple):
            return target
        return self.index.node_span(target)

    def source(self, target) -> str:
        s, e = self.span(target)
        return self.text[s:e]

    def replace(self, target, text: str) -> Edit:
        s, e = self.span(target)
        return Edit(s, e, text)

    def insert(self, offset: int, text: str) -> Edit:
        return Edit(offset, offset, text)

    def delete(self, target) -> Edit:
        s, e = self.span(target)
        return Edit(s, e, "")

    # ---- reporting -----------------------------------------------------------------------
    def marker_comment(self, message: str) -> str:
        """The `# mcp-migrate:` line this rule's marker with `message` reads, for text a fix writes
        (the marker stays where a later run, finding nothing there, leaves it)."""
        return marker_text(self.rule.code, message, self.rule.anchor)

    def marker_line_for(self, target) -> Optional[int]:
        return self.index.line_of(self.span(target)[0])

    def fix(
        self, target, message: str, edits: Sequence[Edit], fix_class: Optional[str] = None, subsumable: bool = False
    ) -> Finding:
        """Report a finding with an automatic fix; fix_class defaults to the rule's.

        subsumable=True: when every edit lies inside text that an accepted fix of an earlier rule
        replaces (that fix already carries this change, e.g. LOW001 moving `Server(...)` with its
        arguments made keyword-only), the finding counts as applied through it instead of clashing.
        An edit that replaces code wholesale without copying it (a v1 handler's parameter list) needs
        no flag: an earlier fix inside it is moot, and the runner drops it (runner._discards).
        """
        assert self.rule is not None
        fc = fix_class or self.rule.fix_class
        if fc == "manual":
            fc = "review"  # a fix with edits is at least reviewable; manual means "no edits"
        f = self._add(target, message, list(dict.fromkeys(edits)), fc)
        f.subsumable = subsumable
        return f

    def advise(self, target, message: str) -> Finding:
        """Report-only advice (fix_class review, no edits, no marker): code that keeps working in v2
        but deserves a look (deprecations, behaviour on some connections). A marker would be noise."""
        f = self._add(target, message, [], "review")
        f.advisory = True
        return f

    def advise_deprecated(self, target, what: str, why: str) -> Finding:
        """Report-only: `what` is deprecated in v2 (`why`: the SEP or revision) but keeps working on
        2025-11-25 and earlier connections."""
        return self.advise(
            target,
            "%s is deprecated (%s) and emits `mcp.MCPDeprecationWarning`; it keeps "
            "working on 2025-11-25 and earlier connections, so no change is required: "
            "filter the warning (fatal under pytest `filterwarnings = [\"error\"]`)" % (what, why),
        )

    def already_reported(self, target) -> bool:
        """Some finding of this file (any rule so far) covers part of `target`'s span: what the
        safety-net rule asks before adding its own. O(log n) per question."""
        if self._reported is None or self._reported[0] != len(self.findings):
            spans = sorted((f.start, f.end) for f in self.findings)
            high, max_end = -1, []
            for _, e in spans:  # running max of ends over spans sorted by start
                high = max(high, e)
                max_end.append(high)
            self._reported = (len(self.findings), [s for s, _ in spans], max_end)
        _, starts, max_end = self._reported
        s, e = self.span(target)
        k = bisect_left(starts, e)  # spans starting before `target` ends
        return k > 0 and max_end[k - 1] > s

    def manual(self, target, message: str) -> Finding:
        """Report something a person must do; becomes a marker comment above the statement."""
        return self._add(target, message, [], "manual")

    def _add(self, target, message: str, edits: List[Edit], fix_class: str) -> Finding:
        s, e = self.span(target)
        f = Finding(self.rule, fix_class, " ".join(message.split()), s, e, edits, self.marker_line_for(target))
        self.findings.append(f)
        return f
