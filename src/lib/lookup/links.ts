// A link to a guide section is the strongest evidence a paste can carry: later 2.x releases print
// one in their own error messages (`... see the migration guide at .../migration/#fastmcp-renamed-
// to-mcpserver`), the engine writes one into every marker comment, and people paste them.

import type { Hit, LookupData, Normalised } from './types.ts';

// Where the guide lives: the official docs (any host, `migration/` or `migration.md`), this site.
const GUIDE_URL = /(?:\/migration(?:\.md|\.html)?\/?|\/guide\/)(?:[\w-]+\/)?#([\w-]+)/i;
const SECTION_PAGE = /\/guide\/[\w-]+\/([\w-]+)\/?(?:[?#].*)?$/;

const words = (a: string) =>
  new Set(
    a
      .toLowerCase()
      .split(/[-_]+/)
      .filter((w) => w.length > 1),
  );

/** The section an anchor names: exactly, through an old anchor, or one word off (a later rename). */
function resolve(anchor: string, data: LookupData): { anchor: string; how: 'exact' | 'alias' | 'near' } | null {
  const a = anchor.toLowerCase();
  const exact = data.sections.find((s) => s.anchor === a && s.area !== 'find-your-changes');
  if (exact) return { anchor: exact.anchor, how: 'exact' };
  const alias = data.index?.aliases[a];
  if (alias !== undefined && data.sections[alias]) return { anchor: data.sections[alias].anchor, how: 'alias' };
  const want = words(a);
  if (want.size < 3) return null;
  let best: { anchor: string; score: number } | null = null;
  for (const s of data.sections) {
    if (s.area === 'find-your-changes') continue;
    const have = words(s.anchor);
    let shared = 0;
    for (const w of want) if (have.has(w)) shared++;
    const score = shared / (want.size + have.size - shared);
    if (score >= 0.75 && (!best || score > best.score)) best = { anchor: s.anchor, score };
  }
  return best ? { anchor: best.anchor, how: 'near' } : null;
}

const CONFIDENCE = { exact: 0.99, alias: 0.97, near: 0.9 };

export function linkHits(paste: string, n: Normalised, data: LookupData): Hit[] {
  const s = paste.trim();
  // The paste is nothing but a link (or a bare `#anchor`): certain.
  if (s.length <= 400 && !/\s/.test(s)) {
    const m = /#([\w-]+)\/?$/.exec(s) ?? SECTION_PAGE.exec(s);
    const r = m ? resolve(m[1], data) : null;
    if (r && r.how !== 'near')
      return [{ anchor: r.anchor, confidence: 1, evidence: `link to the guide section \`#${r.anchor}\`` }];
  }
  const hits: Hit[] = [];
  for (const url of n.urls) {
    const m = GUIDE_URL.exec(url) ?? SECTION_PAGE.exec(url);
    if (!m) continue;
    const r = resolve(m[1], data);
    if (!r) continue;
    hits.push({
      anchor: r.anchor,
      confidence: CONFIDENCE[r.how],
      evidence: `the paste links the guide section: ${url.length > 100 ? url.slice(0, 97) + '…' : url}`,
    });
  }
  return hits;
}
