// The playground's controller: the one owner of the state (state.ts). Panels report what the user did
// through the action methods below; the controller changes the state, runs the engine (live analysis of
// the file in the editor, two-pass runs over a dropped project) and renders every panel from the new
// state. Data flows one way: action -> state -> render.
import type { EngineError, Finding, MigrateOptions, Result } from '../engine/types';
import { detectInput, LIVE_LIMIT_BYTES } from './detect';
import { copyText, download, formatBytes, panelRoot, plainCode, plural } from './dom';
import { EngineClient, type MigrateOutcome, type ProjectRun } from './engine-client';
import { DEFAULT_EXAMPLE, EXAMPLES } from './examples';
import { lookupPaste, loadSectionTitles } from './lookup-adapter';
import { looksLikeProse } from './detect';
import type { Monaco } from './monaco';
import { DiffPanel } from './panels/diff';
import { EditorPanel } from './panels/editor';
import { FindingsPanel } from './panels/findings';
import { ruleAction } from './panels/labels';
import { OptionsPanel } from './panels/options';
import { ProjectPanel } from './panels/project';
import { StatusPanel } from './panels/status';
import { ToolbarPanel } from './panels/toolbar';
import { decodeText, fromDrop, fromFileList, fromZip, type ProjectSource } from './project-files';
import { SETTLED } from '../offline/events';
import { decodeFragment, DEFAULT_OPTIONS, DEFAULT_VIEW, encodeState, safeFileName, type PlaygroundState as Shared } from './share';
import { fixEdits, fixGroup, planSafeFixes } from './fixes';
import {
  activeFile,
  currentFindings,
  freshAnalysis,
  migratedText,
  type FileState,
  type PlaygroundState,
  type Refusal,
  type Tone,
} from './state';
import { AUTOSAVE_LIMIT, clearSession, loadSession, saveSession } from './storage';
import { unifiedDiff } from './unified-diff';
import { writeZip, type ZipInput } from './zip';

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

function newFile(path: string, text: string): FileState {
  return { path, original: text, text, version: 1, good: null, refusal: null };
}

export class Controller {
  private s: PlaygroundState;
  private readonly editor: EditorPanel;
  private readonly findings: FindingsPanel;
  private readonly diff: DiffPanel;
  private readonly options: OptionsPanel;
  private readonly status: StatusPanel;
  private readonly toolbar: ToolbarPanel;
  private readonly projectPanel: ProjectPanel;
  private renderQueued = false;
  private diffQueued = false;
  private analysisQueued = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private rerunTimer: ReturnType<typeof setTimeout> | null = null;
  private lookupSeq = 0;
  private crashRetries = 0;
  private projectRun: ProjectRun | null = null;
  /** the pasted file, kept while a project is open and back when it is closed */
  private single: FileState | null = null;
  /** the project file in the editor was chosen by the page, not the user (see runProject) */
  private autoPicked = false;
  /** what the user just did, said together with the analysis that follows it */
  private notice = '';
  /** autosave only once the user changed something (a shared link is not their session) */
  private dirty = false;
  /** the first analysis is on screen (or cannot come) */
  private settled = false;
  private readonly base: string;

