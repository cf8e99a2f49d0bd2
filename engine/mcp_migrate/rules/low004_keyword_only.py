import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-constructor-parameters-are-now-keyword-only"


@rule(
    code="LOW004",
    title="Lowlevel `Server`: constructor parameters are now keyword-only",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Names the positional arguments after `name` in lowlevel `Server(...)` calls
        (`Server("s", "1.0")` becomes `Server("s", version="1.0")`), in v1's parameter order.
        A `Server(...)` that LOW001 moves below its handlers gets the same fix inside that move.
    """,
    why="""
        v2 makes everything after `name` keyword-only:
        `TypeError: Server.__init__() takes 2 positional arguments but 3 were given`.
    """,
    example="""
         from mcp.server.lowlevel import Server

        -server = Server("my-server", "1.0")
        +server = Server("my-server", version="1.0")
    """,
    v1_names=[sdk.SERVER + ".__init__(%s)" % a for a in sdk.SERVER_POSITIONAL],
    v2_names=[sdk.SERVER + ".__init__(%s)" % a for a in sdk.SERVER_POSITIONAL],
)
def check(ctx: PythonContext):
    for call in ctx.calls(sdk.SERVER) + _super_inits(ctx):
        starred = any(isinstance(a, ast.Starred) for a in call.args)
        if len(call.args) < 2 and not starred:
            continue
        edits = ctx.server_keyword_edits(call)
        if edits:
            # When LOW001's fix moves this `Server(...)` it carries the same edits in the moved copy:
            # subsumable lets the runner count this fix as done by LOW001's instead of a clash.
            ctx.fix(call, "pass `Server(...)`'s arguments after `name` by keyword", edits, subsumable=True)
        else:
            ctx.manual(
                call,
                "pass `Server(...)`'s arguments after `name` by keyword (`version=`, "
                "`instructions=`, `website_url=`, `icons=`, `lifespan=`)",
            )


def _super_inits(ctx):
    """`super().__init__(name, version, ...)` in the `__init__` of the file's subclasses of `Server`,
    which hands its arguments to `Server(...)` as they are."""
    want = ctx.canonical(sdk.SERVER)
    return [
        c
        for cls in ctx.walk(ast.ClassDef)
        if ctx.types.sdk_base(cls) == want
        for fn in cls.body
        if isinstance(fn, ast.FunctionDef) and fn.name == "__init__"
        for c in ast.walk(fn)
        if isinstance(c, ast.Call) and ctx.is_super_init(c)
    ]
