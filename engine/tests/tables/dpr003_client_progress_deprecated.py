"""DPR003: Client-to-server progress deprecated (2026-07-28)

Rule: engine/mcp_migrate/rules/dpr003_client_progress_deprecated.py. Table format: engine/tests/tables/__init__.py.
"""

from . import findings_only

CASES = [
    findings_only(
        "from mcp.client.session import ClientSession\n"
        "\n"
        "async def report(session: ClientSession, token):\n"
        "    await session.send_progress_notification(token, 0.5, total=1.0)\n",
        findings=["DPR003:4 advisory"],
    ),
]

NOOP = [
    "from mcp.server.session import ServerSession\n"
    "async def f(s: ServerSession, t):\n"
    "    await s.send_progress_notification(t, 1)\n",
    "async def f(session, t):\n    await session.send_progress_notification(t, 1)\n",
]
