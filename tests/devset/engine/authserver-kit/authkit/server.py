"""FastMCP server with authkit's OAuth provider, scope-checked tools and consent routes."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from pydantic import AnyHttpUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.routes import build_metadata
from mcp.server.auth.settings import AuthSettings, ClientRegistrationOptions, RevocationOptions
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.session import ServerSession
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_REQUEST, CallToolResult, ErrorData, TextContent, ToolAnnotations

from authkit.audit import AuditLog
from authkit.config import KitSettings
from authkit.provider import InMemoryOAuthProvider, client_auth_method
from authkit.routes import consent_endpoints, introspection_endpoint

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]

READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)
DESTRUCTIVE = ToolAnnotations(readOnlyHint=False, destructiveHint=True, idempotentHint=True, openWorldHint=False)
ADMIN_SCOPE = "authkit:admin"

INSTRUCTIONS = (
    "Tools on this server act on behalf of the OAuth client that presented the bearer token. "
    "Call whoami first to see which scopes were granted."
)


def require_scopes(*scopes: str) -> AccessToken:
    """Return the caller's token or fail the tool call with an insufficient_scope error."""
    token = get_access_token()
    if token is None:
        raise McpError(ErrorData(code=INVALID_REQUEST, message="authentication required"))
    missing = [scope for scope in scopes if scope not in token.scopes]
    if missing:
        raise McpError(
            ErrorData(
                code=INVALID_REQUEST,
                message=f"insufficient_scope: requires {' '.join(missing)}",
                data={"required": list(scopes), "granted": token.scopes},
            )
        )
    return token


def build_auth_settings(settings: KitSettings, issuer_url: str | None = None) -> AuthSettings:
    return AuthSettings(
        issuer_url=AnyHttpUrl(issuer_url or settings.issuer_url),
        resource_server_url=AnyHttpUrl(settings.resource_server_url),
        service_documentation_url=AnyHttpUrl(settings.docs_url) if settings.docs_url else None,
        required_scopes=list(settings.required_scopes),
        client_registration_options=ClientRegistrationOptions(
            enabled=True,
            valid_scopes=list(settings.valid_scopes),
            default_scopes=list(settings.required_scopes),
        ),
        revocation_options=RevocationOptions(enabled=True),
    )


@dataclass
class KitServer:
    mcp: FastMCP
    settings: KitSettings
    provider: InMemoryOAuthProvider | None
    audit: AuditLog
    notes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def build_server(
    settings: KitSettings,
    provider: InMemoryOAuthProvider | None = None,
    *,
    token_verifier: TokenVerifier | None = None,
    issuer_url: str | None = None,
    name: str = "authkit",
) -> KitServer:
    """Build the FastMCP server.

    With no `token_verifier` the server is its own authorization server
    (an `InMemoryOAuthProvider` is created if none is passed). With a
    verifier it acts purely as a resource server for `issuer_url`.
    """
    if token_verifier is None and provider is None:
        provider = InMemoryOAuthProvider(settings)
    audit = provider.audit if provider is not None else AuditLog()

    mcp = FastMCP(
        name,
        INSTRUCTIONS,
        auth_server_provider=provider if token_verifier is None else None,
        token_verifier=token_verifier,
        auth=build_auth_settings(settings, issuer_url),
        host=settings.host,
        port=settings.port,
        streamable_http_path=settings.mcp_path,
        sse_path=settings.sse_path,
        message_path=settings.message_path,
        json_response=settings.json_response,
        stateless_http=settings.stateless_http,
        log_level=cast(LogLevel, settings.log_level.upper()),
        transport_security=TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=list(settings.allowed_hosts),
            allowed_origins=[settings.origin],
        ),
    )
    kit = KitServer(mcp=mcp, settings=settings, provider=provider, audit=audit)
    _register_tools(kit)
    _register_resources(kit)
    _register_routes(kit)
    return kit


