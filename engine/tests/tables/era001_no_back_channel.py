"""ERA001: Server-initiated sampling, elicitation, and roots raise `NoBackChannelError`

Rule: engine/mcp_migrate/rules/era001_no_back_channel.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case, findings_only

CASES = [
    case(
        " from mcp.shared.memory import create_connected_server_and_client_session\n"
        " \n"
        " async def test_sampling(server, sampling_cb):\n"
        '+    # mcp-migrate: ERA001 its v2 replacement `Client(server)` negotiates 2026-07-28 by default, where the server cannot call these callbacks (`NoBackChannelError`): pass `mode="legacy"` to keep v1\'s behaviour https://py.sdk.modelcontextprotocol.io/v2/migration/#server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror\n'
        "     async with create_connected_server_and_client_session(\n"
        "         server, sampling_callback=sampling_cb\n"
        "     ) as session:\n"
        "         await session.call_tool('summarize', {})\n",
        findings=["ERA001:4 manual"],
    ),
    # report-only on the handler side: the code keeps working on legacy connections
    findings_only(
        "@mcp.tool()\n"
        "async def book_table(date: str, ctx: Context) -> str:\n"
        "    result = await ctx.elicit(f'Book a table for {date}?', schema=Confirmation)\n"
        "    return result.action\n",
        findings=["ERA001:3 advisory"],
    ),
]

NOOP = [
    "from mcp.shared.memory import create_connected_server_and_client_session\n"
    "async def t(server):\n"
    "    async with create_connected_server_and_client_session(server) as s:\n"
    "        pass\n",
    "from fastmcp import Context\nasync def f(ctx: Context):\n    await ctx.elicit('x')\n",
    "async def f(ctx: Context):\n    await ctx.elicit('x')\n",
]
