/// <reference lib="webworker" />
// The playground's Pyodide worker. Owned by engine-client.ts; speaks protocol.ts only.
// Loads the Pyodide runtime from the site's own /pyodide/ (reporting bytes as they arrive), loads the
// engine, and answers migrate requests one at a time.
import type { MigrateOptions, RuleInfo, WorkerRequest, WorkerResponse, LoadPhase } from './protocol';
import { loadPlaygroundEngine, type PlaygroundEngine } from './engine-adapter';

declare const self: DedicatedWorkerGlobalScope;
declare const __PYODIDE_SIZES__: Record<string, number>;

const post = (msg: WorkerResponse) => self.postMessage(msg);

// ---- network guard + progress -----------------------------------------------------------------
// Every fetch from this worker must stay on the page's origin (Pyodide would otherwise fall back to
// its CDN for packages). The two big runtime files are streamed through a byte counter.
const SIZES: Record<string, number> = typeof __PYODIDE_SIZES__ === 'object' ? __PYODIDE_SIZES__ : {};
const loaded = new Map<string, number>();
let phase: LoadPhase = 'runtime';
let lastReport = 0;

function report(force = false) {
  const now = performance.now();
  if (!force && now - lastReport < 80) return;
  lastReport = now;
  let got = 0;
  let total = 0;
  for (const [name, size] of Object.entries(SIZES)) {
    total += size;
    got += Math.min(loaded.get(name) ?? 0, size);
  }
  post({ type: 'progress', phase, loaded: got, total });
}

let initId = 0;

/** Pyodide only logs a failed wasm download and then waits forever: report it ourselves. */
function loadFailed(message: string) {
  post({ type: 'error', id: initId, error: { kind: 'load', message } });
}

const realFetch = self.fetch.bind(self);
self.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, self.location.href);
  if (url.origin !== self.location.origin) {
    throw new TypeError(`mcp-migrate: blocked a request to another origin (${url.origin})`);
  }
  const name = url.pathname.split('/').pop() ?? '';
  let res: Response;
  try {
    res = await realFetch(input, init);
  } catch (err) {
    if (name in SIZES) loadFailed(`could not download ${name} (${err instanceof Error ? err.message : String(err)})`);
    throw err;
  }
  if (name in SIZES && !res.ok) loadFailed(`could not download ${name} (HTTP ${res.status})`);
  if (!(name in SIZES) || !res.ok || !res.body) return res;
  if (name === 'python_stdlib.zip') phase = 'stdlib';
  let count = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      count += chunk.byteLength;
      loaded.set(name, count);
      report();
      controller.enqueue(chunk);
    },
    flush() {
      loaded.set(name, Math.max(count, SIZES[name]));
      report(true);
    },
  });
  return new Response(res.body.pipeThrough(counter), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
};

// ---- engine -------------------------------------------------------------------------------------
let engine: Promise<PlaygroundEngine> | null = null;

async function init(id: number, indexURL: string) {
  initId = id;
  const t0 = performance.now();
  report(true);
  engine = loadPlaygroundEngine(indexURL, () => {
    phase = 'engine';
    report(true);
  });
  try {
    const e = await engine;
    const rules: RuleInfo[] = e.listRules();
    phase = 'ready';
    report(true);
    post({ type: 'ready', id, rules, ms: performance.now() - t0, python: e.pythonVersion });
  } catch (err) {
    post({ type: 'error', id, error: { kind: 'load', message: describe(err) } });
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n').slice(-3).join('\n').trim() || err.name;
  return String(err);
}

async function migrate(id: number, text: string, filename: string, options: MigrateOptions) {
  if (!engine) {
    post({ type: 'error', id, error: { kind: 'internal', message: 'engine not initialised' } });
    return;
  }
  let e: PlaygroundEngine;
  try {
    e = await engine;
  } catch (err) {
    post({ type: 'error', id, error: { kind: 'load', message: describe(err) } });
    return;
  }
  const t0 = performance.now();
  try {
    const result = e.migrate(text, filename, options);
    post({ type: 'result', id, result, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', id, error: { kind: 'engine', message: describe(err) } });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      void init(msg.id, msg.indexURL);
      break;
    case 'migrate':
      void migrate(msg.id, msg.text, msg.filename, msg.options);
      break;
    case 'rules':
      void (engine ?? Promise.reject(new Error('not loaded'))).then(
        (e) => post({ type: 'rules', id: msg.id, rules: e.listRules() }),
        (err) => post({ type: 'error', id: msg.id, error: { kind: 'load', message: describe(err) } }),
      );
      break;
  }
};
