// Serves the Pyodide runtime from the site's own origin: copied into `<outDir>/pyodide/` at build time
// and served from node_modules in `astro dev`. Only the files a stdlib-only engine needs; no packages.
// The build also makes the engine snapshot (scripts/build-snapshot.mjs) that the playground's worker
// restores instead of starting Python; `astro dev` has none and starts Python from scratch.
import { createReadStream } from 'node:fs';
import { statSync } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSnapshot, snapshotName } from '../../scripts/build-snapshot.mjs';

export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

const TYPES = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
};

function pyodideDir() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pyodide/package.json'));
}

/** @returns {import('astro').AstroIntegration} */
export default function pyodideAssets() {
  let base = '/';
  return {
    name: 'mcp-migrate:pyodide-assets',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const prefix = `${base}pyodide/`;
        const dir = pyodideDir();
        // Byte sizes of the files the worker streams, for its progress bar (responses may be compressed).
        const sizes = {};
        for (const name of ['pyodide.asm.wasm', 'python_stdlib.zip']) sizes[name] = statSync(join(dir, name)).size;
        updateConfig({
          vite: {
            define: {
              __PYODIDE_SIZES__: JSON.stringify(sizes),
              __ENGINE_SNAPSHOT__: JSON.stringify(command === 'build' ? snapshotName() : null),
            },
            // Dev server only: pre-bundle Monaco's lazily loaded tokenizers (no optimizer reload on
            // first visit) and never pre-bundle the npm Pyodide (the worker loads /pyodide/ instead).
            optimizeDeps: {
              include: [
                'monaco-editor/languages/definitions/python/python',
                'monaco-editor/languages/definitions/ini/ini',
              ],
              exclude: ['pyodide'],
            },
            worker: {
              // Pyodide refuses classic workers: build the playground's workers as ES modules.
              format: 'es',
              // The worker imports Pyodide from the site's own /pyodide/ at run time; keep the npm
              // copy (and its Node-only imports) out of the worker bundle.
              plugins: () => [
                {
                  name: 'mcp-migrate:pyodide-stub',
                  enforce: 'pre',
                  resolveId: (id) => (id === 'pyodide' ? '\0pyodide-stub' : null),
                  load: (id) =>
                    id === '\0pyodide-stub'
                      ? 'export function loadPyodide() { throw new Error("load pyodide.mjs from the site (indexURL)"); }'
                      : null,
                },
              ],
            },
            plugins: [
              {
                name: 'mcp-migrate:pyodide-dev-server',
                apply: 'serve',
                configureServer(server) {
                  server.middlewares.use(async (req, res, next) => {
                    const url = (req.url || '').split('?')[0];
                    if (!url.startsWith(prefix)) return next();
                    const name = url.slice(prefix.length);
                    if (!PYODIDE_FILES.includes(name)) return next();
                    const file = join(dir, name);
                    const info = await stat(file);
                    const ext = name.slice(name.lastIndexOf('.'));
                    res.setHeader('Content-Type', TYPES[ext] || 'application/octet-stream');
                    res.setHeader('Content-Length', String(info.size));
                    res.setHeader('Cache-Control', 'no-cache');
                    createReadStream(file).pipe(res);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'pyodide');
        await mkdir(out, { recursive: true });
        const src = pyodideDir();
        let bytes = 0;
        for (const name of PYODIDE_FILES) {
          await copyFile(join(src, name), join(out, name));
          bytes += (await stat(join(out, name))).size;
        }
        logger.info(
          `copied ${PYODIDE_FILES.length} Pyodide runtime files (${(bytes / 1e6).toFixed(1)} MB) to pyodide/`,
        );
        const t0 = performance.now();
        const snap = await buildSnapshot(out);
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        logger.info(
          `engine snapshot ${snap.name} (${(snap.bytes / 1e6).toFixed(1)} MB)${snap.reused ? ' reused from the cache' : ` built in ${secs} s`}`,
        );
      },
    },
  };
}
