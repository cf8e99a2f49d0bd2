"""Run the selected rules over one file and turn their findings into a result dict."""

import ast
from typing import Dict, List, Optional, Sequence, Union

from . import rules as _rules  # noqa: F401  (importing registers every rule)
from .context import Context
from .edits import Edit, EditSet, apply_edits
from .framework import REGISTRY, Finding, RuleInfo
from .inputs import error, parse_python, precheck
from .markers import marker_edits

DEBUG = False  # tests flip this to re-raise rule exceptions instead of reporting them


def file_kind(filename: str) -> str:
    base = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if base == "pyproject.toml":
        return "pyproject"
    if base == "setup.cfg":
        return "setup_cfg"
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
    for r in REGISTRY:
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


def migrate(source: str, filename: str = "main.py", select=None, ignore=None, apply_review=False) -> dict:
    kind = file_kind(filename)
    result = {"text": source, "changed": False, "kind": kind, "error": None, "findings": []}
    err = precheck(source)
    if err:
        result["error"] = err
        return result
    try:
        ctx = _make_context(source, filename, kind)
        if isinstance(ctx, dict):
            result["error"] = ctx
            return result
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
    except (RecursionError, MemoryError):
        result["error"] = error("too_deep", "The code nests too deeply for the engine to analyse safely.")
        return result
    result["text"] = text
    result["changed"] = text != source
    result["findings"] = [_finding_dict(ctx, f) for f in ctx.findings]
    return result


def _make_context(source: str, filename: str, kind: str) -> Union[Context, dict]:
    if kind == "python":
        tree, err = parse_python(source, filename)
        if err:
            return err
        from .context import PythonContext

        return PythonContext(source, filename, tree)
    from .deps.context import DepsContext

    return DepsContext(source, filename, kind)


def _apply(ctx: Context, apply_review) -> str:
    order = {r.code: i for i, r in enumerate(REGISTRY)}
    findings = sorted(ctx.findings, key=lambda f: (order.get(f.rule.code, 0), f.start))
    ctx.findings = findings
    accepted = EditSet()
    by_rule: Dict[str, List[Finding]] = {}
    for f in findings:
        if not f.edits:
            continue
        if f.fix_class == "review" and not _wants_review(apply_review, f.rule.code):
            continue
        own = EditSet()
        clash = False
        for e in f.edits:  # a finding's own edits must not overlap each other either
            if accepted.conflicts(e) or own.conflicts(e):
                clash = True
                break
            own.add(e)
        if clash:
            f.demote("its automatic fix overlaps another change; apply it by hand")
            continue
        for e in f.edits:
            accepted.add(e)
        f.applied = True
        by_rule.setdefault(f.rule.code, []).append(f)

    text = _render(ctx, findings, accepted)
    if ctx.kind == "python" and not _parses(text):
        # Find the rule(s) whose fixes alone break the file, drop them, and try again.
        for code, fs in by_rule.items():
            alone = apply_edits(ctx.text, [e for f in fs for e in f.edits])
            if not _parses(alone):
                for f in fs:
                    f.applied = False
                    f.demote("its automatic fix did not produce valid Python; apply it by hand")
        accepted = EditSet()
        for e in (e for f in findings if f.applied for e in f.edits):
            accepted.add(e)
        text = _render(ctx, findings, accepted)
        if not _parses(text):
            for f in findings:
                if f.applied:
                    f.applied = False
                    f.demote("the combined automatic fixes did not produce valid Python; apply by hand")
            text = _render(ctx, findings, EditSet())
    return text


def _render(ctx: Context, findings: List[Finding], accepted: EditSet) -> str:
    items = []
    for f in findings:
        if f.fix_class == "manual" and f.marker_line is not None:
            line = f.marker_line
            # A marker cannot go inside text another edit replaces: move it above that edit.
            for _ in range(5):
                start = ctx.index.line_start(line)
                probe = Edit(start, start, "")
                if not accepted.conflicts(probe):
                    break
                clash = [a for a in accepted if a.start < start < a.end]
                if not clash:
                    break
                line = ctx.index.line_of(min(a.start for a in clash))
            msg = f.message + (" (%s)" % f.note if f.note else "")
            items.append((line, f.rule.code, msg, f.anchor))
    markers = marker_edits(ctx.index, items)
    return apply_edits(ctx.text, list(accepted) + list(set(markers.values())))


def _parses(text: str) -> bool:
    body = text[1:] if text.startswith("\ufeff") else text
    try:
        ast.parse(body)
        return True
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


def _finding_dict(ctx: Context, f: Finding) -> dict:
    pos = ctx.index.to_position
    message = f.message + (" (%s)" % f.note if f.note else "")
    return {
        "rule": f.rule.code,
        "anchor": f.anchor,
        "fix_class": f.fix_class,
        "message": message,
        "applied": f.applied,
        "start": pos(f.start),
        "end": pos(f.end),
        "edits": [{"start": pos(e.start), "end": pos(e.end), "text": e.text} for e in f.edits],
    }
