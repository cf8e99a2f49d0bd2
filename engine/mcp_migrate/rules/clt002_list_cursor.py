import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

LISTS = ("list_resources", "list_resource_templates", "list_prompts", "list_tools")


@rule(
    code="CLT002",
    title="`cursor` parameter removed from `ClientSession` list methods",
    anchor="cursor-parameter-removed-from-clientsession-list-methods",
    fix_class="safe",
    summary="""
        Rewrites `session.list_tools(cursor=c)` (and `list_resources`, `list_resource_templates`,
        `list_prompts`) on a `ClientSession` to `params=PaginatedRequestParams(cursor=c)`, adding
        the import. Review when the receiver's type is not shown (the high-level `Client` keeps
        `cursor=`). A test's expectation of the `cursor=` a mocked session's list method got
        (`call(cursor="p2")`, `{"cursor": "p2"}` against its `await_args`, `assert_awaited_with(cursor=...)`)
        follows (review).
    """,
    why="""
        v2 raises `TypeError: ClientSession.list_tools() got an unexpected keyword argument 'cursor'`.
    """,
    example="""
         from mcp import ClientSession
        +from mcp.types import PaginatedRequestParams


         async def next_page(session: ClientSession, token: str):
        -    return await session.list_tools(cursor=token)
        +    return await session.list_tools(params=PaginatedRequestParams(cursor=token))
    """,
    v1_names=["mcp.client.session.ClientSession.%s(cursor)" % m for m in LISTS],
    v2_names=["mcp.client.session.ClientSession.%s(params)" % m for m in LISTS] + ["mcp.types.PaginatedRequestParams"],
)
def check(ctx: PythonContext):
    hits = []
    for call in ctx.walk(ast.Call):
        f = call.func
        if isinstance(f, ast.Attribute) and f.attr in LISTS and not ctx.keyword(call, "params"):
            arg = ctx.keyword(call, "cursor") or (call.args[0] if len(call.args) == 1 else None)
            level = ctx.receiver_level(f.value, sdk.CLIENT_SESSION) if arg is not None else None
            if level:
                hits.append((call, arg, level))
    expected = _expectations(ctx)
    imp = ctx.add_import("mcp.types", "PaginatedRequestParams") if hits or expected else None
    for node, text in expected:
        ctx.fix(
            node,
            "a mocked session's list method is called with `params=PaginatedRequestParams(cursor=...)` once "
            "the code is migrated: the expectation follows",
            [ctx.replace(node, text)] + ([imp] if imp else []),
            fix_class="review",
        )
    for call, arg, level in hits:
        value = arg.value if isinstance(arg, ast.keyword) else arg
        edits = [ctx.replace(arg, "params=PaginatedRequestParams(cursor=%s)" % ctx.source(value))]
        ctx.fix(
            call,
            "`cursor=` is `params=PaginatedRequestParams(cursor=...)` on `ClientSession` in v2",
            edits + ([imp] if imp else []),
            fix_class=level,
        )


# What a mock records of its calls, and its assertions about them.
RECORDS = {"call_args", "await_args", "call_args_list", "await_args_list"}
ASSERTS = {
    "assert_called_with",
    "assert_called_once_with",
    "assert_awaited_with",
    "assert_awaited_once_with",
    "assert_any_call",
    "assert_any_await",
}


def _expectations(ctx):
    """(node, replacement) for a test's expectation of the `cursor=` a mocked session's list method
    got: `session.list_tools.await_args_list == [call(cursor=None), call(cursor="p2")]`,
    `....await_args.kwargs == {"cursor": "p2"}`, `session.list_tools.assert_awaited_with(cursor="p2")`."""
    out = []
    for cmp in ctx.walk(ast.Compare):
        if len(cmp.ops) != 1 or not isinstance(cmp.ops[0], (ast.Eq, ast.NotEq)):
            continue
        for side, other in ((cmp.left, cmp.comparators[0]), (cmp.comparators[0], cmp.left)):
            if _records_of_list_method(side):
                items = other.elts if isinstance(other, (ast.List, ast.Tuple)) else [other]
                out += [e for e in (_expected_call(ctx, i) for i in items) if e is not None]
                if isinstance(other, ast.Dict) and [ctx.const_str(k) for k in other.keys] == ["cursor"]:
                    out.append((other, '{"params": PaginatedRequestParams(cursor=%s)}' % ctx.source(other.values[0])))
                break
    for call in ctx.walk(ast.Call):
        f = call.func
        if (
            isinstance(f, ast.Attribute)
            and f.attr in ASSERTS
            and isinstance(f.value, ast.Attribute)
            and f.value.attr in LISTS
        ):
            kw = ctx.keyword(call, "cursor")
            if kw is not None and len(call.keywords) == 1 and not call.args:
                out.append((kw, "params=PaginatedRequestParams(cursor=%s)" % ctx.source(kw.value)))
    return out


def _records_of_list_method(node) -> bool:
    """`session.list_tools.await_args_list[1].kwargs` and the like."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Attribute) and node.attr in RECORDS:
            return isinstance(node.value, ast.Attribute) and node.value.attr in LISTS
        node = node.value
    return False


def _expected_call(ctx, node):
    """`call(cursor=c)` (unittest.mock's) -> the `cursor=` keyword and what replaces it."""
    if not (isinstance(node, ast.Call) and ctx.resolve(node.func) == "unittest.mock.call"):
        return None
    kw = ctx.keyword(node, "cursor")
    if kw is None or len(node.keywords) != 1 or node.args:
        return None
    return kw, "params=PaginatedRequestParams(cursor=%s)" % ctx.source(kw.value)
