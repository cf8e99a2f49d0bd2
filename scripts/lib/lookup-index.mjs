// The error lookup's generated index (src/generated/lookup-index.json), shared by the page and the CLI:
//
//   fulltext  a BM25 index of every guide section (heading, curated symptoms and symbols, prose, code,
//             and the v1 examples of the engine rules that implement it), so plain-words reports,
//             prose and code snippets find their section without a search service;
//   messages  the SDK's own message templates (what v2 raises, logs and warns, and v1's deprecation
//             warnings of what v2 removed), each tied to the section that explains it;
//   aliases   anchors the guide used before (its seed draft), so old links still land.
//
// Everything is derived from committed inputs: content/guide/**, src/generated/rules.json,
// data/sdk-messages.json (scripts/extract-sdk-messages.py) and scripts/seed-sections.json.

import { eachToken } from '../../src/lib/lookup/tokens.ts';

const NOT_A_TARGET_AREA = new Set(['find-your-changes']);

// --- full text -------------------------------------------------------------------------------

const FIELD_WEIGHT = { heading: 6, symptom: 2, symbol: 3, prose: 1, code: 1, rule: 0.7 };

/** The section body as words: no MDX comments, imports, link targets or the credit footer. */
function bodyParts(body) {
  const main = body
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/^import .*$/gm, ' ')
    .replace(/\n---\n\s*Official text:[\s\S]*$/, '');
  const code = [...main.matchAll(/```[\w-]*\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
  const prose = main
    .replace(/```[\s\S]*?```/g, ' ')
    // A link to another section names that section, not this one: keep only outside links' text.
    .replace(/\[([^\]]*)\]\((#[^)]*|\.{0,2}\/[^)]*)\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ');
  return { prose, code };
}

/**
 * @param {{fm: any, body: string, areaDir: string}[]} raw  sections in sections.json order
 * @param {{anchor: string, before?: string}[]} rules
 */
export function buildFulltext(raw, rules) {
  const beforeByAnchor = new Map();
  for (const r of rules)
    if (r.before) beforeByAnchor.set(r.anchor, `${beforeByAnchor.get(r.anchor) ?? ''}\n${r.before}`);
  // Key words: what a section's heading, curated symbols and symptoms say it is about.
  const keys = new Map();
  const docs = raw.map((r, i) => {
    const tf = new Map();
    if (NOT_A_TARGET_AREA.has(r.fm.area ?? r.areaDir)) return tf;
    const add = (text, w) => eachToken(String(text ?? ''), (t) => tf.set(t, (tf.get(t) ?? 0) + w));
    const key = (text) =>
      eachToken(String(text ?? ''), (t) => {
        if (!keys.has(t)) keys.set(t, []);
        if (keys.get(t).at(-1) !== i) keys.get(t).push(i);
      });
    key(r.fm.heading ?? r.fm.title);
    for (const s of r.fm.symptoms ?? []) key(s.text.replace(/\\[sSdDwWbB]|[()[\]?:|*+^$\\]/g, ' '));
    for (const s of r.fm.symbols ?? []) key(s);
    const { prose, code } = bodyParts(r.body);
    // A section no symptom can describe, or one about what did not change, is about the names its
    // prose lists.
    if (!r.fm.symptoms?.length || r.fm.impact === 'none') for (const m of prose.matchAll(/`([^`\n]+)`/g)) key(m[1]);
    add(r.fm.heading ?? r.fm.title, FIELD_WEIGHT.heading);
    for (const s of r.fm.symptoms ?? [])
      add(s.text.replace(/\\[sSdDwWbB]|[()[\]?:|*+^$\\]/g, ' '), FIELD_WEIGHT.symptom);
    for (const s of r.fm.symbols ?? []) add(s, FIELD_WEIGHT.symbol);
    add(prose, FIELD_WEIGHT.prose);
    add(code, FIELD_WEIGHT.code);
    add(beforeByAnchor.get(r.fm.anchor), FIELD_WEIGHT.rule);
    return tf;
  });
  const terms = new Map();
  const len = docs.map((tf) => round([...tf.values()].reduce((a, b) => a + b, 0)));
  docs.forEach((tf, i) => {
    for (const [t, w] of tf) {
      if (!terms.has(t)) terms.set(t, []);
      terms.get(t).push(i, round(w));
    }
  });
  const used = len.filter((l) => l > 0);
  return {
    n: used.length,
    avg: round(used.reduce((a, b) => a + b, 0) / used.length),
    len,
    terms: Object.fromEntries([...terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    keys: Object.fromEntries([...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

const round = (x) => Math.round(x * 10) / 10;

// --- SDK message templates -----------------------------------------------------------------

/**
 * Messages whose section the text alone does not give away, each checked against the guide and the
 * SDK source (the fragment is a substring of the message). Everything else is tied by the guide
 * quoting it, or, for a deprecation, by what it deprecates (the symbol index).
 */
const MESSAGE_RULES = [
  // v1 deprecations whose target is a member with other meanings
  {
    text: 'Returning str or bytes from read_resource is deprecated',
    anchor: 'lowlevel-server-automatic-return-value-wrapping-removed',
  },
  // v2 deprecations
  { text: 'ping is removed as of 2026-07-28', anchor: 'client-defaults-to-modeauto' },
  {
    text: 'Client-to-server progress is deprecated as of 2026-07-28',
    anchor: 'client-to-server-progress-deprecated-2026-07-28',
  },
  {
    text: 'is removed as of 2026-07-28; use Client.listen() instead',
    anchor: 'client-resource-subscription-methods-deprecated-sep-2575',
  },
  {
    text: 'capability is deprecated as of 2026-07-28 (SEP-2577)',
    anchor: 'roots-sampling-and-logging-methods-deprecated-sep-2577',
  },
  {
    text: 'are deprecated as of 2026-07-28 (SEP-2577)',
    anchor: 'roots-sampling-and-logging-methods-deprecated-sep-2577',
  },
  // OAuth client
  { text: 'Authorization response iss mismatch', anchor: 'oauth-callback_handler-returns-authorizationcoderesult' },
  {
    text: 'Authorization response missing iss parameter',
    anchor: 'oauth-callback_handler-returns-authorizationcoderesult',
  },
  {
    text: 'Authorization server registered the client',
    anchor:
      'oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata',
  },
  {
    text: 'Registered client uses unsupported token_endpoint_auth_method',
    anchor:
      'oauthclientinformationfull-no-longer-subclasses-oauthclientmetadata-and-parses-server-substituted-metadata',
  },
  // client
  { text: "mode must be 'legacy', 'auto'", anchor: 'client-defaults-to-modeauto' },
  // stdio: v2's own shutdown messages, and the win32 logger v2 renamed
  {
    text: 'is still alive after the kill escalation',
    anchor: 'stdio_client-shutdown-reworked-a-gracefully-exited-servers-children-are-left-alive-on-posix',
  },
  {
    text: 'No permission to signal some of process group',
    anchor: 'stdio_client-shutdown-reworked-a-gracefully-exited-servers-children-are-left-alive-on-posix',
  },
  {
    text: 'Process group termination failed for PID',
    anchor: 'stdio_client-shutdown-reworked-a-gracefully-exited-servers-children-are-left-alive-on-posix',
  },
  {
    text: 'Job Object',
    anchor: 'stdio_client-shutdown-reworked-a-gracefully-exited-servers-children-are-left-alive-on-posix',
  },
  {
    text: 'another stdio_server() in this process has already claimed fd',
    anchor: 'stdio_server-keeps-the-protocol-streams-on-private-descriptors',
  },
  // server
  {
    text: 'Mcp-Param header validation skipped',
    anchor: 'servers-validate-mcp-param-headers-against-the-request-body-sep-2243',
  },
  { text: 'Elicitation schema field', anchor: 'contextelicit-schema-gate-validates-the-rendered-schema' },
  {
    text: 'Session manager can only be accessed after calling streamable_http_app()',
    anchor: 'transport-specific-parameters-moved-from-mcpserver-constructor-to-runapp-methods',
  },
  {
    text: 'Resource returned InputRequiredResult; ctx.read_resource() only returns content',
    anchor: 'mcpserverget_prompt-and-read_resource-may-return-inputrequiredresult',
  },
  {
    text: 'capability required by resolver',
    anchor: 'resolver-routed-requests-require-the-client-capability-on-every-protocol-version',
  },
  { text: 'have no default value. A client may omit', anchor: 'resource-templates-matching-behavior-changes' },
  {
    text: 'has no URI template variables, but the handler declares',
    anchor: 'resource-templates-matching-behavior-changes',
  },
  { text: 'expected BaseModel, dict, or None', anchor: 'lowlevel-server-automatic-return-value-wrapping-removed' },
  {
    text: 'max_request_body_size must be a positive number',
    anchor: 'streamable-http-request-bodies-are-limited-to-4-mib',
  },
  { text: 'Request body too large', anchor: 'streamable-http-request-bodies-are-limited-to-4-mib' },
  {
    text: 'delivered via subscriptions/listen at this era',
    anchor: 'change-notifications-travel-only-on-subscriptionslisten-streams',
  },
  { text: 'no standalone channel', anchor: 'change-notifications-travel-only-on-subscriptionslisten-streams' },
  { text: 'no connection-wide log delivery at', anchor: 'log-messages-are-delivered-only-to-requests-that-opt-in' },
  {
    text: 'not opted in at that level on this request',
    anchor: 'log-messages-are-delivered-only-to-requests-that-opt-in',
  },
  { text: 'in JSON mode', anchor: 'server-initiated-sampling-elicitation-and-roots-raise-nobackchannelerror' },
  {
    text: 'transport yielded exception',
    anchor: 'lowlevel-serverrunraise_exceptionstrue-transport-errors-no-longer-re-raised',
  },
  // what v2 logs where the guide says a message is now dropped, logged or validated
  {
    text: 'discarding bound credentials and re-registering',
    anchor: 'oauth-client-credentials-are-bound-to-their-authorization-server-sep-2352',
  },
  { text: 'Failed to validate notification', anchor: 'client-validates-inbound-traffic-against-the-protocol-schema' },
  { text: 'notification callback for', anchor: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed' },
  {
    text: 'message_handler raised on transport exception',
    anchor: 'clientsession-now-runs-on-jsonrpcdispatcher-basesession-removed',
  },
  {
    text: 'Non-2xx body was not a JSON-RPC error',
    anchor: 'streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors',
  },
  { text: ': response stream closed', anchor: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession' },
  { text: ': dispatch context closed', anchor: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession' },
  { text: ': standalone stream closed', anchor: 'serversession-is-now-a-thin-proxy-no-longer-a-basesession' },
  { text: 'failed security validation', anchor: 'resource-templates-matching-behavior-changes' },
  {
    text: 'static resources cannot return InputRequiredResult',
    anchor: 'mcpserverget_prompt-and-read_resource-may-return-inputrequiredresult',
  },
  {
    text: 'Handler returned an invalid result',
    anchor: 'server-handler-results-are-validated-against-the-protocol-schema',
  },
  // the in-process dispatcher's own timeout: REQUEST_TIMEOUT, like the JSON-RPC one
  {
    text: 'Timed out after {}s waiting for',
    anchor: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
  },
  // v1 texts v2 changed, which the guide paraphrases
  {
    text: 'Timed out while waiting for response to',
    anchor: 'client-request-timeouts-now-raise-32001-request_timeout-instead-of-408',
  },
];
// `InvalidUriTemplate` is raised only by the RFC 6570 matcher v2 introduced.
const TYPE_RULES = [{ type: 'InvalidUriTemplate', anchor: 'resource-templates-matching-behavior-changes' }];

/** Literal text of a template: the longest piece between placeholders. */
const literals = (t) =>
  t
    .split('{}')
    .map((s) => s.replace(/\{\{|\}\}/g, (b) => b[0]).trim())
    .filter(Boolean);

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex source for a template: placeholders match a bounded run, whitespace matches any. */
function templateRegex(t) {
  const parts = t.split('{}').map((s) =>
    escapeRe(s.replace(/\{\{|\}\}/g, (b) => b[0]))
      .replace(/\s+/g, '\\s+')
      // Quotes and backticks may be lost or changed in a paste.
      .replace(/['"`]/g, '[\'"`\u2018\u2019]?'),
  );
  return parts.join('[^\\n]{0,160}?');
}

// Messages that say nothing about a migration on their own: JSON-RPC's standard phrases, which every
// SDK in every language prints, and messages the guide mentions in passing for more than one cause.
const NOT_EVIDENCE = [
  'Method not found',
  'Invalid request parameters',
  'Internal server error',
  'Error creating resource from template',
];

/** The one section whose text quotes the template (any instantiation of it), and the words it quotes. */
function guideQuote(re, raw) {
  const flat = (r) => r.body.replace(/[`*]/g, '').replace(/\s+/g, ' ');
  const found = raw.filter((r) => !NOT_A_TARGET_AREA.has(r.fm.area ?? r.areaDir) && re.test(flat(r)));
  return found.length === 1 ? { anchor: found[0].fm.anchor, quote: re.exec(flat(found[0]))[0] } : null;
}

/** The section of what a deprecation warning deprecates: a curated `Class.member` or the symbol index. */
function deprecatedTarget(m, raw, symbols) {
  // A warning raised in a constructor deprecates the constructor's parameters.
  const parts = m.qualname.split('.');
  const [cls, member] = parts.length >= 2 ? [parts[0], parts[1]] : [null, parts[0]];
  if (cls) {
    const curated = raw.filter((r) => (r.fm.symbols ?? []).includes(`${cls}.${member}`));
    if (curated.length === 1) return curated[0].fm.anchor;
  }
  const at = (i) => (i === undefined ? null : symbols.anchors[i]);
  if (symbols.modules[m.module] !== undefined) return at(symbols.modules[m.module]);
  const parent = Object.keys(symbols.modules).find((mod) => m.module.startsWith(mod + '.'));
  if (parent) return at(symbols.modules[parent]);
  if (cls) {
    const member_ = symbols.members[symbols.renamed[cls] ?? cls]?.[member] ?? symbols.members[cls]?.[member];
    if (member_ !== undefined) return at(member_);
    const anchors = new Set(Object.values(symbols.params[`${cls}.${member}`] ?? {}));
    if (anchors.size === 1) return at([...anchors][0]);
    return null;
  }
  const entries = symbols.names[member];
  if (entries?.length === 1) return at(entries[0][0]);
  const fnParams = new Set(Object.values(symbols.params[member] ?? {}));
  if (fnParams.size === 1) return at([...fnParams][0]);
  return null;
}

/** The one section whose heading names, in code, the class that raises or logs `m` (a compound name). */
function headingClass(m, raw) {
  const cls = m.qualname.split('.')[0];
  if (!/^[A-Z]\w*[A-Z]/.test(cls) || !/[a-z]/.test(cls)) return null;
  const found = raw.filter(
    (r) =>
      !NOT_A_TARGET_AREA.has(r.fm.area ?? r.areaDir) &&
      [...String(r.fm.heading ?? '').matchAll(/`([^`]+)`/g)].some((c) => c[1] === cls || c[1].startsWith(`${cls}.`)),
  );
  return found.length === 1 ? found[0].fm.anchor : null;
}

/**
 * @returns {Array<[string, number, string, string, number?, string?]>} [regex source, section index, literal for a fast
 *   pre-check (lowercase), where it comes from, how much less sure than a quote (default 1), the
 *   instance the guide quotes (loose text)] — one entry per distinct template.
 */
export function buildMessages(messages, raw, symbols) {
  const index = new Map(raw.map((r, i) => [r.fm.anchor, i]));
  const unknown = [...MESSAGE_RULES, ...TYPE_RULES].filter((r) => !index.has(r.anchor));
  if (unknown.length)
    throw new Error(`message rules name unknown sections: ${unknown.map((r) => r.anchor).join(', ')}`);
  const v1 = messages.releases['v1.28.1'];
  const v2 = messages.releases['v2.0.0'];
  const v2Texts = new Set(v2.map((m) => m.text));
  const v1Texts = new Set(v1.map((m) => m.text));
  // text -> best candidate; a curated rule beats the guide quoting it beats what a warning deprecates.
  const best = new Map();
  const consider = (m, release) => {
    const lits = literals(m.text);
    const longest = lits.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (lits.join(' ').length < 12 || !/\w+\W+\w+/.test(lits.join(' '))) return;
    if (NOT_EVIDENCE.some((t) => m.text.includes(t))) return;
    const src = templateRegex(m.text);
    const deprecation = m.kind === 'deprecated' || m.kind === 'warn';
    const rule =
      MESSAGE_RULES.find((r) => m.text.includes(r.text))?.anchor ?? TYPE_RULES.find((r) => r.type === m.type)?.anchor;
    const quoted = rule ? null : guideQuote(new RegExp(src, 'i'), raw);
    let anchor = rule ?? quoted?.anchor;
    let priority = rule ? 3 : quoted ? 2 : 0;
    if (!anchor && deprecation) {
      anchor = deprecatedTarget(m, raw, symbols);
      priority = m.kind === 'deprecated' ? 1 : 0.5;
    }
    // A message only v2 has, raised by a class one heading is about (`JSONRPCDispatcher.send_raw_request
    // called before run()`): that section explains the class, a little less surely than a quote.
    if (!anchor && release === 'v2.0.0' && !v1Texts.has(m.text)) {
      anchor = headingClass(m, raw);
      priority = 0.4;
    }
    if (!anchor || !index.has(anchor)) return;
    // A message v1 printed word for word is no sign of a migration problem, unless the guide says so.
    if (release === 'v2.0.0' && v1Texts.has(m.text) && priority < 2) return;
    if (release === 'v1.28.1' && !deprecation && priority < 2 && v2Texts.has(m.text)) return;
    const where =
      m.kind === 'log'
        ? `logged by \`${m.logger}\` (SDK ${release})`
        : deprecation
          ? `${m.type} from \`${m.qualname}\` (SDK ${release})`
          : `${m.type} raised in \`${m.module}\` (SDK ${release})`;
    const prev = best.get(m.text);
    const entry = [src, index.get(anchor), longest.toLowerCase(), where];
    if (priority < 0.5) entry.push(0.9);
    // The guide quoted the template for one method (`handler for 'tools/call' raised`): for another
    // method (`'sampling/createMessage'`) the cause may be another.
    else if (quoted && m.text.includes('{}') && /\b[a-z]+\/[a-zA-Z_/]+/.test(quoted.quote))
      entry.push(1, quoted.quote.toLowerCase().replace(/['"`\u2018\u2019]/g, ''));
    if (!prev || priority > prev.priority) best.set(m.text, { priority, entry });
  };
  for (const m of v2) consider(m, 'v2.0.0');
  for (const m of v1) consider(m, 'v1.28.1');
  return [...best.values()].map((b) => b.entry);
}

// --- packages v2 brought in ---------------------------------------------------------------------

/**
 * Import names of the dependencies v2 added (the guide's dependency table: "not a dependency" in
 * v1), each with the section whose heading names it: an exception or log line from one of these
 * came through the SDK.
 */
export function buildNewPackages(raw) {
  const out = {};
  const table = raw.find((r) => /dependency floors/i.test(r.fm.heading ?? r.fm.title ?? ''));
  if (!table) return out;
  for (const m of table.body.matchAll(/^\|\s*([\w.-]+)\s*\|\s*not a dependency\s*\|/gm)) {
    const dist = m[1];
    const module = dist.replace(/-api$/, '').replace(/-/g, '_');
    const named = raw.findIndex(
      (r) =>
        r !== table &&
        !NOT_A_TARGET_AREA.has(r.fm.area ?? r.areaDir) &&
        new RegExp(`\\b(?:${dist}|${module})\\b`, 'i').test(r.fm.heading ?? ''),
    );
    out[module] = named >= 0 ? named : raw.indexOf(table);
  }
  return out;
}

// --- the SDK's own names ---------------------------------------------------------------------

// Words only the MCP SDK's names are built from (`CallToolResult`, `ServerNotification`,
// `send_tool_list_changed`).
const MCP_WORDS =
  /Tool|Resource|Prompt|Notification|Elicit|Sampling|Progress|JSONRPC|Jsonrpc|MCP|Mcp|Session|Capabilit|Roots|Completion|Subscri|Dispatch|Transport|Stdio|Streamable|Sse|SSE|Initializ|Ping|Paginated|Cancelled|LoggingMessage|Meta|ServerRequest|ClientRequest|ServerResult|ClientResult|Implementation|BackChannel/;
const MCP_SNAKE_WORDS =
  /tool|resource|prompt|notification|elicit|sampling|progress|jsonrpc|mcp|capabilit|roots|initializ|stdio|streamable|sse|subscri|logging_level|ping|list_changed|session/;
// Names built from those words that other Python code uses as much (`session_id`, `get_tool`,
// `pkg_resources.ResourceManager`).
const SHARED = new Set([
  'ResourceManager',
  'ToolManager',
  'PromptManager',
  'ToolError',
  'ResourceError',
  'session_id',
  'get_session_id',
  'run_session',
  'terminate_session',
  'configure_session',
  'session_manager',
  'new_session_scope',
  'create_resource',
  'get_resource',
  'get_resource_url',
  'get_tool',
  'remove_tool',
  'get_prompt',
  'render_prompt',
  'remove_prompt',
  'get_capabilities',
  'check_capability',
  'build_capability',
  'update_capabilities',
  'to_assertion',
]);

// The protocol's own camelCase field names v1 models had (`inputSchema`, `progressToken`).
const MCP_FIELD =
  /^[a-z]+[A-Z]\w*(?:Schema|Hint|Info|Content|Priority|Changed)$|^(?:progress|tool|resource|elicitation|prompt)[A-Z]\w*$/;

/**
 * Names of either release that only an MCP program uses: compound class and type-alias names
 * (`CallToolResult`, `MCPServer`, `ElicitationResult`), snake_case functions and methods
 * (`send_tool_list_changed`, `stdio_client`) and the protocol's camelCase fields. A Python paste
 * naming one is about the SDK even when it never says `mcp`.
 */
export function buildSdkNames(...apis) {
  const out = new Set();
  const add = (name) => !SHARED.has(name) && out.add(name);
  for (const api of apis)
    for (const m of Object.values(api))
      for (const [name, e] of Object.entries(m.names)) {
        if (
          (e.kind === 'class' || e.kind === 'value') &&
          /^[A-Z](?=\w*[a-z])\w*$/.test(name) &&
          /[a-z][A-Z]|^[A-Z]{2,}[a-z]/.test(name) &&
          MCP_WORDS.test(name)
        )
          add(name);
        for (const fn of e.kind === 'function' ? [name] : Object.keys(e.methods ?? {}))
          if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(fn) && fn.length >= 8 && MCP_SNAKE_WORDS.test(fn)) add(fn);
        for (const f of e.fields ?? []) if (MCP_FIELD.test(f)) add(f);
      }
  return [...out].sort();
}

/**
 * Which side of the connection an SDK method belongs to (`send_roots_list_changed` is the client's,
 * `send_tool_list_changed` the server's): the names of `sdkNames` that only classes of one of
 * `mcp.client.*` and `mcp.server.*` define.
 */
export function buildSides(sdkNames, ...apis) {
  const methods = { client: new Set(), server: new Set() };
  for (const api of apis)
    for (const [mod, m] of Object.entries(api)) {
      const side = /^mcp\.(client|server)(?:\.|$)/.exec(mod)?.[1];
      if (!side) continue;
      for (const e of Object.values(m.names))
        for (const fn of Object.keys(e.kind === 'class' ? (e.methods ?? {}) : {})) methods[side].add(fn);
    }
  const out = {};
  for (const name of sdkNames) {
    const client = methods.client.has(name);
    if (client !== methods.server.has(name)) out[name] = client ? 'client' : 'server';
  }
  return out;
}

// --- logger names ----------------------------------------------------------------------------

/** Logger names a section's own sentences about loggers give (`httpx2`, `client.stdio.win32`). */
export function buildLoggers(raw) {
  const out = {};
  raw.forEach((r, i) => {
    if (NOT_A_TARGET_AREA.has(r.fm.area ?? r.areaDir)) return;
    const prose = r.body.replace(/```[\s\S]*?```/g, ' ');
    for (const sentence of prose.split(/(?<=[.!?])\s+/)) {
      if (!/\bloggers?\b(?!\s*=)|getLogger/.test(sentence)) continue;
      const names = [...sentence.matchAll(/getLogger\(["']([\w.]+)["']\)/g)].map((m) => m[1]);
      for (const m of sentence.matchAll(/`([a-z_][\w.]*)(?:\.\*)?`/g)) names.push(m[1]);
      for (const name of names) if (!(name in out)) out[name] = i;
    }
  });
  return out;
}

// --- values v2 may leave None ------------------------------------------------------------------

const NULLABLE = [
  /`([A-Za-z_][\w.]*)` (?:can|may|might) (?:now )?be `None`/g,
  /`([A-Za-z_][\w.]*)` is now `([^`]*\|\s*None)`/g,
  /`([A-Za-z_][\w.]*)` is `None` when/g,
];

/**
 * Attributes the guide says v2 may leave `None` where v1 always had a value (`params.arguments`
 * can be `None`; `request_id` is now `RequestId | None`): [name, type or '', section].
 */
export function buildNullable(raw) {
  const out = [];
  raw.forEach((r, i) => {
    if (NOT_A_TARGET_AREA.has(r.fm.area ?? r.areaDir)) return;
    const prose = `${r.fm.heading ?? ''}\n${r.body.replace(/```[\s\S]*?```/g, ' ')}`;
    for (const re of NULLABLE)
      for (const m of prose.matchAll(re)) if (!out.some((e) => e[0] === m[1])) out.push([m[1], m[2] ?? '', i]);
  });
  return out;
}

// --- old anchors -----------------------------------------------------------------------------

/** MkDocs `toc` slugify, as the guide's own links spell anchors. */
export const slugify = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');

export function buildAliases(seed, raw) {
  const index = new Map(raw.map((r, i) => [r.fm.anchor, i]));
  const aliases = {};
  for (const [heading, anchor] of Object.entries(seed.sections ?? {})) {
    const old = slugify(heading);
    if (old !== anchor && index.has(anchor) && !index.has(old)) aliases[old] = index.get(anchor);
  }
  return aliases;
}
