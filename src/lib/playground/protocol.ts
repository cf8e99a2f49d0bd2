// The one message protocol between the playground page and its Pyodide worker. Only
// `engine-client.ts` (page side) and `worker.ts` (worker side) speak it. Engine values (results,
// rules) are the engine contract's types (src/lib/engine/types.ts); nothing here redefines them.
import type { MigrateOptions, Result, RuleInfo } from '../engine/types';

/** What is being downloaded or started, for the status line. */
export type LoadPhase = 'runtime' | 'snapshot' | 'engine' | 'ready';

/** One file of a dropped project, as the worker receives it. */
export interface ProjectFileInput {
  path: string;
  text: string;
}

// ---- page -> worker -------------------------------------------------------------------------

export type WorkerRequest =
  | { type: 'init'; id: number; indexURL: string; snapshotURL: string | null }
  /** `project`: resolve names through the project index (the file is one of the dropped project's). */
  | { type: 'migrate'; id: number; text: string; filename: string; options: MigrateOptions; project: boolean }
  /**
   * Two passes over a project: facts for every file, then the files migrated with the index (all of
   * them, or only the paths in `only`: a run resumed after a stuck file, or redone after an edit).
   */
  | { type: 'project'; id: number; files: ProjectFileInput[]; options: MigrateOptions; only?: string[] }
  | { type: 'cancel'; id: number }
  /** Forget the project (its facts and index). */
  | { type: 'project-clear'; id: number };

// ---- worker -> page -------------------------------------------------------------------------

export type WorkerResponse =
  | {
      type: 'progress';
      phase: LoadPhase;
      /** bytes received so far over all runtime files */
      loaded: number;
      /** expected bytes over all runtime files (0 while unknown) */
      total: number;
    }
  /** `snapshot`: Python was restored from the build-time snapshot (false: started from scratch). */
  | { type: 'ready'; id: number; rules: RuleInfo[]; ms: number; python: string; snapshot: boolean; projectApi: boolean }
  /** `json`: the engine's Result as JSON text (parsed on the page; cheaper than cloning the object). */
  | { type: 'result'; id: number; json: string; ms: number; factsChanged: boolean }
  | { type: 'project-progress'; id: number; pass: 'facts' | 'migrate'; done: number; total: number; path: string }
  /** One file's Result as JSON text, or why the engine failed on it. */
  | { type: 'project-file'; id: number; path: string; json: string | null; error: string | null; ms: number }
  | { type: 'project-done'; id: number; ms: number; cancelled: boolean }
  | { type: 'error'; id: number; error: { kind: 'load' | 'engine' | 'internal'; message: string } };

export type { Result, RuleInfo, MigrateOptions };