def _register_tools(kit: KitServer) -> None:
    mcp = kit.mcp

    @mcp.tool(title="Who am I", annotations=READ_ONLY)
    async def whoami(ctx: Context[ServerSession, None]) -> dict[str, Any]:
        """Describe the access token used for this call."""
        token = require_scopes()
        await ctx.info(f"whoami for client {token.client_id}")
        return {
            "client_id": token.client_id,
            "subject": token.subject,
            "scopes": token.scopes,
            "expires_at": token.expires_at,
            "resource": token.resource,
            "server": ctx.fastmcp.name,
            "request_id": ctx.request_id,
        }

    @mcp.tool(annotations=READ_ONLY)
    def server_info() -> dict[str, Any]:
        """Where this server listens and which scopes every call needs."""
        auth = mcp.settings.auth
        ctx = mcp.get_context()
        return {
            "request_id": ctx.request_id,
            "issuer": str(auth.issuer_url) if auth else None,
            "required_scopes": (auth.required_scopes or []) if auth else [],
            "host": mcp.settings.host,
            "port": mcp.settings.port,
            "streamable_http_path": mcp.settings.streamable_http_path,
            "sse_path": mcp.settings.sse_path,
            "stateless": mcp.settings.stateless_http,
        }

    @mcp.tool()
    async def add_note(title: str, body: str, ctx: Context[ServerSession, None]) -> dict[str, Any]:
        """Store a note owned by the token's subject."""
        token = require_scopes("notes:write")
        owner = token.subject or token.client_id
        note = {"id": len(kit.notes.get(owner, [])) + 1, "title": title, "body": body, "created": time.time()}
        kit.notes.setdefault(owner, []).append(note)
        await ctx.report_progress(1, 1, message="stored")
        await ctx.log("debug", message=f"note {note['id']} stored for {owner}", logger_name="authkit.notes")
        return note

    @mcp.tool(annotations=READ_ONLY)
    def list_notes(contains: str | None = None) -> list[dict[str, Any]]:
        """Notes owned by the caller, optionally filtered by a substring."""
        token = require_scopes("notes:read")
        owner = token.subject or token.client_id
        notes = kit.notes.get(owner, [])
        if contains:
            notes = [n for n in notes if contains.lower() in (n["title"] + n["body"]).lower()]
        return notes

    @mcp.tool(annotations=READ_ONLY)
    def audit_events(cursor: str | None = None, limit: int = 10) -> dict[str, Any]:
        """Page through the token audit trail (admin only)."""
        require_scopes(ADMIN_SCOPE)
        try:
            return kit.audit.page(cursor, limit=limit)
        except ValueError as exc:
            raise ToolError(str(exc)) from exc

    provider = kit.provider
    if provider is None:
        return

    @mcp.tool(annotations=READ_ONLY)
    def list_clients() -> list[dict[str, Any]]:
        """Registered OAuth clients (admin only)."""
        require_scopes(ADMIN_SCOPE)
        return [
            {
                "client_id": client_id,
                "client_name": info.client_name,
                "auth_method": client_auth_method(info),
                "scope": info.scope,
                "redirect_uris": [str(uri) for uri in info.redirect_uris or []],
            }
            for client_id, info in sorted(provider.clients.items())
        ]

    @mcp.tool(annotations=DESTRUCTIVE)
    async def revoke_client(client_id: str, ctx: Context[ServerSession, None]) -> CallToolResult:
        """Revoke every token issued to a client (admin only)."""
        caller = require_scopes(ADMIN_SCOPE)
        if client_id == caller.client_id:
            raise ToolError("refusing to revoke the calling client's own tokens")
        revoked = await provider.revoke_client(client_id)
        await ctx.warning(f"revoked {revoked} token(s) for {client_id}")
        return CallToolResult(
            content=[TextContent(type="text", text=f"revoked {revoked} token(s) for {client_id}")],
            structuredContent={"client_id": client_id, "revoked": revoked},
            isError=revoked == 0,
        )

    @mcp.tool(annotations=READ_ONLY)
    async def introspect_token(token: str) -> dict[str, Any]:
        """RFC 7662 view of an access token (admin only)."""
        require_scopes(ADMIN_SCOPE)
        return await provider.introspect(token)


def _register_resources(kit: KitServer) -> None:
    mcp = kit.mcp
    settings = kit.settings

    @mcp.resource("authkit://metadata", mime_type="application/json", title="Authorization server metadata")
    def oauth_metadata() -> str:
        auth = build_auth_settings(settings)
        assert auth.client_registration_options is not None and auth.revocation_options is not None
        metadata = build_metadata(
            auth.issuer_url,
            auth.service_documentation_url,
            auth.client_registration_options,
            auth.revocation_options,
        )
        return metadata.model_dump_json(exclude_none=True)

    provider = kit.provider
    if provider is None:
        return

    @mcp.resource("authkit://clients/{client_id}", mime_type="application/json")
    async def client_record(client_id: str) -> str:
        require_scopes(ADMIN_SCOPE)
        info = await provider.get_client(client_id)
        if info is None:
            raise ValueError(f"unknown client {client_id}")
        return info.model_dump_json(exclude={"client_secret"}, exclude_none=True)

    @mcp.prompt(title="Explain a consent request")
    def consent_summary(client_name: str, scopes: str) -> list[Message]:
        """Ask the model to explain, in plain words, what a client is asking for."""
        listed = ", ".join(scopes.split()) or "no scopes"
        return [
            UserMessage(f"The application {client_name!r} is requesting: {listed}. What can it do with that?"),
            AssistantMessage("Here is what each permission allows:"),
        ]


def _register_routes(kit: KitServer) -> None:
    mcp = kit.mcp
    settings = kit.settings

    @mcp.custom_route("/healthz", methods=["GET"])
    async def healthz(request: Request) -> Response:
        body: dict[str, Any] = {"status": "ok", "server": mcp.name, "settings": settings.to_public_dict()}
        if kit.provider is not None:
            body["provider"] = kit.provider.describe()
        return JSONResponse(body)

    provider = kit.provider
    if provider is None:
        return

    show_consent, submit_consent = consent_endpoints(provider)
    mcp.custom_route("/consent", methods=["GET"])(show_consent)
    mcp.custom_route("/consent", methods=["POST"], name="consent-submit")(submit_consent)
    mcp.custom_route("/introspect", methods=["POST"])(introspection_endpoint(provider))


def dump_tool_result(result: CallToolResult) -> str:
    """Compact, log-friendly rendering of a tool result."""
    texts = [block.text for block in result.content if isinstance(block, TextContent)]
    return json.dumps({"isError": result.isError, "text": texts, "structured": result.structuredContent})
