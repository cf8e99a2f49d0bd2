"""TYP004: Removed type aliases and classes

Rule: engine/mcp_migrate/rules/typ004_removed_type_aliases.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # a string annotation reading the name off the module (an import only type checkers see)
    case(
        " from typing import TYPE_CHECKING\n"
        " \n"
        " if TYPE_CHECKING:\n"
        "     import mcp.types as mcp_types\n"
        " \n"
        " \n"
        "-def to_content(value: object) -> \"list[mcp_types.Content]\":\n"
        "+def to_content(value: object) -> \"list[mcp_types.ContentBlock]\":\n"
        "     return []\n",
        findings=["TYP004:7 safe"],
    ),
    case(
        "-from mcp.types import Content, ResourceReference, Cursor\n"
        "+from mcp.types import ContentBlock, ResourceTemplateReference\n"
        " \n"
        "-def page(items: list[Content], cursor: Cursor | None = None) -> ResourceReference: ...\n"
        "+def page(items: list[ContentBlock], cursor: str | None = None) -> ResourceTemplateReference: ...\n",
        findings=["TYP004:1 safe", "TYP004:1 safe", "TYP004:1 safe"],
    ),
    case(
        "-from mcp.types import Cursor\n import os\n \n-c: Cursor = os.environ['C']\n+c: str = os.environ['C']\n",
        findings=["TYP004:1 safe"],
    ),
    case(
        " import mcp.types as types\n"
        " \n"
        "-tool = types.Tool(name='t', inputSchema={}, execution=types.ToolExecution(taskSupport=types.TASK_REQUIRED))\n"
        "-msg: types.ServerNotificationType\n"
        '+tool = types.Tool(name=\'t\', inputSchema={}, execution=types.ToolExecution(taskSupport="required"))\n'
        "+msg: types.ServerNotification\n",
        findings=["TYP004:3 safe", "TYP004:4 safe"],
    ),
    # two names of one import inlined: removed together, so both fixes apply in the same run (the whole
    # statement goes, here from a function body that keeps other statements)
    case(
        " def pick(support):\n"
        "-    from mcp.types import TASK_OPTIONAL, TASK_REQUIRED\n"
        " \n"
        "-    return support in (TASK_OPTIONAL, TASK_REQUIRED)\n"
        '+    return support in ("optional", "required")\n',
        findings=["TYP004:2 safe", "TYP004:2 safe"],
    ),
    # `AnyFunction` becomes its v1 definition, with the imports it needs
    case(
        "-from mcp.types import AnyFunction, Tool\n"
        "+from mcp.types import Tool\n"
        "+from collections.abc import Callable\n"
        "+from typing import Any\n"
        " \n"
        "-f: AnyFunction\n"
        "+f: Callable[..., Any]\n",
        findings=["TYP004:1 safe"],
    ),
    # ... marked where the file binds `Any` to something else
    case(
        "+# mcp-migrate: TYP004 `AnyFunction` was removed from `mcp.types`; it was `Callable[..., Any]`: spell it out (this file binds `Callable` or `Any` to something else) https://py.sdk.modelcontextprotocol.io/v2/migration/#removed-type-aliases-and-classes\n"
        " from mcp.types import AnyFunction\n"
        " from mylib import Any\n"
        " \n"
        " f: AnyFunction\n",
        findings=["TYP004:1 manual"],
    ),
]

NOOP = [
    "from mcp.types import ContentBlock, ResourceTemplateReference\n",
    "from myproj.types import Content, Cursor\n\nx: Cursor\n",
    "class Content:\n    pass\n\nc = Content()\n",
    "from mcp.types import TaskStatus\n\ns: TaskStatus = 'working'\n",
]
