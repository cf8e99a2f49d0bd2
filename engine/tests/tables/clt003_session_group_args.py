"""CLT003: `args` parameter removed from `ClientSessionGroup.call_tool()`

Rule: engine/mcp_migrate/rules/clt003_session_group_args.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.client.session_group import ClientSessionGroup\n"
        " \n"
        " async def f():\n"
        "     async with ClientSessionGroup() as group:\n"
        "-        return await group.call_tool('t', args={'k': 1})\n"
        "+        return await group.call_tool('t', arguments={'k': 1})\n",
        findings=["CLT003:5 safe"],
    ),
    case(
        "-result = await session_group.call_tool('my_tool', args={'key': 'value'})\n"
        "+result = await session_group.call_tool('my_tool', arguments={'key': 'value'})\n",
        findings=["CLT003:1 review"],
    ),
]

NOOP = [
    "from mcp import ClientSession\n\nasync def f(s: ClientSession):\n    await s.call_tool('t', arguments={})\n",
    "from myproj import Runner\n\nr = Runner()\nr.call_tool('t', args=[1])\n",
    "from mcp import ClientSession\n\nasync def f(s: ClientSession):\n    await s.call_tool('t', args={})\n",
]
