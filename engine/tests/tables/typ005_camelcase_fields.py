"""TYP005: Field names changed from camelCase to snake_case

Rule: engine/mcp_migrate/rules/typ005_camelcase_fields.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # the SDK imported lazily (an optional dependency) and kept on `self`, read through a local
    # alias too; another module kept on `self` is not the SDK
    case(
        " import json\n"
        " \n"
        " \n"
        " class Bridge:\n"
        "     def __init__(self):\n"
        "         import mcp.types\n"
        " \n"
        "         self.types = mcp.types\n"
        "         self.codec = json\n"
        " \n"
        "     def tool(self):\n"
        "         types = self.types\n"
        '-        return types.Tool(name="t", inputSchema={"type": "object"})\n'
        '+        return types.Tool(name="t", input_schema={"type": "object"})\n'
        " \n"
        "     def image(self, data):\n"
        '-        return self.types.ImageContent(type="image", data=data, mimeType="image/png")\n'
        '+        return self.types.ImageContent(type="image", data=data, mime_type="image/png")\n'
        " \n"
        "     def dump(self, value):\n"
        '         return self.codec.dumps(value, mimeType="x")\n',
        findings=["TYP005:13 safe", "TYP005:16 safe"],
    ),
    # an element unpacked from a typed list (`[request] = recorded`, `first, second = recorded`)
    case(
        " from mcp.types import CreateMessageRequestParams\n"
        " \n"
        " def check(recorded: list[CreateMessageRequestParams]):\n"
        "     [request] = recorded\n"
        "     first, second = recorded\n"
        "-    return request.maxTokens, first.stopSequences, second.modelPreferences\n"
        "+    return request.max_tokens, first.stop_sequences, second.model_preferences\n",
        findings=["TYP005:6 safe", "TYP005:6 safe", "TYP005:6 safe"],
    ),
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
    # narrowed by `assert isinstance(...)` and by `match`/`case`
    case(
        " from mcp.types import EmbeddedResource, ImageContent\n"
        " \n"
        " def mime(part, other):\n"
        "     assert isinstance(part, EmbeddedResource)\n"
        "-    first = part.resource.mimeType\n"
        "+    first = part.resource.mime_type\n"
        "     match other:\n"
        "         case ImageContent():\n"
        "-            return first, other.mimeType\n"
        "+            return first, other.mime_type\n",
        findings=["TYP005:5 safe", "TYP005:8 safe"],
    ),
    # a user subclass of an SDK model: its field override, its constructor's keywords, its reads
    case(
        " from mcp.types import CreateMessageRequestParams\n"
        " \n"
        " class Params(CreateMessageRequestParams):\n"
        "-    maxTokens: int = 2048\n"
        "+    max_tokens: int = 2048\n"
        "     myOwnField: str = ''\n"
        " \n"
        "-params = Params(messages=[], systemPrompt='be brief', myOwnField='x')\n"
        "-print(params.stopSequences, params.maxTokens, params.myOwnField)\n"
        "+params = Params(messages=[], system_prompt='be brief', myOwnField='x')\n"
        "+print(params.stop_sequences, params.max_tokens, params.myOwnField)\n",
        findings=["TYP005:4 safe", "TYP005:7 safe", "TYP005:8 safe", "TYP005:8 safe"],
    ),
    # the SDK imported in a class body and reached through `self` (an optional dependency)
    case(
        " class Integration:\n"
        "     try:\n"
        "         from mcp import types\n"
        "     except ImportError:\n"
        "         pass\n"
        " \n"
        "     def tools(self):\n"
        "         def build(schema):\n"
        "-            return self.types.Tool(name='t', inputSchema=schema)\n"
        "+            return self.types.Tool(name='t', input_schema=schema)\n"
        "         return [build({})]\n",
        findings=["TYP005:9 safe"],
    ),
    # a class from the user's other module, built with names only MCP models use: review
    case(
        " import mcp.types\n"
        " from .params import Params\n"
        " \n"
        "-p = Params(maxTokens=10, systemPrompt='x', label='y')\n"
        "+p = Params(max_tokens=10, system_prompt='x', label='y')\n",
        findings=["TYP005:4 review", "TYP005:4 review"],
    ),
    # attribute names in getattr/hasattr/setattr strings follow the attribute
    case(
        " from mcp import ClientSession\n"
        " \n"
        " async def run(session: ClientSession, result):\n"
        "     tools = await session.list_tools()\n"
        "-    cursor = getattr(tools, 'nextCursor', None)\n"
        "-    if hasattr(result, \"isError\") and result.isError:\n"
        "+    cursor = getattr(tools, 'next_cursor', None)\n"
        "+    if hasattr(result, \"is_error\") and result.is_error:\n"
        "         return cursor\n",
        findings=["TYP005:5 safe", "TYP005:6 review", "TYP005:6 review"],
    ),
    # the guide's snippet has no imports at all
    case(
        " result = await session.call_tool('my_tool', {'x': 1})\n"
        "-if result.isError:\n"
        "+if result.is_error:\n"
        "     pass\n",
        findings=["TYP005:2 review"],
    ),
    # mocks standing in for MCP results: the migrated code reads snake_case, and a Mock answers a
    # name it was not given with a new Mock instead of failing
    case(
        " from unittest import mock\n"
        " from unittest.mock import Mock\n"
        " import mcp\n"
        " \n"
        " def test_pages(session):\n"
        "-    session.list_tools.return_value = mock.Mock(tools=[], nextCursor=None)\n"
        "-    other = Mock(isError=False, fooBar=1)\n"
        "-    other.configure_mock(structuredContent={})\n"
        "+    session.list_tools.return_value = mock.Mock(tools=[], next_cursor=None)\n"
        "+    other = Mock(is_error=False, fooBar=1)\n"
        "+    other.configure_mock(structured_content={})\n",
        findings=["TYP005:6 review", "TYP005:7 review", "TYP005:8 review"],
    ),
    # class patterns read attributes: a camelCase one would silently stop the case matching
    case(
        " import mcp.types as types\n"
        " \n"
        " def f(block):\n"
        "     match block:\n"
        "-        case types.ImageContent(data=data, mimeType=mime):\n"
        "+        case types.ImageContent(data=data, mime_type=mime):\n"
        "             return data, mime\n"
        "-        case types.Tool(name=n, inputSchema={\"type\": \"object\"}):\n"
        "+        case types.Tool(name=n, input_schema={\"type\": \"object\"}):\n"
        "             return n\n"
        "         case types.TextContent(text=t, mimeType=m):\n"
        "             return t\n",
        findings=["TYP005:5 safe", "TYP005:7 safe"],
    ),
]

NOOP = [
    # the project's own class, returned by its own function: its camelCase names are its own
    "from mcp import ClientSession\n\n\nclass VendorPage:\n    def __init__(self, cursor):\n"
    "        self.nextCursor = cursor\n\n\ndef parse(payload) -> VendorPage:\n"
    "    return VendorPage(payload.get('nextCursor'))\n\n\ndef follow(payload):\n"
    "    page = parse(payload)\n    return page.nextCursor\n",
    # a mock in a file that does not use the SDK
    "from unittest.mock import Mock\nm = Mock(isError=False)\n",
    # a request `_meta` field: a dict key in v2, TYP010's (`.progress_token` would be wrong there)
    "from mcp.server.lowlevel import Server\n\nserver = Server('s')\n\nasync def h():\n"
    "    ctx = server.request_context\n    if ctx.meta and ctx.meta.progressToken:\n        return ctx.meta.progressToken\n",
    # a known model without that field: not the name the rule is about
    "from mcp.types import TextContent\n"
    "\n"
    "def f(block: TextContent):\n"
    "    return block.mimeType, getattr(block, 'mimeType', None)\n",
    # a user model that does not derive from the SDK
    "from pydantic import BaseModel\n"
    "import mcp.types\n"
    "\n"
    "class Params(BaseModel):\n"
    "    maxTokens: int = 1\n"
    "\n"
    "Params(maxTokens=2)\n",
    # a class of this file that is not an MCP model, and a file that does not use the SDK
    "import mcp.types\n"
    "\n"
    "class Params:\n"
    "    def __init__(self, maxTokens):\n"
    "        self.n = maxTokens\n"
    "\n"
    "Params(maxTokens=1)\n",
    "from llm.config import Params\n\nParams(maxTokens=1)\n",
    # a subclass with its own constructor takes its own keywords
    "from mcp.types import Tool\n"
    "\n"
    "class MyTool(Tool):\n"
    "    def __init__(self, inputSchema):\n"
    "        super().__init__(name='t', input_schema=inputSchema)\n"
    "\n"
    "MyTool(inputSchema={})\n",
    "from fastmcp import Client\n\nasync def f(c: Client):\n    r = await c.call_tool('t', {})\n    print(r.isError)\n",
    "class Tool:\n    inputSchema = {}\n\nprint(Tool().inputSchema)\n",
    "import json\n\ndef f(event):\n    return event.mimeType\n",
    "from mcp.types import Tool\n\nt = Tool(name='t', input_schema={})\nprint(t.input_schema)\n",
    "from mcp import types\n\ndef f(data):\n    return data['inputSchema']  # tool.inputSchema\n",
    "from mcp import types\n\nx = 'tool.inputSchema'\n",
    "from mcp import types\n\ndef f(resp):\n    return resp.json().nextCursor\n",
]
