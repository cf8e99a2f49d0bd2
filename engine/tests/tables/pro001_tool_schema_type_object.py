"""PRO001: Server handler results are validated against the protocol schema

Rule: engine/mcp_migrate/rules/pro001_tool_schema_type_object.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " import mcp.types as types\n"
        " \n"
        " @server.list_tools()\n"
        " async def list_tools() -> list[types.Tool]:\n"
        "     return [\n"
        "-        types.Tool(name='ping', description='Ping', inputSchema={}),\n"
        '+        types.Tool(name=\'ping\', description=\'Ping\', inputSchema={"type": "object"}),\n'
        "         types.Tool(\n"
        "             name='add',\n"
        "             inputSchema={\n"
        "-                'properties': {'a': {'type': 'number'}},\n"
        "+                'type': 'object', 'properties': {'a': {'type': 'number'}},\n"
        "                 'required': ['a'],\n"
        "             },\n"
        "         ),\n"
        "     ]\n",
        findings=["PRO001:6 safe", "PRO001:9 safe"],
    ),
    case(
        " from mcp.types import Tool\n"
        '+# mcp-migrate: PRO001 the protocol schema requires `"type": "object"` in `inputSchema`; v2 validates handler results against it; a tool\'s arguments are always a JSON object https://py.sdk.modelcontextprotocol.io/v2/migration/#server-handler-results-are-validated-against-the-protocol-schema\n'
        " t = Tool(name='x', inputSchema={'type': 'array'})\n",
        findings=["PRO001:2 manual"],
    ),
    case(
        " from mcp import Tool\n"
        "-t = Tool(name='x', inputSchema={'type': 'object'}, outputSchema={})\n"
        '+t = Tool(name=\'x\', inputSchema={\'type\': \'object\'}, outputSchema={"type": "object"})\n',
        findings=["PRO001:2 safe"],
    ),
]

NOOP = [
    "from mcp.types import Tool\nt = Tool(name='x', inputSchema={'type': 'object'})\n",
    "from mcp.types import Tool\nt = Tool(name='x', inputSchema={**BASE, 'properties': {}})\n",
    "from mcp.types import Tool\nt = Tool(name='x', inputSchema=SCHEMA)\n",
    "from fastmcp.tools import Tool\nt = Tool(name='x', inputSchema={})\n",
    "class Tool:\n    pass\n\nt = Tool(name='x', inputSchema={})\n",
]
