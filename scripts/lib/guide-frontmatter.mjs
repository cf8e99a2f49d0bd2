// @ts-check
// Frontmatter I/O. The converter owns a few keys; everything else in an existing page is curated
// by hand (impact, symptoms, symbols, rules, ...) and must survive regeneration untouched.
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';

/** @typedef {Record<string, any>} Frontmatter a page's YAML frontmatter, parsed */

export const OWNED = ['title', 'heading', 'area', 'anchor', 'seed', 'upstreamHash', 'seedOnly', 'tableOfContents'];
const ORDER = [
  'title',
  'heading',
  'description',
  'area',
  'anchor',
  'impact',
  'seed',
  'seedOnly',
  'symptoms',
  'symbols',
  'rules',
  'notInCode',
  'sidebar',
  'tableOfContents',
  'upstreamHash',
];

/** @param {string} text a page */
export function splitFrontmatter(text) {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) return { data: {}, body: text };
  return { data: YAML.parse(m[1]) ?? {}, body: text.slice(m[0].length) };
}

/**
 * Owned keys from `generated`, curated keys from `previous`; sidebar.order/badge are derived.
 * @param {Frontmatter} previous
 * @param {Frontmatter} generated
 * @returns {Frontmatter}
 */
export function mergeFrontmatter(previous, generated) {
  const merged = { ...previous };
  for (const k of OWNED) delete merged[k];
  for (const [k, v] of Object.entries(generated))
    if (k !== 'sidebar' && !(k in merged && !OWNED.includes(k))) merged[k] = v;
  const sidebar = { ...(previous.sidebar ?? {}), ...(generated.sidebar ?? {}) };
  // The badge follows the curated impact so a re-curated impact can't leave a stale badge behind.
  if (merged.impact === 'silent') sidebar.badge = { text: 'silent', variant: 'danger' };
  else if (sidebar.badge?.text === 'silent') delete sidebar.badge;
  if (Object.keys(sidebar).length) merged.sidebar = sidebar;
  return merged;
}

/**
 * `previousYaml`: the page's old frontmatter text. Values that did not change keep their old YAML
 * nodes, so hand-written quoting survives and regeneration leaves no formatting-only diffs.
 * @param {Frontmatter} data
 * @param {string} [previousYaml]
 */
export function renderFrontmatter(data, previousYaml) {
  /** @type {Frontmatter} */
  const ordered = {};
  for (const k of ORDER) if (k in data) ordered[k] = data[k];
  for (const k of Object.keys(data)) if (!(k in ordered)) ordered[k] = data[k];
  const doc = new YAML.Document(ordered);
  if (previousYaml) {
    const prev = YAML.parseDocument(previousYaml);
    // `ordered` is a plain object, so the document is a map with string keys.
    for (const pair of /** @type {import('yaml').YAMLMap<import('yaml').Scalar<string>>} */ (doc.contents).items) {
      const old = prev.get(pair.key.value, true);
      if (old !== undefined && isDeepStrictEqual(prev.toJS()[pair.key.value], ordered[pair.key.value]))
        pair.value = old;
    }
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  return `---\n${yaml}\n---\n`;
}

/** @param {string | null} [text] a page */
export const frontmatterText = (text) => /^---\n([\s\S]*?)\n---\n?/.exec(text ?? '')?.[1];
