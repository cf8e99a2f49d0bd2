// Read a paste the way someone who has seen a thousand tracebacks reads it: drop the noise
// (colours, log prefixes, frames, paths, addresses), then find the exception lines and decide which
// one matters. Pure string work; no data needed.

import type { ExceptionLine, Normalised } from './types.ts';

// CSI/OSC escapes, plus the visible remnants left when a terminal copy loses the ESC byte.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[()][0-9A-Za-z]|\^\[\[[0-9;]*m|(?<![\w\]])\[(?:\d{1,3};)*\d{1,3}m/g;

const LOG_PREFIXES: RegExp[] = [
  // ISO / logging-module timestamps: 2026-07-30 12:01:02,123 / 2026-07-30T12:01:02.123Z / [2026-07-30 ...]
  /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?\s*/,
  // rich's log time column: [07/30/26 12:01:02]
  /^\[\d{2}\/\d{2}\/\d{2,4} \d{2}:\d{2}:\d{2}\]\s*/,
  /^\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\s*/,
  // " - name - LEVEL - " (logging.basicConfig with a format), "| LEVEL |" (loguru)
  /^(?:[-|]\s*)?[\w.]+\s+[-|]\s+(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|EXCEPTION)\s+[-|]\s*/,
  /^[-|]?\s*(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s*[-|]\s*(?:[\w.:]+\s+-\s+)?/,
  // ERROR:root: / WARNING:mcp.server.lowlevel: (logging's default format)
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL):[\w.]*:\s*/,
  // uvicorn "ERROR:    ", "[error]", "[ERROR]", "error:" (uv), "Error:" is left alone (it is a message)
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s*:\s+/,
  /^\[(?:debug|info|warning|warn|error|critical|fatal|err)\]\s*:?\s*/i,
  // rich level column: "ERROR    Error handling request   server.py:123"
  /^(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s{2,}/,
  // process/thread tags some runners add: "server-1  | ", "[mcp] "
  /^[\w.-]+\s+\|\s/,
];

// A frame ("File ..., line N, in f"), pytest's location lines, and other lines that are pure location.
const FRAME = /^\s*File "[^"]*", line \d+(?:, in .*)?$/;
const PYTEST_LOCATION = /^\s*(?:[\w./\\-]+\.py):\d+:\s*(?:in \S+)?$/;
const TRACEBACK_HEADER = /^\s*(?:\+\s*)?(?:Exception Group )?Traceback \(most recent call last\):?\s*$/;
const CHAIN = /^\s*(?:During handling of the above exception, another exception occurred|The above exception was the direct cause of the following exception):?\s*$/;
const GROUP_RULE = /^\s*[+|]?\s*\+?-[-+]*(?:\s*\d+\s*-+|\s*\.\.\.\s*-+)?\s*$/;
const CARETS = /^\s*[~^]{2,}[\s~^]*$/;

// `Foo.py:12: SomeWarning: msg` (warnings module) -> `SomeWarning: msg`.
const WARN_LOCATION = /^(?:[A-Za-z]:)?[^\s:]*\.py:\d+:\s+(?=[A-Z]\w*(?:Warning|Error)\b)/;

const PATHS: Array<[RegExp, string]> = [
  // ` (/site-packages/mcp/__init__.py)` after "cannot import name ... from 'mcp'"
  [/\s\((?:[A-Za-z]:)?[^()\s]*[\\/][^()\s]*\.py\)/g, ''],
  [/(?:[A-Za-z]:\\|\/|~\/|\.{1,2}\/)[\w.@+~\\/-]*[\w-]+\.py(?::\d+(?::\d+)?)?/g, '<path>'],
  [/\bat 0x[0-9a-fA-F]+/g, ''],
  [/\b0x[0-9a-fA-F]{6,}\b/g, ''],
];

// `Type: message`, with an optional dotted module prefix; the type must look like an exception.
const EXC = /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning|Group|Exit|Interrupt|Timeout|Cancelled|Lost)\w*)(?:\s*:\s?(.*))?$/;
const WRAPPERS = /^(?:(?:Base)?ExceptionGroup|(?:[\w.]+\.)?(?:TaskGroupError|MultiError|CancelledError))$/;

const DID_YOU_MEAN = /\.?\s*Did you mean:?\s*['"]?([\w.]+)['"]?\s*\?/g;

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

export function normalise(paste: string): Normalised {
  const suggestions: string[] = [];
  const raw = paste.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const kept: string[] = [];
  let afterFrame = false;
  for (const original of raw.split('\n')) {
    let line = stripPrefixes(original);
    if (FRAME.test(line)) {
      afterFrame = true; // the next line is that frame's source code
      continue;
    }
    if (afterFrame) {
      afterFrame = false;
      // The frame's source line is indented; an unindented line is already the exception.
      if (/^\s{2,}\S/.test(line) && !EXC.test(line.trim())) continue;
    }
    // pytest: "FAILED tests/x.py::test - Type: msg" and "tests/x.py:12: Type" (a repeat of the E line)
    line = line.replace(/^(?:FAILED|ERROR)\s+\S+\s+-\s+/, '').replace(/^>\s+/, '  ');
    if (/^\s*\S+\.py:\d+:\s+[\w.]+$/.test(line)) continue;
    if (TRACEBACK_HEADER.test(line) || CHAIN.test(line) || GROUP_RULE.test(line) || CARETS.test(line) || PYTEST_LOCATION.test(line)) continue;
    if (/^\s*(?:\.\.\.|\^)\s*$/.test(line)) continue;
    line = line.replace(WARN_LOCATION, '');
    line = line.replace(DID_YOU_MEAN, (_m, s: string) => {
      suggestions.push(s);
      return '';
    });
    for (const [re, to] of PATHS) line = line.replace(re, to);
    line = line.replace(/\s+/g, ' ').trim();
    if (!line || line === '<path>') continue;
    kept.push(line);
  }

  const exceptions: ExceptionLine[] = [];
  for (let i = 0; i < kept.length; i++) {
    const m = EXC.exec(kept[i]);
    if (!m) continue;
    // A message continues on following lines until the next exception (pydantic's field list,
    // wrapped pastes); keep a few so "validation error for X\nfield\n  Extra inputs" stays together.
    let message = m[2] ?? '';
    for (let j = i + 1; j < kept.length && j <= i + 4 && !EXC.test(kept[j]); j++) {
      if (/^For further information visit/i.test(kept[j])) continue;
      message += ' ' + kept[j];
    }
    exceptions.push({ type: m[1], message: message.trim() });
  }
  const shortType = (t: string) => t.split('.').pop() ?? t;
  let primary: ExceptionLine | null = null;
  for (let i = exceptions.length - 1; i >= 0; i--) {
    const e = exceptions[i];
    if (WRAPPERS.test(shortType(e.type)) || /unhandled errors in a TaskGroup|\(\d+ sub-exceptions?\)/.test(e.message)) continue;
    primary = e;
    break;
  }
  if (!primary && exceptions.length) primary = exceptions[exceptions.length - 1];

  const text = kept.join('\n');
  return {
    text,
    loose: looseText(text),
    exceptions,
    primary,
    suggestions,
  };
}

/** Lowercase, one line, without quotes: survives lost quotes and wrapped lines. */
export function looseText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[`'"\u2018\u2019\u201c\u201d]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
