"""TYP002: `McpError` renamed to `MCPError`

Rule: engine/mcp_migrate/rules/typ002_mcperror_constructor.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.shared.exceptions import McpError\n"
        " from mcp.types import ErrorData, INVALID_REQUEST\n"
        " \n"
        "-raise McpError(ErrorData(code=INVALID_REQUEST, message='bad input'))\n"
        "+raise McpError(INVALID_REQUEST, 'bad input')\n",
        findings=["TYP002:4 safe"],
    ),
    case(
        " import mcp\n"
        " from mcp import types\n"
        " \n"
        "-raise mcp.McpError(types.ErrorData(message=msg, code=-1, data={'x': 1}))\n"
        "+raise mcp.McpError(-1, msg, {'x': 1})\n",
        findings=["TYP002:4 safe"],
    ),
    case(
        " from mcp import McpError\n"
        " \n"
        " def fail(err):\n"
        "-    raise McpError(err)\n"
        "+    raise McpError.from_error_data(err)\n",
        findings=["TYP002:4 safe"],
    ),
    # the keyword spelling
    case(
        " from mcp.shared.exceptions import McpError\n"
        " from mcp import types\n"
        " \n"
        " def fail(name, err):\n"
        "     if not name:\n"
        "-        raise McpError(error=types.ErrorData(code=types.INTERNAL_ERROR, message='no name'))\n"
        "-    raise McpError(error=err)\n"
        "+        raise McpError(types.INTERNAL_ERROR, 'no name')\n"
        "+    raise McpError.from_error_data(err)\n",
        findings=["TYP002:6 safe", "TYP002:7 safe"],
    ),
    # subclasses pass the fields to the v2 constructor
    case(
        " from mcp.shared.exceptions import McpError\n"
        " from mcp.types import ErrorData\n"
        " \n"
        " class ToolFailed(McpError):\n"
        "     def __init__(self, error: ErrorData, tool: str):\n"
        "-        super().__init__(error)\n"
        "+        super().__init__(error.code, error.message, error.data)\n"
        "         self.tool = tool\n"
        " \n"
        " class NotFound(McpError):\n"
        "     def __init__(self):\n"
        "-        super().__init__(ErrorData(code=-32602, message='not found'))\n"
        "+        super().__init__(-32602, 'not found')\n",
        findings=["TYP002:6 safe", "TYP002:11 safe"],
    ),
    # `code`, `message` and `data` are read-only properties of v2's `MCPError`: an assignment that repeats
    # what `super().__init__()` got goes, another one is marked
    case(
        ' from mcp.shared.exceptions import McpError\n'
        ' from mcp.types import ErrorData\n'
        ' \n'
        ' \n'
        ' class Denied(McpError):\n'
        '     def __init__(self, code: int, message: str) -> None:\n'
        '-        super().__init__(ErrorData(code=code, message=message))\n'
        '+        super().__init__(code, message)\n'
        '-        self.code = code\n'
        '+        # mcp-migrate: TYP002 `MCPError.message` is a read-only property in v2 (it reads `self.error`): pass it to `super().__init__(code, message, data)` or keep it under another name https://py.sdk.modelcontextprotocol.io/v2/migration/#mcperror-renamed-to-mcperror\n'
        '         self.message = message.upper()\n',
        findings=["TYP002:7 safe", "TYP002:8 safe", "TYP002:9 manual"],
    ),
    # an `ErrorData(...)` laid out over lines: its arguments move out one level, as they are written
    case(
        ' from mcp.shared.exceptions import McpError\n'
        ' from mcp.types import ErrorData\n'
        ' \n'
        ' def fail(err, cmd):\n'
        '     raise McpError(\n'
        '-        ErrorData(\n'
        '-            code=err.code,\n'
        '-            message="could not start",\n'
        '-            data={\n'
        '-                "command": cmd,\n'
        '-            },\n'
        '-        )\n'
        '+        code=err.code,\n'
        '+        message="could not start",\n'
        '+        data={\n'
        '+            "command": cmd,\n'
        '+        }\n'
        '     )\n',
        findings=["TYP002:5 safe"],
    ),
    # a string spanning lines there would change if its lines moved: a marker
    case(
        ' from mcp.shared.exceptions import McpError\n'
        ' from mcp.types import ErrorData\n'
        ' \n'
        ' def fail():\n'
        "+    # mcp-migrate: TYP002 pass `code, message, data` to `MCPError(...)` instead of an `ErrorData` https://py.sdk.modelcontextprotocol.io/v2/migration/#mcperror-renamed-to-mcperror\n"
        '     raise McpError(\n'
        '         ErrorData(\n'
        '             code=1,\n'
        '             message="""could not\n'
        '                 start""",\n'
        '         )\n'
        '     )\n',
        findings=["TYP002:5 manual"],
    ),
]

NOOP = [
    "class McpError(Exception):\n    pass\n\nraise McpError(ErrorData(code=1, message='x'))\n",
    "from mcp.shared.exceptions import MCPError\n\nraise MCPError(1, 'x')\n",
    "from mcp import McpError\n\ntry:\n    pass\nexcept McpError as e:\n    print(e.error.message)\n",
]
