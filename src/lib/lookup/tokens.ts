// Words for the full-text stage, the same at index time (scripts/gen-data.mjs) and at lookup time.
// Identifiers count whole and by their parts, so `inputSchema`, `input_schema` and "input schema"
// meet halfway while the exact spelling still scores higher.

export const STOP = new Set(
  ('a an the and or but if then than so of to in on at by for with from into onto as is are was were be been being ' +
    'it its this that these those there here my our your their i we you they he she me us them now no not ' +
    'do does did doing done have has had can could should would will just also only still after before when ' +
    'what which who why how all any some more most very too again instead since while about like get got ' +
    'use used using make made see seen seems seem anymore any longer way thing things one e g eg ie etc ' +
    'self none return returns await async def import else elif pass yield lambda').split(' '),
);

export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('es') && !w.endsWith('ses')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

// A number (error codes keep their sign, dates and versions stay whole) or an identifier, dotted or not.
const TOKEN = /-?\d+(?:[.-]\d+)*|[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g;
const MAX_TOKEN = 80;

/** Calls `emit` for every index word in `s`, in order; the caller counts or collects. */
export function eachToken(s: string, emit: (t: string) => void): void {
  for (const m of s.matchAll(TOKEN)) {
    const raw = m[0];
    if (raw.length > MAX_TOKEN) continue;
    if (/^-?\d/.test(raw)) {
      // Lone small numbers (line numbers, counts) say nothing; codes like -32602, 408 and 0 do.
      if (/^-?\d{3,}/.test(raw) || raw.includes('.') || raw.startsWith('-') || raw === '0') emit(raw);
      continue;
    }
    const lower = raw.toLowerCase();
    const parts = raw
      .split('.')
      .flatMap((p) => p.split('_'))
      .flatMap((p) => p.split(/(?<=[a-z0-9])(?=[A-Z])/))
      .map((p) => p.toLowerCase())
      .filter((p) => p.length > 1 && !STOP.has(p));
    const compound = parts.length > 1 || raw.includes('_');
    if (compound) {
      emit(lower);
      for (const p of parts) emit(stem(p));
    } else if (lower.length > 1 && !STOP.has(lower)) {
      emit(stem(lower));
    }
  }
}

export function tokens(s: string): string[] {
  const out: string[] = [];
  eachToken(s, (t) => out.push(t));
  return out;
}
