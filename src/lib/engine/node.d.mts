import type { Engine, EngineFiles } from './types';

export function engineFilesFromDisk(): EngineFiles;
export function pyodideIndexURL(): string;
export function loadNodeEngine(opts?: { files?: EngineFiles }): Promise<Engine>;
