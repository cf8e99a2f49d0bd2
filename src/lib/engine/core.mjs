// Runs the Python engine under Pyodide. Browser-safe: no Node imports here (node.mjs adds those).

const ROOT = '/mcp_migrate_engine';

// Results cross the JS/Python boundary as JSON strings: no proxies to leak or destroy.
const BOOT = `
import json, sys
if ${JSON.stringify(ROOT)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(ROOT)})
for _m in [m for m in sys.modules if m == "mcp_migrate" or m.startswith("mcp_migrate.")]:
    del sys.modules[_m]
import mcp_migrate.api as _mm_api

def _mm_migrate(text, filename, options_json):
    o = json.loads(options_json)
    r = _mm_api.migrate_text(text, filename, select=o.get("select"), ignore=o.get("ignore"),
                             apply_review=o.get("apply_review", False))
    return json.dumps(r)

def _mm_list_rules():
    return json.dumps(_mm_api.list_rules())

(_mm_migrate, _mm_list_rules)
`;

/**
 * Write the engine files into Pyodide's FS and import the package.
 * @param {any} pyodide a loaded Pyodide instance
 * @param {Record<string, string>} files {"mcp_migrate/api.py": source, ...}
 */
export function createEngine(pyodide, files) {
  const FS = pyodide.FS;
  for (const [rel, src] of Object.entries(files)) {
    const path = `${ROOT}/${rel}`;
    const parts = path.split('/').slice(1, -1);
    let dir = '';
    for (const p of parts) {
      dir += `/${p}`;
      if (!FS.analyzePath(dir).exists) FS.mkdir(dir);
    }
    FS.writeFile(path, src, { encoding: 'utf8' });
  }
  const pair = pyodide.runPython(BOOT);
  const migrateFn = pair.get(0);
  const listFn = pair.get(1);
  pair.destroy();
  return {
    pyodide,
    migrate(text, filename = 'main.py', options = {}) {
      return JSON.parse(migrateFn(text, filename, JSON.stringify(options ?? {})));
    },
    listRules() {
      return JSON.parse(listFn());
    },
  };
}

/**
 * @param {{ indexURL?: string, engineSource: { files: Record<string,string> } | string | (() => Promise<Record<string,string>>),
 *           loadPyodide?: (opts: any) => Promise<any>, pyodide?: any }} opts
 */
export async function loadEngine(opts) {
  let pyodide = opts.pyodide;
  if (!pyodide) {
    const load = opts.loadPyodide ?? (await import('pyodide')).loadPyodide;
    pyodide = await load(opts.indexURL ? { indexURL: opts.indexURL } : {});
  }
  const files = await resolveFiles(opts.engineSource);
  const engine = createEngine(pyodide, files);
  return {
    pyodide,
    async migrate(text, filename, options) {
      return engine.migrate(text, filename, options);
    },
    async listRules() {
      return engine.listRules();
    },
    migrateSync: engine.migrate,
    listRulesSync: engine.listRules,
  };
}

async function resolveFiles(src) {
  if (typeof src === 'function') return await src();
  if (typeof src === 'string') {
    const res = await fetch(src);
    if (!res.ok) throw new Error(`engine files: ${res.status} ${src}`);
    return await res.json();
  }
  if (src && typeof src === 'object' && 'files' in src) return src.files;
  throw new Error('loadEngine: engineSource must be {files}, a URL, or an async function');
}
