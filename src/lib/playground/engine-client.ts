// The page-side owner of the Pyodide worker. Everything the page asks of the engine goes through
// here: request ids, stale results dropped, a time limit per analysis (terminate + restart the
// worker), crash recovery, load progress for the status line, and project runs with progress and
// cancel (a file that hangs the worker is skipped and the run goes on in a fresh one).
import type { MigrateOptions, Result, RuleInfo } from '../engine/types';
import type { LoadPhase, ProjectFileInput, WorkerRequest, WorkerResponse } from './protocol';

export type EngineStatus =
  | { state: 'idle' }
  | { state: 'loading'; phase: LoadPhase; loaded: number; total: number; restart: boolean }
  | { state: 'ready'; rules: RuleInfo[]; loadMs: number; python: string; snapshot: boolean; projectApi: boolean }
  | { state: 'failed'; message: string };

export type MigrateOutcome =
  | { status: 'ok'; result: Result; ms: number; factsChanged: boolean }
  | { status: 'stale' }
  | { status: 'timeout'; limitMs: number }
  | { status: 'error'; kind: 'load' | 'engine' | 'internal' | 'crashed'; message: string };

export interface ProjectFileOutcome {
  path: string;
  result: Result | null;
  /** why there is no result: the engine failed on this file, or it ran over the time limit */
  error: string | null;
  ms: number;
}

export interface ProjectHandlers {
  onProgress(p: { pass: 'facts' | 'migrate'; done: number; total: number; path: string }): void;
  onFile(f: ProjectFileOutcome): void;
}

export type ProjectEnd = { status: 'done' | 'cancelled'; ms: number } | { status: 'error'; message: string };

export interface ProjectRun {
  cancel(): void;
  done: Promise<ProjectEnd>;
}

export interface EngineClientOptions {
  indexURL: string;
  /** The build's engine snapshot (null: start Python from scratch). */
  snapshotURL: string | null;
  createWorker: () => Worker;
  /** time limit for one analysis (and for one file of a project run) */
  timeoutMs?: number;
  /** time limit for loading the runtime */
  loadTimeoutMs?: number;
}

interface Pending {
  id: number;
  text: string;
  filename: string;
  options: MigrateOptions;
  project: boolean;
  resolve: (o: MigrateOutcome) => void;
}

interface ActiveProject {
  id: number;
  files: ProjectFileInput[];
  options: MigrateOptions;
  remaining: Set<string>;
  current: string | null;
  handlers: ProjectHandlers;
  resolve: (end: ProjectEnd) => void;
  started: number;
  cancelled: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private status: EngineStatus = { state: 'idle' };
  private listeners = new Set<(s: EngineStatus) => void>();
  private inFlight: (Pending & { timer: ReturnType<typeof setTimeout> | null }) | null = null;
  private queued: Pending | null = null;
  private project: ActiveProject | null = null;
  private initId = 0;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private restarts: number[] = [];
  timeoutMs: number;
  loadTimeoutMs: number;

  constructor(private opts: EngineClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.loadTimeoutMs = opts.loadTimeoutMs ?? 120_000;
  }

  get current(): EngineStatus {
    return this.status;
  }

  onStatus(fn: (s: EngineStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.status);
    return () => this.listeners.delete(fn);
  }

  private setStatus(s: EngineStatus) {
    this.status = s;
    for (const fn of this.listeners) fn(s);
  }

