"""The portal's MCP endpoint.

The server is configured once here from ``PortalSettings``; ``asgi.py`` mounts it and the
``runmcp`` management command can also serve it standalone.
"""

from __future__ import annotations

import hmac
import logging
import time
from typing import Any

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.session import ServerSession
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.progress import ProgressContext
from mcp.types import ToolAnnotations
from pydantic import AnyHttpUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from .articles import Article, ArticleRepository
from .settings import get_settings

log = logging.getLogger("kb_portal.mcp")

conf = get_settings()
repository = ArticleRepository(conf.articles_dir)


class StaticTokenVerifier(TokenVerifier):
    """Verifies portal service tokens (``kbt_...``) against a shared secret.

    Real deployments put the SSO introspection endpoint in front of this; the static table
    lets CI and local development work without it.
    """

    def __init__(self, tokens: dict[str, tuple[str, list[str]]]) -> None:
        self._tokens = tokens

    async def verify_token(self, token: str) -> AccessToken | None:
        for known, (client_id, scopes) in self._tokens.items():
            if hmac.compare_digest(known, token):
                return AccessToken(
                    token=token,
                    client_id=client_id,
                    scopes=scopes,
                    expires_at=int(time.time()) + 3600,
                    resource=conf.oauth_resource,
                )
        return None


mcp = FastMCP(
    name="kb-portal",
    instructions="Search and read articles from the internal knowledge base.",
    website_url="https://kb.internal.example",
    token_verifier=StaticTokenVerifier({conf.secret_key: ("portal-ci", ["kb.read", "kb.write"])}),
    auth=AuthSettings(
        issuer_url=AnyHttpUrl(conf.oauth_issuer),
        resource_server_url=AnyHttpUrl(conf.oauth_resource),
        required_scopes=conf.required_scopes,
    ),
    host=conf.bind_host,
    port=conf.bind_port,
    debug=conf.debug,
    log_level="DEBUG" if conf.debug else "INFO",
    streamable_http_path="/",
    sse_path="/events",
    message_path="/events/messages/",
    stateless_http=conf.mcp_stateless,
    json_response=conf.mcp_json_response,
    transport_security=TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=[f"{h}:*" for h in conf.allowed_hosts] + list(conf.allowed_hosts),
        allowed_origins=conf.cors_origins,
    ),
    dependencies=["pydantic-settings"],
)

PortalContext = Context[ServerSession, object]


def _article_payload(article: Article, with_body: bool = False) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "slug": article.slug,
        "title": article.title,
        "tags": article.tags,
        "updated": article.updated.isoformat(),
    }
    if with_body:
        payload["body"] = article.body
    else:
        payload["summary"] = article.summary()
    return payload


def _caller(ctx: PortalContext) -> str:
    token = get_access_token()
    if token is not None:
        return token.client_id
    return ctx.client_id or "anonymous"


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False))
async def search_articles(query: str, ctx: PortalContext, limit: int = 5) -> list[dict[str, Any]]:
    """Full-text search over article titles, bodies and tags."""
    hits = repository.search(query, limit=limit)
    await ctx.debug(f"{_caller(ctx)} searched {query!r}: {len(hits)} hits")
    return [_article_payload(a) for a in hits]


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def read_article(slug: str, ctx: PortalContext) -> dict[str, Any]:
    """Return one article with its full body."""
    article = repository.get(slug)
    if article is None:
        raise ValueError(f"no article called {slug!r}")
    request = ctx.request_context.request
    if isinstance(request, Request):
        log.info("read %s via %s", slug, request.headers.get("user-agent", "?"))
    return _article_payload(article, with_body=True)


@mcp.tool(annotations=ToolAnnotations(destructiveHint=False, idempotentHint=True))
async def reindex(ctx: PortalContext) -> str:
    """Re-read every article from disk, reporting progress as it goes."""
    token = get_access_token()
    if token is None or "kb.write" not in token.scopes:
        raise PermissionError("reindex needs the kb.write scope")
    articles = repository.all()
    meta = ctx.request_context.meta
    tracker = None
    if meta is not None and meta.progressToken is not None:
        tracker = ProgressContext(ctx.session, meta.progressToken, total=float(len(articles)))
    for article in articles:
        repository.put(article)
        if tracker is not None:
            await tracker.progress(1, message=article.slug)  # cumulative: 1, 2, 3, ...
    server = ctx.fastmcp
    return f"{server.name}: reindexed {len(articles)} articles"


@mcp.resource("kb://articles/{slug}", mime_type="text/markdown")
def article_resource(slug: str) -> str:
    article = repository.get(slug)
    if article is None:
        raise ValueError(f"unknown article {slug}")
    return f"# {article.title}\n\n{article.body}"


@mcp.resource("kb://tags", mime_type="application/json")
def tag_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for article in repository.all():
        for tag in article.tags:
            index.setdefault(tag, []).append(article.slug)
    return index


@mcp.prompt(title="Answer from the KB")
def answer_from_kb(question: str) -> str:
    return (
        "Use search_articles to find relevant articles, read the best two with read_article, "
        f"and answer the question with citations by slug.\n\nQuestion: {question}"
    )


@mcp.custom_route("/health", methods=["GET"], include_in_schema=False)
async def health(_: Request) -> Response:
    return JSONResponse(
        {
            "status": "ok",
            "server": mcp.name,
            "articles": len(repository.all()),
            "stateless": mcp.settings.stateless_http,
        }
    )


@mcp.custom_route("/robots.txt", methods=["GET"], include_in_schema=False)
async def robots(_: Request) -> Response:
    return PlainTextResponse("User-agent: *\nDisallow: /\n")
