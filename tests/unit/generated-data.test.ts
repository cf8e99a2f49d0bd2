import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, OUT_DIR } from '../../scripts/gen-data.mjs';

// The committed src/generated/*.json must be exactly what scripts/gen-data.mjs writes today.
describe('src/generated is up to date (run `npm run gen` if this fails)', () => {
  const { files } = generate() as { files: Record<string, string> };
  for (const [name, text] of Object.entries(files)) {
    it(name, () => {
      const committed = fs.readFileSync(path.join(OUT_DIR, name), 'utf8');
      expect(committed === text, `${name} is stale: run npm run gen`).toBe(true);
    });
  }
});
