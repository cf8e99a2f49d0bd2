export function runEngineCli(argv: string[]): Promise<number>;
