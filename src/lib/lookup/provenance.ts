// Is the paste about THIS SDK, the Python `mcp` package, at all? Confidence >= 0.5 means "this is
// your section"; that needs a sign of the SDK itself, not just words the guide happens to use. MCP
// is a protocol with SDKs in many languages, hosts, and a separate `fastmcp` package: an error from
// any of them shares the guide's vocabulary, and so does a generic Python, httpx or pydantic error.
//
// Signs, strongest first: a guide link or the SDK's own messages; its frames, loggers and the
// packages v2 brought in (`httpx2`); its modules and its pin in pip/uv output; then, when the paste
// is not another language's program nor jlowin's `fastmcp`, a v1 name the symbol index knows as
// removed or renamed; and, in Python (or as code in prose), a name only this SDK's code uses.
// Without one, answers are still listed, below 0.5.

import type { Hit, LookupData, Normalised } from './types.ts';

/** What a paste must show before any answer may reach this. */
export const CONFIDENT = 0.5;

// The SDK's modules as Python spells them (not a host `mcp.example.com`, not `@scope/mcp.js`).
const SDK_MODULE =
  /(?<![\w.\-/@])(?:mcp\.(?:server|client|shared|types|os|cli)\b(?!\.(?:com|org|net|io|dev|local|internal)\b)|mcp_types\b)|\bfrom\s+mcp\s+import\b|^\s*import\s+mcp\b|\bfrom ['"‘’]mcp['"‘’]/m;
// The `mcp` distribution in a requirement, pip/uv/poetry output or an installed list.
const SDK_PIN =
  /(?<![\w@/.-])mcp(?:\[[\w,\s-]+\])?\s*(?:===?|>=|<=|~=|!=|<|>)\s*v?\d|(?<![\w@/.-])mcp[- ]v?[12](?:\.\d+){0,2}(?![\w.-])|(?<![\w@/.-])mcp \((?:\d|v\d)|\bmodelcontextprotocol\/python-sdk\b|\bpython-sdk#\d+/;
const SDK_LOGGER = /^(?:mcp|mcp_types)\.\w|^(?:httpx2|httpcore2)(?:\.|$)|^client\.stdio\.win32$/;
const SDK_PACKAGES = new Set(['mcp', 'mcp_types', 'httpx2', 'httpcore2']);

// Evidence that is the SDK's own doing, whatever else the paste is: a link to the guide, a message
// only its source says (long enough not to be anyone's: Starlette says `Invalid host header` too),
// a logger or package only it brings.
const OWN_EVIDENCE =
  /^(?:link to the guide section|the paste links|SDK message(?: \(cut short\))?: “[^”]{24}|logged by `|`[\w.]+` comes from `httpx2`|the traceback runs through `(?:httpx2|mcp_types)`)/;
// Symbol-index evidence: a v1 name v2 removed or renamed, read from an error, from code or prose.
const SYMBOL_EVIDENCE = /(?:symbol index|API snapshots|section symbols|type checker[^)]*)\)$/;

/** jlowin's `fastmcp` package: its modules, its CLI, its docs. */
export const JLOWIN_FASTMCP =
  /\bfrom fastmcp(?:\.[\w.]+)? import\b|\bimport fastmcp\b|(?<![\w.])fastmcp\.\w|^\s*\$?\s*fastmcp (?:run|dev|install|inspect)\b|gofastmcp\.com|\bfastmcp [23]\.\d/im;

// Another language's program: its stack frames, toolchain, SDK or docs.
const FOREIGN = new RegExp(
  [
    String.raw`^\s*at [\w$.<>\[\]]+\([\w$.]*\.(?:java|kt|scala|groovy):\d+\)`, // JVM frames
    String.raw`^\s*at [\w.<>\x60\[\],]+\(.*\)(?: in .+:line \d+)?\s*$`, // .NET frames
    String.raw`\bgoroutine \d+\b|\.go:\d+(?::\d+)?\b|^panic: `,
    String.raw`\.rs:\d+:\d+\b|^error\[E\d{4}\]|thread '[^']+' panicked`,
    String.raw`\berror TS\d+\b|\.[cm]?[jt]sx?(?::\d+:\d+|\(\d+,\d+\))`,
    String.raw`^\s*npm (?:ERR!|error)\b|^\s*(?:yarn|pnpm) (?:ERR|error)\b|\bERR_[A-Z_]{4,}\b|\bnode_modules\b`,
    String.raw`@modelcontextprotocol\/sdk|\bio\.modelcontextprotocol\.|\bModelContextProtocol\.|\bmodelcontextprotocol\/(?:go|rust|csharp|java|kotlin|typescript|swift|ruby|php)-sdk\b|\bmcp-go\b|\brmcp\b|\bUnhandled exception\. System\.`,
    String.raw`\b(?:TypeScript|JavaScript|Node(?:\.js)?|Go|C#|\.NET|Java|Kotlin|Rust|Swift|Ruby|PHP) (?:MCP )?SDK\b`,
  ].join('|'),
  'im',
);

