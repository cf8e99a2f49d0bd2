"""The OAuth-protected FastMCP server."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import AnyHttpUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_REQUEST, ErrorData, Icon, LoggingLevel, ToolAnnotations

from gatehouse.settings import DeploymentSettings

logger = logging.getLogger(__name__)

LOGO = Icon(src="https://gatehouse.test/static/logo.svg", mimeType="image/svg+xml", sizes=["any"])


@dataclass
class WorkspaceState:
    notes: dict[str, list[str]] = field(default_factory=dict)
    audit: list[dict[str, Any]] = field(default_factory=list)
    client_log_level: LoggingLevel = "info"

    def record(self, action: str, token: AccessToken) -> None:
        self.audit.append({"action": action, "clientId": token.client_id, "subject": token.subject})


GatehouseContext = Context[ServerSession, WorkspaceState, Request]


def principal_from_context(ctx: Context[ServerSession, Any, Request]) -> AccessToken | None:
    """Return the access token of the caller.

    Over HTTP the Starlette request carries the authenticated user; for other
    transports we fall back to the auth context variable.
    """
    request = ctx.request_context.request
    if request is not None:
        user = request.scope.get("user")
        if isinstance(user, AuthenticatedUser):
            return user.access_token
    return get_access_token()


def owner_of(token: AccessToken) -> str:
    return token.subject or token.client_id


def require_scopes(token: AccessToken | None, *scopes: str) -> AccessToken:
    if token is None:
        raise ToolError("authentication required")
    missing = [scope for scope in scopes if scope not in token.scopes]
    if missing:
        raise McpError(
            ErrorData(
                code=INVALID_REQUEST,
                message=f"insufficient_scope: {' '.join(missing)}",
                data={"required": list(scopes), "granted": token.scopes},
            )
        )
    return token


def build_server(settings: DeploymentSettings, verifier: TokenVerifier) -> FastMCP[WorkspaceState]:
    state = WorkspaceState()

    @asynccontextmanager
    async def lifespan(_: FastMCP[WorkspaceState]) -> AsyncIterator[WorkspaceState]:
        # stateless HTTP enters the lifespan per request, so the state lives outside
        yield state

    mcp = FastMCP(
        settings.name,
        "Personal notes behind OAuth. Call `whoami` to see which identity you are using.",
        icons=[LOGO],
        token_verifier=verifier,
        auth=AuthSettings(
            issuer_url=AnyHttpUrl(settings.issuer_url),
            resource_server_url=AnyHttpUrl(settings.resource),
            required_scopes=settings.required_scopes.root,
        ),
        host=settings.host,
        port=settings.port,
        streamable_http_path=settings.streamable_http_path,
        json_response=settings.json_response,
        stateless_http=settings.stateless_http,
        lifespan=lifespan,
        log_level="WARNING",
    )

    @mcp.custom_route("/healthz", methods=["GET"])
    async def healthz(request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "server": mcp.name,
                "stateless": mcp.settings.stateless_http,
                "notes": sum(len(v) for v in state.notes.values()),
            }
        )

    @mcp.custom_route("/.well-known/gatehouse.json", methods=["GET"])
    async def manifest(request: Request) -> Response:
        body = settings.to_manifest()
        body["mcpEndpoint"] = mcp.settings.streamable_http_path
        return JSONResponse(body)

    @mcp.tool(title="Who am I", annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    async def whoami(ctx: GatehouseContext) -> dict[str, Any]:
        """Describe the identity behind the current bearer token."""
        token = principal_from_context(ctx)
        if token is None:
            raise ToolError("authentication required")
        await ctx.info(f"whoami called by {token.client_id}")
        return {
            "clientId": token.client_id,
            "subject": token.subject,
            "scopes": sorted(token.scopes),
            "expiresAt": token.expires_at,
            "tenant": getattr(token, "tenant", None),
            "metaClientId": ctx.client_id,
            "server": ctx.fastmcp.name,
        }

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
    def granted_scopes() -> list[str]:
        """List the scopes granted to the caller."""
        ctx = mcp.get_context()
        token = principal_from_context(ctx)
        return sorted(token.scopes) if token else []

    @mcp.tool(annotations=ToolAnnotations(destructiveHint=False, idempotentHint=False))
    async def add_note(text: str, ctx: GatehouseContext) -> str:
        """Store a note for the calling user (needs `notes:write`)."""
        token = require_scopes(principal_from_context(ctx), "notes:write")
        workspace = ctx.request_context.lifespan_context
        bucket = workspace.notes.setdefault(owner_of(token), [])
        bucket.append(text.strip())
        workspace.record("add_note", token)
        await ctx.report_progress(1, 1, "stored")
        await ctx.log(level="info", message=f"note {len(bucket)} stored", logger_name="gatehouse.notes")
        return f"note #{len(bucket)} stored for {owner_of(token)}"

    @mcp.tool()
    async def list_notes(ctx: GatehouseContext, limit: int = 10) -> list[str]:
        """Return the caller's most recent notes (needs `notes:read`)."""
        token = require_scopes(principal_from_context(ctx), "notes:read")
        notes = ctx.request_context.lifespan_context.notes.get(owner_of(token), [])
        return notes[-limit:]

    @mcp.resource("notes://{owner}/latest", mime_type="text/plain", title="Latest note")
    def latest_note(owner: str) -> str:
        notes = state.notes.get(owner)
        if not notes:
            raise ValueError(f"no notes for {owner}")
        return notes[-1]

    @mcp.resource("gatehouse://deployment", mime_type="application/json")
    def deployment() -> str:
        return json.dumps(settings.to_manifest(), sort_keys=True)

    @mcp.prompt(title="Summarize notes")
    def summarize_notes(owner: str, style: str = "bullet points") -> list[Message]:
        notes = state.notes.get(owner, [])
        joined = "\n".join(f"- {n}" for n in notes) or "(no notes)"
        return [
            UserMessage(f"Summarize these notes for {owner} as {style}:\n{joined}"),
            AssistantMessage("Here is a short summary:"),
        ]

    @mcp._mcp_server.set_logging_level()
    async def set_level(level: LoggingLevel) -> None:
        state.client_log_level = level
        logger.debug("client requested log level %s", level)

    return mcp
