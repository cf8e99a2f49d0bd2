import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "stdio_server-keeps-the-protocol-streams-on-private-descriptors"
STDIO = sdk.STDIO_SERVER
WATCH = ("select.poll", "select.epoll", "select.select")


@rule(
    code="TRN007",
    title="`stdio_server` keeps the protocol streams on private descriptors",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        In files that serve over `stdio_server()`, marks `select.poll()` / `select.epoll()` /
        `select.select()` calls: a watchdog on fd 0 now sees the null device (never `POLLHUP`, always
        readable) instead of the client's pipe. Watch `os.getppid()` instead.
    """,
    why="""
        Silent: a watcher waiting for `POLLHUP`/`POLLERR` never fires, and one that treats any event as
        "client gone" fires at startup.
    """,
    example="""
         import select
         import sys

         from mcp.server.stdio import stdio_server


         def client_gone() -> bool:
        +    # mcp-migrate: TRN007 while `stdio_server()` runs, fd 0 is the null device (never `POLLHUP`, always readable): to detect a vanished client, exit when `os.getppid()` changes https://py.sdk.modelcontextprotocol.io/v2/migration/#stdio_server-keeps-the-protocol-streams-on-private-descriptors
             poller = select.poll()
             poller.register(sys.stdin, select.POLLHUP)
             return bool(poller.poll(0))
    """,
    v1_names=[STDIO],
    v2_names=[STDIO],
)
def check(ctx: PythonContext):
    if not ctx.mentions(STDIO):
        return
    for call in ctx.walk(ast.Call):
        if ctx.resolve(call.func) in WATCH:
            ctx.manual(
                call,
                "while `stdio_server()` runs, fd 0 is the null device (never `POLLHUP`, always "
                "readable): to detect a vanished client, exit when `os.getppid()` changes",
            )
