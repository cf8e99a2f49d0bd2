// Paste in, ranked guide sections out; the same module in the page, the playground and
// `mcp-migrate explain`. Order of trust: a link to a section; the SDK's own messages, curated
// symptoms and the symbol index (structure); then full text over the guide. Each result shows the
// evidence it rests on. An answer reaches CONFIDENT only when the paste shows this SDK
// (provenance.ts); below that it is listed as a possible match, and below MIN_CONFIDENCE dropped:
// no answer beats a confident wrong one.

import { completionHits } from './completion.ts';
import { fulltextHits } from './fulltext.ts';
import { linkHits } from './links.ts';
import { matchMessages } from './messages.ts';
import { normalise, sdkSide } from './normalise.ts';
import { nullableHits } from './nullable.ts';
import { asRuntime, matchSymbols } from './symbols.ts';
import {
  CONFIDENT,
  errorOfSdk,
  errorPaste,
  JLOWIN_FASTMCP,
  runsV1,
  sdkEvidence,
  sdkNames,
  unconfirmed,
  UNCONFIRMED_NOTE,
} from './provenance.ts';
import { foreignPackage, matchSymptoms } from './symptoms.ts';
import { tokens } from './tokens.ts';
import type { Hit, LookupAnswer, LookupData, LookupOptions, LookupResult, Normalised } from './types.ts';

export type * from './types.ts';
export { normalise } from './normalise.ts';

/** Below this nothing is listed; from it up to CONFIDENT, a possible match (see provenance.ts). */
export const MIN_CONFIDENCE = 0.3;
export { CONFIDENT };
const DEFAULT_LIMIT = 5;

/** How a v1 project keeps running while it migrates: shown with every import-time failure. */
export const STAY_ON_V1 =
  'To keep running on v1 while you migrate, bound the requirement below 2: `mcp>=1.28,<2` in pyproject.toml, or `mcp<2` in requirements.txt.';

// Names in prose and code, plain-words descriptions: softer than an error naming them, so full
// text may outrank them.
const MENTION = /^(?:mentions|uses|calls) /;
// What the symbol index reads off v1 code: names, calls, decorators, arguments, fields.
const CODE_READ = /^(?:mentions|uses|calls|decorates with|passe[sd]|describes a) /;
const BEHAVIOUR = /^described behaviour/;
const isFulltext = (h: Hit) => h.evidence.startsWith('full text');
// Words, not code: full text, described behaviour, a name mentioned in prose.
const isSoft = (h: Hit) => isFulltext(h) || BEHAVIOUR.test(h.evidence) || h.evidence.startsWith('mentions ');

// Which server API a paste is about: the lowlevel `Server` (its `on_*` handlers, v1's decorators on
// a `server`, the word itself) or `MCPServer`/`FastMCP` (`@mcp.tool`, `Context`); null for both or neither.
const LOWLEVEL =
  /\blow(?:[- ]?)level\b|mcp\.server\.lowlevel|\bon_(?:call_tool|list_tools|read_resource|get_prompt|list_resources|list_resource_templates|list_prompts|completion|set_logging_level|subscribe_resource|unsubscribe_resource)\b|@server\.(?:call_tool|list_tools|read_resource|get_prompt|list_resources|list_prompts)\(\)|\bServerRequestContext\b/i;
