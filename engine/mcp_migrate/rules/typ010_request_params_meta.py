import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

META_CLASSES = sdk.META_CLASSES


DICT_METHODS = set(dir(dict))


@rule(
    code="TYP010",
    title="`RequestParams.Meta` replaced with `RequestParamsMeta` TypedDict",
    anchor="requestparamsmeta-replaced-with-requestparamsmeta-typeddict",
    fix_class="review",
    summary="""
        Rewrites `RequestParams.Meta(progressToken=t)` / `NotificationParams.Meta(...)` with plain
        keyword arguments to a dict (`{"progress_token": t}`), `.meta.progressToken` to
        `.meta.get("progress_token")` in files that use the SDK (safe where the value is known to be
        a v1 `Meta`, such as `ctx.request_context.meta` of a typed `Context`), and marks other uses of
        the nested `Meta` classes.
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
        +    if request.meta and request.meta.get("progress_token"):
                 await ctx.report_progress(0.5, 1.0)
             return "done"
    """,
    v1_names=["mcp.types.RequestParams", "mcp.types.NotificationParams"],
    v2_names=["mcp.types.RequestParamsMeta"],
)
def check(ctx: PythonContext):
    calls = set()
    for call in ctx.calls(*META_CLASSES):
        calls.add(id(call.func))
        text = _as_dict(ctx, call)
        if text is None:
            ctx.manual(call, "`Meta(...)` models are gone: pass a dict (`{\"progress_token\": ...}`)")
        else:
            ctx.fix(call, "`_meta` is a dict in v2 (`RequestParamsMeta` TypedDict)", [ctx.replace(call, text)])
    for ref in ctx.references(*META_CLASSES):
        if id(ref) not in calls:
            ctx.manual(
                ref,
                "`RequestParams.Meta` is the `RequestParamsMeta` TypedDict in v2 "
                "(`from mcp.types import RequestParamsMeta`); use dict access",
            )
    if not ctx.imports_from("mcp"):
        return
    for node in ctx.walk(ast.Attribute):
        typed = node.attr == "progressToken" and _is_meta(ctx, node.value)
        if node.attr == "progressToken" and (
            typed or isinstance(node.value, ast.Attribute) and node.value.attr == "meta"
        ):
            if isinstance(node.ctx, ast.Load):
                _, e = ctx.span(node.value)
                ctx.fix(
                    node,
                    "`meta` is a dict in v2: use `meta.get(\"progress_token\")`",
                    [ctx.replace((e, ctx.span(node)[1]), '.get("progress_token")')],
                    fix_class="safe" if typed else None,  # `.get` gives None when absent, as v1 did
                )
            else:
                ctx.manual(node, "`meta` is a dict in v2: use `meta[\"progress_token\"]`")
        elif node.attr not in DICT_METHODS and _is_meta(ctx, node.value):
            ctx.manual(
                node,
                "`meta` is a dict in v2 (`RequestParamsMeta`, a TypedDict, for requests): it has no "
                "`.%s`; use dict access (`dict(meta)` for a copy)" % node.attr,
            )


def _is_meta(ctx, expr):
    """The value is a v1 `RequestParams.Meta` (`ctx.request_context.meta`, a handler's `ctx.meta`)."""
    return any(c in META_CLASSES for c in ctx.types.classes_of(expr))


def _as_dict(ctx, call):
    if call.args or any(k.arg is None for k in call.keywords):
        return None
    items = ['"%s": %s' % (sdk.CAMEL_TO_SNAKE.get(k.arg, k.arg), ctx.source(k.value)) for k in call.keywords]
    if any("\n" in i for i in items):
        return None
    return "{" + ", ".join(items) + "}"
