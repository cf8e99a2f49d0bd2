export function collectEngineFiles(engineDir: string): Record<string, string>;
