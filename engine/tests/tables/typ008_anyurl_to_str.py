"""TYP008: Resource URI type changed from `AnyUrl` to `str`

Rule: engine/mcp_migrate/rules/typ008_anyurl_to_str.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from pydantic import AnyUrl\n"
        " from mcp.types import Resource\n"
        " \n"
        "-resource = Resource(name='test', uri=AnyUrl('users/me'))\n"
        "+resource = Resource(name='test', uri='users/me')\n",
        findings=["TYP008:4 safe"],
    ),
    case(
        " from pydantic import AnyUrl\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def f(session: ClientSession, u):\n"
        "-    await session.read_resource(AnyUrl('test://resource'))\n"
        "-    await session.subscribe_resource(AnyUrl(u))\n"
        "+    await session.read_resource('test://resource')\n"
        "+    await session.subscribe_resource(str(AnyUrl(u)))\n",
        findings=["TYP008:5 safe", "TYP008:6 review"],
    ),
    case(
        " from mcp import ClientSession\n"
        "+from urllib.parse import urlparse\n"
        " \n"
        " async def f(session: ClientSession):\n"
        "     listing = await session.list_resources()\n"
        "     for r in listing.resources:\n"
        "-        print(r.uri.host, r.uri.scheme)\n"
        "+        print(urlparse(r.uri).hostname, urlparse(r.uri).scheme)\n",
        findings=["TYP008:6 review", "TYP008:6 review"],
    ),
]

NOOP = [
    "from pydantic import AnyUrl\n"
    "\n"
    "class M:\n"
    "    pass\n"
    "\n"
    "M(uri=AnyUrl('x'))\n",
    "from mcp.types import Resource\n"
    "\n"
    "r = Resource(name='t', uri='users/me')\n",
    "from fastmcp import Client\n"
    "from pydantic import AnyUrl\n"
    "\n"
    "async def f(c: Client):\n"
    "    await c.read_resource(AnyUrl('x://y'))\n",
    "from pydantic import AnyUrl\n"
    "\n"
    "u = AnyUrl('https://x')\n"
    "print(u.host)\n",
]
