#!/usr/bin/env node
// Playground start-up and re-analysis, in headless Chromium against the built site (dist/), all from
// one run so that the ratios compare like with like:
//   bare     a bare `loadPyodide()` of the site's own /pyodide/ in a fresh browser profile (the baseline)
//   cold     navigation -> first findings on screen, fresh profile (nothing cached)
//   reload   the same, reloading that tab once the site is stored for offline use
//   second   the same, in a new tab of that browser (a second visit)
//   edit     a keystroke in a 1,000-line file -> its findings on screen
// and what two levers give on their own:
//   cold without the snapshot (the snapshot request fails: Python starts from scratch)
//   reload without the service worker (only the HTTP cache; the same second load as "reload")
// Each figure is the median of BENCH_RUNS rounds (default 3; the machine may be busy: repeat).
// BENCH_ONLY=edit runs the keystroke figures alone.
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
const RUNS = Number(process.env.BENCH_RUNS || 3);
const EDITS = Number(process.env.BENCH_EDITS || 9);

async function serve() {
  if (process.env.PLAYGROUND_URL) return { url: process.env.PLAYGROUND_URL.replace(/\/?$/, '/'), stop() {} };
  if (!existsSync(`${root}dist/playground/index.html`)) {
    console.log('playground: dist/ has no playground; run `npm run build` first');
    process.exit(1);
  }
  const child = spawn(
    process.execPath,
    [`${root}node_modules/astro/bin/astro.mjs`, 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
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
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const spread = (xs) => (xs.length > 1 ? ` (${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})` : '');

/** A fresh browser profile (nothing cached), closed and deleted by the caller. */
async function browser(serviceWorkers = 'allow') {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-migrate-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    serviceWorkers,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  // Bench instrumentation (not part of the site): when the first findings are on screen, in ms since
  // navigation start.
  await context.addInitScript(() => {
    const done = () => {
      const panel = document.querySelector('[data-panel="findings"]');
      return panel?.getAttribute('aria-busy') === 'false' && panel.querySelector('li[data-rule]');
    };
    const watch = () => {
      const observer = new MutationObserver(() => {
        if (window.__benchFirstFindings === undefined && done()) {
          window.__benchFirstFindings = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-busy'],
      });
    };
    if (document.documentElement) watch();
    else document.addEventListener('readystatechange', watch, { once: true });
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function firstFindings(page, url, how = 'goto') {
  if (how === 'reload') await page.reload();
  else await page.goto(`${url}playground/`);
  const handle = await page.waitForFunction(() => window.__benchFirstFindings, null, { timeout: 300_000, polling: 50 });
  return handle.jsonValue();
}

/** Wait until the service worker has stored the site and Python, and the worker the decoded snapshot
 * ("everything cached"), and a moment more for the last writes to settle. Polled here, not with
 * `waitForFunction`: that takes the predicate's promise itself as a truthy answer. */
async function storedForOffline(page) {
  const stored = () =>
    page.evaluate(async () => {
      const keys = await caches.keys();
      const site = keys.find((k) => k.startsWith('mcp-migrate-site-'));
      if (!site || !navigator.serviceWorker.controller) return false;
      const urls = (await (await caches.open(site)).keys()).map((r) => r.url);
      let decoded = false;
      for await (const name of (await navigator.storage.getDirectory()).keys())
        decoded ||= name.endsWith('.snap.decoded');
      const runtime = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
      return (
        runtime.every((f) => urls.some((u) => u.endsWith(`/pyodide/${f}`))) &&
        urls.some((u) => /engine-\w+\.snap$/.test(u)) &&
        decoded
      );
    });
  const deadline = Date.now() + 300_000;
  while (!(await stored())) {
    if (Date.now() > deadline) throw new Error('the site was not stored for offline use within 300 s');
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(2000);
}

async function bare(url) {
  const b = await browser('block');
  try {
    const page = await b.context.newPage();
    await page.goto(`${url}404.html`);
    const boot = () =>
      page.evaluate(async (indexURL) => {
        const t0 = performance.now();
        const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
        await loadPyodide({ indexURL, packageBaseUrl: indexURL });
        return performance.now() - t0;
      }, `${url}pyodide/`);
    const cold = await boot();
    await page.reload();
    const warm = await boot();
    return { cold, warm };
  } finally {
    await b.close();
  }
}

async function playground(url) {
  const b = await browser('allow');
  try {
    const page = await b.context.newPage();
    const cold = await firstFindings(page, url);
    await storedForOffline(page);
    const reload = await firstFindings(page, url, 'reload');
    // A second visit: later, in a new tab (the first one closed once it is done loading the editor).
    await page.waitForSelector('#playground[data-ready="true"]', { timeout: 120_000 });
    await page.waitForTimeout(2000);
    await page.close();
    const other = await b.context.newPage();
    const second = await firstFindings(other, url);
    return { cold, reload, second };
  } finally {
    await b.close();
  }
}

/** The levers one at a time: no snapshot (cold visit), no service worker (the same reload as above). */
async function levers(url) {
  const noSnapshot = await browser('block');
  let coldNoSnapshot;
  try {
    const page = await noSnapshot.context.newPage();
    await page.route(/engine-\w+\.snap$/, (route) => route.fulfill({ status: 404, body: '' }));
    coldNoSnapshot = await firstFindings(page, url);
  } finally {
    await noSnapshot.close();
  }
  const noWorker = await browser('block');
  try {
    const page = await noWorker.context.newPage();
    await firstFindings(page, url);
    await page.waitForSelector('#playground[data-ready="true"]', { timeout: 120_000 });
    await page.waitForTimeout(4000); // the worker keeps the decoded snapshot after its first analyses
    const reloadNoWorker = await firstFindings(page, url, 'reload');
    return { coldNoSnapshot, reloadNoWorker };
  } finally {
    await noWorker.close();
  }
}

function thousandLines() {
  const src = readFileSync(`${root}src/lib/playground/examples/http_oauth_client.py`, 'utf8');
  const body = src.split('\n');
  const lines = [...body];
  let i = 0;
  while (lines.length < 1000) {
    // Repeat the client's function bodies under new names so the file stays valid Python.
    lines.push(
      '',
      `async def extra_${i}() -> None:`,
      ...body.slice(body.findIndex((l) => l.startsWith('async def main')) + 1).filter((l) => l.startsWith('    ')),
    );
    i++;
  }
  return lines.slice(0, 1000).join('\n') + '\n';
}

/** Keystroke -> findings on screen, in a 1,000-line file (and the engine's own time, from the status). */
async function edits(url) {
  const b = await browser('block');
  try {
    const page = await b.context.newPage();
    await page.goto(`${url}playground/`);
    await page.waitForSelector('#playground[data-ready="true"][data-engine="ready"]', { timeout: 300_000 });
    await page.evaluate((t) => navigator.clipboard.writeText(t), thousandLines());
    const editor = page.locator('[data-panel="editor"] .monaco-editor').first();
    await editor.click({ position: { x: 120, y: 8 } });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await page.waitForFunction(
      () => document.querySelector('[data-panel="findings"]')?.getAttribute('aria-busy') === 'false',
      null,
      { timeout: 120_000 },
    );
    // Type a comment on the empty second line, one character at a time: every keystroke makes a text
    // the engine has not seen (no cached answer) and that still parses.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    const typed = '# keystrokes measured one by one';
    const samples = [];
    for (let r = 0; r < EDITS && r < typed.length; r++) {
      await page.waitForTimeout(400);
      await page.evaluate(() => {
        const panel = document.querySelector('[data-panel="findings"]');
        window.__benchEdit = new Promise((resolve) => {
          let t0 = 0;
          addEventListener('keydown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            if (t0 && panel.getAttribute('aria-busy') === 'false') {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(panel, { attributes: true, attributeFilter: ['aria-busy'] });
        });
      });
      await page.keyboard.type(typed[r]);
      const total = await page.evaluate(() => window.__benchEdit);
      const status = await page.locator('[data-part="message"]').innerText();
      samples.push({
        total,
        engine: Number(/\((\d+) ms\)/.exec(status)?.[1] ?? NaN),
        findings: Number(/(\d+) findings?/.exec(status)?.[1] ?? NaN),
      });
    }
    return samples;
  } finally {
    await b.close();
  }
}

const { url, stop } = await serve();
try {
  const rows = [];
  for (let r = 0; r < (process.env.BENCH_ONLY === 'edit' ? 0 : RUNS); r++) {
    const b = await bare(url);
    const p = await playground(url);
    const l = await levers(url);
    rows.push({ bare: b.cold, bareCached: b.warm, ...p, ...l });
  }
  if (rows.length) report(rows);
  const samples = await edits(url);
  const ms = (xs) => `${Math.round(median(xs))} ms`;
  console.log(
    `playground: keystroke -> findings on screen in a 1,000-line file (${samples[0].findings} findings, ${samples.length} keystrokes, median)`,
  );
  console.log(
    `  ${ms(samples.map((s) => s.total))} (target <= 100 ms), of which the engine ${ms(samples.map((s) => s.engine))}; each: ${samples.map((s) => Math.round(s.total)).join(', ')} ms`,
  );
} finally {
  stop();
}

function report(rows) {
  const col = (k) => rows.map((x) => x[k]);
  const med = (k) => median(col(k));
  const line = (label, k) => console.log(`  ${label.padEnd(44)} ${secs(med(k)).padStart(7)}${spread(col(k))}`);
  const ratio = (k) => `${(med(k) / med('bare')).toFixed(2)}x`;
  console.log(`playground: start-up, ${RUNS} round${RUNS === 1 ? '' : 's'} in one run (median, then each round)`);
  line('bare loadPyodide(), fresh profile (baseline)', 'bare');
  line('bare loadPyodide(), cached', 'bareCached');
  line('cold visit -> first findings', 'cold');
  line('reload -> first findings', 'reload');
  line('second visit (new tab) -> first findings', 'second');
  console.log(
    `  ratios to the bare boot: cold ${ratio('cold')} (target <= 0.75x), reload ${ratio('reload')}, second visit ${ratio('second')} (target <= 0.25x)`,
  );
  console.log('playground: levers alone');
  line('cold visit without the snapshot', 'coldNoSnapshot');
  line('reload without the service worker', 'reloadNoWorker');
}
