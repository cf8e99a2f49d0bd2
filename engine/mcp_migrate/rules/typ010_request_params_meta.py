import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

META_CLASSES = sdk.META_CLASSES


DICT_METHODS = set(dir(dict))
SPLAT = (
    "`_meta` is a dict in v2 (`RequestParamsMeta` TypedDict), built from the same keys; v1's "
    "`progressToken` is v2's `progress_token` key, so a `progressToken` key in the dict is no longer "
    "the progress token when read in Python"
)


@rule(
    code="TYP010",
    title="`RequestParams.Meta` replaced with `RequestParamsMeta` TypedDict",
    anchor="requestparamsmeta-replaced-with-requestparamsmeta-typeddict",
    fix_class="review",
    summary="""
        Rewrites `RequestParams.Meta(progressToken=t)` / `NotificationParams.Meta(...)` with plain
        keyword arguments to a dict (`{"progress_token": t}`), and `RequestParams.Meta(**d)` to
        `RequestParamsMeta(**d)` (the same keys; a `progressToken` among them is not v2's
        `progress_token`); in files that use the SDK, the guide's
        `if meta and meta.progressToken:` (or `is not None`) to `if meta and "progress_token" in
        meta:` with the reads in its body as `meta["progress_token"]`, other `.meta.progressToken` to
        `.meta.get("progress_token")` (safe where the value is known to be a v1 `Meta`, such as
        `ctx.request_context.meta` of a typed `Context`), `meta.model_extra` (v1's extra keys) to the
        dict without `progress_token`, `meta.model_dump(exclude={...}, exclude_none=True)` to a comprehension
        over its items; annotates a dict the file builds only to
        pass as `session.call_tool(meta=m)` (`m: RequestParamsMeta = {...}`); marks other uses of the
        nested `Meta` classes, and other `meta=m` where `m` is declared or built as a plain `dict`
        (v1's parameter type, which type checkers refuse for the TypedDict).
    """,
    why="""
        The nested `Meta` models are gone; request `_meta` is the `RequestParamsMeta` TypedDict
        and notification `_meta` a plain dict, so `ctx.meta.progressToken` raises
        `AttributeError: 'dict' object has no attribute 'progressToken'`.
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def work(ctx: Context) -> str:
             request = ctx.request_context
        -    if request.meta and request.meta.progressToken:
        +    if request.meta and "progress_token" in request.meta:
                 await ctx.report_progress(0.5, 1.0)
             return "done"
    """,
    v1_names=[
        "mcp.types.RequestParams",
        "mcp.types.NotificationParams",
        "mcp.client.session.ClientSession.call_tool(meta)",
    ],
    v2_names=["mcp.types.RequestParamsMeta", "mcp.client.session.ClientSession.call_tool(meta)"],
)
def check(ctx: PythonContext):
    calls = set()
    for call in ctx.calls(*META_CLASSES):
        calls.add(id(call.func))
        text = _as_dict(ctx, call)
        splat = _splat(ctx, call)
        if splat is not None:
            ctx.fix(call, SPLAT, splat)
            continue
        if text is None:
            ctx.manual(call, "`Meta(...)` models are gone: pass a dict (`{\"progress_token\": ...}`)")
            continue
        edits = [ctx.replace(call, text)]
        if ctx.resolve(call.func) == META_CLASSES[0] and not _passed(ctx, call):
            # kept in a name first: a bare dict would be `dict[str, ...]`, which `_meta=` refuses
            edits = _typed_dict(ctx, call)
            if edits is None:
                ctx.manual(call, "`Meta(...)` models are gone: build a `RequestParamsMeta(progress_token=...)`")
                continue
        ctx.fix(call, "`_meta` is a dict in v2 (`RequestParamsMeta` TypedDict)", edits)
    for ref in ctx.references(*META_CLASSES):
        if id(ref) not in calls:
            ctx.manual(
                ref,
                "`RequestParams.Meta` is the `RequestParamsMeta` TypedDict in v2 "
                "(`from mcp.types import RequestParamsMeta`); use dict access",
            )
    plain = []
    for call in ctx.attr_calls("call_tool"):
        kw = ctx.keyword(call, "meta")
        if kw is None or ctx.receiver_level(call.func.value, sdk.CLIENT_SESSION) != "safe":
            continue
        if _plain_dict(ctx, kw.value):
            plain.append(kw.value)
    annotated = _annotate_meta_dicts(ctx, plain)
    for value in plain:
        if id(value) not in annotated:
            ctx.manual(
                value,
                "`call_tool(meta=...)` takes a `RequestParamsMeta` TypedDict in v2: a `dict[str, ...]` still "
                "works at runtime but type checkers reject it; annotate the value `RequestParamsMeta` "
                "(`from mcp.types import RequestParamsMeta`)",
            )
    if not ctx.imports_from("mcp"):
        return
    guarded = set()
    for node in ctx.walk(ast.Attribute):
        typed = node.attr == "progressToken" and _is_meta(ctx, node.value)
        if id(node) in guarded:
            continue
        if node.attr == "progressToken" and ctx.is_request_meta(node.value):
            level = "safe" if typed else None  # `.get` gives None when absent, as v1 did
            guard = _guard(ctx, node) if isinstance(node.ctx, ast.Load) else None
            if guard is not None:
                test, uses = guard
                guarded.update(id(u) for u in uses)
                edits = [ctx.replace(test, '"progress_token" in %s' % ctx.source(node.value))] + [
                    ctx.replace((ctx.span(u.value)[1], ctx.span(u)[1]), '["progress_token"]') for u in uses
                ]
                msg = '`meta` is a dict in v2: test `"progress_token" in meta`, then read `meta["progress_token"]`'
                ctx.fix(node, msg, edits, fix_class=level)
            elif isinstance(node.ctx, ast.Load):
                _, e = ctx.span(node.value)
                ctx.fix(
                    node,
                    "`meta` is a dict in v2: use `meta.get(\"progress_token\")`",
                    [ctx.replace((e, ctx.span(node)[1]), '.get("progress_token")')],
                    fix_class=level,
                )
            else:
                ctx.manual(node, "`meta` is a dict in v2: use `meta[\"progress_token\"]`")
        elif node.attr == "model_extra" and isinstance(node.ctx, ast.Load) and _is_meta(ctx, node.value):
            # v1's extra keys are v2's dict without the one field the model declared
            ctx.fix(
                node,
                "`meta` is a dict in v2: its extra keys are the dict without `progress_token`",
                [ctx.replace(node, '{k: v for k, v in %s.items() if k != "progress_token"}' % ctx.source(node.value))],
            )
        elif node.attr == "model_dump" and _is_meta(ctx, node.value) and (dumped := _dumped(ctx, node)):
            ctx.fix(
                node,
                "`meta` is a dict in v2: `model_dump(...)` is a comprehension over its items",
                [ctx.replace(ctx.parent(node), dumped)],
            )
        elif node.attr not in DICT_METHODS and _is_meta(ctx, node.value):
            ctx.manual(
                node,
                "`meta` is a dict in v2 (`RequestParamsMeta`, a TypedDict, for requests): it has no "
                "`.%s`; use dict access (`dict(meta)` for a copy)" % node.attr,
            )


