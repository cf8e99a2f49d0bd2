// A dropped or picked project, from its files to its downloads: reading them (yielding, so a large
// project keeps the page responsive), the worker's two-pass run with progress and cancel, choosing a
// file, re-running the others when a file's exports change, and the migrated .zip and patch.
import { download, plural } from './dom';
import type { EngineClient, ProjectRun } from './engine-client';
import type { LiveAnalysis } from './live-analysis';
import { decodeText, type ProjectSource } from './project-files';
import {
  activeFile,
  currentFindings,
  engineOptions,
  freshAnalysis,
  migratedText,
  newFile,
  type FileState,
  type PlaygroundState,
} from './state';
import type { Store } from './store';
import { unifiedDiff } from './unified-diff';
import { writeZip, type ZipInput } from './zip';

export class ProjectSession {
  private run: ProjectRun | null = null;
  private rerunTimer: ReturnType<typeof setTimeout> | null = null;
  /** the file in the editor was chosen by the page, not the user (see runAll) */
  private autoPicked = false;

  constructor(
    private readonly store: Store,
    private readonly client: EngineClient,
    private readonly live: LiveAnalysis,
  ) {}

  get running(): boolean {
    return this.run !== null;
  }

  /** Read the project's files and analyse them all. */
  async open(source: ProjectSource): Promise<void> {
    const { store } = this;
    this.run?.cancel();
    const analysed = source.files.filter((f) => f.analysed);
    if (!analysed.length) {
      store.say(
        `${source.name} has no Python or dependency files to analyse${source.skipped.length ? ` (${plural(source.skipped.length, 'item')} left out)` : ''}.`,
        'warn',
      );
      return;
    }
    const project: NonNullable<PlaygroundState['project']> = {
      name: source.name,
      sources: source.files,
      paths: [],
      skipped: [...source.skipped],
      failed: new Map(),
      run: { pass: 'read', done: 0, total: analysed.length, path: '' },
      ended: null,
      ms: 0,
    };
    store.set({ project, note: null, lookup: null });
    const files = new Map<string, FileState>();
    let last = performance.now();
    for (let i = 0; i < analysed.length; i++) {
      const src = analysed[i];
      if (store.state.project?.sources !== source.files) return; // replaced or closed meanwhile
      try {
        const decoded = decodeText(await src.read());
        if ('reason' in decoded) project.skipped.push({ path: src.path, reason: decoded.reason });
        else files.set(src.path, newFile(src.path, decoded.text));
      } catch (err) {
        project.skipped.push({ path: src.path, reason: `unreadable (${(err as Error).message})` });
      }
      if (performance.now() - last > 50) {
        store.set({
          project: { ...project, run: { pass: 'read', done: i + 1, total: analysed.length, path: src.path } },
        });
        await new Promise((r) => setTimeout(r, 0));
        last = performance.now();
      }
    }
    if (!files.size) {
      store.say(`None of ${source.name}'s files could be read as UTF-8 text.`, 'warn');
      store.set({ project: null });
      return;
    }
    const paths = [...files.keys()].sort();
    const first = paths.find((p) => p.endsWith('.py')) ?? paths[0];
    store.set({ files, active: first, project: { ...project, paths }, busy: true });
    this.autoPicked = true;
    store.say(`Opened ${source.name}: ${plural(files.size, 'file')} to analyse. Nothing leaves this browser.`, 'info');
    this.analyse();
  }

