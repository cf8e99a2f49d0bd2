"""Rule registry and the Finding record that every rule produces."""

import re
from typing import Callable, List, NamedTuple, Optional, Sequence, Tuple

from .edits import Edit

FIX_CLASSES = ("safe", "review", "manual")
AREAS = ("PKG", "TYP", "SRV", "LOW", "CLT", "TRN", "AUT", "PRO", "TST", "DPR", "ERA", "API")
FILE_KINDS = ("python", "pyproject", "requirements", "setup_cfg", "setup_py")
# Fix priority: rules run, and their fixes are accepted, in this order of code prefixes, then by code
# number. When two fixes overlap, the earlier rule's wins and the later one becomes a manual finding
# (or counts as applied, when it is subsumable and the earlier fix already carries it). The order
# matters where fixes meet (docs/ENGINE-RULES.md, "Fix priority"; engine/tests/check_rules.py):
# - TYP first: type renames (TYP004 `Content` -> `ContentBlock` in an annotation) win over LOW002
#   rewriting that annotation; TYP005's camelCase renames win over TYP009/TYP010 on the same chain.
# - LOW001 before LOW004: LOW001 moves `Server(...)` and carries LOW004's keyword edits with it.
# - Insertions at one point (merged `from mcp.types import ...` lines) list names in this order.
# - PKG1xx (Python files of the packaging area: httpx -> httpx2 for a whole file) last: SDK fixes win.
# - API last of all: the safety net that marks what v2 lacks where no rule above said anything.
# Dependency-file rules (PKG0xx) never share a file with the others.
PRIORITY = ("PKG0", "TYP", "CLT", "TST", "SRV", "LOW", "TRN", "AUT", "PRO", "DPR", "ERA", "PKG1", "API")


class RuleInfo(NamedTuple):
    code: str
    title: str
    anchor: str
    fix_class: str
    summary: str
    why: str
    before: str
    after: str
    v1_names: Tuple[str, ...]
    v2_names: Tuple[str, ...]
    kinds: Tuple[str, ...]
    check: Callable
    module: str

    def public(self) -> dict:
        return {
            k: getattr(self, k) for k in ("code", "title", "anchor", "fix_class", "summary", "why", "before", "after")
        }


REGISTRY: List[RuleInfo] = []


def priority(code: str) -> Tuple[int, int]:
    """Sort key of a rule code: its PRIORITY group, then its number."""
    group = max((p for p in PRIORITY if code.startswith(p)), key=len, default=None)
    if group is None:
        raise ValueError("%s: no fix priority group in PRIORITY for this code" % code)
    return PRIORITY.index(group), int(code[3:])


def ordered_rules() -> List[RuleInfo]:
    """The registered rules in fix priority order (the order they run and are listed in)."""
    return sorted(REGISTRY, key=lambda r: priority(r.code))


def rule(
    code: str,
    title: str,
    anchor: str,
    fix_class: str,
    summary: str,
    why: str,
    example: str = "",
    v1_names: Sequence[str] = (),
    v2_names: Sequence[str] = (),
    kinds: Sequence[str] = ("python",),
):
    """Decorator registering `check(ctx)` as a rule. See docs/ENGINE-RULES.md.

    `example`: the doc example as a diff (see split_diff); plain code when the rule writes nothing.
    """
    if fix_class not in FIX_CLASSES:
        raise ValueError("%s: fix_class must be one of %s" % (code, FIX_CLASSES))
    if code[:3] not in AREAS or not code[3:].isdigit():
        raise ValueError("%s: code must be an area prefix %s + digits" % (code, AREAS))
    for k in kinds:
        if k not in FILE_KINDS:
            raise ValueError("%s: unknown file kind %r" % (code, k))
    priority(code)
    before, after = _example(example)

    def register(check: Callable) -> Callable:
        if any(r.code == code for r in REGISTRY):
            raise ValueError("duplicate rule code %s" % code)
        REGISTRY.append(
            RuleInfo(
                code,
                title,
                anchor,
                fix_class,
                _dedent(summary),
                _dedent(why),
                before,
                after,
                tuple(v1_names),
                tuple(v2_names),
                tuple(kinds),
                check,
                check.__module__,
            )
        )
        return check

    return register


def _dedent(s: str) -> str:
    import textwrap

    return textwrap.dedent(s).strip("\n")


def _example(example: str) -> Tuple[str, str]:
    text = _dedent(example)
    if not any(line[:1] in ("-", "+") for line in text.split("\n")):
        return text, text  # nothing changes: a report-only rule's example
    before, after = split_diff(text)
    return before.strip("\n"), after.strip("\n")


def split_diff(diff: str) -> Tuple[str, str]:
    """(input, output) of a text written as a diff, every line marked `" "` (in both), `"-"` (input only)
    or `"+"` (output only); an empty line is an unchanged blank line. Doc examples and the rule tables
    (engine/tests/tables) are written this way."""
    before, after = [], []
    for line in re.findall(r"[^\n]*\n|[^\n]+", diff):
        mark, text = (" ", line) if line == "\n" else (line[:1], line[1:])
        if mark not in " -+":
            raise ValueError("a diff line starts with ' ', '-' or '+': %r" % line)
        if mark != "+":
            before.append(text)
        if mark != "-":
            after.append(text)
    return "".join(before), "".join(after)


class Finding:
    """One reported problem. `edits` empty => manual (becomes a marker comment)."""

    __slots__ = (
        "rule",
        "anchor",
        "fix_class",
        "message",
        "start",
        "end",
        "edits",
        "marker_line",
        "applied",
        "note",
        "advisory",
        "subsumable",
        "subsumed_by",
        "shared",
        "demoted_from",
    )

    def __init__(
        self,
        rule: RuleInfo,
        fix_class: str,
        message: str,
        start: int,
        end: int,
        edits: List[Edit],
        marker_line: Optional[int],
    ):
        self.rule = rule
        self.anchor = rule.anchor
        self.fix_class = fix_class
        self.message = message
        self.start = start
        self.end = end
        self.edits = edits
        self.marker_line = marker_line  # 1-based line the marker goes above; None: no marker possible
        self.applied = False
        self.note = ""
        self.advisory = False  # report-only (no edits, no marker): works in v2, informational
        self.subsumable = False  # redundant (its fix, or a manual one's marker) once an accepted fix rewrites its text
        self.subsumed_by = None  # that finding's rule code, once the runner decided so
        # Other files' fixes rely on this one (they import what it defines): it is accepted first.
        self.shared = False
        self.demoted_from = None  # (fix class, edits) before `demote`

    def wants_marker(self) -> bool:
        """Manual findings, and review findings left unapplied (unless advisory), leave a marker."""
        if self.marker_line is None or self.advisory or self.subsumed_by:
            return False
        return self.fix_class == "manual" or (self.fix_class == "review" and not self.applied)

    def demote(self, why: str) -> None:
        """An automatic fix that could not be applied becomes a manual finding with a marker."""
        self.demoted_from = (self.fix_class, self.edits)
        self.fix_class = "manual"
        self.edits = []
        self.note = why

    def restore(self) -> None:
        """Undo `demote`: the fix applied after all (in a later pass over the file)."""
        self.fix_class, self.edits = self.demoted_from
        self.demoted_from = None
        self.note = ""
        self.applied = True

    def __repr__(self) -> str:
        return "Finding(%s %s %r edits=%r)" % (self.rule.code, self.fix_class, self.message, self.edits)
