"""raw-protocol-kit: JSON-RPC level helpers for MCP transports and tests."""

from rpk.errors import error_response, raise_for_error
from rpk.framing import FrameDecoder, classify, encode_line, make_notification, make_request

__all__ = [
    "FrameDecoder",
    "classify",
    "encode_line",
    "error_response",
    "make_notification",
    "make_request",
    "raise_for_error",
]
