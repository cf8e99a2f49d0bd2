// @ts-check
// Engine throughput under Pyodide in Node and under CPython: the same engine/tools/bench.py in both.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNodeEngine } from '../src/lib/engine/node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchSource = readFileSync(`${root}engine/tools/bench.py`, 'utf8');

/**
 * @param {string} label
 * @param {Record<string, any>} r what engine/tools/bench.py prints: `runtime`, then one measurement per workload
 */
function print(label, r) {
  console.log(`${label} (${r.runtime})`);
  for (const [name, m] of Object.entries(r)) {
    if (name === 'runtime') continue;
    console.log(
      `  ${name.padEnd(13)} ${String(m.files).padStart(4)} files ${String(m.lines).padStart(7)} lines  ` +
        `engine ${String(m.engine_ms).padStart(8)} ms  ast.parse ${String(m.parse_ms).padStart(7)} ms  ` +
        `${String(m.lines_per_s).padStart(7)} lines/s  ratio ${m.ratio}x`,
    );
  }
}

const startup = performance.now();
const engine = await loadNodeEngine();
console.log(`Pyodide + engine start-up in Node: ${Math.round(performance.now() - startup)} ms`);
const { pyodide } = engine;
pyodide.FS.writeFile(
  '/mcp_migrate_engine/bench_engine.py',
  benchSource.replace(
    'sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))',
    'sys.path.insert(0, "/mcp_migrate_engine")',
  ),
);
const pyResult = pyodide.runPython(`
import sys, json
sys.path.insert(0, "/mcp_migrate_engine")
import bench_engine
json.dumps(bench_engine.run())
`);
print('Pyodide in Node', JSON.parse(pyResult));

const cpython = spawnSync('python3', [`${root}engine/tools/bench.py`], { encoding: 'utf8' });
if (cpython.status === 0) print('CPython', JSON.parse(cpython.stdout));
else console.log(`CPython: not measured (${cpython.stderr.trim().split('\n').pop() || 'python3 not found'})`);