  constructor(
    private readonly root: HTMLElement,
    private readonly client: EngineClient,
  ) {
    this.base = root.dataset.base || '/';
    const example = DEFAULT_EXAMPLE;
    this.s = {
      files: new Map([[example.file, newFile(example.file, example.code)]]),
      active: example.file,
      project: null,
      options: { ...DEFAULT_OPTIONS },
      view: { ...DEFAULT_VIEW },
      engine: client.current,
      rules: [],
      busy: true,
      message: { text: '', tone: 'info' },
      note: null,
      lookup: null,
      autosave: '',
      editorReady: false,
      titles: false,
    };
    this.editor = new EditorPanel(panelRoot(root, 'editor'), {
      edit: (path, text) => this.edit(path, text),
      applyFix: (f) => this.applyFix(f),
      applyAllSafe: () => this.applyAllSafe(),
      turnOffRule: (code) => this.setRule(code, false),
      guideHref: (anchor) => this.guideHref(anchor),
      focusFindings: () => this.findings.focus(),
    });
    this.findings = new FindingsPanel(panelRoot(root, 'findings'), {
      reveal: (f) => this.reveal(f),
      applyFix: (f) => this.applyFix(f),
      turnOffRule: (code) => this.setRule(code, false),
      setReview: (code, on) => this.setReview(code, on),
      guideHref: (anchor) => this.guideHref(anchor),
      lookupHref: () => `${this.base}lookup/`,
    });
    this.diff = new DiffPanel(panelRoot(root, 'diff'), {
      applyAllSafe: () => this.applyAllSafe(),
      copyV2: () => void this.copyV2(),
      downloadV2: () => this.downloadV2(),
      copyPatch: () => void this.copyPatch(),
    });
    this.options = new OptionsPanel(panelRoot(root, 'options') as HTMLDetailsElement, {
      setRule: (code, on) => this.setRule(code, on),
      setReview: (code, on) => this.setReview(code, on),
      allRulesOn: () => this.allRulesOn(),
    });
    this.status = new StatusPanel(panelRoot(root, 'status'), panelRoot(root, 'note'), {
      retry: () => this.client.retry(),
      restart: () => this.client.kill(),
      goToLine: (line) => this.editor.goTo({ line, column: 1 }),
      noteAction: (run) => this.noteAction(run),
    });
    this.toolbar = new ToolbarPanel(panelRoot(root, 'toolbar'), {
      loadExample: (id) => this.loadExample(id),
      rename: (name) => this.rename(name),
      setLayout: (layout) => this.setView({ ...this.s.view, layout }),
      setDiff: (diff) => this.setView({ ...this.s.view, diff }),
      share: () => void this.share(),
      openFiles: (files, how) => void this.openFiles(files, how),
    });
    this.projectPanel = new ProjectPanel(panelRoot(root, 'project'), {
      select: (path) => this.select(path),
      cancel: () => this.cancelProject(),
      close: () => this.closeProject(),
      downloadZip: () => void this.downloadZip(),
      downloadPatch: () => this.downloadPatch(),
    });
  }

  // ---- state and rendering ----------------------------------------------------------------------

  private set(patch: Partial<PlaygroundState>): void {
    this.s = { ...this.s, ...patch };
    if (!this.renderQueued) {
      this.renderQueued = true;
      queueMicrotask(() => this.render());
    }
  }

  private setFile(path: string, change: (f: FileState) => FileState): void {
    const f = this.s.files.get(path);
    if (!f) return;
    const files = new Map(this.s.files);
    files.set(path, change(f));
    this.set({ files });
  }

  private say(text: string, tone: Tone = 'info', line?: number): void {
    this.set({ message: { text, tone, line } });
  }

  private render(): void {
    this.renderQueued = false;
    const s = this.s;
    if (!this.settled && (!s.busy || s.engine.state === 'failed')) {
      this.settled = true;
      dispatchEvent(new Event(SETTLED)); // the offline worker may start its downloads now
    }
    this.root.dataset.layout = s.view.layout;
    this.root.dataset.engine = s.engine.state;
    this.root.dataset.mode = s.project ? 'project' : 'single';
    this.toolbar.render(s);
    this.status.render(s);
    this.options.render(s);
    this.projectPanel.render(s);
    this.findings.render(s);
    this.editor.render(s);
    // The diff (a costly Monaco update on a long file) follows in the next frame: the findings first.
    if (!this.diffQueued) {
      this.diffQueued = true;
      requestAnimationFrame(() => {
        this.diffQueued = false;
        this.diff.render(this.s);
      });
    }
  }

  // ---- start --------------------------------------------------------------------------------------

  /** Read the initial state, start analysing it as soon as Python is up; Monaco comes later (mount). */
  async start(): Promise<void> {
    this.client.onStatus((engine) => {
      const patch: Partial<PlaygroundState> = { engine };
      if (engine.state === 'ready') patch.rules = engine.rules;
      this.set(patch);
    });
    const initial = await this.initialState();
    this.set({
      files: new Map([[initial.state.file, newFile(initial.state.file, initial.state.code)]]),
      active: initial.state.file,
      options: initial.state.options,
      view: initial.state.view,
      note: initial.note ?? null,
    });
    this.bindPage();
    this.analyze();
    void loadSectionTitles().then(
      () => this.set({ titles: true }),
      () => {},
    );
  }

  /** Monaco has loaded: the editor and the diff take over from the read-only preview. */
  mount(monaco: Monaco): void {
    this.editor.mount(monaco);
    this.diff.mount(monaco, this.s.view.diff === 'side');
    this.set({ editorReady: true });
    this.root.dataset.ready = 'true';
  }

