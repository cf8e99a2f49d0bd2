import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="CLT001",
    title="`ClientSession.get_server_capabilities()` replaced by era-neutral accessors",
    anchor="clientsessionget_server_capabilities-replaced-by-era-neutral-accessors",
    fix_class="safe",
    summary="""
        Rewrites `session.get_server_capabilities()` to the `session.server_capabilities`
        property (review when the file does not show that `session` is a `ClientSession`).
    """,
    why="""
        The method was removed: `AttributeError: 'ClientSession' object has no attribute
        'get_server_capabilities'`. The property has the same value (`None` before a handshake).
    """,
    example="""
         from mcp import ClientSession


         async def inspect(session: ClientSession) -> None:
             await session.initialize()
        -    capabilities = session.get_server_capabilities()
        +    capabilities = session.server_capabilities
             print(capabilities)
    """,
    v1_names=["mcp.client.session.ClientSession.get_server_capabilities"],
    v2_names=["mcp.client.session.ClientSession.server_capabilities"],
)
def check(ctx: PythonContext):
    for call in ctx.walk(ast.Call):
        f = call.func
        if not isinstance(f, ast.Attribute) or f.attr != "get_server_capabilities" or call.args or call.keywords:
            continue
        level = ctx.receiver_level(f.value, sdk.CLIENT_SESSION)
        if level is None:
            continue
        span = ctx.attr_span(f)
        if span is None:
            continue
        ctx.fix(
            call,
            "`get_server_capabilities()` is the `server_capabilities` property in v2",
            [ctx.replace((span[0], ctx.span(call)[1]), "server_capabilities")],
            fix_class=level,
        )
