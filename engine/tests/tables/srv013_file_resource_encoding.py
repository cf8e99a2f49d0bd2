"""SRV013: `FileResource.is_binary` replaced by `encoding`

Rule: engine/mcp_migrate/rules/srv013_file_resource_encoding.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from pathlib import Path\n"
        " from mcp.server.fastmcp.resources import FileResource\n"
        " \n"
        " logo = Path('/srv/logo.png')\n"
        "-r = FileResource(uri='file:///logo.png', path=logo, mime_type='image/png', is_binary=True)\n"
        "+r = FileResource(uri='file:///logo.png', path=logo, mime_type='image/png', encoding=None)\n",
        findings=["SRV013:5 safe"],
    ),
    case(
        " from mcp.server.fastmcp.resources import FileResource\n"
        " \n"
        " r = FileResource(\n"
        "     uri='file:///notes.txt',\n"
        "     path=notes,\n"
        "-    is_binary=False,\n"
        " )\n",
        findings=["SRV013:6 review"],
    ),
    case(
        " from mcp.server.fastmcp.resources import FileResource\n"
        " \n"
        "-r = FileResource(uri='file:///data.json', path=data, mime_type='application/json')\n"
        "-print(r.is_binary)\n"
        "+r = FileResource(uri='file:///data.json', path=data, mime_type='application/json', encoding=None)\n"
        "+print((r.encoding is None))\n",
        findings=["SRV013:3 safe", "SRV013:4 review"],
    ),
    case(
        " from mcp.server.fastmcp.resources import FileResource\n"
        " \n"
        '+# mcp-migrate: SRV013 `is_binary=` was replaced by `encoding=`: pass `encoding=None` for bytes or a codec name (e.g. `"utf-8"`) for text https://py.sdk.modelcontextprotocol.io/v2/migration/#fileresourceis_binary-replaced-by-encoding\n'
        " r = FileResource(uri=u, path=p, is_binary=flag, encoding=codec)\n",
        findings=["SRV013:3 manual"],
    ),
    # a guide fragment without the import: marker only
    case(
        "+# mcp-migrate: SRV013 `is_binary=` was replaced by `encoding=`: `encoding=None` serves bytes, a codec name serves text https://py.sdk.modelcontextprotocol.io/v2/migration/#fileresourceis_binary-replaced-by-encoding\n"
        " FileResource(uri='file:///logo.png', path=logo, mime_type='image/png', is_binary=True)\n",
        findings=["SRV013:1 manual"],
    ),
    # a flag known only at run time: `encoding=None` when it is set, else v2's default from `mime_type`
    case(
        " from pathlib import Path\n"
        " from mcp.server.fastmcp.resources import FileResource\n"
        " \n"
        " def add(uri: str, path: Path, mime_type: str, binary: bool = False) -> FileResource:\n"
        "-    return FileResource(uri=uri, path=path, mime_type=mime_type, is_binary=binary)\n"
        '+    return FileResource(uri=uri, path=path, mime_type=mime_type, **({"encoding": None} if binary else {}))\n',
        findings=["SRV013:5 review"],
    ),
]

NOOP = [
    "from mcp.server.fastmcp.resources import FileResource\nr = FileResource(uri='file:///a.txt', path=p)\n",
    "from mcp.server.fastmcp.resources import FileResource\n"
    "r = FileResource(uri='file:///a.png', path=p, mime_type='image/png')\n",
    "from fastmcp.resources import FileResource\nr = FileResource(uri='file:///a', path=p, is_binary=True)\n",
    "class FileResource:\n    is_binary = True\n\nFileResource(is_binary=True).is_binary\n",
    "from mcp.server.mcpserver.resources import FileResource\n"
    "r = FileResource(uri='file:///a', path=p, encoding=None)\n",
]
