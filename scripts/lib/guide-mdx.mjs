// @ts-check
// Turns MkDocs-flavoured Markdown into MDX that Starlight renders the same way.
import path from 'node:path';

export const DOCS_SITE = 'https://modelcontextprotocol.github.io/python-sdk/';

/**
 * MkDocs admonition kind -> Starlight aside type.
 * @type {Record<string, string>}
 */
const ASIDE = {
  note: 'note',
  info: 'note',
  abstract: 'note',
  summary: 'note',
  tldr: 'note',
  example: 'note',
  quote: 'note',
  cite: 'note',
  question: 'note',
  help: 'note',
  faq: 'note',
  todo: 'note',
  seealso: 'note',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  warning: 'caution',
  caution: 'caution',
  attention: 'caution',
  bug: 'caution',
  danger: 'danger',
  error: 'danger',
  failure: 'danger',
  fail: 'danger',
  missing: 'danger',
};

/**
 * `api/mcp/index.md#x` -> the page on the official MkDocs site (directory URLs).
 * @param {string} target
 */
export function docsUrl(target) {
  const [file, frag] = target.split('#');
  const page = file.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, '/');
  return DOCS_SITE + page + (frag ? `#${frag}` : '');
}

/**
 * @typedef {object} LinkContext
 * @property {string} pageDir the page's own site path ('guide/clients/x/')
 * @property {(slug: string) => string | undefined} resolve site path of an official anchor
 */

/**
 * An official link as it is written on our page: emitted relative so it survives any base path.
 * @param {string} url
 * @param {LinkContext} ctx
 */
export function rewriteUrl(url, ctx) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return url;
  if (url.startsWith('#')) {
    const target = ctx.resolve(url.slice(1));
    if (!target) throw new Error(`${ctx.pageDir}: link to unknown anchor ${url}`);
    return relative(ctx.pageDir, target);
  }
  if (/\.md(#|$)/.test(url)) return docsUrl(url);
  throw new Error(`${ctx.pageDir}: unsupported link ${url}`);
}

/**
 * @param {string} fromDir
 * @param {string} target
 */
export function relative(fromDir, target) {
  const [p, frag] = target.split('#');
  let rel = path.posix.relative(`/${fromDir}`, `/${p}`);
  rel = rel ? `${rel}/` : './';
  return rel + (frag ? `#${frag}` : '');
}

const CODE = /(`+)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Inline conversion of one paragraph/table/list block: links rewritten, MDX specials escaped.
 * @param {string} text
 * @param {LinkContext} ctx
 */
export function convertInline(text, ctx) {
  /** @type {string[]} */
  const spans = [];
  let out = text.replace(CODE, (m) => `\u0000${spans.push(m) - 1}\u0000`);
  out = out.replace(/\]\(([^)\s]+)\)/g, (_m, url) => `](${rewriteUrl(url, ctx)})`);
  // `{`/`}` open JSX expressions and `<` opens JSX tags in MDX; code spans are already literal.
  out = out.replace(/(?<!\\)[{}<]/g, '\\$&');
  return out.replace(/\u0000(\d+)\u0000/g, (_m, i) => spans[Number(i)]);
}

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const ADMONITION = /^(\s*)(!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+"([^"]*)")?\s*$/;

/**
 * Block-level conversion: fences verbatim, admonitions to Starlight asides, text inline-converted.
 * @param {string[]} lines
 * @param {LinkContext} ctx
 * @returns {string[]}
 */
export function convertBlocks(lines, ctx) {
  /** @type {string[]} */
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const [, , marks] = fence;
      out.push(line);
      i++;
      while (i < lines.length) {
        const close = new RegExp(`^\\s*${marks[0] === '`' ? '`' : '~'}{${marks.length},}\\s*$`);
        out.push(lines[i]);
        if (close.test(lines[i++])) break;
      }
      continue;
    }
    const adm = ADMONITION.exec(line);
    if (adm) {
      const [, indent, , kind, title] = adm;
      /** @type {string[]} */
      const body = [];
      i++;
      const inner = indent.length + 4;
      while (i < lines.length && (!lines[i].trim() || lines[i].search(/\S/) >= inner))
        body.push(lines[i++].slice(inner));
      // Blank lines after the body separate it from what follows; give them back.
      while (body.length && !body.at(-1)?.trim()) {
        body.pop();
        i--;
      }
      while (body.length && !body[0].trim()) body.shift();
      const type = ASIDE[kind.toLowerCase()] ?? 'note';
      const label = title ? `[${convertInline(title, ctx).replace(/[[\]]/g, '\\$&')}]` : '';
      out.push(
        `${indent}:::${type}${label}`,
        ...convertBlocks(body, ctx).map((l) => (l ? indent + l : l)),
        `${indent}:::`,
      );
      continue;
    }
    if (!line.trim()) {
      out.push('');
      i++;
      continue;
    }
    /** @type {string[]} */
    const block = [];
    while (i < lines.length && lines[i].trim() && !FENCE.test(lines[i]) && !ADMONITION.test(lines[i]))
      block.push(lines[i++]);
    out.push(...convertInline(block.join('\n'), ctx).split('\n'));
  }
  return out;
}
