// The worker's memory of recent analyses: undo, redo, an option switched back, or a file reopened gives
// the same input again, and its answer is already known.
import type { MigrateOptions } from '../engine/types';

export class ResultCache {
  private entries = new Map<string, string>();

  constructor(private readonly limit: number) {}

  static key(text: string, filename: string, options: MigrateOptions, project: boolean): string {
    return `${filename}\u0000${project ? 1 : 0}\u0000${JSON.stringify(options)}\u0000${text}`;
  }

  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: string): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
