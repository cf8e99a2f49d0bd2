// Paste in, ranked guide sections out; the same module in the page, the playground and
// `mcp-migrate explain`. Order of trust: a link to a section; the SDK's own messages, curated
// symptoms and the symbol index (structure); then full text over the guide. Each result shows the
// evidence it rests on, and a weak answer is dropped: an empty answer beats a confident wrong one.

import { fulltextHits } from './fulltext.ts';
import { linkHits } from './links.ts';
import { matchMessages } from './messages.ts';
import { normalise } from './normalise.ts';
import { matchSymbols } from './symbols.ts';
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
const LOG_OR_ERROR = /\[Errno \d+\]|^\s*(?:error|fatal|panic)\b|^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\b/im;
// Names in prose and code, plain-words descriptions: softer than an error naming them, so full
// text may outrank them.
const MENTION = /^(?:mentions|uses|calls) /;
const BEHAVIOUR = /^described behaviour/;
const isFulltext = (h: Hit) => h.evidence.startsWith('full text');

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
    ...matchSymbols(n, data.symbols, data.sections),
    ...packageHits(n, data),
    ...(data.index ? [...matchMessages(n, data.index, data.sections), ...loggerHits(n, data)] : []),
  ];
  // JSON-RPC's own phrases and codes are true of every server: they support, they do not decide.
  for (const h of structural) if (GENERIC_JSONRPC.test(h.evidence)) h.confidence = Math.min(h.confidence, 0.7);
  if (!data.index) return structural;

  // A paste about another package (jlowin's `fastmcp`, its `fastmcp run` CLI) must not find the
  // SDK's FastMCP by its name; full text alone never answers for it, nor for an error that never
  // shows the SDK.
  const foreign = foreignPackage(n) ?? (JLOWIN_FASTMCP.test(n.text) ? 'fastmcp' : null);
  const ceiling = foreign || unrelatedError(n, paste.slice(0, 4000)) ? 0.45 : 1;
  const full = fulltextHits(n, data.index, data.sections, foreign ? new Set([foreign, ...tokens(foreign), 'fast']) : undefined).map((h) => ({
    ...h,
    confidence: Math.min(h.confidence, ceiling),
  }));
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
  return [{ anchor: sec.anchor, confidence: 0.8, evidence: `\`${n.primary?.type}\` comes from \`${pkg}\`, which v2 brought in` }];
}

// Signs the SDK is involved at all: its package, classes, loggers, the packages it brought in.
const SDK_CONTEXT = /\bmcp\b|\bmcp[._-]\w|fastmcp|MCPServer|ClientSession|ServerSession|modelcontextprotocol|httpx2|httpcore2|mcp_types|@mcp\.|\bctx\.|json-?rpc/i;

/** An error whose paste never shows the SDK: whatever words it shares with the guide are chance. */
function unrelatedError(n: Normalised, head: string): boolean {
  if (n.primary ? /AssertionError|^Failed$/.test(n.primary.type) : !LOG_OR_ERROR.test(head) && !LOG_OR_ERROR.test(n.text)) return false;
  return !SDK_CONTEXT.test(n.text) && !n.packages.some((p) => p === 'mcp' || p === 'httpx2' || p === 'mcp_types') && !n.loggers.some((l) => /^mcp\b/.test(l));
}

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
  const n = normalise(paste);
  let hits = evidence(paste, n, data);
  if (n.javascript) hits = javascriptOnly(hits);
  const results = merge(hits, data, opts);
  const answer: LookupAnswer = { results, normalised: n.text, primary: n.primary };
  if (results[0]?.impact === 'import') answer.stayOnV1 = STAY_ON_V1;
  return answer;
}
