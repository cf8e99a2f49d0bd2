"""TYP003: `mcp.types` moved to the `mcp-types` package

Rule: engine/mcp_migrate/rules/typ003_shared_version_module.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.types import Tool, Resource\n"
        "-from mcp.shared.version import LATEST_PROTOCOL_VERSION\n"
        "+from mcp.types.version import LATEST_PROTOCOL_VERSION\n",
        findings=["TYP003:2 safe"],
    ),
    case(
        "-import mcp.shared.version as v\n+import mcp.types.version as v\n \n print(v.SUPPORTED_PROTOCOL_VERSIONS)\n",
        findings=["TYP003:1 safe"],
    ),
    case(
        " from unittest import mock\n"
        " \n"
        "-@mock.patch('mcp.shared.version.SUPPORTED_PROTOCOL_VERSIONS', ['x'])\n"
        "+@mock.patch('mcp.types.version.SUPPORTED_PROTOCOL_VERSIONS', ['x'])\n"
        " def test():\n"
        "     pass\n",
        findings=["TYP003:3 safe"],
    ),
]

NOOP = [
    "from mcp.types import Tool\nimport mcp.types as types\n",
    "from mcp.types.version import LATEST_PROTOCOL_VERSION\n",
    "from myproj.shared.version import VERSION\n",
]
