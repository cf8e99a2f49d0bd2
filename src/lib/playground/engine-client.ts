// The page-side owner of the Pyodide worker. Everything the page asks of the engine goes through
// here: request ids, stale results dropped, a time limit per analysis (terminate + restart the
// worker), crash recovery, and load progress for the status line.
import type { LoadPhase, MigrateOptions, MigrateResult, RuleInfo, WorkerRequest, WorkerResponse } from './protocol';

export type EngineStatus =
  | { state: 'idle' }
  | { state: 'loading'; phase: LoadPhase; loaded: number; total: number; restart: boolean }
  | { state: 'ready'; rules: RuleInfo[]; loadMs: number; python: string }
  | { state: 'failed'; message: string };

export type MigrateOutcome =
  | { status: 'ok'; result: MigrateResult; ms: number }
  | { status: 'stale' }
  | { status: 'timeout'; limitMs: number }
  | { status: 'error'; kind: 'load' | 'engine' | 'internal' | 'crashed'; message: string };

export interface EngineClientOptions {
  indexURL: string;
  createWorker: () => Worker;
  /** time limit for one analysis; the worker is restarted when it is exceeded */
  timeoutMs?: number;
  /** time limit for loading the runtime */
  loadTimeoutMs?: number;
}

interface Pending {
  id: number;
  text: string;
  filename: string;
  options: MigrateOptions;
  resolve: (o: MigrateOutcome) => void;
}

export class EngineClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private status: EngineStatus = { state: 'idle' };
  private listeners = new Set<(s: EngineStatus) => void>();
  private inFlight: (Pending & { timer: ReturnType<typeof setTimeout> | null; sentAt: number }) | null = null;
  private queued: Pending | null = null;
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
    this.send({ type: 'init', id: this.initId, indexURL: this.opts.indexURL });
  }

  private send(msg: WorkerRequest) {
    this.worker?.postMessage(msg);
  }

  /** Analyse text. Resolves 'stale' when a newer request replaces this one before it runs or returns. */
  migrate(text: string, filename: string, options: MigrateOptions): Promise<MigrateOutcome> {
    if (this.status.state === 'failed') {
      return Promise.resolve({ status: 'error', kind: 'load', message: this.status.message });
    }
    if (!this.worker) this.start();
    return new Promise((resolve) => {
      const req: Pending = { id: this.nextId++, text, filename, options, resolve };
      if (this.queued) this.queued.resolve({ status: 'stale' });
      this.queued = req;
      // A newer request makes the in-flight one stale: its answer will be dropped.
      this.pump();
    });
  }

  private pump() {
    if (this.inFlight || !this.queued || this.status.state !== 'ready' || !this.worker) return;
    const req = this.queued;
    this.queued = null;
    const timer = setTimeout(() => this.timedOut(), this.timeoutMs);
    this.inFlight = { ...req, timer, sentAt: performance.now() };
    this.send({ type: 'migrate', id: req.id, text: req.text, filename: req.filename, options: req.options });
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
        this.setStatus({ state: 'ready', rules: msg.rules, loadMs: msg.ms, python: msg.python });
        this.pump();
        return;
      case 'result':
      case 'error': {
        if (msg.type === 'error' && msg.id === this.initId) {
          this.fail(worker, msg.error.message);
          return;
        }
        const f = this.inFlight;
        if (!f || f.id !== msg.id) return;
        if (f.timer) clearTimeout(f.timer);
        this.inFlight = null;
        if (this.queued) f.resolve({ status: 'stale' });
        else if (msg.type === 'result') f.resolve({ status: 'ok', result: msg.result, ms: msg.ms });
        else f.resolve({ status: 'error', kind: msg.error.kind, message: msg.error.message });
        this.pump();
        return;
      }
      case 'rules':
        return;
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
  }

  /** Terminate and start a fresh worker; the in-flight request gets `outcome`. */
  private restart(outcome: MigrateOutcome) {
    const f = this.inFlight;
    this.inFlight = null;
    if (f?.timer) clearTimeout(f.timer);
    if (this.loadTimer) clearTimeout(this.loadTimer);
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
      return;
    }
    this.start(true);
  }

  private timedOut() {
    this.restart({ status: 'timeout', limitMs: this.timeoutMs });
  }

  private crashed(worker: Worker, message: string) {
    if (worker !== this.worker) return;
    if (this.status.state === 'loading' && !this.inFlight) {
      this.fail(worker, message);
      return;
    }
    this.restart({ status: 'error', kind: 'crashed', message });
  }

  /** Kill the worker as if it had crashed (used by the e2e tests and the "Restart Python" button). */
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

  get busy(): boolean {
    return this.inFlight !== null;
  }
}
