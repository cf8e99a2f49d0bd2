// Full-text search as a last resort. The search itself is injected (Pagefind in the browser), so
// this module stays pure; here we only decide how much a full-text hit may say.

import type { FullText, Hit, Normalised, Section } from './types.ts';

/** A full-text hit alone tops out below the default result threshold unless it is very strong. */
export const FULLTEXT_ALONE_MAX = 0.55;
/** Boost for a section that structured matching already found. */
export const FULLTEXT_SUPPORT = 0.04;

/** What to send to the search engine: the exception line an expert would read, else the text. */
export function fulltextQuery(n: Normalised): string {
  const base = n.primary ? `${n.primary.type.split('.').pop()} ${n.primary.message}` : n.text;
  return base
    .replace(/<path>/g, ' ')
    .replace(/[^\w\s.-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

export async function matchFulltext(n: Normalised, sections: Section[], search: FullText): Promise<Hit[]> {
  const q = fulltextQuery(n);
  if (q.length < 4) return [];
  let found;
  try {
    found = await search(q);
  } catch {
    return []; // search unavailable (dev server, offline index): degrade to structured matching
  }
  // The "Find your changes" overviews quote every symptom; full text would find them for anything.
  const known = new Set(sections.filter((s) => s.area !== 'find-your-changes').map((s) => s.anchor));
  const hits: Hit[] = [];
  for (const [rank, f] of found.slice(0, 5).entries()) {
    if (!known.has(f.anchor)) continue;
    // Rank matters more than the engine's raw score, which is not comparable across queries.
    const c = Math.min(FULLTEXT_ALONE_MAX, 0.2 + 0.35 * Math.max(0, Math.min(1, f.score)) - rank * 0.05);
    hits.push({ anchor: f.anchor, confidence: c, evidence: `full-text match for “${q.slice(0, 60)}${q.length > 60 ? '…' : ''}”` });
  }
  return hits;
}
