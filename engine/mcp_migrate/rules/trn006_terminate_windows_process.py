from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "terminate_windows_process-removed"
MOD = sdk.WIN32_UTILITIES


@rule(
    code="TRN006",
    title="`terminate_windows_process` removed",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Marks uses of the removed `mcp.os.win32.utilities.terminate_windows_process` (`stdio_client`
        terminates the process itself; no replacement), and drops the unused `timeout_seconds=`
        argument from `terminate_windows_process_tree(...)`.
    """,
    why="""
        `ImportError: cannot import name 'terminate_windows_process'`;
        `TypeError: terminate_windows_process_tree() got an unexpected keyword argument 'timeout_seconds'`.
    """,
    example="""
         from mcp.os.win32.utilities import terminate_windows_process_tree


         async def stop(process) -> None:
        -    await terminate_windows_process_tree(process, timeout_seconds=2.0)
        +    await terminate_windows_process_tree(process)
    """,
    v1_names=[MOD + ".terminate_windows_process", MOD + ".terminate_windows_process_tree(timeout_seconds)"],
    v2_names=[MOD + ".terminate_windows_process_tree"],
)
def check(ctx: PythonContext):
    msg = "`terminate_windows_process` was removed: `stdio_client` terminates the server itself (no replacement)"
    for node in ctx.references(MOD + ".terminate_windows_process"):
        ctx.manual(node, msg)
    for imp in ctx.imports():
        if getattr(imp, "module", None) == MOD and any(a.name == "terminate_windows_process" for a in imp.names):
            ctx.manual(imp, msg)
    for call in ctx.calls(MOD + ".terminate_windows_process_tree"):
        kw = ctx.keyword(call, "timeout_seconds")
        edit = ctx.remove_kwarg(call, "timeout_seconds") if kw is not None else None
        if edit is not None:
            ctx.fix(kw, "`timeout_seconds=` was never used and is gone in v2", [edit])
        elif len(call.args) > 1:
            ctx.manual(
                call, "drop the second argument (`timeout_seconds`, never used) of `terminate_windows_process_tree()`"
            )
