"""HS256 bearer tokens issued by the dev authorization server (no MCP in here)."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import jwt

RESERVED_CLAIMS = ("sub", "client_id", "scope", "aud", "iss", "exp", "iat", "jti")


class TokenRejected(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TokenClaims:
    subject: str
    client_id: str
    scopes: list[str]
    audience: str
    issuer: str
    expires_at: int
    issued_at: int = field(default_factory=lambda: int(time.time()))
    token_id: str = field(default_factory=lambda: secrets.token_hex(8))
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= int(time.time())

    def has_scopes(self, required: list[str]) -> bool:
        return all(scope in self.scopes for scope in required)

    def to_dict(self) -> dict[str, Any]:
        """Summary used by the admin endpoints and logs."""
        return {
            "sub": self.subject,
            "clientId": self.client_id,
            "scopes": list(self.scopes),
            "aud": self.audience,
            "expiresAt": self.expires_at,
            "isExpired": self.is_expired,
        }


class TokenCodec:
    algorithm = "HS256"

    def __init__(self, secret: str, issuer: str, *, default_ttl: int = 900):
        if len(secret) < 16:
            raise ValueError("token secret must be at least 16 characters")
        self._secret = secret
        self.issuer = issuer
        self.default_ttl = default_ttl

    def issue(
        self, subject: str, client_id: str, scopes: list[str], audience: str, ttl: int | None = None, **extra: Any
    ) -> tuple[str, TokenClaims]:
        now = int(time.time())
        claims = TokenClaims(
            subject, client_id, list(scopes), audience, self.issuer,
            expires_at=now + (self.default_ttl if ttl is None else ttl), issued_at=now, extra=dict(extra),
        )  # fmt: skip
        payload = dict(
            claims.extra, sub=subject, client_id=client_id, scope=" ".join(claims.scopes), aud=audience,
            iss=self.issuer, exp=claims.expires_at, iat=now, jti=claims.token_id,
        )  # fmt: skip
        return jwt.encode(payload, self._secret, algorithm=self.algorithm), claims

    def decode(self, token: str, *, verify_exp: bool = True) -> TokenClaims:
        try:
            payload = jwt.decode(
                token,
                self._secret,
                algorithms=[self.algorithm],
                issuer=self.issuer,
                options={"verify_aud": False, "verify_exp": verify_exp},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenRejected("expired") from exc
        except jwt.PyJWTError as exc:
            raise TokenRejected(f"malformed: {exc}") from exc
        return TokenClaims(
            subject=str(payload["sub"]),
            client_id=str(payload["client_id"]),
            scopes=str(payload.get("scope", "")).split(),
            audience=str(payload["aud"]),
            issuer=str(payload["iss"]),
            expires_at=int(payload["exp"]),
            issued_at=int(payload.get("iat", 0)),
            token_id=str(payload.get("jti", "")),
            extra={k: v for k, v in payload.items() if k not in RESERVED_CLAIMS},
        )
