/// <reference lib="webworker" />
// The playground's Pyodide worker. Owned by engine-client.ts; speaks protocol.ts only.
// Boots Python from the site's own /pyodide/ (restoring the build-time engine snapshot when there is
// one), then answers requests: live analyses one at a time, and project runs in two passes that yield
// between files so that cancel requests and live analyses get through.
import type { MigrateOptions, ProjectFileInput, WorkerRequest, WorkerResponse } from './protocol';
import { bootEngine, type BootedEngine } from './engine-adapter';
import { ResultCache } from './result-cache';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: WorkerResponse) => self.postMessage(msg);

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n').slice(-3).join('\n').trim() || err.name;
  return String(err);
}

/** Let queued messages (cancel, live analyses) and waiting continuations run. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let engine: Promise<BootedEngine> | null = null;
const cache = new ResultCache(8);
const cancelled = new Set<number>();
/** Facts (as JSON) last recorded per project path, to tell whether an edit changed what others import. */
const factsByPath = new Map<string, string>();

async function init(id: number, indexURL: string, snapshotURL: string | null) {
  const t0 = performance.now();
  engine = bootEngine({ indexURL, snapshotURL, onProgress: (p) => post({ type: 'progress', ...p }) });
  try {
    const e = await engine;
    // An analysis sent while Python was loading goes first: the findings matter more than "ready".
    await yieldToMessages();
    post({
      type: 'ready',
      id,
      rules: e.sync.listRules(),
      ms: performance.now() - t0,
      python: e.pythonVersion,
      snapshot: e.fromSnapshot,
      projectApi: e.sync.hasProjectApi,
    });
  } catch (err) {
    post({ type: 'error', id, error: { kind: 'load', message: errorMessage(err) } });
  }
}

async function ready(id: number): Promise<BootedEngine | null> {
  if (!engine) {
    post({ type: 'error', id, error: { kind: 'internal', message: 'engine not initialised' } });
    return null;
  }
  try {
    return await engine;
  } catch (err) {
    post({ type: 'error', id, error: { kind: 'load', message: errorMessage(err) } });
    return null;
  }
}

function run(e: BootedEngine, text: string, filename: string, options: MigrateOptions, project: boolean): string {
  const key = ResultCache.key(text, filename, options, project);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const json = e.sync.migrateJson(text, filename, options, project);
  cache.set(key, json);
  return json;
}

/** Record a project file's facts; true when they differ from what was recorded before. */
function recordFacts(e: BootedEngine, path: string, text: string): boolean {
  const facts = JSON.stringify(e.sync.setFileFacts(path, text));
  const changed = factsByPath.get(path) !== facts;
  factsByPath.set(path, facts);
  return changed;
}

async function migrate(id: number, text: string, filename: string, options: MigrateOptions, project: boolean) {
  const e = await ready(id);
  if (!e) return;
  const t0 = performance.now();
  try {
    let factsChanged = false;
    if (project && e.sync.hasProjectApi) {
      factsChanged = recordFacts(e, filename, text);
      if (factsChanged) {
        e.sync.buildProject();
        cache.clear(); // every project result may depend on the index
      }
    }
    const json = run(e, text, filename, options, project);
    post({ type: 'result', id, json, ms: performance.now() - t0, factsChanged });
  } catch (err) {
    post({ type: 'error', id, error: { kind: 'engine', message: errorMessage(err) } });
  }
}

async function project(id: number, files: ProjectFileInput[], options: MigrateOptions, only?: string[]) {
  const e = await ready(id);
  if (!e) return;
  const t0 = performance.now();
  let lastYield = performance.now();
  const breathe = async () => {
    if (performance.now() - lastYield < 25) return;
    await yieldToMessages();
    lastYield = performance.now();
  };
  try {
    e.sync.dropFileFacts();
    factsByPath.clear();
    cache.clear();
    if (e.sync.hasProjectApi) {
      for (let i = 0; i < files.length; i++) {
        if (cancelled.has(id)) break;
        recordFacts(e, files[i].path, files[i].text);
        post({ type: 'project-progress', id, pass: 'facts', done: i + 1, total: files.length, path: files[i].path });
        await breathe();
      }
      e.sync.buildProject();
    }
    const wanted = only ? new Set(only) : null;
    const todo = wanted ? files.filter((f) => wanted.has(f.path)) : files;
    for (let i = 0; i < todo.length && !cancelled.has(id); i++) {
      const f = todo[i];
      const t = performance.now();
      let json: string | null = null;
      let error: string | null = null;
      try {
        json = run(e, f.text, f.path, options, true);
      } catch (err) {
        error = errorMessage(err); // one file's failure does not stop the run
      }
      post({ type: 'project-file', id, path: f.path, json, error, ms: performance.now() - t });
      post({ type: 'project-progress', id, pass: 'migrate', done: i + 1, total: todo.length, path: f.path });
      await breathe();
    }
    post({ type: 'project-done', id, ms: performance.now() - t0, cancelled: cancelled.has(id) });
  } catch (err) {
    post({ type: 'error', id, error: { kind: 'engine', message: errorMessage(err) } });
  } finally {
    cancelled.delete(id);
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      void init(msg.id, msg.indexURL, msg.snapshotURL);
      break;
    case 'migrate':
      void migrate(msg.id, msg.text, msg.filename, msg.options, msg.project);
      break;
    case 'project':
      void project(msg.id, msg.files, msg.options, msg.only);
      break;
    case 'cancel':
      cancelled.add(msg.id);
      break;
    case 'project-clear':
      void ready(msg.id).then((e) => {
        e?.sync.dropFileFacts();
        factsByPath.clear();
        cache.clear();
      });
      break;
  }
};
