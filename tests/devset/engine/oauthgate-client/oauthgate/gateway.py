"""Wiring settings into providers, transports and a session pool."""

from __future__ import annotations

from datetime import timedelta

from .handlers import HeadlessAuthorizer, LoopbackReceiver
from .httpfactory import PooledClientFactory, resolve_factory
from .pool import SessionPool
from .provider import AuthMode, GateProvider, build_client_metadata, build_provider
from .settings import GatewaySettings, ServerEntry
from .storage import FileTokenStorage
from .transport import SessionIdTracker, opener_for


def provider_for(
    settings: GatewaySettings,
    entry: ServerEntry,
    *,
    mode: AuthMode = "loopback",
    receiver: LoopbackReceiver | None = None,
    authorizer: HeadlessAuthorizer | None = None,
) -> GateProvider | None:
    if not entry.use_oauth or entry.url is None:
        return None
    metadata = build_client_metadata(
        settings.client_name,
        settings.callback.redirect_uri,
        scopes=entry.scopes,
        client_uri=settings.client_uri,
    )
    storage = FileTokenStorage(settings.token_path, entry.url)
    return build_provider(entry.url, storage, metadata, mode=mode, receiver=receiver, authorizer=authorizer)


def build_pool(
    settings: GatewaySettings,
    *,
    factory: PooledClientFactory | None = None,
    mode: AuthMode = "loopback",
    receiver: LoopbackReceiver | None = None,
    authorizer: HeadlessAuthorizer | None = None,
    tracker: SessionIdTracker | None = None,
) -> SessionPool:
    pool = SessionPool(
        read_timeout=timedelta(seconds=max(entry.timeout for entry in settings.servers.values()) if settings.servers else 30),
        max_reconnects=settings.max_reconnects,
    )
    client_factory = resolve_factory(factory)
    for name, entry in settings.servers.items():
        provider = provider_for(settings, entry, mode=mode, receiver=receiver, authorizer=authorizer)
        pool.register(name, opener_for(entry, auth=provider, factory=client_factory, tracker=tracker))
    return pool
