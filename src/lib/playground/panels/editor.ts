// The source editor: Monaco with one model per file (a project keeps each file's undo history), the
// findings as markers, and code actions (quick fix of one finding's whole group, open the guide, turn a
// rule off, apply all safe fixes). Until Monaco has loaded it shows the text read-only.
import type { editor as MonacoEditor, languages as MonacoLanguages } from 'monaco-editor/editor';
import type { Finding, FindingEdit } from '../../engine/types';
import { part, plainCode } from '../dom';
import type { Monaco } from '../monaco';
import { fixGroup } from '../fixes';
import { activeFile, currentFindings, freshAnalysis, type FileState, type PlaygroundState } from '../state';
import { FIX_LABEL } from './labels';

const OWNER = 'mcp-migrate';

export interface EditorActions {
  /** the user changed the active file's text; returns the file's new version */
  edit(path: string, text: string): number;
  applyFix(f: Finding): void;
  applyAllSafe(): void;
  turnOffRule(code: string): void;
  guideHref(anchor: string): string;
  focusFindings(): void;
}

export function languageFor(path: string): string {
  if (/\.(toml|cfg|ini)$/i.test(path)) return 'ini';
  if (/\.(txt|in)$/i.test(path)) return 'plaintext';
  return 'python';
}

/** Escape then Tab leaves an editor (Tab alone indents): no keyboard trap. */
export function escapeThenTab(monaco: Monaco, ed: MonacoEditor.ICodeEditor): void {
  let armed = false;
  ed.onKeyDown((e) => {
    const K = monaco.KeyCode;
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

export class EditorPanel {
  private monaco: Monaco | null = null;
  private editor: MonacoEditor.IStandaloneCodeEditor | null = null;
  private models = new Map<string, MonacoEditor.ITextModel>();
  private viewStates = new Map<string, MonacoEditor.ICodeEditorViewState | null>();
  /** the version of each file the model holds */
  private known = new Map<string, number>();
  private shownPath = '';
  private markersFor: unknown = null;
  private state: PlaygroundState | null = null;
  private readonly host: HTMLElement;
  private readonly preview: HTMLElement;

  constructor(
    panel: HTMLElement,
    private readonly actions: EditorActions,
  ) {
    this.host = part(panel, 'editor');
    this.preview = part(panel, 'preview');
  }

  get ready(): boolean {
    return this.editor !== null;
  }

  mount(monaco: Monaco): void {
    this.monaco = monaco;
    this.host.textContent = '';
    this.editor = monaco.editor.create(this.host, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      renderWhitespace: 'selection',
      ariaLabel: 'Your v1 code',
      lightbulb: { enabled: 'on' as never },
      'semanticHighlighting.enabled': false,
      model: null,
    } as MonacoEditor.IStandaloneEditorConstructionOptions);
    this.registerCodeActions(monaco);
    this.editor.addAction({
      id: 'mcp-migrate.applySafe',
      label: 'mcp-migrate: Apply all safe fixes',
      keybindings: [monaco.KeyMod.Alt | monaco.KeyMod.Shift | monaco.KeyCode.KeyF],
      run: () => this.actions.applyAllSafe(),
    });
    this.editor.addAction({
      id: 'mcp-migrate.focusFindings',
      label: 'mcp-migrate: Go to the findings panel',
      keybindings: [monaco.KeyMod.Alt | monaco.KeyMod.Shift | monaco.KeyCode.DownArrow],
      run: () => this.actions.focusFindings(),
    });
    escapeThenTab(monaco, this.editor);
    if (this.state) this.render(this.state);
  }

  private model(f: FileState): MonacoEditor.ITextModel {
    const monaco = this.monaco!;
    let m = this.models.get(f.path);
    if (!m) {
      m = monaco.editor.createModel(
        f.text,
        languageFor(f.path),
        monaco.Uri.from({ scheme: 'file', path: `/${f.path}` }),
      );
      const model = m;
      const path = f.path;
      model.onDidChangeContent(() => {
        if (this.known.get(path) === -1) return; // our own setValue
        this.known.set(path, this.actions.edit(path, model.getValue()));
      });
      this.models.set(f.path, m);
      this.known.set(f.path, f.version);
    }
    return m;
  }

  /** Forget every model (a project was closed or a new one opened). */
  reset(): void {
    for (const m of this.models.values()) m.dispose();
    this.models.clear();
    this.known.clear();
    this.viewStates.clear();
    this.shownPath = '';
    this.markersFor = null;
  }

  render(s: PlaygroundState): void {
    this.state = s;
    const f = activeFile(s);
    if (!this.editor || !this.monaco) {
      if (this.preview.textContent !== f.text) this.preview.textContent = f.text;
      return;
    }
    const model = this.model(f);
    if (this.known.get(f.path) !== f.version) {
      // Changed from outside the editor (an example, a share link, a renamed file): take the text.
      this.known.set(f.path, -1);
      if (model.getValue() !== f.text) model.setValue(f.text);
      this.known.set(f.path, f.version);
    }
    if (model.getLanguageId() !== languageFor(f.path)) this.monaco.editor.setModelLanguage(model, languageFor(f.path));
    if (this.shownPath !== f.path) {
      if (this.shownPath) this.viewStates.set(this.shownPath, this.editor.saveViewState());
      this.editor.setModel(model);
      const vs = this.viewStates.get(f.path);
      if (vs) this.editor.restoreViewState(vs);
      this.shownPath = f.path;
      this.markersFor = null;
    }
    this.renderMarkers(f, model);
  }

  private renderMarkers(f: FileState, model: MonacoEditor.ITextModel): void {
    const monaco = this.monaco!;
    const fresh = freshAnalysis(f);
    const key = fresh ?? f.refusal;
    if (key === this.markersFor) return;
    if (!fresh && !f.refusal) return; // an analysis is on its way: keep the markers until it lands
    this.markersFor = key;
    if (fresh) {
      const lines = model.getLineCount();
      const S = monaco.MarkerSeverity;
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        fresh.result.findings
          .filter((x) => x.start.line <= lines && x.end.line <= lines)
          .map((x) => ({
            severity: x.fix_class === 'safe' ? S.Info : S.Warning,
            message: `${plainCode(x.message)} [${FIX_LABEL[x.fix_class]}]`,
            source: OWNER,
            code: {
              value: x.rule,
              target: monaco.Uri.parse(new URL(this.actions.guideHref(x.anchor), location.href).href),
            },
            startLineNumber: x.start.line,
            startColumn: x.start.column,
            endLineNumber: x.end.line,
            endColumn: x.end.column,
          })),
      );
      return;
    }
    const refusal = f.refusal!;
    if (refusal.kind === 'engine' && refusal.error.line) {
      const err = refusal.error;
      const line = Math.min(Math.max(1, err.line!), model.getLineCount());
      const maxCol = model.getLineMaxColumn(line);
      const col = Math.min(Math.max(1, err.column ?? 1), maxCol);
      monaco.editor.setModelMarkers(model, OWNER, [
        {
          severity: monaco.MarkerSeverity.Error,
          message: err.message,
          source: 'python',
          code: err.kind,
          startLineNumber: line,
          startColumn: col === maxCol ? 1 : col,
          endLineNumber: line,
          endColumn: col === maxCol ? maxCol : col + 1,
        },
      ]);
      // Show where it is when that is off screen; never move the cursor while someone types.
      const visible = this.editor!.getVisibleRanges().some((r) => r.startLineNumber <= line && line <= r.endLineNumber);
      if (!visible) this.editor!.revealLineInCenter(line);
      return;
    }
    monaco.editor.setModelMarkers(model, OWNER, []);
  }

  /** Put the cursor on a range (or a line) and focus the editor. */
  goTo(start: { line: number; column: number }, end = start): void {
    if (!this.editor || !this.monaco) return;
    const range = new this.monaco.Range(start.line, start.column, end.line, end.column);
    this.editor.setSelection(range);
    this.editor.revealRangeInCenterIfOutsideViewport(range);
    this.editor.focus();
  }

  focus(): void {
    this.editor?.focus();
  }

  /** Apply edits to the active file as one undoable step. */
  applyEdits(edits: FindingEdit[]): void {
    if (!this.editor || !this.monaco || !edits.length) return;
    const R = this.monaco.Range;
    this.editor.pushUndoStop();
    this.editor.executeEdits(
      OWNER,
      edits.map((e) => ({ range: new R(e.start.line, e.start.column, e.end.line, e.end.column), text: e.text })),
    );
    this.editor.pushUndoStop();
  }

  private registerCodeActions(monaco: Monaco): void {
    const provider: MonacoLanguages.CodeActionProvider = {
      provideCodeActions: (model, range) => {
        const s = this.state;
        if (!s || model !== this.editor?.getModel()) return { actions: [], dispose() {} };
        const findings = currentFindings(activeFile(s));
        const markers = monaco.editor.getModelMarkers({ owner: OWNER, resource: model.uri });
        const actions: MonacoLanguages.CodeAction[] = [];
        for (const f of findings) {
          const r = new monaco.Range(f.start.line, f.start.column, f.end.line, f.end.column);
          if (!monaco.Range.areIntersectingOrTouching(r, range)) continue;
          const marker = markers.find(
            (m) =>
              m.startLineNumber === f.start.line &&
              m.startColumn === f.start.column &&
              (m.code as { value?: string })?.value === f.rule,
          );
          if (f.edits.length) {
            const group = fixGroup(f, findings);
            actions.push({
              title: `Fix ${f.rule}: ${plainCode(f.message)}${group.length > 1 ? ` (${group.length} places, applied together)` : ''}`,
              kind: 'quickfix',
              isPreferred: f.fix_class === 'safe',
              diagnostics: marker ? [marker] : undefined,
              command: { id: 'mcp-migrate.applyFix', title: 'Apply the fix', arguments: [f] },
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
            command: { id: 'mcp-migrate.turnOffRule', title: 'Turn off rule', arguments: [f.rule] },
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
      monaco.languages.registerCodeActionProvider(lang, provider, {
        providedCodeActionKinds: ['quickfix', 'source.fixAll'],
      });
    monaco.editor.registerCommand('mcp-migrate.applyFix', (_a, f: Finding) => this.actions.applyFix(f));
    monaco.editor.registerCommand('mcp-migrate.openGuide', (_a, anchor: string) => {
      location.href = this.actions.guideHref(anchor);
    });
    monaco.editor.registerCommand('mcp-migrate.turnOffRule', (_a, code: string) => this.actions.turnOffRule(code));
    monaco.editor.registerCommand('mcp-migrate.applySafe', () => this.actions.applyAllSafe());
  }
}
