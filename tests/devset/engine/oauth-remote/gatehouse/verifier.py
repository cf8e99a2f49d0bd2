"""Token verifiers plugged into the FastMCP resource server."""

from __future__ import annotations

import logging
import time
from collections import Counter

from pydantic import AnyHttpUrl

from mcp.server.auth.provider import AccessToken, TokenVerifier
from mcp.shared.auth_utils import check_resource_allowed, resource_url_from_server_url

from gatehouse.tokens import TokenCodec, TokenRejected

logger = logging.getLogger(__name__)


class GatehouseAccessToken(AccessToken):
    """Access token enriched with the tenant the user belongs to."""

    tenant: str | None = None


class JWTTokenVerifier(TokenVerifier):
    """Checks signature, expiry, RFC 8707 audience and the baseline scopes."""

    def __init__(
        self,
        codec: TokenCodec,
        resource_server_url: str | AnyHttpUrl,
        required_scopes: list[str] | None = None,
        *,
        clock_skew: int = 0,
    ):
        self.codec = codec
        self.resource = resource_url_from_server_url(resource_server_url)
        self.required_scopes = list(required_scopes or [])
        self.clock_skew = clock_skew
        self.rejections: Counter[str] = Counter()

    def _reject(self, reason: str) -> None:
        self.rejections[reason] += 1
        logger.info("rejected bearer token: %s", reason)

    async def verify_token(self, token: str) -> AccessToken | None:
        try:
            claims = self.codec.decode(token, verify_exp=False)
        except TokenRejected as exc:
            self._reject(exc.reason)
            return None
        if claims.expires_at + self.clock_skew <= int(time.time()):
            self._reject("expired")
            return None
        if not check_resource_allowed(requested_resource=self.resource, configured_resource=claims.audience):
            self._reject("audience")
            return None
        if not claims.has_scopes(self.required_scopes):
            self._reject("scope")
            return None
        tenant = claims.extra.get("tenant")
        return GatehouseAccessToken(
            token=token,
            client_id=claims.client_id,
            scopes=claims.scopes,
            expires_at=claims.expires_at,
            resource=claims.audience,
            subject=claims.subject,
            claims={"iss": claims.issuer, "jti": claims.token_id, **claims.extra},
            tenant=str(tenant) if tenant is not None else None,
        )