// Python: a traceback, a `.py` path, Python code, its tools, CPython's own wording.
const PYTHON =
  /Traceback \(most recent call last\)|\bobject has no attribute\b|\bgot an unexpected keyword argument\b|\bcannot unpack non-iterable\b|\bpositional arguments? but \d+ (?:were|was) given|\bNo module named\b|\bcannot import name\b|\bis not (?:subscriptable|iterable|callable)\b|\bvalidation errors? for\b|^\s*File "[^"]+", line \d+|\.pyi?\b|^\s*(?:from\s+[\w.]+\s+import\b|import\s+[\w.]+\s*$|(?:async\s+)?def\s+\w+\(|class\s+\w+[(:]|@[\w.]+(?:\(|$)|async with\b|await\s)|\b(?:pip|uv|python3?|pytest|pyright|mypy)\b/m;
// Words that say something changed (`now`, `since the upgrade`, `no longer`, `renamed`).
export const CHANGE_WORDS =
  /\b(?:now|no longer|any ?more|used to|since|suddenly|stopped|upgrad\w*|migrat\w*|gone|removed|renamed|instead|v2|2\.\d+)\b/i;
// A name written as code in prose: quoted, called, or reached as an attribute.
const CODE_NAME = /`([A-Za-z_][\w.]*)(?:\(\))?`|\.([A-Za-z_]\w*)|\b([A-Za-z_]\w*)(?=[(.]\w)/g;

// Classes other libraries share with the SDK, and what gives the other one away.
const SHARED_NAMES: Record<string, RegExp> = { ClientSession: /\baiohttp\b/ };

/** What shows the paste is about this SDK, weakest last: a name alone may be a coincidence. */
export type Provenance = 'own' | 'runtime' | 'package' | 'symbol' | 'name';

// A log line, or an error from some program (other ecosystems' tools included: npm, yarn,
// cargo/rustc, tsc, go).
const LOG_OR_ERROR =
  /\[Errno \d+\]|^\s*(?:error|fatal|panic)\b|^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\b|^\s*(?:npm (?:ERR!|error)|yarn (?:error|ERR)|pnpm ERR|error\[E\d+\]|error TS\d+|go: |Uncaught \w*Error)/im;

/** An error or a log line (a failed assertion states facts instead): what went wrong, not words about it. */
export function errorPaste(n: Normalised, head: string): boolean {
  return n.primary
    ? !/AssertionError|^Failed$/.test(n.primary.type)
    : LOG_OR_ERROR.test(head) || LOG_OR_ERROR.test(n.text);
}

// A log line that reports an error.
const ERROR_LINE = /\b(?:ERROR|CRITICAL|FATAL)\b|\[Errno \d+\]|\b\w+(?:Error|Exception)\b/;
// The last frame of a traceback: where the error was raised.
const LAST_FRAME = /File "([^"]+)", line \d+[^\n]*\n(?![\s\S]*File ")/;

/**
 * Is the error itself the SDK's: raised inside its package, of one of its classes, or about one of
 * its names or modules? A user's own `KeyError` in a tool, or a missing `pandas`, is not, however
 * many SDK frames surround it.
 */
export function errorOfSdk(paste: string, n: Normalised, data: LookupData): boolean {
  const p = n.primary;
  const names = sdkNames(data);
  const tied = (line: string) =>
    SDK_MODULE.test(line) ||
    /\bmcp\.\w|httpx2/.test(line) ||
    [...line.matchAll(/\b[A-Za-z_]\w{5,}/g)].some((m) => names.has(m[0]));
  if (!p) {
    // A log: its error lines say what went wrong (uvicorn's `[Errno 98]` next to the SDK's INFO lines).
    const errors = bounded(paste)
      .split('\n')
      .filter((l) => ERROR_LINE.test(l));
    return !errors.length || errors.some(tied);
  }
  if (/^(?:mcp|mcp_types|httpx2|httpcore2)\./.test(p.type) || tied(`${p.type}: ${p.message}`)) return true;
  const last = LAST_FRAME.exec(paste.length > 16_000 ? paste.slice(-16_000) : paste)?.[1] ?? '';
  return /[\\/](?:site|dist)-packages[\\/]+(?:mcp|mcp_types|httpx2)[\\/]/.test(last);
}

/** A long paste's start and end (where commands, pins and the error are), and what normalise kept. */
const bounded = (paste: string, n?: Normalised) =>
  paste.length > 24_000 ? `${paste.slice(0, 12_000)}\n${paste.slice(-12_000)}\n${n?.text ?? ''}` : paste;

