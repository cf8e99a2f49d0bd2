import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

# Calls that need the event loop's thread (or notice which thread they run on).
LOOP_BOUND = (
    "asyncio.get_running_loop",
    "asyncio.get_event_loop",
    "asyncio.create_task",
    "asyncio.ensure_future",
    "asyncio.current_task",
    "asyncio.all_tasks",
    "asyncio.events.get_running_loop",
    "asyncio.events.get_event_loop",
    "threading.get_ident",
    "threading.current_thread",
    "threading.main_thread",
)


@rule(
    code="SRV009",
    title="Sync handler functions now run on a worker thread",
    anchor="sync-handler-functions-now-run-on-a-worker-thread",
    fix_class="safe",
    summary="""
        Finds synchronous (`def`) `@mcp.tool()` / `@mcp.resource()` / `@mcp.prompt()` functions that use the
        event loop or the current thread (`asyncio.get_running_loop()`, `asyncio.create_task()`,
        `threading.get_ident()`, ...): declared `async def`, they stay on the event loop as in v1. The
        rewrite is made where nothing else can call the function: one defined inside the function that
        registers it (`def register(mcp): @mcp.tool() def status(): ...`), never named there again, and
        not a generator. Elsewhere a marker: tests and other modules often call tool functions directly,
        and an `async def` would hand them a coroutine.
    """,
    why="""
        Silent until it runs: v2 calls sync handlers in a worker thread, where
        `asyncio.get_running_loop()` raises `RuntimeError: no running event loop`.
    """,
    example="""
         import asyncio

         from mcp.server.fastmcp import FastMCP

         mcp = FastMCP("Demo")


         def run(job: str) -> None:
             print(job)


        +# mcp-migrate: SRV009 v2 runs sync handlers in a worker thread, where `asyncio.get_running_loop()` fails or sees another thread; declare `schedule` `async def` to keep it on the event loop https://py.sdk.modelcontextprotocol.io/v2/migration/#sync-handler-functions-now-run-on-a-worker-thread
         @mcp.tool()
         def schedule(job: str) -> str:
             asyncio.get_running_loop().call_soon(run, job)
             return "scheduled"
    """,
    v1_names=[sdk.FASTMCP + ".tool", sdk.FASTMCP + ".resource", sdk.FASTMCP + ".prompt"],
)
def check(ctx: PythonContext):
    for fn, _, _ in ctx.fastmcp_handlers():
        if not isinstance(fn, ast.FunctionDef):
            continue
        used = sorted({name for name in (_loop_call(ctx, n) for n in ctx.body_nodes(fn)) if name})
        if not used:
            continue
        what = ", ".join("`%s()`" % u for u in used)
        said = "v2 runs sync handlers in a worker thread, where %s fails or sees another thread" % what
        if _only_registered(ctx, fn):
            at = ctx.index.line_start(fn.lineno) + fn.col_offset
            ctx.fix(
                fn, said + ": `%s` is now `async def`, on the event loop as in v1" % fn.name, [ctx.insert(at, "async ")]
            )
        else:
            ctx.manual(fn, said + "; declare `%s` `async def` to keep it on the event loop" % fn.name)


def _only_registered(ctx, fn) -> bool:
    """`fn` is defined in the function that registers it and named nowhere else there, and is not a
    generator: no caller can receive a coroutine where it got a value."""
    outer = ctx.enclosing(fn, ast.FunctionDef, ast.AsyncFunctionDef)
    if outer is None or any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ctx.body_nodes(fn)):
        return False
    return not any(ctx.within(n, outer) for n in ctx.names_with_id(fn.name))


def _loop_call(ctx, node):
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
        name = ctx.resolve(node.func)
        if name in LOOP_BOUND:
            return name.replace("asyncio.events.", "asyncio.")
    return None
