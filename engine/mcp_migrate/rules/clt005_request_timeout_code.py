import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ERR = sdk.MCP_ERROR
HTTPX_408 = ("httpx.codes.REQUEST_TIMEOUT", "httpx.codes.request_timeout", "http.HTTPStatus.REQUEST_TIMEOUT")
OLD_MESSAGE = "Timed out while waiting for response"


@rule(
    code="CLT005",
    title="Client request timeouts now raise `-32001` (`REQUEST_TIMEOUT`) instead of `408`",
    anchor="client-request-timeouts-now-raise-32001-request_timeout-instead-of-408",
    fix_class="safe",
    summary="""
        In comparisons of an `McpError`'s `.error.code` against `408` (or
        `httpx.codes.REQUEST_TIMEOUT`), replaces the 408 with `REQUEST_TIMEOUT` from `mcp.types`
        (review when the file does not show that the value is an `McpError`), and in `ErrorData(code=408)`
        built to stand for a timeout (a test's mock; review: a server may mean an HTTP 408 of its own);
        marks string checks against v1's timeout message.
    """,
    why="""
        Silent: v2 raises timeouts with code `-32001`, so `e.error.code == 408` runs without error
        and never matches; timeouts fall through to generic error handling.
    """,
    example="""
         import httpx

         from mcp import ClientSession
         from mcp.shared.exceptions import McpError
        +from mcp.types import REQUEST_TIMEOUT


         async def call(session: ClientSession) -> None:
             try:
                 await session.call_tool("slow", {})
             except McpError as e:
        -        if e.error.code == httpx.codes.REQUEST_TIMEOUT:
        +        if e.error.code == REQUEST_TIMEOUT:
                     print("timed out")
    """,
    v1_names=[ERR, "mcp.shared.exceptions.McpError.error", "mcp.types.ErrorData"],
    v2_names=["mcp.types.REQUEST_TIMEOUT"],
)
def check(ctx: PythonContext):
    hits = []
    for cmp in ctx.walk(ast.Compare):
        sides = [cmp.left] + list(cmp.comparators)
        if not all(isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)) for op in cmp.ops):
            continue
        code_side = next((s for s in sides if _error_code(ctx, s)), None)
        if code_side is None:
            continue
        for s in sides:
            if s is not code_side and _is_408(ctx, s):
                hits.append((s, _error_code(ctx, code_side), ""))
    # `McpError(ErrorData(code=408, ...))`: a timeout as v1's client raised it, typically a test's mock
    # (a server may mean an HTTP-style 408 of its own: review)
    hits += [
        (kw.value, "review", ": an error built to stand for one needs the new code")
        for call in ctx.calls(sdk.TYPES + "ErrorData")
        for kw in call.keywords
        if kw.arg == "code" and _is_408(ctx, kw.value)
    ]
    imp = ctx.add_import("mcp.types", "REQUEST_TIMEOUT") if hits else None
    for node, level, why in hits:
        ctx.fix(
            node,
            "client timeouts raise code `REQUEST_TIMEOUT` (-32001) in v2, not 408" + why,
            [ctx.replace(node, "REQUEST_TIMEOUT")] + ([imp] if imp else []),
            fix_class=level,
        )
    for const in ctx.walk(ast.Constant):
        v = const.value
        if (
            isinstance(v, str)
            and len(v) >= 12
            and (OLD_MESSAGE.startswith(v) or v.startswith(OLD_MESSAGE))
            and _compared(ctx, const)
        ):
            ctx.manual(
                const,
                "v2's timeout message is `Request '<method>' timed out`; compare "
                "`e.error.code == REQUEST_TIMEOUT` instead of the text",
            )


def _error_code(ctx, node, depth=0):
    """`e.error.code` with `e` an McpError ("safe") or of unknown origin ("review"), or a name that
    holds it (`code = e.error.code`, then `code == 408`)."""
    if isinstance(node, ast.Name) and depth < 3:
        b = ctx.binding(node)
        assigned = b is not None and isinstance(b.node, ast.Assign) and len(b.node.targets) == 1
        return _error_code(ctx, b.node.value, depth + 1) if assigned and b.node.targets[0] is not node else None
    if not (
        isinstance(node, ast.Attribute)
        and node.attr == "code"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "error"
    ):
        return None
    owner = node.value.value
    if ctx.is_instance(owner, ERR):
        return "safe"
    return "review" if ctx.is_unknown_receiver(owner) else None


def _is_408(ctx, node):
    if isinstance(node, ast.Constant) and node.value == 408 and not isinstance(node.value, bool):
        return True
    return ctx.resolve(node) in HTTPX_408 if isinstance(node, ast.Attribute) else False


def _compared(ctx, const):
    parent = ctx.parent(const)
    return isinstance(parent, ast.Compare) or (isinstance(parent, ast.keyword) and parent.arg == "match")
