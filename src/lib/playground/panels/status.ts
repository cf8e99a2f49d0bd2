// The status bar (Python's state, the last message, autosave) and the note above the panels (a
// restored session, a share link that turned rules off).
import { el, formatBytes, part } from '../dom';
import type { EngineStatus } from '../engine-client';
import type { Note, PlaygroundState } from '../state';

export interface StatusActions {
  retry(): void;
  restart(): void;
  goToLine(line: number): void;
  noteAction(run: NonNullable<Note['action']>['run']): void;
}

export function engineLine(s: EngineStatus): string {
  switch (s.state) {
    case 'loading': {
      const verb = s.restart ? 'Restarting' : 'Loading';
      if (s.phase === 'engine' || s.phase === 'ready') return `${verb} Python: starting the engine…`;
      if (s.total > 0 && s.loaded >= s.total) return `${verb} Python: ${formatBytes(s.total)} downloaded, starting…`;
      if (s.total > 0) {
        const pct = Math.floor((100 * s.loaded) / s.total);
        return `${verb} Python: ${formatBytes(s.loaded)} of ${formatBytes(s.total)} (${pct}%). You can type meanwhile.`;
      }
      return `${verb} Python…`;
    }
    case 'ready':
      return `Python ${s.python} ready (${(s.loadMs / 1000).toFixed(1)} s), ${s.rules.length} rules.`;
    case 'failed':
      return `Python could not be loaded: ${s.message}. The error lookup still works.`;
    default:
      return 'Python starts loading with the page.';
  }
}

export class StatusPanel {
  private readonly bar: HTMLProgressElement;
  private readonly engine: HTMLElement;
  private readonly retryButton: HTMLButtonElement;
  private readonly message: HTMLElement;
  private readonly autosave: HTMLElement;
  private shownMessage: unknown = null;
  private shownNote: Note | null | undefined = undefined;

  constructor(
    panel: HTMLElement,
    private readonly noteBox: HTMLElement,
    private readonly actions: StatusActions,
  ) {
    this.bar = part<HTMLProgressElement>(panel, 'progress');
    this.engine = part(panel, 'engine');
    this.retryButton = part<HTMLButtonElement>(panel, 'retry');
    this.message = part(panel, 'message');
    this.autosave = part(panel, 'autosave');
    this.retryButton.addEventListener('click', () => actions.retry());
    part(panel, 'restart').addEventListener('click', () => actions.restart());
  }

  render(s: PlaygroundState): void {
    const e = s.engine;
    const line = engineLine(e);
    if (this.engine.textContent !== line) this.engine.textContent = line;
    this.bar.hidden = e.state !== 'loading';
    if (e.state === 'loading') {
      if (e.total > 0) {
        this.bar.max = e.total;
        this.bar.value = e.loaded;
      } else this.bar.removeAttribute('value');
    }
    this.retryButton.hidden = e.state !== 'failed';
    if (this.autosave.textContent !== s.autosave) this.autosave.textContent = s.autosave;
    if (s.message !== this.shownMessage) {
      this.shownMessage = s.message;
      this.message.textContent = s.message.text;
      this.message.dataset.tone = s.message.tone;
      const line = s.message.line;
      if (line) {
        const go = el('button', { type: 'button', class: 'pg-link-button', text: `Go to line ${line}` });
        go.addEventListener('click', () => this.actions.goToLine(line));
        this.message.append(' ', go);
      }
    }
    this.renderNote(s.note);
  }

  private renderNote(note: Note | null) {
    if (note === this.shownNote) return;
    this.shownNote = note;
    const box = this.noteBox;
    box.textContent = '';
    box.hidden = !note;
    if (!note) return;
    box.append(note.text);
    if (note.action) {
      const run = note.action.run;
      const b = el('button', { type: 'button', class: 'pg-link-button', text: note.action.label });
      b.addEventListener('click', () => this.actions.noteAction(run));
      box.append(' ', b);
    }
    const close = el('button', { type: 'button', class: 'pg-link-button pg-note-close', text: 'Dismiss' });
    close.addEventListener('click', () => this.actions.noteAction('dismiss'));
    box.append(' ', close);
  }
}
