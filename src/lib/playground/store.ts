// The one place the playground's state lives. Everything that changes it goes through set(); after a
// batch of changes (one microtask later) the controller renders every panel from the new state.
import type { FileState, PlaygroundState, Tone } from './state';

export class Store {
  private queued = false;

  constructor(
    private current: PlaygroundState,
    private readonly render: (s: PlaygroundState) => void,
  ) {}

  get state(): PlaygroundState {
    return this.current;
  }

  set(patch: Partial<PlaygroundState>): void {
    this.current = { ...this.current, ...patch };
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.render(this.current);
    });
  }

  /** Change one file (a new FileState object: panels compare by identity). */
  setFile(path: string, change: (f: FileState) => FileState): void {
    const f = this.current.files.get(path);
    if (!f) return;
    const files = new Map(this.current.files);
    files.set(path, change(f));
    this.set({ files });
  }

  say(text: string, tone: Tone = 'info', line?: number): void {
    this.set({ message: { text, tone, line } });
  }
}
