"""TYP005: Field names changed from camelCase to snake_case

Rule: engine/mcp_migrate/rules/typ005_camelcase_fields.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp import ClientSession\n"
        " \n"
        " async def run(session: ClientSession):\n"
        "     result = await session.call_tool('t', {})\n"
        "-    if result.isError:\n"
        "+    if result.is_error:\n"
        "         return None\n"
        "     tools = await session.list_tools()\n"
        "-    cursor = tools.nextCursor\n"
        "-    schema = tools.tools[0].inputSchema\n"
        "+    cursor = tools.next_cursor\n"
        "+    schema = tools.tools[0].input_schema\n"
        "     for tool in tools.tools:\n"
        "-        print(tool.outputSchema, tool.annotations.readOnlyHint)\n"
        "+        print(tool.output_schema, tool.annotations.read_only_hint)\n",
        findings=["TYP005:5 safe", "TYP005:8 safe", "TYP005:9 safe", "TYP005:11 safe", "TYP005:11 safe"],
    ),
    case(
        " from mcp import types\n"
        " \n"
        " tool = types.Tool(\n"
        "     name='t',\n"
        "-    inputSchema={'type': 'object'},\n"
        "+    input_schema={'type': 'object'},\n"
        " )\n"
        "-print(tool.inputSchema)\n"
        "+print(tool.input_schema)\n",
        findings=["TYP005:5 safe", "TYP005:7 safe"],
    ),
    case(
        " from mcp.types import TextResourceContents\n"
        " \n"
        " def show(c: TextResourceContents) -> str:\n"
        "-    return c.mimeType or ''\n"
        "+    return c.mime_type or ''\n",
        findings=["TYP005:4 safe"],
    ),
    # receiver from elsewhere in a file that uses the SDK: review
    case(
        " import mcp.types as types\n"
        " \n"
        " def schema_of(tool):\n"
        "-    return tool.inputSchema\n"
        "+    return tool.input_schema\n",
        findings=["TYP005:4 review"],
    ),
    # session from an exit stack
    case(
        " from contextlib import AsyncExitStack\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def f(stack: AsyncExitStack, r, w):\n"
        "     session = await stack.enter_async_context(ClientSession(r, w))\n"
        "     init = await session.initialize()\n"
        "-    return init.serverInfo.name, init.protocolVersion\n"
        "+    return init.server_info.name, init.protocol_version\n",
        findings=["TYP005:7 safe", "TYP005:7 safe"],
    ),
    # the guide's snippet has no imports at all
    case(
        " result = await session.call_tool('my_tool', {'x': 1})\n"
        "-if result.isError:\n"
        "+if result.is_error:\n"
        "     pass\n",
        findings=["TYP005:2 review"],
    ),
]

NOOP = [
    "from fastmcp import Client\n"
    "\n"
    "async def f(c: Client):\n"
    "    r = await c.call_tool('t', {})\n"
    "    print(r.isError)\n",
    "class Tool:\n"
    "    inputSchema = {}\n"
    "\n"
    "print(Tool().inputSchema)\n",
    "import json\n"
    "\n"
    "def f(event):\n"
    "    return event.mimeType\n",
    "from mcp.types import Tool\n"
    "\n"
    "t = Tool(name='t', input_schema={})\n"
    "print(t.input_schema)\n",
    "from mcp import types\n"
    "\n"
    "def f(data):\n"
    "    return data['inputSchema']  # tool.inputSchema\n",
    "from mcp import types\n"
    "\n"
    "x = 'tool.inputSchema'\n",
    "from mcp import types\n"
    "\n"
    "def f(resp):\n"
    "    return resp.json().nextCursor\n",
]
