/// <reference lib="webworker" />
// Boots the engine inside the worker. Pyodide comes from the site's own /pyodide/ (never a CDN: every
// fetch from this worker is held to the page's origin). When the build made an engine snapshot
// (scripts/build-snapshot.mjs), Python is restored from it, already started and with the engine
// imported; otherwise (dev server, a snapshot that fails to restore) it starts from scratch and imports
// the engine from src/generated/engine-files.json.
import { attachEngine, createEngine } from '../engine/core.mjs';
import type { EngineFiles, SyncEngine } from '../engine/types';
import type { LoadPhase } from './protocol';
import { decodeSparse, isGzip } from './snapshot-codec.mjs';

declare const self: DedicatedWorkerGlobalScope;
declare const __PYODIDE_SIZES__: Record<string, number>;

export interface BootedEngine {
  sync: SyncEngine;
  pythonVersion: string;
  fromSnapshot: boolean;
}

export interface Progress {
  phase: LoadPhase;
  loaded: number;
  total: number;
}

// ---- network guard + progress -----------------------------------------------------------------

const SIZES: Record<string, number> = typeof __PYODIDE_SIZES__ === 'object' ? { ...__PYODIDE_SIZES__ } : {};
const received = new Map<string, number>();
let phase: LoadPhase = 'runtime';
let report: (p: Progress) => void = () => {};
let lastReport = 0;
/** Pyodide only logs a failed runtime download and then waits forever: fail the boot ourselves. */
let failBoot: (err: Error) => void = () => {};

function progress(force = false) {
  const now = performance.now();
  if (!force && now - lastReport < 80) return;
  lastReport = now;
  let loaded = 0;
  let total = 0;
  for (const [name, size] of Object.entries(SIZES)) {
    total += size;
    loaded += Math.min(received.get(name) ?? 0, size);
  }
  report({ phase, loaded, total });
}

function setPhase(p: LoadPhase) {
  phase = p;
  progress(true);
}

/** Count a response's bytes for the progress bar without touching the response itself. */
function count(name: string, res: Response) {
  if (!res.body) return;
  const reader = res.body.getReader();
  let n = 0;
  const pump = (): Promise<void> =>
    reader.read().then(({ done, value }) => {
      if (done) {
        received.set(name, SIZES[name] ?? n);
        progress(true);
        return;
      }
      n += value.byteLength;
      received.set(name, n);
      progress();
      return pump();
    });
  pump().catch(() => {});
}

const realFetch = self.fetch.bind(self);
self.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, self.location.href);
  if (url.origin !== self.location.origin) {
    throw new TypeError(`mcp-migrate: blocked a request to another origin (${url.origin})`);
  }
  const name = url.pathname.split('/').pop() ?? '';
  const tracked = name in SIZES;
  let res: Response;
  try {
    res = await realFetch(input, init);
  } catch (err) {
    if (tracked)
      failBoot(new Error(`could not download ${name} (${err instanceof Error ? err.message : String(err)})`));
    throw err;
  }
  if (tracked && !res.ok) failBoot(new Error(`could not download ${name} (HTTP ${res.status})`));
  // Count a clone: the response itself must stay the network's own, or the browser cannot reuse its
  // compiled-code cache for the wasm (a rebuilt Response has no URL to key it on).
  if (tracked && res.ok) count(name, res.clone());
  return res;
};

// ---- snapshot -----------------------------------------------------------------------------------

