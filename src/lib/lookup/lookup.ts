// Paste in, ranked guide sections out; the same module in the page, the playground and
// `mcp-migrate explain`. Order of trust: a link to a section; the SDK's own messages, curated
// symptoms and the symbol index (structure); then full text over the guide. Each result shows the
// evidence it rests on, and a weak answer is dropped: an empty answer beats a confident wrong one.

import { completionHits } from './completion.ts';
import { fulltextHits } from './fulltext.ts';
import { linkHits } from './links.ts';
import { matchMessages } from './messages.ts';
import { normalise, sdkSide } from './normalise.ts';
import { asRuntime, matchSymbols } from './symbols.ts';
import { foreignPackage, matchSymptoms } from './symptoms.ts';
import { tokens } from './tokens.ts';
import type { Hit, LookupAnswer, LookupData, LookupOptions, LookupResult, Normalised } from './types.ts';

export type * from './types.ts';
export { normalise } from './normalise.ts';

export const MIN_CONFIDENCE = 0.5;
const DEFAULT_LIMIT = 5;

/** How a v1 project keeps running while it migrates: shown with every import-time failure. */
export const STAY_ON_V1 =
  'To keep running on v1 while you migrate, bound the requirement below 2: `mcp>=1.28,<2` in pyproject.toml, or `mcp<2` in requirements.txt.';

// jlowin's `fastmcp` package: its modules, its CLI, its docs.
const JLOWIN_FASTMCP = /\bfrom fastmcp(?:\.[\w.]+)? import\b|\bimport fastmcp\b|\bfastmcp\.\w|^\s*\$?\s*fastmcp (?:run|dev|install|inspect)\b|gofastmcp\.com|\bfastmcp [23]\.\d/im;

// What a JavaScript stack may still be evidence of: this SDK's own words, a guide link, a log line.
const SDK_OWN = /^(?:matched symptom|SDK message|link|the paste links|logged by|`[\w.]+` comes from)/;
// a log line, or an error from some program: no prose answer may rest on full text alone
// (other ecosystems' tools included: npm, yarn, cargo/rustc, tsc, go)
const LOG_OR_ERROR = /\[Errno \d+\]|^\s*(?:error|fatal|panic)\b|^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\b|^\s*(?:npm (?:ERR!|error)|yarn (?:error|ERR)|pnpm ERR|error\[E\d+\]|error TS\d+|go: |Uncaught \w*Error)/im;
// Names in prose and code, plain-words descriptions: softer than an error naming them, so full
// text may outrank them.
const MENTION = /^(?:mentions|uses|calls) /;
const BEHAVIOUR = /^described behaviour/;
const isFulltext = (h: Hit) => h.evidence.startsWith('full text');
// Words, not code: full text, described behaviour, a name mentioned in prose.
const isSoft = (h: Hit) => isFulltext(h) || BEHAVIOUR.test(h.evidence) || h.evidence.startsWith('mentions ');

