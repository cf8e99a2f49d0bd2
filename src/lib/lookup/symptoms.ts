// Symptoms curated in each section's frontmatter: exact strings, regexes, and plain-language
// behaviour descriptions.

import { differences } from './formats.ts';
import { cutShort, frameText, looseText } from './normalise.ts';
import { oneWord, STOP, stem, SYNONYMS } from './tokens.ts';
import type { Hit, Normalised, Section } from './types.ts';

// Where in the paste a match sits decides how much it says: the exception an expert would read
// first beats a chained cause, which beats surrounding log text.
const WHERE = { primary: 0.97, exception: 0.92, text: 0.86, frame: 0.86 };

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
  if (n.exceptions.some((e) => test(`${e.type}: ${e.message}`) || test(looseText(`${e.type}: ${e.message}`))))
    return WHERE.exception;
  if (test(n.text) || test(n.loose) || test(n.text.replace(/\s*\n\s*/g, ' '))) return WHERE.text;
  // With the SDK frames it ran through: `ValidationError ... list_tools` raised inside the client.
  if (n.frames.length && test(`${n.text}\n${frameText(n)}`)) return WHERE.frame;
  return 0;
}

// --- behaviour: keyword overlap ---------------------------------------------------------------

// Words every migration question contains; matching them proves little.
// The hosts and apps people run servers in say where, not what changed.
const WEAK = new Set(
  (
    'mcp server client tool tools error errors v1 v2 call calls return returns python sdk new old code work works working broke broken fail fails failing upgrade upgraded migrate migrated migration version ' +
    'claude desktop cursor windsurf vscode zed cline goose inspector'
  )
    .split(' ')
    .map(stem),
);

/**
 * Where a text's words come from when they are parts of its identifiers: `inner`, the identifiers
 * a part belongs to (`send` -> `sendtoollistchanged`, `resourc` -> `resources/subscrib`);
 * `whole`, the first token as written. A word the text also says on its own is in neither.
 */
export interface Anatomy {
  inner: Map<string, Set<string>>;
  whole: Map<string, string>;
}