/** The response body without its gzip layer (a server may have removed it already). */
async function gunzipped(res: Response): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  // Decompress while downloading: look at the first chunk, then stream the rest through.
  const reader = res.body.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array();
  const body = new ReadableStream<BufferSource>({
    start(controller) {
      if (head.length) controller.enqueue(head);
      if (first.done) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const stream = isGzip(head) ? body.pipeThrough(new DecompressionStream('gzip')) : body;
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// The gunzipped snapshot is kept in the origin-private file system: a worker reads its 15 MB back with
// one synchronous read in a few ms, where Cache Storage took about 150 ms (a reload's first findings
// 0.64 s -> 0.58 s in `npm run bench`).
interface KeptFile {
  dir: FileSystemDirectoryHandle;
  name: string;
}

/** Where earlier builds kept the decoded snapshot (Cache Storage): freed when this one stores its own. */
const OLD_DECODED_CACHE = 'mcp-migrate-engine-snapshot';
const KEPT_SUFFIX = '.decoded';

async function keptFile(url: string): Promise<KeptFile | null> {
  try {
    const dir = await navigator.storage.getDirectory();
    return { dir, name: `${new URL(url).pathname.split('/').pop()}${KEPT_SUFFIX}` };
  } catch {
    return null; // no origin-private file system here (insecure context, private mode): download every time
  }
}

/** The kept bytes; null when there are none or another tab holds the file (its sync handle is exclusive). */
async function readKept(file: KeptFile): Promise<Uint8Array | null> {
  let access: FileSystemSyncAccessHandle | null = null;
  try {
    access = await (await file.dir.getFileHandle(file.name)).createSyncAccessHandle();
    const bytes = new Uint8Array(access.getSize());
    return bytes.length && access.read(bytes, { at: 0 }) === bytes.length ? bytes : null;
  } catch {
    return null;
  } finally {
    access?.close();
  }
}

async function writeKept(file: KeptFile, bytes: Uint8Array): Promise<void> {
  for await (const name of file.dir.keys()) {
    if (name !== file.name && name.endsWith(KEPT_SUFFIX)) await file.dir.removeEntry(name).catch(() => {});
  }
  await self.caches?.delete(OLD_DECODED_CACHE).catch(() => false);
  const access = await (await file.dir.getFileHandle(file.name, { create: true })).createSyncAccessHandle();
  try {
    access.truncate(0);
    access.write(bytes, { at: 0 });
    access.flush();
  } finally {
    access.close();
  }
}

/** The snapshot's memory image: the kept copy when there is a whole one, else downloaded and gunzipped. */
async function snapshotMemory(url: string): Promise<{ memory: Uint8Array; keep: () => Promise<void> }> {
  const file = await keptFile(url);
  const kept = file && (await readKept(file));
  if (kept) {
    try {
      return { memory: decodeSparse(kept), keep: async () => {} };
    } catch {
      // a torn copy (the tab closed while writing it): download the snapshot again
    }
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`engine snapshot: HTTP ${res.status}`);
  const length = Number(res.headers.get('Content-Length') || 0);
  const name = new URL(url).pathname.split('/').pop()!;
  if (length && !res.headers.get('Content-Encoding')) {
    SIZES[name] = length;
    count(name, res.clone());
  }
  const sparse = await gunzipped(res);
  const keep = async () => {
    if (file) await writeKept(file, sparse);
  };
  return { memory: decodeSparse(sparse), keep };
}

// ---- boot ---------------------------------------------------------------------------------------

// The engine's Python files, bundled by scripts/bundle-engine.mjs (a unit test keeps it fresh).
// Globbed and lazy: only a boot without a snapshot downloads them.
const generated = import.meta.glob<EngineFiles>('/src/generated/engine-files.json', { import: 'default' });

async function engineFiles(): Promise<EngineFiles> {
  const load = Object.values(generated)[0];
  if (!load) throw new Error('this build has no engine (src/generated/engine-files.json was missing)');
  return await load();
}

type LoadPyodide = (opts: Record<string, unknown>) => Promise<any>;

async function fromScratch(loadPyodide: LoadPyodide, indexURL: string): Promise<SyncEngine> {
  const files = engineFiles();
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL });
  setPhase('engine');
  return createEngine(pyodide, await files);
}

export async function bootEngine(opts: {
  indexURL: string;
  snapshotURL: string | null;
  onProgress: (p: Progress) => void;
}): Promise<BootedEngine> {
  report = opts.onProgress;
  const failed = new Promise<never>((_, reject) => {
    failBoot = reject;
  });
  const boot = async (): Promise<BootedEngine> => {
    progress(true);
    const snapshot = opts.snapshotURL ? snapshotMemory(opts.snapshotURL) : null;
    snapshot?.catch(() => {}); // a failure is handled below, not reported as unhandled
    const { loadPyodide } = (await import(/* @vite-ignore */ `${opts.indexURL}pyodide.mjs`)) as {
      loadPyodide: LoadPyodide;
    };
    let sync: SyncEngine | null = null;
    let keep: (() => Promise<void>) | null = null;
    if (snapshot) {
      try {
        const memory = snapshot.then((s) => {
          setPhase('engine');
          keep = s.keep;
          return s.memory;
        });
        const pyodide = await loadPyodide({
          indexURL: opts.indexURL,
          packageBaseUrl: opts.indexURL,
          _loadSnapshot: memory,
        });
        sync = attachEngine(pyodide);
      } catch (err) {
        console.warn('mcp-migrate: the engine snapshot could not be restored; starting Python from scratch', err);
      }
    }
    const fromSnapshot = sync !== null;
    sync ??= await fromScratch(loadPyodide, opts.indexURL);
    const pythonVersion = String(sync.pyodide.runPython('import sys; sys.version.split()[0]'));
    setPhase('ready');
    // Store the decoded snapshot once the first analyses had the CPU.
    if (keep) setTimeout(() => void keep!().catch(() => {}), 2000);
    return { sync, pythonVersion, fromSnapshot };
  };
  return Promise.race([boot(), failed]);
}