// Which server API a paste is about: the lowlevel `Server` (its `on_*` handlers, v1's decorators on
// a `server`, the word itself) or `MCPServer`/`FastMCP` (`@mcp.tool`, `Context`); null for both or neither.
const LOWLEVEL = /\blow(?:[- ]?)level\b|mcp\.server\.lowlevel|\bon_(?:call_tool|list_tools|read_resource|get_prompt|list_resources|list_prompts)\s*=|@server\.(?:call_tool|list_tools|read_resource|get_prompt|list_resources|list_prompts)\(\)|\bServerRequestContext\b/i;
const HIGHLEVEL = /@(?:mcp|app)\.(?:tool|resource|prompt)\b|\b(?:MCPServer|FastMCP)\(|\bctx: Context\b|\bfastmcp\b/i;
function serverApi(text: string): 'lowlevel' | 'mcpserver' | null {
  const low = LOWLEVEL.test(text);
  const high = HIGHLEVEL.test(text);
  return low === high ? null : low ? 'lowlevel' : 'mcpserver';
}

// JSON-RPC's own codes and phrases: every MCP SDK in every language says them.
const GENERIC_JSONRPC = /^matched symptom: “(?:-?32\d{3}|Method not found|Invalid params|Internal error|Parse error|Invalid request|Connection closed|Request timed out)”$/i;

function merge(hits: Hit[], data: LookupData, opts: LookupOptions): LookupResult[] {
  const byAnchor = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byAnchor.get(h.anchor) ?? [];
    list.push(h);
    byAnchor.set(h.anchor, list);
  }
  const sections = new Map(data.sections.map((s) => [s.anchor, s]));
  const out: LookupResult[] = [];
  for (const [anchor, list] of byAnchor) {
    const sec = sections.get(anchor);
    if (!sec) continue;
    list.sort((a, b) => b.confidence - a.confidence);
    // The best piece of evidence sets the level; independent corroboration nudges it up, full text
    // by how sure it is itself, so it settles near-ties between structural answers.
    const kinds = new Set(list.filter((h) => !isFulltext(h)).map((h) => h.evidence.split(/[:(]/)[0]));
    const text = list.find(isFulltext);
    const support = 0.03 * (kinds.size - (isFulltext(list[0]) ? 0 : 1)) + (text && text !== list[0] ? 0.06 * text.confidence : 0);
    // Only a direct link to a section is certain.
    const confidence = Math.min(list[0].confidence >= 1 ? 1 : 0.99, list[0].confidence + support);
    // Structural evidence first: it is what explains the match; full text only agrees.
    const ranked = [...list.filter((h) => !isFulltext(h)), ...list.filter(isFulltext)];
    const evidence = [...new Set(ranked.map((h) => h.evidence))].slice(0, 4);
    out.push({ anchor, title: sec.title, area: sec.area, path: sec.path, impact: sec.impact, confidence: round(confidence), evidence });
  }
  out.sort((a, b) => b.confidence - a.confidence || order(data, a.anchor) - order(data, b.anchor));
  const min = opts.minConfidence ?? MIN_CONFIDENCE;
  return out.filter((r) => r.confidence >= min).slice(0, opts.limit ?? DEFAULT_LIMIT);
}

const round = (x: number) => Math.round(x * 100) / 100;
const order = (data: LookupData, anchor: string) => data.sections.findIndex((s) => s.anchor === anchor);

function evidence(paste: string, n: Normalised, data: LookupData): Hit[] {
  const links = linkHits(paste, n, data);
  if (links.some((h) => h.confidence >= 1)) return links;
  const structural = [
    ...links,
    ...matchSymptoms(n, data.sections),
    ...matchSymbols(n, data.symbols, data.sections, data.index?.models),
    ...completionHits(n, data),
    ...packageHits(n, data),
    ...(data.index ? [...matchMessages(n, data.index, data.sections), ...loggerHits(n, data)] : []),
  ];
  // A paste about another package (jlowin's `fastmcp`, its `fastmcp run` CLI) must not find the
  // SDK's FastMCP by its name; full text alone never answers for it, nor for an error that never
  // shows the SDK.
  const foreign = foreignPackage(n) ?? (JLOWIN_FASTMCP.test(n.text) ? 'fastmcp' : null);
  const ceiling = foreign || unrelatedError(n, paste.slice(0, 4000), data) ? 0.45 : 1;
  // JSON-RPC's own phrases and codes are true of every server: they support, they do not decide,
  // and say nothing at all in an error that never shows the SDK.
  for (const h of structural) if (GENERIC_JSONRPC.test(h.evidence)) h.confidence = Math.min(h.confidence, 0.7, ceiling);
  // A section about one side of the SDK (`Client validates ...`, `Server handler results ...`) is
  // less likely when the traceback shows the other side raised it.
  const side = sdkSide(n);
  if (side) {
    const other = side === 'client' ? /^`?Server\b(?!-)/ : /^`?Client\b(?!-)/;
    const far = new Set(data.sections.filter((s) => other.test(s.title)).map((s) => s.anchor));
    for (const h of structural) if (far.has(h.anchor)) h.confidence -= 0.15;
  }
  if (!data.index) return structural;

  const full = fulltextHits(n, data.index, data.sections, foreign ? new Set([foreign, ...tokens(foreign), 'fast']) : undefined).map((h) => ({
    ...h,
    confidence: Math.min(h.confidence, ceiling),
  }));
  // Plain words and full text are alike for the twin sections of the two server APIs (a tool's
  // exception becomes a JSON-RPC error in both): the API the paste uses decides between them.
  const flavour = serverApi(n.text);
  if (flavour) {
    const otherArea = flavour === 'lowlevel' ? 'mcpserver-formerly-fastmcp' : 'lowlevel-server';
    const area = new Map(data.sections.map((s) => [s.anchor, s.area]));
    for (const h of [...structural, ...full]) if (area.get(h.anchor) === otherArea && isSoft(h)) h.confidence -= 0.15;
  }
  const found = new Set(structural.map((h) => h.anchor));
  // With a confident structural answer (an error, a message, a link), full text may only
  // corroborate it, never add noise. A mere mention of a name does not settle anything.
  const settled = Math.max(0, ...structural.filter((h) => !MENTION.test(h.evidence) && !BEHAVIOUR.test(h.evidence)).map((h) => h.confidence));
  // A plain-words description overlapping the paste is full-text-like evidence: the same ceiling.
  const hits = structural.map((h) => (BEHAVIOUR.test(h.evidence) ? { ...h, confidence: Math.min(h.confidence, ceiling) } : h));
  for (const h of full) {
    if (found.has(h.anchor)) hits.push({ ...h, confidence: Math.min(h.confidence, Math.max(settled, ...structural.filter((s) => s.anchor === h.anchor).map((s) => s.confidence))) });
    else hits.push({ ...h, confidence: settled >= 0.8 ? Math.min(h.confidence, settled - 0.1) : h.confidence });
  }
  return hits;
}

/**
 * A log line from a logger the guide names (`httpx2`, `client.stdio.win32`) or from a package v2
 * brought in (`opentelemetry.exporter...`); and, weaker, a traceback running through such a package.
 */
function loggerHits(n: Normalised, data: LookupData): Hit[] {
  const known = data.index?.loggers ?? {};
  const packages = data.index?.packages ?? {};
  const hits: Hit[] = [];
  for (const logger of n.loggers) {
    const name = Object.keys(known).find((k) => logger === k || logger.startsWith(k + '.'));
    const at = name !== undefined ? known[name] : packages[logger.split('.')[0]];
    const sec = at === undefined ? undefined : data.sections[at];
    if (sec) hits.push({ anchor: sec.anchor, confidence: 0.8, evidence: `logged by \`${logger}\`, a logger the section names` });
  }
  for (const pkg of n.packages) {
    const at = packages[pkg];
    if (at !== undefined && data.sections[at]) hits.push({ anchor: data.sections[at].anchor, confidence: 0.65, evidence: `the traceback runs through \`${pkg}\`, which v2 brought in` });
  }
  return hits;
}

/**
 * An exception from a package v2 brought in (`httpx2.ConnectError` escaping through the SDK): it
 * came through the SDK, and the section about that package explains it.
 */
function packageHits(n: Normalised, data: LookupData): Hit[] {
  const pkg = n.primary && /^([a-z_][\w]*)\.(?:[\w.]*\.)?[A-Z]\w*$/.exec(n.primary.type)?.[1];
  const at = pkg ? data.index?.packages[pkg] : undefined;
  const sec = at === undefined ? undefined : data.sections[at];
  if (!sec) return [];
  // A timeout says how long something waited: which section explains that wait is the paste's
  // business (a default that changed, a client built without one); the package is only the messenger.
  const timeout = /Timeout$/.test(n.primary?.type ?? '');
  return [{ anchor: sec.anchor, confidence: timeout ? 0.7 : 0.8, evidence: `\`${n.primary?.type}\` comes from \`${pkg}\`, which v2 brought in` }];
}

// Signs the SDK is involved at all: its package, classes, loggers, the packages it brought in.
// `mcp` as a word, a package path or an endpoint (`POST /mcp`), not inside a host name
// (`mcp.internal`) or a download URL (`/simple/mcp/`, `/m/mcp/mcp-2.0.0.tar.gz`).
const SDK_CONTEXT = /(?<![\w.-])mcp(?![\w.\-/])|\/mcp\/?\s+HTTP|\bmcp\.(?:server|client|shared|types|os|cli)\b|\bmcp[_-][a-z]|fastmcp|modelcontextprotocol|httpx2|httpcore2|mcp_types|@mcp\.|\bctx\.|json-?rpc/i;
// its classes, spelled as Python spells them (the TypeScript SDK's server is `McpServer`)
const SDK_CLASSES = /\b(?:MCPServer|FastMCP|ClientSession|ServerSession)\b/;

/** An error whose paste never shows the SDK: whatever words it shares with the guide are chance. */
function unrelatedError(n: Normalised, head: string, data: LookupData): boolean {
  if (n.primary ? /AssertionError|^Failed$/.test(n.primary.type) : !LOG_OR_ERROR.test(head) && !LOG_OR_ERROR.test(n.text)) return false;
  return !showsSdk(n, data);
}

const sdkNameSets = new WeakMap<string[], Set<string>>();

/** Does the paste show the SDK: its package, loggers, the packages it brought in, its class names? */
function showsSdk(n: Normalised, data: LookupData): boolean {
  // A URL is an address (`https://pypi.org/simple/mcp/` is pip fetching it), not the SDK; an
  // endpoint in an access log (`POST /mcp`) is.
  const text = n.urls.length ? n.text.replace(/\bhttps?:\/\/\S+/g, ' ') : n.text;
  if (SDK_CONTEXT.test(text) || SDK_CLASSES.test(text) || n.packages.some((p) => p === 'mcp' || p === 'httpx2' || p === 'mcp_types') || n.loggers.some((l) => /^mcp\b/.test(l))) return true;
  const list = data.index?.sdkNames;
  if (!list) return false;
  let names = sdkNameSets.get(list);
  if (!names) sdkNameSets.set(list, (names = new Set(list)));
  for (const m of text.matchAll(/\b[A-Z][a-z0-9]+[A-Z]\w*/g)) if (names.has(m[0])) return true;
  return false;
}

// A paste that says the other end runs this SDK: Python, its server classes (case matters: the
// TypeScript SDK's is `McpServer`), its package.
const PYTHON_SERVER = /\b[Pp]ython\b|\b[Ll]ow-?level Server\b|\b(?:MCPServer|FastMCP)\b|@mcp\.tool|\bmcp(?:==|>=|\s)[12]\.\d/;

/** A JavaScript program's error is another SDK's business unless it quotes this SDK's own words. */
function javascriptOnly(hits: Hit[]): Hit[] {
  return hits
    .filter((h) => !GENERIC_JSONRPC.test(h.evidence))
    .map((h) => (SDK_OWN.test(h.evidence) ? h : { ...h, confidence: Math.min(h.confidence, 0.45) }));
}

export function lookup(paste: string, data: LookupData, opts: LookupOptions = {}): Promise<LookupAnswer> {
  return Promise.resolve(lookupSync(paste, data, opts));
}

/** The whole lookup, synchronously (it needs no I/O once the data is loaded). */
export function lookupSync(paste: string, data: LookupData, opts: LookupOptions = {}): LookupAnswer {
  const n = asRuntime(normalise(paste), data.symbols);
  let hits = evidence(paste, n, data);
  // A JavaScript client's stack around a Python server's answer: the prose says which server.
  if (n.javascript && !PYTHON_SERVER.test(n.text)) hits = javascriptOnly(hits);
  const results = merge(hits, data, opts);
  const answer: LookupAnswer = { results, normalised: n.text, primary: n.primary };
  if (results[0]?.impact === 'import') answer.stayOnV1 = STAY_ON_V1;
  return answer;
}
