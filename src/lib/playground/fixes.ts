// Which edits a fix is made of. A finding's group is one fix: applying part of it would leave code
// that works in neither SDK version (a v2 module path with a v1 class name), so it goes in whole.
import type { Finding, FindingEdit } from '../engine/types';

/** The findings that make up one fix with `f` (its group), `f` alone when it has none. */
export function fixGroup(f: Finding, all: Finding[]): Finding[] {
  if (!f.group) return [f];
  return all.filter((x) => x.group === f.group);
}

/** The edits of one finding's fix: its whole group's. */
export function fixEdits(f: Finding, all: Finding[]): FindingEdit[] {
  return fixGroup(f, all).flatMap((x) => x.edits);
}

/**
 * Every safe fix that can be applied at once: whole groups, in order, skipping a fix whose edits
 * overlap one already taken (the engine applies those in a second run).
 */
export function planSafeFixes(all: Finding[]): { edits: FindingEdit[]; fixes: number } {
  const key = (p: { line: number; column: number }) => p.line * 1e7 + p.column;
  const taken: [number, number][] = [];
  const seen = new Set<Finding>();
  const edits: FindingEdit[] = [];
  let fixes = 0;
  for (const f of all) {
    if (f.fix_class !== 'safe' || !f.edits.length || seen.has(f)) continue;
    const group = fixGroup(f, all);
    for (const x of group) seen.add(x);
    const spans = group.flatMap((x) => x.edits.map((e) => [key(e.start), key(e.end)] as [number, number]));
    const overlaps = spans.some(([s, e]) =>
      taken.some(([ts, te]) => (s < te && ts < e) || (s === e && s === ts && ts === te)),
    );
    if (overlaps) continue;
    taken.push(...spans);
    edits.push(...group.flatMap((x) => x.edits));
    fixes++;
  }
  return { edits, fixes };
}
