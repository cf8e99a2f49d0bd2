"""SRV012: `Resource` classes reject unknown keyword arguments

Rule: engine/mcp_migrate/rules/srv012_resource_unknown_kwargs.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp.resources import TextResource\n"
        " \n"
        "-r = TextResource(uri='memo://a', text='hi', encoding='utf-8', tags={'x'})\n"
        "+r = TextResource(uri='memo://a', text='hi')\n",
        findings=["SRV012:3 review"],
    ),
    case(
        " from mcp.server.fastmcp.resources.types import DirectoryResource\n"
        " \n"
        " r = DirectoryResource(\n"
        "     uri='dir://docs',\n"
        "     path=DOCS,\n"
        "     recursive=True,\n"
        "-    follow_symlinks=False,\n"
        " )\n",
        findings=["SRV012:3 review"],
    ),
]

NOOP = [
    "from mcp.server.fastmcp.resources import TextResource\n"
    "r = TextResource(uri='memo://a', text='hi', mime_type='text/plain')\n",
    "from mcp.server.fastmcp.resources import FileResource\n"
    "r = FileResource(uri='file:///a', path=p, is_binary=True)\n",
    "from fastmcp.resources import TextResource\nr = TextResource(uri='memo://a', text='hi', tags={'x'})\n",
    "from mcp.server.fastmcp.resources import TextResource\nr = TextResource(uri='memo://a', **extra)\n",
    "class TextResource:\n    pass\nr = TextResource(uri='a', encoding='x')\n",
]
