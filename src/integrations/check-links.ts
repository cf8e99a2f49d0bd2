// Fails the build when a page links to a local page (or a #fragment on another page) that the
// build did not produce. Relative links are resolved the way a browser would, so base paths count.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HREF = /<a\b[^>]*?\bhref="([^"]*)"/g;
const ID = /\bid="([^"]*)"/g;

export default function checkLinks(): AstroIntegration {
  let base = '/';
  return {
    name: 'mcp-migrate:check-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const problems = findBrokenLinks(root, base);
        if (problems.length) {
          for (const p of problems.slice(0, 50)) logger.error(p);
          throw new Error(`${problems.length} broken internal link(s)`);
        }
        logger.info('internal links OK');
      },
    },
  };
}

export function findBrokenLinks(root: string, base: string): string[] {
  const pages = listHtml(root);
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, new Set([...read(file).matchAll(ID)].map((m) => decode(m[1]))));
    return idCache.get(file)!;
  };
  const problems: string[] = [];
  for (const file of pages) {
    const pageUrl = new URL(`http://site${base}${toUrlPath(path.relative(root, file))}`);
    for (const [, raw] of read(file).matchAll(HREF)) {
      const href = decode(raw);
      if (!href || href.startsWith('#') || (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('http://site')))
        continue;
      if (href.startsWith('//')) continue;
      const url = new URL(href, pageUrl);
      if (!url.pathname.startsWith(base)) {
        problems.push(`${rel(root, file)}: ${href} is outside the base path ${base}`);
        continue;
      }
      const target = toFile(root, decodeURIComponent(url.pathname.slice(base.length)));
      if (!target) {
        problems.push(`${rel(root, file)}: ${href} -> no such page`);
        continue;
      }
      const frag = decodeURIComponent(url.hash.slice(1));
      // `#code=…` / `#state=…` are playground state, not element ids.
      if (
        frag &&
        target !== file &&
        target.endsWith('.html') &&
        frag !== '_top' &&
        !frag.includes('=') &&
        !ids(target).has(frag)
      ) {
        problems.push(`${rel(root, file)}: ${href} -> no id "${frag}"`);
      }
    }
  }
  return problems;
}

function toFile(root: string, p: string): string | null {
  const candidates =
    p === '' || p.endsWith('/')
      ? [path.join(root, p, 'index.html')]
      : [path.join(root, p), path.join(root, `${p}.html`)];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

function toUrlPath(relFile: string): string {
  const p = relFile.split(path.sep).join('/');
  return p.endsWith('index.html') ? p.slice(0, -'index.html'.length) : p;
}

function listHtml(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.join(d.parentPath, d.name));
}

const read = (f: string) => fs.readFileSync(f, 'utf8');
const rel = (root: string, f: string) => path.relative(root, f);
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
