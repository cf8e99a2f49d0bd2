"""FastMCP vault server protected by bearer tokens."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.auth.settings import AuthSettings
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import FastMCPError
from mcp.server.fastmcp.prompts.base import Prompt
from mcp.server.fastmcp.resources import FileResource, TextResource
from mcp.shared.exceptions import McpError
from mcp.shared.progress import progress
from mcp.types import INVALID_REQUEST, ErrorData, LoggingLevel
from pydantic import AnyHttpUrl, AnyUrl

from gatekeeper.tokens import StaticTokenVerifier

TOKENS: dict[str, tuple[str, list[str], int | None]] = {
    "tok-reader": ("ci-runner", ["vault:read"], None),
    "tok-admin": ("ops-console", ["vault:read", "vault:write"], None),
    "tok-expired": ("old-cli", ["vault:read"], 1),
}

SECRETS: dict[str, str] = {"db-password": "hunter2", "api-key": "sk-live-123"}
AUDIT: list[str] = []
LOG_LEVEL: dict[str, LoggingLevel] = {"current": "info"}

vault = FastMCP(
    "gatekeeper",
    "Scoped access to deployment secrets. Every read is audited.",
    token_verifier=StaticTokenVerifier(TOKENS),
    auth=AuthSettings(
        issuer_url=AnyHttpUrl("https://auth.example.com"),
        resource_server_url=AnyHttpUrl("https://vault.example.com/mcp"),
        required_scopes=["vault:read"],
    ),
    host="0.0.0.0",
    port=9443,
    stateless_http=True,
)


class VaultError(FastMCPError):
    """Raised for vault-level failures."""


def _require(scope: str) -> str:
    token = get_access_token()
    if token is None or scope not in token.scopes:
        raise McpError(ErrorData(code=INVALID_REQUEST, message=f"missing scope {scope}"))
    return token.client_id


@vault.tool()
async def read_secret(name: str, ctx: Context) -> str:
    """Return a secret value (requires vault:read)."""
    who = _require("vault:read")
    if name not in SECRETS:
        raise VaultError(f"no secret named {name}")
    AUDIT.append(f"{who} read {name} (request {ctx.request_id})")
    await ctx.info(f"secret {name} read by {who}")
    return SECRETS[name]


@vault.tool()
async def rotate_secret(name: str, ctx: Context) -> str:
    """Rotate a secret in three steps (requires vault:write)."""
    who = _require("vault:write")
    with progress(ctx.request_context, total=3) as p:
        await p.progress(1, message="generating")
        new_value = hashlib.sha256(f"{name}:{SECRETS.get(name, '')}".encode()).hexdigest()[:16]
        await p.progress(1, message="storing")
        SECRETS[name] = new_value
        await p.progress(1, message="done")
    AUDIT.append(f"{who} rotated {name}")
    return f"rotated {name}"


@vault.tool()
def audit_count() -> int:
    return len(AUDIT)


def access_review(team: str, days: int = 30) -> str:
    """Review who accessed secrets recently."""
    return f"List every secret read by team {team} in the last {days} days and flag unusual access."


vault.add_prompt(Prompt.from_function(access_review, name="access_review", title="Access review"))
vault.add_resource(
    TextResource(uri=AnyUrl("vault://policy"), name="policy", text="secrets rotate every 90 days", mime_type="text/plain")
)


def publish_keyring(path: Path) -> FileResource:
    """Expose an on-disk keyring file as a binary resource."""
    resource = FileResource(
        uri=AnyUrl(f"file://{path.resolve()}"),
        path=path.resolve(),
        name="keyring",
        mime_type="application/octet-stream",
        is_binary=True,
    )
    vault.add_resource(resource)
    return resource


@vault._mcp_server.set_logging_level()  # pyright: ignore[reportPrivateUsage]
async def set_level(level: LoggingLevel) -> None:
    LOG_LEVEL["current"] = level