def _dumped(ctx, node):
    """`{k: v for k, v in meta.items() if k not in {...} and v is not None}` for a
    `meta.model_dump(exclude={...}, exclude_none=True)` call (v1 field names mapped to v2 keys; `dict(meta)`
    without either), when its arguments are those literals alone; else None."""
    call = ctx.parent(node)
    if not (isinstance(call, ast.Call) and call.func is node and not call.args):
        return None
    kw = {k.arg: k.value for k in call.keywords}
    if None in kw or set(kw) - {"exclude", "exclude_none", "by_alias"}:
        return None
    if any(not (isinstance(v, ast.Constant) and isinstance(v.value, bool)) for k, v in kw.items() if k != "exclude"):
        return None
    tests = []
    excluded = kw.get("exclude")
    if excluded is not None:
        names = (
            [ctx.const_str(e) for e in getattr(excluded, "elts", [None])]
            if isinstance(excluded, (ast.Set, ast.List, ast.Tuple))
            else [None]
        )
        if None in names:
            return None
        keys = ", ".join('"%s"' % sdk.CAMEL_TO_SNAKE.get(n, n) for n in names)
        tests.append("k not in {%s}" % keys if len(names) > 1 else "k != %s" % keys)
    if "exclude_none" in kw and kw["exclude_none"].value:
        tests.append("v is not None")
    if not tests:
        return "dict(%s)" % ctx.source(node.value)
    return "{k: v for k, v in %s.items() if %s}" % (ctx.source(node.value), " and ".join(tests))


