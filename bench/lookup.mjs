#!/usr/bin/env node
// Lookup latency, with the data the page and the CLI use (full text included), after a warm-up:
//   - every paste of the training tables, and
//   - pastes of 1 MB (a log ending in a traceback, a base64 blob, `/` + letters, a single line of
//     words, JSON logs, random printable text, JSON records with escaped tracebacks, escaped
//     newlines, quoted exceptions on one line, a deep SDK traceback): the bound is p95 <= 50 ms.
// Prints median and p95 per group. Run: node bench/lookup.mjs [--json]
import { performance } from 'node:perf_hooks';
import { loadLookupData } from '../src/lib/lookup/data-node.ts';
import { lookupSync } from '../src/lib/lookup/lookup.ts';
import { CASES } from '../tests/unit/lookup-table.ts';
import { FORMAT_CASES } from '../tests/unit/lookup-table-formats.ts';
import { MECHANISM_CASES } from '../tests/unit/lookup-table-mechanisms.ts';
import { RETIRED_CASES } from '../tests/unit/lookup-table-retired.ts';
import { ROUND3_CASES } from '../tests/unit/lookup-table-round3.ts';
import { ROUND4_CASES } from '../tests/unit/lookup-table-round4.ts';

const data = loadLookupData();
const MB = 1 << 20;
const TABLE = [...CASES, ...FORMAT_CASES, ...RETIRED_CASES, ...MECHANISM_CASES, ...ROUND3_CASES, ...ROUND4_CASES].map(
  (c) => c.paste,
);

const traceback = `Traceback (most recent call last):\n  File "/app/server.py", line 3, in <module>\n    from mcp.server.fastmcp import FastMCP\nModuleNotFoundError: No module named 'mcp.server.fastmcp'\n`;
let log = '';
for (let i = 0; log.length < MB; i++)
  log += `2026-08-02 10:00:${String(i % 60).padStart(2, '0')},123 - app.worker - INFO - processed item ${i} in ${i % 97} ms\n`;
const HUGE = [
  log.slice(0, MB - traceback.length) + traceback,
  'payload=' + Buffer.from(Array.from({ length: MB * 0.75 }, (_, i) => (i * 31) % 251)).toString('base64'),
  '/' + 'a'.repeat(MB),
  ('word ' + 'x'.repeat(20) + ' ').repeat(Math.floor(MB / 27)),
  ('{"level":"info","logger":"app","msg":"ok ' + 'y'.repeat(40) + '"}\n').repeat(Math.floor(MB / 90)),
  Array.from({ length: MB }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(''),
  // JSON records carrying escaped tracebacks, an escaped-newline flood, a line of quoted exceptions,
  // a traceback thousands of SDK frames deep
  (JSON.stringify({ level: 'error', exception: traceback }) + '\n').repeat(Math.floor(MB / 260)),
  'x\\n '.repeat(Math.floor(MB / 4)),
  'step failed: ValueError: bad value; '.repeat(Math.floor(MB / 36)),
  `Traceback (most recent call last):\n${'  File "/v/lib/python3.12/site-packages/mcp/shared/jsonrpc_dispatcher.py", line 748, in _handle_request\n    result = await on_request(dctx, req.method, req.params)\n'.repeat(Math.floor(MB / 190))}RuntimeError: boom\n`,
];

function measure(pastes, rounds) {
  for (const p of pastes) lookupSync(p, data); // warm-up: JIT, regex and index caches
  // Wall time, and CPU time: on a shared machine the second says what the lookup itself costs.
  const wall = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    for (const p of pastes) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      lookupSync(p, data);
      const c = process.cpuUsage(c0);
      wall.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  const q = (xs, p) => +[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(3);
  return {
    pastes: pastes.length,
    runs: wall.length,
    median_ms: q(wall, 0.5),
    p95_ms: q(wall, 0.95),
    max_ms: q(wall, 1),
    cpu_p95_ms: q(cpu, 0.95),
  };
}

const out = { table: measure(TABLE, 5), mb: measure(HUGE, 10) };
if (process.argv.includes('--json')) console.log(JSON.stringify(out));
else {
  for (const [what, f, n] of [
    [`${out.table.pastes} table pastes`, out.table, 5],
    [`${out.mb.pastes} pastes of 1 MB`, out.mb, 10],
  ]) {
    console.log(
      `lookup latency over ${what} x ${n}: median ${f.median_ms} ms, p95 ${f.p95_ms} ms, max ${f.max_ms} ms (CPU p95 ${f.cpu_p95_ms} ms)`,
    );
  }
}
