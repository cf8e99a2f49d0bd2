// The engine's contract on the TypeScript side (docs/ARCHITECTURE.md, "Engine API"). Every TS module
// that handles engine results imports its types from here; nothing else redefines them.

/** 1-based line; 1-based column in UTF-16 code units (Monaco's). */
export interface Position {
  line: number;
  column: number;
}

export interface FindingEdit {
  start: Position;
  end: Position;
  text: string;
}

export type FixClass = 'safe' | 'review' | 'manual';
export type FileKind = 'python' | 'pyproject' | 'requirements' | 'setup_cfg' | 'setup_py';
export type ErrorKind = 'syntax' | 'python2' | 'too_large' | 'too_deep' | 'binary' | 'encoding';

export interface Finding {
  rule: string;
  anchor: string;
  fix_class: FixClass;
  message: string;
  applied: boolean;
  /** Report-only review advice (deprecations that still work): no edits and never a marker. */
  advisory: boolean;
  /** The output text carries a marker comment for it (manual, or a review fix left unapplied). */
  marker: boolean;
  start: Position;
  end: Position;
  /** The finding's own edits over the input text; empty for manual findings. */
  edits: FindingEdit[];
  /**
   * Findings sharing a group are one fix and must be applied together (a v2 module path with a v1
   * class name works in neither version). null, or absent from engines before the key existed: alone.
   */
  group?: string | null;
}

export interface EngineError {
  kind: ErrorKind;
  message: string;
  line: number | null;
  column: number | null;
}

export interface Result {
  text: string;
  changed: boolean;
  kind: FileKind;
  error: EngineError | null;
  findings: Finding[];
  /** Present only when a rule crashed on this input (the rule's findings were dropped). */
  internal_errors?: string[];
}

export interface MigrateOptions {
  /** Rule codes or prefixes; undefined = all. */
  select?: string[];
  ignore?: string[];
  /** Apply review fixes: all (true) or those matching these codes/prefixes. */
  apply_review?: boolean | string[];
}

export interface RuleInfo {
  code: string;
  title: string;
  anchor: string;
  fix_class: FixClass;
  summary: string;
  why: string;
  before: string;
  after: string;
}

/**
 * `file_facts(path, text)`: what other files may import from this one (first pass of a project run).
 * A plain JSON value owned by the engine; TS only stores and forwards it. null for files that are not
 * Python or do not parse.
 */
export type FileFacts = { path: string; module: string; package: boolean; names: Record<string, unknown[]> } | null;

export type EngineFiles = Record<string, string>;

export interface LoadEngineOptions {
  /** Where pyodide.asm.wasm / python_stdlib.zip are served from (browser: e.g. '/pyodide/'). */
  indexURL?: string;
  /** The engine's Python files: inline, a URL of engine-files.json, or an async getter. */
  engineSource: { files: EngineFiles } | string | (() => Promise<EngineFiles>);
  /** Defaults to `import('pyodide').loadPyodide`. */
  loadPyodide?: (opts: { indexURL?: string }) => Promise<unknown>;
  /** Reuse an already loaded Pyodide instead of loading one. */
  pyodide?: unknown;
}

/** The engine inside one Pyodide, called synchronously (the caller already owns the thread). */
export interface SyncEngine {
  pyodide: any;
  migrate(text: string, filename?: string, options?: MigrateOptions, useProject?: boolean): Result;
  /** The same as the engine's own JSON text (for passing on without parsing it). */
  migrateJson(text: string, filename?: string, options?: MigrateOptions, useProject?: boolean): string;
  listRules(): RuleInfo[];
  /** First pass of a project: record one file's facts (replacing that path's earlier facts). */
  setFileFacts(path: string, text: string): FileFacts;
  /** Forget one file's facts (or every file's, without a path). */
  dropFileFacts(path?: string): void;
  /** Join the recorded facts into the project index `migrate(..., true)` uses. */
  buildProject(): void;
  /** The engine knows the two-pass project API (file_facts, ProjectIndex). */
  hasProjectApi: boolean;
}

export interface Engine {
  pyodide: any;
  migrate(text: string, filename?: string, options?: MigrateOptions): Promise<Result>;
  listRules(): Promise<RuleInfo[]>;
  /** Synchronous variants, for callers already inside a worker's message handler. */
  migrateSync(text: string, filename?: string, options?: MigrateOptions): Result;
  listRulesSync(): RuleInfo[];
  /** The same engine with the project calls (used by the playground worker). */
  sync: SyncEngine;
}
