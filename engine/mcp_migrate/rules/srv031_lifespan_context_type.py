import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MARK = (
    "v2's bare `Context` types `lifespan_context` as `dict[str, Any]` (type checkers flag this read): "
    "annotate the tool's parameter `Context[YourLifespanState]`; on prompt and resource-template handlers "
    "keep bare `Context` and use `typing.cast(YourLifespanState, ...)`"
)


@rule(
    code="SRV031",
    title="`Context` type parameters: the lifespan state's type",
    anchor="requestcontext-type-parameters-simplified",
    fix_class="safe",
    summary="""
        A tool handler whose `ctx: Context` reads attributes of `ctx.request_context.lifespan_context` gets
        `ctx: Context[State]`, `State` being what the server's `lifespan=` function yields (its
        `AsyncIterator[State]` annotation, also when the lifespan or the server is in another module of
        the project) or the server's declared `FastMCP[State]`, where the file defines `State` or
        imports it from where it is defined. Prompt and resource handlers keep bare `Context`, as the
        guide says, so there the state (the local bound to it, or each read) becomes
        `cast(State, ctx.request_context.lifespan_context)`; so does a context from `mcp.get_context()`
        that SRV008 turns into a bare `ctx: Context` parameter. Where `State` cannot be named in the
        file, the reads are marked.
    """,
    why="""
        v2's `Context` is `Context[LifespanContextT, RequestT]` with `LifespanContextT` defaulting to
        `dict[str, Any]`, so `ctx.request_context.lifespan_context.crawler` is `Cannot access attribute
        "crawler" for class "dict[str, Any]"` for a type checker (at run time the object is unchanged).
    """,
    example="""
         from collections.abc import AsyncIterator
         from contextlib import asynccontextmanager
         from dataclasses import dataclass

         from mcp.server.fastmcp import Context, FastMCP


         @dataclass
         class State:
             db: dict


         @asynccontextmanager
         async def lifespan(server: FastMCP) -> AsyncIterator[State]:
             yield State(db={})


         mcp = FastMCP("demo", lifespan=lifespan)


         @mcp.tool()
        -async def lookup(ctx: Context, key: str) -> str:
        +async def lookup(ctx: Context[State], key: str) -> str:
             return str(ctx.request_context.lifespan_context.db.get(key))
    """,
    v1_names=[sdk.FASTMCP_CONTEXT, sdk.FASTMCP],
    v2_names=["mcp.server.mcpserver.Context"],
)
def check(ctx: PythonContext):
    for fn, dec, kind in ctx.fastmcp_handlers():
        for param in _bare_context_params(ctx, fn):
            reads = _lifespan_reads(ctx, fn, param.arg)
            if not reads:
                continue
            state = ctx.declared_server_state(_receiver(dec))
            if state is not None and kind == "tool":
                ctx.fix(
                    param.annotation,
                    "`lifespan_context` is typed by `Context`'s first parameter in v2",
                    [ctx.replace(param.annotation, "%s[%s]" % (ctx.source(param.annotation), state))],
                )
            else:
                _cast_or_mark(ctx, fn, param.arg, state, reads)
        # SRV008 makes these a `ctx: Context` parameter, typed `Context[AppState]` on a tool whose server
        # is known to hold `AppState` (declared, or what its `lifespan=` yields)
        for name, call in _get_context_names(ctx, fn):
            typed = ctx.declared_server_state(call.func.value)  # what SRV008 gives a tool's parameter
            if not (kind == "tool" and typed):
                _cast_or_mark(ctx, fn, name, typed, _lifespan_reads(ctx, fn, name))


def _cast_or_mark(ctx, fn, name, state, reads):
    """On a handler whose `Context` stays bare (prompts, resources: the guide's advice), the state
    it reads (`reads`: where a local is bound to it, or each direct read) gets `typing.cast(State, ...)`
    when the server's state type is known, else each read is marked."""
    imports = ctx.imports_for({"cast": ["typing"]}) if state and reads else None
    if imports is None:
        for node in reads:
            ctx.manual(node, MARK)
        return
    aliases = _state_aliases(fn, name)
    chains = {}
    for node in reads:
        chain = node.value if _is_state(node.value, name) else aliases[node.value.id]
        chains[id(chain)] = chain
    for chain in chains.values():
        ctx.fix(
            chain,
            "v2's bare `Context` types `lifespan_context` as `dict[str, Any]`; the guide keeps `Context` bare "
            "here, so the state is cast to the server's state type",
            [ctx.replace(chain, "cast(%s, %s)" % (state, ctx.source(chain)))] + imports,
        )


def _bare_context_params(ctx, fn):
    a = fn.args
    return [
        p
        for p in a.posonlyargs + a.args + a.kwonlyargs
        if isinstance(p.annotation, (ast.Name, ast.Attribute)) and ctx.is_ref(p.annotation, sdk.FASTMCP_CONTEXT)
    ]


def _get_context_names(ctx, fn):
    """(name, call) for each name the handler binds to `<server>.get_context()`, and (call, call) for
    a call whose state it reads at once (`mcp.get_context().request_context.lifespan_context`)."""
    out = []
    for call in ctx.method_calls(sdk.FASTMCP, "get_context"):
        st = ctx.parent(call)
        if ctx.enclosing(call, ast.FunctionDef, ast.AsyncFunctionDef) is not fn:
            continue
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            out.append((st.targets[0].id, call))
        elif isinstance(st, ast.Attribute) and _is_state(ctx.parent(st), call):
            out.append((call, call))
    return out


def _lifespan_reads(ctx, fn, name):
    """`<name>.request_context.lifespan_context.<attr>` reads in the handler, also through a local
    bound once to the state (`state = ctx.request_context.lifespan_context`, then `state.<attr>`)."""
    if "lifespan_context" not in ctx.source(fn):
        return []
    aliases = _state_aliases(fn, name)
    out = []
    for node in ast.walk(fn):
        chain = node.value if isinstance(node, ast.Attribute) else None
        if _is_state(chain, name) or (isinstance(chain, ast.Name) and chain.id in aliases):
            out.append(node)
    return out


def _state_aliases(fn, name):
    """{local: the state it is bound to} for locals bound once, to `<name>.request_context.lifespan_context`."""
    aliases, bound = {}, {}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound[node.id] = bound.get(node.id, 0) + 1
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and _is_state(node.value, name)
        ):
            aliases[node.targets[0].id] = node.value
    return {a: v for a, v in aliases.items() if bound.get(a) == 1}


def _is_state(chain, name):
    """`<name>.request_context.lifespan_context`, `name` being a local's name or the very call
    (`mcp.get_context().request_context.lifespan_context`)."""
    if not (
        isinstance(chain, ast.Attribute)
        and chain.attr == "lifespan_context"
        and isinstance(chain.value, ast.Attribute)
        and chain.value.attr == "request_context"
    ):
        return False
    root = chain.value.value
    return root is name if isinstance(name, ast.AST) else isinstance(root, ast.Name) and root.id == name


def _receiver(dec):
    """`mcp` of `@mcp.tool()`."""
    return (dec.func if isinstance(dec, ast.Call) else dec).value
