"""Client side of gatehouse: token storage, OAuth providers and sessions."""

from gatehouse.client.auth import client_credentials_provider, interactive_provider, private_key_jwt_provider
from gatehouse.client.session import ConnectOptions, RemoteSession, connect
from gatehouse.client.storage import FileTokenStorage, InMemoryTokenStorage

__all__ = ["ConnectOptions", "FileTokenStorage", "InMemoryTokenStorage", "RemoteSession", "connect",
           "client_credentials_provider", "interactive_provider", "private_key_jwt_provider"]
