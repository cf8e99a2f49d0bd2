"""Development authorization server for local stacks and CI (not for production).

Dynamic client registration, authorization code + PKCE (auto-approving one
user), refresh tokens, and client credentials with ``client_secret_basic``,
``client_secret_post`` or ``private_key_jwt`` client authentication.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from urllib.parse import unquote, urlencode

import jwt
from pydantic import AnyHttpUrl, AnyUrl, ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from mcp.shared.auth import (
    InvalidRedirectUriError, InvalidScopeError, OAuthClientInformationFull, OAuthClientMetadata, OAuthMetadata,
    OAuthToken,
)

from gatehouse.tokens import TokenCodec

JWT_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _oauth_error(error: str, description: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


class DevAuthorizationServer:
    def __init__(self, issuer: str, codec: TokenCodec, default_resource: str, *, approve_as: str = "alice"):
        self.issuer = issuer.rstrip("/")
        self.codec = codec
        self.default_resource = default_resource
        self.approve_as = approve_as
        self.clients: dict[str, OAuthClientInformationFull] = {}
        self.public_keys: dict[str, str] = {}
        # code -> (client_id, scopes, code_challenge, resource)
        self.codes: dict[str, tuple[str, list[str], str, str | None]] = {}
        self.refresh_tokens: dict[str, tuple[str, str, list[str], str]] = {}
        self.token_requests: list[dict[str, str]] = []

    def metadata(self) -> OAuthMetadata:
        return OAuthMetadata(
            issuer=AnyHttpUrl(self.issuer),
            authorization_endpoint=AnyHttpUrl(f"{self.issuer}/authorize"),
            token_endpoint=AnyHttpUrl(f"{self.issuer}/token"),
            registration_endpoint=AnyHttpUrl(f"{self.issuer}/register"),
            scopes_supported=["mcp:read", "notes:read", "notes:write"],
            grant_types_supported=["authorization_code", "refresh_token", "client_credentials"],
            token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_post", "private_key_jwt"],
            code_challenge_methods_supported=["S256"],
        )

    def provision_client(
        self, client_id: str, *, scope: str, client_secret: str | None = None, public_key_pem: str | None = None
    ) -> OAuthClientInformationFull:
        """Register a machine client out of band."""
        info = OAuthClientInformationFull(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uris=None,
            grant_types=["client_credentials"],
            token_endpoint_auth_method="private_key_jwt" if public_key_pem else "client_secret_basic",
            scope=scope,
        )
        self.clients[client_id] = info
        if public_key_pem:
            self.public_keys[client_id] = public_key_pem
        return info

    async def discovery(self, request: Request) -> Response:
        return JSONResponse(self.metadata().model_dump(mode="json", exclude_none=True))

    async def register(self, request: Request) -> Response:
        try:
            metadata = OAuthClientMetadata.model_validate(await request.json())
        except ValidationError as exc:
            return _oauth_error("invalid_client_metadata", str(exc))
        method = metadata.token_endpoint_auth_method or "client_secret_basic"
        info = OAuthClientInformationFull(
            **metadata.model_dump(exclude={"token_endpoint_auth_method"}),
            token_endpoint_auth_method=method,
            client_id=f"dyn-{secrets.token_hex(6)}",
            client_secret=None if method == "none" else secrets.token_urlsafe(24),
            client_id_issued_at=int(time.time()),
        )
        self.clients[info.client_id or ""] = info
        return JSONResponse(info.model_dump(mode="json", exclude_none=True), status_code=201)

    async def authorize(self, request: Request) -> Response:
        params = request.query_params
        client = self.clients.get(params.get("client_id", ""))
        if client is None:
            return _oauth_error("invalid_client", "unknown client")
        try:
            redirect_uri = client.validate_redirect_uri(AnyUrl(params["redirect_uri"]))
            scopes = client.validate_scope(params.get("scope")) or []
        except (InvalidRedirectUriError, InvalidScopeError) as exc:
            return _oauth_error("invalid_request", exc.message)
        if params.get("code_challenge_method") != "S256":
            return _oauth_error("invalid_request", "PKCE S256 required")
        code = secrets.token_urlsafe(16)
        self.codes[code] = (client.client_id or "", scopes, params["code_challenge"], params.get("resource"))
        query = urlencode({"code": code, "state": params.get("state", "")})
        return RedirectResponse(f"{redirect_uri}?{query}", status_code=302)

    def _client_from_assertion(self, assertion: str) -> OAuthClientInformationFull | None:
        try:
            client_id = str(jwt.decode(assertion, options={"verify_signature": False}).get("iss", ""))
            key = self.public_keys[client_id]
            jwt.decode(assertion, key, algorithms=["RS256"], audience=[self.issuer, f"{self.issuer}/"])
        except (jwt.PyJWTError, KeyError):
            return None
        return self.clients.get(client_id)

    def _authenticate(self, request: Request, form: dict[str, str]) -> OAuthClientInformationFull | None:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            client = self.clients.get(unquote(client_id))
            return client if client and client.client_secret == unquote(secret) else None
        if form.get("client_assertion_type") == JWT_ASSERTION:
            return self._client_from_assertion(form.get("client_assertion", ""))
        client = self.clients.get(form.get("client_id", ""))
        if client is None or client.token_endpoint_auth_method == "none":
            return client
        return client if client.client_secret == form.get("client_secret") else None

    def _issue(self, subject: str, client_id: str, scopes: list[str], resource: str | None, refresh: bool) -> Response:
        audience = resource or self.default_resource
        access, claims = self.codec.issue(subject, client_id, scopes, audience, tenant="acme")
        refresh_token = secrets.token_urlsafe(24) if refresh else None
        if refresh_token:
            self.refresh_tokens[refresh_token] = (subject, client_id, scopes, audience)
        token = OAuthToken(
            access_token=access,
            expires_in=claims.expires_at - claims.issued_at,
            scope=" ".join(scopes),
            refresh_token=refresh_token,
        )
        return JSONResponse(token.model_dump(exclude_none=True), headers={"Cache-Control": "no-store"})

    async def token(self, request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        self.token_requests.append(form)
        client = self._authenticate(request, form)
        if client is None or client.client_id is None:
            return _oauth_error("unauthorized_client", "client authentication failed", status=401)
        grant = form.get("grant_type")
        if grant == "authorization_code":
            pending = self.codes.pop(form.get("code", ""), None)
            if pending is None or pending[0] != client.client_id:
                return _oauth_error("invalid_grant", "unknown code")
            if _s256(form.get("code_verifier", "")) != pending[2]:
                return _oauth_error("invalid_grant", "PKCE verification failed")
            return self._issue(self.approve_as, client.client_id, pending[1], pending[3], refresh=True)
        if grant == "refresh_token":
            stored = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
            if stored is None or stored[1] != client.client_id:
                return _oauth_error("invalid_grant", "unknown refresh token")
            return self._issue(stored[0], client.client_id, stored[2], stored[3], refresh=True)
        if grant == "client_credentials":
            try:
                scopes = client.validate_scope(form.get("scope")) or (client.scope or "").split()
            except InvalidScopeError as exc:
                return _oauth_error("invalid_scope", exc.message)
            return self._issue(client.client_id, client.client_id, scopes, form.get("resource"), refresh=False)
        return _oauth_error("unsupported_grant_type", f"grant {grant!r} not supported")

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/.well-known/oauth-authorization-server", self.discovery, methods=["GET"]),
                Route("/register", self.register, methods=["POST"]),
                Route("/authorize", self.authorize, methods=["GET"]),
                Route("/token", self.token, methods=["POST"]),
            ]
        )
