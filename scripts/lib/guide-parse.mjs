// @ts-check
// Splits the official guide into its `##` areas and `###` sections, and computes the anchors the
// guide's own links use (MkDocs `toc` slugify), so our file names match the official anchors.
import { createHash } from 'node:crypto';

/** Heading markdown -> the text MkDocs renders (links keep their text, code spans lose backticks). */
/** @param {string} md */
export function headingText(md) {
  return md
    .replace(/\[((?:`[^`]*`|[^\]])*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .trim();
}

/**
 * Heading markdown with links reduced to their text but code spans kept.
 * @param {string} md
 */
export function headingMarkdown(md) {
  return md.replace(/\[((?:`[^`]*`|[^\]])*)\]\([^)]*\)/g, '$1').trim();
}

/**
 * Python-Markdown toc.slugify: drop all but word chars, spaces and hyphens; collapse to '-'.
 * @param {string} md
 */
export function slugify(md) {
  return headingText(md)
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}_\s-]/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}

/**
 * Links inside a heading (e.g. the SEP link), which a plain-text title would otherwise lose.
 * @param {string} md
 */
export function headingLinks(md) {
  return [...md.matchAll(/\[((?:`[^`]*`|[^\]])*)\]\(([^)]*)\)/g)].map((m) => ({ text: m[1], url: m[2] }));
}

/** @param {string} text */
export const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Parses the guide into { title, preamble, areas: [{ heading, slug, intro, sections: [...] }] }.
 * Every `##` becomes an "area" here, including "Find your changes", "Suggested migration order"
 * and "Need Help?"; callers decide which of them are guide areas.
 * @param {string} markdown
 */
export function parseGuide(markdown) {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const used = new Set();
  // toc.unique: a repeated slug gets _1, _2, ... in document order.
  /** @param {string} id */
  const unique = (id) => {
    let out = id;
    for (let n = 1; used.has(out) || !out; n++) out = `${id}_${n}`;
    used.add(out);
    return out;
  };
  /** @typedef {{ heading: string, anchor: string, body: string[], hash?: string }} Section */
  /** @typedef {{ heading: string, slug: string, intro: string[], sections: Section[] }} Area */
  /** @type {{ title: string, preamble: string[], areas: Area[] }} */
  const doc = { title: '', preamble: [], areas: [] };
  /** @type {Area | null} */
  let area = null;
  /** @type {Section | null} */
  let section = null;
  /** @type {string | null} */
  let inFence = null;
  for (const line of lines) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (!inFence) inFence = fence[1];
      else if (fence[1][0] === inFence[0] && fence[1].length >= inFence.length && /^\s*[`~]+\s*$/.test(line))
        inFence = null;
    }
    const h = inFence || fence ? null : /^(#{1,3}) +(.*?)\s*#*\s*$/.exec(line);
    if (h && h[1] === '#') {
      doc.title = h[2];
      unique(slugify(h[2]));
    } else if (h && h[1] === '##') {
      area = { heading: h[2], slug: unique(slugify(h[2])), intro: [], sections: [] };
      section = null;
      doc.areas.push(area);
    } else if (h && h[1] === '###') {
      if (!area) throw new Error(`### before any ##: ${line}`);
      section = { heading: h[2], anchor: unique(slugify(h[2])), body: [] };
      area.sections.push(section);
    } else if (section) section.body.push(line);
    else if (area) area.intro.push(line);
    else doc.preamble.push(line);
  }
  /** @param {string[]} arr */
  const trim = (arr) => {
    while (arr.length && !arr[0].trim()) arr.shift();
    while (arr.length && !arr.at(-1)?.trim()) arr.pop();
    return arr;
  };
  trim(doc.preamble);
  for (const a of doc.areas) {
    trim(a.intro);
    for (const s of a.sections) {
      trim(s.body);
      s.hash = hash(`### ${s.heading}\n${s.body.join('\n')}`);
    }
  }
  return doc;
}
