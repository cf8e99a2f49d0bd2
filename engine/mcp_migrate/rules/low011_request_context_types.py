import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "requestcontext-type-parameters-simplified"
RC = sdk.REQUEST_CONTEXT
CONTEXT = sdk.FASTMCP_CONTEXT
SERVER_SESSION = sdk.SERVER_SESSION
SESSION_TYPEVAR = sdk.SERVER_SESSION_MODULE + ".ServerSessionT"  # gone in v2
# v1's TypeVars of `mcp.shared.context` that v2 defines in `mcp.server.context` (the guide's v2 import)
MOVED_TYPEVARS = ("LifespanContextT", "RequestT")
SERVER_CONTEXT = "mcp.server.context"
CLIENT_SESSION = sdk.CLIENT_SESSION


@rule(
    code="LOW011",
    title="`RequestContext` type parameters simplified",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Drops the session type argument of `Context[ServerSession, ...]` annotations (and the first of
        any three, `Context[Any, Any, Any]`; the import of v1's `ServerSessionT`, which v2 removed, goes
        when that argument was its only use), moves `LifespanContextT` / `RequestT` imports from
        `mcp.shared.context` to `mcp.server.context`, and replaces
        `RequestContext` (removed from `mcp.shared.context`), import included:
        `RequestContext[ClientSession, ...]` and client callbacks (next to sampling or elicitation
        `params`) become `ClientRequestContext` (from `mcp.client.context`),
        `RequestContext[ServerSession, L, R]` becomes `ServerRequestContext[L, R]` (from
        `mcp.server.context`). A use decided only by the file being client (or server) code only is a
        review fix (a file importing neither side but naming sampling or elicitation params counts as
        client code); a use it cannot tell is marked.
    """,
    why="""
        `ImportError: cannot import name 'RequestContext' from 'mcp.shared.context'`; `Context` now has
        two type parameters, so `Context[ServerSession, None]` binds the session to the lifespan slot.
    """,
    example="""
         from typing import Any

         from mcp.client.session import ClientSession
         from mcp.server.fastmcp import Context, FastMCP
         from mcp.server.session import ServerSession
        -from mcp.shared.context import RequestContext
        +from mcp.client.context import ClientRequestContext
         from mcp.types import ElicitRequestParams, ElicitResult

         mcp = FastMCP("Demo")


         @mcp.tool()
        -async def my_tool(ctx: Context[ServerSession, None]) -> str:
        +async def my_tool(ctx: Context[None]) -> str:
             return "ok"


         async def elicitation_callback(
        -    context: RequestContext[ClientSession, Any], params: ElicitRequestParams
        +    context: ClientRequestContext, params: ElicitRequestParams
         ) -> ElicitResult:
             return ElicitResult(action="decline")
    """,
    v1_names=[RC, CONTEXT, SERVER_SESSION, CLIENT_SESSION, SESSION_TYPEVAR]
    + [sdk.SHARED_CONTEXT + "." + t for t in MOVED_TYPEVARS],
    v2_names=[SERVER_CONTEXT + "." + t for t in MOVED_TYPEVARS]
    + [
        "mcp.server.context.ServerRequestContext",
        "mcp.client.context.ClientRequestContext",
        "mcp.server.mcpserver.Context",
    ],
)
def check(ctx: PythonContext):
    dropped = []
    for sub in ctx.walk(ast.Subscript):
        if (
            ctx.is_ref(sub.value, CONTEXT)
            and isinstance(sub.slice, ast.Tuple)
            and len(sub.slice.elts) >= 2
            and (ctx.is_ref(sub.slice.elts[0], SERVER_SESSION) or len(sub.slice.elts) == 3)
        ):  # three arguments are v1's (session, lifespan, request) whatever the first is: v2 has two
            dropped.append(sub)
        elif (
            isinstance(sub.value, ast.Name)
            and sub.value.id == "Context"
            and isinstance(sub.slice, ast.Tuple)
            and len(sub.slice.elts) >= 2
            and isinstance(sub.slice.elts[0], ast.Name)
            and sub.slice.elts[0].id == "ServerSession"
            and ctx.is_unbound(sub.value)
            and ctx.is_unbound(sub.slice.elts[0])
        ):
            ctx.manual(
                sub,
                "`Context[ServerSession, LifespanT]` is `Context[LifespanT]` in v2 (bare `Context` is usually enough)",
            )
    typevar = _typevar_import_drop(ctx, [sub.slice.elts[0] for sub in dropped])
    for sub in dropped:
        elts = sub.slice.elts
        ctx.fix(
            sub,
            "`Context` lost its session type parameter in v2",
            [ctx.delete((ctx.span(elts[0])[0], ctx.span(elts[1])[0]))] + typevar,
        )
    _request_context(ctx)
    _moved_typevars(ctx)


def _moved_typevars(ctx):
    """`from mcp.shared.context import LifespanContextT, RequestT` raises `ImportError` in v2, which
    defines both in `mcp.server.context`: the import moves there."""
    for node in ctx.imports():
        if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == sdk.SHARED_CONTEXT):
            continue
        moving = [a for a in node.names if a.name in MOVED_TYPEVARS]
        if not moving:
            continue
        if len(moving) == len(node.names):
            span = ctx.from_module_span(node)
            edits = [ctx.replace(span, SERVER_CONTEXT)] if span else None
        elif any(a.asname for a in moving):
            edits = None  # `add_import` writes no `as` clause
        else:
            removals = list(ctx.joint_removals(moving).values())
            added = ctx.add_import(SERVER_CONTEXT, ", ".join(a.name for a in moving))
            edits = None if None in removals else removals + ([added] if added else [])
        said = "%s moved from `mcp.shared.context` to `mcp.server.context`" % " and ".join(
            "`%s`" % a.name for a in moving
        )
        if edits:
            ctx.fix(node, said, edits)
        else:
            ctx.manual(node, said)


def _typevar_import_drop(ctx, removed):
    """The import of v1's `ServerSessionT`, which v2 removed, when every use of it is a session argument
    the fixes take out (`Context[ServerSessionT, L, R]`); kept, it fails at import."""
    refs = ctx.references(SESSION_TYPEVAR)
    aliases = ctx.import_aliases(SESSION_TYPEVAR)
    if (
        not refs
        or len(aliases) != 1
        or {id(r) for r in refs} != {id(r) for r in removed if ctx.is_ref(r, SESSION_TYPEVAR)}
    ):
        return []
    drop = ctx.drop_import_alias(aliases[0])
    return [drop] if drop is not None else []


def _request_context(ctx):
    """`RequestContext[ClientSession, ...]` -> `ClientRequestContext`, `RequestContext[ServerSession, L, R]`
    -> `ServerRequestContext[L, R]`, imports included: one fix for the file, or markers when a use
    cannot be told client from server."""
    aliases = ctx.import_aliases(RC)
    refs = [n for n in ctx.references(RC) if not isinstance(ctx.parent(n), (ast.Import, ast.ImportFrom, ast.alias))]
    if not aliases and not refs:
        return
    default = _file_side(ctx)
    edits, sides, guessed, undecided = [], set(), False, []
    for node in refs:
        side, target, text = _explicit(ctx, node)
        whole = ctx.parent(node) if isinstance(ctx.parent(node), ast.Subscript) else node
        if side is None and isinstance(node, ast.Name):
            side = _callback_side(ctx, node)
            target, text = whole, None
        if side is None and default and isinstance(node, ast.Name):
            side, target, text, guessed = default, whole, None, True
        if side == "client":
            built = _client_construction(ctx, node)
        else:  # v2's `ServerRequestContext` also takes the request's `protocol_version` and `method`
            built = None if side == "server" and _constructed(ctx, node) else []
        if side is None or built is None:
            undecided.append(node)
            continue
        sides.add(side)
        edits.append(ctx.replace(target, text or NEW[side][1]))
        edits += built
    imports = _import_edits(ctx, aliases, sides)
    if undecided or imports is None or _in_strings(ctx):
        for node in undecided or refs[:1]:
            ctx.manual(
                node,
                "`RequestContext` is gone: use `ServerRequestContext[LifespanT, RequestT]` (from "
                "`mcp.server.context`) in server code, `ClientRequestContext` (from `mcp.client.context`, "
                "no type parameters) in client callbacks"
                + (
                    "; building a `ServerRequestContext` also takes the request's `protocol_version=` and `method=`"
                    if _constructed(ctx, node)
                    else ""
                ),
            )
        for a in aliases:
            ctx.manual(
                a,
                "`mcp.shared.context.RequestContext` is gone: import `ServerRequestContext` from "
                "`mcp.server.context` (server) or `ClientRequestContext` from `mcp.client.context` (client)",
            )
        return
    what = " and ".join("`%s`" % NEW[s][1] for s in sorted(sides)) or "nothing (it was unused)"
    target = ctx.statement_of(aliases[0]) if aliases else refs[0]
    ctx.fix(
        target,
        "`RequestContext` is gone: use %s%s" % (what, " (this file is %s code)" % default if guessed else ""),
        edits + imports,
        fix_class="review" if guessed else "safe",
    )


NEW = {
    "client": ("mcp.client.context", "ClientRequestContext"),
    "server": ("mcp.server.context", "ServerRequestContext"),
}
# Params types of the callbacks a client passes to `ClientSession` (sampling, elicitation).
CLIENT_CALLBACK_PARAMS = tuple(
    sdk.TYPES + n
    for n in ("CreateMessageRequestParams", "ElicitRequestParams", "ElicitRequestFormParams", "ElicitRequestURLParams")
)


def _explicit(ctx, node):
    """(side, node to replace, text) when the subscript names the session type."""
    sub = ctx.parent(node)
    if not (isinstance(sub, ast.Subscript) and sub.value is node):
        return None, None, None
    elts = list(sub.slice.elts) if isinstance(sub.slice, ast.Tuple) else [sub.slice]
    first = elts[0]
    spelled = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
    if ctx.is_ref(first, CLIENT_SESSION) or (spelled or "").rpartition(".")[2] == "ClientSession":
        return "client", sub, NEW["client"][1]
    if ctx.is_ref(first, SERVER_SESSION) or (spelled or "").rpartition(".")[2] == "ServerSession":
        rest = ", ".join(ctx.source(e) for e in elts[1:])
        return "server", sub, NEW["server"][1] + ("[%s]" % rest if rest else "")
    return None, None, None


def _constructed(ctx, node) -> bool:
    """`RequestContext(...)` / `RequestContext[...](...)`: the code builds one."""
    call = ctx.parent(node)
    if isinstance(call, ast.Subscript):
        call = ctx.parent(call)
    return isinstance(call, ast.Call) and call.func in (node, ctx.parent(node))


def _client_construction(ctx, node):
    """For `RequestContext(...)` built as a client context (a test calling a callback): the edits
    dropping what v2's keyword-only `ClientRequestContext(session=, request_id=, meta=)` does not
    take (`lifespan_context=None`, `request=None`); [] when it is not a call; None when it cannot be
    rewritten (positional arguments, a real lifespan or request value)."""
    if not _constructed(ctx, node):
        return []
    call = ctx.parent(node)
    if isinstance(call, ast.Subscript):
        call = ctx.parent(call)
    extra = [k for k in call.keywords if k.arg not in ("session", "request_id", "meta")]
    if call.args or any(
        k.arg is None or not (isinstance(k.value, ast.Constant) and k.value.value is None) for k in extra
    ):
        return None
    return ctx.remove_args(call, extra) if extra else []


def _callback_side(ctx, node):
    """A parameter annotation next to a sampling or elicitation `params`: a client callback."""
    sub = ctx.parent(node)
    ann = sub if isinstance(sub, ast.Subscript) else node
    arg = ctx.parent(ann)
    if not isinstance(arg, ast.arg):
        return None
    fn = ctx.enclosing(arg, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    if fn is None:
        return None
    for other in fn.args.args + fn.args.kwonlyargs:
        if other is not arg and other.annotation is not None and ctx.is_ref(other.annotation, *CLIENT_CALLBACK_PARAMS):
            return "client"
    return None


def _file_side(ctx):
    """ "client" when the file uses the SDK's client side only, "server" for the server side only;
    "client" too when it imports neither but names the params of the requests only a client handles
    (sampling, elicitation: a test of client callbacks)."""
    client = ctx.imports_from("mcp.client")
    server = ctx.imports_from("mcp.server")
    if client != server:
        return "client" if client else "server"
    if not client and ctx.references(*CLIENT_CALLBACK_PARAMS):
        return "client"
    return None


def _import_edits(ctx, aliases, sides):
    """The import lines' edits, or None when they cannot be rewritten."""
    out = []
    for a in aliases:
        if a.asname:
            return None
        if len(sides) == 1:
            module, name = NEW[next(iter(sides))]
            moved = ctx.move_import_alias(a, module, name)
            if moved is None:
                return None
            out += moved
            continue
        drop = ctx.drop_import_alias(a)
        if drop is None:
            return None
        out.append(drop)
        for side in sorted(sides):
            add = ctx.add_import(*NEW[side])
            if add is not None:
                out.append(add)
    return out


def _in_strings(ctx) -> bool:
    """A string annotation names it: the engine does not rewrite inside strings."""
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and "RequestContext[" in n.value
        for n in ctx.walk(ast.Constant)
    )
