"""Run the selected rules over one file and turn their findings into a result dict."""

import ast
import gc
import re
from bisect import bisect_right
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import rules as _rules  # noqa: F401  (importing registers every rule)
from .context import Context
from .edits import Edit, EditSet, apply_edits, refine
from .framework import Finding, RuleInfo, ordered_rules, priority
from .inputs import error, parse_python, precheck, toml_error
from .markers import EXISTING, marker_text
from .parse_check import edited_parses, parses, statement_starts

DEBUG = False  # tests flip this to re-raise rule exceptions instead of reporting them
OVERLAP = "its automatic fix overlaps another change; apply it by hand"
COMBINED = "the combined automatic fixes did not produce valid Python; apply by hand"
PASSES = 3  # a clash resolved in the second pass may leave another for the third; none seen yet


def file_kind(filename: str) -> str:
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if base == "pyproject.toml":
        return "pyproject"
    if base == "setup.cfg":
        return "setup_cfg"
    if base == "setup.py":
        return "setup_py"  # a dependency file: its `install_requires` pins, not SDK code
    if base.startswith("requirements") and base.endswith((".txt", ".in")):
        return "requirements"
    parts = filename.replace("\\", "/").lower().split("/")
    if base.endswith((".txt", ".in")) and len(parts) > 1 and parts[-2] == "requirements":
        return "requirements"
    return "python"


def _matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.upper().startswith(p.strip().upper()) for p in patterns if p.strip())


def active_rules(kind: str, select: Optional[Sequence[str]], ignore: Optional[Sequence[str]]) -> List[RuleInfo]:
    out = []
    for r in ordered_rules():
        if kind not in r.kinds:
            continue
        if select and not _matches(r.code, select):
            continue
        if ignore and _matches(r.code, ignore):
            continue
        out.append(r)
    return out


def _wants_review(apply_review: Union[bool, Sequence[str]], code: str) -> bool:
    if isinstance(apply_review, bool):
        return apply_review
    return _matches(code, list(apply_review))


def migrate(source: str, filename: str = "main.py", select=None, ignore=None, apply_review=False, project=None) -> dict:
    # Cyclic GC passes triggered by the many short-lived AST nodes of one file cost as much as the
    # parse itself on large files; nothing here needs them mid-file. Collection resumes afterwards.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _migrate(source, filename, select, ignore, apply_review, project, PASSES)
    finally:
        if enabled:
            gc.enable()


def _migrate(source: str, filename: str, select, ignore, apply_review, project, passes: int) -> dict:
    kind = file_kind(filename)
    result = {"text": source, "changed": False, "kind": kind, "error": None, "findings": []}
    err = precheck(source)
    if err:
        result["error"] = err
        return result
    try:
        ctx = _make_context(source, filename, kind, project)
        if isinstance(ctx, dict):
            result["error"] = ctx
            return result
        if ctx is None:
            return result  # nothing SDK-related in the file (see _may_use_sdk)
        for r in active_rules(kind, select, ignore):
            ctx.rule = r
            try:
                r.check(ctx)
            except (RecursionError, MemoryError):
                raise
            except Exception as e:  # a rule bug must not take the whole file down
                if DEBUG:
                    raise
                ctx.findings = [f for f in ctx.findings if f.rule is not r]
                result.setdefault("internal_errors", []).append("%s: %s: %s" % (r.code, type(e).__name__, e))
        text = _apply(ctx, apply_review)
        text = _settled(ctx, text, filename, apply_review, project, passes)
    except (RecursionError, MemoryError):
        result["error"] = error("too_deep", "The code nests too deeply for the engine to analyse safely.")
        return result
    result["text"] = text
    result["changed"] = text != source
    groups = _fix_groups(ctx.findings)
    result["findings"] = [_finding_dict(ctx, f, groups.get(id(f))) for f in ctx.findings]
    return result