  private async initialState(): Promise<{ state: Shared; note?: PlaygroundState['note'] }> {
    if (location.hash.length > 1) {
      try {
        const shared = await decodeFragment(location.hash);
        if (shared) return { state: shared, note: this.sharedNote(shared) };
      } catch {
        return {
          state: this.exampleState(),
          note: {
            text: 'This share link is damaged or incomplete (it may have been cut off when it was copied), so an example is shown instead.',
          },
        };
      }
    }
    const saved = loadSession();
    if (saved) return { state: saved, note: { text: 'Restored your last session from this browser.', action: { label: 'Start fresh with an example', run: 'fresh-example' } } };
    return { state: this.exampleState() };
  }

  /** What a link says beyond its code: which rules it turns off (never silently). */
  private sharedNote(shared: Shared): PlaygroundState['note'] {
    const off = shared.options.ignore;
    if (!off.length) return { text: 'Loaded the code from the link.' };
    const names = off.slice(0, 6).join(', ') + (off.length > 6 ? ` and ${off.length - 6} more` : '');
    return {
      text: `Loaded the code from the link. The link turns off ${plural(off.length, 'rule')} (${names}), so their findings are not shown.`,
      action: { label: 'Turn every rule back on', run: 'rules-on' },
    };
  }

  private exampleState(id = DEFAULT_EXAMPLE.id): Shared {
    const ex = EXAMPLES.find((e) => e.id === id) ?? DEFAULT_EXAMPLE;
    return { code: ex.code, file: ex.file, options: { ...DEFAULT_OPTIONS }, view: { ...this.s.view } };
  }

  private sharedState(): Shared {
    const f = activeFile(this.s);
    return { code: f.text, file: f.path.split('/').pop()!, options: this.s.options, view: this.s.view };
  }

