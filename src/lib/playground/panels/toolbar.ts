// The toolbar: example menu, file name, layout and diff view, share link, and the ways to open a
// whole project (pick a folder or a .zip; dropping one anywhere on the playground works too).
import { part } from '../dom';
import type { PlaygroundState } from '../state';
import type { PlaygroundView } from '../share';

export interface ToolbarActions {
  loadExample(id: string): void;
  rename(name: string): void;
  setLayout(layout: PlaygroundView['layout']): void;
  setDiff(diff: PlaygroundView['diff']): void;
  share(): void;
  openFiles(files: FileList, how: 'folder' | 'zip'): void;
}

export class ToolbarPanel {
  private readonly file: HTMLInputElement;
  private readonly layout: HTMLSelectElement;
  private readonly diff: HTMLSelectElement;

  constructor(panel: HTMLElement, actions: ToolbarActions) {
    const example = part<HTMLSelectElement>(panel, 'example');
    example.addEventListener('change', () => {
      if (example.value) actions.loadExample(example.value);
      example.value = '';
    });
    this.file = part<HTMLInputElement>(panel, 'file');
    this.file.addEventListener('change', () => actions.rename(this.file.value));
    this.layout = part<HTMLSelectElement>(panel, 'layout');
    this.layout.addEventListener('change', () => actions.setLayout(this.layout.value as PlaygroundView['layout']));
    this.diff = part<HTMLSelectElement>(panel, 'diffmode');
    this.diff.addEventListener('change', () => actions.setDiff(this.diff.value === 'inline' ? 'inline' : 'side'));
    part(panel, 'share').addEventListener('click', () => actions.share());
    const folder = part<HTMLInputElement>(panel, 'folder-input');
    const zip = part<HTMLInputElement>(panel, 'zip-input');
    part(panel, 'open-folder').addEventListener('click', () => folder.click());
    part(panel, 'open-zip').addEventListener('click', () => zip.click());
    for (const [input, how] of [
      [folder, 'folder'],
      [zip, 'zip'],
    ] as const) {
      input.addEventListener('change', () => {
        if (input.files?.length) actions.openFiles(input.files, how);
        input.value = '';
      });
    }
  }

  render(s: PlaygroundState): void {
    const inProject = s.project !== null;
    this.file.readOnly = inProject;
    this.file.title = inProject ? 'Files of a project keep their names' : '';
    if (this.file.value !== s.active && document.activeElement !== this.file) this.file.value = s.active;
    if (this.layout.value !== s.view.layout) this.layout.value = s.view.layout;
    if (this.diff.value !== s.view.diff) this.diff.value = s.view.diff;
  }
}
