"""Shared names for the transport rules."""

SHC = "mcp.client.streamable_http"
OLD_CLIENT = SHC + ".streamablehttp_client"
NEW_CLIENT = SHC + ".streamable_http_client"
CLIENTS = (OLD_CLIENT, NEW_CLIENT)
TRANSPORT = SHC + ".StreamableHTTPTransport"
CLIENT_MOVED = ("headers", "timeout", "sse_read_timeout", "auth", "httpx_client_factory")