  private bindPage(): void {
    window.addEventListener('hashchange', async () => {
      try {
        const shared = await decodeFragment(location.hash);
        if (!shared || shared.code === activeFile(this.s).text) return;
        if (this.s.project) this.closeProject();
        this.replaceSingle(shared.file, shared.code);
        this.set({ options: shared.options, view: shared.view, note: this.sharedNote(shared) });
        this.diff.setSideBySide(shared.view.diff === 'side');
        this.analyze();
      } catch {
        this.say('This share link is damaged or incomplete (it may have been cut off when it was copied).', 'error');
      }
    });
    window.addEventListener('beforeunload', () => {
      if (this.dirty && !this.s.project) saveSession(this.sharedState());
    });
    // Drop a folder, a .zip or a file anywhere on the playground.
    let depth = 0;
    this.root.addEventListener('dragenter', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      depth++;
      this.root.dataset.dropping = 'true';
    });
    this.root.addEventListener('dragover', (e) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    });
    this.root.addEventListener('dragleave', () => {
      if (--depth <= 0) {
        depth = 0;
        delete this.root.dataset.dropping;
      }
    });
    this.root.addEventListener('drop', (e) => {
      depth = 0;
      delete this.root.dataset.dropping;
      if (!e.dataTransfer?.items.length && !e.dataTransfer?.files.length) return;
      e.preventDefault();
      void this.dropped(e.dataTransfer);
    });
  }

  // ---- live analysis of the file in the editor --------------------------------------------------

  private engineOptions(): MigrateOptions {
    const o = this.s.options;
    return { ignore: o.ignore.length ? o.ignore : undefined, apply_review: o.review === 'all' ? true : o.review };
  }

  /** The user changed a file's text in the editor. */
  edit(path: string, text: string): number {
    const f = this.s.files.get(path);
    if (!f) return -1;
    const version = f.version + 1;
    this.setFile(path, (x) => ({ ...x, text, version, refusal: null }));
    this.dirty = true;
    this.set({ busy: true });
    this.schedule();
    this.scheduleSave();
    return version;
  }

  /**
   * Analyse the new text at once (after the change events of this keystroke: one analysis for a
   * multi-cursor edit). While the worker is busy the newest text waits and replaces any older one
   * (engine-client), so analyses follow typing as fast as the engine goes: no fixed debounce, and
   * never a queue of outdated texts.
   */
  private schedule(): void {
    if (this.analysisQueued) return;
    this.analysisQueued = true;
    queueMicrotask(() => {
      this.analysisQueued = false;
      this.analyze();
    });
  }

  private refuse(path: string, refusal: Refusal): void {
    this.setFile(path, (f) => ({ ...f, refusal }));
    this.set({ busy: false });
  }

  /** Run the engine on the active file's current text (or say why not). */
  analyze(): void {
    let f = activeFile(this.s);
    const seq = ++this.lookupSeq;
    this.set({ lookup: null });
    const detected = detectInput(f.text, f.path.split('/').pop());
    if (detected.kind === 'empty') {
      this.refuse(f.path, { kind: 'empty' });
      this.say('Paste v1 code, a pyproject.toml or requirements.txt, or an error message, or drop a project folder or .zip.');
      return;
    }
    if (detected.kind === 'too_large') {
      this.refuse(f.path, { kind: 'too_large', bytes: detected.bytes });
      this.say(
        `This text is ${formatBytes(detected.bytes)}; live analysis stops at ${formatBytes(LIVE_LIMIT_BYTES)}. ` +
          'Nothing was lost: edit it down, or run the CLI on the file (npx mcp-migrate path/to/file.py).',
        'warn',
      );
      return;
    }
    if (detected.kind === 'binary') {
      this.refuse(f.path, { kind: 'binary', reason: detected.reason });
      this.say(`This does not look like text (${detected.reason}). Paste Python source, a pyproject.toml or a requirements.txt.`, 'warn');
      return;
    }
    if (detected.kind === 'traceback') {
      this.refuse(f.path, { kind: 'traceback', reason: detected.reason });
      void this.runLookup(f.text, seq, `This looks like an error, not code (${detected.reason}), so it went to the error lookup.`);
      return;
    }
    if (!this.s.project && detected.filename !== f.path) {
      this.replaceSingle(detected.filename, f.text, f);
      f = activeFile(this.s);
    }
    if (this.s.engine.state === 'failed') {
      this.say(`Python could not be loaded: ${this.s.engine.message}. The error lookup still works.`, 'error');
      this.set({ busy: false });
      return;
    }
    this.set({ busy: true });
    this.root.dataset.analyzing = 'true';
    const { path, version, text } = f;
    void this.client.migrate(text, path, this.engineOptions(), this.s.project !== null).then((outcome) => {
      delete this.root.dataset.analyzing;
      this.landed(path, version, text, outcome, seq);
    });
  }

  private landed(path: string, version: number, text: string, outcome: MigrateOutcome, seq: number): void {
    const f = this.s.files.get(path);
    const current = f && f.version === version && this.s.active === path;
    if (outcome.status === 'stale') return;
    if (!current) {
      if (f && this.s.active === path) this.schedule(); // the text moved on: analyse the newest
      if (outcome.status === 'ok' && f) this.store(path, version, text, outcome.result, outcome.ms);
      return;
    }
    switch (outcome.status) {
      case 'timeout':
        this.refuse(path, { kind: 'failed', message: 'time limit' });
        this.say(`Analysis stopped after ${Math.round(outcome.limitMs / 1000)} s; Python was restarted. Try a smaller file, or the CLI.`, 'error');
        return;
      case 'error':
        if (outcome.kind === 'crashed' && this.crashRetries < 1) {
          this.crashRetries++;
          this.say('The Python worker stopped; restarting it and trying again…', 'warn');
          this.schedule();
          return;
        }
        this.refuse(path, { kind: 'failed', message: outcome.message });
        this.say(
          outcome.kind === 'load' ? `Python could not be loaded: ${outcome.message}. The error lookup still works.` : `The engine failed on this input: ${outcome.message}`,
          'error',
        );
        return;
      case 'ok': {
        this.crashRetries = 0;
        const result = outcome.result;
        this.store(path, version, text, result, outcome.ms);
        this.set({ busy: false });
        if (result.error) {
          this.engineError(result.error, text, seq);
          return;
        }
        const n = result.findings.length;
        const applied = result.findings.filter((x) => x.applied).length;
        const where = this.s.project ? `${path}: ` : '';
        const notice = this.notice ? `${this.notice} ` : '';
        this.notice = '';
        this.say(
          notice +
            (n === 0
              ? `${where}No v1 constructs found (${Math.round(outcome.ms)} ms).`
              : `${where}${plural(n, 'finding')}, ${plural(applied, 'fix', 'fixes')} applied in the v2 text (${Math.round(outcome.ms)} ms).`),
          'ok',
        );
        if (outcome.factsChanged && this.s.project) this.rerunProjectSoon(path);
      }
    }
  }

  /** Keep an engine answer for a file version (a good one replaces `good`; an error one is a refusal). */
  private store(path: string, version: number, text: string, result: Result, ms: number): void {
    this.setFile(path, (f) => {
      if (f.version !== version) return result.error ? f : { ...f, good: { version, text, result, ms } };
      return result.error
        ? { ...f, refusal: { kind: 'engine', error: result.error } }
        : { ...f, good: { version, text, result, ms }, refusal: null };
    });
  }

  private engineError(err: EngineError, text: string, seq: number): void {
    const where = err.line ? ` at line ${err.line}${err.column ? `, column ${err.column}` : ''}` : '';
    const last = activeFile(this.s).good ? ' The diff shows the last good result.' : '';
    this.say(`${ERROR_KIND[err.kind] ?? 'Cannot analyse'}${where}: ${withoutErrorName(err.message).replace(/\.?$/, '.')}${last}`, 'warn', err.line ?? undefined);
    // A short, prose-like paste that does not parse may be an error message: ask the lookup too.
    if (err.kind === 'syntax' && looksLikeProse(text)) void this.runLookup(text, seq, 'This does not parse as Python; it may be an error message.', true);
  }

  private async runLookup(text: string, seq: number, why: string, onlyIfMatch = false): Promise<void> {
    let answer = null;
    let failure = '';
    try {
      answer = await lookupPaste(text);
    } catch (err) {
      failure = (err as Error).message;
    }
    if (seq !== this.lookupSeq) return;
    if (onlyIfMatch && (!answer || !answer.matches.length)) return;
    this.set({ lookup: { why, answer, failure } });
    if (!onlyIfMatch)
      this.say(
        answer?.matches.length ? `Error lookup: ${plural(answer.matches.length, 'matching section')}.` : 'Error lookup: no matching section.',
        'ok',
      );
  }

  // ---- fixes --------------------------------------------------------------------------------------

  /** Apply a finding's fix to the editor: every finding of its group at once (undoable as one step). */
  applyFix(f: Finding): void {
    const findings = currentFindings(activeFile(this.s));
    if (!findings.includes(f)) {
      this.say('That finding is out of date; wait for the new analysis.');
      return;
    }
    const group = fixGroup(f, findings);
    this.editor.applyEdits(fixEdits(f, findings));
    this.notice = group.length > 1 ? `Applied ${f.rule} in ${plural(group.length, 'place')} together (Ctrl+Z undoes).` : '';
  }

  /** Apply every safe fix at once (whole groups; a fix overlapping one already taken waits). */
  applyAllSafe(): void {
    const f = activeFile(this.s);
    const { edits, fixes } = planSafeFixes(currentFindings(f));
    if (!fixes) {
      this.say(freshAnalysis(f) ? 'No safe fixes to apply.' : 'Wait for the analysis to finish first.');
      return;
    }
    this.editor.applyEdits(edits);
    this.notice = `Applied ${plural(fixes, 'safe fix', 'safe fixes')} to your code (Ctrl+Z undoes).`;
  }

  private reveal(f: Finding): void {
    if (this.s.view.layout === 'diff') this.setView({ ...this.s.view, layout: 'stacked' });
    this.editor.goTo(f.start, f.end);
  }

  // ---- options and view ---------------------------------------------------------------------------

  private optionsChanged(): void {
    this.scheduleSave();
    this.analyze();
    if (this.s.project) this.rerunProjectSoon(null, 0);
  }

  setRule(code: string, on: boolean): void {
    const ignore = new Set(this.s.options.ignore);
    if (on) ignore.delete(code);
    else ignore.add(code);
    this.set({ options: { ...this.s.options, ignore: [...ignore].sort() } });
    this.optionsChanged();
    if (!on) {
      const rule = this.s.rules.find((r) => r.code === code);
      this.say(`Rule ${code}${rule ? ` (${plainCode(ruleAction(rule))})` : ''} turned off. Turn it back on under “Rules & fixes”.`, 'ok');
    }
  }

  private allRulesOn(): void {
    this.set({ options: { ...this.s.options, ignore: [] } });
    this.optionsChanged();
  }

  setReview(code: string | 'all', on: boolean): void {
    const o = this.s.options;
    let review: typeof o.review;
    if (code === 'all') review = on ? 'all' : [];
    else {
      const current = o.review === 'all' ? this.s.rules.filter((r) => r.fix_class === 'review').map((r) => r.code) : o.review;
      const set = new Set(current);
      if (on) set.add(code);
      else set.delete(code);
      review = [...set].sort();
    }
    this.set({ options: { ...o, review } });
    this.optionsChanged();
  }

  private setView(view: PlaygroundState['view']): void {
    if (view.diff !== this.s.view.diff) this.diff.setSideBySide(view.diff === 'side');
    this.set({ view });
    this.scheduleSave();
  }

  private noteAction(run: 'fresh-example' | 'rules-on' | 'dismiss'): void {
    if (run === 'fresh-example') {
      clearSession();
      this.loadExample(DEFAULT_EXAMPLE.id);
    } else if (run === 'rules-on') this.allRulesOn();
    this.set({ note: null });
  }

  // ---- the single pasted file -----------------------------------------------------------------------

  /** Replace the single file (a new name and/or text); `keep` carries its analysis state over. */
  private replaceSingle(path: string, text: string, keep?: FileState): void {
    const f = keep ? { ...keep, path } : newFile(path, text);
    if (!keep) f.version = (activeFile(this.s)?.version ?? 0) + 1;
    this.set({ files: new Map([[path, f]]), active: path });
  }

  loadExample(id: string): void {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    if (this.s.project) this.closeProject();
    this.replaceSingle(ex.file, ex.code);
    this.analyze();
  }

  private rename(name: string): void {
    if (this.s.project) return;
    const file = safeFileName(name);
    const f = activeFile(this.s);
    if (file !== f.path) this.replaceSingle(file, f.text, f);
    this.scheduleSave();
    this.analyze();
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      if (this.s.project) {
        this.set({ autosave: 'Projects are not autosaved.' });
        return;
      }
      const outcome = saveSession(this.sharedState());
      this.set({
        autosave:
          outcome === 'too_large'
            ? `Not autosaved: over ${formatBytes(AUTOSAVE_LIMIT)}.`
            : outcome === 'unavailable'
              ? 'Autosave unavailable in this browser.'
              : 'Autosaved in this browser.',
      });
    }, 500);
  }

  private guideHref(anchor: string): string {
    return `${this.base}guide/#${anchor}`;
  }

  // ---- copy, download, share ------------------------------------------------------------------------

  private async copy(text: string, what: string): Promise<void> {
    const ok = await copyText(text);
    this.say(ok ? `${what} copied to the clipboard.` : `Could not copy ${what.toLowerCase()}: the browser refused.`, ok ? 'ok' : 'error');
  }

  private async copyV2(): Promise<void> {
    const good = activeFile(this.s).good;
    if (good) await this.copy(good.result.text, 'The v2 text');
  }

  private downloadV2(): void {
    const f = activeFile(this.s);
    if (!f.good) return;
    const name = f.path.split('/').pop()!;
    download(name, new Blob([f.good.result.text], { type: 'text/plain;charset=utf-8' }));
    this.say(`Downloaded ${name}.`, 'ok');
  }

  private async copyPatch(): Promise<void> {
    const f = activeFile(this.s);
    if (!f.good) return;
    const patch = unifiedDiff(f.good.text, f.good.result.text, f.path);
    if (!patch) this.say('No changes: the patch would be empty.');
    else await this.copy(patch, 'The patch');
  }

  private async share(): Promise<void> {
    const fragment = await encodeState(this.sharedState());
    const url = `${location.origin}${location.pathname}#${fragment}`;
    history.replaceState(null, '', `#${fragment}`);
    const ok = await copyText(url);
    this.say(
      ok
        ? `Share link${this.s.project ? ' to the open file' : ''} copied (${formatBytes(url.length)}). It carries the code after its #, which browsers never send to a server.`
        : 'Could not copy the share link: the browser refused. It is in the address bar.',
      ok ? 'ok' : 'error',
    );
  }

  // ---- projects -------------------------------------------------------------------------------------

  private async dropped(transfer: DataTransfer): Promise<void> {
    try {
      const what = await fromDrop(transfer);
      if (!what) return;
      if (what instanceof File) {
        await this.openSingleFile(what);
        return;
      }
      await this.openProject(what);
    } catch (err) {
      this.say(`Could not open what was dropped: ${(err as Error).message}`, 'error');
    }
  }

  private async openFiles(files: FileList, how: 'folder' | 'zip'): Promise<void> {
    try {
      if (how === 'zip') {
        const file = files[0];
        if (/\.zip$/i.test(file.name)) await this.openProject(await fromZip(file));
        else await this.openSingleFile(file);
      } else await this.openProject(fromFileList(files));
    } catch (err) {
      this.say((err as Error).message, 'error');
    }
  }

  /** One file (not a .zip) dropped or picked: open it in the editor like a paste. */
  private async openSingleFile(file: File): Promise<void> {
    if (file.size > 4 * LIVE_LIMIT_BYTES) {
      this.say(`${file.name} is ${formatBytes(file.size)}; the playground takes files up to ${formatBytes(LIVE_LIMIT_BYTES)}. Use the CLI for it.`, 'warn');
      return;
    }
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    if ('reason' in decoded) {
      this.say(`${file.name} was not opened: ${decoded.reason}.`, 'warn');
      return;
    }
    if (this.s.project) this.closeProject();
    this.replaceSingle(safeFileName(file.name), decoded.text);
    this.dirty = true;
    this.analyze();
  }

  async openProject(source: ProjectSource): Promise<void> {
    this.projectRun?.cancel();
    const analysed = source.files.filter((f) => f.analysed);
    if (!analysed.length) {
      this.say(
        `${source.name} has no Python or dependency files to analyse${source.skipped.length ? ` (${plural(source.skipped.length, 'item')} left out)` : ''}.`,
        'warn',
      );
      return;
    }
    if (!this.s.project) this.single = activeFile(this.s);
    const project: PlaygroundState['project'] = {
      name: source.name,
      sources: source.files,
      paths: [],
      skipped: [...source.skipped],
      failed: new Map(),
      run: { pass: 'read', done: 0, total: analysed.length, path: '' },
      ended: null,
      ms: 0,
    };
    this.set({ project, note: null, lookup: null });
    // Read and decode every analysed file (yielding, so that a big project keeps the page responsive).
    const files = new Map<string, FileState>();
    let last = performance.now();
    for (let i = 0; i < analysed.length; i++) {
      const src = analysed[i];
      if (this.s.project?.sources !== source.files) return; // replaced or closed meanwhile
      try {
        const decoded = decodeText(await src.read());
        if ('reason' in decoded) project.skipped.push({ path: src.path, reason: decoded.reason });
        else files.set(src.path, newFile(src.path, decoded.text));
      } catch (err) {
        project.skipped.push({ path: src.path, reason: `unreadable (${(err as Error).message})` });
      }
      if (performance.now() - last > 50) {
        this.set({ project: { ...project, run: { pass: 'read', done: i + 1, total: analysed.length, path: src.path } } });
        await new Promise((r) => setTimeout(r, 0));
        last = performance.now();
      }
    }
    if (!files.size) {
      this.say(`None of ${source.name}'s files could be read as UTF-8 text.`, 'warn');
      this.closeProject();
      return;
    }
    const paths = [...files.keys()].sort();
    const first = paths.find((p) => p.endsWith('.py')) ?? paths[0];
    this.set({ files, active: first, project: { ...project, paths }, busy: true });
    this.autoPicked = true;
    this.say(`Opened ${source.name}: ${plural(files.size, 'file')} to analyse. Nothing leaves this browser.`, 'info');
    this.runProject();
  }

  /** Analyse every file of the project (only: just these paths, the rest keeps its answers). */
  private runProject(only?: Set<string>): void {
    const p = this.s.project;
    if (!p) return;
    this.projectRun?.cancel();
    const started = new Map([...this.s.files].map(([path, f]) => [path, f.version]));
    const inputs = [...this.s.files.values()].map((f) => ({ path: f.path, text: f.text }));
    const failed = only ? new Map([...p.failed].filter(([path]) => !only.has(path))) : new Map<string, string>();
    this.set({ project: { ...p, run: { pass: 'facts', done: 0, total: inputs.length, path: '' }, ended: null, failed } });
    const run = this.client.runProject(inputs, this.engineOptions(), {
      onProgress: (pr) => {
        const cur = this.s.project;
        if (cur && this.projectRun === run) this.set({ project: { ...cur, run: pr } });
      },
      onFile: (out) => {
        if (this.projectRun !== run || !this.s.project) return;
        if (only && !only.has(out.path)) return;
        const version = started.get(out.path);
        const f = this.s.files.get(out.path);
        if (!f || f.version !== version) return; // edited since: its own live analysis answers
        if (out.result) {
          this.store(out.path, f.version, f.text, out.result, out.ms);
        } else {
          const failed = new Map(this.s.project.failed);
          failed.set(out.path, out.error ?? 'unknown error');
          this.set({ project: { ...this.s.project, failed } });
        }
        if (out.path === this.s.active) this.set({ busy: false });
      },
    });
    this.projectRun = run;
    void run.done.then((end) => {
      if (this.projectRun !== run) return;
      this.projectRun = null;
      const cur = this.s.project;
      if (!cur) return;
      this.set({
        project: { ...cur, run: null, ended: end.status, ms: 'ms' in end ? end.ms : 0 },
        busy: false,
      });
      // Show a file with something to migrate, unless the user already chose one.
      if (this.autoPicked && !currentFindings(activeFile(this.s)).length) {
        const has = (path: string) => currentFindings(this.s.files.get(path)!).length > 0;
        const found = cur.paths.find((path) => path.endsWith('.py') && has(path)) ?? cur.paths.find(has);
        if (found) this.set({ active: found });
      }
      if (end.status === 'error') this.say(`The project analysis stopped: ${end.message}`, 'error');
      else if (end.status === 'done' && !only) this.say(`Analysed ${cur.name} in ${((end.ms ?? 0) / 1000).toFixed(1)} s.`, 'ok');
      // A file not reached (cancelled) keeps its text; the active one still gets its live analysis.
      if (!freshAnalysis(activeFile(this.s)) && !activeFile(this.s).refusal) this.analyze();
    });
  }

  /** What a file exports changed: the other files may resolve differently now (re-run them quietly). */
  private rerunProjectSoon(except: string | null, delay = 800): void {
    if (this.rerunTimer) clearTimeout(this.rerunTimer);
    this.rerunTimer = setTimeout(() => {
      const others = new Set([...this.s.files.keys()].filter((p) => p !== except));
      if (others.size) this.runProject(others);
    }, delay);
  }

  private cancelProject(): void {
    this.projectRun?.cancel();
  }

  private select(path: string): void {
    this.autoPicked = false;
    if (!this.s.files.has(path) || path === this.s.active) return;
    this.set({ active: path, lookup: null });
    const f = this.s.files.get(path)!;
    if (!freshAnalysis(f) && !f.refusal && !this.projectRun) this.analyze();
    else if (f.refusal?.kind === 'engine') this.engineError(f.refusal.error, f.text, this.lookupSeq);
    else this.say(`${path}: ${plural(currentFindings(f).length, 'finding')}.`, 'ok');
  }

  closeProject(): void {
    this.projectRun?.cancel();
    this.projectRun = null;
    this.client.clearProject();
    this.editor.reset();
    const single = this.single ?? newFile(DEFAULT_EXAMPLE.file, DEFAULT_EXAMPLE.code);
    this.single = null;
    this.set({ project: null, files: new Map([[single.path, { ...single, version: single.version + 1 }]]), active: single.path, busy: false });
    this.analyze();
  }

  private async downloadZip(): Promise<void> {
    const p = this.s.project;
    if (!p) return;
    this.say('Building the .zip…');
    const inputs: ZipInput[] = [];
    const enc = new TextEncoder();
    try {
      for (const src of p.sources) {
        const name = `${p.name}/${src.path}`;
        const f = this.s.files.get(src.path);
        const text = f ? migratedText(f) : null;
        if (f && text !== f.original) inputs.push({ name, data: enc.encode(text!) });
        else if (src.zipEntry) inputs.push({ name, copy: src.zipEntry });
        else inputs.push({ name, data: await src.read() });
      }
      const zip = await writeZip(inputs);
      download(`${p.name}-v2.zip`, zip);
      const changed = [...this.s.files.values()].filter((f) => migratedText(f) !== f.original).length;
      this.say(`Downloaded ${p.name}-v2.zip: ${plural(inputs.length, 'file')}, ${changed} changed.`, 'ok');
    } catch (err) {
      this.say(`The .zip could not be built: ${(err as Error).message}`, 'error');
    }
  }

  private downloadPatch(): void {
    const p = this.s.project;
    if (!p) return;
    const parts: string[] = [];
    for (const f of [...this.s.files.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      const patch = unifiedDiff(f.original, migratedText(f), f.path);
      if (patch) parts.push(patch);
    }
    if (!parts.length) {
      this.say('No changes: the patch would be empty.');
      return;
    }
    download(`${p.name}-v2.patch`, new Blob([parts.join('')], { type: 'text/x-diff;charset=utf-8' }));
    this.say(`Downloaded ${p.name}-v2.patch (${plural(parts.length, 'file')}; apply with git apply or patch -p1).`, 'ok');
  }
}

