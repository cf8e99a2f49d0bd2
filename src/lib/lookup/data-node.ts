// The lookup's data as Node reads it (the CLI, the held-out scorer, tests and benchmarks): the same
// generated files the page bundles, so the CLI answers exactly as the browser does.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LookupData } from './types.ts';

export const GENERATED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../generated');

export function loadLookupData(dir: string = GENERATED_DIR): LookupData {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  return { sections: read('sections.json'), symbols: read('symbol-index.json'), index: read('lookup-index.json') };
}
