"""ASGI applications: combined MCP app, standalone AS, and a plain protected API."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator

from pydantic import AnyHttpUrl
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from mcp.server.auth.middleware.auth_context import AuthContextMiddleware, get_access_token
from mcp.server.auth.middleware.bearer_auth import BearerAuthBackend, RequireAuthMiddleware
from mcp.server.auth.provider import TokenVerifier
from mcp.server.auth.routes import (
    build_resource_metadata_url,
    create_auth_routes,
    create_protected_resource_routes,
)
from mcp.server.auth.settings import ClientRegistrationOptions, RevocationOptions
from mcp.server.fastmcp import FastMCP

from authkit.config import KitSettings
from authkit.provider import InMemoryOAuthProvider
from authkit.routes import kit_routes


def build_combined_app(mcp: FastMCP, legacy_prefix: str = "/legacy") -> Starlette:
    """Streamable HTTP at the root, the older SSE transport under `legacy_prefix`."""
    http_app = mcp.streamable_http_app()
    # Starlette's Mount sets root_path, which the SSE transport already folds into
    # the advertised message endpoint, so no mount_path here.
    sse_app = mcp.sse_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    return Starlette(
        debug=mcp.settings.debug,
        routes=[Mount(legacy_prefix, app=sse_app), Mount("/", app=http_app)],
        lifespan=lifespan,
    )


def build_authorization_server(provider: InMemoryOAuthProvider, settings: KitSettings) -> Starlette:
    """Authorization server only: metadata, /authorize, /token, /register, /revoke, consent, introspection."""
    routes: list[BaseRoute] = []
    routes.extend(
        create_auth_routes(
            provider=provider,
            issuer_url=AnyHttpUrl(settings.issuer_url),
            service_documentation_url=AnyHttpUrl(settings.docs_url) if settings.docs_url else None,
            client_registration_options=ClientRegistrationOptions(
                enabled=True,
                valid_scopes=list(settings.valid_scopes),
                default_scopes=list(settings.required_scopes),
            ),
            revocation_options=RevocationOptions(enabled=True),
        )
    )
    routes.extend(kit_routes(provider))
    return Starlette(routes=routes)


async def _me(scope: Scope, receive: Receive, send: Send) -> None:
    token = get_access_token()
    payload = {
        "client_id": token.client_id if token else None,
        "subject": token.subject if token else None,
        "scopes": token.scopes if token else [],
    }
    response = Response(json.dumps(payload), media_type="application/json")
    await response(scope, receive, send)


def build_protected_api(
    verifier: TokenVerifier,
    settings: KitSettings,
    *,
    issuer_url: str,
    api_path: str = "/api/me",
    required_scopes: list[str] | None = None,
) -> Starlette:
    """A non-MCP REST endpoint guarded by the same bearer tokens as the MCP server."""
    resource_url = AnyHttpUrl(settings.resource_server_url)
    scopes = list(settings.required_scopes) if required_scopes is None else required_scopes

    async def public(request: Request) -> Response:
        return JSONResponse({"resource": str(resource_url), "authorization_servers": [issuer_url]})

    routes: list[BaseRoute] = [
        Route("/api/public", endpoint=public, methods=["GET"]),
        Route(
            api_path,
            endpoint=RequireAuthMiddleware(_me, scopes, build_resource_metadata_url(resource_url)),
            methods=["GET"],
        ),
    ]
    routes.extend(
        create_protected_resource_routes(
            resource_url=resource_url,
            authorization_servers=[AnyHttpUrl(issuer_url)],
            scopes_supported=list(settings.valid_scopes),
            resource_name="authkit notes API",
        )
    )
    middleware = [
        Middleware(AuthenticationMiddleware, backend=BearerAuthBackend(verifier)),
        Middleware(AuthContextMiddleware),
    ]
    return Starlette(routes=routes, middleware=middleware)
