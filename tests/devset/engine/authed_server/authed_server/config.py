from __future__ import annotations

import os
from dataclasses import dataclass, field

READ_SCOPE = "notes:read"
WRITE_SCOPE = "notes:write"


@dataclass(frozen=True)
class VaultConfig:
    issuer: str = "http://localhost:8765"
    host: str = "127.0.0.1"
    port: int = 8765
    scopes: list[str] = field(default_factory=lambda: [READ_SCOPE, WRITE_SCOPE])
    token_ttl: int = 3600
    allowed_hosts: list[str] = field(default_factory=lambda: ["localhost:*", "127.0.0.1:*", "testserver"])

    @classmethod
    def from_env(cls) -> "VaultConfig":
        port = int(os.environ.get("VAULT_PORT", "8765"))
        return cls(
            issuer=os.environ.get("VAULT_ISSUER", f"http://localhost:{port}"),
            host=os.environ.get("VAULT_HOST", "127.0.0.1"),
            port=port,
        )
