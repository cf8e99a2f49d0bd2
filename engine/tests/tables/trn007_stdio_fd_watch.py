"""TRN007: `stdio_server` keeps the protocol streams on private descriptors

Rule: engine/mcp_migrate/rules/trn007_stdio_fd_watch.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " import select\n"
        " from mcp.server.stdio import stdio_server\n"
        " \n"
        " def watch():\n"
        "+    # mcp-migrate: TRN007 while `stdio_server()` runs, fd 0 is the null device (never `POLLHUP`, always readable): to detect a vanished client, exit when `os.getppid()` changes https://py.sdk.modelcontextprotocol.io/v2/migration/#stdio_server-keeps-the-protocol-streams-on-private-descriptors\n"
        "     p = select.poll()\n",
        findings=["TRN007:5 manual"],
    ),
]

NOOP = [
    "import select\np = select.poll()\n",
    "from mcp.server.stdio import stdio_server\nimport os\nos.getppid()\n",
]
