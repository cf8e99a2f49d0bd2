#!/usr/bin/env node
// @ts-check
// `mcp-migrate explain ...` -> the error lookup (src/cli/explain.mjs);
// anything else -> the Python engine CLI (engine/mcp_migrate/cli.py) run under Pyodide, so `npx` needs
// no local Python. Same flags and exit codes as `python -m mcp_migrate`.
const argv = process.argv.slice(2);

async function main() {
  if (argv[0] === 'explain') return (await import('../src/cli/explain.mjs')).main(argv.slice(1));
  return (await import('../src/lib/engine/cli-node.mjs')).runEngineCli(argv);
}

main().then(
  (code) => {
    process.exitCode = typeof code === 'number' ? code : 0;
  },
  (err) => {
    console.error(`mcp-migrate: internal error: ${err?.stack ?? err}`);
    process.exitCode = 2;
  },
);
