"""CLT006: `ClientSession` now runs on `JSONRPCDispatcher`; `BaseSession` removed

Rule: engine/mcp_migrate/rules/clt006_base_session_removed.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

OWN_ALIAS = (
    "-from mcp.shared.session import RequestResponder\n"
    " from mcp.types import ClientResult, ServerNotification, ServerRequest\n"
    "+from mcp.client import IncomingMessage\n"
    " \n"
    "-IncomingMessage = RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception\n"
    " \n"
)

CASES = [
    case(
        "-from mcp.shared.session import ProgressFnT\n"
        "+from mcp.shared.dispatcher import ProgressFnT\n"
        " \n"
        " cb: ProgressFnT\n",
        findings=["CLT006:1 safe"],
    ),
    case(
        "-from mcp.shared.session import ProgressFnT, RequestResponder\n"
        "+# mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        "+from mcp.shared.session import RequestResponder\n"
        "+from mcp.shared.dispatcher import ProgressFnT\n",
        findings=["CLT006:1 manual", "CLT006:1 safe"],
    ),
    case(
        "+# mcp-migrate: CLT006 client callbacks receive `mcp.client.ClientRequestContext` in v2 (`RequestContext[ClientSession, Any]` is gone) https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        " async def cb(context: RequestContext[ClientSession, Any], params) -> None: ...\n",
        findings=["CLT006:1 manual"],
    ),
    case(
        " from mcp import ClientSession\n"
        " \n"
        " async def f(session: ClientSession, n):\n"
        "-    await session.send_notification(n, related_request_id=7)\n"
        "+    await session.send_notification(n)\n",
        findings=["CLT006:4 safe"],
    ),
    # the hint passed positionally, and an override handing it to the SDK's method
    case(
        " from mcp import ClientSession, types\n"
        " \n"
        " class Counting(ClientSession):\n"
        "     async def send_notification(self, n: types.ClientNotification, related_request_id=None) -> None:\n"
        "-        await super().send_notification(n, related_request_id)\n"
        "+        await super().send_notification(n)\n"
        " \n"
        " async def f(session: ClientSession, n):\n"
        "-    await session.send_notification(n, None)\n"
        "+    await session.send_notification(n)\n",
        findings=["CLT006:5 safe", "CLT006:8 safe"],
    ),
    # v1's hand-written message_handler union is v2's `IncomingMessage` (bar or `Union[...]` spelling)
    case(
        " from typing import Union\n"
        " from mcp import types\n"
        "-from mcp.shared.session import RequestResponder\n"
        " from mcp.types import ClientResult, ServerNotification, ServerRequest\n"
        "+from mcp.client import IncomingMessage\n"
        " \n"
        "-async def on_message(message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception):\n"
        "+async def on_message(message: IncomingMessage):\n"
        "     print(message)\n"
        " \n"
        "-Handler = Union[RequestResponder[types.ServerRequest, types.ClientResult], types.ServerNotification, Exception]\n"
        "+Handler = IncomingMessage\n",
        findings=["CLT006:3 safe"],
    ),
    # an import carrying its own comment (`# noqa: E402` after a sys.path tweak) goes with it
    case(
        " import mcp.types as types\n"
        "-from mcp.shared.session import RequestResponder  # noqa: E402\n"
        "+from mcp.client import IncomingMessage\n"
        " \n"
        " async def on_message(\n"
        "-    message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,\n"
        "+    message: IncomingMessage,\n"
        " ) -> None:\n"
        "     print(message)\n",
        findings=["CLT006:2 safe"],
    ),
    # imported under `if TYPE_CHECKING:` (the SDK an optional dependency): v2's import takes its place there
    case(
        " from __future__ import annotations\n"
        " from typing import TYPE_CHECKING\n"
        " \n"
        " if TYPE_CHECKING:\n"
        "     from mcp import types\n"
        "-    from mcp.shared.session import RequestResponder\n"
        "+    from mcp.client import IncomingMessage\n"
        " \n"
        " class Tool:\n"
        "     async def message_handler(\n"
        "         self,\n"
        "-        message: (RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception),\n"
        "+        message: (IncomingMessage),\n"
        "     ) -> None:\n"
        "         print(message)\n",
        findings=["CLT006:6 safe"],
    ),
    # an import in a function body goes like one at module level when the body keeps other statements
    case(
        " async def handler(message) -> None:\n"
        "-    from mcp.shared.session import RequestResponder\n"
        "-    if isinstance(message, RequestResponder):\n"
        "+    # mcp-migrate: CLT006 `message_handler` no longer receives server requests (v2 answers them with `sampling_callback`, `elicitation_callback`, `list_roots_callback`): the `isinstance(..., RequestResponder)` branch never runs; move what it did into those callbacks, then delete it https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        "+    if False:\n"
        "         print('request')\n",
        findings=["CLT006:2 safe", "CLT006:3 manual"],
    ),
    # the handler's `message.root`: v2 delivers the notification itself (the guide: drop `.root`)
    case(
        " from mcp import types\n"
        "-from mcp.shared.session import RequestResponder\n"
        "+from mcp.client import IncomingMessage\n"
        " \n"
        "-async def on_message(message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception):\n"
        "+async def on_message(message: IncomingMessage):\n"
        "     if isinstance(message, Exception):\n"
        "         raise message\n"
        "-    match message.root:\n"
        "+    match message:\n"
        "         case types.ProgressNotification(params=params):\n"
        "             print(params.progress)\n",
        findings=["CLT006:2 safe"],
    ),
    # v1's typing helpers: the file declares its own, as v2 does (with `ProgressFnT` moved alongside)
    case(
        " from mcp import ClientSession\n"
        "-from mcp.shared.session import (\n"
        "-    ProgressFnT,\n"
        "-    ReceiveResultT,\n"
        "-)\n"
        " from mcp.types import ClientRequest\n"
        "+from mcp.shared.dispatcher import ProgressFnT\n"
        "+from typing import TypeVar\n"
        "+from pydantic import BaseModel\n"
        "+\n"
        '+ReceiveResultT = TypeVar("ReceiveResultT", bound=BaseModel)\n'
        " \n"
        " class Timed(ClientSession):\n"
        "     async def send_request(self, request: ClientRequest, result_type: type[ReceiveResultT], "
        "progress_callback: ProgressFnT | None = None) -> ReceiveResultT:\n"
        "         return await super().send_request(request, result_type, progress_callback=progress_callback)\n",
        findings=["CLT006:3 safe", "CLT006:4 safe"],
    ),
    # every name of one import goes in the same run, whichever fixes remove them
    case(
        " from mcp import ClientSession\n"
        "-from mcp.shared.session import ProgressFnT, ReceiveResultT, RequestResponder\n"
        " from mcp.types import ClientRequest, ClientResult, ServerNotification, ServerRequest\n"
        "+from mcp.shared.dispatcher import ProgressFnT\n"
        "+from typing import TypeVar\n"
        "+from pydantic import BaseModel\n"
        "+from mcp.client import IncomingMessage\n"
        "+\n"
        '+ReceiveResultT = TypeVar("ReceiveResultT", bound=BaseModel)\n'
        " \n"
        " class Traced(ClientSession):\n"
        "     async def send_request(self, request: ClientRequest, result_type: type[ReceiveResultT], "
        "progress_callback: ProgressFnT | None = None) -> ReceiveResultT:\n"
        "         return await super().send_request(request, result_type, progress_callback=progress_callback)\n"
        " \n"
        "-async def on_message(message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception):\n"
        "+async def on_message(message: IncomingMessage):\n"
        "     print(message)\n",
        findings=["CLT006:2 safe", "CLT006:2 safe", "CLT006:2 safe"],
    ),
    # the removed classes are marked where the code uses them too
    case(
        "+# mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        " from mcp.shared.session import RequestResponder\n"
        " \n"
        " async def handler(message) -> None:\n"
        "+    # mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        "     if type(message) is RequestResponder and message.request.root.method == 'ping':\n"
        "         return None\n",
        findings=["CLT006:1 manual", "CLT006:4 manual"],
    ),
    # v1 internals the v2 ClientSession no longer has
    case(
        " from mcp import ClientSession\n"
        " \n"
        " def closed(session: ClientSession) -> bool:\n"
        "+    # mcp-migrate: CLT006 `_read_stream` went with `BaseSession`: v2's `ClientSession` runs on a dispatcher and "
        "has no such attribute; keep your own references to the transport streams you passed in; `_write_stream` went "
        "with `BaseSession`: v2's `ClientSession` runs on a dispatcher and has no such attribute; keep your own "
        "references to the transport streams you passed in "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        "     return session._read_stream._closed or session._write_stream._closed\n",
        findings=["CLT006:4 manual", "CLT006:4 manual"],
    ),
    # a `send_request` override typed with v1's metadata union: the client half, when only handed on
    case(
        " from mcp import ClientSession\n"
        " from mcp.shared.message import MessageMetadata\n"
        "+from mcp.shared.message import ClientMessageMetadata\n"
        " \n"
        " class Traced(ClientSession):\n"
        "-    async def send_request(self, request, result_type, timeout=None, metadata: MessageMetadata = None):\n"
        "+    async def send_request(self, request, result_type, timeout=None, metadata: ClientMessageMetadata | None = None):\n"
        "         return await super().send_request(request, result_type, timeout, metadata)\n"
        " \n"
        " class Peeking(ClientSession):\n"
        "+    # mcp-migrate: CLT006 v2's `ClientSession.send_request()` takes `metadata: ClientMessageMetadata | None` "
        "(`ServerMessageMetadata` is no longer accepted) "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        "     async def send_request(self, request, result_type, metadata: Optional[MessageMetadata] = None):\n"
        "         log(metadata)\n"
        "         return await super().send_request(request, result_type, metadata=metadata)\n",
        findings=["CLT006:5 safe", "CLT006:9 manual"],
    ),
    # a v1 handler that checks for requests before answering them: no v2 message is one
    case(
        "-from mcp.shared.session import RequestResponder\n"
        " from mcp.types import ClientResult, ServerNotification, ServerRequest\n"
        "+from mcp.client import IncomingMessage\n"
        " \n"
        "-async def handler(message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception):\n"
        "-    if isinstance(message, RequestResponder):\n"
        "+async def handler(message: IncomingMessage):\n"
        "+    # mcp-migrate: CLT006 `message_handler` no longer receives server requests (v2 answers them with "
        "`sampling_callback`, `elicitation_callback`, `list_roots_callback`): the `isinstance(..., RequestResponder)` "
        "branch never runs; move what it did into those callbacks, then delete it "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n"
        "+    if False:\n"
        "         await message.respond(ClientResult())\n"
        "     elif isinstance(message, Exception):\n"
        "         raise message\n",
        findings=["CLT006:1 safe", "CLT006:5 manual"],
    ),
    # the project's own `IncomingMessage` alias of v1's union: v2's name takes its place
    case(
        OWN_ALIAS + " async def handler(message: IncomingMessage):\n     print(message)\n",
        findings=["CLT006:1 safe"],
    ),
    # ... and a handler typed with that alias reads the notification itself, not `.root`
    case(
        OWN_ALIAS + " class Collector:\n"
        "     async def __call__(self, message: IncomingMessage) -> None:\n"
        "         if not isinstance(message, Exception):\n"
        "-            print(message.root.method)\n"
        "+            print(message.method)\n",
        findings=["CLT006:1 safe"],
    ),
    # an `IncomingMessage` of the project's that is something else: the union cannot take that name (marked)
    case(
        '+# mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n'
        ' from mcp.shared.session import RequestResponder\n'
        ' from mcp.types import ClientResult, ServerNotification, ServerRequest\n'
        ' \n'
        ' IncomingMessage = dict\n'
        ' \n'
        '+# mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n'
        ' async def handler(message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception):\n'
        '     print(message)\n',
        findings=["CLT006:1 manual", "CLT006:6 manual"],
    ),
    # a `case RequestResponder(...)` branch no v2 message reaches gives way to a marker; the import goes
    case(
        ' import logging\n'
        ' \n'
        ' from mcp import types\n'
        '-from mcp.shared.session import RequestResponder\n'
        '+from mcp.client import IncomingMessage\n'
        ' \n'
        ' logger = logging.getLogger(__name__)\n'
        ' \n'
        ' \n'
        ' async def on_message(\n'
        '-    message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,\n'
        '+    message: IncomingMessage,\n'
        ' ) -> None:\n'
        '     match message:\n'
        '         case Exception():\n'
        '             logger.warning("transport error: %s", message)\n'
        '-        case RequestResponder(request=request):\n'
        '-            logger.debug("server sent %s", request.root.method)\n'
        '+        # mcp-migrate: CLT006 a `case RequestResponder(...)` branch went: `message_handler` no longer receives server requests (v2 answers them with `sampling_callback`, `elicitation_callback`, `list_roots_callback`); move what it did into those callbacks https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n'
        '         case _:\n'
        '             logger.info("notification %s", message)\n',
        findings=['CLT006:4 safe'],
    ),
    # ... unless it answers the request, which has to move into the callbacks: marked
    case(
        ' import logging\n'
        ' \n'
        ' from mcp import types\n'
        '+# mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n'
        ' from mcp.shared.session import RequestResponder\n'
        ' \n'
        ' logger = logging.getLogger(__name__)\n'
        ' \n'
        ' \n'
        '+# mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n'
        ' async def on_message(\n'
        '     message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,\n'
        ' ) -> None:\n'
        '+    # mcp-migrate: CLT006 `RequestResponder` was removed; a `message_handler` takes `mcp.client.IncomingMessage` https://py.sdk.modelcontextprotocol.io/v2/migration/#clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed\n'
        '     match message:\n'
        '         case Exception():\n'
        '             logger.warning("transport error: %s", message)\n'
        '         case RequestResponder(request=request):\n'
        '             await message.respond(types.ClientResult(types.EmptyResult()))\n'
        '         case _:\n'
        '             logger.info("notification %s", message)\n',
        findings=['CLT006:4 manual', 'CLT006:10 manual', 'CLT006:15 manual'],
    ),
]

NOOP = [
    "from mcp.shared.dispatcher import ProgressFnT\n",
    "from mcp.client.session import ClientSession\n"
    "from mcp.shared.context import RequestContext\n"
    "\n"
    "async def cb(ctx: RequestContext[ClientSession, None], params): ...\n",
    "from myproj.shared.session import BaseSession\n",
    "from mcp.server.session import ServerSession\n"
    "\n"
    "async def f(s: ServerSession, n):\n"
    "    await s.send_notification(n, related_request_id=7)\n",
    # a subclass of the server's session keeps the hint
    "from mcp.server.session import ServerSession\n"
    "\n"
    "class Quiet(ServerSession):\n"
    "    async def send_notification(self, n, related_request_id=None):\n"
    "        await super().send_notification(n, related_request_id)\n",
]
