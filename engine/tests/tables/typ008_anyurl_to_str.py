"""TYP008: Resource URI type changed from `AnyUrl` to `str`

Rule: engine/mcp_migrate/rules/typ008_anyurl_to_str.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # a conditional URL (`uri` may be a str or a URL object): the string either way
    case(
        " from mcp import ClientSession\n"
        " from pydantic import AnyUrl\n"
        " \n"
        " async def load(session: ClientSession, uri: AnyUrl | str):\n"
        "-    return await session.read_resource(uri if isinstance(uri, AnyUrl) else AnyUrl(uri))\n"
        "+    return await session.read_resource(str(uri if isinstance(uri, AnyUrl) else AnyUrl(uri)))\n",
        findings=["TYP008:5 safe"],
    ),
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
        findings=["TYP008:5 safe", "TYP008:6 safe"],
    ),
    # URL objects from elsewhere in the file become the string v1 sent; MCPServer resources too
    case(
        " from pydantic import AnyUrl, HttpUrl\n"
        " from mcp.server.fastmcp.resources import TextResource\n"
        " from mcp.types import ReadResourceRequestParams, TextResourceContents\n"
        " \n"
        " def build(uri: AnyUrl, raw: str, site: HttpUrl):\n"
        "     target = AnyUrl(raw) if raw else uri\n"
        "-    params = ReadResourceRequestParams(uri=uri)\n"
        "-    text = TextResourceContents(uri=target, text='x')\n"
        "-    page = TextResourceContents(uri=AnyUrl(url='http://example.com/test'), text=str(site))\n"
        "-    return params, text, page, TextResource(uri=site, text='x')\n"
        "+    params = ReadResourceRequestParams(uri=str(uri))\n"
        "+    text = TextResourceContents(uri=str(target), text='x')\n"
        "+    page = TextResourceContents(uri='http://example.com/test', text=str(site))\n"
        "+    return params, text, page, TextResource(uri=str(site), text='x')\n",
        findings=["TYP008:7 safe", "TYP008:8 safe", "TYP008:9 safe", "TYP008:10 safe"],
    ),
    # a session the file does not show: review
    case(
        " from pydantic import AnyUrl\n"
        " \n"
        " async def read(session, uri: AnyUrl):\n"
        "-    return await session.read_resource(uri)\n"
        "+    return await session.read_resource(str(uri))\n",
        findings=["TYP008:4 review"],
    ),
    case(
        " from mcp import ClientSession\n"
        "+from pydantic import AnyUrl\n"
        " \n"
        " async def f(session: ClientSession):\n"
        "     listing = await session.list_resources()\n"
        "     for r in listing.resources:\n"
        "-        print(r.uri.host, r.uri.scheme)\n"
        "+        print(AnyUrl(r.uri).host, AnyUrl(r.uri).scheme)\n",
        findings=["TYP008:6 safe", "TYP008:6 safe"],
    ),
    # an MCPServer resource object's `uri` is a `str` too
    case(
        " from mcp.server.fastmcp.resources import Resource, TextResource\n"
        "+from pydantic import AnyUrl\n"
        " \n"
        " def parts(r: Resource, x):\n"
        "     assert isinstance(x, TextResource)\n"
        "-    return r.uri.scheme, x.uri.host\n"
        "+    return AnyUrl(r.uri).scheme, AnyUrl(x.uri).host\n",
        findings=["TYP008:5 safe", "TYP008:5 safe"],
    ),
    # a comprehension that filters on the part it collects keeps the narrowed value (`:=`)
    case(
        " from mcp import ClientSession\n"
        "+from pydantic import AnyUrl\n"
        " \n"
        " async def hosts(session: ClientSession) -> set[str]:\n"
        "     listing = await session.list_resources()\n"
        "-    return {r.uri.host for r in listing.resources if r.uri.host}\n"
        "+    return {host for r in listing.resources if (host := AnyUrl(r.uri).host)}\n",
        findings=["TYP008:5 safe"],
    ),
    # a URI captured by a class pattern
    case(
        " from mcp import types\n"
        "+from pydantic import AnyUrl\n"
        " \n"
        " def describe(block: types.ContentBlock):\n"
        "     match block:\n"
        "         case types.ResourceLink(uri=uri):\n"
        "-            return uri.scheme\n"
        "+            return AnyUrl(uri).scheme\n",
        findings=["TYP008:6 safe"],
    ),
    # pydantic URL attributes on an MCP URI, directly or through a name: marked; str methods are fine
    case(
        " from mcp.types import EmbeddedResource\n"
        "+from pydantic import AnyUrl\n"
        " \n"
        " def describe(resource: EmbeddedResource) -> str:\n"
        "     uri = resource.resource.uri\n"
        "+    # mcp-migrate: TYP008 MCP URIs are `str` in v2, so `._url` (a pydantic URL attribute) is gone: use the "
        "string itself, or `urllib.parse.urlparse(...)` "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#resource-uri-type-changed-from-anyurl-to-str\n"
        "-    return f'{uri._url} {uri.host} {uri.startswith(\"file:\")}'\n"
        "+    return f'{uri._url} {AnyUrl(uri).host} {uri.startswith(\"file:\")}'\n",
        findings=["TYP008:5 manual", "TYP008:5 safe"],
    ),
    # the parts read off pydantic's `AnyUrl`, the object v1 gave (its normalisation kept); where the
    # file's own `AnyUrl` is something else, `urlparse()` (a review fix: it normalises differently)
    case(
        " from mcp import types\n"
        " from myapp.urls import AnyUrl\n"
        "+from urllib.parse import urlparse\n"
        " \n"
        " def scheme(link: types.ResourceLink) -> str:\n"
        "-    return link.uri.scheme\n"
        "+    return urlparse(link.uri).scheme\n",
        findings=["TYP008:5 review"],
    ),
    # ... or to the file's own dataclass or pydantic model with an `AnyUrl` field
    case(
        " from dataclasses import dataclass\n"
        " from pydantic import AnyUrl, BaseModel\n"
        " from mcp.types import Resource\n"
        " \n"
        " @dataclass\n"
        " class Seen:\n"
        "     uri: AnyUrl\n"
        "     name: str\n"
        " \n"
        " class Entry(BaseModel):\n"
        "     name: str\n"
        "     uri: AnyUrl\n"
        " \n"
        " def record(resource: Resource):\n"
        "-    return Seen(resource.uri, resource.name), Entry(name=resource.name, uri=resource.uri)\n"
        "+    return Seen(AnyUrl(resource.uri), resource.name), Entry(name=resource.name, uri=AnyUrl(resource.uri))\n",
        findings=["TYP008:15 safe", "TYP008:15 safe"],
    ),
    # an MCP object's `.uri` handed to the file's own function typed `AnyUrl`: the object v1 handed it
    case(
        " from pydantic import AnyUrl\n"
        " from mcp.types import Resource\n"
        " \n"
        " class Store:\n"
        "     def path_for(self, uri: AnyUrl) -> str:\n"
        "         return uri.scheme\n"
        " \n"
        "     def save(self, resource: Resource, other: Resource) -> str:\n"
        "         u = other.uri\n"
        "-        return self.path_for(resource.uri) + slug(uri=u) + slug(resource.name)\n"
        "+        return self.path_for(AnyUrl(resource.uri)) + slug(uri=AnyUrl(u)) + slug(resource.name)\n"
        " \n"
        " def slug(uri: AnyUrl | None = None) -> str:\n"
        "     return str(uri)\n",
        findings=["TYP008:10 safe", "TYP008:10 safe"],
    ),
    # an `AnyUrl("...")` literal compared with MCP URIs, which are `str` now and never equal it
    case(
        " from pydantic import AnyUrl\n"
        " from mcp import ClientSession\n"
        " \n"
        " async def check(session: ClientSession):\n"
        "     listing = await session.list_resources()\n"
        "-    assert [r.uri for r in listing.resources] == [AnyUrl(\"memo://index\")]\n"
        "-    assert listing.resources[0].uri in (AnyUrl(\"a://b\"), \"c://d\")\n"
        "+    assert [r.uri for r in listing.resources] == [\"memo://index\"]\n"
        "+    assert listing.resources[0].uri in (\"a://b\", \"c://d\")\n"
        "     assert AnyUrl(\"q://r\") == AnyUrl(\"q://r\")\n",
        findings=["TYP008:6 safe", "TYP008:7 safe"],
    ),
    # the URL object comes from the user's own function declared to return one
    case(
        " import mcp.types as types\n"
        " from pydantic import AnyUrl\n"
        " \n"
        " def entry_uri(ns: str, key: str) -> AnyUrl:\n"
        "     return AnyUrl(f'kv://{ns}/{key}')\n"
        " \n"
        " def blob(ns, key, data):\n"
        "-    return types.BlobResourceContents(uri=entry_uri(ns, key), blob=data)\n"
        "+    return types.BlobResourceContents(uri=str(entry_uri(ns, key)), blob=data)\n",
        findings=["TYP008:8 safe"],
    ),
    # ... through a name bound to its result
    case(
        " import mcp.types as types\n"
        " from pydantic import AnyUrl\n"
        " \n"
        " def entry_uri(ns: str, key: str) -> AnyUrl:\n"
        "     return AnyUrl(f'kv://{ns}/{key}')\n"
        " \n"
        " def updated(ns, key):\n"
        "     uri = entry_uri(ns, key)\n"
        "-    return types.ResourceUpdatedNotificationParams(uri=uri)\n"
        "+    return types.ResourceUpdatedNotificationParams(uri=str(uri))\n",
        findings=["TYP008:9 safe"],
    ),
    # a method of the user's class declared to return a URL object
    case(
        " from mcp import ClientSession\n"
        " from pydantic import AnyUrl\n"
        " \n"
        " class Assets:\n"
        "     def uri(self, key: str) -> AnyUrl:\n"
        '         return AnyUrl(f"assets://{key}")\n'
        " \n"
        " async def logo(session: ClientSession, assets: Assets):\n"
        '-    return await session.read_resource(assets.uri("logo"))\n'
        '+    return await session.read_resource(str(assets.uri("logo")))\n',
        findings=["TYP008:9 safe"],
    ),
    # the user's own field or list declared `AnyUrl`, handed to a subclass of an MCPServer resource class or
    # to the session: the string v1 sent
    case(
        ' from dataclasses import dataclass\n'
        ' \n'
        ' from pydantic import AnyUrl\n'
        ' \n'
        ' from mcp import ClientSession\n'
        ' from mcp.server.fastmcp.resources import TextResource\n'
        ' \n'
        ' \n'
        ' @dataclass\n'
        ' class Route:\n'
        '     public_uri: AnyUrl\n'
        '     body: str\n'
        ' \n'
        ' \n'
        ' class RoutedResource(TextResource):\n'
        '     upstream: str = ""\n'
        ' \n'
        ' \n'
        ' def expose(route: Route) -> RoutedResource:\n'
        '-    return RoutedResource(uri=route.public_uri, name="routed", text=route.body)\n'
        '+    return RoutedResource(uri=str(route.public_uri), name="routed", text=route.body)\n'
        ' \n'
        ' \n'
        ' async def first(session: ClientSession, uris: list[AnyUrl]) -> None:\n'
        '-    await session.read_resource(uris[0])\n'
        '+    await session.read_resource(str(uris[0]))\n',
        findings=['TYP008:20 safe', 'TYP008:24 safe'],
    ),
]

NOOP = [
    # `Root.uri` is still a `FileUrl` in v2
    "from pydantic import AnyUrl\nfrom mcp.types import Root\n\nroot = Root(uri=AnyUrl('file:///tmp'), name='tmp')\n",
    # ... so its parts are still read off the URL object
    "from mcp.server.fastmcp import Context\n"
    "\n"
    "async def roots(ctx: Context):\n"
    "    for root in (await ctx.session.list_roots()).roots:\n"
    "        print(root.uri.path)\n",
    # already a string
    "from pydantic import AnyUrl\n"
    "from mcp.types import Resource\n"
    "\n"
    "def f(u: str):\n"
    "    return Resource(name='t', uri=u), AnyUrl(u)\n",
    "from pydantic import AnyUrl\n\nclass M:\n    pass\n\nM(uri=AnyUrl('x'))\n",
    "from mcp.types import Resource\n\nr = Resource(name='t', uri='users/me')\n",
    "from fastmcp import Client\n"
    "from pydantic import AnyUrl\n"
    "\n"
    "async def f(c: Client):\n"
    "    await c.read_resource(AnyUrl('x://y'))\n",
    "from pydantic import AnyUrl\n\nu = AnyUrl('https://x')\nprint(u.host)\n",
]
