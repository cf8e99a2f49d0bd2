"""TRN006: `terminate_windows_process` removed

Rule: engine/mcp_migrate/rules/trn006_terminate_windows_process.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.os.win32.utilities import terminate_windows_process_tree\n"
        "-await terminate_windows_process_tree(p, timeout_seconds=2.0)\n"
        "+await terminate_windows_process_tree(p)\n",
        findings=["TRN006:2 safe"],
    ),
    case(
        "+# mcp-migrate: TRN006 `terminate_windows_process` was removed: `stdio_client` terminates the server itself (no replacement) https://py.sdk.modelcontextprotocol.io/v2/migration/#terminate_windows_process-removed\n"
        " from mcp.os.win32.utilities import terminate_windows_process\n",
        findings=["TRN006:1 manual"],
    ),
]

NOOP = [
    "async def terminate_windows_process(p):\n    pass\n\nawait terminate_windows_process(p)\n",
]
