"""DPR001: Client resource-subscription methods deprecated (SEP-2575)

Rule: engine/mcp_migrate/rules/dpr001_resource_subscription_deprecated.py. Table format: engine/tests/tables/__init__.py.
"""

from . import findings_only

CASES = [
    findings_only(
        "from mcp import ClientSession\n"
        "\n"
        "async def watch(read, write):\n"
        "    async with ClientSession(read, write) as session:\n"
        "        await session.initialize()\n"
        "        await session.subscribe_resource('board://sprint')\n",
        findings=["DPR001:6 advisory"],
    ),
]

NOOP = [
    "async def f(session):\n    await session.subscribe_resource('x')\n",
    "from mcp.server.lowlevel import Server\n"
    "server = Server('x')\n"
    "\n"
    "@server.subscribe_resource()\n"
    "async def sub(uri):\n"
    "    pass\n",
]
