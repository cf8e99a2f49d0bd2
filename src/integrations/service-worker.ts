// Writes <outDir>/sw.js: the site's service worker (src/service-worker/sw.js) with the build's file
// list, and registers it on every page (src/lib/offline/register.ts). Its cache is named after a hash
// of every file, so a new build replaces the old cache as a whole.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function* files(dir: string, rel = ''): Generator<string> {
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* files(dir, child);
    else yield child;
  }
}

/** The URL a built file is served at: `guide/x/index.html` -> `<base>guide/x/`. */
export function urlOf(rel: string, base: string): string {
  if (rel === 'index.html') return base;
  if (rel.endsWith('/index.html')) return `${base}${rel.slice(0, -'index.html'.length)}`;
  return `${base}${rel}`;
}

export function precacheManifest(dir: string, base: string) {
  const hash = createHash('sha256');
  const shell: string[] = [];
  const runtime: string[] = [];
  for (const rel of [...files(dir)].sort()) {
    if (rel === 'sw.js' || rel.endsWith('.map')) continue;
    hash.update(rel).update(
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, rel)))
        .digest(),
    );
    (rel.startsWith('pyodide/') ? runtime : shell).push(urlOf(rel, base));
  }
  return { version: hash.digest('hex').slice(0, 16), base, shell, runtime };
}

export default function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'mcp-migrate:service-worker',
    hooks: {
      'astro:config:setup': ({ config, injectScript }) => {
        base = config.base.replace(/\/?$/, '/');
        injectScript('page', `import '/src/lib/offline/register.ts';`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const manifest = precacheManifest(out, base);
        const source = fs.readFileSync(new URL('../service-worker/sw.js', import.meta.url), 'utf8');
        fs.writeFileSync(path.join(out, 'sw.js'), `self.__PRECACHE__ = ${JSON.stringify(manifest)};\n${source}`);
        logger.info(
          `sw.js: ${manifest.shell.length} site files and ${manifest.runtime.length} Python files for offline use`,
        );
      },
    },
  };
}
