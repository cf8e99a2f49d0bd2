import { KINDS } from '../../scripts/lib/heldout-table.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLookupData } from '../../src/lib/lookup/data-node.ts';
import { differences, parseAssertions, typecheckLine } from '../../src/lib/lookup/formats.ts';
import { CONFIDENT, lookup, lookupSync, normalise, STAY_ON_V1 } from '../../src/lib/lookup/lookup.ts';
import { knownMiss } from './lookup-known-misses.ts';
import { CASES, type LookupCase } from './lookup-table.ts';
import { FORMAT_CASES } from './lookup-table-formats.ts';
import { MECHANISM_CASES } from './lookup-table-mechanisms.ts';
import { RETIRED_CASES } from './lookup-table-retired.ts';
import { ROUND3_CASES } from './lookup-table-round3.ts';
import { ROUND4_CASES } from './lookup-table-round4.ts';
import { frameText, sdkSide } from '../../src/lib/lookup/normalise.ts';

const data = loadLookupData();
const anchors = new Set(data.sections.map((s) => s.anchor));
const ALL: LookupCase[] = [
  ...CASES,
  ...FORMAT_CASES,
  ...RETIRED_CASES,
  ...MECHANISM_CASES,
  ...ROUND3_CASES,
  ...ROUND4_CASES,
];
const A = (anchor: string) => data.sections.find((s) => s.anchor === anchor)!;
/** The answers the lookup stands behind: an off-topic paste may list possible matches, below these. */
const confident = (paste: string) => lookupSync(paste, data).results.filter((r) => r.confidence >= CONFIDENT);

