// Issue 8, round 3: training cases for the mechanisms that round added, written from the guide and
// the SDK source, each different from the retired table-2 case that showed the mechanism missing.
// Off-topic cases are the hard negatives confidence must resist: other MCP SDKs, jlowin's
// `fastmcp`, hosts, the protocol, and Python errors that never show the SDK. For those the lookup
// may list possible matches, never one at confidence >= 0.5.

import type { LookupCase } from './lookup-table.ts';

const SITE = '/srv/agent/.venv/lib/python3.12/site-packages';

export const ROUND3_CASES: LookupCase[] = [
  // ------------------------------------------------------------------ confidence needs the SDK
  {
    kind: 'offtopic',
    paste: `McpError: MCP error -32602: Invalid arguments for tool weather: Required
    at Client._onresponse (/app/node_modules/@modelcontextprotocol/sdk/dist/cjs/shared/protocol.js:415:27)
    at Client._onmessage (/app/node_modules/@modelcontextprotocol/sdk/dist/cjs/shared/protocol.js:199:18)`,
    expect: null,
    note: 'the TypeScript SDK raising, with a JSON-RPC code the guide also names',
  },
  {
    kind: 'offtopic',
    paste: `panic: interface conversion: interface {} is nil, not map[string]interface {}

goroutine 51 [running]:
github.com/mark3labs/mcp-go/server.(*MCPServer).handleToolCall(0xc000154000, {0xa1c2e0, 0xc0002a8000}, {0xc0001b6010, 0x1}, {{{0xc0001b6020, 0xa}, ...}})
	/go/pkg/mod/github.com/mark3labs/mcp-go@v0.32.0/server/server.go:812 +0x1a4`,
    expect: null,
    note: "mcp-go's MCPServer: a class name this SDK has too, in a Go program",
  },
  {
    kind: 'offtopic',
    paste: `fail: ModelContextProtocol.Server.McpServer[0]
      Error handling request 'tools/call'.
      System.InvalidOperationException: Unknown tool: 'weather'
         at ModelContextProtocol.Server.McpServer.InvokeToolAsync(RequestContext\`1 request, CancellationToken ct) in /_/src/ModelContextProtocol.Core/Server/McpServer.cs:line 211`,
    expect: null,
    note: 'the C# SDK',
  },
  {
    kind: 'offtopic',
    paste: 'Error: Mcp(ErrorData { code: ErrorCode(-32601), message: "tools/call not supported", data: None })\n\nCaused by the rmcp client in src/agent.rs:48:22',
    expect: null,
    note: "Rust's rmcp",
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "/srv/app/server.py", line 14, in <module>
    mcp.run(transport="sse")
  File "/srv/app/.venv/lib/python3.12/site-packages/fastmcp/server/server.py", line 341, in run
    anyio.run(partial(self.run_async, transport, **transport_kwargs))
ValueError: Unknown transport: sse. Use 'http' or 'stdio'.`,
    expect: null,
    note: "jlowin's fastmcp raising from its own package, with an SDK-looking call",
  },
  {
    kind: 'offtopic',
    paste: '$ fastmcp run server.py:mcp --transport http\nError: No server object found in server.py. Please either:\n1. Use a standard variable name (mcp, server, or app)\n2. Specify the object name with file:object syntax',
    expect: null,
    note: "jlowin's fastmcp CLI",
  },
  {
    kind: 'offtopic',
    paste: `Traceback (most recent call last):
  File "/srv/app/jobs/fetch.py", line 22, in refresh
    resp = await client.get(url, timeout=5.0)
  File "/srv/app/.venv/lib/python3.12/site-packages/httpx/_client.py", line 1814, in get
    return await self.request(
httpx.ReadTimeout: timed out`,
    expect: null,
    note: 'httpx in the user\'s own job: no sign of the SDK',
  },
  {
    kind: 'offtopic',
    paste: "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\ndatabase_url\n  Field required [type=missing, input_value={'debug': True}, input_type=dict]",
    expect: null,
    note: "the user's own pydantic settings",
  },
  {
    kind: 'offtopic',
    paste: 'RuntimeError: Task <Task pending name=\'Task-7\' coro=<Worker.run() running at /srv/app/worker.py:40>> got Future <Future pending> attached to a different loop',
    expect: null,
    note: 'asyncio, no SDK',
  },
  {
    kind: 'offtopic',
    paste: 'Cursor keeps showing "Client closed" next to my MCP server right after I open the project. Where do I find its logs?',
    expect: null,
    note: 'host setup question',
  },
  {
    kind: 'offtopic',
    paste: 'When should an MCP server expose something as a resource rather than as a tool? The spec examples use both for file contents.',
    expect: null,
    note: 'protocol question',
  },
  {
    kind: 'offtopic',
    paste: '2026-08-03T09:12:44.120Z [filesystem] [error] Server disconnected. For troubleshooting guidance, please visit our debugging documentation {"context":"connection"}',
    expect: null,
    note: "Claude Desktop's own words about any server",
  },
  {
    kind: 'offtopic',
    paste: '  × No solution found when resolving tool dependencies:\n  ╰─▶ Because mcp-server-git was not found in the package registry and you require mcp-server-git==9.9, we can conclude that your requirements are unsatisfiable.',
    expect: null,
    note: 'another server package, not the SDK pin',
  },
  {
    kind: 'offtopic',
    paste: "Traceback (most recent call last):\n  File \"/srv/etl/pipe.py\", line 31, in push\n    await send_stream.send(row)\nanyio.ClosedResourceError",
    expect: null,
    note: "anyio in the user's own streams",
  },
  {
    kind: 'offtopic',
    paste: 'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked\n[SQL: INSERT INTO jobs (id, state) VALUES (?, ?)]',
    expect: null,
    note: 'a database error',
  },

  // The same kind of paste once it shows the SDK: its pin, its frames, its logger.
  {
    kind: 'behaviour',
    paste: 'After `uv lock --upgrade-package mcp` (mcp 1.28.1 -> 2.0.0) the `tier` key we set on our Tool objects is gone from tools/list, no error.',
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
    note: 'Guide: MCP types silently ignore extra fields; the pin shows the SDK',
  },
  {
    kind: 'thirdparty',
    paste: `Traceback (most recent call last):
  File "${SITE}/mcp/server/mcpserver/server.py", line 702, in run
    anyio.run(self.run_stdio_async)
  File "/srv/agent/tools/db.py", line 12, in open_db
    conn = sqlite3.connect(DB)
sqlite3.ProgrammingError: SQLite objects created in a thread can only be used in that same thread. The object was created in thread id 139832 and this is thread id 139877.`,
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: sync handlers run on a worker thread; the SDK frame shows the SDK',
  },

  // ------------------------------------------------------------------ a removed submodule imported as a name
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'session' from 'mcp.shared' (/opt/venv/lib/python3.11/site-packages/mcp/shared/__init__.py)",
    expect: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
    note: 'mcp.shared.session is gone with BaseSession (symbol index: removed module)',
  },
  {
    kind: 'line',
    paste: "ImportError: cannot import name 'websocket' from 'mcp.client' (unknown location)",
    expect: 'websocket-transport-removed',
    note: 'Guide: mcp.client.websocket no longer exists',
  },

  // ------------------------------------------------------------------ cut at the start or the end
  {
    kind: 'mangled',
    paste: "annot import name 'websocket_client' from 'mcp.client.websocket' (/app/.venv/lib/python3.12/site-packages/mcp/client/websocket.py)",
    expect: 'websocket-transport-removed',
    note: 'a copy that lost its first letters',
  },
  {
    kind: 'mangled',
    paste: "odule named 'mcp.server.fastmcp.utilities'",
    expect: 'fastmcp-renamed-to-mcpserver',
    note: 'a copy that lost its first letters',
  },
  {
    kind: 'mangled',
    paste: "  | TypeError: isinstance() arg 2 must be a type, a tuple of types, or a u…",
    expect: 'isinstance-checks-against-elicitationresult-raise-typeerror',
    note: 'Guide: isinstance against the ElicitationResult alias raises TypeError; a pane cut the line',
  },
  {
    kind: 'mangled',
    paste: 'app-1  | sqlite3.ProgrammingError: SQLite objects created in a thread can only be used in that same thr...',
    expect: 'sync-handler-functions-now-run-on-a-worker-thread',
    note: 'Guide: sync handlers run on a worker thread; a log viewer cut the line',
  },

  // ------------------------------------------------------------------ a None v2 may leave
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/srv/tools/server.py", line 58, in call_tool
    if "query" in params.arguments:
       ^^^^^^^^^^^^^^^^^^^^^^^^^^^
TypeError: argument of type 'NoneType' is not iterable`,
    expect: 'lowlevel-server-automatic-return-value-wrapping-removed',
    note: 'Guide: params.arguments can be None (the old decorator defaulted it to {})',
  },
  {
    kind: 'line',
    paste: "    q = params.arguments.get(\"q\", \"\")\nAttributeError: 'NoneType' object has no attribute 'get'",
    expect: 'lowlevel-server-automatic-return-value-wrapping-removed',
    note: 'Guide: params.arguments can be None',
  },
  {
    kind: 'typechecker',
    paste: 'metrics.py:31: error: Argument "request_id" to "record_latency" has incompatible type "RequestId | None"; expected "RequestId"  [arg-type]',
    expect: 'requestcontext-type-parameters-simplified',
    note: 'Guide: request_id is now RequestId | None',
  },

  // ------------------------------------------------------------------ type checkers' operators
  {
    kind: 'typechecker',
    paste: 'compat.py:12: error: Unsupported operand types for + ("tuple[str, ...]" and "list[str]")  [operator]',
    expect: 'supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning',
    note: 'Guide: these tuples really are tuples now; concatenating with a list raises TypeError',
  },
  {
    kind: 'traceback',
    paste: `Traceback (most recent call last):
  File "/srv/proxy/negotiate.py", line 9, in <module>
    OFFERED = SUPPORTED_PROTOCOL_VERSIONS + ["2024-11-05"]
TypeError: can only concatenate tuple (not "list") to tuple`,
    expect: 'supported_protocol_versions-deprecated-latest_protocol_version-changed-meaning',
    note: 'Guide: SUPPORTED_PROTOCOL_VERSIONS was a list in v1',
  },

  // ------------------------------------------------------------------ counts in assertions
  {
    kind: 'assertion',
    paste: `    def test_lifespan_per_session(client_factory):
        ...
>       assert opened_pools == 2
E       assert 1 == 2

tests/test_streamable.py:58: AssertionError`,
    expect: 'streamable-http-lifespan-now-entered-once-at-manager-startup',
    note: 'Guide: lifespan entered once at manager startup, not per session',
  },
  {
    kind: 'assertion',
    paste: `>       assert len(received) == 1
E       assert 2 == 1
E        +  where 2 = len([ResourceUpdatedNotification(...), ResourceUpdatedNotification(...)])

tests/test_broadcast.py:33: AssertionError`,
    expect: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession',
    note: 'Guide: ServerSession is a per-request proxy; a broadcast keyed by session sends duplicates',
  },

  // ------------------------------------------------------------------ a stated status code
  {
    kind: 'behaviour',
    paste: 'Since the upgrade our nginx access log shows every POST to the server answered with HTTP 421, and the client reports the server as unreachable. Nothing changed in our deployment.',
    expect: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    note: 'Guide: DNS-rebinding protection rejects an unexpected Host with 421',
  },
  {
    kind: 'thirdparty',
    paste: '10.2.0.7 - - [03/Aug/2026:10:11:12 +0000] "POST /mcp HTTP/1.1" 413 31 "-" "python-httpx/0.28.1"',
    expect: 'streamable-http-request-bodies-are-limited-to-4-mib',
    note: 'Guide: POST bodies over 4 MiB get HTTP 413',
  },

  // ------------------------------------------------------------------ identifiers in descriptions; the side a paste is on
  {
    kind: 'behaviour',
    paste: 'Our watchdog relied on `await session.send_roots_list_changed()` raising anyio.ClosedResourceError once the server was gone. In v2 it just returns.',
    expect: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
    note: 'Guide: client send_notification after close is dropped with a debug log',
  },
  {
    kind: 'behaviour',
    paste: 'The Inspector never refreshes its prompt list any more after our server calls `ctx.session.send_prompt_list_changed()` on a 2026-07-28 connection.',
    expect: 'change-notifications-travel-only-on-subscriptionslisten-streams',
    note: 'Guide: list_changed reaches a client only through subscriptions/listen',
  },

  // ------------------------------------------------------------------ a field of its own, in prose
  {
    kind: 'behaviour',
    paste: 'We add an extra `tenant_id` key to CallToolRequestParams in our gateway; the server side never sees it since the upgrade.',
    expect: 'extra-fields-on-mcp-types-are-no-longer-preserved',
    note: 'Guide: unknown constructor keyword arguments are dropped during validation',
  },
];