export function keywords(s: string, anatomy?: Anatomy): string[] {
  const words = oneWord(s)
    .replace(/[`'"\u2018\u2019]/g, '')
    .match(/-?\d+|[A-Za-z_][\w./-]*[\w]|[A-Za-z]/g);
  if (!words) return [];
  const out: string[] = [];
  const alone = new Set<string>();
  const part = (p: string, inner: string, whole: string) => {
    out.push(p);
    if (!anatomy) return;
    anatomy.inner.set(p, (anatomy.inner.get(p) ?? new Set()).add(inner));
    if (!anatomy.whole.has(p)) anatomy.whole.set(p, whole);
  };
  for (const raw of words) {
    const cased = raw.replace(/[./-]+$/, '');
    const w = cased.toLowerCase();
    if (w.length < 2 || STOP.has(w)) continue;
    const whole = stem(w);
    out.push(whole);
    alone.add(whole);
    // "camelCase" and "snake_case" identifiers also count as their parts (so "serverInfo.name"
    // meets "server info name" and "server_info" halfway).
    const segments = /[./-]/.test(cased) ? cased.split(/[./-]+/).filter(Boolean) : [cased];
    for (const seg of segments) {
      if (!/_|[a-z][A-Z]/.test(seg)) {
        const word = stem(seg.toLowerCase());
        if (seg !== cased && word.length > 2 && !STOP.has(word)) part(word, whole, whole);
        continue;
      }
      // (one identifier in either spelling: `server_info` is `serverInfo`)
      const id = seg.toLowerCase().replace(/_/g, '');
      // `session.send_roots_list_changed` calls `send_roots_list_changed`: the name counts whole too
      if (seg !== cased) part(stem(seg.toLowerCase()), id, whole);
      for (const piece of seg.split(/_+|(?<=[a-z0-9])(?=[A-Z])/)) {
        const p = piece.toLowerCase();
        if (p.length > 2 && !STOP.has(p)) part(stem(p), id, whole);
      }
    }
  }
  if (anatomy) {
    for (const w of alone) {
      anatomy.inner.delete(w);
      anatomy.whole.delete(w);
    }
  }
  return out;
}

const weight = (w: string) => (WEAK.has(w) ? 0.25 : /\d|_|\./.test(w) ? 1.6 : 1);

interface Prepared {
  words: Set<string>;
  /** Its words that are only parts of its identifiers (`send_tool_list_changed`). */
  anatomy: Anatomy;
  total: number;
}
const prepCache = new Map<string, Prepared>();
function prepare(text: string): Prepared {
  let p = prepCache.get(text);
  if (!p) {
    const anatomy: Anatomy = { inner: new Map(), whole: new Map() };
    const words = new Set(keywords(text, anatomy));
    let total = 0;
    for (const w of words) total += weight(w);
    p = { words, anatomy, total };
    prepCache.set(text, p);
  }
  return p;
}

/** 0..1: how much of the behaviour description the paste covers, and how specifically. */
export function behaviourScore(
  behaviour: string,
  pasteWords: Set<string>,
  anatomy?: Anatomy,
): { score: number; matched: string[] } {
  const b = prepare(behaviour);
  let got = 0;
  const matched: string[] = [];
  for (const w of b.words) {
    // Two identifiers that share a part (`send_roots_list_changed`, `send_tool_list_changed`) are
    // two names, not one: parts meet prose, identifiers meet each other whole.
    const mine = b.anatomy.inner.get(w);
    const theirs = anatomy?.inner.get(w);
    if (!pasteWords.has(w) || (mine && theirs && !WEAK.has(w) && ![...mine].some((i) => theirs.has(i)))) continue;
    got += weight(w);
    matched.push(w);
  }
  // `ctx.info` also counts as `ctx` and `info`: parts of a matched word are not more evidence, nor
  // are two parts of one identifier of the paste's (`resources/subscribe`) two words.
  const strong = new Set(
    matched
      .filter((w) => !WEAK.has(w) && !matched.some((o) => o !== w && o.includes(w) && /[._/-]/.test(o)))
      .map((w) => anatomy?.whole.get(w) ?? w),
  ).size;
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
  // The loggers a log names are its words too (`app.lifespan` logged it).
  const anatomy: Anatomy = { inner: new Map(), whole: new Map() };
  const pasteWords = new Set(keywords(n.loggers.length ? `${n.text}\n${n.loggers.join(' ')}` : n.text, anatomy));
  for (const [word, meaning] of SYNONYMS)
    if (pasteWords.has(word)) for (const w of keywords(meaning)) pasteWords.add(w);
  // What a failed assertion's two sides show (`'' == '1.28.1'` is an empty value) is said too.
  for (const p of n.assertions?.pairs ?? []) {
    for (const d of differences(p.left, p.right)) for (const w of keywords(d)) pasteWords.add(w);
    // The expected side is v1's value: a description of v2 returning it is the opposite of this paste.
    const actual = new Set(keywords(p.left));
    for (const w of keywords(p.right)) if (/^-?\d/.test(w) && !actual.has(w)) pasteWords.delete(w);
  }
  // What the paste says, and where in the SDK it was raised (a pattern may name the raise site).
  const lower = (n.frames.length ? `${n.text}\n${frameText(n)}` : n.text).toLowerCase();
  for (const sec of sections) {
    for (const sym of sec.symptoms) {
      // Case-sensitive on purpose: module `fastmcp` is not class `FastMCP`.
      if (foreign && !sym.text.includes(foreign)) continue;
      if (sym.kind === 'exact') {
        const needle = sym.text.toLowerCase();
        const loose = looseText(sym.text);
        if (!lower.includes(needle) && !(loose.length > 8 && n.loose.includes(loose)) && !n.loose.includes(needle)) {
          // A paste cut inside it (`... for +: 'float' and 'dateti…`): most of it, then the cut.
          const cut =
            loose.length >= 40 ? cutShort(n.loose, loose, Math.max(30, Math.ceil(0.6 * loose.length)), true) : null;
          if (cut)
            hits.push({ anchor: sec.anchor, confidence: 0.85, evidence: `matched symptom (cut short): “${cut}…”` });
          continue;
        }
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
        const { score, matched } = behaviourScore(sym.text, pasteWords, anatomy);
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
