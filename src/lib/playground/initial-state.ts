// What the playground opens with: the code of a share link (saying which rules it turns off, and in
// words when the link is damaged), else the last session saved in this browser, else an example.
import { plural } from './dom';
import { DEFAULT_EXAMPLE } from './examples';
import { decodeFragment, DEFAULT_OPTIONS, type PlaygroundState as Shared, type PlaygroundView } from './share';
import type { Note } from './state';
import { loadSession } from './storage';

export const DAMAGED_LINK = 'This share link is damaged or incomplete (it may have been cut off when it was copied)';

export async function initialState(view: PlaygroundView): Promise<{ state: Shared; note: Note | null }> {
  const example: Shared = {
    code: DEFAULT_EXAMPLE.code,
    file: DEFAULT_EXAMPLE.file,
    options: { ...DEFAULT_OPTIONS },
    view: { ...view },
  };
  if (location.hash.length > 1) {
    try {
      const shared = await decodeFragment(location.hash);
      if (shared) return { state: shared, note: sharedNote(shared) };
    } catch {
      return { state: example, note: { text: `${DAMAGED_LINK}, so an example is shown instead.` } };
    }
  }
  const saved = loadSession();
  if (saved)
    return {
      state: saved,
      note: {
        text: 'Restored your last session from this browser.',
        action: { label: 'Start fresh with an example', run: 'fresh-example' },
      },
    };
  return { state: example, note: null };
}

/** What a link says beyond its code: which rules it turns off (never silently). */
export function sharedNote(shared: Shared): Note {
  const off = shared.options.ignore;
  if (!off.length) return { text: 'Loaded the code from the link.' };
  const names = off.slice(0, 6).join(', ') + (off.length > 6 ? ` and ${off.length - 6} more` : '');
  return {
    text: `Loaded the code from the link. The link turns off ${plural(off.length, 'rule')} (${names}), so their findings are not shown.`,
    action: { label: 'Turn every rule back on', run: 'rules-on' },
  };
}
