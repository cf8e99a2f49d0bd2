// The playground page controller: Monaco editors, findings panel, diff, options, share, autosave.
// Loaded only by src/pages/playground.astro. The engine runs in a worker owned by engine-client.ts.
import type { editor as MonacoEditorNS, IDisposable, languages as MonacoLanguagesNS } from 'monaco-editor/editor';
import { EngineClient, type EngineStatus, type MigrateOutcome } from './engine-client';
import type { Finding, MigrateOptions, MigrateResult, RuleInfo } from './protocol';
import { detectInput, looksLikeProse, LIVE_LIMIT_BYTES, utf8Length } from './detect';
import {
  decodeFragment,
  DEFAULT_OPTIONS,
  DEFAULT_VIEW,
  encodeState,
  safeFileName,
  type PlaygroundOptions,
  type PlaygroundState,
  type PlaygroundView,
} from './share';
import { loadSession, saveSession, clearSession, AUTOSAVE_LIMIT } from './storage';
import { unifiedDiff } from './unified-diff';
import { EXAMPLES, DEFAULT_EXAMPLE } from './examples';
import { loadSectionTitles, lookupPaste, sectionTitle, type LookupAnswer } from './lookup-adapter';
import PyWorker from './worker?worker';

type Monaco = typeof import('monaco-editor/editor');
type Editor = MonacoEditorNS.IStandaloneCodeEditor;
type DiffEditor = MonacoEditorNS.IStandaloneDiffEditor;
type Model = MonacoEditorNS.ITextModel;

const MARKER_OWNER = 'mcp-migrate';
const DEBOUNCE_MS = 200;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

function formatBytes(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} KB`;
  return `${n} B`;
}

/**
 * Monaco's built-in themes with colours adjusted so every token keeps a WCAG AA contrast (4.5:1)
 * on the editor background and on the diff editor's inserted/removed line and text backgrounds.
 */
function defineThemes(monaco: Monaco): void {
  monaco.editor.defineTheme('mm-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '236010' },
      { token: 'number', foreground: '0a6342' },
      { token: 'type', foreground: '1d6a80' },
      { token: 'annotation', foreground: '6b521f' },
    ],
    colors: {
      'editorLineNumber.foreground': '#1f6e86',
      'diffEditor.insertedLineBackground': '#eef7e9',
      'diffEditor.insertedTextBackground': '#d4ecc6',
      'diffEditor.removedLineBackground': '#fcefef',
      'diffEditor.removedTextBackground': '#f7d5d5',
    },
  });
  monaco.editor.defineTheme('mm-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '7fb56f' },
      { token: 'keyword', foreground: '6cb0ea' },
      { token: 'string', foreground: 'd9a088' },
    ],
    colors: {
      'editorLineNumber.foreground': '#9a9a9a',
      'diffEditor.insertedLineBackground': '#1f2e1f',
      'diffEditor.insertedTextBackground': '#294229',
      'diffEditor.removedLineBackground': '#332020',
      'diffEditor.removedTextBackground': '#4a2626',
    },
  });
}

/** Text with `code spans` as <code> elements (never HTML). */
function withCode(text: string): (Node | string)[] {
  return text.split(/(`[^`]+`)/).filter(Boolean).map((part) =>
    part.startsWith('`') && part.endsWith('`') && part.length > 2 ? el('code', { text: part.slice(1, -1) }) : part,
  );
}

const FIX_LABEL: Record<string, string> = { safe: 'safe fix', review: 'review fix', manual: 'manual' };

interface Analysis {
  /** text and file name that were analysed */
  text: string;
  file: string;
  versionId: number;
  result: MigrateResult;
  ms: number;
}

export class Playground {
  private monaco!: Monaco;
  private input!: Editor;
  private inputModel!: Model;
  private diff!: DiffEditor;
  private diffOriginal!: Model;
  private diffModified!: Model;
  private client: EngineClient;
  private file = 'main.py';
  private options: PlaygroundOptions = { ...DEFAULT_OPTIONS };
  private view: PlaygroundView = { ...DEFAULT_VIEW };
  private rules: RuleInfo[] = [];
  private last: Analysis | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  private disposables: IDisposable[] = [];
  private base: string;
  /** Autosave only once the user changed something (a shared link is not their session). */
  private dirty = false;
  private crashRetries = 0;
  /** Model version whose analysis (or refusal) is on screen. */
  private shownVersion = -1;
  /** The diff editor is computing a diff of the current models (see setDiff). */
  private diffComputing = false;

  constructor(private root: HTMLElement) {
    this.base = root.dataset.base || '/';
    this.client = new EngineClient({
      indexURL: new URL(`${this.base}pyodide/`, location.href).href,
      createWorker: () => new PyWorker(),
    });
  }