def _make_context(source: str, filename: str, kind: str, project) -> Union[Context, dict, None]:
    if kind == "python":
        tree, err = parse_python(source, filename)
        if err:
            return err
        if not _may_use_sdk(source, filename, tree, project):
            return None
        from .context import PythonContext

        return PythonContext(source, filename, tree, project)
    if kind == "pyproject":
        err = toml_error(source)
        if err:
            return err
    from .deps.context import DepsContext

    return DepsContext(source, filename, kind)


def _sdk_words() -> frozenset:
    """Identifiers only SDK code would use: the v1 SDK's class, function and camelCase field names."""
    from .resolver import ALIASES
    from .sdk import CAMEL_TO_SNAKE, V2_MISSING_MEMBERS, V2_MISSING_NAMES, V2_MISSING_PARAMS
    from .sdk_types import CLASSES, FUNCTIONS

    quals = list(ALIASES) + list(ALIASES.values()) + list(CLASSES) + list(FUNCTIONS) + list(V2_MISSING_NAMES)
    words = {q.rpartition(".")[2] for q in quals if q.startswith("mcp")} | set(CAMEL_TO_SNAKE)
    words |= {m for _, fields, methods in CLASSES.values() for m in list(fields) + list(methods)}
    words |= {m for ms in V2_MISSING_MEMBERS.values() for m in ms}
    words |= {p for ps in V2_MISSING_PARAMS.values() for p in ps}
    # what snippets build under the SDK's parameter names: `http_client = httpx.AsyncClient()`,
    # `async def callback_handler()` for an OAuth provider
    words |= {"http_client", "callback_handler", "redirect_handler"}
    # A plain lowercase word (`types`, `app`: module names) says nothing; `stdio_client`, `isError` do.
    return frozenset(w for w in words if not (w.islower() and "_" not in w.strip("_")))