def _guard(ctx, node):
    """The guide's pattern: `if meta and meta.progressToken:` (or `... is not None`) guarding reads of
    `meta.progressToken` in its body. (the test to become `"progress_token" in meta`, the reads in
    the body to become `meta["progress_token"]`, which the `in` test lets a type checker accept),
    or None."""
    chain = ctx.dotted(node.value)
    test, p = node, ctx.parent(node)
    if (
        isinstance(p, ast.Compare)
        and p.left is node
        and len(p.ops) == 1
        and isinstance(p.ops[0], ast.IsNot)
        and isinstance(p.comparators[0], ast.Constant)
        and p.comparators[0].value is None
    ):
        test, p = p, ctx.parent(p)
    if isinstance(p, ast.BoolOp) and isinstance(p.op, ast.And):
        p = ctx.parent(p)
    if chain is None or not isinstance(p, ast.If) or not _tested(p.test, test):
        return None
    root = chain.split(".")[0]
    body = [n for st in p.body for n in ast.walk(st)]
    if any(isinstance(n, ast.Name) and n.id == root and not isinstance(n.ctx, ast.Load) for n in body):
        return None  # the body binds the name again
    uses = [
        n for n in body if isinstance(n, ast.Attribute) and n.attr == "progressToken" and ctx.dotted(n.value) == chain
    ]
    if any(not isinstance(u.ctx, ast.Load) for u in uses):
        return None
    return test, uses


def _tested(test, expr) -> bool:
    """`expr` is the if test, or one operand of its `and`."""
    return test is expr or (isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) and expr in test.values)


def _is_meta(ctx, expr):
    """The value is a v1 `RequestParams.Meta` (`ctx.request_context.meta`, a handler's `ctx.meta`)."""
    return any(c in META_CLASSES for c in ctx.types.classes_of(expr))


def _passed(ctx, call) -> bool:
    """The `Meta(...)` is an argument of a call, where a dict literal takes the parameter's TypedDict type."""
    p = ctx.parent(call)
    return isinstance(p, ast.Call) or (isinstance(p, ast.keyword) and isinstance(ctx.parent(p), ast.Call))


def _typed_dict(ctx, call, args=None):
    """`types.RequestParams.Meta(progressToken=t)` -> `types.RequestParamsMeta(progress_token=t)` (the
    TypedDict's constructor builds the same dict), importing the name for a bare `RequestParams.Meta`."""
    owner = call.func.value if isinstance(call.func, ast.Attribute) else None
    imp = None
    if isinstance(owner, ast.Attribute):
        name = ctx.source(owner.value) + ".RequestParamsMeta"
    else:
        imp = ctx.add_import("mcp.types", "RequestParamsMeta")
        if imp is not None and ctx.module_binding("RequestParamsMeta") is not None:
            return None
        name = "RequestParamsMeta"
    if args is None:
        args = ", ".join("%s=%s" % (sdk.CAMEL_TO_SNAKE.get(k.arg, k.arg), ctx.source(k.value)) for k in call.keywords)
    return [ctx.replace(call, "%s(%s)" % (name, args))] + ([imp] if imp else [])