describe('lookup training tables', () => {
  const tally = { on: 0, top1: 0, off: 0, offAnswered: 0, sure: 0, sureRight: 0 };
  const misses: string[] = [];
  afterAll(() => {
    const pct = (a: number, b: number) => ((100 * a) / b).toFixed(1);
    console.log(
      `lookup training tables: top-1 ${tally.top1}/${tally.on} (${pct(tally.top1, tally.on)}%), off-topic answered ${tally.offAnswered}/${tally.off}, ` +
        `answers at >= 0.8 right ${tally.sureRight}/${tally.sure}` +
        (misses.length ? `\n  misses:\n    ${misses.join('\n    ')}` : ''),
    );
  });

  it('cover every kind of paste, on-topic and off', () => {
    for (const k of KINDS) {
      expect(ALL.filter((c) => c.kind === k).length, k).toBeGreaterThanOrEqual(8);
    }
    expect(ALL.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(60);
  });

  it('only expect anchors that exist', () => {
    expect(ALL.filter((c) => c.expect && !anchors.has(c.expect)).map((c) => c.expect)).toEqual([]);
  });

  for (const [i, c] of ALL.entries()) {
    const label = `#${i} ${c.kind}: ${c.paste
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .pop()!
      .slice(0, 70)}`;
    it(label, () => {
      const { results } = lookupSync(c.paste, data);
      const top = results[0] ?? null;
      const right = (top?.anchor ?? null) === c.expect;
      if (c.expect === null) {
        tally.off++;
        if (top && top.confidence >= CONFIDENT) tally.offAnswered++;
      } else {
        tally.on++;
        if (right) tally.top1++;
      }
      if (top && top.confidence >= 0.8) {
        tally.sure++;
        if (right) tally.sureRight++;
      }
      // Off-topic: nothing at or above CONFIDENT (possible matches below it may be listed).
      const got = c.expect === null && top && top.confidence < CONFIDENT ? null : (top?.anchor ?? null);
      if (got !== c.expect)
        misses.push(`${label} -> got ${top?.anchor ?? null} at ${top?.confidence}, want ${c.expect}`);
      if (knownMiss(c.paste) || c.knownMiss) return;
      expect(got).toBe(c.expect);
    });
  }

  it('meet the issue-8 bars on the training tables too', () => {
    expect(tally.top1 / tally.on).toBeGreaterThanOrEqual(0.95);
    expect(tally.offAnswered / tally.off).toBeLessThanOrEqual(0.05);
    expect(tally.sureRight / tally.sure).toBeGreaterThanOrEqual(0.95);
  });
});

describe('lookup contract', () => {
  it('returns confidence in 0..1, human-readable evidence and the section path', () => {
    const { results } = lookupSync("ModuleNotFoundError: No module named 'mcp.server.fastmcp'", data);
    expect(results[0].anchor).toBe('fastmcp-renamed-to-mcpserver');
    expect(results[0].confidence).toBeGreaterThan(0.9);
    expect(results[0].confidence).toBeLessThanOrEqual(1);
    expect(results[0].evidence.join(' ')).toMatch(/mcp\.server\.fastmcp/);
    expect(results[0].path).toBe('guide/mcpserver-formerly-fastmcp/fastmcp-renamed-to-mcpserver/');
  });

  it('says how to stay on v1 for import-time failures, and only for those', async () => {
    const imp = await lookup("ImportError: cannot import name 'McpError' from 'mcp'", data);
    expect(imp.results[0].impact).toBe('import');
    expect(imp.stayOnV1).toBe(STAY_ON_V1);
    expect(imp.stayOnV1).toMatch(/mcp>=1\.28,<2/);
    const call = await lookup(
      "TypeError: ClientSession.list_tools() got an unexpected keyword argument 'cursor'",
      data,
    );
    expect(call.results[0].impact).toBe('call');
    expect(call.stayOnV1).toBeUndefined();
  });

  it('answers nothing confidently rather than guessing, and without its index still answers from structure', () => {
    expect(confident("ValueError: invalid literal for int() with base 10: 'x'")).toEqual([]);
    expect(lookupSync('', data).results).toEqual([]);
    const structural = lookupSync("No module named 'mcp.server.fastmcp'", {
      sections: data.sections,
      symbols: data.symbols,
    });
    expect(structural.results[0].anchor).toBe('fastmcp-renamed-to-mcpserver');
  });

  it('treats a guide link anywhere in a paste as the strongest evidence', () => {
    const r = lookupSync(
      "ModuleNotFoundError: No module named 'mcp.server.fastmcp'. This is mcp 2.x; see the migration guide at https://py.sdk.modelcontextprotocol.io/v2/migration/#fastmcp-renamed-to-mcpserver or pin 'mcp<2'",
      data,
    );
    expect(r.results[0].anchor).toBe('fastmcp-renamed-to-mcpserver');
    expect(r.results[0].evidence.some((e) => e.startsWith('the paste links'))).toBe(true);
    expect(
      lookupSync('https://mcp-migrate.dev/guide/#cursor-parameter-removed-from-clientsession-list-methods', data)
        .results[0].confidence,
    ).toBe(1);
    // an area anchor is no section: the error decides
    const area = lookupSync(
      "TypeError: MCPServer.__init__() got an unexpected keyword argument 'port' (https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserver-formerly-fastmcp)",
      data,
    );
    expect(area.results[0].anchor).toBe(
      'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
    );
  });

  it('keeps a JavaScript stack out unless it quotes the SDK', () => {
    const ts =
      'McpError: MCP error -32601: Method not found\n    at Client._onresponse (file:///srv/node_modules/@modelcontextprotocol/sdk/dist/esm/shared/protocol.js:362:33)';
    expect(confident(ts)).toEqual([]);
    const inner =
      "McpError: MCP error -32600: Cannot send 'elicitation/create': this transport context has no back-channel for server-initiated requests.\n    at Client.request (file:///app/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js:10:5)";
    expect(lookupSync(inner, data).results[0].anchor).toBe(
      'server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror',
    );
  });
});

describe('symbol index: every v1 name goes where the guide says', () => {
  const at = (name: string) => {
    const e = data.symbols.names[name];
    return e ? e.map((x) => data.symbols.anchors[x[0] as number]) : undefined;
  };
  const member = (cls: string, m: string) => {
    const i = data.symbols.members[cls]?.[m];
    return i === undefined ? undefined : data.symbols.anchors[i];
  };
  it('camelCase fields, including the ones a curated list named elsewhere, go to the snake_case section', () => {
    for (const [cls, m] of [
      ['Tool', 'inputSchema'],
      ['Tool', 'outputSchema'],
      ['CallToolResult', 'isError'],
      ['ToolAnnotations', 'readOnlyHint'],
      ['PaginatedResult', 'nextCursor'] as const,
    ]) {
      expect(member(cls, m), `${cls}.${m}`).toBe('field-names-changed-from-camelcase-to-snake_case');
    }
    for (const m of ['inputSchema', 'outputSchema', 'isError', 'readOnlyHint']) expect(at(m), m).toBeUndefined();
    const r = lookupSync('readOnlyHint is gone from ToolAnnotations?', data);
    expect(r.results[0].anchor).toBe('field-names-changed-from-camelcase-to-snake_case');
  });
  it('has no Python builtins or v2 names posing as removed ones', () => {
    for (const n of ['ValueError', 'TypeError', 'Tool', 'Context', 'MCPServer']) expect(at(n), n).toBeUndefined();
    expect(confident('ValueError: something went wrong while reading')).toEqual([]);
  });
  it('knows which classes take fewer type arguments and which constructors changed their positions', () => {
    expect(data.symbols.generics?.Server?.slice(0, 2)).toEqual([2, 1]);
    expect(data.symbols.anchors[data.symbols.kwonly['MCPServer.__init__']]).toBe(
      'mcpserver-constructor-title-description-and-version-added-to-the-positional-parameters',
    );
  });
});

describe('reading where an error comes from', () => {
  const SITE = '/v/lib/python3.12/site-packages';
  it('finds an exception quoted after a prefix, or from an exceptions module, as the primary one', () => {
    expect(normalise("refresh failed: ImportError: cannot import name 'McpError' from 'mcp'").primary).toEqual({
      type: 'ImportError',
      message: "cannot import name 'McpError' from 'mcp'",
    });
    expect(normalise("Me sale esto: TypeError: f() got an unexpected keyword argument 'x'").primary?.type).toBe(
      'TypeError',
    );
    expect(normalise('django.core.exceptions.ImproperlyConfigured: settings are not configured').primary?.type).toBe(
      'django.core.exceptions.ImproperlyConfigured',
    );
    // prose that only mentions an error type is no exception line
    expect(normalise('why does RuntimeError happen here').primary).toBeNull();
  });

  it('unescapes a traceback carried in a JSON record, and leaves Windows paths alone', () => {
    const n = normalise(String.raw`{"level":"error","exc":"Traceback (most recent call last):
  File "C:\new\app.py", line 1, in <module>
ModuleNotFoundError: No module named 'mcp.server.fastmcp'"}`);
    expect(n.primary).toEqual({ type: 'ModuleNotFoundError', message: `No module named 'mcp.server.fastmcp'"}` });
    expect(
      normalise('File C:\new_server\\main.py not found').text, // "\n" as the shell would have turned it
    ).toContain('C:\new_server');
  });

  it('keeps the SDK frames: where it raised, and on which side', () => {
    const n = normalise(
      `Traceback (most recent call last):\n  File "/app/a.py", line 3, in main\n    await session.list_tools()\n  File "${SITE}/mcp/client/session.py", line 558, in send_request\n    _methods.validate_server_result(method, version, raw)\npydantic_core._pydantic_core.ValidationError: 1 validation error for ListToolsResult`,
    );
    expect(n.frames).toEqual([
      {
        module: 'mcp.client.session',
        fn: 'send_request',
        source: '_methods.validate_server_result(method, version, raw)',
      },
    ]);
    expect(frameText(n)).toBe('mcp.client.session.send_request: _methods.validate_server_result(method, version, raw)');
    expect(sdkSide(n)).toBe('client');
    expect(sdkSide(normalise('ValueError: x'))).toBeNull();
  });

  it('marks JavaScript pastes by their engine messages and compiler diagnostics too', () => {
    expect(normalise('SyntaxError: Unexpected token } in JSON at position 212').javascript).toBe(true);
    expect(normalise("src/a.ts(3,7): error TS2339: Property 'x' does not exist on type 'McpServer'.").javascript).toBe(
      true,
    );
    expect(normalise("TypeError: 'NoneType' object is not callable").javascript).toBe(false);
  });
});

describe('second-round mechanisms', () => {
  const top = (paste: string) => lookupSync(paste, data).results[0];
  it('reads a type checker naming a v2 TypedDict as the dict it is at runtime', () => {
    const r = top('x.py:3: error: "RequestParamsMeta" has no attribute "progressToken"  [attr-defined]');
    expect(r.anchor).toBe('requestparamsmeta-replaced-with-requestparamsmeta-typeddict');
    expect(r.evidence.join(' ')).toMatch(/'dict' object has no attribute 'progressToken'/);
  });
  it('reads tuple sizes as the unpacking error', () => {
    expect(typecheckLine('    Tuple size mismatch; expected 3 but received 2 (reportAssignmentType)')).toEqual([
      'ValueError: not enough values to unpack (expected 3, got 2)',
    ]);
    expect(typecheckLine('a.py:1: error: Too many values to unpack (2 expected, 3 provided)  [misc]')).toEqual([
      'ValueError: too many values to unpack (expected 2)',
    ]);
  });
  it('names a union between the two sides of an assertion', () => {
    expect(differences("'a:read a:write'", "'a:write'")).toEqual(['union']);
    expect(differences("'a'", "'b'")).toEqual([]);
  });
  it('completes a name cut short only when every completion agrees', () => {
    const r = top("TypeError: MCPServer.__init__() got an unexpected keyword argument 'mount_pa…");
    expect(r.anchor).toBe('mount_path-parameter-removed-from-mcpserver');
    expect(r.evidence[0]).toMatch(/completed the cut name `mount_pa…` as `mount_path`/);
    expect(r.confidence).toBeLessThanOrEqual(0.9);
    // a fragment too short to say anything
    expect(confident("TypeError: f() got an unexpected keyword argument 'a…")).toEqual([]);
  });
  it('reads an attribute or keyword a protocol model never had as the extra-fields change', () => {
    const r = top("AttributeError: 'Tool' object has no attribute 'category'");
    expect(r.anchor).toBe('extra-fields-on-mcp-types-are-no-longer-preserved');
    expect(r.evidence[0]).toMatch(/`Tool` never had `category`/);
    // a field the model has, in either spelling, is the camelCase rename instead
    expect(top("AttributeError: 'Tool' object has no attribute 'inputSchema'").anchor).toBe(
      'field-names-changed-from-camelcase-to-snake_case',
    );
  });
  it('weighs a guide-quoted message less for another method than the one the guide quotes', () => {
    const quoted = top("ERROR:mcp.shared.jsonrpc_dispatcher:handler for 'tools/call' raised");
    const other = lookupSync("ERROR:mcp.shared.jsonrpc_dispatcher:handler for 'prompts/get' raised", data).results[0];
    expect(quoted.anchor).toBe(other.anchor);
    expect(other.confidence).toBeLessThan(quoted.confidence);
  });
  it('ties a v2-only SDK message to the section whose heading names its class', () => {
    const r = top('RuntimeError: JSONRPCDispatcher.send_raw_request called before run()');
    expect(r.anchor).toBe('clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed');
    expect(r.confidence).toBeLessThan(0.96);
  });
  it('lets the server API a paste uses decide between the twin exception sections', () => {
    expect(top('my lowlevel server tool exceptions come back to the client as a JSON-RPC error now').anchor).toBe(
      'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
    );
    expect(
      top('raising MCPError in an @mcp.tool handler now comes back as a JSON-RPC error, not an isError result').anchor,
    ).toBe('mcperror-raised-from-an-mcptool-handler-now-surfaces-as-a-json-rpc-error');
  });
  it('does not take wire data or a None value for v1 code', () => {
    expect(confident("AttributeError: 'NoneType' object has no attribute 'call_tool'")).toEqual([]);
    const wire = lookupSync(
      "ValidationError: 1 validation error for Thing\nitems.0.inputSchema\n  Field required [type=missing, input_value={'inputSchema': {}}, input_type=dict]",
      data,
    ).results;
    expect(wire.some((r) => r.evidence.some((e) => /inputSchema.*removed in v2/.test(e)))).toBe(false);
  });
});

describe('confidence needs the SDK itself (provenance)', () => {
  const best = (paste: string) => lookupSync(paste, data).results[0];
  const possibleOnly = (paste: string, anchor?: string) => {
    const r = best(paste);
    expect(r, paste).toBeDefined();
    expect(r.confidence, paste).toBeLessThan(CONFIDENT);
    expect(r.evidence.at(-1), paste).toMatch(/nothing in the paste shows the Python SDK/);
    if (anchor) expect(r.anchor).toBe(anchor);
  };
  it('lists a generic Python error behind a curated symptom as a possible match, not an answer', () => {
    possibleOnly('RuntimeError: signal only works in main thread of the main interpreter');
    possibleOnly(
      "AttributeError: 'str' object has no attribute 'host'",
      'resource-uri-type-changed-from-anyurl-to-str',
    );
    // and gives no advice about the `mcp` pin for an import error that is not the SDK's
    const dep = lookupSync("ModuleNotFoundError: No module named 'pydantic_settings'", data);
    expect(dep.results[0].confidence).toBeLessThan(CONFIDENT);
    expect(dep.stayOnV1).toBeUndefined();
  });
  it("keeps other SDKs, other languages and jlowin's fastmcp below it, even naming a v1 class", () => {
    possibleOnly(
      'io.modelcontextprotocol.spec.McpError: Method not found: tools/lst\n\tat io.modelcontextprotocol.spec.McpClientSession.lambda$sendRequest$12(McpClientSession.java:249)',
    );
    possibleOnly(
      './cmd/server/main.go:41:12: srv.AddTool undefined (type *server.MCPServer has no field or method AddTool)',
    );
    possibleOnly(
      'error[E0599]: no method named `call_tool` found for struct `rmcp::service::RunningService` in the current scope\n  --> src/main.rs:22:10',
    );
    possibleOnly(
      'In the TypeScript SDK, does `CallToolResult.structuredContent` still need `outputSchema` on the tool?',
    );
    const jl =
      'Traceback (most recent call last):\n  File "/srv/a.py", line 2, in <module>\n    from fastmcp import Client\n  File "/srv/.venv/lib/python3.12/site-packages/fastmcp/client/client.py", line 88, in call_tool\n    raise ToolError(msg)\nfastmcp.exceptions.ToolError: Unknown tool: \'weather\'';
    expect(best(jl)?.confidence ?? 0).toBeLessThan(CONFIDENT);
  });
  it('keeps words about MCP below it: hosts, the protocol, the spec', () => {
    for (const q of [
      'Claude Desktop shows my MCP server as failed and the log says the server transport closed unexpectedly',
      'Does the MCP spec let a server send progress notifications for a tools/call request?',
    ]) {
      expect(best(q)?.confidence ?? 0, q).toBeLessThan(CONFIDENT);
    }
  });
  it('answers with confidence once the paste shows the SDK: frames, loggers, modules, the pin, a v1 name, its names in Python', () => {
    const frame =
      'Traceback (most recent call last):\n  File "/app/.venv/lib/python3.12/site-packages/mcp/server/lowlevel/server.py", line 512, in run\n    await self._serve(read, write)\nRuntimeError: signal only works in main thread of the main interpreter';
    expect(best(frame).confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(
      best('WARNING  mcp.server.streamable_http_manager: request body too large (5242880 bytes > 4194304)').confidence,
    ).toBeGreaterThanOrEqual(CONFIDENT);
    const pinned = best('since `uv add mcp==2.0.0` uploads to our server get 413 Request Entity Too Large');
    expect(pinned.anchor).toBe('streamable-http-request-bodies-are-limited-to-4-mib');
    expect(pinned.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(best('uploads to our server get 413 Request Entity Too Large').confidence).toBeLessThan(CONFIDENT);
    const named = best("TypeError: MCPServer.streamable_http_app() got an unexpected keyword argument 'port'");
    expect(named.confidence).toBeGreaterThanOrEqual(0.8);
    // a v1 name the symbol index knows as renamed, in prose
    expect(best('is `streamablehttp_client` gone in v2? what replaces it').confidence).toBeGreaterThanOrEqual(
      CONFIDENT,
    );
    // a name only the SDK's code uses, in a Python error that never says `mcp`
    expect(best("AttributeError: 'dict' object has no attribute 'progressToken'").confidence).toBeGreaterThanOrEqual(
      CONFIDENT,
    );
  });
  it("keeps an error of the user's own below it, however many SDK frames surround it", () => {
    const frame =
      '  File "/app/.venv/lib/python3.12/site-packages/mcp/server/mcpserver/tools/base.py", line 118, in run\n    result = await fn(**args)\n';
    const own = `Traceback (most recent call last):\n${frame}  File "/app/tools.py", line 9, in lookup\n    return CACHE[key]\nKeyError: 'k'`;
    expect(best(own)?.confidence ?? 0).toBeLessThan(CONFIDENT);
    // the same frames around an error the SDK raised itself still answer
    const sdk = `Traceback (most recent call last):\n${frame}TypeError: Context.log() got an unexpected keyword argument 'message'`;
    expect(best(sdk).confidence).toBeGreaterThanOrEqual(0.8);
  });
  it("does not take aiohttp's ClientSession, or a host called mcp.example.com, for the SDK", () => {
    possibleOnly(
      'Traceback (most recent call last):\n  File "/app/fetch.py", line 9, in main\n    async with aiohttp.ClientSession() as session:\nRuntimeError: Session is closed',
    );
    expect(
      best('httpx.ConnectError: [Errno -2] Name or service not known (https://mcp.example.com/api)')?.confidence ?? 0,
    ).toBeLessThan(CONFIDENT);
  });
});

describe('normalise', () => {
  it('reads the innermost exception of a group and strips noise', () => {
    const n = normalise(`\u001b[31m  + Exception Group Traceback (most recent call last):
  |   File "/x/a.py", line 1, in f
  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "/x/b.py", line 2, in g
    |     obj.run()
    | AttributeError: 'Thing' object at 0x7f00deadbeef has no attribute 'go'. Did you mean: 'run'?
    +------------------------------------\u001b[0m`);
    expect(n.primary).toEqual({ type: 'AttributeError', message: "'Thing' object has no attribute 'go'" });
    expect(n.suggestions).toEqual(['run']);
    expect(n.text).not.toMatch(/0x7f|File "|\u001b/);
  });

  it('strips log prefixes and pytest gutters, and keeps logger names', () => {
    expect(normalise('2026-08-02 10:14:07,912 - mcp.server - ERROR - boom').text).toBe('boom');
    expect(normalise('ERROR:root:KeyError: x').primary?.type).toBe('KeyError');
    expect(normalise('E       TypeError: f() takes 1 positional argument but 2 were given').primary?.type).toBe(
      'TypeError',
    );
    expect(normalise('[error] ValueError: v').primary?.message).toBe('v');
    expect(normalise("ERROR:mcp.shared.jsonrpc_dispatcher:handler for 'tools/call' raised").loggers).toEqual([
      'mcp.shared.jsonrpc_dispatcher',
    ]);
    expect(normalise('WARNING  mcp.server.transport_security: Invalid Host header: x').loggers).toEqual([
      'mcp.server.transport_security',
    ]);
  });

  it('passes over a wrapper to the error inside it', () => {
    const n = normalise(
      "[weather] [error] ModuleNotFoundError: No module named 'mcp.server.fastmcp'\n[weather] [error] Server disconnected.\nMcpError: MCP error -32000: Connection closed",
    );
    expect(n.primary?.type).toBe('ModuleNotFoundError');
  });

  it('notes packages, URLs and JavaScript stacks', () => {
    const n = normalise(
      '  File "/v/lib/python3.12/site-packages/httpx2/_client.py", line 1, in send\nhttpx2.ConnectError: refused (see https://example.com/x)',
    );
    expect(n.packages).toEqual(['httpx2']);
    expect(n.urls).toEqual(['https://example.com/x']);
    expect(n.javascript).toBe(false);
    expect(normalise('Error: boom\n    at f (file:///a/b.js:1:2)').javascript).toBe(true);
  });

  // The measurements: a 100 KB base64 blob took 2.5 s, `/` + 100 KB of letters 19 s.
  it('stays linear on hostile pastes', () => {
    const MB = 1 << 20;
    const hostile = [
      'x=' + Buffer.from(Array.from({ length: MB * 0.75 }, (_, i) => (i * 31) % 251)).toString('base64'),
      '/' + 'a'.repeat(MB),
      'File "' + 'a/'.repeat(MB / 2),
      ('word ' + 'x'.repeat(150) + ' ').repeat(MB / 156),
      'E' + ' '.repeat(MB) + 'x',
      '['.repeat(MB),
      'x\\n '.repeat(MB / 4),
      'step failed: ValueError: bad value; '.repeat(MB / 36),
      (
        JSON.stringify({ exc: 'Traceback (most recent call last):\n  File "/a.py", line 1, in f\nValueError: x' }) +
        '\n'
      ).repeat(MB / 100),
    ];
    for (const p of hostile) {
      const t = performance.now();
      lookupSync(p, data);
      expect(performance.now() - t, p.slice(0, 20)).toBeLessThan(1500);
    }
  });
});

describe('tool formats', () => {
  it('reads mypy and pyright diagnostics as the runtime error they predict', () => {
    expect(
      typecheckLine(
        'server.py:4: error: Cannot find implementation or library stub for module named "mcp.server.fastmcp"  [import-not-found]',
      ),
    ).toEqual(["ModuleNotFoundError: No module named 'mcp.server.fastmcp'"]);
    expect(
      typecheckLine('  /a/b.py:1:6 - error: Import "mcp.server.fastmcp" could not be resolved (reportMissingImports)'),
    ).toEqual(["ModuleNotFoundError: No module named 'mcp.server.fastmcp'"]);
    expect(
      typecheckLine(
        'x.py:6: error: Module "mcp.types" has no attribute "Content"; maybe "TextContent"?  [attr-defined]',
      ),
    ).toEqual(["ImportError: cannot import name 'Content' from 'mcp.types'"]);
    expect(typecheckLine('x.py:23: error: "Server[Any]" has no attribute "list_tools"  [attr-defined]')).toEqual([
      "AttributeError: 'Server' object has no attribute 'list_tools'",
    ]);
    expect(typecheckLine('  /a.py:3:1 - error: Cannot access attribute "inputSchema" for class "Tool"')).toEqual([
      "AttributeError: 'Tool' object has no attribute 'inputSchema'",
    ]);
    expect(
      typecheckLine(
        'x.py:30: error: Unexpected keyword argument "cursor" for "list_tools" of "ClientSession"  [call-arg]',
      ),
    ).toEqual(["TypeError: ClientSession.list_tools() got an unexpected keyword argument 'cursor'"]);
    expect(typecheckLine('x.py:41: error: Unexpected keyword argument "port" for "MCPServer"  [call-arg]')).toEqual([
      "TypeError: MCPServer.__init__() got an unexpected keyword argument 'port'",
    ]);
    expect(
      typecheckLine('x.py:20: error: "Server" expects between 0 and 1 type arguments, but 2 given  [type-arg]'),
    ).toEqual(['TypeError: Too many type arguments for Server: 2 given']);
    expect(typecheckLine('x.py:5: note: See https://mypy.readthedocs.io')).toBeNull();
    expect(typecheckLine('ValueError: not a diagnostic')).toBeNull();
  });

  it('reads what a failed pytest assertion compares', () => {
    const a = parseAssertions([
      "AssertionError: assert '' == '1.28.1'",
      "+ where '' = Implementation(name='weather', version='').version",
      'Left contains 1 more item:',
      "{'params': {'_meta': {}}}",
      "Failed: DID NOT RAISE <class 'pydantic_core._pydantic_core.ValidationError'>",
    ]);
    expect(a?.pairs).toEqual([{ left: "''", op: '==', right: "'1.28.1'" }]);
    expect(a?.where).toEqual(['version', 'Implementation']);
    expect(a?.extra).toEqual(["{'params': {'_meta': {}}}"]);
    expect(a?.raised).toEqual(['ValidationError']);
    expect(differences("'https://x.com'", "'https://x.com/'")).toEqual(['trailing slash']);
    expect(differences("''", "'1.28.1'")).toEqual(['empty']);
    expect(differences('None', "'x'")).toEqual(['none', 'missing']);
    expect(differences("'x'", 'None')).toEqual(['none']);
  });
});

describe('generated index', () => {
  it('ties SDK messages to sections, with every rule anchor real', () => {
    const messages = data.index!.messages.map(([re, sec]) => [re, data.sections[sec].anchor]);
    const find = (text: string) => messages.find(([re]) => new RegExp(re as string, 'i').test(text))?.[1];
    expect(find("handler for 'tools/call' raised")).toBe(
      'lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue',
    );
    expect(find("handler for 'tools/list' returned an invalid result")).toBe(
      'server-handler-results-are-validated-against-the-protocol-schema',
    );
    expect(find('Use list_tools(params=PaginatedRequestParams(...)) instead')).toBe(
      'cursor-parameter-removed-from-clientsession-list-methods',
    );
    expect(find('The logging capability is deprecated as of 2026-07-28 (SEP-2577).')).toBe(
      A('roots-sampling-and-logging-methods-deprecated-sep-2577').anchor,
    );
    // JSON-RPC's standard phrases are nobody's evidence
    expect(find('Method not found')).toBeUndefined();
  });
  it('names the loggers and packages the guide ties to sections', () => {
    expect(data.sections[data.index!.loggers.httpx2].anchor).toBe('httpx-and-httpx-sse-replaced-by-httpx2');
    expect(data.sections[data.index!.packages.httpx2].anchor).toBe('httpx-and-httpx-sse-replaced-by-httpx2');
    expect(data.index!.packages.httpx).toBeUndefined();
  });
});
