// Paste in, ranked guide sections out. Order of trust: a link to a section, curated symptoms and the
// symbol index (both structural), then full text. Anything that only full text supports, weakly,
// is dropped: an empty answer is better than a confident wrong one.

import { FULLTEXT_SUPPORT, matchFulltext } from './fulltext.ts';
import { normalise } from './normalise.ts';
import { matchSymbols } from './symbols.ts';
import { matchSymptoms } from './symptoms.ts';
import type { Hit, LookupAnswer, LookupData, LookupOptions, LookupResult, Normalised } from './types.ts';

export type * from './types.ts';
export { normalise } from './normalise.ts';

export const MIN_CONFIDENCE = 0.5;
const DEFAULT_LIMIT = 5;

/** `https://…/migration/#some-anchor`, `/guide/#some-anchor`, or a bare `#some-anchor`. */
function linkHits(paste: string, data: LookupData): Hit[] {
  const s = paste.trim();
  if (s.length > 400 || /\s/.test(s)) return [];
  const m = /#([\w-]+)\/?$/.exec(s) ?? /\/guide\/[\w-]+\/([\w-]+)\/?$/.exec(s);
  if (!m) return [];
  const sec = data.sections.find((x) => x.anchor === m[1].toLowerCase());
  return sec ? [{ anchor: sec.anchor, confidence: 1, evidence: `link to the guide section \`#${sec.anchor}\`` }] : [];
}

function merge(hits: Hit[], data: LookupData, opts: LookupOptions): LookupResult[] {
  const byAnchor = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byAnchor.get(h.anchor) ?? [];
    list.push(h);
    byAnchor.set(h.anchor, list);
  }
  const sections = new Map(data.sections.map((s) => [s.anchor, s]));
  const out: LookupResult[] = [];
  for (const [anchor, list] of byAnchor) {
    const sec = sections.get(anchor);
    if (!sec) continue;
    list.sort((a, b) => b.confidence - a.confidence);
    // The best piece of evidence sets the level; independent corroboration nudges it up.
    const kinds = new Set(list.map((h) => h.evidence.split(':')[0].split(' (')[0]));
    // Only a direct link to a section is certain.
    const confidence = Math.min(list[0].confidence >= 1 ? 1 : 0.99, list[0].confidence + 0.03 * (kinds.size - 1));
    // Structural evidence first: it is what explains the match; full text only agrees.
    const ranked = [...list.filter((h) => !h.evidence.startsWith('full-text')), ...list.filter((h) => h.evidence.startsWith('full-text'))];
    const evidence = [...new Set(ranked.map((h) => h.evidence))].slice(0, 4);
    out.push({ anchor, title: sec.title, area: sec.area, path: sec.path, impact: sec.impact, confidence: round(confidence), evidence });
  }
  out.sort((a, b) => b.confidence - a.confidence || order(data, a.anchor) - order(data, b.anchor));
  const min = opts.minConfidence ?? MIN_CONFIDENCE;
  return out.filter((r) => r.confidence >= min).slice(0, opts.limit ?? DEFAULT_LIMIT);
}

const round = (x: number) => Math.round(x * 100) / 100;
const order = (data: LookupData, anchor: string) => data.sections.findIndex((s) => s.anchor === anchor);

function structuralHits(paste: string, n: Normalised, data: LookupData): Hit[] {
  const link = linkHits(paste, data);
  if (link.length) return link;
  return [...matchSymptoms(n, data.sections), ...matchSymbols(n, data.symbols)];
}

/** Everything but full text; synchronous, for the CLI, tests and benchmarks. */
export function lookupSync(paste: string, data: LookupData, opts: LookupOptions = {}): LookupAnswer {
  const n = normalise(paste);
  return { results: merge(structuralHits(paste, n, data), data, opts), normalised: n.text, primary: n.primary };
}

export async function lookup(paste: string, data: LookupData, opts: LookupOptions = {}): Promise<LookupAnswer> {
  const n = normalise(paste);
  const hits = structuralHits(paste, n, data);
  if (opts.fulltext && n.text.length >= 4 && !hits.some((h) => h.confidence >= 0.99)) {
    const ft = await matchFulltext(n, data.sections, opts.fulltext);
    const structural = new Set(hits.map((h) => h.anchor));
    // With a confident structural answer, full text may only corroborate, never add noise.
    const settled = hits.some((h) => h.confidence >= 0.8);
    for (const h of ft) {
      if (settled && !structural.has(h.anchor)) continue;
      // Full text may confirm what structure found, or stand alone (capped below the threshold
      // unless the match is strong); it never outvotes a structural match.
      hits.push(structural.has(h.anchor) ? { ...h, confidence: Math.min(...[0.99, FULLTEXT_SUPPORT + maxFor(hits, h.anchor)]) } : h);
    }
  }
  return { results: merge(hits, data, opts), normalised: n.text, primary: n.primary };
}

const maxFor = (hits: Hit[], anchor: string) => Math.max(0, ...hits.filter((h) => h.anchor === anchor).map((h) => h.confidence));