SDK_WORDS = _sdk_words()
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _may_use_sdk(source: str, filename: str, tree: ast.Module, project) -> bool:
    """Every Python rule looks for the SDK: a file that never says `mcp` (in any case: `FastMCP`,
    `McpError`, `import mcp`) and imports no SDK object from the user's own modules has nothing for
    them, and skipping it keeps the engine near `ast.parse` speed on the code most projects are made of."""
    if "mcp" in source.lower() or not SDK_WORDS.isdisjoint(_IDENTIFIER.findall(source)):
        return True  # (a snippet pasted without its imports still names `ClientSession`, `isError`...)
    if project is None:
        return False
    project = project.seen_from(filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = project.imported_module(filename, node.level, node.module)
            if module and any(project.global_type(module, a.name) is not None for a in node.names):
                return True
    return False


def _settled(ctx: Context, text: str, filename: str, apply_review, project, passes: int) -> str:
    """The rules whose fixes clashed with another one (two rules taking names out of one import
    statement) run again on the text the others produced, so that one run reaches the fixed point,
    as `ruff --fix` and `cargo fix` loop. Their findings then count as applied."""
    clashed = [f for f in ctx.findings if f.note == OVERLAP]
    if not clashed or passes <= 1 or ctx.kind != "python" or text == ctx.text:
        return text
    codes = sorted({f.rule.code for f in clashed})
    again = _migrate(text, filename, codes, None, apply_review, project, passes - 1)
    if again["error"] or not again["changed"]:
        return text
    redone = {d["rule"] for d in again["findings"] if d["applied"]}
    for f in clashed:
        if f.rule.code in redone:
            f.restore()
    return again["text"]


def _apply(ctx: Context, apply_review) -> str:
    out = _applied(ctx, apply_review)
    return _without_added_duplicate_imports(ctx.text, out) if ctx.kind == "python" else out


_SIMPLE_IMPORT = re.compile(r"(?:import [\w.]+|from [\w.]+ import [\w, ]+)\r?\n?")


def _without_added_duplicate_imports(before: str, after: str) -> str:
    """One rule renaming `import httpx` to `import httpx2` and another adding `import httpx2` each
    get it right alone; together the line appears twice. Drop the top-level import lines the run
    added that repeat one the output already has."""

    def counts(text):
        found: Dict[str, int] = {}
        for line in text.splitlines():
            if _SIMPLE_IMPORT.fullmatch(line):
                found[line] = found.get(line, 0) + 1
        return found

    if after == before:
        return after
    had, now = counts(before), counts(after)
    if all(n <= max(1, had.get(k, 0)) for k, n in now.items()):
        return after
    try:  # only statements count, not a docstring's line that reads like one
        statements = {n.lineno for n in ast.parse(after).body if isinstance(n, (ast.Import, ast.ImportFrom))}
    except SyntaxError:
        return after
    seen: Dict[str, int] = {}
    keep = []
    for no, line in enumerate(after.splitlines(keepends=True), start=1):
        key = line.rstrip("\r\n")
        if no in statements and _SIMPLE_IMPORT.fullmatch(line):
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > max(1, had.get(key, 0)):
                continue
        keep.append(line)
    return "".join(keep)


def _applied(ctx: Context, apply_review) -> str:
    findings = sorted(ctx.findings, key=lambda f: (not f.shared, priority(f.rule.code), f.start))
    ctx.findings = findings
    owner = _accept(findings, apply_review, demote=True, text=ctx.text)
    edits = _render(ctx, findings, owner)
    if ctx.kind != "python" or _parses_with(ctx, edits):
        return apply_edits(ctx.text, edits)
    # Find the rule(s) whose fixes alone break the file, drop them, and try again.
    by_rule: Dict[str, List[Finding]] = {}
    for f in findings:
        if f.applied and not f.subsumed_by:
            by_rule.setdefault(f.rule.code, []).append(f)
    for fs in by_rule.values():
        if not parses(_render_edits(ctx.text, [e for f in fs for e in f.edits])):
            for f in fs:
                f.applied = False
                f.demote("its automatic fix did not produce valid Python; apply it by hand")
    # Then rule by rule, in the order fixes apply: each rule's fixes stay when the file still parses
    # with them and those already kept, so one clash costs only the fixes that make it.
    held = [f for f in findings if f.applied and not f.subsumed_by and f.edits and not f.shared]
    for f in held:
        f.demote(COMBINED)
    for code in dict.fromkeys(f.rule.code for f in held):
        mine = [f for f in held if f.rule.code == code]
        for f in mine:
            f.restore()
        if not _parses_with(ctx, _render(ctx, findings, _accept(findings, apply_review, demote=False, text=ctx.text))):
            for f in mine:
                f.demote(COMBINED)
    # Then without the other fixes, keeping those other files rely on (`Finding.shared`); then without any.
    for dropped in (lambda f: not f.shared, lambda f: True):
        owner = _accept(findings, apply_review, demote=False, text=ctx.text)
        edits = _render(ctx, findings, owner)
        if _parses_with(ctx, edits):
            return apply_edits(ctx.text, edits)
        for f in findings:
            if f.applied and dropped(f):
                f.applied = False
                f.subsumed_by = None
                f.demote(COMBINED)
    return apply_edits(ctx.text, _render(ctx, findings, {}))


def _parses_with(ctx: Context, edits: List[Edit]) -> bool:
    return not edits or edited_parses(ctx.text, statement_starts(ctx.tree, ctx.index.line_start), edits)


def _accept(findings: List[Finding], apply_review, demote: bool, text: str) -> Dict[Edit, Finding]:
    """Decide which fixes apply. Returns {edit: finding that owns it}, in acceptance order.

    Edits of one finding must not overlap each other or an accepted edit (exact duplicates and
    insertions at one offset are fine); a clashing finding is demoted to manual, unless it is
    subsumable and lies inside text an accepted fix already rewrites.
    """
    accepted = EditSet()
    owner: Dict[Edit, Finding] = {}
    for f in findings:
        f.applied = False
        f.subsumed_by = None
        if not f.edits:
            continue
        if f.fix_class == "review" and not _wants_review(apply_review, f.rule.code):
            continue
        superseded = _fit(f.edits, accepted, text)
        if superseded is None:
            superseded = _composed(f, accepted, owner, text)
        if superseded is None:
            superseded = _without_moot(f, accepted, owner, text)
        clash = superseded is None
        if not clash:
            for a in superseded:  # this fix rewrites their text without copying it: theirs is moot
                accepted.remove(a)
                earlier = owner.pop(a)
                if not any(o is earlier for o in owner.values()):
                    earlier.subsumed_by = f.rule.code
        if clash:
            by = _container(accepted, owner, f.edits, None if f.subsumable else text)
            if by is not None:
                f.applied = True
                f.subsumed_by = by.rule.code
            elif demote:
                f.demote(OVERLAP)
            continue
        for e in f.edits:
            if e not in owner:
                accepted.add(e)
                owner[e] = f
        f.applied = True
    return owner


def _fit(edits: List[Edit], accepted: EditSet, text: str) -> Optional[List[Edit]]:
    """The accepted edits that `edits` make moot, or None when `edits` clash with each other or with
    an accepted edit."""
    own = EditSet()
    superseded = []
    for e in edits:
        hits = accepted.overlapping(e)
        if own.conflicts(e) or (hits and not _discards(e, hits, text)):
            return None
        superseded += hits
        own.add(e)
    return superseded


def _composed(f: Finding, accepted: EditSet, owner: Dict[Edit, Finding], text: str) -> Optional[List[Edit]]:
    """Retry a clashing fix with its edits and the accepted ones it meets split into their smallest
    parts (`refine`, the same changes): a fix copying text another fix edits then composes with it.
    Kept only when that removes the clash; returns what `_fit` does."""
    parts = [p for e in f.edits for p in refine(e, text)]
    splits = {a: refine(a, text) for e in parts for a in accepted.overlapping(e)}
    splits = {a: pieces for a, pieces in splits.items() if pieces != [a]}
    if parts == f.edits and not splits:
        return None
    trial = EditSet()
    for a in accepted:
        for piece in splits.get(a, [a]):
            trial.add(piece)
    superseded = _fit(parts, trial, text)
    if superseded is None:
        return None
    f.edits = parts
    for a, pieces in splits.items():
        holder = owner.pop(a)
        accepted.remove(a)
        at = holder.edits.index(a)
        holder.edits[at : at + 1] = pieces
        for piece in pieces:
            accepted.add(piece)
            owner[piece] = holder
    return superseded


def _discards(edit: Edit, accepted: List[Edit], text: str) -> bool:
    """`edit` replaces a region holding each of `accepted` and does not copy their original text
    (LOW002 rewriting a return annotation that TYP004 renamed a name in): their change is moot. Two
    different respellings of the same text clash instead."""
    return edit.start < edit.end and all(
        edit.start <= a.start
        and a.end <= edit.end
        and a.start < a.end
        and (a.start, a.end) != (edit.start, edit.end)
        and text[a.start : a.end] not in edit.text
        for a in accepted
    )


def _without_moot(f: Finding, accepted: EditSet, owner: Dict[Edit, Finding], text: str) -> Optional[List[Edit]]:
    """Retry a clashing fix of several edits without those lying in text an accepted fix replaces
    without copying (PKG101 renaming the `httpx` of `httpx.codes.X` that CLT005 rewrote): a second run
    would not see them. Kept only when the rest fits; returns what `_fit` does."""
    live = [e for e in f.edits if not _moot(e, accepted, owner, text)]
    if not live or len(live) == len(f.edits):
        return None
    superseded = _fit(live, accepted, text)
    if superseded is not None:
        f.edits = live
    return superseded


def _moot(e: Edit, accepted: Iterable[Edit], owner: Dict[Edit, Finding], text: str) -> bool:
    """An accepted fix replaces the text `e` edits (or a finding spans), and none of its edits copies
    that text elsewhere (TRN001 moving an argument into a new call keeps it)."""
    by = _container(accepted, owner, [e], text)
    return by is not None and all(text[e.start : e.end] not in x.text for x in by.edits)


def _rewritten(f: Finding, owner: Dict[Edit, Finding], text: str) -> bool:
    """An accepted fix replaces the text a finding spans (or text around it) without copying it:
    a marker about that text would describe code the output no longer has."""
    gone = text[f.start : f.end]
    exact = any((a.start, a.end) == (f.start, f.end) and gone not in a.text for a in owner)
    return exact or _moot(Edit(f.start, f.end, ""), owner, owner, text)


def _container(
    accepted: Iterable[Edit], owner: Dict[Edit, Finding], edits: List[Edit], text: Optional[str]
) -> Optional[Finding]:
    """The finding whose accepted edits replace text containing every one of `edits`, if any. With
    `text`, only replacements that discard that text count (ones copying it would lose the edit)."""
    by = None
    for e in edits:
        hit = None
        for a in accepted:
            if (
                a.start < a.end
                and a.start <= e.start
                and e.end <= a.end
                and (e.start < e.end or a.start < e.start < a.end)
                and (a.start, a.end) != (e.start, e.end)
                and (text is None or text[e.start : e.end] not in a.text)
            ):
                hit = owner[a]
                break
        if hit is None or (by is not None and hit is not by):
            return None
        by = hit
    return by


def _render_edits(text: str, edits: List[Edit]) -> str:
    """Apply one set of edits (several insertions at one offset kept in the given order)."""
    groups: Dict[int, List[str]] = {}
    spans = []
    for e in dict.fromkeys(edits):
        if e.start == e.end:
            groups.setdefault(e.start, []).append(e.text)
        else:
            spans.append(e)
    merged = [Edit(q, q, merge_insertions(ts)) for q, ts in groups.items()]
    return apply_edits(text, spans + merged)


_IMPORT_LINE = re.compile(
    r"^from[ \t]+([\w.]+)[ \t]+import[ \t]+(\w+(?:[ \t]+as[ \t]+\w+)?"
    r"(?:[ \t]*,[ \t]*\w+(?:[ \t]+as[ \t]+\w+)?)*)(\r\n|\n|\r)$"
)


def merge_insertions(texts: List[str]) -> str:
    """Join insertions made at one offset, in order, dropping duplicates. When every one of them is
    whole lines, `from X import a` lines importing from the same module become one line (where the
    first of them was)."""
    texts = list(dict.fromkeys(texts))
    if len(texts) < 2:
        return "".join(texts)
    lines = [ln for t in texts for ln in t.splitlines(True)]
    if not all(ln.endswith(("\n", "\r")) for ln in lines):
        return "".join(texts)
    modules: Dict[str, List[str]] = {}
    ends: Dict[str, str] = {}
    order: List[object] = []  # other lines as they are, a module name where its merged line goes
    for ln in lines:
        m = _IMPORT_LINE.match(ln)
        if not m:
            order.append([ln])
            continue
        if m.group(1) not in modules:
            order.append(m.group(1))
        names = modules.setdefault(m.group(1), [])
        ends.setdefault(m.group(1), m.group(3))
        for n in m.group(2).split(","):
            n = " ".join(n.split())
            if n not in names:
                names.append(n)
    # Imports go first: a module-level helper inserted where the imports end must not land above them.
    order = [o for o in order if not _is_code(o)] + [o for o in order if _is_code(o)]
    return "".join(
        o[0] if isinstance(o, list) else "from %s import %s%s" % (o, ", ".join(modules[o]), ends[o]) for o in order
    )


_PLAIN_IMPORT_LINE = re.compile(r"^import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?(\r\n|\n|\r)$")


def _is_code(entry) -> bool:
    """A merged insertion's line that is neither a `from` import (merged by module) nor an `import`."""
    return isinstance(entry, list) and not _PLAIN_IMPORT_LINE.match(entry[0])


def _marker_message(f: Finding) -> str:
    if f.fix_class == "review":
        return f.message + " (suggested fix: run with --apply-review)"
    return f.message + (" (%s)" % f.note if f.note else "")


def _render(ctx: Context, findings: List[Finding], owner: Dict[Edit, Finding]) -> List[Edit]:
    """The edits making the output text: accepted edits, plus marker comments placed directly above the statement
    each finding is about, as it stands in the output (after the edits), so reruns are fixed points.

    - Insertions at one offset are all applied, in finding order (identical ones once, `from X import`
      lines of one module merged).
    - Whole-line insertions at the start of a line that has a marker block above it go above the
      block (the block belongs to that line); new markers go after whole-line insertions at their
      line, directly above the statement.
    - Markers of applied findings are removed; a block above lines a fix deletes goes with them; a
      subsumable manual finding whose whole text a fix replaces without copying it gets none.
    - A marker on a statement that a fix moves (deletes and re-inserts) goes into the moved copy.
    """
    idx, text = ctx.index, ctx.text
    nl = idx.newline()
    inserts: Dict[int, List[Edit]] = {}
    spans: List[Edit] = []
    for e in owner:
        if e.start == e.end:
            inserts.setdefault(e.start, []).append(e)
        else:
            spans.append(e)
    spans.sort()
    starts = [e.start for e in spans]

    def covering(q: int) -> Optional[Edit]:
        i = bisect_right(starts, q) - 1
        return spans[i] if i >= 0 and spans[i].end > q else None

    def line_start(q: int) -> bool:
        return q == idx.line_start(idx.line_of(q))

    def next_line(line: int) -> int:
        return idx.line_start(line + 1) if line < idx.line_count else len(text)

    blocks: Dict[int, List[Tuple[int, str]]] = {}

    def block_above(line: int) -> List[Tuple[int, str]]:
        b = blocks.get(line)
        if b is None:
            b = []
            ln = line - 1
            while ln >= 1:
                m = EXISTING.match(idx.line_text(ln))
                if not m:
                    break
                b.append((ln, m.group(1)))
                ln -= 1
            b.reverse()
            blocks[line] = b
        return b

    # Marker lines to delete: those of applied findings, and blocks above lines a fix deletes.
    deleted = set()
    for f in findings:
        if f.applied and f.marker_line is not None:
            deleted.update(ln for ln, code in block_above(f.marker_line) if code == f.rule.code)
    for e in spans:
        if not e.text and line_start(e.start):
            line = idx.line_of(e.start)
            if e.end >= next_line(line):
                deleted.update(ln for ln, _ in block_above(line))
    deletions = []
    for ln in sorted(deleted):
        d = Edit(idx.line_start(ln), next_line(ln), "")
        if covering(d.start) is None and covering(d.end - 1) is None:
            deletions.append(d)
    deleted = {idx.line_of(d.start) for d in deletions}

    # Where each marker goes: ("at", offset in the input) or ("in", edit, offset in its text).
    at: Dict[int, Dict[str, Tuple[List[str], str]]] = {}
    into: Dict[Edit, Dict[Tuple[int, str], Dict[str, Tuple[List[str], str]]]] = {}
    for f in findings:
        if not f.wants_marker() or (f.subsumable and _rewritten(f, owner, text)):
            continue
        line = f.marker_line
        q = idx.line_start(line)
        spot = None
        for _ in range(8):
            e = covering(q)
            if e is None or e.start == q and not (e.end >= next_line(line) and not e.text):
                spot = q
                break
            if e.end >= next_line(line) and e.start <= q:
                moved = _moved_copy(idx.line_text(line), owner[e], owner)
                if moved is not None:
                    spot = moved
                    break
                if e.start == q:  # a deleted line: the marker goes above what follows it
                    spot = q
                    break
            q = idx.line_start(idx.line_of(e.start))
            line = idx.line_of(q)
        if spot is None:
            continue
        if isinstance(spot, int):
            line = idx.line_of(spot)
            if f.rule.code in {c for ln, c in block_above(line) if ln not in deleted}:
                continue
            slot = at.setdefault(spot, {})
        else:
            slot = into.setdefault(spot[0], {}).setdefault((spot[1], spot[2]), {})
        msgs, _ = slot.setdefault(f.rule.code, ([], f.anchor))
        msg = _marker_message(f)
        if msg not in msgs:
            msgs.append(msg)

    def marker_block(indent: str, slot) -> str:
        return "".join(
            indent + marker_text(code, "; ".join(msgs), anchor) + nl for code, (msgs, anchor) in sorted(slot.items())
        )

    def final_text(e: Edit) -> str:
        splices = into.get(e)
        if not splices:
            return e.text
        t = e.text
        for (k, indent), slot in sorted(splices.items(), reverse=True):
            t = t[:k] + marker_block(indent, slot) + t[k:]
        return t

    out = [Edit(e.start, e.end, final_text(e)) for e in spans] + deletions
    pre: Dict[int, List[str]] = {}
    post: Dict[int, List[str]] = {}
    for q, es in inserts.items():
        for e in es:
            t = final_text(e)
            if line_start(q) and t.endswith(("\n", "\r")):
                b = [ln for ln, _ in block_above(idx.line_of(q))]
                pre.setdefault(idx.line_start(b[0]) if b else q, []).append(t)
            else:
                post.setdefault(q, []).append(t)
    for q in set(pre) | set(post) | set(at):
        body = merge_insertions(pre.get(q, []))
        if q in at:
            body += marker_block(idx.indentation(idx.line_of(q)), at[q])
        body += "".join(dict.fromkeys(post.get(q, [])))
        if body:
            out.append(Edit(q, q, body))
    return out


def _moved_copy(line_text: str, f: Finding, owner: Dict[Edit, Finding]):
    """(edit, offset, indent) of the line in `f`'s inserted text that is a copy of `line_text`."""
    key = line_text.strip()
    if not key:
        return None
    best, hits = 0, []
    for e in f.edits:
        if not e.text or owner.get(e) is not f:
            continue
        k = 0
        for ln in e.text.splitlines(True):
            cand = ln.strip()
            n = 0
            for a, b in zip(key, cand):
                if a != b:
                    break
                n += 1
            if n > best:
                best, hits = n, [(e, k, ln[: len(ln) - len(ln.lstrip())])]
            elif n == best and n:
                hits.append((e, k, ln[: len(ln) - len(ln.lstrip())]))
            k += len(ln)
    if best >= min(len(key), 16) and len(hits) == 1:
        return hits[0]
    return None


def _fix_groups(findings: List[Finding]) -> Dict[int, str]:
    """Fixes of one rule on one statement go together: `from mcp.server.fastmcp import FastMCP` gets a
    module fix and a name fix, and either alone gives an import that works in neither version."""
    by_statement: Dict[Tuple[str, int], List[Finding]] = {}
    for f in findings:
        if f.edits and f.marker_line is not None:
            by_statement.setdefault((f.rule.code, f.marker_line), []).append(f)
    return {id(f): "%s:%d" % key for key, fs in by_statement.items() if len(fs) > 1 for f in fs}


def _finding_dict(ctx: Context, f: Finding, group: Optional[str] = None) -> dict:
    pos = ctx.index.to_position
    message = f.message + (" (%s)" % f.note if f.note else "")
    return {
        "rule": f.rule.code,
        "anchor": f.anchor,
        "fix_class": f.fix_class,
        "message": message,
        "applied": f.applied,
        "advisory": f.advisory,
        "marker": f.wants_marker(),
        "start": pos(f.start),
        "end": pos(f.end),
        "edits": [{"start": pos(e.start), "end": pos(e.end), "text": e.text} for e in f.edits],
        "group": group,
    }