  /** Let the worker go with the page: its Python heap is freed now, not while the next page loads. */
  release(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Start the worker and begin loading Pyodide (idempotent). */
  start(restart = false): void {
    if (this.worker) return;
    let worker: Worker;
    try {
      worker = this.opts.createWorker();
    } catch (err) {
      this.setStatus({ state: 'failed', message: `could not start the worker: ${String(err)}` });
      return;
    }
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.onMessage(worker, e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.crashed(worker, e.message || 'the worker stopped');
    };
    worker.onmessageerror = () => this.crashed(worker, 'the worker sent an unreadable message');
    this.initId = this.nextId++;
    this.setStatus({ state: 'loading', phase: 'runtime', loaded: 0, total: 0, restart });
    this.loadTimer = setTimeout(() => {
      this.fail(worker, `Python did not finish loading within ${Math.round(this.loadTimeoutMs / 1000)} s`);
    }, this.loadTimeoutMs);
    this.send({ type: 'init', id: this.initId, indexURL: this.opts.indexURL, snapshotURL: this.opts.snapshotURL });
    this.pump();
  }

  private send(msg: WorkerRequest) {
    this.worker?.postMessage(msg);
  }

  /**
   * Analyse text (`project`: resolve names through the dropped project's index). Resolves 'stale'
   * when a newer request replaces this one before it runs or returns.
   */
  migrate(text: string, filename: string, options: MigrateOptions, project = false): Promise<MigrateOutcome> {
    if (this.status.state === 'failed') {
      return Promise.resolve({ status: 'error', kind: 'load', message: this.status.message });
    }
    if (!this.worker) this.start();
    return new Promise((resolve) => {
      const req: Pending = { id: this.nextId++, text, filename, options, project, resolve };
      if (this.queued) this.queued.resolve({ status: 'stale' });
      this.queued = req;
      this.pump();
    });
  }

  /** True while an analysis is waiting or running (the page shows it as busy). */
  get busy(): boolean {
    return this.inFlight !== null || this.queued !== null;
  }

  /**
   * Send the next analysis. It goes out while Python is still loading too: the worker runs it the
   * moment it is up, without waiting for the page to hear "ready" and answer. The time limit starts
   * when Python is ready.
   */
  private pump() {
    if (
      this.inFlight ||
      !this.queued ||
      !this.worker ||
      (this.status.state !== 'ready' && this.status.state !== 'loading')
    )
      return;
    const req = this.queued;
    this.queued = null;
    this.inFlight = { ...req, timer: null };
    this.armTimeLimit();
    this.send({
      type: 'migrate',
      id: req.id,
      text: req.text,
      filename: req.filename,
      options: req.options,
      project: req.project,
    });
  }

  private armTimeLimit() {
    const f = this.inFlight;
    if (!f || f.timer || this.status.state !== 'ready') return;
    f.timer = setTimeout(() => this.restart({ status: 'timeout', limitMs: this.timeoutMs }), this.timeoutMs);
  }

  /** Analyse a whole project: every file's facts, then every file with the project index. */
  runProject(files: ProjectFileInput[], options: MigrateOptions, handlers: ProjectHandlers): ProjectRun {
    this.cancelProject();
    let resolve!: (end: ProjectEnd) => void;
    const done = new Promise<ProjectEnd>((r) => (resolve = r));
    const run: ActiveProject = {
      id: this.nextId++,
      files,
      options,
      remaining: new Set(files.map((f) => f.path)),
      current: null,
      handlers,
      resolve,
      started: performance.now(),
      cancelled: false,
      timer: null,
    };
    this.project = run;
    if (this.status.state === 'failed') {
      this.endProject({ status: 'error', message: this.status.message });
    } else {
      if (!this.worker) this.start();
      this.sendProject();
    }
    return {
      cancel: () => {
        if (this.project !== run) return;
        run.cancelled = true;
        this.send({ type: 'cancel', id: run.id });
        // Answer at once: the worker stops after the file it is on, and its late messages are dropped.
        this.endProject({ status: 'cancelled', ms: performance.now() - run.started });
      },
      done,
    };
  }

  private sendProject() {
    const run = this.project;
    if (!run || this.status.state !== 'ready' || !this.worker) return;
    const only = run.remaining.size === run.files.length ? undefined : [...run.remaining];
    this.send({ type: 'project', id: run.id, files: run.files, options: run.options, only });
    this.armProjectTimer();
  }

  private armProjectTimer() {
    const run = this.project;
    if (!run) return;
    if (run.timer) clearTimeout(run.timer);
    run.timer = setTimeout(() => this.projectStuck(), this.timeoutMs);
  }

  /** No word from the worker for a whole time limit: skip the file it is on, go on in a fresh worker. */
  private projectStuck() {
    const run = this.project;
    if (!run) return;
    const path = run.current ?? run.remaining.values().next().value;
    if (path !== undefined) {
      run.remaining.delete(path);
      run.handlers.onFile({
        path,
        result: null,
        error: `analysis stopped after ${Math.round(this.timeoutMs / 1000)} s`,
        ms: this.timeoutMs,
      });
    }
    run.current = null;
    this.restart({ status: 'timeout', limitMs: this.timeoutMs });
  }

  private endProject(end: ProjectEnd) {
    const run = this.project;
    if (!run) return;
    if (run.timer) clearTimeout(run.timer);
    this.project = null;
    run.resolve(end);
  }

  /** Stop the running project analysis, if any. */
  cancelProject(): void {
    const run = this.project;
    if (!run) return;
    this.send({ type: 'cancel', id: run.id });
    this.endProject({ status: 'cancelled', ms: performance.now() - run.started });
  }

  /** Forget the project's facts in the worker (the page left project mode). */
  clearProject(): void {
    this.cancelProject();
    if (this.worker && this.status.state === 'ready') this.send({ type: 'project-clear', id: this.nextId++ });
  }

  private onMessage(worker: Worker, msg: WorkerResponse) {
    if (worker !== this.worker) return; // a terminated worker's last words
    switch (msg.type) {
      case 'progress':
        if (this.status.state === 'loading')
          this.setStatus({ ...this.status, phase: msg.phase, loaded: msg.loaded, total: msg.total });
        return;
      case 'ready':
        if (msg.id !== this.initId) return;
        if (this.loadTimer) clearTimeout(this.loadTimer);
        this.setStatus({
          state: 'ready',
          rules: msg.rules,
          loadMs: msg.ms,
          python: msg.python,
          snapshot: msg.snapshot,
          projectApi: msg.projectApi,
        });
        this.armTimeLimit();
        this.pump();
        this.sendProject();
        return;
      case 'project-progress':
      case 'project-file':
      case 'project-done':
        this.onProjectMessage(msg);
        return;
      case 'result':
      case 'error': {
        if (msg.type === 'error' && msg.id === this.initId) {
          this.fail(worker, msg.error.message);
          return;
        }
        if (msg.type === 'error' && this.project?.id === msg.id) {
          this.endProject({ status: 'error', message: msg.error.message });
          return;
        }
        const f = this.inFlight;
        if (!f || f.id !== msg.id) return;
        if (f.timer) clearTimeout(f.timer);
        this.inFlight = null;
        if (this.queued) f.resolve({ status: 'stale' });
        else if (msg.type === 'result')
          f.resolve({
            status: 'ok',
            result: JSON.parse(msg.json) as Result,
            ms: msg.ms,
            factsChanged: msg.factsChanged,
          });
        else f.resolve({ status: 'error', kind: msg.error.kind, message: msg.error.message });
        this.pump();
        return;
      }
    }
  }

  private onProjectMessage(
    msg: Extract<WorkerResponse, { type: 'project-progress' | 'project-file' | 'project-done' }>,
  ) {
    const run = this.project;
    if (!run || run.id !== msg.id || run.cancelled) return;
    this.armProjectTimer();
    if (msg.type === 'project-progress') {
      // Files are migrated in order: after a migrated file (or the last file's facts), the next one
      // still to do is the one the worker is on.
      if (msg.pass === 'migrate' || msg.done === msg.total) run.current = run.remaining.values().next().value ?? null;
      run.handlers.onProgress({ pass: msg.pass, done: msg.done, total: msg.total, path: msg.path });
    } else if (msg.type === 'project-file') {
      run.remaining.delete(msg.path);
      run.handlers.onFile({
        path: msg.path,
        result: msg.json === null ? null : (JSON.parse(msg.json) as Result),
        error: msg.error,
        ms: msg.ms,
      });
    } else {
      this.endProject({ status: msg.cancelled ? 'cancelled' : 'done', ms: performance.now() - run.started });
    }
  }

  private fail(worker: Worker, message: string) {
    if (worker !== this.worker) return;
    if (this.loadTimer) clearTimeout(this.loadTimer);
    worker.terminate();
    this.worker = null;
    this.setStatus({ state: 'failed', message });
    const outcome: MigrateOutcome = { status: 'error', kind: 'load', message };
    this.inFlight?.resolve(outcome);
    this.queued?.resolve(outcome);
    this.inFlight = null;
    this.queued = null;
    this.endProject({ status: 'error', message });
  }

  /** Terminate and start a fresh worker; the in-flight request gets `outcome`. */
  private restart(outcome: MigrateOutcome) {
    const f = this.inFlight;
    this.inFlight = null;
    if (f?.timer) clearTimeout(f.timer);
    if (this.loadTimer) clearTimeout(this.loadTimer);
    if (this.project?.timer) clearTimeout(this.project.timer);
    this.worker?.terminate();
    this.worker = null;
    f?.resolve(this.queued ? { status: 'stale' } : outcome);
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    this.restarts.push(now);
    if (this.restarts.length > 5) {
      this.setStatus({ state: 'failed', message: 'the Python worker keeps stopping; reload the page to try again' });
      this.queued?.resolve({ status: 'error', kind: 'crashed', message: 'worker restarted too often' });
      this.queued = null;
      this.endProject({ status: 'error', message: 'the Python worker keeps stopping' });
      return;
    }
    this.start(true); // a project run in progress resumes with its remaining files once ready
  }

  private crashed(worker: Worker, message: string) {
    if (worker !== this.worker) return;
    if (this.status.state === 'loading' && !this.inFlight && !this.project) {
      this.fail(worker, message);
      return;
    }
    this.restart({ status: 'error', kind: 'crashed', message });
  }

  /** Stop the worker as if it had crashed (the "Restart Python" button). */
  kill(): void {
    if (!this.worker) return;
    this.restart({ status: 'error', kind: 'crashed', message: 'the Python worker was stopped' });
  }

  /** After a load failure: try again from scratch. */
  retry(): void {
    if (this.status.state !== 'failed') return;
    this.restarts = [];
    this.setStatus({ state: 'idle' });
    this.start();
  }
}
