import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue"
MESSAGE = (
    "v2 answers an exception from this tool handler with a JSON-RPC error, not "
    "`CallToolResult(is_error=True)`: catch it and return `CallToolResult(content=[TextContent("
    "type=\"text\", text=str(e))], is_error=True)` to keep the error visible to the model"
)


@rule(
    code="LOW003",
    title="Lowlevel `Server`: tool handler exceptions no longer become `CallToolResult(is_error=True)`",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        A lowlevel `@server.call_tool()` handler whose body is not already wrapped in a catch-all
        `try`/`except`: in v2 its exceptions reach the client as JSON-RPC errors instead of an
        `is_error=True` tool result. Where LOW001 converts the handler, a fix (which carries that
        conversion) decorates it with `tool_errors_as_results`, defined in the file: v1's own
        `except Exception as e: return CallToolResult(..., is_error=True)` around the handler, the
        guide's fix (`UrlElicitationRequiredError` still goes through, as in v1). Elsewhere a marker.
    """,
    why="""
        Silent: nothing fails, but the calling model no longer sees the error text as a tool result
        (the SDK client raises instead) and the server logs a `handler for 'tools/call' raised` traceback.
    """,
    example="""
         from mcp.server.lowlevel import Server
        -
        -server = Server("my-server")
        +from mcp.server import ServerRequestContext
        +from mcp.types import CallToolRequestParams, CallToolResult, TextContent
        +from collections.abc import Awaitable, Callable
        +from typing import Any
        +from mcp.shared.exceptions import UrlElicitationRequiredError


        -@server.call_tool()
        -async def call_tool(name: str, arguments: dict):
        +def tool_errors_as_results(
        +    handler: Callable[[ServerRequestContext[Any], CallToolRequestParams], Awaitable[CallToolResult]],
        +) -> Callable[[ServerRequestContext[Any], CallToolRequestParams], Awaitable[CallToolResult]]:
        +    \"\"\"v1's lowlevel `call_tool()` answered an exception from its handler with an `is_error` result the
        +    model reads; v2 answers it with a JSON-RPC error, so this wrapper catches it the way v1 did.\"\"\"
        +
        +    async def call(ctx: ServerRequestContext[Any], params: CallToolRequestParams) -> CallToolResult:
        +        try:
        +            return await handler(ctx, params)
        +        except UrlElicitationRequiredError:
        +            raise
        +        except Exception as e:
        +            return CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)
        +
        +    return call
        +
        +
        +@tool_errors_as_results
        +async def call_tool(ctx: ServerRequestContext, params: CallToolRequestParams):
             raise ValueError("kaboom")
        +
        +
        +server = Server("my-server", on_call_tool=call_tool)
    """,
    v1_names=[sdk.SERVER + ".call_tool"],
    v2_names=["mcp.types.CallToolResult", "mcp.types.TextContent"],
)
def check(ctx: PythonContext):
    found = ctx.decorated_by(sdk.SERVER, "call_tool")
    for fn in ctx.walk(ast.AsyncFunctionDef):  # fragments: `@server.call_tool()` with `server` never bound
        for dec in fn.decorator_list:
            f = dec.func if isinstance(dec, ast.Call) else dec
            if (
                isinstance(f, ast.Attribute)
                and f.attr == "call_tool"
                and ctx.is_unbound(f.value)
                and f.value.id == "server"
            ):
                found.append((fn, dec))
    plan = ctx.lowlevel_plan()
    found = [(fn, dec) for fn, dec in found if not _catches_all(ctx, fn)]
    converted = [fn for fn, _ in found if plan.get(id(fn)) is not None and plan[id(fn)].conversion is not None]
    # One definition for the file: above its first top-level handler, else below the imports
    home = next((fn for fn in converted if ctx.parent(fn) is ctx.tree), None)
    for fn, dec in found:
        conversion = plan[id(fn)].conversion if fn in converted else None
        wrapped = _error_results(ctx, fn, home) if conversion is not None else None
        if wrapped is None:
            ctx.manual(dec, MESSAGE)
            continue
        ctx.fix(
            dec,
            "v2 answers an exception from this tool handler with a JSON-RPC error, not `CallToolResult("
            "is_error=True)`: the fix decorates it with `%s`, defined in the file, which returns that result "
            "as v1 did (this fix also turns the handler into a `(ctx, params)` handler)" % wrapped[0],
            conversion.edits + wrapped[1],
            fix_class="safe",
        )


# v1's lowlevel `call_tool()` wrapper, as the guide writes it in v2 (`{name}` is a fresh name).
WRAPPER = """
def {name}(
    handler: Callable[[ServerRequestContext[Any], CallToolRequestParams], Awaitable[CallToolResult]],
) -> Callable[[ServerRequestContext[Any], CallToolRequestParams], Awaitable[CallToolResult]]:
    \"\"\"v1's lowlevel `call_tool()` answered an exception from its handler with an `is_error` result the
    model reads; v2 answers it with a JSON-RPC error, so this wrapper catches it the way v1 did.\"\"\"

    async def call(ctx: ServerRequestContext[Any], params: CallToolRequestParams) -> CallToolResult:
        try:
            return await handler(ctx, params)
        except UrlElicitationRequiredError:
            raise
        except Exception as e:
            return CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)

    return call
"""
NEEDS = {
    "Awaitable": ("collections.abc", "typing"),
    "Callable": ("collections.abc", "typing"),
    "Any": ("typing",),
    "ServerRequestContext": ("mcp.server", "mcp.server.context"),
    "CallToolRequestParams": ("mcp.types",),
    "CallToolResult": ("mcp.types",),
    "TextContent": ("mcp.types",),
    "UrlElicitationRequiredError": ("mcp.shared.exceptions",),
}


def _error_results(ctx, fn, home):
    """(the wrapper's name, the edits defining it, above the top-level handler `home` or else below
    the imports, and decorating `fn` with it), or None when a name it needs is bound to something else
    in the file or a decorator shares its line."""
    name = ctx.fresh_name("tool_errors_as_results")
    imports = ctx.imports_for(NEEDS)
    if name is None or imports is None or None in (_first_line(ctx, fn), _first_line(ctx, home or fn)):
        return None
    nl = ctx.index.newline()
    text = WRAPPER.format(name=name).lstrip("\n")
    if home is not None:
        helper = ctx.insert(_first_line(ctx, home), "".join((t + nl if t else nl) for t in text.splitlines()) + nl * 2)
    else:
        helper = ctx.after_imports(text)
    indent = ctx.index.indentation(fn.lineno)
    decorate = ctx.insert(ctx.index.line_start(fn.lineno), "%s@%s%s" % (indent, name, nl))
    return name, [helper, decorate] + imports


def _first_line(ctx, fn):
    """The start of the line of `fn`'s first decorator (or its `def`), when that starts the line."""
    first = min([d.lineno for d in fn.decorator_list] + [fn.lineno])
    start = ctx.index.line_start(first)
    indent = ctx.index.indentation(first)
    return start if ctx.text.startswith(("@", "async ", "def "), start + len(indent)) else None


def _catches_all(ctx, fn) -> bool:
    body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(body) != 1 or not isinstance(body[0], ast.Try):
        return False
    for h in body[0].handlers:
        if h.type is None or (
            isinstance(h.type, ast.Name) and h.type.id in ("Exception", "BaseException") and ctx.resolve(h.type) is None
        ):
            return True
    return False
