// The one message protocol between the playground page and its Pyodide worker.
// Only `engine-client.ts` (page side) and `worker.ts` (worker side) speak it.

/** 1-based line, 1-based column in UTF-16 code units (Monaco's coordinates). */
export interface Pos {
  line: number;
  column: number;
}

export interface Edit {
  start: Pos;
  end: Pos;
  text: string;
}

export type FixClass = 'safe' | 'review' | 'manual';

export interface Finding {
  rule: string;
  anchor: string;
  fix_class: FixClass;
  message: string;
  applied: boolean;
  start: Pos;
  end: Pos;
  edits: Edit[];
}

export type InputKind = 'python' | 'pyproject' | 'requirements' | 'setup_cfg';

export interface EngineError {
  kind: 'syntax' | 'python2' | 'too_large' | 'too_deep' | 'binary' | 'encoding' | string;
  message: string;
  line: number | null;
  column: number | null;
}

export interface MigrateResult {
  text: string;
  changed: boolean;
  kind: InputKind;
  error: EngineError | null;
  findings: Finding[];
}

export interface RuleInfo {
  code: string;
  title: string;
  anchor: string;
  fix_class: FixClass;
  summary: string;
  why?: string;
  before?: string;
  after?: string;
}

/** Options passed to `migrate_text` (see docs/ARCHITECTURE.md, Engine API). */
export interface MigrateOptions {
  select?: string[];
  ignore?: string[];
  apply_review?: boolean | string[];
}

/** What is being downloaded or started, for the status line. */
export type LoadPhase = 'runtime' | 'stdlib' | 'engine' | 'ready';

// ---- page -> worker -------------------------------------------------------------------------

export type WorkerRequest =
  | { type: 'init'; id: number; indexURL: string }
  | { type: 'migrate'; id: number; text: string; filename: string; options: MigrateOptions }
  | { type: 'rules'; id: number };

// ---- worker -> page -------------------------------------------------------------------------

export type WorkerResponse =
  | {
      type: 'progress';
      phase: LoadPhase;
      /** bytes received so far over all runtime files */
      loaded: number;
      /** expected bytes over all runtime files (0 while unknown) */
      total: number;
      detail?: string;
    }
  | { type: 'ready'; id: number; rules: RuleInfo[]; ms: number; python: string }
  | { type: 'result'; id: number; result: MigrateResult; ms: number }
  | { type: 'rules'; id: number; rules: RuleInfo[] }
  | { type: 'error'; id: number; error: { kind: 'load' | 'engine' | 'internal'; message: string } };

/** Sizes of the runtime files the worker fetches with progress (used before Content-Length is known). */
export const RUNTIME_FILES = ['pyodide.asm.wasm', 'python_stdlib.zip'] as const;