/** Why the paste is about this SDK, or null when nothing in it shows the SDK. */
export function sdkEvidence(
  paste: string,
  n: Normalised,
  hits: Hit[],
  data: LookupData,
  foreign: string | null,
): Provenance | null {
  if (hits.some((h) => OWN_EVIDENCE.test(h.evidence) && h.confidence >= 0.6)) return 'own';
  if (n.frames.length || n.packages.some((p) => SDK_PACKAGES.has(p)) || n.loggers.some((l) => SDK_LOGGER.test(l)))
    return 'runtime';
  const text = bounded(paste, n);
  const code = n.urls.length ? text.replace(/\bhttps?:\/\/\S+/g, ' ') : text;
  if (SDK_MODULE.test(code) || SDK_PIN.test(text)) return 'package';
  if (foreign || n.javascript || FOREIGN.test(text)) return null;
  if (hits.some((h) => SYMBOL_EVIDENCE.test(h.evidence) && h.confidence >= 0.6)) return 'symbol';
  const names = sdkNames(data);
  const shared = (name: string) => SHARED_NAMES[name]?.test(code) ?? false;
  if (n.exceptions.length || PYTHON.test(text)) {
    for (const m of code.matchAll(/\b[A-Za-z_]\w{7,}/g)) if (names.has(m[0]) && !shared(m[0])) return 'name';
  } else {
    for (const m of code.matchAll(CODE_NAME)) {
      const name = m[1]?.split('.').pop() ?? m[2] ?? m[3];
      if (names.has(name) && !shared(name)) return 'name';
    }
  }
  return null;
}

// A release of `mcp` 1.x the paste says it runs (`mcp==1.9.4`, `(mcp 1.12, ...)`, `mcp-1.26.0`),
// not a floor (`mcp>=1.9`) nor the series a comparison names (`worked with mcp 1.x`).
const V1_RELEASE = /(?<![\w@/.-])mcp(?:\[[\w,\s-]+\])?(?:\s*===?\s*|\s+v?|-|\s+\(v?)1\.\d+(?:\.\d+)*(?!\w|\.\d)/i;
// What says the paste is about v2 or about a change: a 2.x release, an upgrade, something that
// used to work. (JSON-RPC's own "2.0" is no release of the SDK.)
const V2_OR_CHANGE =
  /(?<![\w./-])(?:v?2\.(?:\d+|x)|v2)(?![\w.])|(?:->|→)\s*v?2\b|\b(?:upgrad|updat|migrat|bump|port(?:ed|ing)\b|worked|used to|no longer|any ?more|stopped|previously)/i;
const JSONRPC_VERSION = /["']?jsonrpc["']?\s*:\s*["']2\.0["']|JSON-?RPC 2\.0/gi;

/**
 * Is it v1 that ran? The paste says it runs a v1 release, and nothing about v2 or a change; or
 * the traceback runs inside a module only v1 has (`mcp/server/fastmcp/...`, `mcp/shared/session.py`);
 * or v1's own exception class was raised (`mcp.shared.exceptions.McpError`). Then what went wrong
 * is v1's own behaviour: a v1 name is no mistake there, and words the guide happens to share are
 * no migration problem. (The SDK's own messages, a v1 warning of what v2 removes, still answer.)
 */
export function runsV1(paste: string, n: Normalised, data: LookupData): boolean {
  const removed = data.symbols.modules;
  if (
    n.frames.some(
      (f) => Object.hasOwn(removed, f.module) || Object.keys(removed).some((m) => f.module.startsWith(`${m}.`)),
    )
  )
    return true;
  if (n.exceptions.some((e) => e.type === 'mcp.shared.exceptions.McpError')) return true;
  const text = bounded(paste);
  return V1_RELEASE.test(text) && !V2_OR_CHANGE.test(text.replace(JSONRPC_VERSION, ' '));
}

const nameSets = new WeakMap<object, Set<string>>();
/** Names only the SDK's code uses (`CallToolResult`, `send_tool_list_changed`): the index's `sdkNames`. */
export function sdkNames(data: LookupData): Set<string> {
  const list = data.index?.sdkNames ?? [];
  let names = nameSets.get(list);
  if (!names) nameSets.set(list, (names = new Set(list)));
  return names;
}

/**
 * Below 0.5, in order: an answer the paste cannot tie to the SDK keeps its rank among the others,
 * and says why it is only a possible match.
 */
export function unconfirmed(confidence: number): number {
  return confidence <= 0.3 ? confidence : 0.3 + (confidence - 0.3) * 0.27;
}

export const UNCONFIRMED_NOTE = 'nothing in the paste shows the Python SDK (`mcp`): a possible match, not an answer';