  /** Analyse the project's files (only: just these paths; the others keep their answers). */
  analyse(only?: Set<string>): void {
    const { store } = this;
    const p = store.state.project;
    if (!p) return;
    this.run?.cancel();
    const started = new Map([...store.state.files].map(([path, f]) => [path, f.version]));
    const inputs = [...store.state.files.values()].map((f) => ({ path: f.path, text: f.text }));
    const failed = only ? new Map([...p.failed].filter(([path]) => !only.has(path))) : new Map<string, string>();
    store.set({
      project: { ...p, run: { pass: 'facts', done: 0, total: inputs.length, path: '' }, ended: null, failed },
    });
    const run = this.client.runProject(inputs, engineOptions(store.state), {
      onProgress: (progress) => {
        const cur = store.state.project;
        if (cur && this.run === run) store.set({ project: { ...cur, run: progress } });
      },
      onFile: (out) => {
        const cur = store.state.project;
        if (this.run !== run || !cur || (only && !only.has(out.path))) return;
        const f = store.state.files.get(out.path);
        if (!f || f.version !== started.get(out.path)) return; // edited since: its own live analysis answers
        if (out.result) this.live.keep(out.path, f.version, f.text, out.result, out.ms);
        else
          store.set({ project: { ...cur, failed: new Map(cur.failed).set(out.path, out.error ?? 'unknown error') } });
        if (out.path === store.state.active) store.set({ busy: false });
      },
    });
    this.run = run;
    void run.done.then((end) => {
      if (this.run !== run) return;
      this.run = null;
      const cur = store.state.project;
      if (!cur) return;
      store.set({ project: { ...cur, run: null, ended: end.status, ms: 'ms' in end ? end.ms : 0 }, busy: false });
      // Show a file with something to migrate, unless the user already chose one.
      if (this.autoPicked && !currentFindings(activeFile(store.state)).length) {
        const has = (path: string) => currentFindings(store.state.files.get(path)!).length > 0;
        const found = cur.paths.find((path) => path.endsWith('.py') && has(path)) ?? cur.paths.find(has);
        if (found) store.set({ active: found });
      }
      if (end.status === 'error') store.say(`The project analysis stopped: ${end.message}`, 'error');
      else if (end.status === 'done' && !only)
        store.say(`Analysed ${cur.name} in ${(end.ms / 1000).toFixed(1)} s.`, 'ok');
      // A file the run did not reach (cancelled) gets its live analysis when it is in the editor.
      const active = activeFile(store.state);
      if (!freshAnalysis(active) && !active.refusal) this.live.analyze();
    });
  }

  /** Re-analyse the other files a little later (an edit changed what a file exports, or the options). */
  analyseSoon(except: string | null, delay = 800): void {
    if (this.rerunTimer) clearTimeout(this.rerunTimer);
    this.rerunTimer = setTimeout(() => {
      const others = new Set([...this.store.state.files.keys()].filter((p) => p !== except));
      if (others.size) this.analyse(others);
    }, delay);
  }

  cancel(): void {
    this.run?.cancel();
  }

  /** Open one of the project's files in the editor. */
  select(path: string): void {
    const { store } = this;
    this.autoPicked = false;
    if (!store.state.files.has(path) || path === store.state.active) return;
    store.set({ active: path, lookup: null });
    const f = store.state.files.get(path)!;
    if (!freshAnalysis(f) && !f.refusal && !this.run) this.live.analyze();
    else if (f.refusal?.kind === 'engine') this.live.engineError(f.refusal.error, f.text);
    else store.say(`${path}: ${plural(currentFindings(f).length, 'finding')}.`, 'ok');
  }

  /** Stop working on the project (the controller puts the pasted file back). */
  close(): void {
    this.run?.cancel();
    this.run = null;
    if (this.rerunTimer) clearTimeout(this.rerunTimer);
    this.client.clearProject();
  }

  /** The migrated project as a .zip: changed files rewritten, the others as they were. */
  async downloadZip(): Promise<void> {
    const { store } = this;
    const p = store.state.project;
    if (!p) return;
    store.say('Building the .zip…');
    const inputs: ZipInput[] = [];
    const enc = new TextEncoder();
    try {
      for (const src of p.sources) {
        const name = `${p.name}/${src.path}`;
        const f = store.state.files.get(src.path);
        const text = f ? migratedText(f) : null;
        if (f && text !== f.original) inputs.push({ name, data: enc.encode(text!) });
        else if (src.zipEntry) inputs.push({ name, copy: src.zipEntry });
        else inputs.push({ name, data: await src.read() });
      }
      download(`${p.name}-v2.zip`, await writeZip(inputs));
      const changed = [...store.state.files.values()].filter((f) => migratedText(f) !== f.original).length;
      store.say(`Downloaded ${p.name}-v2.zip: ${plural(inputs.length, 'file')}, ${changed} changed.`, 'ok');
    } catch (err) {
      store.say(`The .zip could not be built: ${(err as Error).message}`, 'error');
    }
  }

  /** The whole migration as one patch (`git apply` / `patch -p1`). */
  downloadPatch(): void {
    const { store } = this;
    const p = store.state.project;
    if (!p) return;
    const parts: string[] = [];
    for (const f of [...store.state.files.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      const patch = unifiedDiff(f.original, migratedText(f), f.path);
      if (patch) parts.push(patch);
    }
    if (!parts.length) {
      store.say('No changes: the patch would be empty.');
      return;
    }
    download(`${p.name}-v2.patch`, new Blob([parts.join('')], { type: 'text/x-diff;charset=utf-8' }));
    store.say(
      `Downloaded ${p.name}-v2.patch (${plural(parts.length, 'file')}; apply with git apply or patch -p1).`,
      'ok',
    );
  }
}