// (v1's lowlevel `server.call_tool()` was a decorator factory: awaiting one calls `MCPServer`'s)
const HIGHLEVEL =
  /@(?:mcp|app)\.(?:tool|resource|prompt)\b|\b(?:MCPServer|FastMCP)\b(?!\.|\(\))|\bctx: Context\b|\bfastmcp\b|\bawait\s+(?:self\.)?(?:server|mcp|app)\.(?:call_tool|list_tools|read_resource|get_prompt|list_resources|list_prompts)\(/i;
function serverApi(text: string): 'lowlevel' | 'mcpserver' | null {
  const low = LOWLEVEL.test(text);
  const high = HIGHLEVEL.test(text);
  return low === high ? null : low ? 'lowlevel' : 'mcpserver';
}

const CONTINUITY =
  /\b(?:still|unchanged|the same|carry over|survive|(?:did not|didn't|does not|doesn't) change|(?:does|do|did) (?:any(?:thing)?|it|that|those|these|its?|my|our)\b[^?]{0,60}\bchange)\b/i;
const UNCHANGED_TITLE = /\bunchanged\b|\bdid not change\b/i;

// JSON-RPC's own codes and phrases: every MCP SDK in every language says them.
const GENERIC_JSONRPC =
  /^matched symptom: “(?:-?32\d{3}|Method not found|Invalid params|Internal error|Parse error|Invalid request|Connection closed|Request timed out)”$/i;

function merge(hits: Hit[], data: LookupData, opts: LookupOptions, shown: boolean): LookupResult[] {
  const byAnchor = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byAnchor.get(h.anchor) ?? [];
    list.push(h);
    byAnchor.set(h.anchor, list);
  }
  const sections = new Map(data.sections.map((s) => [s.anchor, s]));
  const out: Array<LookupResult & { raw: number }> = [];
  for (const [anchor, list] of byAnchor) {
    const sec = sections.get(anchor);
    if (!sec) continue;
    list.sort((a, b) => b.confidence - a.confidence);
    // The best piece of evidence sets the level; independent corroboration nudges it up, full text
    // by how sure it is itself, so it settles near-ties between structural answers.
    // (two different descriptions of the section's behaviour that the paste both says are two)
    const kinds = new Set(
      list
        .filter((h) => !isFulltext(h))
        .map((h) => (BEHAVIOUR.test(h.evidence) ? h.evidence : h.evidence.split(/[:(]/)[0])),
    );
    const text = list.find(isFulltext);
    const lead = list.find((h) => !isFulltext(h));
    // Full text above a plain-words description (the only structure it does not yield to) leads,
    // and the description supports it as much as it would have supported the description.
    const level = Math.max(
      lead ? lead.confidence + 0.03 * (kinds.size - 1) + (text ? 0.06 * text.confidence : 0) : 0,
      text ? text.confidence + 0.03 * kinds.size : 0,
    );
    // Only a direct link to a section is certain; pieces each too weak to answer (capped, or
    // words alone) do not add up to an answer either.
    const best = Math.min(
      list[0].confidence >= 1 ? 1 : 0.99,
      list[0].confidence < CONFIDENT ? CONFIDENT - 0.01 : 1,
      level,
    );
    const confidence = shown ? best : unconfirmed(best);
    // Structural evidence first: it is what explains the match; full text only agrees.
    const ranked = [...list.filter((h) => !isFulltext(h)), ...list.filter(isFulltext)];
    const evidence = [...new Set(ranked.map((h) => h.evidence))].slice(0, 4);
    if (!shown) evidence.push(UNCONFIRMED_NOTE);
    out.push({
      anchor,
      title: sec.title,
      area: sec.area,
      path: sec.path,
      impact: sec.impact,
      confidence: round(confidence),
      evidence,
      raw: level,
    });
  }
  // (an unconfirmed answer keeps the order its evidence gave it, whatever rounding makes equal)
  out.sort((a, b) => b.confidence - a.confidence || b.raw - a.raw || order(data, a.anchor) - order(data, b.anchor));
  const min = opts.minConfidence ?? MIN_CONFIDENCE;
  return out
    .filter((r) => r.confidence >= min)
    .slice(0, opts.limit ?? DEFAULT_LIMIT)
    .map(({ raw: _, ...r }) => r);
}

const round = (x: number) => Math.round(x * 100) / 100;
const order = (data: LookupData, anchor: string) => data.sections.findIndex((s) => s.anchor === anchor);

function evidence(paste: string, n: Normalised, data: LookupData): { hits: Hit[]; shown: boolean } {
  const links = linkHits(paste, n, data);
  if (links.some((h) => h.confidence >= 1)) return { hits: links, shown: true };
  const structural = [
    ...links,
    ...matchSymptoms(n, data.sections),
    ...matchSymbols(n, data.symbols, data.sections, data.index?.models),
    ...completionHits(n, data),
    ...packageHits(n, data),
    ...(data.index
      ? [
          ...matchMessages(n, data.index, data.sections),
          ...loggerHits(n, data),
          ...nullableHits(n, data.index, data.sections),
        ]
      : []),
  ];
  // A paste about another package (jlowin's `fastmcp`, its `fastmcp run` CLI) must not find the
  // SDK's FastMCP by its name; full text alone never answers for it, nor for an error that shows
  // the SDK by no more than a name.
  const foreign =
    foreignPackage(n) ?? (JLOWIN_FASTMCP.test(n.text) || n.packages.includes('fastmcp') ? 'fastmcp' : null);
  const shown = sdkEvidence(paste, n, structural, data, foreign);
  // (nor for an error of the user's own that only runs through the SDK: a KeyError in a tool)
  const ownError =
    errorPaste(n, paste.slice(0, 4000)) && (shown === null || shown === 'name' || !errorOfSdk(paste, n, data));
  const ceiling = foreign || ownError ? 0.45 : 1;
  // (nor, with a name or a mention of one, for a paste that says it runs a v1 release: v1's names
  // are no mistake in v1, and its behaviour is no migration problem)
  const onV1 = runsV1(paste, n, data);
  if (onV1) for (const h of structural) if (CODE_READ.test(h.evidence)) h.confidence = Math.min(h.confidence, 0.45);
  // JSON-RPC's own phrases and codes are true of every server: they support, they do not decide,
  // and say nothing at all in an error that never shows the SDK.
  for (const h of structural) if (GENERIC_JSONRPC.test(h.evidence)) h.confidence = Math.min(h.confidence, 0.7, ceiling);
  // A section about one side of the SDK (`Client validates ...`, `ServerSession is ...`) is less
  // likely when the traceback shows the other side raised it, or the paste calls the other side's
  // methods.
  const side = sdkSide(n) ?? calledSide(n.text, data.index?.sides) ?? (CLIENT_OF.test(n.text) ? 'client' : null);
  structural.push(...clientValidationHits(n, side, data));
  const other =
    side === 'client' ? /^`?Server(?:Session)?\b(?!-)/ : side === 'server' ? /^`?Client(?:Session)?\b(?!-)/ : null;
  const far = new Set(other ? data.sections.filter((s) => other.test(s.title)).map((s) => s.anchor) : []);
  for (const h of structural) if (far.has(h.anchor)) h.confidence -= 0.15;
  if (!data.index) return { hits: structural, shown: shown !== null };

  const full = fulltextHits(
    n,
    data.index,
    data.sections,
    foreign ? new Set([foreign, ...tokens(foreign), 'fast']) : undefined,
  ).map((h) => ({
    ...h,
    confidence: Math.min(h.confidence, onV1 ? 0.45 : ceiling) - (far.has(h.anchor) ? 0.15 : 0),
  }));
  // Plain words and full text are alike for the twin sections of the two server APIs (a tool's
  // exception becomes a JSON-RPC error in both): the API the paste uses decides between them.
  const flavour = serverApi(n.text);
  if (flavour) {
    const otherArea = flavour === 'lowlevel' ? 'mcpserver-formerly-fastmcp' : 'lowlevel-server';
    const area = new Map(data.sections.map((s) => [s.anchor, s.area]));
    for (const h of [...structural, ...full]) if (area.get(h.anchor) === otherArea && isSoft(h)) h.confidence -= 0.15;
  }
  // A question whether something still works as before ("does X still ...", "does any of that
  // change") is answered by the sections about what did not change, when words point there too.
  if (!n.primary && n.text.includes('?') && CONTINUITY.test(n.text)) {
    const unchanged = new Set(data.sections.filter((s) => UNCHANGED_TITLE.test(s.title)).map((s) => s.anchor));
    for (const h of [...structural, ...full]) if (unchanged.has(h.anchor) && isSoft(h)) h.confidence += 0.08;
  }
  // (a plain-words description is no more than full text: it caps nothing)
  const found = new Set(structural.filter((h) => !BEHAVIOUR.test(h.evidence)).map((h) => h.anchor));
  // With a confident structural answer (an error, a message, a link), full text may only
  // corroborate it, never add noise. A mere mention of a name does not settle anything.
  const settled = Math.max(
    0,
    ...structural.filter((h) => !MENTION.test(h.evidence) && !BEHAVIOUR.test(h.evidence)).map((h) => h.confidence),
  );
  // A plain-words description overlapping the paste is full-text-like evidence: the same ceiling.
  const hits = structural.map((h) =>
    BEHAVIOUR.test(h.evidence) ? { ...h, confidence: Math.min(h.confidence, onV1 ? 0.45 : ceiling) } : h,
  );
  for (const h of full) {
    if (found.has(h.anchor))
      hits.push({
        ...h,
        confidence: Math.min(
          h.confidence,
          Math.max(
            settled,
            ...structural.filter((s) => s.anchor === h.anchor && !BEHAVIOUR.test(s.evidence)).map((s) => s.confidence),
          ),
        ),
      });
    else hits.push({ ...h, confidence: settled >= 0.8 ? Math.min(h.confidence, settled - 0.1) : h.confidence });
  }
  return { hits, shown: shown !== null };
}

// The paste speaks as a server's client: "our agent talks to a vendor's server", "a server we connect to".
const CLIENT_OF =
  /\bservers? (?:that )?(?:we|I)(?:'re| are| am)? (?:connect(?:ing)?|talk(?:ing)?|call(?:ing)?) to\b|\b(?:connect(?:s|ed|ing)?|talk(?:s|ed|ing)?) to (?:a|an|the|their|our|some|this|that|every)\b[\w' -]{0,40}\bservers?\b/i;

/** The one side of the connection whose own methods the paste calls (`session.send_roots_list_changed()`). */
function calledSide(text: string, sides: Record<string, 'client' | 'server'> | undefined): 'client' | 'server' | null {
  if (!sides) return null;
  let found: 'client' | 'server' | null = null;
  for (const m of text.matchAll(/(?:\.|(?<![\w.])(?=\w+_))([a-z]\w{7,})\s*\(/g)) {
    const side = Object.hasOwn(sides, m[1]) ? sides[m[1]] : undefined;
    if (!side) continue;
    if (found && found !== side) return null;
    found = side;
  }
  return found;
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
    if (sec)
      hits.push({
        anchor: sec.anchor,
        confidence: 0.8,
        evidence: `logged by \`${logger}\`, a logger the section names`,
      });
  }
  for (const pkg of n.packages) {
    const at = packages[pkg];
    if (at !== undefined && data.sections[at])
      hits.push({
        anchor: data.sections[at].anchor,
        confidence: 0.65,
        evidence: `the traceback runs through \`${pkg}\`, which v2 brought in`,
      });
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
  if (!sec || !pkg) return [];
  // A timeout says how long something waited: which section explains that wait is the paste's
  // business (a default that changed, a client built without one); the package is only the messenger.
  // (unless the paste's code expects the package v2 replaced: `except httpx.TimeoutException`
  // beside an `httpx2.ReadTimeout` is that swap, not a wait)
  const replaced = pkg.endsWith('2') ? pkg.slice(0, -1) : null;
  const timeout =
    /Timeout$/.test(n.primary?.type ?? '') &&
    !(replaced && new RegExp(`\\b${replaced}\\.[A-Z]\\w*(?:Error|Exception|Timeout)\\b`).test(n.text));
  return [
    {
      anchor: sec.anchor,
      confidence: timeout ? 0.7 : 0.8,
      evidence: `\`${n.primary?.type}\` comes from \`${pkg}\`, which v2 brought in`,
    },
  ];
}

// A protocol result pydantic refused (`1 validation error for ListToolsResult`), and the server's
// runner saying its handler returned it (v2's own check of what a server sends).
const RESULT_INVALID = /\bvalidation errors? for (\w+Result)\b/;
const SERVER_RETURNED = /returned an invalid result|\bhandler for ['"][\w/]+['"]/i;

/**
 * A protocol result that failed validation where no server handler returned it and no server
 * frame raised it: the client checked what a server sent, which v1 never did.
 */
function clientValidationHits(n: Normalised, side: 'client' | 'server' | null, data: LookupData): Hit[] {
  if (side === 'server' || SERVER_RETURNED.test(n.text)) return [];
  const m = RESULT_INVALID.exec(n.primary ? `${n.primary.type}: ${n.primary.message}` : n.text);
  // (or, in words, a ValidationError out of a client's method: `list_resources() raises a ValidationError`)
  const what =
    m && sdkNames(data).has(m[1])
      ? m[1]
      : side === 'client' && /\bValidationError\b|\bvalidat(?:ion|es?|ing)\b/i.test(n.text)
        ? 'result'
        : null;
  if (!what) return [];
  const sec = data.sections.find((s) => /^Client validates\b/.test(s.title));
  return sec
    ? [
        {
          anchor: sec.anchor,
          confidence: 0.7,
          evidence: `a ${what === 'result' ? what : `\`${what}\``} that no server handler returned failed validation: the client checked what it received`,
        },
      ]
    : [];
}

export function lookup(paste: string, data: LookupData, opts: LookupOptions = {}): Promise<LookupAnswer> {
  return Promise.resolve(lookupSync(paste, data, opts));
}

/** The whole lookup, synchronously (it needs no I/O once the data is loaded). */
export function lookupSync(paste: string, data: LookupData, opts: LookupOptions = {}): LookupAnswer {
  const n = asRuntime(normalise(paste), data.symbols);
  const { hits, shown } = evidence(paste, n, data);
  const results = merge(hits, data, opts, shown);
  const answer: LookupAnswer = { results, normalised: n.text, primary: n.primary };
  // (advice about the `mcp` pin, only for a paste shown to be about the SDK)
  if (results[0]?.impact === 'import' && results[0].confidence >= CONFIDENT) answer.stayOnV1 = STAY_ON_V1;
  return answer;
}
