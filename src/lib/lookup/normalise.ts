// Read a paste the way someone who has seen a thousand tracebacks reads it: drop the noise
// (colours, log prefixes, frames, paths, addresses), then find the exception lines and decide which
// one matters. Pure string work; no data needed.
//
// Linear in the paste: runs of 200+ non-space characters (base64 blobs, minified JSON) are cut before
// any pattern sees them, identical lines (log spam) are read once, and every pattern is per line and
// bounded. A long paste keeps its salient lines (errors, warnings, the end) up to FOCUS_BYTES, so the
// later stages cost the same for 1 MB as for 30 KB.

import { parseAssertions, typecheckLine } from './formats.ts';
import type { ExceptionLine, Normalised, SdkFrame } from './types.ts';

// CSI/OSC escapes, plus the visible remnants left when a terminal copy loses the ESC byte.
const ANSI =
  /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]{0,512}(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\^\[\[[0-9;]*m|(?<![\w\]])\[(?:\d{1,3};){0,8}\d{1,3}m/g;
const BLOB_RUN = 200;
const URL = /\bhttps?:\/\/[^\s'"<>`)\]]{1,400}/g;
const FOCUS_BYTES = 12_000;

const LOG_PREFIXES: RegExp[] = [
  // ISO / logging-module timestamps: 2026-07-30 12:01:02,123 / 2026-07-30T12:01:02.123Z / [2026-07-30 ...]
  /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?\s*/,
  // rich's log time column: [07/30/26 12:01:02]
  /^\[\d{2}\/\d{2}\/\d{2,4} \d{2}:\d{2}:\d{2}\]\s*/,
  // journald / syslog: "Aug 02 10:00:01 host unit[123]: "
  /^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [\w.-]+ [\w.@-]+(?:\[\d+\])?:\s*/,
  /^\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\s*/,
  // " - name - LEVEL - " (logging.basicConfig with a format), "| LEVEL |" (loguru)
  /^(?:[-|]\s*)?[\w.]+\s+[-|]\s+(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|EXCEPTION)\s+[-|]\s*/,
  /^[-|]?\s*(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s*[-|]\s*(?:[\w.:]+\s+-\s+)?/,
  // ERROR:root: / WARNING:mcp.server.lowlevel: (logging's default format)
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL):[\w.]*:\s*/,
  // uvicorn "ERROR:    ", "[error]", "[ERROR]", "error:" (uv), "Error:" is left alone (it is a message)
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s*:\s+/,
  /^\[(?:debug|info|warning|warn|error|critical|fatal|err)\]\s*:?\s*/i,
  // rich level column with a logger: "WARNING  mcp.server.transport_security: msg"
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s{2,}(?:[a-z_][\w.]*:\s+)?/,
  // process/thread tags some runners add: "server-1  | ", "[mcp] "
  /^[\w.-]+\s+\|\s/,
  // a host's tags in front of a server's stderr: "[weather] [error] "
  /^\[[\w .:/@-]{1,40}\]\s+(?=\S)/,
  // CI annotations: GitHub Actions' "##[error]" and "::error file=x,line=1::", GitLab's section markers
  /^##\[(?:error|warning|notice|debug|group|endgroup)\]\s*/i,
  /^::(?:error|warning|notice|debug)(?: [^:]{0,300})?::\s*/i,
];

// Where a log line names its logger (kept as evidence before the prefix goes).
const LOGGER_NAMES: RegExp[] = [
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL):([a-z_][\w.]*):/,
  /\s-\s([a-z_][\w.]*)\s-\s(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s-\s/,
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s+([a-z_][\w.]*)(?::\s|\s-\s)/,
  /"(?:logger|logger_name|name)"\s*:\s*"([a-z_][\w.]*)"/,
];

// A frame ("File ..., line N, in f"), pytest's location lines, and other lines that are pure location.
const FRAME = /^\s*File "[^"]*", line \d+(?:, in .*)?$/;
const PYTEST_LOCATION = /^\s*(?:[\w./\\-]+\.py):\d+:\s*(?:in \S+)?$/;
// A test's name says what it checks: `tests/x.py:12: in test_lifespan_runs_per_session`, `x.py::test_y`.
const TEST_NAME = /(?:^|[\s:])(test_\w+)/;
const TEST_MODULE = /(?:^|[\s\\/])(test_\w+)\.py:\d+:/;
const TRACEBACK_HEADER = /^\s*(?:\+\s*)?(?:Exception Group )?Traceback \(most recent call last\):?\s*$/;
const CHAIN =
  /^\s*(?:During handling of the above exception, another exception occurred|The above exception was the direct cause of the following exception):?\s*$/;
const GROUP_RULE = /^\s*[+|]?\s*\+?-[-+]*(?:\s*\d+\s*-+|\s*\.\.\.\s*-+)?\s*$/;
const CARETS = /^\s*[~^]{2,}[\s~^]*$/;
// What only a JavaScript engine says (JSON.parse, property access on undefined, calling a non-function).
const JS_ENGINE =
  /Unexpected token .{1,12} in JSON at position \d+|is not valid JSON\b|Cannot read propert(?:y|ies) of (?:undefined|null)|\bis not a function\b|^ReferenceError: /m;
// A type checker's own line (its runtime reading comes first): no continuation of that message.
const DIAGNOSTIC = /(?:^|\s)(?:error|warning|note|information): /;
const TSC = /\.[cm]?[jt]sx?(?:\(\d+,\d+\)|:\d+:\d+)\s*[:-]\s*error TS\d+/;
const JS_FRAME =
  /^\s*at (?:.{0,300}\((?:file:\/\/|node:|webpack|https?:\/\/|\/|[A-Za-z]:\\).{0,400}:\d+:\d+\)|(?:file:\/\/|node:|\/).{0,400}:\d+:\d+)\s*$/;
// A frame in the SDK itself: `.../site-packages/mcp/client/session.py", line 558, in send_request`.
const SDK_FRAME = /(?:site|dist)-packages[\\/]+((?:mcp|mcp_types)(?:[\\/]+\w+)*)\.py", line \d+, in (\w+)/;
const SITE_PACKAGE = /(?:site|dist)-packages[\\/]+([A-Za-z_][\w.-]*?)(?:-[\d.]+\.dist-info)?[\\/]/g;

// `Foo.py:12: SomeWarning: msg` (warnings module) -> `SomeWarning: msg`.
const WARN_LOCATION = /^(?:[A-Za-z]:)?[^\s:]*\.py:\d+:\s+(?=[A-Z]\w*(?:Warning|Error)\b)/;

const PATHS: Array<[RegExp, string]> = [
  // ` (/site-packages/mcp/__init__.py)` after "cannot import name ... from 'mcp'"
  [/\s\((?:[A-Za-z]:)?[^()\s]*[\\/][^()\s]*\.py\)/g, ''],
  [/(?:[A-Za-z]:\\|\/|~\/|\.{1,2}\/)[\w.@+~\\/-]*?\.pyi?\b(?::\d+(?::\d+)?)?/g, '<path>'],
  [/\bat 0x[0-9a-fA-F]+/g, ''],
  [/\b0x[0-9a-fA-F]{6,}\b/g, ''],
];

// `Type: message`, with an optional dotted module prefix; the type must look like an exception.
// A class from a module that holds exceptions (`django.core.exceptions.ImproperlyConfigured`) is one
// whatever its name.
const EXC =
  /^((?:[A-Za-z_]\w{0,60}\.){0,8}[A-Z]\w{0,60}?(?:Error|Exception|Warning|Group|Exit|Interrupt|Timeout|Cancelled|Lost)\w{0,30}|(?:[A-Za-z_]\w{0,60}\.){0,6}_?(?:exceptions|errors)\.[A-Z]\w{0,60})(?:\s*:\s?(.*))?$/;
// The same, after a prose or log prefix on its line (`sync failed: TypeError: ...`, `client side:
// mcp.client.auth.exceptions.OAuthRegistrationError: ...`): the prefix ends at a space, a colon or
// a bracket, and the exception's own colon follows its name.
const EXC_INSIDE =
  /(?:^|[\s:(["'])((?:[A-Za-z_]\w{0,60}\.){0,8}[A-Z]\w{0,60}?(?:Error|Exception|Warning)\w{0,30}:\s.*)$/;
const WRAPPERS = /^(?:(?:Base)?ExceptionGroup|(?:[\w.]+\.)?(?:TaskGroupError|MultiError|CancelledError))$/;
// Messages hosts and frameworks put around the real error.
const WRAPPER_MESSAGES =
  /unhandled errors in a TaskGroup|\(\d+ sub-exceptions?\)|MCP error -32000|Connection closed|Server disconnected|Exception in ASGI application/i;

const DID_YOU_MEAN = /\.?\s*Did you mean:?\s*['"]?([\w.]+)['"]?\s*\?/g;

// Lines worth keeping from a long paste.
const SALIENT =
  /error|exception|warn|traceback|fail|assert|deprecat|not found|invalid|cannot|unexpected|no module|no attribute|raise|refus|reject|denied|timed? ?out|mismatch|https?:\/\//i;

function stripPrefixes(line: string): string {
  let s = line;
  // pytest "E   " and ExceptionGroup "| " gutters can nest; peel until stable.
  for (let i = 0; i < 6; i++) {
    const before = s;
    s = s.replace(/^\s*E\s{2,}/, '').replace(/^\s*E\s*$/, '');
    s = s.replace(/^\s*(?:\|\s?)+/, '');
    for (const p of LOG_PREFIXES) s = s.replace(p, '');
    if (s === before) break;
  }
  // rich appends the source location in a right-hand column.
  return s.replace(/\s{2,}[\w.-]+\.py:\d+\s*$/, '');
}

interface LineRead {
  text: string | null;
  /** For a frame inside the SDK's own package: its module and function. */
  sdk?: { module: string; fn: string };
  /** Canonical runtime forms of a type checker's diagnostic. */
  typecheck: string[] | null;
  loggers: string[];
  /** A Python frame in the user's code ('py') or in an installed package ('lib'), a JS frame. */
  frame: 'py' | 'lib' | 'js' | null;
}

function readLine(original: string): LineRead {
  const loggers: string[] = [];
  for (const re of LOGGER_NAMES) {
    const m = re.exec(original);
    if (m) loggers.push(m[1]);
  }
  if (JS_FRAME.test(original)) return { text: null, typecheck: null, loggers, frame: 'js' };
  const typecheck = typecheckLine(original.trim());
  let line = stripPrefixes(original);
  if (FRAME.test(line)) {
    const lib = /[\\/](?:site|dist)-packages[\\/]|[\\/]lib[\\/]python\d/.test(line);
    const sdk = SDK_FRAME.exec(line);
    const where = sdk ? { module: sdk[1].replace(/[\\/]+/g, '.').replace(/\.__init__$/, ''), fn: sdk[2] } : undefined;
    return { text: null, typecheck, loggers, frame: lib ? 'lib' : 'py', sdk: where };
  }
  // pytest: "FAILED tests/x.py::test - Type: msg" and "tests/x.py:12: Type" (a repeat of the E line)
  line = line.replace(/^(?:FAILED|ERROR)\s+\S+\s+-\s+/, '').replace(/^>\s+/, '  ');
  // (the test module's name says what it checks too: `tests/test_step_up.py:58: AssertionError`)
  if (/^\s*\S+\.py:\d+:\s+[\w.]+$/.test(line)) {
    const module = TEST_MODULE.exec(line)?.[1];
    return { text: module ? `in ${module}` : null, typecheck, loggers, frame: null };
  }
  if (PYTEST_LOCATION.test(line) || /^_{3,}\s+test_\w+\s+_{3,}$/.test(line.trim())) {
    const test = TEST_NAME.exec(line)?.[1] ?? TEST_MODULE.exec(line)?.[1];
    return { text: test ? `in ${test}` : null, typecheck, loggers, frame: null };
  }
  if (TRACEBACK_HEADER.test(line) || CHAIN.test(line) || GROUP_RULE.test(line) || CARETS.test(line)) {
    return { text: null, typecheck, loggers, frame: null };
  }
  if (/^\s*(?:\.\.\.|\^)\s*$/.test(line)) return { text: null, typecheck, loggers, frame: null };
  line = line.replace(WARN_LOCATION, '');
  for (const [re, to] of PATHS) line = line.replace(re, to);
  line = line.replace(/\s+/g, ' ').trim();
  return { text: !line || line === '<path>' ? null : line, typecheck, loggers, frame: null };
}

export function normalise(paste: string): Normalised {
  // Each pass only when its trigger is there at all: a 1 MB log pays for what it contains.
  let cleaned = paste;
  if (cleaned.includes('\\n')) cleaned = unescapeEmbedded(cleaned);
  if (cleaned.includes('\u001b') || cleaned.includes('[')) cleaned = cleaned.replace(ANSI, '');
  if (cleaned.includes('\r')) cleaned = cleaned.replace(/\r\n?/g, '\n');
  if (cleaned.includes('\u00a0')) cleaned = cleaned.replace(/\u00a0/g, ' ');
  const urls = cleaned.includes('http')
    ? [...new Set([...cleaned.matchAll(URL)].slice(0, 50).map((m) => m[0].replace(/[.,;:]+$/, '')))]
    : [];
  const packages = new Set<string>();
  if (cleaned.includes('-packages'))
    for (const m of cleaned.matchAll(SITE_PACKAGE)) if (packages.size < 30) packages.add(m[1].toLowerCase());
  const raw = cutBlobs(cleaned);

  const suggestions: string[] = [];
  const loggers = new Set<string>();
  const kept: string[] = [];
  const cache = new Map<string, LineRead>();
  let pyFrames = 0;
  let jsFrames = 0;
  let afterFrame: 'py' | 'lib' | null = null;
  const frames: SdkFrame[] = [];
  let sdkFrame: SdkFrame | null = null;
  for (const original of rawLines(raw)) {
    let read = cache.get(original);
    if (!read) {
      read = readLine(original);
      if (cache.size < 50_000) cache.set(original, read);
    }
    for (const l of read.loggers) if (loggers.size < 20) loggers.add(l);
    // The TypeScript compiler's diagnostics speak of a JS/TS program, as its stacks do.
    if (original.includes('error TS') && TSC.test(original)) jsFrames++;
    if (read.frame === 'js') {
      jsFrames++;
      continue;
    }
    if (read.frame === 'py' || read.frame === 'lib') {
      pyFrames++;
      afterFrame = read.frame; // the next line is that frame's source code
      sdkFrame = read.sdk ? { ...read.sdk, source: '' } : null;
      if (sdkFrame) {
        if (frames.length >= 40) frames.shift();
        frames.push(sdkFrame);
      }
      continue;
    }
    let line = read.text;
    if (afterFrame) {
      const frame = afterFrame;
      afterFrame = null;
      if (sdkFrame && line && /^\s{2,}\S/.test(original)) sdkFrame.source = line.slice(0, 300);
      sdkFrame = null;
      // The frame's source line is indented; an unindented line is already the exception. In the
      // user's own code it is often the v1 call itself, worth keeping; inside a library it is noise.
      if (line && /^\s{2,}\S/.test(original) && !EXC.test(line)) {
        if (frame === 'py') kept.push(line);
        continue;
      }
    }
    if (read.typecheck) kept.push(...read.typecheck);
    if (!line) continue;
    line = line.replace(DID_YOU_MEAN, (_m, s: string) => {
      if (suggestions.length < 20) suggestions.push(s);
      return '';
    });
    if (line) kept.push(line);
  }

  const focus = selectFocus(kept);
  const exceptions: ExceptionLine[] = [];
  // Judged on the exception's own line: a wrapper says so there, not in the lines that follow.
  const wrapper: boolean[] = [];
  for (let i = 0; i < focus.length; i++) {
    if (focus[i].length > 2000) continue;
    const m = EXC.exec(focus[i]) ?? insideException(focus[i]);
    if (!m) continue;
    // A message continues on following lines until the next exception (pydantic's field list,
    // wrapped pastes); keep a few so "validation error for X\nfield\n  Extra inputs" stays together.
    let message = m[2] ?? '';
    // (a `# comment` under it is the paster's own note, not the message)
    for (
      let j = i + 1;
      j < focus.length && j <= i + 4 && !EXC.test(focus[j]) && !DIAGNOSTIC.test(focus[j]) && !/^#\s/.test(focus[j]);
      j++
    ) {
      if (/^For further information visit/i.test(focus[j])) continue;
      // A terminal re-wrapped the line inside a quoted name (`'structuredCont` / `ent'`): one name.
      const split =
        (message.split("'").length % 2 === 0 && /'[\w.]+$/.test(message) && /^[\w.]+'/.test(focus[j])) || false;
      message += (split ? '' : ' ') + focus[j];
    }
    if (exceptions.length < 200) {
      exceptions.push({ type: m[1], message: message.trim().slice(0, 2000) });
      wrapper.push(WRAPPERS.test(m[1].split('.').pop() ?? m[1]) || WRAPPER_MESSAGES.test(m[2] ?? ''));
    }
  }
  let primary: ExceptionLine | null = null;
  for (let i = exceptions.length - 1; i >= 0; i--) {
    if (wrapper[i]) continue;
    primary = exceptions[i];
    break;
  }
  if (!primary && exceptions.length) primary = exceptions[exceptions.length - 1];

  const text = focus.join('\n');
  return {
    text,
    loose: looseText(text),
    exceptions,
    primary,
    suggestions,
    urls,
    loggers: [...loggers],
    packages: [...packages],
    frames,
    javascript: (jsFrames > 0 || JS_ENGINE.test(text)) && pyFrames === 0 && !/\.py\b/.test(text),
    assertions: parseAssertions(focus),
  };
}

/**
 * A log or JSON record that carries a traceback as one escaped string (`"exc_info": "Traceback
 * ...\\n  File ..."`, a host logging a server's stderr): its lines, quotes and colours, unescaped.
 * Only lines whose `\\n`s read as line breaks (two or more, one before a space, a capital or the
 * end), so a Windows path's `\\new_server` stays a path.
 */
function unescapeEmbedded(s: string): string {
  if (!/\\n(?:\s|[A-Z]|\\n|["'}\]]|$)[^\n]*\\n/.test(s)) return s;
  return s
    .split('\n')
    .map((line) => {
      // A record with a traceback is a few KB; a longer line is a blob, left to cutBlobs.
      if (line.length > MAX_RECORD || !/\\n(?:\s|[A-Z]|\\n|["'}\]]|$)[^\n]*\\n/.test(line)) return line;
      return line.replace(
        /\\(?:u001[bB]|x1[bB]|033|r\\n|[nrt"\\/])/g,
        (e) => ESCAPES[e] ?? (e.startsWith('\\r') ? '\n' : '\u001b'),
      );
    })
    .join('\n');
}
const MAX_RECORD = 64_000;
const ESCAPES: Record<string, string> = { '\\n': '\n', '\\r': '', '\\t': '  ', '\\"': '"', '\\\\': '\\', '\\/': '/' };

/** An exception quoted after a prefix on its line, read as if it started the line. */
function insideException(line: string): RegExpExecArray | null {
  const at = EXC_INSIDE.exec(line);
  return at ? EXC.exec(at[1]) : null;
}

/**
 * Runs of BLOB_RUN+ non-space characters (base64, minified JSON, hashes) become `<blob>`. One pass
 * over character codes: a regex for this retries from every position inside a long run.
 */
function cutBlobs(s: string): string {
  const parts: string[] = [];
  let last = 0;
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;
    if (!space) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= BLOB_RUN) {
      parts.push(s.slice(last, start), ' <blob> ');
      last = i;
    }
    start = -1;
  }
  if (!parts.length) return s;
  parts.push(s.slice(last));
  return parts.join('');
}

const MAX_LINE = 2000;
// Cheap to test on every raw line of a long paste: could this line matter?
const RAW_SALIENT =
  /error|exception|warn|traceback|fail|assert|deprecat|not found|invalid|cannot|unexpected|no module|no attribute|raise|refus|reject|denied|timed? ?out|mismatch|https?:\/\/|^\s*File "|^\s*at \S|mcp|http/i;

/**
 * The raw lines worth reading: every line of a short paste; of a long one, its end and, from the end
 * backwards, the lines that could matter (with the source line under each frame), within a budget.
 * Lines longer than MAX_LINE are cut into pieces at spaces, so no pattern ever runs on a huge line.
 */
function rawLines(raw: string): string[] {
  const lines: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.length <= MAX_LINE) lines.push(line);
    else
      for (let i = 0; i < line.length; ) {
        let end = Math.min(line.length, i + MAX_LINE);
        const space = line.lastIndexOf(' ', end);
        if (end < line.length && space > i + MAX_LINE / 2) end = space;
        lines.push(line.slice(i, end));
        i = end;
      }
  }
  if (raw.length <= FOCUS_BYTES * 2) return lines;
  const keep = new Set<number>();
  let budget = FOCUS_BYTES * 3;
  for (let i = lines.length - 1; i >= 0 && budget > 0; i--) {
    const tail = i >= lines.length - 60;
    if (!tail && !RAW_SALIENT.test(lines[i])) continue;
    keep.add(i);
    budget -= lines[i].length + 1;
    if (/^\s*File "/.test(lines[i]) && i + 1 < lines.length) keep.add(i + 1);
  }
  return [...keep].sort((a, b) => a - b).map((i) => lines[i]);
}

/** All of a short paste; of a long one, its salient lines and its end, within FOCUS_BYTES. */
function selectFocus(lines: string[]): string[] {
  let total = 0;
  for (const l of lines) total += l.length + 1;
  if (total <= FOCUS_BYTES) return lines;
  const keep = new Set<number>();
  let budget = FOCUS_BYTES;
  const take = (i: number) => {
    if (keep.has(i) || budget <= 0) return;
    const cost = Math.min(lines[i].length, 2000) + 1;
    keep.add(i);
    budget -= cost;
  };
  // The end of a paste is where a traceback ends; then the lines that look like errors, last first.
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 40); i--) take(i);
  const seen = new Set<string>();
  for (let i = lines.length - 1; i >= 0 && budget > 0; i--) {
    const l = lines[i];
    if (l.length > 2000 || seen.has(l) || !SALIENT.test(l)) continue;
    seen.add(l);
    take(i);
  }
  return [...keep].sort((a, b) => a - b).map((i) => (lines[i].length > 2000 ? lines[i].slice(0, 2000) : lines[i]));
}

/**
 * The innermost SDK frames as one line each (`mcp.client.session.send_request:
 * _methods.validate_server_result(...)`): where inside the SDK the error was raised.
 */
export function frameText(n: Normalised, depth = 3): string {
  return n.frames
    .slice(-depth)
    .map((f) => `${f.module}.${f.fn}: ${f.source}`)
    .join('\n');
}

/** Which side of the SDK raised the error: its innermost frame's package (`mcp.client`, `mcp.server`). */
export function sdkSide(n: Normalised): 'client' | 'server' | null {
  for (let i = n.frames.length - 1; i >= 0; i--) {
    const m = /^mcp\.(client|server)\b/.exec(n.frames[i].module);
    if (m) return m[1] as 'client' | 'server';
  }
  return null;
}

/** Lowercase, one line, without quotes: survives lost quotes and wrapped lines. */
export function looseText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[`'"\u2018\u2019\u201c\u201d]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The start of `literal` (both loose text) where a paste cut it short: the paste agrees with at
 * least `min` characters of it and then shows an ellipsis (a terminal's or a log viewer's
 * truncation) or ends (`strict`: inside a word); unless `strict`, also where it continues after a
 * space (a line wrapped or cut and followed by more text).
 */
export function cutShort(loose: string, literal: string, min: number, strict = false): string | null {
  if (literal.length <= min) return null;
  const start = literal.slice(0, min);
  for (let at = loose.indexOf(start); at >= 0; at = loose.indexOf(start, at + 1)) {
    let k = min;
    while (k < literal.length && loose[at + k] === literal[k]) k++;
    if (k === literal.length) continue; // the whole of it: not a cut
    const end = at + k;
    if (loose.startsWith('…', end) || loose.startsWith('...', end)) return literal.slice(0, k);
    // (strict: the paste ends inside a word of it, not where a shorter message of its own ends)
    if (end === loose.length && (!strict || /\w\w/.test(literal.slice(k - 1, k + 1)))) return literal.slice(0, k);
    if (strict) continue;
    const space = loose.lastIndexOf(' ', end);
    if (space >= at + min) return literal.slice(0, space - at);
  }
  return null;
}
