#!/usr/bin/env node
// Playground timings in headless Chromium against the built site (dist/):
//   - navigation -> first findings for the default example, cold cache and warm cache
//   - re-analysis of a 1,000-line file after an edit (edit -> findings on screen; engine time alone)
// Serves dist/ with `astro preview` unless PLAYGROUND_URL points at a running site (with its base path).
// Chromium: CHROMIUM_PATH or /usr/bin/chromium. Figures are measurements, not pass/fail.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');
const port = Number(process.env.BENCH_PORT || 4391);
const RUNS = Number(process.env.BENCH_RUNS || 5);

async function serve() {
  if (process.env.PLAYGROUND_URL) return { url: process.env.PLAYGROUND_URL.replace(/\/?$/, '/'), stop() {} };
  if (!existsSync(`${root}dist/playground/index.html`)) {
    console.log('playground: dist/ has no playground; run `npm run build` first');
    process.exit(1);
  }
  const child = spawn(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('astro preview did not start');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function firstFindings(context, url) {
  const page = await context.newPage();
  let bytes = 0;
  const pending = [];
  page.on('requestfinished', (r) => {
    // Bytes actually received from the network (0 for memory/disk cache hits and 304s).
    pending.push(r.sizes().then((s) => (bytes += s.responseBodySize), () => {}));
  });
  const t0 = Date.now();
  await page.goto(`${url}playground/`);
  const nav = Date.now() - t0;
  // When Pyodide itself is up and the engine package starts importing (status phase "engine").
  const enginePhase = page
    .waitForFunction(() => window.__playground?.client?.current?.phase === 'engine' || window.__playground?.client?.current?.state === 'ready', null, { timeout: 300_000, polling: 20 })
    .then(() => Date.now() - t0);
  await page.waitForSelector('#playground[data-ready="true"]', { timeout: 120_000 });
  const editor = Date.now() - t0;
  await page.waitForSelector('#playground[data-engine="ready"]', { timeout: 300_000 });
  const python = Date.now() - t0;
  const runtime = await enginePhase;
  await page.waitForFunction(() => /finding/.test(document.getElementById('pg-message')?.textContent ?? ''), null, { timeout: 120_000 });
  const findings = Date.now() - t0;
  await Promise.all(pending);
  return { page, nav, editor, runtime, python, findings, bytes };
}

function thousandLines() {
  const src = readFileSync(`${root}src/lib/playground/examples/http_oauth_client.py`, 'utf8');
  const body = src.split('\n');
  const lines = [...body];
  let i = 0;
  while (lines.length < 1000) {
    // Repeat the client's function bodies under new names so the file stays valid Python.
    lines.push('', `async def extra_${i}() -> None:`, ...body.slice(body.findIndex((l) => l.startsWith('async def main')) + 1).filter((l) => l.startsWith('    ')));
    i++;
  }
  return lines.slice(0, 1000).join('\n') + '\n';
}

const { url, stop } = await serve();
// A persistent profile, so "warm" means a real disk cache (in-memory caches drop the 9.6 MB wasm).
const profile = mkdtempSync(join(tmpdir(), 'mcp-migrate-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const cold = await firstFindings(context, url);
  await cold.page.close();
  const warm = [];
  for (let r = 0; r < Math.max(1, Math.min(RUNS, 3)); r++) {
    const w = await firstFindings(context, url);
    warm.push(w);
    if (r < 2) await w.page.close();
  }
  const row = (label, m) =>
    `  ${label.padEnd(6)} editor ${fmt(m.editor).padStart(8)}  Pyodide up ${fmt(m.runtime).padStart(8)}  engine ready ${fmt(m.python).padStart(8)}  first findings ${fmt(m.findings).padStart(8)}  (${(m.bytes / 1e6).toFixed(1)} MB from the network)`;
  console.log('playground: navigation -> first findings (default example)');
  console.log(row('cold', cold));
  const med = (k) => median(warm.map((w) => w[k]));
  console.log(row('warm', { ...warm[0], findings: med('findings'), python: med('python'), editor: med('editor'), runtime: med('runtime') }));
  console.log('  (Pyodide up = runtime downloaded, compiled and booted; engine ready = + engine package imported)');

  const page = warm.at(-1).page;
  const big = thousandLines();
  await page.evaluate((t) => window.__playground.setText(t), big);
  await page.waitForFunction(() => !document.getElementById('playground').dataset.analyzing && /finding/.test(document.getElementById('pg-message').textContent), null, { timeout: 120_000 });
  const samples = [];
  for (let r = 0; r < RUNS; r++) {
    const m = await page.evaluate(
      (n) =>
        new Promise((resolve) => {
          const app = window.__playground.app;
          const root = document.getElementById('playground');
          const t0 = performance.now();
          root.addEventListener('pg:analyzed', (e) => resolve({ total: performance.now() - t0, engine: e.detail.engineMs, findings: e.detail.findings }), { once: true });
          app.input.executeEdits('bench', [{ range: { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 }, text: `# edit ${n}\n` }]);
        }),
      r,
    );
    samples.push(m);
  }
  console.log(`playground: re-analysis of a 1,000-line file after an edit (${samples[0].findings} findings, ${RUNS} runs, median)`);
  console.log(`  edit -> findings on screen ${Math.round(median(samples.map((s) => s.total)))} ms (includes the 200 ms typing debounce); engine alone ${Math.round(median(samples.map((s) => s.engine)))} ms`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  stop();
}
