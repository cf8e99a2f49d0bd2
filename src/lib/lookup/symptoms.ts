// Symptoms curated in each section's frontmatter: exact strings, regexes, and plain-language
// behaviour descriptions.

import { looseText } from './normalise.ts';
import { STOP, stem } from './tokens.ts';
import type { Hit, Normalised, Section } from './types.ts';

// Where in the paste a match sits decides how much it says: the exception an expert would read
// first beats a chained cause, which beats surrounding log text.
const WHERE = { primary: 0.97, exception: 0.92, text: 0.86 };

const regexCache = new Map<string, RegExp | null>();
const literalCache = new Map<string, string[] | null>();

/**
 * Lowercase literals one of which any match of the pattern must contain, or null when the pattern
 * cannot be read that simply. A cheap `includes` then spares running most patterns on a long paste.
 */
export function requiredLiterals(src: string): string[] | null {
  const cached = literalCache.get(src);
  if (cached !== undefined) return cached;
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '[') while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    else if (c === '|' && depth === 0) {
      alternatives.push(src.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(src.slice(start));
  const out: string[] = [];
  for (const alt of alternatives) {
    // the longest run of plain characters outside groups, classes and quantified atoms
    let best = '';
    let run = '';
    let depthHere = 0;
    for (let i = 0; i < alt.length; i++) {
      const c = alt[i];
      const next = alt[i + 1] ?? '';
      if (c === '(') depthHere++;
      if (c === ')') depthHere--;
      let ch: string | null = null;
      let skip = 0;
      if (c === '\\') {
        // `\.` is a literal dot; `\b`, `\s`, `\d` are not characters at all
        if (depthHere === 0 && /[.\\/'"`()[\]{}?*+|^$-]/.test(next)) ch = next;
        skip = 1;
      } else if (depthHere === 0 && /[\w ,:'"`/<>=!@#%&~;-]/.test(c)) ch = c;
      i += skip;
      if (ch !== null && !/[?*{]/.test(alt[i + 1] ?? '')) run += ch;
      else {
        if (run.length > best.length) best = run;
        run = '';
        if (c === '[') while (i < alt.length && alt[i] !== ']') i += alt[i] === '\\' ? 2 : 1;
      }
    }
    if (run.length > best.length) best = run;
    best = best.trim();
    if (best.length < 4) {
      literalCache.set(src, null);
      return null;
    }
    out.push(best.toLowerCase());
  }
  literalCache.set(src, out);
  return out;
}
function compile(src: string): RegExp | null {
  if (!regexCache.has(src)) {
    try {
      regexCache.set(src, new RegExp(src, 'i'));
    } catch {
      regexCache.set(src, null); // a bad curated pattern must not break the lookup
    }
  }
  return regexCache.get(src) ?? null;
}

/** How prominent the first place is where `test` matches (0 = nowhere). */
function locate(n: Normalised, test: (s: string) => boolean): number {
  const p = n.primary;
  if (p && (test(`${p.type}: ${p.message}`) || test(looseText(`${p.type}: ${p.message}`)))) return WHERE.primary;
  if (n.exceptions.some((e) => test(`${e.type}: ${e.message}`) || test(looseText(`${e.type}: ${e.message}`)))) return WHERE.exception;
  if (test(n.text) || test(n.loose) || test(n.text.replace(/\s*\n\s*/g, ' '))) return WHERE.text;
  return 0;
}

// --- behaviour: keyword overlap ---------------------------------------------------------------

// Words every migration question contains; matching them proves little.
const WEAK = new Set('mcp server client tool tools error errors v1 v2 call calls return returns python sdk new old code work works working broke broken fail fails failing upgrade upgraded migrate migrated migration version'.split(' '));

export function keywords(s: string): string[] {
  const words = s
    .toLowerCase()
    .replace(/[`'"\u2018\u2019]/g, '')
    .match(/-?\d+|[a-z_][\w./-]*[\w]|[a-z]/g);
  if (!words) return [];
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.replace(/[./-]+$/, '');
    if (w.length < 2 || STOP.has(w)) continue;
    out.push(stem(w));
    // "camelCase" and "snake_case" identifiers also count as their parts (so "serverInfo.name"
    // meets "server info name" halfway).
    if (/[_.\/-]/.test(w)) for (const part of w.split(/[_.\/-]+/)) if (part.length > 2 && !STOP.has(part)) out.push(stem(part));
  }
  return out;
}

const weight = (w: string) => (WEAK.has(w) ? 0.25 : /\d|_|\./.test(w) ? 1.6 : 1);

interface Prepared {
  words: Set<string>;
  total: number;
}
const prepCache = new Map<string, Prepared>();
function prepare(text: string): Prepared {
  let p = prepCache.get(text);
  if (!p) {
    const words = new Set(keywords(text));
    let total = 0;
    for (const w of words) total += weight(w);
    p = { words, total };
    prepCache.set(text, p);
  }
  return p;
}

/** 0..1: how much of the behaviour description the paste covers, and how specifically. */
export function behaviourScore(behaviour: string, pasteWords: Set<string>): { score: number; matched: string[] } {
  const b = prepare(behaviour);
  let got = 0;
  const matched: string[] = [];
  for (const w of b.words) {
    if (pasteWords.has(w)) {
      got += weight(w);
      matched.push(w);
    }
  }
  // `ctx.info` also counts as `ctx` and `info`: parts of a matched word are not more evidence.
  const strong = matched.filter((w) => !WEAK.has(w) && !matched.some((o) => o !== w && o.includes(w) && /[._/-]/.test(o))).length;
  if (strong < 2 || b.total === 0) return { score: 0, matched };
  return { score: got / b.total, matched };
}

/**
 * The package an import error blames, when it is not the SDK (`from 'fastmcp'`, `module 'fastmcp'`):
 * such an error is about that package, whatever SDK-looking names it mentions.
 */
export function foreignPackage(n: Normalised): string | null {
  const line = n.primary ? `${n.primary.type}: ${n.primary.message}` : '';
  const m = /cannot import name \S+ from ['"]?([\w.]+)|module ['"]?([\w.]+)['"]? has no attribute/.exec(line);
  const mod = m?.[1] ?? m?.[2];
  if (!mod) return null;
  const top = mod.split('.')[0];
  return top === 'mcp' || top === 'mcp_types' ? null : top;
}

export function matchSymptoms(n: Normalised, sections: Section[]): Hit[] {
  const hits: Hit[] = [];
  const foreign = foreignPackage(n);
  const pasteWords = new Set(keywords(n.text));
  const lower = n.text.toLowerCase();
  for (const sec of sections) {
    for (const sym of sec.symptoms) {
      // Case-sensitive on purpose: module `fastmcp` is not class `FastMCP`.
      if (foreign && !sym.text.includes(foreign)) continue;
      if (sym.kind === 'exact') {
        const needle = sym.text.toLowerCase();
        const loose = looseText(sym.text);
        if (!lower.includes(needle) && !(loose.length > 8 && n.loose.includes(loose)) && !n.loose.includes(needle)) continue;
        const c = locate(n, (s) => s.toLowerCase().includes(needle) || (loose.length > 8 && s.includes(loose)));
        if (c) hits.push({ anchor: sec.anchor, confidence: c, evidence: `matched symptom: “${sym.text}”` });
      } else if (sym.kind === 'pattern') {
        const re = compile(sym.text);
        if (!re) continue;
        const must = requiredLiterals(sym.text);
        if (must && !must.some((l) => lower.includes(l) || n.loose.includes(l))) continue;
        let seen = '';
        const c = locate(n, (s) => {
          const m = re.exec(s);
          if (m) seen = m[0];
          return !!m;
        });
        // Show what matched, not the regex: that is what the reader recognises.
        const shown = seen.length > 90 ? seen.slice(0, 87) + '…' : seen;
        if (c) hits.push({ anchor: sec.anchor, confidence: c - 0.02, evidence: `matched symptom: “${shown}”` });
      } else if (sym.kind === 'behaviour') {
        const { score, matched } = behaviourScore(sym.text, pasteWords);
        // Half the description's weight is the floor for "this is what you describe".
        if (score >= 0.5) {
          hits.push({
            anchor: sec.anchor,
            confidence: Math.min(0.88, 0.42 + 0.5 * score),
            evidence: `described behaviour: “${sym.text}” (shared words: ${matched.join(', ')})`,
          });
        }
      }
    }
  }
  return hits;
}
