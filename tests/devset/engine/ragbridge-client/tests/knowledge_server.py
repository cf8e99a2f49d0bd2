"""A small in-process knowledge-base server used by the ragbridge tests."""

from __future__ import annotations

import base64

import anyio
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.resources import BinaryResource, TextResource
from mcp.types import (
    EmbeddedResource,
    ListResourcesRequest,
    ListResourcesResult,
    Resource,
    ResourceLink,
    SamplingMessage,
    TextContent,
    TextResourceContents,
)
from pydantic import AnyUrl, BaseModel

kb = FastMCP("kb-fixture", instructions="Knowledge base used in tests")

ARTICLES = {
    "kb://articles/vpn": "To connect to the VPN install the client and use your SSO login.",
    "kb://articles/printer": "The printer on floor 3 needs a driver update before it accepts jobs.",
    "kb://articles/laptop": "Laptop refresh happens every three years; request via the portal.",
    "kb://articles/wifi": "Guest wifi password rotates weekly and is posted at reception.",
}
for uri, text in ARTICLES.items():
    kb.add_resource(TextResource(uri=AnyUrl(uri), name=uri.rsplit("/", 1)[-1], text=text, mime_type="text/markdown"))
kb.add_resource(
    BinaryResource(
        uri=AnyUrl("kb://assets/logo.png"), name="logo", data=b"\x89PNG\r\n", mime_type="image/png"
    )
)
kb.add_resource(
    BinaryResource(
        uri=AnyUrl("kb://exports/faq.csv"), name="faq", data="q,a\nvpn,use sso\n".encode(), mime_type="text/csv"
    )
)


@kb._mcp_server.list_resources()
async def paged_resources(request: ListResourcesRequest) -> ListResourcesResult:
    """Serve the resource list two at a time so clients must paginate."""
    everything: list[Resource] = await kb.list_resources()
    start = int(request.params.cursor) if request.params and request.params.cursor else 0
    page = everything[start : start + 2]
    nxt = str(start + 2) if start + 2 < len(everything) else None
    return ListResourcesResult(resources=page, nextCursor=nxt)


class Hit(BaseModel):
    uri: str
    text: str
    score: float


class SearchHits(BaseModel):
    hits: list[Hit]


@kb.tool()
async def search(query: str, k: int = 3) -> SearchHits:
    terms = set(query.lower().split())
    scored = [
        Hit(uri=u, text=t, score=len(terms & set(t.lower().split())) / len(terms or {""}))
        for u, t in ARTICLES.items()
    ]
    scored.sort(key=lambda h: h.score, reverse=True)
    return SearchHits(hits=scored[:k])


@kb.tool()
async def slow_search(query: str, k: int = 3) -> str:
    await anyio.sleep(2)
    return query


@kb.tool()
async def related(topic: str) -> list[TextContent | EmbeddedResource | ResourceLink]:
    return [
        TextContent(type="text", text=f"Articles related to {topic}"),
        EmbeddedResource(
            type="resource",
            resource=TextResourceContents(uri=AnyUrl("kb://articles/vpn"), text=ARTICLES["kb://articles/vpn"]),
        ),
        ResourceLink(type="resource_link", uri=AnyUrl("kb://articles/wifi"), name="wifi", description="wifi help"),
    ]


@kb.tool()
async def broken(query: str) -> str:
    raise RuntimeError("index is rebuilding")


@kb.tool()
async def workspace_digest(ctx: Context) -> str:
    roots = await ctx.session.list_roots()
    names = ",".join(r.name or "?" for r in roots.roots)
    reply = await ctx.session.create_message(
        messages=[SamplingMessage(role="user", content=TextContent(type="text", text=f"digest {names}"))],
        max_tokens=64,
    )
    await ctx.info("digest built")
    await ctx.session.send_resource_updated(AnyUrl("kb://articles/vpn"))
    text = reply.content.text if isinstance(reply.content, TextContent) else ""
    return f"{names}|{text}"


def blob_of(data: bytes) -> str:
    return base64.b64encode(data).decode()
