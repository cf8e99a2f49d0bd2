"""Client metadata used for dynamic client registration (RFC 7591)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AnyUrl

from mcp.shared.auth import InvalidScopeError, OAuthClientInformationFull, OAuthClientMetadata

SOFTWARE_ID = "gatehouse-cli"
SOFTWARE_VERSION = "0.6.2"

AuthMethod = Literal["none", "client_secret_post", "client_secret_basic"]


def loopback_redirect_uri(port: int, path: str = "/callback") -> AnyUrl:
    if not path.startswith("/"):
        path = "/" + path
    return AnyUrl(f"http://127.0.0.1:{port}{path}")


def build_client_metadata(
    client_name: str,
    redirect_uris: list[str | AnyUrl],
    *,
    scopes: list[str] | None = None,
    auth_method: AuthMethod = "client_secret_post",
    refresh: bool = True,
    contacts: list[str] | None = None,
) -> OAuthClientMetadata:
    grant_types: list[str] = ["authorization_code"]
    if refresh:
        grant_types.append("refresh_token")
    return OAuthClientMetadata(
        client_name=client_name,
        redirect_uris=[uri if isinstance(uri, AnyUrl) else AnyUrl(uri) for uri in redirect_uris],
        grant_types=grant_types,
        response_types=["code"],
        token_endpoint_auth_method=auth_method,
        scope=" ".join(scopes) if scopes else None,
        contacts=contacts,
        software_id=SOFTWARE_ID,
        software_version=SOFTWARE_VERSION,
    )


def summarize(metadata: OAuthClientMetadata) -> dict[str, Any]:
    """Short description of the metadata we send or the registration we got back."""
    summary: dict[str, Any] = {
        "client_name": metadata.client_name,
        "redirect_uris": [str(uri) for uri in metadata.redirect_uris or []],
        "grant_types": list(metadata.grant_types),
        "auth_method": metadata.token_endpoint_auth_method or "client_secret_basic",
        "scope": metadata.scope,
    }
    if isinstance(metadata, OAuthClientInformationFull):
        summary["client_id"] = metadata.client_id
        summary["confidential"] = metadata.client_secret is not None
    return summary


def allowed_scopes(metadata: OAuthClientMetadata, requested: str | None) -> list[str]:
    """Scopes from ``requested`` that the registration allows, dropping the rest."""
    if requested is None:
        return (metadata.scope or "").split()
    granted: list[str] = []
    for scope in requested.split():
        try:
            metadata.validate_scope(scope)
        except InvalidScopeError:
            continue
        granted.append(scope)
    return granted


def registration_matches(metadata: OAuthClientMetadata, stored: OAuthClientInformationFull | None) -> bool:
    """True when a stored registration can be reused for ``metadata``."""
    if stored is None or not stored.client_id:
        return False
    wanted = {str(uri) for uri in metadata.redirect_uris or []}
    have = {str(uri) for uri in stored.redirect_uris or []}
    return wanted <= have and set(metadata.grant_types) <= set(stored.grant_types)


def describe_for_cli(info: OAuthClientInformationFull) -> str:
    data = summarize(info)
    uris = ", ".join(data["redirect_uris"]) or "-"
    return f"{data['client_id']} ({data['auth_method']}) -> {uris}"
