// The project panel: a dropped project's analysed files as a tree with each file's findings, the
// progress of the analysis (with Cancel), what was left out and why, and the downloads (the migrated
// project as a .zip, or one patch).
import { el, part, plural } from '../dom';
import { freshAnalysis, type FileState, type PlaygroundState, type ProjectState } from '../state';

export interface ProjectActions {
  select(path: string): void;
  cancel(): void;
  close(): void;
  downloadZip(): void;
  downloadPatch(): void;
}

interface Row {
  button: HTMLButtonElement;
  count: HTMLElement;
  state: FileState | null;
  failed: string | undefined;
}

/** What the tree says about a file. */
function fileStatus(f: FileState, failed: string | undefined): { label: string; kind: string; findings: number } {
  if (failed) return { label: 'engine failed', kind: 'error', findings: 0 };
  const fresh = freshAnalysis(f);
  if (fresh) {
    const n = fresh.result.findings.length;
    return {
      label: n ? plural(n, 'finding') : 'nothing to migrate',
      kind: fresh.result.changed ? 'changed' : n ? 'found' : 'clean',
      findings: n,
    };
  }
  if (f.refusal?.kind === 'engine')
    return {
      label: f.refusal.error.kind === 'syntax' ? 'does not parse' : f.refusal.error.kind.replace('_', ' '),
      kind: 'error',
      findings: 0,
    };
  if (f.refusal) return { label: 'not analysed', kind: 'error', findings: 0 };
  return { label: 'waiting', kind: 'pending', findings: 0 };
}

export class ProjectPanel {
  private readonly title: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly tree: HTMLElement;
  private readonly skipped: HTMLDetailsElement;
  private readonly zipButton: HTMLButtonElement;
  private readonly patchButton: HTMLButtonElement;
  private project: ProjectState | null = null;
  private rows = new Map<string, Row>();
  private active = '';

  constructor(
    private readonly panel: HTMLElement,
    private readonly actions: ProjectActions,
  ) {
    this.title = part(panel, 'title');
    this.summary = part(panel, 'summary');
    this.progress = part<HTMLProgressElement>(panel, 'progress');
    this.progressText = part(panel, 'progress-text');
    this.cancelButton = part<HTMLButtonElement>(panel, 'cancel');
    this.tree = part(panel, 'tree');
    this.skipped = part<HTMLDetailsElement>(panel, 'skipped');
    this.zipButton = part<HTMLButtonElement>(panel, 'download-zip');
    this.patchButton = part<HTMLButtonElement>(panel, 'download-patch');
    this.cancelButton.addEventListener('click', () => actions.cancel());
    part(panel, 'close').addEventListener('click', () => actions.close());
    this.zipButton.addEventListener('click', () => actions.downloadZip());
    this.patchButton.addEventListener('click', () => actions.downloadPatch());
  }

  render(s: PlaygroundState): void {
    const p = s.project;
    this.panel.hidden = !p;
    if (!p) {
      this.project = null;
      return;
    }
    if (p.paths !== this.project?.paths) this.build(p);
    this.project = p;
    this.renderRun(p);
    let findings = 0;
    let changed = 0;
    let broken = 0;
    let analysed = 0;
    for (const [path, row] of this.rows) {
      const f = s.files.get(path);
      if (!f) continue;
      const failed = p.failed.get(path);
      const st = fileStatus(f, failed);
      findings += st.findings;
      if (st.kind === 'changed') changed++;
      if (st.kind === 'error') broken++;
      if (st.kind !== 'pending') analysed++;
      if (row.state === f && row.failed === failed) continue;
      row.state = f;
      row.failed = failed;
      row.count.textContent = st.label;
      row.button.dataset.status = st.kind;
      row.button.setAttribute('aria-label', `${path}: ${st.label}`);
    }
    if (this.active !== s.active) {
      this.rows.get(this.active)?.button.removeAttribute('aria-current');
      this.rows.get(s.active)?.button.setAttribute('aria-current', 'true');
      this.active = s.active;
    }
    const parts = [
      analysed < this.rows.size
        ? `${analysed} of ${plural(this.rows.size, 'file')} analysed`
        : `${plural(this.rows.size, 'file')} analysed`,
      plural(findings, 'finding'),
      `${plural(changed, 'file')} to change`,
    ];
    if (broken) parts.push(`${broken} not analysed`);
    this.summary.textContent = parts.join(' · ');
    const done = !p.run;
    this.zipButton.disabled = !done;
    this.patchButton.disabled = !done;
  }

  private renderRun(p: ProjectState) {
    const run = p.run;
    this.progress.hidden = !run;
    this.cancelButton.hidden = !run;
    if (run) {
      this.progress.max = Math.max(1, run.total);
      this.progress.value = run.done;
      const what = run.pass === 'read' ? 'Reading' : run.pass === 'facts' ? 'Indexing names in' : 'Analysing';
      this.progressText.textContent = `${what} ${run.path} (${run.done} of ${run.total})`;
    } else {
      this.progressText.textContent =
        p.ended === 'cancelled'
          ? 'Analysis cancelled: files not reached are unchanged in the downloads.'
          : p.ended === 'error'
            ? 'The analysis stopped with an error.'
            : p.ended === 'done'
              ? `Analysed in ${(p.ms / 1000).toFixed(1)} s.`
              : '';
    }
  }

  private build(p: ProjectState) {
    this.title.textContent = p.name;
    this.rows.clear();
    this.active = '';
    this.tree.textContent = '';
    // Directories first, then files, each sorted; one nested list per directory.
    type Dir = { dirs: Map<string, Dir>; files: string[] };
    const root: Dir = { dirs: new Map(), files: [] };
    for (const path of p.paths) {
      const parts = path.split('/');
      let d = root;
      for (const name of parts.slice(0, -1)) {
        if (!d.dirs.has(name)) d.dirs.set(name, { dirs: new Map(), files: [] });
        d = d.dirs.get(name)!;
      }
      d.files.push(path);
    }
    const list = (d: Dir): HTMLUListElement => {
      const ul = el('ul', { role: 'list' });
      for (const [name, sub] of [...d.dirs].sort(([a], [b]) => a.localeCompare(b))) {
        ul.append(el('li', {}, el('details', { open: true }, el('summary', { text: `${name}/` }), list(sub))));
      }
      for (const path of d.files.sort()) {
        const count = el('span', { class: 'pg-tree-count' });
        const button = el(
          'button',
          { type: 'button', class: 'pg-tree-file', 'data-path': path },
          el('span', { class: 'pg-tree-name', text: path.split('/').pop()! }),
          count,
        );
        button.addEventListener('click', () => this.actions.select(path));
        this.rows.set(path, { button, count, state: null, failed: undefined });
        ul.append(el('li', {}, button));
      }
      return ul;
    };
    this.tree.append(list(root));
    const skipped = part(this.skipped, 'skipped-list');
    skipped.textContent = '';
    this.skipped.hidden = p.skipped.length === 0;
    part(this.skipped, 'skipped-count').textContent = plural(p.skipped.length, 'item');
    for (const x of p.skipped.slice(0, 500))
      skipped.append(el('li', {}, el('code', { text: x.path }), `: ${x.reason}`));
    if (p.skipped.length > 500) skipped.append(el('li', { text: `… and ${p.skipped.length - 500} more` }));
  }
}