  /** Begin loading Python as soon as the page is idle, independent of Monaco. */
  startEngineWhenIdle(): void {
    const start = () => this.client.start();
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 1500 });
    else setTimeout(start, 200);
    this.client.onStatus((s) => this.renderStatus(s));
  }

  async init(monaco: Monaco): Promise<void> {
    this.monaco = monaco;
    const initial = await this.initialState();
    this.file = initial.state.file;
    this.options = initial.state.options;
    this.view = initial.state.view;

    defineThemes(monaco);
    const theme = () => (document.documentElement.dataset.theme === 'light' ? 'mm-light' : 'mm-dark');
    monaco.editor.setTheme(theme());
    new MutationObserver(() => monaco.editor.setTheme(theme())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });

    this.inputModel = monaco.editor.createModel(initial.state.code, this.languageFor(this.file));
    this.diffOriginal = monaco.editor.createModel('', this.languageFor(this.file));
    this.diffModified = monaco.editor.createModel('', this.languageFor(this.file));

    const common: MonacoEditorNS.IEditorOptions = {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      renderWhitespace: 'selection',
      ariaLabel: 'Your v1 code',
    };
    const editorHost = $('pg-editor');
    editorHost.textContent = '';
    this.input = monaco.editor.create(editorHost, {
      ...common,
      model: this.inputModel,
      lightbulb: { enabled: 'on' as never },
      'semanticHighlighting.enabled': false,
    } as MonacoEditorNS.IStandaloneEditorConstructionOptions);

    const diffHost = $('pg-diff');
    diffHost.textContent = '';
    this.diff = monaco.editor.createDiffEditor(diffHost, {
      ...common,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: this.view.diff === 'side',
      useInlineViewWhenSpaceIsLimited: true,
      renderOverviewRuler: false,
      ignoreTrimWhitespace: false,
      originalAriaLabel: 'Analysed v1 code (read-only)',
      modifiedAriaLabel: 'Suggested v2 code (read-only)',
    } as MonacoEditorNS.IStandaloneDiffEditorConstructionOptions);
    this.diff.setModel({ original: this.diffOriginal, modified: this.diffModified });
    this.diff.onDidUpdateDiff(() => {
      this.diffComputing = false;
    });

    this.registerCodeActions();
    this.bindUi();
    this.applyView();
    this.renderOptions();
    if (initial.note) this.note(initial.note.text, initial.note.restore);

    this.inputModel.onDidChangeContent(() => {
      this.dirty = true;
      this.schedule();
      this.scheduleSave();
    });
    this.analyze();
    void loadSectionTitles()
      .then(() => this.last && !this.root.dataset.stale && this.renderFindings(this.last.result.findings))
      .catch(() => {});
    this.root.dataset.ready = 'true';
    // Test and debugging hooks (no effect on normal use).
    (window as unknown as { __playground?: unknown }).__playground = {
      app: this,
      client: this.client,
      setText: (text: string) => this.inputModel.setValue(text),
      getText: () => this.inputModel.getValue(),
      getResult: () => this.last?.result ?? null,
      getDiffText: () => this.diffModified.getValue(),
      /** The analysis of the editor's current text is on screen (nothing pending). */
      isSettled: () => !this.timer && this.shownVersion === this.inputModel.getVersionId(),
      getMarkers: () => this.monaco.editor.getModelMarkers({ owner: MARKER_OWNER }),
    };
  }

  // ---- initial state ------------------------------------------------------------------------------

  private async initialState(): Promise<{ state: PlaygroundState; note?: { text: string; restore?: boolean } }> {
    if (location.hash.length > 1) {
      try {
        const shared = await decodeFragment(location.hash);
        if (shared) return { state: shared, note: { text: 'Loaded the code from the link.' } };
      } catch (err) {
        return {
          state: this.exampleState(DEFAULT_EXAMPLE.id),
          note: { text: `The link could not be read (${(err as Error).message}); showing an example instead.` },
        };
      }
    }
    const saved = loadSession();
    if (saved) return { state: saved, note: { text: 'Restored your last session from this browser.', restore: true } };
    return { state: this.exampleState(DEFAULT_EXAMPLE.id) };
  }

  private exampleState(id: string): PlaygroundState {
    const ex = EXAMPLES.find((e) => e.id === id) ?? DEFAULT_EXAMPLE;
    return { code: ex.code, file: ex.file, options: { ...DEFAULT_OPTIONS }, view: { ...this.view } };
  }

  private state(): PlaygroundState {
    return { code: this.inputModel.getValue(), file: this.file, options: this.options, view: this.view };
  }

  // ---- analysis -------------------------------------------------------------------------------------

  private languageFor(file: string): string {
    if (/\.(toml|cfg|ini)$/i.test(file)) return 'ini';
    if (/\.(txt|in)$/i.test(file)) return 'plaintext';
    return 'python';
  }

  private engineOptions(): MigrateOptions {
    return {
      select: undefined,
      ignore: this.options.ignore.length ? this.options.ignore : undefined,
      apply_review: this.options.review === 'all' ? true : this.options.review,
    };
  }

  private schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.analyze(), delay);
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const outcome = saveSession(this.state());
      const hint = $('pg-autosave');
      if (outcome === 'too_large') hint.textContent = `Not autosaved: over ${formatBytes(AUTOSAVE_LIMIT)}.`;
      else if (outcome === 'unavailable') hint.textContent = 'Autosave unavailable in this browser.';
      else hint.textContent = 'Autosaved in this browser.';
    }, 500);
  }

  private setFile(name: string): void {
    const file = safeFileName(name);
    if (file === this.file) return;
    this.file = file;
    const fileInput = $<HTMLInputElement>('pg-file');
    if (fileInput.value !== file) fileInput.value = file;
    const lang = this.languageFor(file);
    this.monaco.editor.setModelLanguage(this.inputModel, lang);
  }

  /** Run the engine on the current text (or explain why not). */
  analyze(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const text = this.inputModel.getValue();
    const versionId = this.inputModel.getVersionId();
    const detected = detectInput(text, this.file);
    const seq = ++this.seq;
    this.showLookup(null);
    this.shownVersion = detected.kind === 'code' ? -1 : versionId;

    if (detected.kind === 'empty') {
      this.clearMarkers();
      this.renderFindings([]);
      this.setDiff('', '', false);
      this.message('Paste v1 code, a pyproject.toml or requirements.txt, or an error message.');
      return;
    }
    if (detected.kind === 'too_large') {
      this.clearMarkers();
      this.staleDiff(true);
      this.message(
        `This text is ${formatBytes(detected.bytes)}; live analysis stops at ${formatBytes(LIVE_LIMIT_BYTES)}. ` +
          'Nothing was lost: edit it down, or run the CLI on the file (npx mcp-migrate path/to/file.py).',
        'warn',
      );
      this.renderFindings(null);
      return;
    }
    if (detected.kind === 'binary') {
      this.clearMarkers();
      this.staleDiff(true);
      this.message(
        `This does not look like text (${detected.reason}). Paste Python source, a pyproject.toml or a requirements.txt.`,
        'warn',
      );
      this.renderFindings(null);
      return;
    }
    if (detected.kind === 'traceback') {
      this.clearMarkers();
      this.staleDiff(true);
      this.renderFindings(null);
      void this.runLookup(text, seq, `This looks like an error, not code (${detected.reason}), so it went to the error lookup.`);
      return;
    }
    if (detected.filename !== this.file) this.setFile(detected.filename);

    if (this.client.current.state === 'failed') {
      this.message(`Python could not be loaded: ${this.client.current.message}. The error lookup still works.`, 'error');
      return;
    }
    const file = this.file;
    if (this.client.current.state !== 'ready')
      this.message('Analysis starts as soon as Python has loaded.');
    this.root.dataset.analyzing = 'true';
    void this.client.migrate(text, file, this.engineOptions()).then((outcome) => {
      // Newer input since (already analysed, or about to be after the debounce): drop this result.
      if (seq !== this.seq || this.inputModel.getVersionId() !== versionId) return;
      delete this.root.dataset.analyzing;
      this.onOutcome(outcome, text, file, versionId, seq);
      if (outcome.status !== 'stale' && !(outcome.status === 'error' && outcome.kind === 'crashed' && this.timer))
        this.shownVersion = versionId;
    });
  }

  private onOutcome(outcome: MigrateOutcome, text: string, file: string, versionId: number, seq: number): void {
    switch (outcome.status) {
      case 'stale':
        return;
      case 'timeout':
        this.staleDiff(true);
        this.message(
          `Analysis stopped after ${Math.round(outcome.limitMs / 1000)} s and Python was restarted. ` +
            'Edit the code to try again, or use the CLI for very large files.',
          'warn',
        );
        return;
      case 'error':
        if (outcome.kind === 'crashed' && this.crashRetries < 2) {
          this.crashRetries++;
          this.message('The Python worker stopped; restarting it and analysing again…', 'warn');
          this.schedule(0);
          return;
        }
        this.staleDiff(true);
        this.message(
          outcome.kind === 'load'
            ? `Python could not be loaded: ${outcome.message}. The error lookup still works.`
            : `The engine failed on this input: ${outcome.message}`,
          'error',
        );
        return;
      case 'ok': {
        this.crashRetries = 0;
        const result = outcome.result;
        if (result.error) {
          this.onEngineError(result, text, seq);
          return;
        }
        this.last = { text, file, versionId, result, ms: outcome.ms };
        this.setMarkers(result, versionId);
        this.renderFindings(result.findings);
        this.setDiff(text, result.text, false);
        const n = result.findings.length;
        const applied = result.findings.filter((f) => f.applied).length;
        this.message(
          n === 0
            ? `No v1 constructs found (${Math.round(outcome.ms)} ms).`
            : `${n} finding${n === 1 ? '' : 's'}, ${applied} fix${applied === 1 ? '' : 'es'} applied in the v2 text (${Math.round(outcome.ms)} ms).`,
          'ok',
        );
        // For benchmarks and tests: the result is on screen.
        this.root.dispatchEvent(new CustomEvent('pg:analyzed', { detail: { engineMs: outcome.ms, findings: n } }));
      }
    }
  }

  private onEngineError(result: MigrateResult, text: string, seq: number): void {
    const err = result.error!;
    this.staleDiff(true);
    const markers: MonacoEditorNS.IMarkerData[] = [];
    if (err.line) {
      const line = Math.min(Math.max(1, err.line), this.inputModel.getLineCount());
      const col = Math.max(1, err.column ?? 1);
      const maxCol = this.inputModel.getLineMaxColumn(line);
      markers.push({
        severity: this.monaco.MarkerSeverity.Error,
        message: err.message,
        source: 'python',
        code: err.kind,
        startLineNumber: line,
        startColumn: Math.min(col, maxCol),
        endLineNumber: line,
        endColumn: Math.min(col + 1, maxCol) === Math.min(col, maxCol) ? maxCol : Math.min(col + 1, maxCol),
      });
    }
    this.monaco.editor.setModelMarkers(this.inputModel, MARKER_OWNER, markers);
    this.renderFindings(null);
    const where = err.line ? ` at line ${err.line}${err.column ? `, column ${err.column}` : ''}` : '';
    const kinds: Record<string, string> = {
      syntax: 'Syntax error',
      python2: 'This looks like Python 2',
      too_large: 'Too large',
      too_deep: 'Too deeply nested',
      binary: 'Binary data',
      encoding: 'Encoding problem',
    };
    this.message(
      `${kinds[err.kind] ?? 'Cannot analyse'}${where}: ${err.message}. The diff shows the last good result.`,
      'warn',
    );
    // A short, prose-like paste that does not parse may be an error message: ask the lookup too.
    if (err.kind === 'syntax' && looksLikeProse(text)) void this.runLookup(text, seq, 'This does not parse as Python; it may be an error message.', true);
  }

  private async runLookup(text: string, seq: number, why: string, onlyIfMatch = false): Promise<void> {
    let answer: LookupAnswer | null = null;
    let failure = '';
    try {
      answer = await lookupPaste(text);
    } catch (err) {
      failure = (err as Error).message;
    }
    if (seq !== this.seq) return;
    if (onlyIfMatch && (!answer || answer.matches.length === 0)) return;
    this.showLookup({ why, answer, failure });
    if (!onlyIfMatch)
      this.message(
        answer && answer.matches.length
          ? `Error lookup: ${answer.matches.length} matching section${answer.matches.length === 1 ? '' : 's'}.`
          : 'Error lookup: no matching section.',
        'ok',
      );
  }

  // ---- markers and code actions -------------------------------------------------------------------

  private severity(f: Finding) {
    const S = this.monaco.MarkerSeverity;
    return f.fix_class === 'safe' ? S.Info : S.Warning;
  }

  private guideHref(anchor: string): string {
    return `${this.base}guide/#${anchor}`;
  }

  private setMarkers(result: MigrateResult, versionId: number): void {
    if (this.inputModel.getVersionId() !== versionId) return; // text changed since; the next analysis sets them
    const lines = this.inputModel.getLineCount();
    const markers = result.findings.filter((f) => f.start.line <= lines && f.end.line <= lines).map((f) => ({
      severity: this.severity(f),
      message: `${f.message} [${FIX_LABEL[f.fix_class] ?? f.fix_class}]`,
      source: MARKER_OWNER,
      code: { value: f.rule, target: this.monaco.Uri.parse(new URL(this.guideHref(f.anchor), location.href).href) },
      startLineNumber: f.start.line,
      startColumn: f.start.column,
      endLineNumber: f.end.line,
      endColumn: f.end.column,
    }));
    this.monaco.editor.setModelMarkers(this.inputModel, MARKER_OWNER, markers);
  }

  private clearMarkers(): void {
    this.monaco.editor.setModelMarkers(this.inputModel, MARKER_OWNER, []);
  }

  /** Findings that still describe the editor's current text. */
  private currentFindings(): Finding[] {
    if (!this.last || this.last.versionId !== this.inputModel.getVersionId()) return [];
    return this.last.result.findings;
  }

  private editsOf(f: Finding): MonacoLanguagesNS.IWorkspaceTextEdit[] {
    return f.edits.map((e) => ({
      resource: this.inputModel.uri,
      versionId: this.inputModel.getVersionId(),
      textEdit: {
        range: new this.monaco.Range(e.start.line, e.start.column, e.end.line, e.end.column),
        text: e.text,
      },
    }));
  }

  private registerCodeActions(): void {
    const provider: MonacoLanguagesNS.CodeActionProvider = {
      provideCodeActions: (model, range) => {
        if (model !== this.inputModel) return { actions: [], dispose() {} };
        const actions: MonacoLanguagesNS.CodeAction[] = [];
        const findings = this.currentFindings();
        const markers = this.monaco.editor.getModelMarkers({ owner: MARKER_OWNER, resource: model.uri });
        for (const f of findings) {
          const r = new this.monaco.Range(f.start.line, f.start.column, f.end.line, f.end.column);
          if (!this.monaco.Range.areIntersectingOrTouching(r, range)) continue;
          const marker = markers.find(
            (m) => m.startLineNumber === f.start.line && m.startColumn === f.start.column && (m.code as { value?: string })?.value === f.rule,
          );
          if (f.edits.length) {
            actions.push({
              title: `Fix ${f.rule}: ${f.message}`,
              kind: 'quickfix',
              isPreferred: f.fix_class === 'safe',
              diagnostics: marker ? [marker] : undefined,
              edit: { edits: this.editsOf(f) },
            });
          }
          actions.push({
            title: `Open the guide section for ${f.rule}`,
            kind: 'quickfix',
            command: { id: 'mcp-migrate.openGuide', title: 'Open guide', arguments: [f.anchor] },
          });
          actions.push({
            title: `Turn off rule ${f.rule}`,
            kind: 'quickfix',
            command: { id: 'mcp-migrate.ignoreRule', title: 'Turn off rule', arguments: [f.rule] },
          });
        }
        if (findings.some((f) => f.fix_class === 'safe' && f.edits.length)) {
          actions.push({
            title: 'Apply all safe fixes',
            kind: 'source.fixAll',
            command: { id: 'mcp-migrate.applySafe', title: 'Apply all safe fixes' },
          });
        }
        return { actions, dispose() {} };
      },
    };
    for (const lang of ['python', 'ini', 'plaintext'])
      this.disposables.push(this.monaco.languages.registerCodeActionProvider(lang, provider, { providedCodeActionKinds: ['quickfix', 'source.fixAll'] }));
    this.disposables.push(
      this.monaco.editor.registerCommand('mcp-migrate.openGuide', (_a, anchor: string) => {
        location.href = this.guideHref(anchor);
      }),
      this.monaco.editor.registerCommand('mcp-migrate.ignoreRule', (_a, code: string) => this.toggleRule(code, false)),
      this.monaco.editor.registerCommand('mcp-migrate.applySafe', () => this.applyAllSafe()),
    );
  }

  /** Apply one finding's edits to the editor (undoable). */
  applyFinding(f: Finding): boolean {
    if (!f.edits.length || !this.currentFindings().includes(f)) return false;
    this.input.pushUndoStop();
    this.input.executeEdits(
      MARKER_OWNER,
      f.edits.map((e) => ({ range: new this.monaco.Range(e.start.line, e.start.column, e.end.line, e.end.column), text: e.text })),
    );
    this.input.pushUndoStop();
    return true;
  }

  /** Apply every safe fix's edits at once, skipping edits that would overlap an earlier one. */
  applyAllSafe(): number {
    const findings = this.currentFindings().filter((f) => f.fix_class === 'safe' && f.edits.length);
    if (!findings.length) {
      this.message(this.last ? 'No safe fixes to apply.' : 'Wait for the analysis to finish first.');
      return 0;
    }
    const key = (p: { line: number; column: number }) => p.line * 1e7 + p.column;
    const taken: [number, number][] = [];
    const edits: MonacoEditorNS.IIdentifiedSingleEditOperation[] = [];
    let applied = 0;
    for (const f of findings) {
      const spans = f.edits.map((e) => [key(e.start), key(e.end)] as [number, number]);
      const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts && ts === te)));
      if (overlaps) continue;
      taken.push(...spans);
      applied++;
      for (const e of f.edits)
        edits.push({ range: new this.monaco.Range(e.start.line, e.start.column, e.end.line, e.end.column), text: e.text });
    }
    this.input.pushUndoStop();
    this.input.executeEdits(MARKER_OWNER, edits);
    this.input.pushUndoStop();
    this.message(`Applied ${applied} safe fix${applied === 1 ? '' : 'es'} to your code (Ctrl+Z undoes).`, 'ok');
    this.analyze();
    return applied;
  }

  reveal(f: Finding): void {
    const range = new this.monaco.Range(f.start.line, f.start.column, f.end.line, f.end.column);
    if (this.view.layout === 'diff') this.setLayout('stacked');
    this.input.setSelection(range);
    this.input.revealRangeInCenterIfOutsideViewport(range);
    this.input.focus();
  }

  // ---- findings panel -----------------------------------------------------------------------------

  /** null = no analysis to show (error/lookup state); [] = clean. */
  private renderFindings(findings: Finding[] | null): void {
    const list = $('pg-findings-list');
    const count = $('pg-findings-count');
    list.textContent = '';
    if (findings === null) {
      count.textContent = '';
      list.append(el('p', { class: 'pg-empty', text: 'No findings for this input.' }));
      this.updateActions();
      return;
    }
    count.textContent = String(findings.length);
    if (findings.length === 0) {
      list.append(el('p', { class: 'pg-empty', text: 'Nothing to migrate here. Try an example from the menu.' }));
      this.updateActions();
      return;
    }
    const groups = new Map<string, Finding[]>();
    const byPos = (a: Finding, b: Finding) => a.start.line - b.start.line || a.start.column - b.start.column;
    for (const f of [...findings].sort(byPos)) {
      if (!groups.has(f.anchor)) groups.set(f.anchor, []);
      groups.get(f.anchor)!.push(f);
    }
    for (const [anchor, items] of groups) {
      const headingId = `pg-sec-${anchor}`;
      const section = el(
        'section',
        { class: 'pg-group', 'aria-labelledby': headingId },
        el(
          'h3',
          { id: headingId },
          el('a', { href: this.guideHref(anchor) }, ...withCode(sectionTitle(anchor))),
        ),
      );
      const ul = el('ul', { role: 'list' });
      for (const f of items) ul.append(this.findingItem(f));
      section.append(ul);
      list.append(section);
    }
    this.updateActions();
  }

  private findingItem(f: Finding): HTMLLIElement {
    const rule = this.rules.find((r) => r.code === f.rule);
    const reveal = el(
      'button',
      {
        type: 'button',
        class: 'pg-finding-main',
        'data-line': String(f.start.line),
        title: 'Show in the editor',
      },
      el('span', { class: 'pg-loc' }, el('span', { class: 'sr-only', text: 'Line ' }), `${f.start.line}:${f.start.column}`),
      el('code', { class: 'pg-rule', text: f.rule }),
      el('span', { class: `pg-badge pg-badge-${f.fix_class}`, text: FIX_LABEL[f.fix_class] ?? f.fix_class }),
      el('span', { class: 'pg-msg' }, ...withCode(f.message)),
    );
    reveal.addEventListener('click', () => this.reveal(f));
    const actions = el('div', { class: 'pg-finding-actions' });
    if (f.fix_class === 'review') {
      const id = `pg-review-${f.rule}-${f.start.line}-${f.start.column}`;
      const box = el('input', { type: 'checkbox', id, role: 'switch' }) as HTMLInputElement;
      box.checked = this.options.review === 'all' || this.options.review.includes(f.rule);
      box.addEventListener('change', () => this.toggleReview(f.rule, box.checked));
      actions.append(el('label', { for: id, class: 'pg-switch' }, box, ` Apply ${f.rule} fixes in v2`));
    }
    if (f.edits.length) {
      const apply = el('button', { type: 'button', class: 'pg-link-button', text: 'Apply to my code' });
      apply.setAttribute('aria-label', `Apply to my code: ${f.rule} at line ${f.start.line}`);
      apply.addEventListener('click', () => {
        if (!this.applyFinding(f)) this.message('That finding is out of date; wait for the new analysis.');
      });
      actions.append(apply);
    }
    const off = el('button', { type: 'button', class: 'pg-link-button', text: `Turn off ${f.rule}` });
    off.addEventListener('click', () => this.toggleRule(f.rule, false));
    actions.append(off);
    const li = el('li', { class: `pg-finding pg-finding-${f.fix_class}${f.applied ? ' is-applied' : ''}` }, reveal, actions);
    if (rule?.title) li.title = rule.title;
    return li;
  }

  private updateActions(): void {
    const hasResult = !!this.last && this.root.dataset.stale !== 'true';
    const safe = this.currentFindings().some((f) => f.fix_class === 'safe' && f.edits.length);
    $<HTMLButtonElement>('pg-apply-safe').disabled = !safe;
    for (const id of ['pg-copy-v2', 'pg-download', 'pg-copy-patch']) $<HTMLButtonElement>(id).disabled = !hasResult;
    const reviewAll = $<HTMLInputElement>('pg-review-all');
    reviewAll.checked = this.options.review === 'all';
  }

  // ---- lookup panel -------------------------------------------------------------------------------

  private showLookup(data: { why: string; answer: LookupAnswer | null; failure: string } | null): void {
    const panel = $('pg-lookup');
    panel.textContent = '';
    if (!data) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    panel.append(el('h3', { text: 'Error lookup' }), el('p', { class: 'pg-lookup-why', text: data.why }));
    if (data.failure) {
      panel.append(el('p', { text: `The lookup failed: ${data.failure}` }));
      return;
    }
    const matches = data.answer?.matches ?? [];
    if (!matches.length) {
      panel.append(
        el('p', {}, 'No guide section matched. Try the ', el('a', { href: `${this.base}lookup/`, text: 'error lookup page' }), ' or browse the ', el('a', { href: `${this.base}guide/`, text: 'guide' }), '.'),
      );
      return;
    }
    const ol = el('ol', { class: 'pg-lookup-list' });
    for (const m of matches) {
      ol.append(
        el(
          'li',
          { 'data-anchor': m.anchor },
          el('a', { href: m.href, text: m.title }),
          m.evidence ? el('p', { class: 'pg-lookup-evidence', text: m.evidence }) : null,
        ),
      );
    }
    panel.append(ol);
  }

  // ---- diff ---------------------------------------------------------------------------------------

  private setDiff(before: string, after: string, stale: boolean): void {
    const lang = this.languageFor(this.file);
    if (this.diffOriginal.getLanguageId() !== lang) {
      this.monaco.editor.setModelLanguage(this.diffOriginal, lang);
      this.monaco.editor.setModelLanguage(this.diffModified, lang);
    }
    if (this.diffOriginal.getValue() !== before || this.diffModified.getValue() !== after) {
      const lines = (t: string) => (t.match(/\n/g)?.length ?? 0) + 1;
      const shrinks = lines(before) < this.diffOriginal.getLineCount() || lines(after) < this.diffModified.getLineCount();
      if (this.diffComputing || shrinks) {
        // Monaco 0.57 normalises a diff computed for earlier texts against the current models and
        // throws ("Illegal value for lineNumber") when lines went away meanwhile. Fresh models cancel
        // any computation in flight; in-place edits are used only when nothing can be in flight and
        // no line disappears.
        const [oldOriginal, oldModified] = [this.diffOriginal, this.diffModified];
        this.diffOriginal = this.monaco.editor.createModel(before, lang);
        this.diffModified = this.monaco.editor.createModel(after, lang);
        this.diff.setModel({ original: this.diffOriginal, modified: this.diffModified });
        oldOriginal.dispose();
        oldModified.dispose();
      } else {
        this.replaceMinimal(this.diffOriginal, before);
        this.replaceMinimal(this.diffModified, after);
      }
      this.diffComputing = true;
    }
    this.staleDiff(stale);
  }

  /**
   * Set a model's text by replacing only the part that changed: after a small edit, Monaco then
   * re-tokenizes and re-diffs a few lines instead of the whole file (setValue on 1,000 lines costs
   * hundreds of milliseconds).
   */
  private replaceMinimal(model: Model, text: string): void {
    const old = model.getValue();
    if (old === text) return;
    if (old.length === 0 || text.length === 0) {
      model.setValue(text);
      return;
    }
    const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
    const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
    let start = 0;
    const max = Math.min(old.length, text.length);
    while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
    if (start > 0 && isHigh(old.charCodeAt(start - 1))) start--;
    let endOld = old.length;
    let endNew = text.length;
    while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) {
      endOld--;
      endNew--;
    }
    if (endOld < old.length && isLow(old.charCodeAt(endOld))) {
      endOld++;
      endNew++;
    }
    const range = this.monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(endOld));
    model.applyEdits([{ range, text: text.slice(start, endNew) }]);
    if (model.getValue() !== text) model.setValue(text); // CRLF/EOL normalisation: fall back
  }

  private staleDiff(stale: boolean): void {
    if (stale) this.root.dataset.stale = 'true';
    else delete this.root.dataset.stale;
    $('pg-diff-note').textContent = stale && this.last ? 'Showing the last good result.' : '';
    this.updateActions();
  }

  // ---- options ------------------------------------------------------------------------------------

  private toggleRule(code: string, on: boolean): void {
    const ignore = new Set(this.options.ignore);
    if (on) ignore.delete(code);
    else ignore.add(code);
    this.options = { ...this.options, ignore: [...ignore].sort() };
    this.renderOptions();
    this.scheduleSave();
    this.analyze();
    if (!on) this.message(`Rule ${code} turned off. Turn it back on under “Rules & fixes”.`, 'ok');
  }

  private toggleReview(code: string | 'all', on: boolean): void {
    if (code === 'all') this.options = { ...this.options, review: on ? 'all' : [] };
    else {
      const current =
        this.options.review === 'all'
          ? this.rules.filter((r) => r.fix_class === 'review').map((r) => r.code)
          : this.options.review;
      const set = new Set(current);
      if (on) set.add(code);
      else set.delete(code);
      this.options = { ...this.options, review: [...set].sort() };
    }
    this.renderOptions();
    this.scheduleSave();
    this.analyze();
  }

  private renderOptions(): void {
    const box = $('pg-rules');
    box.textContent = '';
    const off = this.options.ignore.length;
    $('pg-options-summary').textContent = off ? ` (${off} off)` : '';
    if (!this.rules.length) {
      box.append(el('p', { text: 'The rule list appears when Python has loaded.' }));
      return;
    }
    const groups = new Map<string, RuleInfo[]>();
    for (const r of this.rules) {
      const prefix = r.code.replace(/\d+$/, '');
      if (!groups.has(prefix)) groups.set(prefix, []);
      groups.get(prefix)!.push(r);
    }
    for (const [prefix, rules] of groups) {
      const fs = el('fieldset', { class: 'pg-rule-group' }, el('legend', { text: prefix }));
      for (const r of rules) {
        const id = `pg-rule-${r.code}`;
        const cb = el('input', { type: 'checkbox', id }) as HTMLInputElement;
        cb.checked = !this.options.ignore.includes(r.code);
        cb.addEventListener('change', () => this.toggleRule(r.code, cb.checked));
        const label = el(
          'label',
          { for: id },
          cb,
          ' ',
          el('code', { text: r.code }),
          ' ',
          el('span', { class: `pg-badge pg-badge-${r.fix_class}`, text: FIX_LABEL[r.fix_class] ?? r.fix_class }),
          ' ',
          ...withCode(r.title),
        );
        fs.append(el('div', { class: 'pg-rule-row' }, label));
        if (r.fix_class === 'review') {
          const rid = `pg-rule-review-${r.code}`;
          const rv = el('input', { type: 'checkbox', id: rid, role: 'switch' }) as HTMLInputElement;
          rv.checked = this.options.review === 'all' || this.options.review.includes(r.code);
          rv.addEventListener('change', () => this.toggleReview(r.code, rv.checked));
          fs.append(el('div', { class: 'pg-rule-row pg-rule-sub' }, el('label', { for: rid }, rv, ' apply this review fix in v2')));
        }
      }
      box.append(fs);
    }
  }

  // ---- view ---------------------------------------------------------------------------------------

  private setLayout(layout: PlaygroundView['layout']): void {
    this.view = { ...this.view, layout };
    this.applyView();
    this.scheduleSave();
  }

  private applyView(): void {
    this.root.dataset.layout = this.view.layout;
    $<HTMLSelectElement>('pg-layout').value = this.view.layout;
    $<HTMLSelectElement>('pg-diffmode').value = this.view.diff;
    // Monaco resets the inner editors' labels on every diff option change unless they are passed again.
    if (this.diff) this.diffComputing = true; // an option change recomputes the diff
    this.diff?.updateOptions({
      renderSideBySide: this.view.diff === 'side',
      originalAriaLabel: 'Analysed v1 code (read-only)',
      modifiedAriaLabel: 'Suggested v2 code (read-only)',
    } as MonacoEditorNS.IDiffEditorOptions);
  }

  // ---- status -------------------------------------------------------------------------------------

  private engineLine = '';

  private renderStatus(s: EngineStatus): void {
    const bar = $<HTMLProgressElement>('pg-progress');
    const text = $('pg-engine');
    this.root.dataset.engine = s.state;
    if (s.state === 'loading') {
      bar.hidden = false;
      if (s.total > 0) {
        bar.max = s.total;
        bar.value = s.loaded;
      } else bar.removeAttribute('value');
      const pct = s.total ? Math.floor((100 * s.loaded) / s.total) : 0;
      const what =
        s.phase === 'engine' ? 'starting the engine' : s.phase === 'stdlib' ? 'standard library' : 'Python runtime';
      const verb = s.restart ? 'Restarting' : 'Loading';
      this.engineLine =
        s.phase === 'engine'
          ? `${verb} Python: starting the engine…`
          : s.total > 0 && s.loaded >= s.total
            ? `${verb} Python: ${formatBytes(s.total)} downloaded, starting the interpreter…`
            : `${verb} Python (${what}): ${formatBytes(s.loaded)} of ${formatBytes(s.total)} (${pct}%). You can type meanwhile.`;
    } else if (s.state === 'ready') {
      bar.hidden = true;
      this.rules = s.rules;
      this.renderOptions();
      this.engineLine = `Python ${s.python} ready (${(s.loadMs / 1000).toFixed(1)} s), ${s.rules.length} rules.`;
      if (this.last) this.renderFindings(this.currentFindings().length ? this.currentFindings() : this.last.result.findings);
    } else if (s.state === 'failed') {
      bar.hidden = true;
      this.engineLine = `Python could not be loaded: ${s.message}. The error lookup still works.`;
      $('pg-retry').hidden = false;
    } else {
      bar.hidden = true;
      this.engineLine = 'Python loads in the background when the page is idle.';
    }
    if (s.state !== 'failed') $('pg-retry').hidden = true;
    text.textContent = this.engineLine;
  }

  private message(text: string, tone: 'ok' | 'warn' | 'error' | 'info' = 'info'): void {
    const m = $('pg-message');
    m.textContent = text;
    m.dataset.tone = tone;
  }

  private note(text: string, restore = false): void {
    const n = $('pg-note');
    n.textContent = text + ' ';
    n.hidden = false;
    if (restore) {
      const fresh = el('button', { type: 'button', class: 'pg-link-button', text: 'Start fresh with an example' });
      fresh.addEventListener('click', () => {
        clearSession();
        this.loadExample(DEFAULT_EXAMPLE.id);
        n.hidden = true;
      });
      n.append(fresh);
    }
  }

  // ---- toolbar ------------------------------------------------------------------------------------

  loadExample(id: string): void {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    this.setFile(ex.file);
    this.inputModel.setValue(ex.code);
    this.input.setScrollTop(0);
    this.analyze();
  }

  private async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.message(`${what} copied to the clipboard.`, 'ok');
    } catch {
      const ta = el('textarea', { class: 'sr-only', 'aria-hidden': 'true' }) as HTMLTextAreaElement;
      ta.value = text;
      document.body.append(ta);
      ta.select();
      const ok = document.execCommand('copy');
      ta.remove();
      this.message(ok ? `${what} copied to the clipboard.` : `Could not copy ${what.toLowerCase()}: the browser refused.`, ok ? 'ok' : 'error');
    }
  }

  private v2Text(): string | null {
    return this.last ? this.last.result.text : null;
  }

  private bindUi(): void {
    const exampleSelect = $<HTMLSelectElement>('pg-example');
    exampleSelect.addEventListener('change', () => {
      if (exampleSelect.value) this.loadExample(exampleSelect.value);
      exampleSelect.value = '';
    });
    const fileInput = $<HTMLInputElement>('pg-file');
    fileInput.value = this.file;
    fileInput.addEventListener('change', () => {
      this.setFile(fileInput.value);
      fileInput.value = this.file;
      this.scheduleSave();
      this.analyze();
    });
    $<HTMLSelectElement>('pg-layout').addEventListener('change', (e) =>
      this.setLayout((e.target as HTMLSelectElement).value as PlaygroundView['layout']),
    );
    $<HTMLSelectElement>('pg-diffmode').addEventListener('change', (e) => {
      this.view = { ...this.view, diff: (e.target as HTMLSelectElement).value === 'inline' ? 'inline' : 'side' };
      this.applyView();
      this.scheduleSave();
    });
    $('pg-apply-safe').addEventListener('click', () => this.applyAllSafe());
    $('pg-copy-v2').addEventListener('click', () => {
      const t = this.v2Text();
      if (t !== null) void this.copy(t, 'The v2 text');
    });
    $('pg-download').addEventListener('click', () => {
      const t = this.v2Text();
      if (t === null) return;
      const url = URL.createObjectURL(new Blob([t], { type: 'text/plain;charset=utf-8' }));
      const a = el('a', { href: url, download: this.last!.file });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      this.message(`Downloaded ${this.last!.file}.`, 'ok');
    });
    $('pg-copy-patch').addEventListener('click', () => {
      if (!this.last) return;
      const patch = unifiedDiff(this.last.text, this.last.result.text, this.last.file);
      if (!patch) this.message('No changes: the patch would be empty.');
      else void this.copy(patch, 'The patch');
    });
    $('pg-review-all').addEventListener('change', (e) => this.toggleReview('all', (e.target as HTMLInputElement).checked));
    $('pg-rules-all-on').addEventListener('click', () => {
      this.options = { ...this.options, ignore: [] };
      this.renderOptions();
      this.scheduleSave();
      this.analyze();
    });
    $('pg-share').addEventListener('click', async () => {
      const fragment = await encodeState(this.state());
      const url = `${location.origin}${location.pathname}#${fragment}`;
      history.replaceState(null, '', `#${fragment}`);
      await this.copy(url, `Share link (${formatBytes(url.length)})`);
    });
    const options = $<HTMLDetailsElement>('pg-options');
    options.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && options.open) {
        options.open = false;
        options.querySelector('summary')!.focus();
      }
    });
    document.addEventListener('click', (e) => {
      if (options.open && !options.contains(e.target as Node)) options.open = false;
    });
    $('pg-retry').addEventListener('click', () => this.client.retry());
    $('pg-restart').addEventListener('click', () => {
      this.client.kill();
    });
    window.addEventListener('hashchange', async () => {
      try {
        const shared = await decodeFragment(location.hash);
        if (!shared || shared.code === this.inputModel.getValue()) return;
        this.options = shared.options;
        this.view = shared.view;
        this.setFile(shared.file);
        this.inputModel.setValue(shared.code);
        this.applyView();
        this.renderOptions();
        this.analyze();
      } catch {
        this.message('The link could not be read.', 'error');
      }
    });
    // Keyboard: Alt+Shift+F applies all safe fixes; Alt+Shift+Down moves focus to the findings.
    this.input.addAction({
      id: 'mcp-migrate.applySafeAction',
      label: 'mcp-migrate: Apply all safe fixes',
      keybindings: [this.monaco.KeyMod.Alt | this.monaco.KeyMod.Shift | this.monaco.KeyCode.KeyF],
      run: () => void this.applyAllSafe(),
    });
    this.input.addAction({
      id: 'mcp-migrate.focusFindings',
      label: 'mcp-migrate: Go to the findings panel',
      keybindings: [this.monaco.KeyMod.Alt | this.monaco.KeyMod.Shift | this.monaco.KeyCode.DownArrow],
      run: () => {
        const first = this.root.querySelector<HTMLElement>('.pg-finding-main') ?? $('pg-findings-heading');
        first.focus();
      },
    });
    // No keyboard trap: Escape, then Tab / Shift+Tab, leaves an editor (Tab otherwise indents).
    for (const ed of [this.input, this.diff.getOriginalEditor(), this.diff.getModifiedEditor()]) {
      let armed = false;
      ed.onKeyDown((e) => {
        const K = this.monaco.KeyCode;
        if (e.keyCode === K.Escape) {
          armed = true;
          ed.updateOptions({ tabFocusMode: true });
        } else if (armed && e.keyCode !== K.Tab && e.keyCode !== K.Shift) {
          armed = false;
          ed.updateOptions({ tabFocusMode: false });
        }
      });
      ed.onDidBlurEditorText(() => {
        if (armed) {
          armed = false;
          ed.updateOptions({ tabFocusMode: false });
        }
      });
    }
    window.addEventListener('beforeunload', () => {
      if (this.dirty) saveSession(this.state());
    });
  }
}

export function utf8Size(text: string): number {
  return utf8Length(text);
}
