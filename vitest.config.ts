import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Pyodide start-up dominates engine suites; keep one worker per file and generous hook time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
