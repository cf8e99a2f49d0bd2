"""streamkit: transports, taps and a connection layer for MCP sessions."""

from streamkit._types import ReadStream, SessionFactory, StreamPair, WriteStream
from streamkit.channel import text_channel_pair, text_channel_transport
from streamkit.connection import ConnectionInfo, Connector, MeteredSession, probe
from streamkit.loopback import serve_in_memory
from streamkit.tap import MessageTap, TapRecord, drop_logs_below, redact_arguments
from streamkit.transports import OpenedTransport, TransportSpec, open_transport

__all__ = [
    "ConnectionInfo",
    "Connector",
    "MessageTap",
    "MeteredSession",
    "OpenedTransport",
    "ReadStream",
    "SessionFactory",
    "StreamPair",
    "TapRecord",
    "TransportSpec",
    "WriteStream",
    "drop_logs_below",
    "open_transport",
    "probe",
    "redact_arguments",
    "serve_in_memory",
    "text_channel_pair",
    "text_channel_transport",
]
