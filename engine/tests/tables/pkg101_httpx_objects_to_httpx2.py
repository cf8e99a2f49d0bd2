"""PKG101: `httpx` and `httpx-sse` replaced by `httpx2`

Rule: engine/mcp_migrate/rules/pkg101_httpx_objects_to_httpx2.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # an httpx object handed to one of the SDK's OAuth helpers (typed `httpx2.Response` in v2)
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp.client.auth.utils import extract_scope_from_www_auth\n"
        " \n"
        "-def scope_of(response: httpx.Response) -> str | None:\n"
        "+def scope_of(response: httpx2.Response) -> str | None:\n"
        "     return extract_scope_from_www_auth(response)\n",
        findings=["PKG101:5 review"],
    ),
    # an SDK auth provider (an `httpx2.Auth` in v2) subclassed with httpx-typed overrides
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp.client.auth import OAuthClientProvider\n"
        " \n"
        " class CountingProvider(OAuthClientProvider):\n"
        "-    async def async_auth_flow(self, request: httpx.Request):\n"
        "+    async def async_auth_flow(self, request: httpx2.Request):\n"
        "         flow = super().async_auth_flow(request)\n"
        "         yield await flow.__anext__()\n",
        findings=["PKG101:5 review"],
    ),
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp import ClientSession\n"
        " from mcp.client.auth import OAuthClientProvider\n"
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " async def main(oauth: OAuthClientProvider):\n"
        "     try:\n"
        "-        async with httpx.AsyncClient(auth=oauth, follow_redirects=True) as http:\n"
        "+        async with httpx2.AsyncClient(auth=oauth, follow_redirects=True) as http:\n"
        "             async with streamable_http_client(URL, http_client=http) as (r, w, _):\n"
        "                 async with ClientSession(r, w) as session:\n"
        "                     await session.initialize()\n"
        "-    except httpx.ConnectError:\n"
        "+    except httpx2.ConnectError:\n"
        "         print('server down')\n",
        findings=["PKG101:8 review", "PKG101:9 review"],
    ),
    case(
        "-from httpx import AsyncClient, Auth\n"
        "+from httpx2 import AsyncClient, Auth\n"
        " from mcp.client.sse import sse_client\n"
        " \n"
        " class BearerAuth(Auth):\n"
        "     def auth_flow(self, request):\n"
        "         request.headers['Authorization'] = 'Bearer ' + TOKEN\n"
        "         yield request\n"
        " \n"
        " async def run():\n"
        "     async with sse_client(URL, auth=BearerAuth()) as streams:\n"
        "         ...\n",
        findings=["PKG101:10 review"],
    ),
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp.client.sse import sse_client\n"
        " \n"
        " def factory(headers=None, timeout=None, auth=None):\n"
        "-    return httpx.AsyncClient(headers=headers, timeout=timeout, auth=auth, verify=CTX)\n"
        "+    return httpx2.AsyncClient(headers=headers, timeout=timeout, auth=auth, verify=CTX)\n"
        " \n"
        " streams = sse_client(URL, httpx_client_factory=factory)\n",
        findings=["PKG101:7 review"],
    ),
    # the guide's fragment
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " \n"
        "-http_client = httpx.AsyncClient(follow_redirects=True)\n"
        "+http_client = httpx2.AsyncClient(follow_redirects=True)\n",
        findings=["PKG101:3 review"],
    ),
    # httpx objects reaching the SDK through an attribute, a factory method, an annotated parameter
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp.client.sse import sse_client\n"
        " from mcp.client.streamable_http import streamable_http_client\n"
        " \n"
        " class Connection:\n"
        "     def __init__(self, url):\n"
        "         self.url = url\n"
        "-        self.client = httpx.AsyncClient()\n"
        "+        self.client = httpx2.AsyncClient()\n"
        " \n"
        "-    def _make(self, headers=None, timeout=None, auth=None) -> httpx.AsyncClient:\n"
        "-        return httpx.AsyncClient(headers=headers, timeout=timeout, auth=auth)\n"
        "+    def _make(self, headers=None, timeout=None, auth=None) -> httpx2.AsyncClient:\n"
        "+        return httpx2.AsyncClient(headers=headers, timeout=timeout, auth=auth)\n"
        " \n"
        "     def streams(self):\n"
        "         return streamable_http_client(self.url, http_client=self.client)\n"
        " \n"
        "-    def legacy(self, auth: httpx.Auth | None):\n"
        "+    def legacy(self, auth: httpx2.Auth | None):\n"
        "         return sse_client(self.url, auth=auth, httpx_client_factory=self._make)\n",
        findings=["PKG101:14 review", "PKG101:17 review"],
    ),
    # the SDK's own client factory with httpx arguments: marked where they are passed
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp.shared._httpx_utils import create_mcp_http_client\n"
        " \n"
        " def make(factory=None):\n"
        "     factory = factory or create_mcp_http_client\n"
        "-    return factory(timeout=httpx.Timeout(30, read=300))\n"
        "+    return factory(timeout=httpx2.Timeout(30, read=300))\n",
        findings=["PKG101:2 review", "PKG101:6 review"],
    ),
    # a client factory handing its httpx-typed parameters to the SDK's factory
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp.shared._httpx_utils import create_mcp_http_client\n"
        " \n"
        "-def make(headers=None, timeout: httpx.Timeout | None = None, auth: httpx.Auth | None = None):\n"
        "+def make(headers=None, timeout: httpx2.Timeout | None = None, auth: httpx2.Auth | None = None):\n"
        "     return create_mcp_http_client(headers=headers, timeout=timeout, auth=auth)\n",
        findings=["PKG101:2 review", "PKG101:5 review"],
    ),
    # the project's own `httpx.Auth`, or None, handed to the SDK's SSE transport
    case(
        "-import httpx\n"
        "+import httpx2\n"
        " from mcp.client.sse import sse_client\n"
        " \n"
        "-class BearerAuth(httpx.Auth):\n"
        "+class BearerAuth(httpx2.Auth):\n"
        "     def __init__(self, token: str) -> None:\n"
        "         self.token = token\n"
        " \n"
        " async def open_sse(url: str, token: str | None):\n"
        "     auth = BearerAuth(token) if token else None\n"
        "     async with sse_client(url, auth=auth) as (read, write):\n"
        "         return read, write\n",
        findings=["PKG101:10 review"],
    ),
]

NOOP = [
    # a callback handed to the SDK that makes its own httpx requests: the file's own use of httpx
    "import httpx\n"
    "from mcp.client.auth import OAuthClientProvider\n"
    "\n"
    "def build(storage, metadata):\n"
    "    async def redirect_handler(url: str) -> None:\n"
    "        async with httpx.AsyncClient() as http:\n"
    "            await http.get(url)\n"
    "\n"
    "    return OAuthClientProvider(server_url=URL, client_metadata=metadata, storage=storage, redirect_handler=redirect_handler)\n",
    # the SDK called with values that are not httpx objects: the file's own httpx stays
    "import httpx\n"
    "from mcp.client.auth.utils import build_protected_resource_metadata_discovery_urls\n"
    "\n"
    "async def fetch(url: str, server: str) -> list[httpx.Response]:\n"
    "    async with httpx.AsyncClient() as http:\n"
    "        return [await http.get(u) for u in build_protected_resource_metadata_discovery_urls(url, server)]\n",
    "import httpx\nimport os\n\nhttp_client = httpx.AsyncClient()\n",
    "import httpx\n\nasync def fetch():\n    async with httpx.AsyncClient() as c:\n        return await c.get(URL)\n",
    "import httpx2\n"
    "from mcp.client.streamable_http import streamable_http_client\n"
    "c = httpx2.AsyncClient()\n"
    "s = streamable_http_client(URL, http_client=c)\n",
    "import httpx\n"
    "from mcp.client.streamable_http import streamable_http_client\n"
    "s = streamable_http_client(URL, http_client=make_client())\n"
    "r = httpx.get(URL)\n",
    "import httpx\n"
    "from fastmcp.client import streamable_http_client\n"
    "s = streamable_http_client(URL, http_client=httpx.AsyncClient())\n",
]
