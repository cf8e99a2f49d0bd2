"""TYP013: Library names the SDK's modules no longer import

Rule: engine/mcp_migrate/rules/typ013_library_names.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " import mcp.types as types\n"
        "-from mcp.types import AnyUrl\n"
        "+from pydantic import AnyUrl\n"
        "+from pydantic import FileUrl\n"
        " \n"
        ' home = AnyUrl("https://example.com")\n'
        '-root = types.Root(uri=types.FileUrl("file:///srv/docs"), name="docs")\n'
        '+root = types.Root(uri=FileUrl("file:///srv/docs"), name="docs")\n',
        findings=["TYP013:2 safe", "TYP013:5 safe"],
    ),
    # already imported from the library: only the spelling changes; another binding of the name: a marker
    case(
        " from mcp import types\n"
        " from pydantic import AnyUrl\n"
        " \n"
        '-a = types.AnyUrl("https://example.com")\n'
        '+a = AnyUrl("https://example.com")\n'
        " FileUrl = str\n"
        "+# mcp-migrate: TYP013 `FileUrl` is pydantic's: import it from there (v2's SDK module no longer has it) https://py.sdk.modelcontextprotocol.io/v2/migration/#mcptypes-moved-to-the-mcp-types-package\n"
        ' b = types.FileUrl("file:///x")\n',
        findings=["TYP013:4 safe", "TYP013:6 manual"],
    ),
    # a name in a longer import list moves out of it
    case(
        "-from mcp.types import Field, Tool\n"
        "+from mcp.types import Tool\n"
        "+from pydantic import Field\n"
        " \n"
        ' t = Tool(name="x", input_schema={})\n'
        ' f = Field(default=1)\n',
        findings=["TYP013:1 safe"],
    ),
]

NOOP = [
    "from pydantic import AnyUrl\n\nu = AnyUrl('https://example.com')\n",
    "import mcp.types as types\n\nt = types.Tool(name='x', input_schema={})\n",
    "from other.types import AnyUrl\n",
]
