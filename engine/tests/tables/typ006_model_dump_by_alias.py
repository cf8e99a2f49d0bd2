"""TYP006: Field names changed from camelCase to snake_case

Rule: engine/mcp_migrate/rules/typ006_model_dump_by_alias.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.types import Tool\n"
        " \n"
        " tool = Tool(name='t', inputSchema={})\n"
        "-d = tool.model_dump()\n"
        "-s = tool.model_dump_json(exclude_none=True)\n"
        "+d = tool.model_dump(by_alias=True)\n"
        "+s = tool.model_dump_json(exclude_none=True, by_alias=True)\n",
        findings=["TYP006:4 review", "TYP006:5 review"],
    ),
    case(
        " from mcp import ClientSession\n"
        " \n"
        " async def f(s: ClientSession):\n"
        "     result = await s.list_tools()\n"
        "-    return [t.model_dump(mode='json') for t in result.tools]\n"
        "+    return [t.model_dump(mode='json', by_alias=True) for t in result.tools]\n",
        findings=["TYP006:5 review"],
    ),
]

NOOP = [
    "from mcp.types import Tool\n\ntool = Tool(name='t', inputSchema={})\nd = tool.model_dump(by_alias=True)\n",
    "from pydantic import BaseModel\n\nclass M(BaseModel):\n    x: int\n\nM(x=1).model_dump()\n",
    "from mcp.types import Tool\n\ndef f(t: Tool, **kw):\n    return t.model_dump(**kw)\n",
    "from fastmcp import Client\n"
    "\n"
    "async def f(c: Client):\n"
    "    r = await c.call_tool('t', {})\n"
    "    return r.model_dump()\n",
]
