// Live analysis of the file in the editor: what the text is (code, an error message, too large...),
// the engine run, and what its answer does to the state and the status line. Each change is analysed
// at once; while the worker is busy the newest text waits and replaces any older one (engine-client),
// so analyses follow typing as fast as the engine goes: no fixed debounce, no queue of old texts.
import type { EngineError, Result } from '../engine/types';
import { detectInput, LIVE_LIMIT_BYTES, looksLikeProse } from './detect';
import { formatBytes, plural } from './dom';
import type { EngineClient, MigrateOutcome } from './engine-client';
import { lookupPaste } from './lookup-adapter';
import { activeFile, engineOptions, type FileState, type Refusal } from './state';
import type { Store } from './store';

const ERROR_KIND: Record<string, string> = {
  syntax: 'Syntax error',
  python2: 'This looks like Python 2',
  too_large: 'Too large',
  too_deep: 'Too deeply nested',
  binary: 'Binary data',
  encoding: 'Encoding problem',
};

/** "SyntaxError: invalid syntax" -> "invalid syntax" (the message already says it is a syntax error). */
const withoutErrorName = (message: string) => message.replace(/^\s*[A-Z]\w*Error:\s*/, '');

export interface LiveHooks {
  /** the pasted text is another kind of file than its name says (Python over a pyproject.toml...) */
  rename(path: string, file: FileState): void;
  /** what a project file exports changed: the other files may resolve differently now */
  factsChanged(path: string): void;
  /** the root element, whose data-analyzing shows an analysis in flight */
  root: HTMLElement;
}

export class LiveAnalysis {
  private queued = false;
  private lookupSeq = 0;
  private crashRetries = 0;
  /** what the user just did (applied fixes), said together with the analysis that follows */
  notice = '';

  constructor(
    private readonly store: Store,
    private readonly client: EngineClient,
    private readonly hooks: LiveHooks,
  ) {}

