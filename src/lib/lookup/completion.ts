// A paste cut inside a name (`... unexpected keyword argument 'par…`, a log viewer's truncation):
// complete the name from what the SDK and the guide know, read each completion as a paste of its
// own, and keep the answer only when every completion that says anything says the same section.

import { normalise } from './normalise.ts';
import { matchSymbols } from './symbols.ts';
import { matchSymptoms } from './symptoms.ts';
import type { Hit, LookupData, Normalised } from './types.ts';

// The cut name at the end of the primary line: an open quote, a fragment, an ellipsis or nothing.
const CUT = /(['"`\u2018])([A-Za-z_]\w{1,40})(?:…|\.{3})?\s*$/;
const MAX_CANDIDATES = 24;

interface Vocabulary {
  words: string[];
  /** The v1 names among them (the symbol index's): a completion to one of these is SDK code. */
  v1: Set<string>;
}
const vocabularies = new WeakMap<LookupData['symbols'], Vocabulary>();

/** Names a cut fragment may stand for: the symbol index's and the curated symptoms' identifiers. */
function vocabulary(data: LookupData): Vocabulary {
  let v = vocabularies.get(data.symbols);
  if (!v) {
    const v1 = new Set<string>();
    const idx = data.symbols;
    for (const ps of Object.values(idx.params)) for (const p of Object.keys(ps)) v1.add(p);
    for (const ms of Object.values(idx.members)) for (const m of Object.keys(ms)) v1.add(m);
    for (const n of Object.keys(idx.names)) v1.add(n);
    const words = new Set(v1);
    for (const s of data.sections)
      for (const sym of s.symptoms) for (const w of sym.text.match(/[A-Za-z_]\w{2,}/g) ?? []) words.add(w);
    v = { words: [...words], v1 };
    vocabularies.set(data.symbols, v);
  }
  return v;
}

export function completionHits(n: Normalised, data: LookupData): Hit[] {
  const p = n.primary;
  if (!p) return [];
  const line = `${p.type}: ${p.message}`;
  const cut = CUT.exec(line);
  if (!cut) return [];
  const [, quote, fragment] = cut;
  const closing = quote === '\u2018' ? '\u2019' : quote;
  const vocab = vocabulary(data);
  const candidates = vocab.words
    .filter((w) => w.length > fragment.length && w.startsWith(fragment))
    .slice(0, MAX_CANDIDATES + 1);
  if (!candidates.length || candidates.length > MAX_CANDIDATES) return [];
  const head = line.slice(0, cut.index);
  const votes = new Map<string, { confidence: number; name: string }>();
  let _silent = 0;
  for (const name of candidates) {
    const m = normalise(`${head}${quote}${name}${closing}`);
    const hits = [...matchSymptoms(m, data.sections), ...matchSymbols(m, data.symbols, data.sections)].filter(
      (h) => h.confidence >= 0.8,
    );
    if (!hits.length) {
      _silent++;
      continue;
    }
    const best = hits.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    const prev = votes.get(best.anchor);
    if (!prev || best.confidence > prev.confidence) votes.set(best.anchor, { confidence: best.confidence, name });
  }
  if (votes.size !== 1) return [];
  const [[anchor, { confidence, name }]] = [...votes];
  const v1 = vocab.v1.has(name) ? ' (a v1 name: symbol index)' : '';
  return [
    {
      anchor,
      confidence: Math.min(0.8, confidence - 0.1),
      evidence: `completed the cut name \`${fragment}…\` as \`${name}\`: the only completion the guide explains${v1}`,
    },
  ];
}
