"""Out-of-band OAuth discovery (RFC 9728 + RFC 8414).

The provider performs discovery itself on the first 401, but the CLI's
``oauthgate doctor`` command wants to show what a server advertises before
any flow starts, and the pool uses it to pre-flight scope requirements.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx

from mcp.client.auth.utils import (
    build_oauth_authorization_server_metadata_discovery_urls,
    build_protected_resource_metadata_discovery_urls,
    create_oauth_metadata_request,
    extract_resource_metadata_from_www_auth,
    extract_scope_from_www_auth,
    get_client_metadata_scopes,
    handle_auth_metadata_response,
    handle_protected_resource_response,
)
from mcp.shared.auth import OAuthMetadata, ProtectedResourceMetadata
from mcp.shared.auth_utils import check_resource_allowed, resource_url_from_server_url

logger = logging.getLogger(__name__)


class DiscoveryError(RuntimeError):
    pass


@dataclass
class AuthServerProfile:
    server_url: str
    resource: ProtectedResourceMetadata | None
    authorization: OAuthMetadata
    challenge_scope: str | None = None

    @property
    def issuer(self) -> str:
        return str(self.authorization.issuer)

    @property
    def issuer_host(self) -> str | None:
        return self.authorization.issuer.host

    @property
    def supports_pkce(self) -> bool:
        methods = self.authorization.code_challenge_methods_supported or []
        return "S256" in methods

    @property
    def supports_dynamic_registration(self) -> bool:
        return self.authorization.registration_endpoint is not None

    @property
    def supports_client_metadata_documents(self) -> bool:
        return bool(self.authorization.client_id_metadata_document_supported)

    def requested_scope(self) -> str | None:
        return get_client_metadata_scopes(self.challenge_scope, self.resource, self.authorization)

    def resource_matches(self) -> bool:
        if self.resource is None:
            return True
        return check_resource_allowed(
            requested_resource=resource_url_from_server_url(self.server_url),
            configured_resource=str(self.resource.resource),
        )

    def issuer_is_advertised(self) -> bool:
        """Does the resource's list of authorization servers name this issuer?"""
        if self.resource is None:
            return True
        advertised = {str(url) for url in self.resource.authorization_servers}
        return self.issuer in advertised

    def summary(self) -> dict[str, object]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": str(self.authorization.authorization_endpoint),
            "token_endpoint": str(self.authorization.token_endpoint),
            "registration": self.supports_dynamic_registration,
            "pkce": self.supports_pkce,
            "scope": self.requested_scope(),
            "resource_ok": self.resource_matches(),
        }


def parse_protected_resource(raw: bytes | str) -> ProtectedResourceMetadata:
    return ProtectedResourceMetadata.model_validate_json(raw)


def parse_authorization_server(raw: bytes | str) -> OAuthMetadata:
    return OAuthMetadata.model_validate_json(raw)


def challenge_details(response: httpx.Response) -> tuple[str | None, str | None]:
    """``(resource_metadata_url, scope)`` from a 401 ``WWW-Authenticate`` header."""
    return extract_resource_metadata_from_www_auth(response), extract_scope_from_www_auth(response)


async def discover(http: httpx.AsyncClient, server_url: str) -> AuthServerProfile:
    """Probe ``server_url`` unauthenticated and walk the discovery chain."""
    probe = await http.post(
        server_url,
        json={"jsonrpc": "2.0", "id": 0, "method": "ping"},
        headers={"Accept": "application/json, text/event-stream"},
    )
    metadata_url, scope = challenge_details(probe) if probe.status_code == 401 else (None, None)

    resource: ProtectedResourceMetadata | None = None
    for url in build_protected_resource_metadata_discovery_urls(metadata_url, server_url):
        response = await http.send(create_oauth_metadata_request(url))
        resource = await handle_protected_resource_response(response)
        if resource is not None:
            break
        logger.debug("no protected resource metadata at %s", url)

    auth_server_url = str(resource.authorization_servers[0]) if resource else None
    for url in build_oauth_authorization_server_metadata_discovery_urls(auth_server_url, server_url):
        response = await http.send(create_oauth_metadata_request(url))
        keep_going, metadata = await handle_auth_metadata_response(response)
        if metadata is not None:
            return AuthServerProfile(server_url, resource, metadata, challenge_scope=scope)
        if not keep_going:
            break
    raise DiscoveryError(f"no authorization server metadata found for {server_url}")
