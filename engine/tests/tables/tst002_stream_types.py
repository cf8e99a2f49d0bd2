"""TST002: stream annotations typed with anyio's memory streams

Rule: engine/mcp_migrate/rules/tst002_stream_types.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

M = (
    "v2's transports and `create_client_server_memory_streams()` yield the SDK's context-propagating "
    "streams, which satisfy its `ReadStream`/`WriteStream` protocols, not anyio's memory stream classes"
)
URL = " https://py.sdk.modelcontextprotocol.io/v2/migration/#create_connected_server_and_client_session-removed"

CASES = [
    # a ClientSession subclass's parameters; the anyio import goes with its last use
    case(
        "-from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream\n"
        " from mcp import ClientSession\n"
        " from mcp.shared.message import SessionMessage\n"
        "+from mcp.client._transport import ReadStream, WriteStream\n"
        " \n"
        " class Traced(ClientSession):\n"
        "     def __init__(\n"
        "         self,\n"
        "-        read: MemoryObjectReceiveStream[SessionMessage | Exception],\n"
        "-        write: MemoryObjectSendStream[SessionMessage],\n"
        "+        read: ReadStream[SessionMessage | Exception],\n"
        "+        write: WriteStream[SessionMessage],\n"
        "     ) -> None:\n"
        "         super().__init__(read, write)\n",
        findings=["TST002:8 safe"],
    ),
    # a module alias of the pair, the other anyio stream kept for its own use
    case(
        " from contextlib import AbstractAsyncContextManager\n"
        " from typing import Union\n"
        " from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream\n"
        " from mcp.shared.message import SessionMessage\n"
        "+from mcp.client._transport import ReadStream, WriteStream\n"
        " \n"
        "-Streams = tuple[MemoryObjectReceiveStream[Union[SessionMessage, Exception]], MemoryObjectSendStream[SessionMessage]]\n"
        "+Streams = tuple[ReadStream[Union[SessionMessage, Exception]], WriteStream[SessionMessage]]\n"
        " Opener = AbstractAsyncContextManager[Streams]\n"
        " jobs: MemoryObjectSendStream[str]\n"
        " inbox: MemoryObjectReceiveStream[bytes]\n",
        findings=["TST002:6 safe"],
    ),
    # v1's `MessageStream` typed any transport's pair; v2's is the memory streams' own
    case(
        " from contextlib import AbstractAsyncContextManager\n"
        "-from mcp.shared.memory import MessageStream, create_client_server_memory_streams\n"
        "+from mcp.shared.memory import create_client_server_memory_streams\n"
        "+from mcp.client._transport import TransportStreams\n"
        " \n"
        "-Transport = AbstractAsyncContextManager[MessageStream]\n"
        "+Transport = AbstractAsyncContextManager[TransportStreams]\n",
        findings=["TST002:4 safe"],
    ),
    # the file's own alias already spells `ReadStream`
    case(
        "-from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream\n"
        " from mcp.shared.message import SessionMessage\n"
        "+from mcp.client._transport import ReadStream as McpReadStream, WriteStream as McpWriteStream\n"
        " \n"
        "-ReadStream = MemoryObjectReceiveStream[SessionMessage | Exception]\n"
        "-WriteStream = MemoryObjectSendStream[SessionMessage]\n"
        "+ReadStream = McpReadStream[SessionMessage | Exception]\n"
        "+WriteStream = McpWriteStream[SessionMessage]\n",
        findings=["TST002:4 safe"],
    ),
    # anyio-only methods in the file: marked, nothing retyped
    case(
        " from anyio.streams.memory import MemoryObjectReceiveStream\n"
        " from mcp.shared.message import SessionMessage\n"
        " \n"
        "+# mcp-migrate: TST002 " + M + ": retype it as `ReadStream` (from `mcp.client._transport`) once nothing here"
        " needs anyio's own methods" + URL + "\n"
        " def drain(read: MemoryObjectReceiveStream[SessionMessage | Exception]) -> list:\n"
        "     return [read.receive_nowait()]\n",
        findings=["TST002:4 manual"],
    ),
    # a pydantic model validates its fields with isinstance, which a Protocol refuses
    case(
        " from anyio.streams.memory import MemoryObjectSendStream\n"
        " from mcp.shared.message import SessionMessage\n"
        " from pydantic import BaseModel\n"
        " \n"
        " class Link(BaseModel):\n"
        "+    # mcp-migrate: TST002 "
        + M
        + ": retype it as `WriteStream` (from `mcp.client._transport`) once nothing here"
        " needs anyio's own methods" + URL + "\n"
        "     out: MemoryObjectSendStream[SessionMessage]\n",
        findings=["TST002:6 manual"],
    ),
]

NOOP = [
    # streams of something else than MCP messages
    "from anyio.streams.memory import MemoryObjectReceiveStream\n"
    "import mcp\n"
    "def f(events: MemoryObjectReceiveStream[str]) -> None: ...\n",
    # no MCP import: someone else's SessionMessage
    "from anyio.streams.memory import MemoryObjectReceiveStream\n"
    "from chat.message import SessionMessage\n"
    "def f(events: MemoryObjectReceiveStream[SessionMessage]) -> None: ...\n",
]
