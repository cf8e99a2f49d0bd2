// Autosave of the last session in localStorage (this browser only), capped in size.
import type { PlaygroundState } from './share';

export const AUTOSAVE_KEY = 'mcp-migrate:playground:v1';
export const AUTOSAVE_LIMIT = 200_000; // characters of JSON

export type SaveOutcome = 'saved' | 'too_large' | 'unavailable';

export function saveSession(state: PlaygroundState): SaveOutcome {
  try {
    const json = JSON.stringify({ ...state, savedAt: Date.now() });
    if (json.length > AUTOSAVE_LIMIT) {
      localStorage.removeItem(AUTOSAVE_KEY);
      return 'too_large';
    }
    localStorage.setItem(AUTOSAVE_KEY, json);
    return 'saved';
  } catch {
    return 'unavailable';
  }
}

export function loadSession(): PlaygroundState | null {
  try {
    const raw = localStorage.getItem(AUTOSAVE_KEY);
    if (!raw || raw.length > AUTOSAVE_LIMIT) return null;
    const s = JSON.parse(raw);
    if (typeof s?.code !== 'string' || typeof s?.file !== 'string') return null;
    return {
      code: s.code,
      file: s.file,
      options: {
        ignore: Array.isArray(s.options?.ignore) ? s.options.ignore.filter((x: unknown) => typeof x === 'string') : [],
        review: s.options?.review === 'all' ? 'all' : Array.isArray(s.options?.review) ? s.options.review : [],
      },
      view: {
        diff: s.view?.diff === 'inline' ? 'inline' : 'side',
        layout: ['stacked', 'editor', 'diff'].includes(s.view?.layout) ? s.view.layout : 'stacked',
      },
    };
  } catch {
    return null;
  }
}

export function clearSession(): void {
  try {
    localStorage.removeItem(AUTOSAVE_KEY);
  } catch {
    /* ignore */
  }
}
