#!/usr/bin/env node
// Lookup latency over the unit-test table (structural matching, no full text), after a warm-up.
// Prints median and p95 per paste. Run: node bench/lookup.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { lookupSync } from '../src/lib/lookup/lookup.ts';
import { CASES } from '../tests/unit/lookup-table.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(root, 'src/generated', f), 'utf8'));
const data = { sections: read('sections.json'), symbols: read('symbol-index.json') };

const ROUNDS = 20;
for (let i = 0; i < 3; i++) for (const c of CASES) lookupSync(c.paste, data); // warm-up: JIT, regex caches

const samples = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const c of CASES) {
    const t0 = performance.now();
    lookupSync(c.paste, data);
    samples.push(performance.now() - t0);
  }
}
samples.sort((a, b) => a - b);
const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
const out = { pastes: CASES.length, runs: samples.length, median_ms: +q(0.5).toFixed(3), p95_ms: +q(0.95).toFixed(3), max_ms: +samples.at(-1).toFixed(3) };
if (process.argv.includes('--json')) console.log(JSON.stringify(out));
else console.log(`lookup latency over ${out.pastes} pastes x ${ROUNDS}: median ${out.median_ms} ms, p95 ${out.p95_ms} ms, max ${out.max_ms} ms`);