  /** Analyse after this task's change events (one analysis for a multi-cursor edit). */
  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.analyze();
    });
  }

  private refuse(path: string, refusal: Refusal): void {
    this.store.setFile(path, (f) => ({ ...f, refusal }));
    this.store.set({ busy: false });
  }

  /** Run the engine on the active file's current text (or say why not). */
  analyze(): void {
    const { store } = this;
    let f = activeFile(store.state);
    const seq = ++this.lookupSeq;
    store.set({ lookup: null });
    const detected = detectInput(f.text, f.path.split('/').pop());
    if (detected.kind === 'empty') {
      this.refuse(f.path, { kind: 'empty' });
      store.say(
        'Paste v1 code, a pyproject.toml or requirements.txt, or an error message, or drop a project folder or .zip.',
      );
      return;
    }
    if (detected.kind === 'too_large') {
      this.refuse(f.path, { kind: 'too_large', bytes: detected.bytes });
      store.say(
        `This text is ${formatBytes(detected.bytes)}; live analysis stops at ${formatBytes(LIVE_LIMIT_BYTES)}. ` +
          'Nothing was lost: edit it down, or run the CLI on the file (npx mcp-migrate path/to/file.py).',
        'warn',
      );
      return;
    }
    if (detected.kind === 'binary') {
      this.refuse(f.path, { kind: 'binary', reason: detected.reason });
      store.say(
        `This does not look like text (${detected.reason}). Paste Python source, a pyproject.toml or a requirements.txt.`,
        'warn',
      );
      return;
    }
    if (detected.kind === 'traceback') {
      this.refuse(f.path, { kind: 'traceback', reason: detected.reason });
      void this.lookup(
        f.text,
        seq,
        `This looks like an error, not code (${detected.reason}), so it went to the error lookup.`,
      );
      return;
    }
    if (!store.state.project && detected.filename !== f.path) {
      this.hooks.rename(detected.filename, f);
      f = activeFile(store.state);
    }
    if (store.state.engine.state === 'failed') {
      store.say(`Python could not be loaded: ${store.state.engine.message}. The error lookup still works.`, 'error');
      store.set({ busy: false });
      return;
    }
    store.set({ busy: true });
    this.hooks.root.dataset.analyzing = 'true';
    const { path, version, text } = f;
    void this.client.migrate(text, path, engineOptions(store.state), store.state.project !== null).then((outcome) => {
      delete this.hooks.root.dataset.analyzing;
      this.landed(path, version, text, outcome, seq);
    });
  }

  private landed(path: string, version: number, text: string, outcome: MigrateOutcome, seq: number): void {
    const { store } = this;
    const f = store.state.files.get(path);
    const current = f && f.version === version && store.state.active === path;
    if (outcome.status === 'stale') return;
    if (!current) {
      if (f && store.state.active === path) this.schedule(); // the text moved on: analyse the newest
      if (outcome.status === 'ok' && f) this.keep(path, version, text, outcome.result, outcome.ms);
      return;
    }
    switch (outcome.status) {
      case 'timeout':
        this.refuse(path, { kind: 'failed', message: 'time limit' });
        store.say(
          `Analysis stopped after ${Math.round(outcome.limitMs / 1000)} s; Python was restarted. Try a smaller file, or the CLI.`,
          'error',
        );
        return;
      case 'error':
        if (outcome.kind === 'crashed' && this.crashRetries < 1) {
          this.crashRetries++;
          store.say('The Python worker stopped; restarting it and trying again…', 'warn');
          this.schedule();
          return;
        }
        this.refuse(path, { kind: 'failed', message: outcome.message });
        store.say(
          outcome.kind === 'load'
            ? `Python could not be loaded: ${outcome.message}. The error lookup still works.`
            : `The engine failed on this input: ${outcome.message}`,
          'error',
        );
        return;
      case 'ok': {
        this.crashRetries = 0;
        const result = outcome.result;
        this.keep(path, version, text, result, outcome.ms);
        store.set({ busy: false });
        if (result.error) {
          this.engineError(result.error, text, seq);
          return;
        }
        const n = result.findings.length;
        const applied = result.findings.filter((x) => x.applied).length;
        const where = store.state.project ? `${path}: ` : '';
        const notice = this.notice ? `${this.notice} ` : '';
        this.notice = '';
        const ms = Math.round(outcome.ms);
        store.say(
          notice +
            (n === 0
              ? `${where}No v1 constructs found (${ms} ms).`
              : `${where}${plural(n, 'finding')}, ${plural(applied, 'fix', 'fixes')} applied in the v2 text (${ms} ms).`),
          'ok',
        );
        if (outcome.factsChanged && store.state.project) this.hooks.factsChanged(path);
      }
    }
  }

  /** Keep an engine answer for a file version (a good one replaces `good`; an error one is a refusal). */
  keep(path: string, version: number, text: string, result: Result, ms: number): void {
    this.store.setFile(path, (f) => {
      if (f.version !== version) return result.error ? f : { ...f, good: { version, text, result, ms } };
      return result.error
        ? { ...f, refusal: { kind: 'engine', error: result.error } }
        : { ...f, good: { version, text, result, ms }, refusal: null };
    });
  }

  /** Say what keeps the text from being analysed (once, with a "Go to line" where there is one). */
  engineError(err: EngineError, text: string, seq = this.lookupSeq): void {
    const where = err.line ? ` at line ${err.line}${err.column ? `, column ${err.column}` : ''}` : '';
    const last = activeFile(this.store.state).good ? ' The diff shows the last good result.' : '';
    this.store.say(
      `${ERROR_KIND[err.kind] ?? 'Cannot analyse'}${where}: ${withoutErrorName(err.message).replace(/\.?$/, '.')}${last}`,
      'warn',
      err.line ?? undefined,
    );
    // A short, prose-like paste that does not parse may be an error message: ask the lookup too.
    if (err.kind === 'syntax' && looksLikeProse(text))
      void this.lookup(text, seq, 'This does not parse as Python; it may be an error message.', true);
  }

  private async lookup(text: string, seq: number, why: string, onlyIfMatch = false): Promise<void> {
    let answer = null;
    let failure = '';
    try {
      answer = await lookupPaste(text);
    } catch (err) {
      failure = (err as Error).message;
    }
    if (seq !== this.lookupSeq) return;
    if (onlyIfMatch && !answer?.matches.length) return;
    this.store.set({ lookup: { why, answer, failure } });
    if (!onlyIfMatch)
      this.store.say(
        answer?.matches.length
          ? `Error lookup: ${plural(answer.matches.length, 'matching section')}.`
          : 'Error lookup: no matching section.',
        'ok',
      );
  }
}
