"""The notes vault MCP server."""

from __future__ import annotations

from dataclasses import dataclass, field

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.provider import TokenVerifier
from mcp.server.auth.settings import AuthSettings, ClientRegistrationOptions, RevocationOptions
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_REQUEST, ErrorData
from starlette.requests import Request
from starlette.responses import JSONResponse

from .config import READ_SCOPE, WRITE_SCOPE, VaultConfig
from .provider import InMemoryOAuthProvider

INSTRUCTIONS = "Private notes. Use list_notes before reading; add_note needs the notes:write scope."


@dataclass
class NoteStore:
    notes: dict[str, dict[str, str]] = field(default_factory=dict)

    def for_owner(self, owner: str) -> dict[str, str]:
        return self.notes.setdefault(owner, {})


store = NoteStore()


def _auth_settings(config: VaultConfig) -> AuthSettings:
    return AuthSettings(
        issuer_url=config.issuer,  # type: ignore[arg-type]
        resource_server_url=f"{config.issuer}/mcp",  # type: ignore[arg-type]
        client_registration_options=ClientRegistrationOptions(
            enabled=True,
            valid_scopes=config.scopes,
            default_scopes=[READ_SCOPE],
        ),
        revocation_options=RevocationOptions(enabled=True),
        required_scopes=[READ_SCOPE],
    )


def _owner() -> str:
    token = get_access_token()
    if token is None:
        # Only reachable when the server is run without auth (e.g. stdio).
        return "anonymous"
    return token.subject or token.client_id


def _require_scope(scope: str) -> None:
    token = get_access_token()
    if token is None or scope not in token.scopes:
        raise McpError(ErrorData(code=INVALID_REQUEST, message=f"missing scope {scope}"))


def register(server: FastMCP) -> FastMCP:
    @server.tool()
    async def whoami(ctx: Context) -> dict[str, object]:
        """Describe the caller as seen by the vault."""
        token = get_access_token()
        return {
            "client_id": token.client_id if token else None,
            "scopes": token.scopes if token else [],
            "subject": token.subject if token else None,
            "request_client_id": ctx.client_id,
        }

    @server.tool()
    def list_notes() -> list[str]:
        """Titles of the caller's notes."""
        return sorted(store.for_owner(_owner()))

    @server.tool()
    def add_note(title: str, body: str) -> str:
        """Store a note (requires notes:write)."""
        _require_scope(WRITE_SCOPE)
        store.for_owner(_owner())[title] = body
        return f"saved {title}"

    @server.resource("notes://{title}", mime_type="text/markdown")
    def read_note(title: str) -> str:
        notes = store.for_owner(_owner())
        if title not in notes:
            raise ValueError(f"no note named {title}")
        return notes[title]

    @server.custom_route("/healthz", methods=["GET"])
    async def healthz(request: Request) -> JSONResponse:
        settings = server.settings
        return JSONResponse(
            {
                "status": "ok",
                "name": server.name,
                "streamable_http_path": settings.streamable_http_path,
                "sse_path": settings.sse_path,
                "message_path": settings.message_path,
                "json_response": settings.json_response,
                "stateless": settings.stateless_http,
            }
        )

    return server


def build_server(config: VaultConfig, provider: InMemoryOAuthProvider | None = None) -> FastMCP:
    """Full deployment: the vault is its own authorization server."""
    server = FastMCP(
        "notes-vault",
        INSTRUCTIONS,
        auth_server_provider=provider or InMemoryOAuthProvider(config),
        auth=_auth_settings(config),
        host=config.host,
        port=config.port,
        streamable_http_path="/mcp",
        sse_path="/sse",
        message_path="/messages/",
        json_response=True,
        transport_security=TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=config.allowed_hosts,
            allowed_origins=[f"http://{h}" for h in config.allowed_hosts],
        ),
    )
    return register(server)


def build_resource_server(config: VaultConfig, verifier: TokenVerifier) -> FastMCP:
    """Resource-server-only deployment, validating tokens issued elsewhere."""
    server = FastMCP(
        name="notes-vault-rs",
        instructions=INSTRUCTIONS,
        token_verifier=verifier,
        auth=AuthSettings(
            issuer_url=config.issuer,  # type: ignore[arg-type]
            resource_server_url=f"{config.issuer}/mcp",  # type: ignore[arg-type]
            required_scopes=[READ_SCOPE],
        ),
        stateless_http=True,
        json_response=True,
        host="0.0.0.0",
        port=config.port,
    )
    return register(server)
