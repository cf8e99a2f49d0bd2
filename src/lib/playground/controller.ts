// The playground's controller: it makes the one state (held by store.ts), the panels, the live
// analysis of the file in the editor (live-analysis.ts) and the project session (project-session.ts),
// and turns what the user does in a panel into state changes; after each batch of changes every panel
// renders from the new state. Data flows one way: action -> state -> render.
import type { Finding } from '../engine/types';
import { SETTLED } from '../offline/events';
import { copyText, download, formatBytes, panelRoot, plainCode, plural } from './dom';
import type { EngineClient } from './engine-client';
import { DEFAULT_EXAMPLE, EXAMPLES } from './examples';
import { fixEdits, fixGroup, planSafeFixes } from './fixes';
import { LiveAnalysis } from './live-analysis';
import { loadSectionTitles } from './lookup-adapter';
import type { Monaco } from './monaco';
import { DiffPanel } from './panels/diff';
import { EditorPanel } from './panels/editor';
import { FindingsPanel } from './panels/findings';
import { ruleAction } from './panels/labels';
import { OptionsPanel } from './panels/options';
import { ProjectPanel } from './panels/project';
import { StatusPanel } from './panels/status';
import { ToolbarPanel } from './panels/toolbar';
import { decodeText, fromDrop, fromFileList, fromZip } from './project-files';
import { LIVE_LIMIT_BYTES } from './detect';
import { ProjectSession } from './project-session';
import { DAMAGED_LINK, initialState, sharedNote } from './initial-state';
import {
  decodeFragment,
  DEFAULT_OPTIONS,
  DEFAULT_VIEW,
  encodeState,
  safeFileName,
  type PlaygroundState as Shared,
} from './share';
import { activeFile, currentFindings, freshAnalysis, newFile, type FileState, type PlaygroundState } from './state';
import { AUTOSAVE_LIMIT, clearSession, saveSession } from './storage';
import { Store } from './store';
import { unifiedDiff } from './unified-diff';

export class Controller {
  private readonly store: Store;
  private readonly live: LiveAnalysis;
  private readonly session: ProjectSession;
  private readonly editor: EditorPanel;
  private readonly findings: FindingsPanel;
  private readonly diff: DiffPanel;
  private readonly options: OptionsPanel;
  private readonly status: StatusPanel;
  private readonly toolbar: ToolbarPanel;
  private readonly projectPanel: ProjectPanel;
  private diffQueued = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** the pasted file, kept while a project is open and back when it is closed */
  private single: FileState | null = null;
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
    const initial: PlaygroundState = {
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
    this.store = new Store(initial, (state) => this.render(state));
    this.live = new LiveAnalysis(this.store, client, {
      rename: (path, file) => this.replaceSingle(path, file.text, file),
      factsChanged: (path) => this.session.analyseSoon(path),
      root,
    });
    this.session = new ProjectSession(this.store, client, this.live);
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
      select: (path) => this.session.select(path),
      cancel: () => this.session.cancel(),
      close: () => this.closeProject(),
      downloadZip: () => void this.session.downloadZip(),
      downloadPatch: () => this.session.downloadPatch(),
    });
  }

  // ---- state and rendering ----------------------------------------------------------------------

  private get s(): PlaygroundState {
    return this.store.state;
  }

  private set(patch: Partial<PlaygroundState>): void {
    this.store.set(patch);
  }

  private say(text: string, tone: Parameters<Store['say']>[1] = 'info'): void {
    this.store.say(text, tone);
  }

  private render(s: PlaygroundState): void {
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
    const initial = await initialState(this.s.view);
    this.set({
      files: new Map([[initial.state.file, newFile(initial.state.file, initial.state.code)]]),
      active: initial.state.file,
      options: initial.state.options,
      view: initial.state.view,
      note: initial.note,
    });
    this.bindPage();
    this.live.analyze();
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
        this.set({ options: shared.options, view: shared.view, note: sharedNote(shared) });
        this.diff.setSideBySide(shared.view.diff === 'side');
        this.live.analyze();
      } catch {
        this.say(`${DAMAGED_LINK}.`, 'error');
      }
    });
    window.addEventListener('beforeunload', () => {
      if (this.dirty && !this.s.project) saveSession(this.sharedState());
    });
    window.addEventListener('pagehide', (e) => {
      if (!e.persisted) this.client.release(); // a page kept for Back keeps its worker
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

  // ---- editing ------------------------------------------------------------------------------------

  /** The user changed a file's text in the editor; returns its new version. */
  edit(path: string, text: string): number {
    const f = this.s.files.get(path);
    if (!f) return -1;
    const version = f.version + 1;
    this.store.setFile(path, (x) => ({ ...x, text, version, refusal: null }));
    this.dirty = true;
    this.set({ busy: true });
    this.live.schedule();
    this.scheduleSave();
    return version;
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
    this.live.notice =
      group.length > 1 ? `Applied ${f.rule} in ${plural(group.length, 'place')} together (Ctrl+Z undoes).` : '';
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
    this.live.notice = `Applied ${plural(fixes, 'safe fix', 'safe fixes')} to your code (Ctrl+Z undoes).`;
  }

  private reveal(f: Finding): void {
    if (this.s.view.layout === 'diff') this.setView({ ...this.s.view, layout: 'stacked' });
    this.editor.goTo(f.start, f.end);
  }

  // ---- options and view ---------------------------------------------------------------------------

  private optionsChanged(): void {
    this.scheduleSave();
    this.live.analyze();
    if (this.s.project) this.session.analyseSoon(null, 0);
  }

  setRule(code: string, on: boolean): void {
    const ignore = new Set(this.s.options.ignore);
    if (on) ignore.delete(code);
    else ignore.add(code);
    this.set({ options: { ...this.s.options, ignore: [...ignore].sort() } });
    this.optionsChanged();
    if (!on) {
      const rule = this.s.rules.find((r) => r.code === code);
      this.say(
        `Rule ${code}${rule ? ` (${plainCode(ruleAction(rule))})` : ''} turned off. Turn it back on under “Rules & fixes”.`,
        'ok',
      );
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
      const current =
        o.review === 'all' ? this.s.rules.filter((r) => r.fix_class === 'review').map((r) => r.code) : o.review;
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
    this.live.analyze();
  }

  private rename(name: string): void {
    if (this.s.project) return;
    const file = safeFileName(name);
    const f = activeFile(this.s);
    if (file !== f.path) this.replaceSingle(file, f.text, f);
    this.scheduleSave();
    this.live.analyze();
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
    this.say(
      ok ? `${what} copied to the clipboard.` : `Could not copy ${what.toLowerCase()}: the browser refused.`,
      ok ? 'ok' : 'error',
    );
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
      this.say(
        `${file.name} is ${formatBytes(file.size)}; the playground takes files up to ${formatBytes(LIVE_LIMIT_BYTES)}. Use the CLI for it.`,
        'warn',
      );
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
    this.live.analyze();
  }

  private async openProject(source: Parameters<ProjectSession['open']>[0]): Promise<void> {
    if (!this.s.project) this.single = activeFile(this.s);
    this.editor.reset();
    await this.session.open(source);
  }

  /** Leave the project: the pasted file comes back. */
  closeProject(): void {
    this.session.close();
    this.editor.reset();
    const single = this.single ?? newFile(DEFAULT_EXAMPLE.file, DEFAULT_EXAMPLE.code);
    this.single = null;
    this.set({
      project: null,
      files: new Map([[single.path, { ...single, version: single.version + 1 }]]),
      active: single.path,
      busy: false,
    });
    this.live.analyze();
  }
}
