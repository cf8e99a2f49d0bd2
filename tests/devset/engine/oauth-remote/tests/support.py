"""Shared fixtures: an in-process deployment reachable through httpx."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.applications import Starlette

from mcp.server.auth.middleware.auth_context import auth_context_var
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken
from mcp.server.fastmcp import FastMCP

from gatehouse.app import create_app
from gatehouse.authserver import DevAuthorizationServer
from gatehouse.server import WorkspaceState, build_server
from gatehouse.settings import DeploymentSettings, ScopeSet
from gatehouse.tokens import TokenCodec
from gatehouse.verifier import JWTTokenVerifier

ISSUER = "https://auth.gatehouse.test"
MCP_ORIGIN = "http://127.0.0.1:8765"
MCP_URL = f"{MCP_ORIGIN}/mcp"
SECRET = "unit-test-secret-0123456789abcdef"


def make_settings(**overrides: object) -> DeploymentSettings:
    settings = DeploymentSettings(issuer_url=ISSUER, token_secret=SECRET, required_scopes=ScopeSet(["mcp:read"]))
    for key, value in overrides.items():
        setattr(settings, key, value)
    return settings


def make_codec() -> TokenCodec:
    return TokenCodec(SECRET, ISSUER)


@dataclass
class Deployment:
    settings: DeploymentSettings
    codec: TokenCodec
    verifier: JWTTokenVerifier
    auth_server: DevAuthorizationServer
    mcp: FastMCP[WorkspaceState]
    app: Starlette
    auth_app: Starlette

    def client_factory(
        self,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        """Drop-in for ``create_mcp_http_client`` routing both hosts in-process."""
        return httpx.AsyncClient(
            mounts={
                MCP_ORIGIN: httpx.ASGITransport(app=self.app),
                ISSUER: httpx.ASGITransport(app=self.auth_app),
            },
            headers=headers,
            timeout=timeout or httpx.Timeout(10.0),
            auth=auth,
            follow_redirects=True,
        )


def make_deployment() -> Deployment:
    settings = make_settings()
    codec = make_codec()
    verifier = JWTTokenVerifier(codec, settings.resource, settings.required_scopes.root)
    auth_server = DevAuthorizationServer(ISSUER, codec, settings.resource)
    mcp = build_server(settings, verifier)
    app = create_app(settings, mcp)
    return Deployment(settings, codec, verifier, auth_server, mcp, app, auth_server.app())


def rsa_keypair() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM,
        serialization.PublicFormat.SubjectPublicKeyInfo,
    ).decode()
    return private_pem, public_pem


def act_as(token: AccessToken) -> None:
    """Make ``token`` the authenticated user for in-memory sessions."""
    auth_context_var.set(AuthenticatedUser(token))
