// @ts-check
// Prints the gzip weight of HTML and of the JavaScript a page loads up front (scripts + their static imports).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const base = (process.env.BASE_PATH || '/').replace(/\/?$/, '/');

/** @param {Buffer} buf */
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Resolve a URL path of the built site to a file in dist/.
 * @param {string} urlPath
 */
const fileOf = (urlPath) => join(dist, urlPath.startsWith(base) ? urlPath.slice(base.length) : urlPath);

/**
 * @param {string} html
 * @param {string} pagePath
 */
function jsClosure(html, pagePath) {
  const seen = new Set();
  /** @type {string[]} */
  const queue = [];
  /**
   * @param {string} spec
   * @param {string} from
   */
  const add = (spec, from) => {
    const url = new URL(spec, `http://x${from}`).pathname;
    if (!url.endsWith('.js') && !url.endsWith('.mjs')) return;
    if (!seen.has(url)) {
      seen.add(url);
      queue.push(url);
    }
  };
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) add(m[1], pagePath);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) add(m[1], pagePath);
  let inline = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    inline += gz(Buffer.from(m[1]));
    for (const i of m[1].matchAll(/\bimport\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) add(i[1], pagePath);
  }
  let bytes = inline;
  while (queue.length) {
    const url = /** @type {string} */ (queue.shift());
    const file = fileOf(url);
    if (!existsSync(file)) continue;
    const src = readFileSync(file);
    bytes += gz(src);
    // Only static imports load up front; dynamic import() chunks load on demand.
    for (const i of src.toString().matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+)["']/g))
      add(i[1], url);
  }
  return { bytes, files: seen.size };
}

/** @param {string} path a page's URL path under the base, e.g. 'lookup/' */
export function pageWeight(path) {
  const html = readFileSync(join(fileOf(base + path), 'index.html'));
  const js = jsClosure(html.toString(), base + path);
  return { path: '/' + path, html: gz(html), js: js.bytes, jsFiles: js.files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(dist)) {
    console.error('dist/ is missing: run `npm run build` first');
    process.exit(2);
  }
  const targets = [
    ['content page', 'guide/mcpserver-formerly-fastmcp/fastmcp-renamed-to-mcpserver/'],
    ['home page', ''],
    ['lookup page', 'lookup/'],
    ['playground', 'playground/'],
  ];
  console.log('page weight (gzip)');
  for (const [label, path] of targets) {
    if (!existsSync(join(fileOf(base + path), 'index.html'))) continue;
    const w = pageWeight(path);
    console.log(
      `  ${label.padEnd(14)} HTML ${kb(w.html).padStart(9)}   JS ${kb(w.js).padStart(9)} in ${w.jsFiles} files   ${w.path}`,
    );
  }
}
