import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MODULES = sdk.EXPERIMENTAL_MODULES
OWNERS = (sdk.CLIENT_SESSION, sdk.SERVER_SESSION, sdk.SERVER)
TASK_CALLS = {"call_tool_as_task", "poll_task", "get_task_result", "run_task", "enable_tasks"}
MSG = (
    "experimental Tasks were removed in v2 with no drop-in replacement: run the work inline and "
    "report progress (`ctx.report_progress()` / `progress_callback=`)"
)


@rule(
    code="CLT007",
    title="Experimental Tasks support removed",
    anchor="experimental-tasks-support-removed",
    fix_class="manual",
    summary="""
        Marks imports of the removed `mcp.*.experimental` modules and uses of the `experimental`
        task API (`session.experimental.call_tool_as_task()`, `ctx.experimental.run_task()`,
        `server.experimental.enable_tasks()`, ...).
    """,
    why="""
        The modules and the `experimental` properties are gone:
        `ModuleNotFoundError: No module named 'mcp.client.experimental'`,
        `AttributeError: 'ClientSession' object has no attribute 'experimental'`.
    """,
    example="""
         from mcp import ClientSession


         async def run(session: ClientSession):
        +    # mcp-migrate: CLT007 experimental Tasks were removed in v2 with no drop-in replacement: run the work inline and report progress (`ctx.report_progress()` / `progress_callback=`) https://py.sdk.modelcontextprotocol.io/v2/migration/#experimental-tasks-support-removed
             return await session.experimental.call_tool_as_task("long_task", arguments={}, ttl=60000)
    """,
    v1_names=list(MODULES) + ["mcp.client.session.ClientSession.experimental"],
    v2_names=[],
)
def check(ctx: PythonContext):
    for node in ctx.imports():
        names = (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom) and node.level == 0
            else [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else []
        )
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            names += ["%s.%s" % (node.module, a.name) for a in node.names]
        if any(n == m or n.startswith(m + ".") for n in names for m in MODULES):
            ctx.manual(node, MSG)
    for attr in ctx.walk(ast.Attribute):
        if attr.attr != "experimental":
            continue
        parent = ctx.parent(attr)
        task_call = isinstance(parent, ast.Attribute) and parent.attr in TASK_CALLS
        if task_call or ctx.is_instance(attr.value, *OWNERS):
            ctx.manual(attr, MSG)
