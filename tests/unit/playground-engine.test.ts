// The playground's engine side without a browser: the page's worker client (against a scripted fake
// worker), the build-time snapshot (restored in Node, it answers exactly as a freshly started engine),
// and the two-pass project calls the worker makes.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EngineClient, type ProjectFileOutcome } from '../../src/lib/playground/engine-client';
import type { WorkerRequest, WorkerResponse } from '../../src/lib/playground/protocol';
import { attachEngine } from '../../src/lib/engine/core.mjs';
import { loadNodeEngine } from '../../src/lib/engine/node.mjs';
import type { Engine, Result } from '../../src/lib/engine/types';
import { decodeSparse } from '../../src/lib/playground/snapshot-codec.mjs';
import { buildSnapshot } from '../../scripts/build-snapshot.mjs';

// ---- a scripted worker ----------------------------------------------------------------------------

class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: WorkerRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(msg: WorkerRequest) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  reply(msg: WorkerResponse) {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerResponse>);
  }
  ready() {
    const init = this.sent.find((m) => m.type === 'init')!;
    this.reply({ type: 'ready', id: init.id, rules: [], ms: 1, python: '3.14', snapshot: true, projectApi: true });
  }
  last<T extends WorkerRequest['type']>(type: T): Extract<WorkerRequest, { type: T }> {
    return this.sent.filter((m) => m.type === type).at(-1) as Extract<WorkerRequest, { type: T }>;
  }
}

const result = (text: string): Result => ({ text, changed: false, kind: 'python', error: null, findings: [] });
const tick = () => new Promise((r) => setTimeout(r, 0));

function client(timeoutMs = 10_000) {
  FakeWorker.all = [];
  return new EngineClient({
    indexURL: '/pyodide/',
    snapshotURL: '/pyodide/engine-x.snap',
    createWorker: () => new FakeWorker() as unknown as Worker,
    timeoutMs,
  });
}

describe('engine client', () => {
  it('boots with the snapshot URL and answers only the newest of queued analyses', async () => {
    const c = client();
    c.start();
    const w = FakeWorker.all[0];
    expect(w.sent[0]).toMatchObject({ type: 'init', snapshotURL: '/pyodide/engine-x.snap' });
    // The first analysis goes out before Python is up (the worker runs it as soon as it is).
    const first = c.migrate('a', 'a.py', {});
    expect(w.last('migrate')).toMatchObject({ text: 'a', project: false });
    const second = c.migrate('b', 'a.py', {});
    const third = c.migrate('c', 'a.py', {});
    expect(await second).toEqual({ status: 'stale' }); // replaced before it was sent
    w.ready();
    w.reply({
      type: 'result',
      id: w.last('migrate').id,
      json: JSON.stringify(result('A')),
      ms: 5,
      factsChanged: false,
    });
    expect(await first).toEqual({ status: 'stale' }); // a newer text is waiting: this answer is old
    const req = w.last('migrate');
    expect(req).toMatchObject({ text: 'c' });
    w.reply({ type: 'result', id: req.id, json: JSON.stringify(result('C')), ms: 5, factsChanged: false });
    expect(await third).toMatchObject({ status: 'ok', result: { text: 'C' } });
  });

  it('restarts a worker that runs over the time limit and says so', async () => {
    const c = client(30);
    c.start();
    FakeWorker.all[0].ready();
    const outcome = await c.migrate('slow', 'a.py', {});
    expect(outcome).toEqual({ status: 'timeout', limitMs: 30 });
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(FakeWorker.all).toHaveLength(2);
    expect(c.current).toMatchObject({ state: 'loading', restart: true });
  });

  it('runs a project with progress, and cancels it at once', async () => {
    const c = client();
    c.start();
    const w = FakeWorker.all[0];
    w.ready();
    const progress: string[] = [];
    const files: ProjectFileOutcome[] = [];
    const run = c.runProject(
      [
        { path: 'a.py', text: 'a' },
        { path: 'b.py', text: 'b' },
      ],
      {},
      { onProgress: (p) => progress.push(`${p.pass} ${p.done}/${p.total}`), onFile: (f) => files.push(f) },
    );
    const req = w.last('project');
    expect(req.only).toBeUndefined();
    w.reply({ type: 'project-progress', id: req.id, pass: 'facts', done: 2, total: 2, path: 'b.py' });
    w.reply({ type: 'project-file', id: req.id, path: 'a.py', json: JSON.stringify(result('A')), error: null, ms: 3 });
    w.reply({ type: 'project-progress', id: req.id, pass: 'migrate', done: 1, total: 2, path: 'a.py' });
    run.cancel();
    expect(w.last('cancel').id).toBe(req.id);
    expect(await run.done).toMatchObject({ status: 'cancelled' });
    // Late answers of the cancelled run are dropped.
    w.reply({ type: 'project-file', id: req.id, path: 'b.py', json: JSON.stringify(result('B')), error: null, ms: 3 });
    expect(progress).toEqual(['facts 2/2', 'migrate 1/2']);
    expect(files.map((f) => [f.path, f.result?.text])).toEqual([['a.py', 'A']]);
  });

  it('skips a file that hangs the worker and goes on with the rest in a fresh one', async () => {
    const c = client(40);
    c.start();
    FakeWorker.all[0].ready();
    const files: ProjectFileOutcome[] = [];
    const run = c.runProject(
      ['a.py', 'b.py', 'c.py'].map((path) => ({ path, text: path })),
      {},
      { onProgress: () => {}, onFile: (f) => files.push(f) },
    );
    const w0 = FakeWorker.all[0];
    const req = w0.last('project');
    w0.reply({ type: 'project-progress', id: req.id, pass: 'facts', done: 3, total: 3, path: 'c.py' });
    w0.reply({ type: 'project-file', id: req.id, path: 'a.py', json: JSON.stringify(result('A')), error: null, ms: 1 });
    w0.reply({ type: 'project-progress', id: req.id, pass: 'migrate', done: 1, total: 3, path: 'a.py' });
    await new Promise((r) => setTimeout(r, 80)); // b.py hangs
    expect(files.map((f) => [f.path, f.error])).toEqual([
      ['a.py', null],
      ['b.py', 'analysis stopped after 0 s'],
    ]);
    expect(w0.terminated).toBe(true);
    const w1 = FakeWorker.all[1];
    w1.ready();
    await tick();
    const resumed = w1.last('project');
    expect(resumed.only).toEqual(['c.py']);
    expect(resumed.files.map((f) => f.path)).toEqual(['a.py', 'b.py', 'c.py']); // facts need every file
    w1.reply({
      type: 'project-file',
      id: resumed.id,
      path: 'c.py',
      json: JSON.stringify(result('C')),
      error: null,
      ms: 1,
    });
    w1.reply({ type: 'project-done', id: resumed.id, ms: 5, cancelled: false });
    expect(await run.done).toMatchObject({ status: 'done' });
    expect(files.map((f) => f.path)).toEqual(['a.py', 'b.py', 'c.py']);
  });
});

