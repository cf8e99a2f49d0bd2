// Full text over the guide itself (BM25 over every section's heading, curated symptoms and symbols,
// prose, code and the engine's v1 examples), for what names no symbol: plain-words reports, prose,
// code snippets, the values of a failed assertion. The index ships with the site and the CLI alike
// (src/generated/lookup-index.json), so both give the same answers.
//
// Its confidence says how much of what the paste says the best section explains, and by how much
// it beats the runner-up: a query of mostly unknown words, or one that two sections explain equally
// well, stays below the answer threshold.

import { differences } from './formats.ts';
import { frameText } from './normalise.ts';
import { eachToken, SYNONYMS } from './tokens.ts';
import type { Hit, LookupIndex, Normalised, Section } from './types.ts';

const K1 = 1.2;
const HEADING_BOOST = 1;
const B = 0.75;

export type Query = Map<string, number>;

function addText(q: Query, text: string, weight: number, cap = 2.5) {
  eachToken(text, (t) => q.set(t, Math.min(cap, (q.get(t) ?? 0) + weight)));
}

// Python's and pytest's own wording says what kind of error it is, not what it is about: only the
// names and values a message quotes are worth searching for.
const BOILERPLATE = new RegExp(
  [
    // Python's own exception names; an SDK's or a library's (`MCPError`, `ConnectError`) is content.
    String.raw`\b(?:builtins\.)?(?:Base)?(?:Exception|ExceptionGroup|ValueError|TypeError|KeyError|AttributeError|ImportError|ModuleNotFoundError|RuntimeError|NameError|IndexError|OSError|IOError|SyntaxError|IndentationError|ZeroDivisionError|RecursionError|PermissionError|FileNotFoundError|ConnectionError|TimeoutError|AssertionError|NotImplementedError|LookupError|UnicodeDecodeError|StopIteration|DeprecationWarning|UserWarning|RuntimeWarning|Warning)\b`,
    String.raw`\bTraceback \(most recent call last\)`,
    String.raw`\bNo module named\b`,
    String.raw`\bcannot import name\b`,
    String.raw`\bfrom partially initialized module\b`,
    String.raw`\b(?:type )?object has no (?:attribute|field)\b`,
    String.raw`\bmodule\b(?= ['"]?[\w.]+['"]? has no attribute)`,
    String.raw`\bhas no attribute\b`,
    String.raw`\bgot an unexpected keyword argument\b`,
    String.raw`\btakes (?:from \d+ to )?\d+ positional arguments? but \d+ (?:were|was) given`,
    String.raw`\bmissing \d+ required (?:positional|keyword-only) arguments?`,
    String.raw`\bis not (?:defined|subscriptable|iterable|callable)\b`,
    String.raw`\bname\b`,
    String.raw`\binvalid syntax\b`,
    String.raw`\bunsupported operand type\(s\) for\b`,
    String.raw`\bDid you mean\b`,
    String.raw`\bvalidation errors? for\b`,
    String.raw`\bInput should be a valid\b`,
    String.raw`\bField required\b`,
    String.raw`\bFor further information visit\b`,
    String.raw`\b(?:type|input_value|input_type)=`,
    String.raw`\b(?:not enough|too many) values to unpack\b`,
    String.raw`\binvalid literal for \w+\(\) with base \d+`,
    String.raw`\bNoneType\b`,
    String.raw`\bunhandled errors in a TaskGroup\b`,
    String.raw`\bsub-exceptions?\b`,
    // pytest's report wording
    String.raw`\bassert\b`,
    String.raw`\bAt index \d+ diff:`,
    String.raw`\b(?:Left|Right) contains \d+ more items?\b`,
    String.raw`\bCommon items\b`,
    String.raw`\bfirst extra item\b`,
    String.raw`\bFull diff\b`,
    String.raw`\bDID NOT RAISE\b`,
    // pip's wording for "no such version", not a conflict
    String.raw`\bCould not find a version that satisfies the requirement\b`,
    String.raw`\bNo matching distribution found for\b`,
    // what hosts print around any server's failure
    String.raw`\bMCP error -32000\b`,
    String.raw`\bConnection closed\b`,
    String.raw`\bServer disconnected\b`,
    String.raw`\bServer transport closed unexpectedly\b`,
    String.raw`\b(?:MCP )?server "[^"\n]{0,60}" (?:failed to start|exited|crashed|disconnected)\b`,
    String.raw`\bfailed to start\b`,
    String.raw`\bCheck the [\w ]{0,40}(?:settings|config(?:uration)?|logs?)(?: for [\w ,]{0,60})?`,
    // where things run (hosts, ports, URLs) and which app shows them: values, not what changed
    String.raw`\bhttps?:\/\/\S+`,
    String.raw`\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b`,
    String.raw`\blocalhost(?::\d+)?\b`,
    String.raw`(?<=:)\d{2,5}\b`,
    String.raw`\b(?:Claude(?: Desktop| Code)?|Cursor|Windsurf|VS ?Code|Zed|Cline|Goose)\b(?![\w.(=])`,
  ].join('|'),
  'g',
);