def _splat(ctx, call):
    """`RequestParams.Meta(**d)` -> `RequestParamsMeta(**d)`: the TypedDict's constructor copies the
    keys as given, as v1's `extra="allow"` model kept them. None for other shapes and for
    `NotificationParams.Meta`."""
    if call.args or len(call.keywords) != 1 or call.keywords[0].arg is not None:
        return None
    if ctx.resolve(call.func) != META_CLASSES[0]:
        return None
    return _typed_dict(ctx, call, "**" + ctx.source(call.keywords[0].value))


def _as_dict(ctx, call):
    if call.args or any(k.arg is None for k in call.keywords):
        return None
    items = ['"%s": %s' % (sdk.CAMEL_TO_SNAKE.get(k.arg, k.arg), ctx.source(k.value)) for k in call.keywords]
    if any("\n" in i for i in items):
        return None
    return "{" + ", ".join(items) + "}"


def _annotate_meta_dicts(ctx, values):
    """`READER = {"client_id": "alice"}` whose only uses are `call_tool(meta=READER)` becomes
    `READER: RequestParamsMeta = {...}` (`RequestParamsMeta | None` for `{...} if x else None`): the
    same dict at run time, the parameter's type for a type checker. Returns the ids of the `meta=`
    values it covers."""
    by_binding = {}
    for value in values:
        b = ctx.binding(value)
        if b is not None and isinstance(b.node, ast.Assign) and not isinstance(b.node.value, ast.DictComp):
            by_binding.setdefault(id(b.node), (b.node, []))[1].append(value)
    done = set()
    for assign, passed in by_binding.values():
        target = assign.targets[0]
        names = [n for n in ctx.walk(ast.Name) if isinstance(target, ast.Name) and n.id == target.id]
        loads = [n for n in names if isinstance(n.ctx, ast.Load)]
        if len(names) - len(loads) != 1 or len(loads) != len(passed):
            continue  # assigned again, or used some other way too: a TypedDict may not fit there
        imports = ctx.imports_for({"RequestParamsMeta": ["mcp.types"]})
        if imports is None:
            continue
        optional = isinstance(assign.value, ast.IfExp)
        ctx.fix(
            assign,
            "`call_tool(meta=...)` takes a `RequestParamsMeta` TypedDict in v2: the dict is annotated as one",
            [ctx.insert(ctx.span(target)[1], ": RequestParamsMeta%s" % (" | None" if optional else ""))] + imports,
            fix_class="safe",  # an annotation: the same dict at run time
        )
        done.update(id(v) for v in passed)
    return done


def _plain_dict(ctx, value) -> bool:
    """A name the file declares `dict[...]` (a parameter or variable annotation, `Dict`, `| None`) or
    assigns a dict display or comprehension (`{...} if run_id else None`): what v1's
    `meta: dict[str, Any]` took."""
    if not isinstance(value, ast.Name):
        return False
    b = ctx.binding(value)
    node = b.node if b is not None else None
    ann = getattr(node, "annotation", None) if isinstance(node, (ast.arg, ast.AnnAssign)) else None
    if ann is not None:
        parts = [ann.left, ann.right] if isinstance(ann, ast.BinOp) else [ann]
        return any(
            isinstance(p, ast.Subscript) and isinstance(p.value, ast.Name) and p.value.id in ("dict", "Dict")
            for p in parts
        )
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        value = node.value
        branches = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
        dicts = [b for b in branches if not (isinstance(b, ast.Constant) and b.value is None)]
        return bool(dicts) and all(isinstance(b, (ast.Dict, ast.DictComp)) for b in dicts)
    return False