// ---- the engine itself ------------------------------------------------------------------------------

const repo = join(import.meta.dirname, '..', '..');
const project = join(repo, 'examples', 'v1-projects', 'weather-server');

function projectFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.py') || name === 'pyproject.toml')
        out.push({ path: relative(dir, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

describe('the engine as the worker runs it', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadNodeEngine();
  });

  it("resolves names imported from the project's own modules once the facts are in", () => {
    const sync = engine.sync;
    expect(sync.hasProjectApi).toBe(true);
    const files = projectFiles(project);
    const test = files.find((f) => f.path === 'tests/test_server.py')!;
    const rulesOf = (useProject: boolean) =>
      [...new Set(sync.migrate(test.text, test.path, {}, useProject).findings.map((f) => f.rule))].sort();
    sync.dropFileFacts();
    sync.buildProject();
    expect(rulesOf(true)).not.toContain('SRV019');
    for (const f of files) sync.setFileFacts(f.path, f.text);
    sync.buildProject();
    // `from weather.server import mcp` is a FastMCP: `mcp._mcp_server` is renamed (SRV019).
    expect(rulesOf(true)).toContain('SRV019');
    expect(rulesOf(false)).not.toContain('SRV019');
    sync.dropFileFacts();
  });

  it('restored from the build-time snapshot, answers exactly as a fresh engine', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-snap-'));
    const { name } = await buildSnapshot(out);
    const memory = decodeSparse(new Uint8Array(gunzipSync(readFileSync(join(out, name)))));
    const { loadPyodide } = await import('pyodide');
    const restored = attachEngine(await loadPyodide({ _loadSnapshot: memory }));
    // The snapshot holds no project: nothing from the build's warm-up leaks into a user's run.
    const files = projectFiles(project);
    for (const f of files)
      expect(restored.migrate(f.text, f.path, {}, true)).toEqual(engine.sync.migrate(f.text, f.path, {}, false));
    const examples = join(repo, 'src', 'lib', 'playground', 'examples');
    for (const name of readdirSync(examples).filter((n) => /\.(py|toml)$/.test(n))) {
      const text = readFileSync(join(examples, name), 'utf8');
      const file = name.endsWith('.toml') ? 'pyproject.toml' : name;
      expect(restored.migrate(text, file, { apply_review: true })).toEqual(
        engine.sync.migrate(text, file, { apply_review: true }),
      );
    }
    expect(restored.listRules()).toEqual(engine.sync.listRules());
    for (const f of files) restored.setFileFacts(f.path, f.text);
    restored.buildProject();
    const test = files.find((f) => f.path === 'tests/test_server.py')!;
    expect(restored.migrate(test.text, test.path, {}, true).findings.map((f) => f.rule)).toContain('SRV019');
  }, 120_000);
});
