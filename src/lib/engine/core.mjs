// Runs the Python engine under Pyodide. Browser-safe: no Node imports here (node.mjs adds those).

const ROOT = '/mcp_migrate_engine';

// Results cross the JS/Python boundary as JSON strings: no proxies to leak or destroy. The functions
// live in Pyodide's globals so that an interpreter restored from a memory snapshot (the playground's
// worker) finds them without re-importing anything: see attachEngine.
const BOOT = `
import json, sys
if ${JSON.stringify(ROOT)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(ROOT)})
for _m in [m for m in sys.modules if m == "mcp_migrate" or m.startswith("mcp_migrate.")]:
    del sys.modules[_m]
import mcp_migrate.api as _mm_api

_mm_has_project = hasattr(_mm_api, "file_facts") and hasattr(_mm_api, "ProjectIndex")
_mm_facts = {}
_mm_project = None

def _mm_migrate(text, filename, options_json, use_project=False):
    o = json.loads(options_json)
    kw = {}
    if use_project and _mm_project is not None:
        kw["project"] = _mm_project
    r = _mm_api.migrate_text(text, filename, select=o.get("select"), ignore=o.get("ignore"),
                             apply_review=o.get("apply_review", False), **kw)
    return json.dumps(r)

def _mm_list_rules():
    return json.dumps(_mm_api.list_rules())

def _mm_set_facts(path, text):
    f = _mm_api.file_facts(path, text) if _mm_has_project else None
    _mm_facts[path] = f
    return json.dumps(f)

def _mm_drop_facts(path=None):
    global _mm_project
    if path is None:
        _mm_facts.clear()
        _mm_project = None
    else:
        _mm_facts.pop(path, None)

def _mm_build_project():
    global _mm_project
    _mm_project = _mm_api.ProjectIndex([f for f in _mm_facts.values() if f]) if _mm_has_project else None
`;

/** The engine functions BOOT defined, taken from an interpreter that already ran it. */
export function attachEngine(pyodide) {
  const g = pyodide.globals;
  const fn = (name) => {
    const f = g.get(name);
    if (!f) throw new Error(`the engine is not loaded in this interpreter (${name} missing)`);
    return f;
  };
  const migrateFn = fn('_mm_migrate');
  const listFn = fn('_mm_list_rules');
  const setFacts = fn('_mm_set_facts');
  const dropFacts = fn('_mm_drop_facts');
  const buildProject = fn('_mm_build_project');
  return {
    pyodide,
    hasProjectApi: Boolean(g.get('_mm_has_project')),
    migrateJson(text, filename = 'main.py', options = {}, useProject = false) {
      return migrateFn(text, filename, JSON.stringify(options ?? {}), useProject);
    },
    migrate(text, filename = 'main.py', options = {}, useProject = false) {
      return JSON.parse(migrateFn(text, filename, JSON.stringify(options ?? {}), useProject));
    },
    listRules() {
      return JSON.parse(listFn());
    },
    setFileFacts(path, text) {
      return JSON.parse(setFacts(path, text));
    },
    dropFileFacts(path) {
      if (path === undefined) dropFacts();
      else dropFacts(path);
    },
    buildProject() {
      buildProject();
    },
  };
}

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
  pyodide.runPython(BOOT);
  return attachEngine(pyodide);
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
    migrateSync: (text, filename, options) => engine.migrate(text, filename, options),
    listRulesSync: engine.listRules,
    sync: engine,
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
