"""TYP007: Extra fields on MCP types are no longer preserved

Rule: engine/mcp_migrate/rules/typ007_extra_fields.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.types import CallToolRequestParams\n"
        " \n"
        "+# mcp-migrate: TYP007 `CallToolRequestParams` has no field `unknown_field`; v2 drops it silently: move it into `_meta={...}` https://py.sdk.modelcontextprotocol.io/v2/migration/#extra-fields-on-mcp-types-are-no-longer-preserved\n"
        " params = CallToolRequestParams(\n"
        "     name='t',\n"
        "     arguments={},\n"
        "     unknown_field='v',\n"
        " )\n",
        findings=["TYP007:3 manual"],
    ),
    case(
        " import mcp.types as types\n"
        " \n"
        " def f():\n"
        "+    # mcp-migrate: TYP007 `Tool` has no field `category`; v2 drops it silently: move it into `_meta={...}` https://py.sdk.modelcontextprotocol.io/v2/migration/#extra-fields-on-mcp-types-are-no-longer-preserved\n"
        "     return types.Tool(name='t', inputSchema={}, category='x')\n",
        findings=["TYP007:4 manual"],
    ),
]

NOOP = [
    "from mcp.types import CallToolRequestParams\n"
    "\n"
    "p = CallToolRequestParams(name='t', arguments={}, _meta={'k': 1})\n",
    "from mcp.types import Tool\n\nt = Tool(name='t', input_schema={}, output_schema=None, title='T')\n",
    "from mcp.types import Tool\n\nt = Tool(name='t', inputSchema={}, **extra)\n",
    "from fastmcp.types import Tool\n\nt = Tool(name='t', category='x')\n",
    "class Tool:\n    def __init__(self, **kw):\n        pass\n\nTool(name='t', category='x')\n",
]
