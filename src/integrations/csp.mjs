// Strict Content-Security-Policy for the static build.
//
// After the build, every HTML page gets a `<meta http-equiv="Content-Security-Policy">` right after its
// `<meta charset>`, computed from the page itself: the inline scripts and inline <style> elements it
// actually contains are allowed by SHA-256 hash, everything else must come from the site's own origin.
// No host other than 'self' is ever allowed. `'wasm-unsafe-eval'` is needed for Pyodide (playground)
// and Pagefind (site search).
//
// A page that contains `data-csp-monaco` (the playground) also gets `style-src 'unsafe-inline'`:
// Monaco writes its theme and per-token colours into <style> elements at runtime (textContent),
// which no hash can cover. Scripts stay hash-only there too.
//
// `astro dev` has no CSP (Vite injects styles and scripts inline while developing).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Compute the policy for one HTML document. Exported for tests. */
export function policyFor(html) {
  const scriptHashes = new Set();
  // Inline classic/module scripts (no src). Data blocks (JSON) are not executed; hashing them is harmless.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(m[1])) continue;
    if (m[2].length === 0) continue;
    scriptHashes.add(sha256(m[2]));
  }
  const styleHashes = new Set();
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styleHashes.add(sha256(m[1]));
  const attrHashes = new Set();
  for (const m of html.matchAll(/\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const value = (m[2] ?? m[3] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    attrHashes.add(sha256(value));
  }
  const monaco = /\sdata-csp-monaco\b/.test(html);
  const directives = [
    ['default-src', "'self'"],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...scriptHashes].join(' ')],
    // Monaco (playground only) writes <style> elements at runtime: 'unsafe-inline' there, hashes elsewhere.
    ['style-src', monaco ? "'self' 'unsafe-inline'" : ["'self'", ...styleHashes].join(' ')],
    [
      'style-src-attr',
      monaco ? "'unsafe-inline'" : attrHashes.size ? ["'unsafe-hashes'", ...attrHashes].join(' ') : "'none'",
    ],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['media-src', "'self'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map(([k, v]) => `${k} ${v}`).join('; ');
}

export function injectPolicy(html) {
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(cleaned)}">`;
  const charset = cleaned.match(/<meta charset=["']?[\w-]+["']?\s*\/?>/i);
  if (charset) return cleaned.replace(charset[0], `${charset[0]}${meta}`);
  return cleaned.replace(/<head([^>]*)>/i, `<head$1>${meta}`);
}

/** @returns {import('astro').AstroIntegration} */
export default function csp() {
  return {
    name: 'mcp-migrate:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          await writeFile(file, injectPolicy(html));
          pages++;
        }
        logger.info(`Content-Security-Policy meta added to ${pages} pages`);
      },
    },
  };
}
