// Words for the full-text stage, the same at index time (scripts/gen-data.mjs) and at lookup time.
// Identifiers count whole and by their parts, so `inputSchema`, `input_schema` and "input schema"
// meet halfway while the exact spelling still scores higher.

export const STOP = new Set(
  (
    'a an the and or but if then than so of to in on at by for with from into onto as is are was were be been being ' +
    'it its this that these those there here my our your their i we you they he she me us them now no not ' +
    'do does did doing done have has had can could should would will just also only still after before when ' +
    'what which who why how all any some more most very too again instead since while about like get got ' +
    'use used using make made see seen seems seem anymore any longer way thing things one e g eg ie etc ' +
    'self none return returns await async def import else elif pass yield lambda'
  ).split(' '),
);

export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('es') && !w.endsWith('ses')) return w.slice(0, -2);
  const s = w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
  // `validate` meets `validates`/`validated`, `type` meets `types`
  return s.length > 3 && s.endsWith('e') && !s.endsWith('ee') ? s.slice(0, -1) : s;
}

// A number (error codes keep their sign, dates and versions stay whole) or an identifier, dotted or not.
const TOKEN = /-?\d+(?:[.-]\d+)*|[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g;
const MAX_TOKEN = 80;

/** People write "low-level" where the guide writes `lowlevel`: one spelling for both sides. */
export const oneWord = (s: string) => (/low[- ]level/i.test(s) ? s.replace(/\blow[- ]level\b/gi, 'lowlevel') : s);

/** Calls `emit` for every index word in `s`, in order; the caller counts or collects. */
export function eachToken(s: string, emit: (t: string) => void): void {
  for (const m of oneWord(s).matchAll(TOKEN)) {
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
      for (const p of parts) {
        const st = stem(p);
        emit(STOP.has(st) ? p : st);
      }
    } else if (lower.length > 1 && !STOP.has(lower)) {
      // (`notes` is no `not`)
      const st = stem(lower);
      emit(STOP.has(st) ? lower : st);
    }
  }
}

export function tokens(s: string): string[] {
  const out: string[] = [];
  eachToken(s, (t) => out.push(t));
  return out;
}

// Plain words people use for what the guide says in its own words (stems on the left).
export const SYNONYMS: ReadonlyArray<readonly [string, string]> = Object.entries({
  blank: 'empty',
  gone: 'removed',
  missing: 'removed',
  disappear: 'removed',
  vanish: 'removed',
  ignor: 'no longer read',
  noth: 'no longer',
  hang: 'stall',
  hung: 'stall',
  freez: 'stall',
  mb: 'mib',
  megabyte: 'mib',
  deprecat: 'deprecated',
  silenc: 'suppression',
  threw: 'discarded',
  forgot: 'discarded',
}).map(([w, m]) => [stem(w), m] as const);