// The module an exception class is defined in (`mcp.server.mcpserver.exceptions.`ToolError) says
// where it lives, not what went wrong.
const EXCEPTION_MODULE = /\b(?:[a-z_]\w*\.)+(?=[A-Z]\w*(?:Error|Exception|Warning)\b)/g;

const STATED_CODE =
  /\b(?:HTTP(?:\/[\d.]+)?|status(?:[ _]code)?|returned|responded with|got)[\s:=]+([1-5]\d\d)\b|\b([1-5]\d\d) (?:[A-Z][a-z]+ ){1,3}(?:[A-Z][a-z]+|OK)\b|(?<![\w.])(-32\d{3})\b/gi;

/** What to search for: the paste's words, the exception an expert reads first weighing more. */
export function buildQuery(n: Normalised, dropped: Set<string> = new Set()): Query {
  const q: Query = new Map();
  // When a failed assertion's two sides differ in a way with a name (a trailing slash, a union),
  // their literal values are examples: out of the text, added back lightly below.
  const examples = (n.assertions?.pairs ?? [])
    .filter((p) => differences(p.left, p.right).length)
    .flatMap((p) => [p.left, p.right])
    .filter((v) => /^(['"]).*\1$/.test(v));
  const unexample = (s: string) => examples.reduce((t, v) => t.split(v).join(' '), s);
  // pytest's `+  where x = Model(field=..., ...).attr` repeats whole reprs: they count for less.
  const where = n.text.match(/^\+\s+where .*$/gm) ?? [];
  addText(
    q,
    unexample(n.text.replace(/^\+\s+where .*$/gm, ' '))
      .replace(EXCEPTION_MODULE, '')
      .replace(BOILERPLATE, ' '),
    1,
  );
  for (const w of where)
    addText(q, w.replace(/\w+=None\b|\w+=(?:\[\]|\{\}|''|\.\.\.)/g, ' ').replace(BOILERPLATE, ' '), 0.5);
  for (const [word, meaning] of SYNONYMS) if (q.has(word)) addText(q, meaning, 0.7);
  // A status or error code the paste states as one (`HTTP 413`, `status=421`, `413 Payload Too
  // Large`, `code -32602`) says what went wrong more exactly than any word around it.
  for (const m of n.text.matchAll(STATED_CODE)) addText(q, m[1] ?? m[2] ?? m[3], 2, 3);
  if (n.primary) addText(q, unexample(n.primary.message).replace(BOILERPLATE, ' '), 0.75, 3);
  for (const l of n.loggers) addText(q, l, 1.5, 3);
  // Where in the SDK it was raised: the innermost frames' functions and source lines.
  if (n.frames.length) addText(q, frameText(n, 2), 0.5);
  for (const p of n.packages) if (p !== 'mcp') addText(q, p, 0.5);
  const a = n.assertions;
  if (a) {
    for (const { left, right } of a.pairs) {
      const diffs = differences(left, right);
      for (const d of diffs) addText(q, d, 2.5, 4);
      // `assert actual == expected`: what the code now returns is what v2 does, and the section
      // that explains it says that value; the expected one is v1's. When the two differ in a way
      // with a name (a trailing slash, a union), their words are examples.
      const values = diffs.length ? 0.3 : 1;
      addText(q, left, values, 3);
      addText(q, right, values / 2, 3);
      // What one side has over the other in a union (`offline_access` in `read offline_access`
      // against `read`) is what changed, not an example.
      if (diffs.includes('union')) addText(q, unionExtra(left, right), 1.5, 3);
    }
    for (const w of a.where) addText(q, w, 1.5, 3);
    for (const e of a.extra) addText(q, e, 1.5, 3);
    for (const r of a.raised) addText(q, r, 1.5, 3);
  }
  for (const d of dropped) q.delete(d);
  return q;
}

/** The words of the larger side of a union that the other side lacks. */
function unionExtra(left: string, right: string): string {
  const words = (v: string) =>
    v
      .replace(/[[\]()'",]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
  const [l, r] = [words(left), words(right)];
  const [big, small] = l.length >= r.length ? [l, new Set(r)] : [r, new Set(l)];
  return big.filter((w) => !small.has(w)).join(' ');
}

export interface Ranked {
  section: number;
  score: number;
  /** Share of the query's information (idf x weight) this section matches. */
  coverage: number;
  /** The matched words that say most, best first. */
  words: string[];
  /** Matched words that the section's heading, symbols or symptoms use (its key words). */
  keys: number;
}

/** How much of each section's heading the query says, by information (idf): 0..1, cached per index. */
const headingWords = new WeakMap<LookupIndex, Array<Array<[string, number]>>>();
function headings(index: LookupIndex, sections: Section[]): Array<Array<[string, number]>> {
  let out = headingWords.get(index);
  if (!out) {
    const ft = index.fulltext;
    out = sections.map((sec) => {
      const seen = new Map<string, number>();
      eachToken(sec.title, (t) => {
        const postings = Object.hasOwn(ft.terms, t) ? ft.terms[t] : undefined;
        if (postings && !seen.has(t)) seen.set(t, idfOf(ft.n, postings.length / 2));
      });
      return [...seen];
    });
    headingWords.set(index, out);
  }
  return out;
}

function headingCover(words: Array<[string, number]>, q: Query): number {
  let all = 0;
  let said = 0;
  for (const [w, idf] of words) {
    all += idf;
    if (q.has(w)) said += idf;
  }
  return all ? said / all : 0;
}

const idfOf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

export function search(q: Query, index: LookupIndex, sections?: Section[]): Ranked[] {
  const ft = index.fulltext;
  const n = ft.n;
  // A word the guide never uses still counts against coverage, a little less than the rarest one.
  const unknownIdf = idfOf(n, 1) * 0.6;
  const scores = new Map<number, { score: number; mass: number; keys: number; words: Array<[string, number]> }>();
  let total = 0;
  for (const [term, weight] of q) {
    // Own properties only: the words `constructor` and `toString` are in the guide too.
    const postings = Object.hasOwn(ft.terms, term) ? ft.terms[term] : undefined;
    if (!postings) {
      // A user's own compound identifier (`handle_list_tools`) speaks through its parts; a value
      // the guide never quotes (a version, an id) says little either way.
      if (/[_.]/.test(term) && !/^-?\d/.test(term)) continue;
      total += unknownIdf * weight * (/^-?\d/.test(term) ? 0.3 : 1);
      continue;
    }
    const df = postings.length / 2;
    const idf = idfOf(n, df);
    total += idf * weight;
    // A key word counts when it is some sections' own, not one a quarter of the guide uses.
    const keyDocs = Object.hasOwn(ft.keys, term) && df <= n / 4 ? ft.keys[term] : [];
    for (let i = 0; i < postings.length; i += 2) {
      const doc = postings[i];
      const tf = postings[i + 1];
      const norm = tf + K1 * (1 - B + (B * ft.len[doc]) / ft.avg);
      const s = idf * weight * ((tf * (K1 + 1)) / norm);
      const e = scores.get(doc) ?? { score: 0, mass: 0, keys: 0, words: [] };
      e.score += s;
      e.mass += idf * weight;
      if (keyDocs.includes(doc)) e.keys++;
      // An exact value (an error code, a status) agrees as much as two ordinary words.
      e.words.push([term, s]);
      if (/^-?\d{3,}$/.test(term)) e.words.push([`${term}\u0000`, 0]);
      scores.set(doc, e);
    }
  }
  if (!total) return [];
  // A paste that says most of what a heading says is about that section: its score grows with the
  // share of the heading's information it covers.
  const heads = sections ? headings(index, sections) : null;
  return [...scores.entries()]
    .map(([section, e]) => ({
      section,
      score: e.score * (heads ? 1 + HEADING_BOOST * headingCover(heads[section] ?? [], q) : 1),
      coverage: e.mass / total,
      words: e.words.sort((a, b) => b[1] - a[1]).map(([w]) => w),
      keys: e.keys,
    }))
    .sort((a, b) => b.score - a.score || a.section - b.section);
}

/** The words to show: whole identifiers over their parts, no value markers, at most four. */
function shownWords(words: string[]): string {
  const real = words.filter((w) => !w.endsWith('\u0000'));
  const shown = real.filter(
    (w) => w.length > 2 && !real.some((o) => o !== w && /[._]/.test(o) && o.split(/[._]/).includes(w)),
  );
  return shown
    .slice(0, 4)
    .map((w) => `“${w}”`)
    .join(', ');
}

/** Ceiling for an answer full text alone supports. */
export const FULLTEXT_MAX = 0.9;

/** The best sections as hits, with a confidence from coverage and the lead over the runner-up. */
export function fulltextHits(n: Normalised, index: LookupIndex, sections: Section[], dropped?: Set<string>): Hit[] {
  const q = buildQuery(n, dropped);
  if (q.size === 0) return [];
  const ranked = search(q, index, sections).slice(0, 5);
  if (!ranked.length) return [];
  const best = ranked[0].score;
  const found = n.assertions?.pairs.flatMap((p) => differences(p.left, p.right)) ?? [];
  const diffs = found.length ? `the assertion's two sides differ by ${[...new Set(found)].join(', ')}; ` : '';
  const hits: Hit[] = [];
  for (const [rank, r] of ranked.entries()) {
    const next = ranked[rank + 1]?.score ?? 0;
    const lead = rank === 0 ? (r.score - next) / r.score : (r.score - best) / best;
    const confidence = fulltextConfidence(r.coverage, lead, r.words.length, r.keys);
    const sec = sections[r.section];
    if (!sec || confidence <= 0) continue;
    hits.push({
      anchor: sec.anchor,
      confidence,
      evidence: `full text: ${diffs}the section shares ${shownWords(r.words)} with the paste`,
    });
  }
  return hits;
}

/**
 * How far full text alone can be trusted: the share of the paste it explains, its lead over the
 * runner-up, and how many words agree (one or two shared words are a coincidence, not an answer).
 */
export function fulltextConfidence(coverage: number, lead: number, words: number, keys: number): number {
  const agreement = Math.max(0, Math.min(1, (words - 2) / 5));
  let c = 0.15 + 0.45 * Math.min(1, coverage) + 0.25 * Math.max(-0.4, Math.min(1, lead)) + 0.25 * agreement;
  if (words <= 2) c = Math.min(c, 0.4);
  else if (words === 3) c = Math.min(c, coverage >= 0.75 ? 0.55 : 0.45);
  // Words only the prose shares are not what the section is about.
  if (keys === 0) c = Math.min(c, 0.45);
  return Math.max(0, Math.min(FULLTEXT_MAX, Math.round(c * 100) / 100));
}
