// The suggested-v2 panel: a read-only diff of the analysed text against the engine's output, greyed
// while it describes an earlier version of the text, and the actions on it (apply all safe fixes to the
// editor, copy v2, download, copy patch).
import type { editor as MonacoEditor } from 'monaco-editor/editor';
import { part } from '../dom';
import type { Monaco } from '../monaco';
import { activeFile, currentFindings, type PlaygroundState } from '../state';
import { escapeThenTab, languageFor } from './editor';

/** How long replaced models live on (longer than any diff of a file the playground takes). */
const RETIRE_MS = 30_000;

export interface DiffActions {
  applyAllSafe(): void;
  copyV2(): void;
  downloadV2(): void;
  copyPatch(): void;
}

export class DiffPanel {
  private monaco: Monaco | null = null;
  private diff: MonacoEditor.IStandaloneDiffEditor | null = null;
  private original: MonacoEditor.ITextModel | null = null;
  private modified: MonacoEditor.ITextModel | null = null;
  /** the diff editor is computing a diff of the current models (see setTexts) */
  private computing = false;
  private state: PlaygroundState | null = null;
  private readonly host: HTMLElement;
  private readonly note: HTMLElement;
  private readonly buttons: Record<'applySafe' | 'copyV2' | 'download' | 'copyPatch', HTMLButtonElement>;

  constructor(
    private readonly panel: HTMLElement,
    actions: DiffActions,
  ) {
    this.host = part(panel, 'diff');
    this.note = part(panel, 'note');
    this.buttons = {
      applySafe: part<HTMLButtonElement>(panel, 'apply-safe'),
      copyV2: part<HTMLButtonElement>(panel, 'copy-v2'),
      download: part<HTMLButtonElement>(panel, 'download'),
      copyPatch: part<HTMLButtonElement>(panel, 'copy-patch'),
    };
    this.buttons.applySafe.addEventListener('click', () => actions.applyAllSafe());
    this.buttons.copyV2.addEventListener('click', () => actions.copyV2());
    this.buttons.download.addEventListener('click', () => actions.downloadV2());
    this.buttons.copyPatch.addEventListener('click', () => actions.copyPatch());
  }

  mount(monaco: Monaco, side: boolean): void {
    this.monaco = monaco;
    this.host.textContent = '';
    this.original = monaco.editor.createModel('', 'python');
    this.modified = monaco.editor.createModel('', 'python');
    this.diff = monaco.editor.createDiffEditor(this.host, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: side,
      useInlineViewWhenSpaceIsLimited: true,
      renderOverviewRuler: false,
      ignoreTrimWhitespace: false,
      originalAriaLabel: 'Analysed v1 code (read-only)',
      modifiedAriaLabel: 'Suggested v2 code (read-only)',
    } as MonacoEditor.IStandaloneDiffEditorConstructionOptions);
    this.diff.setModel({ original: this.original, modified: this.modified });
    this.label();
    this.diff.onDidUpdateDiff(() => {
      this.computing = false;
    });
    escapeThenTab(monaco, this.diff.getOriginalEditor());
    escapeThenTab(monaco, this.diff.getModifiedEditor());
    if (this.state) this.render(this.state);
  }

  setSideBySide(side: boolean): void {
    if (!this.diff) return;
    this.computing = true; // an option change recomputes the diff
    this.diff.updateOptions({ renderSideBySide: side } as MonacoEditor.IDiffEditorOptions);
    this.label();
  }

  /** Monaco drops the inner editors' labels on option and model changes: name them again. */
  private label(): void {
    this.diff!.getOriginalEditor().updateOptions({ ariaLabel: 'Analysed v1 code (read-only)' });
    this.diff!.getModifiedEditor().updateOptions({ ariaLabel: 'Suggested v2 code (read-only)' });
  }

  render(s: PlaygroundState): void {
    this.state = s;
    const f = activeFile(s);
    const good = f.good;
    // Greyed when the current text cannot be analysed (while an analysis is on its way, the last one stays).
    const stale = !!good && !!f.refusal;
    this.panel.dataset.stale = String(stale);
    this.note.textContent = stale ? 'Showing the last good result.' : '';
    this.buttons.applySafe.disabled = !currentFindings(f).some((x) => x.fix_class === 'safe' && x.edits.length);
    for (const b of [this.buttons.copyV2, this.buttons.download, this.buttons.copyPatch]) b.disabled = !good || stale;
    if (this.diff) this.setTexts(good?.text ?? '', good?.result.text ?? '', languageFor(f.path));
  }

  private setTexts(before: string, after: string, lang: string): void {
    const monaco = this.monaco!;
    let original = this.original!;
    let modified = this.modified!;
    if (original.getValue() === before && modified.getValue() === after && original.getLanguageId() === lang) return;
    const lines = (t: string) => (t.match(/\n/g)?.length ?? 0) + 1;
    const shrinks = lines(before) < original.getLineCount() || lines(after) < modified.getLineCount();
    if (this.computing || shrinks || original.getLanguageId() !== lang) {
      // Monaco 0.57 normalises a diff computed for earlier texts against the current models and throws
      // ("Illegal value for lineNumber") when lines went away meanwhile. Fresh models cancel any
      // computation in flight; in-place edits are used only when nothing can be in flight and no line
      // disappears.
      original = monaco.editor.createModel(before, lang);
      modified = monaco.editor.createModel(after, lang);
      this.diff!.setModel({ original, modified });
      this.label();
      // Not at once: a diff of the old models may still be running in Monaco's worker, which fails
      // ("no diff result available") when its models vanish under it.
      const retired = [this.original!, this.modified!];
      setTimeout(() => {
        for (const m of retired) m.dispose();
      }, RETIRE_MS);
      this.original = original;
      this.modified = modified;
    } else {
      replaceMinimal(monaco, original, before);
      replaceMinimal(monaco, modified, after);
    }
    this.computing = true;
  }
}

/**
 * Set a model's text by replacing only the part that changed: after a small edit Monaco re-tokenizes
 * and re-diffs a few lines instead of the whole file (setValue on 1,000 lines costs hundreds of ms).
 */
function replaceMinimal(monaco: Monaco, model: MonacoEditor.ITextModel, text: string): void {
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
  const range = monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(endOld));
  model.applyEdits([{ range, text: text.slice(start, endNew) }]);
  if (model.getValue() !== text) model.setValue(text); // CRLF/EOL normalisation: fall back
}
