import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-type-parameter-reduced-from-2-to-1"


@rule(
    code="LOW005",
    title="Lowlevel `Server`: type parameter reduced from 2 to 1",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Drops the second type argument of `Server[LifespanT, RequestT]` annotations
        (`Server[dict[str, Any], Any]` becomes `Server[dict[str, Any]]`).
    """,
    why="""
        v2's `Server` is generic in the lifespan type only; two type arguments fail at runtime
        (`TypeError: Too many arguments for <class 'mcp.server.lowlevel.server.Server'>`) and in type checkers.
    """,
    example="""
         from typing import Any

         from mcp.server.lowlevel import Server

        -server: Server[dict[str, Any], Any] = Server("s")
        +server: Server[dict[str, Any]] = Server("s")
    """,
    v1_names=[sdk.SERVER],
    v2_names=[sdk.SERVER],
)
def check(ctx: PythonContext):
    for sub in _subscripts(ctx):
        elts = sub.slice.elts
        ctx.fix(
            sub,
            "`Server` takes one type argument (the lifespan type) in v2",
            [ctx.delete((ctx.span(elts[0])[1], ctx.span(elts[1])[1]))],
        )


def _subscripts(ctx):
    out = []
    for node in ctx.walk(ast.Subscript):
        if isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 2 and ctx.is_ref(node.value, sdk.SERVER):
            out.append(node)
    return out
